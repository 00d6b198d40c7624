//! Whole-screen snapshots of the reader on the sample article, colours and modifiers included
//! (`Debug` of the buffer lists every style change), at three sizes and in monochrome.

mod tui_common;

use quotelens::tui::Theme;
use tui_common::Reader;

#[test]
fn opening_screen_100x30() {
    let r = Reader::sample(100, 30, Theme::COLOUR);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn second_quote_selected_100x30() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["]", "]"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn quotes_tab_80x24() {
    let mut r = Reader::sample(80, 24, Theme::COLOUR);
    r.press(&["2", "j", "j", "j", "j"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn speaker_filter_and_search_80x24() {
    let mut r = Reader::sample(80, 24, Theme::COLOUR);
    r.press(&["1", "j", "enter", "/"]);
    r.type_text("belarus");
    r.press(&["enter", "n"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn help_80x24() {
    let mut r = Reader::sample(80, 24, Theme::COLOUR);
    r.press(&["?"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn tiny_terminal_20x5() {
    let mut r = Reader::sample(20, 5, Theme::COLOUR);
    r.press(&["]"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn monochrome_100x30() {
    let mut r = Reader::sample(100, 30, Theme::MONO);
    r.press(&["]", "]", "/"]);
    r.type_text("russia");
    r.press(&["enter"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

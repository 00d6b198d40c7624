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
fn third_quote_then_the_numbers_tab_140x40() {
    // Wide: every tab title on one row; the number at the third quote is the one selection.
    let mut r = Reader::sample(140, 40, Theme::COLOUR);
    r.press(&["]", "]", "]", "3"]);
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

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

#[test]
fn highlights_tab_with_a_note_100x30() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "m", "]", "]", "m", "a"]);
    r.enter_text("compare with the 2020 result");
    r.press(&["v", "w", "w", "w", "m", "4", "k"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn selecting_text_80x24() {
    let mut r = Reader::sample(80, 24, Theme::COLOUR);
    r.press(&["]", "v", "w", "w", ")", "j"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn export_dialog_80x24() {
    let data = tmp();
    let mut r = Reader::sample_with_store(80, 24, Theme::COLOUR, data.path());
    // The folder is shown: one that reads the same in every run.
    r.app.export_dir = std::path::PathBuf::from("/home/reader/news");
    r.press(&["]", "e", "l", "j", "l"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn highlights_in_monochrome_100x30() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::MONO, data.path());
    r.press(&["]", "m", "]", "m", "g"]);
    r.app.current = None;
    r.draw();
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn library_100x24() {
    let dir = tmp();
    let files: [(&str, &str); 3] = [
        (
            "bridge.txt",
            "Bridge talks resume\n\n“We will build the bridge,” said Mayor Ann Lee.\n\n“Not one \
             rouble,” Russian President Vladimir Putin said.\n",
        ),
        (
            "harbour.md",
            "# Harbour reopens\n\n“The harbour is open again,” said Ann Lee.\n",
        ),
        ("kremlin.txt", quotelens::cli::SAMPLE_TEXT),
    ];
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
            p
        })
        .collect();
    let app = quotelens::tui::App::library(
        "news/".into(),
        paths,
        &quotelens::tui::Config::defaults(),
        Theme::COLOUR,
        (100, 24),
    );
    let mut r = Reader::around(app, true);
    r.press(&["j"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn chapters_tab_80x24() {
    use quotelens::document::Section;
    let chapters = [
        (
            "Chapter One: The Harbour",
            "The fog had not lifted. “We cannot sail in this,” Elin said.",
        ),
        (
            "Chapter Two: The Crossing",
            "The engine coughed. “Two points to starboard!” shouted the captain.",
        ),
        (
            "Chapter Three: The Island",
            "They tied up at dusk. “So had I,” she said.",
        ),
    ];
    let mut text = String::new();
    let mut sections = Vec::new();
    for (title, body) in chapters {
        let start = text.len();
        text.push_str(&format!("{title}\n\n{body}\n\n"));
        sections.push(Section {
            title: title.into(),
            span: quotelens::Span::new(start, text.len() - 2),
        });
    }
    let paragraphs = quotelens::document::split_paragraphs(&text);
    let meta = quotelens::Meta {
        title: Some("The Post Boat".into()),
        ..Default::default()
    };
    let doc = quotelens::Document::from_parts(text, paragraphs, sections, meta);
    let mut r = Reader::with_doc(doc, 80, 24, Theme::COLOUR, true);
    r.press(&["5", "j"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

/// A short Markdown article with sub-headings, loaded as the reader loads a `.md` file.
fn markdown_article() -> quotelens::Document {
    let md = "# Harbour reopens\n\nThe harbour opened on Monday after a month of repairs.\n\n\
              ## What the mayor said\n\n“The harbour is open again,” said Mayor Ann Lee.\n\n\
              ### Next steps\n\nFerries return in May, the port authority said.\n";
    quotelens::document::load::from_bytes(md.as_bytes(), "harbour.md", "md")
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn markdown_headings_80x24() {
    // The title and both sub-headings are bold; the text between them is not.
    let r = Reader::with_doc(markdown_article(), 80, 24, Theme::COLOUR, true);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

#[test]
fn an_uncertain_speaker_in_the_quotes_list_and_the_status_bar_100x30() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    tui_common::set_confidence(&mut r, 1, 0.42);
    r.press(&["2", "j"]);
    insta::assert_debug_snapshot!(r.term.backend().buffer());
}

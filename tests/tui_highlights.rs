//! Highlights, notes, undo, free selections, copying and exports in the reader, driven headless
//! with the store in a temporary folder: what a user sees, and what is on disk afterwards.

mod tui_common;

use quotelens::tui::{Focus, Tab, Theme};
use ratatui::style::{Color, Modifier};
use tui_common::Reader;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// The cell where `needle` starts on screen.
fn cell_of(r: &Reader, needle: &str) -> (u16, u16) {
    let lines = r.lines();
    let row = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", r.screen()));
    let col = lines[row].find(needle).unwrap_or(0);
    (lines[row][..col].chars().count() as u16, row as u16)
}

/// The OSC 52 payloads in the reader's terminal output, decoded.
fn clipboard(r: &mut Reader) -> Vec<String> {
    let out = r.take_written();
    let out = String::from_utf8_lossy(&out).into_owned();
    out.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split('\x07').next())
        .map(|b64| String::from_utf8_lossy(&decode64(b64)).into_owned())
        .collect()
}

fn decode64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[test]
fn m_highlights_the_quote_lists_it_draws_it_and_keeps_it_after_a_restart() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "m"]);
    assert!(
        r.status().contains("Highlighted: “I thought long"),
        "{}",
        r.status()
    );
    assert!(
        r.status().contains("Aleksandr Lukashenko"),
        "{}",
        r.status()
    );
    // In the article: a background of its own and a bar in the gutter.
    r.press(&["esc"]);
    r.app.current = None;
    r.draw();
    let (x, y) = cell_of(&r, "indeed reached");
    let buf = r.term.backend().buffer();
    assert_eq!(buf[(x, y)].bg, Color::DarkGray);
    assert_eq!(buf[(1, y)].symbol(), "▌");
    // The Highlights tab lists it with its speaker.
    r.press(&["4"]);
    assert_eq!(r.app.panel.tab, Tab::Highlights);
    let screen = r.screen();
    assert!(screen.contains("4 Highlights"), "{screen}");
    assert!(screen.contains("Lukashenko I thought long"), "{screen}");
    assert!(r.status().contains("highlight 1/1"), "{}", r.status());
    // A new reader on the same document finds it again.
    let mut again = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    assert_eq!(again.app.highlights().len(), 1);
    assert_eq!(
        again.app.highlights()[0].speaker.as_deref(),
        Some("Aleksandr Lukashenko")
    );
    again.press(&["4"]);
    assert!(again.screen().contains("Lukashenko I thought long"));
}

#[test]
fn m_again_removes_it_and_u_brings_it_back() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "]", "m"]);
    assert_eq!(r.app.highlights().len(), 1);
    r.press(&["m"]);
    assert_eq!(r.app.highlights().len(), 0);
    assert!(r.status().contains("Highlight removed"), "{}", r.status());
    assert!(r.status().contains("u undoes"), "{}", r.status());
    r.press(&["u"]);
    assert_eq!(r.app.highlights().len(), 1);
    assert!(r.status().contains("back"), "{}", r.status());
    r.press(&["u", "u"]);
    assert_eq!(r.app.highlights().len(), 0);
    assert!(r.status().contains("Nothing to undo"), "{}", r.status());
}

#[test]
fn a_writes_a_note_that_is_listed_saved_and_undoable() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    // `a` on a quote not yet highlighted highlights it and asks for the note.
    r.press(&["]", "a"]);
    assert!(r.status().starts_with("Note: "), "{}", r.status());
    r.enter_text("check the 87% claim");
    assert!(r.status().contains("Note saved"), "{}", r.status());
    r.press(&["4"]);
    assert!(
        r.screen().contains("✎ check the 87% claim"),
        "{}",
        r.screen()
    );
    assert!(
        r.status().contains("✎ check the 87% claim"),
        "{}",
        r.status()
    );
    // Editing starts from the old note.
    r.press(&["a"]);
    assert!(r.status().contains("check the 87% claim"));
    r.press(&["ctrl-u"]);
    r.enter_text("verified");
    let again = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    assert_eq!(again.app.highlights()[0].note.as_deref(), Some("verified"));
    r.press(&["u"]);
    assert_eq!(
        r.app.highlights()[0].note.as_deref(),
        Some("check the 87% claim")
    );
}

#[test]
fn d_removes_the_selected_highlight_in_the_list() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "m", "]", "m", "]", "m"]);
    assert_eq!(r.app.highlights().len(), 3);
    // The list opens on the last highlight made.
    r.press(&["4"]);
    assert!(r.status().contains("highlight 3/3"), "{}", r.status());
    r.press(&["g", "j"]);
    assert_eq!(r.app.focus, Focus::Panel);
    assert!(r.status().contains("highlight 2/3"), "{}", r.status());
    r.press(&["d"]);
    assert_eq!(r.app.highlights().len(), 2);
    assert!(r.status().contains("Highlight removed"), "{}", r.status());
    // Enter in the list jumps to the highlight in the article.
    r.press(&["G", "enter"]);
    let last = r.app.highlights()[1].text.clone();
    let first_words: String = last
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        r.screen().contains(&first_words),
        "{first_words}\n{}",
        r.screen()
    );
    // d in the article on a quote that is not highlighted says so.
    r.press(&["tab", "g", "[", "[", "["]);
}

#[test]
fn v_selects_text_by_word_sentence_and_line_and_m_marks_it() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    // From the top of the screen: the first word of the article.
    r.press(&["v"]);
    assert!(r.status().contains("selecting 1 word"), "{}", r.status());
    r.press(&["w", "w"]);
    assert!(r.status().contains("selecting 3 words"), "{}", r.status());
    let (x, y) = cell_of(&r, "Belarusian President");
    assert_eq!(r.term.backend().buffer()[(x, y)].bg, Color::LightBlue);
    r.press(&["b"]);
    assert!(r.status().contains("selecting 2 words"), "{}", r.status());
    r.press(&[")"]);
    let span = r.app.selection_span().unwrap_or_default();
    assert!(
        span.text(&r.app.doc.text).ends_with("on 13 March."),
        "{:?}",
        span.text(&r.app.doc.text)
    );
    r.press(&["m"]);
    assert!(r.app.selection.is_none());
    let h = &r.app.highlights()[0];
    assert_eq!(h.origin, quotelens::store::Origin::Selection);
    assert!(
        h.text
            .starts_with("Belarusian President Aleksandr Lukashenko held talks")
    );
    // A line at a time, then Esc cancels without marking.
    r.press(&["v", "j", "j"]);
    let lines = r.app.selection_span().map(|s| s.len()).unwrap_or(0);
    assert!(lines > 100, "{lines}");
    r.press(&["esc"]);
    assert!(r.app.selection.is_none());
    assert_eq!(r.app.highlights().len(), 1);
}

#[test]
fn a_selection_inside_a_quote_keeps_its_speaker() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "v", "w", "w", "m"]);
    let h = &r.app.highlights()[0];
    assert_eq!(h.text, "I thought long");
    assert_eq!(h.speaker.as_deref(), Some("Aleksandr Lukashenko"));
}

#[test]
fn y_copies_the_quote_with_its_speaker_through_osc52() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["]", "y"]);
    assert!(
        r.status().contains("Copied “I thought long"),
        "{}",
        r.status()
    );
    assert!(r.status().contains("(OSC 52)"), "{}", r.status());
    let copied = clipboard(&mut r);
    assert_eq!(copied.len(), 1);
    assert!(copied[0].starts_with("I thought long about what I can say"));
    assert!(copied[0].ends_with("moving in the normal direction.\n— Aleksandr Lukashenko"));
    // Inside tmux the sequence is sent plain and wrapped for passthrough.
    r.app.clipboard.tmux = true;
    r.press(&["y"]);
    let out = r.take_written();
    assert!(out.starts_with(b"\x1b]52;c;"));
    assert!(
        out.windows(7).any(|w| w == b"\x1bPtmux;"),
        "not wrapped for tmux"
    );
    // Nothing selected: nothing copied, and the status bar says what to do.
    let mut fresh = Reader::sample(100, 30, Theme::COLOUR);
    fresh.press(&["y"]);
    assert!(fresh.status().contains("Nothing selected to copy"));
    assert!(fresh.take_written().is_empty());
}

#[test]
fn y_copies_a_selection_and_a_highlight_from_the_list() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["v", "w", "y"]);
    assert_eq!(clipboard(&mut r), ["Belarusian President"]);
    r.press(&["]", "]", "m", "4", "y"]);
    let copied = clipboard(&mut r);
    assert!(
        copied[0].starts_with("a certain choice of the vector between the East and the West"),
        "{copied:?}"
    );
    assert!(copied[0].ends_with("— Aleksandr Lukashenko"));
}

#[test]
fn e_exports_to_a_new_file_and_never_overwrites() {
    let data = tmp();
    let mut r = Reader::sample_with_store(80, 24, Theme::COLOUR, data.path());
    r.press(&["e"]);
    let screen = r.screen();
    assert!(screen.contains("Export"), "{screen}");
    assert!(screen.contains("all quotes"), "{screen}");
    assert!(screen.contains("kremlin-talks-quotes.md"), "{screen}");
    r.press(&["enter"]);
    // 13 quotes, one quotation of them cut in two by its attribution and exported whole.
    assert!(r.status().contains("Wrote 12 quotes to"), "{}", r.status());
    let dir = data.path().join("exports");
    let md = std::fs::read_to_string(dir.join("kremlin-talks-quotes.md")).unwrap_or_default();
    assert!(md.contains("> I thought long"), "{md}");
    // The same again: a new name, the first file untouched.
    r.press(&["e", "enter"]);
    assert!(dir.join("kremlin-talks-quotes-2.md").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("kremlin-talks-quotes.md")).unwrap_or_default(),
        md
    );
    // JSON of one speaker: the format row, then the scope row.
    r.press(&["1", "j", "enter", "e", "l", "j", "l", "enter"]);
    assert!(
        r.status().contains("quotes by Vladimir Putin"),
        "{}",
        r.status()
    );
    let json =
        std::fs::read_to_string(dir.join("kremlin-talks-quotes-putin.json")).unwrap_or_default();
    assert!(
        json.contains("Vladimir Putin") && !json.contains("\"speaker\": \"Aleksandr Lukashenko\"")
    );
    // Highlights as CSV, Esc cancels without writing.
    r.press(&["]", "m", "e", "esc"]);
    assert!(r.app.overlay.is_none());
    r.press(&["4", "e", "h", "enter"]);
    assert!(
        dir.join("kremlin-talks-highlights.csv").exists(),
        "{}",
        r.status()
    );
}

#[test]
fn a_changed_document_keeps_its_highlights_and_lists_the_orphans() {
    let data = tmp();
    let file = data.path().join("article.txt");
    let v1 = "Intro line.\n\n“We will build the bridge,” said Mayor Ann Lee.\n\n“Taxes stay as they are,” she said.\n";
    std::fs::write(&file, v1).unwrap_or_else(|e| panic!("{e}"));
    let load = |p: &std::path::Path| {
        quotelens::cli::reader_document(Some(&p.display().to_string()))
            .unwrap_or_else(|f| panic!("{}", f.message))
    };
    let mut r = Reader::with_store(load(&file), 100, 30, Theme::COLOUR, data.path(), false);
    r.press(&["]", "m", "]", "m"]);
    assert_eq!(r.app.highlights().len(), 2);
    // The second quote is edited away; the first moves down a paragraph.
    let v2 = "Intro line.\n\nA new paragraph first.\n\n“We will build the bridge,” said Mayor Ann Lee.\n\nShe left.\n";
    std::fs::write(&file, v2).unwrap_or_else(|e| panic!("{e}"));
    let mut r = Reader::with_store(load(&file), 100, 30, Theme::COLOUR, data.path(), false);
    let message = r
        .app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("found again"), "{message}");
    assert!(message.contains("orphaned"), "{message}");
    assert_eq!(r.app.highlights().len(), 2, "nothing dropped");
    r.press(&["4"]);
    let screen = r.screen();
    assert!(screen.contains("We will build the bridge"), "{screen}");
    assert!(screen.contains("orphaned Lee Taxes stay"), "{screen}");
    r.press(&["j"]);
    assert!(
        r.status().to_lowercase().contains("orphaned"),
        "{}",
        r.status()
    );
}

#[test]
fn the_reading_position_comes_back_on_reopening() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["space", "j", "j"]);
    let top = r.app.article.top();
    assert!(top > 0);
    r.app.save_position();
    let again = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    assert_eq!(again.app.article.top(), top);
}

#[test]
fn without_colour_highlights_and_selections_use_modifiers() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::MONO, data.path());
    r.press(&["]", "m", "]"]);
    let (x, y) = cell_of(&r, "indeed reached");
    let buf = r.term.backend().buffer();
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    r.press(&["v", "w"]);
    for cell in r.term.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn highlight_keys_say_what_to_do_when_highlights_are_off() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["]", "m"]);
    assert!(r.status().contains("Highlights are off"), "{}", r.status());
    r.press(&["4"]);
    assert!(r.screen().contains("Highlights are off"));
}

#[test]
fn the_help_screen_lists_the_new_keys() {
    let mut r = Reader::sample(100, 60, Theme::COLOUR);
    r.press(&["?"]);
    let screen = r.screen();
    for needle in [
        "Highlights, copying and export",
        "Selecting text (after v)",
        "Extend the selection by a sentence",
        "Write a note on the selected highlight",
    ] {
        assert!(screen.contains(needle), "{needle}\n{screen}");
    }
}

#[test]
fn a_long_highlight_is_drawn_on_every_row_it_covers() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    // A selection over several lines, and a short quote highlight after its start.
    r.press(&[
        "v", "j", "j", "j", "j", "j", "j", "j", "m", "]", "]", "m", "g",
    ]);
    r.app.current = None;
    r.draw();
    assert_eq!(r.app.highlights().len(), 2);
    let lines = r.lines();
    let marked = lines[1..29]
        .iter()
        .filter(|l| l.chars().nth(1) == Some('▌'))
        .count();
    assert!(marked >= 8, "{marked} rows marked:\n{}", r.screen());
    let (x, y) = cell_of(&r, "Belarusian President");
    assert_eq!(r.term.backend().buffer()[(x, y)].bg, Color::DarkGray);
}

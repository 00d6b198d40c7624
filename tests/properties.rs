//! Properties of the public API for any text: the engine never panics and every span it returns
//! can be used to slice the text; documents keep their paragraphs inside the text; normalisation
//! leaves no control character that could drive a terminal. Case counts are kept small so the file
//! runs in a few seconds in a debug build; the fuzz targets (fuzz/) explore much further.

#[path = "support/invariants.rs"]
mod invariants;

use proptest::prelude::*;
use quotelens::document::load::from_bytes;
use quotelens::document::sanitize;
use quotelens::{Document, Meta, analyze};

/// Pieces of news text that exercise the engine's rules: quote marks of every style, apostrophes,
/// names, titles, cue words, numbers, line ends, control characters and odd Unicode.
const PIECES: &[&str] = &[
    // Quote marks and apostrophes.
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "「",
    "」",
    "『",
    "』",
    "``",
    "''",
    "`",
    "it's",
    "Jones'",
    "'90s",
    "rock 'n' roll",
    "O'Brien",
    // Words the attribution rules look for.
    "said",
    "says",
    "told",
    "added",
    "asked",
    "according",
    "to",
    "that",
    "pointed",
    "out",
    "he",
    "she",
    "they",
    "the",
    "a",
    "of",
    "in",
    "so-called",
    "called",
    "dubbed",
    "President",
    "Vladimir",
    "Putin",
    "Ms",
    "Mr.",
    "Dr.",
    "U.S.",
    "Sen.",
    "spokeswoman",
    "the head of state",
    "Lukashenko",
    "al-Assad",
    "de",
    "Dear",
    // Numbers.
    "3.5",
    "87%",
    "$51.8",
    "billion",
    "percent",
    "percentage points",
    "13 March 2021",
    "1,200",
    "between 5 and 7",
    "nearly",
    "2/3",
    "3 p.m.",
    "1990s",
    "No.",
    "#",
    // Punctuation and space.
    " ",
    " ",
    " ",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "…",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\r",
    "\u{a0}",
    "\u{2028}",
    // Controls, bidi, BOM, combining marks, wide and astral characters.
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{2067}",
    "\u{feff}",
    "e\u{301}",
    "\u{200d}",
    "字",
    "😀",
    "\u{fffd}",
    // Markup that exports must escape.
    "<script>alert(1)</script>",
    "<SCRIPT",
    "&amp;",
    "<b>",
    "*",
    "|",
    "`code`",
    "=cmd",
];

/// Text assembled from the pieces above, with arbitrary characters mixed in.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{1,8}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Only quote marks, apostrophes and breaks: the inputs that stress mark pairing and nesting.
fn marks_only() -> impl Strategy<Value = String> {
    let mark = prop::sample::select(&[
        "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‚", "「", "」", "``", "''", " ", "x", "\n",
        "\n\n", ",", ".",
    ]);
    prop::collection::vec(mark, 0..120).prop_map(|v| v.concat())
}

fn check_text(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::from_text(text, Meta::default());
    invariants::check_document(&doc).map_err(TestCaseError::fail)?;
    check_paragraphs_hold_all_text(&doc)?;
    let a = analyze(&doc);
    invariants::check_analysis(&doc, &a).map_err(TestCaseError::fail)?;
    Ok(())
}

/// Paragraphs are trimmed and non-empty, and every non-blank character is in one of them.
fn check_paragraphs_hold_all_text(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    for p in &doc.paragraphs {
        let t = p.text(text);
        prop_assert!(!t.is_empty(), "empty paragraph {:?}", p);
        prop_assert_eq!(t.trim(), t, "paragraph {:?} has surrounding space", p);
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            prop_assert!(
                doc.paragraphs.iter().any(|p| p.contains(i)),
                "{:?} at {} is in no paragraph",
                c,
                i
            );
        }
    }
    Ok(())
}

/// A control character that a terminal could act on.
fn is_control(c: char) -> bool {
    c != '\n'
        && c != '\t'
        && (c.is_control()
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn analyze_spans_are_usable_for_newsy_text(text in newsy_text()) {
        check_text(&text)?;
    }

    #[test]
    fn analyze_spans_are_usable_for_any_marks(text in marks_only()) {
        check_text(&text)?;
    }

    #[test]
    fn analyze_spans_are_usable_for_any_string(text in any::<String>()) {
        check_text(&text)?;
    }

    #[test]
    fn loader_and_json_hold_for_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for ext in ["txt", "html", "md", "epub", ""] {
            if let Ok(doc) = from_bytes(&bytes, "prop", ext) {
                invariants::check_all(&doc).map_err(TestCaseError::fail)?;
            }
        }
    }

    #[test]
    fn every_export_renders_and_html_never_runs_a_script(text in newsy_text()) {
        let doc = Document::from_text(&text, Meta::default());
        let a = analyze(&doc);
        invariants::check_exports(&doc, &a).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn normalized_text_has_no_control_characters(text in newsy_text()) {
        let (out, _) = sanitize::normalize(&text);
        let bad: Vec<char> = out.chars().filter(|&c| is_control(c)).collect();
        prop_assert!(bad.is_empty(), "controls left: {:?}", bad);
        // Normalising twice changes nothing more. (Only one leading BOM is dropped, so text that
        // starts with two BOMs still starts with one; a harmless zero-width character.)
        if !out.starts_with('\u{feff}') {
            prop_assert_eq!(sanitize::normalize(&out).0, out.clone());
        }
        // And documents hold that same text.
        prop_assert_eq!(Document::from_text(&text, Meta::default()).text, out);
    }

    #[test]
    fn normalized_any_string_has_no_control_characters(text in any::<String>()) {
        let (out, _) = sanitize::normalize(&text);
        prop_assert!(!out.chars().any(is_control), "controls left in {:?}", out);
        let term = sanitize::for_terminal(&text);
        prop_assert!(!term.chars().any(|c| is_control(c) || c == '\r'), "for_terminal left controls in {:?}", term);
    }

    #[test]
    fn text_without_controls_is_not_changed(text in "[^\\p{Cc}\u{feff}\u{202a}-\u{202e}\u{2066}-\u{2069}]*") {
        prop_assert_eq!(sanitize::normalize(&text).0, text.clone());
    }
}

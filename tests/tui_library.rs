//! The library (a folder or several files) and the chapters of a book, driven headless.

mod tui_common;

use quotelens::tui::{App, Config, Input, Mode, Tab, Theme};
use std::path::{Path, PathBuf};
use tui_common::Reader;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// A folder of four documents: the sample, two short articles and a binary file.
pub fn library_folder(dir: &Path) -> Vec<PathBuf> {
    let files: [(&str, &[u8]); 4] = [
        (
            "bridge.txt",
            "Bridge talks resume\n\n“We will build the bridge,” said Mayor Ann Lee on Monday.\n\n\
             “Taxes stay as they are,” said Ann Lee.\n\n“Not one rouble from Moscow,” Russian \
             President Vladimir Putin said.\n"
                .as_bytes(),
        ),
        (
            "harbour.md",
            "# Harbour reopens\n\n“The harbour is open again,” said Ann Lee, the mayor.\n\nShips came \
             in by noon.\n"
                .as_bytes(),
        ),
        ("kremlin.txt", quotelens::cli::SAMPLE_TEXT.as_bytes()),
        ("zz-broken.txt", b"text\0with a NUL byte"),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
        paths.push(p);
    }
    paths
}

fn library(dir: &Path, w: u16, h: u16) -> Reader {
    let paths = library_folder(dir);
    let app = App::library(
        "news/".into(),
        paths,
        &Config::defaults(),
        Theme::COLOUR,
        (w, h),
    );
    Reader::around(app, false)
}

#[test]
fn rows_fill_in_as_their_documents_are_analysed() {
    let dir = tmp();
    let mut r = library(dir.path(), 100, 20);
    let s = r.screen();
    assert!(s.contains("news/ │ 4 documents, 4 analysing…"), "{s}");
    assert_eq!(s.matches("analysing…").count(), 1 + 4 + 1, "{s}");
    // One result arrives: only its row is filled in.
    let mut jobs = r.take_jobs();
    assert_eq!(jobs.len(), 4);
    let second = jobs.remove(1);
    r.input(Input::Job(second.run()));
    r.draw();
    let s = r.screen();
    assert!(s.contains("Harbour reopens"), "{s}");
    assert!(s.contains("3 analysing…"), "{s}");
    assert!(s.contains("bridge.txt"), "{s}");
    for job in jobs {
        r.input(Input::Job(job.run()));
    }
    r.draw();
    let s = r.screen();
    assert!(!s.contains("analysing…"), "{s}");
    assert!(s.contains("Bridge talks resume"), "{s}");
    assert!(s.contains("Lee 2, Putin 1"), "{s}");
    assert!(s.contains("zz-broken.txt"), "{s}");
    assert!(s.contains("Lukashenko 11, Putin 8"), "{s}");
    assert!(s.contains("looks like a binary file"), "{s}");
    // The speaker index counts documents.
    assert!(s.contains("Quoted speakers"), "{s}");
    let lee = s.lines().find(|l| l.contains("Ann Lee")).unwrap_or("");
    assert!(lee.contains("2 docs"), "{lee}");
}

#[test]
fn a_speaker_in_the_index_lists_the_documents_that_quote_them() {
    let dir = tmp();
    let mut r = library(dir.path(), 100, 20);
    r.settle();
    r.press(&["tab"]);
    let putin = r
        .app
        .library
        .as_ref()
        .and_then(|l| l.speakers.iter().position(|s| s.name == "Vladimir Putin"))
        .unwrap_or_else(|| panic!("Putin is not in the index"));
    for _ in 0..putin {
        r.press(&["j"]);
    }
    r.press(&["enter"]);
    let s = r.screen();
    assert!(s.contains("2 of 4 documents quoting Vladimir Putin"), "{s}");
    assert!(s.contains("Bridge talks resume"), "{s}");
    assert!(!s.contains("Harbour reopens"), "{s}");
    assert!(
        r.status().contains("2 documents quoting Vladimir Putin"),
        "{}",
        r.status()
    );
    r.press(&["x"]);
    assert!(r.screen().contains("Harbour reopens"));
    // `/` filters by any part of a name.
    r.press(&["/"]);
    assert!(r.status().starts_with("Quoted speaker: "), "{}", r.status());
    r.enter_text("lee");
    let s = r.screen();
    assert!(s.contains("2 of 4 documents"), "{s}");
    assert!(!s.contains("kremlin"), "{s}");
    r.press(&["/"]);
    r.enter_text("nobody at all");
    assert!(r.status().contains("0 documents"), "{}", r.status());
}

#[test]
fn enter_opens_a_document_and_the_library_key_comes_back() {
    let dir = tmp();
    let mut r = library(dir.path(), 100, 24);
    r.settle();
    r.press(&["j", "j", "enter"]);
    assert_eq!(r.app.mode, Mode::Document);
    let s = r.screen();
    assert!(
        s.contains("Belarusian President Aleksandr Lukashenko held talks"),
        "{s}"
    );
    assert!(s.contains("3/4 · Backspace library"), "{s}");
    r.press(&["]"]);
    assert!(r.status().contains("quote 1/20"), "{}", r.status());
    r.press(&["backspace"]);
    assert_eq!(r.app.mode, Mode::Library);
    assert!(r.screen().contains("▸"), "the open document is marked");
    // The broken file says why it cannot open.
    r.press(&["G", "enter"]);
    assert_eq!(r.app.mode, Mode::Library);
    assert!(r.status().contains("binary"), "{}", r.status());
    r.press(&["g", "enter"]);
    assert!(r.screen().contains("We will build the bridge"));
    r.press(&["q"]);
    assert!(r.app.quit);
}

#[test]
fn a_single_document_has_no_library() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["backspace"]);
    assert_eq!(r.app.mode, Mode::Document);
    assert!(
        r.status().contains("Only one document is open"),
        "{}",
        r.status()
    );
}

/// An EPUB with three chapters, built with rbook's writer.
fn book(path: &Path) {
    use rbook::epub::{Epub, EpubChapter};
    let chapters = [
        (
            "Chapter One: The Harbour",
            "<p>The fog had not lifted.</p><p>“We cannot sail in this,” Elin said.</p>",
        ),
        (
            "Chapter Two: The Crossing",
            "<p>The engine coughed.</p><p>“Two points to starboard!” shouted the captain.</p>",
        ),
        (
            "Chapter Three: The Island",
            "<p>They tied up at dusk.</p><p>“So had I,” she said.</p>",
        ),
    ];
    Epub::builder()
        .identifier("urn:quotelens:test-reader-book")
        .title("The Post Boat")
        .author("Test Author")
        .language("en")
        .chapter(
            chapters
                .iter()
                .map(|(t, body)| EpubChapter::new(*t).xhtml_body(*body))
                .collect::<Vec<_>>(),
        )
        .write()
        .save(path)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_books_chapters_are_listed_and_enter_jumps_to_one() {
    let dir = tmp();
    let path = dir.path().join("post-boat.epub");
    book(&path);
    let doc = quotelens::cli::reader_document(Some(&path.display().to_string()))
        .unwrap_or_else(|f| panic!("{}", f.message));
    assert_eq!(doc.sections.len(), 3);
    let mut r = Reader::with_doc(doc, 100, 12, Theme::COLOUR, true);
    assert!(r.status().contains("1/3 Chapter One"), "{}", r.status());
    r.press(&["5"]);
    assert_eq!(r.app.panel.tab, Tab::Chapters);
    let s = r.screen();
    assert!(s.contains("5 Chapters"), "{s}");
    assert!(s.contains(" 2 Chapter Two: The Crossing"), "{s}");
    r.press(&["j", "j", "enter"]);
    // The chapter is the selection: the status bar names it once, on the left.
    assert!(
        r.status().contains("chapter 3/3 · Chapter Three"),
        "{}",
        r.status()
    );
    // A short last chapter cannot reach the top of the screen; it is on it.
    assert!(
        r.screen().contains("Chapter Three: The Island"),
        "{}",
        r.screen()
    );
    // The list follows the article.
    r.press(&["tab", "g"]);
    assert_eq!(r.app.list_selected(Tab::Chapters), Some(0));
    // An article has no Chapters tab.
    let mut article = Reader::sample(100, 30, Theme::COLOUR);
    article.press(&["5"]);
    assert_ne!(article.app.panel.tab, Tab::Chapters);
    assert!(!article.screen().contains("Chapters"));
}

#[test]
fn library_rows_survive_tiny_terminals() {
    let dir = tmp();
    let mut r = library(dir.path(), 100, 20);
    r.settle();
    for (w, h) in [(1, 1), (0, 0), (20, 5), (59, 4), (60, 3), (30, 10)] {
        r.resize(w, h);
        r.press(&["j", "tab", "j", "enter", "x", "/"]);
        r.enter_text("a");
        r.press(&["tab", "G", "?", "esc"]);
        if r.app.mode == Mode::Document {
            r.press(&["backspace"]);
        }
    }
}

//! Input formats and bad input, through the real binary: saved news pages, EPUB books built here,
//! Markdown, stdin, UTF-16 and Windows-1252 files generated from the sample article, and the
//! bad-input table (binary, empty, missing, directory, invalid UTF-8, too large).

#[path = "support/run.rs"]
mod support;

use quotelens::document::load::{self, Source};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use support::{Run, arg, run, run_with, write};

const SAMPLE: &str = include_str!("../assets/kremlin-talks.txt");
const NEWS_PAGE: &str = "tests/fixtures/news-page.html";

fn json(r: &Run) -> Value {
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    serde_json::from_str(&r.stdout).expect("extract prints JSON")
}

/// Each quote's text and its speaker's name, in document order.
fn quotes_and_speakers(v: &Value) -> Vec<(String, Option<String>)> {
    v["quotes"]
        .as_array()
        .expect("quotes is an array")
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap_or_default().to_string(),
                q["speaker_name"].as_str().map(String::from),
            )
        })
        .collect()
}

fn speaker_of(v: &Value, quote_start: &str) -> Option<String> {
    quotes_and_speakers(v)
        .into_iter()
        .find(|(text, _)| text.starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quote starting {quote_start:?}"))
        .1
}

// ---------------------------------------------------------------- HTML

#[test]
fn a_saved_news_page_prints_the_article_and_none_of_the_page_around_it() {
    let r = run(&["text", NEWS_PAGE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = &r.stdout;
    assert!(text.starts_with("Harbour city approves ferry budget after late-night vote\n\n"));
    for kept in [
        "Northport's city council approved a 42 million dollar plan",
        "Mayor Elena Varga, who had staked much of her first term",
        "“We are spending money we do not have on boats we do not need,”",
        "“Every resident will be able to read it,” she said.",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in:\n{text}");
    }
    for dropped in [
        "cookies",          // cookie banner
        "Subscribe",        // navigation
        "Weather",          // navigation
        "Advertisement",    // ad
        "Sponsored",        // ad
        "Related stories",  // related links
        "Ferry delays hit", // related links
        "All rights reserved",
        "Privacy policy", // footer
        "dataLayer",      // script
        "position: fixed",
    ] {
        assert!(!text.contains(dropped), "{dropped:?} leaked into:\n{text}");
    }
    // Headline plus the seven paragraphs, each separated by one blank line.
    assert_eq!(text.trim_end().split("\n\n").count(), 8);
}

#[test]
fn extract_on_a_news_page_finds_its_quotes_speakers_and_metadata() {
    let v = json(&run(&["extract", NEWS_PAGE]));
    let doc = &v["document"];
    assert_eq!(doc["format"], "html");
    assert_eq!(
        doc["title"],
        "Harbour city approves ferry budget after late-night vote"
    );
    assert_eq!(doc["byline"], "Mara Lindqvist");
    assert_eq!(doc["published"], "2025-03-14T06:30:00Z");
    let direct = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "direct")
        .count();
    assert_eq!(direct, 6);
    assert_eq!(
        speaker_of(&v, "This is the most important decision").as_deref(),
        Some("Elena Varga")
    );
    assert_eq!(
        speaker_of(&v, "We are spending money").as_deref(),
        Some("Tomasz Reed")
    );
    assert_eq!(
        speaker_of(&v, "The city should repair").as_deref(),
        Some("Tomasz Reed")
    );
    assert_eq!(
        speaker_of(&v, "Our members have kept").as_deref(),
        Some("Priya Nair")
    );
    // Offsets point into the text `quotelens text` prints.
    let text = run(&["text", NEWS_PAGE]).stdout;
    for q in v["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["content_start"].as_u64().unwrap() as usize,
            q["content_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], q["text"].as_str().unwrap());
    }
}

#[test]
fn a_page_read_from_stdin_is_recognised_as_html() {
    let page = std::fs::read(NEWS_PAGE).unwrap();
    let from_stdin = run_with(&["text", "-"], Some(&page), &[]);
    assert_eq!(from_stdin.code, 0);
    assert_eq!(from_stdin.stdout, run(&["text", NEWS_PAGE]).stdout);
}

#[test]
fn a_page_without_an_article_falls_back_to_its_text_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "short.html",
        b"<html><body><nav>Home</nav><p>\xe2\x80\x9cNo,\xe2\x80\x9d said Ann Lee.</p></body></html>",
    );
    let r = run(&["text", arg(&page)]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, "Home\n\n“No,” said Ann Lee.\n");
    assert!(r.stderr.contains("no article found"), "{}", r.stderr);
}

#[test]
fn a_short_page_with_an_article_element_is_read_as_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "brief.html",
        "<!doctype html><html><head><title>Council vote</title></head><body>\
         <article><h1>Council approves budget</h1>\
         <p>“We will stay under $30 million,” said Ana Ruiz, the treasurer.</p></article>\
         </body></html>"
            .as_bytes(),
    );
    let r = run(&["text", arg(&page)]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "Council approves budget\n\n“We will stay under $30 million,” said Ana Ruiz, the treasurer.\n"
    );
    assert_eq!(r.stderr, "", "no warning for a page that marks its article");
    let v = json(&run(&["extract", arg(&page)]));
    assert_eq!(speaker_of(&v, "We will stay").as_deref(), Some("Ana Ruiz"));
    assert_eq!(v["document"]["title"], "Council vote");
}

#[test]
fn the_published_date_comes_from_a_time_element_or_the_article_meta() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<article><h1>Ferry returns</h1><p class=byline>By Lee Park, \
                <time datetime=\"2025-04-02\">2 April 2025</time></p>\
                <p>“It is a careful plan,” said Ana Ruiz.</p></article>";
    let timed = write(
        dir.path(),
        "timed.html",
        format!("<html><head><title>Ferry</title></head><body>{body}</body></html>").as_bytes(),
    );
    let v = json(&run(&["extract", arg(&timed)]));
    assert_eq!(v["document"]["published"], "2025-04-02");
    let meta = write(
        dir.path(),
        "meta.html",
        format!(
            "<html><head><title>Ferry</title><meta property=\"article:published_time\" \
             content=\"2025-04-01T18:00:00Z\"></head><body>{body}</body></html>"
        )
        .as_bytes(),
    );
    let v = json(&run(&["extract", arg(&meta)]));
    assert_eq!(v["document"]["published"], "2025-04-01T18:00:00Z");
}

#[test]
fn a_legacy_html_page_is_decoded_by_its_meta_charset() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "old.htm",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
          </head><body><p>\x93Caf\xe9 prices rose,\x94 said Jos\xe9 Ruiz.</p></body></html>",
    );
    let r = run(&["text", arg(&page)]);
    assert_eq!(r.stdout, "“Café prices rose,” said José Ruiz.\n");
}

#[test]
fn escape_sequences_in_a_page_become_visible_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "evil.html",
        b"<p>Title&#27;]0;pwned&#7; and \x1b[2J clear</p>",
    );
    let r = run(&["text", arg(&page)]);
    assert_eq!(r.stdout, "Title␛]…␇ and ␛[…J clear\n");
    assert!(!r.stdout.contains('\u{1b}'));
}

// ---------------------------------------------------------------- EPUB

const CHAPTERS: [(&str, &str); 3] = [
    (
        "Chapter One: The Harbour",
        "<h1>Chapter One: The Harbour</h1>\
         <p>The fog had not lifted by noon, and the boats stayed tied to the quay.</p>\
         <p>“We cannot sail in this,” Elin said, pulling her coat tighter.</p>\
         <p>Captain Harlow did not look up from his charts. “We sail at six, fog or no fog,” he said. \
         “The island has waited three days for its post.”</p>",
    ),
    (
        "Chapter Two: The Crossing",
        "<h1>Chapter Two: The Crossing</h1>\
         <p>The engine coughed twice before it caught.</p>\
         <p>“Hold her steady,” said Captain Harlow. “Keep the light on the port side.”</p>\
         <p>Jonas Bell leaned over the rail. “I can see the beacon,” he shouted. “Two points to starboard!”</p>",
    ),
    (
        "Chapter Three: The Island",
        // No heading in the chapter itself: the table of contents names it.
        "<p>They tied up at the stone pier just after dark.</p>\
         <p>“You made it,” said Mrs Okafor, who kept the island shop. “I had almost given up on you.”</p>\
         <p>Elin laughed. “So had I,” she said.</p>",
    ),
];

/// Builds an EPUB with rbook's writer. A chapter titled `""` is left out of the table of contents
/// (as the second file of a chapter split in two usually is).
fn build_epub(path: &Path, chapters: &[(&str, &str)]) {
    use rbook::epub::{Epub, EpubChapter};
    Epub::builder()
        .identifier("urn:quotelens:test-book")
        .title("The Post Boat")
        .author("Test Author")
        .language("en")
        .chapter(
            chapters
                .iter()
                .enumerate()
                .map(|(i, (title, body))| match *title {
                    "" => EpubChapter::unlisted(format!("part{i}.xhtml")).xhtml_body(*body),
                    _ => EpubChapter::new(*title).xhtml_body(*body),
                })
                .collect::<Vec<_>>(),
        )
        .write()
        .compression(9)
        .save(path)
        .expect("rbook writes the EPUB");
}

#[test]
fn an_epub_prints_every_chapter_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("post-boat.epub");
    build_epub(&book, &CHAPTERS);
    let r = run(&["text", arg(&book)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = &r.stdout;
    let mut last = 0;
    for needle in [
        "Chapter One: The Harbour\n\nThe fog had not lifted",
        "“We cannot sail in this,” Elin said",
        "Chapter Two: The Crossing\n\nThe engine coughed",
        "“Two points to starboard!”",
        "Chapter Three: The Island\n\nThey tied up",
        "“So had I,” she said.",
    ] {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("missing {needle:?} in:\n{text}"));
        assert!(at >= last, "{needle:?} is out of order");
        last = at;
    }
    assert_eq!(text.matches("Chapter One").count(), 1, "title doubled");
}

#[test]
fn an_epub_keeps_its_chapters_as_sections_and_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("post-boat.epub");
    build_epub(&book, &CHAPTERS);
    let doc = load::load(&Source::Path(book)).expect("the EPUB loads");
    assert_eq!(doc.meta.title.as_deref(), Some("The Post Boat"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Test Author"));
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, CHAPTERS.map(|c| c.0));
    let third = doc.sections[2].span.text(&doc.text);
    assert!(third.starts_with("Chapter Three: The Island\n\nThey tied up"));
    assert!(third.ends_with("“So had I,” she said."));
    assert!(doc.sections[0].span.end < doc.sections[1].span.start);
}

#[test]
fn a_chapter_split_over_two_files_is_one_section() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("split.epub");
    let chapters = [
        CHAPTERS[0],
        ("", "<p>The second half of chapter one.</p>"),
        CHAPTERS[1],
    ];
    build_epub(&book, &chapters);
    let doc = load::load(&Source::Path(book)).expect("the EPUB loads");
    assert_eq!(doc.sections.len(), 2);
    assert!(
        doc.sections[0]
            .span
            .text(&doc.text)
            .ends_with("The second half of chapter one.")
    );
}

/// An EPUB 2 put together by hand, as older tools make them: an NCX table of contents, and every
/// file's <title> repeating the book's title.
fn build_epub2_by_hand(path: &Path, chapters: &[(&str, &str)]) {
    use zip::write::{SimpleFileOptions, ZipWriter};
    let mut zip = ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, content: String| {
        zip.start_file(name, stored).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    };
    add("mimetype", "application/epub+zip".into());
    add(
        "META-INF/container.xml",
        r#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#.into(),
    );
    let ids: Vec<String> = (0..chapters.len()).map(|i| format!("c{i}")).collect();
    let items: String = ids
        .iter()
        .map(|id| {
            format!(r#"<item id="{id}" href="{id}.xhtml" media-type="application/xhtml+xml"/>"#)
        })
        .collect();
    let spine: String = ids
        .iter()
        .map(|id| format!(r#"<itemref idref="{id}"/>"#))
        .collect();
    add(
        "OEBPS/content.opf",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:quotelens:epub2</dc:identifier><dc:title>The Post Boat</dc:title><dc:creator>Hand Made</dc:creator><dc:language>en</dc:language></metadata><manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>{items}</manifest><spine toc="ncx">{spine}</spine></package>"#
        ),
    );
    let nav: String = chapters
        .iter()
        .enumerate()
        .map(|(i, (title, _))| {
            format!(
                r#"<navPoint id="n{i}" playOrder="{}"><navLabel><text>{title}</text></navLabel><content src="c{i}.xhtml"/></navPoint>"#,
                i + 1
            )
        })
        .collect();
    add(
        "OEBPS/toc.ncx",
        format!(
            r#"<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head><meta name="dtb:uid" content="urn:quotelens:epub2"/></head><docTitle><text>The Post Boat</text></docTitle><navMap>{nav}</navMap></ncx>"#
        ),
    );
    for (id, (_, body)) in ids.iter().zip(chapters) {
        add(
            &format!("OEBPS/{id}.xhtml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>The Post Boat</title></head><body>{body}</body></html>"#
            ),
        );
    }
    zip.finish().unwrap();
}

/// Each heading's level and text.
fn headings(doc: &quotelens::Document) -> Vec<(u8, &str)> {
    doc.headings
        .iter()
        .map(|h| (h.level, h.span.text(&doc.text)))
        .collect()
}

#[test]
fn an_epub_keeps_its_chapter_titles_and_headings_as_headings() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("headings.epub");
    let chapters = [
        (
            "Chapter One: The Harbour",
            "<h1>Chapter One: The Harbour</h1><p>The fog had not lifted.</p>\
             <h2>At the quay</h2><p>“We cannot sail in this,” Elin said.</p>",
        ),
        // No heading in the chapter: its title comes from the table of contents.
        CHAPTERS[2],
    ];
    build_epub(&book, &chapters);
    let doc = load::load(&Source::Path(book)).expect("the EPUB loads");
    assert_eq!(
        headings(&doc),
        [
            (1, "Chapter One: The Harbour"),
            (2, "At the quay"),
            (1, "Chapter Three: The Island"),
        ]
    );
}

#[test]
fn a_hand_made_epub2_with_an_ncx_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let made_by_rbook = dir.path().join("rbook.epub");
    let made_by_hand = dir.path().join("hand.epub");
    build_epub(&made_by_rbook, &CHAPTERS);
    build_epub2_by_hand(&made_by_hand, &CHAPTERS);
    let by_hand = load::load(&Source::Path(made_by_hand)).expect("the EPUB 2 loads");
    let by_rbook = load::load(&Source::Path(made_by_rbook)).expect("the EPUB 3 loads");
    assert_eq!(by_hand.text, by_rbook.text);
    assert_eq!(by_hand.sections, by_rbook.sections);
    assert_eq!(by_hand.headings, by_rbook.headings);
    assert_eq!(by_hand.meta.byline.as_deref(), Some("Hand Made"));
}

#[test]
fn extract_on_an_epub_finds_the_dialogue_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("post-boat.epub");
    build_epub(&book, &CHAPTERS);
    let v = json(&run(&["extract", arg(&book)]));
    assert_eq!(v["document"]["format"], "epub");
    for (quote, speaker) in [
        ("We cannot sail in this", "Elin"),
        ("We sail at six", "Harlow"),
        ("The island has waited", "Harlow"),
        ("Hold her steady", "Harlow"),
        ("You made it", "Okafor"),
        ("I had almost given up", "Okafor"),
        ("So had I", "Elin"),
    ] {
        let name = speaker_of(&v, quote).unwrap_or_default();
        assert!(name.contains(speaker), "{quote:?} → {name:?}");
    }
}

#[test]
fn a_broken_epub_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("good.epub");
    build_epub(&book, &CHAPTERS);
    let bytes = std::fs::read(&book).unwrap();
    let cases = [
        ("truncated.epub", bytes[..bytes.len() / 2].to_vec()),
        (
            "not-a-zip.epub",
            b"This is not a zip archive at all.".to_vec(),
        ),
        ("empty.epub", Vec::new()),
    ];
    for (name, content) in cases {
        let path = write(dir.path(), name, &content);
        let r = run(&["extract", arg(&path)]);
        assert_eq!(r.code, 3, "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains("not a valid EPUB"),
            "{name}: {}",
            r.stderr
        );
        assert_eq!(r.stderr.lines().count(), 1, "{name}: {}", r.stderr);
    }
}

#[test]
fn an_epub_that_unpacks_past_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("bomb.epub");
    let body = format!("<p>{}</p>", "all work and no play ".repeat(20_000));
    build_epub(&book, &[("One", body.as_str())]);
    assert!(std::fs::metadata(&book).unwrap().len() < 50_000);
    let r = run_with(
        &["text", arg(&book)],
        None,
        &[("QUOTELENS_MAX_BYTES", "100000")],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("unpacks to more than"), "{}", r.stderr);
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_prints_plain_text_with_its_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "notes.md",
        "# Ferry *vote* notes\n\n“We won,” said **Elena Varga**,\nsmiling.\n\n\
         - [minutes](http://example.org)\n- `42` million\n"
            .as_bytes(),
    );
    let r = run(&["text", arg(&md)]);
    assert_eq!(
        r.stdout,
        "Ferry vote notes\n\n“We won,” said Elena Varga, smiling.\n\nminutes\n\n42 million\n"
    );
    let v = json(&run(&["extract", arg(&md)]));
    assert_eq!(v["document"]["title"], "Ferry vote notes");
    assert_eq!(v["document"]["format"], "markdown");
    assert_eq!(speaker_of(&v, "We won").as_deref(), Some("Elena Varga"));
}

#[test]
fn markdown_headings_are_spans_of_the_text_with_their_levels() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "notes.md",
        "# Ferry vote\n\nIntro.\n\n## What *they* said\n\n“We won,” said Elena Varga.\n\n\
         ### Next steps\n\nThe vote is final.\n"
            .as_bytes(),
    );
    let doc = load::load(&Source::Path(md)).expect("the Markdown loads");
    assert_eq!(
        headings(&doc),
        [(1, "Ferry vote"), (2, "What they said"), (3, "Next steps")]
    );
    // The JSON contract is unchanged: headings are the reader's, not the extract's.
    let v = json(&run(&["extract", arg(&dir.path().join("notes.md"))]));
    assert!(v["document"].get("headings").is_none());
}

// ---------------------------------------------------------------- encodings

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    std::iter::once(0xFEFF_u16)
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

/// The sample in Windows-1252, made the way old editors wrote it: curly quotes 0x93/0x94, the
/// apostrophe 0x92 and the en dash 0x96.
fn windows_1252(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        match c {
            '“' => out.push(0x93),
            '”' => out.push(0x94),
            '’' => out.push(0x92),
            '–' => out.push(0x96),
            c if c.is_ascii() => out.push(c as u8),
            c => panic!("the sample has {c:?}, which this test does not map"),
        }
    }
    out
}

#[test]
fn the_sample_gives_the_same_quotes_from_stdin_utf16_and_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = write(dir.path(), "sample.txt", SAMPLE.as_bytes());
    let expected = quotes_and_speakers(&json(&run(&["extract", arg(&utf8)])));
    assert!(expected.len() >= 10 && expected.iter().any(|(_, s)| s.is_some()));

    let from_stdin = json(&run_with(&["extract", "-"], Some(SAMPLE.as_bytes()), &[]));
    assert_eq!(quotes_and_speakers(&from_stdin), expected, "stdin");

    let cases = [
        ("sample-utf16le.txt", utf16(SAMPLE, false), "UTF-16LE"),
        ("sample-utf16be.txt", utf16(SAMPLE, true), "UTF-16BE"),
        ("sample-1252.txt", windows_1252(SAMPLE), "windows-1252"),
    ];
    for (name, bytes, encoding) in cases {
        let path = write(dir.path(), name, &bytes);
        let v = json(&run(&["extract", arg(&path)]));
        assert_eq!(v["document"]["encoding"], encoding, "{name}");
        assert_eq!(quotes_and_speakers(&v), expected, "{name}");
        // The document text is the same too, so every offset is the same.
        assert_eq!(run(&["text", arg(&path)]).stdout, SAMPLE, "{name}");
    }
}

// ---------------------------------------------------------------- bad input

#[test]
fn a_binary_file_is_refused_with_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    let mut elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec();
    elf.extend((0..=255u8).cycle().take(4096));
    let fake = write(dir.path(), "program", &elf);
    let mut targets = vec![arg(&fake).to_string()];
    if Path::new("/bin/ls").exists() {
        targets.push("/bin/ls".into());
    }
    for target in &targets {
        for cmd in ["extract", "text"] {
            let r = run(&[cmd, target]);
            assert_eq!(r.code, 3, "{cmd} {target}");
            assert!(r.stdout.is_empty());
            assert!(
                r.stderr.contains("looks like a binary file"),
                "{}",
                r.stderr
            );
        }
    }
}

#[test]
fn an_empty_file_is_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["empty.txt", "empty.html", "empty.md", "empty"] {
        let empty = write(dir.path(), name, b"");
        let r = run(&["text", arg(&empty)]);
        assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{name}");
        let v = json(&run(&["extract", arg(&empty)]));
        assert_eq!(v["document"]["bytes"], 0);
        assert_eq!(v["quotes"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn a_missing_path_and_a_directory_give_clear_messages_and_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-article.txt");
    for cmd in ["text", "extract"] {
        let r = run(&[cmd, arg(&missing)]);
        assert_eq!(r.code, 3);
        assert!(r.stderr.contains("no such file"), "{}", r.stderr);
    }
    let r = run(&["text", arg(dir.path())]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
    let r = run(&["extract", arg(dir.path())]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("no documents found"), "{}", r.stderr);
}

#[test]
fn invalid_utf8_gets_replacement_characters_and_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "“It’s fine,” Ann Lee said. ".as_bytes().to_vec();
    bytes.extend(b"Broken \xff\xfe bytes and a cut \xe2\x80");
    let path = write(dir.path(), "broken.txt", &bytes);
    let r = run(&["text", arg(&path)]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "“It’s fine,” Ann Lee said. Broken \u{fffd}\u{fffd} bytes and a cut \u{fffd}"
    );
    assert!(
        r.stderr.contains("warning: ")
            && r.stderr
                .contains("4 bytes are not valid UTF-8 (the first at byte offset 40)"),
        "{}",
        r.stderr
    );
    let v = json(&run(&["extract", arg(&path)]));
    assert_eq!(speaker_of(&v, "It’s fine").as_deref(), Some("Ann Lee"));
}

#[test]
fn an_input_over_the_size_limit_is_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "long.txt", SAMPLE.as_bytes());
    let limit = [("QUOTELENS_MAX_BYTES", "1000")];
    let r = run_with(&["extract", arg(&path)], None, &limit);
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.contains("is too large (6539 bytes") && r.stderr.contains("QUOTELENS_MAX_BYTES"),
        "{}",
        r.stderr
    );
    let r = run_with(&["text", "-"], Some(SAMPLE.as_bytes()), &limit);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("is too large"), "{}", r.stderr);
}

#[test]
fn a_long_single_line_loads_whole() {
    let dir = tempfile::tempdir().unwrap();
    let line = "“Yes,” she said, and then said it again. ".repeat(20_000);
    let path = write(dir.path(), "line.txt", line.as_bytes());
    let doc = load::load(&Source::Path(path)).expect("a long line loads");
    assert_eq!(doc.text, line);
    assert_eq!(doc.paragraphs.len(), 1);
}

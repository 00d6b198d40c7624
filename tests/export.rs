//! Exports as a user sees them: the command line, each format (snapshots of the sample article),
//! escaping of hostile text, safe writes to files, and the clipboard sequence in tmux.

use quotelens::analysis::model::Analysis;
use quotelens::document::load::{self, Source};
use quotelens::document::{Document, Meta};
use quotelens::export::clipboard::{self, ClipboardEnv};
use quotelens::export::{Format, Scope, export, render, select};
use quotelens::store::{Highlight, HighlightDraft, HighlightStore};
use quotelens::{Span, analyze};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_quotelens");

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/kremlin-talks.txt")
}

/// The sample article as the reader loads it (source "kremlin-talks.txt", stable in snapshots).
fn sample() -> (Document, Analysis) {
    let doc = load::from_bytes(
        quotelens::cli::SAMPLE_TEXT.as_bytes(),
        quotelens::cli::SAMPLE_NAME,
        "txt",
    )
    .unwrap();
    let a = analyze(&doc);
    (doc, a)
}

fn run(args: &[&str], xdg: Option<&Path>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    if let Some(x) = xdg {
        cmd.env("XDG_DATA_HOME", x);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn quote_starting(doc: &Document, a: &Analysis, start: &str) -> usize {
    a.quotes
        .iter()
        .position(|q| q.content.text(&doc.text).starts_with(start))
        .unwrap_or_else(|| panic!("no quote starts with {start:?}"))
}

// --- the command line ------------------------------------------------------------------------

#[test]
fn putin_export_has_his_five_quotes_each_attributed_and_none_of_lukashenkos() {
    let path = sample_path();
    let o = run(
        &[
            "export",
            path.to_str().unwrap(),
            "--format",
            "md",
            "--speaker",
            "Putin",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    let blocks: Vec<&str> = md.split("\n\n").collect();
    let quotes: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].starts_with("> "))
        .collect();
    assert_eq!(quotes.len(), 5, "{md}");
    for i in quotes {
        assert_eq!(
            blocks[i + 1],
            "— Vladimir Putin, *kremlin-talks.txt*",
            "{md}"
        );
    }
    assert!(md.contains("> Dear Aleksandr Grigorievich, I am very glad to see you."));
    assert!(md.contains("today's visit will be held at a good level"));
    assert!(!md.contains("Lukashenko,"), "{md}");
    for lukashenko in [
        "alive and kicking",
        "I thought long about",
        "Our elections are always",
    ] {
        assert!(!md.contains(lukashenko), "{lukashenko} leaked into {md}");
    }
}

#[test]
fn speaker_matches_aliases_and_any_case() {
    let path = sample_path();
    let o = run(
        &[
            "export",
            path.to_str().unwrap(),
            "--speaker",
            "HEAD OF STATE",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("by Aleksandr Lukashenko"), "{md}");
    assert!(!md.contains("— Vladimir Putin"));
}

#[test]
fn an_unknown_speaker_is_a_usage_error_that_lists_the_speakers() {
    let path = sample_path();
    let o = run(
        &["export", path.to_str().unwrap(), "--speaker", "Merkel"],
        None,
    );
    assert_eq!(o.status.code(), Some(quotelens::failure::exit::USAGE));
    let err = stderr(&o);
    assert!(err.contains("no speaker matches \"Merkel\""), "{err}");
    assert!(err.contains("Vladimir Putin"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn reported_speech_is_exported_only_when_asked() {
    let (doc, a) = sample();
    let without = export(
        &doc,
        &a,
        &[],
        Scope::Quotes { reported: false },
        Some("Putin"),
        Format::Txt,
    )
    .unwrap();
    let with = export(
        &doc,
        &a,
        &[],
        Scope::Quotes { reported: true },
        Some("Putin"),
        Format::Txt,
    )
    .unwrap();
    let reported = "everything is developing in the best possible way";
    assert!(!without.contains(reported));
    assert!(with.contains(reported));
    assert!(with.contains("(reported speech included)"));
}

#[test]
fn a_highlight_saved_through_the_store_is_listed_by_the_cli() {
    let xdg = tempfile::tempdir().unwrap();
    let path = sample_path();
    let doc = load::load(&Source::Path(path.clone())).unwrap();
    let a = analyze(&doc);
    let q = quote_starting(&doc, &a, "In general, work is vibrant");
    let expected_span = a.quotes[q].content;
    {
        let mut store = HighlightStore::open_in(&xdg.path().join("quotelens"), &doc).unwrap();
        let id = store
            .add(HighlightDraft::for_quote(&doc.text, &a, q).unwrap())
            .unwrap();
        store.set_note(id, "lede for Friday").unwrap();
    }
    let o = run(
        &[
            "export",
            path.to_str().unwrap(),
            "--highlights",
            "--format",
            "json",
        ],
        Some(xdg.path()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["scope"], "highlights");
    let hs = v["highlights"].as_array().unwrap();
    assert_eq!(hs.len(), 1, "{v:#}");
    let h = &hs[0];
    assert_eq!(h["id"], "h1");
    assert_eq!(
        h["text"],
        "In general, work is vibrant in almost all areas,"
    );
    assert_eq!(h["start"], expected_span.start);
    assert_eq!(h["end"], expected_span.end);
    assert_eq!(h["quote"], format!("q{}", q + 1));
    assert_eq!(h["speaker_name"], "Vladimir Putin");
    assert_eq!(h["note"], "lede for Friday");
    assert_eq!(h["orphaned"], false);
    // The same through the speaker filter; nothing for someone else.
    let o = run(
        &[
            "export",
            path.to_str().unwrap(),
            "--highlights",
            "--speaker",
            "putin",
        ],
        Some(xdg.path()),
    );
    assert!(stdout(&o).contains("> In general, work is vibrant in almost all areas,"));
    assert!(stdout(&o).contains("Note: lede for Friday"));
    // With no highlights saved the export is empty and says why.
    let empty = tempfile::tempdir().unwrap();
    let o = run(
        &["export", path.to_str().unwrap(), "--highlights"],
        Some(empty.path()),
    );
    assert!(o.status.success());
    assert!(stderr(&o).contains("no highlights saved"), "{}", stderr(&o));
}

// --- hostile text ----------------------------------------------------------------------------

const HOSTILE: &str = "Browser bug found\n\n\
“Never paste <script>alert(1)</script> into a page & hope, [click](javascript:alert(2)),” said Eve Marlow, a security researcher.\n";

fn hostile() -> (Document, Analysis) {
    let doc = Document::from_text(
        HOSTILE,
        Meta {
            source: "hostile.txt".into(),
            ..Meta::default()
        },
    );
    let a = analyze(&doc);
    (doc, a)
}

#[test]
fn html_export_shows_script_tags_instead_of_running_them() {
    let (doc, a) = hostile();
    let html = export(
        &doc,
        &a,
        &[],
        Scope::Quotes { reported: false },
        None,
        Format::Html,
    )
    .unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&amp; hope"));
    assert!(html.contains("— <span class=\"speaker\">Eve Marlow</span>"));
    assert!(html.contains("Content-Security-Policy"));
    // The same through the command line, and in a note.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.txt");
    std::fs::write(&file, HOSTILE).unwrap();
    {
        let d = load::load(&Source::Path(file.clone())).unwrap();
        let mut store = HighlightStore::open_in(&dir.path().join("quotelens"), &d).unwrap();
        let id = store
            .add(HighlightDraft::for_quote(&d.text, &analyze(&d), 0).unwrap())
            .unwrap();
        store.set_note(id, "<img src=x onerror=alert(3)>").unwrap();
    }
    for extra in [&[][..], &["--highlights"][..]] {
        let mut args = vec!["export", file.to_str().unwrap(), "--format", "html"];
        args.extend_from_slice(extra);
        let o = run(&args, Some(dir.path()));
        assert!(o.status.success(), "{}", stderr(&o));
        let page = stdout(&o);
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            !page.contains("<script") && !page.contains("<img"),
            "{page}"
        );
    }
}

#[test]
fn relayed_words_name_the_speaker_and_the_source_in_the_attribution_line() {
    let doc = Document::from_text(
        "“We will not raise the dock fees,” Mayor Lena Ortiz said, according to the Harbour Post.",
        Meta {
            source: "fees.txt".into(),
            title: Some("Dock fees".into()),
            ..Meta::default()
        },
    );
    let a = analyze(&doc);
    let md = export(
        &doc,
        &a,
        &[],
        Scope::Quotes { reported: false },
        None,
        Format::Markdown,
    )
    .unwrap();
    assert!(
        md.contains("— Lena Ortiz, according to Harbour Post, *Dock fees*"),
        "{md}"
    );
}

#[test]
fn markdown_export_escapes_html_and_links() {
    let (doc, a) = hostile();
    let md = export(
        &doc,
        &a,
        &[],
        Scope::Quotes { reported: false },
        None,
        Format::Markdown,
    )
    .unwrap();
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(md.contains("\\[click\\](javascript:alert(2))"), "{md}");
    assert!(md.contains("— Eve Marlow, *Browser bug found*"), "{md}");
}

/// A minimal RFC 4180 reader, to check what a spreadsheet would see.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_cells_with_commas_quotes_and_newlines_read_back_intact() {
    let text = "Vote count\n\n“We said \"no\", twice,\nand meant it,” said Rosa Lindqvist.\n";
    let doc = Document::from_text(text, Meta::default());
    let a = analyze(&doc);
    let q = quote_starting(&doc, &a, "We said");
    let mut h = HighlightDraft::for_quote(&doc.text, &a, q)
        .unwrap()
        .note("=HYPERLINK(\"http://evil\")")
        .into_highlight(1, "2026-01-01T00:00:00.000Z".into());
    h.speaker = Some("Lindqvist, Rosa".into());
    let hs = [h];
    let sel = select(&doc, &a, &hs, Scope::Highlights, None).unwrap();
    let rows = parse_csv(&render(Format::Csv, &sel));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].len(), rows[1].len());
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(
        rows[1][col("text")],
        "We said \"no\", twice,\nand meant it,"
    );
    assert_eq!(rows[1][col("speaker")], "Lindqvist, Rosa");
    // A formula is shown as text, not run.
    assert_eq!(rows[1][col("note")], "'=HYPERLINK(\"http://evil\")");
}

// --- writing files ---------------------------------------------------------------------------

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("talks.txt");
    std::fs::copy(sample_path(), &input).unwrap();
    let out = dir.path().join("putin.md");
    let inp = input.to_str().unwrap();
    let o = run(
        &["export", inp, "-s", "Putin", "-o", out.to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("wrote 5 quotes by Vladimir Putin to"));
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("— Vladimir Putin"));

    // Another export to the same name is refused, and the file is untouched.
    let o = run(
        &[
            "export",
            inp,
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(quotelens::failure::exit::OUTPUT));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);

    // With --force it is replaced.
    let o = run(
        &[
            "export",
            inp,
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
            "--force",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("id,start,end")
    );

    // The document itself is never a target, even with --force.
    let before = std::fs::read(&input).unwrap();
    let o = run(&["export", inp, "-o", inp, "--force"], None);
    assert_eq!(o.status.code(), Some(quotelens::failure::exit::OUTPUT));
    assert!(stderr(&o).contains("is the document being exported"));
    assert_eq!(std::fs::read(&input).unwrap(), before);

    // A missing folder is explained.
    let o = run(&["export", inp, "-o", "/nonexistent-dir/x.md"], None);
    assert_eq!(o.status.code(), Some(quotelens::failure::exit::OUTPUT));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));

    // No temporary files are left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["putin.md", "talks.txt"]);
}

#[test]
fn force_without_an_output_file_is_a_usage_error() {
    let o = run(
        &["export", sample_path().to_str().unwrap(), "--force"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_terminal_never_receives_raw_control_characters() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, HOSTILE).unwrap();
    {
        let d = load::load(&Source::Path(file.clone())).unwrap();
        let mut store = HighlightStore::open_in(&dir.path().join("quotelens"), &d).unwrap();
        let id = store
            .add(HighlightDraft::for_quote(&d.text, &analyze(&d), 0).unwrap())
            .unwrap();
        // A note is typed by the user; it could still hold an escape sequence.
        store.set_note(id, "\u{1b}]0;pwned\u{7}\u{1b}[2J").unwrap();
    }
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 40,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args([
        "export",
        file.to_str().unwrap(),
        "--highlights",
        "--format",
        "txt",
    ]);
    cmd.env("XDG_DATA_HOME", dir.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    // Read until the child exits and the terminal reports end of input.
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
        if out.windows(5).any(|w| w == b"Note:") && child.try_wait().ok().flatten().is_some() {
            let _ = reader
                .read(&mut buf)
                .map(|n| out.extend_from_slice(&buf[..n]));
            break;
        }
    }
    let _ = child.wait();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("Note: ␛]0;pwned␇␛[2J"), "{text:?}");
    assert!(!out.contains(&0x1b) && !out.contains(&0x07), "{text:?}");
}

// --- snapshots of every format for the sample article -----------------------------------------

fn snapshot_highlights(doc: &Document, a: &Analysis) -> Vec<Highlight> {
    let q = quote_starting(doc, a, "We need this demonstration");
    let quote = HighlightDraft::for_quote(&doc.text, a, q)
        .unwrap()
        .note("Use in the second paragraph.")
        .into_highlight(1, "2026-03-14T09:30:00.000Z".into());
    let n = a
        .numbers
        .iter()
        .position(|n| n.span.text(&doc.text) == "nearly 87%")
        .unwrap();
    let number = HighlightDraft::for_number(&doc.text, a, n)
        .unwrap()
        .into_highlight(2, "2026-03-14T09:31:00.000Z".into());
    let span = {
        let s = doc.text.find("Days of Russian Culture").unwrap();
        Span::new(s, s + "Days of Russian Culture".len())
    };
    let selection = HighlightDraft::new(&doc.text, span)
        .unwrap()
        .into_highlight(3, "2026-03-14T09:32:00.000Z".into());
    // A highlight from an earlier version of the text, no longer found.
    let mut orphan = HighlightDraft::new(&doc.text, span)
        .unwrap()
        .speaker("Vladimir Putin")
        .note("Was in the first version of the article.")
        .into_highlight(4, "2026-03-13T18:00:00.000Z".into());
    orphan.text = "a sentence that was later removed".into();
    orphan.orphaned = true;
    let mut hs = vec![quote, number, selection, orphan];
    hs.sort_by_key(|h| (h.orphaned, h.start, h.id));
    hs
}

fn snapshot(name: &str, scope: Scope, speaker: Option<&str>, format: Format) {
    let (doc, a) = sample();
    let hs = snapshot_highlights(&doc, &a);
    let out = export(&doc, &a, &hs, scope, speaker, format).unwrap();
    insta::assert_snapshot!(name, out);
}

const QUOTES: Scope = Scope::Quotes { reported: false };

#[test]
fn snapshot_quotes_markdown() {
    snapshot("quotes.md", QUOTES, None, Format::Markdown);
}

#[test]
fn snapshot_quotes_json() {
    snapshot("quotes_putin.json", QUOTES, Some("Putin"), Format::Json);
}

#[test]
fn snapshot_quotes_html() {
    snapshot("quotes_putin.html", QUOTES, Some("Putin"), Format::Html);
}

#[test]
fn snapshot_quotes_txt() {
    snapshot("quotes.txt", QUOTES, None, Format::Txt);
}

#[test]
fn snapshot_quotes_csv() {
    snapshot("quotes.csv", QUOTES, None, Format::Csv);
}

#[test]
fn snapshot_numbers_csv() {
    snapshot("numbers.csv", Scope::Numbers, None, Format::Csv);
}

#[test]
fn snapshot_numbers_markdown() {
    snapshot("numbers.md", Scope::Numbers, None, Format::Markdown);
}

#[test]
fn snapshot_highlights_every_format() {
    for (name, format) in [
        ("highlights.md", Format::Markdown),
        ("highlights.json", Format::Json),
        ("highlights.html", Format::Html),
        ("highlights.txt", Format::Txt),
        ("highlights.csv", Format::Csv),
    ] {
        snapshot(name, Scope::Highlights, None, format);
    }
}

// --- clipboard -------------------------------------------------------------------------------

#[test]
fn copying_a_quote_in_tmux_puts_it_in_the_tmux_buffer() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed; skipped");
        return;
    }
    let (doc, a) = sample();
    let q = quote_starting(&doc, &a, "In general, work is vibrant");
    let quote = &a.quotes[q];
    let speaker = quote.speaker.map(|s| a.speakers[s].name.as_str());
    let text = clipboard::copy_text(quote.content.text(&doc.text), speaker);
    assert_eq!(
        text,
        "In general, work is vibrant in almost all areas,\n— Vladimir Putin"
    );
    let env = ClipboardEnv {
        tmux: true,
        ..ClipboardEnv::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let bytes = dir.path().join("osc52.bin");
    std::fs::write(&bytes, clipboard::osc52(&text, &env)).unwrap();
    let sock = dir.path().join("tmux.sock");
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&sock)
            .args(["-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap()
    };
    let started = tmux(&["new-session", "-d", "-x", "80", "-y", "24", "sleep 20"]);
    assert!(started.status.success(), "{}", stderr(&started));
    tmux(&["set", "-g", "set-clipboard", "on"]);
    let show = format!("cat '{}'; sleep 5", bytes.display());
    tmux(&["new-window", &show]);
    let mut buffer = String::new();
    for _ in 0..100 {
        let o = tmux(&["show-buffer"]);
        if o.status.success() {
            buffer = stdout(&o);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    tmux(&["kill-server"]);
    assert_eq!(buffer, text);
}

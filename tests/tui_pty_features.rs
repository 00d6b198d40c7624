//! End to end, in a pseudo-terminal: highlights that outlive the reader, copying with OSC 52
//! (and into tmux's buffer), documents piped on standard input, the library, a panic and a
//! signal that give the terminal back, and text that tries to drive the terminal.

mod tui_common;

use std::process::Command;
use std::time::{Duration, Instant};
use tui_common::pty::{Pty, binary, config_dir, write};

/// A short article with two speakers, written by the test.
const ARTICLE: &str = "Bridge talks resume\n\n“We will build the bridge before winter,” said Mayor Ann Lee on Monday.\n\n\
The council met for three hours. “Taxes stay as they are,” said council leader Tom Berg.\n\n\
“Nobody asked the fishermen,” Berg added.\n";

#[test]
fn a_highlight_made_with_m_outlives_the_reader_and_is_exported() {
    let cfg = config_dir();
    write(cfg.path(), "article.txt", ARTICLE.as_bytes());
    let mut t = Pty::spawn(&["article.txt"], 100, 30, &[], cfg.path());
    t.wait_for("Bridge talks resume");
    t.send("]");
    t.wait_for("quote 1/3");
    t.send("m");
    t.wait_for("Highlighted: “We will build the bridge");
    t.send("a");
    t.wait_for("Note: ");
    t.send("ask for the budget\r");
    t.wait_for("Note saved");
    t.send("jj");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();

    // The reader again: the highlight is listed, the reading position is back.
    let mut t = Pty::spawn(&["article.txt"], 100, 30, &[], cfg.path());
    t.wait_for("Bridge talks resume");
    t.send("4");
    let s = t.wait_for("Lee We will build th");
    assert!(s.contains("✎ ask fo"), "{s}");
    t.send("q");
    assert_eq!(t.exit_code(), 0);

    // And the command line exports it.
    let out = Command::new(binary())
        .args(["export", "article.txt", "--highlights", "--format", "json"])
        .current_dir(cfg.path())
        .env("XDG_DATA_HOME", cfg.path().join("data"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let text = json.to_string();
    assert!(
        text.contains("We will build the bridge before winter,"),
        "{text}"
    );
    assert!(text.contains("Ann Lee"), "{text}");
    assert!(text.contains("ask for the budget"), "{text}");
}

#[test]
fn y_asks_the_terminal_to_copy_the_quote_with_osc52() {
    let cfg = config_dir();
    write(cfg.path(), "article.txt", ARTICLE.as_bytes());
    let mut t = Pty::spawn(&["article.txt"], 100, 30, &[], cfg.path());
    // The speakers listed: the analysis is ready for `y`.
    t.wait_for("● Tom Berg");
    t.send("]]y");
    t.wait_for("Copied “Taxes stay as they are,”");
    let start = Instant::now();
    while t.with_requests(|r| r.clipboard.is_empty()) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let copied = t.with_requests(|r| r.clipboard.clone());
    assert_eq!(copied, ["Taxes stay as they are,\n— Tom Berg"]);
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

/// Runs a tmux command on the test's private server.
fn tmux(socket: &str, args: &[&str]) -> Option<String> {
    let out = Command::new("tmux")
        .args(["-L", socket])
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn y_puts_the_quote_in_the_tmux_buffer() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed; skipping");
        return;
    }
    let cfg = config_dir();
    let file = write(cfg.path(), "article.txt", ARTICLE.as_bytes());
    let conf = write(cfg.path(), "tmux.conf", b"set -g set-clipboard on\n");
    let socket = format!("quotelens-test-{}", std::process::id());
    let d = cfg.path().display();
    let command = format!(
        "env XDG_CONFIG_HOME={d} XDG_DATA_HOME={d}/data XDG_STATE_HOME={d}/state {} {}",
        binary(),
        file.display()
    );
    let started = tmux(
        &socket,
        &[
            "-f",
            &conf.display().to_string(),
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "t",
            &command,
        ],
    );
    assert!(started.is_some(), "tmux did not start");
    let wait = |needle: &str| {
        let start = Instant::now();
        loop {
            let pane = tmux(&socket, &["capture-pane", "-p", "-t", "t"]).unwrap_or_default();
            if pane.contains(needle) {
                return pane;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = tmux(&socket, &["kill-server"]);
                panic!("timed out waiting for {needle:?}:\n{pane}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait("Bridge talks resume");
    // The speakers listed: the analysis is ready for `y`.
    wait("● Tom Berg");
    let _ = tmux(&socket, &["send-keys", "-t", "t", "]", "y"]);
    wait("Copied");
    let start = Instant::now();
    let buffer = loop {
        let b = tmux(&socket, &["show-buffer"]).unwrap_or_default();
        if !b.is_empty() || start.elapsed() > Duration::from_secs(10) {
            break b;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = tmux(&socket, &["send-keys", "-t", "t", "q"]);
    let _ = tmux(&socket, &["kill-server"]);
    assert_eq!(
        buffer, "We will build the bridge before winter,\n— Ann Lee",
        "tmux show-buffer"
    );
}

#[test]
fn a_document_piped_on_stdin_opens_and_the_keys_come_from_the_terminal() {
    let cfg = config_dir();
    write(cfg.path(), "article.txt", ARTICLE.as_bytes());
    for script in [
        "cat article.txt | \"$QUOTELENS\"",
        "cat article.txt | \"$QUOTELENS\" -",
        "\"$QUOTELENS\" - < article.txt",
    ] {
        let mut t = Pty::shell(script, 100, 30, &[], cfg.path());
        let s = t.wait_for("Bridge talks resume");
        assert!(
            s.contains("standard input") || s.contains("Bridge talks resume"),
            "{s}"
        );
        t.send("]");
        let s = t.wait_for("quote 1/3");
        assert!(s.contains("Ann Lee"), "{script}: {s}");
        t.send("2");
        t.wait_for("Berg Taxes stay");
        t.send("q");
        assert_eq!(t.exit_code(), 0, "{script}");
        t.assert_restored();
    }
}

#[test]
fn a_folder_opens_the_library_and_enter_opens_a_document() {
    let cfg = config_dir();
    let news = cfg.path().join("news");
    std::fs::create_dir_all(&news).unwrap_or_else(|e| panic!("{e}"));
    write(&news, "bridge.txt", ARTICLE.as_bytes());
    write(&news, "kremlin.txt", quotelens::cli::SAMPLE_TEXT.as_bytes());
    write(
        &news,
        "harbour.md",
        "# Harbour reopens\n\n“The harbour is open again,” said Ann Lee.\n".as_bytes(),
    );
    let mut t = Pty::spawn(&["news"], 110, 24, &[], cfg.path());
    let s = t.wait_until("every row", |s| {
        s.contains("Bridge talks resume")
            && s.contains("Harbour reopens")
            && s.contains("Lukashenko 11")
    });
    assert!(s.contains("news/ │ 3 documents"), "{s}");
    assert!(s.contains("Ann Lee"), "{s}");
    // Ann Lee, in two documents, leads the index: Enter lists only those.
    t.send("\t\r");
    let s = t.wait_for("2 of 3 documents quoting Ann Lee");
    assert!(!s.contains("kremlin"), "{s}");
    t.send("\r");
    t.wait_for("We will build the bridge");
    t.send("\x7f");
    t.wait_for("2 of 3 documents");
    t.send("x/putin\r");
    t.wait_for("1 of 3 documents");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn a_panic_gives_the_terminal_back_and_prints_a_short_report() {
    let cfg = config_dir();
    let mut t = Pty::spawn(&[], 100, 30, &[("QUOTELENS_TEST_PANIC", "1")], cfg.path());
    assert_eq!(t.exit_code(), 101);
    t.assert_restored();
    let s = t.screen_text();
    assert!(s.contains("quotelens stopped because of a bug"), "{s}");
    assert!(s.contains("The terminal has been restored"), "{s}");
    assert!(s.contains("quotelens.log"), "{s}");
    assert!(!s.contains("RUST_BACKTRACE"), "no Rust panic message: {s}");
    let log = std::fs::read_to_string(cfg.path().join("state/quotelens/quotelens.log"))
        .unwrap_or_default();
    assert!(log.contains("QUOTELENS_TEST_PANIC"), "{log}");
    assert!(log.contains("reader starting"), "{log}");
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let cfg = config_dir();
        let mut t = Pty::spawn(&[], 100, 30, &[], cfg.path());
        t.wait_for("Vladimir Putin");
        let pid = t.child.process_id().unwrap_or_else(|| panic!("no pid"));
        let status = Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success());
        assert_eq!(t.exit_code(), code, "SIG{signal}");
        t.assert_restored();
        let s = t.screen_text();
        assert!(s.contains(&format!("stopped by SIG{signal}")), "{s}");
    }
}

#[test]
fn escape_sequences_in_an_article_are_shown_never_obeyed() {
    let cfg = config_dir();
    let text = "Hostile page\n\nBefore the title \x1b]0;pwned\x07 and after it.\n\n\
                Clear\x1b[2Jhere: the screen must stay.\n\n“A quote \x1b[31mred\x1b[0m,” she said.\n";
    write(cfg.path(), "hostile.txt", text.as_bytes());
    let mut t = Pty::spawn(&["hostile.txt"], 100, 30, &[], cfg.path());
    let s = t.wait_for("␛]…␇");
    assert!(s.contains("Clear␛[…Jhere: the screen must stay."), "{s}");
    assert!(s.contains("␛[…mred␛[…m"), "{s}");
    t.send("]");
    let s = t.wait_for("quote 1/1");
    // Not cleared: the title bar, the text before and after the sequence, the status bar.
    for needle in [
        "quotelens │ Hostile page",
        "Hostile page",
        "Before the title",
        "she said",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.with_requests(|r| assert!(r.titles.is_empty(), "the title changed: {:?}", r.titles));
    let raw = t.raw();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"pwned\x07"), "the OSC sequence reached the terminal");
    assert!(!has(b"\x1b]0;"), "a title was set");
    assert!(
        !has(b"\x1b[2Jhere"),
        "the clear-screen sequence reached the terminal"
    );
    // The reader itself never clears the whole screen (it draws the alternate screen row by row),
    // so any ESC [ 2 J would have come from the article.
    assert!(!has(b"\x1b[2J"), "the screen was cleared");
    assert!(
        !has(b"\x1b[31mred"),
        "the colour sequence reached the terminal"
    );
}

//! End to end: the real `quotelens` binary in a pseudo-terminal, keys typed, the screen read back
//! through a vt100 emulator, and the terminal checked after it quits.

mod tui_common;

use std::time::Duration;
use tui_common::pty::{Pty, config_dir};

#[test]
fn a_new_user_opens_the_sample_moves_reads_help_and_quits() {
    let cfg = config_dir();
    let mut t = Pty::spawn(&[], 100, 30, &[], cfg.path());
    let s = t.wait_for("Aleksandr Lukashenko");
    assert!(s.contains("Vladimir Putin"));
    assert!(s.contains("Belarusian President Aleksandr Lukashenko held talks"));
    #[cfg(target_os = "linux")]
    assert!(!t.cooked(), "raw mode while reading");
    t.with_screen(|s| assert!(s.alternate_screen()));

    t.send("]");
    let s = t.wait_for("quote 1/20");
    assert!(s.contains("speech verb before the quote"));
    // The quote is in Lukashenko's colour (cyan, index 6) and reversed.
    t.with_screen(|screen| {
        let (rows, cols) = (screen.size().0.get(), screen.size().1.get());
        let hit = (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .any(|(r, c)| {
                screen
                    .cell(r, c)
                    .is_some_and(|cell| cell.inverse() && cell.fgcolor() == vt100::Color::Idx(6))
            });
        assert!(hit, "no reversed cyan quote on screen");
    });
    t.send("]");
    t.wait_for("quote 2/20");

    t.send("?");
    let s = t.wait_for("Next quote by the same speaker");
    assert!(s.contains("Keys"));
    t.send("\x1b");
    t.wait_gone("Next quote by the same speaker");

    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.with_screen(|s| {
        assert!(!s.alternate_screen(), "back on the main screen");
        assert!(!s.hide_cursor(), "cursor shown");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    #[cfg(target_os = "linux")]
    assert!(t.cooked(), "raw mode switched off");
}

#[test]
fn no_color_paints_no_colour() {
    let cfg = config_dir();
    let mut t = Pty::spawn(&[], 100, 30, &[("NO_COLOR", "1")], cfg.path());
    t.wait_for("◆ Vladimir Putin");
    t.send("]");
    t.wait_for("quote 1/20");
    t.send("/belarus\r");
    // The search starts at the selected quote: the title's match comes last.
    t.wait_for("Match 2 of");
    t.with_screen(|screen| {
        let (rows, cols) = (screen.size().0.get(), screen.size().1.get());
        let mut inverse = 0;
        for r in 0..rows {
            for c in 0..cols {
                let Some(cell) = screen.cell(r, c) else {
                    continue;
                };
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "fg at {r},{c}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "bg at {r},{c}");
                inverse += cell.inverse() as usize;
            }
        }
        assert!(inverse > 100, "the selected quote is still reversed");
    });
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn mouse_capture_toggles_and_the_wheel_scrolls() {
    let cfg = config_dir();
    let mut t = Pty::spawn(&[], 100, 30, &[], cfg.path());
    // Listed as a speaker, not only named in the article: the analysis is ready.
    t.wait_for("◆ Vladimir Putin");
    t.with_screen(|s| assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None));
    t.send("M");
    t.wait_for("Mouse on");
    t.with_screen(|s| assert_ne!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None));
    // Wheel down over the article (SGR encoding, button 65, column 10, row 10), twice.
    t.send("\x1b[<65;10;10M\x1b[<65;10;10M");
    t.wait_gone("Belarusian President Aleksandr Lukashenko held talks");
    // A click on Putin in the Speakers list selects him.
    let row = t.with_screen(|s| {
        s.contents()
            .lines()
            .position(|l| l.contains("◆ Vladimir Putin"))
            .unwrap_or(0)
    });
    t.send(&format!("\x1b[<0;85;{}M\x1b[<0;85;{}m", row + 1, row + 1));
    t.send("\r");
    t.wait_for("only ◆ Vladimir Putin");
    t.send("M");
    t.wait_for("Mouse off");
    t.with_screen(|s| assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn resizing_rewraps_and_keeps_the_top_line() {
    let cfg = config_dir();
    let mut t = Pty::spawn(&[], 100, 30, &[], cfg.path());
    t.wait_for("Vladimir Putin");
    t.send("jjjjjjjjjjjj");
    let top = |t: &Pty| {
        t.screen_text()
            .lines()
            .nth(1)
            .unwrap_or("")
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .to_string()
    };
    std::thread::sleep(Duration::from_millis(300));
    let before = top(&t);
    t.resize(70, 20);
    std::thread::sleep(Duration::from_millis(300));
    let s = t.screen_text();
    assert!(
        s.lines().nth(1).unwrap_or("").contains(&before),
        "{before:?} not on top:\n{s}"
    );
    t.resize(20, 5);
    std::thread::sleep(Duration::from_millis(300));
    t.send("]?");
    t.wait_for("Keys");
    // Esc alone (followed at once by a key it would read as Alt-key).
    t.send("\x1b");
    t.wait_gone("Keys");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn a_large_file_shows_at_once_and_quits_while_analysing() {
    let cfg = config_dir();
    let path = cfg.path().join("large.txt");
    let para = "“We will keep going,” the minister said, adding that the plan was sound. ";
    let text = (para.repeat(5) + "\n\n").repeat(30_000); // about 11 MB, above the preview size
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let p = path.display().to_string();
    let mut t = Pty::spawn(&[&p], 100, 30, &[], cfg.path());
    t.wait_for("We will keep going");
    t.send("G");
    // G goes to the end of what is loaded; when the whole file arrives just after, the view stays
    // where it was and is no longer at the end, so either is right.
    t.wait_until("the end, or the whole file", |s| {
        s.contains("end ") || !s.contains("loading…")
    });
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn rebinding_a_key_in_the_config_file_works() {
    let cfg = config_dir();
    let dir = cfg.path().join("quotelens");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("config.toml"),
        "[keys]\nnext_quote = [\"n\"]\nquit = [\"Q\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut t = Pty::spawn(&[], 100, 30, &[], cfg.path());
    t.wait_for("◆ Vladimir Putin");
    t.send("n");
    t.wait_for("quote 1/20");
    t.send("q?");
    t.wait_for("Keys");
    t.send("\x1b");
    t.wait_gone("Keys");
    t.send("Q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn a_bad_config_names_the_line_and_exits_with_the_config_code() {
    let cfg = config_dir();
    let dir = cfg.path().join("quotelens");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("config.toml"),
        "# mine\n[keys]\nnext_quote = [\"]\"]\nnext_qoute = [\"n\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .env("XDG_CONFIG_HOME", cfg.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(quotelens::cli::exit::CONFIG));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml, line 4"), "{err}");
    assert!(err.contains("unknown action `next_qoute`"), "{err}");
}

#[test]
fn without_a_terminal_the_reader_says_what_to_use_instead() {
    let cfg = config_dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .env("XDG_CONFIG_HOME", cfg.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(quotelens::cli::exit::TERMINAL));
    assert!(String::from_utf8_lossy(&out.stderr).contains("quotelens text"));
}

#[test]
fn an_error_after_the_preview_restores_the_terminal_and_exits_with_the_input_code() {
    let cfg = config_dir();
    let path = cfg.path().join("broken.txt");
    // Text at the start (shown as the preview), a NUL byte far in: the full load refuses it.
    let mut bytes = "A readable first line.\n\n".repeat(400_000).into_bytes();
    bytes.extend_from_slice(b"\0binary tail\n");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let p = path.display().to_string();
    let mut t = Pty::spawn(&[&p], 80, 24, &[], cfg.path());
    assert_eq!(t.exit_code(), quotelens::cli::exit::INPUT as u32);
    let s = t.screen_text();
    assert!(s.contains("looks like a binary file"), "{s}");
    t.with_screen(|s| {
        assert!(!s.alternate_screen());
        assert!(!s.hide_cursor());
    });
    #[cfg(target_os = "linux")]
    assert!(t.cooked());
}

#[cfg(unix)]
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_reader_back() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("bash is not installed; skipping");
        return;
    }
    let cfg = config_dir();
    // An interactive shell with job control, as the user has.
    let mut t = Pty::shell(
        "exec bash --norc --noprofile -i",
        100,
        30,
        &[("PS1", "ready> ")],
        cfg.path(),
    );
    t.wait_for("ready> ");
    t.send("\"$QUOTELENS\"\r");
    t.wait_for("◆ Vladimir Putin");
    t.send("]");
    t.wait_for("quote 1/20");
    t.send("\x1a");
    let s = t.wait_for("Stopped");
    assert!(s.contains("ready> "), "{s}");
    t.with_screen(|s| {
        assert!(!s.alternate_screen(), "the shell has the terminal");
        assert!(!s.hide_cursor(), "cursor shown");
    });
    t.send("fg\r");
    // The whole screen again, where it was.
    let s = t.wait_for("quote 1/20");
    assert!(s.contains("◆ Vladimir Putin"), "{s}");
    t.with_screen(|s| assert!(s.alternate_screen()));
    t.send("q");
    t.wait_until("the prompt again", |s| {
        s.matches("ready> ").count() >= 2 && !s.contains("quote 1/20")
    });
    t.send("exit\r");
    assert_eq!(t.exit_code(), 0);
}

//! One selection, one rule — the real binary in a pseudo-terminal, one test per defect of issue
//! 12 (each failed on the build before the fix: run them with `QUOTELENS_BIN=old-binary`).
//! The article is the sample (or short articles written here); the screen is read back through
//! a vt100 emulator, cell attributes included.

mod tui_common;

use std::time::Duration;
use tui_common::pty::{Pty, config_dir, write};

/// The columns of the article's text at a terminal width (the layout's rule: the panel takes
/// 36% of the width, 30 to 50 columns; the text starts after a two-column gutter and leaves
/// three for the timeline).
fn text_columns(cols: u16) -> std::ops::Range<u16> {
    if cols < 60 {
        return 2..cols.saturating_sub(3);
    }
    let panel = (cols * 36 / 100).clamp(30, 50);
    2..cols - panel - 3
}

/// The article's text on screen, rows joined by spaces.
fn article(t: &Pty) -> String {
    t.with_screen(|s| {
        let (rows, cols) = (s.size().0.get(), s.size().1.get());
        let cols_range = text_columns(cols);
        let mut out = String::new();
        for r in 1..rows.saturating_sub(1) {
            let row: String = cols_range
                .clone()
                .filter_map(|c| s.cell(r, c).map(|cell| cell.contents().to_string()))
                .map(|c| if c.is_empty() { " ".to_string() } else { c })
                .collect();
            out.push_str(row.trim_end());
            out.push(' ');
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

/// Cells in reverse video in the article's text.
fn reversed_in_article(t: &Pty) -> usize {
    t.with_screen(|s| {
        let (rows, cols) = (s.size().0.get(), s.size().1.get());
        let mut n = 0;
        for r in 1..rows.saturating_sub(1) {
            for c in text_columns(cols) {
                n += s.cell(r, c).is_some_and(|cell| cell.inverse()) as usize;
            }
        }
        n
    })
}

/// Cells in reverse video in the side panel's list (below its tab bar).
fn reversed_in_panel(t: &Pty) -> usize {
    t.with_screen(|s| {
        let (rows, cols) = (s.size().0.get(), s.size().1.get());
        let from = text_columns(cols).end + 4;
        let mut n = 0;
        for r in 3..rows.saturating_sub(1) {
            for c in from..cols {
                n += s.cell(r, c).is_some_and(|cell| cell.inverse()) as usize;
            }
        }
        n
    })
}

fn status(t: &Pty) -> String {
    t.screen_text().lines().last().unwrap_or("").to_string()
}

/// Waits until the status line satisfies `ok`.
fn wait_status(t: &Pty, what: &str, ok: impl Fn(&str) -> bool) -> String {
    t.wait_until(what, |s| ok(s.lines().last().unwrap_or("")));
    // The frame after the one that showed it (nothing else is queued).
    std::thread::sleep(Duration::from_millis(150));
    status(t)
}

/// The figure the status line names: `number 3/11 · 6.3% · percent …` → `6.3%`.
fn figure(status: &str) -> String {
    status.split(" · ").nth(1).unwrap_or("").trim().to_string()
}

fn clipboard(t: &Pty) -> Vec<String> {
    let start = std::time::Instant::now();
    while t.with_requests(|r| r.clipboard.is_empty()) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    t.with_requests(|r| r.clipboard.clone())
}

fn is_number_status(s: &str) -> bool {
    s.trim_start().starts_with("number ") && s.contains('/')
}

fn sample(cols: u16, rows: u16) -> (tempfile::TempDir, Pty) {
    let cfg = config_dir();
    let t = Pty::spawn(&[], cols, rows, &[], cfg.path());
    // The speakers listed (not just named in the article): the analysis is ready.
    t.wait_for("◆ Vladimir Putin");
    (cfg, t)
}

#[test]
fn defect_1_switching_tabs_selects_that_tabs_item_at_the_reading_position() {
    let (_cfg, mut t) = sample(100, 30);
    t.send("G");
    wait_status(&t, "the end", |s| s.trim_end().ends_with("end"));
    t.send("3");
    let s = wait_status(&t, "a number", is_number_status);
    let f = figure(&s);
    assert!(!f.is_empty(), "{s}");
    assert!(
        article(&t).contains(&f),
        "{f:?} is not in the article on screen:\n{}",
        t.screen_text()
    );
    // The third quote, then the Numbers tab: a number there, and no quote left reversed.
    t.send("g]]]");
    wait_status(&t, "quote 3", |s| s.contains("quote 3/20"));
    t.send("3");
    let s = wait_status(&t, "a number", is_number_status);
    assert!(
        article(&t).contains(&figure(&s)),
        "{s}\n{}",
        t.screen_text()
    );
    assert_eq!(reversed_in_article(&t), 0, "{}", t.screen_text());
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_2_one_thing_looks_selected_and_it_is_what_y_copies() {
    let (_cfg, mut t) = sample(100, 30);
    t.send(&"]".repeat(12));
    wait_status(&t, "quote 12", |s| s.contains("quote 12/20"));
    t.send("3jjjjjj");
    let s = wait_status(&t, "a number", is_number_status);
    let f = figure(&s);
    assert_eq!(reversed_in_article(&t), 0, "the quote still looks selected");
    // The keys back to the article: the number is still the selection, and `y` copies it.
    t.send("\t");
    wait_status(&t, "the same number", |x| x.trim() == s.trim());
    t.send("y");
    wait_status(&t, "copied", |x| x.contains("Copied"));
    let copied = clipboard(&t);
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(
        copied[0].starts_with(&f),
        "copied {copied:?}, selected {f:?}"
    );
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_3_scrolling_moves_the_selection_and_y_never_copies_what_is_off_screen() {
    let (_cfg, mut t) = sample(100, 30);
    t.send("]]]");
    wait_status(&t, "quote 3", |s| s.contains("quote 3/20"));
    t.send("G");
    let s = wait_status(&t, "the end", |s| s.trim_end().ends_with("end"));
    assert!(
        s.contains("quote "),
        "the quote at the end is selected: {s}"
    );
    assert!(!s.contains("quote 3/20"), "{s}");
    t.send("y");
    wait_status(&t, "copied", |x| x.contains("Copied"));
    let copied = clipboard(&t);
    let words: String = copied
        .first()
        .map(|c| c.split_whitespace().take(6).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    assert!(!words.is_empty());
    assert!(
        article(&t).contains(&words),
        "copied {words:?}, which is not on screen:\n{}",
        t.screen_text()
    );
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_4_a_resize_keeps_the_selected_quote_on_screen() {
    let (_cfg, mut t) = sample(140, 40);
    t.send(&"]".repeat(14));
    wait_status(&t, "quote 14", |s| s.contains("quote 14/20"));
    assert!(reversed_in_article(&t) > 0);
    t.resize(100, 30);
    std::thread::sleep(Duration::from_millis(400));
    assert!(status(&t).contains("quote 14/20"), "{}", status(&t));
    assert!(
        reversed_in_article(&t) > 0,
        "quote 14 is off screen:\n{}",
        t.screen_text()
    );
    // Small: `]` goes on to the next quote, not back to the first on screen.
    t.resize(40, 12);
    std::thread::sleep(Duration::from_millis(400));
    t.send("]");
    wait_status(&t, "quote 15", |s| s.contains("quote 15/20"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_5_a_click_answers_the_last_message() {
    let (_cfg, mut t) = sample(100, 30);
    t.send("M");
    wait_status(&t, "mouse on", |s| s.contains("Mouse on"));
    let row = t
        .screen_text()
        .lines()
        .position(|l| l.contains("thought long about"))
        .unwrap_or(0);
    t.send(&format!("\x1b[<0;20;{}M\x1b[<0;20;{}m", row + 1, row + 1));
    let s = wait_status(&t, "the clicked quote", |s| s.contains("quote 1/20"));
    assert!(!s.contains("Mouse on"), "{s}");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_6_slash_enter_repeats_the_search_forward() {
    let (_cfg, mut t) = sample(100, 30);
    t.send("/belarus\r");
    wait_status(&t, "match 1", |s| s.contains("Match 1 of"));
    t.send("n");
    wait_status(&t, "match 2", |s| s.contains("Match 2 of"));
    t.send("/\r");
    wait_status(&t, "match 3", |s| s.contains("Match 3 of"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_7_quote_keys_keep_to_the_speaker_filter() {
    let (_cfg, mut t) = sample(100, 30);
    t.send("1j\r");
    t.wait_for("only ◆ Vladimir Putin");
    wait_status(&t, "the filter", |s| s.contains("Quotes by Vladimir Putin"));
    // Putin has 8 quotes: the first is selected, `]` goes through the other 7 (another
    // speaker's quote sits among them in the article).
    let mut before = status(&t);
    for _ in 2..=8 {
        t.send("]");
        let s = wait_status(&t, "the next quote", |s| {
            s.contains("quote ") && s != before
        });
        before = s.clone();
        assert!(s.contains("Vladimir Putin"), "{s}");
        assert!(
            reversed_in_panel(&t) > 0,
            "no row selected:\n{}",
            t.screen_text()
        );
    }
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_8_a_figure_cut_short_ends_with_an_ellipsis() {
    let (_cfg, mut t) = sample(100, 30);
    t.send("3");
    let screen = t.wait_for("$51.8 billion");
    let row = screen
        .lines()
        .find(|l| l.contains("$51.8 billion"))
        .unwrap_or("");
    assert!(
        row.contains("51,800,000,000") || row.contains('…'),
        "a figure cut without a mark: {row}"
    );
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn defect_9_the_library_shortens_people_to_their_surname_and_keeps_organisations_whole() {
    let cfg = config_dir();
    let news = cfg.path().join("news");
    std::fs::create_dir_all(&news).unwrap_or_else(|e| panic!("{e}"));
    write(
        &news,
        "jobs.txt",
        "Hiring slows in spring\n\n\
         “Employers are more careful than they were,” the Labor Department said on Friday.\n\n\
         “The slowdown is real but mild,” said economist Maria Lindqvist.\n"
            .as_bytes(),
    );
    write(
        &news,
        "ferry.txt",
        "Ferry line expands\n\n\
         “We will add two crossings a day,” Northsea Shipping Group said in a statement.\n"
            .as_bytes(),
    );
    let mut t = Pty::spawn(&["news"], 120, 20, &[], cfg.path());
    let s = t.wait_until("both rows", |s| {
        s.contains("Hiring slows") && s.contains("Ferry line") && !s.contains("analysing…")
    });
    // The documents' side of a row (the speaker index is beside it).
    let row = |needle: &str| {
        s.lines()
            .find(|l| l.contains(needle))
            .and_then(|l| l.split('│').next())
            .unwrap_or("")
            .to_string()
    };
    let jobs = row("Hiring slows");
    assert!(jobs.contains("Labor Department 1"), "{jobs}");
    assert!(jobs.contains("Lindqvist 1"), "{jobs}");
    assert!(
        !jobs.contains("Maria"),
        "a person goes by their surname: {jobs}"
    );
    let ferry = row("Ferry line");
    assert!(ferry.contains("Northsea Shipping Group 1"), "{ferry}");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

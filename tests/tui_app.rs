//! The reader driven headless: keys and mouse in, screen out, checked for what a user would see.

mod tui_common;

use quotelens::Document;
use quotelens::tui::{Focus, Input, Item, Tab, Theme};
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::Color;
use tui_common::Reader;

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

#[test]
fn the_sample_shows_its_speakers_and_the_article() {
    let r = Reader::sample(100, 30, Theme::COLOUR);
    let screen = r.screen();
    assert!(screen.contains("Belarusian President Aleksandr Lukashenko held talks"));
    assert!(screen.contains("● Aleksandr Lukashenko"));
    assert!(screen.contains("◆ Vladimir Putin"));
    assert!(r.status().contains("20 quotes"), "{}", r.status());
}

#[test]
fn next_quote_selects_it_and_the_status_bar_says_why() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["]"]);
    let status = r.status();
    assert!(status.contains("quote 1/20"), "{status}");
    assert!(status.contains("Aleksandr Lukashenko"), "{status}");
    assert!(status.contains("speech verb before the quote"), "{status}");
    // The quote is drawn reversed, in Lukashenko's colour.
    let buf = r.term.backend().buffer();
    let row = r
        .lines()
        .iter()
        .position(|l| l.contains("indeed reached"))
        .unwrap_or_else(|| panic!("quote not on screen"));
    let col = r.lines()[row].find("indeed reached").unwrap_or(0);
    let x = r.lines()[row][..col].chars().count() as u16;
    let cell = &buf[(x, row as u16)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert_eq!(cell.fg, Color::Cyan);
    // Back with [.
    r.press(&["]", "["]);
    assert!(r.status().contains("quote 1/20"));
}

#[test]
fn jumping_far_centres_the_quote_and_the_list_follows() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    // The Quotes tab selects the quote at the reading position: the first on screen.
    r.press(&["2"]);
    assert!(r.status().contains("quote 1/20"), "{}", r.status());
    for _ in 0..14 {
        r.press(&["]"]);
    }
    assert!(r.status().contains("quote 15/20"), "{}", r.status());
    let screen = r.screen();
    assert!(
        screen.contains("Moreover, the work is both routine"),
        "{screen}"
    );
    // The Quotes list highlights the same quote (reversed in the panel).
    assert_eq!(r.app.list_selected(Tab::Quotes), Some(14));
}

#[test]
fn after_jumping_away_the_selection_is_the_quote_at_the_reading_position() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["]", "G"]);
    // Quote 1 is off screen now: the first quote on the last screen took its place.
    let status = r.status();
    let at_end = status
        .split("quote ")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no quote selected: {status}"));
    assert!(at_end > 1, "{status}");
    let span = r.app.current.and_then(|i| r.app.item_span(i));
    assert!(span.is_some_and(|s| r.app.article.shows(s)), "{status}");
    r.press(&["["]);
    assert!(
        r.status().contains(&format!("quote {}/20", at_end - 1)),
        "{}",
        r.status()
    );
    r.press(&["g"]);
    assert!(r.status().contains("quote 1/20"), "{}", r.status());
    r.press(&["]"]);
    assert!(r.status().contains("quote 2/20"), "{}", r.status());
}

#[test]
fn same_speaker_keys_skip_the_others() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["]"]);
    for _ in 0..10 {
        r.press(&["}"]);
    }
    // Lukashenko has 11 quotes: the tenth } stops at his last one.
    assert!(r.status().contains("Aleksandr Lukashenko"));
    assert!(r.status().contains("No more quotes") || r.status().contains("quote 11/20"));
    r.press(&["]", "}"]);
    assert!(r.status().contains("Vladimir Putin"), "{}", r.status());
    r.press(&["{"]);
    assert!(r.status().contains("Vladimir Putin"), "{}", r.status());
}

#[test]
fn enter_on_a_speaker_filters_the_quotes_and_x_clears_it() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["1", "j", "enter"]);
    assert_eq!(r.app.panel.tab, Tab::Quotes);
    assert_eq!(r.app.quote_list().len(), 8);
    assert!(r.screen().contains("only ◆ Vladimir Putin"));
    assert!(r.status().contains("Quotes by Vladimir Putin"));
    r.press(&["j"]);
    assert!(r.status().contains("quote"), "{}", r.status());
    assert!(r.status().contains("Vladimir Putin"));
    r.press(&["x"]);
    assert_eq!(r.app.quote_list().len(), 20);
    assert!(!r.screen().contains("only ◆"));
}

#[test]
fn tab_switches_focus_and_lists_move_with_j() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    assert_eq!(r.app.focus, Focus::Article);
    r.press(&["tab"]);
    assert_eq!(r.app.focus, Focus::Panel);
    r.press(&["3", "j", "j"]);
    assert_eq!(r.app.current, Some(Item::Number(2)));
    assert!(r.status().starts_with(" number 3/"), "{}", r.status());
    r.press(&["G"]);
    let n = r.app.list_len(Tab::Numbers);
    assert_eq!(r.app.current, Some(Item::Number(n - 1)));
    r.press(&["tab", "G"]);
    assert_eq!(r.app.focus, Focus::Article);
    assert!(r.status().ends_with("end "), "{}", r.status());
}

#[test]
fn search_highlights_every_match_and_the_current_one_differently() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["/"]);
    r.type_text("problems");
    assert!(r.status().starts_with("/problems"));
    r.press(&["enter"]);
    assert!(r.status().contains("Match 1 of 4"), "{}", r.status());
    let buf = r.term.backend().buffer();
    let (mut current, mut other) = (0, 0);
    for cell in buf.content() {
        match cell.bg {
            Color::LightRed => current += 1,
            Color::Yellow => other += 1,
            _ => {}
        }
    }
    assert_eq!(current, "problems".len());
    assert!(other >= 2 * "problems".len(), "{other}");
    r.press(&["n", "n", "N"]);
    assert!(r.status().contains("Match 2 of 4"), "{}", r.status());
    r.press(&["esc"]);
    assert!(r.app.search.is_none());
    r.press(&["/"]);
    r.type_text("no such words");
    r.press(&["enter"]);
    assert!(r.status().contains("Not found"));
}

#[test]
fn help_is_generated_from_the_keymap_and_esc_closes_it() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["?"]);
    let screen = r.screen();
    assert!(screen.contains("Keys"));
    assert!(screen.contains("Next quote by the same speaker"));
    r.press(&["q"]);
    assert!(!r.app.quit, "q closes help first");
    assert!(!r.screen().contains("Next quote by the same speaker"));
    r.press(&["?", "esc", "q"]);
    assert!(r.app.quit);
}

#[test]
fn resizing_keeps_the_same_text_at_the_top() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["j"; 12]);
    let top = r.app.article.top();
    let first_words: String = r.app.doc.text[top..].chars().take(20).collect();
    for (w, h) in [(70, 20), (140, 40), (61, 12), (100, 30)] {
        r.resize(w, h);
        let second_row = &r.lines()[1];
        assert!(
            second_row.contains(first_words.split(' ').next().unwrap_or("")),
            "{w}x{h}: {second_row}"
        );
    }
    assert_eq!(
        r.app.article.top(),
        top,
        "back at the first size, nothing drifted"
    );
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut r = Reader::sample(20, 5, Theme::COLOUR);
    for (w, h) in [(1, 1), (0, 0), (3, 2), (20, 5), (12, 3), (59, 4), (60, 3)] {
        r.resize(w, h);
        r.press(&["]", "j", "tab", "2", "j", "?", "esc", "G", "/"]);
        r.type_text("x");
        r.press(&["enter", "tab"]);
    }
}

#[test]
fn mouse_wheel_scrolls_and_clicks_select() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.mouse(mouse(MouseEventKind::ScrollDown, 10, 10));
    assert!(r.app.article.top() > 0);
    r.draw();
    // Click the Putin row of the Speakers list.
    let row = r
        .lines()
        .iter()
        .position(|l| l.contains("◆ Vladimir Putin"))
        .unwrap_or(0) as u16;
    r.mouse(mouse(MouseEventKind::Down(MouseButton::Left), 90, row));
    assert_eq!(r.app.focus, Focus::Panel);
    assert_eq!(r.app.list_selected(Tab::Speakers), Some(1));
    // Click the Quotes tab, then a word inside the first quote in the article.
    r.draw();
    let tabs_row = &r.lines()[1];
    let x = tabs_row.find("2 Quotes").unwrap_or(0);
    let x = tabs_row[..x].chars().count() as u16;
    r.mouse(mouse(MouseEventKind::Down(MouseButton::Left), x, 1));
    assert_eq!(r.app.panel.tab, Tab::Quotes);
    r.press(&["g"]);
    r.app.focus = Focus::Article;
    r.press(&["g"]);
    let row = r
        .lines()
        .iter()
        .position(|l| l.contains("have indeed reached"))
        .unwrap_or(0) as u16;
    r.mouse(mouse(MouseEventKind::Down(MouseButton::Left), 10, row));
    r.draw();
    assert!(r.status().contains("quote 1/20"), "{}", r.status());
}

#[test]
fn no_color_paints_no_colour_but_keeps_markers_and_highlights() {
    let mut r = Reader::sample(100, 30, Theme::MONO);
    r.press(&["]", "/"]);
    r.type_text("belarus");
    r.press(&["enter"]);
    let buf = r.term.backend().buffer();
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let screen = r.screen();
    assert!(screen.contains("● Aleksandr Lukashenko"));
    assert!(screen.contains("◆ Vladimir Putin"));
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
    );
}

#[test]
fn control_characters_and_tabs_never_reach_the_terminal_raw() {
    // Built without the loader's clean-up, to test the reader's own defence.
    let text =
        "Plain\tafter a tab \u{1b}[2J\u{7} and “a quote \u{1b}]0;x\u{7},” she said.".to_string();
    let doc = Document::from_parts(
        text.clone(),
        vec![quotelens::Span::new(0, text.len())],
        vec![],
        quotelens::Meta::default(),
    );
    let r = Reader::with_doc(doc, 80, 10, Theme::COLOUR, true);
    let screen = r.screen();
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "{screen:?}"
    );
    assert!(screen.contains("Plain    after a tab ␛[2J␇"));
}

#[test]
fn a_large_document_is_wrapped_only_around_the_view() {
    let para = "“We will keep going,” the minister said, adding that the plan was sound. ";
    let text = (para.repeat(5) + "\n\n").repeat(40_000); // about 15 MB
    let doc = Document::from_text(&text, quotelens::Meta::default());
    let mut r = Reader::with_doc(doc, 120, 40, Theme::COLOUR, false);
    assert!(r.status().contains("analysing…"));
    r.press(&["G"]);
    assert!(r.status().ends_with("end "));
    r.press(&["g", "space", "space"]);
    r.resize(90, 30);
    assert!(
        r.app.article.cached_blocks() < 100,
        "{}",
        r.app.article.cached_blocks()
    );
}

#[test]
fn a_failed_analysis_leaves_a_readable_text_and_says_so() {
    let doc = match quotelens::cli::reader_document(None) {
        Ok(d) => d,
        Err(f) => panic!("{}", f.message),
    };
    let mut r = Reader::with_doc(doc, 100, 30, Theme::COLOUR, false);
    let jobs = r.take_jobs();
    let failed = jobs
        .first()
        .map(|j| j.failure()("index out of bounds".into()));
    r.input(Input::Job(
        failed.unwrap_or_else(|| panic!("no analysis job queued")),
    ));
    r.draw();
    assert!(r.status().contains("The analysis failed"), "{}", r.status());
    assert!(!r.status().contains("analysing…"));
    assert!(r.screen().contains("Belarusian President"));
    r.press(&["]", "j"]);
}

#[test]
fn a_quote_jump_pressed_while_analysing_happens_when_the_analysis_arrives() {
    let doc = match quotelens::cli::reader_document(None) {
        Ok(d) => d,
        Err(f) => panic!("{}", f.message),
    };
    let mut r = Reader::with_doc(doc, 100, 30, Theme::COLOUR, false);
    let jobs = r.take_jobs();
    r.press(&["]"]);
    assert!(r.status().contains("Still analysing"), "{}", r.status());
    for job in jobs {
        r.input(Input::Job(job.run()));
    }
    r.draw();
    assert!(r.status().contains("quote 1/20"), "{}", r.status());
}

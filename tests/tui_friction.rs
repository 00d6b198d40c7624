//! The rough edges an experienced terminal user meets (issue 12's friction list), driven
//! headless: each test is what such a user would try, and what they should see.

mod tui_common;

use quotelens::tui::{Focus, Input, Item, Tab, Theme};
use ratatui::style::{Color, Modifier};
use tui_common::Reader;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// The row where `needle` is on screen, below the title bar.
fn row_of(r: &Reader, needle: &str) -> usize {
    r.lines()
        .iter()
        .skip(1)
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", r.screen()))
}

#[test]
fn the_pane_with_the_keys_is_plain_to_see_and_esc_gives_them_back_to_the_article() {
    let mut r = Reader::sample(100, 30, Theme::MONO);
    assert!(r.lines()[0].contains("j/k: text"), "{}", r.lines()[0]);
    r.press(&["3"]);
    assert_eq!(r.app.focus, Focus::Panel);
    assert!(
        r.lines()[0].contains("j/k: list (Esc text)"),
        "{}",
        r.lines()[0]
    );
    // The selected row is marked, not only reversed.
    assert!(r.screen().contains("▶13 March"), "{}", r.screen());
    r.press(&["esc"]);
    assert_eq!(r.app.focus, Focus::Article);
    assert!(r.lines()[0].contains("j/k: text"));
    assert!(!r.screen().contains('▶'));
    // The number stays the selection.
    assert!(matches!(r.app.current, Some(Item::Number(_))));
}

#[test]
fn a_jump_keeps_rows_of_text_below_the_quote() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    for _ in 0..4 {
        r.press(&["]"]);
        let span = r
            .app
            .current
            .and_then(|i| r.app.item_span(i))
            .unwrap_or_else(|| panic!("no quote"));
        let rows = r.app.article.rows();
        let last = rows
            .iter()
            .rposition(|row| row.start < span.end)
            .unwrap_or(0);
        // Either context below it, or the end of the document.
        assert!(
            last + 1 + 3 <= rows.len() || r.app.article.at_end(),
            "the quote ends on row {last} of {}",
            rows.len()
        );
    }
}

#[test]
fn the_speakers_list_names_the_selected_speaker() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["1", "j"]);
    let status = r.status();
    assert!(status.contains("speaker 2/3"), "{status}");
    assert!(status.contains("◆ Vladimir Putin"), "{status}");
    assert!(status.contains("quote 1 of 8"), "{status}");
    r.press(&["j"]);
    assert!(r.status().contains("the Belarusian side"), "{}", r.status());
}

#[test]
fn the_note_prompt_says_its_keys_and_its_cursor_moves() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "a"]);
    assert!(r.status().contains("Enter save"), "{}", r.status());
    r.type_text("check date");
    r.press(&["left", "left", "left", "left"]);
    r.type_text("the ");
    r.press(&["home", "delete", "end"]);
    r.press(&["enter"]);
    let note = r.app.highlights()[0].note.clone();
    assert_eq!(note.as_deref(), Some("heck the date"));
}

#[test]
fn the_export_dialog_shows_its_folder_and_its_name_can_be_changed() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["e"]);
    let dir = data.path().join("exports").display().to_string();
    assert!(r.screen().contains("Folder"), "{}", r.screen());
    assert!(
        r.screen().contains(&dir[dir.len() - 10..]),
        "{}",
        r.screen()
    );
    // Down twice to the name; Ctrl-U clears it.
    r.press(&["j", "j", "ctrl-u"]);
    r.type_text("minsk talks");
    assert!(r.screen().contains("minsk talks.md"), "{}", r.screen());
    r.press(&["enter"]);
    assert!(
        data.path().join("exports/minsk talks.md").exists(),
        "{}",
        r.status()
    );
}

#[test]
fn u_undoes_and_ctrl_r_redoes() {
    let data = tmp();
    let mut r = Reader::sample_with_store(100, 30, Theme::COLOUR, data.path());
    r.press(&["]", "m", "a"]);
    r.enter_text("keep");
    assert_eq!(r.app.highlights().len(), 1);
    r.press(&["u", "u"]);
    assert_eq!(r.app.highlights().len(), 0);
    assert!(r.status().contains("Ctrl-r redoes"), "{}", r.status());
    r.press(&["ctrl-r"]);
    assert_eq!(r.app.highlights().len(), 1);
    assert_eq!(r.app.highlights()[0].note, None);
    // The note comes back on the highlight made again.
    r.press(&["ctrl-r"]);
    assert_eq!(r.app.highlights()[0].note.as_deref(), Some("keep"));
    r.press(&["ctrl-r"]);
    assert!(r.status().contains("Nothing to redo"), "{}", r.status());
    // A new change forgets what could be redone.
    r.press(&["u", "]", "m", "ctrl-r"]);
    assert!(r.status().contains("Nothing to redo"), "{}", r.status());
}

#[test]
fn a_key_that_does_nothing_says_so() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["z"]);
    assert!(
        r.status().contains("z is not a key of the reader"),
        "{}",
        r.status()
    );
    assert!(r.status().contains("? lists them"), "{}", r.status());
}

#[test]
fn ctrl_z_asks_to_suspend() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["ctrl-z"]);
    assert_eq!(r.suspended, 1);
}

#[test]
fn the_search_highlights_matches_while_it_is_typed() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["/"]);
    r.type_text("kreml");
    let buf = r.term.backend().buffer();
    let lit = buf
        .content()
        .iter()
        .filter(|c| c.bg == Color::Yellow)
        .count();
    assert_eq!(lit, "kreml".len(), "one match on screen, lit before Enter");
    assert!(r.status().contains("Enter search"), "{}", r.status());
    r.press(&["esc"]);
    let buf = r.term.backend().buffer();
    assert!(!buf.content().iter().any(|c| c.bg == Color::Yellow));
}

#[test]
fn two_speakers_in_one_paragraph_each_get_their_marker_without_colour() {
    let text = "Talks\n\n“The bridge opens in May,” said Ann Lee. “Not before the budget is agreed, \
                and not before the fishermen have been asked,” said Tom Berg.\n";
    let doc = quotelens::Document::from_text(text, quotelens::Meta::default());
    let r = Reader::with_doc(doc, 70, 12, Theme::MONO, true);
    let gutter: String = r.lines()[1..11]
        .iter()
        .filter_map(|l| l.chars().next())
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect();
    assert_eq!(gutter.chars().count(), 2, "{}", r.screen());
    let mut markers: Vec<char> = gutter.chars().collect();
    markers.dedup();
    assert_eq!(markers.len(), 2, "two different markers: {gutter}");
}

#[test]
fn tab_titles_stay_words_at_a_hundred_columns() {
    let r = Reader::sample(100, 30, Theme::COLOUR);
    let screen = r.screen();
    for title in ["1 Speakers", "2 Quotes", "3 Numbers", "4 Highlights"] {
        assert!(screen.contains(title), "{title}\n{screen}");
    }
}

#[test]
fn a_long_message_is_shown_whole_on_more_lines() {
    let data = tmp();
    let mut r = Reader::sample_with_store(80, 24, Theme::COLOUR, data.path());
    r.press(&["]", "m"]);
    let status = r.status();
    assert!(
        status.contains("— Aleksandr Lukashenko (a adds a note)"),
        "{status}"
    );
    assert!(r.app.screen.status.height >= 2, "{status}");
    // The next key takes it away, and the bar is one line again.
    r.press(&["j"]);
    assert_eq!(r.app.screen.status.height, 1);
}

#[test]
fn the_title_line_is_drawn_as_a_heading() {
    let doc = quotelens::Document::from_text(
        "Harbour reopens\n\n“The harbour is open again,” said Ann Lee.\n",
        quotelens::Meta::default(),
    );
    let r = Reader::with_doc(doc, 80, 10, Theme::COLOUR, true);
    let y = row_of(&r, "Harbour reopens");
    let x = r.lines()[y].find("Harbour").unwrap_or(0) as u16;
    let cell = &r.term.backend().buffer()[(x, y as u16)];
    assert!(cell.modifier.contains(Modifier::BOLD));
}

#[test]
fn markdown_sub_headings_are_drawn_as_headings() {
    let md = "# Harbour reopens\n\nThe harbour opened on Monday.\n\n## What the mayor said\n\n\
              “The harbour is open again,” said Ann Lee.\n\n#### Timetable\n\nFerries return in May.\n";
    let doc = quotelens::document::load::from_bytes(md.as_bytes(), "harbour.md", "md")
        .unwrap_or_else(|e| panic!("{e}"));
    let r = Reader::with_doc(doc, 80, 14, Theme::MONO, true);
    let bold_at = |needle: &str| {
        let y = row_of(&r, needle);
        let x = r.lines()[y][..r.lines()[y].find(needle).unwrap_or(0)]
            .chars()
            .count() as u16;
        r.term.backend().buffer()[(x, y as u16)]
            .modifier
            .contains(Modifier::BOLD)
    };
    assert!(bold_at("What the mayor said"), "{}", r.screen());
    assert!(bold_at("Timetable"), "{}", r.screen());
    assert!(!bold_at("Ferries return"), "{}", r.screen());
    assert!(!bold_at("The harbour opened"), "{}", r.screen());
}

#[test]
fn an_uncertain_attribution_is_marked_in_the_list_and_explained_in_the_status_bar() {
    let mut r = Reader::sample(100, 30, Theme::MONO);
    // The engine was unsure of the second quote's speaker, and half sure of the third's.
    tui_common::set_confidence(&mut r, 1, 0.42);
    tui_common::set_confidence(&mut r, 2, 0.5);
    r.press(&["]", "]"]);
    assert!(r.status().contains("quote 2/"), "{}", r.status());
    assert!(
        r.status().contains("? (uncertain: 0.42) · "),
        "{}",
        r.status()
    );
    r.press(&["]"]);
    assert!(r.status().contains("quote 3/"), "{}", r.status());
    assert!(!r.status().contains("uncertain"), "{}", r.status());
    // In the Quotes list, the second row's speaker alone is marked.
    r.press(&["2", "g"]);
    let list = r.app.screen.list;
    let rows: Vec<String> = r.lines()[list.y as usize..list.bottom() as usize]
        .iter()
        .map(|l| l.chars().skip(list.x as usize).collect())
        .collect();
    let marked: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.split('“').next().is_some_and(|who| who.contains('?')))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(marked, [1], "{}", rows.join("\n"));
}

#[test]
fn a_long_analysis_shows_how_far_it_has_got() {
    let para = "“We will keep going,” the minister said, adding that the plan was sound. ";
    let text = (para.repeat(5) + "\n\n").repeat(3_000);
    let doc = quotelens::Document::from_text(&text, quotelens::Meta::default());
    let last_paragraph_end = doc.paragraphs.last().map_or(0, |p| p.end);
    let mut r = Reader::with_doc(doc, 100, 30, Theme::COLOUR, false);
    let mut jobs = r.take_jobs();
    let at = jobs
        .iter()
        .position(|j| matches!(j, quotelens::tui::Job::Analyse { .. }));
    let analysis = at.map(|i| jobs.remove(i));
    let Some(quotelens::tui::Job::Analyse { progress, .. }) = &analysis else {
        panic!("no analysis queued");
    };
    let progress = std::sync::Arc::clone(progress);
    assert!(r.status().contains("analysing…"), "{}", r.status());
    // The analysis has read 37% of the text when the next tick comes, a second in.
    progress.store(
        text.len() * 37 / 100 + 1,
        std::sync::atomic::Ordering::Relaxed,
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    r.input(Input::Tick);
    assert!(r.status().contains("analysing 1 MB… 37%"), "{}", r.status());
    // The real analysis counts every block, up to the end of the last paragraph.
    if let Some(job) = analysis {
        r.input(Input::Job(job.run()));
    }
    assert_eq!(
        progress.load(std::sync::atomic::Ordering::Relaxed),
        last_paragraph_end
    );
    assert!(!r.status().contains("analysing"), "{}", r.status());
}

#[test]
fn a_click_in_the_article_selects_the_shown_tabs_item_under_it() {
    let text = "Roads\n\nThe council spent $2 million in 2023, and 45% of it went on roads. \
                “We will cut 300 jobs,” said Ann Lee.\n";
    let doc = quotelens::Document::from_text(text, quotelens::Meta::default());
    let mut r = Reader::with_doc(doc, 100, 20, Theme::COLOUR, true);
    r.press(&["3", "tab"]);
    assert!(r.status().contains("number 1/"), "{}", r.status());
    let y = row_of(&r, "45%");
    let x = r.lines()[y][..r.lines()[y].find("45%").unwrap_or(0)]
        .chars()
        .count() as u16;
    let click = |x: u16, y: usize| ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(
            ratatui::crossterm::event::MouseButton::Left,
        ),
        column: x,
        row: y as u16,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    };
    r.mouse(click(x + 1, y));
    assert!(r.status().contains("number 3/"), "{}", r.status());
    assert_eq!(r.app.panel.tab, Tab::Numbers);
    // Where there is no number, the quote under the pointer (the Quotes list shows it).
    let y = row_of(&r, "cut 300");
    let qx = r.lines()[y][..r.lines()[y].find("cut 300").unwrap_or(0)]
        .chars()
        .count() as u16;
    r.mouse(click(qx.saturating_sub(3), y));
    assert!(r.status().contains("quote 1/1"), "{}", r.status());
    assert_eq!(r.app.panel.tab, Tab::Quotes);
}

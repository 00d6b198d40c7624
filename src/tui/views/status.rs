//! The title bar and the status bar. The status bar says what is selected and why: the current
//! quote's speaker, how it was attributed, and where it is; or the selected number or highlight;
//! or the text selection being made; or a message; or a prompt (search, note, library filter).
//! Its right side says where the view is: the chapter and how far into the document.

use super::{display_line, truncate};
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Message, Mode, Overlay, Tab};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = app.theme;
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.bar());
    let help = app.keymap.hint(Action::Help).unwrap_or_default();
    let mut right = String::new();
    if app.mouse {
        right.push_str("mouse on · ");
    }
    if let Some(lib) = &app.library
        && app.mode == Mode::Document
    {
        let key = app.keymap.hint(Action::ShowLibrary).unwrap_or_default();
        if let Some(i) = lib.current {
            right.push_str(&format!("{}/{} · ", i + 1, lib.entries.len()));
        }
        if !key.is_empty() {
            right.push_str(&format!("{key} library · "));
        }
    }
    if !help.is_empty() {
        right.push_str(&format!("{help} help "));
    }
    let right_w = right.width();
    let room = (area.width as usize).saturating_sub(right_w + 1);
    let title = match (&app.library, app.mode) {
        (Some(lib), Mode::Library) => {
            let pending = lib.pending();
            let n = lib.entries.len();
            let mut t = format!(
                " quotelens │ {} │ {n} document{}",
                display_line(&lib.title),
                if n == 1 { "" } else { "s" }
            );
            if pending > 0 {
                t.push_str(&format!(", {pending} analysing…"));
            }
            t
        }
        _ => format!(" quotelens │ {}", display_line(&app.doc.display_name())),
    };
    buf.set_string(area.x, area.y, truncate(&title, room), theme.bar());
    if right_w + 12 <= area.width as usize {
        buf.set_string(area.right() - right_w as u16, area.y, &right, theme.bar());
    }
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let doc = std::sync::Arc::clone(&app.doc);
    let max_top = app.view.max_top(&mut app.rows, &doc.text);
    let app = &*app;
    let theme = app.theme;
    if let Some(Overlay::Prompt { kind, input }) = &app.overlay {
        let label = kind.label();
        let shown = display_line(input);
        // Keep the end of a long input (where the cursor is) in view.
        let room = (area.width as usize).saturating_sub(label.width() + 1);
        let mut skip = 0;
        let mut w = shown.width();
        let mut chars = shown.chars();
        while w > room {
            match chars.next() {
                Some(c) => {
                    w -= unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    skip += 1;
                }
                None => break,
            }
        }
        let tail: String = shown.chars().skip(skip).collect();
        let buf = frame.buffer_mut();
        buf.set_style(area, Style::new());
        buf.set_string(area.x, area.y, format!("{label}{tail}"), Style::new());
        let x =
            (area.x + (label.width() + tail.width()) as u16).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
        return;
    }
    if app.mode == Mode::Library {
        return draw_library_status(frame, app, area);
    }
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.bar());
    let right = right_side(app, max_top);
    let right_w = right.width();
    let left = left_side(app, &theme);
    let left_room = (area.width as usize).saturating_sub(right_w + 1);
    buf.set_line(area.x, area.y, &left, left_room as u16);
    if right_w + 10 <= area.width as usize {
        buf.set_string(area.right() - right_w as u16, area.y, &right, theme.bar());
    }
}

fn left_side<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let bar = theme.bar();
    let mut spans = vec![Span::styled(" ", bar)];
    if app.loading {
        spans.push(Span::styled("loading… ", bar.patch(theme.warning())));
    } else if app.analysing() {
        spans.push(Span::styled("analysing… ", bar.patch(theme.warning())));
    }
    if let Some(m) = &app.message {
        spans.push(message_span(m, theme));
        return Line::from(spans);
    }
    if let Some(sel) = app.selection {
        let words = sel.span().text(&app.doc.text).split_whitespace().count();
        let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
        spans.push(Span::styled(
            format!(
                "selecting {words} word{} · {}/{} word · {}/{} sentence · {}/{} line · {} highlight · {} copy · {} cancel",
                if words == 1 { "" } else { "s" },
                k(Action::SelectWordNext),
                k(Action::SelectWordPrev),
                k(Action::SelectSentenceNext),
                k(Action::SelectSentencePrev),
                k(Action::SelectLineNext),
                k(Action::SelectLinePrev),
                k(Action::Mark),
                k(Action::Copy),
                k(Action::Cancel),
            ),
            bar,
        ));
        return Line::from(spans);
    }
    // The highlight picked in the Highlights list, when it has the keyboard.
    if app.focus == Focus::Panel && app.tab == Tab::Highlights {
        let list = app.highlights();
        if let Some(i) = app.list_selected(Tab::Highlights)
            && let Some(h) = list.get(i)
        {
            spans.push(Span::styled(
                format!("highlight {}/{} · ", i + 1, list.len()),
                bar,
            ));
            if h.orphaned {
                spans.push(Span::styled(
                    "orphaned: no longer in the document · ",
                    bar.patch(theme.warning()),
                ));
            }
            let who = h
                .speaker
                .as_deref()
                .map_or_else(|| h.origin.as_str().to_string(), display_line);
            spans.push(Span::styled(who, bar.patch(theme.emphasis())));
            match &h.note {
                Some(n) => spans.push(Span::styled(format!(" · ✎ {}", display_line(n)), bar)),
                None => {
                    let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
                    spans.push(Span::styled(
                        format!(
                            " · {} note · {} remove · {} copy",
                            k(Action::Note),
                            k(Action::DeleteHighlight),
                            k(Action::Copy)
                        ),
                        bar,
                    ))
                }
            }
            return Line::from(spans);
        }
    }
    let Some(a) = &app.ann else {
        return Line::from(spans);
    };
    // The selected number, when the Numbers list has the keyboard.
    if app.focus == Focus::Panel
        && app.tab == Tab::Numbers
        && let Some(n) = a.analysis.numbers.get(app.number_sel)
    {
        let mut s = format!(
            "number {}/{} · {} · {}",
            app.number_sel + 1,
            a.analysis.numbers.len(),
            display_line(n.span.text(&app.doc.text)),
            n.kind.as_str().replace('_', " ")
        );
        if let Some(v) = n.value {
            s.push_str(&format!(" {}", super::sidebar::figure_value(n.kind, v)));
        }
        if let Some(u) = &n.unit {
            s.push_str(&format!(" {}", display_line(u)));
        }
        spans.push(Span::styled(s, bar));
        if let Some(src) = n.source {
            let rank = Some(a.speaker_rank[src]);
            spans.push(Span::styled(" · cited by ", bar));
            spans.push(Span::styled(
                display_line(&a.analysis.speakers[src].name),
                bar.patch(theme.speaker(rank)),
            ));
        }
        return Line::from(spans);
    }
    match app
        .current_quote
        .and_then(|q| Some((q, a.analysis.quotes.get(q)?)))
    {
        Some((q, quote)) => {
            let pos = a.speech_index(q).map_or(0, |i| i + 1);
            spans.push(Span::styled(
                format!("quote {pos}/{} · ", a.speech.len()),
                bar,
            ));
            match quote.speaker {
                Some(s) => {
                    let rank = Some(a.speaker_rank[s]);
                    spans.push(Span::styled(
                        format!("{} ", theme.marker(rank)),
                        bar.patch(theme.speaker(rank)),
                    ));
                    spans.push(Span::styled(
                        display_line(&a.analysis.speakers[s].name),
                        bar.patch(theme.speaker(rank)).patch(theme.emphasis()),
                    ));
                }
                None => spans.push(Span::styled("speaker unknown", bar)),
            }
            spans.push(Span::styled(format!(" · {}", quote.method.describe()), bar));
        }
        None => {
            let quoted = a
                .speaker_order
                .iter()
                .filter(|&&s| !a.by_speaker[s].is_empty());
            let key = app.keymap.hint(Action::NextQuote).unwrap_or_default();
            spans.push(Span::styled(
                format!(
                    "{} quotes · {} speakers · {key} next quote",
                    a.speech.len(),
                    quoted.count()
                ),
                bar,
            ));
        }
    }
    Line::from(spans)
}

fn right_side(app: &App, max_top: usize) -> String {
    let mut s = String::new();
    if let Some(search) = &app.search {
        let q = truncate(&display_line(&search.pattern.query), 16);
        match (&search.hits, search.current) {
            (None, _) => s.push_str(&format!("/{q} searching… │ ")),
            (Some(h), Some(c)) => s.push_str(&format!("/{q} {}/{} │ ", c + 1, h.len())),
            (Some(h), None) => s.push_str(&format!("/{q} {} │ ", h.len())),
        }
    }
    if let Some(i) = app.current_chapter()
        && let Some(section) = app.doc.sections.get(i)
    {
        let title = truncate(&display_line(&section.title), 24);
        s.push_str(&format!("{}/{} {title} │ ", i + 1, app.doc.sections.len()));
    }
    let pct = (app.view.fraction(app.doc.text.len()) * 100.0).floor() as u32;
    if max_top == 0 {
        s.push_str("all ");
    } else if app.view.top >= max_top {
        s.push_str("end ");
    } else {
        s.push_str(&format!("{pct}% "));
    }
    s
}

/// A status message on the bar, in the warning style when it warns.
fn message_span<'a>(m: &Message, theme: &Theme) -> Span<'a> {
    let bar = theme.bar();
    let style = if m.warning {
        bar.patch(theme.warning())
    } else {
        bar
    };
    Span::styled(display_line(&m.text), style)
}

/// The status bar in the library: the selected document's path and what the keys do.
fn draw_library_status(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let bar = theme.bar();
    let buf = frame.buffer_mut();
    buf.set_style(area, bar);
    let mut spans = vec![Span::styled(" ", bar)];
    if let Some(m) = &app.message {
        spans.push(message_span(m, &theme));
    } else if let Some(lib) = &app.library {
        let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
        let mut hint = format!(
            "{} open · {} speakers · {} filter by speaker",
            k(Action::Activate),
            k(Action::ToggleFocus),
            k(Action::Search)
        );
        if lib.filter.is_some() {
            hint.push_str(&format!(" · {} all", k(Action::ClearFilter)));
        }
        hint.push_str(&format!(" · {} quit", k(Action::Quit)));
        if let Some(i) = lib.selected_entry()
            && let Some(e) = lib.entries.get(i)
        {
            spans.push(Span::styled(
                format!("{} · ", display_line(&e.shown)),
                bar.patch(theme.emphasis()),
            ));
        }
        spans.push(Span::styled(hint, bar));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

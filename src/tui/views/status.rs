//! The title bar and the status bar. The status bar describes the current item: a quote's
//! speaker, how it was attributed and where it is; a speaker; a number; a highlight; a match; a
//! chapter — or says that none is on screen. A message replaces that until the next key, on up
//! to three lines when it is long; a prompt (search, note, library filter) takes the bar with a
//! hint of its keys. The right side says which pane the movement keys move, the search, the
//! chapter, and where the view is (`all`, `end` or a percentage).

use super::{display_line, truncate};
use crate::tui::action::Action;
use crate::tui::app::{
    App, Focus, Item, MAX_STATUS_LINES, Message, Mode, Overlay, PromptKind, Tab,
};
use crate::tui::layout::TWO_PANES_MIN_WIDTH;
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
    // Which pane the movement keys move, when both are on screen.
    if app.mode == Mode::Document && app.size.0 >= TWO_PANES_MIN_WIDTH {
        let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
        match app.focus {
            Focus::Article => {
                right.push_str(&format!("{}/{}: text · ", k(Action::Down), k(Action::Up)))
            }
            Focus::Panel => right.push_str(&format!(
                "{}/{}: list ({} text) · ",
                k(Action::Down),
                k(Action::Up),
                k(Action::Cancel)
            )),
        }
    }
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

/// The lines a message takes at `width` columns (it wraps at word boundaries).
fn message_lines(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(&display_line(text), width.max(8))
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// How many lines the status bar needs at `width` columns: more than one only for a long
/// message.
pub fn lines_needed(app: &App, width: u16) -> u16 {
    let Some(m) = &app.message else { return 1 };
    if matches!(app.overlay, Some(Overlay::Prompt(_))) {
        return 1;
    }
    let room = (width as usize).saturating_sub(right_side(app).width() + 2);
    (message_lines(&m.text, room).len() as u16).clamp(1, MAX_STATUS_LINES)
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = app.theme;
    if let Some(Overlay::Prompt(p)) = &app.overlay {
        return draw_prompt(frame, app, p, area);
    }
    if app.mode == Mode::Library {
        return draw_library_status(frame, app, area);
    }
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.bar());
    let right = right_side(app);
    let right_w = right.width();
    let room = (area.width as usize).saturating_sub(right_w + 2);
    let lines: Vec<Line> = match &app.message {
        Some(m) => {
            let style = message_style(m, &theme);
            message_lines(&m.text, room)
                .into_iter()
                .take(area.height as usize)
                .enumerate()
                .map(|(i, l)| {
                    let mut spans = vec![Span::styled(" ", theme.bar())];
                    if i == 0 {
                        spans.extend(progress(app, &theme));
                    }
                    spans.push(Span::styled(l, style));
                    Line::from(spans)
                })
                .collect()
        }
        None => vec![fit(left_side(app, &theme), room)],
    };
    for (i, line) in lines.iter().enumerate() {
        buf.set_line(area.x, area.y + i as u16, line, (room + 1) as u16);
    }
    // Where the view is: the bottom right corner.
    if right_w + 10 <= area.width as usize {
        let y = area.bottom() - 1;
        buf.set_string(area.right() - right_w as u16, y, &right, theme.bar());
    }
}

/// The prompt, its text scrolled to keep the cursor in view, and a hint of its keys.
fn draw_prompt(frame: &mut Frame, app: &App, p: &crate::tui::app::Prompt, area: Rect) {
    let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
    let hint = match p.kind {
        PromptKind::Search if app.search.is_some() || p.text().is_empty() => {
            "Enter search (alone: next match) · Esc cancel".to_string()
        }
        PromptKind::Search => "Enter search · Esc cancel".to_string(),
        PromptKind::Note(_) => "Enter save (empty: remove) · ←→ move · Esc cancel".to_string(),
        PromptKind::LibraryFilter => {
            format!("Enter filter · Esc cancel · {} all", k(Action::ClearFilter))
        }
    };
    let label = p.kind.label();
    let width = area.width as usize;
    // The hint goes when the text needs the room.
    let show_hint = label.width() + p.text().width() + hint.width() + 3 <= width;
    let room = width
        .saturating_sub(label.width() + 1)
        .saturating_sub(if show_hint { hint.width() + 2 } else { 0 })
        .max(1);
    let scroll = p.input.visual_scroll(room);
    let shown: String = {
        let mut out = String::new();
        let mut w = 0;
        for c in display_line(p.text()).chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w >= scroll && w + cw <= scroll + room {
                out.push(c);
            }
            w += cw;
        }
        out
    };
    let buf = frame.buffer_mut();
    buf.set_style(area, Style::new());
    buf.set_string(area.x, area.y, format!("{label}{shown}"), Style::new());
    if show_hint {
        let x = area.right() - hint.width() as u16 - 1;
        buf.set_string(x, area.y, &hint, app.theme.dim());
    }
    let cursor = p.input.visual_cursor().saturating_sub(scroll);
    let x = (area.x as usize + label.width() + cursor).min(area.right().saturating_sub(1) as usize);
    frame.set_cursor_position(Position::new(x as u16, area.y));
}

/// "analysing 106 MB… 37%" while the analysis runs (once it has taken a second).
fn progress<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let bar = theme.bar();
    let warn = bar.patch(theme.warning());
    if app.loading {
        return vec![Span::styled("loading… ", warn)];
    }
    if !app.analysing() {
        return Vec::new();
    }
    let len = app.doc.text.len();
    let text = if app.analysis_elapsed.as_secs() >= 1 {
        // 99% at most: indexing the results follows the last block.
        let percent = (app.analysis_done.min(len) as u64 * 100 / len.max(1) as u64).min(99);
        format!("analysing {}… {percent}% ", size_words(len))
    } else {
        "analysing… ".to_string()
    };
    vec![Span::styled(text, warn)]
}

/// "106 MB", "350 KB".
fn size_words(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn left_side<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let bar = theme.bar();
    let mut spans = vec![Span::styled(" ", bar)];
    spans.extend(progress(app, theme));
    let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
    if let Some(sel) = app.selection {
        let words = sel.span().text(&app.doc.text).split_whitespace().count();
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
    let Some(item) = app.current else {
        spans.extend(nothing_selected(app, theme));
        return Line::from(spans);
    };
    match item {
        Item::Highlight(id) => {
            let list = app.highlights();
            let Some((i, h)) = list.iter().enumerate().find(|(_, h)| h.id == id) else {
                return Line::from(spans);
            };
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
                None => spans.push(Span::styled(
                    format!(
                        " · {} note · {} remove · {} copy",
                        k(Action::Note),
                        k(Action::DeleteHighlight),
                        k(Action::Copy)
                    ),
                    bar,
                )),
            }
        }
        Item::Chapter(i) => {
            if let Some(section) = app.doc.sections.get(i) {
                spans.push(Span::styled(
                    format!(
                        "chapter {}/{} · {}",
                        i + 1,
                        app.doc.sections.len(),
                        display_line(&section.title)
                    ),
                    bar,
                ));
            }
        }
        Item::Hit(i) => {
            if let Some(search) = &app.search {
                let n = search.hits.as_ref().map_or(0, Vec::len);
                let more = if search.truncated { "+" } else { "" };
                spans.push(Span::styled(
                    format!(
                        "match {}/{n}{more} · “{}” · {}/{} next/previous · {} highlight · {} copy",
                        i + 1,
                        display_line(&search.pattern.query),
                        k(Action::SearchNext),
                        k(Action::SearchPrev),
                        k(Action::Mark),
                        k(Action::Copy)
                    ),
                    bar,
                ));
            }
        }
        Item::Number(i) => {
            let Some(a) = &app.ann else {
                return Line::from(spans);
            };
            let Some(n) = a.analysis.numbers.get(i) else {
                return Line::from(spans);
            };
            let mut s = format!(
                "number {}/{} · {} · {}",
                i + 1,
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
        }
        Item::Speaker(s) => {
            let Some(a) = &app.ann else {
                return Line::from(spans);
            };
            let rank = Some(a.speaker_rank[s]);
            spans.push(Span::styled(
                format!(
                    "speaker {}/{} · ",
                    a.speaker_rank[s] + 1,
                    a.speaker_order.len()
                ),
                bar,
            ));
            spans.push(Span::styled(
                format!("{} ", theme.marker(rank)),
                bar.patch(theme.speaker(rank)),
            ));
            spans.push(Span::styled(
                display_line(&a.analysis.speakers[s].name),
                bar.patch(theme.speaker(rank)).patch(theme.emphasis()),
            ));
            spans.push(Span::styled(" · mentioned, never quoted", bar));
        }
        Item::Quote(q) => {
            let Some(a) = &app.ann else {
                return Line::from(spans);
            };
            let Some(quote) = a.analysis.quotes.get(q) else {
                return Line::from(spans);
            };
            // Browsing the Speakers list, the speaker comes first: which one, and which of theirs.
            let speakers_tab = app.panel.tab == Tab::Speakers && app.focus == Focus::Panel;
            match quote.speaker {
                Some(s) if speakers_tab => {
                    let theirs = &a.by_speaker[s];
                    let k = theirs.iter().position(|&x| x == q).map_or(0, |k| k + 1);
                    spans.push(Span::styled(
                        format!(
                            "speaker {}/{} · ",
                            a.speaker_rank[s] + 1,
                            a.speaker_order.len()
                        ),
                        bar,
                    ));
                    speaker_name(&mut spans, a, s, theme);
                    uncertain_mark(&mut spans, a, q, s, theme);
                    spans.push(Span::styled(
                        format!(" · quote {k} of {}", theirs.len()),
                        bar,
                    ));
                }
                _ => {
                    let pos = a.speech_index(q).map_or(0, |i| i + 1);
                    spans.push(Span::styled(
                        format!("quote {pos}/{} · ", a.speech.len()),
                        bar,
                    ));
                    match quote.speaker {
                        Some(s) => {
                            speaker_name(&mut spans, a, s, theme);
                            uncertain_mark(&mut spans, a, q, s, theme);
                        }
                        None => spans.push(Span::styled("speaker unknown", bar)),
                    }
                }
            }
            // "CNN, quoting Bernie Sanders": the source, then whose words they are.
            if let Some(o) = &quote.original {
                spans.push(Span::styled(
                    format!(", quoting {}", display_line(&o.name)),
                    bar,
                ));
            }
            spans.push(Span::styled(format!(" · {}", quote.method.describe()), bar));
        }
    }
    Line::from(spans)
}

/// `line` cut to `width` columns at a word boundary, ending with `…` when cut.
fn fit(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let mut out: Vec<Span> = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.content.width();
        if used + w < width {
            used += w;
            out.push(span);
            continue;
        }
        // The part of this span that fits, back to its last space.
        let mut cut = String::new();
        let mut cw = 0;
        for c in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw + w >= width {
                break;
            }
            cut.push(c);
            cw += w;
        }
        let cut = match cut.rfind(' ') {
            Some(i) if i > 0 => cut[..i].to_string(),
            _ => cut,
        };
        out.push(Span::styled(format!("{cut}…"), span.style));
        break;
    }
    Line::from(out)
}

/// `● Aleksandr Lukashenko` in the speaker's colour, the name in bold.
fn speaker_name(
    spans: &mut Vec<Span<'_>>,
    a: &crate::tui::annotations::Annotations,
    s: usize,
    theme: &Theme,
) {
    let bar = theme.bar();
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

/// `? (uncertain: 0.42)` after the speaker's name when the engine is unsure the quote is theirs
/// (next to the name, so a narrow bar cuts the explanation of the method first).
fn uncertain_mark(
    spans: &mut Vec<Span<'_>>,
    a: &crate::tui::annotations::Annotations,
    q: usize,
    s: usize,
    theme: &Theme,
) {
    let Some(confidence) = a.uncertainty(q) else {
        return;
    };
    let bar = theme.bar();
    let rank = Some(a.speaker_rank[s]);
    spans.push(Span::styled(
        "?",
        bar.patch(theme.speaker(rank)).patch(theme.emphasis()),
    ));
    spans.push(Span::styled(
        format!(" (uncertain: {confidence:.2})"),
        bar.patch(theme.warning()),
    ));
}

/// No current item: what the shown tab holds and how to pick one.
fn nothing_selected<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let bar = theme.bar();
    let Some(a) = &app.ann else {
        return Vec::new();
    };
    let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
    let tab = app.panel.tab;
    let text = match tab {
        Tab::Speakers | Tab::Quotes => {
            let quoted = a
                .speaker_order
                .iter()
                .filter(|&&s| !a.by_speaker[s].is_empty())
                .count();
            let filtered = match (tab, app.panel.filter) {
                (Tab::Quotes, Some(s)) => format!(" · only {}", display_line(&a.short_names[s])),
                _ => String::new(),
            };
            format!(
                "no quote selected · {} quotes · {quoted} speakers{filtered} · {} next quote",
                a.speech.len(),
                k(Action::NextQuote)
            )
        }
        Tab::Numbers => format!(
            "no number on screen · {} numbers · {}/{} in the list",
            a.analysis.numbers.len(),
            k(Action::Down),
            k(Action::Up)
        ),
        Tab::Highlights => format!(
            "no highlight on screen · {} highlights · {} marks the selected quote",
            app.highlights().len(),
            k(Action::Mark)
        ),
        Tab::Chapters => format!("{} chapters", app.doc.sections.len()),
    };
    vec![Span::styled(text, bar)]
}

/// The right side of the status bar: which pane the movement keys move (when both are shown),
/// the search, the chapter, and where the view is.
pub fn right_side(app: &App) -> String {
    if app.mode == Mode::Library {
        return String::new();
    }
    let mut s = String::new();
    if let Some(search) = &app.search {
        let q = truncate(&display_line(&search.pattern.query), 16);
        let current = match app.current {
            Some(Item::Hit(i)) => Some(i),
            _ => None,
        };
        match (&search.hits, current) {
            (None, _) => s.push_str(&format!("/{q} searching… │ ")),
            (Some(h), Some(c)) => s.push_str(&format!("/{q} {}/{} │ ", c + 1, h.len())),
            (Some(h), None) => s.push_str(&format!("/{q} {} │ ", h.len())),
        }
    }
    // The chapter, unless the left side already names it.
    if let Some(i) = app.current_chapter()
        && !matches!(app.current, Some(Item::Chapter(_)))
        && let Some(section) = app.doc.sections.get(i)
    {
        let title = truncate(&display_line(&section.title), 24);
        s.push_str(&format!("{}/{} {title} │ ", i + 1, app.doc.sections.len()));
    }
    if app.article.fits() {
        s.push_str("all ");
    } else if app.article.at_end() {
        s.push_str("end ");
    } else {
        let pct = (app.article.fraction(app.doc.text.len()) * 100.0).floor() as u32;
        s.push_str(&format!("{pct}% "));
    }
    s
}

/// A status message's style: the warning style when it warns.
fn message_style(m: &Message, theme: &Theme) -> Style {
    let bar = theme.bar();
    if m.warning {
        bar.patch(theme.warning())
    } else {
        bar
    }
}

/// The status bar in the library: the selected document's path and what the keys do.
fn draw_library_status(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let bar = theme.bar();
    let buf = frame.buffer_mut();
    buf.set_style(area, bar);
    let mut spans = vec![Span::styled(" ", bar)];
    if let Some(m) = &app.message {
        spans.push(Span::styled(
            display_line(&m.text),
            message_style(m, &theme),
        ));
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

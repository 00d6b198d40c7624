//! The side panel: a tab bar and the selected tab's list. Lists can be long (a book has hundreds of
//! thousands of quotes), so only the rows on screen are built.

use super::{display_line, truncate};
use crate::analysis::model::{Figure, QuoteKind, SpeakerId};
use crate::store::{Highlight, Origin};
use crate::tui::action::Action;
use crate::tui::annotations::Annotations;
use crate::tui::app::{App, Focus, StoreStatus, Tab};
use crate::tui::layout::Screen;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Where each tab's title sits in the tab bar: `(tab, first column, label)`. The selected tab
/// always shows its title; the others show theirs from the left as long as they fit, and their
/// number (the key that shows them) otherwise.
pub fn tab_positions(area: Rect, selected: Tab, tabs: &[Tab]) -> Vec<(Tab, u16, String)> {
    let full = |t: Tab| format!(" {} {} ", t.index() + 1, t.title());
    let short = |t: Tab| format!(" {} ", t.index() + 1);
    let mut labels: Vec<String> = tabs
        .iter()
        .map(|&t| if t == selected { full(t) } else { short(t) })
        .collect();
    let room = area.width as usize;
    for (i, &t) in tabs.iter().enumerate() {
        if t == selected {
            continue;
        }
        let used: usize = labels.iter().map(|l| l.width()).sum();
        let f = full(t);
        if used + f.width() - labels[i].width() <= room {
            labels[i] = f;
        }
    }
    let mut x = area.x;
    let mut out = Vec::new();
    for (tab, label) in tabs.iter().zip(labels) {
        let w = label.width() as u16;
        if x + w > area.right() {
            break;
        }
        out.push((*tab, x, label));
        x += w;
    }
    out
}

/// The tab under column `x` of the tab bar.
pub fn tab_at(area: Rect, selected: Tab, tabs: &[Tab], x: u16) -> Option<Tab> {
    tab_positions(area, selected, tabs)
        .into_iter()
        .find(|(_, start, label)| x >= *start && x < start + label.width() as u16)
        .map(|(t, _, _)| t)
}

pub fn draw(frame: &mut Frame, app: &mut App, screen: &Screen) {
    if screen.panel.width == 0 || screen.panel.height == 0 {
        return;
    }
    let theme = app.theme;
    let focused = app.focus == Focus::Panel;
    let buf = frame.buffer_mut();
    for y in screen.border.top()..screen.border.bottom() {
        buf.set_string(screen.border.x, y, "│", theme.border(focused));
    }
    for (tab, x, label) in tab_positions(screen.tabs, app.tab, &app.tabs()) {
        let style = theme.tab(tab == app.tab, focused);
        buf.set_string(x, screen.tabs.y, label, style);
    }
    if screen.filter.height > 0
        && let (Some(a), Some(s)) = (&app.ann, app.filter)
    {
        let rank = Some(a.speaker_rank[s]);
        let key = app
            .keymap
            .hint(crate::tui::action::Action::ClearFilter)
            .unwrap_or_default();
        let name = display_line(&a.analysis.speakers[s].name);
        let hint = format!(" · {key}: all");
        let mut spans = vec![
            Span::styled("only ", theme.dim()),
            Span::styled(format!("{} ", theme.marker(rank)), theme.speaker(rank)),
            Span::styled(name.clone(), theme.speaker(rank)),
        ];
        if 7 + name.width() + hint.width() <= screen.filter.width as usize {
            spans.push(Span::styled(hint, theme.dim()));
        }
        let line = Line::from(spans);
        buf.set_line(screen.filter.x, screen.filter.y, &line, screen.filter.width);
    }
    draw_list(frame, app, screen.list);
}

fn draw_list(frame: &mut Frame, app: &mut App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = app.theme;
    if matches!(app.tab, Tab::Highlights | Tab::Chapters) {
        return draw_own_list(frame, app, area);
    }
    let Some(a) = app.ann.clone() else {
        let msg = if app.loading {
            "loading…"
        } else {
            "analysing…"
        };
        frame
            .buffer_mut()
            .set_string(area.x + 1, area.y, msg, theme.dim());
        return;
    };
    let tab = app.tab;
    let len = app.list_len(tab);
    if len == 0 {
        let msg = match tab {
            Tab::Speakers => "No speakers found",
            Tab::Quotes => "No quotes found",
            Tab::Numbers => "No numbers found",
            Tab::Highlights | Tab::Chapters => "",
        };
        frame
            .buffer_mut()
            .set_string(area.x + 1, area.y, msg, theme.dim());
        return;
    }
    let height = area.height as usize;
    let selected = app.list_selected(tab);
    let offset = window(len, selected, app.list_offset[tab.index()], height);
    app.list_offset[tab.index()] = offset;
    let width = area.width as usize;
    let focused = app.focus == Focus::Panel;
    let quotes = app.quote_list();
    let doc = std::sync::Arc::clone(&app.doc);
    let text = doc.text.as_str();
    let buf = frame.buffer_mut();
    for (row, i) in (offset..len.min(offset + height)).enumerate() {
        let line = match tab {
            Tab::Speakers => speaker_line(&a, &theme, a.speaker_order[i], width),
            Tab::Quotes => quote_line(&a, &theme, text, quotes[i], width),
            Tab::Numbers => number_line(&a, &theme, text, &a.analysis.numbers[i], width),
            Tab::Highlights | Tab::Chapters => Line::default(),
        };
        put_row(buf, area, row, &line, selected == Some(i), theme, focused);
    }
}

/// Paints one list row, the selected one in the selection style.
fn put_row(
    buf: &mut ratatui::buffer::Buffer,
    area: Rect,
    row: usize,
    line: &Line,
    selected: bool,
    theme: Theme,
    focused: bool,
) {
    let y = area.y + row as u16;
    let whole = Rect::new(area.x, y, area.width, 1);
    if selected {
        buf.set_style(whole, theme.list_selected(focused));
    }
    buf.set_line(area.x, y, line, area.width);
    if selected {
        buf.set_style(whole, theme.list_selected(focused));
    }
}

/// The lists that do not need the analysis: Highlights and Chapters.
fn draw_own_list(frame: &mut Frame, app: &mut App, area: Rect) {
    let theme = app.theme;
    let tab = app.tab;
    let len = app.list_len(tab);
    if len == 0 {
        let msg = match (tab, &app.store_status) {
            (Tab::Chapters, _) => "No chapters".to_string(),
            (_, StoreStatus::Opening) => "opening…".to_string(),
            (_, StoreStatus::Off) if app.loading => "loading…".to_string(),
            (_, StoreStatus::Off) => "Highlights are off".to_string(),
            (_, StoreStatus::Failed(_)) => "Highlights cannot be saved".to_string(),
            (_, StoreStatus::Ready) => {
                let m = app.keymap.hint(Action::Mark).unwrap_or_default();
                let v = app.keymap.hint(Action::Select).unwrap_or_default();
                format!("No highlights yet: {m} marks the selected quote, {v} selects text")
            }
        };
        let width = area.width.saturating_sub(1) as usize;
        for (i, part) in textwrap::wrap(&msg, width.max(1))
            .iter()
            .take(area.height as usize)
            .enumerate()
        {
            frame
                .buffer_mut()
                .set_string(area.x + 1, area.y + i as u16, part, theme.dim());
        }
        return;
    }
    let height = area.height as usize;
    let selected = app.list_selected(tab);
    let offset = window(len, selected, app.list_offset[tab.index()], height);
    app.list_offset[tab.index()] = offset;
    let width = area.width as usize;
    let focused = app.focus == Focus::Panel;
    let ann = app.ann.clone();
    let buf = frame.buffer_mut();
    for (row, i) in (offset..len.min(offset + height)).enumerate() {
        let line = match tab {
            Tab::Highlights => match app.highlights().get(i) {
                Some(h) => highlight_line(ann.as_deref(), &theme, h, width),
                None => Line::default(),
            },
            _ => chapter_line(app, ann.as_deref(), &theme, i, width),
        };
        put_row(buf, area, row, &line, selected == Some(i), theme, focused);
    }
}

/// ` ● Lukashenko “We are alive…”  ✎ check the date`; an orphaned highlight says so.
fn highlight_line<'a>(
    a: Option<&Annotations>,
    theme: &Theme,
    h: &Highlight,
    width: usize,
) -> Line<'a> {
    let rank = h.speaker.as_deref().and_then(|name| {
        let a = a?;
        let s = a.analysis.speakers.iter().position(|s| s.name == name)?;
        Some(a.speaker_rank[s])
    });
    let who = match (&h.speaker, h.origin) {
        (Some(s), _) => display_line(short_name(s)),
        (None, Origin::Number) => "number".into(),
        (None, Origin::Quote) => "unknown".into(),
        (None, Origin::Selection) => "text".into(),
    };
    let who = truncate(&who, 12);
    let mut spans = vec![Span::styled(
        format!(
            " {} ",
            if rank.is_some() {
                theme.marker(rank)
            } else {
                '▌'
            }
        ),
        if rank.is_some() {
            theme.speaker(rank)
        } else {
            theme.highlight_mark()
        },
    )];
    let mut used = 3;
    if h.orphaned {
        spans.push(Span::styled("orphaned ", theme.alert()));
        used += 9;
    }
    spans.push(Span::styled(who.clone(), theme.speaker(rank)));
    used += who.width() + 1;
    spans.push(Span::raw(" "));
    let note = h
        .note
        .as_deref()
        .map(|n| format!("  ✎ {}", display_line(n)));
    let note_w = note.as_ref().map_or(0, |n| n.width().min(width / 3));
    let room = width.saturating_sub(used + note_w);
    let snippet: String = h.text.chars().take(room * 4 + 8).collect();
    let snippet = truncate(&display_line(snippet.trim()), room);
    let pad = room.saturating_sub(snippet.width());
    spans.push(Span::raw(snippet));
    if let Some(n) = note {
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(truncate(&n, note_w), theme.dim()));
    }
    Line::from(spans)
}

/// ` 3 Chapter Three: The Island   12`: the chapter's number, title and quotes.
fn chapter_line<'a>(
    app: &App,
    a: Option<&Annotations>,
    theme: &Theme,
    i: usize,
    width: usize,
) -> Line<'a> {
    let Some(section) = app.doc.sections.get(i) else {
        return Line::default();
    };
    let count = a.map(|a| {
        let quotes = &a.analysis.quotes;
        let from = a
            .speech
            .partition_point(|&q| quotes[q].span.start < section.span.start);
        let to = a
            .speech
            .partition_point(|&q| quotes[q].span.start < section.span.end);
        format!(" {}", to - from)
    });
    let count = count.unwrap_or_default();
    let number = format!(" {:>2} ", i + 1);
    let title_w = width.saturating_sub(number.width() + count.width());
    let title = truncate(&display_line(&section.title), title_w);
    let pad = title_w.saturating_sub(title.width());
    Line::from(vec![
        Span::styled(number, theme.dim()),
        Span::raw(title),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.dim()),
    ])
}

/// The first row to show so that `selected` stays visible with a row of context.
pub fn window(len: usize, selected: Option<usize>, offset: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let pad = if height > 4 { 1 } else { 0 };
    let mut off = offset;
    if let Some(sel) = selected {
        if sel < off + pad {
            off = sel.saturating_sub(pad);
        } else if sel + pad >= off + height {
            off = sel + pad + 1 - height;
        }
    }
    off.min(len - height)
}

pub fn short_name(name: &str) -> &str {
    // "Aleksandr Lukashenko" → "Lukashenko"; organisations and roles keep their full name.
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        words.last().copied().unwrap_or(name)
    } else {
        name
    }
}

fn speaker_line<'a>(a: &Annotations, theme: &Theme, s: SpeakerId, width: usize) -> Line<'a> {
    let rank = Some(a.speaker_rank[s]);
    let count = a.by_speaker[s].len();
    let count = format!(" {count}");
    let name_w = width.saturating_sub(3 + count.len());
    let name = truncate(&display_line(&a.analysis.speakers[s].name), name_w);
    let pad = width.saturating_sub(3 + name.width() + count.len());
    Line::from(vec![
        Span::styled(format!(" {} ", theme.marker(rank)), theme.speaker(rank)),
        Span::styled(name, theme.speaker(rank)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.dim()),
    ])
}

fn quote_line<'a>(a: &Annotations, theme: &Theme, text: &str, q: usize, width: usize) -> Line<'a> {
    let quote = &a.analysis.quotes[q];
    let rank = quote.speaker.map(|s| a.speaker_rank[s]);
    let who = match quote.speaker {
        Some(s) => display_line(short_name(&a.analysis.speakers[s].name)),
        None => "unknown".to_string(),
    };
    let who = truncate(&who, 12);
    let snippet_w = width.saturating_sub(3 + who.width() + 1);
    // Only the start of a long quote is needed for the snippet.
    let content = quote.content;
    let mut end = (content.start + snippet_w * 4 + 8).min(content.end);
    while end > content.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let content = text.get(content.start..end).unwrap_or("");
    // Reported speech (no quotation marks) is marked ≈.
    let reported = if quote.kind == QuoteKind::Reported {
        "≈ "
    } else {
        ""
    };
    Line::from(vec![
        Span::styled(format!(" {} ", theme.marker(rank)), theme.speaker(rank)),
        Span::styled(who, theme.speaker(rank)),
        Span::raw(" "),
        Span::styled(reported, theme.dim()),
        Span::raw(truncate(
            &display_line(content),
            snippet_w.saturating_sub(reported.chars().count()),
        )),
    ])
}

fn number_line<'a>(
    a: &Annotations,
    theme: &Theme,
    text: &str,
    n: &Figure,
    width: usize,
) -> Line<'a> {
    let who = n
        .source
        .map(|s| display_line(short_name(&a.analysis.speakers[s].name)));
    let rank = n.source.map(|s| a.speaker_rank[s]);
    let text = display_line(n.span.text(text));
    let mut detail = n.kind.as_str().replace('_', " ");
    if let Some(v) = n.value {
        detail.push(' ');
        detail.push_str(&figure_value(n.kind, v));
        if let Some(h) = n.value_high {
            detail.push('–');
            detail.push_str(&figure_value(n.kind, h));
        }
    }
    if let Some(u) = &n.unit {
        detail.push(' ');
        detail.push_str(&display_line(u));
    }
    let text = truncate(&text, width.saturating_sub(2).min(24));
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(
            text.clone(),
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(format!("  {detail}"), theme.dim()),
    ];
    if let Some(who) = who {
        let used = 1 + text.width() + 2 + detail.width();
        let room = width.saturating_sub(used + 3);
        if room >= 3 {
            spans.push(Span::styled(" · ", theme.dim()));
            spans.push(Span::styled(truncate(&who, room), theme.speaker(rank)));
        }
    }
    Line::from(spans)
}

/// A figure's value as people write it: quantities grouped by thousands, years and other labels
/// as they are (2024, not 2,024).
pub fn figure_value(kind: crate::analysis::model::FigureKind, v: f64) -> String {
    if !kind.is_quantity() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format_value(v)
    }
}

/// A number as people write it: 87, 6.3, 51,800,000,000.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_in_the_window() {
        assert_eq!(window(100, Some(0), 0, 10), 0);
        assert_eq!(window(100, Some(9), 0, 10), 1);
        assert_eq!(window(100, Some(50), 0, 10), 42);
        assert_eq!(window(100, Some(43), 42, 10), 42);
        assert_eq!(window(100, Some(42), 42, 10), 41);
        assert_eq!(window(100, Some(99), 0, 10), 90);
        assert_eq!(window(5, Some(4), 3, 10), 0);
        assert_eq!(window(100, None, 95, 10), 90);
    }

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value(87.0), "87");
        assert_eq!(format_value(6.3), "6.3");
        assert_eq!(format_value(51.8e9), "51,800,000,000");
        assert_eq!(format_value(-1200.0), "-1,200");
        use crate::analysis::model::FigureKind;
        assert_eq!(figure_value(FigureKind::Year, 2024.0), "2024");
        assert_eq!(figure_value(FigureKind::Money, 2024.0), "2,024");
    }

    #[test]
    fn short_names_keep_roles_whole() {
        assert_eq!(short_name("Aleksandr Lukashenko"), "Lukashenko");
        assert_eq!(short_name("the Belarusian side"), "the Belarusian side");
        assert_eq!(short_name("Putin"), "Putin");
    }
}

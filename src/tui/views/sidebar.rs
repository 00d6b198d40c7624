//! The side panel: a tab bar and the selected tab's list. Lists can be long (a book has hundreds of
//! thousands of quotes), so only the rows on screen are built.

use super::{display_line, truncate};
use crate::analysis::model::{Figure, QuoteKind, SpeakerId};
use crate::tui::annotations::Annotations;
use crate::tui::app::{App, Focus, Tab};
use crate::tui::layout::Screen;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Where each tab's title sits in the tab bar: `(tab, first column, label)`. When the full titles
/// do not fit, only the selected tab keeps its title and the others show their number.
pub fn tab_positions(area: Rect, selected: Tab) -> Vec<(Tab, u16, String)> {
    let full: Vec<String> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| format!(" {} {} ", i + 1, t.title()))
        .collect();
    let fits = full.iter().map(|l| l.width()).sum::<usize>() <= area.width as usize;
    let mut x = area.x;
    let mut out = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let label = if fits || *tab == selected {
            full[i].clone()
        } else {
            format!(" {} ", i + 1)
        };
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
pub fn tab_at(area: Rect, selected: Tab, x: u16) -> Option<Tab> {
    tab_positions(area, selected)
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
    for (tab, x, label) in tab_positions(screen.tabs, app.tab) {
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
        };
        let y = area.y + row as u16;
        if selected == Some(i) {
            buf.set_style(
                Rect::new(area.x, y, area.width, 1),
                theme.list_selected(focused),
            );
        }
        buf.set_line(area.x, y, &line, area.width);
        if selected == Some(i) {
            buf.set_style(
                Rect::new(area.x, y, area.width, 1),
                theme.list_selected(focused),
            );
        }
    }
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

fn short_name(name: &str) -> &str {
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

//! The side panel: the tab bar and the shown tab's list. Lists can be long (a book has hundreds
//! of thousands of quotes), so only the rows in the list's window are built, and drawn with
//! ratatui's `List` from the position the reader keeps (`ListState`). The list with the keys
//! marks its selected row with `▶` and reverse video (and its tab in reverse video); otherwise
//! the row is in bold.

use super::{display_line, truncate};
use crate::analysis::model::{Figure, QuoteKind, SpeakerId};
use crate::store::{Highlight, Origin};
use crate::tui::action::Action;
use crate::tui::annotations::Annotations;
use crate::tui::app::{App, Focus, StoreStatus, Tab};
use crate::tui::layout::{Screen, tab_flow};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListState};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App, screen: &Screen) {
    if screen.panel.width == 0 || screen.panel.height == 0 {
        return;
    }
    let theme = app.theme;
    let focused = app.focus == Focus::Panel;
    let buf = frame.buffer_mut();
    for y in screen.border.top()..screen.border.bottom() {
        buf.set_string(screen.border.x, y, "│", theme.border(focused));
    }
    let tabs = screen.tabs;
    for (tab, x, row, label) in tab_flow(tabs.width, &app.tabs()) {
        if row < tabs.height {
            let style = theme.tab(tab == app.panel.tab, focused);
            buf.set_string(tabs.x + x, tabs.y + row, label, style);
        }
    }
    if screen.filter.height > 0
        && let (Some(a), Some(s)) = (&app.ann, app.panel.filter)
    {
        let rank = Some(a.speaker_rank[s]);
        let key = app.keymap.hint(Action::ClearFilter).unwrap_or_default();
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

/// A dim one-line (or wrapped) note where the list would be.
fn say(frame: &mut Frame, area: Rect, msg: &str, theme: &Theme) {
    let width = area.width.saturating_sub(1) as usize;
    for (i, part) in textwrap::wrap(msg, width.max(1))
        .iter()
        .take(area.height as usize)
        .enumerate()
    {
        frame
            .buffer_mut()
            .set_string(area.x + 1, area.y + i as u16, part, theme.dim());
    }
}

fn draw_list(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = app.theme;
    let tab = app.panel.tab;
    let len = app.list_len(tab);
    if len == 0 {
        let msg = match (tab, &app.ann, &app.store_status) {
            (Tab::Chapters, _, _) => "No chapters".to_string(),
            (Tab::Highlights, _, StoreStatus::Opening) => "opening…".to_string(),
            (Tab::Highlights, _, StoreStatus::Off) if app.loading => "loading…".to_string(),
            (Tab::Highlights, _, StoreStatus::Off) => "Highlights are off".to_string(),
            (Tab::Highlights, _, StoreStatus::Failed(_)) => {
                "Highlights cannot be saved".to_string()
            }
            (Tab::Highlights, _, StoreStatus::Ready) => {
                let m = app.keymap.hint(Action::Mark).unwrap_or_default();
                let v = app.keymap.hint(Action::Select).unwrap_or_default();
                format!("No highlights yet: {m} marks the selected quote, {v} selects text")
            }
            (_, None, _) if app.loading => "loading…".to_string(),
            (_, None, _) => "analysing…".to_string(),
            (Tab::Speakers, Some(_), _) => "No speakers found".to_string(),
            (Tab::Quotes, Some(_), _) => "No quotes found".to_string(),
            (Tab::Numbers, Some(_), _) => "No numbers found".to_string(),
        };
        return say(frame, area, &msg, &theme);
    }
    let focused = app.focus == Focus::Panel;
    let state = app.panel.list(tab);
    let offset = state.offset().min(len.saturating_sub(1));
    let height = area.height as usize;
    // The list's own column before each row holds the selection mark.
    let width = area.width.saturating_sub(1) as usize;
    let text = app.doc.text.as_str();
    let rows: Vec<Line> = (offset..len.min(offset + height))
        .map(|i| match (tab, &app.ann) {
            (Tab::Highlights, a) => app
                .highlights()
                .get(i)
                .map(|h| highlight_line(a.as_deref(), &theme, h, width))
                .unwrap_or_default(),
            (Tab::Chapters, a) => chapter_line(app, a.as_deref(), &theme, i, width),
            (Tab::Speakers, Some(a)) => speaker_line(a, &theme, a.speaker_order[i], width),
            (Tab::Quotes, Some(a)) => quote_line(a, &theme, text, app.quote_list()[i], width),
            (Tab::Numbers, Some(a)) => number_line(a, &theme, text, &a.analysis.numbers[i], width),
            (_, None) => Line::default(),
        })
        .collect();
    render_rows(frame, area, rows, state, focused, &theme);
}

/// Draws a list's visible rows (`rows` start at the state's offset) with ratatui's `List`.
pub fn render_rows(
    frame: &mut Frame,
    area: Rect,
    rows: Vec<Line>,
    state: &ListState,
    focused: bool,
    theme: &Theme,
) {
    let offset = state.offset();
    let selected = state
        .selected()
        .filter(|&s| s >= offset && s < offset + rows.len())
        .map(|s| s - offset);
    let list = List::new(rows)
        .highlight_style(theme.list_selected(focused))
        .highlight_symbol(if focused { "▶" } else { " " })
        .highlight_spacing(HighlightSpacing::Always);
    let mut window = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut window);
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
        (Some(s), _) => display_line(&short_of(a, s)),
        (None, Origin::Number) => "number".into(),
        (None, Origin::Quote) => "unknown".into(),
        (None, Origin::Selection) => "text".into(),
    };
    let who = truncate(&who, 12);
    let mut spans = vec![Span::styled(
        format!(
            "{} ",
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
    let mut used = 2;
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
    let number = format!("{:>2} ", i + 1);
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

/// A speaker's short name by their full name (for highlights, which keep the name).
fn short_of(a: Option<&Annotations>, name: &str) -> String {
    a.and_then(|a| {
        let s = a.analysis.speakers.iter().position(|s| s.name == name)?;
        a.short_names.get(s).cloned()
    })
    .unwrap_or_else(|| name.to_string())
}

fn speaker_line<'a>(a: &Annotations, theme: &Theme, s: SpeakerId, width: usize) -> Line<'a> {
    let rank = Some(a.speaker_rank[s]);
    let count = a.by_speaker[s].len();
    let count = format!(" {count}");
    let name_w = width.saturating_sub(2 + count.len());
    let name = truncate(&display_line(&a.analysis.speakers[s].name), name_w);
    let pad = width.saturating_sub(2 + name.width() + count.len());
    Line::from(vec![
        Span::styled(format!("{} ", theme.marker(rank)), theme.speaker(rank)),
        Span::styled(name, theme.speaker(rank)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.dim()),
    ])
}

fn quote_line<'a>(a: &Annotations, theme: &Theme, text: &str, q: usize, width: usize) -> Line<'a> {
    let quote = &a.analysis.quotes[q];
    let rank = quote.speaker.map(|s| a.speaker_rank[s]);
    let who = match quote.speaker {
        Some(s) => display_line(&a.short_names[s]),
        None => "unknown".to_string(),
    };
    let mut who = truncate(&who, 12);
    // An attribution the engine is unsure of: "Putin?".
    if a.uncertainty(q).is_some() {
        who.push('?');
    }
    let snippet_w = width.saturating_sub(2 + who.width() + 1);
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
        Span::styled(format!("{} ", theme.marker(rank)), theme.speaker(rank)),
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
    let who = n.source.map(|s| display_line(&a.short_names[s]));
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
    let text = truncate(&text, width.saturating_sub(1).min(24));
    // The detail is cut with an ellipsis, never in the middle of a figure without one.
    let detail = truncate(&detail, width.saturating_sub(text.width() + 2));
    let mut spans = vec![
        Span::styled(
            text.clone(),
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(format!("  {detail}"), theme.dim()),
    ];
    if let Some(who) = who {
        let used = text.width() + 2 + detail.width();
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
    fn a_cut_figure_ends_with_an_ellipsis() {
        let detail = truncate("money 51,800,000,000 USD", 18);
        assert_eq!(detail, "money 51,800,000,…");
    }
}

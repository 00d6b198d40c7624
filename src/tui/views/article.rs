//! The article pane: only the rows on screen are built. Each row is a byte range; the styles come
//! from overlays (quotes tinted by speaker, the selected quote, its speaker's words, a selected
//! number, search matches) intersected with that range at draw time.

use super::display;
use crate::analysis::model::{QuoteKind, Span};
use crate::tui::app::{App, Focus, Tab};
use crate::tui::layout::Screen;
use crate::tui::wrap::Row;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use std::sync::Arc;

/// A styled stretch of text; later layers are laid over earlier ones.
#[derive(Debug, Clone, Copy)]
struct Layer {
    span: Span,
    style: Style,
    /// The current search match: its style depends on what it covers.
    current_hit: bool,
}

/// A speech quote on screen: its span, its speaker's rank, and whether it is selected.
type QuoteMark = (Span, Option<usize>, bool);

/// Speaker marker for one row of the gutter.
#[derive(Debug, Clone, Copy)]
struct GutterMark {
    rank: Option<usize>,
    /// The quote starts on this row (marker) or continues (bar).
    starts: bool,
    selected: bool,
}

pub fn draw(frame: &mut Frame, app: &mut App, screen: &Screen) {
    let area = screen.text;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let doc = Arc::clone(&app.doc);
    let text = doc.text.as_str();
    let rows = app.view.visible(&mut app.rows, text);
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return;
    };
    let range = Span::new(first.start, last.end.max(first.start + 1));
    let (layers, quote_spans) = layers(app, range);
    let theme = app.theme;
    let buf = frame.buffer_mut();
    for (i, row) in rows.iter().enumerate() {
        let y = area.y + i as u16;
        let line = styled_row(text, *row, &layers, &theme);
        buf.set_line(area.x, y, &line, area.width);
        if screen.gutter.width >= 1
            && let Some(m) = gutter_mark(*row, &quote_spans)
        {
            let style = theme.speaker(m.rank);
            let symbol = if m.starts {
                theme.marker(m.rank).to_string()
            } else {
                "│".to_string()
            };
            let style = if m.selected {
                style.patch(theme.mention())
            } else {
                style
            };
            buf.set_string(screen.gutter.x, y, symbol, style);
        }
    }
}

/// The overlays touching `range`, lowest first, and the speech quotes there (for the gutter).
fn layers(app: &App, range: Span) -> (Vec<Layer>, Vec<QuoteMark>) {
    let theme = app.theme;
    let text = app.doc.text.as_str();
    let mut layers = Vec::new();
    let mut quote_spans = Vec::new();
    let layer = |span: Span, style: Style| Layer {
        span,
        style,
        current_hit: false,
    };
    if let Some(a) = &app.ann {
        let rank = |s: Option<usize>| s.map(|s| a.speaker_rank[s]);
        // Browsing the Speakers list shows the selected speaker's quotes in bold.
        let emphasised = (app.tab == Tab::Speakers && app.focus == Focus::Panel)
            .then(|| a.speaker_order.get(app.speaker_sel).copied())
            .flatten();
        for q in a.quotes_overlapping(range) {
            let quote = &a.analysis.quotes[q];
            if !quote.kind.is_speech() {
                layers.push(layer(
                    quote.span,
                    Style::new().add_modifier(ratatui::style::Modifier::ITALIC),
                ));
                continue;
            }
            let mut style = if quote.kind == QuoteKind::Reported {
                theme.reported(rank(quote.speaker))
            } else {
                theme.quote(rank(quote.speaker))
            };
            if quote.speaker.is_some() && quote.speaker == emphasised {
                style = style.patch(theme.emphasis());
            }
            layers.push(layer(quote.span, style));
            quote_spans.push((
                quote.span,
                rank(quote.speaker),
                app.current_quote == Some(q),
            ));
        }
        if let Some(q) = app.current_quote.and_then(|q| a.analysis.quotes.get(q)) {
            layers.push(layer(q.span, theme.selected_quote()));
            let who = theme.speaker(rank(q.speaker)).patch(theme.mention());
            for span in [q.speaker_mention, q.cue].into_iter().flatten() {
                layers.push(layer(span, who));
            }
        }
        if app.tab == Tab::Numbers
            && let Some(n) = a.analysis.numbers.get(app.number_sel)
        {
            layers.push(layer(n.span, theme.number()));
        }
    }
    if let Some(search) = &app.search {
        let current = search.current_span();
        for hit in search.pattern.find_in(text, range) {
            layers.push(Layer {
                span: hit,
                style: theme.hit(),
                current_hit: Some(hit) == current,
            });
        }
    }
    (layers, quote_spans)
}

/// One row as styled spans.
fn styled_row<'t>(
    text: &'t str,
    row: Row,
    layers: &[Layer],
    theme: &crate::tui::theme::Theme,
) -> Line<'t> {
    let here: Vec<&Layer> = layers
        .iter()
        .filter(|l| l.span.start < row.end && l.span.end > row.start)
        .collect();
    let mut cuts = vec![row.start, row.end];
    for l in &here {
        cuts.push(l.span.start.clamp(row.start, row.end));
        cuts.push(l.span.end.clamp(row.start, row.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(s) = text.get(a..b) else { continue };
        if s.is_empty() {
            continue;
        }
        let mut style = Style::new();
        for l in here.iter().filter(|l| l.span.start <= a && l.span.end >= b) {
            style = if l.current_hit {
                style.patch(theme.current_hit(style))
            } else {
                style.patch(l.style)
            };
        }
        spans.push(TextSpan::styled(display(s), style));
    }
    Line::from(spans)
}

/// Which speaker's marker goes beside `row`: the first speech quote touching it.
fn gutter_mark(row: Row, quotes: &[QuoteMark]) -> Option<GutterMark> {
    let end = row.end.max(row.start + 1);
    quotes
        .iter()
        .find(|(s, _, _)| s.start < end && s.end > row.start)
        .map(|&(s, rank, selected)| GutterMark {
            rank,
            starts: s.start >= row.start,
            selected,
        })
}

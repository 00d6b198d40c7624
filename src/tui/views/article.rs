//! The article pane: the rows on screen (computed by the reader), styled by overlays — quotes
//! tinted by speaker, headings, saved highlights, the current item, a text selection, search
//! matches — intersected with each row's byte range. The gutter shows whose quote each row holds
//! (a speaker's marker where their quote first appears on screen, a bar below it) and a bar for
//! rows with a highlight, so neither depends on colour.

use super::display;
use crate::analysis::model::{QuoteKind, Span};
use crate::tui::app::{App, Item, Overlay, PromptKind};
use crate::tui::layout::Screen;
use crate::tui::wrap::Row;
use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};

/// A styled stretch of text; later layers are laid over earlier ones.
#[derive(Debug, Clone, Copy)]
struct Layer {
    span: Span,
    style: Style,
    /// The current search match: its style depends on what it covers.
    current_hit: bool,
}

/// A speech quote on screen, for the gutter.
#[derive(Debug, Clone, Copy)]
struct QuoteMark {
    span: Span,
    rank: Option<usize>,
    current: bool,
}

pub fn draw(frame: &mut Frame, app: &App, screen: &Screen) {
    let area = screen.text;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = app.doc.text.as_str();
    let rows = app.article.rows();
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return;
    };
    let range = Span::new(first.start, last.end.max(first.start + 1));
    let (layers, quotes) = layers(app, range);
    let marked: Vec<Span> = app.highlights_in(range).filter_map(|h| h.span()).collect();
    let theme = app.theme;
    let gutter = gutter_marks(rows, &quotes);
    let buf = frame.buffer_mut();
    for (i, row) in rows.iter().enumerate().take(area.height as usize) {
        let y = area.y + i as u16;
        let line = styled_row(text, *row, &layers, &theme);
        buf.set_line(area.x, y, &line, area.width);
        if screen.gutter.width >= 1
            && let Some(m) = gutter[i]
        {
            let style = theme.speaker(m.rank);
            let symbol = if m.starts {
                theme.marker(m.rank).to_string()
            } else {
                "│".to_string()
            };
            let style = if m.current {
                style.patch(theme.mention())
            } else {
                style
            };
            buf.set_string(screen.gutter.x, y, symbol, style);
        }
        let end = row.end.max(row.start + 1);
        if screen.gutter.width >= 2 && marked.iter().any(|s| s.start < end && s.end > row.start) {
            buf.set_string(screen.gutter.x + 1, y, "▌", theme.highlight_mark());
        }
    }
}

/// The overlays touching `range`, lowest first, and the speech quotes there (for the gutter).
fn layers(app: &App, range: Span) -> (Vec<Layer>, Vec<QuoteMark>) {
    let theme = app.theme;
    let text = app.doc.text.as_str();
    let mut layers = Vec::new();
    let mut quotes = Vec::new();
    let layer = |span: Span, style: Style| Layer {
        span,
        style,
        current_hit: false,
    };
    // Headings are whole paragraphs in text order: those on screen are one run of the list.
    let first = app.headings.partition_point(|h| h.end <= range.start);
    for &h in app.headings[first..]
        .iter()
        .take_while(|h| h.start < range.end)
    {
        layers.push(layer(h, theme.heading()));
    }
    // While text is being selected, the selection is the one thing that looks selected.
    let current = app.current.filter(|_| app.selection.is_none());
    if let Some(a) = &app.ann {
        let rank = |s: Option<usize>| s.map(|s| a.speaker_rank[s]);
        // Browsing the Speakers list shows the selected speaker's quotes in bold.
        let emphasised = app.browsed_speaker();
        for q in a.quotes_overlapping(range) {
            let quote = &a.analysis.quotes[q];
            if !quote.kind.is_speech() {
                layers.push(layer(
                    quote.span,
                    Style::new().add_modifier(Modifier::ITALIC),
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
            quotes.push(QuoteMark {
                span: quote.span,
                rank: rank(quote.speaker),
                current: current == Some(Item::Quote(q)),
            });
        }
    }
    for span in app.highlights_in(range).filter_map(|h| h.span()) {
        layers.push(layer(span, theme.highlight()));
    }
    if let Some(item) = current
        && let Some(span) = app.item_span(item)
        && span.overlaps(range)
    {
        match item {
            Item::Quote(q) => {
                layers.push(layer(span, theme.selected_quote()));
                if let Some(a) = &app.ann
                    && let Some(quote) = a.analysis.quotes.get(q)
                {
                    let rank = quote.speaker.map(|s| a.speaker_rank[s]);
                    let who = theme.speaker(rank).patch(theme.mention());
                    let original = quote.original.as_ref().map(|o| o.mention);
                    for span in [quote.speaker_mention, quote.cue, original]
                        .into_iter()
                        .flatten()
                    {
                        layers.push(layer(span, who));
                    }
                }
            }
            Item::Number(_) => layers.push(layer(span, theme.number())),
            Item::Highlight(_) | Item::Speaker(_) => {
                layers.push(layer(span, theme.selected_quote()))
            }
            // The current match is drawn with the other matches below.
            Item::Hit(_) | Item::Chapter(_) => {}
        }
    }
    if let Some(sel) = app.selection {
        layers.push(layer(sel.span(), theme.selection()));
    }
    // Matches: those of the search being typed, else those of the search.
    let typed = match &app.overlay {
        Some(Overlay::Prompt(p)) if p.kind == PromptKind::Search => Some(p.preview.as_ref()),
        _ => None,
    };
    let current_hit = match current {
        Some(item @ Item::Hit(_)) => app.item_span(item),
        _ => None,
    };
    let pattern = match typed {
        Some(p) => p,
        None => app.search.as_ref().map(|s| &s.pattern),
    };
    if let Some(pattern) = pattern {
        for hit in pattern.find_in(text, range) {
            layers.push(Layer {
                span: hit,
                style: theme.hit(),
                current_hit: typed.is_none() && Some(hit) == current_hit,
            });
        }
    }
    (layers, quotes)
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

/// Speaker marker for one row of the gutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GutterMark {
    rank: Option<usize>,
    /// A marker (the quote first appears here) or a bar (it continues).
    starts: bool,
    current: bool,
}

/// What each row's gutter shows. Every quote on screen gets its speaker's marker: on the row
/// where it starts, or the next free row while it lasts (two starting on one row: the second a
/// row later; one coming from above the screen: on the first row with no other start). Other
/// rows holding a quote show a bar in the colour of the last one there.
fn gutter_marks(rows: &[Row], quotes: &[QuoteMark]) -> Vec<Option<GutterMark>> {
    let mut out = vec![None; rows.len()];
    let mut marked = vec![false; quotes.len()];
    for (i, row) in rows.iter().enumerate() {
        let end = row.end.max(row.start + 1);
        let touching = |q: &QuoteMark| q.span.start < end && q.span.end > row.start;
        // A quote starting here first; else one whose marker is still owed (it started on a
        // row that showed another's, or above the screen).
        let unmarked = |&(k, q): &(usize, &QuoteMark)| !marked[k] && touching(q);
        let owed = quotes
            .iter()
            .enumerate()
            .filter(unmarked)
            .find(|(_, q)| q.span.start >= row.start)
            .or_else(|| quotes.iter().enumerate().find(unmarked));
        out[i] = match owed {
            Some((k, q)) => {
                marked[k] = true;
                Some(GutterMark {
                    rank: q.rank,
                    starts: true,
                    current: q.current,
                })
            }
            None => quotes.iter().rfind(|q| touching(q)).map(|q| GutterMark {
                rank: q.rank,
                starts: false,
                current: q.current,
            }),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(start: usize, end: usize, rank: usize) -> QuoteMark {
        QuoteMark {
            span: Span::new(start, end),
            rank: Some(rank),
            current: false,
        }
    }

    #[test]
    fn two_speakers_in_one_paragraph_both_get_their_marker() {
        // Rows of 10 bytes; the first quote runs over rows 0–1, the second starts on row 1.
        let rows: Vec<Row> = (0..4)
            .map(|i| Row {
                start: i * 10,
                end: i * 10 + 9,
            })
            .collect();
        let marks = gutter_marks(&rows, &[q(2, 15, 0), q(16, 35, 1)]);
        let shown: Vec<Option<(Option<usize>, bool)>> = marks
            .iter()
            .map(|m| m.map(|m| (m.rank, m.starts)))
            .collect();
        assert_eq!(
            shown,
            [
                Some((Some(0), true)),
                Some((Some(1), true)),
                Some((Some(1), false)),
                Some((Some(1), false)),
            ]
        );
        // Both start on the same row: the second speaker's marker comes on the next row.
        let marks = gutter_marks(&rows, &[q(1, 4, 0), q(5, 25, 1)]);
        assert_eq!(marks[0].map(|m| m.rank), Some(Some(0)));
        assert_eq!(marks[1].map(|m| (m.rank, m.starts)), Some((Some(1), true)));
        // One from above the screen ends where another starts: the one starting gets the row.
        let marks = gutter_marks(&rows[1..], &[q(5, 15, 0), q(16, 35, 1)]);
        assert_eq!(marks[0].map(|m| (m.rank, m.starts)), Some((Some(1), true)));
        assert_eq!(marks[1].map(|m| (m.rank, m.starts)), Some((Some(1), false)));
    }
}

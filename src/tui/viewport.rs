//! Scrolling math: which rows are on screen, keeping a span in view, and the anchor that keeps the
//! same text at the top when the width changes. Positions are byte offsets; rows come from
//! [`RowIndex`], so nothing here depends on the document's size.

use super::wrap::{Row, RowIndex};
use crate::analysis::model::Span;

/// How to bring a span into view when it is not already visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Scroll as little as possible (moving through a list).
    Nearest,
    /// Put the span in the middle of the screen (a jump).
    Centre,
}

/// The article's viewport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewport {
    /// The first byte of the top row.
    pub top: usize,
    /// The byte the reader last scrolled to. After re-wrapping, the row holding it goes back to
    /// the top, so resizing back and forth never drifts.
    pub anchor: usize,
    /// Rows on screen.
    pub height: usize,
}

impl Viewport {
    pub fn new(height: usize) -> Self {
        Viewport {
            top: 0,
            anchor: 0,
            height: height.max(1),
        }
    }

    /// The largest top that still fills the screen (the last row at the bottom).
    pub fn max_top(&self, rows: &mut RowIndex, text: &str) -> usize {
        let last = rows.last_row(text);
        let (r, _) = rows.walk(text, last, -(self.height as isize - 1));
        rows.row(text, r).start
    }

    /// Puts the row holding `pos` at the top (or as near as the end of the text allows) and makes
    /// it the anchor.
    pub fn set_top(&mut self, rows: &mut RowIndex, text: &str, pos: usize) {
        let r = rows.row_at(text, pos);
        self.top = rows.row(text, r).start.min(self.max_top(rows, text));
        self.anchor = self.top;
    }

    /// Scrolls by `delta` rows (negative: up).
    pub fn scroll(&mut self, rows: &mut RowIndex, text: &str, delta: isize) {
        let from = rows.row_at(text, self.top);
        let (r, _) = rows.walk(text, from, delta);
        let start = rows.row(text, r).start;
        self.set_top(rows, text, start);
    }

    /// Re-wraps for a new size and puts the anchor's row back at the top.
    pub fn relayout(&mut self, rows: &mut RowIndex, text: &str, width: usize, height: usize) {
        rows.set_width(width);
        self.height = height.max(1);
        let r = rows.row_at(text, self.anchor);
        self.top = rows.row(text, r).start.min(self.max_top(rows, text));
    }

    /// The text changed (a full document replaced its preview): keep the anchor, drop the rows.
    pub fn reset_text(&mut self, rows: &mut RowIndex, text: &str) {
        rows.clear();
        let mut anchor = self.anchor.min(text.len());
        while !text.is_char_boundary(anchor) {
            anchor -= 1;
        }
        self.anchor = anchor;
        let r = rows.row_at(text, anchor);
        self.top = rows.row(text, r).start.min(self.max_top(rows, text));
    }

    /// The rows on screen, top to bottom.
    pub fn visible(&self, rows: &mut RowIndex, text: &str) -> Vec<Row> {
        let mut out = Vec::with_capacity(self.height);
        let mut r = Some(rows.row_at(text, self.top));
        while let Some(x) = r {
            out.push(rows.row(text, x));
            if out.len() >= self.height {
                break;
            }
            r = rows.next_row(text, x);
        }
        out
    }

    /// The bytes on screen: from the top row's start to the end of the bottom row.
    pub fn visible_bytes(&self, rows: &mut RowIndex, text: &str) -> Span {
        let top = rows.row_at(text, self.top);
        let (bottom, _) = rows.walk(text, top, self.height as isize - 1);
        let b = rows.row(text, bottom);
        Span::new(self.top, b.end.max(self.top))
    }

    /// Scrolls so that `span` is on screen with `margin` rows of text above and below it (fewer
    /// when the span is tall, none at either end of the document, like vim's `scrolloff`); does
    /// nothing when it already is. A span taller than the screen starts on its top row.
    pub fn scroll_into_view(
        &mut self,
        rows: &mut RowIndex,
        text: &str,
        span: Span,
        placement: Placement,
        margin: usize,
    ) {
        let first = rows.row_at(text, span.start);
        let last = rows.row_at(text, span.end.saturating_sub(1).max(span.start));
        let last_start = rows.row(text, last).start;
        // How many rows the span takes, counting no further than a screen.
        let mut span_rows = 1;
        let mut r = first;
        while span_rows < self.height && rows.row(text, r).start < last_start {
            match rows.next_row(text, r) {
                Some(n) => {
                    r = n;
                    span_rows += 1;
                }
                None => break,
            }
        }
        if span_rows >= self.height {
            let first_start = rows.row(text, first).start;
            if first_start != self.top {
                self.set_top(rows, text, first_start);
            }
            return;
        }
        let margin = margin.min((self.height - span_rows) / 2);
        // The tops that show the span with its margins: from `low` (its last row `margin` rows
        // above the bottom) to `high` (its first row `margin` rows below the top).
        let (h, _) = rows.walk(text, first, -(margin as isize));
        let high = rows.row(text, h).start;
        let (l, _) = rows.walk(text, last, -((self.height - 1 - margin) as isize));
        let low = rows.row(text, l).start;
        let max_top = self.max_top(rows, text);
        let top = self.top;
        if (low..=high).contains(&top) || (top == max_top && low >= max_top) {
            return;
        }
        let new_top = match placement {
            Placement::Centre => {
                let above = (self.height - span_rows) / 2;
                let (t, _) = rows.walk(text, first, -(above as isize));
                rows.row(text, t).start
            }
            Placement::Nearest if top > high => high,
            Placement::Nearest => low,
        };
        self.set_top(rows, text, new_top);
    }

    /// Where the view sits in the document, by byte, as a fraction (like less's percentage).
    pub fn fraction(&self, text_len: usize) -> f64 {
        if text_len == 0 {
            0.0
        } else {
            self.top as f64 / text_len as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 40 numbered lines, each one row at width 20.
    fn doc() -> String {
        (0..40).map(|i| format!("line {i:02}\n")).collect()
    }

    fn top_text(v: &Viewport, t: &str) -> String {
        t[v.top..].lines().next().unwrap_or("").to_string()
    }

    #[test]
    fn scrolling_stops_at_both_ends() {
        let t = doc();
        let mut rows = RowIndex::new(20);
        let mut v = Viewport::new(10);
        v.scroll(&mut rows, &t, -5);
        assert_eq!(v.top, 0);
        v.scroll(&mut rows, &t, 3);
        assert_eq!(top_text(&v, &t), "line 03");
        v.scroll(&mut rows, &t, 1000);
        assert_eq!(
            top_text(&v, &t),
            "line 30",
            "the last line sits at the bottom"
        );
        assert_eq!(v.visible(&mut rows, &t).len(), 10);
    }

    #[test]
    fn nearest_scrolls_the_least() {
        let t = doc();
        let mut rows = RowIndex::new(20);
        let mut v = Viewport::new(10);
        let line = |i: usize| Span::new(i * 8, i * 8 + 7);
        v.scroll_into_view(&mut rows, &t, line(5), Placement::Nearest, 0);
        assert_eq!(v.top, 0, "already visible: no movement");
        v.scroll_into_view(&mut rows, &t, line(12), Placement::Nearest, 0);
        assert_eq!(
            top_text(&v, &t),
            "line 03",
            "line 12 becomes the bottom row"
        );
        v.scroll_into_view(&mut rows, &t, line(1), Placement::Nearest, 0);
        assert_eq!(top_text(&v, &t), "line 01", "line 1 becomes the top row");
    }

    #[test]
    fn a_margin_keeps_rows_of_context_around_the_span() {
        let t = doc();
        let mut rows = RowIndex::new(20);
        let mut v = Viewport::new(10);
        let line = |i: usize| Span::new(i * 8, i * 8 + 7);
        // Line 8 is on screen but within 3 rows of the bottom: the view moves down by 1.
        v.scroll_into_view(&mut rows, &t, line(8), Placement::Nearest, 3);
        assert_eq!(top_text(&v, &t), "line 02");
        v.scroll_into_view(&mut rows, &t, line(4), Placement::Nearest, 3);
        assert_eq!(top_text(&v, &t), "line 01", "three rows above it");
        // At the start and the end of the document there is nothing to keep in view.
        v.scroll_into_view(&mut rows, &t, line(0), Placement::Nearest, 3);
        assert_eq!(v.top, 0);
        v.scroll_into_view(&mut rows, &t, line(39), Placement::Nearest, 3);
        assert_eq!(top_text(&v, &t), "line 30");
        v.scroll_into_view(&mut rows, &t, line(38), Placement::Nearest, 3);
        assert_eq!(top_text(&v, &t), "line 30", "the end already shows it");
    }

    #[test]
    fn centre_puts_a_jump_in_the_middle() {
        let t = doc();
        let mut rows = RowIndex::new(20);
        let mut v = Viewport::new(10);
        v.scroll_into_view(
            &mut rows,
            &t,
            Span::new(20 * 8, 20 * 8 + 7),
            Placement::Centre,
            0,
        );
        assert_eq!(top_text(&v, &t), "line 16");
        // Near the end it clamps instead of leaving blank rows.
        v.scroll_into_view(
            &mut rows,
            &t,
            Span::new(39 * 8, 39 * 8 + 7),
            Placement::Centre,
            0,
        );
        assert_eq!(top_text(&v, &t), "line 30");
    }

    #[test]
    fn a_span_taller_than_the_screen_starts_at_the_top() {
        let t = doc();
        let mut rows = RowIndex::new(20);
        let mut v = Viewport::new(5);
        v.scroll_into_view(
            &mut rows,
            &t,
            Span::new(10 * 8, 30 * 8),
            Placement::Nearest,
            0,
        );
        assert_eq!(top_text(&v, &t), "line 10");
    }

    #[test]
    fn resizing_keeps_the_same_text_at_the_top() {
        let words: String = (0..300).map(|i| format!("w{i:03} ")).collect();
        let mut rows = RowIndex::new(30);
        let mut v = Viewport::new(5);
        v.scroll(&mut rows, &words, 7);
        let anchor_word = &words[v.top..v.top + 4];
        // Narrower, wider, and back: the anchored word stays on the top row every time.
        for w in [13, 57, 9, 30] {
            v.relayout(&mut rows, &words, w, 5);
            let top_row = v.visible(&mut rows, &words)[0];
            assert!(
                words[top_row.start..top_row.end].contains(anchor_word),
                "width {w}: top row {:?} lost {anchor_word}",
                &words[top_row.start..top_row.end]
            );
        }
        v.relayout(&mut rows, &words, 30, 5);
        assert_eq!(&words[v.top..v.top + 4], anchor_word, "no drift");
    }

    #[test]
    fn visible_bytes_span_the_screen() {
        let t = doc();
        let mut rows = RowIndex::new(20);
        let mut v = Viewport::new(3);
        v.scroll(&mut rows, &t, 2);
        assert_eq!(v.visible_bytes(&mut rows, &t), Span::new(16, 39));
    }

    #[test]
    fn tiny_and_empty_documents_do_not_panic() {
        let mut rows = RowIndex::new(1);
        let mut v = Viewport::new(1);
        for t in ["", "\n", "x", "\n\n\n", "é"] {
            v.scroll(&mut rows, t, 5);
            v.scroll(&mut rows, t, -5);
            v.scroll_into_view(&mut rows, t, Span::new(0, t.len()), Placement::Centre, 2);
            v.relayout(&mut rows, t, 3, 2);
            assert!(v.visible(&mut rows, t).len() <= 2);
        }
    }
}

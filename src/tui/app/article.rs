//! The article pane's state: the wrapped rows (a lazy cache per width), the viewport, and what is
//! on screen now. Every change recomputes the rows on screen, so drawing only reads them; a move
//! says which way it went, so the reader can pick the item at the new reading position.

use crate::analysis::model::Span;
use crate::tui::viewport::{Placement, Viewport};
use crate::tui::wrap::{Row, RowIndex};

/// How the article moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Scrolled down (the text moved up).
    Down,
    Up,
    /// Jumped to a place (the start, the end, a point of the timeline).
    Jump,
}

/// Rows of text kept above and below an item brought into view (vim's `scrolloff`): at most 5,
/// fewer on a short screen.
pub fn margin(height: usize) -> usize {
    (height / 5).min(5)
}

#[derive(Debug)]
pub struct Article {
    rows: RowIndex,
    view: Viewport,
    /// The rows on screen, top to bottom.
    shown: Vec<Row>,
    /// The largest top that still fills the screen.
    max_top: usize,
}

impl Article {
    pub fn new(text: &str, width: usize, height: usize) -> Article {
        let mut a = Article {
            rows: RowIndex::new(width),
            view: Viewport::new(height),
            shown: Vec::new(),
            max_top: 0,
        };
        a.refresh(text);
        a
    }

    /// Recomputes what is on screen (after any change).
    fn refresh(&mut self, text: &str) {
        self.shown = self.view.visible(&mut self.rows, text);
        self.max_top = self.view.max_top(&mut self.rows, text);
    }

    /// The first byte of the top row.
    pub fn top(&self) -> usize {
        self.view.top
    }

    pub fn height(&self) -> usize {
        self.view.height
    }

    pub fn width(&self) -> usize {
        self.rows.width()
    }

    /// The rows on screen, top to bottom.
    pub fn rows(&self) -> &[Row] {
        &self.shown
    }

    /// The bytes on screen: from the top row's start to the end of the bottom row.
    pub fn visible(&self) -> Span {
        let start = self.view.top;
        let end = self.shown.last().map_or(start, |r| r.end);
        Span::new(start, end.max(start))
    }

    /// True when some row of `span` is on screen (it touches the bytes from the top row's start
    /// to the bottom row's end).
    pub fn shows(&self, span: Span) -> bool {
        let v = self.visible();
        span.start < v.end && span.end.max(span.start + 1) > v.start
    }

    /// True when the view is at the end of the document.
    pub fn at_end(&self) -> bool {
        self.view.top >= self.max_top
    }

    /// True when the whole document fits on screen.
    pub fn fits(&self) -> bool {
        self.max_top == 0
    }

    /// Where the view sits, by byte, as a fraction of `len` (like less's percentage).
    pub fn fraction(&self, len: usize) -> f64 {
        self.view.fraction(len)
    }

    /// The rows cache, for the free selection's line steps.
    pub fn row_index(&mut self) -> &mut RowIndex {
        &mut self.rows
    }

    /// Number of wrapped blocks cached (for tests of laziness).
    pub fn cached_blocks(&self) -> usize {
        self.rows.cached_blocks()
    }

    /// Scrolls by `delta` rows.
    pub fn scroll(&mut self, text: &str, delta: isize) -> Option<Moved> {
        let before = self.view.top;
        self.view.scroll(&mut self.rows, text, delta);
        self.moved(text, before)
    }

    /// Puts the row holding `pos` at the top (as near as the end allows).
    pub fn set_top(&mut self, text: &str, pos: usize) -> Option<Moved> {
        let before = self.view.top;
        self.view.set_top(&mut self.rows, text, pos);
        self.moved(text, before).map(|_| Moved::Jump)
    }

    /// Brings `span` into view with a margin of rows around it.
    pub fn show(&mut self, text: &str, span: Span, placement: Placement) {
        let m = margin(self.view.height);
        self.view
            .scroll_into_view(&mut self.rows, text, span, placement, m);
        self.refresh(text);
    }

    /// Wraps for a new text area; the anchor's row goes back to the top.
    pub fn resize(&mut self, text: &str, width: usize, height: usize) {
        if width != self.rows.width() || height != self.view.height {
            self.view.relayout(&mut self.rows, text, width, height);
            self.refresh(text);
        }
    }

    /// The text changed (a full document replaced its preview, or a new one opened).
    pub fn reset(&mut self, text: &str, top: Option<usize>) {
        self.view.reset_text(&mut self.rows, text);
        if let Some(pos) = top {
            self.view.set_top(&mut self.rows, text, pos);
        }
        self.refresh(text);
    }

    fn moved(&mut self, text: &str, before: usize) -> Option<Moved> {
        self.refresh(text);
        match self.view.top.cmp(&before) {
            std::cmp::Ordering::Greater => Some(Moved::Down),
            std::cmp::Ordering::Less => Some(Moved::Up),
            std::cmp::Ordering::Equal => None,
        }
    }
}

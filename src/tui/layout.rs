//! Where everything goes on screen, as a pure function of the terminal size and the state that
//! changes the layout. Drawing and mouse clicks use the same [`Screen`].

use ratatui::layout::Rect;

/// Narrower than this, only one pane is shown: the one with the keyboard.
pub const TWO_PANES_MIN_WIDTH: u16 = 60;

/// The areas of one frame. Areas of hidden parts are empty (zero width or height).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub header: Rect,
    pub status: Rect,
    /// Speaker markers beside the article rows.
    pub gutter: Rect,
    /// The article text.
    pub text: Rect,
    /// Where each speaker's quotes sit in the whole document.
    pub timeline: Rect,
    /// Which part of the document is on screen.
    pub thumb: Rect,
    /// The whole side panel, its left border included.
    pub panel: Rect,
    pub border: Rect,
    pub tabs: Rect,
    /// The "only one speaker's quotes" line, when that filter is on.
    pub filter: Rect,
    pub list: Rect,
}

impl Screen {
    /// Lays out a frame of `area`. `panel_focus`: the side panel has the keyboard (it is the one
    /// shown on narrow screens); `filter_line`: reserve a line above the list.
    pub fn new(area: Rect, panel_focus: bool, filter_line: bool) -> Screen {
        let mut s = Screen::default();
        let (header, body, status) = split_bars(area);
        (s.header, s.status) = (header, status);
        let (article, panel) = if body.width >= TWO_PANES_MIN_WIDTH {
            let panel_w = (body.width * 36 / 100).clamp(30, 50);
            let article = Rect::new(body.x, body.y, body.width - panel_w, body.height);
            let panel = Rect::new(article.right(), body.y, panel_w, body.height);
            (article, panel)
        } else if panel_focus {
            (Rect::new(body.x, body.y, 0, body.height), body)
        } else {
            (body, Rect::new(body.right(), body.y, 0, body.height))
        };
        if article.width >= 12 {
            s.gutter = Rect::new(article.x, article.y, 2, article.height);
            s.thumb = Rect::new(article.right() - 1, article.y, 1, article.height);
            s.timeline = Rect::new(article.right() - 2, article.y, 1, article.height);
            s.text = Rect::new(article.x + 2, article.y, article.width - 5, article.height);
        } else {
            s.text = article;
        }
        s.panel = panel;
        if panel.width > 0 {
            let mut inner = panel;
            if article.width > 0 {
                s.border = Rect::new(panel.x, panel.y, 1, panel.height);
                inner.x += 1;
                inner.width -= 1;
            }
            if inner.height >= 1 {
                s.tabs = Rect::new(inner.x, inner.y, inner.width, 1);
                inner.y += 1;
                inner.height -= 1;
            }
            if filter_line && inner.height >= 2 {
                s.filter = Rect::new(inner.x, inner.y, inner.width, 1);
                inner.y += 1;
                inner.height -= 1;
            }
            s.list = inner;
        }
        s
    }
}

/// The library's areas: the documents (with a line of column titles) and, beside them, the
/// index of quoted speakers. Narrow screens show the documents only; the index then takes the
/// whole width when it has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LibraryScreen {
    pub header: Rect,
    pub status: Rect,
    pub columns: Rect,
    pub list: Rect,
    pub border: Rect,
    pub index_title: Rect,
    pub index: Rect,
}

impl LibraryScreen {
    pub fn new(area: Rect) -> LibraryScreen {
        Self::with_focus(area, false)
    }

    /// `index_focus`: the speaker index has the keyboard (shown alone on narrow screens).
    pub fn with_focus(area: Rect, index_focus: bool) -> LibraryScreen {
        let mut s = LibraryScreen::default();
        let (header, body, status) = split_bars(area);
        (s.header, s.status) = (header, status);
        let (docs, index) = if body.width >= TWO_PANES_MIN_WIDTH {
            let w = (body.width * 36 / 100).clamp(24, 44);
            (
                Rect::new(body.x, body.y, body.width - w, body.height),
                Rect::new(body.right() - w, body.y, w, body.height),
            )
        } else if index_focus {
            (Rect::new(body.x, body.y, 0, body.height), body)
        } else {
            (body, Rect::new(body.right(), body.y, 0, body.height))
        };
        let split = |r: Rect| {
            if r.height >= 2 && r.width > 0 {
                (
                    Rect::new(r.x, r.y, r.width, 1),
                    Rect::new(r.x, r.y + 1, r.width, r.height - 1),
                )
            } else {
                (Rect::new(r.x, r.y, r.width, 0), r)
            }
        };
        (s.columns, s.list) = split(docs);
        let mut index = index;
        if index.width > 0 && docs.width > 0 {
            s.border = Rect::new(index.x, index.y, 1, index.height);
            index.x += 1;
            index.width -= 1;
        }
        (s.index_title, s.index) = split(index);
        s
    }
}

/// The header line at the top and the status line at the bottom, each when there is room, and
/// the body between them: (header, body, status); a bar without room is empty.
fn split_bars(area: Rect) -> (Rect, Rect, Rect) {
    let (mut header, mut status) = (Rect::default(), Rect::default());
    let mut body = area;
    if body.height >= 2 {
        status = Rect::new(body.x, body.bottom() - 1, body.width, 1);
        body.height -= 1;
    }
    if body.height >= 3 {
        header = Rect::new(body.x, body.y, body.width, 1);
        body.y += 1;
        body.height -= 1;
    }
    (header, body, status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_both_panes() {
        let s = Screen::new(Rect::new(0, 0, 100, 30), false, false);
        assert_eq!(s.header.height, 1);
        assert_eq!(s.status.y, 29);
        assert_eq!(s.text.height, 28);
        assert!(s.list.width >= 29);
        assert_eq!(s.text.width + 5 + s.panel.width, 100);
        assert_eq!(s.timeline.right(), s.thumb.x);
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let s = Screen::new(Rect::new(0, 0, 40, 10), false, false);
        assert_eq!(s.panel.width, 0);
        assert_eq!(s.text.width, 35);
        let s = Screen::new(Rect::new(0, 0, 40, 10), true, true);
        assert_eq!(s.text.width, 0);
        assert_eq!(s.list.width, 40);
        assert_eq!(s.filter.height, 1);
    }

    #[test]
    fn the_library_shows_documents_and_speakers_side_by_side() {
        let s = LibraryScreen::new(Rect::new(0, 0, 100, 30));
        assert_eq!(s.columns.y + 1, s.list.y);
        assert_eq!(s.list.height, 27);
        assert_eq!(s.list.width + s.border.width + s.index.width, 100);
        let narrow = LibraryScreen::with_focus(Rect::new(0, 0, 40, 10), true);
        assert_eq!(narrow.list.width, 0);
        assert_eq!(narrow.index.width, 40);
        for (w, h) in [(0, 0), (1, 1), (5, 2), (70, 3)] {
            let s = LibraryScreen::new(Rect::new(0, 0, w, h));
            assert!(
                s.list.right() <= w && s.list.bottom() <= h,
                "{w}x{h}: {s:?}"
            );
        }
    }

    #[test]
    fn tiny_screens_degrade() {
        for (w, h) in [(20, 5), (1, 1), (0, 0), (5, 2), (11, 3)] {
            let s = Screen::new(Rect::new(0, 0, w, h), false, false);
            assert!(
                s.text.right() <= w && s.text.bottom() <= h,
                "{w}x{h}: {s:?}"
            );
        }
        let s = Screen::new(Rect::new(0, 0, 20, 5), false, false);
        assert_eq!((s.text.width, s.text.height), (15, 3));
    }
}

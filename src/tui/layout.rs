//! Where everything goes on screen, as a pure function of the terminal size and the state that
//! changes the layout. The reader computes it after every change; drawing and mouse clicks use
//! the same [`Screen`].

use crate::tui::app::Tab;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

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
    /// The tab bar: one row, or more when the labels do not fit on one.
    pub tabs: Rect,
    /// The "only one speaker's quotes" line, when that filter is on.
    pub filter: Rect,
    pub list: Rect,
}

/// What besides the terminal's size shapes the layout.
#[derive(Debug, Clone, Copy)]
pub struct Chrome<'a> {
    /// The side panel has the keyboard (on narrow screens it is the pane shown).
    pub panel_focus: bool,
    /// A line above the list says which speaker's quotes it shows.
    pub filter_line: bool,
    /// The tabs of the tab bar.
    pub tabs: &'a [Tab],
    /// Lines of the status bar (a long message takes more than one).
    pub status_lines: u16,
}

impl Screen {
    /// Lays out a frame of `area`.
    pub fn new(area: Rect, chrome: &Chrome) -> Screen {
        let mut s = Screen::default();
        let (header, body, status) = split_bars(area, chrome.status_lines.max(1));
        (s.header, s.status) = (header, status);
        let (article, panel) = if body.width >= TWO_PANES_MIN_WIDTH {
            let panel_w = (body.width * 36 / 100).clamp(30, 50);
            let article = Rect::new(body.x, body.y, body.width - panel_w, body.height);
            let panel = Rect::new(article.right(), body.y, panel_w, body.height);
            (article, panel)
        } else if chrome.panel_focus {
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
            // The tab bar takes as many rows as its labels need, leaving the list at least one.
            let rows =
                tab_rows(inner.width, chrome.tabs).min(inner.height.saturating_sub(1).max(1));
            if inner.height >= 1 {
                let rows = rows.min(inner.height);
                s.tabs = Rect::new(inner.x, inner.y, inner.width, rows);
                inner.y += rows;
                inner.height -= rows;
            }
            if chrome.filter_line && inner.height >= 2 {
                s.filter = Rect::new(inner.x, inner.y, inner.width, 1);
                inner.y += 1;
                inner.height -= 1;
            }
            s.list = inner;
        }
        s
    }
}

/// Where each tab's label goes in a tab bar of `width` columns: `(tab, column, row, label)`.
/// Labels keep their words ("2 Quotes") and flow onto another row when the row is full; a
/// label wider than the whole bar shows its number only.
pub fn tab_flow(width: u16, tabs: &[Tab]) -> Vec<(Tab, u16, u16, String)> {
    let mut out = Vec::new();
    let (mut x, mut row) = (0u16, 0u16);
    for &tab in tabs {
        let mut label = tab.label();
        if label.width() > width as usize {
            label = format!(" {} ", tab.index() + 1);
        }
        let w = label.width() as u16;
        if x > 0 && x + w > width {
            x = 0;
            row += 1;
        }
        if w > width {
            break;
        }
        out.push((tab, x, row, label));
        x += w;
    }
    out
}

/// How many rows the tab bar needs at `width` columns.
pub fn tab_rows(width: u16, tabs: &[Tab]) -> u16 {
    tab_flow(width, tabs)
        .last()
        .map_or(1, |&(_, _, row, _)| row + 1)
}

/// The tab under a point of the tab bar `area`.
pub fn tab_at(area: Rect, tabs: &[Tab], at: Position) -> Option<Tab> {
    tab_flow(area.width, tabs)
        .into_iter()
        .find(|(_, x, row, label)| {
            at.y == area.y + row && at.x >= area.x + x && at.x < area.x + x + label.width() as u16
        })
        .map(|(t, _, _, _)| t)
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
        let (header, body, status) = split_bars(area, 1);
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

/// The header line at the top and the status bar (`status_lines` high) at the bottom, each
/// when there is room, and the body between them: (header, body, status); a bar without room
/// is empty. The status bar grows only while the body keeps three rows.
fn split_bars(area: Rect, status_lines: u16) -> (Rect, Rect, Rect) {
    let (mut header, mut status) = (Rect::default(), Rect::default());
    let mut body = area;
    if body.height >= 2 {
        let lines = status_lines.clamp(1, body.height.saturating_sub(4).max(1));
        status = Rect::new(body.x, body.bottom() - lines, body.width, lines);
        body.height -= lines;
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

    const TABS: [Tab; 4] = [Tab::Speakers, Tab::Quotes, Tab::Numbers, Tab::Highlights];

    fn chrome(panel_focus: bool, filter_line: bool) -> Chrome<'static> {
        Chrome {
            panel_focus,
            filter_line,
            tabs: &TABS,
            status_lines: 1,
        }
    }

    #[test]
    fn wide_screens_show_both_panes() {
        let s = Screen::new(Rect::new(0, 0, 100, 30), &chrome(false, false));
        assert_eq!(s.header.height, 1);
        assert_eq!(s.status.y, 29);
        assert_eq!(s.text.height, 28);
        assert!(s.list.width >= 29);
        assert_eq!(s.text.width + 5 + s.panel.width, 100);
        assert_eq!(s.timeline.right(), s.thumb.x);
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let s = Screen::new(Rect::new(0, 0, 40, 10), &chrome(false, false));
        assert_eq!(s.panel.width, 0);
        assert_eq!(s.text.width, 35);
        let s = Screen::new(Rect::new(0, 0, 40, 10), &chrome(true, true));
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
            let s = Screen::new(Rect::new(0, 0, w, h), &chrome(false, false));
            assert!(
                s.text.right() <= w && s.text.bottom() <= h,
                "{w}x{h}: {s:?}"
            );
        }
        let s = Screen::new(Rect::new(0, 0, 20, 5), &chrome(false, false));
        assert_eq!((s.text.width, s.text.height), (15, 3));
    }

    #[test]
    fn tab_labels_keep_their_words_and_wrap_onto_a_second_row() {
        // 100 columns: the panel's tab bar is 35 wide.
        let flow = tab_flow(35, &TABS);
        let words: Vec<&str> = flow.iter().map(|(_, _, _, l)| l.trim()).collect();
        assert_eq!(
            words,
            ["1 Speakers", "2 Quotes", "3 Numbers", "4 Highlights"]
        );
        assert_eq!(tab_rows(35, &TABS), 2);
        assert_eq!(tab_rows(49, &TABS), 1, "140 columns: one row");
        let s = Screen::new(Rect::new(0, 0, 100, 30), &chrome(false, false));
        assert_eq!(s.tabs.height, 2);
        assert_eq!(s.list.y, s.tabs.bottom());
        let at = |x, y| tab_at(s.tabs, &TABS, Position::new(x, y));
        assert_eq!(at(s.tabs.x + 1, s.tabs.y + 1), Some(Tab::Highlights));
        assert_eq!(at(s.tabs.x + 13, s.tabs.y), Some(Tab::Quotes));
        // Too narrow for any title: the numbers.
        assert_eq!(tab_flow(5, &[Tab::Speakers])[0].3, " 1 ");
    }

    #[test]
    fn a_long_status_message_takes_more_lines() {
        let mut c = chrome(false, false);
        c.status_lines = 3;
        let s = Screen::new(Rect::new(0, 0, 80, 24), &c);
        assert_eq!((s.status.y, s.status.height), (21, 3));
        assert_eq!(s.text.bottom(), 21);
        // Never at the cost of the text on a short screen.
        let s = Screen::new(Rect::new(0, 0, 80, 5), &c);
        assert_eq!(s.status.height, 1);
    }
}

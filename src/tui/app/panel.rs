//! The side panel's state: which tab is shown, the speaker the Quotes list is narrowed to, and
//! each tab's list position (ratatui's `ListState`: the selected row and the first row shown).
//! The selected row is not kept here as a separate fact: it is the row of the reader's one
//! current item, copied in after every change so that drawing only reads.

use ratatui::widgets::ListState;

use crate::analysis::model::SpeakerId;

/// The side panel's tabs. A new tab is a variant here, a title, a list in `views::sidebar`, and an
/// action to show it. Chapters is shown only for documents that have them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Speakers,
    Quotes,
    Numbers,
    Highlights,
    Chapters,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Speakers,
        Tab::Quotes,
        Tab::Numbers,
        Tab::Highlights,
        Tab::Chapters,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Speakers => "Speakers",
            Tab::Quotes => "Quotes",
            Tab::Numbers => "Numbers",
            Tab::Highlights => "Highlights",
            Tab::Chapters => "Chapters",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// The label in the tab bar: the key that shows it and its title.
    pub fn label(self) -> String {
        format!(" {} {} ", self.index() + 1, self.title())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Panel {
    pub tab: Tab,
    /// The Quotes list shows only this speaker's quotes.
    pub filter: Option<SpeakerId>,
    lists: [ListState; Tab::ALL.len()],
}

impl Panel {
    /// A tab's list position.
    pub fn list(&self, tab: Tab) -> &ListState {
        &self.lists[tab.index()]
    }

    /// Forgets every list position (another document).
    pub fn reset(&mut self) {
        *self = Panel {
            tab: self.tab,
            ..Panel::default()
        };
    }

    /// Sets a tab's selected row and moves its window (of `height` rows over `len`) as little
    /// as needed to show it with a row of context.
    pub fn place(&mut self, tab: Tab, selected: Option<usize>, len: usize, height: usize) {
        let state = &mut self.lists[tab.index()];
        let offset = window(len, selected, state.offset(), height);
        // (`select(None)` also resets the offset, so it goes first.)
        state.select(selected);
        *state.offset_mut() = offset;
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
    fn placing_keeps_the_selected_row_in_the_list_state() {
        let mut p = Panel::default();
        p.place(Tab::Numbers, Some(30), 100, 10);
        assert_eq!(p.list(Tab::Numbers).selected(), Some(30));
        assert_eq!(p.list(Tab::Numbers).offset(), 22);
        p.place(Tab::Numbers, None, 100, 10);
        assert_eq!(p.list(Tab::Numbers).selected(), None);
        assert_eq!(
            p.list(Tab::Numbers).offset(),
            22,
            "no selection: the list stays put"
        );
    }
}

//! One selection, one rule. The reader has one current item — a quote, a speaker's quote, a
//! number, a highlight, a search match or a chapter — which the article shows and the list
//! selects, the status bar describes, and `y`, `m`, `a`, `d` act on.
//!
//! - When the article moves (scrolling, paging, `g`/`G`, the timeline), the item stays while it
//!   is on screen; once it leaves, the item of the shown tab at the reading position takes its
//!   place (the first on screen going down, the last going up), or none.
//! - When a list moves (or a jump: `]`, `n`, Enter, a click), the article brings the item into
//!   view with a margin of rows around it.
//! - Switching tabs selects that tab's item at the reading position: the one at the current item
//!   if there is one there, else the first on screen.
//! - A resize keeps the item and scrolls as little as needed to keep it on screen.

use super::{App, Focus, Moved, Placement, Tab};
use crate::analysis::model::{QuoteId, Span, SpeakerId};
use crate::store::HighlightId;
use std::sync::Arc;

/// The current item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A quote (speech, in the Speakers or Quotes list).
    Quote(QuoteId),
    /// A speaker who is mentioned but never quoted (the Speakers list): their first mention.
    Speaker(SpeakerId),
    /// A figure, by its index in the analysis.
    Number(usize),
    Highlight(HighlightId),
    /// A search match, by its index among the matches.
    Hit(usize),
    Chapter(usize),
}

impl App {
    /// Where an item is in the text (an orphaned highlight is nowhere).
    pub fn item_span(&self, item: Item) -> Option<Span> {
        let a = self.ann.as_ref();
        match item {
            Item::Quote(q) => a?.analysis.quotes.get(q).map(|q| q.span),
            Item::Speaker(s) => a?.analysis.speakers.get(s)?.mentions.first().copied(),
            Item::Number(i) => a?.analysis.numbers.get(i).map(|n| n.span),
            Item::Highlight(id) => self.store.as_ref()?.get(id)?.span(),
            Item::Hit(i) => {
                let search = self.search.as_ref()?;
                let start = *search.hits.as_ref()?.get(i)?;
                Some(Span::new(start, start + search.pattern.len()))
            }
            Item::Chapter(i) => self.doc.sections.get(i).map(|s| s.span),
        }
    }

    /// Forgets a current item that no longer exists (a highlight removed, a search ended).
    pub(super) fn drop_vanished_current(&mut self) {
        let gone = match self.current {
            Some(Item::Highlight(id)) => self.store.as_ref().and_then(|s| s.get(id)).is_none(),
            Some(Item::Hit(_)) => self.search.is_none(),
            Some(item) => self.ann.is_none() && !matches!(item, Item::Chapter(_)),
            None => false,
        };
        if gone {
            self.current = None;
        }
    }

    /// The quotes the Quotes list shows (one speaker's when filtered).
    pub fn quote_list(&self) -> &[QuoteId] {
        match (&self.ann, self.panel.filter) {
            (Some(a), Some(s)) => a.by_speaker.get(s).map_or(&[], |v| v.as_slice()),
            (Some(a), None) => &a.speech,
            (None, _) => &[],
        }
    }

    /// The quotes a tab steps through: every quote for Speakers, the (filtered) list for Quotes.
    fn quotes_of(&self, tab: Tab) -> &[QuoteId] {
        match (tab, &self.ann) {
            (Tab::Quotes, _) => self.quote_list(),
            (_, Some(a)) => &a.speech,
            (_, None) => &[],
        }
    }

    pub fn list_len(&self, tab: Tab) -> usize {
        match tab {
            Tab::Highlights => return self.highlights().len(),
            Tab::Chapters => return self.doc.sections.len(),
            _ => {}
        }
        let Some(a) = &self.ann else { return 0 };
        match tab {
            Tab::Speakers => a.speaker_order.len(),
            Tab::Quotes => self.quote_list().len(),
            Tab::Numbers => a.analysis.numbers.len(),
            Tab::Highlights | Tab::Chapters => 0,
        }
    }

    /// The row of `item` in `tab`'s list, if the list holds it.
    pub fn list_row(&self, tab: Tab, item: Item) -> Option<usize> {
        match (tab, item) {
            (Tab::Chapters, Item::Chapter(i)) => (i < self.doc.sections.len()).then_some(i),
            (Tab::Highlights, Item::Highlight(id)) => {
                self.highlights().iter().position(|h| h.id == id)
            }
            (Tab::Speakers, Item::Quote(q)) => {
                let a = self.ann.as_ref()?;
                let s = a.analysis.quotes.get(q)?.speaker?;
                a.speaker_rank.get(s).copied()
            }
            (Tab::Speakers, Item::Speaker(s)) => self.ann.as_ref()?.speaker_rank.get(s).copied(),
            (Tab::Quotes, Item::Quote(q)) => {
                let a = self.ann.as_ref()?;
                let start = |id: QuoteId| a.analysis.quotes[id].span.start;
                let at = a.analysis.quotes.get(q)?.span.start;
                let list = self.quote_list();
                let i = list.partition_point(|&x| start(x) < at);
                list[i..]
                    .iter()
                    .take_while(|&&x| start(x) == at)
                    .position(|&x| x == q)
                    .map(|k| i + k)
            }
            (Tab::Numbers, Item::Number(i)) => (i < self.list_len(Tab::Numbers)).then_some(i),
            _ => None,
        }
    }

    /// The selected row of a tab's list: the current item's, when the list holds it.
    pub fn list_selected(&self, tab: Tab) -> Option<usize> {
        self.current.and_then(|item| self.list_row(tab, item))
    }

    /// The chapter the view is in: the current one, else the last starting at or before the
    /// top of the screen.
    pub fn current_chapter(&self) -> Option<usize> {
        let sections = &self.doc.sections;
        if sections.is_empty() {
            return None;
        }
        if let Some(Item::Chapter(i)) = self.current
            && i < sections.len()
        {
            return Some(i);
        }
        let i = sections.partition_point(|s| s.span.start <= self.article.top());
        Some(i.saturating_sub(1))
    }

    /// The item on row `i` of `tab`'s list. A speaker's row stands for their quote nearest the
    /// reading position (the current one if it is theirs).
    fn item_of_row(&self, tab: Tab, i: usize) -> Option<Item> {
        match tab {
            Tab::Chapters => (i < self.doc.sections.len()).then_some(Item::Chapter(i)),
            Tab::Highlights => self.highlights().get(i).map(|h| Item::Highlight(h.id)),
            Tab::Quotes => self.quote_list().get(i).map(|&q| Item::Quote(q)),
            Tab::Numbers => (i < self.list_len(Tab::Numbers)).then_some(Item::Number(i)),
            Tab::Speakers => {
                let a = self.ann.as_ref()?;
                let s = *a.speaker_order.get(i)?;
                let quotes = &a.by_speaker[s];
                if let Some(Item::Quote(q)) = self.current
                    && a.analysis.quotes.get(q).and_then(|x| x.speaker) == Some(s)
                {
                    return Some(Item::Quote(q));
                }
                let top = self.article.top();
                let k = quotes.partition_point(|&q| a.analysis.quotes[q].span.start < top);
                match quotes.get(k).or(quotes.last()) {
                    Some(&q) => Some(Item::Quote(q)),
                    None => Some(Item::Speaker(s)),
                }
            }
        }
    }

    /// The row of `tab`'s list where items at or after byte `pos` begin.
    fn row_from(&self, tab: Tab, pos: usize) -> usize {
        match tab {
            Tab::Speakers => 0,
            Tab::Chapters => self.doc.sections.partition_point(|s| s.span.start < pos),
            Tab::Highlights => {
                let list = self.highlights();
                let live = list.partition_point(|h| !h.orphaned);
                list[..live].partition_point(|h| h.start < pos)
            }
            Tab::Quotes => {
                let Some(a) = &self.ann else { return 0 };
                self.quote_list()
                    .partition_point(|&q| a.analysis.quotes[q].span.start < pos)
            }
            Tab::Numbers => self.ann.as_ref().map_or(0, |a| {
                a.analysis.numbers.partition_point(|n| n.span.start < pos)
            }),
        }
    }

    /// The items `tab` lists that are on screen, in document order (a screenful at most).
    fn items_on_screen(&self, tab: Tab) -> Vec<(Item, Span)> {
        let v = self.article.visible();
        let v = Span::new(v.start, v.end.max(v.start + 1));
        match tab {
            Tab::Speakers | Tab::Quotes => {
                let Some(a) = &self.ann else {
                    return Vec::new();
                };
                let only = match tab {
                    Tab::Quotes => self.panel.filter,
                    _ => None,
                };
                a.quotes_overlapping(v)
                    .filter(|&q| a.speech_index(q).is_some())
                    .filter(|&q| only.is_none() || a.analysis.quotes[q].speaker == only)
                    .map(|q| (Item::Quote(q), a.analysis.quotes[q].span))
                    .collect()
            }
            Tab::Numbers => {
                let Some(a) = &self.ann else {
                    return Vec::new();
                };
                let numbers = &a.analysis.numbers;
                // Figures are short: any touching the screen starts less than a line before it.
                let from = numbers.partition_point(|n| n.span.end <= v.start);
                (from..numbers.len())
                    .take_while(|&i| numbers[i].span.start < v.end)
                    .filter(|&i| numbers[i].span.overlaps(v))
                    .map(|i| (Item::Number(i), numbers[i].span))
                    .collect()
            }
            Tab::Highlights => self
                .highlights_in(v)
                .filter_map(|h| Some((Item::Highlight(h.id), h.span()?)))
                .collect(),
            Tab::Chapters => {
                let s = &self.doc.sections;
                let from = s.partition_point(|c| c.span.end <= v.start);
                (from..s.len())
                    .take_while(|&i| s[i].span.start < v.end)
                    .map(|i| (Item::Chapter(i), s[i].span))
                    .collect()
            }
        }
    }

    /// The search matches on screen.
    fn hits_on_screen(&self) -> Vec<(Item, Span)> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let Some(hits) = &search.hits else {
            return Vec::new();
        };
        let v = self.article.visible();
        let len = search.pattern.len();
        let from = hits.partition_point(|&h| h + len <= v.start);
        (from..hits.len())
            .take_while(|&i| hits[i] < v.end)
            .map(|i| (Item::Hit(i), Span::new(hits[i], hits[i] + len)))
            .collect()
    }

    /// After the article moved: the current item stays while it is on screen; else the item at
    /// the reading position takes its place (a match while a match was current, else one of the
    /// shown tab's items), or none.
    pub(super) fn follow(&mut self, moved: Option<Moved>) {
        let Some(moved) = moved else { return };
        if let Some(span) = self.current.and_then(|i| self.item_span(i))
            && self.article.shows(span)
        {
            return;
        }
        let top = self.article.top();
        // Going down the next item comes from below, going up from above; after a jump the
        // reading position is the top of the screen.
        let pick = |items: Vec<(Item, Span)>| match moved {
            Moved::Down | Moved::Jump => items
                .iter()
                .find(|(_, s)| s.start >= top)
                .or(items.first())
                .map(|&(i, _)| i),
            Moved::Up => items.last().map(|&(i, _)| i),
        };
        let hit = match self.current {
            Some(Item::Hit(_)) => pick(self.hits_on_screen()),
            _ => None,
        };
        self.current = hit.or_else(|| match self.panel.tab {
            // The chapter at the reading position is the one holding the top row.
            Tab::Chapters => self.items_on_screen(Tab::Chapters).first().map(|&(i, _)| i),
            tab => pick(self.items_on_screen(tab)),
        });
    }

    /// After the tab (or the Quotes filter) changed: the current item stays if the tab lists
    /// it; else the tab's item at the current item (or after it, or before it on screen), else
    /// its first item on screen, else none.
    pub(super) fn retarget(&mut self) {
        let tab = self.panel.tab;
        if let Some(item) = self.current
            && self.list_row(tab, item).is_some()
        {
            return;
        }
        let at = self
            .current
            .and_then(|i| self.item_span(i))
            .filter(|s| self.article.shows(*s));
        let items = self.items_on_screen(tab);
        let chosen = match at {
            Some(at) => items
                .iter()
                .find(|(_, s)| s.overlaps(at) || s.start == at.start)
                .or_else(|| items.iter().find(|(_, s)| s.start >= at.start))
                .or(items.last()),
            // The chapter at the reading position is the one holding the top row.
            None if tab == Tab::Chapters => items.first(),
            None => {
                let top = self.article.top();
                items.iter().find(|(_, s)| s.start >= top).or(items.first())
            }
        };
        self.current = chosen.map(|&(i, _)| i);
    }

    /// Makes `item` current and brings it into view (a chapter goes to the top).
    pub(super) fn select(&mut self, item: Item, placement: Placement) {
        self.current = Some(item);
        if let Item::Chapter(i) = item
            && let Some(section) = self.doc.sections.get(i)
        {
            let doc = Arc::clone(&self.doc);
            let start = section.span.start;
            let _ = self.article.set_top(&doc.text, start);
            return;
        }
        match self.item_span(item) {
            Some(span) => self.bring_into_view(span, placement),
            None if matches!(item, Item::Highlight(_)) => {
                self.warn("Orphaned: its text is no longer in the document (kept, and exported)")
            }
            None => {}
        }
    }

    /// After the layout changed (a resize): the current item stays on screen.
    pub(super) fn keep_current_in_view(&mut self) {
        if let Some(span) = self.current.and_then(|i| self.item_span(i))
            && !self.article.shows(span)
        {
            self.bring_into_view(span, Placement::Nearest);
        }
    }

    /// Selects row `i` of the shown tab's list and brings its item into view.
    pub(super) fn select_row(&mut self, i: usize, placement: Placement) {
        if let Some(item) = self.item_of_row(self.panel.tab, i) {
            self.select(item, placement);
        }
    }

    /// Moves the shown list's selection by `delta` rows; with nothing selected there, from the
    /// reading position.
    pub(super) fn move_list(&mut self, delta: isize) {
        let tab = self.panel.tab;
        let len = self.list_len(tab);
        if len == 0 {
            return;
        }
        let from = match self.list_selected(tab) {
            Some(i) => i as isize,
            None => {
                let i = self.row_from(tab, self.article.top()) as isize;
                if delta > 0 { i - 1 } else { i }
            }
        };
        let to = (from + delta).clamp(0, len as isize - 1) as usize;
        self.select_row(to, Placement::Nearest);
    }

    /// The item under byte `pos`: the shown tab's, else a quote (the Quotes list then shows
    /// it, if the Speakers list cannot).
    pub(super) fn item_under(&mut self, pos: usize) -> Option<Item> {
        let here = Span::new(pos, pos + 1);
        let tab = self.panel.tab;
        let own = self
            .items_on_screen(tab)
            .into_iter()
            .filter(|(_, s)| s.overlaps(here))
            .map(|(i, _)| i)
            .next_back();
        if own.is_some() {
            return own;
        }
        let q = self.ann.as_ref()?.quote_at(pos)?;
        if tab != Tab::Speakers {
            self.panel.tab = Tab::Quotes;
            if self.list_row(Tab::Quotes, Item::Quote(q)).is_none() {
                self.panel.filter = None;
            }
        }
        Some(Item::Quote(q))
    }

    /// Enter: a speaker lists only their quotes and goes to their first; anything else is
    /// brought to the middle of the screen.
    pub(super) fn activate(&mut self) {
        let tab = self.panel.tab;
        if tab == Tab::Speakers {
            let Some(a) = self.ann.clone() else {
                self.warn("Still analysing…");
                return;
            };
            let row = self.list_selected(tab).unwrap_or(0);
            let Some(&s) = a.speaker_order.get(row) else {
                return;
            };
            let name =
                crate::document::sanitize::for_terminal(&a.analysis.speakers[s].name).into_owned();
            match a.by_speaker[s].first() {
                Some(&q) => {
                    self.panel.filter = Some(s);
                    self.panel.tab = Tab::Quotes;
                    self.select(Item::Quote(q), Placement::Centre);
                    let key = self
                        .keymap
                        .hint(crate::tui::action::Action::ClearFilter)
                        .unwrap_or_default();
                    self.info(format!("Quotes by {name} ({key} lists everyone's)"));
                }
                None => {
                    self.select(Item::Speaker(s), Placement::Centre);
                    self.warn(format!("{name} is mentioned but not quoted"));
                }
            }
            return;
        }
        match self.current.filter(|&i| self.list_row(tab, i).is_some()) {
            Some(item) => self.select(item, Placement::Centre),
            None if self.list_len(tab) > 0 => self.select_row(0, Placement::Centre),
            None if self.ann.is_none() => self.warn("Still analysing…"),
            None => {}
        }
    }

    /// `]` `[` `}` `{`: the next or previous quote, of anyone or of the current speaker. They
    /// step through the Quotes list (one speaker's, when it is filtered), or every quote while
    /// the Speakers list is shown, and that list shows the quote.
    pub(super) fn step_quote(&mut self, forward: bool, same_speaker: bool) {
        let Some(a) = self.ann.clone() else {
            self.warn("Still analysing…");
            return;
        };
        let quotes = &a.analysis.quotes;
        let tab = match self.panel.tab {
            Tab::Speakers => Tab::Speakers,
            _ => Tab::Quotes,
        };
        let current_quote = match self.current {
            Some(Item::Quote(q)) => Some(q),
            _ => None,
        };
        let list: &[QuoteId] = if same_speaker {
            let speaker = match self.current {
                Some(Item::Quote(q)) => quotes[q].speaker,
                Some(Item::Speaker(s)) => Some(s),
                _ => self
                    .list_selected(Tab::Speakers)
                    .and_then(|r| a.speaker_order.get(r).copied()),
            };
            match speaker {
                Some(s) => &a.by_speaker[s],
                None => {
                    self.warn("This quote has no known speaker");
                    return;
                }
            }
        } else {
            self.quotes_of(tab)
        };
        // Where we are: the current item (always on screen), else the screen itself (its top
        // going forward, its bottom going back), so `G` then `[` finds the last quote.
        let visible = self.article.visible();
        let pos = match self.current.and_then(|i| self.item_span(i)) {
            Some(s) => s.start,
            None if forward => visible.start,
            None => visible.end,
        };
        let i = list.partition_point(|&x| quotes[x].span.start < pos);
        let target = if forward {
            // Skip the current quote (and any that start at the same byte before it).
            let mut j = i;
            if let Some(c) = current_quote.filter(|&c| quotes[c].span.start == pos) {
                while j < list.len() && quotes[list[j]].span.start == pos {
                    j += 1;
                    if list[j - 1] == c {
                        break;
                    }
                }
            } else if self.current.is_some() {
                // Past the item the current one is (a number, a match) at the same byte.
                while j < list.len() && quotes[list[j]].span.start == pos {
                    j += 1;
                }
            }
            list.get(j).copied()
        } else {
            i.checked_sub(1).and_then(|j| list.get(j).copied())
        };
        match target {
            Some(q) => {
                self.panel.tab = tab;
                self.select(Item::Quote(q), Placement::Centre);
            }
            None => self.info(if forward {
                "No more quotes below"
            } else {
                "No more quotes above"
            }),
        }
    }

    /// The speaker whose quotes are drawn in bold: the current one while the Speakers list has
    /// the keys.
    pub fn browsed_speaker(&self) -> Option<SpeakerId> {
        if self.panel.tab != Tab::Speakers || self.focus != Focus::Panel {
            return None;
        }
        match self.current? {
            Item::Quote(q) => self.ann.as_ref()?.analysis.quotes.get(q)?.speaker,
            Item::Speaker(s) => Some(s),
            _ => None,
        }
    }
}

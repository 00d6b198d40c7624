//! Highlights in the reader: marking the selected quote, number or text (`m`), notes (`a`),
//! removing (`d`) and undo (`u`), the Highlights list, copying with attribution (`y`), and the
//! reading position. Every change goes through the [`HighlightStore`], which saves it at once.

use super::{App, Effect, Item, Job, OpenedStore, PromptKind, Redo, Tab};
use crate::analysis::model::Span;
use crate::document::Document;
use crate::document::sanitize::for_terminal;
use crate::export::clipboard::{copy_text, osc52};
use crate::store::{
    DocumentKey, Highlight, HighlightDraft, HighlightId, HighlightStore, Origin, Undone, hash,
};
use crate::tui::action::Action;
use crate::tui::viewport::Placement;
use crate::tui::views::truncate;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Whether highlights can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreStatus {
    /// No store (no data folder given, or a preview still loading).
    Off,
    Opening,
    Ready,
    /// The store could not be opened; highlights cannot be saved.
    Failed(String),
}

/// Opens the store of `doc` in `dir` (on a job thread).
pub fn open_store(doc: &Document, dir: &Path, by_content: bool) -> Result<OpenedStore, String> {
    let key = if by_content {
        DocumentKey::Content(hash::text_hash(&doc.text))
    } else {
        DocumentKey::for_document(doc)
    };
    HighlightStore::open_keyed(dir, &key, doc)
        .map(|s| OpenedStore(Box::new(s)))
        .map_err(|e| e.to_string())
}

/// A short, one-line version of an excerpt for messages.
fn snippet(text: &str) -> String {
    let one_line: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect();
    truncate(&for_terminal(&one_line), 40)
}

/// What `y` copies and how it is described.
struct Copied {
    text: String,
    what: String,
}

impl App {
    /// Turns highlights on: stores live in `dir` (the data folder, or a test's temporary one).
    pub fn enable_store(&mut self, dir: PathBuf) {
        self.store_dir = Some(dir);
        if !self.loading {
            self.queue_store();
        }
    }

    /// Queues opening the current document's store (once its whole text is there).
    pub(super) fn queue_store(&mut self) {
        self.retain_jobs(|j| !matches!(j, Job::OpenStore { .. }));
        let Some(dir) = self.store_dir.clone() else {
            self.store_status = StoreStatus::Off;
            return;
        };
        self.store = None;
        self.hl_max_end.clear();
        self.redo.clear();
        self.store_status = StoreStatus::Opening;
        self.run(Job::OpenStore {
            generation: self.generation,
            doc: Arc::clone(&self.doc),
            dir,
            by_content: self.store_by_content,
        });
    }

    /// The store arrived: its report goes to the status bar, the reading position is restored
    /// unless the reader has already moved.
    pub(super) fn on_store(&mut self, store: Result<OpenedStore, String>) {
        match store {
            Ok(OpenedStore(store)) => {
                let messages = store.report().messages();
                tracing::info!(
                    path = %store.path().display(),
                    highlights = store.highlights().len(),
                    "highlight store opened"
                );
                if !messages.is_empty() {
                    for m in &messages {
                        tracing::warn!("{m}");
                    }
                    let mut text = messages.join(" · ");
                    if let Some(first) = text.get(..1) {
                        text = first.to_uppercase() + &text[1..];
                    }
                    self.warn(text);
                }
                let untouched = self.article.top() == 0
                    && self.current.is_none()
                    && self.selection.is_none()
                    && self.search.is_none();
                if untouched && let Some(pos) = store.reading_position() {
                    let doc = Arc::clone(&self.doc);
                    // Where the reader was, with nothing selected yet.
                    let _ = self.article.set_top(&doc.text, pos);
                }
                self.store = Some(store);
                self.store_status = StoreStatus::Ready;
                self.reindex_highlights();
            }
            Err(e) => {
                tracing::error!(error = %e, "the highlight store could not be opened");
                self.warn(format!(
                    "Highlights cannot be saved for this document: {}",
                    for_terminal(&e)
                ));
                self.store_status = StoreStatus::Failed(e);
            }
        }
    }

    /// The document's highlights in document order, orphaned ones last.
    pub fn highlights(&self) -> &[Highlight] {
        self.store.as_ref().map_or(&[], |s| s.highlights())
    }

    /// Rebuilds the index of the highlights' ends, after the store changed: drawing finds the
    /// highlights on screen by binary search, however many there are.
    pub(super) fn reindex_highlights(&mut self) {
        let list = self.store.as_ref().map_or(&[][..], |s| s.highlights());
        let live = list.partition_point(|h| !h.orphaned);
        let mut m = 0;
        self.hl_max_end = list[..live]
            .iter()
            .map(|h| {
                m = m.max(h.end);
                m
            })
            .collect();
    }

    /// The highlights (not orphaned) that overlap `range`, in document order.
    pub fn highlights_in(&self, range: Span) -> impl Iterator<Item = &Highlight> {
        let list = self.highlights();
        // The index is rebuilt on every change; should it lag, nothing past it is drawn.
        let live = self.hl_max_end.len().min(list.len());
        let first = self.hl_max_end[..live].partition_point(|&e| e <= range.start);
        list[first..live]
            .iter()
            .take_while(move |h| h.start < range.end)
            .filter(move |h| !h.orphaned && h.end > range.start)
    }

    /// The highlight of exactly `span`, if any.
    pub fn highlight_with_span(&self, span: Span) -> Option<HighlightId> {
        let list = self.highlights();
        let live = self.hl_max_end.len().min(list.len());
        let i = list[..live].partition_point(|h| (h.start, h.end) < (span.start, span.end));
        list[i..live]
            .iter()
            .take_while(|h| (h.start, h.end) == (span.start, span.end))
            .find(|h| !h.orphaned)
            .map(|h| h.id)
    }

    /// The store, or a message saying why there is none.
    fn store_or_say(&mut self) -> Option<&mut HighlightStore> {
        let why = match &self.store_status {
            StoreStatus::Ready => None,
            StoreStatus::Opening => Some("The highlights are still being opened; try again".into()),
            StoreStatus::Off if self.loading => {
                Some("Highlights can be made once the whole file has loaded".to_string())
            }
            StoreStatus::Off => Some("Highlights are off in this session".to_string()),
            StoreStatus::Failed(e) => Some(format!(
                "Highlights cannot be saved for this document: {}",
                for_terminal(e)
            )),
        };
        if let Some(why) = why {
            self.warn(why);
            return None;
        }
        self.store.as_deref_mut()
    }

    /// A failed save: the change is kept in memory and the next change retries.
    fn save_failed(&mut self, e: crate::store::StoreError) {
        tracing::error!(error = %e, "saving highlights failed");
        self.warn(format!(
            "Could not save the highlights ({}); the change is kept for this session and saving \
             is retried with the next change",
            for_terminal(&e.to_string())
        ));
    }

    /// The words of the current item a highlight of it covers: a quote's words inside its
    /// marks, a number, a match.
    fn marked_span(&self, item: Item) -> Option<Span> {
        match item {
            Item::Quote(q) => self.ann.as_ref()?.analysis.quotes.get(q).map(|q| q.content),
            Item::Number(_) | Item::Hit(_) => self.item_span(item),
            Item::Highlight(_) | Item::Speaker(_) | Item::Chapter(_) => None,
        }
    }

    /// The highlight the keys `a` and `d` act on: that of the text selection, else the current
    /// item when it is a highlight or is highlighted.
    pub fn selected_highlight(&self) -> Option<HighlightId> {
        let store = self.store.as_ref()?;
        if let Some(span) = self.selection_span() {
            return self.highlight_with_span(span);
        }
        match self.current? {
            Item::Highlight(id) => store.get(id).map(|h| h.id),
            item => self.highlight_with_span(self.marked_span(item)?),
        }
    }

    /// The speaker of a speech quote that holds all of `span`.
    fn speaker_around(&self, span: Span) -> Option<String> {
        let a = self.ann.as_ref()?;
        let q = a.quote_at(span.start)?;
        let quote = &a.analysis.quotes[q];
        if !quote.span.covers(span) {
            return None;
        }
        let s = quote.speaker?;
        Some(a.analysis.speakers.get(s)?.name.clone())
    }

    /// A highlight draft of free text, with the speaker of the quote around it.
    fn text_draft(&self, span: Span) -> Result<HighlightDraft, crate::store::StoreError> {
        let speaker = self.speaker_around(span);
        HighlightDraft::new(&self.doc.text, span).map(|d| match speaker {
            Some(s) => d.speaker(s),
            None => d,
        })
    }

    /// The draft for what `m` marks now, or a message saying what to select.
    fn draft(&mut self) -> Option<HighlightDraft> {
        let text = &self.doc.text;
        let result = match (self.selection_span(), self.current, &self.ann) {
            (Some(span), _, _) => self.text_draft(span),
            (None, Some(Item::Number(i)), Some(a)) => {
                HighlightDraft::for_number(text, &a.analysis, i)
            }
            (None, Some(Item::Quote(q)), Some(a)) => {
                HighlightDraft::for_quote(text, &a.analysis, q)
            }
            (None, Some(item @ Item::Hit(_)), _) => {
                let span = self.item_span(item)?;
                self.text_draft(span)
            }
            _ => {
                let sel = self.keymap.hint(Action::Select).unwrap_or_default();
                let next = self.keymap.hint(Action::NextQuote).unwrap_or_default();
                self.info(format!(
                    "Nothing selected to highlight: {next} selects a quote, {sel} starts a text \
                     selection"
                ));
                return None;
            }
        };
        match result {
            Ok(d) => Some(d),
            Err(e) => {
                self.warn(format!("Cannot highlight this: {e}"));
                None
            }
        }
    }

    /// `m`: highlights the current quote, number, match or text selection; on a highlight,
    /// removes it.
    pub(super) fn mark(&mut self) {
        if self.selection.is_none() && matches!(self.current, Some(Item::Highlight(_))) {
            self.delete_highlight();
            return;
        }
        if self.store_or_say().is_none() {
            return;
        }
        let Some(draft) = self.draft() else { return };
        let existing = self.highlight_with_span(draft.span);
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        let was_selection = self.selection.take().is_some();
        self.redo.clear();
        if let Some(id) = existing {
            let result = store.remove(id);
            self.reindex_highlights();
            match result {
                Ok(h) => {
                    tracing::info!(id, "highlight removed");
                    let undo = self.keymap.hint(Action::Undo).unwrap_or_default();
                    self.info(format!(
                        "Highlight removed: “{}” ({undo} undoes)",
                        snippet(&h.text)
                    ));
                }
                Err(e) => self.save_failed(e),
            }
            return;
        }
        let (text, speaker, origin) = (draft.text.clone(), draft.speaker.clone(), draft.origin);
        let added = store.add(draft);
        self.reindex_highlights();
        match added {
            Ok(id) => {
                tracing::info!(id, origin = origin.as_str(), "highlight added");
                let note = self.keymap.hint(Action::Note).unwrap_or_default();
                let who = speaker
                    .map(|s| format!(" — {}", for_terminal(&s)))
                    .unwrap_or_default();
                let what = if was_selection { " the selection" } else { "" };
                self.info(format!(
                    "Highlighted{what}: “{}”{who} ({note} adds a note)",
                    snippet(&text)
                ));
            }
            Err(e) => self.save_failed(e),
        }
    }

    /// `a`: opens the note of the selected highlight for editing (highlighting the current
    /// quote, number, match or text first if it is not yet).
    pub(super) fn note(&mut self) {
        if self.store_or_say().is_none() {
            return;
        }
        let id = match self.selected_highlight() {
            Some(id) => id,
            None => {
                let Some(draft) = self.draft() else { return };
                let Some(store) = self.store.as_deref_mut() else {
                    return;
                };
                self.selection = None;
                self.redo.clear();
                let added = store.add(draft);
                self.reindex_highlights();
                match added {
                    Ok(id) => id,
                    Err(e) => return self.save_failed(e),
                }
            }
        };
        let current = self
            .store
            .as_ref()
            .and_then(|s| s.get(id))
            .and_then(|h| h.note.clone())
            .unwrap_or_default();
        self.selection = None;
        self.prompt(PromptKind::Note(id), current);
    }

    /// Enter in the note prompt: saves the note (an empty one removes it).
    pub(super) fn submit_note(&mut self, id: HighlightId, text: String) {
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        let empty = text.trim().is_empty();
        self.redo.clear();
        match store.set_note(id, text) {
            Ok(()) => {
                let undo = self.keymap.hint(Action::Undo).unwrap_or_default();
                self.info(if empty {
                    format!("Note removed ({undo} undoes)")
                } else {
                    format!("Note saved ({undo} undoes)")
                });
            }
            Err(e) => self.save_failed(e),
        }
    }

    /// `d`: removes the selected highlight. In the Highlights list the next one is selected.
    pub(super) fn delete_highlight(&mut self) {
        if self.store_or_say().is_none() {
            return;
        }
        let Some(id) = self.selected_highlight() else {
            let tab = self.keymap.hint(Action::ShowHighlights).unwrap_or_default();
            self.info(format!(
                "No highlight selected: pick one in the Highlights list ({tab}) or select a \
                 highlighted quote"
            ));
            return;
        };
        let in_list = self.current == Some(Item::Highlight(id));
        // The list keeps its place: the next highlight (or the previous one) is selected.
        let list = self.highlights();
        let at = list.iter().position(|h| h.id == id);
        let next = at.and_then(|i| {
            list.get(i + 1)
                .or_else(|| i.checked_sub(1).and_then(|p| list.get(p)))
        });
        let next = next.map(|h| h.id);
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        self.redo.clear();
        let removed = store.remove(id);
        self.reindex_highlights();
        match removed {
            Ok(h) => {
                tracing::info!(id, "highlight removed");
                if in_list {
                    self.current = None;
                    if let Some(next) = next {
                        self.select(Item::Highlight(next), Placement::Nearest);
                    }
                }
                let undo = self.keymap.hint(Action::Undo).unwrap_or_default();
                self.info(format!(
                    "Highlight removed: “{}” ({undo} undoes)",
                    snippet(&h.text)
                ));
            }
            Err(e) => self.save_failed(e),
        }
    }

    /// `u`: undoes the last highlight change of this session; `Ctrl-R` can make it again.
    pub(super) fn undo(&mut self) {
        let before: Vec<Highlight> = self.highlights().to_vec();
        let Some(store) = self.store_or_say() else {
            return;
        };
        let undone = store.undo();
        self.reindex_highlights();
        let old = |id: HighlightId| before.iter().find(|h| h.id == id).cloned();
        match undone {
            Ok(Some(done)) => {
                tracing::info!(?done, "undone");
                let (text, redo, shown) = match done {
                    Undone::Unmarked(id) => (
                        "Undone: the highlight is gone again",
                        old(id).map(|h| Redo::Mark(Box::new(h))),
                        None,
                    ),
                    Undone::Restored(id) => (
                        "Undone: the highlight is back",
                        Some(Redo::Remove(id)),
                        Some(id),
                    ),
                    Undone::Note(id) => (
                        "Undone: the note is as it was",
                        old(id).map(|h| Redo::Note(id, h.note)),
                        Some(id),
                    ),
                };
                self.redo.extend(redo);
                if let Some(id) = shown.filter(|_| self.panel.tab == Tab::Highlights) {
                    self.select(Item::Highlight(id), Placement::Nearest);
                }
                let key = self.keymap.hint(Action::Redo).unwrap_or_default();
                self.info(format!("{text} ({key} redoes)"));
            }
            Ok(None) => self.info("Nothing to undo"),
            Err(e) => self.save_failed(e),
        }
    }

    /// `Ctrl-R`: makes again the last change `u` took back.
    pub(super) fn redo(&mut self) {
        if self.store_or_say().is_none() {
            return;
        }
        let Some(step) = self.redo.pop() else {
            self.info("Nothing to redo");
            return;
        };
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        let result = match step {
            Redo::Mark(h) => {
                let old = h.id;
                let draft = HighlightDraft {
                    span: Span::new(h.start, h.end),
                    text: h.text,
                    prefix: h.prefix,
                    suffix: h.suffix,
                    origin: h.origin,
                    speaker: h.speaker,
                    note: h.note,
                };
                store.add(draft).map(|id| {
                    // Later steps name the highlight by its old id.
                    for r in &mut self.redo {
                        match r {
                            Redo::Remove(x) | Redo::Note(x, _) if *x == old => *x = id,
                            _ => {}
                        }
                    }
                    "Redone: highlighted again"
                })
            }
            Redo::Remove(id) => store.remove(id).map(|_| "Redone: the highlight is removed"),
            Redo::Note(id, note) => store
                .set_note(id, note.unwrap_or_default())
                .map(|()| "Redone: the note is back"),
        };
        self.reindex_highlights();
        match result {
            Ok(text) => {
                tracing::info!("redone");
                self.info(text);
            }
            Err(e) => self.save_failed(e),
        }
    }

    /// What `y` copies: the text selection, else the current item — each with its speaker.
    fn what_to_copy(&self) -> Option<Copied> {
        let text = self.doc.text.as_str();
        let words_with_speaker = |span: Span, what: &str| {
            let words = span.text(text).trim().to_string();
            let copied = match self.speaker_around(span) {
                Some(s) => copy_text(&words, Some(&s)),
                None => words.clone(),
            };
            Copied {
                text: copied,
                what: format!("{what}“{}”", snippet(&words)),
            }
        };
        if let Some(span) = self.selection_span() {
            return Some(words_with_speaker(span, ""));
        }
        match self.current? {
            Item::Highlight(id) => {
                let h = self.store.as_ref()?.get(id)?;
                Some(Copied {
                    text: match (&h.speaker, h.origin) {
                        (None, Origin::Selection | Origin::Number) => h.text.trim().to_string(),
                        (s, _) => copy_text(&h.text, s.as_deref()),
                    },
                    what: format!("the highlight “{}”", snippet(&h.text)),
                })
            }
            Item::Number(i) => {
                let a = self.ann.as_ref()?;
                let n = a.analysis.numbers.get(i)?;
                let who = n.source.and_then(|s| a.analysis.speakers.get(s));
                let words = n.span.text(text).to_string();
                Some(Copied {
                    text: match who {
                        Some(s) => copy_text(&words, Some(&s.name)),
                        None => words.clone(),
                    },
                    what: format!("the number “{}”", snippet(&words)),
                })
            }
            Item::Quote(q) => {
                let a = self.ann.as_ref()?;
                let q = a.analysis.quotes.get(q)?;
                let who = q.speaker.and_then(|s| a.analysis.speakers.get(s));
                let words = q.content.text(text);
                Some(Copied {
                    text: copy_text(words, who.map(|s| s.name.as_str())),
                    what: format!(
                        "“{}”{}",
                        snippet(words),
                        who.map(|s| format!(" — {}", for_terminal(&s.name)))
                            .unwrap_or_default()
                    ),
                })
            }
            item @ Item::Hit(_) => Some(words_with_speaker(self.item_span(item)?, "the match ")),
            Item::Speaker(_) | Item::Chapter(_) => None,
        }
    }

    /// `y`: copies with OSC 52 (written to the terminal by the event loop, wrapped for tmux) and,
    /// where there is one and not over SSH, the native clipboard.
    pub(super) fn copy(&mut self) {
        let Some(c) = self.what_to_copy() else {
            let next = self.keymap.hint(Action::NextQuote).unwrap_or_default();
            let sel = self.keymap.hint(Action::Select).unwrap_or_default();
            self.info(format!(
                "Nothing selected to copy: {next} selects a quote, {sel} starts a text selection"
            ));
            return;
        };
        self.selection = None;
        self.effects
            .push(Effect::Write(osc52(&c.text, &self.clipboard)));
        if !self.clipboard.native_tools().is_empty() {
            self.run(Job::CopyNative {
                text: c.text.clone(),
                env: self.clipboard.clone(),
            });
        }
        tracing::info!(chars = c.text.chars().count(), "copied");
        self.info(format!("Copied {} (OSC 52)", c.what));
    }

    /// The native clipboard's answer: a note in the status bar if it is still about the copy.
    pub(super) fn on_copied(&mut self, r: Result<&'static str, String>) {
        match r {
            Ok(tool) => {
                tracing::info!(tool, "copied with the native clipboard");
                if let Some(m) = &mut self.message
                    && m.text.starts_with("Copied ")
                    && m.text.ends_with("(OSC 52)")
                {
                    m.text.truncate(m.text.len() - "(OSC 52)".len());
                    m.text.push_str(&format!("(OSC 52 and {tool})"));
                }
            }
            Err(e) => tracing::warn!(error = %e, "native clipboard failed; OSC 52 only"),
        }
    }

    /// Saves where the reader is (on quit, and when leaving a document for the library). A
    /// document never scrolled and with no saved position writes nothing.
    pub fn save_position(&mut self) {
        if self.loading {
            return;
        }
        let top = self.article.top();
        let doc = Arc::clone(&self.doc);
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        if top == 0 && store.reading_position().is_none() {
            return;
        }
        match store.set_reading_position(&doc.text, top) {
            Ok(()) => tracing::info!(top, "reading position saved"),
            Err(e) => tracing::error!(error = %e, "the reading position could not be saved"),
        }
    }
}

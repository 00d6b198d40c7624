//! Highlights in the reader: marking the selected quote, number or text (`m`), notes (`a`),
//! removing (`d`) and undo (`u`), the Highlights list, copying with attribution (`y`), and the
//! reading position. Every change goes through the [`HighlightStore`], which saves it at once.

use super::{App, Focus, Job, OpenedStore, PromptKind, Tab};
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
        self.jobs.retain(|j| !matches!(j, Job::OpenStore { .. }));
        let Some(dir) = self.store_dir.clone() else {
            self.store_status = StoreStatus::Off;
            return;
        };
        self.store = None;
        self.hl_max_end.clear();
        self.store_status = StoreStatus::Opening;
        self.jobs.push(Job::OpenStore {
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
                let untouched = self.view.top == 0
                    && self.current_quote.is_none()
                    && self.selection.is_none()
                    && self.search.is_none();
                if untouched && let Some(pos) = store.reading_position() {
                    let doc = Arc::clone(&self.doc);
                    self.view.set_top(&mut self.rows, &doc.text, pos);
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

    /// The highlight covering byte `pos`, if any (the shortest one).
    pub fn highlight_at(&self, pos: usize) -> Option<HighlightId> {
        self.highlights_in(Span::new(pos, pos + 1))
            .min_by_key(|h| h.end - h.start)
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

    /// The highlight the keys `a` and `d` act on: the one selected in the Highlights list when
    /// it has the keyboard; else that of the text selection, the selected number or the selected
    /// quote; else the last one picked, if it is on screen.
    pub fn selected_highlight(&mut self) -> Option<HighlightId> {
        let store = self.store.as_ref()?;
        let exists = |id: HighlightId| store.get(id).is_some();
        if self.tab == Tab::Highlights && self.focus == Focus::Panel {
            return self.hl_sel.filter(|&id| exists(id));
        }
        if let Some(span) = self.selection_span() {
            return self.highlight_with_span(span);
        }
        if let Some(n) = self.selected_number() {
            return self.highlight_with_span(n);
        }
        if let Some(span) = self.current_quote_content() {
            return self.highlight_with_span(span);
        }
        let id = self.hl_sel.filter(|&id| exists(id))?;
        let span = store.get(id)?.span()?;
        let shown = self.shown();
        span.overlaps(shown).then_some(id)
    }

    /// The selected number's span, when the Numbers list has the keyboard.
    fn selected_number(&self) -> Option<Span> {
        if self.tab != Tab::Numbers || self.focus != Focus::Panel {
            return None;
        }
        let a = self.ann.as_ref()?;
        a.analysis.numbers.get(self.number_sel).map(|n| n.span)
    }

    /// The words of the selected quote (inside its marks).
    fn current_quote_content(&self) -> Option<Span> {
        let a = self.ann.as_ref()?;
        a.analysis
            .quotes
            .get(self.current_quote?)
            .map(|q| q.content)
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

    /// The draft for what `m` marks now, or a message saying what to select.
    fn draft(&mut self) -> Option<HighlightDraft> {
        let text = &self.doc.text;
        let result = if let Some(span) = self.selection_span() {
            let speaker = self.speaker_around(span);
            HighlightDraft::new(text, span).map(|d| match speaker {
                Some(s) => d.speaker(s),
                None => d,
            })
        } else if let (Some(_), Some(a)) = (self.selected_number(), &self.ann) {
            HighlightDraft::for_number(text, &a.analysis, self.number_sel)
        } else if let (Some(q), Some(a)) = (self.current_quote, &self.ann) {
            HighlightDraft::for_quote(text, &a.analysis, q)
        } else {
            let sel = self.keymap.hint(Action::Select).unwrap_or_default();
            let next = self.keymap.hint(Action::NextQuote).unwrap_or_default();
            self.info(format!(
                "Nothing selected to highlight: {next} selects a quote, {sel} starts a text selection"
            ));
            return None;
        };
        match result {
            Ok(d) => Some(d),
            Err(e) => {
                self.warn(format!("Cannot highlight this: {e}"));
                None
            }
        }
    }

    /// `m`: highlights the selected quote, number or text; on a highlight, removes it.
    pub(super) fn mark(&mut self) {
        if self.tab == Tab::Highlights && self.focus == Focus::Panel && self.selection.is_none() {
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
                self.hl_sel = Some(id);
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

    /// `a`: opens the note of the selected highlight for editing (highlighting the selected
    /// quote, number or text first if it is not yet).
    pub(super) fn note(&mut self) {
        if self.store_or_say().is_none() {
            return;
        }
        let id = match self.selected_highlight() {
            Some(id) => id,
            None => {
                if self.tab == Tab::Highlights && self.focus == Focus::Panel {
                    self.info("No highlight selected");
                    return;
                }
                let Some(draft) = self.draft() else { return };
                let Some(store) = self.store.as_deref_mut() else {
                    return;
                };
                self.selection = None;
                let added = store.add(draft);
                self.reindex_highlights();
                match added {
                    Ok(id) => id,
                    Err(e) => return self.save_failed(e),
                }
            }
        };
        self.hl_sel = Some(id);
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

    /// `d`: removes the selected highlight.
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
        let removed = store.remove(id);
        self.reindex_highlights();
        match removed {
            Ok(h) => {
                tracing::info!(id, "highlight removed");
                self.hl_sel = next;
                let undo = self.keymap.hint(Action::Undo).unwrap_or_default();
                self.info(format!(
                    "Highlight removed: “{}” ({undo} undoes)",
                    snippet(&h.text)
                ));
            }
            Err(e) => self.save_failed(e),
        }
    }

    /// `u`: undoes the last highlight change of this session.
    pub(super) fn undo(&mut self) {
        let Some(store) = self.store_or_say() else {
            return;
        };
        let undone = store.undo();
        self.reindex_highlights();
        match undone {
            Ok(Some(done)) => {
                tracing::info!(?done, "undone");
                let text = match done {
                    Undone::Unmarked(_) => "Undone: the highlight is gone again",
                    Undone::Restored(id) => {
                        self.hl_sel = Some(id);
                        "Undone: the highlight is back"
                    }
                    Undone::Note(id) => {
                        self.hl_sel = Some(id);
                        "Undone: the note is as it was"
                    }
                };
                self.info(text);
            }
            Ok(None) => self.info("Nothing to undo"),
            Err(e) => self.save_failed(e),
        }
    }

    /// Picks row `i` of the Highlights list and shows it in the article.
    pub(super) fn select_highlight(&mut self, i: usize, placement: Placement) {
        let Some(h) = self.highlights().get(i) else {
            return;
        };
        let (id, span) = (h.id, h.span());
        self.hl_sel = Some(id);
        match span {
            Some(span) => {
                // A highlighted quote becomes the selected quote too, so both lists agree.
                self.current_quote = self.ann.as_ref().and_then(|a| {
                    let q = a.quote_at(span.start)?;
                    (a.analysis.quotes[q].content == span).then_some(q)
                });
                self.bring_into_view(span, placement);
            }
            None => {
                self.current_quote = None;
                self.warn("Orphaned: its text is no longer in the document (kept, and exported)");
            }
        }
    }

    /// What `y` copies: the text selection, the highlight picked in the list, the selected
    /// number, or the selected quote — each with its speaker.
    fn what_to_copy(&mut self) -> Option<Copied> {
        let text = Arc::clone(&self.doc);
        let text = text.text.as_str();
        if let Some(span) = self.selection_span() {
            let words = span.text(text).trim().to_string();
            let copied = match self.speaker_around(span) {
                Some(s) => copy_text(&words, Some(&s)),
                None => words.clone(),
            };
            return Some(Copied {
                text: copied,
                what: format!("“{}”", snippet(&words)),
            });
        }
        if self.tab == Tab::Highlights
            && self.focus == Focus::Panel
            && let Some(h) = self
                .hl_sel
                .and_then(|id| self.store.as_ref()?.get(id).cloned())
        {
            return Some(Copied {
                text: match (&h.speaker, h.origin) {
                    (None, Origin::Selection | Origin::Number) => h.text.trim().to_string(),
                    (s, _) => copy_text(&h.text, s.as_deref()),
                },
                what: format!("the highlight “{}”", snippet(&h.text)),
            });
        }
        let a = self.ann.clone()?;
        if let Some(span) = self.selected_number() {
            let n = a.analysis.numbers.get(self.number_sel)?;
            let who = n.source.and_then(|s| a.analysis.speakers.get(s));
            let words = span.text(text).to_string();
            return Some(Copied {
                text: match who {
                    Some(s) => copy_text(&words, Some(&s.name)),
                    None => words.clone(),
                },
                what: format!("the number “{}”", snippet(&words)),
            });
        }
        let q = a.analysis.quotes.get(self.current_quote?)?;
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
        self.terminal_out
            .extend_from_slice(&osc52(&c.text, &self.clipboard));
        if !self.clipboard.native_tools().is_empty() {
            self.jobs.push(Job::CopyNative {
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

    /// Bytes for the terminal besides the frame (OSC 52), taken by the event loop.
    pub fn take_terminal_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.terminal_out)
    }

    /// Saves where the reader is (on quit, and when leaving a document for the library). A
    /// document never scrolled and with no saved position writes nothing.
    pub fn save_position(&mut self) {
        if self.loading {
            return;
        }
        let top = self.view.top;
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

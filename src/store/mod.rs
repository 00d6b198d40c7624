//! Highlights and reading positions that last: one JSON file per document, saved atomically on
//! every change, re-anchored by their text when the document changes.
//!
//! ```no_run
//! # fn main() -> Result<(), quotelens::store::StoreError> {
//! use quotelens::store::{HighlightDraft, HighlightStore};
//! let doc = quotelens::document::Document::from_text("He said: “Yes.”", Default::default());
//! let analysis = quotelens::analyze(&doc);
//! let mut store = HighlightStore::open(&doc)?;
//! let id = store.add(HighlightDraft::for_quote(&doc.text, &analysis, 0)?)?;
//! store.set_note(id, "check the date")?;
//! store.remove(id)?;
//! store.undo()?; // the highlight is back, with its note
//! # Ok(()) }
//! ```

mod anchor;
mod disk;
mod error;
pub mod hash;
mod model;
mod paths;
pub mod time;

pub use anchor::CONTEXT_CHARS;
pub use error::StoreError;
pub use model::{
    DocumentRecord, Highlight, HighlightDraft, HighlightId, Origin, PositionRecord, SCHEMA,
    StoreFile,
};
pub use paths::{DocumentKey, default_data_dir, store_path};

use crate::analysis::model::Span;
use crate::document::Document;
use disk::OnDisk;
use std::path::{Path, PathBuf};

/// A store file that could not be read and was renamed so that nothing overwrites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedAside {
    pub path: PathBuf,
    pub reason: String,
}

/// What opening (and saving) found, for the reader to tell the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// The document text differs from the text the highlights were saved with.
    pub text_changed: bool,
    /// Highlights found again at another place in the changed text.
    pub reanchored: usize,
    /// Highlights whose text is no longer in the document. They stay in the file, are listed
    /// and exported, and are found again if the text comes back.
    pub orphaned: Vec<HighlightId>,
    /// Unreadable store files that were moved aside.
    pub moved_aside: Vec<MovedAside>,
}

impl OpenReport {
    /// One line per thing the user should know.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for m in &self.moved_aside {
            out.push(format!(
                "the saved highlights could not be read ({}); the file was moved to {} and a new one started",
                m.reason,
                m.path.display()
            ));
        }
        if self.reanchored > 0 {
            out.push(format!(
                "the document changed; {} highlight(s) were found again at a new place",
                self.reanchored
            ));
        }
        if !self.orphaned.is_empty() {
            out.push(format!(
                "{} highlight(s) could not be found in the changed document; they are kept and listed as orphaned",
                self.orphaned.len()
            ));
        }
        out
    }
}

/// What `undo` reverted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undone {
    /// A highlight that had just been added was removed again.
    Unmarked(HighlightId),
    /// A removed highlight is back.
    Restored(HighlightId),
    /// A note got its previous text back.
    Note(HighlightId),
}

enum Step {
    Added(HighlightId),
    Removed(Highlight),
    Note {
        id: HighlightId,
        old: Option<String>,
    },
}

/// The highlights and reading position of one document. Every change is saved before the call
/// returns; if saving fails the change is kept in memory and the error says so.
pub struct HighlightStore {
    path: PathBuf,
    file: StoreFile,
    text_hash: String,
    /// The revision this process last read or wrote; a different one on disk means another
    /// process saved in between, and its highlights are merged in.
    base_revision: u64,
    position: Option<usize>,
    position_changed: bool,
    undo: Vec<Step>,
    /// Highlights removed in this session, so that a merge does not bring them back.
    removed: Vec<Highlight>,
    dirty: bool,
    report: OpenReport,
}

impl HighlightStore {
    /// Opens the store of a document in the default data folder (`$XDG_DATA_HOME/quotelens`).
    pub fn open(doc: &Document) -> Result<Self, StoreError> {
        Self::open_in(&default_data_dir()?, doc)
    }

    /// Opens the store of a document in `data_dir` (tests use a temporary folder).
    pub fn open_in(data_dir: &Path, doc: &Document) -> Result<Self, StoreError> {
        Self::open_keyed(data_dir, &DocumentKey::for_document(doc), doc)
    }

    /// Opens the store for an explicit identity: the reader uses `DocumentKey::Content` for the
    /// bundled sample, which is not a file.
    pub fn open_keyed(
        data_dir: &Path,
        key: &DocumentKey,
        doc: &Document,
    ) -> Result<Self, StoreError> {
        Self::open_file(store_path(data_dir, key), doc)
    }

    /// Opens (or prepares, without writing) the store file at `path` for `doc`. Nothing is
    /// written until the first change.
    pub fn open_file(path: PathBuf, doc: &Document) -> Result<Self, StoreError> {
        paths::remove_abandoned_temporaries(&path);
        let text_hash = hash::text_hash(&doc.text);
        let mut report = OpenReport::default();
        let record = DocumentRecord {
            source: doc.meta.source.clone(),
            title: doc.meta.title.clone(),
            text_hash: text_hash.clone(),
            bytes: doc.text.len(),
            extra: Default::default(),
        };
        let (file, base_revision) = match disk::read(&path)? {
            OnDisk::Missing => (StoreFile::new(record), 0),
            OnDisk::Parsed(f) => {
                let revision = f.revision;
                (*f, revision)
            }
            OnDisk::Corrupt(reason) => {
                let aside = disk::move_aside(&path)?;
                report.moved_aside.push(MovedAside {
                    path: aside,
                    reason,
                });
                (StoreFile::new(record), 0)
            }
        };
        let mut store = HighlightStore {
            path,
            file,
            text_hash,
            base_revision,
            position: None,
            position_changed: false,
            undo: Vec::new(),
            removed: Vec::new(),
            dirty: false,
            report,
        };
        store.reanchor(doc);
        Ok(store)
    }

    /// Fits the saved highlights and position to the document's current text.
    fn reanchor(&mut self, doc: &Document) {
        let text = doc.text.as_str();
        let same_text = self.file.document.text_hash == self.text_hash;
        self.report.text_changed = !same_text;
        // How much the text grew or shrank: where a highlight moved if the edit was before it.
        let shift = text.len() as isize - self.file.document.bytes as isize;
        for h in &mut self.file.highlights {
            let span = Span::new(h.start, h.end);
            let in_place = !h.orphaned
                && if same_text {
                    text.get(span.start..span.end) == Some(h.text.as_str())
                } else {
                    h.anchor().fits(text, span)
                };
            if in_place {
                continue;
            }
            match h.anchor().locate_shifted(text, shift) {
                Some(found) => {
                    h.place(text, found);
                    self.report.reanchored += 1;
                    self.dirty = true;
                }
                None => {
                    if !h.orphaned {
                        h.orphaned = true;
                        self.dirty = true;
                    }
                    self.report.orphaned.push(h.id);
                }
            }
        }
        self.position = self
            .file
            .reading_position
            .as_ref()
            .map(|p| p.resolve(text, &self.text_hash));
        let d = &mut self.file.document;
        if !same_text || d.source != doc.meta.source || d.title != doc.meta.title {
            d.source.clone_from(&doc.meta.source);
            d.title.clone_from(&doc.meta.title);
            d.text_hash.clone_from(&self.text_hash);
            d.bytes = text.len();
            self.dirty = true;
        }
        sort(&mut self.file.highlights);
    }

    /// The store file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What opening found: re-anchored and orphaned highlights, files moved aside.
    pub fn report(&self) -> &OpenReport {
        &self.report
    }

    /// All highlights in document order; orphaned ones last.
    pub fn highlights(&self) -> &[Highlight] {
        &self.file.highlights
    }

    pub fn get(&self, id: HighlightId) -> Option<&Highlight> {
        self.file.highlights.iter().find(|h| h.id == id)
    }

    /// Highlights whose text is no longer in the document.
    pub fn orphans(&self) -> impl Iterator<Item = &Highlight> {
        self.file.highlights.iter().filter(|h| h.orphaned)
    }

    /// Highlights overlapping `span` (for drawing the visible part of the article).
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Highlight> {
        self.file
            .highlights
            .iter()
            .filter(move |h| h.span().is_some_and(|s| s.overlaps(span)))
    }

    /// The highlight covering exactly `span`, if any (to toggle a quote's highlight).
    pub fn find(&self, span: Span) -> Option<HighlightId> {
        self.file
            .highlights
            .iter()
            .find(|h| h.span() == Some(span))
            .map(|h| h.id)
    }

    /// The reading position saved last time, fitted to the current text.
    pub fn reading_position(&self) -> Option<usize> {
        self.position
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when a change has not reached the disk (the last save failed, or opening
    /// re-anchored highlights); `save` retries.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Adds a highlight and saves. Marking the same span twice returns the existing id.
    pub fn add(&mut self, draft: HighlightDraft) -> Result<HighlightId, StoreError> {
        if let Some(id) = self.find(draft.span) {
            return Ok(id);
        }
        let id = self.file.next_id;
        self.file.next_id += 1;
        let h = draft.into_highlight(id, time::now_rfc3339());
        self.file.highlights.push(h);
        sort(&mut self.file.highlights);
        self.undo.push(Step::Added(id));
        self.changed()?;
        Ok(id)
    }

    /// Removes a highlight (orphaned or not) and saves; `undo` brings it back.
    pub fn remove(&mut self, id: HighlightId) -> Result<Highlight, StoreError> {
        let h = self.take(id)?;
        self.undo.push(Step::Removed(h.clone()));
        self.changed()?;
        Ok(h)
    }

    /// Sets (or, with an empty text, clears) a highlight's note and saves.
    pub fn set_note(&mut self, id: HighlightId, note: impl Into<String>) -> Result<(), StoreError> {
        let note = model::normalize_note(note.into());
        let h = self
            .file
            .highlights
            .iter_mut()
            .find(|h| h.id == id)
            .ok_or(StoreError::NotFound(id))?;
        if h.note == note {
            return Ok(());
        }
        let old = std::mem::replace(&mut h.note, note);
        self.undo.push(Step::Note { id, old });
        self.changed()
    }

    /// Reverts the last add, remove or note change of this session and saves. `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Undone>, StoreError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let done = match step {
            Step::Added(id) => {
                // Already gone (removed since) is fine: the add is undone either way.
                let _ = self.take(id);
                Undone::Unmarked(id)
            }
            Step::Removed(h) => {
                let id = h.id;
                self.removed.retain(|r| !r.same_as(&h));
                self.file.highlights.push(h);
                sort(&mut self.file.highlights);
                Undone::Restored(id)
            }
            Step::Note { id, old } => {
                if let Some(h) = self.file.highlights.iter_mut().find(|h| h.id == id) {
                    h.note = old;
                }
                Undone::Note(id)
            }
        };
        self.changed()?;
        Ok(Some(done))
    }

    /// Remembers where the user is reading (a byte offset into `text`, the document's current
    /// text) and saves. Saving syncs to disk, so call it when leaving a document, not per scroll.
    pub fn set_reading_position(&mut self, text: &str, byte: usize) -> Result<(), StoreError> {
        let record = PositionRecord::at(text, &self.text_hash, byte);
        if self.position == Some(record.offset)
            && self
                .file
                .reading_position
                .as_ref()
                .is_some_and(|p| p.text_hash == self.text_hash)
        {
            return Ok(());
        }
        self.position = Some(record.offset);
        self.file.reading_position = Some(record);
        self.position_changed = true;
        self.changed()
    }

    fn take(&mut self, id: HighlightId) -> Result<Highlight, StoreError> {
        let i = self
            .file
            .highlights
            .iter()
            .position(|h| h.id == id)
            .ok_or(StoreError::NotFound(id))?;
        let h = self.file.highlights.remove(i);
        self.removed.push(h.clone());
        Ok(h)
    }

    fn changed(&mut self) -> Result<(), StoreError> {
        self.dirty = true;
        self.save()
    }

    /// Writes the store now (every change already does; this retries after a failed save).
    /// Highlights another quotelens process saved meanwhile are merged in first.
    pub fn save(&mut self) -> Result<(), StoreError> {
        let mut base = self.base_revision;
        match disk::read(&self.path)? {
            OnDisk::Missing => {}
            OnDisk::Parsed(on_disk) => {
                if on_disk.revision != self.base_revision {
                    base = base.max(on_disk.revision);
                    self.merge(*on_disk);
                }
            }
            OnDisk::Corrupt(reason) => {
                let aside = disk::move_aside(&self.path)?;
                self.report.moved_aside.push(MovedAside {
                    path: aside,
                    reason,
                });
            }
        }
        self.file.revision = base + 1;
        disk::write(&self.path, &self.file)?;
        self.base_revision = self.file.revision;
        self.dirty = false;
        Ok(())
    }

    /// Takes in what another process saved: highlights this one does not have (and did not
    /// remove) are added; on an id clash the newcomer gets a new id; ours win otherwise.
    fn merge(&mut self, other: StoreFile) {
        let foreign_text = other.document.text_hash != self.text_hash;
        let mut next_id = self.file.next_id.max(other.next_id);
        for mut h in other.highlights {
            let known = self.file.highlights.iter().any(|o| o.same_as(&h))
                || self.removed.iter().any(|r| r.same_as(&h));
            if known {
                continue;
            }
            if self.file.highlights.iter().any(|o| o.id == h.id) {
                h.id = next_id;
                next_id += 1;
            }
            // Offsets into another version of the text: kept as orphaned until the next open
            // finds them again.
            if foreign_text {
                h.orphaned = true;
            }
            self.file.highlights.push(h);
        }
        self.file.next_id = next_id;
        if !self.position_changed
            && other.document.text_hash == self.text_hash
            && let Some(p) = other.reading_position
        {
            self.position = Some(p.offset);
            self.file.reading_position = Some(p);
        }
        sort(&mut self.file.highlights);
    }
}

/// Document order, orphans last.
fn sort(highlights: &mut [Highlight]) {
    highlights.sort_by_key(|h| (h.orphaned, h.start, h.end, h.id));
}

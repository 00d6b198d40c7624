//! The library: a folder or several files. Each document is loaded and analysed in the
//! background (a few at a time), and its row — title, number of quotes, main speakers — appears
//! as soon as it is ready. A speaker index beside it lists everyone quoted and in how many
//! documents; picking a speaker (or typing part of a name after `/`) lists only the documents
//! that quote them. Enter opens a document in the reader; the `show_library` key comes back.

use super::{App, Job, Mode, PromptKind, window};
use crate::document::Document;
use crate::document::load::{self, Source};
use crate::document::sanitize::for_terminal;
use crate::tui::action::Action;
use crate::tui::annotations::Annotations;
use crate::tui::layout::LibraryScreen;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::ListState;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Documents up to this size keep their text and analysis after their row is made, so they open
/// at once; larger ones are loaded again when opened.
const KEEP_BYTES: usize = 2 * 1024 * 1024;

/// A document's row, once analysed.
#[derive(Debug, Clone)]
pub struct Summary {
    pub title: String,
    pub bytes: usize,
    pub quotes: usize,
    /// Quoted speakers, most quoted first.
    pub speakers: Vec<QuotedSpeaker>,
    pub chapters: usize,
    /// The document and its analysis, when small enough to keep.
    pub loaded: Option<(Arc<Document>, Arc<Annotations>)>,
}

#[derive(Debug, Clone)]
pub enum EntryState {
    Waiting,
    Ready(Box<Summary>),
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// The path as shown: relative to the folder all the documents are in.
    pub shown: String,
    pub state: EntryState,
}

impl Entry {
    /// The file name, for rows still waiting and for messages.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    pub fn summary(&self) -> Option<&Summary> {
        match &self.state {
            EntryState::Ready(s) => Some(s),
            _ => None,
        }
    }
}

/// A speaker quoted in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpeaker {
    pub name: String,
    /// The name where room is short ([`crate::tui::names::short_name`]).
    pub short: String,
    pub quotes: usize,
}

/// A speaker quoted somewhere in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRow {
    pub name: String,
    /// The entries that quote them.
    pub docs: Vec<usize>,
    pub quotes: usize,
}

/// Which list has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibFocus {
    Documents,
    Speakers,
}

/// Which documents are listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibFilter {
    /// Documents quoting this speaker (a row of the index).
    Speaker(String),
    /// Documents quoting anyone whose name contains this text (any case).
    Name(String),
}

impl LibFilter {
    pub fn describe(&self) -> String {
        match self {
            LibFilter::Speaker(s) => format!("quoting {}", for_terminal(s)),
            LibFilter::Name(q) => format!("quoting anyone named “{}”", for_terminal(q)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Library {
    /// What was opened ("news/", "3 files").
    pub title: String,
    pub entries: Vec<Entry>,
    /// Row selected among the listed documents.
    pub sel: usize,
    /// The documents list as drawn: the selected row and the first row shown.
    pub docs_list: ListState,
    pub focus: LibFocus,
    pub speakers: Vec<SpeakerRow>,
    pub speaker_sel: usize,
    /// The speaker index as drawn.
    pub index_list: ListState,
    pub filter: Option<LibFilter>,
    /// The entry open in the reader.
    pub current: Option<usize>,
    /// The load in flight (its generation) when a document is being opened.
    opening: Option<u64>,
    load_generation: u64,
}

/// The speakers who are quoted, in the speaker list's order, with their numbers of quotes.
fn quoted_speakers(ann: &Annotations) -> Vec<QuotedSpeaker> {
    ann.speaker_order
        .iter()
        .filter(|&&s| !ann.by_speaker[s].is_empty())
        .map(|&s| QuotedSpeaker {
            name: ann.analysis.speakers[s].name.clone(),
            short: ann.short_names[s].clone(),
            quotes: ann.by_speaker[s].len(),
        })
        .collect()
}

/// Loads and analyses one document for its row (on a pool thread).
pub fn summarise(path: &Path) -> Result<Summary, String> {
    let doc = load::load(&Source::Path(path.to_path_buf())).map_err(|e| e.to_string())?;
    let analysis = crate::analyze(&doc);
    let ann = Annotations::new(analysis, doc.text.len());
    let speakers = quoted_speakers(&ann);
    let keep = doc.text.len() <= KEEP_BYTES;
    Ok(Summary {
        title: doc.display_name(),
        bytes: doc.text.len(),
        quotes: ann.speech.len(),
        speakers,
        chapters: doc.sections.len(),
        loaded: keep.then(|| (Arc::new(doc), Arc::new(ann))),
    })
}

/// The deepest folder holding every path (none for a single path's own parent when it is
/// the root).
fn common_folder(paths: &[PathBuf]) -> Option<PathBuf> {
    let mut common = paths.first()?.parent()?.to_path_buf();
    for p in &paths[1..] {
        while !p.starts_with(&common) {
            common = common.parent()?.to_path_buf();
        }
    }
    (!common.as_os_str().is_empty() && common.parent().is_some()).then_some(common)
}

impl Library {
    pub fn new(title: String, paths: Vec<PathBuf>) -> Library {
        let common = common_folder(&paths);
        Library {
            title,
            entries: paths
                .into_iter()
                .map(|path| Entry {
                    shown: common
                        .as_ref()
                        .and_then(|c| path.strip_prefix(c).ok())
                        .unwrap_or(&path)
                        .display()
                        .to_string(),
                    path,
                    state: EntryState::Waiting,
                })
                .collect(),
            sel: 0,
            docs_list: ListState::default(),
            focus: LibFocus::Documents,
            speakers: Vec::new(),
            speaker_sel: 0,
            index_list: ListState::default(),
            filter: None,
            current: None,
            opening: None,
            load_generation: 0,
        }
    }

    /// How many rows are still being analysed.
    pub fn pending(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e.state, EntryState::Waiting))
            .count()
    }

    /// The entries listed, in order (all of them, or those matching the filter).
    pub fn visible(&self) -> Vec<usize> {
        let quotes = |e: &Entry, f: &dyn Fn(&str) -> bool| {
            e.summary()
                .is_some_and(|s| s.speakers.iter().any(|q| f(&q.name)))
        };
        match &self.filter {
            None => (0..self.entries.len()).collect(),
            Some(LibFilter::Speaker(name)) => {
                let name = name.to_lowercase();
                (0..self.entries.len())
                    .filter(|&i| quotes(&self.entries[i], &|n| n.to_lowercase() == name))
                    .collect()
            }
            Some(LibFilter::Name(q)) => {
                let q = q.trim().to_lowercase();
                (0..self.entries.len())
                    .filter(|&i| quotes(&self.entries[i], &|n| n.to_lowercase().contains(&q)))
                    .collect()
            }
        }
    }

    /// The entry of the selected row.
    pub fn selected_entry(&self) -> Option<usize> {
        let v = self.visible();
        v.get(self.sel.min(v.len().saturating_sub(1))).copied()
    }

    /// A row arrived (or failed).
    pub fn on_summary(&mut self, index: usize, result: Result<Summary, String>) {
        let Some(e) = self.entries.get_mut(index) else {
            return;
        };
        match result {
            Ok(s) => {
                tracing::info!(path = %e.path.display(), quotes = s.quotes, "library row ready");
                e.state = EntryState::Ready(Box::new(s));
            }
            Err(m) => {
                tracing::warn!(path = %e.path.display(), error = %m, "library row failed");
                // The row already names the file.
                let own = format!("{}: ", e.path.display());
                let m = m.strip_prefix(&own).map(str::to_string).unwrap_or(m);
                e.state = EntryState::Failed(m);
            }
        }
        self.rebuild_index();
    }

    /// A document opened from the library was analysed: its row can use that analysis.
    pub fn on_opened_analysis(
        &mut self,
        index: usize,
        ann: Option<&Arc<Annotations>>,
        doc: &Document,
    ) {
        let (Some(e), Some(ann)) = (self.entries.get_mut(index), ann) else {
            return;
        };
        if matches!(e.state, EntryState::Ready(_)) {
            return;
        }
        let speakers = quoted_speakers(ann);
        e.state = EntryState::Ready(Box::new(Summary {
            title: doc.display_name(),
            bytes: doc.text.len(),
            quotes: ann.speech.len(),
            speakers,
            chapters: doc.sections.len(),
            loaded: None,
        }));
        self.rebuild_index();
    }

    /// The speaker index: everyone quoted, in the most documents first; while the index has
    /// the keyboard the selected speaker stays selected as rows arrive.
    fn rebuild_index(&mut self) {
        let selected = (self.focus == LibFocus::Speakers)
            .then(|| self.speakers.get(self.speaker_sel).map(|r| r.name.clone()))
            .flatten();
        let mut rows: HashMap<String, SpeakerRow> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            let Some(s) = e.summary() else { continue };
            for q in &s.speakers {
                let row = rows
                    .entry(q.name.to_lowercase())
                    .or_insert_with(|| SpeakerRow {
                        name: q.name.clone(),
                        docs: Vec::new(),
                        quotes: 0,
                    });
                if row.docs.last() != Some(&i) {
                    row.docs.push(i);
                }
                row.quotes += q.quotes;
            }
        }
        let mut rows: Vec<SpeakerRow> = rows.into_values().collect();
        rows.sort_by(|a, b| {
            b.docs
                .len()
                .cmp(&a.docs.len())
                .then(b.quotes.cmp(&a.quotes))
                .then(a.name.cmp(&b.name))
        });
        self.speakers = rows;
        if let Some(name) = selected
            && let Some(i) = self.speakers.iter().position(|r| r.name == name)
        {
            self.speaker_sel = i;
        }
        self.speaker_sel = self.speaker_sel.min(self.speakers.len().saturating_sub(1));
    }

    fn move_by(&mut self, delta: isize) {
        let len = match self.focus {
            LibFocus::Documents => self.visible().len(),
            LibFocus::Speakers => self.speakers.len(),
        };
        let sel = match self.focus {
            LibFocus::Documents => &mut self.sel,
            LibFocus::Speakers => &mut self.speaker_sel,
        };
        if len == 0 {
            return;
        }
        *sel = (*sel as isize + delta).clamp(0, len as isize - 1) as usize;
    }
}

impl App {
    /// A reader on a library of documents (`quotelens DIR`, `quotelens a.txt b.html`).
    pub fn library(
        title: String,
        paths: Vec<PathBuf>,
        config: &crate::tui::Config,
        theme: crate::tui::Theme,
        size: (u16, u16),
    ) -> App {
        let mut app = App::new(Arc::new(Document::default()), config, theme, size);
        app.effects.clear();
        app.analysis_started = None;
        app.mode = Mode::Library;
        for (index, path) in paths.iter().enumerate() {
            app.run(Job::Summarise {
                index,
                path: path.clone(),
            });
        }
        app.library = Some(Library::new(title, paths));
        app.refresh();
        app
    }

    /// The library's layout and its lists' windows for the current size and state.
    pub(super) fn refresh_library(&mut self) {
        let index_focus = self
            .library
            .as_ref()
            .is_some_and(|l| l.focus == LibFocus::Speakers);
        let screen =
            LibraryScreen::with_focus(Rect::new(0, 0, self.size.0, self.size.1), index_focus);
        self.library_screen = screen;
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        let len = lib.visible().len();
        let sel = (len > 0).then(|| lib.sel.min(len - 1));
        let offset = window(
            len,
            sel,
            lib.docs_list.offset(),
            screen.list.height as usize,
        );
        lib.docs_list = ListState::default().with_offset(offset).with_selected(sel);
        let len = lib.speakers.len();
        let sel = (len > 0).then(|| lib.speaker_sel.min(len - 1));
        let offset = window(
            len,
            sel,
            lib.index_list.offset(),
            screen.index.height as usize,
        );
        lib.index_list = ListState::default().with_offset(offset).with_selected(sel);
    }

    /// Keys in the library.
    pub(super) fn apply_library(&mut self, action: Action) {
        let page = (self.library_screen.list.height as isize - 1).max(1);
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        match action {
            Action::Down => lib.move_by(1),
            Action::Up => lib.move_by(-1),
            Action::PageDown => lib.move_by(page),
            Action::PageUp => lib.move_by(-page),
            Action::HalfPageDown => lib.move_by((page / 2).max(1)),
            Action::HalfPageUp => lib.move_by(-(page / 2).max(1)),
            Action::Top => lib.move_by(isize::MIN / 2),
            Action::Bottom => lib.move_by(isize::MAX / 2),
            Action::Activate => match lib.focus {
                LibFocus::Documents => {
                    if let Some(i) = lib.selected_entry() {
                        self.open_entry(i);
                    }
                }
                LibFocus::Speakers => {
                    if let Some(row) = lib.speakers.get(lib.speaker_sel) {
                        let filter = LibFilter::Speaker(row.name.clone());
                        let n = row.docs.len();
                        let text = format!(
                            "{n} document{} {}",
                            if n == 1 { "" } else { "s" },
                            filter.describe()
                        );
                        lib.filter = Some(filter);
                        lib.focus = LibFocus::Documents;
                        lib.sel = 0;
                        let key = self.keymap.hint(Action::ClearFilter).unwrap_or_default();
                        self.info(format!("{text} ({key} lists all)"));
                    }
                }
            },
            Action::ToggleFocus | Action::NextTab | Action::PrevTab => {
                lib.focus = match lib.focus {
                    LibFocus::Documents => LibFocus::Speakers,
                    LibFocus::Speakers => LibFocus::Documents,
                };
            }
            Action::ShowSpeakers => lib.focus = LibFocus::Speakers,
            Action::Search => self.prompt(PromptKind::LibraryFilter, String::new()),
            Action::ClearFilter | Action::Cancel => {
                if lib.filter.take().is_some() {
                    lib.sel = 0;
                    self.info("Listing every document");
                } else {
                    self.message = None;
                }
            }
            Action::Help => self.overlay = Some(super::Overlay::Help { scroll: 0 }),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(super::Effect::Suspend),
            Action::ShowLibrary => {}
            _ => {
                let key = self.keymap.hint(Action::Activate).unwrap_or_default();
                self.info(format!("Open a document first ({key})"));
            }
        }
    }

    /// Enter after `/` in the library: list the documents quoting anyone so named.
    pub(super) fn submit_library_filter(&mut self, text: String) {
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        if text.trim().is_empty() {
            lib.filter = None;
            return;
        }
        let filter = LibFilter::Name(text.trim().to_string());
        lib.filter = Some(filter.clone());
        lib.sel = 0;
        lib.focus = LibFocus::Documents;
        let n = lib.visible().len();
        let key = self.keymap.hint(Action::ClearFilter).unwrap_or_default();
        let line = format!(
            "{n} document{} {} ({key} lists all)",
            if n == 1 { "" } else { "s" },
            filter.describe()
        );
        if n == 0 {
            self.warn(line);
        } else {
            self.info(line);
        }
    }

    /// Opens entry `i`: at once when its document was kept, else after loading it again.
    fn open_entry(&mut self, i: usize) {
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        let Some(e) = lib.entries.get(i) else { return };
        match &e.state {
            EntryState::Failed(m) => {
                let m = for_terminal(m).into_owned();
                self.warn(m);
            }
            EntryState::Ready(s) if s.loaded.is_some() => {
                let Some((doc, ann)) = s.loaded.clone() else {
                    return;
                };
                tracing::info!(path = %e.path.display(), "opening from the library");
                lib.current = Some(i);
                lib.opening = None;
                self.open_document(doc, Some(ann));
                self.library_hint();
            }
            _ => {
                lib.load_generation += 1;
                lib.opening = Some(lib.load_generation);
                let name = e.file_name();
                self.effects.push(super::Effect::Run(Job::Load {
                    generation: lib.load_generation,
                    index: i,
                    path: e.path.clone(),
                }));
                self.info(format!("Opening {}…", for_terminal(&name)));
            }
        }
    }

    /// A library document was loaded to read it.
    pub(super) fn on_library_load(
        &mut self,
        generation: u64,
        index: usize,
        result: Result<Document, String>,
    ) {
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        if lib.opening != Some(generation) {
            return;
        }
        lib.opening = None;
        match result {
            Ok(doc) => {
                lib.current = Some(index);
                self.open_document(Arc::new(doc), None);
                self.library_hint();
            }
            Err(m) => {
                let m = for_terminal(&m).into_owned();
                self.warn(m);
            }
        }
    }

    fn library_hint(&mut self) {
        let key = self.keymap.hint(Action::ShowLibrary).unwrap_or_default();
        if !key.is_empty() && self.message.is_none() {
            self.info(format!("{key} goes back to the library"));
        }
    }

    /// The `show_library` key: back to the library, remembering where the reader was.
    pub(super) fn back_to_library(&mut self) {
        if self.library.is_none() {
            self.info(
                "Only one document is open; `quotelens FOLDER` or several files open a library",
            );
            return;
        }
        self.save_position();
        self.selection = None;
        self.overlay = None;
        self.mode = Mode::Library;
    }

    /// The mouse in the library: the wheel moves the list under it, a click selects a row.
    pub(super) fn on_library_mouse(&mut self, ev: MouseEvent) {
        let s = self.library_screen;
        let at = Position::new(ev.column, ev.row);
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        let pane = if s.index.contains(at) {
            LibFocus::Speakers
        } else if s.list.contains(at) {
            LibFocus::Documents
        } else {
            return;
        };
        match ev.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let before = lib.focus;
                lib.focus = pane;
                lib.move_by(if ev.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                });
                lib.focus = before;
            }
            MouseEventKind::Down(MouseButton::Left) => {
                lib.focus = pane;
                match pane {
                    LibFocus::Documents => {
                        let i = lib.docs_list.offset() + (at.y - s.list.y) as usize;
                        if i < lib.visible().len() {
                            lib.sel = i;
                        }
                    }
                    LibFocus::Speakers => {
                        let i = lib.index_list.offset() + (at.y - s.index.y) as usize;
                        if i < lib.speakers.len() {
                            lib.speaker_sel = i;
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

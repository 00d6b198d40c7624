//! The reader's state and everything that changes it: keys become [`Action`]s, and
//! [`App::apply`] carries them out. Work too slow for a frame (analysis, search, opening the
//! highlight store, exports, the library's documents) is queued as a [`Job`] that the event loop
//! runs on another thread; its result comes back through [`App::on_job`].
//!
//! The parts with their own state live in child modules: highlights, notes, undo and copying
//! (`marks`), free selections (`selection`), the export dialog (`export`) and the library of
//! several documents (`library`).

mod export;
mod library;
mod marks;
mod selection;

pub use export::{ExportDialog, ExportJob, ExportScope};

/// The formats the export dialog offers, in order.
pub fn export_formats() -> &'static [crate::export::Format] {
    &export::FORMATS
}

/// The name an export would get in `dir` now (the first of `base.ext`, `base-2.ext` … that is
/// free).
pub fn free_export_name(
    dir: &std::path::Path,
    base: &str,
    format: crate::export::Format,
) -> String {
    export::free_name(dir, base, format.extension())
}
pub use library::{Entry, EntryState, LibFilter, LibFocus, Library, SpeakerRow, Summary};
pub use marks::StoreStatus;
pub use selection::{TextSelection, Unit};

use super::action::{Action, Context};
use super::annotations::{Annotations, Mark};
use super::config::Config;
use super::keymap::{Key, Keymap};
use super::layout::Screen;
use super::search::{MAX_HITS, Pattern, Search};
use super::theme::Theme;
use super::viewport::{Placement, Viewport};
use super::wrap::{RowIndex, char_width};
use crate::analysis::model::{QuoteId, Span, SpeakerId};
use crate::document::Document;
use crate::export::clipboard::ClipboardEnv;
use crate::store::{HighlightId, HighlightStore};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use std::path::PathBuf;
use std::sync::Arc;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Panel,
}

/// What the screen shows: one document, or the library of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Document,
    Library,
}

/// The side panel's tabs. A new tab is a variant here, a title, a list in `views::sidebar`, and an
/// action to show it. Chapters is shown only for documents that have them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
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
}

/// What a one-line prompt in the status bar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    /// The note of a highlight.
    Note(HighlightId),
    /// The library's filter by speaker name.
    LibraryFilter,
}

impl PromptKind {
    /// What the prompt starts with.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Search => "/",
            PromptKind::Note(_) => "Note: ",
            PromptKind::LibraryFilter => "Quoted speaker: ",
        }
    }
}

/// What covers the screen, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Prompt { kind: PromptKind, input: String },
    Export(ExportDialog),
}

/// Work for another thread.
#[derive(Debug, Clone)]
pub enum Job {
    Analyse {
        generation: u64,
        doc: Arc<Document>,
    },
    Search {
        id: u64,
        pattern: Pattern,
        doc: Arc<Document>,
    },
    /// Opens (reads, re-anchors) the highlight store of a document.
    OpenStore {
        generation: u64,
        doc: Arc<Document>,
        dir: PathBuf,
        /// Keyed by the text rather than the path (the bundled sample, stdin).
        by_content: bool,
    },
    /// Puts text on the system clipboard with a native tool (it may take a moment).
    CopyNative {
        text: String,
        env: ClipboardEnv,
    },
    Export(Box<ExportJob>),
    /// Loads and analyses one document of the library, for its row.
    Summarise {
        index: usize,
        path: PathBuf,
    },
    /// Loads a library document to read it.
    Load {
        generation: u64,
        index: usize,
        path: PathBuf,
    },
}

/// Which job failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Analysis(u64),
    Search(u64),
    Store(u64),
    Copy,
    Export,
    Summary(usize),
    Load(u64),
}

impl Job {
    /// Does the work (on whatever thread calls it).
    pub fn run(self) -> JobResult {
        match self {
            Job::Analyse { generation, doc } => {
                let started = std::time::Instant::now();
                let ann = Annotations::new(crate::analyze(&doc), doc.text.len());
                tracing::info!(
                    bytes = doc.text.len(),
                    quotes = ann.speech.len(),
                    ms = started.elapsed().as_millis() as u64,
                    "analysed"
                );
                JobResult::Analysed {
                    generation,
                    ann: Arc::new(ann),
                }
            }
            Job::Search { id, pattern, doc } => {
                let (hits, truncated) = pattern.find_all(&doc.text, MAX_HITS);
                JobResult::Searched {
                    id,
                    hits,
                    truncated,
                }
            }
            Job::OpenStore {
                generation,
                doc,
                dir,
                by_content,
            } => JobResult::StoreOpened {
                generation,
                store: marks::open_store(&doc, &dir, by_content),
            },
            Job::CopyNative { text, env } => JobResult::Copied(
                crate::export::clipboard::copy_native(&text, &env).map_err(|e| e.to_string()),
            ),
            Job::Export(job) => JobResult::Exported(job.run()),
            Job::Summarise { index, path } => JobResult::Summarised {
                index,
                result: library::summarise(&path),
            },
            Job::Load {
                generation,
                index,
                path,
            } => JobResult::Loaded {
                generation,
                index,
                result: crate::document::load::load(&crate::document::load::Source::Path(path))
                    .map_err(|e| e.to_string()),
            },
        }
    }

    /// Library rows are many: they wait their turn in a small pool instead of getting a thread
    /// each.
    pub fn is_background(&self) -> bool {
        matches!(self, Job::Summarise { .. })
    }

    /// What to send back if the job fails (panics) with a message.
    pub fn failure(&self) -> impl FnOnce(String) -> JobResult + use<> {
        let what = match self {
            Job::Analyse { generation, .. } => JobKind::Analysis(*generation),
            Job::Search { id, .. } => JobKind::Search(*id),
            Job::OpenStore { generation, .. } => JobKind::Store(*generation),
            Job::CopyNative { .. } => JobKind::Copy,
            Job::Export(_) => JobKind::Export,
            Job::Summarise { index, .. } => JobKind::Summary(*index),
            Job::Load { generation, .. } => JobKind::Load(*generation),
        };
        move |message| JobResult::Failed { what, message }
    }
}

/// An opened highlight store, on its way back from the job that opened it.
pub struct OpenedStore(pub Box<HighlightStore>);

impl std::fmt::Debug for OpenedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OpenedStore({})", self.0.path().display())
    }
}

/// What a job sends back.
#[derive(Debug)]
pub enum JobResult {
    Analysed {
        generation: u64,
        ann: Arc<Annotations>,
    },
    Searched {
        id: u64,
        hits: Vec<usize>,
        truncated: bool,
    },
    StoreOpened {
        generation: u64,
        store: Result<OpenedStore, String>,
    },
    /// The native clipboard tool that took the text, or why none did.
    Copied(Result<&'static str, String>),
    /// Where an export was written and what it holds.
    Exported(Result<(PathBuf, String), String>),
    Summarised {
        index: usize,
        result: Result<Summary, String>,
    },
    Loaded {
        generation: u64,
        index: usize,
        result: Result<Document, String>,
    },
    /// The job panicked.
    Failed { what: JobKind, message: String },
}

/// A line for the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

pub struct App {
    pub mode: Mode,
    /// The documents of a folder or of several files (`None` for a single document).
    pub library: Option<Library>,
    pub doc: Arc<Document>,
    /// A preview (the start of a large file) is shown while the whole file loads.
    pub loading: bool,
    pub ann: Option<Arc<Annotations>>,
    generation: u64,
    /// Quote jumps pressed before the analysis was ready: done, in order, when it arrives.
    pending_jumps: Vec<Action>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Mouse capture wanted (the event loop makes the terminal match).
    pub mouse: bool,
    pub focus: Focus,
    pub tab: Tab,
    pub rows: RowIndex,
    pub view: Viewport,
    pub size: (u16, u16),
    /// The selected quote: highlighted, shown in the status bar, selected in the Quotes list.
    pub current_quote: Option<QuoteId>,
    /// Row in the Speakers list.
    pub speaker_sel: usize,
    /// Row in the Numbers list.
    pub number_sel: usize,
    /// The Quotes list shows only this speaker's quotes.
    pub filter: Option<SpeakerId>,
    /// First row shown of each tab's list (kept by drawing, used by clicks).
    pub list_offset: [usize; Tab::ALL.len()],
    pub search: Option<Search>,
    last_query: Option<String>,
    next_search_id: u64,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub quit: bool,
    jobs: Vec<Job>,
    timeline: Option<(usize, Vec<Option<Mark>>)>,
    /// The document's highlights, once its store is open.
    pub store: Option<Box<HighlightStore>>,
    pub store_status: StoreStatus,
    /// Where highlight stores live; `None` keeps highlights off (tests that do not ask for them).
    store_dir: Option<PathBuf>,
    /// Key the store by the text, not the path (the bundled sample).
    pub store_by_content: bool,
    /// The highlight selected in the Highlights list.
    pub hl_sel: Option<HighlightId>,
    /// `hl_max_end[i]`: the largest end among the first `i + 1` highlights not orphaned.
    hl_max_end: Vec<usize>,
    /// A free selection being made (`v`).
    pub selection: Option<TextSelection>,
    /// What the environment says about clipboards (OSC 52 for tmux, native tools).
    pub clipboard: ClipboardEnv,
    /// Bytes for the terminal besides frames (OSC 52), written by the event loop.
    terminal_out: Vec<u8>,
    /// Where exports are written.
    pub export_dir: PathBuf,
    /// The chapter picked in the Chapters list, and the top of the view it put there (a short
    /// last chapter cannot reach the top of the screen).
    chapter_pick: Option<(usize, usize)>,
}

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

impl App {
    /// A reader for `doc`; its analysis is queued as a job.
    pub fn new(doc: Arc<Document>, config: &Config, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            mode: Mode::Document,
            library: None,
            doc,
            loading: false,
            ann: None,
            generation: 0,
            pending_jumps: Vec::new(),
            keymap: config.keymap.clone(),
            theme,
            mouse: config.mouse,
            focus: Focus::Article,
            tab: Tab::Speakers,
            rows: RowIndex::new(80),
            view: Viewport::new(24),
            size,
            current_quote: None,
            speaker_sel: 0,
            number_sel: 0,
            filter: None,
            list_offset: [0; Tab::ALL.len()],
            search: None,
            last_query: None,
            next_search_id: 1,
            overlay: None,
            message: None,
            quit: false,
            jobs: Vec::new(),
            timeline: None,
            store: None,
            store_status: StoreStatus::Off,
            store_dir: None,
            store_by_content: false,
            hl_sel: None,
            hl_max_end: Vec::new(),
            selection: None,
            clipboard: ClipboardEnv::default(),
            terminal_out: Vec::new(),
            export_dir: PathBuf::from("."),
            chapter_pick: None,
        };
        app.sync_layout();
        app.queue_analysis();
        app
    }

    /// Marks the document as a preview of a file still loading: nothing is analysed (and no
    /// highlight is re-anchored) until the whole file arrives through [`App::on_document`].
    pub fn set_preview(&mut self) {
        self.loading = true;
        self.jobs
            .retain(|j| !matches!(j, Job::Analyse { .. } | Job::OpenStore { .. }));
        if self.store_status == StoreStatus::Opening {
            self.store_status = StoreStatus::Off;
        }
    }

    /// Replaces the document (a library document opened): everything about the old one goes.
    /// `ann`, when given, is its analysis made already.
    pub fn open_document(&mut self, doc: Arc<Document>, ann: Option<Arc<Annotations>>) {
        self.doc = doc;
        self.loading = false;
        self.mode = Mode::Document;
        self.ann = None;
        self.pending_jumps.clear();
        self.timeline = None;
        self.current_quote = None;
        self.speaker_sel = 0;
        self.number_sel = 0;
        self.filter = None;
        self.list_offset = [0; Tab::ALL.len()];
        self.search = None;
        self.selection = None;
        self.hl_sel = None;
        self.chapter_pick = None;
        self.overlay = None;
        self.focus = Focus::Article;
        if !self.tabs().contains(&self.tab) {
            self.tab = Tab::Speakers;
        }
        let doc = Arc::clone(&self.doc);
        self.view.reset_text(&mut self.rows, &doc.text);
        self.view.set_top(&mut self.rows, &doc.text, 0);
        self.jobs.retain(|j| {
            !matches!(
                j,
                Job::Analyse { .. } | Job::OpenStore { .. } | Job::Search { .. }
            )
        });
        self.queue_analysis();
        if let Some(ann) = ann {
            self.set_annotations(ann);
        }
        self.store = None;
        self.hl_max_end.clear();
        self.queue_store();
        self.sync_layout();
    }

    fn queue_analysis(&mut self) {
        self.generation += 1;
        self.jobs.push(Job::Analyse {
            generation: self.generation,
            doc: Arc::clone(&self.doc),
        });
    }

    /// The jobs queued since the last call.
    pub fn take_jobs(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.jobs)
    }

    /// Runs the queued jobs here and now (tests, benchmarks).
    pub fn run_jobs_inline(&mut self) {
        while !self.jobs.is_empty() {
            for job in self.take_jobs() {
                self.on_job(job.run());
            }
        }
    }

    /// Uses an analysis made elsewhere (tests, benchmarks) instead of the queued job.
    pub fn set_annotations(&mut self, ann: Arc<Annotations>) {
        self.jobs.retain(|j| !matches!(j, Job::Analyse { .. }));
        self.ann = Some(ann);
        self.timeline = None;
        self.clamp_selections();
    }

    pub fn analysing(&self) -> bool {
        self.ann.is_none()
    }

    // ----- layout -----

    /// The frame's layout for the current size and state.
    pub fn screen(&self) -> Screen {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        Screen::new(
            area,
            self.focus == Focus::Panel,
            self.tab == Tab::Quotes && self.filter.is_some(),
        )
    }

    /// Makes the wrap width and page height match the screen; the anchor keeps the text in place.
    pub fn sync_layout(&mut self) {
        let s = self.screen();
        if s.text.width == 0 || s.text.height == 0 {
            // The article is hidden (a narrow screen showing the panel): keep its layout.
            return;
        }
        let (w, h) = (s.text.width as usize, s.text.height as usize);
        if w != self.rows.width() || h != self.view.height {
            let doc = Arc::clone(&self.doc);
            self.view.relayout(&mut self.rows, &doc.text, w, h);
        }
    }

    pub fn on_resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.sync_layout();
    }

    // ----- results from other threads -----

    pub fn on_job(&mut self, result: JobResult) {
        match result {
            JobResult::Analysed { generation, ann } => {
                if generation == self.generation {
                    self.ann = Some(ann);
                    self.timeline = None;
                    self.clamp_selections();
                    if let Some(lib) = &mut self.library
                        && let Some(i) = lib.current
                    {
                        lib.on_opened_analysis(i, self.ann.as_ref(), &self.doc);
                    }
                    let jumps = std::mem::take(&mut self.pending_jumps);
                    if !jumps.is_empty() && self.overlay.is_none() {
                        self.message = None;
                        for jump in jumps {
                            self.apply(jump);
                        }
                    }
                }
            }
            JobResult::Searched {
                id,
                hits,
                truncated,
            } => self.on_search(id, hits, truncated),
            JobResult::StoreOpened { generation, store } => {
                if generation == self.generation {
                    self.on_store(store);
                }
            }
            JobResult::Copied(r) => self.on_copied(r),
            JobResult::Exported(r) => self.on_exported(r),
            JobResult::Summarised { index, result } => {
                if let Some(lib) = &mut self.library {
                    lib.on_summary(index, result);
                }
            }
            JobResult::Loaded {
                generation,
                index,
                result,
            } => self.on_library_load(generation, index, result),
            JobResult::Failed { what, message } => {
                tracing::error!(?what, %message, "a background job failed");
                match what {
                    JobKind::Analysis(generation) if generation == self.generation => {
                        // Show the text without annotations rather than "analysing…" forever.
                        let empty = Annotations::new(Default::default(), self.doc.text.len());
                        self.set_annotations(Arc::new(empty));
                        self.warn(format!(
                            "The analysis failed ({message}); the text can still be read"
                        ));
                    }
                    JobKind::Search(id) if self.search.as_ref().is_some_and(|s| s.id == id) => {
                        self.search = None;
                        self.warn(format!("The search failed ({message})"));
                    }
                    JobKind::Store(generation) if generation == self.generation => {
                        self.on_store(Err(message));
                    }
                    JobKind::Export => self.on_exported(Err(message)),
                    JobKind::Summary(index) => {
                        if let Some(lib) = &mut self.library {
                            lib.on_summary(index, Err(message));
                        }
                    }
                    JobKind::Load(generation) => {
                        self.on_library_load(generation, usize::MAX, Err(message))
                    }
                    _ => {}
                }
            }
        }
    }

    /// The whole document arrived (it replaces the preview); the top line stays where it was.
    pub fn on_document(&mut self, doc: Document) {
        self.doc = Arc::new(doc);
        self.loading = false;
        self.ann = None;
        self.timeline = None;
        self.current_quote = None;
        self.selection = None;
        let doc = Arc::clone(&self.doc);
        self.view.reset_text(&mut self.rows, &doc.text);
        self.queue_analysis();
        self.queue_store();
        if let Some(s) = self.search.take() {
            self.start_search(s.pattern);
        }
    }

    fn on_search(&mut self, id: u64, hits: Vec<usize>, truncated: bool) {
        let Some(search) = self.search.as_mut().filter(|s| s.id == id) else {
            return;
        };
        search.hits = Some(hits);
        search.truncated = truncated;
        let query = search.pattern.query.clone();
        match search.first_from(self.view.top) {
            Some((i, wrapped)) => {
                self.goto_hit(i, wrapped);
            }
            None => {
                self.search = None;
                self.warn(format!("Not found: {query}"));
            }
        }
    }

    fn clamp_selections(&mut self) {
        let speakers = self.list_len(Tab::Speakers);
        self.speaker_sel = self.speaker_sel.min(speakers.saturating_sub(1));
        let numbers = self.list_len(Tab::Numbers);
        self.number_sel = self.number_sel.min(numbers.saturating_sub(1));
    }

    // ----- input -----

    pub fn on_key(&mut self, ev: KeyEvent) {
        if !matches!(ev.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
            return;
        }
        self.message = None;
        if let Some(Overlay::Prompt { kind, input }) = &mut self.overlay {
            let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
            match ev.code {
                KeyCode::Enter => {
                    let (kind, text) = (*kind, std::mem::take(input));
                    self.overlay = None;
                    match kind {
                        PromptKind::Search => self.submit_search(text),
                        PromptKind::Note(id) => self.submit_note(id, text),
                        PromptKind::LibraryFilter => self.submit_library_filter(text),
                    }
                }
                KeyCode::Esc => self.overlay = None,
                KeyCode::Char('c') if ctrl => self.overlay = None,
                KeyCode::Char('u') if ctrl => input.clear(),
                KeyCode::Char('w') if ctrl => {
                    let keep = input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                    input.truncate(keep);
                }
                // Backspace on an empty prompt closes it, as in less.
                KeyCode::Backspace => {
                    if input.is_empty() {
                        self.overlay = None;
                    } else {
                        input.pop();
                    }
                }
                KeyCode::Char(c) if !ctrl && !ev.modifiers.contains(KeyModifiers::ALT) => {
                    input.push(c)
                }
                _ => {}
            }
            return;
        }
        let ctx = if self.selection.is_some() && self.overlay.is_none() {
            Context::Select
        } else {
            Context::Normal
        };
        if let Some(action) = self.keymap.action_in(ctx, Key::from_event(&ev)) {
            self.apply(action);
        }
    }

    pub fn on_mouse(&mut self, ev: MouseEvent) {
        if self.mode == Mode::Library && self.overlay.is_none() {
            self.on_library_mouse(ev);
            return;
        }
        let s = self.screen();
        let at = Position::new(ev.column, ev.row);
        if self.overlay.is_some() {
            if let (Some(Overlay::Help { scroll }), MouseEventKind::ScrollDown) =
                (&mut self.overlay, ev.kind)
            {
                *scroll += WHEEL_ROWS as usize;
            } else if let (Some(Overlay::Help { scroll }), MouseEventKind::ScrollUp) =
                (&mut self.overlay, ev.kind)
            {
                *scroll = scroll.saturating_sub(WHEEL_ROWS as usize);
            }
            return;
        }
        let in_article = s.gutter.contains(at)
            || s.text.contains(at)
            || s.timeline.contains(at)
            || s.thumb.contains(at);
        let in_panel = s.panel.contains(at);
        match ev.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if ev.kind == MouseEventKind::ScrollDown {
                    WHEEL_ROWS
                } else {
                    -WHEEL_ROWS
                };
                if in_panel {
                    self.move_list(delta);
                } else if in_article {
                    self.scroll(delta);
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if s.text.contains(at) {
                    self.focus = Focus::Article;
                    self.click_article(at.x - s.text.x, (at.y - s.text.y) as usize);
                } else if s.timeline.contains(at) || s.thumb.contains(at) {
                    let h = s.timeline.height.max(s.thumb.height).max(1) as usize;
                    let row = (at.y - s.timeline.y.max(s.thumb.y)) as usize;
                    let pos = (row as u128 * self.doc.text.len() as u128 / h as u128) as usize;
                    let doc = Arc::clone(&self.doc);
                    self.view.set_top(&mut self.rows, &doc.text, pos);
                } else if s.tabs.contains(at) {
                    let tabs = self.tabs();
                    if let Some(tab) = super::views::sidebar::tab_at(s.tabs, self.tab, &tabs, at.x)
                    {
                        self.show_tab(tab);
                    }
                } else if s.list.contains(at) {
                    self.focus = Focus::Panel;
                    let i = self.list_offset[self.tab.index()] + (at.y - s.list.y) as usize;
                    if i < self.list_len(self.tab) {
                        self.select_item(i, Placement::Centre);
                    }
                }
            }
            _ => {}
        }
    }

    /// A click in the article selects the quote under the pointer.
    fn click_article(&mut self, col: u16, row: usize) {
        let doc = Arc::clone(&self.doc);
        let rows = self.view.visible(&mut self.rows, &doc.text);
        let Some(r) = rows.get(row) else { return };
        let mut x = 0usize;
        let mut pos = r.start;
        for (i, c) in doc.text.get(r.start..r.end).unwrap_or("").char_indices() {
            pos = r.start + i;
            x += char_width(c);
            if x > col as usize {
                break;
            }
        }
        if let Some(q) = self.ann.as_ref().and_then(|a| a.quote_at(pos)) {
            self.select_quote(q, Placement::Nearest);
        }
        if let Some(id) = self.highlight_at(pos) {
            self.hl_sel = Some(id);
        }
    }

    // ----- actions -----

    pub fn apply(&mut self, action: Action) {
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => {
                match action {
                    Action::Down => *scroll += 1,
                    Action::Up => *scroll = scroll.saturating_sub(1),
                    Action::PageDown | Action::HalfPageDown => *scroll += 10,
                    Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
                    Action::Top => *scroll = 0,
                    Action::Bottom => *scroll = usize::MAX / 2,
                    Action::Help | Action::Cancel | Action::Quit => self.overlay = None,
                    _ => {}
                }
                return;
            }
            Some(Overlay::Export(_)) => {
                self.apply_export_dialog(action);
                return;
            }
            _ => {}
        }
        if self.mode == Mode::Library {
            self.apply_library(action);
            return;
        }
        if self.selection.is_some() && self.apply_selecting(action) {
            return;
        }
        let page = self.view.height.max(1) as isize;
        match action {
            Action::Down => self.move_focused(1),
            Action::Up => self.move_focused(-1),
            Action::PageDown => self.move_focused((page - 1).max(1)),
            Action::PageUp => self.move_focused(-(page - 1).max(1)),
            Action::HalfPageDown => self.move_focused((page / 2).max(1)),
            Action::HalfPageUp => self.move_focused(-(page / 2).max(1)),
            Action::Top | Action::Bottom => {
                let top = action == Action::Top;
                if self.focus == Focus::Article {
                    let doc = Arc::clone(&self.doc);
                    let pos = if top { 0 } else { doc.text.len() };
                    self.view.set_top(&mut self.rows, &doc.text, pos);
                } else {
                    let len = self.list_len(self.tab);
                    if len > 0 {
                        self.select_item(if top { 0 } else { len - 1 }, Placement::Nearest);
                    }
                }
            }
            Action::NextQuote
            | Action::PrevQuote
            | Action::NextSameSpeaker
            | Action::PrevSameSpeaker
                if self.ann.is_none() =>
            {
                if self.pending_jumps.len() < 64 {
                    self.pending_jumps.push(action);
                }
                self.info("Still analysing… the jump follows when it is ready");
            }
            Action::NextQuote => self.step_quote(true, false),
            Action::PrevQuote => self.step_quote(false, false),
            Action::NextSameSpeaker => self.step_quote(true, true),
            Action::PrevSameSpeaker => self.step_quote(false, true),
            Action::Activate => self.activate(),
            Action::ClearFilter => {
                if self.filter.take().is_some() {
                    self.info("Showing every speaker's quotes");
                    self.sync_layout();
                }
            }
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::Article => Focus::Panel,
                    Focus::Panel => Focus::Article,
                };
                self.sync_layout();
            }
            Action::ShowSpeakers => self.show_tab(Tab::Speakers),
            Action::ShowQuotes => self.show_tab(Tab::Quotes),
            Action::ShowNumbers => self.show_tab(Tab::Numbers),
            Action::ShowHighlights => self.show_tab(Tab::Highlights),
            Action::ShowChapters => {
                if self.doc.sections.is_empty() {
                    self.info("This document has no chapters");
                } else {
                    self.show_tab(Tab::Chapters);
                }
            }
            Action::ShowLibrary => self.back_to_library(),
            Action::NextTab | Action::PrevTab => {
                let tabs = self.tabs();
                let n = tabs.len();
                let i = tabs.iter().position(|&t| t == self.tab).unwrap_or(0);
                let j = if action == Action::NextTab {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.tab = tabs[j];
                self.sync_layout();
            }
            Action::Search => self.prompt(PromptKind::Search, String::new()),
            Action::SearchNext | Action::SearchPrev => {
                self.step_search(action == Action::SearchNext)
            }
            Action::Mark => self.mark(),
            Action::Select => self.start_selection(),
            Action::Note => self.note(),
            Action::DeleteHighlight => self.delete_highlight(),
            Action::Undo => self.undo(),
            Action::Copy => self.copy(),
            Action::Export => self.open_export_dialog(),
            // Only meaningful while selecting (handled above).
            Action::SelectWordNext
            | Action::SelectWordPrev
            | Action::SelectSentenceNext
            | Action::SelectSentencePrev
            | Action::SelectLineNext
            | Action::SelectLinePrev => {}
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::Cancel => {
                if self.overlay.take().is_none() && self.search.take().is_none() {
                    self.message = None;
                }
            }
            Action::Quit => self.quit = true,
        }
    }

    /// An action while a free selection is being made; `false` lets it run as usual (the
    /// selection ends first unless the action leaves it alone).
    fn apply_selecting(&mut self, action: Action) -> bool {
        let unit = |a| match a {
            Action::SelectWordNext => Some((Unit::Word, true)),
            Action::SelectWordPrev => Some((Unit::Word, false)),
            Action::SelectSentenceNext => Some((Unit::Sentence, true)),
            Action::SelectSentencePrev => Some((Unit::Sentence, false)),
            Action::SelectLineNext => Some((Unit::Line, true)),
            Action::SelectLinePrev => Some((Unit::Line, false)),
            _ => None,
        };
        if let Some((u, forward)) = unit(action) {
            self.extend_selection(u, forward);
            return true;
        }
        match action {
            Action::Mark => self.mark(),
            Action::Copy => self.copy(),
            Action::Note => self.note(),
            Action::Cancel | Action::Select => {
                self.selection = None;
                self.info("Selection cancelled");
            }
            Action::Help | Action::ToggleMouse | Action::Quit => return false,
            _ => {
                self.selection = None;
                return false;
            }
        }
        true
    }

    fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        let key = self.keymap.hint(Action::ToggleMouse).unwrap_or_default();
        if self.mouse {
            self.info(format!(
                "Mouse on: the wheel scrolls, a click selects ({key} gives it back to the terminal)"
            ));
        } else {
            self.info(format!(
                "Mouse off: the terminal selects and copies text ({key} turns it on)"
            ));
        }
    }

    /// Opens the one-line prompt in the status bar.
    fn prompt(&mut self, kind: PromptKind, input: String) {
        self.overlay = Some(Overlay::Prompt { kind, input });
    }

    /// The tabs this document has: Chapters only when it has chapters.
    pub fn tabs(&self) -> Vec<Tab> {
        Tab::ALL
            .into_iter()
            .filter(|&t| t != Tab::Chapters || !self.doc.sections.is_empty())
            .collect()
    }

    fn show_tab(&mut self, tab: Tab) {
        // The Highlights list opens on its first highlight.
        if tab == Tab::Highlights && self.list_selected(Tab::Highlights).is_none() {
            self.hl_sel = self.highlights().first().map(|h| h.id);
        }
        self.tab = tab;
        self.focus = Focus::Panel;
        self.sync_layout();
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: false,
        });
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: true,
        });
    }

    fn scroll(&mut self, delta: isize) {
        let doc = Arc::clone(&self.doc);
        self.view.scroll(&mut self.rows, &doc.text, delta);
    }

    fn move_focused(&mut self, delta: isize) {
        match self.focus {
            Focus::Article => self.scroll(delta),
            Focus::Panel => self.move_list(delta),
        }
    }

    /// The bytes on screen.
    fn shown(&mut self) -> Span {
        let doc = Arc::clone(&self.doc);
        let s = self.view.visible_bytes(&mut self.rows, &doc.text);
        Span::new(s.start, s.end.max(s.start + 1))
    }

    fn bring_into_view(&mut self, span: Span, placement: Placement) {
        let doc = Arc::clone(&self.doc);
        self.view
            .scroll_into_view(&mut self.rows, &doc.text, span, placement);
    }

    // ----- lists -----

    /// The quotes the Quotes list shows (one speaker's when filtered).
    pub fn quote_list(&self) -> &[QuoteId] {
        match (&self.ann, self.filter) {
            (Some(a), Some(s)) => a.by_speaker.get(s).map_or(&[], |v| v.as_slice()),
            (Some(a), None) => &a.speech,
            (None, _) => &[],
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

    /// The chapter the view is in: the one picked in the list while the view stays where that
    /// put it, else the last one starting at or before the top of the screen.
    pub fn current_chapter(&self) -> Option<usize> {
        let sections = &self.doc.sections;
        if sections.is_empty() {
            return None;
        }
        if let Some((i, top)) = self.chapter_pick
            && top == self.view.top
            && i < sections.len()
        {
            return Some(i);
        }
        let i = sections.partition_point(|s| s.span.start <= self.view.top);
        Some(i.saturating_sub(1))
    }

    /// The selected row of a tab's list, if it has one.
    pub fn list_selected(&self, tab: Tab) -> Option<usize> {
        let len = self.list_len(tab);
        if len == 0 {
            return None;
        }
        match tab {
            Tab::Speakers => Some(self.speaker_sel.min(len - 1)),
            Tab::Quotes => {
                let q = self.current_quote?;
                let list = self.quote_list();
                let a = self.ann.as_ref()?;
                let start = |id: QuoteId| a.analysis.quotes[id].span.start;
                let i = list.partition_point(|&x| start(x) < start(q));
                list[i..]
                    .iter()
                    .take_while(|&&x| start(x) == start(q))
                    .position(|&x| x == q)
                    .map(|k| i + k)
            }
            Tab::Numbers => Some(self.number_sel.min(len - 1)),
            Tab::Highlights => {
                let id = self.hl_sel?;
                self.highlights().iter().position(|h| h.id == id)
            }
            Tab::Chapters => self.current_chapter(),
        }
    }

    fn move_list(&mut self, delta: isize) {
        let len = self.list_len(self.tab);
        if len == 0 {
            return;
        }
        let from = match (self.tab, self.list_selected(self.tab)) {
            (_, Some(i)) => i as isize,
            // No quote of this list selected: start from the first one below the top of the view.
            (Tab::Quotes, None) => {
                let (Some(a), top) = (&self.ann, self.view.top) else {
                    return;
                };
                let list = self.quote_list();
                let i = list.partition_point(|&q| a.analysis.quotes[q].span.start < top) as isize;
                if delta > 0 { i - 1 } else { i }
            }
            (Tab::Highlights, None) if delta > 0 => -1,
            (_, None) => 0,
        };
        let to = (from + delta).clamp(0, len as isize - 1) as usize;
        self.select_item(to, Placement::Nearest);
    }

    /// Selects row `i` of the current tab's list and shows its text.
    fn select_item(&mut self, i: usize, placement: Placement) {
        match self.tab {
            Tab::Highlights => return self.select_highlight(i, placement),
            Tab::Chapters => {
                if let Some(section) = self.doc.sections.get(i) {
                    let doc = Arc::clone(&self.doc);
                    self.view
                        .set_top(&mut self.rows, &doc.text, section.span.start);
                    self.chapter_pick = Some((i, self.view.top));
                }
                return;
            }
            _ => {}
        }
        let Some(a) = self.ann.clone() else { return };
        match self.tab {
            Tab::Speakers => {
                self.speaker_sel = i;
                if let Some(&s) = a.speaker_order.get(i) {
                    let first = a.by_speaker[s].first().map(|&q| a.analysis.quotes[q].span);
                    let mention = a.analysis.speakers[s].mentions.first().copied();
                    if let Some(span) = first.or(mention) {
                        self.bring_into_view(span, placement);
                    }
                }
            }
            Tab::Quotes => {
                if let Some(&q) = self.quote_list().get(i) {
                    self.select_quote(q, placement);
                }
            }
            Tab::Numbers => {
                self.number_sel = i;
                if let Some(n) = a.analysis.numbers.get(i) {
                    self.bring_into_view(n.span, placement);
                }
            }
            Tab::Highlights | Tab::Chapters => {}
        }
    }

    /// Makes `q` the current quote, follows it in the lists, and brings it into view.
    pub fn select_quote(&mut self, q: QuoteId, placement: Placement) {
        let Some(a) = self.ann.clone() else { return };
        let Some(quote) = a.analysis.quotes.get(q) else {
            return;
        };
        self.current_quote = Some(q);
        if let Some(s) = quote.speaker {
            self.speaker_sel = a.speaker_rank[s];
        }
        // The Highlights list follows a highlighted quote.
        if let Some(id) = self.highlight_with_span(quote.content) {
            self.hl_sel = Some(id);
        }
        self.bring_into_view(quote.span, placement);
    }

    fn activate(&mut self) {
        match self.tab {
            Tab::Highlights | Tab::Chapters => {
                if let Some(i) = self.list_selected(self.tab) {
                    self.select_item(i, Placement::Centre);
                } else if self.list_len(self.tab) > 0 {
                    self.select_item(0, Placement::Centre);
                }
                return;
            }
            _ => {}
        }
        let Some(a) = self.ann.clone() else {
            self.warn("Still analysing…");
            return;
        };
        match self.tab {
            Tab::Speakers => {
                let Some(&s) = a.speaker_order.get(self.speaker_sel) else {
                    return;
                };
                let name = a.analysis.speakers[s].name.clone();
                match a.by_speaker[s].first() {
                    Some(&q) => {
                        self.filter = Some(s);
                        self.tab = Tab::Quotes;
                        self.sync_layout();
                        self.select_quote(q, Placement::Centre);
                        let key = self.keymap.hint(Action::ClearFilter).unwrap_or_default();
                        self.info(format!(
                            "Quotes by {} ({key} lists everyone's)",
                            crate::document::sanitize::for_terminal(&name)
                        ));
                    }
                    None => self.warn(format!(
                        "{} is mentioned but not quoted",
                        crate::document::sanitize::for_terminal(&name)
                    )),
                }
            }
            Tab::Quotes => {
                if let Some(q) = self.current_quote {
                    self.select_quote(q, Placement::Centre);
                } else if !self.quote_list().is_empty() {
                    self.select_item(0, Placement::Centre);
                }
            }
            Tab::Numbers => {
                if let Some(n) = a.analysis.numbers.get(self.number_sel) {
                    self.bring_into_view(n.span, Placement::Centre);
                }
            }
            Tab::Highlights | Tab::Chapters => {}
        }
    }

    /// `]` `[` `}` `{`: the next or previous quote, of anyone or of the current speaker.
    fn step_quote(&mut self, forward: bool, same_speaker: bool) {
        let Some(a) = self.ann.clone() else {
            self.warn("Still analysing…");
            return;
        };
        let quotes = &a.analysis.quotes;
        let list: &[QuoteId] = if same_speaker {
            let speaker = match self.current_quote {
                Some(q) => quotes[q].speaker,
                None => a.speaker_order.get(self.speaker_sel).copied(),
            };
            match speaker {
                Some(s) => &a.by_speaker[s],
                None => {
                    self.warn("This quote has no known speaker");
                    return;
                }
            }
        } else {
            &a.speech
        };
        // Where we are: the current quote if it is on screen; otherwise the screen itself (its
        // top going forward, its bottom going back), so `G` then `[` finds the last quote.
        let shown = self.shown();
        let current = self
            .current_quote
            .filter(|&q| quotes[q].span.overlaps(shown));
        let pos = match current {
            Some(q) => quotes[q].span.start,
            None if forward => shown.start,
            None => shown.end,
        };
        let i = list.partition_point(|&x| quotes[x].span.start < pos);
        let target = if forward {
            // Skip the current quote (and any that start at the same byte before it).
            let mut j = i;
            if let Some(c) = current {
                while j < list.len() && quotes[list[j]].span.start == pos {
                    j += 1;
                    if list[j - 1] == c {
                        break;
                    }
                }
            }
            list.get(j).copied()
        } else {
            i.checked_sub(1).and_then(|j| list.get(j).copied())
        };
        match target {
            Some(q) => self.select_quote(q, Placement::Centre),
            None => self.info(if forward {
                "No more quotes below"
            } else {
                "No more quotes above"
            }),
        }
    }

    // ----- search -----

    fn submit_search(&mut self, query: String) {
        let query = if query.is_empty() {
            match &self.last_query {
                Some(q) => q.clone(),
                None => return,
            }
        } else {
            query
        };
        if let Some(p) = Pattern::new(&query) {
            self.last_query = Some(query);
            self.start_search(p);
        }
    }

    fn start_search(&mut self, pattern: Pattern) {
        let id = self.next_search_id;
        self.next_search_id += 1;
        self.jobs.push(Job::Search {
            id,
            pattern: pattern.clone(),
            doc: Arc::clone(&self.doc),
        });
        self.search = Some(Search::new(pattern, id));
    }

    fn step_search(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            match self.last_query.clone() {
                Some(q) => self.submit_search(q),
                None => {
                    let key = self.keymap.hint(Action::Search).unwrap_or_default();
                    self.info(format!("Nothing searched yet; press {key} to search"));
                }
            }
            return;
        };
        if search.hits.is_none() {
            self.info("Still searching…");
            return;
        }
        let current = search.current_span();
        let shown = self.shown();
        let Some(search) = &self.search else { return };
        let from_current = current.is_some_and(|s| s.overlaps(shown));
        let pos = if forward { shown.start } else { shown.end };
        match search.step(forward, from_current, pos) {
            Some((i, wrapped)) => self.goto_hit(i, wrapped),
            None => self.warn(format!("Not found: {}", search.pattern.query)),
        }
    }

    fn goto_hit(&mut self, i: usize, wrapped: bool) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        search.current = Some(i);
        let Some(span) = search.current_span() else {
            return;
        };
        let count = search.hits.as_ref().map_or(0, Vec::len);
        let more = if search.truncated { "+" } else { "" };
        let note = if wrapped { " (wrapped around)" } else { "" };
        let text = format!("Match {} of {count}{more}{note}", i + 1);
        self.bring_into_view(span, Placement::Centre);
        self.info(text);
    }

    // ----- for the views -----

    /// The timeline marks for a strip of `cells` rows (cached until the analysis or height changes).
    pub fn timeline(&mut self, cells: usize) -> &[Option<Mark>] {
        let stale = !matches!(&self.timeline, Some((n, _)) if *n == cells);
        if stale {
            let marks = match &self.ann {
                Some(a) => a.timeline(cells),
                None => vec![None; cells],
            };
            self.timeline = Some((cells, marks));
        }
        self.timeline.as_ref().map_or(&[], |(_, m)| m.as_slice())
    }
}

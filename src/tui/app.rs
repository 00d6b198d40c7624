//! The reader's state and everything that changes it. Input (keys, the mouse, a resize, a job's
//! result) goes through [`App::update`], which changes the state and returns the [`Effect`]s the
//! event loop carries out (run a job, write to the terminal, capture the mouse, suspend); drawing
//! only reads the state.
//!
//! The state is split by part of the screen: the article ([`Article`]: wrapped rows, viewport,
//! the rows on screen), the side panel ([`Panel`]: tab, filter, each list's position), the prompt
//! and the export dialog (overlays), the library. Between them sits the one current item
//! ([`Item`]), which both panes show (`current`). When the article moves, the current item
//! becomes the item at the reading position (never one off screen); when a list moves, the
//! article brings its item into view with a margin.
//!
//! Work too slow for a frame (analysis, search, opening the highlight store, exports, the
//! library's documents) is an [`Effect::Run`] of a [`Job`]; its result comes back as
//! [`Input::Job`].

mod article;
mod current;
mod export;
mod library;
mod marks;
mod panel;
mod prompt;
mod selection;

pub use article::{Article, Moved, margin};
pub use current::Item;
pub use export::{ExportDialog, ExportJob, ExportRow, ExportScope, FORMATS};
pub use library::{
    Entry, EntryState, LibFilter, LibFocus, Library, QuotedSpeaker, SpeakerRow, Summary,
};
pub use marks::StoreStatus;
pub use panel::{Panel, Tab, window};
pub use prompt::{Outcome, Prompt, PromptKind};
pub use selection::{TextSelection, Unit};

use super::action::{Action, Context};
use super::annotations::{Annotations, Mark};
use super::config::Config;
use super::keymap::{Key, Keymap};
use super::layout::{Chrome, LibraryScreen, Screen};
use super::search::{MAX_HITS, Pattern, Search};
use super::theme::Theme;
use super::viewport::Placement;
use super::wrap::char_width;
use crate::analysis::model::Span;
use crate::document::Document;
use crate::export::clipboard::ClipboardEnv;
use crate::store::{HighlightId, HighlightStore};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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

/// What covers the screen, if anything.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: usize },
    Prompt(Prompt),
    Export(ExportDialog),
}

/// What comes into the reader.
#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    Job(JobResult),
    /// The whole document, replacing the preview shown while it loaded.
    Document(Document),
    /// Time passed (the loop sends one twice a second while something is in progress).
    Tick,
}

/// What the reader asks of the world outside it.
#[derive(Debug)]
pub enum Effect {
    /// Run a job on another thread and send its result back.
    Run(Job),
    /// Bytes for the terminal besides frames (OSC 52 clipboard requests).
    Write(Vec<u8>),
    /// Capture the mouse (or give it back to the terminal).
    Mouse(bool),
    /// Give the terminal back and stop (Ctrl-Z); carry on when the shell resumes the reader.
    Suspend,
}

/// Work for another thread.
#[derive(Debug, Clone)]
pub enum Job {
    Analyse {
        generation: u64,
        doc: Arc<Document>,
        /// Bytes of the text analysed so far, for the status bar.
        progress: Arc<AtomicUsize>,
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
            Job::Analyse {
                generation,
                doc,
                progress,
            } => {
                let started = std::time::Instant::now();
                let options = crate::analysis::Options::for_document(&doc);
                let analysis = crate::analysis::analyze_with_progress(&doc, &options, &|done| {
                    progress.store(done, Ordering::Relaxed)
                });
                let ann = Annotations::new(analysis, doc.text.len());
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

/// A highlight change that `u` took back, ready to be made again (`Ctrl-R`).
#[derive(Debug, Clone)]
pub enum Redo {
    /// Mark this highlight again.
    Mark(Box<crate::store::Highlight>),
    /// Remove this highlight again.
    Remove(HighlightId),
    /// Set this note again.
    Note(HighlightId, Option<String>),
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
    /// When the analysis in progress started, and how long it has been running.
    analysis_started: Option<Instant>,
    pub analysis_elapsed: Duration,
    /// Bytes analysed so far, written by the analysis job.
    analysis_progress: Arc<AtomicUsize>,
    /// Bytes analysed so far, as of the last update (what the status bar shows).
    pub analysis_done: usize,
    /// Quote jumps pressed before the analysis was ready: done, in order, when it arrives.
    pending_jumps: Vec<Action>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Mouse capture on.
    pub mouse: bool,
    pub size: (u16, u16),
    /// The layout of the current frame (document mode).
    pub screen: Screen,
    /// The layout of the current frame (library mode).
    pub library_screen: LibraryScreen,
    pub focus: Focus,
    pub article: Article,
    pub panel: Panel,
    /// The one current item: shown in the article, selected in the list, described in the
    /// status bar, and what `y`, `m`, `a` and `d` act on.
    pub current: Option<Item>,
    pub search: Option<Search>,
    last_query: Option<String>,
    next_search_id: u64,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub quit: bool,
    effects: Vec<Effect>,
    /// Whose quotes fill each cell of the timeline strip (for its current height).
    pub timeline: Vec<Option<Mark>>,
    timeline_stale: bool,
    /// The document's highlights, once its store is open.
    pub store: Option<Box<HighlightStore>>,
    pub store_status: StoreStatus,
    /// Where highlight stores live; `None` keeps highlights off (tests that do not ask for them).
    store_dir: Option<PathBuf>,
    /// Key the store by the text, not the path (the bundled sample).
    pub store_by_content: bool,
    /// `hl_max_end[i]`: the largest end among the first `i + 1` highlights not orphaned.
    hl_max_end: Vec<usize>,
    /// Changes `u` took back, most recent last; any new change clears them.
    redo: Vec<Redo>,
    /// A free selection being made (`v`).
    pub selection: Option<TextSelection>,
    /// What the environment says about clipboards (OSC 52 for tmux, native tools).
    pub clipboard: ClipboardEnv,
    /// Where exports are written.
    pub export_dir: PathBuf,
    /// Spans drawn as headings: the document's title line, its chapters' titles and its
    /// headings, in order.
    pub headings: Vec<Span>,
}

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

/// Status messages longer than the bar take up to this many lines.
pub const MAX_STATUS_LINES: u16 = 3;

impl App {
    /// A reader for `doc`; its analysis is queued (see [`App::take_effects`]).
    pub fn new(doc: Arc<Document>, config: &Config, theme: Theme, size: (u16, u16)) -> App {
        let article = Article::new(&doc.text, 80, 24);
        let mut app = App {
            mode: Mode::Document,
            library: None,
            doc,
            loading: false,
            ann: None,
            generation: 0,
            analysis_started: None,
            analysis_elapsed: Duration::ZERO,
            analysis_progress: Arc::default(),
            analysis_done: 0,
            pending_jumps: Vec::new(),
            keymap: config.keymap.clone(),
            theme,
            mouse: config.mouse,
            size,
            screen: Screen::default(),
            library_screen: LibraryScreen::default(),
            focus: Focus::Article,
            article,
            panel: Panel::default(),
            current: None,
            search: None,
            last_query: None,
            next_search_id: 1,
            overlay: None,
            message: None,
            quit: false,
            effects: Vec::new(),
            timeline: Vec::new(),
            timeline_stale: true,
            store: None,
            store_status: StoreStatus::Off,
            store_dir: None,
            store_by_content: false,
            hl_max_end: Vec::new(),
            redo: Vec::new(),
            selection: None,
            clipboard: ClipboardEnv::default(),
            export_dir: PathBuf::from("."),
            headings: Vec::new(),
        };
        app.headings = headings(&app.doc);
        app.queue_analysis();
        app.refresh();
        app
    }

    /// One step: applies `input`, brings everything shown up to date, and returns what the event
    /// loop must do.
    pub fn update(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(k) => self.on_key(k),
            Input::Mouse(m) => self.on_mouse(m),
            Input::Resize(w, h) => self.size = (w, h),
            Input::Job(r) => self.on_job(r),
            Input::Document(d) => self.on_document(d),
            Input::Tick => {}
        }
        if let Some(started) = self.analysis_started {
            self.analysis_elapsed = started.elapsed();
            self.analysis_done = self.analysis_progress.load(Ordering::Relaxed);
        }
        self.refresh();
        self.take_effects()
    }

    /// The effects queued since the last call (the analysis queued by [`App::new`], say).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Runs the jobs among `effects` here and now, feeding their results back (and the results'
    /// own jobs), and returns the other effects in order. For tests and benchmarks.
    pub fn settle(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut rest = Vec::new();
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            match e {
                Effect::Run(job) => queue.extend(self.update(Input::Job(job.run()))),
                other => rest.push(other),
            }
        }
        rest
    }

    /// True while something is in progress that the status bar counts in seconds.
    pub fn wants_ticks(&self) -> bool {
        self.analysis_started.is_some()
    }

    fn run(&mut self, job: Job) {
        self.effects.push(Effect::Run(job));
    }

    /// Drops queued jobs that `keep` refuses.
    fn retain_jobs(&mut self, keep: impl Fn(&Job) -> bool) {
        self.effects.retain(|e| match e {
            Effect::Run(j) => keep(j),
            _ => true,
        });
    }

    /// Marks the document as a preview of a file still loading: nothing is analysed (and no
    /// highlight is re-anchored) until the whole file arrives as [`Input::Document`].
    pub fn set_preview(&mut self) {
        self.loading = true;
        self.analysis_started = None;
        self.retain_jobs(|j| !matches!(j, Job::Analyse { .. } | Job::OpenStore { .. }));
        if self.store_status == StoreStatus::Opening {
            self.store_status = StoreStatus::Off;
        }
    }

    /// Replaces the document (a library document opened): everything about the old one goes.
    /// `ann`, when given, is its analysis made already.
    pub fn open_document(&mut self, doc: Arc<Document>, ann: Option<Arc<Annotations>>) {
        self.doc = doc;
        self.headings = headings(&self.doc);
        self.loading = false;
        self.mode = Mode::Document;
        self.ann = None;
        self.pending_jumps.clear();
        self.timeline_stale = true;
        self.current = None;
        self.panel.reset();
        self.panel.filter = None;
        self.search = None;
        self.selection = None;
        self.overlay = None;
        self.redo.clear();
        self.focus = Focus::Article;
        if !self.tabs().contains(&self.panel.tab) {
            self.panel.tab = Tab::Speakers;
        }
        let doc = Arc::clone(&self.doc);
        self.article.reset(&doc.text, Some(0));
        self.retain_jobs(|j| {
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
    }

    fn queue_analysis(&mut self) {
        self.generation += 1;
        self.analysis_started = Some(Instant::now());
        self.analysis_elapsed = Duration::ZERO;
        // A new counter: a job still running on the previous document keeps writing to its own.
        self.analysis_progress = Arc::default();
        self.analysis_done = 0;
        self.run(Job::Analyse {
            generation: self.generation,
            doc: Arc::clone(&self.doc),
            progress: Arc::clone(&self.analysis_progress),
        });
    }

    /// Uses an analysis made elsewhere (tests, benchmarks) instead of the queued job.
    pub fn set_annotations(&mut self, ann: Arc<Annotations>) {
        self.retain_jobs(|j| !matches!(j, Job::Analyse { .. }));
        self.analysis_started = None;
        self.ann = Some(ann);
        self.timeline_stale = true;
        self.refresh();
    }

    pub fn analysing(&self) -> bool {
        self.ann.is_none()
    }

    // ----- layout -----

    /// The tabs this document has: Chapters only when it has chapters.
    pub fn tabs(&self) -> Vec<Tab> {
        Tab::ALL
            .into_iter()
            .filter(|&t| t != Tab::Chapters || !self.doc.sections.is_empty())
            .collect()
    }

    /// The layout for the current size and state.
    fn layout(&self) -> Screen {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let tabs = self.tabs();
        Screen::new(
            area,
            &Chrome {
                panel_focus: self.focus == Focus::Panel,
                filter_line: self.panel.tab == Tab::Quotes && self.panel.filter.is_some(),
                tabs: &tabs,
                status_lines: super::views::status::lines_needed(self, area.width),
            },
        )
    }

    /// Brings everything derived from the state up to date after a change: the layout, the
    /// article's wrap (keeping the current item on screen), the lists' windows, the timeline,
    /// the help screen's scroll. Drawing then only reads.
    fn refresh(&mut self) {
        self.drop_vanished_current();
        if self.mode == Mode::Library {
            self.refresh_library();
            self.clamp_help();
            return;
        }
        self.screen = self.layout();
        let text = self.screen.text;
        if text.width > 0 && text.height > 0 {
            let (w, h) = (text.width as usize, text.height as usize);
            if (w, h) != (self.article.width(), self.article.height()) {
                let doc = Arc::clone(&self.doc);
                self.article.resize(&doc.text, w, h);
                self.keep_current_in_view();
            }
        }
        self.place_lists();
        if self.timeline_stale || self.timeline.len() != self.screen.timeline.height as usize {
            let cells = self.screen.timeline.height as usize;
            self.timeline = match &self.ann {
                Some(a) => a.timeline(cells),
                None => vec![None; cells],
            };
            self.timeline_stale = false;
        }
        self.clamp_help();
    }

    /// Copies the current item's row into each list and moves the lists' windows to show it.
    fn place_lists(&mut self) {
        let height = self.screen.list.height as usize;
        for tab in self.tabs() {
            let len = self.list_len(tab);
            let selected = self.list_selected(tab);
            self.panel.place(tab, selected, len, height);
        }
    }

    fn clamp_help(&mut self) {
        let (w, h) = self.size;
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            let max = super::views::help::max_scroll(&self.keymap, w, h);
            *scroll = (*scroll).min(max);
        }
    }

    // ----- results from other threads -----

    fn on_job(&mut self, result: JobResult) {
        match result {
            JobResult::Analysed { generation, ann } => {
                if generation == self.generation {
                    self.ann = Some(ann);
                    self.analysis_started = None;
                    self.timeline_stale = true;
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
    fn on_document(&mut self, doc: Document) {
        self.doc = Arc::new(doc);
        self.headings = headings(&self.doc);
        self.loading = false;
        self.ann = None;
        self.timeline_stale = true;
        self.current = None;
        self.selection = None;
        let doc = Arc::clone(&self.doc);
        self.article.reset(&doc.text, None);
        self.queue_analysis();
        self.queue_store();
        if let Some(s) = self.search.take() {
            self.start_search(s.pattern);
        }
    }

    // ----- input -----

    fn on_key(&mut self, ev: KeyEvent) {
        if !matches!(ev.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
            return;
        }
        self.message = None;
        if let Some(Overlay::Prompt(p)) = &mut self.overlay {
            let kind = p.kind;
            match p.key(ev) {
                Outcome::Submit(text) => {
                    self.overlay = None;
                    match kind {
                        PromptKind::Search => self.submit_search(text),
                        PromptKind::Note(id) => self.submit_note(id, text),
                        PromptKind::LibraryFilter => self.submit_library_filter(text),
                    }
                }
                Outcome::Cancel => self.overlay = None,
                Outcome::Edited => {}
            }
            return;
        }
        if self.export_name_key(ev) {
            return;
        }
        let ctx = if self.selection.is_some() && self.overlay.is_none() {
            Context::Select
        } else {
            Context::Normal
        };
        let key = Key::from_event(&ev);
        match self.keymap.action_in(ctx, key) {
            Some(action) => self.apply(action),
            None => self.unbound(key),
        }
    }

    /// A key with no action: say so, and where the keys are listed.
    fn unbound(&mut self, key: Key) {
        if matches!(
            key.code,
            KeyCode::Modifier(_)
                | KeyCode::Null
                | KeyCode::CapsLock
                | KeyCode::NumLock
                | KeyCode::ScrollLock
                | KeyCode::Media(_)
        ) || self.overlay.is_some()
        {
            return;
        }
        let help = self.keymap.hint(Action::Help).unwrap_or_default();
        self.info(format!(
            "{} is not a key of the reader ({help} lists them)",
            key.label()
        ));
    }

    fn on_mouse(&mut self, ev: MouseEvent) {
        // A click or the wheel answers the last message, as a key does (moving does not).
        if matches!(
            ev.kind,
            MouseEventKind::Down(_) | MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
        ) {
            self.message = None;
        }
        if self.mode == Mode::Library && self.overlay.is_none() {
            self.on_library_mouse(ev);
            return;
        }
        let s = self.screen;
        let at = Position::new(ev.column, ev.row);
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            match ev.kind {
                MouseEventKind::ScrollDown => *scroll += WHEEL_ROWS as usize,
                MouseEventKind::ScrollUp => *scroll = scroll.saturating_sub(WHEEL_ROWS as usize),
                _ => {}
            }
            return;
        }
        if self.overlay.is_some() {
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
                    self.set_top(pos);
                } else if s.tabs.contains(at) {
                    let tabs = self.tabs();
                    if let Some(tab) = super::layout::tab_at(s.tabs, &tabs, at) {
                        self.show_tab(tab);
                    }
                } else if s.list.contains(at) {
                    self.focus = Focus::Panel;
                    let tab = self.panel.tab;
                    let i = self.panel.list(tab).offset() + (at.y - s.list.y) as usize;
                    if i < self.list_len(tab) {
                        self.select_row(i, Placement::Centre);
                    }
                }
            }
            _ => {}
        }
    }

    /// A click in the article selects the item under the pointer: one of the shown tab's, else
    /// a quote.
    fn click_article(&mut self, col: u16, row: usize) {
        let Some(r) = self.article.rows().get(row).copied() else {
            return;
        };
        let mut x = 0usize;
        let mut pos = r.start;
        for (i, c) in self
            .doc
            .text
            .get(r.start..r.end)
            .unwrap_or("")
            .char_indices()
        {
            pos = r.start + i;
            x += char_width(c);
            if x > col as usize {
                break;
            }
        }
        if let Some(item) = self.item_under(pos) {
            self.current = Some(item);
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
                    Action::Suspend => self.effects.push(Effect::Suspend),
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
        let page = self.article.height().max(1) as isize;
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
                    self.set_top(if top { 0 } else { self.doc.text.len() });
                } else {
                    let len = self.list_len(self.panel.tab);
                    if len > 0 {
                        self.select_row(if top { 0 } else { len - 1 }, Placement::Nearest);
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
                if self.panel.filter.take().is_some() {
                    self.info("Showing every speaker's quotes");
                }
            }
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::Article => Focus::Panel,
                    Focus::Panel => Focus::Article,
                };
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
                let i = tabs.iter().position(|&t| t == self.panel.tab).unwrap_or(0);
                let j = if action == Action::NextTab {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.panel.tab = tabs[j];
                self.retarget();
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
            Action::Redo => self.redo(),
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
            Action::Cancel => self.cancel(),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Quit => self.quit = true,
        }
    }

    /// `Esc`: closes what is open, else returns the keys to the article, else ends the search.
    fn cancel(&mut self) {
        if self.overlay.take().is_some() {
            return;
        }
        if self.focus == Focus::Panel {
            self.focus = Focus::Article;
            return;
        }
        if self.search.take().is_some() {
            if matches!(self.current, Some(Item::Hit(_))) {
                self.current = None;
                self.retarget();
            }
            self.info("Search cleared");
            return;
        }
        self.message = None;
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
            Action::Help | Action::ToggleMouse | Action::Quit | Action::Suspend => return false,
            _ => {
                self.selection = None;
                return false;
            }
        }
        true
    }

    fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        self.effects.push(Effect::Mouse(self.mouse));
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
    fn prompt(&mut self, kind: PromptKind, text: String) {
        self.overlay = Some(Overlay::Prompt(Prompt::new(kind, text)));
    }

    /// Shows a tab and gives it the keys; its item at the reading position becomes current.
    fn show_tab(&mut self, tab: Tab) {
        self.panel.tab = tab;
        self.focus = Focus::Panel;
        self.retarget();
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

    /// Scrolls the article by `delta` rows; the current item follows the reading position.
    fn scroll(&mut self, delta: isize) {
        let doc = Arc::clone(&self.doc);
        let moved = self.article.scroll(&doc.text, delta);
        self.follow(moved);
    }

    /// Puts the row holding `pos` at the top; the current item follows.
    fn set_top(&mut self, pos: usize) {
        let doc = Arc::clone(&self.doc);
        let moved = self.article.set_top(&doc.text, pos);
        self.follow(moved);
    }

    fn move_focused(&mut self, delta: isize) {
        match self.focus {
            Focus::Article => self.scroll(delta),
            Focus::Panel => self.move_list(delta),
        }
    }

    /// Brings `span` into view with a margin.
    fn bring_into_view(&mut self, span: Span, placement: Placement) {
        let doc = Arc::clone(&self.doc);
        self.article.show(&doc.text, span, placement);
    }

    // ----- search -----

    /// Enter in the search prompt. Enter alone, or the same words again, go to the next match
    /// (as in less); new words start a new search.
    fn submit_search(&mut self, query: String) {
        let query = if query.is_empty() {
            match &self.last_query {
                Some(q) => q.clone(),
                None => return,
            }
        } else {
            query
        };
        let same = self
            .search
            .as_ref()
            .is_some_and(|s| s.pattern.query == query && s.hits.is_some());
        if same {
            self.step_search(true);
            return;
        }
        if let Some(p) = Pattern::new(&query) {
            self.last_query = Some(query);
            self.start_search(p);
        }
    }

    fn start_search(&mut self, pattern: Pattern) {
        let id = self.next_search_id;
        self.next_search_id += 1;
        self.retain_jobs(|j| !matches!(j, Job::Search { .. }));
        self.run(Job::Search {
            id,
            pattern: pattern.clone(),
            doc: Arc::clone(&self.doc),
        });
        self.search = Some(Search::new(pattern, id));
    }

    fn on_search(&mut self, id: u64, hits: Vec<usize>, truncated: bool) {
        let from = self.reading_position();
        let Some(search) = self.search.as_mut().filter(|s| s.id == id) else {
            return;
        };
        search.hits = Some(hits);
        search.truncated = truncated;
        let query = search.pattern.query.clone();
        match search.first_from(from) {
            Some((i, wrapped)) => self.goto_hit(i, wrapped),
            None => {
                self.search = None;
                self.warn(format!("Not found: {query}"));
            }
        }
    }

    /// Where a search starts: the current item, else the top of the screen.
    fn reading_position(&self) -> usize {
        self.current
            .and_then(|i| self.item_span(i))
            .map_or(self.article.top(), |s| s.start)
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
        let on_hit = matches!(self.current, Some(Item::Hit(_)));
        let visible = self.article.visible();
        let pos = match self.current.and_then(|i| self.item_span(i)) {
            Some(s) if forward => s.start + 1,
            Some(s) => s.start,
            None if forward => visible.start,
            None => visible.end,
        };
        let Some(search) = &self.search else { return };
        match search.step(forward, on_hit, pos) {
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
        self.current = Some(Item::Hit(i));
        self.bring_into_view(span, Placement::Centre);
        self.info(text);
    }
}

/// The spans drawn as headings: the title line (when the text starts with it), each chapter's
/// title where its chapter starts, and the headings the input marked up (Markdown, HTML), in
/// order.
fn headings(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let title_at = |pos: usize, title: &str| {
        let para = doc
            .paragraphs
            .get(doc.paragraphs.partition_point(|p| p.start < pos))?;
        let text = para.text(&doc.text);
        (para.start < pos + 200 && text.trim() == title.trim() && !text.contains('\n'))
            .then_some(*para)
    };
    if let (Some(title), Some(first)) = (&doc.meta.title, doc.paragraphs.first())
        && let Some(span) = title_at(first.start, title)
    {
        out.push(span);
    }
    for section in &doc.sections {
        if let Some(span) = title_at(section.span.start, &section.title)
            && out.last().is_none_or(|l: &Span| l.start < span.start)
        {
            out.push(span);
        }
    }
    out.extend(doc.headings.iter().map(|h| h.span));
    out.sort_unstable_by_key(|s| (s.start, s.end));
    out.dedup();
    out
}

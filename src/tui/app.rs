//! The reader's state and everything that changes it: keys become [`Action`]s, and
//! [`App::apply`] carries them out. Work too slow for a frame (analysis, search) is queued as a
//! [`Job`] that the event loop runs on another thread; its result comes back through `on_*`.

use super::action::Action;
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
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use std::sync::Arc;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Panel,
}

/// The side panel's tabs. A new tab (Highlights, Chapters) is a variant here, a title, a list in
/// `views::sidebar`, and an action to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Speakers,
    Quotes,
    Numbers,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Speakers, Tab::Quotes, Tab::Numbers];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Speakers => "Speakers",
            Tab::Quotes => "Quotes",
            Tab::Numbers => "Numbers",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }
}

/// What covers the screen, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Prompt { input: String },
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
}

impl Job {
    /// Does the work (on whatever thread calls it).
    pub fn run(self) -> JobResult {
        match self {
            Job::Analyse { generation, doc } => {
                let ann = Annotations::new(crate::analyze(&doc), doc.text.len());
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
        }
    }
}

impl Job {
    /// What to send back if the job fails (panics) with a message.
    pub fn failure(&self) -> impl FnOnce(String) -> JobResult + use<> {
        let what = match self {
            Job::Analyse { generation, .. } => Err(*generation),
            Job::Search { id, .. } => Ok(*id),
        };
        move |message| JobResult::Failed { what, message }
    }
}

/// What a job sends back.
#[derive(Debug, Clone)]
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
    /// The job panicked: `Err(generation)` for an analysis, `Ok(id)` for a search.
    Failed {
        what: Result<u64, u64>,
        message: String,
    },
}

/// A line for the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

pub struct App {
    pub doc: Arc<Document>,
    /// A preview (the start of a large file) is shown while the whole file loads.
    pub loading: bool,
    pub ann: Option<Arc<Annotations>>,
    generation: u64,
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
}

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

impl App {
    /// A reader for `doc`; its analysis is queued as a job.
    pub fn new(doc: Arc<Document>, config: &Config, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            doc,
            loading: false,
            ann: None,
            generation: 0,
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
        };
        app.sync_layout();
        app.queue_analysis();
        app
    }

    /// Marks the document as a preview of a file still loading: nothing is analysed until the
    /// whole file arrives through [`App::on_document`].
    pub fn set_preview(&mut self) {
        self.loading = true;
        self.jobs.retain(|j| !matches!(j, Job::Analyse { .. }));
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
                }
            }
            JobResult::Searched {
                id,
                hits,
                truncated,
            } => self.on_search(id, hits, truncated),
            JobResult::Failed { what, message } => match what {
                Err(generation) if generation == self.generation => {
                    // Show the text without annotations rather than "analysing…" forever.
                    let empty = Annotations::new(Default::default(), self.doc.text.len());
                    self.set_annotations(Arc::new(empty));
                    self.warn(format!(
                        "The analysis failed ({message}); the text can still be read"
                    ));
                }
                Ok(id) if self.search.as_ref().is_some_and(|s| s.id == id) => {
                    self.search = None;
                    self.warn(format!("The search failed ({message})"));
                }
                _ => {}
            },
        }
    }

    /// The whole document arrived (it replaces the preview); the top line stays where it was.
    pub fn on_document(&mut self, doc: Document) {
        self.doc = Arc::new(doc);
        self.loading = false;
        self.ann = None;
        self.timeline = None;
        self.current_quote = None;
        let doc = Arc::clone(&self.doc);
        self.view.reset_text(&mut self.rows, &doc.text);
        self.queue_analysis();
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
        if let Some(Overlay::Prompt { input }) = &mut self.overlay {
            let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
            match ev.code {
                KeyCode::Enter => {
                    let query = std::mem::take(input);
                    self.overlay = None;
                    self.submit_search(query);
                }
                KeyCode::Esc => self.overlay = None,
                KeyCode::Char('c') if ctrl => self.overlay = None,
                KeyCode::Char('u') if ctrl => input.clear(),
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
        if let Some(action) = self.keymap.action(Key::from_event(&ev)) {
            self.apply(action);
        }
    }

    pub fn on_mouse(&mut self, ev: MouseEvent) {
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
                    if let Some(tab) = super::views::sidebar::tab_at(s.tabs, self.tab, at.x) {
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
    }

    // ----- actions -----

    pub fn apply(&mut self, action: Action) {
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
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
            Action::NextTab | Action::PrevTab => {
                let n = Tab::ALL.len();
                let i = self.tab.index();
                let j = if action == Action::NextTab {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.tab = Tab::ALL[j];
                self.sync_layout();
            }
            Action::Search => {
                self.overlay = Some(Overlay::Prompt {
                    input: String::new(),
                })
            }
            Action::SearchNext | Action::SearchPrev => {
                self.step_search(action == Action::SearchNext)
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleMouse => {
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
            Action::Cancel => {
                if self.overlay.take().is_none() && self.search.take().is_none() {
                    self.message = None;
                }
            }
            Action::Quit => self.quit = true,
        }
    }

    fn show_tab(&mut self, tab: Tab) {
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
        let Some(a) = &self.ann else { return 0 };
        match tab {
            Tab::Speakers => a.speaker_order.len(),
            Tab::Quotes => self.quote_list().len(),
            Tab::Numbers => a.analysis.numbers.len(),
        }
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
            (_, None) => 0,
        };
        let to = (from + delta).clamp(0, len as isize - 1) as usize;
        self.select_item(to, Placement::Nearest);
    }

    /// Selects row `i` of the current tab's list and shows its text.
    fn select_item(&mut self, i: usize, placement: Placement) {
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
        self.bring_into_view(quote.span, placement);
    }

    fn activate(&mut self) {
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

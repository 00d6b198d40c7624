//! The terminal reader: the article on the left, speakers, quotes and numbers on the right, linked
//! both ways.
//!
//! # Design
//!
//! **State, input, effects.** [`App`] holds all state, split by part of the screen (the article,
//! the side panel, overlays, the library) around one current item that both panes show. Every
//! input — a key, the mouse, a resize, a job's result, a tick — goes through `App::update`,
//! which returns the [`Effect`]s for the event loop (run a job, write OSC 52, capture the mouse,
//! suspend). Keys are looked up in the [`Keymap`] (data, from `assets/config.toml` plus the
//! user's file) and become an [`Action`]. Views (`views/`) only read the `App`: the layout
//! ([`Screen`], shared by drawing and mouse clicks), the rows on screen and the lists' windows
//! are computed by `update`.
//!
//! **Any size of document.** Every position is a byte offset into `Document::text`; nothing stores
//! screen lines. The text is wrapped lazily ([`wrap`]): a block (a line, or a 16 KB chunk of a very
//! long line, cut at position-independent boundaries) is wrapped with textwrap's first-fit
//! algorithm only when it comes near the view, into rows that are byte ranges, cached per width.
//! The viewport ([`viewport`]) is the byte offset of its top row plus an *anchor*, the byte the
//! reader scrolled to; after a resize the row holding the anchor goes back to the top. Scrolling,
//! jumping to the end and the scrollbar (by byte fraction, like `less`) never look at more than a
//! screen of text. Each frame builds only the visible rows; their styles come from overlays
//! (quotes by speaker, the selection, search matches) intersected with each row's byte range.
//! Lists in the side panel build only their visible rows too. `Paragraph::wrap`/`scroll` are never
//! used for the article (they re-wrap from the top each frame and scroll by `u16`).
//!
//! **Nothing waits.** The analysis runs on a worker thread ([`Job`]); the reader shows the text at
//! once with "analysing…" in the status bar, and the annotations appear when ready. Search runs the
//! same way. A plain-text file over 8 MB opens with a preview of its first 256 KB while the whole
//! file loads ([`open`]). Events, job results and the loaded file arrive on one channel; the loop
//! handles everything queued, then draws once.
//!
//! **Highlights last.** `m` marks the selected quote, number or text selection (`v`), `a` writes a
//! note, `d` removes, `u` undoes; every change goes through the [`crate::store`] at once. The
//! store is opened by a job when the document's whole text is there (never for a preview), and
//! the reading position is saved when the reader leaves a document. `y` copies with OSC 52,
//! written by the event loop between frames, and a native clipboard tool where there is one; `e`
//! exports through [`crate::export`].
//!
//! **What opens** ([`open::target`]): the sample; standard input (`-`, or a pipe), with the keys
//! read from the terminal (`/dev/tty`; crossterm's `use-dev-tty`); a file; or, for a folder or
//! several files, the library, whose rows are analysed by a small pool of threads.
//!
//! **The terminal is always given back** ([`terminal::restore`]): on quit, on error, from a panic
//! hook installed before raw mode is entered (it prints a short report), and after SIGTERM,
//! SIGHUP, SIGINT or SIGQUIT. Logs go to a file ([`logging`]), never to the screen. Text from the
//! document is drawn only through [`views::display`], which makes control characters visible and
//! expands tabs.
//!
//! **Test hook.** With `QUOTELENS_TEST_PANIC=1` in the environment the reader panics right after
//! its first frame; the end-to-end tests use it to check that a panic gives the terminal back.
//! It changes nothing for anyone who does not set it.

pub mod action;
pub mod annotations;
pub mod app;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod logging;
pub mod names;
pub mod open;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod viewport;
pub mod views;
pub mod wrap;

pub use action::Action;
pub use app::{App, Effect, Focus, Input, Item, Job, JobResult, Mode, StoreStatus, Tab};
pub use config::Config;
pub use keymap::Keymap;
pub use layout::{LibraryScreen, Screen};
pub use theme::Theme;

use crate::failure::{Failure, exit};
use open::Target;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// The environment variable of the test-only panic (see the module documentation).
pub const TEST_PANIC_VAR: &str = "QUOTELENS_TEST_PANIC";

/// Everything the event loop waits for.
enum Msg {
    Term(Event),
    TermFailed(std::io::Error),
    Job(JobResult),
    Loaded(Result<crate::document::Document, Failure>),
    Signal(i32),
}

/// `quotelens [FILE | DIR | FILES…]`: runs the reader until the user quits.
pub fn run(inputs: &[String]) -> Result<(), Failure> {
    let config = Config::load().map_err(|e| Failure::new(exit::CONFIG, e.to_string()))?;
    if !std::io::stdout().is_terminal() {
        return Err(Failure::new(
            exit::TERMINAL,
            "the reader needs a terminal, and standard output is not one; use `quotelens text FILE` \
             to print the text or `quotelens extract FILE` for the quotes",
        ));
    }
    let log = logging::init();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        ?inputs,
        "reader starting"
    );
    // Everything that can fail on the input fails here, before the terminal is touched.
    let target = open::target(inputs, open::stdin_is_data())?;
    let opened = match &target {
        Target::Library { .. } => None,
        Target::Sample => Some(open::open(None)?),
        Target::Stdin => Some(open::open(Some("-"))?),
        Target::File(f) => Some(open::open(Some(f))?),
    };
    let (tx, rx) = mpsc::channel();
    // Watched before raw mode starts, so no signal can arrive unhandled in between.
    #[cfg(unix)]
    {
        let tx = tx.clone();
        if let Err(e) = terminal::watch_signals(move |sig| {
            let _ = tx.send(Msg::Signal(sig));
        }) {
            tracing::warn!(error = %e, "signals cannot be watched");
        }
    }
    let mut session = terminal::Session::start(config.mouse)
        .map_err(|e| Failure::new(exit::TERMINAL, format!("cannot use the terminal: {e}")))?;
    let size = session
        .terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let theme = Theme::from_env();
    let mut app = match (opened, &target) {
        (None, Target::Library { title, paths }) => {
            App::library(title.clone(), paths.clone(), &config, theme, size)
        }
        (Some(opened), _) => {
            let mut app = App::new(Arc::new(opened.doc), &config, theme, size);
            app.store_by_content = target == Target::Sample;
            if opened.preview {
                app.set_preview();
                if let Target::File(f) = &target {
                    let f = f.clone();
                    let tx = tx.clone();
                    std::thread::spawn(move || {
                        let _ = tx.send(Msg::Loaded(open::open_full(&f)));
                    });
                }
            }
            app
        }
        (None, _) => return Err(Failure::new(exit::INPUT, "nothing to open")),
    };
    match crate::store::default_data_dir() {
        Ok(dir) => app.enable_store(dir),
        Err(e) => {
            tracing::warn!(error = %e, "no data folder: highlights are off");
            app.store_status = StoreStatus::Failed(e.to_string());
        }
    }
    app.clipboard = crate::export::clipboard::ClipboardEnv::from_env();
    if let Ok(dir) = std::env::current_dir() {
        app.export_dir = dir;
    }
    if log.is_none() {
        tracing::warn!("no log file");
    }
    spawn_input(tx.clone());
    let mut pool = Pool::new();
    let result = event_loop(&mut session, &mut app, &tx, &rx, &mut pool);
    app.save_position();
    drop(session);
    match &result {
        Ok(()) => tracing::info!("reader quit"),
        Err(f) => tracing::error!(code = f.code, message = %f.message, "reader stopped"),
    }
    result
}

/// Reads terminal events on their own thread, so the loop can also wait for jobs.
fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Msg::Term(ev)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Msg::TermFailed(e));
                    break;
                }
            }
        }
    });
}

/// Runs a job, turning a panic into a failure result (the reader stays up).
fn run_caught(job: Job) -> JobResult {
    let failed = job.failure();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run()))
        .unwrap_or_else(|_| failed(terminal::take_worker_panic()))
}

/// Background jobs (the library's rows) run on a few threads, as many as there are cores.
struct Pool {
    shared: Arc<(Mutex<PoolQueue>, Condvar)>,
    max: usize,
}

struct PoolQueue {
    jobs: VecDeque<Job>,
    workers: usize,
}

impl Pool {
    fn new() -> Pool {
        let max = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8);
        Pool {
            shared: Arc::new((
                Mutex::new(PoolQueue {
                    jobs: VecDeque::new(),
                    workers: 0,
                }),
                Condvar::new(),
            )),
            max,
        }
    }

    fn submit(&mut self, jobs: Vec<Job>, tx: &Sender<Msg>) {
        let Ok(mut q) = self.shared.0.lock() else {
            return;
        };
        q.jobs.extend(jobs);
        while q.workers < self.max && q.workers < q.jobs.len() {
            q.workers += 1;
            let shared = Arc::clone(&self.shared);
            let tx = tx.clone();
            std::thread::spawn(move || {
                loop {
                    // A worker leaves when the queue is empty, under the same lock that adds jobs.
                    let job = match shared.0.lock() {
                        Ok(mut q) => match q.jobs.pop_front() {
                            Some(j) => j,
                            None => {
                                q.workers -= 1;
                                return;
                            }
                        },
                        Err(_) => return,
                    };
                    if tx.send(Msg::Job(run_caught(job))).is_err() {
                        return;
                    }
                }
            });
        }
    }
}

/// Carries out what the reader asked for: jobs go to threads (the library's rows to the pool),
/// terminal bytes wait for the next frame, mouse capture and suspending happen now.
fn carry_out(
    effects: Vec<Effect>,
    session: &mut terminal::Session,
    tx: &Sender<Msg>,
    pool: &mut Pool,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    let mut background = Vec::new();
    for effect in effects {
        match effect {
            Effect::Run(job) if job.is_background() => background.push(job),
            Effect::Run(job) => {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    // A panic in a job must not take the reader down: the text stays readable.
                    let _ = tx.send(Msg::Job(run_caught(job)));
                });
            }
            Effect::Write(bytes) => out.extend_from_slice(&bytes),
            Effect::Mouse(on) => session.set_mouse(on)?,
            Effect::Suspend => {
                tracing::info!("suspended");
                session.suspend()?;
                tracing::info!("resumed");
            }
        }
    }
    if !background.is_empty() {
        pool.submit(background, tx);
    }
    Ok(())
}

/// How often the status bar's seconds count while the analysis runs.
const TICK: Duration = Duration::from_millis(500);

fn event_loop(
    session: &mut terminal::Session,
    app: &mut App,
    tx: &Sender<Msg>,
    rx: &Receiver<Msg>,
    pool: &mut Pool,
) -> Result<(), Failure> {
    let terminal_error =
        |e: std::io::Error| Failure::new(exit::TERMINAL, format!("terminal error: {e}"));
    let test_panic = std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1");
    let mut out = Vec::new();
    carry_out(app.take_effects(), session, tx, pool, &mut out).map_err(terminal_error)?;
    loop {
        // A size the reader was not told of yet (a resize while suspended, say) is told first:
        // drawing never lays anything out.
        if let Ok(size) = session.terminal.size()
            && (size.width, size.height) != app.size
        {
            let effects = app.update(Input::Resize(size.width, size.height));
            carry_out(effects, session, tx, pool, &mut out).map_err(terminal_error)?;
        }
        draw(session, app, &mut out).map_err(terminal_error)?;
        if test_panic {
            panic!("{TEST_PANIC_VAR}=1: the test-only panic after the first frame");
        }
        // Wait for something, then take everything already queued before drawing again (a burst
        // of wheel events or key repeats costs one frame).
        let first = if app.wants_ticks() {
            match rx.recv_timeout(TICK) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(Failure::new(
                        exit::TERMINAL,
                        "the terminal input stopped unexpectedly",
                    ));
                }
            }
        } else {
            Some(rx.recv().map_err(|_| {
                Failure::new(exit::TERMINAL, "the terminal input stopped unexpectedly")
            })?)
        };
        let pending: Vec<Msg> = first.into_iter().chain(rx.try_iter()).collect();
        let inputs = if pending.is_empty() {
            vec![Input::Tick]
        } else {
            let mut inputs = Vec::with_capacity(pending.len());
            for msg in pending {
                inputs.push(match msg {
                    Msg::Term(Event::Key(key)) => Input::Key(key),
                    Msg::Term(Event::Mouse(m)) => Input::Mouse(m),
                    Msg::Term(Event::Resize(w, h)) => Input::Resize(w, h),
                    Msg::Term(_) => continue,
                    Msg::TermFailed(e) => return Err(terminal_error(e)),
                    Msg::Job(r) => Input::Job(r),
                    Msg::Loaded(Ok(doc)) => Input::Document(doc),
                    Msg::Loaded(Err(f)) => return Err(f),
                    Msg::Signal(sig) => {
                        return Err(Failure::new(
                            128 + sig,
                            format!(
                                "stopped by {}; the terminal was restored",
                                terminal::signal_name(sig)
                            ),
                        ));
                    }
                });
            }
            inputs
        };
        for input in inputs {
            let effects = app.update(input);
            carry_out(effects, session, tx, pool, &mut out).map_err(terminal_error)?;
            if app.quit {
                return Ok(());
            }
        }
    }
}

/// Draws a frame, then writes the bytes waiting for the terminal (OSC 52) after it.
fn draw(session: &mut terminal::Session, app: &App, out: &mut Vec<u8>) -> std::io::Result<()> {
    use ratatui::crossterm::queue;
    queue!(session.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    session.terminal.draw(|frame| views::draw(frame, app))?;
    ratatui::crossterm::execute!(session.terminal.backend_mut(), EndSynchronizedUpdate)?;
    if !out.is_empty() {
        let backend = session.terminal.backend_mut();
        backend.write_all(out)?;
        backend.flush()?;
        out.clear();
    }
    Ok(())
}

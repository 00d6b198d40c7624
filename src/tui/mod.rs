//! The terminal reader: the article on the left, speakers, quotes and numbers on the right, linked
//! both ways.
//!
//! # Design
//!
//! **State and actions.** [`App`] holds all state. Keys are looked up in the [`Keymap`] (data,
//! from `assets/config.toml` plus the user's file) and become an [`Action`]; `App::apply` carries
//! it out. Views (`views/`) only paint the `App` (they may fill caches). The layout is a pure
//! function of the terminal size ([`Screen`]), shared by drawing and mouse clicks.
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
pub mod open;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod viewport;
pub mod views;
pub mod wrap;

pub use action::Action;
pub use app::{App, Focus, Job, JobResult, Mode, StoreStatus, Tab};
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
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};

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

fn spawn_jobs(app: &mut App, tx: &Sender<Msg>, pool: &mut Pool) {
    let (background, now): (Vec<Job>, Vec<Job>) =
        app.take_jobs().into_iter().partition(Job::is_background);
    if !background.is_empty() {
        pool.submit(background, tx);
    }
    for job in now {
        let tx = tx.clone();
        std::thread::spawn(move || {
            // A panic in a job must not take the reader down: the text stays readable.
            let _ = tx.send(Msg::Job(run_caught(job)));
        });
    }
}

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
    loop {
        spawn_jobs(app, tx, pool);
        session.set_mouse(app.mouse).map_err(terminal_error)?;
        draw(session, app).map_err(terminal_error)?;
        if test_panic {
            panic!("{TEST_PANIC_VAR}=1: the test-only panic after the first frame");
        }
        // Wait for something, then take everything already queued before drawing again (a burst
        // of wheel events or key repeats costs one frame).
        let first = rx
            .recv()
            .map_err(|_| Failure::new(exit::TERMINAL, "the terminal input stopped unexpectedly"))?;
        let mut pending = vec![first];
        pending.extend(rx.try_iter());
        for msg in pending {
            match msg {
                Msg::Term(Event::Key(key)) => app.on_key(key),
                Msg::Term(Event::Mouse(m)) => app.on_mouse(m),
                Msg::Term(Event::Resize(w, h)) => app.on_resize(w, h),
                Msg::Term(_) => {}
                Msg::TermFailed(e) => return Err(terminal_error(e)),
                Msg::Job(r) => app.on_job(r),
                Msg::Loaded(Ok(doc)) => app.on_document(doc),
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
            }
            if app.quit {
                return Ok(());
            }
        }
    }
}

fn draw(session: &mut terminal::Session, app: &mut App) -> std::io::Result<()> {
    use ratatui::crossterm::queue;
    queue!(session.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    session.terminal.draw(|frame| views::draw(frame, app))?;
    ratatui::crossterm::execute!(session.terminal.backend_mut(), EndSynchronizedUpdate)?;
    // Clipboard requests (OSC 52) go through the same output as the frames, after one.
    let extra = app.take_terminal_output();
    if !extra.is_empty() {
        let out = session.terminal.backend_mut();
        out.write_all(&extra)?;
        out.flush()?;
    }
    Ok(())
}

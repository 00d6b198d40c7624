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
//! **The terminal is always given back** ([`terminal::restore`]): on quit, on error and from a
//! panic hook installed before raw mode is entered. Text from the document is drawn only through
//! [`views::display`], which makes control characters visible and expands tabs.

pub mod action;
pub mod annotations;
pub mod app;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod open;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod viewport;
pub mod views;
pub mod wrap;

pub use action::Action;
pub use app::{App, Focus, Job, JobResult, Tab};
pub use config::Config;
pub use keymap::Keymap;
pub use layout::Screen;
pub use theme::Theme;

use crate::cli::{Failure, exit};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

/// Everything the event loop waits for.
enum Msg {
    Term(Event),
    TermFailed(std::io::Error),
    Job(JobResult),
    Loaded(Result<crate::document::Document, Failure>),
}

/// `quotelens [FILE]`: runs the reader until the user quits.
pub fn run(file: Option<&str>) -> Result<(), Failure> {
    let config = Config::load().map_err(|e| Failure::new(exit::CONFIG, e.to_string()))?;
    if !std::io::stdout().is_terminal() {
        return Err(Failure::new(
            exit::TERMINAL,
            "the reader needs a terminal, and standard output is not one; use `quotelens text FILE` \
             to print the text or `quotelens extract FILE` for the quotes",
        ));
    }
    let opened = open::open(file)?;
    let (tx, rx) = mpsc::channel();
    let mut session = terminal::Session::start(config.mouse)
        .map_err(|e| Failure::new(exit::TERMINAL, format!("cannot use the terminal: {e}")))?;
    let size = session
        .terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let mut app = App::new(Arc::new(opened.doc), &config, Theme::from_env(), size);
    if opened.preview {
        app.set_preview();
        if let Some(f) = file {
            let f = f.to_string();
            let tx = tx.clone();
            std::thread::spawn(move || {
                let _ = tx.send(Msg::Loaded(open::open_full(&f)));
            });
        }
    }
    spawn_input(tx.clone());
    let result = event_loop(&mut session, &mut app, &tx, &rx);
    drop(session);
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

fn spawn_jobs(app: &mut App, tx: &Sender<Msg>) {
    for job in app.take_jobs() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let failed = job.failure();
            // A panic in a job must not take the reader down: the text stays readable.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run()))
                .unwrap_or_else(|_| failed(terminal::take_worker_panic()));
            let _ = tx.send(Msg::Job(result));
        });
    }
}

fn event_loop(
    session: &mut terminal::Session,
    app: &mut App,
    tx: &Sender<Msg>,
    rx: &Receiver<Msg>,
) -> Result<(), Failure> {
    let terminal_error =
        |e: std::io::Error| Failure::new(exit::TERMINAL, format!("terminal error: {e}"));
    loop {
        spawn_jobs(app, tx);
        session.set_mouse(app.mouse).map_err(terminal_error)?;
        draw(session, app).map_err(terminal_error)?;
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
    Ok(())
}

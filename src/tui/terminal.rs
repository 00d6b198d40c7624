//! Taking over the terminal and giving it back. There is one way back, [`restore`]: it is called on
//! quit, on error (through [`Session`]'s `Drop`), from the panic hook and after a signal, and it is
//! safe to call more than once.
//!
//! A panic on the drawing thread restores the terminal first, then prints a short report (what
//! broke, where the log is) instead of Rust's message; the details and a backtrace go to the log.
//! SIGTERM, SIGHUP, SIGINT and SIGQUIT ([`watch_signals`]) are passed to the event loop, which
//! saves the reading position and returns; should it not answer within two seconds the signal
//! thread restores the terminal and exits itself.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor,
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{
        EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
        enable_raw_mode,
    },
};
use std::io::{Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once, OnceLock};
use std::thread::ThreadId;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is currently ours.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
/// The thread that draws: a panic there gives the terminal back; a panic elsewhere (a job) is
/// caught by the job and reported in the status bar.
static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();
/// The message of the last panic on a worker thread.
static WORKER_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Takes the message of the last worker-thread panic.
pub fn take_worker_panic() -> String {
    WORKER_PANIC
        .lock()
        .ok()
        .and_then(|mut m| m.take())
        .unwrap_or_else(|| "unknown error".into())
}

/// Gives the terminal back: ends any half-drawn frame, turns off mouse capture, leaves the
/// alternate screen, shows the cursor, and turns off raw mode. Does nothing if already done.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// The terminal while the reader has it; dropping it restores the terminal.
pub struct Session {
    pub terminal: Term,
    mouse: bool,
}

impl Session {
    /// Raw mode, the alternate screen, a hidden cursor, and mouse capture if asked for. Installs
    /// the panic hook first, so a panic at any later point leaves a usable terminal.
    pub fn start(mouse: bool) -> std::io::Result<Session> {
        let _ = UI_THREAD.set(std::thread::current().id());
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        let result = (|| {
            enable_raw_mode()?;
            let mut out = stdout();
            execute!(out, EnterAlternateScreen, cursor::Hide)?;
            if mouse {
                execute!(out, EnableMouseCapture)?;
            }
            Terminal::new(CrosstermBackend::new(stdout()))
        })();
        match result {
            Ok(terminal) => Ok(Session { terminal, mouse }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Gives the terminal back, stops the process as Ctrl-Z does in a shell (SIGTSTP), and
    /// takes the terminal again when the shell resumes it (`fg`). The next frame is drawn whole.
    #[cfg(unix)]
    pub fn suspend(&mut self) -> std::io::Result<()> {
        let mouse = self.mouse;
        restore();
        let stopped = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        // Here again after SIGCONT (or at once, if nothing could stop us).
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        let mut out = stdout();
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        // A full redraw. (`Terminal::clear` would ask the terminal for the cursor position,
        // which the input thread's reader would take.)
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
        stopped
    }

    /// Without job control there is nothing to return to.
    #[cfg(not(unix))]
    pub fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }

    /// Turns mouse capture on or off to match `on`.
    pub fn set_mouse(&mut self, on: bool) -> std::io::Result<()> {
        if on != self.mouse {
            if on {
                execute!(self.terminal.backend_mut(), EnableMouseCapture)?;
            } else {
                execute!(self.terminal.backend_mut(), DisableMouseCapture)?;
            }
            self.mouse = on;
        }
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(move |info| {
            let on_ui = UI_THREAD
                .get()
                .is_none_or(|id| *id == std::thread::current().id());
            let msg = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let backtrace = std::backtrace::Backtrace::force_capture();
            if on_ui || !ACTIVE.load(Ordering::SeqCst) {
                restore();
                tracing::error!(%backtrace, "panic: {msg}{at}");
                eprintln!("{}", crash_report(&format!("{msg}{at}")));
            } else {
                tracing::error!(%backtrace, "panic in a background job: {msg}{at}");
                if let Ok(mut m) = WORKER_PANIC.lock() {
                    // Printing now would scribble over the screen; the job reports it instead.
                    *m = Some(format!("{msg}{at}"));
                }
            }
        }));
    });
}

/// What is printed after a panic, once the terminal is back.
pub fn crash_report(what: &str) -> String {
    use crate::document::sanitize::for_terminal;
    let log = match super::logging::log_path() {
        Some(p) => format!(
            "Details are in {}; please include them if you report this.",
            for_terminal(&p.display().to_string())
        ),
        None => "Please report this with the steps that led to it.".to_string(),
    };
    format!(
        "\nquotelens stopped because of a bug: {}\nThe terminal has been restored. Highlights \
         are saved as they are made, so none were lost.\n{log}",
        for_terminal(what)
    )
}

/// The name of a signal the reader handles.
pub fn signal_name(sig: i32) -> String {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        match sig {
            SIGTERM => return "SIGTERM".into(),
            SIGHUP => return "SIGHUP".into(),
            SIGINT => return "SIGINT".into(),
            SIGQUIT => return "SIGQUIT".into(),
            _ => {}
        }
    }
    format!("signal {sig}")
}

/// Passes SIGTERM, SIGHUP, SIGINT (which only arrives from `kill` while the terminal is in raw
/// mode; Ctrl-C is a key then) and SIGQUIT to `notify`, so the event loop can end cleanly. If
/// the process is still running two seconds later, this thread restores the terminal, prints a
/// line and exits with 128 + the signal's number.
#[cfg(unix)]
pub fn watch_signals(notify: impl Fn(i32) + Send + 'static) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                tracing::warn!(signal = %signal_name(sig), "signal received");
                notify(sig);
                std::thread::sleep(std::time::Duration::from_secs(2));
                restore();
                eprintln!(
                    "quotelens: stopped by {}; the terminal was restored",
                    signal_name(sig)
                );
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

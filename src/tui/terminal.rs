//! Taking over the terminal and giving it back. There is one way back, [`restore`]: it is called on
//! quit, on error (through [`Session`]'s `Drop`) and from the panic hook, and it is safe to call
//! more than once. A later signal handler (SIGTERM, SIGHUP) only needs to call it too.

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
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let on_ui = UI_THREAD
                .get()
                .is_none_or(|id| *id == std::thread::current().id());
            if on_ui || !ACTIVE.load(Ordering::SeqCst) {
                restore();
                previous(info);
            } else if let Ok(mut m) = WORKER_PANIC.lock() {
                // Printing now would scribble over the screen; the job reports it instead.
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
                *m = Some(format!("{msg}{at}"));
            }
        }));
    });
}

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
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is currently ours.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

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
            restore();
            previous(info);
        }));
    });
}

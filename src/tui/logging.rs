//! The reader's log: a file under `$XDG_STATE_HOME/quotelens/` (else the platform's state
//! folder, `~/.local/state/quotelens` on Linux), never the screen. `QUOTELENS_LOG` sets the level
//! (`error`, `warn`, `info` — the default — `debug`, `trace`). A log over 1 MB is moved to
//! `quotelens.log.old` when the reader starts.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The log file's name.
pub const LOG_FILE: &str = "quotelens.log";
const ROTATE_ABOVE: u64 = 1024 * 1024;

static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();

/// Where the log goes, if logging started.
pub fn log_path() -> Option<&'static Path> {
    LOG_PATH.get().map(PathBuf::as_path)
}

/// Starts logging to the file. Returns its path, or `None` when the folder cannot be made (the
/// reader then runs without a log; nothing is ever written to the terminal).
pub fn init() -> Option<PathBuf> {
    let dir = crate::paths::state_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(LOG_FILE);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > ROTATE_ABOVE) {
        let _ = std::fs::rename(&path, dir.join(format!("{LOG_FILE}.old")));
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    let level = std::env::var("QUOTELENS_LOG")
        .ok()
        .and_then(|l| l.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO);
    // Written straight through (no background writer), so nothing is lost when a signal or a
    // panic ends the process.
    let subscriber = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_target(false)
        .with_max_level(level)
        .finish();
    tracing::subscriber::set_global_default(subscriber).ok()?;
    let _ = LOG_PATH.set(path.clone());
    Some(path)
}

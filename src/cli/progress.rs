//! The progress bar of a long `extract` batch: files done, MB/s and time left, on standard error.
//! Only when standard error is a terminal, and only once the run has lasted [`SHOW_AFTER`], so a
//! quick run, a pipe or a log file gets nothing extra. Cleared when the run ends.

use crate::document::load::Source;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Runs shorter than this show no bar at all.
const SHOW_AFTER: Duration = Duration::from_millis(500);
const TEMPLATE: &str = "[{bar:30}] {msg}  {bytes_per_sec}  {eta} left";

pub struct Progress {
    bar: ProgressBar,
    /// Each input's size in bytes (0 for standard input, which has no size beforehand).
    sizes: Vec<u64>,
    done: usize,
    started: Instant,
    shown: bool,
}

impl Progress {
    /// A bar for a batch of several inputs when standard error is a terminal; `None` otherwise.
    pub fn for_batch(sources: &[Source]) -> Option<Progress> {
        if sources.len() < 2 || !std::io::stderr().is_terminal() {
            return None;
        }
        let sizes: Vec<u64> = sources
            .iter()
            .map(|s| match s {
                Source::Path(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
                Source::Stdin => 0,
            })
            .collect();
        let bar =
            ProgressBar::with_draw_target(Some(sizes.iter().sum()), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(TEMPLATE) {
            bar.set_style(style.progress_chars("=> "));
        }
        let progress = Progress {
            bar,
            sizes,
            done: 0,
            started: Instant::now(),
            shown: false,
        };
        progress.bar.set_message(progress.files_done());
        Some(progress)
    }

    fn files_done(&self) -> String {
        format!("{}/{} files", self.done, self.sizes.len())
    }

    /// Input `index` is done.
    pub fn finished(&mut self, index: usize) {
        self.done += 1;
        self.bar.inc(self.sizes.get(index).copied().unwrap_or(0));
        self.bar.set_message(self.files_done());
        self.tick();
    }

    /// Called regularly: shows the bar once the run has lasted [`SHOW_AFTER`], and redraws it
    /// (the rate and the time left move while a large file is being read).
    pub fn tick(&mut self) {
        if !self.shown && self.started.elapsed() >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        self.bar.tick();
    }

    /// Runs `f` (which prints to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

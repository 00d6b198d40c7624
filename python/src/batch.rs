//! Many inputs on many threads without the GIL; each result is handed, in input order, to a
//! function that runs on the calling thread with the GIL (to build its Python objects) while the
//! workers go on with the next inputs.

use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// The number of threads for `jobs` (all cores when `None`), at most one per input.
pub fn threads(jobs: Option<usize>, inputs: usize) -> usize {
    jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
    .clamp(1, 256)
    .min(inputs.max(1))
}

/// Runs `work(i)` for every `i < count` on `jobs` threads and calls `take(py, i, result)` in order
/// of `i`. An error from `take` stops the workers and is returned.
pub fn run_in_order<T, W, S>(
    py: Python<'_>,
    count: usize,
    jobs: usize,
    work: W,
    mut take: S,
) -> PyResult<()>
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    S: FnMut(Python<'_>, usize, T) -> PyResult<()> + Send,
{
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    py.detach(|| {
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<(usize, T)>();
            for _ in 0..jobs {
                let tx = tx.clone();
                let (next, stop, work) = (&next, &stop, &work);
                scope.spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count || tx.send((i, work(i))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut waiting = BTreeMap::new();
            let mut taken = 0;
            // Blocks without the GIL; takes whatever is ready in one go with it.
            while let Ok((i, result)) = rx.recv() {
                waiting.insert(i, result);
                waiting.extend(rx.try_iter());
                if !waiting.contains_key(&taken) {
                    continue;
                }
                let taking = Python::attach(|py| -> PyResult<()> {
                    while let Some(result) = waiting.remove(&taken) {
                        take(py, taken, result)?;
                        taken += 1;
                    }
                    Ok(())
                });
                if let Err(e) = taking {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
            Ok(())
        })
    })
}

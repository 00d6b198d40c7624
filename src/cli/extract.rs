//! `quotelens extract`: the inputs are analysed on worker threads and printed in input order, as
//! JSON, JSONL or a text summary, with a progress bar on a terminal for long batches.
//!
//! `--format json` with several inputs (or a folder) prints one JSON document:
//! `{"schema": "quotelens/1", "documents": [...], "errors": [...]}`, each entry of `documents`
//! being exactly what `extract FILE --format json` prints for that file. An object rather than a
//! bare array, so it names its schema and can gain fields later, as every object of the contract
//! can; `errors` lists the inputs that could not be read, for readers who do not see stderr.

use super::progress::Progress;
use super::{ExtractFormat, expand_inputs, write_out};
use crate::analysis::analyze;
use crate::analysis::model::QuoteKind;
use crate::contract;
use crate::document::load::{self, LoadError, Source};
use crate::document::sanitize;
use crate::failure::{Failure, exit};
use crate::plural::count;
use std::collections::BTreeMap;
use std::io::{StdoutLock, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// How often the progress bar is redrawn while no input finishes (with worker threads).
const TICK: Duration = Duration::from_millis(100);

/// One input's output and the warnings to print before it.
struct Extracted {
    output: String,
    warnings: Vec<String>,
}

/// Analyses one input and renders it in the chosen format.
fn extract_one(
    source: &Source,
    format: ExtractFormat,
    kinds: &[QuoteKind],
) -> Result<Extracted, LoadError> {
    let doc = load::load(source)?;
    let warnings = super::warnings(&doc).collect();
    let mut analysis = analyze(&doc);
    if !kinds.is_empty() {
        analysis.retain_kinds(kinds);
    }
    let output = match format {
        ExtractFormat::Json => contract::to_json(&doc, &analysis, true),
        ExtractFormat::Jsonl => {
            let mut s = contract::to_json(&doc, &analysis, false);
            s.push('\n');
            s
        }
        ExtractFormat::Text => crate::export::text_summary(&doc, &analysis),
    };
    Ok(Extracted { output, warnings })
}

/// `quotelens extract [INPUT…]`
pub fn run_extract(
    inputs: &[String],
    format: Option<ExtractFormat>,
    jobs: Option<usize>,
    kinds: &[QuoteKind],
) -> Result<(), Failure> {
    let sources = if inputs.is_empty() {
        vec![Source::named_or_piped(None).ok_or_else(|| Failure::no_input("extract"))?]
    } else {
        expand_inputs(inputs)?
    };
    if sources.is_empty() {
        return Err(Failure::new(
            exit::INPUT,
            "no documents found in the given folders",
        ));
    }
    let several = sources.len() > 1 || inputs.iter().any(|i| Path::new(i).is_dir());
    let format = format.unwrap_or(if several {
        ExtractFormat::Jsonl
    } else {
        ExtractFormat::Json
    });
    let layout = match format {
        ExtractFormat::Json if several => Layout::Collection,
        ExtractFormat::Json => Layout::One,
        ExtractFormat::Jsonl | ExtractFormat::Text => Layout::AsIs,
    };
    let jobs = jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .clamp(1, 256)
        .min(sources.len());
    let stdout = std::io::stdout();
    let mut printer = Printer {
        out: Output {
            out: stdout.lock(),
            layout,
            written: 0,
            errors: Vec::new(),
        },
        progress: Progress::for_batch(&sources),
        sources: &sources,
        several,
        waiting: BTreeMap::new(),
        printed: 0,
        failed: 0,
        last_error: None,
    };
    printer.out.begin()?;
    if jobs == 1 {
        // On this thread: a worker would cost a hand-over per file, and memory allocated on one
        // thread and freed on another (about 1% more instructions on BBC News).
        for (i, s) in sources.iter().enumerate() {
            printer.take(i, extract_one(s, format, kinds))?;
        }
    } else {
        run_workers(&sources, jobs, format, kinds, &mut printer)?;
    }
    let Printer {
        mut out,
        progress,
        failed,
        last_error,
        ..
    } = printer;
    drop(progress);
    out.end()?;
    let _ = out.out.flush();
    match (failed, last_error) {
        (0, _) | (_, None) => Ok(()),
        (1, Some(e)) if sources.len() == 1 => Err(Failure::from(e)),
        (n, Some(_)) if n == sources.len() => Err(Failure::new(
            exit::INPUT,
            format!("none of the {} could be read", count(n, "input")),
        )),
        (n, Some(_)) => Err(Failure::new(
            exit::PARTIAL,
            format!("{n} of {} could not be read", count(sources.len(), "input")),
        )),
    }
}

/// Workers take inputs in turn; results are printed in input order as they complete, and the
/// progress bar moves on while a large file is being read.
fn run_workers(
    sources: &[Source],
    jobs: usize,
    format: ExtractFormat,
    kinds: &[QuoteKind],
    printer: &mut Printer,
) -> Result<(), Failure> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Result<Extracted, LoadError>)>();
    std::thread::scope(|scope| -> Result<(), Failure> {
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(s) = sources.get(i) else { break };
                    if tx.send((i, extract_one(s, format, kinds))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        loop {
            let taken = match rx.recv_timeout(TICK) {
                Ok((i, r)) => printer.take(i, r),
                Err(RecvTimeoutError::Timeout) => {
                    printer.tick();
                    Ok(())
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            if taken.is_err() {
                // Output is gone: let the workers stop after the input in hand.
                next.store(sources.len(), Ordering::Relaxed);
                return taken;
            }
        }
    })
}

/// Prints results in input order, with their warnings and errors on standard error, and keeps
/// the progress bar and the failure count.
struct Printer<'a> {
    out: Output<'a>,
    progress: Option<Progress>,
    sources: &'a [Source],
    /// Several inputs: each error is printed as it comes (a single input's error ends the run).
    several: bool,
    /// Results that arrived before an earlier input's.
    waiting: BTreeMap<usize, Result<Extracted, LoadError>>,
    printed: usize,
    failed: usize,
    last_error: Option<LoadError>,
}

impl Printer<'_> {
    /// Input `i` is done: print it, and any that waited for it.
    fn take(&mut self, i: usize, result: Result<Extracted, LoadError>) -> Result<(), Failure> {
        if let Some(p) = &mut self.progress {
            p.finished(i);
        }
        self.waiting.insert(i, result);
        while let Some(r) = self.waiting.remove(&self.printed) {
            self.print(r)?;
            self.printed += 1;
        }
        Ok(())
    }

    fn tick(&mut self) {
        if let Some(p) = &mut self.progress {
            p.tick();
        }
    }

    fn print(&mut self, result: Result<Extracted, LoadError>) -> Result<(), Failure> {
        let progress = self.progress.as_ref();
        match result {
            Ok(x) => {
                for w in &x.warnings {
                    say(progress, w);
                }
                // On a terminal the output would run into the bar: move it aside.
                match progress {
                    Some(p) => p.suspend(|| self.out.document(&x.output)),
                    None => self.out.document(&x.output),
                }
            }
            Err(e) => {
                if self.several {
                    let line = format!("quotelens: {}", sanitize::for_terminal(&e.to_string()));
                    say(progress, &line);
                }
                self.out.error(&self.sources[self.printed], &e);
                self.failed += 1;
                self.last_error = Some(e);
                Ok(())
            }
        }
    }
}

/// A line on standard error, above the progress bar if there is one.
fn say(progress: Option<&Progress>, line: &str) {
    match progress {
        Some(p) => p.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

/// How documents are laid out on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One pretty JSON document.
    One,
    /// Each document's output as it is (JSON lines, text summaries).
    AsIs,
    /// One JSON object holding every document (`--format json` on several inputs).
    Collection,
}

/// An input that could not be read, in a collection's `errors`.
#[derive(serde::Serialize)]
struct InputError {
    source: String,
    message: String,
}

struct Output<'a> {
    out: StdoutLock<'a>,
    layout: Layout,
    written: usize,
    errors: Vec<InputError>,
}

/// Each line of `text` indented by `pad` spaces (pretty JSON has no line breaks inside strings).
fn indented(text: &str, pad: usize) -> String {
    let prefix = " ".repeat(pad);
    let mut s = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&prefix);
        s.push_str(line);
    }
    s
}

impl Output<'_> {
    fn begin(&mut self) -> Result<(), Failure> {
        if self.layout != Layout::Collection {
            return Ok(());
        }
        let head = format!(
            "{{\n  \"schema\": {},\n  \"documents\": [",
            serde_json::Value::from(contract::SCHEMA)
        );
        write_out(&mut self.out, &head)
    }

    fn document(&mut self, output: &str) -> Result<(), Failure> {
        let r = match self.layout {
            Layout::One => write_out(&mut self.out, &format!("{output}\n")),
            Layout::AsIs => write_out(&mut self.out, output),
            Layout::Collection => {
                let sep = if self.written == 0 { "\n" } else { ",\n" };
                write_out(&mut self.out, &format!("{sep}{}", indented(output, 4)))
            }
        };
        self.written += 1;
        r
    }

    fn error(&mut self, source: &Source, e: &LoadError) {
        if self.layout == Layout::Collection {
            self.errors.push(InputError {
                source: source.name(),
                message: e.to_string(),
            });
        }
    }

    fn end(&mut self) -> Result<(), Failure> {
        if self.layout != Layout::Collection {
            return Ok(());
        }
        let close = if self.written == 0 { "]" } else { "\n  ]" };
        let errors = serde_json::to_string_pretty(&self.errors).unwrap_or_else(|_| "[]".into());
        let tail = format!(
            "{close},\n  \"errors\": {}\n}}\n",
            indented(&errors, 2).trim_start()
        );
        write_out(&mut self.out, &tail)
    }
}

#[cfg(test)]
mod tests {
    use super::indented;

    #[test]
    fn every_line_is_indented() {
        assert_eq!(
            indented("{\n  \"a\": 1\n}", 4),
            "    {\n      \"a\": 1\n    }"
        );
    }
}

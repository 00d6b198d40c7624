//! The command line: argument definitions and the non-interactive commands (`text`, `extract`).
//! Exit codes are documented in the README and in [`crate::failure::exit`].

use crate::analysis::analyze;
use crate::analysis::model::QuoteKind;
use crate::contract;
use crate::document::load::{self, LoadError, Source};
use crate::document::{Document, sanitize};
/// Failures moved to [`crate::failure`]; the old paths stay for code and tests written before.
pub use crate::failure::{Failure, exit};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "quotelens",
    version,
    about = "A terminal reader that shows who speaks, what they said, and the numbers they cite",
    subcommand_precedence_over_arg = true,
    after_help = "With no FILE, the reader opens the bundled sample article (or standard input when it is a pipe).\nA folder or several files open the library.\nExit codes: 0 ok, 1 partial failure, 2 usage, 3 input, 4 output, 5 config, 6 terminal."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// What to open in the reader: a file (text, HTML, Markdown, EPUB; `-` for stdin), or a
    /// folder or several files (the library).
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Keep only these kinds of quotes in `extract` output (comma-separated: direct, partial,
    /// reported, nested, title, term). All kinds by default.
    #[arg(long, global = true, value_delimiter = ',', value_name = "KINDS")]
    pub kinds: Vec<QuoteKind>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the reader (the default command).
    Read {
        /// The file to read (`-` for stdin), or a folder or several files for the library; the
        /// sample article when omitted.
        #[arg(value_name = "FILE")]
        files: Vec<String>,
    },
    /// Print the document text that every offset refers to.
    Text {
        /// The file to read (`-` for stdin).
        file: String,
        /// Show control characters as visible symbols even when writing to a pipe.
        #[arg(long)]
        safe: bool,
    },
    /// Extract quotes, speakers and numbers as JSON, JSONL or text.
    Extract {
        /// Files or folders (`-` for stdin). A folder is read recursively.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output format: json (one document, pretty), jsonl (one line per document), text.
        #[arg(long, short, value_enum)]
        format: Option<ExtractFormat>,
        /// Worker threads (default: all cores).
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    /// Export quotes, saved highlights or figures as Markdown, JSON, HTML, text or CSV.
    Export(crate::export::command::ExportArgs),
    /// Show the engine's sentences and mentions (for developers).
    #[command(hide = true)]
    Debug { file: String },
}

/// Not part of the public interface: the engine's intermediate results, for developers.
pub fn run_debug(file: &str) -> Result<(), Failure> {
    let doc = load::load(&Source::parse(file))?;
    let stdout = std::io::stdout();
    write_out(
        &mut stdout.lock(),
        &sanitize::for_terminal(&crate::analysis::debug_dump(&doc)),
    )
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractFormat {
    Json,
    Jsonl,
    Text,
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
fn write_out(out: &mut impl Write, s: &str) -> Result<(), Failure> {
    match out.write_all(s.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(
            exit::OUTPUT,
            format!("cannot write output: {e}"),
        )),
    }
}

/// `quotelens text FILE`
pub fn run_text(file: &str, safe: bool) -> Result<(), Failure> {
    let doc = load::load(&Source::parse(file))?;
    warn(&doc);
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let mut out = stdout.lock();
    // The text is already normalised; on a terminal it is shown through the same escaping the
    // reader uses, so nothing in it can drive the terminal.
    let text = if safe || tty {
        sanitize::for_terminal(&doc.text)
    } else {
        std::borrow::Cow::Borrowed(doc.text.as_str())
    };
    write_out(&mut out, &text)?;
    if tty && !doc.text.ends_with('\n') {
        write_out(&mut out, "\n")?;
    }
    let _ = out.flush();
    Ok(())
}

fn warn(doc: &Document) {
    for w in &doc.meta.warnings {
        eprintln!(
            "quotelens: warning: {}: {}",
            sanitize::for_terminal(&doc.meta.source),
            w
        );
    }
}

/// Expands inputs: folders become their files (recursively, in path order), `-` stays stdin.
pub fn expand_inputs(inputs: &[String]) -> Result<Vec<Source>, Failure> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).map_err(|e| {
                Failure::new(exit::INPUT, format!("{input}: cannot read folder: {e}"))
            })?;
            out.extend(files.into_iter().map(Source::Path));
        } else {
            out.push(Source::Path(path.to_path_buf()));
        }
    }
    Ok(out)
}

/// Depth first, each folder's entries sorted by name: the files come out in path order without
/// sorting whole paths (comparing paths component by component is slow for thousands of files).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if ft.is_file() && is_readable_kind(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Files a folder walk picks up: documents, not images or archives.
fn is_readable_kind(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "" | "txt" | "text" | "html" | "htm" | "xhtml" | "md" | "markdown" | "epub"
    )
}

/// Analyses one input and renders it in the chosen format.
fn extract_one(
    source: &Source,
    format: ExtractFormat,
    kinds: &[QuoteKind],
) -> Result<String, LoadError> {
    let doc = load::load(source)?;
    warn(&doc);
    let mut analysis = analyze(&doc);
    if !kinds.is_empty() {
        analysis.retain_kinds(kinds);
    }
    Ok(match format {
        ExtractFormat::Json => {
            let mut s = contract::to_json(&doc, &analysis, true);
            s.push('\n');
            s
        }
        ExtractFormat::Jsonl => {
            let mut s = contract::to_json(&doc, &analysis, false);
            s.push('\n');
            s
        }
        ExtractFormat::Text => crate::export::text_summary(&doc, &analysis),
    })
}

/// `quotelens extract …`
pub fn run_extract(
    inputs: &[String],
    format: Option<ExtractFormat>,
    jobs: Option<usize>,
    kinds: &[QuoteKind],
) -> Result<(), Failure> {
    let sources = expand_inputs(inputs)?;
    if sources.is_empty() {
        return Err(Failure::new(
            exit::INPUT,
            "no documents found in the given folder(s)",
        ));
    }
    let several = sources.len() > 1 || inputs.iter().any(|i| Path::new(i).is_dir());
    let format = format.unwrap_or(if several {
        ExtractFormat::Jsonl
    } else {
        ExtractFormat::Json
    });
    if format == ExtractFormat::Json && several {
        return Err(Failure::new(
            exit::USAGE,
            "--format json prints one document; use --format jsonl for several files or a folder",
        ));
    }
    let jobs = jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .clamp(1, 256)
        .min(sources.len());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0usize;
    let mut last_error: Option<LoadError> = None;
    let mut emit =
        |r: Result<String, LoadError>, out: &mut std::io::StdoutLock| -> Result<(), Failure> {
            match r {
                Ok(s) => write_out(out, &s),
                Err(e) => {
                    if several {
                        eprintln!("quotelens: {}", sanitize::for_terminal(&e.to_string()));
                    }
                    failed += 1;
                    last_error = Some(e);
                    Ok(())
                }
            }
        };
    if jobs <= 1 {
        for s in &sources {
            emit(extract_one(s, format, kinds), &mut out)?;
        }
    } else {
        // Workers take inputs in turn; results are printed in input order as they complete.
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::mpsc;
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::channel::<(usize, Result<String, LoadError>)>();
        let result = std::thread::scope(|scope| -> Result<(), Failure> {
            for _ in 0..jobs {
                let tx = tx.clone();
                let next = &next;
                let sources = &sources;
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
            let mut waiting: std::collections::BTreeMap<usize, Result<String, LoadError>> =
                Default::default();
            let mut printed = 0;
            for (i, r) in rx {
                waiting.insert(i, r);
                while let Some(r) = waiting.remove(&printed) {
                    emit(r, &mut out)?;
                    printed += 1;
                }
            }
            Ok(())
        });
        result?;
    }
    let _ = out.flush();
    match (failed, last_error) {
        (0, _) | (_, None) => Ok(()),
        (1, Some(e)) if sources.len() == 1 => Err(Failure::from(e)),
        (n, Some(_)) if n == sources.len() => Err(Failure::new(
            exit::INPUT,
            format!("none of the {n} inputs could be read"),
        )),
        (n, Some(_)) => Err(Failure::new(
            exit::PARTIAL,
            format!("{n} of {} inputs could not be read", sources.len()),
        )),
    }
}

/// The sample article that opens when no file is given.
pub const SAMPLE_NAME: &str = "kremlin-talks.txt";
pub const SAMPLE_TEXT: &str = include_str!("../assets/kremlin-talks.txt");

/// Loads the document the reader opens: the file given, or the bundled sample.
pub fn reader_document(file: Option<&str>) -> Result<Document, Failure> {
    match file {
        Some(f) => Ok(load::load(&Source::parse(f))?),
        None => Ok(load::from_bytes(
            SAMPLE_TEXT.as_bytes(),
            SAMPLE_NAME,
            "txt",
        )?),
    }
}

/// `quotelens [FILE | DIR | FILES…]`: the reader (see `tui`).
pub fn run_reader(files: &[String]) -> Result<(), Failure> {
    crate::tui::run(files)
}

//! `quotelens [--kinds KINDS] export [FILE] [--format md|json|html|txt|csv] [--speaker NAME]
//! [--highlights] [--numbers] [--reported] [-o OUT [--force]]`

use super::write::{WriteError, write_file};
use super::{Format, Scope, render, select_kinds};
use crate::analysis::analyze;
use crate::analysis::model::QuoteKind;
use crate::document::load::{self, Source};
use crate::document::sanitize;
use crate::failure::{Failure, exit};
use crate::store::HighlightStore;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct ExportArgs {
    /// The document (`-` or none for a pipe on stdin).
    pub file: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "md")]
    pub format: Format,
    /// Only this speaker's excerpts: any part of the name or of an alias, any case ("Putin").
    #[arg(long, short, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Export the highlights saved for this document instead of the quotes.
    #[arg(long, conflicts_with = "numbers")]
    pub highlights: bool,
    /// Export the figures cited instead of the quotes.
    #[arg(long)]
    pub numbers: bool,
    /// Also export reported speech (he said that …) with the quotes.
    #[arg(long, conflicts_with_all = ["highlights", "numbers"])]
    pub reported: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it already exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl ExportArgs {
    pub fn scope(&self) -> Scope {
        if self.highlights {
            Scope::Highlights
        } else if self.numbers {
            Scope::Numbers
        } else {
            Scope::Quotes {
                reported: self.reported,
            }
        }
    }

    /// The scope with `--kinds` applied: naming `reported` asks for reported speech like
    /// `--reported`; with `--highlights` or `--numbers` the kinds mean nothing, so they are
    /// refused rather than ignored.
    fn scope_with_kinds(&self, kinds: &[QuoteKind]) -> Result<Scope, Failure> {
        match self.scope() {
            _ if kinds.is_empty() => Ok(self.scope()),
            Scope::Quotes { reported } => Ok(Scope::Quotes {
                reported: reported || kinds.contains(&QuoteKind::Reported),
            }),
            Scope::Highlights | Scope::Numbers => Err(Failure::new(
                exit::USAGE,
                format!(
                    "--kinds chooses quotes; it cannot be used with --{}",
                    if self.highlights {
                        "highlights"
                    } else {
                        "numbers"
                    }
                ),
            )),
        }
    }
}

fn say(message: &str) {
    eprintln!("quotelens: {}", sanitize::for_terminal(message));
}

/// Runs the command; `kinds` is the global `--kinds` (empty: the scope's usual quotes).
pub fn run(args: &ExportArgs, kinds: &[QuoteKind]) -> Result<(), Failure> {
    let scope = args.scope_with_kinds(kinds)?;
    let source =
        Source::named_or_piped(args.file.as_deref()).ok_or_else(|| Failure::no_input("export"))?;
    let doc = load::load(&source)?;
    for w in &doc.meta.warnings {
        say(&format!("warning: {}: {w}", doc.meta.source));
    }
    let analysis = analyze(&doc);
    let store = if scope == Scope::Highlights {
        let store =
            HighlightStore::open(&doc).map_err(|e| Failure::new(exit::INPUT, e.to_string()))?;
        for m in store.report().messages() {
            say(&m);
        }
        Some(store)
    } else {
        None
    };
    let highlights = store.as_ref().map_or(&[][..], |s| s.highlights());
    let selection = select_kinds(
        &doc,
        &analysis,
        highlights,
        scope,
        args.speaker.as_deref(),
        kinds,
    )
    .map_err(|e| Failure::new(exit::USAGE, e.to_string()))?;
    if selection.items.is_empty() {
        let what = if scope == Scope::Highlights {
            "no highlights saved for this document (mark some in the reader with m)"
        } else {
            "nothing to export: none found"
        };
        say(what);
    }
    let rendered = render(args.format, &selection);
    match &args.output {
        Some(out) if out.as_os_str() != "-" => {
            refuse_input(&source, out)?;
            write_file(out, rendered.as_bytes(), args.force)
                .map_err(|e| Failure::new(exit::OUTPUT, sanitize::for_terminal(&e.to_string())))?;
            say(&format!(
                "wrote {} to {}",
                selection.describe(),
                out.display()
            ));
            Ok(())
        }
        _ => print(&rendered),
    }
}

/// The document itself is never an export target, not even with --force.
fn refuse_input(source: &Source, out: &Path) -> Result<(), Failure> {
    if let Source::Path(input) = source
        && let (Ok(a), Ok(b)) = (std::fs::canonicalize(input), std::fs::canonicalize(out))
        && a == b
    {
        return Err(Failure::new(
            exit::OUTPUT,
            WriteError::IsInput(out.to_path_buf()).to_string(),
        ));
    }
    Ok(())
}

/// Standard output; a terminal only ever sees sanitised text. A closed pipe is not an error.
fn print(rendered: &str) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let text = if stdout.is_terminal() {
        sanitize::for_terminal(rendered)
    } else {
        std::borrow::Cow::Borrowed(rendered)
    };
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(
            exit::OUTPUT,
            format!("cannot write output: {e}"),
        )),
    }
}

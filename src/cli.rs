//! The command line: argument definitions, dispatch, and the non-interactive commands (`text`,
//! `extract`, `completions`, `man`). Exit codes are documented in the README and in
//! [`crate::failure::exit`].

mod extract;
mod manual;
mod near_miss;
mod progress;

/// Failures moved to [`crate::failure`]; the old paths stay for code and tests written before.
pub use crate::failure::{Failure, exit};
pub use extract::run_extract;
pub use near_miss::{suggest_command, unknown_command};

use crate::analysis::model::QuoteKind;
use crate::document::load::{self, Source};
use crate::document::{Document, sanitize};
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
    /// Keep only these kinds of quotes in `extract` and `export` output (comma-separated:
    /// direct, partial, reported, nested, title, term). All kinds by default.
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
        /// The file to read (`-` or none for a pipe on stdin).
        file: Option<String>,
        /// Show control characters as visible symbols even when writing to a pipe.
        #[arg(long)]
        safe: bool,
    },
    /// Extract quotes, speakers and numbers as JSON, JSONL or text.
    Extract {
        /// Files or folders (`-` for stdin; none reads a pipe on stdin). A folder is read
        /// recursively.
        inputs: Vec<String>,
        /// Output format: json (one pretty document; for several inputs one object with a
        /// `documents` array), jsonl (one line per document), text.
        #[arg(long, short, value_enum)]
        format: Option<ExtractFormat>,
        /// Worker threads (default: all cores).
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    /// Export quotes, saved highlights or figures as Markdown, JSON, HTML, text or CSV.
    Export(crate::export::command::ExportArgs),
    /// Print the shell completion script for SHELL to standard output.
    #[command(
        after_help = "Install, for example:\n  quotelens completions bash > ~/.local/share/bash-completion/completions/quotelens\n  quotelens completions zsh > ~/.zfunc/_quotelens\n  quotelens completions fish > ~/.config/fish/completions/quotelens.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output: `quotelens man | man -l -`.
    Man,
    /// Show the engine's sentences and mentions (for developers).
    #[command(hide = true)]
    Debug { file: String },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractFormat {
    Json,
    Jsonl,
    Text,
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let quote_command = matches!(
        cli.command,
        Some(Command::Extract { .. } | Command::Export(_))
    );
    if !cli.kinds.is_empty() && !quote_command {
        return Err(Failure::new(
            exit::USAGE,
            "--kinds chooses the quotes that `extract` and `export` print; the reader and `text` \
             show every quote",
        ));
    }
    match cli.command {
        Some(Command::Text { file, safe }) => run_text(file.as_deref(), safe),
        Some(Command::Extract {
            inputs,
            format,
            jobs,
        }) => run_extract(&inputs, format, jobs, &cli.kinds),
        Some(Command::Export(args)) => crate::export::command::run(&args, &cli.kinds),
        Some(Command::Completions { shell }) => manual::run_completions(shell),
        Some(Command::Man) => manual::run_man(),
        Some(Command::Debug { file }) => run_debug(&file),
        Some(Command::Read { files }) => run_reader(&files),
        None => {
            // `quotelens extrct a.txt` is a mistyped command, not a library of two files.
            if let Some(failure) = cli
                .files
                .first()
                .and_then(|first| near_miss::mistyped_command(first))
            {
                return Err(failure);
            }
            run_reader(&cli.files)
        }
    }
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

/// Writes to stdout, treating a closed pipe (`| head`) as success.
pub(crate) fn write_out(out: &mut impl Write, s: &str) -> Result<(), Failure> {
    match out.write_all(s.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(
            exit::OUTPUT,
            format!("cannot write output: {e}"),
        )),
    }
}

/// `quotelens text [FILE]`
pub fn run_text(file: Option<&str>, safe: bool) -> Result<(), Failure> {
    let source = Source::named_or_piped(file).ok_or_else(|| Failure::no_input("text"))?;
    let doc = load::load(&source)?;
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
    for w in warnings(doc) {
        eprintln!("{w}");
    }
}

/// The document's warnings as lines for standard error.
fn warnings(doc: &Document) -> impl Iterator<Item = String> + '_ {
    doc.meta.warnings.iter().map(|w| {
        format!(
            "quotelens: warning: {}: {}",
            sanitize::for_terminal(&doc.meta.source),
            sanitize::for_terminal(w)
        )
    })
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

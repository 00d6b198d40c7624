//! What the reader opens, and opening a document so that the first screen never waits for a
//! large file.
//!
//! [`target`] decides from the arguments: nothing (the sample, or standard input when it is a
//! pipe or a redirected file), `-` (standard input; the keys then come from the terminal,
//! `/dev/tty`), one file, or a folder or several files (the library).
//!
//! A plain-text file bigger than [`PREVIEW_ABOVE`] is opened like `less` does: its first
//! [`PREVIEW_BYTES`] (cut at a line end) go through the same loader and are shown at once, while the
//! whole file loads on another thread. Normalisation is local (line ends, control characters), so
//! the preview's bytes are the start of the full text and positions carry over unchanged.

use crate::cli;
use crate::document::Document;
use crate::document::load;
use crate::failure::{Failure, exit};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What the reader shows first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The bundled sample article.
    Sample,
    /// A document read from standard input.
    Stdin,
    File(String),
    /// A folder or several files: the library, titled by what was opened.
    Library {
        title: String,
        paths: Vec<PathBuf>,
    },
}

/// Decides what to open from the command-line inputs. `stdin_is_data`: standard input is a pipe
/// or a file (see [`stdin_is_data`]).
pub fn target(inputs: &[String], stdin_is_data: bool) -> Result<Target, Failure> {
    match inputs {
        [] if stdin_is_data => Ok(Target::Stdin),
        [] => Ok(Target::Sample),
        [one] if one == "-" => Ok(Target::Stdin),
        [one] if !Path::new(one).is_dir() => Ok(Target::File(one.clone())),
        _ => {
            if inputs.iter().any(|i| i == "-") {
                return Err(Failure::new(
                    exit::USAGE,
                    "`-` (standard input) cannot be opened together with other files; open it alone",
                ));
            }
            let paths: Vec<PathBuf> = cli::expand_inputs(inputs)?
                .into_iter()
                .filter_map(|s| match s {
                    load::Source::Path(p) => Some(p),
                    load::Source::Stdin => None,
                })
                .collect();
            if paths.is_empty() {
                return Err(Failure::new(
                    exit::INPUT,
                    format!(
                        "{}: no documents found (the reader opens .txt, .html, .md and .epub files)",
                        inputs.join(", ")
                    ),
                ));
            }
            let title = match inputs {
                [dir] => format!("{}/", dir.trim_end_matches('/')),
                _ => format!("{} files", inputs.len()),
            };
            Ok(Target::Library { title, paths })
        }
    }
}

/// True when standard input is a pipe, a socket or a redirected file: text to read, not a
/// terminal or `/dev/null`.
pub fn stdin_is_data() -> bool {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        let Ok(meta) = std::fs::File::from(fd).metadata() else {
            return false;
        };
        let t = meta.file_type();
        t.is_fifo() || t.is_file() || t.is_socket()
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Files above this size get a preview first.
pub const PREVIEW_ABOVE: u64 = 8 * 1024 * 1024;
/// How much of the file the preview holds.
pub const PREVIEW_BYTES: usize = 256 * 1024;

/// A document ready to show, and whether it is only the start of the file.
pub struct Opened {
    pub doc: Document,
    pub preview: bool,
}

/// Loads what the reader shows first. Errors (missing file, binary file …) come back before the
/// terminal is touched.
pub fn open(file: Option<&str>) -> Result<Opened, Failure> {
    if let Some(path) = file
        && let Some(doc) = preview(Path::new(path))
    {
        return Ok(Opened { doc, preview: true });
    }
    Ok(Opened {
        doc: cli::reader_document(file)?,
        preview: false,
    })
}

/// Loads the whole file (on the loader thread, after a preview).
pub fn open_full(file: &str) -> Result<Document, Failure> {
    cli::reader_document(Some(file))
}

/// The start of a large plain-text file, or `None` when the file should just be loaded.
fn preview(path: &Path) -> Option<Document> {
    if path.as_os_str() == "-" {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() <= PREVIEW_ABOVE {
        return None;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "" | "txt" | "text") {
        return None;
    }
    let mut head = Vec::with_capacity(PREVIEW_BYTES);
    std::fs::File::open(path)
        .ok()?
        .take(PREVIEW_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    // Cut after the last line end so no character or CRLF pair is split.
    let cut = memchr::memrchr(b'\n', &head)? + 1;
    head.truncate(cut);
    let doc = load::from_bytes(&head, &path.display().to_string(), &ext).ok()?;
    // Only plain UTF-8 text is guaranteed to keep its positions; anything the loader had to warn
    // about (invalid bytes) is loaded in full instead.
    if !doc.meta.warnings.is_empty() || doc.meta.format != crate::document::Format::Text {
        return None;
    }
    Some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_text_file_opens_with_a_preview_that_is_its_start() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("big.txt");
        let para = "“We will,” she said. Some more words here.\r\n\r\n";
        let text = para.repeat((PREVIEW_ABOVE as usize / para.len()) + 10);
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        let p = path.display().to_string();
        let first = open(Some(&p)).unwrap_or_else(|e| panic!("{}", e.message));
        assert!(first.preview);
        assert!(first.doc.text.len() <= PREVIEW_BYTES);
        let full = open_full(&p).unwrap_or_else(|e| panic!("{}", e.message));
        assert!(full.text.starts_with(&first.doc.text));
    }

    #[test]
    fn arguments_pick_the_sample_stdin_a_file_or_the_library() {
        let ok = |inputs: &[&str], data: bool| {
            let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
            target(&inputs, data).unwrap_or_else(|e| panic!("{}", e.message))
        };
        assert_eq!(ok(&[], false), Target::Sample);
        assert_eq!(ok(&[], true), Target::Stdin);
        assert_eq!(ok(&["-"], false), Target::Stdin);
        assert_eq!(ok(&["a.txt"], true), Target::File("a.txt".into()));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for name in ["b.txt", "a.md", "skip.png"] {
            std::fs::write(dir.path().join(name), "x").unwrap_or_else(|e| panic!("{e}"));
        }
        let d = dir.path().display().to_string();
        match ok(&[&d], false) {
            Target::Library { paths, title } => {
                assert_eq!(paths.len(), 2, "{paths:?}");
                assert!(paths[0].ends_with("a.md"));
                assert!(title.ends_with('/'));
            }
            other => panic!("{other:?}"),
        }
        let a = dir.path().join("a.md").display().to_string();
        let b = dir.path().join("b.txt").display().to_string();
        assert!(matches!(ok(&[&a, &b], false), Target::Library { .. }));
        let err = |inputs: &[&str]| {
            let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
            target(&inputs, false).err().map(|f| f.code)
        };
        assert_eq!(err(&["-", &a]), Some(exit::USAGE));
        let empty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            err(&[&empty.path().display().to_string()]),
            Some(exit::INPUT)
        );
    }

    #[test]
    fn small_files_and_the_sample_load_whole() {
        let opened = open(None).unwrap_or_else(|e| panic!("{}", e.message));
        assert!(!opened.preview);
        assert!(opened.doc.text.contains("Lukashenko"));
        assert!(open(Some("/no/such/file.txt")).is_err());
    }
}

//! Opening a document for the reader so that the first screen never waits for a large file.
//!
//! A plain-text file bigger than [`PREVIEW_ABOVE`] is opened like `less` does: its first
//! [`PREVIEW_BYTES`] (cut at a line end) go through the same loader and are shown at once, while the
//! whole file loads on another thread. Normalisation is local (line ends, control characters), so
//! the preview's bytes are the start of the full text and positions carry over unchanged.

use crate::cli::{self, Failure};
use crate::document::Document;
use crate::document::load;
use std::io::Read;
use std::path::Path;

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
    fn small_files_and_the_sample_load_whole() {
        let opened = open(None).unwrap_or_else(|e| panic!("{}", e.message));
        assert!(!opened.preview);
        assert!(opened.doc.text.contains("Lukashenko"));
        assert!(open(Some("/no/such/file.txt")).is_err());
    }
}

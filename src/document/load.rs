//! Loading: bytes from a file or stdin → format detection → decoding → a [`Document`].
//!
//! Every path ends in a `Document` whose text is normalised (`sanitize::normalize`): plain text
//! through `Document::from_string`, HTML, EPUB and Markdown through the text builder.

use super::{Document, Format, Meta, encoding, epub, html, markdown, sanitize};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused rather than risking the machine's memory (analysing a file
/// takes about seven times its size). The environment variable `QUOTELENS_MAX_BYTES` overrides it.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The size limit in force: `QUOTELENS_MAX_BYTES` when set to a number, else [`MAX_BYTES`].
pub fn max_bytes() -> u64 {
    std::env::var("QUOTELENS_MAX_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(MAX_BYTES)
}

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Path(PathBuf),
    Stdin,
}

impl Source {
    /// `-` means standard input.
    pub fn parse(arg: &str) -> Source {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }
    /// What a command reads: the file named, or standard input when none is named and standard
    /// input is a pipe or a redirected file (as `cat article.txt | quotelens extract`). `None`
    /// when nothing is named and standard input is a terminal or empty.
    pub fn named_or_piped(arg: Option<&str>) -> Option<Source> {
        match arg {
            Some(a) => Some(Source::parse(a)),
            None => stdin_is_data().then_some(Source::Stdin),
        }
    }

    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
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

/// Why a document could not be loaded. Each message says what happened and what to do. Paths in
/// messages are already safe to print on a terminal.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file; check the path")]
    NotFound { path: String },
    #[error("{path}: permission denied; check the file's permissions")]
    PermissionDenied { path: String },
    #[error("{path}: is a directory; give a file, or use `quotelens extract DIR` for a folder")]
    IsDirectory { path: String },
    #[error(
        "{path}: looks like a binary file (it contains NUL bytes); quotelens reads text, HTML, Markdown and EPUB"
    )]
    Binary { path: String },
    #[error(
        "{path}: is too large ({}); quotelens reads inputs up to {}. Split it into smaller files, or raise the limit with QUOTELENS_MAX_BYTES",
        describe_size(.size), human_bytes(*.limit)
    )]
    TooLarge {
        path: String,
        /// The size, when known (a file); `None` for a stream that went past the limit.
        size: Option<u64>,
        limit: u64,
    },
    #[error("{path}: {message}")]
    Format { path: String, message: String },
    #[error("{path}: could not read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl LoadError {
    fn io(path: &str, e: std::io::Error) -> LoadError {
        let path = safe(path);
        match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound { path },
            std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
            _ => LoadError::Io { path, source: e },
        }
    }
}

/// A path or name made safe for a terminal (file names can hold escape sequences too).
fn safe(path: &str) -> String {
    sanitize::for_terminal(path).into_owned()
}

fn describe_size(size: &Option<u64>) -> String {
    match size {
        Some(s) => format!("{} bytes, {}", s, human_bytes(*s)),
        None => "more than the limit".to_string(),
    }
}

fn human_bytes(n: u64) -> String {
    const MIB: u64 = 1 << 20;
    if n >= 1 << 30 {
        format!("{:.1} GiB", n as f64 / (1u64 << 30) as f64)
    } else if n >= MIB {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

/// Loads a document from a path or stdin.
pub fn load(source: &Source) -> Result<Document, LoadError> {
    let name = source.name();
    let limit = max_bytes();
    let (bytes, ext) = match source {
        Source::Stdin => (read_bounded(std::io::stdin().lock(), &name, limit, 0)?, ""),
        Source::Path(p) => (
            read_file(p, limit)?,
            p.extension().and_then(|e| e.to_str()).unwrap_or_default(),
        ),
    };
    from_vec(bytes, &name, &ext.to_ascii_lowercase())
}

/// Reads a file after checking it is a file and within the limit. The read is bounded too, so a
/// file that grows, or a device like /dev/zero, cannot exhaust memory.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| LoadError::io(&name, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { path: safe(&name) });
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: safe(&name),
            size: Some(meta.len()),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| LoadError::io(&name, e))?;
    read_bounded(file, &name, limit, meta.len())
}

/// Reads everything up to `limit` bytes; more is refused.
fn read_bounded(
    reader: impl Read,
    name: &str,
    limit: u64,
    size_hint: u64,
) -> Result<Vec<u8>, LoadError> {
    let mut buf = Vec::with_capacity(usize::try_from(size_hint.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| LoadError::io(name, e))?;
    if buf.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: safe(name),
            size: None,
            limit,
        });
    }
    Ok(buf)
}

/// Builds a document from raw bytes; `ext` is the lower-case file extension ("" if none).
pub fn from_bytes(bytes: &[u8], source: &str, ext: &str) -> Result<Document, LoadError> {
    from_vec(bytes.to_vec(), source, ext)
}

/// Builds a document from raw bytes it takes ownership of (valid UTF-8 text is not copied).
pub fn from_vec(bytes: Vec<u8>, source: &str, ext: &str) -> Result<Document, LoadError> {
    let format = detect_format(&bytes, ext);
    let mut meta = Meta {
        source: source.to_string(),
        format,
        ..Meta::default()
    };
    if format == Format::Epub {
        return epub::to_document(bytes, meta, max_bytes()).map_err(|message| LoadError::Format {
            path: safe(source),
            message,
        });
    }
    let decoded = encoding::decode(bytes, format == Format::Html)
        .map_err(|encoding::Binary| LoadError::Binary { path: safe(source) })?;
    meta.encoding = decoded.encoding.to_string();
    meta.warnings = decoded.warnings;
    Ok(match format {
        Format::Html => html::to_document(&decoded.text, meta),
        Format::Markdown => markdown::to_document(&decoded.text, meta),
        Format::Text | Format::Epub => Document::from_string(decoded.text, meta),
    })
}

/// Guesses the format from the first bytes and the extension.
///
/// An EPUB is recognised by its signature (a zip starting with the `mimetype` entry) whatever its
/// name; a known extension decides the rest (`.html`, `.md`, `.txt`, `.epub`); without one (stdin,
/// `notes`, `page.php`) the content decides: markup that starts like an HTML document is HTML, a
/// first line that is a `#` heading or YAML front matter is Markdown, anything else is text.
pub fn detect_format(bytes: &[u8], ext: &str) -> Format {
    if epub::has_epub_signature(bytes) {
        return Format::Epub;
    }
    match ext {
        "epub" => return Format::Epub,
        "html" | "htm" | "xhtml" | "xht" | "shtml" => return Format::Html,
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn" => return Format::Markdown,
        "txt" | "text" => return Format::Text,
        _ => {}
    }
    let head = sniff_head(bytes);
    if looks_like_html(&head) {
        Format::Html
    } else if looks_like_markdown(&head) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// The first KB of the input as lower-case ASCII-ish text, BOM removed and UTF-16 narrowed, so
/// that sniffing works whatever the encoding.
fn sniff_head(bytes: &[u8]) -> String {
    let (bytes, utf16) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, n)) => (&bytes[n..], e != encoding_rs::UTF_8),
        None => (bytes, false),
    };
    let sample = &bytes[..bytes.len().min(2048)];
    let narrowed: Vec<u8> = if utf16 || looks_like_utf16(sample) {
        sample.iter().copied().filter(|&b| b != 0).collect()
    } else {
        sample.to_vec()
    };
    String::from_utf8_lossy(&narrowed[..narrowed.len().min(1024)]).to_ascii_lowercase()
}

/// Many NUL bytes on one side of the code units: UTF-16 text (checked properly when decoding).
fn looks_like_utf16(sample: &[u8]) -> bool {
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    sample.len() >= 4 && zeros * 4 >= sample.len()
}

fn looks_like_html(head: &str) -> bool {
    let mut rest = head.trim_start();
    // Comments (and an XML declaration) may come before the document's first tag.
    loop {
        if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = after[end + 3..].trim_start(),
                None => return false,
            }
        } else if let Some(after) = rest.strip_prefix("<?xml") {
            match after.find("?>") {
                Some(end) => rest = after[end + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|p| rest.starts_with(p))
}

fn looks_like_markdown(head: &str) -> bool {
    let head = head.trim_start_matches(['\n', '\r']);
    if let Some(rest) = head.strip_prefix("---\n").or(head.strip_prefix("---\r\n")) {
        // YAML front matter: `key: value` lines until the closing `---`.
        let first = rest.lines().next().unwrap_or("");
        return first.contains(": ") && rest.contains("\n---");
    }
    let first = head.lines().next().unwrap_or("");
    let hashes = first.len() - first.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && first[hashes..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_known() {
        assert_eq!(detect_format(b"plain", "html"), Format::Html);
        assert_eq!(detect_format(b"plain", "md"), Format::Markdown);
        assert_eq!(detect_format(b"<html>", "txt"), Format::Text);
        assert_eq!(detect_format(b"not a zip", "epub"), Format::Epub);
    }

    #[test]
    fn content_decides_without_an_extension() {
        assert_eq!(detect_format(b"  <!DOCTYPE html><html>", ""), Format::Html);
        assert_eq!(
            detect_format(b"<!-- saved -->\n<html lang=en>", "php"),
            Format::Html
        );
        assert_eq!(
            detect_format(b"<?xml version=\"1.0\"?>\n<html>", ""),
            Format::Html
        );
        assert_eq!(detect_format(b"# Title\n\nText", ""), Format::Markdown);
        assert_eq!(
            detect_format(b"---\ntitle: x\n---\nText", ""),
            Format::Markdown
        );
        assert_eq!(detect_format(b"#hashtag is text", ""), Format::Text);
        assert_eq!(detect_format(b"Plain headline\n\nBody.", ""), Format::Text);
        assert_eq!(detect_format(b"", ""), Format::Text);
    }

    #[test]
    fn utf16_html_is_recognised() {
        let bytes: Vec<u8> = "\u{feff}<!doctype html><p>x</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(detect_format(&bytes, ""), Format::Html);
    }

    #[test]
    fn epub_signature_wins_over_the_extension() {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend([0u8; 22]);
        zip.extend(8u16.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip.extend(b"mimetypeapplication/epub+zip");
        assert_eq!(detect_format(&zip, "txt"), Format::Epub);
    }

    #[test]
    fn sizes_are_described_for_people() {
        assert_eq!(human_bytes(256 << 20), "256 MiB");
        assert_eq!(human_bytes(3 << 30), "3.0 GiB");
        assert_eq!(human_bytes(12), "12 bytes");
    }
}

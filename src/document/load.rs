//! Loading: bytes from a file or stdin → format detection → decoding → a [`Document`].

use super::{Document, Format, Meta};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than risking the machine's memory.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024 * 1024;

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
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
        }
    }
}

/// Why a document could not be loaded. Each message says what happened and what to do.
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
        "{path}: is {size} bytes, more than the {limit}-byte limit; split it into smaller files"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
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
        match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound { path: path.into() },
            std::io::ErrorKind::PermissionDenied => {
                LoadError::PermissionDenied { path: path.into() }
            }
            std::io::ErrorKind::IsADirectory => LoadError::IsDirectory { path: path.into() },
            _ => LoadError::Io {
                path: path.into(),
                source: e,
            },
        }
    }
}

/// Loads a document from a path or stdin.
pub fn load(source: &Source) -> Result<Document, LoadError> {
    let name = source.name();
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| LoadError::io(&name, e))?;
            buf
        }
        Source::Path(p) => read_file(p)?,
    };
    let ext = match source {
        Source::Path(p) => p
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default(),
        Source::Stdin => String::new(),
    };
    from_bytes(&bytes, &name, &ext)
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| LoadError::io(&name, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { path: name });
    }
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge {
            path: name,
            size: meta.len(),
            limit: MAX_BYTES,
        });
    }
    std::fs::read(path).map_err(|e| LoadError::io(&name, e))
}

/// Builds a document from raw bytes; `ext` is the lower-case file extension ("" if none).
pub fn from_bytes(bytes: &[u8], source: &str, ext: &str) -> Result<Document, LoadError> {
    let format = detect_format(bytes, ext);
    let meta = Meta {
        source: source.to_string(),
        format,
        ..Meta::default()
    };
    match format {
        Format::Text | Format::Html | Format::Markdown | Format::Epub => {
            let (text, encoding, warnings) = decode_text(bytes, source)?;
            let mut meta = Meta { encoding, ..meta };
            meta.format = Format::Text;
            meta.warnings = warnings;
            Ok(Document::from_text(&text, meta))
        }
    }
}

/// Guesses the format from the extension and the first bytes.
pub fn detect_format(_bytes: &[u8], _ext: &str) -> Format {
    Format::Text
}

/// Decodes text bytes: UTF-8 (with or without BOM); invalid sequences become U+FFFD with a warning.
/// NUL bytes mean a binary file, which is refused.
pub fn decode_text(bytes: &[u8], source: &str) -> Result<(String, String, Vec<String>), LoadError> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(LoadError::Binary {
            path: source.into(),
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), "UTF-8".into(), Vec::new())),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let n = s.matches('\u{fffd}').count();
            Ok((
                s,
                "UTF-8".into(),
                vec![format!(
                    "invalid UTF-8: {n} byte sequence(s) replaced with �"
                )],
            ))
        }
    }
}

//! What the Python functions take: texts or paths, and the options shared by every function.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use quotelens::document::load::{self, LoadError, Source};
use quotelens::{Analysis, Document, QuoteKind};
use std::path::PathBuf;

/// One document to analyse.
pub enum Input {
    /// Text given as `str` (its UTF-8) or `bytes` (decoded as a file would be), with its name.
    Data { bytes: Vec<u8>, source: String },
    /// A file read with the command's loaders.
    Path(PathBuf),
}

impl Input {
    /// A `str` or `bytes` argument.
    pub fn data(text: &Bound<'_, PyAny>, source: String) -> PyResult<Input> {
        let bytes = if let Ok(s) = text.cast::<PyString>() {
            s.to_cow()?.into_owned().into_bytes()
        } else if let Ok(b) = text.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            return Err(PyTypeError::new_err(format!(
                "a text must be str or bytes, not {}",
                text.get_type().name()?
            )));
        };
        Ok(Input::Data { bytes, source })
    }

    /// Loads the document as `quotelens extract` would (for text, as from standard input).
    pub fn load(&self, options: &Options) -> Result<Document, LoadError> {
        match self {
            Input::Data { bytes, source } => load::from_bytes(bytes, source, options.format),
            Input::Path(path) => load::load(&Source::Path(path.clone())),
        }
    }

    /// The document and what the engine found in it.
    pub fn analyse(&self, options: &Options) -> Result<(Document, Analysis), LoadError> {
        let doc = self.load(options)?;
        let mut analysis = quotelens::analyze(&doc);
        if !options.kinds.is_empty() {
            analysis.retain_kinds(&options.kinds);
        }
        Ok((doc, analysis))
    }
}

/// Options every extraction function takes.
pub struct Options {
    /// The input format as a file extension ("" to tell from the content).
    pub format: &'static str,
    /// Quote kinds to keep (all when empty).
    pub kinds: Vec<QuoteKind>,
    /// Offsets in characters (code points) instead of bytes.
    pub chars: bool,
}

impl Options {
    pub fn parse(
        format: Option<&str>,
        offsets: &str,
        kinds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Options> {
        Ok(Options {
            format: format_extension(format)?,
            kinds: match kinds {
                Some(kinds) => parse_kinds(kinds)?,
                None => Vec::new(),
            },
            chars: match offsets {
                "bytes" => false,
                "chars" => true,
                other => {
                    return Err(PyValueError::new_err(format!(
                        "offsets must be \"bytes\" or \"chars\", not {other:?}"
                    )));
                }
            },
        })
    }
}

/// The extension the loaders know a format by.
fn format_extension(format: Option<&str>) -> PyResult<&'static str> {
    Ok(match format.map(str::to_ascii_lowercase).as_deref() {
        None => "",
        Some("text" | "txt") => "txt",
        Some("html" | "htm") => "html",
        Some("markdown" | "md") => "md",
        Some("epub") => "epub",
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown format {other:?}; use \"text\", \"html\", \"markdown\" or \"epub\" (or None to tell from the content)"
            )));
        }
    })
}

/// Quote kinds as a list of names or one comma-separated string, like `--kinds` (same messages).
fn parse_kinds(kinds: &Bound<'_, PyAny>) -> PyResult<Vec<QuoteKind>> {
    let names: Vec<String> = match kinds.cast::<PyString>() {
        Ok(s) => s.to_cow()?.split(',').map(str::to_owned).collect(),
        Err(_) => kinds.extract()?,
    };
    names
        .iter()
        .map(|name| name.parse::<QuoteKind>().map_err(PyValueError::new_err))
        .collect()
}

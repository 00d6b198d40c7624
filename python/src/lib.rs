//! The `quotelens._quotelens` extension: the engine and the JSON contract of the `quotelens`
//! library, called from Python. The public API and its documentation are in
//! `quotelens/__init__.py` and the stubs; this module does the work.

mod batch;
mod errors;
mod gc_pause;
mod inputs;
mod offsets;
mod to_python;

use inputs::{Input, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use quotelens::document::load::Source;
use quotelens::{Analysis, Document, contract};
use std::path::PathBuf;
use to_python::{ObjectCache, to_python};

/// The contract object of one analysed document, offsets in bytes or characters.
fn contract_object<'py>(
    py: Python<'py>,
    cache: &mut ObjectCache,
    doc: &Document,
    analysis: &Analysis,
    options: &Options,
) -> PyResult<Bound<'py, PyAny>> {
    let mut out = contract::output(doc, analysis);
    if options.chars {
        offsets::to_chars(&mut out, &doc.text);
    }
    to_python(py, cache, &out)
}

/// Analyses one input without the GIL and builds its contract object.
fn extract_one<'py>(
    py: Python<'py>,
    input: &Input,
    options: &Options,
) -> PyResult<Bound<'py, PyAny>> {
    let (doc, analysis) = py
        .detach(|| input.analyse(options))
        .map_err(|e| errors::load_error(py, &e))?;
    contract_object(py, &mut ObjectCache::default(), &doc, &analysis, options)
}

/// Analyses many inputs on `jobs` threads; the results (or, with `errors="return"`, the
/// exceptions) in input order.
fn extract_batch<'py>(
    py: Python<'py>,
    inputs: &[Input],
    jobs: Option<usize>,
    options: &Options,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let raise = match errors {
        "raise" => true,
        "return" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"return\", not {other:?}"
            )));
        }
    };
    let mut results: Vec<Py<PyAny>> = Vec::with_capacity(inputs.len());
    let mut cache = ObjectCache::default();
    let _paused = gc_pause::GcPause::new(py)?;
    batch::run_in_order(
        py,
        inputs.len(),
        batch::threads(jobs, inputs.len()),
        |i| inputs[i].analyse(options),
        |py, i, analysed| {
            let result = match analysed {
                Ok((doc, analysis)) => {
                    contract_object(py, &mut cache, &doc, &analysis, options)?.unbind()
                }
                Err(e) => {
                    let err = errors::with_index(py, errors::load_error(py, &e), i);
                    if raise {
                        return Err(err);
                    }
                    err.into_value(py).into_any()
                }
            };
            results.push(result);
            Ok(())
        },
    )?;
    PyList::new(py, results)
}

#[pyfunction]
/// Quotes, speakers and numbers in one document: the "quotelens/1" JSON that
/// `quotelens extract FILE --format json` prints, as Python dicts and lists.
///
/// `text` is a `str`, or `bytes` decoded as a file would be (BOM, UTF-16, declared or guessed
/// legacy encodings). `format` is "text", "html", "markdown" or "epub"; None tells it from the
/// content, as the command does for standard input. `source` is the name written in
/// `document.source` ("-" when None). `offsets="chars"` gives every offset in characters of the
/// document text (what Python strings are indexed by) instead of UTF-8 bytes. `kinds` keeps only
/// those quote kinds, like `--kinds`.
///
/// Raises InputError (a ValueError) with the command's message for input it cannot read.
#[pyo3(signature = (text, *, format=None, source=None, offsets="bytes", kinds=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    format: Option<&str>,
    source: Option<String>,
    offsets: &str,
    kinds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options::parse(format, offsets, kinds)?;
    let input = Input::data(text, source.unwrap_or_else(|| "-".to_string()))?;
    extract_one(py, &input, &options)
}

#[pyfunction]
/// Like `extract`, for a file read with the command's loaders: text in any encoding, HTML
/// (the article is extracted), Markdown and EPUB, told by the extension and the content.
///
/// Raises InputNotFoundError (also a FileNotFoundError), InputPermissionError,
/// InputIsADirectoryError or InputError, with the command's messages.
#[pyo3(signature = (path, *, offsets="bytes", kinds=None))]
fn extract_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    offsets: &str,
    kinds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options::parse(None, offsets, kinds)?;
    extract_one(py, &Input::Path(path), &options)
}

#[pyfunction]
/// `extract` for many texts on `jobs` threads (all cores when None), without holding the GIL
/// while the engine runs. Returns the results in the order of `texts`.
///
/// `sources` names each text (its `document.source`). With `errors="raise"` the first input that
/// cannot be read (in input order) raises its InputError, whose `index` attribute is its position;
/// with `errors="return"` that exception takes the input's place in the list and the rest go on.
#[pyo3(signature = (texts, *, jobs=None, format=None, sources=None, offsets="bytes", kinds=None, errors="raise"))]
#[allow(clippy::too_many_arguments)]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    format: Option<&str>,
    sources: Option<Vec<String>>,
    offsets: &str,
    kinds: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let options = Options::parse(format, offsets, kinds)?;
    let texts = texts.try_iter()?.collect::<PyResult<Vec<_>>>()?;
    if let Some(sources) = &sources
        && sources.len() != texts.len()
    {
        return Err(PyValueError::new_err(format!(
            "sources has {} names for {} texts; give one name per text",
            sources.len(),
            texts.len()
        )));
    }
    let inputs = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let source = sources.as_ref().map_or("-", |s| s[i].as_str());
            Input::data(text, source.to_string())
        })
        .collect::<PyResult<Vec<_>>>()?;
    extract_batch(py, &inputs, jobs, &options, errors)
}

#[pyfunction]
/// `extract_file` for many files on `jobs` threads (all cores when None), reading and analysing
/// them without the GIL, as `quotelens extract FILES --format jsonl --jobs N` does. Results in the
/// order of `paths`; `errors` as for `extract_many`. `files(folder)` lists a folder the same way.
#[pyo3(signature = (paths, *, jobs=None, offsets="bytes", kinds=None, errors="raise"))]
fn extract_files<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    offsets: &str,
    kinds: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let options = Options::parse(None, offsets, kinds)?;
    let inputs: Vec<Input> = paths.into_iter().map(Input::Path).collect();
    extract_batch(py, &inputs, jobs, &options, errors)
}

#[pyfunction]
/// The document text every offset refers to, as `quotelens text` prints it. For plain text it is
/// `text` itself, unless it had a byte-order mark, CR line ends (made LF) or control characters
/// (shown as visible symbols); for HTML, Markdown and EPUB it is the extracted text.
#[pyo3(signature = (text, *, format=None))]
fn text(py: Python<'_>, text: &Bound<'_, PyAny>, format: Option<&str>) -> PyResult<String> {
    let options = Options::parse(format, "bytes", None)?;
    let input = Input::data(text, "-".to_string())?;
    document_text(py, &input, &options)
}

#[pyfunction]
/// The document text of a file, which offsets of `extract_file(path)` refer to.
fn text_file(py: Python<'_>, path: PathBuf) -> PyResult<String> {
    let options = Options::parse(None, "bytes", None)?;
    document_text(py, &Input::Path(path), &options)
}

fn document_text(py: Python<'_>, input: &Input, options: &Options) -> PyResult<String> {
    py.detach(|| input.load(options))
        .map(|doc| doc.text)
        .map_err(|e| errors::load_error(py, &e))
}

#[pyfunction]
/// The documents `quotelens extract` would read for these paths (one path or a list): a folder
/// becomes its text, HTML, Markdown and EPUB files, recursively and in path order (hidden entries
/// skipped); a file stays as it is.
fn files(py: Python<'_>, inputs: &Bound<'_, PyAny>) -> PyResult<Vec<std::ffi::OsString>> {
    let inputs: Vec<PathBuf> = match inputs.extract::<PathBuf>() {
        Ok(path) => vec![path],
        Err(_) => inputs.extract()?,
    };
    let inputs: Vec<String> = inputs
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let sources = py
        .detach(|| quotelens::cli::expand_inputs(&inputs))
        .map_err(|failure| errors::input_error(py, "InputError", failure.message))?;
    Ok(sources
        .into_iter()
        .map(|source| match source {
            Source::Path(path) => path.into_os_string(),
            Source::Stdin => "-".into(),
        })
        .collect())
}

#[pymodule]
fn _quotelens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_file, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_files, m)?)?;
    m.add_function(wrap_pyfunction!(text, m)?)?;
    m.add_function(wrap_pyfunction!(text_file, m)?)?;
    m.add_function(wrap_pyfunction!(files, m)?)?;
    m.add("SCHEMA", contract::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

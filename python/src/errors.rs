//! Errors as Python exceptions, with the messages the command line prints. The classes live in
//! `quotelens/errors.py`, where they can derive from both `ValueError` and the matching `OSError`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use quotelens::document::load::LoadError;

/// The exception for an input that could not be read (the command's exit code 3).
pub fn load_error(py: Python<'_>, e: &LoadError) -> PyErr {
    let class = match e {
        LoadError::NotFound { .. } => "InputNotFoundError",
        LoadError::PermissionDenied { .. } => "InputPermissionError",
        LoadError::IsDirectory { .. } => "InputIsADirectoryError",
        _ => "InputError",
    };
    input_error(py, class, e.to_string())
}

/// An exception of class `class` from `quotelens.errors` with `message`.
pub fn input_error(py: Python<'_>, class: &str, message: String) -> PyErr {
    let raised = py
        .import("quotelens.errors")
        .and_then(|m| m.getattr(class))
        .and_then(|class| class.call1((message.clone(),)));
    match raised {
        Ok(exception) => PyErr::from_value(exception),
        // The package's Python half is missing (a broken install): still say what went wrong.
        Err(_) => PyValueError::new_err(message),
    }
}

/// Attaches the position of the failing input in a batch as `index`.
pub fn with_index(py: Python<'_>, err: PyErr, index: usize) -> PyErr {
    // Setting an attribute on an exception instance cannot fail in practice; the error stands
    // without its index if it does.
    let _ = err.value(py).setattr("index", index);
    err
}

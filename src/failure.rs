//! How a command ends when it cannot finish: a message for the user and an exit code. Shared by
//! the command line, the reader and the export command, so each names its failures the same way.

use crate::document::load::LoadError;

/// Exit codes (documented in the README and in `quotelens --help`).
pub mod exit {
    /// Everything worked.
    pub const OK: i32 = 0;
    /// Some inputs in a batch failed; the others were processed.
    pub const PARTIAL: i32 = 1;
    /// Bad command-line usage (clap's own code).
    pub const USAGE: i32 = 2;
    /// An input could not be read (missing, unreadable, a directory, binary, too large).
    pub const INPUT: i32 = 3;
    /// Output could not be written (or would overwrite a different file).
    pub const OUTPUT: i32 = 4;
    /// The configuration file is invalid.
    pub const CONFIG: i32 = 5;
    /// The terminal could not be used.
    pub const TERMINAL: i32 = 6;
}

/// An error that ends a command with a message and an exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn new(code: i32, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }
}

impl Failure {
    /// A command that reads one document got no file and nothing on standard input.
    pub fn no_input(command: &str) -> Self {
        Failure::new(
            exit::USAGE,
            format!(
                "no FILE given and nothing piped in; give a file (`quotelens {command} article.txt`) \
                 or pipe one in (`cat article.txt | quotelens {command}`)"
            ),
        )
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::new(exit::INPUT, e.to_string())
    }
}

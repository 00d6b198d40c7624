//! Store errors. Each message says what happened and what the user can do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "no folder to keep highlights in: neither XDG_DATA_HOME nor HOME is set; set one of them"
    )]
    NoDataDir,
    #[error("{}: cannot read saved highlights: {source}; check the file's permissions", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: could not save highlights: {source}; they are kept in memory and saved again with the next change (check free space and permissions)",
        path.display()
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: could not move the unreadable highlights file aside: {source}; move or delete it yourself",
        path.display()
    )]
    MoveAside {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: written by a newer quotelens ({schema}); upgrade quotelens to read or change these highlights",
        path.display()
    )]
    NewerVersion { path: PathBuf, schema: String },
    #[error(
        "highlight {start}..{end} is not a non-empty span on character boundaries of the {len}-byte text"
    )]
    InvalidSpan {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("no {what} number {index} in this document")]
    NoSuchItem { what: &'static str, index: usize },
    #[error("no highlight with id {0}")]
    NotFound(u64),
}

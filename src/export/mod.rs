//! Exports: the analysis and the user's highlights as Markdown, JSON, HTML, plain text or CSV.

pub mod summary;

pub use summary::text_summary;

//! Exports: quotes, saved highlights or figures as Markdown, JSON, HTML, plain text or CSV — a
//! library for the reader (`e`, `y`) and the `export` command. Also the summary printed by
//! `extract --format text`.

pub mod clipboard;
pub mod command;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod select;
pub mod summary;
pub mod txt;
pub mod write;

pub use select::{Excerpt, Item, Scope, Selection, match_speakers, select, select_kinds};
pub use summary::text_summary;

use crate::analysis::model::Analysis;
use crate::document::Document;
use crate::store::Highlight;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown: a blockquote per excerpt, "— Speaker", the document, the note.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// JSON with the extract contract's ids and byte spans.
    Json,
    /// One self-contained HTML page.
    Html,
    /// Plain text.
    #[value(alias = "text")]
    Txt,
    /// CSV with a header row.
    Csv,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Csv => "csv",
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExportError {
    #[error("no speaker matches \"{needle}\"; the speakers in this document are: {known}")]
    NoSuchSpeaker { needle: String, known: String },
}

/// Renders a selection in a format.
pub fn render(format: Format, selection: &Selection) -> String {
    match format {
        Format::Markdown => markdown::render(selection),
        Format::Json => json::render(selection),
        Format::Html => html::render(selection),
        Format::Txt => txt::render(selection),
        Format::Csv => csv::render(selection),
    }
}

/// Selects and renders in one call: what the reader's `e` needs.
pub fn export(
    doc: &Document,
    analysis: &Analysis,
    highlights: &[Highlight],
    scope: Scope,
    speaker: Option<&str>,
    format: Format,
) -> Result<String, ExportError> {
    let selection = select(doc, analysis, highlights, scope, speaker)?;
    Ok(render(format, &selection))
}

//! What is saved: highlights with their anchors, the reading position, and the file around them.
//! The file is JSON, versioned by `schema`; fields this version does not know are kept on save.

use super::anchor::{self, Anchor};
use super::error::StoreError;
use crate::analysis::model::{Analysis, QuoteId, Span};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The schema of the store file. A file with a higher number is never rewritten by this version.
pub const SCHEMA: &str = "quotelens-highlights/1";
pub const SCHEMA_PREFIX: &str = "quotelens-highlights/";
pub const SCHEMA_VERSION: u32 = 1;

/// A highlight's id: unique within its document's store, never reused.
pub type HighlightId = u64;

/// What was highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A quote the engine found.
    Quote,
    /// A figure the engine found.
    Number,
    /// A free selection.
    Selection,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Quote => "quote",
            Origin::Number => "number",
            Origin::Selection => "selection",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A saved highlight. `start..end` are byte offsets into the current document text, unless the
/// highlight is `orphaned` (its text was not found in the current text; the offsets are then
/// those of the text it was made in).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    pub id: HighlightId,
    pub start: usize,
    pub end: usize,
    /// The highlighted text exactly as it was.
    pub text: String,
    /// Up to 32 characters before and after, to find it again.
    pub prefix: String,
    pub suffix: String,
    pub origin: Origin,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// RFC 3339, UTC.
    pub created: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphaned: bool,
    /// Fields written by a newer version, kept as they were.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

impl Highlight {
    /// Where the highlight is in the current text; `None` when it is orphaned.
    pub fn span(&self) -> Option<Span> {
        (!self.orphaned).then_some(Span::new(self.start, self.end))
    }

    pub(crate) fn anchor(&self) -> Anchor<'_> {
        Anchor {
            exact: &self.text,
            prefix: &self.prefix,
            suffix: &self.suffix,
            hint: self.start,
        }
    }

    /// Moves the highlight to `span` of `text` and refreshes its context.
    pub(crate) fn place(&mut self, text: &str, span: Span) {
        self.start = span.start;
        self.end = span.end;
        self.text = span.text(text).to_string();
        self.prefix = anchor::prefix_at(text, span.start).to_string();
        self.suffix = anchor::suffix_at(text, span.end).to_string();
        self.orphaned = false;
    }

    /// The same highlight, whatever its id (another quotelens process may have numbered it
    /// differently): for merging with what that process saved.
    pub(crate) fn same_as(&self, other: &Highlight) -> bool {
        self.created == other.created && self.text == other.text && self.origin == other.origin
    }
}

/// A highlight about to be added: the span and what the reader knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct HighlightDraft {
    pub span: Span,
    pub text: String,
    pub prefix: String,
    pub suffix: String,
    pub origin: Origin,
    pub speaker: Option<String>,
    pub note: Option<String>,
}

impl HighlightDraft {
    /// A free selection of `span` in `text`. The span must be non-empty, inside the text and on
    /// character boundaries.
    pub fn new(text: &str, span: Span) -> Result<Self, StoreError> {
        if span.is_empty() || text.get(span.start..span.end).is_none() {
            return Err(StoreError::InvalidSpan {
                start: span.start,
                end: span.end,
                len: text.len(),
            });
        }
        Ok(HighlightDraft {
            span,
            text: span.text(text).to_string(),
            prefix: anchor::prefix_at(text, span.start).to_string(),
            suffix: anchor::suffix_at(text, span.end).to_string(),
            origin: Origin::Selection,
            speaker: None,
            note: None,
        })
    }

    /// The words of a quote (inside its marks), with its speaker's name.
    pub fn for_quote(text: &str, analysis: &Analysis, quote: QuoteId) -> Result<Self, StoreError> {
        let q = analysis.quotes.get(quote).ok_or(StoreError::NoSuchItem {
            what: "quote",
            index: quote,
        })?;
        let mut d = HighlightDraft::new(text, q.content)?.origin(Origin::Quote);
        d.speaker = q
            .speaker
            .and_then(|s| analysis.speakers.get(s))
            .map(|s| s.name.clone());
        Ok(d)
    }

    /// A figure, with the name of the speaker who cited it.
    pub fn for_number(text: &str, analysis: &Analysis, number: usize) -> Result<Self, StoreError> {
        let n = analysis.numbers.get(number).ok_or(StoreError::NoSuchItem {
            what: "number",
            index: number,
        })?;
        let mut d = HighlightDraft::new(text, n.span)?.origin(Origin::Number);
        d.speaker = n
            .source
            .and_then(|s| analysis.speakers.get(s))
            .map(|s| s.name.clone());
        Ok(d)
    }

    pub fn origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    pub fn speaker(mut self, name: impl Into<String>) -> Self {
        self.speaker = Some(name.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = normalize_note(note.into());
        self
    }

    /// The saved highlight this draft becomes (the store assigns the id and the time).
    pub fn into_highlight(self, id: HighlightId, created: String) -> Highlight {
        Highlight {
            id,
            start: self.span.start,
            end: self.span.end,
            text: self.text,
            prefix: self.prefix,
            suffix: self.suffix,
            origin: self.origin,
            speaker: self.speaker,
            note: self.note,
            created,
            orphaned: false,
            extra: Map::new(),
        }
    }
}

/// An empty or blank note is no note.
pub(crate) fn normalize_note(note: String) -> Option<String> {
    (!note.trim().is_empty()).then_some(note)
}

/// The document the store belongs to, as it was last seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub source: String,
    #[serde(default)]
    pub title: Option<String>,
    /// `text_hash` of the text the offsets refer to.
    pub text_hash: String,
    pub bytes: usize,
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// Where the user stopped reading: a byte offset, anchored like a highlight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionRecord {
    pub offset: usize,
    pub text_hash: String,
    /// The text at the offset and just before it, to find the place again in a changed text.
    pub exact: String,
    pub prefix: String,
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

impl PositionRecord {
    pub(crate) fn at(text: &str, text_hash: &str, offset: usize) -> Self {
        let offset = anchor::floor_boundary(text, offset);
        PositionRecord {
            offset,
            text_hash: text_hash.to_string(),
            exact: anchor::suffix_at(text, offset).to_string(),
            prefix: anchor::prefix_at(text, offset).to_string(),
            extra: Map::new(),
        }
    }

    /// The offset in `text` (whose hash is `text_hash`): as saved when the text is the same,
    /// else found again by its context, else clamped to the text.
    pub(crate) fn resolve(&self, text: &str, text_hash: &str) -> usize {
        if self.text_hash == text_hash && text.is_char_boundary(self.offset) {
            return self.offset;
        }
        let found = Anchor {
            exact: &self.exact,
            prefix: &self.prefix,
            suffix: "",
            hint: self.offset,
        }
        .locate(text);
        found.map_or_else(|| anchor::floor_boundary(text, self.offset), |s| s.start)
    }
}

/// The whole store file of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreFile {
    pub schema: String,
    pub document: DocumentRecord,
    /// Increases with every save; tells a process that another one saved in between.
    #[serde(default)]
    pub revision: u64,
    /// The next id to hand out (ids are never reused).
    pub next_id: HighlightId,
    #[serde(default)]
    pub reading_position: Option<PositionRecord>,
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

impl StoreFile {
    pub(crate) fn new(document: DocumentRecord) -> Self {
        StoreFile {
            schema: SCHEMA.to_string(),
            document,
            revision: 0,
            next_id: 1,
            reading_position: None,
            highlights: Vec::new(),
            extra: Map::new(),
        }
    }
}

//! Documents: one normalised text that every span refers to, its paragraphs and its metadata.
//!
//! Loaders (`load`) turn bytes from files, stdin, HTML, EPUB or Markdown into a [`Document`]; the
//! engine and the reader only ever see the `Document`.

mod builder;
pub mod encoding;
mod epub;
mod html;
pub mod load;
mod markdown;
pub mod sanitize;
mod tags;

use crate::span::Span;

/// What kind of input a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Html,
    Epub,
    Markdown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Epub => "epub",
            Format::Markdown => "markdown",
        }
    }
}

/// A titled part of a long document (an EPUB chapter), for the reader to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub span: Span,
}

/// A heading in the text: a Markdown `#` line, an HTML `<h1>`–`<h6>`, a chapter's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    /// 1 for a top-level heading, down to 6.
    pub level: u8,
    /// The heading's paragraph.
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The path as given, or "-" for stdin.
    pub source: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub format: Format,
    /// The encoding the bytes were decoded from ("UTF-8", "windows-1252", "UTF-16LE").
    pub encoding: String,
    /// Things the user should know about the input (replacement characters, control characters).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The normalised text: LF line ends, control characters made visible.
    pub text: String,
    /// Paragraph spans in order, without their surrounding blank lines.
    pub paragraphs: Vec<Span>,
    /// Chapters or other titled parts (empty for an article).
    pub sections: Vec<Section>,
    /// Headings the input marked up as such, in order (empty for plain text).
    pub headings: Vec<Heading>,
    pub meta: Meta,
}

impl Document {
    /// Builds a document from text: normalises line ends and control characters, finds paragraphs.
    pub fn from_text(text: &str, meta: Meta) -> Document {
        Self::normalized(sanitize::normalize(text), meta)
    }

    /// Like [`Document::from_text`], taking the text by value: clean text is not copied.
    pub fn from_string(text: String, meta: Meta) -> Document {
        Self::normalized(sanitize::normalize_owned(text), meta)
    }

    fn normalized((text, changes): (String, sanitize::Changes), mut meta: Meta) -> Document {
        if changes.control_chars > 0 {
            meta.warnings
                .push(control_chars_warning(changes.control_chars));
        }
        if changes.escape_sequences > 0 {
            meta.warnings
                .push(sanitize::escape_warning(changes.escape_sequences));
        }
        let paragraphs = split_paragraphs(&text);
        if meta.title.is_none() && meta.format == Format::Text {
            meta.title = headline(&text, &paragraphs);
        }
        Document {
            text,
            paragraphs,
            sections: Vec::new(),
            headings: Vec::new(),
            meta,
        }
    }

    /// A document from text that is already normalised (loaders that build the text themselves).
    pub fn from_parts(
        text: String,
        paragraphs: Vec<Span>,
        sections: Vec<Section>,
        meta: Meta,
    ) -> Self {
        Document {
            text,
            paragraphs,
            sections,
            headings: Vec::new(),
            meta,
        }
    }

    /// The index of the paragraph holding `pos`, or of the last paragraph before it.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.start <= pos);
        i.checked_sub(1)
    }

    /// A short name for the document: its title, or the file name.
    pub fn display_name(&self) -> String {
        if let Some(t) = &self.meta.title {
            return t.clone();
        }
        if self.meta.source == "-" {
            return "standard input".to_string();
        }
        std::path::Path::new(&self.meta.source)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.meta.source.clone())
    }
}

#[cfg(test)]
impl Document {
    /// Each heading's level and text, for the loaders' tests.
    pub(crate) fn heading_texts(&self) -> Vec<(u8, &str)> {
        self.headings
            .iter()
            .map(|h| (h.level, h.span.text(&self.text)))
            .collect()
    }
}

/// The warning for control characters made visible at load.
pub(crate) fn control_chars_warning(n: usize) -> String {
    format!(
        "{} shown as visible symbols",
        crate::plural::count(n, "control character")
    )
}

/// Splits text into paragraphs. Blank lines separate paragraphs. Inside a block of consecutive
/// lines, the lines are one hard-wrapped paragraph when every line but the last is short (prose
/// wrapped at a fixed width); otherwise each line is a paragraph of its own (one paragraph per
/// line, as many saved articles are).
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Non-blank lines of the current block: (start, end) without surrounding whitespace.
    let mut block: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    for nl in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let line = &text[line_start..nl];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_block(text, &mut block, &mut out);
        } else {
            let lead = line.len() - line.trim_start().len();
            let start = line_start + lead;
            block.push((start, start + trimmed.len()));
        }
        line_start = nl + 1;
    }
    flush_block(text, &mut block, &mut out);
    out
}

/// Lines longer than this are not hard-wrapped prose.
const WRAP_WIDTH: usize = 100;

fn flush_block(text: &str, block: &mut Vec<(usize, usize)>, out: &mut Vec<Span>) {
    if block.is_empty() {
        return;
    }
    let hard_wrapped = block.len() >= 2
        && block[..block.len() - 1]
            .iter()
            .all(|&(a, b)| b - a <= WRAP_WIDTH * 4 && text[a..b].chars().count() <= WRAP_WIDTH);
    if hard_wrapped || block.len() == 1 {
        out.push(Span::new(block[0].0, block[block.len() - 1].1));
    } else {
        out.extend(block.iter().map(|&(a, b)| Span::new(a, b)));
    }
    block.clear();
}

/// The first paragraph of a plain-text article is its headline when it is one short line that does
/// not end like a sentence ("Ad sales boost Time Warner profit").
fn headline(text: &str, paragraphs: &[Span]) -> Option<String> {
    let first = paragraphs.first()?;
    if paragraphs.len() < 2 {
        return None;
    }
    let line = first.text(text).trim();
    if line.contains('\n') || line.chars().count() > 150 || line.is_empty() {
        return None;
    }
    // A closing quotation mark may end a headline ("Fox attacks Tory 'lies'"), unless a sentence
    // stop comes before it ("He said: “No.”").
    let bare = line.trim_end_matches(['"', '”', '’', '\'']);
    if bare.ends_with(['.', ',', ';', ':', '!']) || bare.is_empty() {
        return None;
    }
    Some(line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(t: &str) -> Vec<&str> {
        split_paragraphs(t).iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_keep_hard_wrapped_lines_together() {
        let t = "Title line\n\nFirst para\ncontinues here.\n\n\n  Second para.  \n";
        assert_eq!(
            paras(t),
            ["Title line", "First para\ncontinues here.", "Second para."]
        );
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let long = "x".repeat(120);
        let t = format!("Headline\n\n{long} one.\n{long} two.\n{long} three.");
        assert_eq!(paras(&t).len(), 4);
        assert_eq!(paras("Short line.\nAnother short line.").len(), 1);
    }

    #[test]
    fn headline_is_a_short_first_line_without_final_stop() {
        let d = Document::from_text(
            "Ad sales boost profit\n\nTime Warner said...",
            Meta::default(),
        );
        assert_eq!(d.meta.title.as_deref(), Some("Ad sales boost profit"));
        let d = Document::from_text("He held talks.\n\nMore.", Meta::default());
        assert_eq!(d.meta.title, None);
        let d = Document::from_text("Fox attacks Tory 'lies'\n\nText.", Meta::default());
        assert_eq!(d.meta.title.as_deref(), Some("Fox attacks Tory 'lies'"));
        let d = Document::from_text("He said: “No.”\n\nText.", Meta::default());
        assert_eq!(d.meta.title, None);
    }

    #[test]
    fn paragraph_at_finds_the_enclosing_paragraph() {
        let d = Document::from_text("aa\n\nbb\n\ncc", Meta::default());
        assert_eq!(d.paragraph_at(0), Some(0));
        assert_eq!(d.paragraph_at(5), Some(1));
        assert_eq!(d.paragraph_at(3), Some(0));
        assert_eq!(d.paragraph_at(100), Some(2));
    }
}

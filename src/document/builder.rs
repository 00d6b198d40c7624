//! Building a document's text from extracted pieces (HTML, EPUB, Markdown): every piece goes
//! through `sanitize::normalize`, paragraphs are separated by one blank line, and their spans are
//! recorded as they are written, so offsets are right by construction.

use super::{Document, Heading, Meta, Section, sanitize};
use crate::span::Span;
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct TextBuilder {
    text: String,
    paragraphs: Vec<Span>,
    sections: Vec<Section>,
    headings: Vec<Heading>,
    control_chars: usize,
    escape_sequences: usize,
}

impl TextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// The end of the text written so far.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Adds one paragraph: normalised, trailing spaces and blank lines inside removed. Returns its
    /// span, or `None` when nothing visible was left.
    pub fn paragraph(&mut self, raw: &str) -> Option<Span> {
        let (normal, changes) = sanitize::normalize(raw);
        self.control_chars += changes.control_chars;
        self.escape_sequences += changes.escape_sequences;
        let mut lines = normal
            .split('\n')
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty());
        let first = lines.next()?.trim_start();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(first);
        for line in lines {
            self.text.push('\n');
            self.text.push_str(line);
        }
        let span = Span::new(start, self.text.len());
        self.paragraphs.push(span);
        Some(span)
    }

    /// Adds a heading of `level` (1–6) as a paragraph of its own.
    pub fn heading(&mut self, raw: &str, level: u8) -> Option<Span> {
        let span = self.paragraph(raw)?;
        self.headings.push(Heading { level, span });
        Some(span)
    }

    /// Marks as headings the paragraphs written since `from` that read as one of `headings`
    /// (level and text, in page order), each matched after the one before. HTML reaches the
    /// builder as plain text, so its headings are known only by their text.
    pub fn mark_headings(&mut self, from: usize, headings: &[(u8, String)]) {
        if headings.is_empty() {
            return;
        }
        let first = self.paragraphs.partition_point(|p| p.start < from);
        // Short paragraphs by their words: the candidates for a heading.
        let mut by_words: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.paragraphs.iter().enumerate().skip(first) {
            if p.len() <= MAX_HEADING_BYTES
                && let Some(words) = clean_field(p.text(&self.text))
            {
                by_words.entry(words).or_default().push(i);
            }
        }
        let mut next = first;
        for (level, raw) in headings {
            let Some(found) = clean_field(raw).and_then(|w| by_words.get(&w)) else {
                continue;
            };
            if let Some(&i) = found.get(found.partition_point(|&i| i < next)) {
                self.headings.push(Heading {
                    level: *level,
                    span: self.paragraphs[i],
                });
                next = i + 1;
            }
        }
    }

    /// Adds text whose paragraphs are separated by blank lines (extracted HTML).
    pub fn paragraphs(&mut self, raw: &str) {
        let mut current = String::new();
        for line in raw.split('\n') {
            if line.trim().is_empty() {
                self.paragraph(&current);
                current.clear();
            } else {
                if !current.is_empty() {
                    current.push('\n');
                }
                current.push_str(line);
            }
        }
        self.paragraph(&current);
    }

    /// Records a titled section covering the paragraphs written since `start` (if any were).
    pub fn section(&mut self, title: &str, start: usize) {
        let Some(last) = self.paragraphs.last() else {
            return;
        };
        if last.end <= start {
            return;
        }
        let first = self.paragraphs.partition_point(|p| p.start < start);
        let span = Span::new(self.paragraphs[first].start, last.end);
        let title = clean_field(title).unwrap_or_default();
        self.sections.push(Section { title, span });
    }

    /// Makes the last section run to the end of the text written so far.
    pub fn extend_last_section(&mut self) {
        if let (Some(section), Some(last)) = (self.sections.last_mut(), self.paragraphs.last()) {
            section.span.end = last.end;
        }
    }

    /// The finished document; the text ends with a newline like a text file.
    pub fn finish(mut self, mut meta: Meta) -> Document {
        if self.control_chars > 0 {
            meta.warnings
                .push(super::control_chars_warning(self.control_chars));
        }
        if self.escape_sequences > 0 {
            meta.warnings
                .push(super::sanitize::escape_warning(self.escape_sequences));
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let mut doc = Document::from_parts(self.text, self.paragraphs, self.sections, meta);
        doc.headings = self.headings;
        doc
    }
}

/// Paragraphs longer than this are not taken for headings.
const MAX_HEADING_BYTES: usize = 400;

/// A metadata field (title, byline, date) as one line of visible text; `None` when empty.
pub(crate) fn clean_field(raw: &str) -> Option<String> {
    let (normal, _) = sanitize::normalize(raw);
    let words: Vec<&str> = normal.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_normalised_and_spans_match_the_text() {
        let mut b = TextBuilder::new();
        b.paragraphs("  First line\nsecond line  \n\n\n\u{1b}[2J Second.\n\n   \n");
        b.paragraph("");
        let d = b.finish(Meta::default());
        assert_eq!(d.text, "First line\nsecond line\n\n␛[…J Second.\n");
        let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text(&d.text)).collect();
        assert_eq!(texts, ["First line\nsecond line", "␛[…J Second."]);
        assert_eq!(d.meta.warnings.len(), 1);
    }

    #[test]
    fn sections_cover_their_paragraphs() {
        let mut b = TextBuilder::new();
        let start = b.len();
        b.paragraph("Chapter One");
        b.paragraph("Text.");
        b.section("Chapter  One", start);
        let start = b.len();
        b.section("Empty chapter", start);
        b.paragraph("Continued.");
        b.extend_last_section();
        let d = b.finish(Meta::default());
        assert_eq!(d.sections.len(), 1);
        assert_eq!(d.sections[0].title, "Chapter One");
        assert_eq!(
            d.sections[0].span.text(&d.text),
            "Chapter One\n\nText.\n\nContinued."
        );
    }

    #[test]
    fn headings_are_matched_by_their_words_in_order() {
        let mut b = TextBuilder::new();
        b.heading("The Vote", 1);
        let from = b.len();
        b.paragraphs("Summary\n\nBody text.\n\nThe  result\nin full\n\nSummary\n");
        let page = [
            (2, "Summary".to_string()),
            (3, "Missing".to_string()),
            (2, "The result in full".to_string()),
            (2, "Summary".to_string()),
        ];
        b.mark_headings(from, &page);
        let d = b.finish(Meta::default());
        assert_eq!(
            d.heading_texts(),
            [
                (1, "The Vote"),
                (2, "Summary"),
                (2, "The  result\nin full"),
                (2, "Summary"),
            ]
        );
        assert!(
            d.headings
                .windows(2)
                .all(|w| w[0].span.end < w[1].span.start)
        );
    }
}

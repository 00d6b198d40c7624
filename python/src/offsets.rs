//! Character offsets: the contract's byte offsets turned into indices of Unicode code points, the
//! unit Python strings are indexed by, so `text[q["content_start"]:q["content_end"]]` works.

use quotelens::contract::{Output, SpanText};

/// Counts code points before a byte offset in one text, in constant time per offset after a
/// linear pass: the count at the start of every block of bytes, plus the bytes since.
pub struct CharIndex<'t> {
    bytes: &'t [u8],
    /// Code points before each block start; empty for ASCII text, where bytes are characters.
    before_block: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut before_block = Vec::new();
        if !text.is_ascii() {
            before_block.reserve(bytes.len() / BLOCK + 1);
            let mut count = 0;
            for block in bytes.chunks(BLOCK) {
                before_block.push(count);
                count += starts_of_chars(block);
            }
        }
        CharIndex {
            bytes,
            before_block,
        }
    }

    /// The number of code points before byte `offset` (a character boundary, as every contract
    /// offset is; an offset past the end counts the whole text).
    pub fn chars_before(&self, offset: usize) -> usize {
        if self.before_block.is_empty() {
            return offset;
        }
        let offset = offset.min(self.bytes.len());
        let block = offset / BLOCK;
        let counted = self.before_block.get(block).copied().unwrap_or(0);
        counted + starts_of_chars(&self.bytes[block * BLOCK..offset])
    }

    fn span(&self, span: &mut SpanText<'_>) {
        span.start = self.chars_before(span.start);
        span.end = self.chars_before(span.end);
    }
}

/// Bytes that start a UTF-8 character (all but continuation bytes `10xxxxxx`).
fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Rewrites every offset of `out` (sections, mentions, quotes, cues, numbers) from bytes of `text`
/// to characters. `document.bytes` keeps its meaning: the text's length in bytes.
pub fn to_chars(out: &mut Output<'_>, text: &str) {
    if text.is_ascii() {
        return;
    }
    let index = CharIndex::new(text);
    for section in &mut out.document.sections {
        section.start = index.chars_before(section.start);
        section.end = index.chars_before(section.end);
    }
    for speaker in &mut out.speakers {
        speaker.mentions.iter_mut().for_each(|m| index.span(m));
    }
    for quote in &mut out.quotes {
        quote.start = index.chars_before(quote.start);
        quote.end = index.chars_before(quote.end);
        quote.content_start = index.chars_before(quote.content_start);
        quote.content_end = index.chars_before(quote.content_end);
        for span in [
            &mut quote.speaker_mention,
            &mut quote.cue,
            &mut quote.addressee,
            &mut quote.original_speaker_mention,
        ]
        .into_iter()
        .flatten()
        {
            index.span(span);
        }
    }
    for number in &mut out.numbers {
        number.start = index.chars_before(number.start);
        number.end = index.chars_before(number.end);
    }
}

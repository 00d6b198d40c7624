//! The engine's passes one at a time, for benchmarks that time them apart and tests that probe
//! one of them. Analysing a document needs none of this: use `analyze`. Everything else in the
//! engine is internal to the crate.

use super::model::Figure;
use crate::span::Span;

/// At most this many quotations are open at once: deeper openers are dropped as stray marks.
pub use super::marks::MAX_NESTING;

/// Pairs the quotation marks of a text's paragraphs; returns how many quotations it found.
pub fn pair_marks(text: &str, paragraphs: &[Span]) -> usize {
    super::marks::find_quotes(text, paragraphs).len()
}

/// The engine's tokens of a stretch of text, as the number finder reads them.
#[derive(Debug, Default)]
pub struct Tokens {
    tokens: Vec<super::tokens::Token>,
    lower: String,
}

impl Tokens {
    /// Tokenises `text[start..end]` in place of what the buffer held; returns the number of
    /// tokens.
    pub fn tokenize(&mut self, text: &str, start: usize, end: usize) -> usize {
        self.tokens.clear();
        super::tokens::tokenize(text, start, end, &mut self.tokens, &mut self.lower);
        self.tokens.len()
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// The number finder over tokens already made (what the engine pays per block), appending the
/// figures to `out`.
pub fn find_numbers(text: &str, tokens: &Tokens, out: &mut Vec<Figure>) {
    super::numbers::find_tokens(text, &tokens.tokens, out);
}

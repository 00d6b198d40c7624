//! Cited numbers: every figure in a stretch of text, typed and normalised. The engine links each
//! figure to its quote and source afterwards (`analysis::link_figures`).
//!
//! A hand grammar over light tokens (`lex`), in one left-to-right pass:
//! - a *core* is a number in digits or words (`cores`): "48,500", "1.2 million", "twenty-six",
//!   "a dozen", "two-thirds", "tenfold", "dozens";
//! - around it (`around`): a qualifier, sign and currency before ("nearly", "minus", "US$"); a
//!   magnitude, unit, currency word, rate or counted noun after ("%", "miles", "yen", "a month",
//!   "staff");
//! - numbers that are not quantities get their own kinds first (`kinds`): dates, years, times,
//!   ordinals, identifiers (labels, codes, phone numbers, versions, addresses) and ages;
//! - two quantities joined by "to", "and" (after "between"), "or" or a dash become a range
//!   (`scan`).
//!
//! Words that only look like numbers are left alone: the pronoun "one" ("the other one", "each
//! one"), "one-on-one", "BBC One", "first half" (a period, not a fraction).

mod around;
mod cores;
mod currency;
mod kinds;
mod lex;
mod scan;
mod sentences;
mod table;
mod unit_table;
mod units;
mod vocab;
mod words;

use super::model::{Figure, Span};
use super::tokens::{self, Token};
use lex::{Gap, Kind, Tok};
pub(crate) use sentences::word_holds_number;
use std::cell::RefCell;

/// Buffers reused from block to block.
struct Buffers {
    /// The finder's tokens of one sentence.
    toks: Vec<Tok>,
    /// The engine's tokens, for `find`.
    engine: Vec<Token>,
    lower: String,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = const {
        RefCell::new(Buffers {
            toks: Vec::new(),
            engine: Vec::new(),
            lower: String::new(),
        })
    };
}

/// Finds the figures in a block the engine has tokenised (`tokens`, in order), appending them in
/// document order to `out`. `quote` and `source` are left empty.
///
/// The engine's tokens are read once, sentence by sentence, into the finder's own finer tokens
/// (`sentences::read`); the grammar runs over the sentences that may hold a number.
pub(crate) fn find_tokens(text: &str, tokens: &[Token], out: &mut Vec<Figure>) {
    if tokens.last().is_none_or(|t| t.end > u32::MAX as usize) {
        return;
    }
    BUFFERS.with(|cell| {
        let toks = &mut cell.borrow_mut().toks;
        let mut rest = tokens;
        while !rest.is_empty() {
            let (n, numbers) = sentences::read(text, rest, toks);
            if numbers {
                let mut p = Parser {
                    text,
                    toks,
                    floor: 0,
                    out: &mut *out,
                    seen: Vec::new(),
                };
                p.run();
            }
            rest = &rest[n..];
        }
    });
}

/// Finds the figures in `text[span]`, appending them in document order to `out`: `find_tokens`
/// for callers without the engine's tokens (tests, benchmarks, other tools), which tokenises the
/// span first.
pub fn find(text: &str, span: Span, out: &mut Vec<Figure>) {
    let end = span.end.min(text.len());
    if span.start >= end || !text.is_char_boundary(span.start) || !text.is_char_boundary(end) {
        return;
    }
    let mut engine = BUFFERS.with(|cell| {
        let b = &mut *cell.borrow_mut();
        b.engine.clear();
        tokens::tokenize(text, span.start, end, &mut b.engine, &mut b.lower);
        std::mem::take(&mut b.engine)
    });
    find_tokens(text, &engine, out);
    engine.clear();
    BUFFERS.with(|cell| cell.borrow_mut().engine = engine);
}

/// The state of one pass over a block's tokens.
struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The first token not used by a figure already emitted: look-backs stop here.
    floor: usize,
    out: &'a mut Vec<Figure>,
    /// Quantities with units read so far in the sentence.
    seen: Vec<scan::Seen>,
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    fn text_of(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The word at `i`, if token `i` is a word.
    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(self.text))
    }

    /// Token `i` is a word equal (ignoring ASCII case) to one of `words`.
    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        // (Lengths first: the word is sliced only to compare it with words of its length.)
        self.toks.get(i).is_some_and(|t| {
            let len = (t.end - t.start) as usize;
            t.kind == Kind::Word
                && words
                    .iter()
                    .any(|x| x.len() == len && t.text(self.text).eq_ignore_ascii_case(x))
        })
    }

    /// Token `i` is the symbol `s`.
    fn sym_is(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Sym && t.text(self.text) == s)
    }

    /// Token `i` is one of the dashes that join numbers or words.
    fn dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Sym && matches!(t.text(self.text), "-" | "–" | "—" | "‐" | "‑")
        })
    }

    /// Token `i` touches the one before it.
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// Token `i` follows the one before it on the same line (touching or after spaces).
    fn near(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap != Gap::Line)
    }

    /// Token `i` may be looked at from a figure that starts after it.
    fn open(&self, i: usize) -> bool {
        i >= self.floor && i < self.toks.len()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let s = self.toks[start].start as usize;
        let e = self.toks[end.max(start + 1) - 1].end as usize;
        Span::new(s, e)
    }
}

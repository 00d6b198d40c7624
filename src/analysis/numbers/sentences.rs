//! The sentences of a block, read from the engine's tokens: where each ends and whether it may
//! hold a number (a digit, a vulgar fraction or a number word); for those that may, their tokens
//! as the finder reads them (`lex`). The grammar runs only over those. The first pass sees every
//! token of the text, so it has to be cheap: a kind test per token, a mask and a three-letter
//! test per word.
//!
//! Sentences end at ".", "!" or "?" followed by a space and a capital letter or an opening
//! mark, and at line breaks; "Oct. 31", "6.3%", "U.S. Treasury" and "$75 U.S. per barrel" stay
//! whole. A missed end only makes a longer sentence.
//!
//! These are not the engine's sentences (`segment::sentences`), on purpose: the engine keeps a
//! quotation whole inside its sentence and ends sentences only where attribution needs it, while
//! the finder ends one at every line break and at a stop inside a quotation too, so a figure's
//! context never runs into the next line. Reading figures over the engine's sentences instead
//! moved 3 of 24,924 figures on BBC News (".22" read as "22", an identifier split) and changed
//! hundreds of fields on the novels, so the finder keeps its own ends. There is one tokenizer:
//! the finder's tokens are made from the engine's (below); only runs it must split into pieces
//! ("33-year-old") are read again.
//!
//! Neither tokenizer joins anything across whitespace, so the text splits into runs of touching
//! engine tokens. Words of ASCII letters and punctuation map one to one to the finder's tokens;
//! a run with anything else in it (digits, hyphens, apostrophes, initialisms, letters outside
//! ASCII) is lexed again from its bytes.

use super::lex::{self, Gap, Kind as TokKind, Shape, Tok};
use super::words;
use crate::analysis::tokens::{Kind, Token};

/// Reads the sentence that starts `toks`. Returns its length in engine tokens and whether it
/// may hold a number; if it may, `out` holds its finder tokens.
pub fn read(text: &str, toks: &[Token], out: &mut Vec<Tok>) -> (usize, bool) {
    let (n, numbers) = scan(text, toks);
    if numbers {
        finder_tokens(text, &toks[..n], out);
    }
    (n, numbers)
}

/// The length of the sentence that starts `toks`, and whether it may hold a number.
pub(super) fn scan(text: &str, toks: &[Token]) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut numbers = false;
    for (i, t) in toks.iter().enumerate() {
        if !numbers {
            numbers = match t.kind {
                Kind::Number => true,
                Kind::Word => {
                    known_number(t).unwrap_or_else(|| word_holds_number(text, t.start, t.end))
                }
                Kind::Punct => starts_vulgar(&bytes[t.start..t.end]),
            };
        }
        if let Some(next) = toks.get(i + 1)
            && next.start != t.end
            && ends_between(bytes, t, next)
        {
            return (i + 1, numbers);
        }
    }
    (toks.len(), numbers)
}

/// Whether the engine's word `text[start..end]` may hold a number: a digit, a vulgar fraction or
/// a number word among its pieces. Every case of an ASCII word gives the same answer.
#[inline]
pub(crate) fn word_holds_number(text: &str, start: usize, end: usize) -> bool {
    match lex::word_shape(text.as_bytes(), start, end) {
        Shape::Letters { numberish } => numberish && words::lookup(&text[start..end]).is_some(),
        Shape::Pieces => pieces_hold_number(&text[start..end]),
    }
}

/// `word_holds_number` as the lexicon worked it out for the word's entry, when the entry's key
/// is the word lower-cased byte for byte: an ASCII key as long as the word means an ASCII word
/// (lower-casing any other letter, or ’ to ', changes the length).
#[inline(always)]
fn known_number(t: &Token) -> Option<bool> {
    t.lex
        .number
        .filter(|_| t.lex.key().is_some_and(|k| k.len() == t.end - t.start))
}

/// The whitespace between `t` and `next` ends a sentence: a line break, or a full stop and a
/// capital letter or an opening mark.
#[inline(always)]
fn ends_between(bytes: &[u8], t: &Token, next: &Token) -> bool {
    let space = &bytes[t.end..next.start];
    let one_space = space == b" ";
    if !one_space && space.iter().any(|&b| b == b'\n' || b == b'\r') {
        return true;
    }
    // After the stop: a capital, a bracket, a straight mark, or any character of the General
    // Punctuation block (0xE2: curly marks, dashes, ellipses), which is broader than the
    // quotation marks of `analysis::marks` and kept so.
    t.kind == Kind::Punct
        && matches!(bytes[t.start], b'.' | b'!' | b'?')
        && (one_space || space.iter().all(|&b| b == b' ' || b == b'\t'))
        && (bytes[next.start].is_ascii_uppercase()
            || matches!(bytes[next.start], b'"' | b'\'' | b'(' | 0xE2))
}

/// The finder's tokens for the engine's tokens of one sentence, in `out` (cleared first).
pub(super) fn finder_tokens(text: &str, toks: &[Token], out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    // The gap before the next token, and the run being read: its first token, where its finder
    // tokens start in `out` and the gap before it.
    let mut gap = Gap::Line;
    let mut run = (0, 0, Gap::Line);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if gap != Gap::None {
            run = (i, out.len(), gap);
        }
        let same = match t.kind {
            Kind::Word => match lex::word_shape(bytes, t.start, t.end) {
                Shape::Letters { numberish } => Some((TokKind::Word, numberish)),
                Shape::Pieces => None,
            },
            // (The finder reads control characters as spaces.)
            Kind::Punct if bytes[t.start] >= b' ' => Some((TokKind::Sym, false)),
            Kind::Punct | Kind::Number => None,
        };
        let mut end = t.end;
        if let Some((kind, numberish)) = same {
            out.push(Tok {
                start: t.start as u32,
                end: t.end as u32,
                kind,
                gap,
                cap: bytes[t.start].is_ascii_uppercase(),
                value: 0.0,
                int_digits: 0,
                grouped: false,
                decimal: false,
                numberish,
            });
            gap = Gap::None;
            i += 1;
        } else {
            // Read the whole run again from its bytes.
            let (first, at, before) = run;
            out.truncate(at);
            i += 1;
            while i < toks.len() && toks[i].start == toks[i - 1].end {
                i += 1;
            }
            end = toks[i - 1].end;
            gap = lex::lex_more(text, toks[first].start, end, before, out);
        }
        if let Some(next) = toks.get(i)
            && next.start != end
        {
            let space = &bytes[end..next.start];
            if space != b" " && space.iter().any(|&b| b == b'\n' || b == b'\r') {
                gap = Gap::Line;
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
        }
    }
}

/// A word with pieces: any digit, vulgar fraction or number word among them.
#[cold]
fn pieces_hold_number(w: &str) -> bool {
    let b = w.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if c.is_ascii_alphabetic() {
            let len = b[k..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(b.len() - k);
            let piece = &w[k..k + len];
            if words::may_start(piece.as_bytes()) && words::lookup(piece).is_some() {
                return true;
            }
            k += len;
        } else if c.is_ascii_digit() || (c >= 0x80 && starts_vulgar(&b[k..])) {
            return true;
        } else {
            k += 1;
        }
    }
    false
}

/// The bytes start with a vulgar fraction ("½" is C2 BD, "⅓" is E2 85 93).
#[inline(always)]
fn starts_vulgar(b: &[u8]) -> bool {
    matches!(b, [0xC2, 0xBC..=0xBE, ..] | [0xE2, 0x85, 0x90..=0x9E, ..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use proptest::prelude::*;

    fn engine(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out, &mut String::new());
        out
    }

    /// The sentences of `text`, with whether each may hold a number, and their finder tokens.
    fn sentences(text: &str) -> Vec<(&str, bool, Vec<Tok>)> {
        let toks = engine(text);
        let mut rest = &toks[..];
        let mut out = Vec::new();
        while !rest.is_empty() {
            let mut fine = Vec::new();
            let (n, numbers) = scan(text, rest);
            finder_tokens(text, &rest[..n], &mut fine);
            out.push((&text[rest[0].start..rest[n - 1].end], numbers, fine));
            rest = &rest[n..];
        }
        out
    }

    fn split(text: &str) -> Vec<(&str, bool)> {
        sentences(text)
            .into_iter()
            .map(|(s, n, _)| (s, n))
            .collect()
    }

    #[test]
    fn marks_the_sentences_with_numbers() {
        let text = "No figures here at all. Sales rose 6.3% in May. Nothing else. He left twice as fast!\nTwelve cats. Oct. 31 is late. The U.S. Treasury sold bonds.";
        assert_eq!(
            split(text),
            [
                ("No figures here at all.", false),
                ("Sales rose 6.3% in May.", true),
                ("Nothing else.", false),
                ("He left twice as fast!", true),
                ("Twelve cats.", true),
                ("Oct. 31 is late.", true),
                ("The U.S. Treasury sold bonds.", false),
            ]
        );
    }

    #[test]
    fn fractions_codes_and_pieces_of_words_count() {
        assert_eq!(
            split("About ½ mile. None."),
            [("About ½ mile.", true), ("None.", false)]
        );
        assert_eq!(split("The F16 flew."), [("The F16 flew.", true)]);
        assert_eq!(
            split("A well-twenty page report."),
            [("A well-twenty page report.", true)]
        );
        assert_eq!(split("A thousand thanks."), [("A thousand thanks.", true)]);
        assert_eq!(
            split("Someone said something tonight."),
            [("Someone said something tonight.", false)]
        );
    }

    #[test]
    fn the_lexicon_knows_the_number_words_it_holds() {
        let text = "One first SECOND Half said None Thousand dozen O’Neill \u{212A}ing Mr. so-called U.S. one-on-one";
        let toks = engine(text);
        let known: Vec<_> = toks.iter().filter_map(known_number).collect();
        assert!(known.contains(&true) && known.contains(&false), "{known:?}");
        for t in &toks {
            if let Some(number) = known_number(t) {
                assert_eq!(
                    number,
                    word_holds_number(text, t.start, t.end),
                    "{}",
                    t.text(text)
                );
            }
        }
    }

    proptest! {
        /// Every sentence in which the finder's tokens have something to read (a number, a
        /// number word, a vulgar fraction) is marked.
        #[test]
        fn never_misses_a_sentence_with_a_number(text in "[a-zA-Z0-9 .,?!\n½’-]{0,60}( one| Two| first| 5|-six)?[a-z .’]{0,30}") {
            for (s, numbers, fine) in sentences(&text) {
                let readable = fine.iter().any(|t| match t.kind {
                    TokKind::Num => true,
                    TokKind::Word => words::lookup(t.text(&text)).is_some(),
                    TokKind::Sym => super::super::cores::vulgar(t.text(&text)).is_some(),
                });
                prop_assert!(fine.iter().all(|t| t.numberish == (t.kind == TokKind::Word && words::may_start(t.text(&text).as_bytes()))));
                prop_assert!(numbers || !readable, "{:?}", s);
            }
        }
    }
}

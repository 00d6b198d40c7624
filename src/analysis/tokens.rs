//! Tokens with byte offsets: words (with their lexicon entry), numbers and punctuation.

use super::lexicon::{self, Entry};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First letter upper case.
    pub cap: bool,
    /// The lexicon entry of the lower-cased word.
    pub lex: Entry,
    /// Index (into the paragraph's quote list) of the outermost quote this token is inside, or
    /// `NONE` for narrative text. Quote marks themselves count as inside.
    pub quote: u32,
}

pub const NONE: u32 = u32::MAX;

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub fn is(&self, class: lexicon::Class) -> bool {
        self.lex.is(class)
    }
    pub fn in_quote(&self) -> bool {
        self.quote != NONE
    }
    /// The token's last byte (0 for an empty token): a test of how a token ends that need not
    /// slice the text, whose char-boundary checks cost more than the test.
    pub fn last_byte(&self, text: &str) -> u8 {
        self.end
            .checked_sub(1)
            .and_then(|i| text.as_bytes().get(i))
            .copied()
            .unwrap_or(0)
    }
    /// The token is `len` bytes long: a cheap first test before its text is compared.
    pub fn has_len(&self, len: usize) -> bool {
        self.end - self.start == len
    }
    /// The word in lower case. A listed word is its lexicon key, which is the word lower-cased
    /// when it is as long (lower-casing ’ to ' is not), so "Said" or "The" costs no allocation.
    pub fn lower<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        match self.lex.key() {
            Some(key) if self.has_len(key.len()) => std::borrow::Cow::Borrowed(key),
            _ => lowercase(self.text(text)),
        }
    }
    /// The token's one byte, when it is one byte long (most punctuation), read without slicing.
    pub fn byte(&self, text: &str) -> Option<u8> {
        if self.has_len(1) {
            text.as_bytes().get(self.start).copied()
        } else {
            None
        }
    }
    /// True for a punctuation token that is exactly `c`.
    pub fn is_char(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct
            && self.has_len(c.len_utf8())
            && text[self.start..self.end].starts_with(c)
    }
}

/// The char at byte `i` (the text is valid UTF-8; `i` is on a boundary).
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn is_alpha_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(text, i).is_some_and(char::is_alphabetic),
        None => false,
    }
}

/// The length of an apostrophe or hyphen at `i` that can join two parts of a word (it's,
/// one-on-one, O’Brien), or 0.
fn joiner_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'\'' | b'-') => 1,
        // ’ U+2019, ‐ U+2010, ‑ U+2011
        Some(0xE2)
            if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x99 | 0x90 | 0x91)) =>
        {
            3
        }
        _ => 0,
    }
}

/// Tokenises `text[start..end]`, appending to `out`. Lexicon lookups use `lower` as scratch space.
/// ASCII, by far the most common case, is scanned byte by byte.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>, lower: &mut String) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_whitespace() {
                i += 1;
            } else if b.is_ascii_alphabetic() {
                i = word(text, i, end, out, lower);
            } else if b.is_ascii_digit() {
                i = number(text, i, end, out);
            } else {
                out.push(punct(i, i + 1));
                i += 1;
            }
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
        } else if c.is_alphabetic() {
            i = word(text, i, end, out, lower);
        } else {
            out.push(punct(i, i + len));
            i += len;
        }
    }
}

fn punct(start: usize, end: usize) -> Token {
    Token {
        start,
        end,
        kind: Kind::Punct,
        cap: false,
        lex: Entry::default(),
        quote: NONE,
    }
}

/// A word from `s`: letters and digits, joined by apostrophes and hyphens before a letter, and
/// initialisms with their periods (U.S., a.m.). Returns the index after the word.
// Inlined: the call (registers saved and restored per word) cost as much as a short word's scan.
#[inline(always)]
fn word(text: &str, s: usize, end: usize, out: &mut Vec<Token>, lower: &mut String) -> usize {
    let bytes = text.as_bytes();
    let mut i = s;
    // Start of the current period-separated part, for initialisms.
    let mut part = s;
    let mut initialism = false;
    // Noted while scanning, so the word need not be read again.
    let mut ascii = true;
    while i < end {
        i += ascii_alnum_run(&bytes[i..end]);
        if i >= end {
            break;
        }
        let b = bytes[i];
        if !b.is_ascii() {
            match char_at(text, i) {
                Some(c) if c.is_alphanumeric() => {
                    ascii = false;
                    i += c.len_utf8();
                    continue;
                }
                _ => {}
            }
        }
        let j = joiner_len(bytes, i);
        if j > 0 && i + j < end && is_alpha_at(text, i + j) {
            ascii &= j == 1;
            i += j;
            continue;
        }
        if b == b'.' {
            // U.S. / a.m.: single letters separated by periods.
            let single = text[part..i].chars().count() == 1;
            let next_is_letter = i + 1 < end && is_alpha_at(text, i + 1);
            let after_next = char_at(text, i + 1).map(|c| i + 1 + c.len_utf8());
            let next_single = after_next.is_some_and(|k| k >= end || !is_alpha_at(text, k));
            if single && next_is_letter && next_single && i - s < 12 {
                initialism = true;
                i += 1;
                part = i;
                continue;
            }
            if initialism && single {
                i += 1; // the final period of "U.S."
            }
        }
        break;
    }
    let first = bytes[s];
    let cap = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        char_at(text, s).is_some_and(char::is_uppercase)
    };
    // Words longer than any in the lexicon need no lookup ("internationalisation").
    let lex = if i - s > lexicon::LONGEST_WORD {
        Entry::default()
    } else if ascii {
        lexicon::lookup_ascii(&bytes[s..i])
    } else {
        lookup_lowered(&text[s..i], lower)
    };
    out.push(Token {
        start: s,
        end: i,
        kind: Kind::Word,
        cap,
        lex,
        quote: NONE,
    });
    i
}

/// Looks up a word with letters outside ASCII, lower-cased into `lower` (’ read as ').
fn lookup_lowered(w: &str, lower: &mut String) -> Entry {
    lower.clear();
    for ch in w.chars() {
        if ch == '’' {
            lower.push('\'');
        } else {
            lower.extend(ch.to_lowercase());
        }
    }
    lexicon::lookup(lower)
}

/// ASCII letters and digits, the bytes most words are made of.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The length of the run of ASCII letters and digits that `bytes` starts with (a table lookup
/// per byte: this loop is the tokenizer's inner loop).
fn ascii_alnum_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// A number from `s`: digits with inner separators (48,500 / 6.3), letters attached (80th, 3pm)
/// and hyphenated parts (34-year-old).
fn number(text: &str, s: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut i = s + 1;
    while i < end {
        let b = bytes[i];
        let next = bytes.get(i + 1).filter(|_| i + 1 < end);
        // Digits and letters, separators between digits (48,500), hyphens before a word part.
        let joins = b.is_ascii_alphanumeric()
            || (b == b',' || b == b'.') && next.is_some_and(u8::is_ascii_digit)
            || b == b'-' && next.is_some_and(u8::is_ascii_alphanumeric)
            || b == b'/' && next.is_some_and(u8::is_ascii_digit); // 9/11, 24/7
        if joins {
            i += 1;
        } else if !b.is_ascii() && char_at(text, i).is_some_and(char::is_alphabetic) {
            i += char_at(text, i).map_or(1, char::len_utf8);
        } else {
            break;
        }
    }
    out.push(Token {
        start: s,
        end: i,
        kind: Kind::Number,
        cap: false,
        lex: Entry::default(),
        quote: NONE,
    });
    i
}

/// Lower case without allocating when the word is already lower-case ASCII (most words).
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else if s.is_ascii() {
        // Same result as `to_lowercase` for ASCII, without its Unicode tables.
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(t, 0, t.len(), &mut out, &mut String::new());
        out.iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            toks("“It’s one-on-one,” Mr. O'Brien said, citing $51.8 billion."),
            [
                "“",
                "It’s",
                "one-on-one",
                ",",
                "”",
                "Mr",
                ".",
                "O'Brien",
                "said",
                ",",
                "citing",
                "$",
                "51.8",
                "billion",
                "."
            ]
        );
    }

    #[test]
    fn initialisms_keep_their_periods() {
        assert_eq!(
            toks("The U.S. said at 3 p.m. today."),
            ["The", "U.S.", "said", "at", "3", "p.m.", "today", "."]
        );
        assert_eq!(toks("Jones' car"), ["Jones", "'", "car"]);
    }
}

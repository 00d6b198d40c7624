//! The number finder's own tokens: runs of letters, runs of digits (with thousands separators and
//! a decimal part) and single symbols, each with the whitespace before it. Words are split at
//! hyphens, apostrophes and digits ("33-year-old" → 33 - year - old, "£7.1m" → £ 7.1 m), so the
//! grammar can look at the pieces. They are made from the engine's tokens (`sentences::read`);
//! only the engine tokens that differ from them are lexed from their bytes here.

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: the tokens touch ("7.1m", "F-16").
    None,
    /// Spaces or tabs.
    Space,
    /// A line break (a new paragraph inside a block).
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Absolute byte offsets into the document text (the finder skips texts over 4 GiB).
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub gap: Gap,
    /// Words: the first letter is upper case.
    pub cap: bool,
    /// Numbers: the value as written.
    pub value: f64,
    /// Numbers: digits before the decimal point.
    pub int_digits: u8,
    /// Numbers: written with thousands separators ("48,500").
    pub grouped: bool,
    /// Numbers: written with a decimal part ("6.3", ".001").
    pub decimal: bool,
    /// Words: the first letters are those of a number word ("tw…", "do…"), so it is worth
    /// looking up.
    pub numberish: bool,
}

impl Tok {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
    /// A whole number written plainly: no separators, no decimals.
    pub fn is_plain_int(&self) -> bool {
        self.kind == Kind::Num && !self.grouped && !self.decimal
    }
    /// Touches the token before it.
    pub fn tight(&self) -> bool {
        self.gap == Gap::None
    }
}

/// Byte classes for the lexer's inner loops.
const SPACE: u8 = 0;
const BREAK: u8 = 1;
const OTHER: u8 = 2;
const DIGIT: u8 = 3;
const LOWER: u8 = 4;
const UPPER: u8 = 5;
const HIGH: u8 = 6;

const CLASS: [u8; 256] = {
    let mut c = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        c[i] = if b == b'\n' || b == b'\r' {
            BREAK
        } else if b == b' ' || b == b'\t' || b == 0x0b || b == 0x0c {
            SPACE
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b >= 0x80 {
            HIGH
        } else {
            OTHER
        };
        i += 1;
    }
    c
};

/// Tokenises `text[start..end]` into `out` (cleared first).
#[cfg(test)]
pub fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    lex_more(text, start, end, Gap::Line, out);
}

/// Tokenises `text[start..end]`, appending to `out`; `gap` is what separates the first token
/// from the last one in `out`. Returns the gap pending at `end` (for the next token).
pub fn lex_more(text: &str, start: usize, end: usize, mut gap: Gap, out: &mut Vec<Tok>) -> Gap {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        let class = CLASS[usize::from(b)];
        if class <= BREAK {
            if class == BREAK {
                gap = Gap::Line;
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
            continue;
        }
        let mut tok = Tok {
            start: i as u32,
            end: i as u32,
            kind: Kind::Sym,
            gap,
            cap: class == UPPER,
            value: 0.0,
            int_digits: 0,
            grouped: false,
            decimal: false,
            numberish: false,
        };
        if class == DIGIT
            || (b == b'.'
                && i + 1 < end
                && CLASS[usize::from(bytes[i + 1])] == DIGIT
                && out
                    .last()
                    .is_none_or(|t| gap != Gap::None || t.kind == Kind::Sym))
        {
            i = number(bytes, i, end, &mut tok);
        } else if class == LOWER || class == UPPER {
            tok.kind = Kind::Word;
            tok.numberish = super::words::may_start(&bytes[i..end]);
            i += 1;
            loop {
                i += bytes[i..end]
                    .iter()
                    .position(|&c| (c | 0x20).wrapping_sub(b'a') >= 26)
                    .unwrap_or(end - i);
                // Letters outside ASCII continue the word (Ngātiwai, Zürich).
                if i < end
                    && bytes[i] >= 0x80
                    && let Some(c) = text[i..end].chars().next()
                    && c.is_alphabetic()
                {
                    i += c.len_utf8();
                    continue;
                }
                break;
            }
        } else if class == HIGH {
            let c = text[i..end].chars().next().unwrap_or('\u{FFFD}');
            i += c.len_utf8();
            if c.is_whitespace() {
                if gap == Gap::None {
                    gap = Gap::Space;
                }
                continue;
            }
            if c.is_alphabetic() {
                tok.kind = Kind::Word;
                tok.cap = c.is_uppercase();
                while i < end {
                    match text[i..end].chars().next() {
                        Some(d) if d.is_alphabetic() => i += d.len_utf8(),
                        _ => break,
                    }
                }
            }
        } else {
            i += 1;
        }
        tok.end = i as u32;
        out.push(tok);
        gap = Gap::None;
    }
    gap
}

/// An engine word as the finder reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// ASCII letters only: one finder word, `numberish` when its first three letters start a
    /// number word.
    Letters { numberish: bool },
    /// With digits, joiners, periods or letters outside ASCII: the finder splits it.
    Pieces,
}

/// The shape of the engine's word `bytes[start..end]`. In the engine's words every byte that is
/// not an ASCII letter is below 0x40 (digits, hyphens, apostrophes, periods) or from 0x80 up
/// (letters outside ASCII, ’), so one mask tests eight bytes at a time: most words are short.
#[inline(always)]
pub fn word_shape(bytes: &[u8], start: usize, end: usize) -> Shape {
    const TOP: u64 = 0xC0C0_C0C0_C0C0_C0C0;
    const LETTER: u64 = 0x4040_4040_4040_4040;
    let len = end - start;
    if (1..=8).contains(&len)
        && let Some(w) = bytes.get(start..start + 8)
        && let Ok(w) = <[u8; 8]>::try_from(w)
    {
        let v = u64::from_le_bytes(w);
        if (v ^ LETTER) & TOP & (u64::MAX >> (64 - 8 * len)) != 0 {
            return Shape::Pieces;
        }
        let numberish = len >= 3 && super::words::may_start_letters(w[0], w[1], w[2]);
        return Shape::Letters { numberish };
    }
    if bytes[start..end].iter().all(|&b| b & 0xC0 == 0x40) {
        Shape::Letters {
            numberish: super::words::may_start(&bytes[start..end]),
        }
    } else {
        Shape::Pieces
    }
}

/// Reads a number at `i`: digits, thousands groups (",ddd" while the first group has at most three
/// digits) and one decimal part. Returns the end.
fn number(bytes: &[u8], mut i: usize, end: usize, tok: &mut Tok) -> usize {
    tok.kind = Kind::Num;
    let mut int_part: f64 = 0.0;
    let mut int_digits = 0u32;
    while i < end && bytes[i].is_ascii_digit() {
        int_part = int_part * 10.0 + f64::from(bytes[i] - b'0');
        int_digits += 1;
        i += 1;
    }
    // Thousands groups: exactly three digits after each comma, not followed by another digit.
    if (1..=3).contains(&int_digits) {
        while i + 4 <= end
            && bytes[i] == b','
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && !(i + 4 < end && bytes[i + 4].is_ascii_digit())
        {
            for &d in &bytes[i + 1..i + 4] {
                int_part = int_part * 10.0 + f64::from(d - b'0');
            }
            int_digits += 3;
            tok.grouped = true;
            i += 4;
        }
    }
    let mut value = int_part;
    if i + 1 < end && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i += 1;
        let mut scale = 0.1;
        while i < end && bytes[i].is_ascii_digit() {
            value += f64::from(bytes[i] - b'0') * scale;
            scale /= 10.0;
            i += 1;
        }
        tok.decimal = true;
        // Re-read through the standard parser for exact decimals ("58.24").
        let mut buf = [0u8; 40];
        let mut n = 0;
        for &b in bytes[tok.start as usize..i].iter().filter(|&&b| b != b',') {
            if n == buf.len() {
                break;
            }
            buf[n] = b;
            n += 1;
        }
        if let Some(v) = std::str::from_utf8(&buf[..n])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
        {
            value = v;
        }
    }
    tok.value = value;
    tok.int_digits = int_digits.min(255) as u8;
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use proptest::prelude::*;

    /// What matters of a token, for comparison.
    fn shape(text: &str, toks: &[Tok]) -> Vec<String> {
        toks.iter()
            .map(|t| {
                format!(
                    "{:?} {:?} {:?} {} {} {} {} {} {}",
                    t.text(text),
                    t.kind,
                    t.gap,
                    t.cap,
                    t.value,
                    t.int_digits,
                    t.grouped,
                    t.decimal,
                    t.numberish
                )
            })
            .collect()
    }

    /// The finder's tokens of `text` lexed directly, and read sentence by sentence from the
    /// engine's tokens (a sentence's first token follows a line break as far as the grammar
    /// can tell).
    fn both(text: &str) -> (Vec<String>, Vec<String>) {
        let mut direct = Vec::new();
        lex(text, 0, text.len(), &mut direct);
        let mut engine = Vec::new();
        tokenize(text, 0, text.len(), &mut engine, &mut String::new());
        let mut via = Vec::new();
        let mut sentence = Vec::new();
        let mut rest = &engine[..];
        while !rest.is_empty() {
            let (n, _) = super::super::sentences::scan(text, rest);
            super::super::sentences::finder_tokens(text, &rest[..n], &mut sentence);
            via.append(&mut sentence);
            rest = &rest[n..];
        }
        if let Some(first) = direct.first_mut() {
            first.gap = Gap::Line;
        }
        let starts: Vec<u32> = via
            .iter()
            .filter(|t| t.gap == Gap::Line)
            .map(|t| t.start)
            .collect();
        for t in direct.iter_mut().filter(|t| starts.contains(&t.start)) {
            t.gap = Gap::Line;
        }
        (shape(text, &direct), shape(text, &via))
    }

    #[test]
    fn word_shapes() {
        let text = b"Ana x9 Zurich-x abcdefgh abcdefghi it's U.S. Twelve seventeenth one";
        let mut i = 0;
        for w in text.split(|&b| b == b' ') {
            let shape = word_shape(text, i, i + w.len());
            if w.iter().all(u8::is_ascii_alphabetic) {
                let numberish = super::super::words::may_start(w);
                assert_eq!(shape, Shape::Letters { numberish }, "{w:?}");
            } else {
                assert_eq!(shape, Shape::Pieces, "{w:?}");
            }
            i += w.len() + 1;
        }
        assert_eq!("café".len(), 5);
        assert_eq!(word_shape("café au".as_bytes(), 0, 5), Shape::Pieces);
    }

    #[test]
    fn the_engines_tokens_give_the_same_pieces() {
        for text in [
            "Ana Silva, 58, paid £7.1m (US$58.24) for 48,500 shares at 3 p.m. on Oct. 31.",
            "A 33-year-old F16 pilot, COVID-19, the U.S. and .25 of it; 1.2.3 and 1,2345.",
            "It’s one-on-one:\tZürich 2½ km² \u{b}x\u{c}y\r\nnext line — 64.8million",
            "F16,000 A1.5 x.5 3pm 80th",
        ] {
            let (direct, via) = both(text);
            assert_eq!(direct, via, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn the_engines_tokens_always_give_the_same_pieces(text in "[a-zA-Z0-9 .,'’$£%½²é\t\n\u{b}-]{0,60}") {
            let (direct, via) = both(&text);
            prop_assert_eq!(direct, via);
        }
    }
}

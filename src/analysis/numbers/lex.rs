//! The number finder's own tokens: runs of letters, runs of digits (with thousands separators and
//! a decimal part) and single symbols, each with the whitespace before it. Words are split at
//! hyphens, apostrophes and digits ("33-year-old" → 33 - year - old, "£7.1m" → £ 7.1 m), so the
//! grammar can look at the pieces.

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
pub fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    out.reserve((end - start) / 4);
    let bytes = text.as_bytes();
    let mut i = start;
    let mut gap = Gap::Line;
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

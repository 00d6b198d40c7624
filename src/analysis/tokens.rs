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
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// True for a punctuation token that is exactly `c`.
    pub fn is_char(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct
            && text[self.start..self.end].starts_with(c)
            && self.end - self.start == c.len_utf8()
    }
}

/// Apostrophes and hyphens that join the letters of one word (it's, one-on-one).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Tokenises `text[start..end]`, appending to `out`. Lexicon lookups use `lower` as scratch space.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>, lower: &mut String) {
    let slice = &text[start..end];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let abs = start + i;
        if c.is_alphabetic() {
            let mut last = i + c.len_utf8();
            let mut has_period_abbrev = false;
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    last = j + d.len_utf8();
                    iter.next();
                } else if is_joiner(d) || d == '.' {
                    // Join only when a letter follows: it's, one-on-one, U.S.
                    let next = slice[j + d.len_utf8()..].chars().next();
                    let joins = next.is_some_and(|n| n.is_alphabetic());
                    if d == '.' {
                        // U.S. / a.m.: single letters separated by periods.
                        let word_len = slice[i..j].chars().filter(|c| c.is_alphabetic()).count();
                        let single = slice[i..j]
                            .rsplit('.')
                            .next()
                            .is_some_and(|s| s.chars().count() == 1);
                        if joins && single && word_len < 6 {
                            let after2 = slice[j + 1..].chars().nth(1);
                            if after2.is_none_or(|a| !a.is_alphabetic()) || after2 == Some('.') {
                                has_period_abbrev = true;
                                last = j + 1;
                                iter.next();
                                continue;
                            }
                        }
                        if has_period_abbrev && !joins {
                            // Include the final period of "U.S." in the token.
                            last = j + 1;
                            iter.next();
                        }
                        break;
                    }
                    if joins {
                        last = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let word = &slice[i..last];
            lower.clear();
            for ch in word.chars() {
                if ch == '’' {
                    lower.push('\'');
                } else {
                    lower.extend(ch.to_lowercase());
                }
            }
            let lex = lexicon::lookup(lower);
            out.push(Token {
                start: abs,
                end: start + last,
                kind: Kind::Word,
                cap: c.is_uppercase(),
                lex,
                quote: NONE,
            });
        } else if c.is_ascii_digit() {
            let mut last = i + 1;
            while let Some(&(j, d)) = iter.peek() {
                if d.is_ascii_digit() || d.is_alphabetic() {
                    last = j + d.len_utf8();
                    iter.next();
                } else if d == ',' || d == '.' {
                    let next = slice[j + 1..].chars().next();
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        last = j + 1;
                        iter.next();
                    } else {
                        break;
                    }
                } else if d == '-'
                    && slice[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric())
                {
                    // "34-year-old", "2-1"
                    last = j + 1;
                    iter.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: abs,
                end: start + last,
                kind: Kind::Number,
                cap: false,
                lex: Entry::default(),
                quote: NONE,
            });
        } else {
            out.push(Token {
                start: abs,
                end: abs + c.len_utf8(),
                kind: Kind::Punct,
                cap: false,
                lex: Entry::default(),
                quote: NONE,
            });
        }
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

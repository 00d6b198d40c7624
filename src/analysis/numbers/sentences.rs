//! Which sentences of a block may hold a number: those with a digit, a vulgar fraction or a
//! number word. Only they are tokenised, so this scan runs over all the text and has to be
//! cheap: one table lookup per byte and a three-letter test per word while no number has been
//! seen, then a jump (memchr) to the end of the sentence.
//!
//! Sentences end at ".", "!" or "?" followed by a space and a capital letter or an opening
//! mark, and at line breaks; "Oct. 31", "6.3%" and "$75 U.S. per barrel" stay whole. A missed
//! end only makes a longer sentence.

use super::words;

/// Appends to `out` the spans of the sentences of `text[start..end]` that may hold a number, in
/// order.
pub fn with_numbers(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = &text.as_bytes()[..end];
    let mut chunk = start;
    let mut hit = false;
    let mut i = start;
    while i < end {
        if hit {
            // Only the end of the sentence matters now ("!" ends are missed here: harmless).
            let Some(k) = memchr::memchr3(b'.', b'?', b'\n', &bytes[i..]) else {
                break;
            };
            i += k + 1;
            if bytes[i - 1] == b'\n' || sentence_ends(bytes, i) {
                out.push((chunk, i));
                chunk = i;
                hit = false;
            }
            continue;
        }
        let b = bytes[i];
        let class = CLASS[usize::from(b)];
        if class == LETTER {
            // At the start of a word: its first three letters rule out almost every word that
            // is not a number word, before the rest of it is skipped.
            let w = i;
            let maybe = words::may_start(&bytes[w..]);
            i += 1;
            while i < end && CLASS[usize::from(bytes[i])] == LETTER {
                i += 1;
            }
            if maybe && i - w >= 3 && words::lookup(&text[w..i]).is_some() {
                hit = true;
            }
            continue;
        }
        i += 1;
        if class == OTHER {
            continue;
        }
        if class == DIGIT {
            hit = true;
        } else if class == STOP {
            if b == b'\n' || sentence_ends(bytes, i) {
                chunk = i;
            }
        } else {
            // A byte of a multi-byte character: "½", "⅓" are vulgar fractions.
            hit = starts_vulgar(&bytes[i - 1..]);
        }
    }
    if hit && chunk < end {
        out.push((chunk, end));
    }
}

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const STOP: u8 = 3;
const HIGH: u8 = 4;

const CLASS: [u8; 256] = {
    let mut c = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        c[i] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if matches!(b, b'.' | b'?' | b'!' | b'\n') {
            STOP
        } else if b >= 0x80 {
            HIGH
        } else {
            OTHER
        };
        i += 1;
    }
    c
};

/// After a stop at `i - 1`: spaces, then a capital letter or an opening mark.
fn sentence_ends(bytes: &[u8], mut i: usize) -> bool {
    if !bytes.get(i).is_some_and(|&b| b == b' ' || b == b'\t') {
        return false;
    }
    while bytes.get(i).is_some_and(|&b| b == b' ' || b == b'\t') {
        i += 1;
    }
    bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_uppercase() || matches!(b, b'"' | b'\'' | b'(' | 0xE2))
}

/// The bytes start with a vulgar fraction ("½" is C2 BD, "⅓" is E2 85 93).
fn starts_vulgar(b: &[u8]) -> bool {
    matches!(b, [0xC2, 0xBC..=0xBE, ..] | [0xE2, 0x85, 0x90..=0x9E, ..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        with_numbers(text, 0, text.len(), &mut out);
        out.into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn keeps_only_sentences_with_numbers() {
        let text = "No figures here at all. Sales rose 6.3% in May. Nothing else. He left twice as fast!\nTwelve cats. Oct. 31 is late.";
        assert_eq!(
            sentences(text),
            [
                " Sales rose 6.3% in May.",
                " He left twice as fast!\n",
                "Twelve cats.",
                " Oct. 31 is late."
            ]
        );
    }

    #[test]
    fn vulgar_fractions_and_words_count() {
        assert_eq!(sentences("About ½ mile. None."), ["About ½ mile."]);
        assert_eq!(sentences("Nothing. Up 3"), [" Up 3"]);
        assert_eq!(sentences("A thousand thanks. Bye."), ["A thousand thanks."]);
        assert!(sentences("Someone said something tonight.").is_empty());
    }

    /// One byte at a time, for comparison.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let (mut chunk, mut hit, mut i) = (0, false, 0);
        while i < b.len() {
            let c = b[i];
            if (c | 0x20).wrapping_sub(b'a') < 26
                && (i == 0 || (b[i - 1] | 0x20).wrapping_sub(b'a') >= 26)
            {
                let len = b[i..]
                    .iter()
                    .position(|&x| (x | 0x20).wrapping_sub(b'a') >= 26)
                    .unwrap_or(b.len() - i);
                if words::lookup(&text[i..i + len]).is_some() {
                    hit = true;
                }
            }
            if c.is_ascii_digit() || starts_vulgar(&b[i..]) {
                hit = true;
            }
            if c == b'\n' || (matches!(c, b'.' | b'?' | b'!') && sentence_ends(b, i + 1)) {
                if hit {
                    out.push((chunk, i + 1));
                }
                chunk = i + 1;
                hit = false;
            }
            i += 1;
        }
        if hit && chunk < b.len() {
            out.push((chunk, b.len()));
        }
        out
    }

    /// Every number the reference sees lies in a sentence the fast scan keeps.
    fn covered(fast: &[(usize, usize)], slow: &[(usize, usize)]) -> bool {
        slow.iter()
            .all(|&(s, e)| fast.iter().any(|&(fs, fe)| fs <= s && e <= fe))
    }

    proptest! {
        #[test]
        fn agrees_with_the_byte_by_byte_scan(text in "[a-zA-Z0-9 .?!\n½’]{0,80}( one| Two| first| 5)?[a-z .]{0,40}") {
            let mut fast = Vec::new();
            with_numbers(&text, 0, text.len(), &mut fast);
            let slow = reference(&text);
            prop_assert!(covered(&fast, &slow), "{fast:?} vs {slow:?}");
        }
    }
}

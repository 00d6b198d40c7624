//! Normalisation at load: one place where line ends are unified and control characters become
//! visible symbols, so nothing read from a file can drive the terminal and all offsets stay valid.
//!
//! A whole terminal escape sequence (CSI "ESC [ 31 m", OSC "ESC ] 0;title BEL", and the other
//! ECMA-48 escapes) becomes one visible mark without its parameters: "␛[…m", "␛]…␇". Its digits
//! would otherwise reach the engine as numbers ("31mred", "0m"). Offsets are into the normalised
//! text, which is what every reader of the document sees. Line ends and lone control characters
//! keep their length in bytes, so for a UTF-8 file without a byte-order mark those offsets are also
//! the file's, unless it holds whole escape sequences.

/// What normalisation changed, for warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub control_chars: usize,
    pub line_ends: usize,
    /// Terminal escape sequences shown as one mark each (not counted in `control_chars`).
    pub escape_sequences: usize,
}

/// The warning for `n` escape sequences.
pub fn escape_warning(n: usize) -> String {
    format!("{n} terminal escape sequence(s) shown as ␛ marks without their parameters")
}

/// The longest escape sequence read as one: past it, ESC is shown alone.
const LONGEST_ESCAPE: usize = 256;

/// The escape sequence starting at `rest` (which starts with ESC): its length in bytes and its
/// visible mark, or `None` when ESC starts no complete sequence.
fn escape_sequence(rest: &str) -> Option<(usize, String)> {
    let b = rest.as_bytes();
    let kind = *b.get(1)?;
    match kind {
        // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
        b'[' => {
            let mut i = 2;
            while i < b.len().min(LONGEST_ESCAPE) && (0x20..=0x3F).contains(&b[i]) {
                i += 1;
            }
            let last = *b.get(i).filter(|c| (0x40..=0x7E).contains(*c))?;
            let inner = if i > 2 { "…" } else { "" };
            Some((i + 1, format!("␛[{inner}{}", char::from(last))))
        }
        // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \).
        b']' | b'P' | b'X' | b'^' | b'_' => {
            let mut i = 2;
            while i < b.len().min(LONGEST_ESCAPE) {
                match b[i] {
                    0x07 => return Some((i + 1, format!("␛{}…␇", char::from(kind)))),
                    0x1B if b.get(i + 1) == Some(&b'\\') => {
                        return Some((i + 2, format!("␛{}…␛\\", char::from(kind))));
                    }
                    b'\n' => return None,
                    _ => i += 1,
                }
            }
            None
        }
        // Two-byte escapes ("ESC 7", "ESC c", "ESC (B" charset choice).
        b'(' | b')' | b'*' | b'+' if b.get(2).is_some_and(|c| (0x30..=0x7E).contains(c)) => {
            Some((3, format!("␛{}", char::from(kind))))
        }
        0x30..=0x7E => Some((2, "␛…".to_string())),
        _ => None,
    }
}

/// The visible stand-in for a control character, or `None` if `c` is shown as it is.
/// C0 controls become the Unicode control pictures (ESC → ␛), DEL → ␡, C1 controls → ␦, and the
/// bidirectional overrides and isolates (which can reorder what the terminal shows) → ⇋.
pub fn visible(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('␦'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('⇋'),
        _ => None,
    }
}

/// The symbol a control character becomes in the document text, of the same length in UTF-8 so
/// that offsets after it still point into the file as read: a C0 control or DEL (one byte) becomes
/// "^" (as `less` shows "^X"), a C1 control (two bytes) "¦", a bidi control (three bytes) "⇋".
fn stand_in(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' | '\u{7f}' => visible(c).map(|_| '^'),
        '\u{80}'..='\u{9f}' => Some('¦'),
        _ => visible(c),
    }
}

/// Bytes that may start something to normalise: C0 controls (but tab and newline), DEL, and the
/// lead bytes of C1 controls (0xC2) and of bidi controls (0xE2).
const SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    t[0x7f] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// True when a byte sequence may need normalising (a table scan: this runs on every byte loaded).
fn needs_work(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return true;
    }
    let mut i = 0;
    while i < bytes.len() {
        i = skip_plain_ascii(bytes, i);
        let stop = (i + 8).min(bytes.len());
        let Some(p) = bytes[i..stop].iter().position(|&b| SUSPECT[b as usize]) else {
            i = stop;
            continue;
        };
        let at = i + p;
        match bytes[at] {
            0xC2 => {
                if matches!(bytes.get(at + 1), Some(0x80..=0x9f)) {
                    return true;
                }
            }
            0xE2 => {
                if let (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9)) =
                    (bytes.get(at + 1), bytes.get(at + 2))
                {
                    return true;
                }
            }
            _ => return true,
        }
        i = at + 1;
    }
    false
}

/// The first index from `i` whose eight-byte chunk is not all printable ASCII (0x20..=0x7E), or
/// a point near the end. Checking a word at a time keeps the scan of ordinary prose cheap.
fn skip_plain_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if !is_plain_ascii(u64::from_le_bytes(word)) {
            break;
        }
        i += 8;
    }
    i
}

/// True when all eight bytes of `x` are printable ASCII (the "has byte less than n" bit tricks;
/// they may report a plain byte as suspect, never the reverse).
fn is_plain_ascii(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let del = x ^ (ONES * 0x7f);
    let is_del = del.wrapping_sub(ONES) & !del;
    (x | below_space | is_del) & HIGH == 0
}

/// Normalises text: drops a leading BOM, turns CR LF into space LF and a lone CR into LF, and
/// replaces control characters with visible symbols. Text that needs none of this is returned
/// unchanged (the common case).
pub fn normalize(text: &str) -> (String, Changes) {
    let mut changes = Changes::default();
    if !needs_work(text.as_bytes()) {
        return (text.to_string(), changes);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}'
            && let Some((len, mark)) = escape_sequence(&text[at..])
        {
            changes.escape_sequences += 1;
            out.push_str(&mark);
            while chars.peek().is_some_and(|&(j, _)| j < at + len) {
                chars.next();
            }
            continue;
        }
        if c == '\r' {
            // CR LF keeps its two bytes as " \n" and a lone CR becomes LF, so every offset after it
            // still points into the file as read.
            let crlf = chars.peek().is_some_and(|&(_, n)| n == '\n');
            changes.line_ends += 1;
            out.push(if crlf { ' ' } else { '\n' });
        } else if let Some(v) = stand_in(c) {
            changes.control_chars += 1;
            out.push(v);
        } else {
            out.push(c);
        }
    }
    (out, changes)
}

/// Like [`normalize`], but takes the text by value and gives it back without copying when nothing
/// needs changing (a large clean UTF-8 file is never copied).
pub fn normalize_owned(text: String) -> (String, Changes) {
    if !needs_work(text.as_bytes()) {
        return (text, Changes::default());
    }
    normalize(&text)
}

/// Makes a string safe to write to a terminal (for `quotelens text` on a TTY and error messages).
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| visible(c).is_some() || c == '\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c == '\r' {
                    '␍'
                } else {
                    visible(c).unwrap_or(c)
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_at_a_time_scan_flags_every_unprintable_byte() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut chunk = [b'a'; 8];
                chunk[pos] = b;
                let plain = (0x20..=0x7e).contains(&b);
                assert_eq!(
                    is_plain_ascii(u64::from_le_bytes(chunk)),
                    plain,
                    "{b:#x} at {pos}"
                );
            }
        }
        let mut text = b"plain prose, long enough for several words".to_vec();
        text.push(0x1b);
        assert!(needs_work(&text));
        text.pop();
        text.push(b'\n');
        assert!(!needs_work(&text));
    }

    #[test]
    fn clean_text_is_unchanged() {
        let t = "“Quoted,” she said.\n\n\tIndented — fine.";
        assert_eq!(normalize(t).0, t);
    }

    #[test]
    fn escape_sequences_become_one_mark_without_digits() {
        let (t, c) = normalize("a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc");
        assert_eq!(t, "a␛]…␇b␛[…Jc");
        assert_eq!((c.escape_sequences, c.control_chars), (2, 0));
        let (t, c) =
            normalize("said \u{1b}[31mred\u{1b}[0m and \u{1b}[m5 \u{1b}]8;;http://x/1\u{1b}\\link");
        assert_eq!(t, "said ␛[…mred␛[…m and ␛[m5 ␛]…␛\\link");
        assert_eq!(c.escape_sequences, 4);
        assert!(!t.contains("31") && !t.contains('0'));
    }

    #[test]
    fn a_lone_or_broken_escape_is_one_control_character() {
        let (t, c) = normalize("x\u{1b}\u{1b}[31\ny\u{1b}");
        assert_eq!(t, "x^^[31\ny^");
        assert_eq!((c.escape_sequences, c.control_chars), (0, 3));
    }

    #[test]
    fn line_ends_c1_and_bidi_are_normalised() {
        let (t, c) = normalize("\u{feff}one\r\ntwo\rthree\u{85}\u{202e}x");
        assert_eq!(t, "one \ntwo\nthree¦⇋x");
        assert_eq!(c.line_ends, 2);
        assert_eq!(c.control_chars, 2);
    }

    #[test]
    fn terminal_output_is_escaped() {
        assert_eq!(for_terminal("ok\u{1b}[31m"), "ok␛[31m");
        assert!(matches!(
            for_terminal("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

//! Bytes → text. The order: a byte-order mark; UTF-16 without a mark (ASCII-range text has a zero
//! in every other byte); NUL bytes mean a binary file; valid UTF-8; the charset an HTML/XML file
//! declares; text that is UTF-8 with a few stray bytes from another encoding (kept as UTF-8, the
//! stray bytes read as Windows-1252 where that makes text, as ftfy repairs mixed text); and
//! finally a guess with chardetng for legacy encodings such as Windows-1252.

use crate::plural::count;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How much of a file chardetng looks at: enough for a confident guess, bounded for huge files.
const DETECTION_SAMPLE: usize = 1 << 20;
/// Where the HTML spec looks for `<meta charset>`.
const CHARSET_PRESCAN: usize = 1024;

/// Decoded text and what the user should know about the decoding.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// The bytes are not text: they contain NUL bytes and are not UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binary;

/// Decodes `bytes`. `markup` says whether a `<meta charset>` or XML declaration may be honoured.
/// Valid UTF-8 without a BOM becomes the `String` without copying.
pub fn decode(bytes: Vec<u8>, markup: bool) -> Result<Decoded, Binary> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding == UTF_8 {
            let mut bytes = bytes;
            bytes.drain(..bom_len);
            return Ok(from_utf8(bytes, bom_len));
        }
        return Ok(decode_with(encoding, &bytes[bom_len..]));
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let decoded = decode_with(encoding, &bytes);
        if decoded.text.contains('\0') {
            return Err(Binary);
        }
        return Ok(decoded);
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(Binary);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: UTF_8.name(),
                warnings: Vec::new(),
            });
        }
        Err(e) => e.into_bytes(),
    };
    if markup
        && let Some(encoding) = declared_charset(&bytes)
        && encoding != UTF_8
    {
        return Ok(decode_with(encoding, &bytes));
    }
    if mostly_utf8(&bytes) {
        return Ok(from_utf8(bytes, 0));
    }
    let encoding = guess(&bytes);
    if encoding == UTF_8 {
        return Ok(from_utf8(bytes, 0));
    }
    let mut decoded = decode_with(encoding, &bytes);
    decoded.warnings.insert(
        0,
        format!(
            "not valid UTF-8 and no encoding declared; decoded as {} (guessed)",
            encoding.name()
        ),
    );
    Ok(decoded)
}

/// UTF-8 that may hold stray bytes from another encoding. Valid sequences are kept as they are;
/// each stray byte becomes its Windows-1252 character where that reads as text (see
/// [`repair_stray_run`]) and U+FFFD elsewhere. One warning counts the stray bytes and gives the
/// first one's offset in the input (`base`: the length of a byte-order mark removed before).
fn from_utf8(bytes: Vec<u8>, base: usize) -> Decoded {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Decoded {
                text,
                encoding: UTF_8.name(),
                warnings: Vec::new(),
            };
        }
        Err(e) => e.into_bytes(),
    };
    let chunks: Vec<std::str::Utf8Chunk> = bytes.utf8_chunks().collect();
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut tally = StrayTally::default();
    let mut offset = base;
    let mut k = 0;
    while k < chunks.len() {
        text.push_str(chunks[k].valid());
        offset += chunks[k].valid().len();
        // A run of stray bytes: this chunk's invalid part and those of the chunks that follow
        // with nothing valid in between.
        let mut run: Vec<&[u8]> = Vec::new();
        while k < chunks.len() && !chunks[k].invalid().is_empty() {
            run.push(chunks[k].invalid());
            if k + 1 < chunks.len() && chunks[k + 1].valid().is_empty() {
                k += 1;
            } else {
                break;
            }
        }
        if !run.is_empty() {
            tally.first.get_or_insert(offset);
            offset += run.iter().map(|b| b.len()).sum::<usize>();
            let after = chunks.get(k + 1).and_then(|c| c.valid().chars().next());
            repair_stray_run(&run, after, &mut text, &mut tally);
        }
        k += 1;
    }
    Decoded {
        text,
        encoding: UTF_8.name(),
        warnings: vec![tally.warning()],
    }
}

/// What happened to the stray bytes of a mostly-UTF-8 input.
#[derive(Default)]
struct StrayTally {
    /// The first stray byte's offset in the input.
    first: Option<usize>,
    read_as_1252: usize,
    replaced: usize,
}

impl StrayTally {
    /// "3 bytes are not valid UTF-8 (the first at byte offset 6): 1 read as Windows-1252, 2
    /// replaced with �".
    fn warning(&self) -> String {
        let total = self.read_as_1252 + self.replaced;
        let verb = if total == 1 { "is" } else { "are" };
        let mut what = Vec::new();
        if self.read_as_1252 > 0 {
            what.push(format!("{} read as Windows-1252", self.read_as_1252));
        }
        if self.replaced > 0 {
            what.push(format!("{} replaced with \u{fffd}", self.replaced));
        }
        format!(
            "{} {verb} not valid UTF-8 (the first at byte offset {}): {}",
            count(total, "byte"),
            self.first.unwrap_or(0),
            what.join(", ")
        )
    }
}

/// Appends the repair of one run of stray bytes (each element one invalid sequence, as
/// `utf8_chunks` gives them) to `text`, which ends with the character before the run; `after`
/// is the character after it.
///
/// A single stray byte is read as Windows-1252 (`Caf\xe9` → "Café", `\x93` → "“"), except:
/// - a UTF-8 sequence cut short (several bytes) and the five bytes Windows-1252 leaves undefined
///   become U+FFFD;
/// - letters need the context of a word: they are kept when they touch a letter, or when one
///   letter stands next to a space ("\xe0 Paris"); letters stuck between punctuation (the
///   `\xff\xfe` of a stray byte-order mark in `20%,\xff\xfe”`) become U+FFFD.
fn repair_stray_run(run: &[&[u8]], after: Option<char>, text: &mut String, tally: &mut StrayTally) {
    let decoded: Vec<(Option<char>, usize)> = run
        .iter()
        .map(|seq| match seq {
            [b] => (windows_1252(*b), 1),
            _ => (None, seq.len()),
        })
        .collect();
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let is_space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let mut i = 0;
    while i < decoded.len() {
        let (c, len) = decoded[i];
        if !is_letter(c) {
            match c {
                Some(c) => {
                    text.push(c);
                    tally.read_as_1252 += 1;
                }
                None => {
                    text.push('\u{fffd}');
                    tally.replaced += len;
                }
            }
            i += 1;
            continue;
        }
        // A stretch of letters: judged by what stands on either side of it.
        let end = (i..decoded.len())
            .find(|&j| !is_letter(decoded[j].0))
            .unwrap_or(decoded.len());
        let before = text.chars().next_back();
        let next = match decoded.get(end) {
            Some(&(c, _)) => Some(c.unwrap_or('\u{fffd}')),
            None => after,
        };
        let in_word = is_letter(before)
            || is_letter(next)
            || (end - i == 1 && (is_space(before) || is_space(next)));
        for &(letter, _) in &decoded[i..end] {
            match letter {
                Some(letter) if in_word => {
                    text.push(letter);
                    tally.read_as_1252 += 1;
                }
                _ => {
                    text.push('\u{fffd}');
                    tally.replaced += 1;
                }
            }
        }
        i = end;
    }
}

/// The Windows-1252 character of a byte, `None` for the five bytes it leaves undefined (0x81,
/// 0x8D, 0x8F, 0x90, 0x9D, which the WHATWG mapping turns into C1 control characters).
fn windows_1252(byte: u8) -> Option<char> {
    let byte = [byte];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    text.chars().next().filter(|c| !c.is_control())
}

/// Decodes with a known encoding (BOM already removed); malformed input becomes U+FFFD.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let mut warnings = Vec::new();
    if had_errors {
        let n = text.matches('\u{fffd}').count();
        warnings.push(format!(
            "malformed {}: {} replaced with \u{fffd}",
            encoding.name(),
            count(n, "sequence")
        ));
    }
    Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }
}

/// UTF-16 without a byte-order mark, recognised when most code units of the first few KB are
/// ASCII-range (a zero high byte) and no low byte is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // Without a zero byte neither count below can pass; the search (memchr's, several times
    // faster than the standard library's) is much cheaper than the count, and most inputs have
    // none.
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_zeros += usize::from(pair[0] == 0);
        odd_zeros += usize::from(pair[1] == 0);
    }
    let units = sample.len() / 2;
    if even_zeros == 0 && odd_zeros * 2 >= units {
        Some(UTF_16LE)
    } else if odd_zeros == 0 && even_zeros * 2 >= units {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when the bytes are UTF-8 with a few stray bytes rather than a legacy encoding: valid
/// multi-byte characters take at least as many bytes as the stray bytes do. A legacy encoding's
/// letters seldom form valid UTF-8 sequences, and then far fewer than the bytes that do not (a
/// Ukrainian Windows-1251 "гії" is valid UTF-8 by chance, amid thousands of stray bytes).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        stray += chunk.invalid().len();
    }
    multibyte > 0 && multibyte >= stray
}

/// Below this many non-ASCII bytes chardetng has too little to go on ("a £15.8m fee" came out as
/// windows-1250, "naïve" as ISO-8859-4), and Windows-1252, the commonest legacy encoding for the
/// Western-language texts quotelens reads, is taken instead.
const MIN_EVIDENCE: usize = 8;

/// chardetng's guess from (a bounded sample of) the bytes.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let non_ascii = bytes
        .iter()
        .filter(|b| !b.is_ascii())
        .take(MIN_EVIDENCE)
        .count();
    if non_ascii < MIN_EVIDENCE {
        return encoding_rs::WINDOWS_1252;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECTION_SAMPLE)];
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The encoding an HTML or XHTML file declares in its first 1024 bytes: `<meta charset=…>`,
/// `<meta http-equiv … content="…; charset=…">` or `<?xml … encoding="…"?>`. A declared UTF-16
/// in a file that is not UTF-16 means UTF-8 (as browsers do).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(CHARSET_PRESCAN)].to_ascii_lowercase();
    let mut label = None;
    if head.starts_with(b"<?xml") {
        let end = memchr::memmem::find(&head, b"?>").unwrap_or(head.len());
        label = attr_value(&head[..end], b"encoding");
    }
    let mut from = 0;
    while label.is_none() {
        let Some(i) = memchr::memmem::find(&head[from..], b"<meta") else {
            break;
        };
        let start = from + i;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        label = attr_value(&head[start..end], b"charset");
        from = end;
    }
    let encoding = Encoding::for_label(label?)?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    })
}

/// The value after `name=` in a tag (quoted or not), if any.
fn attr_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = memchr::memmem::find(tag, name)? + name.len();
    let rest = tag[at..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.push(0xFEFF_u16);
        }
        out.extend(text.encode_utf16());
        out.iter()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn valid_utf8_is_taken_as_it_is() {
        let d = decode("“Yes,” she said.".as_bytes().to_vec(), false).unwrap();
        assert_eq!(d.text, "“Yes,” she said.");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode(b"\xEF\xBB\xBFHello".to_vec(), false).unwrap();
        assert_eq!(d.text, "Hello");
    }

    #[test]
    fn utf16_with_and_without_bom_is_decoded() {
        for be in [false, true] {
            for bom in [true, false] {
                let d = decode(utf16("“Hi,” said Ann.", be, bom), false).unwrap();
                assert_eq!(d.text, "“Hi,” said Ann.", "be={be} bom={bom}");
                assert_eq!(d.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
            }
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec(), false).unwrap_err(),
            Binary
        );
    }

    #[test]
    fn windows_1252_quotes_are_detected() {
        let d = decode(
            b"\x93We will not give up,\x94 the minister said \x96 twice.".to_vec(),
            false,
        )
        .unwrap();
        assert_eq!(d.text, "“We will not give up,” the minister said – twice.");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.warnings[0].contains("windows-1252"));
    }

    #[test]
    fn a_few_legacy_bytes_are_read_as_windows_1252_and_more_are_detected() {
        let d = decode(b"a fee of \xa315.8m for a na\xefve plan".to_vec(), false).unwrap();
        assert_eq!(d.text, "a fee of £15.8m for a naïve plan");
        let d = decode(
            b"\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2 \xf1\xea\xe0\xe7\xe0\xeb \xe2 \xcc\xee\xf1\xea\xe2\xe5".to_vec(),
            false,
        )
        .unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.text, "Президент сказал в Москве");
    }

    #[test]
    fn broken_utf8_gets_replacement_characters_and_a_warning() {
        let d = decode(
            "“Fine,” he said. ".bytes().chain(*b"\xff\xfe ok").collect(),
            false,
        )
        .unwrap();
        assert_eq!(d.text, "“Fine,” he said. \u{fffd}\u{fffd} ok");
        assert_eq!(
            d.warnings,
            ["2 bytes are not valid UTF-8 (the first at byte offset 21): 2 replaced with \u{fffd}"]
        );
    }

    fn mixed(bytes: &[u8]) -> Decoded {
        decode(bytes.to_vec(), false).unwrap()
    }

    #[test]
    fn stray_bytes_in_utf8_are_read_as_windows_1252_where_they_make_text() {
        let d =
            mixed(b"\xe2\x80\x9cCaf\xe9 prices rose 20%,\xff\xfe\xe2\x80\x9d said Tom Reyes.\n");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.text,
            "“Café prices rose 20%,\u{fffd}\u{fffd}” said Tom Reyes.\n"
        );
        assert_eq!(
            d.warnings,
            [
                "3 bytes are not valid UTF-8 (the first at byte offset 6): 1 read as Windows-1252, \
              2 replaced with \u{fffd}"
            ]
        );
        // Punctuation and symbols from Windows-1252, letters inside words or standing alone.
        let d = mixed(
            "“Yes” — "
                .bytes()
                .chain(*b"\x93don\x92t\x94 \xa315 \xe0 M\xfc\xdfig")
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(d.text, "“Yes” — “don’t” £15 à Müßig");
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn cut_sequences_and_undefined_bytes_become_replacement_characters() {
        // "\xe2\x80" is a quotation mark cut short; 0x81 is undefined in Windows-1252.
        let d = mixed(
            "“Ok” "
                .bytes()
                .chain(*b"\xe2\x80 a \x81 b")
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(d.text, "“Ok” \u{fffd} a \u{fffd} b");
        assert!(
            d.warnings[0].starts_with("3 bytes are not valid UTF-8 (the first at byte offset 9)"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn offsets_count_a_byte_order_mark() {
        let d = mixed(b"\xef\xbb\xbfna\xefve \xe2\x80\x94 ok");
        assert_eq!(d.text, "naïve — ok");
        assert!(
            d.warnings[0].contains("the first at byte offset 5"),
            "{:?}",
            d.warnings
        );
        assert!(
            d.warnings[0].starts_with("1 byte is not valid UTF-8"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn html_charset_declarations_are_found() {
        let cases: [&[u8]; 4] = [
            b"<html><head><meta charset=\"windows-1252\">",
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
            b"<?xml version=\"1.0\" encoding='windows-1252'?><html>",
            b"<META CHARSET=latin1>",
        ];
        for c in cases {
            assert_eq!(
                declared_charset(c).map(|e| e.name()),
                Some("windows-1252"),
                "{}",
                String::from_utf8_lossy(c)
            );
        }
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), Some(UTF_8));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let d = decode(
            "<meta charset=windows-1252><p>“Oui,” dit-elle.</p>"
                .as_bytes()
                .to_vec(),
            true,
        )
        .unwrap();
        assert!(d.text.contains("“Oui,” dit-elle."));
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn declared_charset_is_used_for_html() {
        let d = decode(
            b"<meta charset=\"iso-8859-15\"><p>Co\xfbt: 5 \xa4</p>".to_vec(),
            true,
        )
        .unwrap();
        assert!(d.text.contains("Coût: 5 €"), "{}", d.text);
        assert_eq!(d.encoding, "ISO-8859-15");
    }
}

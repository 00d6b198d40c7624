//! Bytes → text. The order: a byte-order mark; UTF-16 without a mark (ASCII-range text has a zero
//! in every other byte); NUL bytes mean a binary file; valid UTF-8; the charset an HTML/XML file
//! declares; text that is UTF-8 with a few broken bytes; and finally a guess with chardetng for
//! legacy encodings such as Windows-1252.

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
            return Ok(from_utf8(bytes));
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
        return Ok(from_utf8(bytes));
    }
    let encoding = guess(&bytes);
    if encoding == UTF_8 {
        return Ok(from_utf8(bytes));
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

/// UTF-8 that may be broken: invalid sequences become U+FFFD, with a warning saying how many.
fn from_utf8(bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: UTF_8.name(),
            warnings: Vec::new(),
        },
        Err(e) => {
            let bytes = e.into_bytes();
            let broken = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            Decoded {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                encoding: UTF_8.name(),
                warnings: vec![format!(
                    "invalid UTF-8: {broken} byte sequence(s) replaced with \u{fffd}"
                )],
            }
        }
    }
}

/// Decodes with a known encoding (BOM already removed); malformed input becomes U+FFFD.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let mut warnings = Vec::new();
    if had_errors {
        let n = text.matches('\u{fffd}').count();
        warnings.push(format!(
            "malformed {}: {n} sequence(s) replaced with \u{fffd}",
            encoding.name()
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
    if sample.len() < 4 {
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

/// True when the bytes are UTF-8 with some damage rather than a legacy encoding: there are valid
/// multi-byte characters, at least as many as broken sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && multibyte >= broken
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
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("invalid UTF-8"), "{:?}", d.warnings);
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

//! Currencies: symbols and codes written before a number ("$", "US$", "£", "€", "HK $", "RM",
//! "USD"), currency words after it ("yen", "Australian dollars", "shekels"), and minor units
//! ("cents", "pence", "sen"). Everything maps to an ISO 4217 code.

use super::lex::{Kind, Tok};
use super::unit_table::{Role, currencies};

/// An ISO 4217 code written as such ("USD", "EUR"), or an abbreviation written like one ("RMB",
/// "NIS").
pub fn iso_code(w: &str) -> Option<&'static str> {
    let c = currencies().exact(w)?;
    let code_like = w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase());
    (c.role == Role::Code || (c.role == Role::Symbol && code_like)).then_some(c.code)
}

/// A currency symbol written before (or, in some styles, after) a number ("$", "€", "₹").
pub fn symbol(s: &str) -> Option<&'static str> {
    currencies()
        .exact(s)
        .filter(|c| c.role == Role::Symbol && !s.starts_with(|c: char| c.is_alphanumeric()))
        .map(|c| c.code)
}

/// Letters written before a dollar sign ("US$", "HK $", "NZ$"), as the table writes them.
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 8];
    let n = w.len();
    if n + 1 > buf.len() {
        return None;
    }
    buf[..n].copy_from_slice(w.as_bytes());
    buf[n] = b'$';
    let key = std::str::from_utf8(&buf[..=n]).ok()?;
    currencies()
        .exact(key)
        .filter(|c| c.role == Role::Symbol)
        .map(|c| c.code)
        .or(match w {
            // "$US55,931,000", "$A82,615,680": the letters after the sign.
            "US" | "U" => Some("USD"),
            "A" | "AU" => Some("AUD"),
            "C" | "Can" => Some("CAD"),
            _ => None,
        })
}

/// Letters written directly before the digits that name a currency: "RM23.50", "Rs 500",
/// "zł5", "USD10m". "PS" and "Y=" are how ASCII transliteration (unidecode) writes "£" and "¥":
/// "PS8.1bn", "Y=590 billion".
pub fn letter_prefix(w: &str) -> Option<&'static str> {
    currencies()
        .exact(w)
        .filter(|c| matches!(c.role, Role::Symbol | Role::Suffix | Role::Code))
        .map(|c| c.code)
}

/// Letters written after the number that name a currency, as the territories using it write
/// them ("500 zł", "100 Kč", "150 kn", "20 kr").
pub fn suffix_symbol(w: &str) -> Option<&'static str> {
    currencies()
        .exact(w)
        .filter(|c| c.role == Role::Suffix)
        .map(|c| c.code)
}

/// A currency named by words after the number ("333.6 million yen", "3.1 billion kronor",
/// "Swiss francs", "quid", "110 JPY"), with the token after it. A bare "pound" is left to the
/// caller (a weight or money, by the size of the number); "won" is a currency after a large
/// number only ("100 trillion won", not "in 2004 won the cup"). `big`: the number is a thousand
/// or more by its magnitude, or a vague plural.
pub fn word_after(text: &str, toks: &[Tok], i: usize, big: bool) -> Option<(usize, &'static str)> {
    let t = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    let w = t.text(text);
    if let Some(code) = iso_code(w) {
        // "110 JPY", "108.79 JPY=", "$1.1396 EUR="
        let mut end = i + 1;
        if toks
            .get(end)
            .is_some_and(|n| n.tight() && n.text(text) == "=")
        {
            end += 1;
        }
        return Some((end, code));
    }
    let (end, c) = currencies().longest(text, toks, i)?;
    if c.role != Role::Name || (end == i + 1 && w.eq_ignore_ascii_case("won") && !big) {
        return None;
    }
    Some((end, c.code))
}

/// Minor units: the figure is money counted in them ("19 cents", "118.5p", "18 sen").
/// `attached`: the letters touch the digits ("50c"); the caller decides a spaced "p".
pub fn minor_unit(w: &str, attached: bool) -> Option<&'static str> {
    if w == "c" {
        return attached.then_some("cent");
    }
    currencies()
        .exact(w)
        .filter(|c| c.role == Role::Minor)
        .map(|c| c.code)
}

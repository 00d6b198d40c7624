//! Currencies: symbols and codes written before a number ("$", "US$", "£", "€", "HK $", "RM",
//! "USD"), currency words after it ("yen", "Australian dollars", "shekels"), and minor units
//! ("cents", "pence", "sen"). Everything maps to an ISO 4217 code.

use super::lex::{Kind, Tok};
use super::words::lower;

/// An ISO 4217 code written as such ("USD", "EUR").
pub fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" => "CNY",
        "RMB" => "CNY",
        "CHF" => "CHF",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "NZD" => "NZD",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "INR" => "INR",
        "KRW" => "KRW",
        "RUB" => "RUB",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "ZAR" => "ZAR",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "CZK" => "CZK",
        "HUF" => "HUF",
        "TRY" => "TRY",
        "ILS" | "NIS" => "ILS",
        "AED" => "AED",
        "SAR" => "SAR",
        "MYR" => "MYR",
        "THB" => "THB",
        "IDR" => "IDR",
        "PHP" => "PHP",
        "TWD" => "TWD",
        "NGN" => "NGN",
        "KES" => "KES",
        "EGP" => "EGP",
        "PKR" => "PKR",
        "ARS" => "ARS",
        "CLP" => "CLP",
        "COP" => "COP",
        "UAH" => "UAH",
        "BYN" => "BYN",
        "KZT" => "KZT",
        "VND" => "VND",
        "BTC" => "BTC",
        _ => return None,
    })
}

/// A currency symbol written before (or, in some styles, after) a number.
pub fn symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" | "￥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₪" => "ILS",
        "₺" => "TRY",
        "₦" => "NGN",
        "₱" => "PHP",
        "₫" => "VND",
        "₴" => "UAH",
        "₿" => "BTC",
        _ => return None,
    })
}

/// Letters that qualify a dollar sign, before ("US$", "HK $") or after it ("$US", "$A").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U" => "USD",
        "A" | "AU" | "AUD" => "AUD",
        "C" | "CA" | "Can" | "CAD" => "CAD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "NT" => "TWD",
        "R" => "BRL",
        "Mex" => "MXN",
        _ => return None,
    })
}

/// Letters written directly before the digits that name a currency: "RM23.50", "Rs 500". "PS" and
/// "Y=" are how ASCII transliteration (unidecode) writes "£" and "¥": "PS8.1bn", "Y=590 billion".
pub fn letter_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "RM" => "MYR",
        "Rs" | "INR" => "INR",
        "Rp" => "IDR",
        "PS" => "GBP",
        "Sh" | "KSh" => "KES",
        "zl" => "PLN",
        _ => return iso_code(w),
    })
}

/// A currency named by a word after the number ("333.6 million yen"), with the number of words
/// it took; adjectives of nationality select the dollar, crown, franc or peso.
pub fn word_after(text: &str, toks: &[Tok], i: usize) -> Option<(usize, &'static str)> {
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
    let mut buf = [0u8; 16];
    let l = lower(w, &mut buf)?;
    let plain = match l {
        "dollar" | "dollars" => Some("USD"),
        "euro" | "euros" => Some("EUR"),
        "yen" => Some("JPY"),
        "yuan" | "renminbi" => Some("CNY"),
        "rupee" | "rupees" => Some("INR"),
        "shekel" | "shekels" | "sheqel" | "sheqels" => Some("ILS"),
        "ringgit" => Some("MYR"),
        "baht" => Some("THB"),
        "rand" => Some("ZAR"),
        "ruble" | "rubles" | "rouble" | "roubles" => Some("RUB"),
        "hryvnia" | "hryvnias" => Some("UAH"),
        "zloty" | "zlotys" | "zlotych" => Some("PLN"),
        "forint" | "forints" => Some("HUF"),
        "lira" | "liras" | "lire" => Some("TRY"),
        "dirham" | "dirhams" => Some("AED"),
        "riyal" | "riyals" => Some("SAR"),
        "naira" => Some("NGN"),
        "rupiah" => Some("IDR"),
        "dong" => Some("VND"),
        "won" if t.cap => None,
        "bitcoin" | "bitcoins" => Some("BTC"),
        _ => None,
    };
    if let Some(code) = plain {
        // "$1.25 sterling" style words that follow are not part of it; "US dollars" is handled by
        // the nationality below.
        return Some((i + 1, code));
    }
    if l == "pounds" || l == "pound" {
        // "pounds sterling"; plain "pounds" is decided by the caller (weight or money).
        if toks
            .get(i + 1)
            .is_some_and(|n| n.text(text).eq_ignore_ascii_case("sterling"))
        {
            return Some((i + 2, "GBP"));
        }
        return None;
    }
    if l == "sterling" {
        return Some((i + 1, "GBP"));
    }
    // Nationality + currency word.
    let n = toks.get(i + 1).filter(|n| n.kind == Kind::Word)?;
    let mut nbuf = [0u8; 16];
    let nl = lower(n.text(text), &mut nbuf)?;
    let code = match (l, nl) {
        ("us" | "american", "dollar" | "dollars") => "USD",
        ("australian", "dollar" | "dollars") => "AUD",
        ("canadian", "dollar" | "dollars") => "CAD",
        ("singapore", "dollar" | "dollars") => "SGD",
        ("taiwan" | "taiwanese", "dollar" | "dollars") => "TWD",
        ("zimbabwean", "dollar" | "dollars") => "ZWL",
        ("danish", "crown" | "crowns" | "krone" | "kroner") => "DKK",
        ("norwegian", "crown" | "crowns" | "krone" | "kroner") => "NOK",
        ("swedish", "crown" | "crowns" | "krona" | "kronor") => "SEK",
        ("czech", "crown" | "crowns" | "koruna") => "CZK",
        ("swiss", "franc" | "francs") => "CHF",
        ("mexican", "peso" | "pesos") => "MXN",
        ("argentine" | "argentinian", "peso" | "pesos") => "ARS",
        ("philippine", "peso" | "pesos") => "PHP",
        ("chilean", "peso" | "pesos") => "CLP",
        ("colombian", "peso" | "pesos") => "COP",
        ("indian", "rupee" | "rupees") => "INR",
        ("pakistani", "rupee" | "rupees") => "PKR",
        ("south", "african") => {
            return word_is(text, toks.get(i + 2), &["rand"]).then_some((i + 3, "ZAR"));
        }
        ("new", "zealand") | ("hong", "kong") => {
            let code = if l == "new" { "NZD" } else { "HKD" };
            return word_is(text, toks.get(i + 2), &["dollar", "dollars"]).then_some((i + 3, code));
        }
        ("egyptian", "pound" | "pounds") => "EGP",
        ("brazilian", "real" | "reais") => "BRL",
        ("turkish", "lira" | "liras") => "TRY",
        _ => return None,
    };
    Some((i + 2, code))
}

/// Minor units: the figure is money counted in them ("19 cents", "118.5p", "18 sen").
/// `attached`: the letters touch the digits ("50c"); the caller decides a spaced "p".
pub fn minor_unit(w: &str, attached: bool) -> Option<&'static str> {
    match w {
        "cent" | "cents" => Some("cent"),
        "c" if attached => Some("cent"),
        "p" => Some("pence"),
        "pence" | "penny" => Some("pence"),
        "sen" => Some("sen"),
        "paise" => Some("paise"),
        "kopecks" | "kopeks" => Some("kopeck"),
        _ => None,
    }
}

fn word_is(text: &str, t: Option<&Tok>, words: &[&str]) -> bool {
    t.is_some_and(|t| {
        t.kind == Kind::Word && words.iter().any(|w| t.text(text).eq_ignore_ascii_case(w))
    })
}

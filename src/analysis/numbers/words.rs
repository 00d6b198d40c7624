//! Numbers written in words: cardinals ("seventeen", "twenty-six", "two million"), scale words,
//! vague plurals ("dozens", "tens of thousands"), ordinals ("first", "eightieth"), fraction
//! denominators ("half", "thirds", "quarter") and multipliers ("twice", "tenfold").
//!
//! A hand grammar rather than text2num: the finder needs the token span of every number word, the
//! pieces in digit/word mixes ("4 hundred million", "1.2 million"), "a dozen", fractions and
//! ordinals, none of which text2num returns, and a table lookup per word keeps the scan fast.

/// What a single word means as (part of) a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumWord {
    /// zero … nineteen.
    Unit(f64),
    /// twenty … ninety.
    Tens(f64),
    /// hundred.
    Hundred,
    /// thousand, million, billion, trillion.
    Scale(f64),
    /// dozen.
    Dozen,
    /// dozens, hundreds, thousands, millions, billions, tens: "some number of" this size.
    Vague(f64),
    /// first … millionth (its number).
    Ordinal(f64),
    /// half, quarter, thirds, fifths …: a denominator (the plural and "half"/"quarter" forms).
    Denominator(f64),
    /// twice, double, triple, tenfold …
    Multiplier(f64),
}

/// Lower-cases an ASCII word into `buf`; `None` if it is too long or not ASCII.
pub fn lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// The number meaning of a word, if it has one. Called on every word of the text, so it goes
/// through a small hash table built once from `meaning`.
pub fn lookup(w: &str) -> Option<NumWord> {
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 14 {
        return None;
    }
    // The first three letters rule out almost every other word.
    if !may_start(b) {
        return None;
    }
    let table = TABLE.get_or_init(build_table);
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let l = &buf[..b.len()];
    let mut slot = hash(l) & (SLOTS - 1);
    loop {
        match table.slots[slot] {
            None => return None,
            Some((k, v)) if k.as_bytes() == l => return Some(v),
            Some(_) => slot = (slot + 1) & (SLOTS - 1),
        }
    }
}

/// Some number word starts with the first three letters of `w` (either case): a test cheap
/// enough for every word of the text.
#[inline]
pub fn may_start(w: &[u8]) -> bool {
    let [x, y, z, ..] = *w else {
        return false;
    };
    x.is_ascii_alphabetic()
        && y.is_ascii_alphabetic()
        && z.is_ascii_alphabetic()
        && may_start_letters(x, y, z)
}

/// `may_start` for three bytes known to be ASCII letters.
#[inline(always)]
pub fn may_start_letters(x: u8, y: u8, z: u8) -> bool {
    // The low five bits of a letter are its place in the alphabet, whatever its case.
    let row = (usize::from(x & 31) << 5) | usize::from(y & 31);
    (PREFIXES[row] >> (z & 31)) & 1 == 1
}

/// Bit `z` of `PREFIXES[x << 5 | y]` (letters by their place in the alphabet, from 1): some
/// number word starts with the letters x, y, z.
const PREFIXES: [u32; 1024] = {
    let mut p = [0u32; 1024];
    let mut i = 0;
    while i < WORDS.len() {
        let b = WORDS[i].as_bytes();
        p[((b[0] & 31) as usize) << 5 | (b[1] & 31) as usize] |= 1 << (b[2] & 31);
        i += 1;
    }
    p
};

const SLOTS: usize = 512;
struct Table {
    slots: [Option<(&'static str, NumWord)>; SLOTS],
}
static TABLE: std::sync::OnceLock<Box<Table>> = std::sync::OnceLock::new();

fn hash(b: &[u8]) -> usize {
    let mut h: u32 = 2166136261;
    for &c in b {
        h = (h ^ u32::from(c)).wrapping_mul(16777619);
    }
    h as usize
}

fn build_table() -> Box<Table> {
    let mut t = Box::new(Table {
        slots: [None; SLOTS],
    });
    for &w in WORDS {
        if let Some(v) = meaning(w) {
            let mut slot = hash(w.as_bytes()) & (SLOTS - 1);
            while t.slots[slot].is_some() {
                slot = (slot + 1) & (SLOTS - 1);
            }
            t.slots[slot] = Some((w, v));
        }
    }
    t
}

/// Every word `meaning` knows.
pub const WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "half",
    "halves",
    "thirds",
    "quarter",
    "quarters",
    "fourths",
    "fifths",
    "sixths",
    "sevenths",
    "eighths",
    "ninths",
    "tenths",
    "hundredths",
    "twice",
    "double",
    "triple",
    "treble",
    "quadruple",
    "twofold",
    "threefold",
    "fourfold",
    "fivefold",
    "sixfold",
    "sevenfold",
    "eightfold",
    "ninefold",
    "tenfold",
    "twelvefold",
    "twentyfold",
    "hundredfold",
    "thousandfold",
    // German and French, for quotes in those languages ("drei Jahre", "douze millions").
    "zwei",
    "drei",
    "vier",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "zwanzig",
    "dreissig",
    "vierzig",
    "hundert",
    "tausend",
    "millionen",
    "milliarde",
    "milliarden",
    "mio",
    "mrd",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "milliard",
    "milliards",
];

/// German and French number words: numbers only before a unit, a currency or a scale word
/// ("drei Jahre", "trois ans", "zwei Millionen Euro"), so an English "dix" or "acht" is not one.
pub fn foreign(w: &str) -> bool {
    let mut buf = [0u8; 16];
    matches!(
        lower(w, &mut buf).unwrap_or(""),
        "zwei"
            | "drei"
            | "vier"
            | "sechs"
            | "sieben"
            | "acht"
            | "neun"
            | "zehn"
            | "zwanzig"
            | "dreissig"
            | "vierzig"
            | "deux"
            | "trois"
            | "quatre"
            | "cinq"
            | "huit"
            | "neuf"
            | "dix"
            | "onze"
            | "douze"
            | "treize"
            | "quatorze"
            | "quinze"
            | "vingt"
            | "trente"
            | "quarante"
            | "cinquante"
            | "soixante"
    )
}

/// The number meaning of a lower-case word.
fn meaning(l: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match l {
        "zero" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Unit(10.0),
        "eleven" => Unit(11.0),
        "twelve" => Unit(12.0),
        "thirteen" => Unit(13.0),
        "fourteen" => Unit(14.0),
        "fifteen" => Unit(15.0),
        "sixteen" => Unit(16.0),
        "seventeen" => Unit(17.0),
        "eighteen" => Unit(18.0),
        "nineteen" => Unit(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "million" => Scale(1e6),
        "billion" => Scale(1e9),
        "trillion" => Scale(1e12),
        "dozen" => Dozen,
        "dozens" => Vague(12.0),
        "tens" => Vague(10.0),
        "hundreds" => Vague(100.0),
        "thousands" => Vague(1e3),
        "millions" => Vague(1e6),
        "billions" => Vague(1e9),
        "trillions" => Vague(1e12),
        "first" => Ordinal(1.0),
        "second" => Ordinal(2.0),
        "third" => Ordinal(3.0),
        "fourth" => Ordinal(4.0),
        "fifth" => Ordinal(5.0),
        "sixth" => Ordinal(6.0),
        "seventh" => Ordinal(7.0),
        "eighth" => Ordinal(8.0),
        "ninth" => Ordinal(9.0),
        "tenth" => Ordinal(10.0),
        "eleventh" => Ordinal(11.0),
        "twelfth" => Ordinal(12.0),
        "thirteenth" => Ordinal(13.0),
        "fourteenth" => Ordinal(14.0),
        "fifteenth" => Ordinal(15.0),
        "sixteenth" => Ordinal(16.0),
        "seventeenth" => Ordinal(17.0),
        "eighteenth" => Ordinal(18.0),
        "nineteenth" => Ordinal(19.0),
        "twentieth" => Ordinal(20.0),
        "thirtieth" => Ordinal(30.0),
        "fortieth" => Ordinal(40.0),
        "fiftieth" => Ordinal(50.0),
        "sixtieth" => Ordinal(60.0),
        "seventieth" => Ordinal(70.0),
        "eightieth" => Ordinal(80.0),
        "ninetieth" => Ordinal(90.0),
        "hundredth" => Ordinal(100.0),
        "thousandth" => Ordinal(1e3),
        "millionth" => Ordinal(1e6),
        "half" | "halves" => Denominator(2.0),
        "thirds" => Denominator(3.0),
        "quarter" | "quarters" | "fourths" => Denominator(4.0),
        "fifths" => Denominator(5.0),
        "sixths" => Denominator(6.0),
        "sevenths" => Denominator(7.0),
        "eighths" => Denominator(8.0),
        "ninths" => Denominator(9.0),
        "tenths" => Denominator(10.0),
        "hundredths" => Denominator(100.0),
        "twice" => Multiplier(2.0),
        "double" => Multiplier(2.0),
        "triple" | "treble" => Multiplier(3.0),
        "quadruple" => Multiplier(4.0),
        "twofold" => Multiplier(2.0),
        "threefold" => Multiplier(3.0),
        "fourfold" => Multiplier(4.0),
        "fivefold" => Multiplier(5.0),
        "sixfold" => Multiplier(6.0),
        "sevenfold" => Multiplier(7.0),
        "eightfold" => Multiplier(8.0),
        "ninefold" => Multiplier(9.0),
        "tenfold" => Multiplier(10.0),
        "twelvefold" => Multiplier(12.0),
        "twentyfold" => Multiplier(20.0),
        "hundredfold" => Multiplier(100.0),
        "thousandfold" => Multiplier(1000.0),
        "zwei" | "deux" => Unit(2.0),
        "drei" | "trois" => Unit(3.0),
        "vier" | "quatre" => Unit(4.0),
        "cinq" => Unit(5.0),
        "sechs" => Unit(6.0),
        "sieben" => Unit(7.0),
        "acht" | "huit" => Unit(8.0),
        "neun" | "neuf" => Unit(9.0),
        "zehn" | "dix" => Unit(10.0),
        "onze" => Unit(11.0),
        "douze" => Unit(12.0),
        "treize" => Unit(13.0),
        "quatorze" => Unit(14.0),
        "quinze" => Unit(15.0),
        "zwanzig" | "vingt" => Tens(20.0),
        "dreissig" | "trente" => Tens(30.0),
        "vierzig" | "quarante" => Tens(40.0),
        "cinquante" => Tens(50.0),
        "soixante" => Tens(60.0),
        "hundert" => Hundred,
        "tausend" => Scale(1e3),
        "millionen" | "mio" => Scale(1e6),
        "milliarde" | "milliarden" | "milliard" | "milliards" | "mrd" => Scale(1e9),
        _ => return None,
    })
}

/// Digit-and-letter magnitudes written after a number: "7.1m", "3bn", "5k", "$2 trn".
/// `attached` is true when the letters touch the digits; `money` when a currency was written.
/// Lower-case "m" alone is ambiguous with metres and is decided by the caller.
pub fn magnitude_abbrev(w: &str, attached: bool, money: bool) -> Option<f64> {
    match w {
        "bn" | "bln" | "Bn" | "BN" => Some(1e9),
        "mn" | "mln" | "Mn" | "MN" => Some(1e6),
        "tn" | "trn" | "Tn" | "TN" => Some(1e12),
        "M" | "MM" if attached || money => Some(1e6),
        "B" | "b" if money => Some(1e9),
        "k" | "K" if attached => Some(1e3),
        "m" if money => Some(1e6),
        _ => None,
    }
}

/// The ordinal suffix after digits ("80th", "1st", "22nd", "3rd").
pub fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_in_the_table() {
        for w in WORDS {
            assert!(lookup(w).is_some(), "{w}");
        }
    }

    #[test]
    fn lookup_is_case_insensitive() {
        assert_eq!(lookup("Seventeen"), Some(NumWord::Unit(17.0)));
        assert_eq!(lookup("MILLION"), Some(NumWord::Scale(1e6)));
        assert_eq!(lookup("eightieth"), Some(NumWord::Ordinal(80.0)));
        assert_eq!(lookup("table"), None);
    }
}

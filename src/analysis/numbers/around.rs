//! What is written around a number core: before it a qualifier, a sign and a currency ("nearly",
//! "minus", "US$", "RM", "PS"); after it a unit, a currency word, a minor unit, a rate, a
//! qualifier and the counted noun ("%", "km/h", "Australian dollars", "cents", "a month", "or
//! more", "staff").

use super::Parser;
use super::currency;
use super::lex::Kind;
use super::units::{self, UnitKind};
use super::vocab;
use super::words::lower;

#[derive(Debug, Clone, Default)]
pub struct Prefix {
    /// First token of the figure (qualifier, currency or sign included).
    pub start: usize,
    pub currency: Option<&'static str>,
    pub negative: bool,
    pub qualifier: Option<String>,
    /// "aged 58", "the age of 21".
    pub age: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Suffix {
    /// Token index just past the figure's text (a counted noun is not part of it).
    pub end: usize,
    pub unit: Option<String>,
    pub unit_kind: Option<UnitKind>,
    pub currency: Option<&'static str>,
    /// Money counted in cents, pence, sen.
    pub minor: Option<&'static str>,
    /// "33-year-old", "58 years old".
    pub age: bool,
    /// "6.5 times", "3-fold", "3x".
    pub multiplier: bool,
    /// "or more", "plus", "odd".
    pub qualifier: Option<&'static str>,
    /// The counted noun ("staff", "first-team players"), outside the figure's text.
    pub noun: Option<String>,
    pub noun_plural: bool,
    pub noun_cap: bool,
    /// A rate after the unit: " per barrel", " per month".
    pub rate: Option<String>,
    /// Token index after everything read, the counted noun included.
    pub after: usize,
    /// The number is part of a lexicalised compound ("two-way", "three-time"): not a figure.
    pub compound_word: bool,
}

/// What is known about the number when its suffix is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    /// A currency was written before it ("m" is then million, not metre).
    pub money: bool,
    /// It has decimals ("4.3s" is seconds, "3s" is not).
    pub decimal: bool,
    /// "of" may introduce what is counted ("dozens of people", "one of the best").
    pub of_ok: bool,
    /// It is one: the counted noun is singular.
    pub one: bool,
    /// A thousand or more by its magnitude, or a vague plural: "pounds" is then sterling
    /// ("billions of pounds", "£" aside), not a weight.
    pub big: bool,
}

/// The words of a counted noun phrase (token ranges): at most four content words and the
/// conjunctions between them. No allocation.
#[derive(Default)]
struct Words {
    items: [(usize, usize); 6],
    n: usize,
    /// Conjunctions among the items.
    joins: usize,
}

impl Words {
    /// Content words.
    fn len(&self) -> usize {
        self.n - self.joins
    }
    fn is_empty(&self) -> bool {
        self.n == 0
    }
    fn push(&mut self, w: (usize, usize)) {
        if self.n < self.items.len() {
            self.items[self.n] = w;
            self.n += 1;
        }
    }
    fn pop(&mut self) {
        self.n = self.n.saturating_sub(1);
    }
    fn first(&self) -> Option<&(usize, usize)> {
        self.items[..self.n].first()
    }
    fn last(&self) -> Option<&(usize, usize)> {
        self.items[..self.n].last()
    }
}

/// Nouns that make a rate after money ("$5 a share", "$80 per night").
fn rate_noun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "share"
            | "head"
            | "person"
            | "piece"
            | "night"
            | "ticket"
            | "item"
            | "unit"
            | "vehicle"
            | "seat"
            | "passenger"
            | "household"
            | "visit"
            | "game"
            | "pack"
            | "bottle"
            | "kilo"
    )
}

/// Singular of a simple English plural ("shares" → "share"), for rate denominators.
fn singular(w: &str) -> String {
    let l = w.to_string();
    if let Some(s) = l.strip_suffix("ies") {
        return format!("{s}y");
    }
    if l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") {
        return l[..l.len() - 1].to_string();
    }
    l
}

impl Parser<'_> {
    /// French "d'" or "de" before a unit or currency at `j` ("12 millions d’euros", "5 millions
    /// de dollars"): the token where the unit starts.
    pub(super) fn elision(&self, j: usize) -> Option<usize> {
        let k = if self.word_in(j, &["d"])
            && matches!(self.text_of(j + 1), "'" | "’")
            && self.tight(j + 1)
            && self.tight(j + 2)
        {
            j + 2
        } else if self.word_in(j, &["de"]) && self.near(j) && self.near(j + 1) {
            j + 1
        } else {
            return None;
        };
        (units::unit_at(self.text, self.toks, k).is_some()
            || currency::word_after(self.text, self.toks, k, true).is_some())
        .then_some(k)
    }

    /// A unit, currency, percent sign or scale word follows at `j`: "drei Jahre", "3,5 Prozent",
    /// "2,5 Milliarden Euro", "douze millions d’euros".
    pub(super) fn measured_after(&self, j: usize) -> bool {
        if !self.near(j) || j >= self.toks.len() {
            return false;
        }
        units::unit_at(self.text, self.toks, j).is_some()
            || currency::word_after(self.text, self.toks, j, true).is_some()
            || currency::symbol(self.text_of(j)).is_some()
            || self.elision(j).is_some()
            || self.word(j).is_some_and(|w| {
                matches!(
                    super::words::lookup(w),
                    Some(
                        super::words::NumWord::Scale(_)
                            | super::words::NumWord::Hundred
                            | super::words::NumWord::Vague(_)
                    )
                )
            })
    }

    /// Qualifier, currency and sign written before the core starting at `s`.
    pub(super) fn prefix(&self, s: usize) -> Prefix {
        let mut p = Prefix {
            start: s,
            ..Prefix::default()
        };
        let mut s = s;
        // Sign: "-1.4", "−5", "minus-5", "minus 387", "$-50.8bn" (the currency is read next).
        if s > 0 && self.open(s - 1) && self.tight(s) && matches!(self.text_of(s - 1), "-" | "−")
        {
            let sign = s - 1;
            let before_tight = self.tight(sign);
            // A dash that touches a number or word before it joins them ("33-35", "F-16").
            let joins = before_tight
                && sign > 0
                && matches!(self.toks[sign - 1].kind, Kind::Num | Kind::Word)
                && !self.word_in(sign - 1, &["minus", "sub"]);
            if joins {
            } else if !before_tight || sign == 0 || !self.open(sign - 1) {
                p.negative = true;
                s = sign;
            } else if self.word_in(sign - 1, &["minus"]) {
                p.negative = true;
                s = sign - 1;
            } else if self.word_in(sign - 1, &["sub"]) {
                p.qualifier = Some("under".into());
                s = sign - 1;
            } else if self.toks[sign - 1].kind == Kind::Sym
                && currency::symbol(self.text_of(sign - 1)).is_some()
            {
                p.negative = true;
                s = sign;
            }
        } else if s > 0 && self.open(s - 1) && self.tight(s) && self.text_of(s - 1) == "+" {
            s -= 1;
        }
        if !p.negative
            && s > 0
            && self.open(s - 1)
            && self.near(s)
            && self.word_in(s - 1, &["minus", "negative"])
        {
            p.negative = true;
            s -= 1;
        }
        // Currency.
        if let Some((cs, code)) = self.currency_before(s) {
            p.currency = Some(code);
            s = cs;
            // "$-50.8bn": the sign sits between currency and digits.
            if !p.negative
                && s > 0
                && self.open(s - 1)
                && self.tight(s)
                && matches!(self.text_of(s - 1), "-" | "−")
                && !self.tight(s - 1)
            {
                p.negative = true;
                s -= 1;
            }
        }
        // Qualifier: a symbol or the longest phrase that ends right here.
        if p.qualifier.is_none() && s > 0 && self.open(s - 1) && self.near(s) {
            if let Some(q) = vocab::symbol_qualifier(self.text_of(s - 1)) {
                p.qualifier = Some(q.to_string());
                s -= 1;
            } else if let Some((qs, q)) = self.qualifier_before(s) {
                p.qualifier = Some(q);
                s = qs;
            }
        }
        // Age: "aged 58", "age 58", "at the age of 21".
        if s > 0 && self.open(s - 1) && self.near(s) {
            p.age = self.word_in(s - 1, &["aged", "age", "ages"])
                || (s > 1 && self.word_in(s - 1, &["of"]) && self.word_in(s - 2, &["age"]));
        }
        p.start = s;
        p
    }

    /// A currency written before token `s` (symbols, qualified dollars, letter prefixes, codes).
    /// Returns the first token of the currency and its ISO code.
    pub(super) fn currency_before(&self, s: usize) -> Option<(usize, &'static str)> {
        if s == 0 || !self.open(s - 1) || !self.near(s) {
            return None;
        }
        let p = self.toks[s - 1];
        let pt = p.text(self.text);
        match p.kind {
            Kind::Sym => {
                // "Y=28,030": how ASCII transliteration writes "¥".
                if pt == "="
                    && s >= 2
                    && self.open(s - 2)
                    && self.tight(s - 1)
                    && self.text_of(s - 2) == "Y"
                {
                    return Some((s - 2, "JPY"));
                }
                let code = currency::symbol(pt)?;
                // "US$58.24", "HK $216,925" (a lone letter must touch: "A$5", not "a $5").
                if pt == "$"
                    && s >= 2
                    && self.open(s - 2)
                    && let Some(w) = self.word(s - 2)
                    && let Some(c) = currency::dollar_prefix(w)
                    && (self.tight(s - 1) || w.len() >= 2)
                    && self.near(s - 1)
                {
                    return Some((s - 2, c));
                }
                Some((s - 1, code))
            }
            Kind::Word => {
                if self.tight(s) {
                    // "$US55,931,000", "$A82,615,680"
                    if s >= 2
                        && self.open(s - 2)
                        && self.text_of(s - 2) == "$"
                        && self.tight(s - 1)
                        && let Some(c) = currency::dollar_prefix(pt)
                    {
                        return Some((s - 2, c));
                    }
                    // "RM23.50", "USD10m", "PS8.1bn"
                    return currency::letter_prefix(pt).map(|c| (s - 1, c));
                }
                // "USD 10m", "Rs 500"
                if let Some(c) = currency::iso_code(pt) {
                    return Some((s - 1, c));
                }
                if pt == "Rs" {
                    return Some((s - 1, "INR"));
                }
                None
            }
            Kind::Num => None,
        }
    }

    /// The longest qualifier phrase that ends just before token `s`.
    fn qualifier_before(&self, s: usize) -> Option<(usize, String)> {
        // Most numbers have none: look at the word before first.
        let last = self.word(s - 1)?;
        if !vocab::qualifier_end(last) {
            return None;
        }
        for q in vocab::QUALIFIERS {
            if !q[q.len() - 1].eq_ignore_ascii_case(last) {
                continue;
            }
            let n = q.len();
            if s < n || !self.open(s - n) {
                continue;
            }
            let ok = q.iter().enumerate().all(|(k, w)| {
                let j = s - n + k;
                self.word(j).is_some_and(|x| x.eq_ignore_ascii_case(w)) && (k == 0 || self.near(j))
            });
            if ok {
                return Some((s - n, q.join(" ")));
            }
        }
        None
    }

    /// Units, currency words, rates, qualifiers and the counted noun after a core ending at `e`.
    /// `money` says a currency was written before; `decimal` that the number has decimals;
    /// `of_ok` that "of" may introduce what is counted ("dozens of people", "one of the best
    /// speakers", "tens of millions of dollars").
    pub(super) fn suffix(&self, e: usize, cx: Reading) -> Suffix {
        let Reading {
            money,
            decimal,
            of_ok,
            one,
            big,
        } = cx;
        let mut x = Suffix {
            end: e,
            after: e,
            ..Suffix::default()
        };
        if of_ok && self.near(e) && self.word_in(e, &["of"]) {
            let mut k = e + 1;
            while self.near(k)
                && self.word_in(
                    k,
                    &[
                        "the", "a", "an", "his", "her", "their", "its", "our", "your", "my",
                        "those", "these", "this", "that", "all", "most",
                    ],
                )
            {
                k += 1;
            }
            if !self.near(k) {
                return x;
            }
            if let Some(u) = units::unit_at(self.text, self.toks, k)
                && self.word(k).is_some_and(|w| w.len() > 2)
            {
                x.unit = Some(u.name);
                x.unit_kind = Some(u.kind);
                x.end = u.end;
            } else if let Some((end, code)) = currency::word_after(self.text, self.toks, k, big)
                .or_else(|| {
                    (big && self.word_in(k, &["pound", "pounds"])).then_some((k + 1, "GBP"))
                })
            {
                x.currency = Some(code);
                x.end = end;
            } else {
                // "one of the best speakers": what is counted is plural.
                self.counted_noun(k, false, &mut x);
            }
            x.after = x.after.max(x.end);
            return x;
        }
        let mut e = e;
        // Suspended hyphens: "four-, five- and six-cylinder engines" share the last word.
        if self.dash(e)
            && self.tight(e)
            && (self.sym_is(e + 1, ",") || self.word_in(e + 1, &["and", "or", "to"]))
        {
            let mut k = e + 1;
            while k < e + 12 && k + 2 < self.toks.len() {
                if self.toks[k].kind != Kind::Sym
                    && self.dash(k + 1)
                    && self.tight(k + 1)
                    && self.tight(k + 2)
                    && let Some(w) = self.word(k + 2)
                    && !(self.sym_is(k + 3, ",") || self.word_in(k + 3, &["and", "or", "to"]))
                {
                    if let Some((name, kind)) = units::one_word(w) {
                        x.unit = Some(name.into());
                        x.unit_kind = Some(kind);
                    } else if !vocab::stopword(w) {
                        x.noun = Some(vocab::singular(w));
                    }
                    x.end = e + 1;
                    return x;
                }
                k += 1;
            }
        }
        // Hyphenated compounds: "33-year-old", "five-year", "6.1-inch", "3-fold", "50-plus".
        if self.dash(e)
            && self.tight(e)
            && self.tight(e + 1)
            && let Some(w) = self.word(e + 1)
        {
            {
                let mut buf = [0u8; 16];
                let l = lower(w, &mut buf).unwrap_or("");
                if let Some((name, kind)) = units::one_word(w)
                    && !(w.len() == 1 && kind == UnitKind::Time)
                {
                    // "-year-old", "-month-old"
                    if kind == UnitKind::Time
                        && self.dash(e + 2)
                        && self.tight(e + 2)
                        && self.word_in(e + 3, &["old"])
                    {
                        x.age = true;
                        x.unit = Some(name.into());
                        x.unit_kind = Some(kind);
                        x.end = e + 4;
                        return x;
                    }
                    x.unit = Some(name.into());
                    x.unit_kind = Some(kind);
                    e += 2;
                    x.end = e;
                } else if l == "fold" {
                    x.multiplier = true;
                    x.end = e + 2;
                    return x;
                } else if l == "plus" {
                    x.qualifier = Some("or more");
                    x.end = e + 2;
                    return x;
                } else if l == "odd" {
                    x.qualifier = Some("about");
                    x.end = e + 2;
                    return x;
                } else if let Some((end, code)) =
                    currency::word_after(self.text, self.toks, e + 1, big)
                {
                    // "a billion-dollar dent"
                    x.currency = Some(code);
                    x.end = end;
                    return x;
                } else if matches!(
                    l,
                    "way"
                        | "time"
                        | "times"
                        | "sided"
                        | "faced"
                        | "handed"
                        | "dimensional"
                        | "party"
                        | "horse"
                        | "edged"
                        | "on"
                        | "off"
                        | "up"
                        | "all"
                        | "nil"
                        | "love"
                        | "term"
                        | "star"
                        | "tier"
                        | "pronged"
                        | "legged"
                ) {
                    // "two-way", "three-time", "one-sided": words, not counts.
                    x.compound_word = true;
                    return x;
                } else if !vocab::stopword(w) && !self.toks[e + 1].cap {
                    // "a 4-cylinder engine", "the 11-member body": the noun counted.
                    x.noun = Some(w.to_string());
                    x.noun_plural = vocab::plural(w);
                    return x;
                }
            }
        }
        let near = |j: usize| self.near(j) && j < self.toks.len();
        if x.unit.is_none()
            && let Some(k) = self.elision(e)
        {
            e = k;
        }
        if x.unit.is_none() && near(e) {
            let attached = self.tight(e);
            if let Some(u) = units::unit_at(self.text, self.toks, e)
                && !(u.name == "second" && self.text_of(e) == "s" && !decimal)
                && !(money
                    && u.kind != UnitKind::Percent
                    && !attached
                    && self.text_of(e).len() <= 2)
            {
                x.unit = Some(u.name);
                x.unit_kind = Some(u.kind);
                e = u.end;
                x.end = e;
            } else if let Some((end, code)) = currency::word_after(self.text, self.toks, e, big)
                && (!money || currency::iso_code(self.text_of(e)).is_some())
            {
                x.currency = Some(code);
                e = end;
                x.end = e;
            } else if !money
                && let Some(w) = self.word(e)
                && let Some(m) = currency::minor_unit(w, attached)
                && (w != "p"
                    || self
                        .tok(e + 1)
                        .is_none_or(|n| n.kind != Kind::Word || !n.tight()))
            {
                x.minor = Some(m);
                e += 1;
                x.end = e;
            } else if !money
                && self.toks[e].kind == Kind::Sym
                && let Some(code) = currency::symbol(self.text_of(e))
            {
                // "1,200€", "500 €"
                x.currency = Some(code);
                e += 1;
                x.end = e;
            } else if !money && let Some(code) = self.word(e).and_then(currency::suffix_symbol) {
                // "500 zł", "100 Kč", "20 kr": letters some territories write after the number.
                x.currency = Some(code);
                e += 1;
                x.end = e;
            } else if money && self.word_in(e, &["US"]) {
                // "$76 US", "$31.20 US"
                e += 1;
                x.end = e;
            } else if money
                && self.word_in(e, &["U"])
                && self.sym_is(e + 1, ".")
                && self.word_in(e + 2, &["S"])
            {
                // "$75 U.S."
                e += if self.sym_is(e + 3, ".") { 4 } else { 3 };
                x.end = e;
            } else if !money
                && (self.word_in(e, &["times"]) || (attached && self.word_in(e, &["x"])))
            {
                // "6.5 times", "3x"
                x.multiplier = true;
                x.end = e + 1;
                return x;
            } else if !money && self.word_in(e, &["pound", "pounds"]) {
                // "5 million pounds" is money, "208 pounds" a weight.
                if big {
                    x.currency = Some("GBP");
                } else {
                    x.unit = Some("pound-mass".into());
                    x.unit_kind = Some(UnitKind::Measure);
                }
                e += 1;
                x.end = e;
            }
        }
        // What a volume or weight is of: "1 million barrels of oil", "5 tonnes of coal".
        if x.unit_kind == Some(UnitKind::Measure)
            && x.unit.as_deref().is_some_and(|u| {
                matches!(
                    u,
                    "barrel"
                        | "tonne"
                        | "ton"
                        | "gallon"
                        | "litre"
                        | "kilogram"
                        | "pound"
                        | "ounce"
                ) || u.starts_with("cubic")
            })
            && near(e)
            && self.word_in(e, &["of"])
            && let Some(w) = self
                .word(e + 1)
                .filter(|w| !vocab::stopword(w) && self.near(e + 1))
        {
            if let Some(u) = x.unit.as_mut() {
                u.push_str(" of ");
                u.push_str(&w.to_ascii_lowercase());
            }
            x.after = e + 2;
            return x;
        }
        // Age: "58 years old", "50 year-old", "18 month-old", "35 years of age".
        if x.unit_kind == Some(UnitKind::Time) {
            if self.dash(e) && self.tight(e) && self.word_in(e + 1, &["old"]) {
                x.age = true;
                x.end = e + 2;
                return x;
            }
            if near(e) && self.word_in(e, &["old"]) {
                x.age = true;
                x.end = e + 1;
                return x;
            }
            if near(e) && self.word_in(e, &["of"]) && self.word_in(e + 1, &["age"]) {
                x.age = true;
                x.end = e + 2;
                return x;
            }
        }
        // "between 50 and 70 on the GPa scale", "6.1 on the Richter scale": a reading on the
        // scale of a unit is in that unit.
        if x.unit.is_none()
            && x.currency.is_none()
            && x.minor.is_none()
            && !money
            && near(e)
            && self.word_in(e, &["on"])
            && self.word_in(e + 1, &["the", "a"])
            && self.near(e + 2)
            && let Some(u) = units::unit_at(self.text, self.toks, e + 2)
            && u.kind == UnitKind::Measure
            && self.word_in(u.end, &["scale"])
        {
            x.unit = Some(u.name);
            x.unit_kind = Some(u.kind);
            x.after = u.end + 1;
            return x;
        }
        // Rates: "$58.24 per barrel", "$3500 a month", "$1,271.2 an ounce", "11 feet per
        // century", "52,000 barrel-a-day".
        let has_unit = x.unit.is_some() || x.currency.is_some() || x.minor.is_some() || money;
        let is_money = money || x.currency.is_some() || x.minor.is_some();
        if has_unit
            && x.unit_kind != Some(UnitKind::Percent)
            && let Some((rate, end)) = self.rate_at(e, is_money)
        {
            x.rate = Some(rate);
            e = end;
            x.end = e;
        } else if has_unit
            && x.unit_kind != Some(UnitKind::Percent)
            && let Some(close) = self.parenthesis_end(e)
            && let Some((rate, _)) = self.rate_at(close, is_money)
        {
            // "9 billion shekels ($2.4 billion) a year": the rate after a conversion in
            // brackets (which stays a figure of its own).
            x.rate = Some(rate);
        }
        // Qualifiers after: "50 or more", "20 or so", "10-plus".
        if near(e)
            && self.word_in(e, &["or"])
            && self.word_in(e + 1, &["more", "so", "less", "fewer", "over", "above"])
        {
            x.qualifier = Some(match self.text_of(e + 1).to_ascii_lowercase().as_str() {
                "so" => "or so",
                "less" => "or less",
                "fewer" => "or fewer",
                _ => "or more",
            });
            x.end = e + 2;
            return x;
        }
        if self.sym_is(e, "+") && self.tight(e) {
            x.qualifier = Some("or more");
            x.end = e + 1;
            return x;
        }
        if x.unit.is_some() || x.currency.is_some() || x.minor.is_some() || money {
            return x;
        }
        // The counted noun: up to four content words ending at the first plural ("120 staff",
        // "14 first-team players", "seven European countries").
        self.counted_noun(e, one, &mut x);
        x
    }

    /// A parenthesis opening at `e` on the same line, closed within twelve tokens: the token
    /// after it.
    fn parenthesis_end(&self, e: usize) -> Option<usize> {
        if !self.sym_is(e, "(") || !self.near(e) {
            return None;
        }
        (e + 1..(e + 12).min(self.toks.len()))
            .take_while(|&k| self.near(k))
            .find(|&k| self.sym_is(k, ")"))
            .map(|k| k + 1)
    }

    /// "per X", "a X", "an X", "-a-day" after a unit or money at `e`.
    fn rate_at(&self, e: usize, money: bool) -> Option<(String, usize)> {
        let (k, strict) = if self.near(e) && self.word_in(e, &["per"]) {
            (e + 1, false)
        } else if self.near(e) && self.word_in(e, &["a", "an", "each"]) {
            (e + 1, true)
        } else if self.dash(e)
            && self.tight(e)
            && self.word_in(e + 1, &["a"])
            && self.dash(e + 2)
            && self.tight(e + 2)
        {
            (e + 3, true)
        } else if self.sym_is(e, "/") && self.tight(e) && self.tight(e + 1) {
            (e + 1, false)
        } else {
            return None;
        };
        if !self.near(k) {
            return None;
        }
        if let Some(u) = units::unit_at(self.text, self.toks, k)
            && u.kind != UnitKind::Percent
        {
            // "$6.78 billion a year earlier" is a time, not a rate.
            if strict
                && self.word_in(
                    u.end,
                    &[
                        "earlier",
                        "ago",
                        "later",
                        "before",
                        "after",
                        "previously",
                        "prior",
                        "back",
                        "on",
                    ],
                )
            {
                return None;
            }
            return Some((format!(" per {}", u.name), u.end));
        }
        let w = self.word(k)?;
        if vocab::stopword(w) || w.len() < 2 {
            return None;
        }
        if strict && !(money && rate_noun(w)) {
            return None;
        }
        Some((format!(" per {}", singular(w)), k + 1))
    }

    /// A plural noun ends the words from `k` within `n` content words ("physical sales"), with
    /// no verb among them ("GMT and throwing fireworks").
    fn plural_head_within(&self, k: usize, n: usize) -> bool {
        for j in k..k + n {
            let Some(w) = self.word(j).filter(|_| self.near(j)) else {
                return false;
            };
            if vocab::stopword(w) || w.len() == 1 || w.ends_with("ing") {
                return false;
            }
            if vocab::plural(w) {
                return true;
            }
        }
        false
    }

    /// Fills `x.noun` with the counted noun phrase starting at `e`, if there is one: up to four
    /// content words, ending at the first plural ("14 first-team players") — or, counting one,
    /// before any plural ("one proposal asks"). A unit at its head makes a measure ("one US fluid
    /// ounce"); the noun is given in the singular ("seven European countries" → "European
    /// country").
    pub(super) fn counted_noun(&self, e: usize, one: bool, x: &mut Suffix) {
        let mut k = e;
        let mut words: Words = Words::default();
        while words.len() < 4 {
            let Some(t) = self.tok(k).filter(|_| self.near(k)) else {
                break;
            };
            // A model number inside the phrase: "two new 737 Max jets".
            if t.kind == Kind::Num
                && t.is_plain_int()
                && !words.is_empty()
                && self.near(k + 1)
                && self
                    .tok(k + 1)
                    .is_some_and(|n| n.kind == Kind::Word && n.cap)
            {
                words.push((k, k + 1));
                k += 1;
                continue;
            }
            // A name and a number made plural: "63,150 Model 3s", "two 747s".
            if t.kind == Kind::Num
                && t.is_plain_int()
                && self.word_in(k + 1, &["s"])
                && self.tight(k + 1)
                && words.first().is_none_or(|&(a, _)| self.toks[a].cap)
            {
                words.push((k, k + 2));
                x.noun_plural = true;
                break;
            }
            if t.kind != Kind::Word {
                break;
            }
            let w = t.text(self.text);
            // Coordinated modifiers share the head: "digital and physical sales", "Kia and
            // Hyundai vehicles".
            if !words.is_empty()
                && words.joins == 0
                && !one
                && (w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
                && !self.word(k - 1).is_some_and(vocab::time_zone)
                && self.plural_head_within(k + 1, 4 - words.len())
            {
                words.push((k, k + 1));
                words.joins += 1;
                k += 1;
                continue;
            }
            // A number word starts another figure, and the words before it are its modifiers
            // ("one of six or seven contenders", "one of the big four banks"); capitalised, it
            // is part of a name ("the Six Nations"), as "one" is in "number one singles".
            let in_a_name = t.cap || (w == "one" && self.word_in(k.wrapping_sub(1), &["number"]));
            if !in_a_name
                && super::words::lookup(w).is_some_and(|n| {
                    matches!(
                        n,
                        super::words::NumWord::Unit(_)
                            | super::words::NumWord::Tens(_)
                            | super::words::NumWord::Vague(_)
                    )
                })
            {
                words = Words::default();
                break;
            }
            if vocab::stopword(w) || vocab::month(w).is_some() || vocab::weekday(w) || w.len() == 1
            {
                break;
            }
            // A code ("COVID -19 tests", "F-16 jets") is part of the phrase when a noun follows
            // it; otherwise the noun is not read past it.
            if self.dash(k + 1)
                && self
                    .tok(k + 2)
                    .is_some_and(|n| n.kind == Kind::Num && n.tight())
            {
                if self.near(k + 3) && self.word(k + 3).is_some_and(|n| !vocab::stopword(n)) {
                    words.push((k, k + 3));
                    k += 3;
                    continue;
                }
                break;
            }
            // Hyphenated words are one word: "first-team", "so-called".
            let mut end = k + 1;
            while self.dash(end)
                && self.tight(end)
                && self.tight(end + 1)
                && self.word(end + 1).is_some()
            {
                end += 2;
            }
            let last = self.text_of(end - 1);
            let plural = vocab::plural(last);
            if one && plural && !words.is_empty() {
                break;
            }
            words.push((k, end));
            k = end;
            if plural {
                x.noun_plural = true;
                break;
            }
            // Adverbs end the phrase: "13 people worldwide" stops anyway; "5 quickly" has none.
            if last.len() > 4 && last.ends_with("ly") {
                words.pop();
                break;
            }
        }
        // Without a plural head, drop trailing verb-like words ("proposal asks" is handled above;
        // "2483805 while" has none), and read nothing after a verb ("one leaving Chalfont").
        if !x.noun_plural
            && let Some(&(a, b)) = words.first()
            && (self.text_of(b - 1).ends_with("ing") || self.text_of(a).ends_with("ed"))
        {
            words = Words::default();
        }
        if !x.noun_plural {
            while let Some(&(_, b)) = words.last() {
                let w = self.text_of(b - 1);
                if w.ends_with("ed") || w.ends_with("ing") {
                    words.pop();
                } else {
                    break;
                }
            }
        }
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            return;
        };
        let head = self.text_of(last.1 - 1);
        x.after = last.1;
        let s = self.toks[first.0].start as usize;
        if self.toks[last.0].kind == Kind::Num {
            // "Model 3s" counts Model 3s.
            x.noun = Some(self.text[s..self.toks[last.0].end as usize].to_string());
            x.noun_cap = self.toks[first.0].cap;
            return;
        }
        if head.len() > 2
            && let Some((name, kind)) = units::one_word(head)
            && matches!(kind, UnitKind::Measure | UnitKind::Time)
        {
            x.unit = Some(name.to_string());
            x.unit_kind = Some(kind);
            return;
        }
        let h = self.toks[last.1 - 1].start as usize;
        let mut noun = format!("{}{}", &self.text[s..h], vocab::singular(head));
        // "3,000 tests per day"
        if let Some((rate, after)) = self.rate_at(last.1, false) {
            noun.push_str(&rate);
            x.after = after;
        }
        x.noun = Some(noun);
        x.noun_cap = self.toks[first.0].cap;
    }
}

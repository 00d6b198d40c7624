//! Numbers that are not quantities, told apart before any quantity is read: times ("3 p.m.",
//! "5:00 AM PDT"), dates ("13 March", "March 3, 2021", "Oct. 31", "2021-03-13"), ordinals
//! ("80th"), decades ("the 1990s"), and identifiers: codes glued to letters ("F-16", "COVID-19",
//! "XC40"), phone numbers, version numbers and street addresses. Labels, names before a number
//! and years are decided later, once the words after the number are known (`scan`).

use super::Parser;
use super::currency;
use super::lex::Kind;
use super::units;
use super::vocab;
use super::words::{is_ordinal_suffix, lower, magnitude_abbrev};
use crate::analysis::model::FigureKind;

/// A number that is not a quantity: where it is and what it is.
#[derive(Debug, Clone)]
pub struct Plain {
    pub start: usize,
    /// Token index just past it.
    pub end: usize,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

impl Plain {
    pub fn new(start: usize, end: usize, kind: FigureKind, value: Option<f64>) -> Self {
        Plain {
            start,
            end,
            kind,
            value,
            unit: None,
        }
    }
}

impl Parser<'_> {
    /// A time, date, ordinal, decade or identifier at the number token `i`.
    pub(super) fn non_quantity(&self, i: usize) -> Option<Plain> {
        if self.toks[i].kind != Kind::Num {
            return None;
        }
        self.time_at(i)
            .or_else(|| self.date_at(i))
            .or_else(|| self.code_at(i))
            .or_else(|| self.ordinal_at(i))
            .or_else(|| self.address_at(i))
    }

    /// "am"/"pm"/"a.m."/"p.m." at `j`: the token after it.
    fn meridiem(&self, j: usize) -> Option<usize> {
        if !self.near(j) {
            return None;
        }
        let w = self.word(j)?;
        if matches!(w, "am" | "pm" | "AM" | "PM" | "Am" | "Pm") {
            return Some(j + 1);
        }
        if matches!(w, "a" | "p" | "A" | "P")
            && self.sym_is(j + 1, ".")
            && self.tight(j + 1)
            && self.word_in(j + 2, &["m"])
            && self.tight(j + 2)
        {
            return Some(if self.sym_is(j + 3, ".") && self.tight(j + 3) {
                j + 4
            } else {
                j + 3
            });
        }
        None
    }

    fn time_at(&self, i: usize) -> Option<Plain> {
        let t = self.toks[i];
        let mut e;
        if t.is_plain_int()
            && t.int_digits <= 2
            && self.sym_is(i + 1, ":")
            && self.tight(i + 1)
            && self.tight(i + 2)
            && self
                .tok(i + 2)
                .is_some_and(|m| m.is_plain_int() && m.int_digits == 2)
        {
            e = i + 3;
            if self.sym_is(e, ":")
                && self.tight(e)
                && self
                    .tok(e + 1)
                    .is_some_and(|s| s.is_plain_int() && s.tight())
            {
                e += 2;
            }
            if let Some(m) = self.meridiem(e) {
                e = m;
            }
        } else if t.int_digits <= 2 && t.value < 13.0 && !t.grouped {
            // "3 p.m.", "5am", "10.45pm"
            e = self.meridiem(i + 1)?;
        } else if t.is_plain_int()
            && t.value <= 12.0
            && self.word_in(i + 1, &["o"])
            && self.word_in(i + 3, &["clock"])
        {
            e = i + 4;
        } else {
            return None;
        }
        if self.near(e) && self.word(e).is_some_and(vocab::time_zone) {
            e += 1;
        }
        Some(Plain::new(i, e, FigureKind::Time, None))
    }

    /// A year written after a date: ", 2021" or " 2021". Returns the token after it.
    fn year_after(&self, e: usize) -> Option<usize> {
        let k = if self.sym_is(e, ",") && self.tight(e) {
            e + 1
        } else {
            e
        };
        let y = self.tok(k).filter(|y| {
            y.is_plain_int() && y.int_digits == 4 && (1000.0..2200.0).contains(&y.value)
        })?;
        (self.near(k) && y.gap != super::Gap::None).then_some(k + 1)
    }

    fn date_at(&self, i: usize) -> Option<Plain> {
        let t = self.toks[i];
        // Numeric dates: 13/03/2021, 2021-03-13, 13.03.2021.
        if t.is_plain_int()
            && self.tight(i + 1)
            && self.tight(i + 2)
            && self.tight(i + 3)
            && self.tight(i + 4)
        {
            let sep = self.text_of(i + 1);
            if matches!(sep, "/" | "-" | ".")
                && self.text_of(i + 3) == sep
                && self.tok(i + 2).is_some_and(|x| x.is_plain_int())
                && self.tok(i + 4).is_some_and(|x| x.is_plain_int())
                && (sep != "-" || t.int_digits == 4)
            {
                return Some(Plain::new(i, i + 5, FigureKind::Date, None));
            }
        }
        if t.decimal
            && !t.grouped
            && t.int_digits <= 2
            && self.sym_is(i + 1, ".")
            && self.tight(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|y| y.is_plain_int() && y.int_digits == 4 && y.tight())
        {
            return Some(Plain::new(i, i + 3, FigureKind::Date, None));
        }
        if !t.is_plain_int() {
            return None;
        }
        let day = t.int_digits <= 2 && (1.0..=31.0).contains(&t.value);
        let year = t.int_digits == 4 && (1000.0..2200.0).contains(&t.value);
        // Month first: "March 29", "Oct. 31", "March 3, 2021", "December 1969", "June of 2018".
        if (day || year) && i > 0 && self.near(i) {
            let mut start = None;
            if let Some(m) = self.word(i - 1)
                && vocab::month(m).is_some()
                && self.open(i - 1)
            {
                start = Some(i - 1);
            } else if i >= 2
                && self.open(i - 2)
                && ((self.sym_is(i - 1, ".")
                    && self.tight(i - 1)
                    && self.word(i - 2).is_some_and(vocab::month_abbrev))
                    || (year
                        && self.word_in(i - 1, &["of"])
                        && self.word(i - 2).is_some_and(|m| vocab::month(m).is_some())))
            {
                // "Oct. 31", "June of 2018"
                start = Some(i - 2);
            }
            if let Some(s) = start {
                let mut e = i + 1;
                if day {
                    if self.tight(e) && self.word(e).is_some_and(is_ordinal_suffix) {
                        e += 1;
                    }
                    if let Some(y) = self.year_after(e) {
                        e = y;
                    }
                }
                return Some(Plain::new(s, e, FigureKind::Date, None));
            }
        }
        // Day first: "13 March", "9 May", "8 July 2021", "5th of May".
        if day {
            let mut k = i + 1;
            if self.tight(k) && self.word(k).is_some_and(is_ordinal_suffix) {
                k += 1;
            }
            if self.word_in(k, &["of"]) && self.near(k) {
                k += 1;
            }
            if self.near(k)
                && self.word(k).is_some_and(|m| vocab::month(m).is_some())
                && !self.tight(k)
            {
                let mut e = k + 1;
                if self.sym_is(e, ".")
                    && self.tight(e)
                    && self.word(k).is_some_and(vocab::month_abbrev)
                {
                    e += 1;
                }
                if let Some(y) = self.year_after(e) {
                    e = y;
                }
                return Some(Plain::new(i, e, FigureKind::Date, None));
            }
        }
        None
    }

    /// Letters glued after digits that are still part of a quantity ("7.1m", "50mph", "80th").
    fn known_suffix(&self, j: usize) -> bool {
        let Some(w) = self.word(j) else {
            return false;
        };
        magnitude_abbrev(w, true, true).is_some()
            || matches!(
                super::words::lookup(w),
                Some(super::words::NumWord::Scale(_) | super::words::NumWord::Hundred)
            )
            || matches!(
                w,
                "m" | "M"
                    | "s"
                    | "x"
                    | "X"
                    | "am"
                    | "pm"
                    | "AM"
                    | "PM"
                    | "a"
                    | "p"
                    | "c"
                    | "pc"
                    | "pct"
            )
            || units::one_word(w).is_some()
            || is_ordinal_suffix(w)
            || currency::minor_unit(w, true).is_some()
            || currency::iso_code(w).is_some()
            || w == "PS"
            || (w.len() <= 4 && units::unit_at(self.text, self.toks, j).is_some())
    }

    /// Codes: digits glued to letters ("XC40", "M21", "9AB8", "5G"), letter-dash-number ("F-16",
    /// "COVID-19", "TA-35"), "No. 10", "#1", phone numbers and version numbers.
    fn code_at(&self, i: usize) -> Option<Plain> {
        let t = self.toks[i];
        // Letters glued before the digits, when they are not a currency ("RM23.50", "USD10m").
        let glued_before = i > 0
            && self.open(i - 1)
            && self.tight(i)
            && self.toks[i - 1].kind == Kind::Word
            && self.currency_before(i).is_none();
        let glued_after = self.tight(i + 1)
            && self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word)
            && !self.known_suffix(i + 1);
        if glued_before || glued_after {
            let mut s = i;
            while s > 0
                && self.open(s - 1)
                && self.tight(s)
                && matches!(self.toks[s - 1].kind, Kind::Word | Kind::Num)
            {
                s -= 1;
            }
            // "PLX-R18": letters, a dash and a code.
            if s >= 2
                && self.open(s - 2)
                && self.dash(s - 1)
                && self.tight(s)
                && self.tight(s - 1)
                && self.toks[s - 2].kind == Kind::Word
            {
                s -= 2;
            }
            let e = self.code_end(i + 1);
            return Some(Plain::new(s, e, FigureKind::Identifier, None));
        }
        // "F-16", "COVID-19", "TA-35", "last-32"; "COVID -19" with a stray space.
        if i >= 2
            && self.open(i - 2)
            && self.tight(i)
            && matches!(self.text_of(i - 1), "-" | "‑" | "–")
            && let Some(w) = self.word(i - 2)
        {
            {
                let mut buf = [0u8; 16];
                let is_prefix = matches!(
                    lower(w, &mut buf).unwrap_or(""),
                    "minus"
                        | "sub"
                        | "to"
                        | "mid"
                        | "pre"
                        | "post"
                        | "early"
                        | "late"
                        | "now"
                        | "circa"
                        | "c"
                        | "and"
                        | "or"
                        | "some"
                        | "about"
                );
                let upper = w.chars().all(|c| c.is_uppercase()) && w.len() >= 2;
                if self.tight(i - 1) && !is_prefix {
                    let mut s = i - 2;
                    while s > 0
                        && self.open(s - 1)
                        && self.tight(s)
                        && matches!(self.toks[s - 1].kind, Kind::Word | Kind::Num)
                    {
                        s -= 1;
                    }
                    let e = self.code_end(i + 1);
                    return Some(Plain::new(s, e, FigureKind::Identifier, None));
                }
                if !self.tight(i - 1) && upper && self.near(i - 1) {
                    let e = self.code_end(i + 1);
                    return Some(Plain::new(i - 2, e, FigureKind::Identifier, None));
                }
            }
        }
        // "No. 10", "#1"
        if i > 0 && self.open(i - 1) && self.sym_is(i - 1, "#") && self.tight(i) {
            return Some(Plain::new(i - 1, i + 1, FigureKind::Identifier, None));
        }
        if i >= 2
            && self.open(i - 2)
            && self.sym_is(i - 1, ".")
            && self.word_in(i - 2, &["no", "nos"])
            && self.tight(i - 1)
            && self.near(i)
        {
            return Some(Plain::new(i - 2, i + 1, FigureKind::Identifier, None));
        }
        // Phone numbers.
        if let Some(e) = self.phone_at(i) {
            let s = if i > 0
                && self.open(i - 1)
                && (self.sym_is(i - 1, "+") || self.sym_is(i - 1, "("))
                && self.tight(i)
            {
                i - 1
            } else {
                i
            };
            return Some(Plain::new(s, e, FigureKind::Identifier, None));
        }
        // Versions: "1.2.3", "10.0.19045".
        if t.decimal
            && !t.grouped
            && self.sym_is(i + 1, ".")
            && self.tight(i + 1)
            && self.tight(i + 2)
            && self.tok(i + 2).is_some_and(|x| x.is_plain_int())
        {
            let mut e = i + 3;
            while self.sym_is(e, ".")
                && self.tight(e)
                && self.tight(e + 1)
                && self.tok(e + 1).is_some_and(|x| x.is_plain_int())
            {
                e += 2;
            }
            // "version 1.2.3"
            let labelled = i > 0
                && self.open(i - 1)
                && self.near(i)
                && self.word(i - 1).is_some_and(vocab::label);
            let s = if labelled { i - 1 } else { i };
            return Some(Plain::new(s, e, FigureKind::Identifier, None));
        }
        None
    }

    /// The end of a code that continues with glued letters, digits and inner dashes.
    fn code_end(&self, mut e: usize) -> usize {
        loop {
            if self.tight(e)
                && self
                    .tok(e)
                    .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num))
            {
                e += 1;
            } else if self.dash(e)
                && self.tight(e)
                && self.tight(e + 1)
                && self
                    .tok(e + 1)
                    .is_some_and(|t| t.kind == Kind::Num || (t.kind == Kind::Word && t.cap))
            {
                e += 2;
            } else {
                return e;
            }
        }
    }

    /// Phone numbers: "(555) 123-4567", "555-123-4567", "1-800-555-0199", "+44 20 7946 0958",
    /// "020 7946 0958".
    fn phone_at(&self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        if !t.is_plain_int() {
            return None;
        }
        let digits = |j: usize| {
            self.tok(j)
                .filter(|x| x.is_plain_int())
                .map(|x| x.int_digits)
        };
        // "(555) 123-4567"
        if t.int_digits == 3
            && i > 0
            && self.sym_is(i - 1, "(")
            && self.sym_is(i + 1, ")")
            && digits(i + 2) == Some(3)
            && self.dash(i + 3)
            && digits(i + 4) == Some(4)
        {
            return Some(i + 5);
        }
        // Dashed groups ending in four digits.
        let mut groups = vec![t.int_digits];
        let mut e = i + 1;
        while self.dash(e)
            && self.tight(e)
            && self.tight(e + 1)
            && let Some(d) = digits(e + 1)
        {
            groups.push(d);
            e += 2;
        }
        if matches!(groups.as_slice(), [3, 3, 4] | [1, 3, 3, 4]) {
            return Some(e);
        }
        // International or trunk prefix followed by spaced groups.
        let intl = i > 0 && self.sym_is(i - 1, "+") && self.tight(i) && t.int_digits <= 3;
        let trunk = t.int_digits >= 3 && t.int_digits <= 5 && self.text_of(i).starts_with('0');
        if intl || trunk {
            let mut e = i + 1;
            let mut n = 0;
            while self.near(e) && !self.tight(e) && digits(e).is_some_and(|d| (2..=4).contains(&d))
            {
                e += 1;
                n += 1;
            }
            if n >= 2 || (trunk && n >= 1 && digits(e - 1) >= Some(4)) {
                return Some(e);
            }
        }
        None
    }

    /// "80th", "1st", "1,000th"; decades "1990s", "the '90s", "in his 50s".
    fn ordinal_at(&self, i: usize) -> Option<Plain> {
        let t = self.toks[i];
        if t.kind != Kind::Num || t.decimal || !self.tight(i + 1) {
            return None;
        }
        let w = self.word(i + 1)?;
        // "80th", "1,000th"
        if is_ordinal_suffix(w) {
            return Some(Plain::new(i, i + 2, FigureKind::Ordinal, Some(t.value)));
        }
        if !t.is_plain_int() {
            return None;
        }
        let decade = t.value % 10.0 == 0.0 && (t.int_digits == 4 || t.int_digits == 2);
        if w == "s" && decade {
            let mut s = i;
            if i > 0
                && self.open(i - 1)
                && matches!(self.text_of(i - 1), "'" | "’")
                && self.tight(i)
            {
                s = i - 1;
            }
            let owner = |j: usize| self.word_in(j, &["his", "her", "their", "my", "your", "our"]);
            let age = t.int_digits == 2
                && s > 0
                && (owner(s - 1)
                    || (s > 1 && self.word_in(s - 1, &["early", "mid", "late"]) && owner(s - 2))
                    || (s > 2
                        && self.dash(s - 1)
                        && self.word_in(s - 2, &["mid"])
                        && owner(s - 3)));
            let kind = if age {
                FigureKind::Age
            } else {
                FigureKind::Year
            };
            let mut plain = Plain::new(s, i + 2, kind, Some(t.value));
            plain.unit = age.then(|| units::age_unit("year"));
            return Some(plain);
        }
        None
    }

    /// House numbers: "575 Wilbraham Road", "9 E 71st St", "16-18 Industrial Avenue", "22 Ave
    /// Foch".
    fn address_at(&self, i: usize) -> Option<Plain> {
        let t = self.toks[i];
        if !t.is_plain_int() || t.int_digits > 5 {
            return None;
        }
        let mut k = i + 1;
        if self.dash(k)
            && self.tight(k)
            && self.tight(k + 1)
            && self.tok(k + 1).is_some_and(|x| x.is_plain_int())
        {
            k += 2;
        }
        let first = k;
        let mut words = 0;
        while words < 4 && self.near(k) {
            let Some(tk) = self.tok(k) else { break };
            if tk.kind == Kind::Word && tk.cap {
                let w = tk.text(self.text);
                if vocab::street(w) && words > 0 {
                    let mut e = k + 1;
                    if self.sym_is(e, ".") && self.tight(e) {
                        e += 1;
                    }
                    return Some(Plain::new(i, e, FigureKind::Identifier, None));
                }
                if vocab::street(w)
                    && words == 0
                    && self.word(k + 1).is_some_and(|_| self.toks[k + 1].cap)
                    && self.near(k + 1)
                {
                    return Some(Plain::new(i, k + 2, FigureKind::Identifier, None));
                }
                if vocab::stopword(w) || vocab::month(w).is_some() {
                    break;
                }
                k += 1;
                words += 1;
            } else if tk.kind == Kind::Num
                && tk.is_plain_int()
                && self.tight(k + 1)
                && self.word(k + 1).is_some_and(is_ordinal_suffix)
            {
                k += 2;
                words += 1;
            } else {
                break;
            }
        }
        let _ = first;
        None
    }
}

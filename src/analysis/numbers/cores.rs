//! Number cores: the number itself, in digits ("48,500", "1.2 million", "2½", "1.99×10⁻³⁰",
//! "1/16") or in words ("twenty-six", "three hundred and forty-two", "a dozen", "two-thirds",
//! "tens of thousands", "tenfold", "eightieth").

use super::Parser;
use super::lex::Kind;
use super::vocab;
use super::words::{NumWord, lookup, lower, magnitude_abbrev};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Digits,
    Words,
    Fraction,
    Ordinal,
    Multiplier,
    /// "dozens", "tens of thousands": a range of plausible sizes.
    Vague,
}

#[derive(Debug, Clone)]
pub struct Core {
    /// First token (an article "a" included: "a dozen").
    pub start: usize,
    /// Token index just past the core (magnitudes included).
    pub end: usize,
    pub value: f64,
    /// Upper bound for vague plurals.
    pub high: Option<f64>,
    pub form: Form,
    /// The magnitude written after the number ("million" → 1e6), 1 when none.
    pub scale: f64,
    /// Digits only, without separators, decimals or magnitude (candidates for years and codes).
    pub plain: bool,
    pub int_digits: u8,
}

/// Unicode vulgar fractions.
pub fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Superscript digits and signs in exponents ("10⁻³⁰").
fn superscript(s: &str) -> Option<i32> {
    Some(match s {
        "⁰" => 0,
        "¹" => 1,
        "²" => 2,
        "³" => 3,
        "⁴" => 4,
        "⁵" => 5,
        "⁶" => 6,
        "⁷" => 7,
        "⁸" => 8,
        "⁹" => 9,
        _ => return None,
    })
}

/// Determiners and adjectives after which "one" is a pronoun ("the other one", "each one").
fn one_is_pronoun_after(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let l = lower(w, &mut buf).unwrap_or("");
    matches!(
        l,
        "the"
            | "this"
            | "that"
            | "each"
            | "every"
            | "any"
            | "no"
            | "which"
            | "whichever"
            | "same"
            | "other"
            | "another"
            | "a"
            | "an"
            | "only"
            | "last"
            | "first"
            | "next"
            | "such"
            | "what"
            | "my"
            | "your"
            | "his"
            | "her"
            | "its"
            | "our"
            | "their"
            | "little"
            | "big"
            | "new"
            | "old"
            | "right"
            | "wrong"
            | "good"
            | "bad"
            | "better"
            | "best"
            | "latest"
            | "main"
            | "real"
            | "young"
            | "loved"
            | "someone"
            | "anyone"
            | "everyone"
            | "number"
    )
}

/// Words after which a multiplier word ("twice", "double") is a comparison.
fn comparison_follows(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let l = lower(w, &mut buf).unwrap_or("");
    matches!(
        l,
        "as" | "the"
            | "that"
            | "this"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "what"
            | "those"
            | "these"
            | "than"
    )
}

impl Parser<'_> {
    /// A number in digits at `i` (or a lone vulgar fraction), with what is glued to it: "2½",
    /// "1/16", "1.99×10⁻³⁰", and magnitudes ("1.2 million", "£7.1m", "4 hundred million").
    /// `money` says a currency was written before it (so "m" is million, not metre).
    pub(super) fn digit_core(&self, i: usize, money: bool) -> Core {
        let t = self.toks[i];
        let mut core = Core {
            start: i,
            end: i + 1,
            value: t.value,
            high: None,
            form: Form::Digits,
            scale: 1.0,
            plain: t.is_plain_int(),
            int_digits: t.int_digits,
        };
        if t.kind == Kind::Sym {
            core.value = vulgar(t.text(self.text)).unwrap_or(0.0);
            core.plain = false;
            core.form = Form::Fraction;
            return core;
        }
        // "2½"
        if self.tight(core.end)
            && let Some(v) = vulgar(self.text_of(core.end))
        {
            core.value += v;
            core.end += 1;
            core.plain = false;
        }
        // "3,5 Prozent", "2,5 Milliarden Euro": a decimal comma before a unit or scale.
        if t.is_plain_int()
            && t.int_digits <= 3
            && self.sym_is(core.end, ",")
            && self.tight(core.end)
            && self.tight(core.end + 1)
            && let Some(d) = self
                .tok(core.end + 1)
                .filter(|d| d.is_plain_int() && (1..=2).contains(&d.int_digits))
            && self.measured_after(core.end + 2)
        {
            let digits = &self.text_of(core.end + 1);
            core.value += d.value / 10f64.powi(digits.len() as i32);
            core.end += 2;
            core.plain = false;
        }
        // "1/16", "1⁄32": a fraction when the bottom is a usual denominator.
        if (self.sym_is(core.end, "/") || self.sym_is(core.end, "⁄"))
            && self.tight(core.end)
            && self.tight(core.end + 1)
            && let Some(d) = self.tok(core.end + 1).filter(|d| d.is_plain_int())
            && !(self.sym_is(core.end + 2, "/") && self.tight(core.end + 2))
            && t.is_plain_int()
            && d.value > t.value
            && matches!(
                d.value as u32,
                2..=10 | 12 | 16 | 20 | 32 | 64 | 100 | 128 | 1000
            )
        {
            core.value = t.value / d.value;
            core.end += 2;
            core.plain = false;
            core.form = Form::Fraction;
            return core;
        }
        // Scientific notation: "1.99×10−30", "1.99 x 10^-30", "3×10⁸".
        if let Some(e) = self.exponent(core.end) {
            core.value *= 10f64.powi(e.0);
            core.end = e.1;
            core.plain = false;
            return core;
        }
        // Magnitudes.
        loop {
            let j = core.end;
            let Some(n) = self.tok(j).filter(|n| n.kind == Kind::Word && self.near(j)) else {
                break;
            };
            let w = n.text(self.text);
            let mag = if let Some(m) = magnitude_abbrev(w, n.tight(), money) {
                Some(m)
            } else if w == "m" && n.tight() {
                // "50m people" (million) vs "37m (121ft)", "the 100m sprint" (metres).
                let next_counted = self.near(j + 1)
                    && (self.word(j + 1).is_some_and(|x| {
                        x.eq_ignore_ascii_case("of") || (vocab::plural(x) && !vocab::stopword(x))
                    }) || super::currency::word_after(self.text, self.toks, j + 1, true)
                        .is_some());
                next_counted.then_some(1e6)
            } else {
                // "1.2 million", "64.8million", "4 hundred million"
                match lookup(w) {
                    Some(NumWord::Scale(s)) => Some(s),
                    // "12 millions d'euros": the French plural after digits.
                    Some(NumWord::Vague(s)) if s >= 1e6 && self.elision(j + 1).is_some() => Some(s),
                    Some(NumWord::Hundred) => Some(100.0),
                    Some(NumWord::Dozen) => Some(12.0),
                    _ if w.eq_ignore_ascii_case("lakh") => Some(1e5),
                    _ if w.eq_ignore_ascii_case("crore") => Some(1e7),
                    _ => None,
                }
            };
            let Some(m) = mag else { break };
            core.value *= m;
            core.scale *= m;
            core.end += 1;
            core.plain = false;
        }
        core
    }

    /// "×10⁻³⁰" / "x 10^-30" at `j`: the exponent and the token after it.
    fn exponent(&self, j: usize) -> Option<(i32, usize)> {
        let times = self.text_of(j);
        if !matches!(times, "×" | "x" | "X" | "*") || !self.near(j) {
            return None;
        }
        let ten = self.tok(j + 1)?;
        if !(ten.is_plain_int() && ten.value == 10.0 && self.near(j + 1)) {
            return None;
        }
        let mut k = j + 2;
        if self.sym_is(k, "^") && self.tight(k) {
            k += 1;
        }
        let mut sign = 1;
        if matches!(self.text_of(k), "-" | "−" | "⁻") && self.tight(k) {
            sign = -1;
            k += 1;
        }
        if let Some(t) = self.tok(k).filter(|t| t.is_plain_int() && t.tight()) {
            return Some((sign * t.value as i32, k + 1));
        }
        let mut e = 0;
        let mut any = false;
        while let Some(d) = self
            .tok(k)
            .filter(|t| t.tight())
            .and_then(|t| superscript(t.text(self.text)))
        {
            e = e * 10 + d;
            any = true;
            k += 1;
        }
        any.then_some((sign * e, k))
    }

    /// A number in words starting at word `i`, or `None` when the word is not used as a number
    /// here (the pronoun "one", "first half", "double-digit", "BBC One").
    pub(super) fn word_core(&self, i: usize) -> Option<Core> {
        let w = self.word(i)?;
        let nw = lookup(w)?;
        let article =
            i > 0 && self.open(i - 1) && self.word_in(i - 1, &["a", "an"]) && self.near(i);
        // A number word right after a capitalised name is part of a name: "BBC One", "Formula
        // One", "Ocean's Eleven"; after a word and a dash, part of a compound: "one-on-one".
        let compound = i >= 2
            && self.dash(i - 1)
            && self.tight(i)
            && self.tight(i - 1)
            && self.word(i - 2).is_some();
        if matches!(nw, NumWord::Unit(_) | NumWord::Tens(_)) && (self.after_name(i) || compound) {
            return None;
        }
        // Capitalised inside a sentence, it names something: "the Six Nations", "Channel Four".
        if self.toks[i].cap && !self.starts_sentence(i) && !matches!(nw, NumWord::Ordinal(_)) {
            let after_qualifier = i > 0 && self.word(i - 1).is_some_and(vocab::qualifier_end);
            if !after_qualifier {
                return None;
            }
        }
        if super::words::foreign(w) && !self.measured_after(i + 1) {
            return None;
        }
        match nw {
            NumWord::Unit(_) | NumWord::Tens(_) => self.cardinal(i, false),
            NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen if article => {
                self.cardinal(i, true)
            }
            NumWord::Vague(a) => self.vague(i, a),
            NumWord::Ordinal(n) => {
                // "a third of", "a fifth": a fraction; "a third term": an ordinal.
                let compound_next = self.dash(i + 1) && self.tight(i + 1) && self.tight(i + 2);
                let frac_next = !compound_next
                    && (!self.near(i + 1)
                        || self.tok(i + 1).is_none_or(|t| t.kind != Kind::Word)
                        || self.word_in(i + 1, &["of", "as", "more", "less", "fewer"]));
                if article && (3.0..=10.0).contains(&n) && frac_next {
                    return Some(self.fraction(i - 1, i + 1, 1.0 / n));
                }
                // "third-party", "first-class" are adjectives; "second-largest" ranks.
                if compound_next && !self.word(i + 2).is_some_and(|w| w.ends_with("est")) {
                    return None;
                }
                Some(Core {
                    start: i,
                    end: i + 1,
                    value: n,
                    high: None,
                    form: Form::Ordinal,
                    scale: 1.0,
                    plain: false,
                    int_digits: 0,
                })
            }
            NumWord::Denominator(d) => {
                let is_half = d == 2.0 && w.eq_ignore_ascii_case("half");
                if article && !w.ends_with('s') {
                    return Some(self.fraction(i - 1, i + 1, 1.0 / d));
                }
                if !is_half {
                    return None;
                }
                self.half(i)
            }
            NumWord::Multiplier(m) => {
                let mut buf = [0u8; 16];
                let l = lower(w, &mut buf).unwrap_or("");
                if !l.ends_with("fold") {
                    // "twice as many", "double the", not "double-digit" or "scored twice".
                    if self.dash(i + 1) && self.tight(i + 1) {
                        return None;
                    }
                    let next_ok = self.near(i + 1)
                        && self.word(i + 1).is_some_and(comparison_follows)
                        // "twice as many", not "scored twice as United won"
                        && !(self.word_in(i + 1, &["as"]) && self.tok(i + 2).is_some_and(|t| t.cap));
                    if !next_ok {
                        return None;
                    }
                }
                Some(Core {
                    start: i,
                    end: i + 1,
                    value: m,
                    high: None,
                    form: Form::Multiplier,
                    scale: 1.0,
                    plain: false,
                    int_digits: 0,
                })
            }
            _ => None,
        }
    }

    fn fraction(&self, start: usize, end: usize, value: f64) -> Core {
        Core {
            start,
            end,
            value,
            high: None,
            form: Form::Fraction,
            scale: 1.0,
            plain: false,
            int_digits: 0,
        }
    }

    /// "half": a fraction ("half of", "almost half"), "half a million" (a count), but not a
    /// period ("the first half", "half-time").
    fn half(&self, i: usize) -> Option<Core> {
        if self.dash(i + 1) && self.tight(i + 1) {
            return None;
        }
        // (The word before may belong to a figure already read: "the first half".)
        if i > 0
            && self.word(i - 1).is_some_and(|p| {
                let mut buf = [0u8; 16];
                matches!(
                    lower(p, &mut buf).unwrap_or(""),
                    "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "final"
                        | "last"
                        | "this"
                        | "that"
                        | "the"
                        | "next"
                        | "other"
                        | "opening"
                        | "closing"
                        | "latter"
                        | "former"
                        | "better"
                        | "bottom"
                        | "top"
                        | "each"
                )
            })
        {
            return None;
        }
        let article = i > 0 && self.open(i - 1) && self.word_in(i - 1, &["a", "one"]);
        let start = if article { i - 1 } else { i };
        // "half a million", "half a dozen"
        if self.word_in(i + 1, &["a", "an"])
            && let Some(m) = self.word(i + 2).and_then(lookup)
        {
            let s = match m {
                NumWord::Scale(s) => Some(s),
                NumWord::Dozen => Some(12.0),
                NumWord::Hundred => Some(100.0),
                _ => None,
            };
            if let Some(s) = s {
                return Some(Core {
                    start,
                    end: i + 3,
                    value: 0.5 * s,
                    high: None,
                    form: Form::Words,
                    scale: s,
                    plain: false,
                    int_digits: 0,
                });
            }
        }
        Some(self.fraction(start, i + 1, 0.5))
    }

    /// "dozens", "hundreds of thousands", "tens of millions": from one to ten times the size.
    fn vague(&self, i: usize, a: f64) -> Option<Core> {
        let mut low = a;
        let mut end = i + 1;
        if self.word_in(i + 1, &["of"])
            && let Some(NumWord::Vague(b)) = self.word(i + 2).and_then(lookup)
            && b > a
            && self.near(i + 2)
        {
            low = a * b;
            end = i + 3;
        } else if a == 10.0 {
            return None;
        }
        Some(Core {
            start: i,
            end,
            value: low,
            high: Some(low * 10.0),
            form: Form::Vague,
            scale: 1.0,
            plain: false,
            int_digits: 0,
        })
    }

    /// Token `i` is the first of a sentence, a line, a quotation or a parenthesis.
    pub(super) fn starts_sentence(&self, i: usize) -> bool {
        i == 0
            || self.toks[i].gap == super::Gap::Line
            || self.tok(i - 1).is_some_and(|t| {
                let s = t.text(self.text);
                t.kind == Kind::Sym
                    && (matches!(s, "." | "!" | "?" | ":" | ";" | "(" | "—" | "–" | "-")
                        || crate::analysis::marks::can_open(s))
            })
    }

    /// A capitalised word that is not a function word or qualifier stands right before `i`.
    pub(super) fn after_name(&self, i: usize) -> bool {
        if i == 0 || !self.open(i - 1) || !self.near(i) {
            return false;
        }
        let Some(p) = self.word(i - 1) else {
            return false;
        };
        let pt = self.toks[i - 1];
        let named = pt.cap || p.chars().any(char::is_uppercase);
        if !named || vocab::stopword(p) || vocab::month(p).is_some() || vocab::weekday(p) {
            return false;
        }
        // The first word of a sentence is capitalised anyway.
        if self.starts_sentence(i - 1) {
            return false;
        }
        !vocab::QUALIFIERS
            .iter()
            .any(|q| q.len() == 1 && p.eq_ignore_ascii_case(q[0]))
    }

    /// Cardinal words from `i`: "seventeen", "twenty-six", "three hundred and forty-two", "two
    /// million", "a dozen" (`article`: the "a" before `i` counts as one), "two and a half";
    /// numerators of fractions ("two-thirds", "three quarters").
    fn cardinal(&self, i: usize, article: bool) -> Option<Core> {
        let mut total = 0.0;
        let mut current: f64 = if article { 1.0 } else { 0.0 };
        let mut j = i;
        let mut last: Option<NumWord> = None;
        let mut words = 0;
        let mut scale = 1.0;
        while let Some(w) = self.word(j) {
            if j > i && !self.near(j) {
                break;
            }
            let Some(nw) = lookup(w) else {
                // "three hundred and forty-two", "two and a half"
                if w.eq_ignore_ascii_case("and") && words > 0 {
                    if matches!(last, Some(NumWord::Hundred | NumWord::Scale(_)))
                        && matches!(
                            self.word(j + 1).and_then(lookup),
                            Some(NumWord::Unit(_) | NumWord::Tens(_))
                        )
                    {
                        j += 1;
                        continue;
                    }
                    if matches!(last, Some(NumWord::Unit(_) | NumWord::Tens(_)))
                        && self.word_in(j + 1, &["a"])
                        && self.word_in(j + 2, &["half"])
                    {
                        current += 0.5;
                        j += 3;
                        last = Some(NumWord::Unit(0.5));
                        continue;
                    }
                }
                break;
            };
            match nw {
                NumWord::Unit(u) => {
                    if matches!(last, Some(NumWord::Unit(_)))
                        || (matches!(last, Some(NumWord::Tens(_))) && (u == 0.0 || u >= 10.0))
                    {
                        break;
                    }
                    current += u;
                }
                NumWord::Tens(t) => {
                    if matches!(last, Some(NumWord::Unit(_) | NumWord::Tens(_))) {
                        break;
                    }
                    current += t;
                    // "twenty-six", "twenty-first"
                    if self.dash(j + 1) && self.tight(j + 1) && self.tight(j + 2) {
                        match self.word(j + 2).and_then(lookup) {
                            Some(NumWord::Unit(u)) if (1.0..10.0).contains(&u) => {
                                current += u;
                                j += 2;
                            }
                            Some(NumWord::Ordinal(o)) if (1.0..10.0).contains(&o) && words == 0 => {
                                return Some(Core {
                                    start: i,
                                    end: j + 3,
                                    value: current + o,
                                    high: None,
                                    form: Form::Ordinal,
                                    scale: 1.0,
                                    plain: false,
                                    int_digits: 0,
                                });
                            }
                            _ => {}
                        }
                    }
                }
                NumWord::Hundred => {
                    if current == 0.0 || current >= 100.0 {
                        break;
                    }
                    current *= 100.0;
                    scale = 100.0;
                }
                NumWord::Scale(s) => {
                    if current == 0.0 {
                        break;
                    }
                    total += current * s;
                    current = 0.0;
                    scale = s;
                }
                NumWord::Dozen => {
                    current = current.max(1.0) * 12.0;
                    scale = 12.0;
                }
                _ => break,
            }
            last = Some(nw);
            words += 1;
            j += 1;
        }
        if words == 0 {
            return None;
        }
        let value = total + current;
        let start = if article { i - 1 } else { i };
        let lone_one = words == 1 && !article && value == 1.0;
        // Fractions: "two-thirds", "three quarters", "one-half".
        if words == 1 && !article && (1.0..=10.0).contains(&value) {
            let (k, hyphen) = if self.dash(j) && self.tight(j) && self.tight(j + 1) {
                (j + 1, true)
            } else {
                (j, false)
            };
            if self.near(k) {
                let d = match self.word(k).and_then(lookup) {
                    Some(NumWord::Denominator(d)) => Some(d),
                    Some(NumWord::Ordinal(d))
                        if d >= 3.0 && (value == 1.0 || hyphen) && d <= 100.0 =>
                    {
                        Some(d)
                    }
                    _ => None,
                };
                if let Some(d) = d
                    && (d > value || d == 2.0)
                {
                    return Some(self.fraction(start, k + 1, value / d));
                }
            }
        }
        if lone_one && !self.one_is_number(i) {
            return None;
        }
        Some(Core {
            start,
            end: j,
            value,
            high: None,
            form: Form::Words,
            scale,
            plain: false,
            int_digits: 0,
        })
    }

    /// "one" is a number when it counts something ("one solution", "one of the best"), not when
    /// it is a pronoun ("the other one", "each one they lose", "one can see", "one-on-one") or
    /// sets up a contrast ("one side … the other").
    fn one_is_number(&self, i: usize) -> bool {
        if i > 0 && self.open(i - 1) && self.word(i - 1).is_some_and(one_is_pronoun_after) {
            return false;
        }
        // "one-on-one", "one-off", "one-time"; "one-year" and "one-third" are numbers.
        if self.dash(i + 1) && self.tight(i + 1) {
            let Some(n) = self.word(i + 2) else {
                return false;
            };
            return super::units::one_word(n).is_some_and(|u| u.1 == super::units::UnitKind::Time)
                || matches!(
                    lookup(n),
                    Some(NumWord::Denominator(_) | NumWord::Ordinal(_))
                );
        }
        let Some(next) = self.word(i + 1).filter(|_| self.near(i + 1)) else {
            return false;
        };
        if next.eq_ignore_ascii_case("of") {
            // "one of the best films", "one of its largest": a way of praising, not a count.
            let k = if self.word(i + 2).is_some_and(vocab::determiner) {
                i + 3
            } else {
                i + 2
            };
            return !self.word(k).is_some_and(vocab::superlative);
        }
        // "one in three", "one out of five"
        let ratio_at = if next.eq_ignore_ascii_case("in") {
            Some(i + 2)
        } else if next.eq_ignore_ascii_case("out") && self.word_in(i + 2, &["of"]) {
            Some(i + 3)
        } else {
            None
        };
        if let Some(k) = ratio_at {
            return self.tok(k).is_some_and(|t| {
                t.kind == Kind::Num
                    || (t.kind == Kind::Word
                        && matches!(
                            lookup(t.text(self.text)),
                            Some(NumWord::Unit(_) | NumWord::Tens(_))
                        ))
            });
        }
        // "one can see", "the one they lose", "one leaving at speed"
        if vocab::stopword(next)
            || next.eq_ignore_ascii_case("another")
            || next.ends_with("ing")
            || next.ends_with("ed")
        {
            return false;
        }
        let mut buf = [0u8; 16];
        if matches!(
            lower(next, &mut buf).unwrap_or(""),
            "day" | "night" | "morning" | "evening" | "afternoon" | "time"
        ) && !(i > 0
            && self.word_in(
                i - 1,
                &[
                    "in", "for", "within", "than", "only", "just", "over", "after",
                ],
            ))
        {
            return false;
        }
        // "one way or another", "one form or other": an idiom, not a count.
        if self.word_in(i + 2, &["or"]) && self.word_in(i + 3, &["another", "other", "the"]) {
            return false;
        }
        // "one side … the other": a contrast, not a count.
        let mut k = i + 2;
        while k < self.toks.len() && k < i + 25 {
            let t = self.toks[k];
            if t.kind == Kind::Sym && matches!(t.text(self.text), "." | "!" | "?" | ";") {
                break;
            }
            if self.word_in(k, &["the"]) && self.word_in(k + 1, &["other", "others"]) {
                return false;
            }
            k += 1;
        }
        true
    }
}

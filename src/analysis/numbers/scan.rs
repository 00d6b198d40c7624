//! The pass over a block: find each number, read what is around it, decide its kind, join
//! ranges, and emit figures in document order.

use super::Parser;
use super::around::{Reading, Suffix};
use super::cores::{Core, Form, vulgar};
use super::kinds::Plain;
use super::lex::Kind;
use super::units::{self, UnitKind};
use super::vocab;
use super::words::lookup;
use crate::analysis::model::{Figure, FigureKind};

/// A quantity with a unit read earlier in the sentence, for units left out later ("by 2 percent
/// … by 1").
pub(super) struct Seen {
    prep: &'static str,
    kind: FigureKind,
    unit: Option<String>,
}

/// A quantity read at one place, before it is emitted.
#[derive(Debug, Clone)]
struct Quantity {
    /// First token (qualifier, currency or range word included).
    start: usize,
    /// Token index just past the figure's text.
    end: usize,
    /// Token index after everything read (the counted noun included).
    after: usize,
    core: Core,
    value: f64,
    high: Option<f64>,
    kind: FigureKind,
    /// The kind of each end of a range (the kind itself otherwise).
    base: FigureKind,
    /// The unit without a rate ("%", "USD", "mile"), the counted noun for counts.
    unit: Option<String>,
    /// " per barrel", " per month".
    rate: Option<String>,
    qualifier: Option<String>,
    /// A unit or currency was written with this number (not a counted noun, not inherited).
    explicit: bool,
    noun_plural: bool,
}

impl Quantity {
    fn full_unit(&self) -> Option<String> {
        match (&self.unit, &self.rate) {
            (Some(u), Some(r)) => Some(format!("{u}{r}")),
            (Some(u), None) => Some(u.clone()),
            (None, _) => None,
        }
    }
    /// Could be a year: four plain digits, nothing written with it.
    fn year_like(&self) -> bool {
        self.core.plain
            && self.core.int_digits == 4
            && (1000.0..2200.0).contains(&self.core.value)
            && !self.explicit
            && matches!(self.kind, FigureKind::Year | FigureKind::Count)
            && !self.noun_plural
    }
}

/// Qualifiers that compare ("more than 2000"): the number is a count, not a year.
fn comparative(q: &str) -> bool {
    matches!(
        q,
        "more than"
            | "less than"
            | "fewer than"
            | "over"
            | "under"
            | "up to"
            | "at least"
            | "at most"
            | "as many as"
            | "nearly"
            | "almost"
            | "some"
            | "upwards of"
            | "in excess of"
            | "well over"
            | "just over"
            | "just under"
    )
}

/// A word that can be (part of) a number (checked on every word: `lookup` is cheap).
fn trigger_word(w: &str) -> bool {
    lookup(w).is_some()
}

impl Parser<'_> {
    pub(super) fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            let trigger = match t.kind {
                Kind::Num => true,
                Kind::Word => t.numberish && trigger_word(t.text(self.text)),
                Kind::Sym => vulgar(t.text(self.text)).is_some(),
            };
            if trigger && let Some((end, after)) = self.figure_at(i) {
                // Look-backs may still see a counted noun ("63,150 Model 3s"); the scan resumes
                // after it.
                self.floor = end.max(i + 1);
                i = after.max(i + 1);
                continue;
            }
            i += 1;
        }
    }

    /// Reads and emits the figure at token `i`; returns the token after its text and the token
    /// after everything read with it.
    fn figure_at(&mut self, i: usize) -> Option<(usize, usize)> {
        if let Some(p) = self.non_quantity(i) {
            let e = self.emit_plain(p);
            return Some((e, e));
        }
        let q = self.quantity(i)?;
        let mut q = self.joined(q);
        self.elided_unit(&mut q);
        self.remember(&q);
        Some(self.emit(q))
    }

    /// "another pick or two", "a day or two": a number after "or" counts the noun before it.
    fn noun_before_or(&self, q: &mut Quantity) {
        let s = q.start;
        if q.core.form != Form::Words
            || s < 3
            || !self.open(s - 3)
            || !self.word_in(s - 1, &["or"])
            || !self.word_in(s - 3, &["a", "an", "another", "one"])
        {
            return;
        }
        let Some(noun) = self
            .word(s - 2)
            .filter(|w| w.len() > 1 && !vocab::stopword(w) && !vocab::plural(w))
        else {
            return;
        };
        match units::one_word(noun) {
            Some((name, UnitKind::Time)) => {
                q.kind = FigureKind::Duration;
                q.unit = Some(name.to_string());
            }
            Some((name, UnitKind::Measure)) => {
                q.kind = FigureKind::Measure;
                q.unit = Some(name.to_string());
            }
            Some(_) => {}
            None => q.unit = Some(noun.to_ascii_lowercase()),
        }
    }

    /// "He will be 35", "she turned 60", "who is 58": a bare whole number after a copula or
    /// "turn" whose subject is a person's pronoun is an age (not "it is 35").
    fn copula_age(&self, q: &Quantity) -> bool {
        if !bare_age_number(q) {
            return false;
        }
        let s = q.start;
        let person = |j: usize| self.word_in(j, &["he", "she", "i", "who"]);
        // "he", "he's", "he will", "he'll", "I'd"
        let subject = |j: usize| {
            person(j)
                || (j >= 2
                    && self.word_in(j, &["s", "ll", "d"])
                    && self.apostrophe(j - 1)
                    && person(j - 2))
                || (j >= 1
                    && self.word_in(
                        j,
                        &["will", "would", "could", "might", "may", "must", "should"],
                    )
                    && person(j - 1))
        };
        let copula = s >= 2
            && self.open(s - 2)
            && self.near(s)
            && if self.word_in(s - 1, &["s"]) {
                // "he's 35"
                self.apostrophe(s - 2) && s >= 3 && person(s - 3)
            } else {
                self.word_in(
                    s - 1,
                    &[
                        "is", "was", "am", "be", "turns", "turned", "turning", "turn",
                    ],
                ) && subject(s - 2)
            };
        if !copula {
            return false;
        }
        let e = q.end;
        e >= self.toks.len()
            || matches!(self.text_of(e), "," | "." | ";" | ":" | ")" | "!" | "?")
            || self.word_in(
                e,
                &[
                    "by", "when", "next", "this", "last", "and", "but", "at", "on", "until",
                    "before", "after", "so",
                ],
            )
    }

    /// "life expectancy for men is around 73", "the age of consent is 16", "the pension age
    /// will rise to 67": a bare whole number said of an age noun earlier in the clause is an age.
    fn said_of_an_age(&self, q: &Quantity) -> bool {
        if !bare_age_number(q) {
            return false;
        }
        // Back through the clause, at most eight words.
        let mut j = q.start;
        while j > self.floor && j + 8 > q.start {
            j -= 1;
            let Some(w) = self.word(j) else {
                if matches!(self.text_of(j), "." | ";" | ":" | "!" | "?" | "(" | ")") {
                    return false;
                }
                continue;
            };
            if w.eq_ignore_ascii_case("expectancy") {
                return true;
            }
            if w.eq_ignore_ascii_case("age") {
                // The noun, not "age groups": a verb or preposition follows it.
                return self.word_in(
                    j + 1,
                    &[
                        "is",
                        "was",
                        "will",
                        "would",
                        "of",
                        "at",
                        "to",
                        "rises",
                        "rose",
                        "rise",
                        "increases",
                        "increased",
                        "falls",
                        "fell",
                        "reached",
                        "reaches",
                        "remains",
                        "stays",
                        "for",
                        "limit",
                    ],
                );
            }
        }
        false
    }

    /// An apostrophe at `i` ("he's", "I'll").
    fn apostrophe(&self, i: usize) -> bool {
        self.sym_is(i, "'") || self.sym_is(i, "’")
    }

    /// The preposition that introduces a quantity ("by 2 percent", "at 1,463.78 points", "from
    /// 21 mpg"): the range's own "from", or the word before it.
    fn preposition(&self, q: &Quantity) -> Option<&'static str> {
        const PREPOSITIONS: [&str; 4] = ["by", "at", "to", "from"];
        let at = if self.word_in(q.start, &["from"]) {
            q.start
        } else if q.start > 0 && self.near(q.start) {
            q.start - 1
        } else {
            return None;
        };
        let w = self.word(at)?;
        PREPOSITIONS.into_iter().find(|p| w.eq_ignore_ascii_case(p))
    }

    /// Keeps a quantity with a unit for the ellipses later in the sentence.
    fn remember(&mut self, q: &Quantity) {
        let kinds = matches!(
            q.base,
            FigureKind::Percent
                | FigureKind::PercentagePoints
                | FigureKind::Measure
                | FigureKind::Money
                | FigureKind::Count
        );
        if kinds && q.unit.is_some() && q.core.scale == 1.0 {
            let prep = self.preposition(q).unwrap_or("");
            self.seen.push(Seen {
                prep,
                kind: q.base,
                unit: q.full_unit(),
            });
        }
    }

    /// A bare number introduced like an earlier one of the sentence takes its unit: "increased
    /// by 2 percent but decreased by 1", "ended at 1,463.78 points … to end at 1,334.20", "from 21
    /// mpg combined to 23" (the unit is not repeated in parallel phrases).
    fn elided_unit(&self, q: &mut Quantity) {
        if q.kind != FigureKind::Count
            || q.unit.is_some()
            || q.explicit
            || q.core.scale != 1.0
            || !matches!(q.core.form, Form::Digits | Form::Words)
        {
            return;
        }
        // "a -1.4 degree angle in 2018 and 2.1 last year", "2.5% in May and 1.3 in June": a
        // number with decimals after "and" is said in the unit of the one before.
        let and_decimal = q.core.form == Form::Digits
            && self.toks[q.core.start].decimal
            && q.start > 0
            && self.word_in(q.start - 1, &["and"])
            && self.near(q.start);
        if and_decimal && let Some(seen) = self.seen.last() {
            q.kind = seen.kind;
            q.base = seen.kind;
            q.unit = seen.unit.clone();
            q.rate = None;
            return;
        }
        let Some(prep) = self.preposition(q).filter(|&p| p != "from") else {
            return;
        };
        // (Not "by 20% … by about 200,000": that many is not a share.)
        let share = q.value <= 100.0;
        if let Some(seen) = self
            .seen
            .iter()
            .rev()
            .find(|s| s.prep == prep || (prep == "to" && s.prep == "from"))
            .filter(|s| {
                share || !matches!(s.kind, FigureKind::Percent | FigureKind::PercentagePoints)
            })
        {
            q.kind = seen.kind;
            q.base = seen.kind;
            q.unit = seen.unit.clone();
            q.rate = None;
        }
    }

    /// The quantity whose core is at token `i`.
    fn quantity(&self, i: usize) -> Option<Quantity> {
        let t = self.toks[i];
        let (core, pre) = if t.kind == Kind::Word {
            let core = self.word_core(i)?;
            let pre = self.prefix(core.start);
            (core, pre)
        } else {
            let pre = self.prefix(i);
            (self.digit_core(i, pre.currency.is_some()), pre)
        };
        let of_ok = matches!(core.form, Form::Vague | Form::Fraction)
            || (core.form == Form::Words && core.value == 1.0 && core.end == core.start + 1);
        let suf = if matches!(core.form, Form::Ordinal | Form::Multiplier) {
            Suffix {
                end: core.end,
                ..Suffix::default()
            }
        } else {
            self.suffix(
                core.end,
                Reading {
                    money: pre.currency.is_some(),
                    decimal: t.kind == Kind::Num && t.decimal,
                    of_ok,
                    one: core.value == 1.0,
                    big: core.scale >= 1e3 || core.form == Form::Vague,
                },
            )
        };
        let mut value = core.value;
        if pre.negative {
            value = -value;
        }
        let currency = suf.currency.or(pre.currency);
        let explicit = currency.is_some() || suf.minor.is_some() || suf.unit.is_some();
        if suf.compound_word {
            return None;
        }
        let (kind, unit) = if core.form == Form::Ordinal {
            (FigureKind::Ordinal, None)
        } else if core.form == Form::Vague {
            // "dozens of people", "tens of millions of dollars", "hundreds of miles"
            let unit = currency
                .map(str::to_string)
                .or(suf.minor.map(str::to_string))
                .or_else(|| (suf.unit_kind == Some(UnitKind::Percent)).then(|| "%".to_string()))
                .or(suf.unit.clone())
                .or(suf.noun.clone());
            (FigureKind::Range, unit)
        } else if let Some(c) = currency {
            (FigureKind::Money, Some(c.to_string()))
        } else if let Some(m) = suf.minor {
            (FigureKind::Money, Some(m.to_string()))
        } else if suf.unit_kind == Some(UnitKind::Percent) {
            (FigureKind::Percent, Some("%".to_string()))
        } else if suf.unit_kind == Some(UnitKind::PercentagePoints) {
            (FigureKind::PercentagePoints, suf.unit.clone())
        } else if suf.age || (pre.age && suf.unit.is_none()) {
            (
                FigureKind::Age,
                Some(units::age_unit(suf.unit.as_deref().unwrap_or("year"))),
            )
        } else if suf.unit_kind == Some(UnitKind::Time) {
            (FigureKind::Duration, suf.unit.clone())
        } else if suf.unit_kind == Some(UnitKind::Measure) {
            (FigureKind::Measure, suf.unit.clone())
        } else if core.form == Form::Multiplier || suf.multiplier {
            (FigureKind::Multiplier, None)
        } else if core.form == Form::Fraction {
            (FigureKind::Fraction, None)
        } else {
            (FigureKind::Count, suf.noun.clone())
        };
        let qualifier = pre
            .qualifier
            .clone()
            .or_else(|| suf.qualifier.map(str::to_string));
        let end = suf.end.max(core.end);
        let mut q = Quantity {
            start: pre.start,
            end,
            after: suf.after.max(end),
            value,
            high: core.high,
            kind,
            base: kind,
            unit,
            rate: suf.rate.clone(),
            qualifier,
            explicit,
            noun_plural: suf.noun_plural,
            core,
        };
        if q.kind == FigureKind::Count && q.core.form == Form::Digits && pre.currency.is_none() {
            self.refine_count(&mut q, &suf);
        }
        if q.kind == FigureKind::Count && q.unit.is_none() && q.qualifier.is_none() {
            self.noun_before_or(&mut q);
        }
        if self.copula_age(&q) || self.said_of_an_age(&q) {
            q.kind = FigureKind::Age;
            q.unit = Some(units::age_unit("year"));
        }
        q.base = q.kind;
        Some(q)
    }

    /// A bare count may be an age ("Ana Silva, 58,"), an identifier ("Section 427", "Big 12",
    /// "787 Dreamliner") or a year ("in 2024").
    fn refine_count(&self, q: &mut Quantity, suf: &Suffix) {
        let s = q.core.start;
        let e = q.core.end;
        let bare = suf.noun.is_none() && q.qualifier.is_none() && !q.explicit;
        // "Maddon, 66, has"
        if bare
            && q.core.plain
            && q.core.int_digits <= 3
            && (1.0..120.0).contains(&q.value)
            && s >= 2
            && self.open(s - 2)
        {
            let name_before = self.word(s - 2).is_some_and(|w| {
                self.toks[s - 2].cap
                    && !vocab::stopword(w)
                    && vocab::month(w).is_none()
                    && !vocab::weekday(w)
            });
            let closes = |j: usize| {
                j >= self.toks.len()
                    || self.word_in(j, &["and"])
                    || matches!(self.text_of(j), "," | "." | ";" | ")")
            };
            // (Not "Name (58)": in sports reports that is the minute of a substitution.)
            let comma = self.sym_is(s - 1, ",") && self.tight(s - 1) && closes(e);
            if name_before && comma {
                q.kind = FigureKind::Age;
                q.unit = Some(units::age_unit("year"));
                return;
            }
        }
        // Identifiers: a label or a name before the number, or a name after it.
        if q.qualifier.is_none() && !q.core.plain && q.core.int_digits > 3 {
            // "48,500" is a quantity whatever surrounds it.
        } else if q.qualifier.is_none() && s > 0 && self.open(s - 1) && self.near(s) {
            let label = self.word(s - 1).is_some_and(vocab::label);
            if label || self.after_name(s) {
                q.kind = FigureKind::Identifier;
                q.start = s - 1;
                q.end = e;
                q.unit = None;
                return;
            }
        }
        if bare_code_after(self, q, suf) {
            q.kind = FigureKind::Identifier;
            q.unit = None;
            return;
        }
        // Years: "in 2024", "Keytruda's 2018 sales"; a plural noun after an earlier number makes
        // it a count ("1500 jobs").
        if q.core.plain
            && q.core.int_digits == 4
            && (1000.0..2200.0).contains(&q.value)
            && (!q.noun_plural || (1900.0..=2100.0).contains(&q.value))
            && q.qualifier.as_deref().is_none_or(|x| !comparative(x))
        {
            q.kind = FigureKind::Year;
            q.unit = None;
            q.after = q.end;
        }
    }

    /// Two quantities joined into a range ("between 5 and 7 percent", "from 252 to 287 miles",
    /// "5-10W", "three or four years") or a ratio ("one in three", "8 out of 10").
    fn joined(&mut self, a: Quantity) -> Quantity {
        let joinable = matches!(
            a.kind,
            FigureKind::Count
                | FigureKind::Money
                | FigureKind::Percent
                | FigureKind::PercentagePoints
                | FigureKind::Measure
                | FigureKind::Duration
                | FigureKind::Age
                | FigureKind::Year
        );
        if !joinable || a.core.form == Form::Vague {
            return a;
        }
        let c = a.end;
        let starter = (a.start > 0 && self.open(a.start - 1) && self.near(a.start))
            .then(|| self.word(a.start - 1))
            .flatten()
            .and_then(|w| {
                if w.eq_ignore_ascii_case("between") {
                    Some("between")
                } else if w.eq_ignore_ascii_case("from") {
                    Some("from")
                } else {
                    None
                }
            });
        // A counted noun after the first number ends it ("3 goals to 2").
        let bare_count = a.kind == FigureKind::Count && a.unit.is_none();
        if !(a.explicit || bare_count || matches!(a.kind, FigureKind::Year | FigureKind::Age)) {
            return a;
        }
        // Parts of a whole take its unit: "280 million of the 1.5 billion shekels", "22 of his 30
        // goals".
        if bare_count && self.near(c) && self.word_in(c, &["of"]) {
            let mut k = c + 1;
            if self.word_in(
                k,
                &[
                    "the", "his", "her", "its", "their", "our", "your", "my", "a",
                ],
            ) {
                k += 1;
            }
            if self.near(k)
                && let Some(b) = self.probe(k)
                && b.start == k
                && b.unit.is_some()
                && matches!(
                    b.kind,
                    FigureKind::Money
                        | FigureKind::Measure
                        | FigureKind::Count
                        | FigureKind::Duration
                )
                && b.value.abs() >= a.value.abs()
            {
                let mut r = a.clone();
                r.kind = b.kind;
                r.base = b.kind;
                r.unit = b.unit.clone();
                r.rate = b.rate.clone();
                r.explicit = true;
                return r;
            }
            // "300 of its staff", "12 of the team's players": what is counted comes after.
            if k > c + 1 && self.near(k) && self.tok(k).is_some_and(|t| t.kind == Kind::Word) {
                let mut x = Suffix::default();
                self.counted_noun(k, a.value == 1.0, &mut x);
                if let Some(noun) = x.noun.filter(|_| x.noun_plural || a.value == 1.0) {
                    let mut r = a.clone();
                    r.unit = Some(noun);
                    r.after = r.after.max(x.after);
                    return r;
                }
            }
        }
        // Ratios: "one in three", "8 out of 10".
        if bare_count && self.near(c) {
            let b_at = if self.word_in(c, &["in"]) {
                Some(c + 1)
            } else if self.word_in(c, &["out"]) && self.word_in(c + 1, &["of"]) {
                Some(c + 2)
            } else {
                None
            };
            if let Some(b_at) = b_at
                && let Some(b) = self.probe(b_at)
                && b.kind == FigureKind::Count
                && b.core.int_digits <= 3
                && b.value > a.value
                && a.value > 0.0
                && b.value <= 1000.0
            {
                let mut r = a.clone();
                r.kind = FigureKind::Fraction;
                r.base = FigureKind::Fraction;
                r.value = a.value / b.value;
                r.end = b.core.end;
                r.after = b.core.end;
                r.unit = None;
                return r;
            }
        }
        let b_at = if self.near(c) && self.word_in(c, &["to", "through", "thru"]) {
            if self.word_in(c, &["through", "thru"]) && starter != Some("from") {
                return a;
            }
            // "rose by 80,000 barrels a day to 84 million barrels a day": a change and a level
            // (but "dropped by 1 to 1.5 degrees" is a range).
            // "fell 4p to 245p", "rose 19 cents to $58.24": so are a change and a level after a
            // verb of change.
            if a.explicit && a.start > 0 && self.word(a.start - 1).is_some_and(vocab::change_verb) {
                return a;
            }
            if self.dash(c + 1) && self.tight(c + 1) {
                c + 2
            } else {
                c + 1
            }
        } else if self.near(c)
            && ((self.word_in(c, &["and"]) && starter == Some("between"))
                || (self.word_in(c, &["or"]) && !a.explicit))
        {
            // "between 5 and 7", "three or four years"
            c + 1
        } else if self.dash(c)
            && self.near(c)
            && ((self.tight(c) && self.tight(c + 1))
                || (!self.tight(c) && !self.tight(c + 1) && self.near(c + 1)))
        {
            c + 1
        } else {
            return a;
        };
        if !self.near(b_at) {
            return a;
        }
        let Some(mut b) = self.probe(b_at) else {
            return a;
        };
        if b.start != b_at || b.core.form == Form::Vague || b.core.form == Form::Ordinal {
            return a;
        }
        // Years stay years: "between 2014 and 2017", "from 1600 to 1900".
        let yearish = |q: &Quantity| {
            q.core.plain
                && q.core.int_digits == 4
                && (1500.0..=2100.0).contains(&q.core.value)
                && !q.explicit
        };
        if (a.year_like() && b.year_like()) || (a.kind == FigureKind::Year && yearish(&b)) {
            return a;
        }
        // "from 1.8 to 2-2.5 million tonnes": the second end is itself a range. A range has two
        // ends, so the first number is a figure of its own, in the range's unit and magnitude
        // (emitted here, before it), and the range follows.
        if !a.explicit
            && b.kind == FigureKind::Count
            && b.unit.is_none()
            && self.dash(b.end)
            && self.tight(b.end)
            && self
                .tok(b.end + 1)
                .is_some_and(|t| t.kind == Kind::Num && t.tight())
        {
            let saved = self.floor;
            self.floor = b.start;
            let inner = self.joined(b.clone());
            self.floor = saved;
            if inner.kind == FigureKind::Range && inner.explicit {
                let mut first = a;
                if first.core.scale == 1.0
                    && inner.core.scale > 1.0
                    && first.core.value.abs() <= inner.value.abs() / inner.core.scale
                {
                    first.value *= inner.core.scale;
                }
                first.kind = inner.base;
                first.base = inner.base;
                first.unit = inner.unit.clone();
                first.rate = inner.rate.clone();
                first.explicit = true;
                first.after = first.end;
                self.emit(first);
                return inner;
            }
            b = inner;
        }
        let or = self.word_in(c, &["or"]);
        if or && b.value <= a.value {
            return a;
        }
        // "leads 43 percent to 38 percent", "won 2-0", "a 2 to 1 margin": a comparison or a
        // score, not a range (only "from … to …" may go down).
        if starter != Some("from") && b.value < a.value {
            return a;
        }
        let same_unit = a.kind == b.kind && a.unit == b.unit;
        let (kind, unit, rate) = match (a.explicit, b.explicit) {
            (true, true) if same_unit => {
                (b.kind, b.unit.clone(), b.rate.clone().or(a.rate.clone()))
            }
            (false, true) if a.kind == FigureKind::Count => {
                (b.kind, b.unit.clone(), b.rate.clone())
            }
            // "from 208 pounds to 193", "$3-5 million", "$3 to 5 billion"
            (true, false)
                if b.unit.is_none()
                    && b.kind == FigureKind::Count
                    && (starter.is_some()
                        || b.core.scale > 1.0
                        || (self.dash(c) && self.tight(c) && self.tight(c + 1))) =>
            {
                (a.kind, a.unit.clone(), a.rate.clone())
            }
            (false, false)
                if matches!(a.kind, FigureKind::Count | FigureKind::Year)
                    && b.kind == FigureKind::Count =>
            {
                (FigureKind::Count, b.unit.clone(), None)
            }
            // "readers aged nine to 11"
            (false, false) if a.kind == FigureKind::Age && b.kind == FigureKind::Count => {
                (FigureKind::Age, a.unit.clone(), None)
            }
            _ => return a,
        };
        let mut low = a.value;
        // "33-35 billion", "1 to 2 thousand", "US $89 to $93 billion": the magnitude covers both
        // (but not in "$200 to $4 million").
        if a.core.scale == 1.0
            && b.core.scale > 1.0
            && a.core.value.abs() <= b.core.value.abs() / b.core.scale
        {
            low *= b.core.scale;
        }
        let start = match &starter {
            Some(_) => a.start - 1,
            None => a.start,
        };
        let mut r = b.clone();
        r.base = kind;
        r.start = start;
        r.unit = unit;
        r.rate = rate;
        r.qualifier = a.qualifier.clone().or(b.qualifier.clone());
        r.explicit = a.explicit || b.explicit;
        if low == b.value {
            // "89-89": one value.
            r.kind = kind;
            r.value = low;
            r.high = None;
        } else {
            r.kind = FigureKind::Range;
            r.value = low;
            r.high = Some(b.value);
        }
        if kind == FigureKind::Age && r.unit.is_none() {
            r.unit = Some(units::age_unit("year"));
        }
        r
    }

    /// The quantity at `i`, read as if nothing before it were available (the second half of a
    /// range). Non-quantities (dates, codes) are not read.
    fn probe(&mut self, i: usize) -> Option<Quantity> {
        let t = self.tok(i)?;
        let core_at = match t.kind {
            Kind::Num => i,
            Kind::Word if trigger_word(t.text(self.text)) => i,
            // "$5 million", "US$5", "£3"
            _ => (i + 1..(i + 3).min(self.toks.len())).find(|&j| self.toks[j].kind == Kind::Num)?,
        };
        let saved = self.floor;
        self.floor = i;
        let q = if self.non_quantity(core_at).is_some() {
            None
        } else {
            self.quantity(core_at)
        };
        self.floor = saved;
        q
    }

    fn emit_plain(&mut self, p: Plain) -> usize {
        let span = self.span(p.start, p.end);
        let dimension = dimension(p.kind, p.kind, p.unit.as_deref());
        self.out.push(Figure {
            span,
            kind: p.kind,
            value: p.value,
            value_high: None,
            unit: p.unit,
            dimension,
            qualifier: None,
            quote: None,
            source: None,
        });
        p.end
    }

    fn emit(&mut self, q: Quantity) -> (usize, usize) {
        let after = q.after.max(q.end);
        let span = self.span(q.start, q.end);
        let numeric = !matches!(
            q.kind,
            FigureKind::Identifier | FigureKind::Date | FigureKind::Time
        );
        let unit = q.full_unit();
        let dimension = dimension(q.kind, q.base, unit.as_deref());
        self.out.push(Figure {
            span,
            kind: q.kind,
            value: numeric.then_some(q.value),
            value_high: q.high,
            unit,
            dimension,
            qualifier: q.qualifier,
            quote: None,
            source: None,
        });
        (q.end, after)
    }
}

/// What a figure of `kind` (each end of a range of `base`) with `unit` measures, for the JSON's
/// `dimension`.
fn dimension(kind: FigureKind, base: FigureKind, unit: Option<&str>) -> Option<&'static str> {
    let kind = if kind == FigureKind::Range {
        base
    } else {
        kind
    };
    match kind {
        FigureKind::Money => Some("money"),
        FigureKind::Percent
        | FigureKind::PercentagePoints
        | FigureKind::Fraction
        | FigureKind::Multiplier => Some("ratio"),
        FigureKind::Duration | FigureKind::Age => Some("time"),
        FigureKind::Count => Some("count"),
        FigureKind::Measure => unit.and_then(units::dimension),
        // Vague plurals ("dozens of people", "hundreds of miles") are ranges of their own.
        FigureKind::Range => match unit {
            Some(u) => units::dimension(u).or(Some("count")),
            None => Some("count"),
        },
        FigureKind::Ordinal
        | FigureKind::Date
        | FigureKind::Year
        | FigureKind::Time
        | FigureKind::Identifier => None,
    }
}

/// "787 Dreamliner", "11 Pro Max", "90049 ZIP Code": a whole number followed by a name that is
/// not a plural noun names a thing.
fn bare_code_after(p: &Parser<'_>, q: &Quantity, suf: &Suffix) -> bool {
    q.core.plain
        && q.qualifier.is_none()
        && suf.noun_cap
        && !suf.noun_plural
        && p.word(q.core.end).is_some_and(|w| !vocab::stopword(w))
}

/// A bare whole number that could be a person's age: a plain count from 1 to 120 without unit.
fn bare_age_number(q: &Quantity) -> bool {
    let whole = match q.core.form {
        Form::Digits => q.core.plain && q.core.int_digits <= 3,
        Form::Words => q.value.fract() == 0.0,
        _ => false,
    };
    q.kind == FigureKind::Count
        && q.unit.is_none()
        && !q.explicit
        && whole
        && (1.0..=120.0).contains(&q.value)
}

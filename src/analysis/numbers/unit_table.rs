//! The unit and currency tables generated from kept public tables (`assets/units/*.tsv`, made by
//! `scripts/units/generate.py` from quantulum3 and the CLDR data of Babel), and the reading of a
//! unit's words after a number as one form of those tables.
//!
//! A form is compared as the generator wrote it: full stops dropped ("m.p.h." → "mph"), hyphens
//! as spaces ("lb-ft" → "lb ft"), one space between spaced words. `exact` forms are compared as
//! written ("MW" is not "mW"), `any` forms in lower case ("KWH", "Kilometres"). `cued` readings
//! (a symbol that is also a word, a letter or another unit's symbol: "F", "b", "kn", "ohm") hold
//! only in a sentence that names what they measure (`assets/units/cues.tsv`: "capacitor",
//! "file", "wind").

use super::lex::{Gap, Kind, Tok};
use super::table::Table;
use std::sync::OnceLock;

const UNITS: &str = include_str!("../../../assets/units/units.tsv");
const CURRENCIES: &str = include_str!("../../../assets/units/currencies.tsv");
const CUES: &str = include_str!("../../../assets/units/cues.tsv");

/// A unit of the table: its canonical name and what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub name: &'static str,
    pub dimension: &'static str,
}

/// What a currency form of the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ISO 4217 code ("USD").
    Code,
    /// A symbol or letters written before the number ("$", "RM", "Rs").
    Symbol,
    /// Letters also written after the number, as the territories using the currency write them
    /// ("500 zł", "100 Kč", "20 kr").
    Suffix,
    /// A name written after the number ("kronor", "Swiss francs", "quid").
    Name,
    /// A minor unit ("cents", "pence"): the value is the unit's name.
    Minor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// The ISO 4217 code, or the minor unit's name.
    pub code: &'static str,
    pub role: Role,
}

/// The two tables of one kind: forms as written and forms in any case (keys in lower case).
pub struct Forms<V: Copy + 'static> {
    exact: Table<V>,
    any: Table<V>,
    /// First words of forms of several words ("square", "miles", "pound"): only these are read
    /// further.
    starts: Table<()>,
}

/// How a form of the tables is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Exact,
    Any,
    Cued,
}

/// Reads `form<TAB>match<TAB>a<TAB>b` rows (comments start with '#').
fn rows(
    tsv: &'static str,
) -> impl Iterator<Item = (&'static str, Match, &'static str, &'static str)> {
    tsv.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut f = l.split('\t');
        let (form, m, a, b) = (f.next()?, f.next()?, f.next()?, f.next()?);
        let m = match m {
            "exact" => Match::Exact,
            "any" => Match::Any,
            "cued" => Match::Cued,
            _ => return None,
        };
        Some((form, m, a, b))
    })
}

fn build<V: Copy + 'static>(
    tsv: &'static str,
    value: impl Fn(&'static str, &'static str) -> Option<V>,
) -> Forms<V> {
    let mut exact = Vec::new();
    let mut any = Vec::new();
    let mut starts = Vec::new();
    for (form, m, a, b) in rows(tsv) {
        if m == Match::Cued {
            continue;
        }
        let is_exact = m == Match::Exact;
        let Some(v) = value(a, b) else { continue };
        if let Some(cut) = form.find([' ', '/']) {
            starts.push((&form[..cut], ()));
        }
        if is_exact {
            exact.push((form, v));
        } else {
            any.push((form, v));
        }
    }
    Forms {
        exact: Table::new(&exact),
        any: Table::new(&any),
        starts: Table::new(&starts),
    }
}

pub fn units() -> &'static Forms<Unit> {
    static T: OnceLock<Forms<Unit>> = OnceLock::new();
    T.get_or_init(|| build(UNITS, |name, dimension| Some(Unit { name, dimension })))
}

pub fn currencies() -> &'static Forms<Currency> {
    static T: OnceLock<Forms<Currency>> = OnceLock::new();
    T.get_or_init(|| {
        build(CURRENCIES, |code, role| {
            let role = match role {
                "code" => Role::Code,
                "symbol" => Role::Symbol,
                "suffix" => Role::Suffix,
                "name" => Role::Name,
                "minor" => Role::Minor,
                _ => return None,
            };
            Some(Currency { code, role })
        })
    })
}

/// What the unit named `name` measures: the unit names of the table with their dimension, and
/// "money" for currency codes and minor units.
pub fn dimension_of(name: &str) -> Option<&'static str> {
    static T: OnceLock<Table<&'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut names: Vec<(&'static str, &'static str)> = rows(UNITS)
            .map(|(_, _, name, dimension)| (name, dimension))
            .collect();
        names.extend(
            rows(CURRENCIES)
                .filter(|r| r.3 == "code" || r.3 == "minor")
                .map(|(_, _, code, _)| (code, "money")),
        );
        Table::new(&names)
    })
    .get(name.as_bytes())
}

/// The readings of one-word forms that hold only in a sentence naming their dimension, and the
/// words that name each dimension.
struct Cued {
    /// Forms with such readings, as written and in lower case.
    forms: Table<()>,
    readings: Vec<(&'static str, Unit)>,
    /// "word\tdimension", the word in lower case.
    cues: Table<()>,
}

fn cued() -> &'static Cued {
    static T: OnceLock<Cued> = OnceLock::new();
    T.get_or_init(|| {
        let readings: Vec<(&'static str, Unit)> = rows(UNITS)
            .filter(|r| r.1 == Match::Cued)
            .map(|(form, _, name, dimension)| (form, Unit { name, dimension }))
            .collect();
        let forms: Vec<(&'static str, ())> = readings.iter().map(|&(f, _)| (f, ())).collect();
        let cues: Vec<(&'static str, ())> = CUES
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains('\t'))
            .map(|l| (l, ()))
            .collect();
        Cued {
            forms: Table::new(&forms),
            readings,
            cues: Table::new(&cues),
        }
    })
}

/// The sentence (`toks`) holds a word that names `dimension` ("capacitor" for capacitance).
pub fn sentence_names(text: &str, toks: &[Tok], dimension: &str) -> bool {
    let cues = &cued().cues;
    let mut key = [0u8; 64];
    toks.iter().filter(|t| t.kind == Kind::Word).any(|t| {
        let w = t.text(text);
        let n = w.len() + 1 + dimension.len();
        if n > key.len() {
            return false;
        }
        key[..w.len()].copy_from_slice(w.as_bytes());
        key[..w.len()].make_ascii_lowercase();
        key[w.len()] = b'\t';
        key[w.len() + 1..n].copy_from_slice(dimension.as_bytes());
        cues.get(&key[..n]).is_some()
    })
}

/// The reading of the word `w` that the sentence names, when the table's own reading
/// (`default`) is not named too: "F" is farads in a sentence about a capacitor, "kn" knots in one
/// about the wind. A word the table reads as written is not lowered to find another reading
/// ("20 C" on a boat stays Celsius, not "c").
pub fn cued_reading(text: &str, toks: &[Tok], w: &str, default: Option<Unit>) -> Option<Unit> {
    let c = cued();
    let mut lower = [0u8; 16];
    let low = (default.is_none() && w.len() <= lower.len()).then(|| {
        lower[..w.len()].copy_from_slice(w.as_bytes());
        lower[..w.len()].make_ascii_lowercase();
        &lower[..w.len()]
    });
    if c.forms.get(w.as_bytes()).is_none() && low.is_none_or(|l| c.forms.get(l).is_none()) {
        return None;
    }
    if default.is_some_and(|d| sentence_names(text, toks, d.dimension)) {
        return None;
    }
    c.readings
        .iter()
        .filter(|(f, _)| *f == w || low.is_some_and(|l| f.as_bytes() == l))
        .map(|&(_, u)| u)
        .find(|u| sentence_names(text, toks, u.dimension))
}

/// A form being built from tokens, as written and in lower case, on the stack.
struct Key {
    exact: [u8; 64],
    lower: [u8; 64],
    len: usize,
    lower_len: usize,
}

impl Key {
    fn new() -> Self {
        Key {
            exact: [0; 64],
            lower: [0; 64],
            len: 0,
            lower_len: 0,
        }
    }
    /// Appends `s`; false when the key would be too long for any form.
    fn push(&mut self, s: &str) -> bool {
        if self.len + s.len() > self.exact.len() {
            return false;
        }
        self.exact[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
        if s.is_ascii() {
            // Most forms: no need to lower-case char by char.
            if self.lower_len + s.len() > self.lower.len() {
                return false;
            }
            let to = &mut self.lower[self.lower_len..self.lower_len + s.len()];
            to.copy_from_slice(s.as_bytes());
            to.make_ascii_lowercase();
            self.lower_len += s.len();
            return true;
        }
        for c in s.chars() {
            for l in c.to_lowercase() {
                let mut b = [0u8; 4];
                let e = l.encode_utf8(&mut b).as_bytes();
                if self.lower_len + e.len() > self.lower.len() {
                    return false;
                }
                self.lower[self.lower_len..self.lower_len + e.len()].copy_from_slice(e);
                self.lower_len += e.len();
            }
        }
        true
    }
    fn exact(&self) -> &[u8] {
        &self.exact[..self.len]
    }
    fn lower(&self) -> &[u8] {
        &self.lower[..self.lower_len]
    }
}

impl<V: Copy + 'static> Forms<V> {
    /// The form written exactly as `w`, or in any case.
    pub fn word(&self, w: &str) -> Option<V> {
        let mut k = Key::new();
        if !k.push(w) {
            return None;
        }
        self.exact
            .get(k.exact())
            .or_else(|| self.any.get(k.lower()))
    }

    /// The form written as `w` exactly (symbols, codes).
    pub fn exact(&self, w: &str) -> Option<V> {
        self.exact.get(w.as_bytes())
    }

    /// The longest form made of the tokens from `i` on (at most six words), with the token just
    /// past it: "km", "km/h", "sq. ft", "miles per hour", "lb-ft", "m.p.h.", "Swedish kronor".
    pub fn longest(&self, text: &str, toks: &[Tok], i: usize) -> Option<(usize, V)> {
        let mut key = Key::new();
        let mut best = None;
        let mut words = 0;
        let mut j = i;
        while let Some(t) = toks.get(j) {
            if j > i {
                if t.gap == Gap::Line {
                    break;
                }
                if t.gap == Gap::Space && !key.push(" ") {
                    break;
                }
            }
            let s = t.text(text);
            let piece = match t.kind {
                Kind::Word => {
                    words += 1;
                    Some(s)
                }
                // "m2", "H2O": digits glued to a unit's letters.
                Kind::Num if j > i && t.tight() && t.is_plain_int() => Some(s),
                Kind::Num => break,
                Kind::Sym => match s {
                    "." if j > i && t.tight() => None,
                    "-" | "‑" if j > i && t.tight() => {
                        if !key.push(" ") {
                            break;
                        }
                        None
                    }
                    "/" if j > i && t.tight() => {
                        if !key.push("/") {
                            break;
                        }
                        None
                    }
                    "²" | "³" | "·" | "µ" | "μ" | "Ω" | "°" if j == i || t.tight() => {
                        Some(s)
                    }
                    _ => break,
                },
            };
            j += 1;
            if let Some(p) = piece {
                if !key.push(p) {
                    break;
                }
                if let Some(v) = self
                    .exact
                    .get(key.exact())
                    .or_else(|| self.any.get(key.lower()))
                {
                    best = Some((j, v));
                }
                // Only the first words of longer forms are read further.
                if words == 1
                    && j == i + 1
                    && self.starts.get(key.exact()).is_none()
                    && self.starts.get(key.lower()).is_none()
                {
                    break;
                }
            }
            if words >= 6 {
                break;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn unit(s: &str) -> Option<(&str, &'static str)> {
        let mut toks = Vec::new();
        lex(s, 0, s.len(), &mut toks);
        units()
            .longest(s, &toks, 0)
            .map(|(e, u)| (&s[toks[0].start as usize..toks[e - 1].end as usize], u.name))
    }

    #[test]
    fn forms_in_any_case_with_dots_and_hyphens() {
        assert_eq!(unit("KWH"), Some(("KWH", "kilowatt hour")));
        assert_eq!(unit("m.p.h. later"), Some(("m.p.h", "mile per hour")));
        assert_eq!(unit("lb-ft of torque"), Some(("lb-ft", "pound-foot")));
        assert_eq!(unit("Kilometres away"), Some(("Kilometres", "kilometre")));
        assert_eq!(
            unit("miles per hour"),
            Some(("miles per hour", "mile per hour"))
        );
        assert_eq!(unit("sq. ft"), Some(("sq. ft", "square foot")));
        assert_eq!(unit("MW"), Some(("MW", "megawatt")));
        assert_eq!(unit("mW"), Some(("mW", "milliwatt")));
        assert_eq!(unit("table"), None);
    }

    #[test]
    fn the_tables_are_large_and_name_their_dimensions() {
        let names = rows(UNITS)
            .map(|r| r.2)
            .collect::<std::collections::HashSet<_>>();
        assert!(names.len() > 300, "{}", names.len());
        let codes = rows(CURRENCIES)
            .filter(|r| r.3 == "code")
            .map(|r| r.2)
            .collect::<std::collections::HashSet<_>>();
        assert!(codes.len() > 250, "{}", codes.len());
        assert_eq!(units().word("knots").map(|u| u.dimension), Some("speed"));
        assert_eq!(currencies().word("kronor").map(|c| c.code), Some("SEK"));
        assert_eq!(currencies().word("Bucks").map(|c| c.code), Some("USD"));
        assert_eq!(currencies().word("zloty").map(|c| c.code), Some("PLN"));
    }
}

//! The unit and currency tables generated from kept public tables (`assets/units/*.tsv`, made by
//! `scripts/units/generate.py` from quantulum3 and the CLDR data of Babel), and the reading of a
//! unit's words after a number as one form of those tables.
//!
//! A form is compared as the generator wrote it: full stops dropped ("m.p.h." → "mph"), hyphens
//! as spaces ("lb-ft" → "lb ft"), one space between spaced words. `exact` forms are compared as
//! written ("MW" is not "mW"), `any` forms in lower case ("KWH", "Kilometres").

use super::lex::{Gap, Kind, Tok};
use super::table::Table;
use std::sync::OnceLock;

const UNITS: &str = include_str!("../../../assets/units/units.tsv");
const CURRENCIES: &str = include_str!("../../../assets/units/currencies.tsv");

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
    /// A symbol or letters written by the number ("$", "zł", "RM").
    Symbol,
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

/// Reads `form<TAB>match<TAB>a<TAB>b` rows (comments start with '#').
fn rows(
    tsv: &'static str,
) -> impl Iterator<Item = (&'static str, bool, &'static str, &'static str)> {
    tsv.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut f = l.split('\t');
        let (form, m, a, b) = (f.next()?, f.next()?, f.next()?, f.next()?);
        Some((form, m == "exact", a, b))
    })
}

fn build<V: Copy + 'static>(
    tsv: &'static str,
    value: impl Fn(&'static str, &'static str) -> Option<V>,
) -> Forms<V> {
    let mut exact = Vec::new();
    let mut any = Vec::new();
    let mut starts = Vec::new();
    for (form, is_exact, a, b) in rows(tsv) {
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

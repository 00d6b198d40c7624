//! Units written after a number: percent, percentage and basis points, measures (miles, km/h,
//! kg, degrees Celsius, kWh …) and time units, with their canonical (singular) names, read from
//! the generated table (`unit_table`) and a few shapes it cannot hold (°C, 25″, "square" + a
//! length, "m2").

use super::lex::{Kind, Tok};
use super::unit_table::{self, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Percent,
    PercentagePoints,
    Measure,
    /// A unit of time: the figure is a duration.
    Time,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitMatch {
    /// Token index just past the unit.
    pub end: usize,
    pub name: String,
    pub kind: UnitKind,
}

use UnitKind::*;

/// How the finder treats a unit of the table.
fn kind_of(u: Unit) -> UnitKind {
    match (u.name, u.dimension) {
        ("%", _) => Percent,
        ("percentage point" | "basis point", _) => PercentagePoints,
        (_, "time") => Time,
        _ => Measure,
    }
}

/// What a unit measures ("length", "speed", "money" …), for a canonical name the finder gives;
/// a compound ("USD per barrel", "tonne of coal") measures what its first unit measures.
pub fn dimension(name: &str) -> Option<&'static str> {
    if let Some(d) = unit_table::dimension_of(name) {
        return Some(d);
    }
    let base = name
        .split(" per ")
        .next()
        .and_then(|b| b.split(" of ").next())
        .unwrap_or(name);
    let base = base
        .strip_prefix("square ")
        .map(|_| "area")
        .or_else(|| base.strip_prefix("cubic ").map(|_| "volume"));
    base.or_else(|| {
        let b = name.split(" per ").next()?.split(" of ").next()?;
        unit_table::dimension_of(b)
    })
}

/// "square centimetres", "sq in", "cubic yards": a square or cube of a length the table has
/// not under that name.
fn square_or_cubic(text: &str, toks: &[Tok], i: usize) -> Option<UnitMatch> {
    let w = toks.get(i)?.text(text);
    let power = if w.eq_ignore_ascii_case("square") || w.eq_ignore_ascii_case("sq") {
        "square"
    } else if w.eq_ignore_ascii_case("cubic") || w.eq_ignore_ascii_case("cu") {
        "cubic"
    } else {
        return None;
    };
    let mut k = i + 1;
    if sym_is(text, toks.get(k), &["."]) && toks[k].tight() {
        k += 1;
    }
    toks.get(k).filter(|n| n.kind == Kind::Word && !n.tight())?;
    let (end, unit) = unit_table::units().longest(text, toks, k)?;
    (unit.dimension == "length" && !unit.name.contains(' ')).then(|| UnitMatch {
        end,
        name: format!("{power} {}", unit.name),
        kind: Measure,
    })
}

/// The unit of an age: "year of age", "month of age" (an age is not a duration of that time:
/// "58 years of age", "a 33-year-old").
pub fn age_unit(time_unit: &str) -> String {
    format!("{time_unit} of age")
}

/// A unit spelled as one word, with how the finder treats it.
pub fn one_word(w: &str) -> Option<(&'static str, UnitKind)> {
    unit_table::units().word(w).map(|u| (u.name, kind_of(u)))
}

fn sym_is(text: &str, t: Option<&Tok>, syms: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == Kind::Sym && syms.contains(&t.text(text)))
}

/// "a" after a number is the article ("5 a day", "$3 a share") unless nothing a noun phrase could
/// start follows it: then it is the symbol of the year, annum ("worked there for 10 a and left",
/// "a half-life of 5,730 a."), never "a.m." or a label ("2 a, b and c", "clause 4 a)", "3 a:").
fn annum(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(n) = toks.get(i + 1) else {
        return true;
    };
    let after = toks.get(i + 2);
    let word_after = |t: Option<&Tok>| t.is_some_and(|t| t.kind == Kind::Word);
    match (n.kind, n.text(text)) {
        (Kind::Sym, ".") => !(word_after(after) && after.is_some_and(|a| a.tight())),
        (Kind::Sym, ",") => !after.is_some_and(|a| a.kind == Kind::Word && a.text(text).len() == 1),
        (Kind::Sym, ";") => true,
        (Kind::Word, w) => matches!(w, "and" | "or" | "but") && n.gap != super::lex::Gap::Line,
        _ => false,
    }
}

/// The unit starting at token `i` (the token after the number), if any. `attached` is true when
/// it touches the number ("50mph", "37m"): single letters only count as units then.
pub fn unit_at(text: &str, toks: &[Tok], i: usize) -> Option<UnitMatch> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    let attached = t.tight();
    let m = |end: usize, name: &str, kind: UnitKind| {
        Some(UnitMatch {
            end,
            name: name.to_string(),
            kind,
        })
    };
    if t.kind == Kind::Sym {
        let s = t.text(text);
        return match s {
            "%" | "％" => m(i + 1, "%", Percent),
            "‰" => m(i + 1, "per mille", Measure),
            "°" | "º" => {
                // "30°", "30°C", "30 °F"
                let n = next.filter(|n| n.tight());
                match n.map(|n| n.text(text)) {
                    Some("C") => m(i + 2, "degree Celsius", Measure),
                    Some("F") => m(i + 2, "degree Fahrenheit", Measure),
                    _ => m(i + 1, "degree", Measure),
                }
            }
            "℃" => m(i + 1, "degree Celsius", Measure),
            "℉" => m(i + 1, "degree Fahrenheit", Measure),
            // 25.5″ (but not "2022′s")
            "″" | "\"" if attached && !next.is_some_and(|n| n.tight() && n.kind == Kind::Word) => {
                m(i + 1, "inch", Measure)
            }
            "′" if attached && !next.is_some_and(|n| n.tight() && n.kind == Kind::Word) => {
                m(i + 1, "foot", Measure)
            }
            _ => None,
        };
    }
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.text(text);
    if w == "a" && !attached && annum(text, toks, i) {
        return m(i + 1, "year", Time);
    }
    // The longest form of the table ("km", "miles per hour", "sq. ft", "lb-ft", "KWH").
    let mut table = unit_table::units().longest(text, toks, i);
    if table.is_none_or(|(end, _)| end == i + 1) {
        if let Some(u) = square_or_cubic(text, toks, i) {
            return Some(u);
        }
        // A reading the sentence names: "2.5 F" by a capacitor, "40 kn" in the wind.
        if let Some(u) = unit_table::cued_reading(text, toks, w, table.map(|t| t.1)) {
            table = Some((i + 1, u));
        }
    }
    let (end, unit) = table?;
    if end > i + 1 {
        return Some(UnitMatch {
            end,
            name: unit.name.to_string(),
            kind: kind_of(unit),
        });
    }
    let (name, kind) = (unit.name, kind_of(unit));
    // Single letters and other short abbreviations that are also words need to touch the number
    // or be followed by a non-letter: "37m", "5 W USB-C", but not "5 a side", "3 in 10".
    // A spaced single letter is a unit only before a space or closing punctuation ("5 W USB-C",
    // "12 C melting point"), not in "two F-16 jets".
    if w.len() == 1
        && !attached
        && next.is_some_and(|n| {
            n.tight() && !matches!(n.text(text), "," | "." | ")" | ";" | ":" | "/" | "!" | "?")
        })
    {
        return None;
    }
    // A single capital letter followed by a word is an initial or a label ("5 A Street").

    // Unless the sentence names what it measures ("a 13 A fuse", "a 5 B file").
    let slash_compound = next.is_some_and(|n| n.tight() && n.text(text) == "/");
    if matches!(w, "s" | "h" | "t" | "A" | "B")
        && !attached
        && !slash_compound
        && !unit_table::sentence_names(text, toks, unit.dimension)
    {
        return None;
    }
    let mut end = i + 1;
    let mut name = name.to_string();
    // Squares and cubes: "m2", "km²", "m3".
    if let Some(n) = toks.get(end).filter(|n| n.tight())
        && kind == Measure
        && matches!(w, "m" | "km" | "cm" | "mm" | "ft")
    {
        match n.text(text) {
            "2" | "²" => {
                name = format!("square {name}");
                end += 1;
            }
            "3" | "³" => {
                name = format!("cubic {name}");
                end += 1;
            }
            _ => {}
        }
    }
    // Degrees with a scale: "degrees Celsius", "degrees F".
    if name == "degree"
        && let Some(n) = toks.get(end).filter(|n| n.kind == Kind::Word)
    {
        match n.text(text) {
            "C" => {
                name = "degree Celsius".into();
                end += 1;
            }
            "F" => {
                name = "degree Fahrenheit".into();
                end += 1;
            }
            s if s.eq_ignore_ascii_case("celsius") || s.eq_ignore_ascii_case("centigrade") => {
                name = "degree Celsius".into();
                end += 1;
            }
            s if s.eq_ignore_ascii_case("fahrenheit") => {
                name = "degree Fahrenheit".into();
                end += 1;
            }
            _ => {}
        }
    }
    // Slash compounds: "km/h", "m/s", "A/cm2", "g/km".
    if sym_is(text, toks.get(end), &["/"])
        && toks[end].tight()
        && let Some(d) = toks
            .get(end + 1)
            .filter(|d| d.tight() && d.kind == Kind::Word)
    {
        let dw = d.text(text);
        let per = match dw {
            "h" | "hr" | "hour" => Some("hour"),
            "s" | "sec" => Some("second"),
            "min" => Some("minute"),
            _ => one_word(dw).map(|u| u.0),
        };
        if let Some(per) = per {
            let mut e = end + 2;
            let mut per = per.to_string();
            if toks.get(e).is_some_and(|p| {
                p.tight() && p.kind != Kind::Word && matches!(p.text(text), "2" | "²")
            }) {
                per = format!("square {per}");
                e += 1;
            }
            name = match (name.as_str(), per.as_str()) {
                ("kilometre", "hour") => "kilometre per hour".into(),
                ("megabit", "second") => "megabit per second".into(),
                _ => format!("{name} per {per}"),
            };
            end = e;
        }
    }
    Some(UnitMatch { end, name, kind })
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn unit(s: &str) -> Option<(String, UnitKind)> {
        let mut toks = Vec::new();
        lex(s, 0, s.len(), &mut toks);
        // The unit starts after the first (number) token.
        unit_at(s, &toks, 1).map(|u| (u.name, u.kind))
    }

    #[test]
    fn units_by_spelling() {
        assert_eq!(unit("50mph").unwrap().0, "mile per hour");
        assert_eq!(unit("80km/h").unwrap().0, "kilometre per hour");
        assert_eq!(unit("32m2").unwrap().0, "square metre");
        assert_eq!(unit("20 per cent").unwrap().1, Percent);
        assert_eq!(unit("1520 sq m").unwrap().0, "square metre");
        assert_eq!(unit("500 degrees celsius").unwrap().0, "degree Celsius");
        assert_eq!(unit("3 basis points").unwrap().1, PercentagePoints);
        assert_eq!(unit("12 years").unwrap().1, Time);
        assert_eq!(unit("5 a side"), None);
    }
}

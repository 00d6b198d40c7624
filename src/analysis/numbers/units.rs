//! Units written after a number: percent, percentage and basis points, measures (miles, km/h,
//! kg, degrees Celsius, kWh …) and time units, with their canonical (singular) names.

use super::lex::{Kind, Tok};
use super::table::table;

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

/// One-word units whose case matters ("m" metre vs "M" million, "mW" vs "MW").
const EXACT: &[(&str, (&str, UnitKind))] = &[
    ("m", ("metre", Measure)),
    ("cm", ("centimetre", Measure)),
    ("mm", ("millimetre", Measure)),
    ("nm", ("nanometre", Measure)),
    ("μm", ("micrometre", Measure)),
    ("µm", ("micrometre", Measure)),
    ("g", ("gram", Measure)),
    ("mg", ("milligram", Measure)),
    ("t", ("tonne", Measure)),
    ("l", ("litre", Measure)),
    ("L", ("litre", Measure)),
    ("ml", ("millilitre", Measure)),
    ("mL", ("millilitre", Measure)),
    ("cc", ("cubic centimetre", Measure)),
    ("W", ("watt", Measure)),
    ("kW", ("kilowatt", Measure)),
    ("MW", ("megawatt", Measure)),
    ("GW", ("gigawatt", Measure)),
    ("TW", ("terawatt", Measure)),
    ("Wh", ("watt-hour", Measure)),
    ("V", ("volt", Measure)),
    ("kV", ("kilovolt", Measure)),
    ("A", ("ampere", Measure)),
    ("Nm", ("newton-metre", Measure)),
    ("PS", ("horsepower", Measure)),
    ("Pa", ("pascal", Measure)),
    ("kPa", ("kilopascal", Measure)),
    ("MPa", ("megapascal", Measure)),
    ("GPa", ("gigapascal", Measure)),
    ("dB", ("decibel", Measure)),
    ("B", ("byte", Measure)),
    ("KB", ("kilobyte", Measure)),
    ("kB", ("kilobyte", Measure)),
    ("MB", ("megabyte", Measure)),
    ("GB", ("gigabyte", Measure)),
    ("TB", ("terabyte", Measure)),
    ("PB", ("petabyte", Measure)),
    ("Mb", ("megabit", Measure)),
    ("Gb", ("gigabit", Measure)),
    ("MP", ("megapixel", Measure)),
    ("C", ("degree Celsius", Measure)),
    ("F", ("degree Fahrenheit", Measure)),
    ("s", ("second", Time)),
    ("ms", ("millisecond", Time)),
    ("h", ("hour", Time)),
    ("pp", ("percentage point", PercentagePoints)),
    ("ppt", ("percentage point", PercentagePoints)),
    ("ppts", ("percentage point", PercentagePoints)),
];

/// One-word units matched without regard to case (words and unambiguous abbreviations).
const CASELESS: &[(&str, (&str, UnitKind))] = &[
    ("percent", ("%", Percent)),
    ("pc", ("%", Percent)),
    ("pct", ("%", Percent)),
    ("percentage", ("%", Percent)),
    ("bps", ("basis point", PercentagePoints)),
    ("bp", ("basis point", PercentagePoints)),
    ("mile", ("mile", Measure)),
    ("miles", ("mile", Measure)),
    ("mi", ("mile", Measure)),
    ("km", ("kilometre", Measure)),
    ("kms", ("kilometre", Measure)),
    ("kilometre", ("kilometre", Measure)),
    ("kilometres", ("kilometre", Measure)),
    ("kilometer", ("kilometre", Measure)),
    ("kilometers", ("kilometre", Measure)),
    ("metre", ("metre", Measure)),
    ("metres", ("metre", Measure)),
    ("meter", ("metre", Measure)),
    ("meters", ("metre", Measure)),
    ("centimetre", ("centimetre", Measure)),
    ("centimetres", ("centimetre", Measure)),
    ("centimeter", ("centimetre", Measure)),
    ("centimeters", ("centimetre", Measure)),
    ("millimetre", ("millimetre", Measure)),
    ("millimetres", ("millimetre", Measure)),
    ("millimeter", ("millimetre", Measure)),
    ("millimeters", ("millimetre", Measure)),
    ("micrometre", ("micrometre", Measure)),
    ("micrometres", ("micrometre", Measure)),
    ("micrometer", ("micrometre", Measure)),
    ("micrometers", ("micrometre", Measure)),
    ("micron", ("micrometre", Measure)),
    ("microns", ("micrometre", Measure)),
    ("nanometre", ("nanometre", Measure)),
    ("nanometres", ("nanometre", Measure)),
    ("nanometer", ("nanometre", Measure)),
    ("nanometers", ("nanometre", Measure)),
    ("ft", ("foot", Measure)),
    ("foot", ("foot", Measure)),
    ("feet", ("foot", Measure)),
    ("inch", ("inch", Measure)),
    ("inches", ("inch", Measure)),
    ("yd", ("yard", Measure)),
    ("yds", ("yard", Measure)),
    ("yard", ("yard", Measure)),
    ("yards", ("yard", Measure)),
    ("acre", ("acre", Measure)),
    ("acres", ("acre", Measure)),
    ("hectare", ("hectare", Measure)),
    ("hectares", ("hectare", Measure)),
    ("ha", ("hectare", Measure)),
    ("sqm", ("square metre", Measure)),
    ("sqft", ("square foot", Measure)),
    ("litre", ("litre", Measure)),
    ("litres", ("litre", Measure)),
    ("liter", ("litre", Measure)),
    ("liters", ("litre", Measure)),
    ("millilitre", ("millilitre", Measure)),
    ("millilitres", ("millilitre", Measure)),
    ("milliliter", ("millilitre", Measure)),
    ("milliliters", ("millilitre", Measure)),
    ("gallon", ("gallon", Measure)),
    ("gallons", ("gallon", Measure)),
    ("gal", ("gallon", Measure)),
    ("barrel", ("barrel", Measure)),
    ("barrels", ("barrel", Measure)),
    ("bbl", ("barrel", Measure)),
    ("pint", ("pint", Measure)),
    ("pints", ("pint", Measure)),
    ("quart", ("quart", Measure)),
    ("quarts", ("quart", Measure)),
    ("kg", ("kilogram", Measure)),
    ("kgs", ("kilogram", Measure)),
    ("kilogram", ("kilogram", Measure)),
    ("kilograms", ("kilogram", Measure)),
    ("kilogramme", ("kilogram", Measure)),
    ("kilogrammes", ("kilogram", Measure)),
    ("kilo", ("kilogram", Measure)),
    ("kilos", ("kilogram", Measure)),
    ("gram", ("gram", Measure)),
    ("grams", ("gram", Measure)),
    ("gramme", ("gram", Measure)),
    ("grammes", ("gram", Measure)),
    ("milligram", ("milligram", Measure)),
    ("milligrams", ("milligram", Measure)),
    ("mcg", ("microgram", Measure)),
    ("microgram", ("microgram", Measure)),
    ("micrograms", ("microgram", Measure)),
    ("lb", ("pound", Measure)),
    ("lbs", ("pound", Measure)),
    ("oz", ("ounce", Measure)),
    ("ounce", ("ounce", Measure)),
    ("ounces", ("ounce", Measure)),
    ("tonne", ("tonne", Measure)),
    ("tonnes", ("tonne", Measure)),
    ("ton", ("ton", Measure)),
    ("tons", ("ton", Measure)),
    ("carat", ("carat", Measure)),
    ("carats", ("carat", Measure)),
    ("mph", ("mile per hour", Measure)),
    ("kmh", ("kilometre per hour", Measure)),
    ("kph", ("kilometre per hour", Measure)),
    ("knot", ("knot", Measure)),
    ("knots", ("knot", Measure)),
    ("mpg", ("mile per gallon", Measure)),
    ("degree", ("degree", Measure)),
    ("degrees", ("degree", Measure)),
    ("deg", ("degree", Measure)),
    ("celsius", ("degree Celsius", Measure)),
    ("centigrade", ("degree Celsius", Measure)),
    ("fahrenheit", ("degree Fahrenheit", Measure)),
    ("kelvin", ("kelvin", Measure)),
    ("watt", ("watt", Measure)),
    ("watts", ("watt", Measure)),
    ("kilowatt", ("kilowatt", Measure)),
    ("kilowatts", ("kilowatt", Measure)),
    ("megawatt", ("megawatt", Measure)),
    ("megawatts", ("megawatt", Measure)),
    ("gigawatt", ("gigawatt", Measure)),
    ("gigawatts", ("gigawatt", Measure)),
    ("terawatt", ("terawatt", Measure)),
    ("terawatts", ("terawatt", Measure)),
    ("kwh", ("kilowatt-hour", Measure)),
    ("mwh", ("megawatt-hour", Measure)),
    ("gwh", ("gigawatt-hour", Measure)),
    ("twh", ("terawatt-hour", Measure)),
    ("mah", ("milliampere-hour", Measure)),
    ("hp", ("horsepower", Measure)),
    ("horsepower", ("horsepower", Measure)),
    ("bhp", ("brake horsepower", Measure)),
    ("volt", ("volt", Measure)),
    ("volts", ("volt", Measure)),
    ("amp", ("ampere", Measure)),
    ("amps", ("ampere", Measure)),
    ("ampere", ("ampere", Measure)),
    ("amperes", ("ampere", Measure)),
    ("joule", ("joule", Measure)),
    ("joules", ("joule", Measure)),
    ("kcal", ("calorie", Measure)),
    ("calorie", ("calorie", Measure)),
    ("calories", ("calorie", Measure)),
    ("btu", ("british thermal unit", Measure)),
    ("btus", ("british thermal unit", Measure)),
    ("hz", ("hertz", Measure)),
    ("hertz", ("hertz", Measure)),
    ("khz", ("kilohertz", Measure)),
    ("mhz", ("megahertz", Measure)),
    ("ghz", ("gigahertz", Measure)),
    ("rpm", ("revolutions per minute", Measure)),
    ("bpm", ("beat per minute", Measure)),
    ("psi", ("pound per square inch", Measure)),
    ("pascal", ("pascal", Measure)),
    ("pascals", ("pascal", Measure)),
    ("gigapascal", ("gigapascal", Measure)),
    ("gigapascals", ("gigapascal", Measure)),
    ("decibel", ("decibel", Measure)),
    ("decibels", ("decibel", Measure)),
    ("bit", ("bit", Measure)),
    ("bits", ("bit", Measure)),
    ("byte", ("byte", Measure)),
    ("bytes", ("byte", Measure)),
    ("kilobyte", ("kilobyte", Measure)),
    ("kilobytes", ("kilobyte", Measure)),
    ("megabyte", ("megabyte", Measure)),
    ("megabytes", ("megabyte", Measure)),
    ("gigabyte", ("gigabyte", Measure)),
    ("gigabytes", ("gigabyte", Measure)),
    ("terabyte", ("terabyte", Measure)),
    ("terabytes", ("terabyte", Measure)),
    ("kbps", ("kilobit per second", Measure)),
    ("mbps", ("megabit per second", Measure)),
    ("gbps", ("gigabit per second", Measure)),
    ("megapixel", ("megapixel", Measure)),
    ("megapixels", ("megapixel", Measure)),
    ("ppm", ("parts-per-million", Measure)),
    ("ppb", ("parts-per-billion", Measure)),
    ("second", ("second", Time)),
    ("seconds", ("second", Time)),
    ("sec", ("second", Time)),
    ("secs", ("second", Time)),
    ("millisecond", ("millisecond", Time)),
    ("milliseconds", ("millisecond", Time)),
    ("microsecond", ("microsecond", Time)),
    ("microseconds", ("microsecond", Time)),
    ("nanosecond", ("nanosecond", Time)),
    ("nanoseconds", ("nanosecond", Time)),
    ("minute", ("minute", Time)),
    ("minutes", ("minute", Time)),
    ("min", ("minute", Time)),
    ("mins", ("minute", Time)),
    ("hour", ("hour", Time)),
    ("hours", ("hour", Time)),
    ("hr", ("hour", Time)),
    ("hrs", ("hour", Time)),
    ("day", ("day", Time)),
    ("days", ("day", Time)),
    ("week", ("week", Time)),
    ("weeks", ("week", Time)),
    ("wk", ("week", Time)),
    ("wks", ("week", Time)),
    ("fortnight", ("fortnight", Time)),
    ("fortnights", ("fortnight", Time)),
    ("month", ("month", Time)),
    ("months", ("month", Time)),
    ("year", ("year", Time)),
    ("years", ("year", Time)),
    ("yr", ("year", Time)),
    ("yrs", ("year", Time)),
    ("decade", ("decade", Time)),
    ("decades", ("decade", Time)),
    ("century", ("century", Time)),
    ("centuries", ("century", Time)),
    ("millennium", ("millennium", Time)),
    ("millennia", ("millennium", Time)),
];

table!(exact: (&'static str, UnitKind) = EXACT);
table!(caseless: (&'static str, UnitKind) = CASELESS);

/// The unit of an age: "year of age", "month of age" (an age is not a duration of that time:
/// "58 years of age", "a 33-year-old").
pub fn age_unit(time_unit: &str) -> String {
    format!("{time_unit} of age")
}

/// A unit spelled as one word.
pub fn one_word(w: &str) -> Option<(&'static str, UnitKind)> {
    exact()
        .get(w.as_bytes())
        .or_else(|| caseless().get_lower(w))
}

fn word_is(text: &str, t: Option<&Tok>, words: &[&str]) -> bool {
    t.is_some_and(|t| {
        t.kind == Kind::Word && words.iter().any(|w| t.text(text).eq_ignore_ascii_case(w))
    })
}

fn sym_is(text: &str, t: Option<&Tok>, syms: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == Kind::Sym && syms.contains(&t.text(text)))
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
    // Two- and three-word units first (only words that can start one are checked).
    let mut lbuf = [0u8; 16];
    let first = super::words::lower(w, &mut lbuf).unwrap_or("");
    if matches!(
        first,
        "per"
            | "percentage"
            | "basis"
            | "sq"
            | "square"
            | "cubic"
            | "cu"
            | "light"
            | "nautical"
            | "fluid"
            | "fl"
            | "parts"
            | "part"
            | "lb"
            | "lbs"
            | "pound"
            | "pounds"
    ) {
        // Two- and three-word units first.
        if w.eq_ignore_ascii_case("per") && word_is(text, next, &["cent"]) {
            return m(i + 2, "%", Percent);
        }
        if w.eq_ignore_ascii_case("percentage") && word_is(text, next, &["point", "points"]) {
            return m(i + 2, "percentage point", PercentagePoints);
        }
        if w.eq_ignore_ascii_case("basis") && word_is(text, next, &["point", "points"]) {
            return m(i + 2, "basis point", PercentagePoints);
        }
        if (w.eq_ignore_ascii_case("sq") || w.eq_ignore_ascii_case("square"))
            && let Some(n) = next.filter(|n| n.kind == Kind::Word)
        {
            let name = match n.text(text) {
                "m" => Some("square metre"),
                "ft" => Some("square foot"),
                "km" => Some("square kilometre"),
                "mi" => Some("square mile"),
                other => one_word(other)
                    .filter(|u| u.1 == Measure && !u.0.contains(' '))
                    .map(|u| u.0),
            };
            if let Some(name) = name {
                let full = if name.starts_with("square") {
                    name.to_string()
                } else {
                    format!("square {name}")
                };
                let mut end = i + 2;
                if sym_is(text, toks.get(end), &["."]) && toks[end].tight() {
                    end += 1;
                }
                return Some(UnitMatch {
                    end,
                    name: full,
                    kind: Measure,
                });
            }
        }
        if (w.eq_ignore_ascii_case("cubic") || w.eq_ignore_ascii_case("cu"))
            && let Some(u) = next.and_then(|n| one_word(n.text(text)))
            && u.1 == Measure
        {
            return m(i + 2, &format!("cubic {}", u.0), Measure);
        }
        if word_is(text, Some(t), &["light"])
            && sym_is(text, next, &["-"])
            && word_is(text, toks.get(i + 2), &["year", "years"])
        {
            return m(i + 3, "light-year", Measure);
        }
        if word_is(text, Some(t), &["light"]) && word_is(text, next, &["year", "years"]) {
            return m(i + 2, "light-year", Measure);
        }
        if word_is(text, Some(t), &["nautical"]) && word_is(text, next, &["mile", "miles"]) {
            return m(i + 2, "nautical mile", Measure);
        }
        if word_is(text, Some(t), &["fluid", "fl"])
            && word_is(text, next, &["ounce", "ounces", "oz"])
        {
            return m(i + 2, "fluid ounce", Measure);
        }
        if word_is(text, Some(t), &["parts", "part"])
            && word_is(text, next, &["per"])
            && let Some(w3) = toks.get(i + 2).filter(|t| t.kind == Kind::Word)
        {
            let l = w3.text(text).to_ascii_lowercase();
            if matches!(l.as_str(), "million" | "billion" | "trillion" | "thousand") {
                return m(i + 3, &format!("parts-per-{l}"), Measure);
            }
        }
        // "lb-ft", "pound-feet" (torque).
        if word_is(text, Some(t), &["lb", "lbs", "pound", "pounds"])
            && sym_is(text, next, &["-"])
            && word_is(text, toks.get(i + 2), &["ft", "feet", "foot"])
        {
            return m(i + 3, "pound-foot", Measure);
        }
    }
    let (name, kind) = one_word(w)?;
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

    let slash_compound = next.is_some_and(|n| n.tight() && n.text(text) == "/");
    if matches!(w, "s" | "h" | "t" | "A" | "B") && !attached && !slash_compound {
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

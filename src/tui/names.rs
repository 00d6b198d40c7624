//! Short names for lists that have little room (the Quotes and Numbers lists, the library's
//! rows): people by their surname, organisations by their name or the short form the article
//! itself uses for them (an acronym, or the name's first words), everyone else in full. The
//! engine's [`SpeakerKind`] says which is which; this is a display rule only.

use crate::analysis::model::{Speaker, SpeakerKind};

/// Lower-case words that belong to a surname: "van Gogh", "de Gaulle", "bin Salman".
const PARTICLES: [&str; 20] = [
    "van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le", "des", "dos",
    "das", "bin", "ibn", "al", "ter", "ten",
];

/// Words after a surname that are not the surname: "Martin Luther King Jr".
const SUFFIXES: [&str; 8] = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "Jnr"];

/// Legal forms dropped from an organisation's name when something is left: "Acme Ltd" → "Acme".
const LEGAL_FORMS: [&str; 16] = [
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "Limited",
    "plc",
    "PLC",
    "LLC",
    "AG",
    "SA",
    "NV",
    "GmbH",
    "Co.",
];

/// Little words an acronym skips: "Food and Agriculture Organisation" → FAO.
const CONNECTORS: [&str; 6] = ["of", "for", "and", "&", "the", "on"];

/// The name a speaker goes by where room is short.
pub fn short_name(speaker: &Speaker) -> String {
    short_name_of(&speaker.name, speaker.kind, &speaker.aliases)
}

/// [`short_name`] from the parts of a speaker.
pub fn short_name_of(name: &str, kind: SpeakerKind, aliases: &[String]) -> String {
    match kind {
        SpeakerKind::Person => surname(name).unwrap_or(name).to_string(),
        SpeakerKind::Organization => organisation(name, aliases),
        SpeakerKind::Group | SpeakerKind::Unknown => name.to_string(),
    }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn acronym_like(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

/// "Aleksandr Lukashenko" → "Lukashenko", "Charles de Gaulle" → "de Gaulle"; `None` when the
/// name is not a proper name of two words or more ("a Honda spokesman", "UKIP MEP").
fn surname(name: &str) -> Option<&str> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    let first = *words.first()?;
    let last = *words.last()?;
    if words.len() < 2 || !capitalised(first) || !capitalised(last) || acronym_like(last) {
        return None;
    }
    if !words
        .iter()
        .all(|w| capitalised(w) || PARTICLES.contains(w))
    {
        return None;
    }
    // The surname starts at the particles before the last word.
    let mut from = words.len() - 1;
    while from > 1 && PARTICLES.contains(&words[from - 1]) {
        from -= 1;
    }
    let start = word_offset(name, &words, from);
    let end = word_offset(name, &words, words.len() - 1) + last.len();
    name.get(start..end)
}

/// The byte offset of `words[i]` in `name` (the words are slices of it).
fn word_offset(name: &str, words: &[&str], i: usize) -> usize {
    words[i].as_ptr() as usize - name.as_ptr() as usize
}

fn without_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

/// The initials of a name's words, connectors skipped: "Federal Communications Commission" → FCC.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !CONNECTORS.contains(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// An organisation's short form: an acronym of it or its first words as the article writes
/// them, else its name without a legal form; a one-word name the article also gives in full
/// ("Commission" and "European Commission") takes the full form.
fn organisation(name: &str, aliases: &[String]) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let proper = |s: &str| {
        s.split_whitespace()
            .all(|w| capitalised(w) || CONNECTORS.contains(&w))
    };
    let forms: Vec<&str> = aliases
        .iter()
        .map(|a| without_article(a.trim()))
        .filter(|a| !a.is_empty() && capitalised(a) && proper(a))
        .collect();
    if words.len() >= 2 && proper(name) {
        let letters = initials(name);
        if let Some(acronym) = forms.iter().find(|a| acronym_like(a) && **a == letters) {
            return acronym.to_string();
        }
        let leading = forms
            .iter()
            .filter(|a| {
                let aw: Vec<&str> = a.split_whitespace().collect();
                aw.len() < words.len() && words.starts_with(&aw)
            })
            .min_by_key(|a| a.len());
        if let Some(short) = leading {
            return short.to_string();
        }
    }
    if words.len() == 1
        && let Some(full) = forms
            .iter()
            .filter(|a| a.len() > name.len() && a.ends_with(name))
            .max_by_key(|a| a.len())
    {
        return full.to_string();
    }
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && LEGAL_FORMS.contains(last) => {
            let end = word_offset(name, &words, rest.len() - 1) + rest[rest.len() - 1].len();
            name[..end].trim_end_matches(',').to_string()
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str, aliases: &[&str]) -> String {
        let aliases: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
        short_name_of(name, SpeakerKind::Organization, &aliases)
    }

    fn person(name: &str) -> String {
        short_name_of(name, SpeakerKind::Person, &[])
    }

    #[test]
    fn people_go_by_their_surname() {
        assert_eq!(person("Aleksandr Lukashenko"), "Lukashenko");
        assert_eq!(person("Juan Carlos Ferrero"), "Ferrero");
        assert_eq!(person("Charles de Gaulle"), "de Gaulle");
        assert_eq!(person("Martin Luther King Jr"), "King");
        assert_eq!(person("Deutsche Bank's Simon Champion"), "Champion");
        assert_eq!(person("Putin"), "Putin");
    }

    #[test]
    fn descriptions_and_roles_stay_whole() {
        assert_eq!(person("a Honda spokesman"), "a Honda spokesman");
        assert_eq!(person("the Tory leader"), "the Tory leader");
        assert_eq!(person("UKIP MEP"), "UKIP MEP");
        assert_eq!(
            short_name_of("Analysts", SpeakerKind::Group, &[]),
            "Analysts"
        );
        assert_eq!(
            short_name_of("Some City Traders", SpeakerKind::Group, &[]),
            "Some City Traders"
        );
    }

    #[test]
    fn organisations_keep_their_name_or_the_short_form_the_article_uses() {
        // Never the last word alone: that is what the library used to show.
        assert_eq!(
            org("Labor Department", &["The Labor Department"]),
            "Labor Department"
        );
        assert_eq!(
            org(
                "Mitsubishi Motors",
                &["maker Mitsubishi Motors", "Mitsubishi"]
            ),
            "Mitsubishi"
        );
        assert_eq!(
            org("Telegraph Group", &["The Telegraph Group", "Telegraph"]),
            "Telegraph"
        );
        assert_eq!(
            org("Dimension Data", &["firm Dimension Data"]),
            "Dimension Data"
        );
        assert_eq!(
            org("International Labour Organisation", &["The ILO"]),
            "ILO"
        );
        assert_eq!(
            org("Federal Communications Commission", &["the FCC"]),
            "FCC"
        );
        // An acronym that does not spell the name is not taken for it.
        assert_eq!(org("Labor Department", &["DOL"]), "Labor Department");
        assert_eq!(
            org("Commission", &["The European Commission"]),
            "European Commission"
        );
        assert_eq!(org("Acme Widgets Ltd", &[]), "Acme Widgets");
        assert_eq!(org("the Belarusian side", &[]), "the Belarusian side");
        assert_eq!(org("the company", &["The company"]), "the company");
    }
}

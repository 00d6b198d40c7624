//! A story's full names, read from its whole text: the given name its narration calls someone by
//! ("Lucy") and the one family name the text writes after it somewhere — in a chapter heading, a
//! line of dialogue — that it also gives with an honorific ("Miss Honeychurch"). A second reading
//! then knows "Lucy" and "Miss Honeychurch" for one person from the first page.

use super::lexicon;
use super::resolve::{Entity, KnownFullNames};
use rustc_hash::FxHashMap;

/// Given names that stand for one full name in the whole story ("lucy" → "Lucy
/// Honeychurch"): a person the narration calls by a given name alone, whose given name the
/// text writes — in narration, dialogue or a chapter heading — before one family name only,
/// a family name the text also gives with an honorific ("Miss Honeychurch").
pub fn scan(text: &str, entities: &[Entity]) -> KnownFullNames {
    let givens: Vec<String> = entities
        .iter()
        .filter(|e| e.is_person() && !e.plural && !e.name.contains(' '))
        .map(|e| e.name.to_lowercase())
        .filter(|g| lexicon::lookup(g).is(lexicon::FIRST_NAME))
        .collect();
    if givens.is_empty() {
        return Vec::new();
    }
    // A word that ends a person's name is their family's ("Barry" of Diana Barry).
    let surnames: Vec<String> = entities
        .iter()
        .filter(|e| e.is_person() && e.name.contains(' '))
        .filter_map(|e| e.name.split_whitespace().last())
        .map(str::to_lowercase)
        .collect();
    let (words, joined) = words_and_joins(text);
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Family names: the last capitalised word after an honorific ("Miss Honeychurch", "Miss
    // Lucy Honeychurch").
    let families: Vec<&str> = (0..words.len().saturating_sub(1))
        .filter(|&i| lexicon::lookup(&words[i].to_lowercase()).is(lexicon::HONORIFIC))
        .filter_map(|i| {
            let mut j = i + 1;
            while j + 1 < words.len() && joined[j + 1] && capitalised(words[j + 1]) {
                j += 1;
            }
            let family = words[j].trim_end_matches('.');
            (joined[i + 1] && capitalised(family)).then_some(family)
        })
        .collect();
    let mut found: FxHashMap<String, Option<String>> = FxHashMap::default();
    for (i, p) in words.windows(2).enumerate() {
        if !joined[i + 1] {
            continue;
        }
        let (given, family) = (p[0], p[1].trim_end_matches('.'));
        let given_lower = given.to_lowercase();
        if !capitalised(given)
            || !givens.contains(&given_lower)
            || surnames.contains(&given_lower)
            || family.chars().count() < 2
            || lexicon::lookup(&family.to_lowercase())
                .is(lexicon::PRONOUN | lexicon::FUNCTION | lexicon::NOT_NAME | lexicon::FIRST_NAME)
            || !families.contains(&family)
        {
            continue;
        }
        let full = format!("{given} {family}");
        found
            .entry(given_lower)
            .and_modify(|f| {
                if f.as_deref() != Some(full.as_str()) {
                    *f = None;
                }
            })
            .or_insert(Some(full));
    }
    let mut out: KnownFullNames = found
        .into_iter()
        .filter_map(|(given, full)| Some((given, full?)))
        .collect();
    out.sort();
    out
}

/// The text's words (letters and periods: "Mr."), and for each whether only white space separates
/// it from the word before (so "Lucy, Charlotte" are not a name).
fn words_and_joins(text: &str) -> (Vec<&str>, Vec<bool>) {
    let mut words: Vec<&str> = Vec::new();
    let mut joined: Vec<bool> = Vec::new();
    let mut last_end = 0;
    for piece in text.split_inclusive(|c: char| !(c.is_alphabetic() || c == '.')) {
        let w = piece.trim_end_matches(|c: char| !(c.is_alphabetic() || c == '.'));
        if w.is_empty() {
            continue;
        }
        let at = piece.as_ptr() as usize - text.as_ptr() as usize;
        joined.push(!words.is_empty() && text[last_end..at].chars().all(char::is_whitespace));
        words.push(w);
        last_end = at + w.len();
    }
    (words, joined)
}

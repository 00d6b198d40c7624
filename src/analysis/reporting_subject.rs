//! The subject who reports the clause a quotation sits in: in "Ruiz said Friday that she would
//! “fight on”", the words are in the clause Ruiz reports, and her name — not the clause's own
//! *she*, which stands for her — is the mention that names the speaker. News writes the pronoun
//! after the reporting verb as a matter of course ("X said he …", "X has said they …"); only the
//! reporter's mention names the person.

use super::lexicon::{self, AUX, REPORT_VERB, SPEECH_VERB, TIME_WORD};
use super::model::Span;

/// The longest gap from the reporter's mention to the pronoun.
const REACH: usize = 60;
/// Words between the reporter and the verb ("at the time", "however", "has").
const MAX_BEFORE_VERB: usize = 3;

/// The mention among `mentions` (sorted, all of one entity) that reports the clause whose
/// subject is `pronoun` ("he", "she", "they"), when it comes right before it in the same
/// sentence: mention, up to three words, a reporting verb, a time word or *that*, pronoun.
pub fn reporter(text: &str, pronoun: Span, mentions: &[Span]) -> Option<Span> {
    let word = text.get(pronoun.start..pronoun.end)?;
    if !matches!(word, "he" | "she" | "they") {
        return None;
    }
    let i = mentions.partition_point(|m| m.end <= pronoun.start);
    let m = *mentions.get(i.checked_sub(1)?)?;
    if pronoun.start - m.end > REACH {
        return None;
    }
    let between = text.get(m.end..pronoun.start)?;
    // One clause of one sentence: no stop, quotation mark, dash or line break between; and not
    // a parenthetical tag ("He believes, he said, that …": that *he* reports, it is not reported).
    if between.contains(['.', '!', '?', ';', ':', '“', '”', '"', '—', '(', '\n'])
        || between.trim_end().ends_with(',')
    {
        return None;
    }
    let words: Vec<&str> = between
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .collect();
    let verb = words.iter().position(|w| {
        let e = lexicon::lookup(&w.to_lowercase());
        e.is(SPEECH_VERB | REPORT_VERB) && !e.is(AUX)
    })?;
    if verb > MAX_BEFORE_VERB || words[..verb].iter().any(|w| starts_upper(w)) {
        return None;
    }
    let after_verb_ok = words[verb + 1..].iter().enumerate().all(|(k, w)| {
        let last = k + verb + 2 == words.len();
        (last && *w == "that") || lexicon::lookup(&w.to_lowercase()).is(TIME_WORD)
    });
    after_verb_ok.then_some(m)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reporter for the *n*th "she"/"he"/"they" given the mentions named.
    fn reporter_of(text: &str, pronoun: &str, names: &[&str]) -> Option<String> {
        let p = text.find(&format!(" {pronoun} "))? + 1;
        let mut mentions: Vec<Span> = names
            .iter()
            .filter_map(|n| text.find(n).map(|a| Span::new(a, a + n.len())))
            .collect();
        mentions.sort_unstable();
        reporter(text, Span::new(p, p + pronoun.len()), &mentions)
            .map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn the_reporter_of_a_clause_names_its_pronoun() {
        let t = "The former secretary of state said she wanted to speak “directly to voters.”";
        assert_eq!(
            reporter_of(t, "she", &["The former secretary of state"]).as_deref(),
            Some("The former secretary of state")
        );
        let t = "Mayor Jo Park said Friday that she would “fight on.”";
        assert_eq!(
            reporter_of(t, "she", &["Mayor Jo Park"]).as_deref(),
            Some("Mayor Jo Park")
        );
        let t = "Ruiz, however, has said they will “not back down.”";
        assert_eq!(reporter_of(t, "they", &["Ruiz"]).as_deref(), Some("Ruiz"));
    }

    #[test]
    fn a_clause_that_is_not_reported_keeps_its_pronoun() {
        // Not a reporting verb.
        let t = "Park met the crew before she called it “a disgrace.”";
        assert_eq!(reporter_of(t, "she", &["Park"]), None);
        // A new sentence, or an object between verb and pronoun.
        let t = "Park spoke. Later she called it “a disgrace.”";
        assert_eq!(reporter_of(t, "she", &["Park"]), None);
        let t = "Park told the Herald she called it “a disgrace.”";
        assert_eq!(reporter_of(t, "she", &["Park"]), None);
        // A tag between commas reports; its pronoun is not reported.
        let t = "He sincerely believes, he said, that it is “a good deal.”";
        assert_eq!(reporter_of(t, "he", &["He"]), None);
    }
}

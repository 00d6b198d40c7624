//! Cue after: “…,” X said / “…,” said X / “…,” X, the union's treasurer, said — and, when the
//! quote ends in a comma and so needs its attribution, any verb: “…,” puffed Diana.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::cue_after(s.b, s.q, s.continues_sentence) {
        Some((cue, m)) => Outcome::of_cue(Attribution::by(
            Rule::CueAfter,
            QuoteKind::Direct,
            Method::CueAfter,
            Some(cue),
            m,
        )),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_description_before_the_verb() {
        let f = first("“Fine,” the minister said.");
        assert_eq!(f.rule, Some(Rule::CueAfter));
        assert_eq!(f.mention.as_deref(), Some("the minister"));
        assert_eq!(f.cue.as_deref(), Some("said"));
    }

    #[test]
    fn an_inverted_verb_before_the_name() {
        let f = first("“We will rebuild the bridge,” said Ana Ruiz.");
        assert_eq!(f.rule, Some(Rule::CueAfter));
        assert_eq!(f.mention.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn an_apposition_between_name_and_verb() {
        let f = first("“The fund is empty,” Jo Park, the union's treasurer, said.");
        assert_eq!(f.mention.as_deref(), Some("Jo Park"));
    }

    #[test]
    fn any_verb_after_a_quote_that_ends_in_a_comma() {
        let f = first("“You did just splendidly,” puffed Diana.");
        assert_eq!(f.rule, Some(Rule::CueAfter));
        assert_eq!(f.mention.as_deref(), Some("Diana"));
        let f = first("“Not at all,” the captain snapped.");
        assert_eq!(f.mention.as_deref(), Some("the captain"));
    }

    #[test]
    fn a_pull_quote_signed_with_a_dash() {
        let f = first("“Cities are for people.” ― Steve Quinlan.");
        assert_eq!(f.mention.as_deref(), Some("Steve Quinlan"));
    }

    #[test]
    fn a_name_and_verb_after_an_exclamation_that_the_quote_resumes() {
        // The sentence splitter ends the sentence at “…!”; the attribution still belongs to it.
        let f = first("“Gracious me!” Daisy exclaimed, “I will do nothing improper.”");
        assert_eq!(f.rule, Some(Rule::CueAfter));
        assert_eq!(f.mention.as_deref(), Some("Daisy"));
        let f = first("“Is that so?” Anne asked gravely.");
        assert_eq!(f.mention.as_deref(), Some("Anne"));
    }

    #[test]
    fn dialogue_tags_of_fiction_are_speech_verbs() {
        for tag in [
            "interrupted",
            "rejoined",
            "grumbled",
            "stammered",
            "drawled",
        ] {
            // After a full stop only a speech verb attributes: any verb would do after a comma.
            let text = format!("“Not now.” The captain {tag}.");
            let f = first(&text);
            assert_eq!(f.rule, Some(Rule::CueAfter), "{tag}");
            assert_eq!(f.mention.as_deref(), Some("The captain"), "{tag}");
        }
    }
}

//! X called the plan “reckless” / X said it was “reckless” — a speech verb before the fragment
//! in its sentence, and its subject.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::cue_before(s.b, s.q, false) {
        Some((cue, Some(m))) => {
            let mut a = Attribution::by(
                Rule::FragmentCueBefore,
                QuoteKind::Partial,
                Method::CueBefore,
                Some(cue),
                Some(m),
            );
            a.words = s.b.relative_subject(cue.start);
            Outcome::Decided(a)
        }
        _ => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_verb_before_the_fragment() {
        let f = first("Pia Lund called the plan “reckless” on Monday.");
        assert_eq!(f.rule, Some(Rule::FragmentCueBefore));
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
        assert_eq!(f.cue.as_deref(), Some("called"));
    }

    #[test]
    fn a_relative_pronoun_names_the_speaker_in_its_clause() {
        let f = first("The bill angered Marco Rubio, who called it “a betrayal” on Sunday.");
        assert_eq!(f.mention.as_deref(), Some("Marco Rubio"));
        assert_eq!(f.words.as_deref(), Some("who"));
    }

    #[test]
    fn the_nearest_pronoun_subject_is_the_speaker() {
        let f =
            first("Will backed Christie, whom he describes as having “a governor's temperament.”");
        assert_eq!(f.mention.as_deref(), Some("he"));
    }
}

//! Cue before: X said: “…” / X told reporters, “…” — the speech verb before the colon or comma
//! that introduces the quote, and its subject.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::cue_before(s.b, s.q, true) {
        // “…,” said X, “…”: the verb between the halves is the first half's cue; the split
        // rule gives this half the same speaker.
        Some((cue, _)) if s.prev.is_some_and(|(_, pa)| pa.cue == Some(cue)) => Outcome::Pass,
        Some((cue, m)) => Outcome::of_cue(Attribution::by(
            Rule::CueBefore,
            QuoteKind::Direct,
            Method::CueBefore,
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
    fn a_verb_and_a_colon() {
        let f = first("Ana Ruiz told reporters: “We will rebuild the bridge.”");
        assert_eq!(f.rule, Some(Rule::CueBefore));
        assert_eq!(f.mention.as_deref(), Some("Ana Ruiz"));
        assert_eq!(f.cue.as_deref(), Some("told"));
    }

    #[test]
    fn a_gerund_after_a_preposition_is_still_the_cue() {
        let f = first("Ana Ruiz said little. She followed that by saying, “I will not resign.”");
        assert_eq!(f.rule, Some(Rule::CueBefore));
        assert_eq!(f.mention.as_deref(), Some("She"));
    }
}

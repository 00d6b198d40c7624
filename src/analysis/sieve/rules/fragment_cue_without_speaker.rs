//! A speech verb with nobody named ("Calls people “losers”"): still speech, speaker unknown.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::cue_before(s.b, s.q, false) {
        Some((cue, None)) => Outcome::Decided(Attribution::by(
            Rule::FragmentCueWithoutSpeaker,
            QuoteKind::Partial,
            Method::CueBefore,
            Some(cue),
            None,
        )),
        _ => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_verb_with_nobody_named() {
        let f = first("The habit of calling people “losers” came later.");
        assert_eq!(f.rule, Some(Rule::FragmentCueWithoutSpeaker));
        assert_eq!(f.kind, QuoteKind::Partial);
        assert_eq!(f.mention, None);
    }
}

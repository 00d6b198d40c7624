//! “reckless,” X said — a quoted fragment followed by its attribution.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::cue_after(s.b, s.q, s.continues_sentence) {
        Some((cue, Some(m))) => Outcome::Decided(Attribution::by(
            Rule::FragmentCueAfter,
            QuoteKind::Partial,
            Method::CueAfter,
            Some(cue),
            Some(m),
        )),
        _ => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_fragment_then_its_speaker() {
        let f = first("The plan is simply “reckless,” Pia Lund said.");
        assert_eq!(f.rule, Some(Rule::FragmentCueAfter));
        assert_eq!(f.kind, QuoteKind::Partial);
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
    }
}

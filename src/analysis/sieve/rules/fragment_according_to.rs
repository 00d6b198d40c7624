//! According to X, the plan is “reckless”.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::according_to(s.b, s.s0, s.s1) {
        Some((cue, m)) => Outcome::Decided(Attribution::by(
            Rule::FragmentAccordingTo,
            QuoteKind::Partial,
            Method::AccordingTo,
            Some(cue),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::Method;
    use crate::analysis::sieve::testing::first;

    #[test]
    fn according_to_covers_a_fragment() {
        let f = first("The toll is, according to Pia Lund, “a tax on the poor.”");
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
        assert_eq!(f.method, Method::AccordingTo);
    }
}

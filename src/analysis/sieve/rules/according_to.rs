//! According to X, “…” — anywhere in the quote's sentence.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::according_to(s.b, s.s0, s.s1) {
        Some((cue, m)) => Outcome::Decided(Attribution::by(
            Rule::AccordingTo,
            QuoteKind::Direct,
            Method::AccordingTo,
            Some(cue),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn according_to_names_the_source() {
        let f = first("According to Ana Ruiz, “the bridge will be rebuilt by May.”");
        assert_eq!(f.rule, Some(Rule::AccordingTo));
        assert_eq!(f.mention.as_deref(), Some("Ana Ruiz"));
    }
}

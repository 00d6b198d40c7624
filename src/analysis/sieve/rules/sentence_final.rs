//! The attribution ends the quote's sentence: “…” to drive up prices, she said. / Leaders
//! grew more “conversant” about it, Ban said. (a fragment: `apply_fragment`)

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, cue: Option<&Attribution>) -> Outcome {
    if cue.is_some() {
        return Outcome::Pass;
    }
    match cues::sentence_final_cue(s.b, s.q) {
        Some((c, m)) => Outcome::Decided(Attribution::by(
            Rule::SentenceFinal,
            QuoteKind::Direct,
            Method::CueAfter,
            Some(c),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

/// Words quoted inside a clause whose speaker is named at its end.
pub(crate) fn apply_fragment(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::sentence_final_cue(s.b, s.q) {
        Some((c, m)) => Outcome::Decided(Attribution::by(
            Rule::FragmentSentenceFinal,
            QuoteKind::Partial,
            Method::CueAfter,
            Some(c),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn the_attribution_closes_the_sentence() {
        let f = first("“Prices will rise” unless the port reopens, the mayor said.");
        assert_eq!(f.rule, Some(Rule::SentenceFinal));
        assert_eq!(f.mention.as_deref(), Some("the mayor"));
    }
}

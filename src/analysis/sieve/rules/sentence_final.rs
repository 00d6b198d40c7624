//! The attribution ends the quote's sentence: “…” to drive up prices, she said. / Leaders
//! grew more “conversant” about it, Ban said. (a fragment: `apply_fragment`)

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

fn attribute(s: &Site, rule: Rule, kind: QuoteKind) -> Outcome {
    match cues::sentence_final_cue(s.b, s.q) {
        Some((c, m)) => Outcome::Decided(Attribution::by(
            rule,
            kind,
            Method::CueAfter,
            Some(c),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

/// A quotation that is a sentence or more.
pub(crate) fn apply(s: &Site, cue: Option<&Attribution>) -> Outcome {
    if cue.is_some() {
        return Outcome::Pass;
    }
    attribute(s, Rule::SentenceFinal, QuoteKind::Direct)
}

/// Words quoted inside a clause whose speaker is named at its end.
pub(crate) fn apply_fragment(s: &Site, _: Option<&Attribution>) -> Outcome {
    attribute(s, Rule::FragmentSentenceFinal, QuoteKind::Partial)
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

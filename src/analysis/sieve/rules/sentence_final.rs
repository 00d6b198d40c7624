//! The attribution ends the quote's sentence: “…” to drive up prices, she said.

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

//! A cue-less quote right after another in the same or the next sentence: probably the same
//! speaker going on (the conversation weighs this against who else is near).

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    let Some((pq, _)) = s.prev else {
        return Outcome::Pass;
    };
    let adjacent = b.sentence_of[q.open] <= b.sentence_of[pq.close] + 1;
    let between = q.open.saturating_sub(pq.close + 1);
    if adjacent || between == 0 {
        let mut a = Attribution::by(
            Rule::Continuation,
            QuoteKind::Direct,
            Method::Continuation,
            None,
            None,
        );
        a.same_as = Some(pq.id);
        a.confidence = Rule::Continuation.confidence(true);
        return Outcome::Decided(a);
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::nth};

    #[test]
    fn a_quote_after_a_quote() {
        let f = nth("Pia Lund said: “We are ready.” “The board agrees.”", 1);
        assert_eq!(f.rule, Some(Rule::Continuation));
    }
}

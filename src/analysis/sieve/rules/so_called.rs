//! so-called “reforms”: a term held at arm's length, nobody speaking (and an empty fragment).

use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let so_called = super::word_before(s).is_some_and(|p| s.b.lower(p) == "so-called");
    if so_called || s.content().trim().is_empty() {
        return Outcome::Decided(Attribution::unattributed(QuoteKind::Term, Rule::SoCalled));
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn so_called_makes_a_term() {
        let f = first("The council passed its so-called “reforms” on Monday.");
        assert_eq!(f.rule, Some(Rule::SoCalled));
        assert_eq!(f.kind, QuoteKind::Term);
    }
}

//! A nickname inside a name: Rep. Robert C. “Bobby” Scott.

use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};
use crate::analysis::tokens::Kind;

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    let next_cap = b
        .tokens
        .get(q.close + 1)
        .is_some_and(|t| t.cap && t.kind == Kind::Word && b.narrative(q.close + 1));
    let prev_cap = q.open > 0 && (b.tokens[q.open - 1].cap || b.is_punct(q.open - 1, "."));
    if s.words == 1 && super::title_shaped(s) && prev_cap && next_cap {
        return Outcome::Decided(Attribution::unattributed(QuoteKind::Term, Rule::Nickname));
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_nickname_between_names() {
        let f = first("The bill was written by Rep. Robert C. “Bobby” Scott last year.");
        assert_eq!(f.rule, Some(Rule::Nickname));
        assert_eq!(f.kind, QuoteKind::Term);
    }
}

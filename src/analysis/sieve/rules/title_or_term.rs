//! Nothing attributes the fragment: a title when it is in Title Case, else a term.

use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let kind = if super::title_shaped(s) {
        QuoteKind::Title
    } else {
        QuoteKind::Term
    };
    Outcome::Decided(Attribution::unattributed(kind, Rule::TitleOrTerm))
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn an_unattributed_word_is_a_term() {
        let f = first("The river was “lively” that spring.");
        assert_eq!(f.rule, Some(Rule::TitleOrTerm));
        assert_eq!(f.kind, QuoteKind::Term);
    }
}

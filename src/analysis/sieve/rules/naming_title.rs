//! Named or labelled rather than said: the nickname “Lyin' Ted”, a show called “Shark Tank”.

use crate::analysis::lexicon::NAMING;
use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let naming = super::word_before(s).is_some_and(|p| s.b.tokens[p].is(NAMING));
    if naming && super::title_shaped(s) {
        return Outcome::Decided(Attribution::unattributed(
            QuoteKind::Title,
            Rule::NamingTitle,
        ));
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_show_called_something() {
        let f = first("He invested in a show titled “Shark Tank” years ago.");
        assert_eq!(f.rule, Some(Rule::NamingTitle));
        assert_eq!(f.kind, QuoteKind::Title);
    }
}

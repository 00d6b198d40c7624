//! A short Title-Case paragraph in quotes is a heading or a title, not speech: 'All Bets Are
//! Off.'

use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    if s.words <= 8
        && cues::is_title_case(s.content())
        && q.open == 0
        && b.tokens.len() <= q.close + 2
    {
        return Outcome::Decided(Attribution::unattributed(
            QuoteKind::Title,
            Rule::HeadingTitle,
        ));
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_title_case_paragraph_in_quotes_is_a_title() {
        let f = first("“All Bets Are Off.”");
        assert_eq!(f.rule, Some(Rule::HeadingTitle));
        assert_eq!(f.kind, QuoteKind::Title);
    }
}

//! A short Title-Case paragraph in quotes is a heading or a title, not speech: 'All Bets Are
//! Off.'

use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    // A line of dialogue is not a heading however it is capitalised: a question, an
    // exclamation, a single word ("Practically."), a line broken off ("Music--").
    let content = s.content().trim_end();
    let spoken = content.ends_with(['?', '!'])
        || s.words == 1
        || content.contains("--")
        || content.contains('—');
    if !spoken
        && s.words <= 8
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

    #[test]
    fn a_short_line_of_dialogue_is_speech() {
        for line in [
            "“Well?”",
            "“Practically.”",
            "“Mr. Emerson!”",
            "“Oh--last Sunday.”",
        ] {
            let f = first(line);
            assert_ne!(f.rule, Some(Rule::HeadingTitle), "{line}");
            assert_eq!(f.kind, QuoteKind::Direct, "{line}");
        }
    }
}

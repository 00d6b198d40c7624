//! The second half of a quote cut by its attribution, “…,” she said, “…”, shares the first
//! half's speaker — when it has no attribution of its own.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, cue: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    let Some((pq, pa)) = s.prev else {
        return Outcome::Pass;
    };
    let adjacent = b.sentence_of[q.open] <= b.sentence_of[pq.close] + 1;
    let between = q.open.saturating_sub(pq.close + 1);
    let only_attribution = between <= 40 && (pq.close + 1..q.open).all(|i| b.narrative(i));
    if cue.is_none() && pa.method == Method::CueAfter && adjacent && only_attribution {
        let mut a = Attribution::by(
            Rule::Split,
            QuoteKind::Direct,
            Method::Split,
            pa.cue,
            pa.mention,
        );
        a.same_as = Some(pq.id);
        return Outcome::Decided(a);
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::nth};

    #[test]
    fn the_second_half_goes_with_the_first() {
        let text = "“I never said that,” Pia Lund said. “Not once.”";
        let f = nth(text, 1);
        assert_eq!(f.rule, Some(Rule::Split));
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
    }

    #[test]
    fn the_cue_between_the_halves_belongs_to_both() {
        let text = "“We will stay under $30 million,” said Ana Ruiz, “and not a cent more.”";
        let f = nth(text, 1);
        assert_eq!(f.rule, Some(Rule::Split));
        assert_eq!(f.mention.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_second_half_with_its_own_cue_keeps_it() {
        let text = "“We are not there yet,” Ryan said. “You cannot begin” until the border is safe, he said.";
        let f = nth(text, 1);
        assert_eq!(f.rule, Some(Rule::SentenceFinal));
        assert_eq!(f.mention.as_deref(), Some("he"));
    }
}

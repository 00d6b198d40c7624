//! No speech verb, but the words are still someone's when the sentence's subject is a person or
//! an organisation acting on them ("Reid has gone after Trump as a “con artist”").

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Scan, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let b = s.b;
    match b
        .first_in_sentence(Scan::ActingSubject, s.s0, s.s1)
        .filter(|&i| i < s.q.open)
        .and_then(|i| b.mention_starting(i))
    {
        Some(m) => Outcome::Decided(Attribution::by(
            Rule::ActingSubject,
            QuoteKind::Partial,
            Method::ParagraphSubject,
            None,
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn the_subject_acts_on_the_words() {
        let f = first("Harry Reid has gone after the mayor as a “con artist” for years.");
        assert_eq!(f.rule, Some(Rule::ActingSubject));
        assert_eq!(f.mention.as_deref(), Some("Harry Reid"));
    }
}

//! X said that the plan was “reckless” — a fragment inside reported speech is that speaker's.

use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let start = s.b.tokens[s.q.open].start;
    match s
        .reported
        .iter()
        .find(|r| r.span.start <= start && start < r.span.end && r.mention.is_some())
    {
        Some(r) => {
            let mut a = Attribution::by(
                Rule::InsideReported,
                QuoteKind::Partial,
                r.method,
                Some(r.cue),
                r.mention,
            );
            a.words = s.b.relative_subject(r.cue.start);
            Outcome::Decided(a)
        }
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::Method;
    use crate::analysis::sieve::testing::first;

    #[test]
    fn a_fragment_in_reported_speech() {
        let f = first("Pia Lund said that the new toll was “a tax on the poor” and had to go.");
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
        assert!(matches!(f.method, Method::Reported | Method::CueBefore));
    }
}

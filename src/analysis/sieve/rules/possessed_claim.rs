//! Words quoted in the that-clause of a possessed speech noun: "Politifact checked Trump's claim
//! that there have been “thousands of shootings”", "she came under fire over her assertion
//! during the debate that “we are where we need to be”" — the possessor made the claim.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::possessed_claim(s.b, s.q) {
        Some((c, m)) => Outcome::Decided(Attribution::by(
            Rule::PossessedClaim,
            QuoteKind::Partial,
            Method::CueBefore,
            Some(c),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn the_possessor_of_the_claim_said_the_words() {
        let f = first(
            "The fact-checkers looked at Mara Holt’s claim that there were “thousands of ferries” last year.",
        );
        assert_eq!(f.rule, Some(Rule::PossessedClaim));
        assert_eq!(f.mention.as_deref(), Some("Mara Holt’s"));
    }

    #[test]
    fn a_possessive_pronoun_is_the_subject_it_agrees_with() {
        let f = first(
            "Ana Ruiz came under fire over her assertion during the debate that “the port is safe” now.",
        );
        assert_eq!(f.mention.as_deref(), Some("Ana Ruiz"));
        // A cue inside the clause is that clause's own.
        let f = first("Ana Ruiz mocked the claim that Tom Reyes called the port “safe” now.");
        assert_ne!(f.rule, Some(Rule::PossessedClaim));
    }
}

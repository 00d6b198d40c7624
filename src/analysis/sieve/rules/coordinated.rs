//! A fragment coordinated with an attributed one in the same sentence goes with it: called him
//! a “nasty guy,” an “anchor baby” and “sick”.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Rule, Site};

/// Not in the fragment table: it applies only when the table found no speaker.
pub(crate) fn apply(s: &Site) -> Option<Attribution> {
    let (b, q) = (s.b, s.q);
    let (pq, pa) = s.prev.filter(|(pq, pa)| {
        b.sentence_of[pq.close] == b.sentence_of[q.open]
            && pa.mention.is_some()
            && pa.kind == QuoteKind::Partial
    })?;
    let mut a = Attribution::by(
        Rule::Coordinated,
        QuoteKind::Partial,
        Method::Continuation,
        pa.cue,
        pa.mention,
    );
    a.same_as = Some(pq.id);
    Some(a)
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::nth};

    #[test]
    fn a_list_of_fragments_shares_the_speaker() {
        let f = nth(
            "Pia Lund called the plan “costly,” “late” and “unfair” on Monday.",
            2,
        );
        // The sentence's subject or the coordination gives every fragment the same speaker.
        assert!(matches!(
            f.rule,
            Some(Rule::Coordinated | Rule::ActingSubject)
        ));
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
    }
}

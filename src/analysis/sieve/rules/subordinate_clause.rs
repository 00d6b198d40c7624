//! "When someone in the audience shouted, “Cruz,” Beck joked …" / "After Scalia said that such
//! students might do better at “less advanced schools,” Trump said: …" — a quote inside a clause
//! put before the main one (it opens with *when*, *after*, *although* …) is said by that clause's
//! own speaker, though the main clause's speech verb comes right after it.

use crate::analysis::lexicon::SUBORDINATOR;
use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    find(s, QuoteKind::Direct)
}

pub(crate) fn apply_fragment(s: &Site, _: Option<&Attribution>) -> Outcome {
    find(s, QuoteKind::Partial)
}

fn find(s: &Site, kind: QuoteKind) -> Outcome {
    let (b, q) = (s.b, s.q);
    // The sentence opens with the subordinate clause, and the main clause follows the quote.
    if !(b.narrative(s.s0) && b.tokens[s.s0].is(SUBORDINATOR) && s.continues_sentence) {
        return Outcome::Pass;
    }
    let Some((cue, Some(m))) = cues::cue_before(b, q, kind == QuoteKind::Direct) else {
        return Outcome::Pass;
    };
    let Some(verb) = b.token_starting_at(cue.start) else {
        return Outcome::Pass;
    };
    let comma = |i: usize| b.narrative(i) && b.is_punct(i, ",");
    // The verb and its subject are inside the clause (it has not closed before them), and the
    // quote is what the verb introduces or its complement: "shouted, “…”", "said that … “…”",
    // not "asked Trump about it, “…,” he said", where the clause closed before the quote.
    let inside = b.mentions[m].toks.0 > s.s0 && !(s.s0..verb).any(comma);
    let introduced = (verb + 1..q.open)
        .filter(|&i| comma(i))
        .all(|i| i == verb + 1);
    if !inside || !introduced {
        return Outcome::Pass;
    }
    let rule = if kind == QuoteKind::Direct {
        Rule::SubordinateClause
    } else {
        Rule::FragmentSubordinateClause
    };
    Outcome::Decided(Attribution::by(
        rule,
        kind,
        Method::CueBefore,
        Some(cue),
        Some(m),
    ))
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::testing::first;

    #[test]
    fn the_clause_before_the_main_one_says_its_own_quote() {
        let f = first("When Tom Berg shouted, “Cruz,” Ana Ruiz laughed and went on.");
        assert_eq!(f.mention.as_deref(), Some("Tom Berg"));
        let f = first(
            "After Pia Lund said that the plan was “a tax on the poor,” Omar Haddad said it was not.",
        );
        assert_eq!(f.mention.as_deref(), Some("Pia Lund"));
    }

    #[test]
    fn a_clause_closed_before_the_quote_leaves_it_to_the_main_verb() {
        let f = first("When Pia Lund asked about the plan, “It is fair,” Omar Haddad said.");
        assert_eq!(f.mention.as_deref(), Some("Omar Haddad"));
    }
}

//! The name of a show, book or event after a possessive, an article or a year: CBS's “Face the
//! Nation”, a “Commander-in-Chief Forum”, his 1994 “Contract with America”. After a preposition
//! it is a title unless the sentence reports speech ("proclaimed a goal of “Peace Through
//! Strength”").

use crate::analysis::lexicon::{DETERMINER, TITLE_PREP};
use crate::analysis::model::QuoteKind;
use crate::analysis::sieve::{Attribution, Outcome, Rule, Scan, Site};
use crate::analysis::tokens::Kind;

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    if !super::title_shaped(s) {
        return Outcome::Pass;
    }
    let prev_word = super::word_before(s);
    let possessive_or_article =
        prev_word.is_some_and(|p| {
            let w = b.word(p);
            w.ends_with("'s")
                || w.ends_with("’s")
                || b.tokens[p].is(DETERMINER)
                || b.tokens[p].kind == Kind::Number
        }) || prev_word.is_none() && q.open > 0 && b.word(q.open - 1).ends_with(['\'', '’']);
    // The sentence's first speech verb, found once per sentence (not once per quote in it).
    let speech_in_sentence = b
        .first_in_sentence(Scan::CueVerb, s.s0, s.s1)
        .is_some_and(|v| v < q.open);
    let after_preposition = prev_word.is_some_and(|p| b.tokens[p].is(TITLE_PREP));
    if possessive_or_article || after_preposition && !speech_in_sentence {
        return Outcome::Decided(Attribution::unattributed(
            QuoteKind::Title,
            Rule::TitleAfterDeterminer,
        ));
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_show_after_a_possessive() {
        let f = first("She spoke on CBS's “Face the Nation” on Sunday.");
        assert_eq!(f.rule, Some(Rule::TitleAfterDeterminer));
        assert_eq!(f.kind, QuoteKind::Title);
    }
}

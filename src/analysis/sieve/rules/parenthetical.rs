//! A tag set off by commas earlier in the quote's sentence: "Loyalty, he noted, has long been
//! the party's “creed”" / "An ambassador's job, she said, is to “counter lies”".

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

fn attribute(s: &Site, kind: QuoteKind) -> Outcome {
    match cues::parenthetical_cue(s.b, s.q) {
        Some((c, m)) => Outcome::Decided(Attribution::by(
            Rule::Parenthetical,
            kind,
            Method::CueBefore,
            Some(c),
            Some(m),
        )),
        None => Outcome::Pass,
    }
}

/// A quotation that is a sentence or more.
pub(crate) fn apply(s: &Site, cue: Option<&Attribution>) -> Outcome {
    if cue.is_some() {
        return Outcome::Pass;
    }
    attribute(s, QuoteKind::Direct)
}

/// Words quoted inside the sentence.
pub(crate) fn apply_fragment(s: &Site, _: Option<&Attribution>) -> Outcome {
    attribute(s, QuoteKind::Partial)
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn the_tag_between_commas_names_the_speaker() {
        let f = first(
            "Loyalty, Mara Holt noted, has long been the core of what keeps the party’s “old \
             guard” in the campaign.",
        );
        assert_eq!(f.rule, Some(Rule::Parenthetical));
        assert_eq!(f.mention.as_deref(), Some("Mara Holt"));
    }
}

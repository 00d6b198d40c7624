//! Putin: “…” — a name (with its titles) and a colon, and nothing else before the quote; not an
//! object ("admonishing the client: “…”").

use crate::analysis::mentions::MentionKind;
use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    if q.open >= 2
        && b.is_punct(q.open - 1, ":")
        && let Some(m) = b.mention_ending(q.open - 1)
        && b.mentions[m].kind != MentionKind::Pronoun
        && b.mentions[m].toks.0 <= s.s0 + 1
    {
        return Outcome::Decided(Attribution::by(
            Rule::Colon,
            QuoteKind::Direct,
            Method::Colon,
            None,
            Some(m),
        ));
    }
    Outcome::Pass
}

#[cfg(test)]
mod tests {
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_name_and_a_colon() {
        let f = first("Vladimir Putin: “We talk about it all the time.”");
        assert_eq!(f.rule, Some(Rule::Colon));
        assert_eq!(f.mention.as_deref(), Some("Vladimir Putin"));
    }
}

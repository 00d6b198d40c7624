//! A transcript line: "PENCE: Well, look, …" — the label inside the quote names the speaker.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    let (b, q) = (s.b, s.q);
    match b
        .mention_starting(q.open + 1)
        .filter(|&m| b.tokens[q.open + 1].in_quote() && b.is_punct(b.mentions[m].toks.1, ":"))
    {
        Some(m) => Outcome::Decided(Attribution::by(
            Rule::TranscriptLabel,
            QuoteKind::Direct,
            Method::Colon,
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
    fn a_label_in_capitals_names_the_speaker() {
        let f = first("\"PENCE: Well, look, we will see what happens.\"");
        assert_eq!(f.rule, Some(Rule::TranscriptLabel));
        assert_eq!(f.mention.as_deref(), Some("PENCE"));
    }
}

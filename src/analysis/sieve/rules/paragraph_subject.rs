//! No cue at all: the person who is the subject of this sentence (before the quote) or of the
//! previous one — or the speaker of the previous sentence's reported speech.

use crate::analysis::model::{Method, QuoteKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    match cues::sentence_subject(s.b, s.q, s.s0, s.reported) {
        Some(m) => Outcome::Decided(Attribution::by(
            Rule::ParagraphSubject,
            QuoteKind::Direct,
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
    fn the_subject_of_the_sentence_before() {
        let f = first("Tom Berg put down his cup. “That isn't what I meant.”");
        assert_eq!(f.rule, Some(Rule::ParagraphSubject));
        assert_eq!(f.mention.as_deref(), Some("Tom Berg"));
    }
}

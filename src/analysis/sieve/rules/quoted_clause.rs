//! Nothing attributes the fragment, but it is too long for a term: six words or more quoted
//! inside a sentence ("only when “the truth is sexier than the lie”", "thanked Obama for “taking
//! these steps to make us all safer”") are someone's words — a partial quote, whose speaker is
//! the subject of the sentence when it has one. A scare quote or a term is a word or a short
//! phrase; a title in Title Case is left to the rule after.

use crate::analysis::mentions::MentionKind;
use crate::analysis::model::{Method, QuoteKind, SpeakerKind};
use crate::analysis::sieve::{Attribution, Outcome, Rule, Site, cues};

/// The fewest words that make a quoted fragment speech rather than a term.
const MIN_WORDS: usize = 6;

pub(crate) fn apply(s: &Site, _: Option<&Attribution>) -> Outcome {
    if s.words < MIN_WORDS || super::title_shaped(s) {
        return Outcome::Pass;
    }
    // "It was a version of her stump speech …": without a verb of its own to say so, an "it"
    // is the sentence's expletive or a thing, not the speaker.
    let speaker = cues::sentence_subject(s.b, s.q, s.s0, s.reported).filter(|&m| {
        let m = &s.b.mentions[m];
        !(m.kind == MentionKind::Pronoun && m.entity_kind != SpeakerKind::Person)
    });
    let method = if speaker.is_some() {
        Method::ParagraphSubject
    } else {
        Method::None
    };
    Outcome::Decided(Attribution::by(
        Rule::QuotedClause,
        QuoteKind::Partial,
        method,
        None,
        speaker,
    ))
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::QuoteKind;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_quoted_clause_is_speech_not_a_term() {
        let f = first(
            "Ruth Adeyemi argued that good information wins only when “the truth is sexier \
             than the lie” in the end.",
        );
        assert_eq!(f.kind, QuoteKind::Partial);
        let f = first("The river was “lively” that spring.");
        assert_eq!(f.kind, QuoteKind::Term);
    }

    #[test]
    fn its_speaker_is_the_subject_of_the_sentence_or_the_one_before() {
        let f = first(
            "Ruth Adeyemi ran the news desk for a decade. Good information wins only when “the \
             truth is sexier than the lie” in the end.",
        );
        assert_eq!(f.rule, Some(Rule::QuotedClause));
        assert_eq!(f.mention.as_deref(), Some("Ruth Adeyemi"));
    }
}

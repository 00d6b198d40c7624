//! “…,” Sanders said, according to CNN: "according to" scopes the whole claim — CNN vouches
//! that Sanders said it, so CNN is the source the text gives for the words, as it is in
//! "According to CNN, Sanders said “…”". The one whose words they are stays on the quote as
//! its original speaker.

use super::block::{Block, QuoteToks, Scan, tok_span};
use super::{Attribution, Rule, cues};
use crate::analysis::mentions::MentionKind;
use crate::analysis::model::{Method, Span};

/// The rules whose cue is a speech verb with its subject in the quote's own sentence.
fn verb_with_subject(rule: Option<Rule>) -> bool {
    matches!(
        rule,
        Some(
            Rule::CueAfter
                | Rule::CueBefore
                | Rule::SentenceFinal
                | Rule::FragmentCueAfter
                | Rule::FragmentCueBefore
                | Rule::FragmentSentenceFinal
        )
    )
}

/// Gives the quote to the source named by an "according to" that closes or opens the clause of
/// its speech verb, keeping the verb's subject as the original speaker.
pub(crate) fn relay(b: &Block, q: &QuoteToks, att: &mut Attribution) {
    if !verb_with_subject(att.rule) {
        return;
    }
    let (Some(cue), Some(speaker)) = (att.cue, att.mention) else {
        return;
    };
    let Some(verb) = b.token_starting_at(cue.start) else {
        return;
    };
    let Some((cue, source)) = closing(b, q, verb, speaker).or_else(|| opening(b, verb, speaker))
    else {
        return;
    };
    // "according to him" names no one new.
    if b.mentions[source].kind == MentionKind::Pronoun {
        return;
    }
    att.original = Some(speaker);
    att.mention = Some(source);
    att.cue = Some(cue);
    att.method = Method::AccordingTo;
    att.words = None;
}

/// "“…,” X said, according to Y": after the verb, its subject and the quote, the adjunct that
/// closes the whole report.
fn closing(b: &Block, q: &QuoteToks, verb: usize, speaker: usize) -> Option<(Span, usize)> {
    let (s0, s1) = b.sentence_range(verb);
    let from = verb.max(b.mentions[speaker].toks.1).max(q.close) + 1;
    let i = b.next_in_sentence_from(Scan::AccordingTo, s0, s1, from)?;
    Some((tok_span(b, i, i + 2), b.mention_after(i + 2)?))
}

/// "According to Y, X said …": the adjunct opening the clause, before the subject.
fn opening(b: &Block, verb: usize, speaker: usize) -> Option<(Span, usize)> {
    let (s0, _) = b.sentence_range(verb);
    cues::according_to(b, s0, verb)
        .filter(|&(_, source)| b.mentions[source].toks.1 <= b.mentions[speaker].toks.0)
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::Method;
    use crate::analysis::sieve::testing::first;

    #[test]
    fn according_to_after_the_tag_names_the_source() {
        let f = first("“We will not protest,” Sanders said, according to CNN.");
        assert_eq!(f.mention.as_deref(), Some("CNN"));
        assert_eq!(f.method, Method::AccordingTo);
        assert_eq!(f.original.as_deref(), Some("Sanders"));
    }

    #[test]
    fn according_to_after_a_quote_the_verb_introduces() {
        let f = first("Carter said the talks were “productive,” according to the ministry.");
        assert_eq!(f.mention.as_deref(), Some("the ministry"));
        assert_eq!(f.original.as_deref(), Some("Carter"));
    }

    #[test]
    fn according_to_before_the_subject_names_the_source() {
        let f = first("According to Yahoo News, Lehrich said Friday that she would “sign it.”");
        assert_eq!(f.mention.as_deref(), Some("Yahoo News"));
        assert_eq!(f.original.as_deref(), Some("Lehrich"));
    }

    #[test]
    fn according_to_inside_the_quote_changes_nothing() {
        let f = first("“According to the data, we won,” Sanders said.");
        assert_eq!(f.mention.as_deref(), Some("Sanders"));
        assert_eq!(f.original, None);
    }

    #[test]
    fn according_to_a_pronoun_changes_nothing() {
        let f = first("“We won,” the aide said, according to him.");
        assert_eq!(f.mention.as_deref(), Some("the aide"));
    }
}

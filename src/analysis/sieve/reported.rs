//! Reported speech in the narrative: "X said that …", "X pointed out that …", "according to X,
//! …", "…, the minister said." — clauses of someone's speech without quotation marks.

use super::Rule;
use super::block::{Block, tok_span};
use crate::analysis::lexicon::*;
use crate::analysis::model::{Method, Span};
use crate::analysis::tokens::Kind;

/// Reported speech found in the narrative.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reported {
    pub span: Span,
    pub cue: Span,
    pub mention: Option<usize>,
    pub method: Method,
    pub confidence: f32,
}

/// "CLAUSE, X said." / "CLAUSE, X said on Monday." — reported speech whose attribution ends the
/// sentence. The clause must be narrative (a quotation there makes it a direct quote instead).
pub(crate) fn sentence_final_report(
    b: &Block,
    verb: usize,
    subject: usize,
    s0: usize,
    s1: usize,
) -> Option<Reported> {
    let m = &b.mentions[subject];
    let comma = m.toks.0.checked_sub(1)?;
    if comma <= s0 || !b.is_punct(comma, ",") || !b.tokens[verb].is(REPORTS_BARE) {
        return None;
    }
    // Only adjuncts may follow the verb ("on Monday", "in a statement"); "said that …" has its
    // content after it ("The union's chief, Tom Okafor, said that …": the words before the
    // name are its subject, not what was said).
    let rest = words_upto(b, verb + 1..s1, 6);
    if rest > 5 || b.is_w(verb + 1, "that") || (verb + 1..s1).any(|j| !b.narrative(j)) {
        return None;
    }
    if (s0..comma).any(|j| !b.narrative(j)) {
        return None;
    }
    let words = words_upto(b, s0..comma, 3);
    if words < 3 {
        return None;
    }
    // What was said is a clause, with a verb ("After a pause, Wentworth said--" reports
    // nothing), and the sentence ends there rather than introducing a quotation.
    let has_verb = (s0..comma).any(|j| {
        let t = &b.tokens[j];
        t.is(AUX) || crate::analysis::mentions::looks_like_verb(t, b.text)
    });
    let introduces = s1
        .checked_sub(1)
        .is_some_and(|l| [":", "—", "--", "-"].iter().any(|p| b.is_punct(l, p)));
    if !has_verb || introduces {
        return None;
    }
    Some(Reported {
        span: tok_span(b, s0, comma),
        cue: tok_span(b, verb, verb + 1),
        mention: Some(subject),
        method: Method::Reported,
        confidence: Rule::ReportedSentenceFinal.confidence(true),
    })
}

/// Reported speech in the narrative: "X said that …", "X pointed out that …", "according to X,
/// …", "X mentioned …".
pub(crate) fn reported(b: &Block, out: &mut Vec<Reported>) {
    out.clear();
    for &(s0, s1) in b.sentences {
        let mut i = s0;
        while i < s1 {
            if let Some(r) = reported_at(b, i, s0, s1) {
                let next = r.1;
                out.push(r.0);
                i = next;
            } else {
                i += 1;
            }
        }
    }
}

pub(crate) fn sentence_content_end(b: &Block, s1: usize, from: usize) -> usize {
    // The clause runs to the sentence end, or to the start of a direct quote introduced by a colon.
    let e = b.without_stops(s1).max(from);
    match b.colon_quote_from(from + 1) {
        Some(k) if k < e => k - 1,
        _ => e,
    }
}

/// The number of words in `range`, counting no further than `limit`: callers only ask "fewer
/// than N?", and a full count over a long sentence for every candidate verb was quadratic.
pub(crate) fn words_upto(b: &Block, range: std::ops::Range<usize>, limit: usize) -> usize {
    let mut n = 0;
    for j in range {
        if b.tokens[j].kind == Kind::Word {
            n += 1;
            if n >= limit {
                break;
            }
        }
    }
    n
}

pub(crate) fn reported_at(b: &Block, i: usize, s0: usize, s1: usize) -> Option<(Reported, usize)> {
    if !b.narrative(i) || b.tokens[i].kind != Kind::Word {
        return None;
    }
    // Most tokens are neither a speech verb nor "according": decide that without allocating.
    if !b.tokens[i].is(SPEECH_VERB | REPORT_VERB) && !b.is_w(i, "according") {
        return None;
    }
    let w = b.lower(i);
    // According to X, …
    if w == "according" && b.word(i + 1) == "to" {
        let m = b.mention_starting(i + 2)?;
        let m_end = b.mentions[m].toks.1;
        let cue = tok_span(b, i, i + 2);
        let (a, e) = if i == s0 {
            // According to X, CLAUSE.
            let mut a = m_end;
            if b.is_punct(a, ",") {
                a += 1;
            }
            (a, sentence_content_end(b, s1, a))
        } else if i > s0 && b.is_punct(i - 1, ",") && b.is_punct(m_end, ",") {
            // This, according to X, is … / …, which, according to X, will …
            let mut a = i - 1;
            while a > s0 && !b.is_punct(a - 1, ",") && b.narrative(a - 1) {
                a -= 1;
            }
            (a, sentence_content_end(b, s1, m_end))
        } else {
            // CLAUSE, according to X.
            let e = if i > s0 && b.is_punct(i - 1, ",") {
                i - 1
            } else {
                i
            };
            (s0, e)
        };
        if e <= a {
            return None;
        }
        let r = Reported {
            span: tok_span(b, a, e),
            cue,
            mention: Some(m),
            method: Method::AccordingTo,
            confidence: Rule::ReportedAccordingTo.confidence(true),
        };
        return Some((r, m_end.max(e)));
    }
    if !b.is_report_verb(i) || b.tokens[i].cap && i != s0 {
        return None;
    }
    // Present participles and infinitives are not the main verb: "wants to say", "saying".
    if i > s0 && b.is_w(i - 1, "to") {
        return None;
    }
    let subject = b.subject_of(i)?;
    // "The economy is growing, the minister said." — the attribution closes the sentence and the
    // reported clause stands before it.
    if let Some(r) = sentence_final_report(b, i, subject, s0, s1) {
        return Some((r, s1));
    }
    let mut k = i + 1;
    if w == "pointed" {
        if b.word(k) != "out" {
            return None;
        }
        k += 1;
    }
    // told reporters / said in a statement / said on Friday: skip an object or adjunct.
    let that_at = (k..(k + 8).min(s1)).find(|&j| b.narrative(j) && b.is_w(j, "that"));
    let strong = b.tokens[i].is(REPORTS_BARE);
    let start = if let Some(t) = that_at {
        // Only an object or adjunct may stand between the verb and "that".
        if (k..t).any(|j| !b.narrative(j) || b.is_report_verb(j) || b.is_punct(j, ",")) {
            return None;
        }
        t + 1
    } else if strong && matches!(w.as_ref(), "told" | "tells" | "tell" | "telling") {
        // "told Fox News the plan was dead": the first noun phrase is the listener, and only a
        // clause after it is what was said ("told Fox News in Milwaukee." says nothing).
        match b.mention_starting(k) {
            Some(listener) => b.mentions[listener].toks.1,
            None if matches!(
                b.lower(k).as_ref(),
                "him" | "her" | "them" | "me" | "us" | "you"
            ) =>
            {
                k + 1
            }
            None => k,
        }
    } else if strong {
        k
    } else {
        return None;
    };
    if start >= s1 || !b.narrative(start) {
        return None; // a direct quote follows: cue-before, not reported speech
    }
    if b.is_punct(start, ":") || b.is_punct(start, ".") || b.is_punct(start, ",") {
        return None;
    }
    let end = sentence_content_end(b, s1, start);
    // "X told reporters after the vote: “…”" — a colon hands over to a direct quote; what stands
    // between the verb and the colon is its object, not reported content.
    if that_at.is_none() && (b.is_punct(end, ":") || s1 > 0 && b.is_punct(s1 - 1, ":")) {
        return None;
    }
    // "explained in an interview with …", "said on Twitter", "told reporters after the vote": an
    // adjunct, not what was said.
    if that_at.is_none()
        && b.tokens[start].is(PREP | ADJUNCT_PREP)
        && !(start..end)
            .any(|j| !b.tokens[j].cap && b.tokens[j].is(REPORT_VERB | AUX | COMMON_VERB))
    {
        return None;
    }
    // The clause must say something: at least three words outside quotes.
    let words = words_upto(b, start..end, 5);
    if end <= start || words < 3 {
        return None;
    }
    // "said in a statement." has no content; "said nothing for a while" reports no speech.
    if b.tokens[start].is(MEDIA) || b.is_w(start, "in") && words < 5 {
        return None;
    }
    if that_at.is_none() && b.tokens[start].is(NO_SPEECH_OBJECT) {
        return None;
    }
    let end_tok = if w == "pointed" { i + 2 } else { i + 1 };
    let r = Reported {
        span: tok_span(b, start, end),
        cue: tok_span(b, i, end_tok),
        mention: Some(subject),
        method: Method::Reported,
        confidence: if that_at.is_some() {
            Rule::ReportedThat
        } else {
            Rule::ReportedBare
        }
        .confidence(true),
    };
    Some((r, end))
}

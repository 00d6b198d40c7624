//! The patterns attributions are made of: a speech verb after a quote or before it, its
//! subject, "according to X", the subject of a sentence. The rules combine them.

use super::block::{Block, NO, QuoteToks, Scan, tok_span};
use super::reported::Reported;
use crate::analysis::lexicon::*;
use crate::analysis::mentions::{Gender, Mention, MentionKind};
use crate::analysis::model::{Span, SpeakerKind};
use crate::analysis::tokens::Kind;

/// Every word of two or more letters starts with a capital, ignoring short function words.
pub(crate) fn is_title_case(s: &str) -> bool {
    let mut any = false;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() || first.is_ascii_digit() {
            any = true;
        } else if !lookup(w).is(TITLE_MINOR) {
            // (Looked up as written: only the lower-case spelling is a minor word.)
            return false;
        }
    }
    any
}

/// “…,” X said. / “…,” said X. / “…” — X said.
pub(crate) fn cue_after(
    b: &Block,
    q: &QuoteToks,
    continues_sentence: bool,
) -> Option<(Span, Option<usize>)> {
    let mut j = q.close + 1;
    let n = b.tokens.len();
    let mut dash: Option<usize> = None;
    while j < n
        && b.narrative(j)
        && b.tokens[j].kind == Kind::Punct
        && matches!(b.word(j), "," | "—" | "–" | "-" | "―")
    {
        if b.word(j) != "," {
            dash = Some(j);
        }
        j += 1;
    }
    if j >= n || !b.narrative(j) {
        return None;
    }
    // A pull quote signed with a dash: “…” ― Steve Quinlan.
    if let Some(d) = dash
        && let Some(m) = b
            .mention_starting(j)
            .filter(|&m| b.mentions[m].kind == MentionKind::Name)
    {
        let after = b.mentions[m].toks.1;
        let ends = b
            .tokens
            .get(after)
            .is_none_or(|t| t.kind == Kind::Punct && matches!(t.text(b.text), "." | "," | ";"))
            && b.tokens
                .get(after + 1)
                .is_none_or(|t| !t.in_quote() || t.quote != b.tokens[q.open].quote);
        if ends {
            return Some((tok_span(b, d, d + 1), Some(m)));
        }
    }
    let new_sentence = b.sentence_of[j] != b.sentence_of[q.close];
    // A quote that ends in a comma, or in "!" or "?" with the sentence going on, is followed by
    // its attribution, whatever the verb: “…,” puffed Diana. / “…!” the captain snapped.
    let content = q.content.text(b.text).trim_end();
    let demands =
        content.ends_with(',') || !new_sentence && content.ends_with(['!', '?', '—', '-', '–']);
    // “…,” was Mrs Smith's answer.
    if !new_sentence
        && matches!(b.lower(j).as_ref(), "was" | "were" | "came")
        && let Some(m) = b.mention_after(j + 1)
        && let Some(noun) = possessive_speech_noun(b, m)
    {
        return Some((tok_span(b, noun, noun + 1), Some(m)));
    }
    let asks = content.ends_with(['?', '!']);
    let found = cue_after_verb(b, j, new_sentence, continues_sentence, asks);
    if found.as_ref().is_none_or(|(_, m)| m.is_none())
        && demands
        && !new_sentence
        && let Some(loose) = loose_cue_after(b, j)
    {
        return Some(loose);
    }
    found
}

/// The attribution right after a quote that needs one, with any finite verb: “…,” VERBED X /
/// “…,” X VERBED.
pub(crate) fn loose_cue_after(b: &Block, j: usize) -> Option<(Span, Option<usize>)> {
    if loose_verb(b, j) {
        let m = b.mention_after(j + 1)?;
        let mm = &b.mentions[m];
        let closes = b.tokens.get(mm.toks.1).is_none_or(|t| {
            t.kind == Kind::Punct && matches!(t.text(b.text), "." | "," | ";" | "!" | "?")
        });
        return (mm.kind != MentionKind::Pronoun && closes)
            .then(|| (tok_span(b, j, j + 1), Some(m)));
    }
    let m = b.mention_starting(j)?;
    let mut k = crate::analysis::mentions::skip_parenthesis(b.text, b.tokens, b.mentions[m].toks.1);
    while k < b.tokens.len()
        && b.narrative(k)
        && b.tokens[k].is(AUX)
        && !b.tokens[k].is(SPEECH_VERB)
    {
        k += 1;
    }
    loose_verb(b, k).then(|| (tok_span(b, k, k + 1), Some(m)))
}

/// A finite verb of narrative ("puffed", "snapped", "went on"), not a noun or a participle.
pub(crate) fn loose_verb(b: &Block, i: usize) -> bool {
    let Some(t) = b.tokens.get(i) else {
        return false;
    };
    t.kind == Kind::Word
        && !t.in_quote()
        && !t.cap
        && b.mention_at[i] == NO
        && !t.is(FUNCTION | PREP | DETERMINER | PRONOUN | AUX)
        && !t.text(b.text).ends_with("ing")
        && crate::analysis::mentions::looks_like_verb(t, b.text)
}

/// The speech noun a possessive mention governs: "Mrs Smith's answer", "Mary's sharp reproach"
/// (two modifiers at most).
fn possessive_speech_noun(b: &Block, m: usize) -> Option<usize> {
    let mm = &b.mentions[m];
    let words = mm.span.text(b.text);
    if mm.kind == MentionKind::Pronoun || !(words.ends_with("'s") || words.ends_with("’s")) {
        return None;
    }
    (mm.toks.1..(mm.toks.1 + 3).min(b.tokens.len()))
        .take_while(|&k| b.narrative(k) && b.tokens[k].kind == Kind::Word && !b.tokens[k].cap)
        .find(|&k| b.tokens[k].is(SPEECH_NOUN))
}

/// “…,” X said / said X, with a speech verb.
pub(crate) fn cue_after_verb(
    b: &Block,
    j: usize,
    new_sentence: bool,
    continues_sentence: bool,
    asks: bool,
) -> Option<(Span, Option<usize>)> {
    // Inversion: said X.
    if b.is_cue_verb(j) && !new_sentence && !b.word(j).ends_with("ing") {
        let mut k = j + 1;
        if b.tokens
            .get(k)
            .is_some_and(|t| t.text(b.text) == "out" || t.text(b.text) == "on")
        {
            k += 1;
        }
        if let Some(m) = b.mention_after(k)
            && (b.mentions[m].kind != MentionKind::Pronoun || continues_sentence)
        {
            return Some((tok_span(b, j, k), Some(m)));
        }
        return Some((tok_span(b, j, j + 1), None));
    }
    // X said. — "The Washington Post's Ed O'Keefe said": the possessor says whose person speaks.
    let m = b.mention_after(j)?;
    let m = if b.mentions[m].possessive {
        b.mention_starting(b.mentions[m].toks.1).unwrap_or(m)
    } else {
        m
    };
    if new_sentence {
        // “… areas.” He said. / “Why?” Vitter demanded. — the sentence splitter ended the
        // sentence at the quote; accept only the bare attribution ending its own sentence.
        let (m, v) = subject_and_verb(b, m)?;
        // “…, who knows?” Trump told ITV in an interview. — a question or an exclamation ends
        // the quote's sentence only for the splitter: the attribution may go on, but not into
        // speech of its own ("Trump said that …").
        // Not when the words are the object: "“…?” Her critics cited it as evidence".
        let quoted_as_object = ["it", "this", "that", "these", "those"]
            .iter()
            .any(|w| b.is_w(v + 1, w));
        if asks && b.tokens[v].is(SPEECH_VERB) && !quoted_as_object && !introduces_quote(b, v) {
            return Some((tok_span(b, v, v + 1), Some(m)));
        }
        // "Anne said gravely.", "Freddy asked him." — one object pronoun and one adverb may
        // follow the verb.
        let mut after = v + 1;
        if b.tokens.get(after).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.in_quote()
                && matches!(t.text(b.text), "him" | "her" | "them" | "me" | "us")
        }) {
            after += 1;
        }
        if b.tokens.get(after).is_some_and(|t| {
            t.kind == Kind::Word && !t.in_quote() && t.text(b.text).ends_with("ly")
        }) {
            after += 1;
        }
        // “Gracious me!” Daisy exclaimed, “I …” — or the attribution cuts the quotation in two
        // (a colon introduces the next quotation instead: "The candidate reiterated: “…”").
        let cuts = |t: &crate::analysis::tokens::Token| {
            t.kind == Kind::Punct && matches!(t.text(b.text), "," | "—")
        };
        let ends = b.tokens.get(after).is_none_or(|t| {
            t.kind == Kind::Punct && matches!(t.text(b.text), "." | "!" | "?")
                || cuts(t) && b.tokens.get(after + 1).is_some_and(|n| n.in_quote())
        });
        if !ends || !b.tokens[v].is(SPEECH_VERB) {
            return None;
        }
        return Some((tok_span(b, v, v + 1), Some(m)));
    }
    let (m, v) = subject_and_verb(b, m)?;
    // A bare form ("say", "tweet") agrees only with a plural or first/second-person subject; after
    // a singular name it is a noun ("a Donald Trump tweet").
    let mm = &b.mentions[m];
    if b.tokens[v].is(SAY_BASE) && !mm.plural && mm.kind != MentionKind::Pronoun {
        return None;
    }
    let end =
        if b.word(v) == "pointed" && b.tokens.get(v + 1).is_some_and(|t| t.text(b.text) == "out") {
            v + 2
        } else {
            v + 1
        };
    Some((tok_span(b, v, end), Some(apposed_name(b, m).unwrap_or(m))))
}

/// The subject starting at mention `m` and its speech verb. A name may premodify the subject
/// ("CrowdStrike co-founder Dmitri Alperovitch told …", "Trump supporter Jo Park said"): the
/// company or cause is not who speaks, the person named after the role words is.
fn subject_and_verb(b: &Block, m: usize) -> Option<(usize, usize)> {
    if let Some(v) = verb_after_subject(b, b.mentions[m].toks.1) {
        return Some((m, v));
    }
    let first = &b.mentions[m];
    if first.kind != MentionKind::Name || first.possessive {
        return None;
    }
    let end = first.toks.1;
    let person = b.mention_after(end).filter(|&p| {
        b.mentions[p].kind == MentionKind::Name
            && b.mentions[p].toks.0 > end
            && (end..b.mentions[p].toks.0).all(|i| !b.tokens[i].cap)
    })?;
    Some((person, verb_after_subject(b, b.mentions[person].toks.1)?))
}

/// "the minister, Eva Lund, said": a description followed by a name in apposition is that name.
pub(crate) fn apposed_name(b: &Block, m: usize) -> Option<usize> {
    if b.mentions[m].kind != MentionKind::Role {
        return None;
    }
    let e = b.mentions[m].toks.1;
    if !b.is_punct(e, ",") {
        return None;
    }
    let name = b
        .mention_starting(e + 1)
        .filter(|&n| b.mentions[n].kind == MentionKind::Name)?;
    b.is_punct(b.mentions[name].toks.1, ",").then_some(name)
}

/// The sentence of the verb at `v` goes on into a new quotation of its own (“…?” Mills then
/// writes back, “You look cute.”): the attribution introduces that one.
fn introduces_quote(b: &Block, v: usize) -> bool {
    let (_, s1) = b.sentence_range(v);
    (v + 1..s1)
        .find(|&i| !b.narrative(i))
        .is_some_and(|i| b.tokens[i].cap || b.tokens.get(i + 1).is_some_and(|t| t.cap))
}

/// After a subject ending at `k`: skip an apposition and auxiliaries; return the speech verb.
pub(crate) fn verb_after_subject(b: &Block, k: usize) -> Option<usize> {
    let n = b.tokens.len();
    let mut k = crate::analysis::mentions::skip_parenthesis(b.text, b.tokens, k);
    if k < n && b.is_punct(k, ",") {
        // ", the union's treasurer," — up to the next comma.
        let limit = (k + 14).min(n);
        if let Some(c) = (k + 1..limit).find(|&i| b.is_punct(i, ",") || !b.narrative(i))
            && b.is_punct(c, ",")
        {
            k = c + 1;
        }
    }
    while k < n && b.narrative(k) && b.tokens[k].is(AUX) && !b.tokens[k].is(SPEECH_VERB) {
        k += 1;
    }
    // One adverb between subject and verb: "she suddenly demanded", "he nevertheless said".
    if k + 1 < n && b.narrative(k) && is_adverb(b.tokens[k].text(b.text)) && b.is_cue_verb(k + 1) {
        k += 1;
    }
    // A short prepositional phrase: "a narrator in the Clinton ad asks".
    if k < n
        && b.tokens[k].is(PHRASE_PREP)
        && let Some(v) = (k + 1..(k + 7).min(n))
            .take_while(|&i| b.narrative(i) && b.tokens[i].kind == Kind::Word)
            .find(|&i| b.is_cue_verb(i))
    {
        k = v;
    }
    // A cue after its subject is a finite verb ("said", "asks"), not "inviting" or "attacking";
    // a progressive is finite through its "be" ("Freddy was saying").
    let progressive = k > 0 && (b.tokens[k - 1].is(PASSIVE_AUX) || b.word(k - 1) == "am");
    if k < n && b.word(k).ends_with("ing") && !progressive {
        return None;
    }
    // "was quoted as saying"
    if k + 1 < n && b.word(k) == "quoted" && b.word(k + 1) == "as" {
        k += 2;
    }
    (k < n && b.is_cue_verb(k)).then_some(k)
}

/// An adverb that may stand between a subject and its verb: "-ly" words and a few others.
pub(crate) fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w != "only" && w != "early"
        || matches!(
            w,
            "nevertheless" | "then" | "now" | "still" | "again" | "also" | "presently" | "soon"
        )
}

/// X said: “…” (direct: the quote follows a colon or comma) or X called the plan “reckless” /
/// X said it was “reckless” (a fragment). Returns the cue and its subject.
pub(crate) fn cue_before(b: &Block, q: &QuoteToks, direct: bool) -> Option<(Span, Option<usize>)> {
    let (s0, _) = b.sentence_range(q.open);
    if q.open <= s0 {
        return None;
    }
    let mut j = q.open - 1;
    let intro = b.is_punct(j, ":") || b.is_punct(j, ",");
    if direct && !intro {
        return None;
    }
    if intro {
        if j == s0 {
            return None;
        }
        j -= 1;
    }
    // Mary's declaration was, “…” / Mary's reproach of “…”
    if let Some(noun) = (s0..=j)
        .rev()
        .take(3)
        .find(|&k| b.tokens[k].is(SPEECH_NOUN))
        .filter(|&n| (n + 1..=j).all(|k| matches!(b.lower(k).as_ref(), "was" | "were" | "of")))
        && let Some(m) = (s0..noun)
            .rev()
            .take(3)
            .find_map(|k| b.mention_starting(k))
            .filter(|&m| possessive_speech_noun(b, m) == Some(noun))
            // "Clinton said of Chaffetz's latest request: “…”" — the possessor is what is
            // spoken about, not who speaks.
            .filter(|&m| {
                let a = b.mentions[m].toks.0;
                a == s0 || !matches!(b.lower(a - 1).as_ref(), "of" | "about" | "on" | "over")
            })
    {
        return Some((tok_span(b, noun, noun + 1), Some(m)));
    }
    let limit = if intro { 16 } else { 14 };
    let mut k = j + 1;
    let mut seen = 0;
    let mut saw_that = false;
    while k > s0 && seen < limit {
        k -= 1;
        seen += 1;
        if !b.narrative(k) {
            return None; // another quote in between
        }
        if b.is_w(k, "that") {
            saw_that = true;
        }
        if !intro && b.tokens[k].is(CLAUSE_BREAK) {
            return None;
        }
        if !b.is_report_verb(k) {
            continue;
        }
        let w = b.lower(k);
        // Passives ("was told", "been called") are not cues; progressives ("is calling") are.
        if k > s0 && !w.ends_with("ing") && b.tokens[k - 1].is(PASSIVE_AUX) {
            continue;
        }
        let speech = b.is_cue_verb(k);
        if !intro && !speech && !saw_that && w != "pointed" {
            continue;
        }
        let end = if w == "pointed" && b.tokens.get(k + 1).is_some_and(|t| t.text(b.text) == "out")
        {
            k + 2
        } else {
            k + 1
        };
        // "“…,” said Dr. Mensah, “…”": an inverted cue names its speaker after the verb.
        let inverted = k > s0
            && (!b.narrative(k - 1) || b.is_punct(k - 1, ",") && k > s0 + 1 && !b.narrative(k - 2));
        let subject = b.subject_of(k).or_else(|| {
            let m = b.mention_after(end).filter(|_| inverted)?;
            (b.mentions[m].kind != MentionKind::Pronoun && b.mentions[m].toks.1 < q.open)
                .then_some(m)
        });
        // "She says it underscores that …" / "X said she wanted to speak …": when the nearest
        // cue's subject is a pronoun, an outer cue with a named subject reports the speech.
        let inner_pronoun = subject.map(|m| {
            (
                b.mentions[m].kind == MentionKind::Pronoun,
                b.mentions[m].entity_kind,
            )
        });
        // No subject, or "it" of an organisation: an outer cue with a subject reports the
        // speech. A personal pronoun is the speaker itself ("whom he describes as “…”").
        if let None | Some((true, SpeakerKind::Organization)) = inner_pronoun
            && let Some(outer) = outer_cue(b, s0, k)
        {
            return Some(outer);
        }
        if let Some(outer) = subject.and_then(|m| reporting_cue(b, s0, m)) {
            return Some(outer);
        }
        return Some((tok_span(b, k, end), subject));
    }
    None
}

/// "X said (that) she …" / "X told reporters (that) he …": the speech verb whose clause the
/// mention `m` opens, with its own subject — the one who reports what follows.
fn reporting_cue(b: &Block, s0: usize, m: usize) -> Option<(Span, Option<usize>)> {
    let mut i = b.mentions[m].toks.0;
    if i > s0 && b.is_w(i - 1, "that") {
        i -= 1;
    }
    let v = i.checked_sub(1).filter(|&v| v >= s0)?;
    let v = if b.is_cue_verb(v) {
        v
    } else if b.is_w(i, "that") {
        // "Trump said during a rally in Michigan that Clinton …": an adjunct between the verb
        // and its clause — words without a verb or a clause break of their own.
        (i.saturating_sub(12).max(s0)..i)
            .rev()
            .take_while(|&k| b.narrative(k) && !b.tokens[k].is(CLAUSE_BREAK | RELATIVE))
            .find(|&k| b.is_cue_verb(k))?
    } else {
        // "told reporters that …": the listener between the verb and its clause.
        let o = b.mention_ending(i)?;
        b.mentions[o]
            .toks
            .0
            .checked_sub(1)
            .filter(|&v| v >= s0 && b.is_cue_verb(v))?
    };
    if v > s0 && b.is_w(v - 1, "to") {
        return None;
    }
    let outer = b.subject_of(v)?;
    (outer != m).then(|| (tok_span(b, v, v + 1), Some(outer)))
}

/// The nearest speech verb before `k` in the sentence whose subject is not an organisation's
/// pronoun.
pub(crate) fn outer_cue(b: &Block, s0: usize, k: usize) -> Option<(Span, Option<usize>)> {
    let (_, s1) = b.sentence_range(s0);
    let v = b.last_in_sentence_before(Scan::OuterCue, s0, s1, k)?;
    Some((tok_span(b, v, v + 1), b.subject_of(v)))
}

/// “…” to drive up the stock price, she said. — the attribution closes the quote's sentence;
/// also inverted, as news writes it: “…” for Clinton, said Kunin, a former governor.
pub(crate) fn sentence_final_cue(b: &Block, q: &QuoteToks) -> Option<(Span, usize)> {
    let (_, s1) = b.sentence_range(q.open);
    // The tag ends the sentence, or is followed only by an apposition or an adjunct after a
    // comma ("said Kunin, the former governor."), or by a short adjunct of its own ("she said
    // in a video message to the convention.", "he said Tuesday.").
    let closes = |after: usize| {
        after >= s1
            || b.tokens.get(after).is_some_and(|t| {
                t.kind == Kind::Punct && matches!(t.text(b.text), "." | "," | ";" | "!" | "?")
            })
            || adjunct_to_end(b, after, s1)
    };
    // A tag further on than this is not this quote's (and a sentence of a thousand fragments
    // stays linear).
    const REACH: usize = 60;
    let s1 = s1.min(q.close + REACH);
    // "told" takes its listener as object: "he told reporters", never "told The Post" inverted.
    let takes_listener = |v: usize| matches!(b.lower(v).as_ref(), "told" | "tells");
    let mut c = q.close + 1;
    while c < s1 {
        if !b.narrative(c) {
            // Another short fragment on the way ("like “maybe” and “perhaps”, he said") shares
            // the tag; a longer quotation has its own.
            let run = (c..s1).take_while(|&k| !b.narrative(k)).count();
            if run > 8 {
                return None;
            }
            c += run;
            continue;
        }
        if b.is_punct(c, ",") {
            if let Some(m) = b.mention_starting(c + 1)
                && let Some(v) = verb_after_subject(b, b.mentions[m].toks.1)
                && b.tokens[v].is(SPEECH_VERB)
            {
                // "…, he told reporters." — the listener may stand between the verb and the end.
                let listener = b
                    .mention_starting(v + 1)
                    .filter(|_| takes_listener(v))
                    .map(|o| b.mentions[o].toks.1);
                if closes(v + 1) || listener.is_some_and(closes) {
                    return Some((tok_span(b, v, v + 1), m));
                }
            }
            // Only a verb without an object inverts: "said Kunin", not "told The Post".
            let v = c + 1;
            if b.tokens.get(v).is_some_and(|t| t.is(SPEECH_VERB))
                && !takes_listener(v)
                && !b.word(v).ends_with("ing")
                && let Some(m) = b.mention_starting(v + 1)
                && closes(b.mentions[m].toks.1)
            {
                return Some((tok_span(b, v, v + 1), m));
            }
        }
        c += 1;
    }
    None
}

/// `i..s1` is a short adjunct closing the sentence: "in a video message to the convention.",
/// "on Tuesday." — a preposition or a time word, then narrative words without a verb of speech.
fn adjunct_to_end(b: &Block, i: usize, s1: usize) -> bool {
    let opens = b.tokens.get(i).is_some_and(|t| {
        t.kind == Kind::Word && !t.in_quote() && (t.is(PREP | TIME_WORD) && !t.is(CONNECTIVE))
    });
    let end = b.without_stops(s1);
    opens
        && end > i
        && end - i <= 10
        && (i..end).all(|j| b.narrative(j) && !b.tokens[j].is(SPEECH_VERB | REPORT_VERB))
}

/// "Loyalty, he noted, has long been the party's “creed”" — a tag set off by commas inside the
/// quote's sentence, before it: its subject speaks the sentence.
pub(crate) fn parenthetical_cue(b: &Block, q: &QuoteToks) -> Option<(Span, usize)> {
    let (s0, _) = b.sentence_range(q.open);
    // Near the quote only: a sentence of a thousand fragments stays linear.
    const REACH: usize = 40;
    let mut found = None;
    let mut c = s0.max(q.open.saturating_sub(REACH));
    while c + 3 < q.open {
        if !b.narrative(c) {
            found = None; // a quotation between: the tag is that one's
        } else if b.is_punct(c, ",")
            && let Some(m) = b.mention_starting(c + 1)
            && matches!(b.mentions[m].kind, MentionKind::Name | MentionKind::Pronoun)
        {
            let v = b.mentions[m].toks.1;
            if v + 1 < q.open && b.is_report_verb(v) && b.is_punct(v + 1, ",") {
                found = Some((tok_span(b, v, v + 1), m));
            }
        }
        c += 1;
    }
    found
}

/// "Trump's claim that there have been “thousands of shootings”", "her assertion during the
/// debate that “…”": words quoted in the that-clause of a possessed speech noun are the
/// possessor's. A possessive pronoun stands for the clause's subject when they agree.
pub(crate) fn possessed_claim(b: &Block, q: &QuoteToks) -> Option<(Span, usize)> {
    let (s0, _) = b.sentence_range(q.open);
    // Near the quote only: a sentence of a thousand fragments stays linear.
    const REACH: usize = 30;
    let from = s0.max(q.open.saturating_sub(REACH));
    // The nearest "that" before the quotation, with no cue or other quotation between.
    let mut t = q.open;
    loop {
        if t <= from {
            return None;
        }
        t -= 1;
        if !b.narrative(t) || b.is_report_verb(t) {
            return None;
        }
        if b.is_w(t, "that") {
            break;
        }
    }
    // The speech noun, with a short adjunct between it and "that" ("during the debate").
    let n = (t.saturating_sub(6).max(s0)..t)
        .rev()
        .take_while(|&k| b.narrative(k) && b.tokens[k].kind == Kind::Word)
        .find(|&k| b.tokens[k].is(SPEECH_NOUN) && !b.tokens[k].cap)?;
    let cue = tok_span(b, n, n + 1);
    // "Frazier said that Rubio's claim that … is “simply not true”": the claim is inside what
    // someone else reports, and the words may be the reporter's.
    if (from..n).any(|k| b.is_report_verb(k)) {
        return None;
    }
    // Its possessor, right before it or before one adjective ("Trump's latest claim").
    for p in (n.saturating_sub(2).max(s0)..n).rev() {
        if let Some(m) = b.mention_ending(p + 1) {
            let mm = &b.mentions[m];
            return (mm.possessive && mm.kind != MentionKind::Pronoun).then_some((cue, m));
        }
        let agrees: fn(&Mention) -> bool = match b.lower(p).as_ref() {
            "his" => |m| m.gender != Gender::Female && !m.plural,
            "her" => |m| m.gender != Gender::Male && !m.plural,
            "their" => |m| m.plural,
            _ => continue,
        };
        let m = b.first_subject_before(s0, p)?;
        return agrees(&b.mentions[m]).then_some((cue, m));
    }
    None
}

/// A block that ends "X said:" introduces the quote that opens the next block.
pub(crate) fn trailing_colon_cue(b: &Block) -> Option<(Span, usize)> {
    let last = b.tokens.len().checked_sub(1)?;
    // "X said:" — or, in older fiction, "X said--" and "X said," before the quotation's
    // paragraph.
    let introduces = [":", "—", "–", "-", "--", ","]
        .iter()
        .any(|p| b.is_punct(last, p));
    if !introduces || !b.narrative(last) {
        return None;
    }
    let (s0, _) = b.sentence_range(last);
    let mut k = last;
    while k > s0 && last - k < 16 {
        k -= 1;
        if b.is_report_verb(k) {
            let m = b.subject_of(k)?;
            return Some((tok_span(b, k, k + 1), m));
        }
    }
    None
}

/// "according to X" anywhere in the narrative part of a sentence.
pub(crate) fn according_to(b: &Block, s0: usize, s1: usize) -> Option<(Span, usize)> {
    // Scanned once per sentence (cached), then cut at `s1`: asked with each quote's own end,
    // the scan was quadratic in a sentence of thousands of quotes.
    let (_, end) = b.sentence_range(s0);
    let i = b
        .first_in_sentence(Scan::AccordingTo, s0, end.saturating_sub(2))
        .filter(|&i| i < s1.saturating_sub(2))?;
    Some((tok_span(b, i, i + 2), b.mention_after(i + 2)?))
}

/// The subject of the sentence holding the quote (before it), or of the previous sentence.
pub(crate) fn sentence_subject(
    b: &Block,
    q: &QuoteToks,
    s0: usize,
    reported: &[Reported],
) -> Option<usize> {
    let (_, s1) = b.sentence_range(q.open);
    // The main clause's subject before the subject of a clause put in front of it.
    let first_subject = |s0: usize, s1: usize, before: usize| {
        let main = b.after_fronted_clause(s0, s1);
        main.and_then(|m| b.first_in_sentence(Scan::PersonSubject, m, s1))
            .filter(|&i| i < before)
            .or_else(|| {
                b.first_in_sentence(Scan::PersonSubject, s0, s1)
                    .filter(|&i| i < before)
            })
    };
    if let Some(i) = first_subject(s0, s1, q.open) {
        return b.mention_starting(i);
    }
    let si = b.sentence_of[q.open];
    if si == 0 {
        return None;
    }
    let (p0, p1) = b.sentences[si - 1];
    // When the previous sentence is someone's reported speech, the quote goes on with it.
    let (start, end) = (b.tokens[p0].start, b.tokens[p1 - 1].end);
    if let Some(m) = reported
        .iter()
        .find(|r| r.span.start >= start && r.span.end <= end)
        .and_then(|r| r.mention)
    {
        return Some(m);
    }
    first_subject(p0, p1, p1).and_then(|i| b.mention_starting(i))
}

/// For each mention of the block, the first speech verb whose subject it is ("Ana said",
/// "said Ana", "Ana, the chair, added"), as a token index.
pub(crate) fn cue_subjects(b: &Block) -> Vec<Option<usize>> {
    let mut out = vec![None; b.mentions.len()];
    for v in 0..b.tokens.len() {
        if !b.tokens[v].is(SPEECH_VERB | REPORT_VERB) || !(b.is_cue_verb(v) || b.is_report_verb(v))
        {
            continue;
        }
        let subject = b.subject_of(v).or_else(|| {
            // Inversion: “…,” said Ana.
            let m = b.mention_after(v + 1)?;
            (b.mentions[m].toks.0 <= v + 3 && b.mentions[m].kind != MentionKind::Pronoun)
                .then_some(m)
        });
        if let Some(m) = subject
            && out[m].is_none()
        {
            out[m] = Some(v);
        }
    }
    out
}

//! Attribution: for each quotation in a block, the cue (speech verb) and the mention that names
//! its speaker; and reported speech (X said that …) in the narrative. A sieve of precise
//! patterns first (cue after, cue before, according to), broader ones after.

use super::lexicon::*;
use super::marks::Family;
use super::mentions::{Mention, MentionKind};
use super::model::{Method, QuoteKind, Span, SpeakerKind};
use super::tokens::{Kind, Token};
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// What attribution found for one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// Index into the block's mentions.
    pub mention: Option<usize>,
    pub method: Method,
    pub confidence: f32,
    /// Inherit the speaker of this quote (global id): the second half of a split quote, or a
    /// continuation.
    pub same_as: Option<usize>,
    pub addressee: Option<Span>,
}

impl Attribution {
    fn none(kind: QuoteKind) -> Self {
        Attribution {
            kind,
            cue: None,
            mention: None,
            method: Method::None,
            confidence: 0.0,
            same_as: None,
            addressee: None,
        }
    }
}

/// Reported speech found in the narrative.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub span: Span,
    pub cue: Span,
    pub mention: Option<usize>,
    pub method: Method,
    pub confidence: f32,
}

/// A block's tokens, sentences and mentions, with lookups the patterns need.
pub struct Block<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [(usize, usize)],
    pub sentence_of: &'a [usize],
    pub mentions: &'a [Mention],
    /// For each token, the mention covering it (usize::MAX if none).
    pub mention_at: &'a [usize],
    /// Scans that many quotes or verbs of a sentence ask for, computed once on first use.
    pub scans: Scans,
}

/// A scan over a sentence's tokens that every quote in the sentence asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scan {
    /// A word of narrative (outside quotes).
    NarrativeWord,
    /// A subject mention that names a person (`sentence_subject`).
    PersonSubject,
    /// A subject mention that can stand behind quoted words (`attribute_fragment`).
    ActingSubject,
    /// "according to X".
    AccordingTo,
    /// A subject mention (`first_subject`).
    Subject,
    /// A speech verb whose subject can be the speaker of a quote after it (`outer_cue`).
    OuterCue,
    /// Any speech verb (`attribute_fragment`: does the sentence report speech?).
    CueVerb,
}

/// A scan over a sentence: (scan, sentence start, end).
type ScanKey = (Scan, usize, usize);

/// Results of scans over a block, filled on first use. Without them, a sentence holding
/// thousands of quotes or speech verbs was rescanned for each one (quadratic on hostile input).
#[derive(Debug, Default)]
pub struct Scans {
    /// The first token where a scan holds, keyed by (scan, sentence start, scan end).
    first: RefCell<FxHashMap<ScanKey, Option<usize>>>,
    /// Every token where a scan holds, keyed by (scan, sentence start, sentence end).
    all: RefCell<FxHashMap<ScanKey, Rc<[usize]>>>,
    /// A sentence's end without its final stops, keyed by the sentence end.
    without_stops: RefCell<FxHashMap<usize, usize>>,
    /// For each token index, the first token at or after it that opens a quote right after a
    /// colon (usize::MAX if none).
    colon_quote_from: OnceCell<Vec<usize>>,
}

const NO: usize = usize::MAX;

impl<'a> Block<'a> {
    /// The token's text; "" past the end of the block, so look-aheads ("according" + "to",
    /// "pointed" + "out") need no bounds checks of their own.
    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }
    /// Token `i` is the word `w` (case-insensitive, no allocation).
    fn is_w(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }
    fn lower(&self, i: usize) -> std::borrow::Cow<'a, str> {
        super::tokens::lowercase(self.word(i))
    }
    fn is_punct(&self, i: usize, s: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text(self.text) == s)
    }
    fn narrative(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.in_quote())
    }
    /// The first token in `s0..end` (`s0` a sentence start) where `scan` holds. Cached: a
    /// sentence holding thousands of quotes would otherwise be rescanned for each of them, which
    /// made hostile input quadratic.
    fn first_in_sentence(&self, scan: Scan, s0: usize, end: usize) -> Option<usize> {
        if let Some(&hit) = self.scans.first.borrow().get(&(scan, s0, end)) {
            return hit;
        }
        let hit = (s0..end).find(|&i| self.scan_holds(scan, s0, i));
        self.scans.first.borrow_mut().insert((scan, s0, end), hit);
        hit
    }
    /// The last token before `k` in the sentence `s0..s1` where `scan` holds (cached like
    /// `first_in_sentence`).
    fn last_in_sentence_before(&self, scan: Scan, s0: usize, s1: usize, k: usize) -> Option<usize> {
        let cached = self.scans.all.borrow().get(&(scan, s0, s1)).cloned();
        let all = cached.unwrap_or_else(|| {
            let all: Rc<[usize]> = (s0..s1).filter(|&i| self.scan_holds(scan, s0, i)).collect();
            self.scans
                .all
                .borrow_mut()
                .insert((scan, s0, s1), all.clone());
            all
        });
        let n = all.partition_point(|&i| i < k);
        n.checked_sub(1).map(|n| all[n])
    }
    /// `s1` without the stops that end the sentence ("." "!" "?" ")" ";" ":"), cached.
    fn without_stops(&self, s1: usize) -> usize {
        if let Some(&e) = self.scans.without_stops.borrow().get(&s1) {
            return e;
        }
        let mut e = s1;
        while e > 0
            && self.tokens[e - 1].kind == Kind::Punct
            && self.narrative(e - 1)
            && matches!(self.word(e - 1), "." | "!" | "?" | ")" | ";" | ":")
        {
            e -= 1;
        }
        self.scans.without_stops.borrow_mut().insert(s1, e);
        e
    }
    /// The first token at or after `i` that opens a quote right after a colon.
    fn colon_quote_from(&self, i: usize) -> Option<usize> {
        let next = self.scans.colon_quote_from.get_or_init(|| {
            let n = self.tokens.len();
            let mut next = vec![usize::MAX; n + 1];
            for k in (0..n).rev() {
                next[k] = if k > 0 && !self.narrative(k) && self.is_punct(k - 1, ":") {
                    k
                } else {
                    next[k + 1]
                };
            }
            next
        });
        next.get(i).copied().filter(|&k| k != usize::MAX)
    }
    fn scan_holds(&self, scan: Scan, s0: usize, i: usize) -> bool {
        match scan {
            Scan::NarrativeWord => self.narrative(i) && self.tokens[i].kind == Kind::Word,
            Scan::PersonSubject => self.mention_starting(i).is_some_and(|m| {
                let mm = &self.mentions[m];
                mm.subject && (mm.person_evidence || mm.kind == MentionKind::Name) && !mm.possessive
            }),
            Scan::ActingSubject => self.mention_starting(i).is_some_and(|m| {
                let mm = &self.mentions[m];
                mm.subject
                    && (mm.kind != MentionKind::Pronoun || mm.entity_kind == SpeakerKind::Person)
            }),
            Scan::OuterCue => {
                self.is_cue_verb(i)
                    && !(i > s0 && self.is_w(i - 1, "to"))
                    && self.subject_of(i).is_some_and(|m| {
                        let mm = &self.mentions[m];
                        mm.entity_kind != SpeakerKind::Organization
                            || mm.kind != MentionKind::Pronoun
                    })
            }
            Scan::CueVerb => self.is_cue_verb(i),
            Scan::Subject => self
                .mention_starting(i)
                .is_some_and(|m| self.mentions[m].subject),
            Scan::AccordingTo => {
                self.narrative(i)
                    && self.is_w(i, "according")
                    && self.word(i + 1) == "to"
                    && self.mention_after(i + 2).is_some()
            }
        }
    }
    fn mention_starting(&self, i: usize) -> Option<usize> {
        let m = *self.mention_at.get(i)?;
        (m != NO && self.mentions[m].toks.0 == i).then_some(m)
    }
    /// A mention starting at `i`, or after a few lower-case words ("the event organizer Alliance").
    fn mention_after(&self, i: usize) -> Option<usize> {
        (i..(i + 5).min(self.tokens.len()))
            .take_while(|&k| {
                // Only words that can open a noun phrase: determiners, lower-case role words and
                // modifiers, numbers ("9/11 widow") — not "that", "when" or pronouns.
                let p = &self.tokens[k.max(1) - 1];
                let np_word = p.kind == Kind::Word
                    && !p.cap
                    && !p.text(self.text).eq_ignore_ascii_case("that")
                    && (p.is(DETERMINER)
                        || !p.is(FUNCTION | PRONOUN | SPEECH_VERB | REPORT_VERB | AUX | PREP));
                k == i || (np_word || p.kind == Kind::Number) && self.narrative(k - 1)
            })
            .find_map(|k| self.mention_starting(k))
    }
    fn mention_ending(&self, i_exclusive: usize) -> Option<usize> {
        let i = i_exclusive.checked_sub(1)?;
        let m = *self.mention_at.get(i)?;
        (m != NO && self.mentions[m].toks.1 == i_exclusive).then_some(m)
    }
    /// A speech verb that is not part of a name or description ("head of state").
    pub(crate) fn is_cue_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // Capitalised only where a sentence starts: "Bemoaning the “phony system,” Trump …".
        let sentence_start = i == 0 || self.sentence_of[i - 1] != self.sentence_of[i];
        t.kind == Kind::Word
            && !t.in_quote()
            && t.is(SPEECH_VERB)
            && self.mention_at[i] == NO
            && (!t.cap || sentence_start)
    }
    pub(crate) fn is_report_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == Kind::Word
            && !t.in_quote()
            && t.is(SPEECH_VERB | REPORT_VERB)
            && self.mention_at[i] == NO
            && !self.is_noun_position(i)
    }
    /// After a determiner, possessive or preposition a speech word is a noun: "via email", "a
    /// report", "his tweet", "in a statement".
    fn is_noun_position(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let t = &self.tokens[p];
        if t.kind != Kind::Word || t.in_quote() {
            return false;
        }
        let w = self.lower(p);
        // "by saying", "after asking": a preposition before an -ing form takes a gerund, which
        // is still the verb of the speech.
        if t.is(NOUN_PREP) && self.word(i).ends_with("ing") {
            return false;
        }
        // "32% of Republican claims": a capitalised adjective after a preposition.
        let of_adjective = p > 0 && t.cap && self.tokens[p - 1].is(ADJECTIVE_PREP);
        of_adjective
            || (t.is(DETERMINER) && !t.is(STANDALONE_DET))
            || (w.ends_with("'s") || w.ends_with("’s")) && !is_contraction(&w)
            || t.is(NOUN_PREP)
    }
    fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentences[self.sentence_of[i]]
    }

    /// The subject of the verb at `v`: the mention right before it, skipping auxiliaries,
    /// adverbs and an apposition (X, the union's treasurer, said).
    pub fn subject_of(&self, v: usize) -> Option<usize> {
        let (s0, _) = self.sentence_range(v);
        let mut k = v;
        // "Gov. Pat McCrory (R) said": step over the parenthesis.
        if k > s0
            && self.is_punct(k - 1, ")")
            && let Some(open) = (k.saturating_sub(10).max(s0)..k - 1)
                .rev()
                .find(|&i| self.is_punct(i, "("))
        {
            k = open;
        }
        // "was quoted as saying", "is reported to have said"
        while k > s0 && self.narrative(k - 1) && self.tokens[k - 1].is(AUX | VERB_BRIDGE) {
            if self.mention_ending(k).is_some() {
                break;
            }
            k -= 1;
        }
        if let Some(m) = self.mention_ending(k) {
            return Some(m);
        }
        // An apposition or a relative clause: "X, the treasurer, said" / "X, who said".
        if k > s0 && self.is_punct(k - 1, ",") {
            // ", arguing that …": a participle after a comma shares the main clause's subject.
            if self.word(v).ends_with("ing") {
                return self.first_subject(s0, v);
            }
            // "the minister, Eva Lund, said": a person's name in apposition to a description is
            // the speaker (not "Tulsa, Oklahoma").
            if let Some(name) = self.mention_ending(k - 1).filter(|&m| {
                let mm = &self.mentions[m];
                mm.kind == MentionKind::Name && mm.person_evidence
            }) {
                let a = self.mentions[name].toks.0;
                let described = a > s0 + 1
                    && self.is_punct(a - 1, ",")
                    && self
                        .mention_ending(a - 1)
                        .is_some_and(|d| self.mentions[d].kind == MentionKind::Role);
                if described {
                    return Some(name);
                }
            }
            let mut j = k - 1;
            let limit = j.saturating_sub(32).max(s0); // relative clauses run long
            while j > limit {
                j -= 1;
                if self.is_punct(j, ",") {
                    if let Some(m) = self.mention_ending(j)
                        && self.mentions[m].kind == MentionKind::Name
                    {
                        return Some(m);
                    }
                    break;
                }
                if !self.narrative(j) {
                    break;
                }
            }
        }
        if k > s0 && self.tokens[k - 1].is(RELATIVE) {
            let mut j = k - 1;
            if j > s0 && self.is_punct(j - 1, ",") {
                j -= 1;
            }
            return self.mention_ending(j);
        }
        // "Protesters marching through the streets chanted …": a description opening the
        // sentence is the subject when a participle phrase separates it from the verb.
        if let Some(m) = self.mention_starting(s0).filter(|&m| {
            let mm = &self.mentions[m];
            mm.toks.1 < v
                && mm.kind != MentionKind::Pronoun
                && self.tokens.get(mm.toks.1).is_some_and(|t| {
                    t.kind == Kind::Word && !t.cap && t.text(self.text).ends_with("ing")
                })
        }) {
            return Some(m);
        }
        // "…, saying" / "took to Twitter to accuse": the subject of the main clause.
        if self.word(v).ends_with("ing") || (v > s0 && self.is_w(v - 1, "to")) {
            return self.first_subject(s0, v);
        }
        None
    }

    /// The first subject mention from the start of the sentence `s0..` to `to`.
    fn first_subject(&self, s0: usize, to: usize) -> Option<usize> {
        let (_, s1) = self.sentence_range(s0);
        self.first_in_sentence(Scan::Subject, s0, s1)
            .filter(|&i| i < to)
            .and_then(|i| self.mention_starting(i))
    }
}

/// "he's", "that's": a pronoun with "is"/"has", not a possessive.
fn is_contraction(w: &str) -> bool {
    let stem = w.trim_end_matches("'s").trim_end_matches("’s");
    lookup(stem).is(CONTRACTION_STEM)
}

/// The tokens of one quote inside the block: opening mark and last token.
#[derive(Debug, Clone, Copy)]
pub struct QuoteToks {
    pub id: usize,
    pub open: usize,
    pub close: usize,
    pub content: Span,
    pub nested: bool,
    /// False when the closing mark is missing.
    pub closed: bool,
    /// The family of its marks.
    pub family: Family,
}

/// Attributes one quote. `prev` is the previous speech quote in the block with its attribution;
/// `reported` the block's reported-speech clauses (a fragment inside one is part of that speech).
pub fn attribute(
    b: &Block,
    q: &QuoteToks,
    prev: Option<(&QuoteToks, &Attribution)>,
    reported: &[Reported],
) -> Attribution {
    if q.nested {
        return Attribution::none(QuoteKind::Nested);
    }
    let text = b.text;
    let content = q.content.text(text);
    let content_trim = content.trim_end();
    let last_char = content_trim.chars().next_back();
    let words = content.split_whitespace().count();
    let (s0, s1) = b.sentence_range(q.open);
    let after_intro = q.open > s0 && (b.is_punct(q.open - 1, ":") || b.is_punct(q.open - 1, ","));
    let starts_sentence = q.open == s0 || b.sentence_of[q.open - 1] != b.sentence_of[q.open];
    let has_head = b
        .first_in_sentence(Scan::NarrativeWord, s0, s1)
        .is_some_and(|i| i < q.open);
    // A fragment is quoted inside a sentence of narrative: “reckless”, a “walk-in”. Japanese and
    // Chinese quote what was said inside the sentence that reports it (田中首相は「…」と述べた),
    // so their corner brackets hold speech there.
    let fragment = has_head && !starts_sentence && !after_intro && q.family != Family::Corner;
    let continues_sentence = !matches!(last_char, Some('.'));
    let mut att = Attribution::none(QuoteKind::Direct);
    att.addressee = find_addressee(b, q);

    // A transcript line: "PENCE: Well, look, …" — the label names the speaker.
    if let Some(m) = b
        .mention_starting(q.open + 1)
        .filter(|&m| b.tokens[q.open + 1].in_quote() && b.is_punct(b.mentions[m].toks.1, ":"))
    {
        att.mention = Some(m);
        att.method = Method::Colon;
        att.confidence = 0.9;
        return att;
    }
    if fragment {
        let mut att = attribute_fragment(b, q, words, reported, continues_sentence);
        // A fragment coordinated with an attributed one in the same sentence: called him a
        // “nasty guy,” an “anchor baby” and “sick”.
        if att.method == Method::None
            && let Some((pq, pa)) = prev.filter(|(pq, pa)| {
                b.sentence_of[pq.close] == b.sentence_of[q.open]
                    && pa.mention.is_some()
                    && pa.kind == QuoteKind::Partial
            })
        {
            att = Attribution {
                kind: QuoteKind::Partial,
                cue: pa.cue,
                mention: pa.mention,
                method: Method::Continuation,
                confidence: 0.75,
                same_as: Some(pq.id),
                addressee: None,
            };
        }
        return att;
    }
    // A short Title-Case paragraph or heading in quotes: 'All Bets Are Off.'
    if words <= 8 && is_title_case(content) && q.open == 0 && b.tokens.len() <= q.close + 2 {
        return Attribution::none(QuoteKind::Title);
    }

    // 1. Cue after: “…,” X said / said X / X, the treasurer, said.
    if let Some((cue, m)) = cue_after(b, q, continues_sentence) {
        att.cue = Some(cue);
        att.mention = m;
        att.method = Method::CueAfter;
        att.confidence = if m.is_some() { 0.95 } else { 0.5 };
        if m.is_some() {
            return att;
        }
    }
    // 1a. The attribution ends the quote's sentence: “…” to drive up prices, she said.
    if att.cue.is_none()
        && let Some((cue, m)) = sentence_final_cue(b, q)
    {
        att.cue = Some(cue);
        att.mention = Some(m);
        att.method = Method::CueAfter;
        att.confidence = 0.8;
        return att;
    }
    // 2. Cue before: X said: “…” / X told reporters, “…”.
    if let Some((cue, m)) = cue_before(b, q, true) {
        att.cue = Some(cue);
        att.mention = m;
        att.method = Method::CueBefore;
        att.confidence = if m.is_some() { 0.9 } else { 0.4 };
        if m.is_some() {
            return att;
        }
    }
    // 2a. The second half of a quote cut by its attribution: “…,” she said, “…” (when the
    // quote has no attribution of its own).
    if let Some((pq, pa)) = prev {
        let adjacent = b.sentence_of[q.open] <= b.sentence_of[pq.close] + 1;
        let between = q.open.saturating_sub(pq.close + 1);
        let only_attribution = between <= 40 && (pq.close + 1..q.open).all(|i| b.narrative(i));
        if att.cue.is_none() && pa.method == Method::CueAfter && adjacent && only_attribution {
            att.method = Method::Split;
            att.same_as = Some(pq.id);
            att.confidence = 0.9;
            att.cue = pa.cue;
            att.mention = pa.mention;
            return att;
        }
    }
    // 3. According to X.
    if let Some((cue, m)) = according_to(b, s0, s1) {
        att.cue = Some(cue);
        att.mention = Some(m);
        att.method = Method::AccordingTo;
        att.confidence = 0.85;
        return att;
    }
    // 4. Colon without a verb: Putin: “…” — the name (with any titles) is all that stands
    // before the colon, not an object ("admonishing the client: “…”").
    if q.open >= 2
        && b.is_punct(q.open - 1, ":")
        && let Some(m) = b.mention_ending(q.open - 1)
        && b.mentions[m].kind != MentionKind::Pronoun
        && b.mentions[m].toks.0 <= s0 + 1
    {
        att.mention = Some(m);
        att.method = Method::Colon;
        att.confidence = 0.8;
        return att;
    }
    if att.cue.is_some() {
        return att; // a cue without a recognisable speaker
    }
    // 5. A continuation of the previous quote.
    if let Some((pq, _)) = prev {
        let adjacent = b.sentence_of[q.open] <= b.sentence_of[pq.close] + 1;
        let between = q.open.saturating_sub(pq.close + 1);
        if adjacent || between == 0 {
            att.method = Method::Continuation;
            att.same_as = Some(pq.id);
            att.confidence = 0.75;
            return att;
        }
    }
    // 6. The subject of this or the previous sentence.
    if let Some(m) = sentence_subject(b, q, s0, reported) {
        att.mention = Some(m);
        att.method = Method::ParagraphSubject;
        att.confidence = 0.6;
        return att;
    }
    att
}

/// A quoted fragment inside a sentence: part of someone's speech when the sentence attributes it
/// (X called the plan “reckless”, “reckless,” X said, X said it was “reckless”), otherwise a
/// title or scare quote.
fn attribute_fragment(
    b: &Block,
    q: &QuoteToks,
    words: usize,
    reported: &[Reported],
    continues: bool,
) -> Attribution {
    let content = q.content.text(b.text).trim();
    let prev_word = (q.open > 0)
        .then(|| q.open - 1)
        .filter(|&i| b.narrative(i) && matches!(b.tokens[i].kind, Kind::Word | Kind::Number));
    let prev_lower = prev_word.map(|p| b.lower(p));
    if prev_lower.as_deref() == Some("so-called") || content.is_empty() {
        return Attribution::none(QuoteKind::Term);
    }
    let (s0, s1) = b.sentence_range(q.open);
    let title_case = is_title_case(content) && words <= 8;
    // The name of a show, book or event after a possessive, an article or a year: CBS's “Face
    // the Nation”, a “Commander-in-Chief Forum”, his 1994 “Contract with America”. After a
    // preposition it is a title unless the sentence reports speech ("proclaimed a goal of
    // “Peace Through Strength”").
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
        .first_in_sentence(Scan::CueVerb, s0, s1)
        .is_some_and(|v| v < q.open);
    let after_preposition = prev_word.is_some_and(|p| b.tokens[p].is(TITLE_PREP));
    if title_case && (possessive_or_article || after_preposition && !speech_in_sentence) {
        return Attribution::none(QuoteKind::Title);
    }
    // A nickname inside a name: Rep. Robert C. “Bobby” Scott.
    let next_cap = b
        .tokens
        .get(q.close + 1)
        .is_some_and(|t| t.cap && t.kind == Kind::Word && b.narrative(q.close + 1));
    let prev_cap = q.open > 0 && (b.tokens[q.open - 1].cap || b.is_punct(q.open - 1, "."));
    if words == 1 && title_case && prev_cap && next_cap {
        return Attribution::none(QuoteKind::Term);
    }
    let mut att = Attribution::none(QuoteKind::Partial);
    if let Some((cue, Some(m))) = cue_after(b, q, continues) {
        att.cue = Some(cue);
        att.mention = Some(m);
        att.method = Method::CueAfter;
        att.confidence = 0.85;
        return att;
    }
    let before = cue_before(b, q, false);
    if let Some((cue, Some(m))) = before {
        att.cue = Some(cue);
        att.mention = Some(m);
        att.method = Method::CueBefore;
        att.confidence = 0.8;
        return att;
    }
    let start = b.tokens[q.open].start;
    if let Some(r) = reported
        .iter()
        .find(|r| r.span.start <= start && start < r.span.end && r.mention.is_some())
    {
        att.cue = Some(r.cue);
        att.mention = r.mention;
        att.method = r.method;
        att.confidence = 0.75;
        return att;
    }
    if let Some((cue, m)) = according_to(b, s0, s1) {
        att.cue = Some(cue);
        att.mention = Some(m);
        att.method = Method::AccordingTo;
        att.confidence = 0.8;
        return att;
    }
    // Named or labelled rather than said: the nickname “Lyin' Ted”, a show called “Shark Tank”.
    let naming = prev_word.is_some_and(|p| b.tokens[p].is(NAMING));
    if naming && title_case {
        return Attribution::none(QuoteKind::Title);
    }
    // No speech verb: the words are still someone's when the sentence's subject is a person or
    // an organisation acting on them ("Reid has gone after Trump as a “con artist”").
    if let Some(m) = b
        .first_in_sentence(Scan::ActingSubject, s0, s1)
        .filter(|&i| i < q.open)
        .and_then(|i| b.mention_starting(i))
    {
        att.mention = Some(m);
        att.method = Method::ParagraphSubject;
        att.confidence = 0.5;
        return att;
    }
    // A speech verb with nobody named ("Calls people “losers”"): still speech, speaker unknown.
    if let Some((cue, None)) = before {
        att.cue = Some(cue);
        att.method = Method::CueBefore;
        att.confidence = 0.3;
        return att;
    }
    if title_case {
        return Attribution::none(QuoteKind::Title);
    }
    Attribution::none(QuoteKind::Term)
}

/// Every word of two or more letters starts with a capital, ignoring short function words.
fn is_title_case(s: &str) -> bool {
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
fn cue_after(b: &Block, q: &QuoteToks, continues_sentence: bool) -> Option<(Span, Option<usize>)> {
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
    let found = cue_after_verb(b, j, new_sentence, continues_sentence);
    if found.as_ref().is_none_or(|(_, m)| m.is_none()) && demands && !new_sentence {
        if let Some(loose) = loose_cue_after(b, j) {
            return Some(loose);
        }
    }
    found
}

/// The attribution right after a quote that needs one, with any finite verb: “…,” VERBED X /
/// “…,” X VERBED.
fn loose_cue_after(b: &Block, j: usize) -> Option<(Span, Option<usize>)> {
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
    let mut k = super::mentions::skip_parenthesis(b.text, b.tokens, b.mentions[m].toks.1);
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
fn loose_verb(b: &Block, i: usize) -> bool {
    let Some(t) = b.tokens.get(i) else {
        return false;
    };
    t.kind == Kind::Word
        && !t.in_quote()
        && !t.cap
        && b.mention_at[i] == NO
        && !t.is(FUNCTION | PREP | DETERMINER | PRONOUN | AUX)
        && !t.text(b.text).ends_with("ing")
        && super::mentions::looks_like_verb(t, b.text)
}

/// “…,” X said / said X, with a speech verb.
fn cue_after_verb(
    b: &Block,
    j: usize,
    new_sentence: bool,
    continues_sentence: bool,
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
    // X said.
    let m = b.mention_after(j)?;
    if new_sentence {
        // “… areas.” He said. / “Why?” Vitter demanded. — the sentence splitter ended the
        // sentence at the quote; accept only the bare attribution ending its own sentence.
        let v = verb_after_subject(b, b.mentions[m].toks.1)?;
        let after = v + 1;
        let ends = b
            .tokens
            .get(after)
            .is_none_or(|t| t.kind == Kind::Punct && matches!(t.text(b.text), "." | "!" | "?"));
        if !ends || !b.tokens[v].is(SPEECH_VERB) {
            return None;
        }
        return Some((tok_span(b, v, v + 1), Some(m)));
    }
    let v = verb_after_subject(b, b.mentions[m].toks.1)?;
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

/// "the minister, Eva Lund, said": a description followed by a name in apposition is that name.
fn apposed_name(b: &Block, m: usize) -> Option<usize> {
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

/// After a subject ending at `k`: skip an apposition and auxiliaries; return the speech verb.
fn verb_after_subject(b: &Block, k: usize) -> Option<usize> {
    let n = b.tokens.len();
    let mut k = super::mentions::skip_parenthesis(b.text, b.tokens, k);
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
    // A short prepositional phrase: "a narrator in the Clinton ad asks".
    if k < n
        && b.tokens[k].is(PHRASE_PREP)
        && let Some(v) = (k + 1..(k + 7).min(n))
            .take_while(|&i| b.narrative(i) && b.tokens[i].kind == Kind::Word)
            .find(|&i| b.is_cue_verb(i))
    {
        k = v;
    }
    // A cue after its subject is a finite verb ("said", "asks"), not "inviting" or "attacking".
    if k < n && b.word(k).ends_with("ing") {
        return None;
    }
    // "was quoted as saying"
    if k + 1 < n && b.word(k) == "quoted" && b.word(k + 1) == "as" {
        k += 2;
    }
    (k < n && b.is_cue_verb(k)).then_some(k)
}

fn tok_span(b: &Block, a: usize, end: usize) -> Span {
    Span::new(b.tokens[a].start, b.tokens[end - 1].end)
}

/// X said: “…” (direct: the quote follows a colon or comma) or X called the plan “reckless” /
/// X said it was “reckless” (a fragment). Returns the cue and its subject.
fn cue_before(b: &Block, q: &QuoteToks, direct: bool) -> Option<(Span, Option<usize>)> {
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
        return Some((tok_span(b, k, end), subject));
    }
    None
}

/// The nearest speech verb before `k` in the sentence whose subject is not an organisation's
/// pronoun.
fn outer_cue(b: &Block, s0: usize, k: usize) -> Option<(Span, Option<usize>)> {
    let (_, s1) = b.sentence_range(s0);
    let v = b.last_in_sentence_before(Scan::OuterCue, s0, s1, k)?;
    Some((tok_span(b, v, v + 1), b.subject_of(v)))
}

/// “…” to drive up the stock price, she said. — the attribution closes the quote's sentence.
fn sentence_final_cue(b: &Block, q: &QuoteToks) -> Option<(Span, usize)> {
    let (_, s1) = b.sentence_range(q.open);
    let mut c = q.close + 1;
    while c < s1 {
        if !b.narrative(c) {
            return None;
        }
        if b.is_punct(c, ",")
            && let Some(m) = b.mention_starting(c + 1)
            && let Some(v) = verb_after_subject(b, b.mentions[m].toks.1)
        {
            let after = v + 1;
            let closes = after >= s1
                || b.tokens.get(after).is_some_and(|t| {
                    t.kind == Kind::Punct && matches!(t.text(b.text), "." | "," | ";" | "!" | "?")
                });
            if closes && b.tokens[v].is(SPEECH_VERB) {
                return Some((tok_span(b, v, v + 1), m));
            }
        }
        c += 1;
    }
    None
}

/// A block that ends "X said:" introduces the quote that opens the next block.
pub fn trailing_colon_cue(b: &Block) -> Option<(Span, usize)> {
    let last = b.tokens.len().checked_sub(1)?;
    if !b.is_punct(last, ":") || !b.narrative(last) {
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
fn according_to(b: &Block, s0: usize, s1: usize) -> Option<(Span, usize)> {
    let i = b.first_in_sentence(Scan::AccordingTo, s0, s1.saturating_sub(2))?;
    Some((tok_span(b, i, i + 2), b.mention_after(i + 2)?))
}

/// The subject of the sentence holding the quote (before it), or of the previous sentence.
fn sentence_subject(b: &Block, q: &QuoteToks, s0: usize, reported: &[Reported]) -> Option<usize> {
    let (_, s1) = b.sentence_range(q.open);
    if let Some(i) = b
        .first_in_sentence(Scan::PersonSubject, s0, s1)
        .filter(|&i| i < q.open)
    {
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
    b.first_in_sentence(Scan::PersonSubject, p0, p1)
        .and_then(|i| b.mention_starting(i))
}

/// “Dear Aleksandr Grigorievich, …” — the person addressed at the start of a quote.
fn find_addressee(b: &Block, q: &QuoteToks) -> Option<Span> {
    let mut i = q.open + 1;
    let t = b.tokens.get(i)?;
    if t.quote != b.tokens[q.open].quote {
        return None;
    }
    if t.is(ADDRESS) {
        i += 1;
        if t.lex.key() == Some("thank") && b.tokens.get(i).is_some_and(|t| t.text(b.text) == "you")
        {
            i += 1;
        }
    }
    let start = i;
    while b
        .tokens
        .get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.cap && t.quote == b.tokens[q.open].quote)
    {
        i += 1;
    }
    if i == start || !b.is_punct(i, ",") {
        return None;
    }
    // "Well, …" or "Yes, …" are not names.
    let name = &b.tokens[start..i];
    if name.len() == 1 && name[0].is(FUNCTION | PRONOUN) {
        return None;
    }
    if name.iter().all(|t| t.is(FUNCTION | TIME_WORD)) {
        return None;
    }
    Some(Span::new(name[0].start, name[name.len() - 1].end))
}

/// "CLAUSE, X said." / "CLAUSE, X said on Monday." — reported speech whose attribution ends the
/// sentence. The clause must be narrative (a quotation there makes it a direct quote instead).
fn sentence_final_report(
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
    // Only adjuncts may follow the verb ("on Monday", "in a statement").
    let rest = words_upto(b, verb + 1..s1, 6);
    if rest > 5 || (verb + 1..s1).any(|j| !b.narrative(j)) {
        return None;
    }
    if (s0..comma).any(|j| !b.narrative(j)) {
        return None;
    }
    let words = words_upto(b, s0..comma, 3);
    if words < 3 {
        return None;
    }
    Some(Reported {
        span: tok_span(b, s0, comma),
        cue: tok_span(b, verb, verb + 1),
        mention: Some(subject),
        method: Method::Reported,
        confidence: 0.8,
    })
}

/// Reported speech in the narrative: "X said that …", "X pointed out that …", "according to X,
/// …", "X mentioned …".
pub fn reported(b: &Block, out: &mut Vec<Reported>) {
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

fn sentence_content_end(b: &Block, s1: usize, from: usize) -> usize {
    // The clause runs to the sentence end, or to the start of a direct quote introduced by a colon.
    let e = b.without_stops(s1).max(from);
    match b.colon_quote_from(from + 1) {
        Some(k) if k < e => k - 1,
        _ => e,
    }
}

/// The number of words in `range`, counting no further than `limit`: callers only ask "fewer
/// than N?", and a full count over a long sentence for every candidate verb was quadratic.
fn words_upto(b: &Block, range: std::ops::Range<usize>, limit: usize) -> usize {
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

fn reported_at(b: &Block, i: usize, s0: usize, s1: usize) -> Option<(Reported, usize)> {
    if !b.narrative(i) || b.tokens[i].kind != Kind::Word {
        return None;
    }
    // Most tokens are neither a speech verb nor "according": decide that without allocating.
    if !b.tokens[i].is(SPEECH_VERB | REPORT_VERB) && !b.word(i).eq_ignore_ascii_case("according") {
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
            confidence: 0.85,
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
    // "explained in an interview with …", "said on Twitter": an adjunct, not what was said.
    if that_at.is_none()
        && b.tokens[start].is(PREP)
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
        confidence: if that_at.is_some() { 0.85 } else { 0.7 },
    };
    Some((r, end))
}

/// For each mention of the block, the first speech verb whose subject it is ("Ana said",
/// "said Ana", "Ana, the chair, added"), as a token index.
pub fn cue_subjects(b: &Block) -> Vec<Option<usize>> {
    let mut out = vec![None; b.mentions.len()];
    for v in 0..b.tokens.len() {
        if !b.tokens[v].is(SPEECH_VERB | REPORT_VERB) || !(b.is_cue_verb(v) || b.is_report_verb(v)) {
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

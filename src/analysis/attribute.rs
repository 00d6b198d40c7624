//! Attribution: for each quotation in a block, the cue (speech verb) and the mention that names
//! its speaker; and reported speech (X said that …) in the narrative. A sieve of precise
//! patterns first (cue after, cue before, according to), broader ones after.

use super::lexicon::*;
use super::mentions::{Mention, MentionKind};
use super::model::{Method, QuoteKind, Span};
use super::tokens::{Kind, Token};

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
}

const NO: usize = usize::MAX;

impl<'a> Block<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }
    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }
    fn is_punct(&self, i: usize, s: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text(self.text) == s)
    }
    fn narrative(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.in_quote())
    }
    fn mention_starting(&self, i: usize) -> Option<usize> {
        let m = *self.mention_at.get(i)?;
        (m != NO && self.mentions[m].toks.0 == i).then_some(m)
    }
    fn mention_ending(&self, i_exclusive: usize) -> Option<usize> {
        let i = i_exclusive.checked_sub(1)?;
        let m = *self.mention_at.get(i)?;
        (m != NO && self.mentions[m].toks.1 == i_exclusive).then_some(m)
    }
    /// A speech verb that is not part of a name or description ("head of state").
    fn is_cue_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == Kind::Word
            && !t.in_quote()
            && t.is(SPEECH_VERB)
            && self.mention_at[i] == NO
            && !t.cap
    }
    fn is_report_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == Kind::Word
            && !t.in_quote()
            && t.is(SPEECH_VERB | REPORT_VERB)
            && self.mention_at[i] == NO
    }
    fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentences[self.sentence_of[i]]
    }

    /// The subject of the verb at `v`: the mention right before it, skipping auxiliaries,
    /// adverbs and an apposition (X, the union's treasurer, said).
    pub fn subject_of(&self, v: usize) -> Option<usize> {
        let (s0, _) = self.sentence_range(v);
        let mut k = v;
        // "was quoted as saying", "is reported to have said"
        while k > s0 && self.narrative(k - 1) && {
            let w = self.lower(k - 1);
            self.tokens[k - 1].is(AUX)
                || matches!(
                    w.as_str(),
                    "quoted" | "as" | "reported" | "to" | "have" | "been" | "further" | "out"
                )
        } {
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
            let mut j = k - 1;
            let limit = j.saturating_sub(14).max(s0);
            while j > limit {
                j -= 1;
                if self.is_punct(j, ",") {
                    if let Some(m) = self.mention_ending(j) {
                        if self.mentions[m].kind == MentionKind::Name {
                            return Some(m);
                        }
                    }
                    break;
                }
                if !self.narrative(j) {
                    break;
                }
            }
        }
        if k > s0 && matches!(self.lower(k - 1).as_str(), "who" | "which") {
            let mut j = k - 1;
            if j > s0 && self.is_punct(j - 1, ",") {
                j -= 1;
            }
            return self.mention_ending(j);
        }
        // "…, saying": the subject of the main clause.
        if self.word(v).ends_with("ing") {
            return self.first_subject(s0, v);
        }
        None
    }

    fn first_subject(&self, from: usize, to: usize) -> Option<usize> {
        (from..to).find_map(|i| {
            self.mention_starting(i)
                .filter(|&m| self.mentions[m].subject)
        })
    }
}

/// The tokens of one quote inside the block: opening mark and last token.
#[derive(Debug, Clone, Copy)]
pub struct QuoteToks {
    pub id: usize,
    pub open: usize,
    pub close: usize,
    pub content: Span,
    pub nested: bool,
}

/// Words that introduce a name or a term rather than speech.
const NAMING_WORDS: &[&str] = &[
    "called",
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "word",
    "words",
    "term",
    "phrase",
    "slogan",
    "hashtag",
    "motto",
    "headline",
    "banner",
    "film",
    "movie",
    "book",
    "song",
    "album",
    "show",
    "series",
    "programme",
    "program",
    "play",
    "novel",
    "poem",
    "column",
    "article",
    "essay",
    "documentary",
    "operation",
    "campaign",
    "project",
    "initiative",
    "plan",
    "known",
    "billed",
    "marked",
    "read",
    "reads",
    "reading",
    "stamped",
    "emblazoned",
    "sign",
    "signs",
    "chanted",
    "chanting",
    "chant",
    "chants",
    "tagline",
    "nickname",
    "brand",
];

/// Attributes one quote. `prev` is the attribution of the previous speech quote in the block,
/// with its tokens.
pub fn attribute(
    b: &Block,
    q: &QuoteToks,
    prev: Option<(&QuoteToks, &Attribution)>,
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
    let starts_sentence = q.open == s0 || (q.open > s0 && b.is_punct(q.open - 1, ":")) || {
        // after a cue-after sentence like “A,” he said. “B”
        q.open > 0 && b.sentence_of[q.open - 1] != b.sentence_of[q.open]
    };
    let has_head =
        q.open > s0 && (s0..q.open).any(|i| b.narrative(i) && b.tokens[i].kind == Kind::Word);
    let tail_start = q.close + 1;
    let has_tail = tail_start < s1 && b.narrative(tail_start);
    let addressee = find_addressee(b, q);

    // 1. Names of works, scare quotes, mentioned words.
    if let Some(kind) = title_or_term(b, q, words, has_head, has_tail, last_char) {
        return Attribution::none(kind);
    }
    let mut att = Attribution::none(QuoteKind::Direct);
    att.addressee = addressee;
    let continues_sentence = matches!(
        last_char,
        Some(',' | '?' | '!' | '—' | '–' | '-' | '…' | ':' | ';')
    ) || !matches!(last_char, Some('.'));

    // 2. Cue after: “…,” X said / said X / X, the treasurer, said.
    if let Some((cue, m)) = cue_after(b, q, continues_sentence) {
        att.cue = Some(cue);
        att.mention = m;
        att.method = Method::CueAfter;
        att.confidence = if m.is_some() { 0.95 } else { 0.5 };
        att.kind = if has_head && !starts_sentence && words <= 6 {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        if m.is_some() {
            return att;
        }
    }
    // 3. Cue before: X said: “…” / X told reporters, “…” / X said that … “…”.
    if let Some((cue, m, colon)) = cue_before(b, q) {
        let partial = !colon && has_head && !starts_sentence;
        att.cue = Some(cue);
        att.mention = m;
        att.method = Method::CueBefore;
        att.confidence = if m.is_some() { 0.9 } else { 0.4 };
        att.kind = if partial {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        if m.is_some() {
            return att;
        }
    }
    // 4. According to X.
    if let Some((cue, m)) = according_to(b, s0, s1) {
        att.cue = Some(cue);
        att.mention = Some(m);
        att.method = Method::AccordingTo;
        att.confidence = 0.85;
        att.kind = if has_head && !starts_sentence {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        return att;
    }
    // 5. Colon without a verb: Putin: “…”.
    if q.open >= 2 && b.is_punct(q.open - 1, ":") {
        if let Some(m) = b.mention_ending(q.open - 1) {
            if b.mentions[m].kind != MentionKind::Pronoun || b.mentions[m].subject {
                att.mention = Some(m);
                att.method = Method::Colon;
                att.confidence = 0.8;
                return att;
            }
        }
    }
    if att.cue.is_some() {
        return att; // a cue without a recognisable speaker
    }
    // 6. The second half of a split quote, or a continuation of the previous quote.
    if let Some((pq, pa)) = prev {
        if pa.kind.is_speech() && pa.kind != QuoteKind::Nested {
            let same_sentence = b.sentence_of[pq.close] == b.sentence_of[q.open];
            let adjacent = b.sentence_of[q.open] <= b.sentence_of[pq.close] + 1;
            // “…,” she said. “…” — only the attribution stands between the two halves.
            let between = q.open.saturating_sub(pq.close + 1);
            let between_is_attribution =
                between <= 16 && (pq.close + 1..q.open).all(|i| b.narrative(i));
            if pa.method == Method::CueAfter && adjacent && between_is_attribution {
                att.method = Method::Split;
                att.same_as = Some(pq.id);
                att.confidence = 0.9;
                att.cue = pa.cue;
                att.mention = pa.mention;
                return att;
            }
            if same_sentence || adjacent || !has_head {
                att.method = Method::Continuation;
                att.same_as = Some(pq.id);
                att.confidence = 0.75;
                return att;
            }
        }
    }
    // 7. The subject of this or the previous sentence.
    if let Some(m) = sentence_subject(b, q, s0) {
        att.mention = Some(m);
        att.method = Method::ParagraphSubject;
        att.confidence = 0.6;
        if has_head && !starts_sentence && words <= 6 {
            att.kind = QuoteKind::Partial;
        }
        return att;
    }
    if has_head && !starts_sentence && words <= 4 {
        // A short fragment with nobody speaking: a scare quote.
        return Attribution::none(QuoteKind::Term);
    }
    att
}

/// “Shark Tank”, so-called “reforms”, the word “no”: not speech.
fn title_or_term(
    b: &Block,
    q: &QuoteToks,
    words: usize,
    has_head: bool,
    has_tail: bool,
    last_char: Option<char>,
) -> Option<QuoteKind> {
    let text = b.text;
    let content = q.content.text(text).trim();
    if content.is_empty() {
        return Some(QuoteKind::Term);
    }
    let prev_word = (q.open > 0)
        .then(|| q.open - 1)
        .filter(|&i| b.narrative(i) && b.tokens[i].kind == Kind::Word);
    if let Some(p) = prev_word {
        let w = b.lower(p);
        if w == "so-called" {
            return Some(QuoteKind::Term);
        }
        if NAMING_WORDS.contains(&w.as_str()) && words <= 8 {
            return Some(if is_title_case(content) {
                QuoteKind::Title
            } else {
                QuoteKind::Term
            });
        }
        if w == "as"
            && p > 0
            && matches!(
                b.lower(p - 1).as_str(),
                "known" | "described" | "billed" | "characterized" | "referred"
            )
        {
            return Some(QuoteKind::Term);
        }
    }
    // A short Title-Case name in running text ("on “Shark Tank” last week").
    let ends_like_speech = matches!(last_char, Some(',' | '.' | '?' | '!'));
    if words <= 6 && is_title_case(content) && !ends_like_speech && (has_head || has_tail) {
        let cue_near = cue_after(b, q, true).is_some();
        if !cue_near {
            return Some(QuoteKind::Title);
        }
    }
    None
}

/// Every word of two or more letters starts with a capital, ignoring short function words.
fn is_title_case(s: &str) -> bool {
    let mut any = false;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let lower_ok = matches!(
            w,
            "of" | "the"
                | "a"
                | "an"
                | "and"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "with"
                | "or"
                | "de"
                | "la"
                | "vs"
        );
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() || first.is_ascii_digit() {
            any = true;
        } else if !lower_ok {
            return false;
        }
    }
    any
}

/// “…,” X said. / “…,” said X. / “…” — X said.
fn cue_after(b: &Block, q: &QuoteToks, continues_sentence: bool) -> Option<(Span, Option<usize>)> {
    let mut j = q.close + 1;
    let n = b.tokens.len();
    while j < n
        && b.narrative(j)
        && b.tokens[j].kind == Kind::Punct
        && matches!(b.word(j), "," | "—" | "–" | "-")
    {
        j += 1;
    }
    if j >= n || !b.narrative(j) {
        return None;
    }
    let new_sentence = b.sentence_of[j] != b.sentence_of[q.close];
    // Inversion: said X.
    if b.is_cue_verb(j) && !new_sentence {
        let mut k = j + 1;
        if b.tokens
            .get(k)
            .is_some_and(|t| t.text(b.text) == "out" || t.text(b.text) == "on")
        {
            k += 1;
        }
        if let Some(m) = b.mention_starting(k) {
            if b.mentions[m].kind != MentionKind::Pronoun || continues_sentence {
                return Some((tok_span(b, j, k), Some(m)));
            }
        }
        return Some((tok_span(b, j, j + 1), None));
    }
    // X said.
    let m = b.mention_starting(j)?;
    if new_sentence && !continues_sentence {
        // “… areas.” He said. — accept only the bare pattern ending the sentence.
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
    if new_sentence {
        return None;
    }
    let v = verb_after_subject(b, b.mentions[m].toks.1)?;
    let end =
        if b.word(v) == "pointed" && b.tokens.get(v + 1).is_some_and(|t| t.text(b.text) == "out") {
            v + 2
        } else {
            v + 1
        };
    Some((tok_span(b, v, end), Some(m)))
}

/// After a subject ending at `k`: skip an apposition and auxiliaries; return the speech verb.
fn verb_after_subject(b: &Block, mut k: usize) -> Option<usize> {
    let n = b.tokens.len();
    if k < n && b.is_punct(k, ",") {
        // ", the union's treasurer," — up to the next comma.
        let limit = (k + 14).min(n);
        if let Some(c) = (k + 1..limit).find(|&i| b.is_punct(i, ",") || !b.narrative(i)) {
            if b.is_punct(c, ",") {
                k = c + 1;
            }
        }
    }
    while k < n && b.narrative(k) && b.tokens[k].is(AUX) && !b.tokens[k].is(SPEECH_VERB) {
        k += 1;
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

/// X said: “…” — the cue verb before the quote in its sentence, and its subject.
/// Returns (cue, subject mention, introduced by a colon or comma).
fn cue_before(b: &Block, q: &QuoteToks) -> Option<(Span, Option<usize>, bool)> {
    let (s0, _) = b.sentence_range(q.open);
    if q.open <= s0 {
        return None;
    }
    let mut j = q.open - 1;
    let intro = b.is_punct(j, ":") || b.is_punct(j, ",");
    let colon = b.is_punct(j, ":");
    if intro {
        if j == s0 {
            return None;
        }
        j -= 1;
    }
    let limit = if intro { 16 } else { 24 };
    let mut k = j + 1;
    let mut seen = 0;
    while k > s0 && seen < limit {
        k -= 1;
        seen += 1;
        if !b.narrative(k) {
            return None; // another quote in between
        }
        if b.is_report_verb(k) {
            let w = b.lower(k);
            // "X, who said" / "X said"; verbs in -ing need a main clause ("saying").
            let strong = b.is_cue_verb(k) || (REPORT_VERB & b.tokens[k].lex.class != 0);
            if !strong {
                continue;
            }
            // Base forms after "to" ("wants to say") are not cues.
            if k > s0 && b.lower(k - 1) == "to" && b.tokens[k].is(SAY_BASE) {
                continue;
            }
            if !intro
                && !b.is_cue_verb(k)
                && !matches!(w.as_str(), "pointed")
                && (k + 1..q.open).all(|i| b.lower(i) != "that")
            {
                continue;
            }
            let end =
                if w == "pointed" && b.tokens.get(k + 1).is_some_and(|t| t.text(b.text) == "out") {
                    k + 2
                } else {
                    k + 1
                };
            let m = b.subject_of(k);
            return Some((
                tok_span(b, k, end),
                m,
                intro && colon || intro && end == q.open - 1 || colon,
            ));
        }
    }
    None
}

/// "according to X" anywhere in the narrative part of a sentence.
fn according_to(b: &Block, s0: usize, s1: usize) -> Option<(Span, usize)> {
    (s0..s1.saturating_sub(2)).find_map(|i| {
        if b.narrative(i) && b.lower(i) == "according" && b.word(i + 1) == "to" {
            let m = b.mention_starting(i + 2)?;
            Some((tok_span(b, i, i + 2), m))
        } else {
            None
        }
    })
}

/// The subject of the sentence holding the quote (before it), or of the previous sentence.
fn sentence_subject(b: &Block, q: &QuoteToks, s0: usize) -> Option<usize> {
    let person = |m: usize| {
        let mm = &b.mentions[m];
        mm.subject && (mm.person_evidence || mm.kind == MentionKind::Name) && !mm.possessive
    };
    if let Some(m) = (s0..q.open).find_map(|i| b.mention_starting(i).filter(|&m| person(m))) {
        return Some(m);
    }
    let si = b.sentence_of[q.open];
    if si == 0 {
        return None;
    }
    let (p0, p1) = b.sentences[si - 1];
    (p0..p1).find_map(|i| b.mention_starting(i).filter(|&m| person(m)))
}

/// “Dear Aleksandr Grigorievich, …” — the person addressed at the start of a quote.
fn find_addressee(b: &Block, q: &QuoteToks) -> Option<Span> {
    let mut i = q.open + 1;
    let t = b.tokens.get(i)?;
    if t.quote != b.tokens[q.open].quote {
        return None;
    }
    let first = t.text(b.text).to_lowercase();
    if matches!(
        first.as_str(),
        "dear"
            | "hello"
            | "hi"
            | "hey"
            | "listen"
            | "thank"
            | "thanks"
            | "welcome"
            | "congratulations"
    ) {
        i += 1;
        if first == "thank" && b.tokens.get(i).is_some_and(|t| t.text(b.text) == "you") {
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

/// Verbs that report speech even without "that": "he said everything is fine", "he mentioned a
/// high turnout". Others ("recalled", "repeated", "maintain") need "that" to report a claim.
const REPORTING_WITHOUT_THAT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "mentioned",
    "mentions",
    "explained",
    "explains",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "announced",
    "announces",
    "acknowledged",
    "admitted",
    "emphasized",
    "emphasised",
    "emphasizes",
    "declared",
    "predicted",
    "predicts",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "pointed",
    "wrote",
    "writes",
    "tweeted",
    "suggested",
    "suggests",
    "contended",
    "asserted",
    "alleged",
    "complained",
    "conceded",
    "estimated",
    "reiterated",
    "underlined",
    "underscored",
];

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
    let mut e = s1;
    while e > from
        && b.tokens[e - 1].kind == Kind::Punct
        && b.narrative(e - 1)
        && matches!(b.word(e - 1), "." | "!" | "?" | ")" | ";" | ":")
    {
        e -= 1;
    }
    for k in from..e {
        if !b.narrative(k) && k > from && b.is_punct(k - 1, ":") {
            return k - 1;
        }
    }
    e
}

fn reported_at(b: &Block, i: usize, s0: usize, s1: usize) -> Option<(Reported, usize)> {
    if !b.narrative(i) || b.tokens[i].kind != Kind::Word {
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
    if i > s0 && b.lower(i - 1) == "to" {
        return None;
    }
    let subject = b.subject_of(i)?;
    let mut k = i + 1;
    if w == "pointed" {
        if b.word(k) != "out" {
            return None;
        }
        k += 1;
    }
    // told reporters / said in a statement / said on Friday: skip an object or adjunct.
    let that_at = (k..(k + 8).min(s1)).find(|&j| b.narrative(j) && b.lower(j) == "that");
    let strong = REPORTING_WITHOUT_THAT.contains(&w.as_str());
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
    // The clause must say something: at least three words outside quotes.
    let words = (start..end)
        .filter(|&j| b.tokens[j].kind == Kind::Word)
        .count();
    if end <= start || words < 3 {
        return None;
    }
    // "said in a statement." has no content.
    if b.tokens[start].is(MEDIA) || b.lower(start) == "in" && words < 5 {
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

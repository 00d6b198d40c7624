//! Who speaks each quote, decided as a reader follows a conversation: the quote's own cue and
//! mention first, then the turns before it (who spoke last, who was addressed), the narration
//! around it (an action beat, the subject of the paragraph) and how present each person is.
//! Every candidate speaker gets the features of `features`, the learned model (`ranker`)
//! scores them, and the best one wins; its share of the softmax is the quote's confidence.
//!
//! The engine hands over one block (paragraph) at a time; a block's quotes are decided when the
//! next block has been read, so a speaker named just after a quote can still win.

pub mod backward;
pub mod features;
pub mod vocative;

use super::mentions::{Gender, MentionKind};
use super::model::{Method, Span, SpeakerKind};
use super::ranker;
use super::resolve::Resolver;
use features::{Bits, F, Vector, set};
use std::collections::VecDeque;

/// The mention the quote's own attribution points at ("he" in “…,” he said).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalMention {
    pub span: Span,
    pub kind: MentionKind,
    pub gender: Gender,
    pub plural: bool,
    /// "I" or "we".
    pub first_person: bool,
    pub entity_kind: SpeakerKind,
    /// The entity the resolver chose for it.
    pub entity: Option<usize>,
}

/// One speech quote waiting for its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSite {
    /// Index into the engine's pending quotes.
    pub pending: usize,
    pub start: usize,
    pub end: usize,
    /// Its first and last tokens, and the sentence it starts in (block indices).
    pub open: usize,
    pub close: usize,
    pub sentence: usize,
    /// The quote is the first thing in its block (a paragraph that opens with dialogue).
    pub opens_block: bool,
    /// What the rules found: method and cue.
    pub method: Method,
    pub local: Option<LocalMention>,
    /// Must share the speaker of this pending quote (the second half of a split quote).
    pub same_as: Option<usize>,
    /// A continuation rule would give it the speaker of this pending quote.
    pub continues: Option<usize>,
    /// Entities addressed by name inside the quote.
    pub vocatives: Vec<usize>,
    /// The names it addresses, as written (whether or not an entity has them).
    pub vocative_names: Vec<Span>,
    /// Entities it names without addressing them ("let Mr. Beebe eat his dinner").
    pub spoken_of: Vec<usize>,
}

/// A mention in a block's narration, resolved to an entity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NarrativeMention {
    pub entity: usize,
    pub span: Span,
    pub subject: bool,
    pub kind: MentionKind,
    /// Its sentence and first token in the block.
    pub sentence: usize,
    pub token: usize,
    /// The speech verb it is the subject of (a token index in the block).
    pub cue: Option<usize>,
    /// It is inside an adverbial clause or phrase before the main clause ("As Trump spoke,").
    pub fronted: bool,
}

/// What the conversation needs to know about one block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockRecord {
    /// The block's position in the document (0, 1, 2 …).
    pub index: usize,
    pub quotes: Vec<QuoteSite>,
    pub mentions: Vec<NarrativeMention>,
    /// Words outside quotes: 0 for a paragraph of bare dialogue.
    pub narrative_words: usize,
    /// The block's last sentence, when it is narration only (see `closing_narration`).
    pub closing_narration: Option<usize>,
}

/// How many mentions either side of a quote its features read. A paragraph has far fewer; a
/// whole book on one line would otherwise cost every quote a scan of every mention (quadratic).
const MENTION_REACH: usize = 48;

impl BlockRecord {
    /// The mentions around `q` (in document order), and the index of the first in `mentions`.
    fn mentions_near(&self, q: &QuoteSite) -> (usize, &[NarrativeMention]) {
        let before = self.mentions.partition_point(|m| m.span.start < q.start);
        let after = self.mentions.partition_point(|m| m.span.start < q.end);
        let lo = before.saturating_sub(MENTION_REACH);
        let hi = (after + MENTION_REACH).min(self.mentions.len());
        (lo, &self.mentions[lo..hi])
    }

    /// The block's last mentions (for the quote in the block after it).
    fn mentions_at_end(&self) -> &[NarrativeMention] {
        &self.mentions[self.mentions.len().saturating_sub(MENTION_REACH)..]
    }

    /// The block's first mentions (for the quote in the block before it).
    fn mentions_at_start(&self) -> &[NarrativeMention] {
        &self.mentions[..self.mentions.len().min(MENTION_REACH)]
    }
}

/// A decided turn.
#[derive(Debug, Clone)]
struct Turn {
    block: usize,
    speaker: Option<usize>,
    vocatives: Vec<usize>,
    /// The turn's quote opened a block with no narration.
    bare: bool,
}

/// What the ranker decided for one quote, for the engine to write into it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub pending: usize,
    pub speaker: Option<usize>,
    pub mention: Option<Span>,
    pub method: Method,
    pub confidence: f32,
    /// The local pronoun or description now names `speaker` (the resolver had chosen another).
    pub relinked: Option<(Span, Option<usize>)>,
}

/// The candidates of one quote with their features, kept for training.
#[derive(Debug, Clone)]
pub struct QuoteTrace {
    pub pending: usize,
    pub candidates: Vec<(usize, Vector)>,
    pub chosen: Option<usize>,
}

/// Per-entity counts the features read.
#[derive(Debug, Clone, Copy, Default)]
struct Presence {
    quotes: u32,
    last_spoke: Option<usize>,
}

/// The speech verbs nearest a quote, and whose subjects they have.
#[derive(Debug, Clone, Copy, Default)]
struct Around {
    /// The mention (index into the block's mentions) that is the subject of the last speech
    /// verb before the quote in its sentence, and of the first one after it.
    cue_before: Option<usize>,
    cue_after: Option<usize>,
    /// The entity named just before a *who* that opens the clause holding the quote ("…
    /// Graham, who vowed to fight the “new rules”"): that clause's subject.
    relative_subject: Option<usize>,
}

impl Around {
    fn of(b: &BlockRecord, q: &QuoteSite, text: &str) -> Around {
        let mut a = Around::default();
        let mut best_before = 0;
        let mut best_after = usize::MAX;
        let (lo, near) = b.mentions_near(q);
        for (i, m) in near.iter().enumerate().map(|(i, m)| (lo + i, m)) {
            let Some(v) = m.cue else { continue };
            if m.sentence != q.sentence {
                continue;
            }
            if v < q.open && v >= best_before {
                best_before = v;
                a.cue_before = Some(i);
            } else if v > q.close && v < best_after {
                best_after = v;
                a.cue_after = Some(i);
            }
        }
        a.relative_subject = near
            .iter()
            .rev()
            .filter(|m| m.sentence == q.sentence && m.span.end <= q.start)
            .take(4)
            .find(|m| {
                m.kind == MentionKind::Name
                    && super::relative_clause::subject_of_clause(
                        text,
                        m.span,
                        Span::new(q.start, q.end),
                    )
                    .is_some()
            })
            .map(|m| m.entity);
        a
    }
}

const MAX_CANDIDATES: usize = 12;
const TURNS_KEPT: usize = 8;

/// What the narration's mentions around one quote say for each of its candidates, read in one
/// pass for all of them (a quote has up to a dozen candidates and up to a hundred mentions
/// around it, and reading the mentions again per candidate was most of the ranker's cost).
#[derive(Debug, Default)]
struct Evidence {
    /// Per candidate, in the order of the candidates: the features its own mentions set.
    own: [Bits; MAX_CANDIDATES],
    /// The sentence features of the quote's own mention, which count for a candidate it fits.
    local: Bits,
    /// The entity of the last mention before the quote that is not a pronoun.
    nearest_before: Option<usize>,
}

impl Evidence {
    fn of(window: &VecDeque<BlockRecord>, at: usize, q: &QuoteSite, cands: &[usize]) -> Evidence {
        let mut ev = Evidence::default();
        let slot = |e: usize| cands.iter().position(|&c| c == e);
        let local_span = q.local.map(|l| l.span);
        for m in window[at].mentions_near(q).1 {
            let sentence = sentence_features(m, q);
            if Some(m.span) == local_span {
                ev.local |= sentence;
            }
            if m.span.end <= q.start && m.kind != MentionKind::Pronoun {
                ev.nearest_before = Some(m.entity);
            }
            if let Some(c) = slot(m.entity) {
                ev.own[c] |= sentence | narration_features(m, q);
            }
        }
        if let Some(prev) = at.checked_sub(1).map(|p| &window[p]) {
            for m in prev.mentions_at_end() {
                if let Some(c) = slot(m.entity) {
                    // The paragraph before ends on narration about this person ("At last she
                    // spoke."): the quotation that opens this one is most likely theirs.
                    let closing = q.opens_block && prev.closing_narration == Some(m.sentence);
                    ev.own[c] |= Bits::default()
                        .with(F::NarrPrevSubject, m.subject)
                        .with(F::NarrPrevMention, !m.subject)
                        .with(F::NarrPrevLastSubject, closing && m.subject)
                        .with(F::NarrPrevLastCue, closing && m.cue.is_some());
                }
            }
        }
        if let Some(next) = window.get(at + 1) {
            for m in next.mentions_at_start() {
                if let Some(c) = slot(m.entity) {
                    ev.own[c] |= Bits::default()
                        .with(F::NarrNextSubject, m.subject)
                        .with(F::NarrNextMention, !m.subject);
                }
            }
        }
        ev
    }
}

/// What a mention in the quote's block says of the speech verbs and sentences around the quote,
/// for the person it names.
fn sentence_features(m: &NarrativeMention, q: &QuoteSite) -> Bits {
    let same = m.sentence == q.sentence;
    let cue = m.cue.is_some();
    let before = same && m.token < q.open;
    Bits::default()
        .with(F::CueInBlock, cue)
        .with(F::CuePrevSentence, cue && m.sentence + 1 == q.sentence)
        .with(F::CueNextSentence, cue && m.sentence == q.sentence + 1)
        .with(F::SentenceSubjectBefore, before && m.subject && !m.fronted)
        .with(F::SentenceMentionBefore, before && !m.subject && !m.fronted)
        .with(F::SentenceFrontedBefore, before && m.fronted)
        .with(F::SentenceMentionAfter, same && m.token > q.close)
        .with(
            F::PrevSentenceSubject,
            m.sentence + 1 == q.sentence && m.subject && !m.fronted,
        )
}

/// Where a mention in the quote's block stands in the narration: before or after the quote, as
/// a subject or not.
fn narration_features(m: &NarrativeMention, q: &QuoteSite) -> Bits {
    let before = m.span.end <= q.start;
    let after = !before && m.span.start >= q.end;
    Bits::default()
        .with(F::NarrSubjectBefore, before && m.subject)
        .with(F::NarrMentionBefore, before && !m.subject)
        .with(F::NarrSubjectAfter, after && m.subject)
        .with(F::NarrMentionAfter, after && !m.subject)
}

#[derive(Debug, Default)]
pub struct Conversation {
    /// The last few blocks: the one being decided is second to last once its successor came.
    window: VecDeque<BlockRecord>,
    turns: VecDeque<Turn>,
    presence: Vec<Presence>,
    /// The first-person narrator, once narration says "I" often enough.
    pub narrator: Option<usize>,
    /// Names others address the narrator by, in the turns next to the narrator's: votes for
    /// the narrator's name.
    pub narrator_votes: std::collections::HashMap<String, u32>,
    /// The last turn's vocatives, kept for the narrator's votes.
    last_vocatives: Vec<String>,
    /// The last turn was the narrator's: the next turn's vocatives vote too.
    narrator_spoke: Option<usize>,
    pub dialogue: bool,
    /// Filled when the caller asks for traces (training).
    pub trace: Option<Vec<QuoteTrace>>,
    weights: ranker::Weights,
    /// The mentions near a quote by distance, a buffer kept from quote to quote (`candidates`).
    near: Vec<(usize, usize)>,
}

impl Conversation {
    pub fn new(dialogue: bool) -> Self {
        Conversation {
            dialogue,
            weights: ranker::weights(dialogue),
            ..Default::default()
        }
    }

    /// Takes the next block; decides the quotes of the block before it.
    pub fn push(
        &mut self,
        rec: BlockRecord,
        text: &str,
        resolver: &Resolver,
        out: &mut Vec<Decision>,
    ) {
        self.window.push_back(rec);
        if self.window.len() >= 2 {
            self.decide(self.window.len() - 2, text, resolver, out);
        }
        while self.window.len() > 3 {
            self.window.pop_front();
        }
    }

    /// Decides the last block's quotes (at the end of the document).
    pub fn finish(&mut self, text: &str, resolver: &Resolver, out: &mut Vec<Decision>) {
        if !self.window.is_empty() {
            self.decide(self.window.len() - 1, text, resolver, out);
        }
    }

    /// Counts the names addressed next to the narrator's turns (see `narrator_votes`).
    fn vote_for_narrator(
        &mut self,
        text: &str,
        block: usize,
        speaker: Option<usize>,
        q: &QuoteSite,
    ) {
        let Some(n) = self.narrator else {
            return;
        };
        let names: Vec<String> = q
            .vocative_names
            .iter()
            .map(|s| {
                s.text(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let previous_other = self
            .turns
            .back()
            .is_some_and(|t| t.speaker.is_some() && t.speaker != Some(n) && block <= t.block + 1);
        if speaker == Some(n) && previous_other {
            for v in std::mem::take(&mut self.last_vocatives) {
                *self.narrator_votes.entry(v).or_default() += 1;
            }
        }
        if speaker.is_some()
            && speaker != Some(n)
            && self.narrator_spoke.is_some_and(|b| block <= b + 1)
        {
            for v in &names {
                *self.narrator_votes.entry(v.clone()).or_default() += 1;
            }
        }
        self.narrator_spoke = (speaker == Some(n)).then_some(block);
        self.last_vocatives = names;
    }

    /// Whether `e` spoke or was spoken to in the last four turns.
    fn takes_part(&self, e: usize) -> bool {
        self.turns
            .iter()
            .rev()
            .take(4)
            .any(|t| t.speaker == Some(e) || t.vocatives.contains(&e))
    }

    fn presence(&self, e: usize) -> Presence {
        self.presence.get(e).copied().unwrap_or_default()
    }

    fn decide(&mut self, at: usize, text: &str, resolver: &Resolver, out: &mut Vec<Decision>) {
        let weights = self.weights.clone();
        let weights = &weights;
        let quotes = std::mem::take(&mut self.window[at].quotes);
        let mut decided: Vec<(usize, Option<usize>)> = Vec::with_capacity(quotes.len());
        for q in &quotes {
            let block = self.window[at].index;
            let bare = q.opens_block && self.window[at].narrative_words == 0;
            // The second half of a split quote shares the first half's speaker (decided
            // earlier in this block).
            let linked = q.same_as.map(|p| {
                decided
                    .iter()
                    .find(|(pp, _)| *pp == p)
                    .and_then(|&(_, s)| s)
            });
            let decision = match linked {
                Some(speaker) => Decision {
                    pending: q.pending,
                    speaker,
                    mention: None,
                    method: Method::Split,
                    confidence: 0.9,
                    relinked: None,
                },
                None => self.rank(at, q, text, resolver, weights, &decided),
            };
            decided.push((q.pending, decision.speaker));
            self.vote_for_narrator(text, block, decision.speaker, q);
            if let Some(s) = decision.speaker {
                if self.presence.len() <= s {
                    self.presence.resize(s + 1, Presence::default());
                }
                self.presence[s].quotes += 1;
                self.presence[s].last_spoke = Some(block);
            }
            self.turns.push_back(Turn {
                block,
                speaker: decision.speaker,
                vocatives: q.vocatives.clone(),
                bare,
            });
            if self.turns.len() > TURNS_KEPT {
                self.turns.pop_front();
            }
            out.push(decision);
        }
        self.window[at].quotes = quotes;
    }

    /// The candidate speakers of quote `q` of block `at`, most likely first.
    fn candidates(
        &self,
        at: usize,
        q: &QuoteSite,
        decided: &[(usize, Option<usize>)],
        near: &mut Vec<(usize, usize)>,
    ) -> Vec<usize> {
        let mut c: Vec<usize> = Vec::with_capacity(MAX_CANDIDATES);
        let mut add = |e: usize| {
            if c.len() < MAX_CANDIDATES && !c.contains(&e) {
                c.push(e);
            }
        };
        if let Some(e) = q.local.and_then(|l| l.entity) {
            add(e);
        }
        if let Some(p) = q.continues
            && let Some(&(_, Some(s))) = decided.iter().find(|(pp, _)| *pp == p)
        {
            add(s);
        }
        if q.local.is_some_and(|l| l.first_person)
            && let Some(n) = self.narrator
        {
            add(n);
        }
        let block = self.window[at].index;
        // A story's conversation keeps its people for many turns; a news report's sources
        // follow one another.
        let turns_back = if self.dialogue { TURNS_KEPT } else { 4 };
        for t in self.turns.iter().rev().take(turns_back) {
            if block.saturating_sub(t.block) <= 30 {
                if let Some(s) = t.speaker {
                    add(s);
                }
                for &v in &t.vocatives {
                    add(v);
                }
            }
        }
        for &v in &q.vocatives {
            add(v);
        }
        // Mentions in this block, the one before and the one after, nearest first.
        let lo = at.saturating_sub(1);
        let hi = (at + 1).min(self.window.len() - 1);
        near.clear();
        for (bi, b) in self.window.iter().enumerate().take(hi + 1).skip(lo) {
            let reach = match bi.cmp(&at) {
                std::cmp::Ordering::Less => b.mentions_at_end(),
                std::cmp::Ordering::Equal => b.mentions_near(q).1,
                std::cmp::Ordering::Greater => b.mentions_at_start(),
            };
            for m in reach {
                let d = if m.span.end <= q.start {
                    q.start - m.span.end
                } else {
                    m.span.start.saturating_sub(q.end)
                };
                near.push((d + usize::from(bi != at) * 100_000, m.entity));
            }
        }
        near.sort_unstable();
        for &(_, e) in near.iter() {
            add(e);
        }
        if let Some(n) = self.narrator {
            add(n);
        }
        c
    }

    fn rank(
        &mut self,
        at: usize,
        q: &QuoteSite,
        text: &str,
        resolver: &Resolver,
        weights: &ranker::Weights,
        decided: &[(usize, Option<usize>)],
    ) -> Decision {
        // "said I" in the narration of a first-person novel is the narrator, always: a rule,
        // not a weight (learned only from novels told in the first person).
        if let (Some(n), Some(l)) = (self.narrator, q.local)
            && l.first_person
            && !l.plural
            && q.method != Method::None
        {
            return Decision {
                pending: q.pending,
                speaker: Some(n),
                mention: Some(l.span),
                method: q.method,
                confidence: 0.95,
                relinked: None,
            };
        }
        let mut near = std::mem::take(&mut self.near);
        let cands = self.candidates(at, q, decided, &mut near);
        self.near = near;
        // The speech verbs around the quote, found once for all its candidates.
        let around = Around::of(&self.window[at], q, text);
        let evidence = Evidence::of(&self.window, at, q, &cands);
        let vectors: Vec<Vector> = cands
            .iter()
            .zip(evidence.own)
            .map(|(&e, own)| self.features(at, q, e, own, &around, &evidence, resolver, decided))
            .collect();
        let mut scores: Vec<f32> = vectors.iter().map(|v| weights.score(v)).collect();
        // Whoever the quote calls by name is spoken to, not speaking ("Don't blame me, Lou."):
        // never its speaker, unless its own tag names them.
        let named_by_tag = |v: &Vector| v[F::LocalNameSame as usize] > 0.0;
        for (s, v) in scores.iter_mut().zip(&vectors) {
            if v[F::AddressedThis as usize] > 0.0 && !named_by_tag(v) {
                *s = f32::NEG_INFINITY;
            }
        }
        let best = (0..cands.len())
            .filter(|&i| scores[i].is_finite())
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
        if let Some(trace) = self.trace.as_mut() {
            trace.push(QuoteTrace {
                pending: q.pending,
                candidates: cands.iter().copied().zip(vectors.iter().copied()).collect(),
                chosen: best.map(|i| cands[i]),
            });
        }
        let Some(bi) = best else {
            return self.someone_else_tagged(q, resolver);
        };
        let top = scores[bi];
        let total: f32 = scores.iter().map(|s| (s - top).exp()).sum();
        let share = 1.0 / total;
        let p = 1.0 / (1.0 + (-top).exp());
        let confidence = (share * p).sqrt().clamp(0.0, 1.0);
        let e = cands[bi];
        let v = &vectors[bi];
        let on = |f: F| v[f as usize] > 0.0;
        let compatible_local = q.local.filter(|_| {
            on(F::LocalNameSame)
                || on(F::LocalRoleSame)
                || on(F::LocalPronounSame)
                || on(F::LocalPronounAgrees)
                || on(F::LocalPronounGenderUnknown)
                || on(F::LocalGroupPronounAgrees)
                || on(F::LocalRoleAgrees)
                || on(F::LocalFirstPersonNarrator)
        });
        let method = if compatible_local.is_some() && q.method != Method::None {
            q.method
        } else if on(F::RuleContinuation)
            || on(F::Prev1SameBlock)
            || !self.dialogue && (on(F::Prev1PrevBlock) || on(F::Prev1Earlier))
        {
            Method::Continuation
        } else if on(F::Prev2) || on(F::AddressedPrev) || self.dialogue && q.opens_block {
            Method::Alternation
        } else {
            Method::ParagraphSubject
        };
        // The words that name the speaker: the rules' own mention when it is this entity's,
        // else the subject of the speech verb next to the quote, else a compatible pronoun or
        // description, else the entity's nearest mention.
        let b = &self.window[at];
        let cue_mention = [around.cue_before, around.cue_after]
            .into_iter()
            .flatten()
            .map(|i| &b.mentions[i])
            .find(|m| m.entity == e)
            .map(|m| m.span);
        let own = compatible_local
            .filter(|l| l.entity == Some(e))
            .map(|l| l.span);
        // A paragraph's subject names the speaker from afar; their last mention in the
        // quote's own sentence ("… in which she called for …") is the one that says it.
        let in_sentence = (method == Method::ParagraphSubject)
            .then(|| {
                b.mentions_near(q)
                    .1
                    .iter()
                    .rev()
                    .find(|m| m.entity == e && m.sentence == q.sentence && m.span.end <= q.start)
                    .map(|m| m.span)
            })
            .flatten();
        let mention = in_sentence
            .or(own)
            .or(cue_mention)
            .or(compatible_local.map(|l| l.span))
            .or_else(|| self.nearest_mention(at, q, e));
        let relinked = compatible_local
            .filter(|l| l.entity != Some(e))
            .map(|l| (l.span, l.entity));
        Decision {
            pending: q.pending,
            speaker: Some(e),
            mention,
            method,
            confidence,
            relinked,
        }
    }

    /// No candidate is left once those the quote speaks to are set aside: its tag's "he" or
    /// "she" is then the last person of that sex mentioned before it who is not spoken to
    /// (the candidates reach only one paragraph back).
    fn someone_else_tagged(&self, q: &QuoteSite, resolver: &Resolver) -> Decision {
        let local = q
            .local
            .filter(|l| l.kind == MentionKind::Pronoun && !l.first_person && !l.plural);
        let speaker =
            local.and_then(|l| resolver.recent_person_before(q.start, l.gender, &q.vocatives));
        Decision {
            pending: q.pending,
            speaker,
            mention: speaker.and(local.map(|l| l.span)),
            method: q.method,
            confidence: if speaker.is_some() { 0.3 } else { 0.0 },
            relinked: speaker.and(local.map(|l| (l.span, l.entity))),
        }
    }

    /// The mention of `e` nearest the quote: in its block (before it first), else the block
    /// before.
    fn nearest_mention(&self, at: usize, q: &QuoteSite, e: usize) -> Option<Span> {
        let near = self.window[at].mentions_near(q).1;
        let before = near
            .iter()
            .rev()
            .find(|m| m.entity == e && m.span.end <= q.start);
        let after = || near.iter().find(|m| m.entity == e && m.span.start >= q.end);
        let prev = || {
            at.checked_sub(1).and_then(|p| {
                self.window[p]
                    .mentions_at_end()
                    .iter()
                    .rev()
                    .find(|m| m.entity == e)
            })
        };
        before.or_else(after).or_else(prev).map(|m| m.span)
    }

    /// The features of candidate `e`, whose own mentions around the quote set `own`.
    #[allow(clippy::too_many_arguments)]
    fn features(
        &self,
        at: usize,
        q: &QuoteSite,
        e: usize,
        own: Bits,
        around: &Around,
        evidence: &Evidence,
        resolver: &Resolver,
        decided: &[(usize, Option<usize>)],
    ) -> Vector {
        let mut v: Vector = [0.0; features::COUNT];
        let ent = &resolver.entities[e];
        let narrator = self.narrator == Some(e);
        // The quote's own mention may name this candidate: then the speech verb it is the
        // subject of speaks for this candidate too.
        let mut local_fits = false;
        // The quote's own mention.
        if let Some(l) = q.local {
            let same = l.entity == Some(e);
            match l.kind {
                MentionKind::Name => {
                    set(&mut v, F::LocalNameSame, same);
                    set(&mut v, F::LocalOtherName, !same && l.entity.is_some());
                    local_fits = same;
                }
                MentionKind::Role => {
                    set(&mut v, F::LocalRoleSame, same);
                    let person = ent.kind == SpeakerKind::Person || ent.person_evidence;
                    let agrees = person
                        && l.entity_kind == SpeakerKind::Person
                        && (l.gender == Gender::Unknown
                            || ent.gender == Gender::Unknown
                            || l.gender == ent.gender);
                    set(&mut v, F::LocalRoleAgrees, !same && agrees);
                    set(&mut v, F::LocalRoleClashes, !same && !agrees);
                    // "said the young girl" where only a description knows her, and a named
                    // person of that gender takes part in the conversation: in fiction the
                    // description is usually that person.
                    let described_only = l.entity.is_some_and(|d| {
                        let d = &resolver.entities[d];
                        d.described && d.name_words.is_empty()
                    });
                    set(
                        &mut v,
                        F::LocalDescriptionOfParticipant,
                        !same
                            && agrees
                            && described_only
                            && !ent.name_words.is_empty()
                            && self.takes_part(e),
                    );
                    local_fits = same || agrees;
                }
                MentionKind::Pronoun if l.first_person => {
                    set(&mut v, F::LocalFirstPersonNarrator, narrator);
                    local_fits = narrator;
                }
                MentionKind::Pronoun => {
                    set(&mut v, F::LocalPronounSame, same);
                    if l.gender != Gender::Unknown {
                        // In a story whoever speaks is someone ("said the Hatter"), as the
                        // resolver's pronouns have it.
                        let person = ent.is_person()
                            || self.dialogue && ent.spoke && ent.kind == SpeakerKind::Unknown;
                        set(
                            &mut v,
                            F::LocalPronounAgrees,
                            person && ent.gender == l.gender,
                        );
                        set(
                            &mut v,
                            F::LocalPronounClashes,
                            !person || ent.gender != Gender::Unknown && ent.gender != l.gender,
                        );
                        set(
                            &mut v,
                            F::LocalPronounGenderUnknown,
                            person && ent.gender == Gender::Unknown,
                        );
                        local_fits = same
                            || person && (ent.gender == l.gender || ent.gender == Gender::Unknown);
                    } else {
                        let group = ent.plural
                            || matches!(ent.kind, SpeakerKind::Group | SpeakerKind::Organization);
                        set(&mut v, F::LocalGroupPronounAgrees, group == l.plural);
                        local_fits = same || group == l.plural;
                    }
                }
            }
            let explicit = matches!(
                q.method,
                Method::CueAfter | Method::CueBefore | Method::Colon | Method::AccordingTo
            );
            set(&mut v, F::CueExplicitSame, explicit && same);
            set(
                &mut v,
                F::CueWeakSame,
                q.method == Method::ParagraphSubject && same,
            );
        }
        if let Some(p) = q.continues {
            let s = decided
                .iter()
                .find(|(pp, _)| *pp == p)
                .and_then(|&(_, s)| s);
            set(&mut v, F::RuleContinuation, s == Some(e));
        }
        // The turns before.
        let block = self.window[at].index;
        let mut turns = self.turns.iter().rev();
        if let Some(t1) = turns.next() {
            let same = t1.speaker == Some(e);
            set(&mut v, F::Prev1SameBlock, same && t1.block == block);
            set(&mut v, F::Prev1PrevBlock, same && t1.block + 1 == block);
            set(&mut v, F::Prev1Earlier, same && t1.block + 1 < block);
            set(
                &mut v,
                F::Prev1OpensBare,
                same && q.opens_block && self.window[at].narrative_words == 0,
            );
            set(
                &mut v,
                F::AddressedPrev,
                t1.vocatives.contains(&e) && t1.speaker != Some(e),
            );
            if let Some(t2) = turns.next() {
                let alternates = t2.speaker == Some(e) && t1.speaker != Some(e);
                set(&mut v, F::Prev2, alternates);
                let contiguous = t1.block + 1 == block && t2.block + 1 == t1.block && t1.bare;
                set(&mut v, F::Prev2Contiguous, alternates && contiguous);
                if let Some(t3) = turns.next() {
                    set(&mut v, F::Prev3, t3.speaker == Some(e) && !alternates);
                    if let Some(t4) = turns.next() {
                        set(&mut v, F::Prev4, t4.speaker == Some(e) && !alternates);
                    }
                }
            }
        }
        set(&mut v, F::AddressedThis, q.vocatives.contains(&e));
        set(&mut v, F::SpokenOf, q.spoken_of.contains(&e));
        // Speech verbs around the quote.
        let b = &self.window[at];
        let local_span = q.local.filter(|_| local_fits).map(|l| l.span);
        let names_e = |m: &NarrativeMention| m.entity == e || Some(m.span) == local_span;
        let is_e = |i: Option<usize>| i.is_some_and(|i| names_e(&b.mentions[i]));
        set(&mut v, F::CueNearestBefore, is_e(around.cue_before));
        set(&mut v, F::CueNearestAfter, is_e(around.cue_after));
        set(
            &mut v,
            F::RelativeClauseSubject,
            around.relative_subject == Some(e),
        );
        // The mentions around the quote: the candidate's own, and the quote's own mention
        // when it fits the candidate.
        let mut mentioned = own;
        if local_span.is_some() {
            mentioned |= evidence.local;
        }
        mentioned.set_in(&mut v);
        set(
            &mut v,
            F::NarrNearestBefore,
            evidence.nearest_before == Some(e),
        );
        // Salience and kind.
        let p = self.presence(e);
        v[F::SalienceQuotes as usize] = (1.0 + p.quotes as f32).ln();
        v[F::SalienceMentions as usize] = (1.0 + ent.mentions.len() as f32).ln();
        let since = p.last_spoke.map(|l| block.saturating_sub(l));
        set(&mut v, F::SpokeRecently, since.is_some_and(|s| s <= 2));
        set(
            &mut v,
            F::SpokeLately,
            since.is_some_and(|s| s > 2 && s <= 10),
        );
        set(&mut v, F::NeverSpoke, since.is_none());
        set(&mut v, F::Narrator, narrator);
        set(&mut v, F::KindPerson, ent.kind == SpeakerKind::Person);
        set(
            &mut v,
            F::KindOrganization,
            ent.kind == SpeakerKind::Organization,
        );
        set(
            &mut v,
            F::KindGroup,
            ent.kind == SpeakerKind::Group || ent.plural,
        );
        set(&mut v, F::GenderUnknown, ent.gender == Gender::Unknown);
        set(
            &mut v,
            F::Described,
            ent.described && ent.name_words.is_empty() && !narrator,
        );
        v
    }
}

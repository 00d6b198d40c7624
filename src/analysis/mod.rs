//! The engine: `analyze(&Document) -> Analysis`, a pure function with no terminal in it.
//!
//! Passes, in order: pair quotation marks (`marks`), group paragraphs into blocks and split
//! sentences (`segment`), tokenise (`tokens`), find mentions (`mentions`), attribute quotes and
//! find reported speech (`attribute`), resolve mentions to speakers (`resolve`), find and link
//! numbers (`numbers`). Blocks are processed in document order with bounded state, so the cost is
//! linear in the text.

// The public surface is `analyze`, `analyze_with` + `Options`, `debug_dump`, the `model` types,
// `numbers::find` and the `passes` benchmarks time; the rest is internal to the crate.
pub(crate) mod attribute;
pub(crate) mod lexicon;
pub(crate) mod marks;
pub(crate) mod mentions;
pub mod model;
pub(crate) mod names;
pub mod numbers;
pub mod passes;
pub(crate) mod resolve;
pub(crate) mod segment;
pub(crate) mod tokens;

use crate::document::Document;
use attribute::{Attribution, Block, QuoteToks, Reported};
use marks::RawQuote;
use mentions::Mention;
use model::*;
use resolve::Resolver;
use tokens::Token;

/// How the engine reads a text, as its caller knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Fiction-style dialogue, where a new paragraph of quotation is a new speaker's turn:
    /// `Some(true)` or `Some(false)` when the caller knows, `None` to decide from the text (many
    /// short quotations opening their paragraphs).
    pub dialogue: Option<bool>,
}

impl Options {
    /// The options `analyze` uses for a document: an EPUB is a book, read as dialogue; other
    /// formats are decided from the text.
    pub fn for_document(doc: &Document) -> Options {
        Options {
            dialogue: (doc.meta.format == crate::document::Format::Epub).then_some(true),
        }
    }
}

/// Analyses a document: quotes, speakers, numbers (with `Options::for_document`).
pub fn analyze(doc: &Document) -> Analysis {
    analyze_with(doc, &Options::for_document(doc))
}

/// Analyses a document read as `options` say.
pub fn analyze_with(doc: &Document, options: &Options) -> Analysis {
    analyze_with_progress(doc, options, &|_| {})
}

/// Like [`analyze_with`], calling `progress` with the bytes of text read so far after each
/// block (a paragraph or a few), for a progress figure on a large document.
pub fn analyze_with_progress(
    doc: &Document,
    options: &Options,
    progress: &dyn Fn(usize),
) -> Analysis {
    // Per-block buffers are reused across documents on this thread: a folder of short articles
    // would otherwise spend much of its time growing and freeing them.
    let scratch = SCRATCH.with(|s| s.take()).unwrap_or_default();
    let mut engine = Engine::new(&doc.text, scratch);
    let raw = marks::find_quotes(&doc.text, &doc.paragraphs);
    engine.dialogue = options.dialogue.unwrap_or_else(|| is_dialogue(doc, &raw));
    for (block, quotes) in blocks_with_quotes(doc, &raw) {
        engine.block(block, &raw, quotes);
        progress(block.end);
    }
    let (analysis, scratch) = engine.finish();
    SCRATCH.with(|s| s.set(Some(scratch)));
    analysis
}

/// The document's blocks, each with the range of raw quotes that start inside it (a block holds
/// its multi-paragraph quotes).
fn blocks_with_quotes<'r>(
    doc: &Document,
    raw: &'r [RawQuote],
) -> impl Iterator<Item = (Span, std::ops::Range<usize>)> + 'r {
    let mut next_quote = 0;
    segment::blocks(&doc.paragraphs, raw)
        .into_iter()
        .map(move |block| {
            let first = next_quote;
            while next_quote < raw.len() && raw[next_quote].span.start < block.end {
                next_quote += 1;
            }
            (block, first..next_quote)
        })
}

/// Buffers the engine reuses from block to block and document to document.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    sentences: Vec<(usize, usize)>,
    sentence_of: Vec<usize>,
    mentions: Vec<Mention>,
    mention_at: Vec<usize>,
    reported: Vec<Reported>,
    lower: String,
    /// Interned name words (kept across documents) and the block's mention words.
    names: names::NameWords,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Option<Scratch>> = const { std::cell::Cell::new(None) };
}

/// A quote or reported clause on its way to the output.
struct Pending {
    quote: Quote,
    /// Inherit the speaker of this pending quote (index into `pending`).
    same_as: Option<usize>,
}

struct Engine<'t> {
    text: &'t str,
    resolver: Resolver,
    pending: Vec<Pending>,
    /// Raw quote index → pending index.
    raw_to_pending: rustc_hash::FxHashMap<usize, usize>,
    figures: Vec<Figure>,
    /// Global sentence counter, for pronoun distance.
    sentence_base: usize,
    /// The last speech quote of the previous block, when that block ended on it.
    prev_block_tail: Option<usize>,
    /// The speaker of the previous block's last subject sentence.
    prev_block_subject: Option<SpeakerId>,
    /// The previous block ended "X said:" (cue, mention, speaker).
    prev_block_colon: Option<(Span, Span, Option<SpeakerId>)>,
    /// Fiction-style dialogue: a new paragraph of quotation is a new speaker's turn.
    dialogue: bool,
    /// Speakers of the most recent quotes, most recent last (for alternating dialogue).
    recent_speakers: Vec<SpeakerId>,
    /// Buffers reused from block to block, and handed back for the next document.
    scratch: Scratch,
}

impl<'t> Engine<'t> {
    fn new(text: &'t str, scratch: Scratch) -> Self {
        Engine {
            text,
            resolver: Resolver::new(),
            pending: Vec::new(),
            raw_to_pending: Default::default(),
            figures: Vec::new(),
            sentence_base: 0,
            prev_block_tail: None,
            prev_block_subject: None,
            prev_block_colon: None,
            dialogue: false,
            recent_speakers: Vec::new(),
            scratch,
        }
    }

    /// Reads a block into the scratch buffers: its tokens (marked with the outermost quotes,
    /// returned), sentences and mentions.
    fn read_block(
        &mut self,
        span: Span,
        raw: &[RawQuote],
        quotes: std::ops::Range<usize>,
    ) -> Vec<(usize, Span)> {
        let text = self.text;
        self.scratch.tokens.clear();
        tokens::tokenize(
            text,
            span.start,
            span.end,
            &mut self.scratch.tokens,
            &mut self.scratch.lower,
        );
        let top: Vec<(usize, Span)> = quotes
            .clone()
            .filter(|&i| raw[i].parent.is_none())
            .map(|i| (i, raw[i].span))
            .collect();
        segment::mark_quotes(&mut self.scratch.tokens, &top);
        segment::sentences(text, &self.scratch.tokens, &mut self.scratch.sentences);
        self.scratch.sentence_of.clear();
        self.scratch
            .sentence_of
            .resize(self.scratch.tokens.len(), 0);
        for (si, &(a, b)) in self.scratch.sentences.iter().enumerate() {
            for s in &mut self.scratch.sentence_of[a..b] {
                *s = si;
            }
        }
        mentions::find(
            text,
            &self.scratch.tokens,
            &self.scratch.sentence_of,
            &mut self.scratch.names,
            &mut self.scratch.mentions,
        );
        self.scratch.mention_at.clear();
        self.scratch
            .mention_at
            .resize(self.scratch.tokens.len(), usize::MAX);
        for (mi, m) in self.scratch.mentions.iter().enumerate() {
            for slot in &mut self.scratch.mention_at[m.toks.0..m.toks.1] {
                *slot = mi;
            }
        }
        top
    }

    fn block(&mut self, span: Span, raw: &[RawQuote], quotes: std::ops::Range<usize>) {
        let text = self.text;
        let top = self.read_block(span, raw, quotes.clone());
        let b = Block {
            text,
            tokens: &self.scratch.tokens,
            sentences: &self.scratch.sentences,
            sentence_of: &self.scratch.sentence_of,
            mentions: &self.scratch.mentions,
            mention_at: &self.scratch.mention_at,
            scans: Default::default(),
        };

        // Reported speech first: fragments quoted inside it belong to its speaker.
        attribute::reported(&b, &mut self.scratch.reported);
        // Attribute the quotes of this block in order.
        let mut atts: Vec<(QuoteToks, Attribution)> = Vec::new();
        let mut prev_speech: Option<usize> = None;
        for qi in quotes.clone() {
            let q = &raw[qi];
            let Some(qt) = quote_tokens(&self.scratch.tokens, qi, q, &top) else {
                continue;
            };
            let prev = prev_speech.map(|p: usize| (&atts[p].0, &atts[p].1));
            let att = attribute::attribute(&b, &qt, prev, &self.scratch.reported);
            let speech = att.kind.is_speech() && att.kind != QuoteKind::Nested;
            atts.push((qt, att));
            if speech {
                prev_speech = Some(atts.len() - 1);
            }
        }
        let colon_cue = attribute::trailing_colon_cue(&b);

        // Which mentions name a speaker.
        let mut speaker_mention = vec![false; self.scratch.mentions.len()];
        for (_, a) in &atts {
            if let Some(m) = a.mention {
                speaker_mention[m] = true;
            }
        }
        for r in &self.scratch.reported {
            if let Some(m) = r.mention {
                speaker_mention[m] = true;
            }
        }
        if let Some((_, m)) = colon_cue {
            speaker_mention[m] = true;
        }
        // Resolve mentions in document order.
        let mut entity_of = vec![None; self.scratch.mentions.len()];
        let mut last_subject: Option<SpeakerId> = None;
        for (mi, m) in self.scratch.mentions.iter().enumerate() {
            let sentence = self.sentence_base + m.sentence;
            let id =
                self.resolver
                    .resolve(m, text, &self.scratch.names, sentence, speaker_mention[mi]);
            entity_of[mi] = id;
            if m.subject && id.is_some() {
                last_subject = id;
            }
            if speaker_mention[mi]
                && let Some(id) = id
            {
                self.resolver.last_speaker = Some(id);
            }
        }

        // Emit quotes.
        let first_token_quote = self
            .scratch
            .tokens
            .first()
            .filter(|t| t.in_quote())
            .map(|t| t.quote as usize);
        let mut last_pending_speech: Option<usize> = None;
        for (qt, a) in &atts {
            let q = &raw[qt.id];
            let mut quote = Quote {
                span: q.span,
                content: q.content,
                kind: a.kind,
                speaker: a.mention.and_then(|m| entity_of[m]),
                speaker_mention: a.mention.map(|m| self.scratch.mentions[m].span),
                cue: a.cue,
                addressee: a.addressee,
                method: a.method,
                confidence: a.confidence,
                parent: q.parent.and_then(|p| self.raw_to_pending.get(&p).copied()),
            };
            let mut same_as = a.same_as.and_then(|r| self.raw_to_pending.get(&r).copied());
            // A cue-less quote that opens the block: introduced by "X said:" at the end of the
            // previous block, or continuing the previous block's last quote.
            if quote.method == Method::None
                && quote.kind.is_speech()
                && quote.kind != QuoteKind::Nested
            {
                if let Some((cue, mention, speaker)) = self
                    .prev_block_colon
                    .filter(|_| first_token_quote == Some(qt.id))
                {
                    quote.speaker = speaker;
                    quote.speaker_mention = Some(mention);
                    quote.cue = Some(cue);
                    quote.method = Method::CueBefore;
                    quote.confidence = 0.85;
                } else if let (true, Some(other)) = (
                    self.dialogue && first_token_quote == Some(qt.id),
                    self.prev_block_tail
                        .and_then(|t| self.other_speaker(self.pending[t].quote.speaker)),
                ) {
                    // Fiction: a new paragraph of dialogue is the other person's turn.
                    quote.speaker = Some(other);
                    quote.method = Method::Alternation;
                    quote.confidence = 0.6;
                } else if first_token_quote == Some(qt.id)
                    && self.prev_block_tail.is_some()
                    && !self.dialogue
                {
                    same_as = self.prev_block_tail;
                    quote.method = Method::Continuation;
                    quote.confidence = 0.7;
                } else if let Some(s) = self
                    .prev_block_subject
                    .filter(|_| first_token_quote == Some(qt.id))
                {
                    quote.speaker = Some(s);
                    quote.method = Method::ParagraphSubject;
                    quote.confidence = 0.5;
                }
            }
            if a.mention.is_some() && quote.speaker.is_none() {
                quote.confidence *= 0.5;
            }
            // An unclosed mark with no attribution of its own is more likely a stray mark or a
            // block-quote marker than speech.
            let explicit = matches!(
                quote.method,
                Method::CueAfter | Method::CueBefore | Method::Colon | Method::AccordingTo
            );
            let orphan = q
                .parent
                .is_some_and(|p| !self.raw_to_pending.contains_key(&p));
            if (!qt.closed && !explicit && quote.kind != QuoteKind::Nested) || orphan {
                continue;
            }
            // Split halves and continuations take their speaker from an earlier quote, whose
            // speaker is already final.
            if let Some(t) = same_as {
                quote.speaker = self.pending[t].quote.speaker;
                if quote.speaker_mention.is_none() {
                    quote.speaker_mention = self.pending[t].quote.speaker_mention;
                }
            }
            let idx = self.pending.len();
            self.raw_to_pending.insert(qt.id, idx);
            if quote.kind.is_speech() && quote.kind != QuoteKind::Nested {
                last_pending_speech = Some(idx);
                if let Some(s) = quote.speaker {
                    self.recent_speakers.retain(|&r| r != s);
                    self.recent_speakers.push(s);
                    if self.recent_speakers.len() > 8 {
                        self.recent_speakers.remove(0);
                    }
                }
            }
            self.pending.push(Pending { quote, same_as });
        }
        for r in &self.scratch.reported {
            self.pending.push(Pending {
                quote: Quote {
                    span: r.span,
                    content: r.span,
                    kind: QuoteKind::Reported,
                    speaker: r.mention.and_then(|m| entity_of[m]),
                    speaker_mention: r.mention.map(|m| self.scratch.mentions[m].span),
                    cue: Some(r.cue),
                    addressee: None,
                    method: r.method,
                    confidence: r.confidence,
                    parent: None,
                },
                same_as: None,
            });
        }
        // Figures in this block.
        numbers::find_tokens(text, &self.scratch.tokens, &mut self.figures);

        // State carried to the next block.
        let ends_on_quote = self.scratch.tokens.last().is_some_and(|t| t.in_quote())
            || self
                .scratch
                .sentences
                .last()
                .is_some_and(|&(a, b)| (a..b).any(|i| self.scratch.tokens[i].in_quote()));
        self.prev_block_tail = if ends_on_quote {
            last_pending_speech
        } else {
            None
        };
        self.prev_block_subject = last_subject;
        self.prev_block_colon =
            colon_cue.map(|(cue, m)| (cue, self.scratch.mentions[m].span, entity_of[m]));
        self.sentence_base += self.scratch.sentences.len();
        // Drop the per-block map entries that can no longer be referenced.
        if self.raw_to_pending.len() > 4096 {
            self.raw_to_pending.clear();
        }
    }

    /// In a dialogue, the most recent speaker other than `current`.
    fn other_speaker(&self, current: Option<SpeakerId>) -> Option<SpeakerId> {
        let current = current?;
        self.recent_speakers
            .iter()
            .rev()
            .copied()
            .find(|&s| s != current)
    }

    fn finish(mut self) -> (Analysis, Scratch) {
        // Inherit speakers along split/continuation links (targets come earlier).
        for i in 0..self.pending.len() {
            if let Some(t) = self.pending[i].same_as
                && t < i
            {
                let (speaker, mention) = (
                    self.pending[t].quote.speaker,
                    self.pending[t].quote.speaker_mention,
                );
                let q = &mut self.pending[i].quote;
                q.speaker = speaker;
                if q.speaker_mention.is_none() {
                    q.speaker_mention = mention;
                }
            }
        }
        // Sort by start, enclosing before enclosed, and remap parent ids.
        let mut order: Vec<usize> = (0..self.pending.len()).collect();
        order.sort_by_key(|&i| {
            let s = self.pending[i].quote.span;
            (
                s.start,
                std::cmp::Reverse(s.end),
                self.pending[i].quote.kind == QuoteKind::Reported,
            )
        });
        let mut new_id = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = new;
        }
        let mut quotes: Vec<Quote> = order
            .iter()
            .map(|&i| self.pending[i].quote.clone())
            .collect();
        for q in &mut quotes {
            q.parent = q.parent.map(|p| new_id[p]);
        }
        // Speakers: entities that speak, in order of first quote.
        let mut speaker_id: Vec<Option<usize>> = vec![None; self.resolver.entities.len()];
        let mut speakers: Vec<Speaker> = Vec::new();
        for (qi, q) in quotes.iter_mut().enumerate() {
            if let Some(e) = q.speaker {
                let sid = *speaker_id[e].get_or_insert_with(|| {
                    // Each entity becomes at most one speaker: its strings can move.
                    let ent = &mut self.resolver.entities[e];
                    speakers.push(Speaker {
                        name: std::mem::take(&mut ent.name),
                        kind: ent.kind,
                        aliases: std::mem::take(&mut ent.aliases),
                        mentions: std::mem::take(&mut ent.mentions),
                        quotes: Vec::new(),
                    });
                    speakers.len() - 1
                });
                speakers[sid].quotes.push(qi);
                q.speaker = Some(sid);
            }
        }
        let mut figures = std::mem::take(&mut self.figures);
        link_figures(&mut figures, &quotes);
        let mut scratch = std::mem::take(&mut self.scratch);
        // Keep the capacity, not the contents (and not huge buffers after a huge document).
        scratch.tokens.clear();
        scratch.mentions.clear();
        scratch.reported.clear();
        scratch.names.start_document();
        if scratch.tokens.capacity() > 1 << 16 {
            scratch = Scratch::default();
        }
        (
            Analysis {
                speakers,
                quotes,
                numbers: figures,
            },
            scratch,
        )
    }
}

/// Fiction-style dialogue rather than news: many paragraphs that open with a short quotation.
/// In fiction a new paragraph of dialogue means a new speaker; in news a cue-less quote paragraph
/// continues the previous speaker.
fn is_dialogue(doc: &Document, raw: &[RawQuote]) -> bool {
    // Quotations that open their paragraph: dialogue lines in fiction, statements in news.
    let mut lengths: Vec<usize> = raw
        .iter()
        .filter(|q| q.parent.is_none())
        .filter(|q| {
            doc.paragraph_at(q.span.start).is_some_and(|p| {
                doc.text[doc.paragraphs[p].start..q.span.start]
                    .trim()
                    .is_empty()
            })
        })
        .map(|q| q.content.len())
        .collect();
    if lengths.len() < 4 || lengths.len() * 3 < doc.paragraphs.len() {
        return false;
    }
    // Dialogue lines are short; a news paragraph opens with a sentence or more.
    lengths.sort_unstable();
    lengths[lengths.len() / 2] < 60
}

/// Token range of a quote in the block, or `None` if it has no tokens here.
fn quote_tokens(
    tokens: &[Token],
    id: usize,
    q: &RawQuote,
    top: &[(usize, Span)],
) -> Option<QuoteToks> {
    let open = tokens.partition_point(|t| t.start < q.span.start);
    let close_excl = tokens.partition_point(|t| t.end <= q.span.end);
    if open >= close_excl || open >= tokens.len() {
        return None;
    }
    // `top` is in raw-index order: a binary search keeps a block of many quotes linear.
    let nested = q.parent.is_some() || top.binary_search_by_key(&id, |&(i, _)| i).is_err();
    Some(QuoteToks {
        id,
        open,
        close: close_excl - 1,
        content: q.content,
        nested,
        closed: q.closed,
        family: q.family,
    })
}

/// Ties each figure to the quote it sits in and the speaker who cited it: the speaker of the
/// enclosing speech quote, or of the reported speech around it.
pub(crate) fn link_figures(figures: &mut [Figure], quotes: &[Quote]) {
    // Quotes are sorted by start; walk both lists together, keeping the open quotes.
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    for f in figures.iter_mut() {
        while next < quotes.len() && quotes[next].span.start <= f.span.start {
            open.push(next);
            next += 1;
        }
        open.retain(|&q| quotes[q].span.end > f.span.start);
        let containing = |kinds: &[QuoteKind]| {
            open.iter()
                .copied()
                .filter(|&q| kinds.contains(&quotes[q].kind) && quotes[q].span.covers(f.span))
                .min_by_key(|&q| quotes[q].span.start)
        };
        let speech = containing(&[QuoteKind::Direct, QuoteKind::Partial]);
        let reported = containing(&[QuoteKind::Reported]);
        let pick = speech.or(reported);
        f.quote = pick;
        f.source = pick.and_then(|q| quotes[q].speaker);
    }
}

/// A developer's view of the engine's intermediate results: sentences, mentions (with subject
/// flags and descriptors), block by block (`quotelens debug FILE`). It reads each block with
/// the engine's own `read_block`.
pub fn debug_dump(doc: &Document) -> String {
    use std::fmt::Write;
    let text = doc.text.as_str();
    let raw = marks::find_quotes(text, &doc.paragraphs);
    let mut engine = Engine::new(text, Scratch::default());
    let mut out = String::new();
    for (block, quotes) in blocks_with_quotes(doc, &raw) {
        engine.read_block(block, &raw, quotes);
        let Scratch {
            tokens: toks,
            sentences: sents,
            mentions: ments,
            ..
        } = &engine.scratch;
        for (si, &(a, b)) in sents.iter().enumerate() {
            let _ = writeln!(
                out,
                "S{si}: {}",
                &text[toks[a].start..toks[b - 1].end].replace('\n', "¶")
            );
        }
        for m in ments {
            let _ = writeln!(
                out,
                "  M {:?} {:?} subj={} kind={:?} roles={:?} countries={:?} head={:?} gender={:?} ev={}",
                m.text(text),
                m.kind,
                m.subject,
                m.entity_kind,
                m.descriptors.roles,
                m.descriptors.countries,
                m.head,
                m.gender,
                m.person_evidence
            );
        }
        out.push('\n');
    }
    out
}

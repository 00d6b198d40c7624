//! The engine: `analyze(&Document) -> Analysis`, a pure function with no terminal in it.
//!
//! Passes, in order: pair quotation marks (`marks`), group paragraphs into blocks and split
//! sentences (`segment`), tokenise (`tokens`), find mentions (`mentions`), attribute quotes and
//! find reported speech (`sieve`), resolve mentions to speakers (`resolve`), find and link
//! numbers (`numbers`). Blocks are processed in document order with bounded state, so the cost is
//! linear in the text.

// The public surface is `analyze`, `analyze_with` + `Options`, `debug_dump`, the `model` types,
// `numbers::find`, the `passes` benchmarks time and the speaker ranker's model (`ranker`, for the
// trainer); the rest is internal to the crate.
pub(crate) mod conversation;
pub(crate) mod epithets;
pub(crate) mod full_names;
pub(crate) mod lexicon;
pub(crate) mod marks;
pub(crate) mod mentions;
pub mod model;
pub(crate) mod names;
pub mod numbers;
pub mod passes;
pub mod ranker;
pub(crate) mod relative_clause;
pub(crate) mod reporting_subject;
pub(crate) mod resolve;
pub(crate) mod segment;
pub(crate) mod sieve;
pub(crate) mod tokens;

use crate::document::Document;
use marks::RawQuote;
use mentions::Mention;
use model::*;
use resolve::Resolver;
use sieve::{Attribution, Block, QuoteToks, Reported};
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
    run(doc, options, false, progress).0
}

/// Analyses a document and keeps what the speaker ranker saw: every ranked quote's candidates
/// and their features, and every entity's names and mentions (for `quotelens-train`).
pub fn analyze_traced(doc: &Document) -> (Analysis, Trace) {
    let (analysis, trace) = run(doc, &Options::for_document(doc), true, &|_| {});
    (analysis, trace.unwrap_or_default())
}

/// What the speaker ranker saw in one document.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    /// Ranked quotes, in the order they were decided.
    pub quotes: Vec<TracedQuote>,
    /// Every entity the resolver knew at the end, by entity id.
    pub entities: Vec<TracedEntity>,
    /// The ranker used its dialogue weights.
    pub dialogue: bool,
}

/// One ranked quote: its candidates and the one chosen.
#[derive(Debug, Clone)]
pub struct TracedQuote {
    /// Index into `Analysis::quotes`.
    pub quote: usize,
    /// Candidate entities with their features.
    pub candidates: Vec<(usize, conversation::features::Vector)>,
    pub chosen: Option<usize>,
}

/// An entity as the ranker knew it at the end.
#[derive(Debug, Clone)]
pub struct TracedEntity {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
}

fn run(
    doc: &Document,
    options: &Options,
    traced: bool,
    progress: &dyn Fn(usize),
) -> (Analysis, Option<Trace>) {
    // Per-block buffers are reused across documents on this thread: a folder of short articles
    // would otherwise spend much of its time growing and freeing them.
    let mut scratch = SCRATCH.with(|s| s.take()).unwrap_or_default();
    // Both readings of a story are one document: names interned in the first count in the second.
    scratch.names.start_document();
    let raw = marks::find_quotes(&doc.text, &doc.paragraphs);
    let dialogue = options.dialogue.unwrap_or_else(|| is_dialogue(doc, &raw));
    let read = |scratch: Scratch, known: resolve::FirstReading, progress: &dyn Fn(usize)| {
        let mut engine = Engine::new(&doc.text, scratch, dialogue);
        engine.resolver.known_epithets = known.epithets;
        engine.resolver.known_full_names = known.full_names;
        engine.resolver.story = dialogue;
        if known.narrator {
            engine.conversation.narrator = Some(engine.resolver.narrator());
        }
        if traced {
            engine.conversation.trace = Some(Vec::new());
        }
        for (block, quotes) in blocks_with_quotes(doc, &raw) {
            engine.block(block, &raw, quotes);
            progress(block.end);
        }
        engine.finish()
    };
    let (mut analysis, mut scratch, mut trace, known) =
        read(scratch, resolve::FirstReading::default(), progress);
    // A story's epithets ("the girl") and full names ("Lucy Honeychurch" for "Lucy") are known
    // only once it has been read to the end: read it again knowing them, so the conversation
    // sees one person where the text had two.
    if dialogue && !known.is_empty() {
        (analysis, scratch, trace, _) = read(scratch, known, &|_| {});
    }
    SCRATCH.with(|s| s.set(Some(scratch)));
    (analysis, trace)
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
    /// The block's words outside quotes.
    narrative_words: usize,
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
    /// The block it is in.
    block: usize,
    /// Inherit the speaker of this pending quote (index into `pending`).
    same_as: Option<usize>,
    /// The source's mention and the original speaker's, when the source relays the words.
    relay: Option<(Span, Span)>,
    /// The people the quote addresses by name: never its speaker.
    addressed: Vec<usize>,
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
    /// The previous block ended "X said:" (cue, mention, its entity and local mention).
    prev_block_colon: Option<ColonIntro>,
    /// Who speaks each speech quote, decided block by block.
    conversation: conversation::Conversation,
    /// Decisions of the conversation not yet written into `pending`.
    decisions: Vec<conversation::Decision>,
    /// Pronoun and description mentions whose entity the conversation changed.
    relinked: Vec<(Span, Option<usize>, Option<usize>)>,
    block_index: usize,
    /// "I" in the narration so far: a first-person narrator speaks (when "I" is not rare
    /// beside "he" and "she").
    first_person_mentions: usize,
    third_person_mentions: usize,
    /// The narrator was known only once some quotes had been read.
    narrator_late: bool,
    /// Buffers reused from block to block, and handed back for the next document.
    scratch: Scratch,
}

/// What a block ending "X said:" leaves for the quotation in the next block: the cue, the
/// mention, and its entity with the local mention.
type ColonIntro = (Span, Span, Option<(SpeakerId, conversation::LocalMention)>);

impl<'t> Engine<'t> {
    fn new(text: &'t str, scratch: Scratch, dialogue: bool) -> Self {
        Engine {
            text,
            resolver: Resolver::new(),
            pending: Vec::new(),
            raw_to_pending: Default::default(),
            figures: Vec::new(),
            sentence_base: 0,
            prev_block_colon: None,
            conversation: conversation::Conversation::new(dialogue),
            decisions: Vec::new(),
            relinked: Vec::new(),
            block_index: 0,
            first_person_mentions: 0,
            third_person_mentions: 0,
            narrator_late: false,
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
        self.scratch.narrative_words = segment::mark_quotes(&mut self.scratch.tokens, &top);
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
            self.conversation.dialogue,
        );
        // A heading ("Lucy Faced the External Situation Bravely", "KEMP'S VISITOR") is in
        // capitals throughout, so its names cannot be told from its other words.
        if segment::is_heading(text, &self.scratch.tokens) {
            self.scratch.mentions.clear();
        }
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
        sieve::reported(&b, &mut self.scratch.reported);
        let cue_of = sieve::cue_subjects(&b);
        // Mentions inside an adverbial clause put before the main one ("As Trump spoke, …"):
        // where each sentence's main clause starts, found once per sentence.
        let main_starts: Vec<Option<usize>> = b
            .sentences
            .iter()
            .map(|&(s0, s1)| b.after_fronted_clause(s0, s1))
            .collect();
        let fronted: Vec<bool> = self
            .scratch
            .mentions
            .iter()
            .map(|m| main_starts[m.sentence].is_some_and(|main| m.toks.0 < main))
            .collect();
        // Attribute the quotes of this block in order.
        let mut atts: Vec<(QuoteToks, Attribution)> = Vec::new();
        let mut prev_speech: Option<usize> = None;
        for qi in quotes.clone() {
            let q = &raw[qi];
            let Some(qt) = quote_tokens(&self.scratch.tokens, qi, q, &top) else {
                continue;
            };
            let prev = prev_speech.map(|p: usize| (&atts[p].0, &atts[p].1));
            let att = sieve::attribute(&b, &qt, prev, &self.scratch.reported);
            let speech = att.kind.is_speech() && att.kind != QuoteKind::Nested;
            atts.push((qt, att));
            if speech {
                prev_speech = Some(atts.len() - 1);
            }
        }
        let colon_cue = sieve::trailing_colon_cue(&b);

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
        for (mi, m) in self.scratch.mentions.iter().enumerate() {
            let sentence = self.sentence_base + m.sentence;
            // The subject of a speech verb speaks, whether or not a quote is given to it ("Asked
            // about it, Feinstein said …") — a capitalised word opening the sentence may be
            // anything ("Unable", "God") unless something says it is a person.
            let opens_sentence = self.scratch.sentences[m.sentence].0 == m.toks.0;
            let place = self.scratch.tokens[m.toks.0..m.toks.1]
                .iter()
                .any(|t| t.is(lexicon::PLACE | lexicon::DEMONYM));
            let speaks = speaker_mention[mi]
                || cue_of[mi].is_some()
                    && m.kind == mentions::MentionKind::Name
                    && !place
                    && (m.person_evidence || !opens_sentence);
            let id = self
                .resolver
                .resolve(m, text, &self.scratch.names, sentence, speaks);
            entity_of[mi] = id;
            if speaker_mention[mi]
                && let Some(id) = id
            {
                self.resolver.last_speaker = Some(id);
            }
        }

        // Emit quotes. The rules' attribution is written now; who speaks each speech quote is
        // decided by the conversation when the next block has been read.
        let first_token_quote = self
            .scratch
            .tokens
            .first()
            .filter(|t| t.in_quote())
            .map(|t| t.quote as usize);
        let mut rec = conversation::BlockRecord {
            index: self.block_index,
            ..Default::default()
        };
        for (qt, a) in &atts {
            let q = &raw[qt.id];
            let mut local = a.mention;
            let mut quote = Quote {
                span: q.span,
                content: q.content,
                kind: a.kind,
                speaker: a.mention.and_then(|m| entity_of[m]),
                speaker_mention: a
                    .words
                    .or_else(|| a.mention.map(|m| self.scratch.mentions[m].span)),
                cue: a.cue,
                addressee: a.addressee,
                method: a.method,
                confidence: a.confidence,
                parent: q.parent.and_then(|p| self.raw_to_pending.get(&p).copied()),
                original: None,
            };
            let relay = a.mention.zip(a.original).map(|(m, o)| {
                let mentions = &self.scratch.mentions;
                (mentions[m].span, mentions[o].span)
            });
            let mut same_as = a.same_as.and_then(|r| self.raw_to_pending.get(&r).copied());
            let mut prev_colon: Option<conversation::LocalMention> = None;
            // A cue-less quote that opens the block, introduced by "X said:" at the end of the
            // previous block.
            if quote.method == Method::None
                && quote.kind.is_speech()
                && quote.kind != QuoteKind::Nested
                && let Some((cue, mention, speaker)) = self
                    .prev_block_colon
                    .filter(|_| first_token_quote == Some(qt.id))
            {
                quote.speaker = speaker.map(|(e, _)| e);
                quote.speaker_mention = Some(mention);
                quote.cue = Some(cue);
                quote.method = Method::CueBefore;
                quote.confidence = sieve::Rule::PreviousColon.confidence(true);
                prev_colon = speaker.map(|(_, l)| l);
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
            // The second half of a split quote, and a fragment coordinated with the one before,
            // share that quote's speaker; a cue-less quote after another only suggests it.
            let hard = quote.method == Method::Split
                || quote.method == Method::Continuation && quote.kind == QuoteKind::Partial;
            let continues = same_as.filter(|_| !hard);
            if !hard {
                same_as = None;
            }
            if let Some(t) = same_as {
                quote.speaker = self.pending[t].quote.speaker;
                if quote.speaker_mention.is_none() {
                    quote.speaker_mention = self.pending[t].quote.speaker_mention;
                }
            }
            let idx = self.pending.len();
            self.raw_to_pending.insert(qt.id, idx);
            let mut addressed = Vec::new();
            if quote.kind.is_speech() && quote.kind != QuoteKind::Nested {
                if prev_colon.is_none() {
                    local = local.filter(|_| quote.method != Method::None);
                }
                let local =
                    prev_colon.or_else(|| local.map(|m| self.local_mention(m, entity_of[m])));
                let (vocatives, vocative_names) = self.vocatives(qt, &b);
                let spoken_of = self.spoken_of(qt, &b, &vocatives);
                addressed.clone_from(&vocatives);
                rec.quotes.push(conversation::QuoteSite {
                    pending: idx,
                    start: q.span.start,
                    end: q.span.end,
                    open: qt.open,
                    close: qt.close,
                    sentence: b.sentence_of[qt.open],
                    opens_block: first_token_quote == Some(qt.id),
                    method: quote.method,
                    local,
                    same_as,
                    continues,
                    vocatives,
                    vocative_names,
                    spoken_of,
                });
            }
            self.pending.push(Pending {
                quote,
                same_as,
                block: self.block_index,
                relay,
                addressed,
            });
        }
        for r in &self.scratch.reported {
            self.pending.push(Pending {
                block: self.block_index,
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
                    original: None,
                },
                same_as: None,
                relay: None,
                addressed: Vec::new(),
            });
        }
        // Figures in this block.
        numbers::find_tokens(text, &self.scratch.tokens, &mut self.figures);

        // The block's narration, for the conversation: resolved mentions and how much
        // narration there is around the quotes.
        rec.narrative_words = self.scratch.narrative_words;
        rec.closing_narration = closing_narration(&self.scratch.tokens, &self.scratch.sentence_of);
        // (Sized once: grown push by push, the block's list was reallocated three times.)
        rec.mentions
            .reserve_exact(entity_of.iter().filter(|e| e.is_some()).count());
        for (mi, m) in self.scratch.mentions.iter().enumerate() {
            if m.kind == mentions::MentionKind::Pronoun && !self.tokens_in_quote(m) {
                if self.narrator_pronoun(m) {
                    self.first_person_mentions += 1;
                } else if m.gender != mentions::Gender::Unknown {
                    self.third_person_mentions += 1;
                }
            }
            if let Some(e) = entity_of[mi] {
                rec.mentions.push(conversation::NarrativeMention {
                    entity: e,
                    span: m.span,
                    subject: m.subject,
                    kind: m.kind,
                    sentence: m.sentence,
                    token: m.toks.0,
                    cue: cue_of[mi],
                    fronted: fronted[mi],
                });
            }
        }
        // In text order, for the conversation's binary searches (a mention absorbed into a
        // longer name can come out of order).
        if !rec.mentions.is_sorted_by_key(|m| m.span.start) {
            rec.mentions.sort_by_key(|m| m.span.start);
        }
        if self.conversation.narrator.is_none()
            && self.first_person_mentions >= 3
            && self.first_person_mentions * 5 >= self.third_person_mentions
        {
            self.conversation.narrator = Some(self.resolver.narrator());
            self.narrator_late = !self.pending.is_empty();
        }
        self.block_index += 1;
        self.conversation
            .push(rec, text, &self.resolver, &mut self.decisions);
        self.apply_decisions();
        self.prev_block_colon = colon_cue.map(|(cue, m)| {
            let speaker = entity_of[m].map(|e| (e, self.local_mention(m, Some(e))));
            (cue, self.scratch.mentions[m].span, speaker)
        });
        self.sentence_base += self.scratch.sentences.len();
        // Drop the per-block map entries that can no longer be referenced.
        if self.raw_to_pending.len() > 4096 {
            self.raw_to_pending.clear();
        }
    }

    /// The quote's own mention as the conversation sees it.
    fn local_mention(&self, m: usize, entity: Option<usize>) -> conversation::LocalMention {
        let mm = &self.scratch.mentions[m];
        let word = mm.span.text(self.text);
        let first_person = mm.kind == mentions::MentionKind::Pronoun
            && (word.eq_ignore_ascii_case("i") || word.eq_ignore_ascii_case("we"));
        let entity = if first_person && word.eq_ignore_ascii_case("i") {
            self.conversation.narrator.or(entity)
        } else {
            entity
        };
        conversation::LocalMention {
            span: mm.span,
            kind: mm.kind,
            gender: mm.gender,
            plural: mm.plural,
            first_person,
            entity_kind: mm.entity_kind,
            entity,
        }
    }

    /// "I" in the narration (not "we", not inside a quotation).
    fn narrator_pronoun(&self, m: &mentions::Mention) -> bool {
        m.span.text(self.text) == "I"
    }

    fn tokens_in_quote(&self, m: &mentions::Mention) -> bool {
        self.scratch.tokens[m.toks.0].in_quote()
    }

    /// Who a quote addresses by name ("Don't blame me, Lou."): the entities known by that
    /// name, and the names as written.
    fn vocatives(&self, qt: &QuoteToks, b: &Block) -> (Vec<usize>, Vec<Span>) {
        let mut found = conversation::vocative::find(b, qt);
        let named: Vec<Option<usize>> = found.iter().map(|v| self.entity_named(v)).collect();
        let mut known = named.iter();
        found.retain(|v| known.next().is_some_and(|e| e.is_some() || !v.exclaimed));
        (
            named.into_iter().flatten().collect(),
            found.into_iter().map(|v| v.span).collect(),
        )
    }

    /// The entities a quote names without addressing them.
    fn spoken_of(&self, qt: &QuoteToks, b: &Block, vocatives: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = conversation::vocative::names_said(b, qt)
            .iter()
            .filter_map(|v| self.entity_named(v))
            .filter(|e| !vocatives.contains(e))
            .collect();
        out.dedup();
        out
    }

    /// The entity known by a name said inside a quote, if any, of the sex its honorific gives.
    fn entity_named(&self, v: &conversation::vocative::Vocative) -> Option<usize> {
        let ids: Option<Vec<names::WordId>> =
            v.words.iter().map(|w| self.scratch.names.get(w)).collect();
        self.resolver
            .find_named(&self.scratch.names, &ids?, v.gender)
    }

    /// The narrator takes the name others address them by ("my dear Watson"), when it is
    /// heard at least twice in the turns next to the narrator's own.
    fn name_narrator(&mut self) {
        let Some(n) = self.conversation.narrator else {
            return;
        };
        let mut votes: Vec<(String, u32)> = self
            .conversation
            .narrator_votes
            .iter()
            .map(|(k, &v)| (k.clone(), v))
            .collect();
        votes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // A first-person narrator is "I" in the narration: a name the narration itself uses is
        // someone the narrator talks about (the servant a speaker calls in the same breath).
        let mut quoted: Vec<Span> = self.pending.iter().map(|p| p.quote.span).collect();
        quoted.sort_unstable_by_key(|s| s.start);
        votes.retain(|(name, _)| !named_in_narration(self.text, &quoted, name));
        let Some((name, count)) = votes.first().cloned() else {
            return;
        };
        if count < 2 {
            return;
        }
        // Other forms of the same name ("Dr. Watson" beside "Watson") are aliases; other names
        // heard there are the people the narrator talks to.
        let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
        let key = last(&name);
        let e = &mut self.resolver.entities[n];
        let old = std::mem::replace(&mut e.name, name.clone());
        e.aliases.push(old);
        for (alias, _) in votes.into_iter().skip(1) {
            if last(&alias) == key && !e.aliases.contains(&alias) && e.aliases.len() < 32 {
                e.aliases.push(alias);
            }
        }
    }

    /// The quote's speaker mention is a name or description, not a pronoun.
    fn named_by(&self, q: &Quote) -> bool {
        q.speaker_mention.is_some_and(|m| {
            !lexicon::lookup(&m.text(self.text).to_lowercase()).is(lexicon::PRONOUN)
        })
    }

    /// Gives the quotes of an epithet ("the young girl") to the named person it stands for,
    /// who takes its mentions. (Not its wording as an alias: a wrong link would then look right.)
    fn join_epithets(&mut self, quotes: &mut [Quote]) -> resolve::KnownEpithets {
        // Every line of speech, with its speaker when a name or description tags it.
        let turns = || {
            quotes
                .iter()
                .filter(|q| {
                    matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) && q.parent.is_none()
                })
                .map(|q| {
                    let tagged = matches!(q.method, Method::CueAfter | Method::CueBefore)
                        && self.named_by(q);
                    (q.span.start, q.speaker.filter(|_| tagged))
                })
                .collect()
        };
        let mut links = epithets::links(self.text, &self.resolver.entities, turns);
        // A description used of someone before the story names them (`named_after`).
        if self.resolver.story {
            let linked: Vec<usize> = links.iter().map(|&(from, _)| from).collect();
            links.extend(
                epithets::named_after(&self.resolver.entities)
                    .into_iter()
                    .filter(|(from, _)| !linked.contains(from)),
            );
        }
        let mut known = Vec::new();
        for (from, to) in links {
            for q in quotes.iter_mut().filter(|q| q.speaker == Some(from)) {
                q.speaker = Some(to);
            }
            let target = &self.resolver.entities[to];
            let names: Vec<String> = std::iter::once(target.name.clone())
                .chain(target.aliases.iter().cloned())
                .collect();
            for s in &self.resolver.entities[from].mentions {
                let key = resolve::epithet_key(s.text(self.text));
                if key.contains(' ') && !known.iter().any(|(k, _)| *k == key) {
                    known.push((key, names.clone()));
                }
            }
            let mentions = std::mem::take(&mut self.resolver.entities[from].mentions);
            let e = &mut self.resolver.entities[to];
            e.mentions.extend(mentions);
            e.mentions.sort_unstable();
            e.mentions.dedup();
        }
        known
    }

    /// "… Beck, who called it “a disaster”": *who* is the speaker's mention in the clause
    /// that holds the quotation (and one of Beck's mentions).
    fn relative_subjects(&mut self, quotes: &mut [Quote]) {
        for q in quotes.iter_mut() {
            let (Some(e), Some(m)) = (q.speaker, q.speaker_mention) else {
                continue;
            };
            if let Some(who) = relative_clause::subject_of_clause(self.text, m, q.span) {
                q.speaker_mention = Some(who);
                let mentions = &mut self.resolver.entities[e].mentions;
                if let Err(at) = mentions.binary_search(&who) {
                    mentions.insert(at, who);
                }
            }
        }
    }

    /// "Ruiz said Friday that she would “fight on”": Ruiz, who reports the clause, is the mention
    /// that names the speaker of the words in it, not the clause's *she* (`reporting_subject`).
    fn reporting_subjects(&self, quotes: &mut [Quote]) {
        for q in quotes.iter_mut() {
            let (Some(e), Some(m)) = (q.speaker, q.speaker_mention) else {
                continue;
            };
            let mentions = &self.resolver.entities[e].mentions;
            if let Some(r) = reporting_subject::reporter(self.text, m, mentions) {
                q.speaker_mention = Some(r);
            }
        }
    }

    /// Untagged dialogue lines take the speaker a later named line anchors them to
    /// (`conversation::backward`).
    fn anchor_lines_backwards(&mut self) {
        let mut order: Vec<usize> = (0..self.pending.len())
            .filter(|&i| {
                let q = &self.pending[i].quote;
                matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) && q.parent.is_none()
            })
            .collect();
        order.sort_by_key(|&i| self.pending[i].quote.span.start);
        let lines: Vec<conversation::backward::Line> = order
            .iter()
            .map(|&i| {
                let q = &self.pending[i].quote;
                let named = self.named_by(q);
                conversation::backward::Line {
                    block: self.pending[i].block,
                    method: q.method,
                    speaker: q.speaker,
                    confidence: q.confidence,
                    named,
                }
            })
            .collect();
        for (line, speaker) in conversation::backward::corrections(&lines) {
            let p = &mut self.pending[order[line]];
            // The alternation read backwards never gives a line to someone it calls by name.
            if p.addressed.contains(&speaker) {
                continue;
            }
            let q = &mut p.quote;
            if q.speaker != Some(speaker) {
                q.speaker = Some(speaker);
                q.speaker_mention = None;
            }
        }
    }

    /// A quote still given to the source that relays it keeps the name of the one who said it.
    fn name_original_speakers(&mut self) {
        for p in &mut self.pending {
            let Some((source, original)) = p.relay else {
                continue;
            };
            if p.quote.speaker_mention != Some(source) {
                continue;
            }
            let name = self
                .resolver
                .entities
                .iter()
                .find(|e| e.mentions.binary_search(&original).is_ok())
                .map_or_else(|| original.text(self.text).to_string(), |e| e.name.clone());
            p.quote.original = Some(OriginalSpeaker {
                mention: original,
                name,
            });
        }
    }

    /// Writes the conversation's decisions into the pending quotes.
    fn apply_decisions(&mut self) {
        for d in self.decisions.drain(..) {
            let q = &mut self.pending[d.pending].quote;
            q.speaker = d.speaker;
            q.speaker_mention = d.mention;
            q.method = d.method;
            q.confidence = d.confidence;
            if let Some((span, old)) = d.relinked {
                self.relinked.push((span, old, d.speaker));
            }
        }
    }

    /// A pronoun or description the conversation tied to another speaker than the resolver
    /// did is that speaker's mention.
    fn move_relinked_mentions(&mut self) {
        let mut touched = Vec::new();
        for (span, old, new) in std::mem::take(&mut self.relinked) {
            if let Some(old) = old
                && let Some(e) = self.resolver.entities.get_mut(old)
            {
                e.mentions.retain(|&s| s != span);
            }
            if let Some(new) = new
                && let Some(e) = self.resolver.entities.get_mut(new)
                && !e.mentions.contains(&span)
            {
                e.mentions.push(span);
                touched.push(new);
            }
        }
        for e in touched {
            self.resolver.entities[e].mentions.sort_unstable();
        }
    }

    /// The analysis, the buffers, the trace, and what a second reading should know: the
    /// epithets found to stand for named people, the full names of given names.
    fn finish(mut self) -> (Analysis, Scratch, Option<Trace>, resolve::FirstReading) {
        self.conversation
            .finish(self.text, &self.resolver, &mut self.decisions);
        self.apply_decisions();
        self.move_relinked_mentions();
        self.name_narrator();
        // Inherit speakers along split/continuation links (targets come earlier).
        for i in 0..self.pending.len() {
            if let Some(t) = self.pending[i].same_as
                && t < i
            {
                let (speaker, mention) = (
                    self.pending[t].quote.speaker,
                    self.pending[t].quote.speaker_mention,
                );
                let relay = self.pending[t].relay;
                let p = &mut self.pending[i];
                p.relay = p.relay.or(relay);
                let q = &mut p.quote;
                q.speaker = speaker;
                if q.speaker_mention.is_none() {
                    q.speaker_mention = mention;
                }
            }
        }
        if self.conversation.dialogue {
            self.anchor_lines_backwards();
        }
        self.name_original_speakers();
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
        let trace = self.conversation.trace.take().map(|quotes| Trace {
            quotes: quotes
                .into_iter()
                .map(|t| TracedQuote {
                    quote: new_id[t.pending],
                    candidates: t.candidates,
                    chosen: t.chosen,
                })
                .collect(),
            entities: self
                .resolver
                .entities
                .iter()
                .map(|e| TracedEntity {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    mentions: e.mentions.clone(),
                })
                .collect(),
            dialogue: self.conversation.dialogue,
        });
        let known = resolve::FirstReading {
            epithets: self.join_epithets(&mut quotes),
            full_names: if self.conversation.dialogue {
                self.resolver.full_names(self.text)
            } else {
                Vec::new()
            },
            narrator: self.narrator_late && self.conversation.dialogue,
        };
        self.relative_subjects(&mut quotes);
        self.reporting_subjects(&mut quotes);
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
        scratch.names.start_block();
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
            trace,
            known,
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

/// The block's last sentence when it is narration only (no quotation in it): what a reader has
/// just read when the next paragraph opens with a quotation ("At last she spoke.").
fn closing_narration(tokens: &[tokens::Token], sentence_of: &[usize]) -> Option<usize> {
    let last = *sentence_of.last()?;
    let from = sentence_of.partition_point(|&s| s < last);
    tokens[from..].iter().all(|t| !t.in_quote()).then_some(last)
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
    let mut engine = Engine::new(text, Scratch::default(), false);
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

/// Every quote of a one-paragraph text with what the sieve found for it (for the rules' tests).
/// Whether `name` is used in the narration, outside every quotation, at least twice and in a
/// quarter or more of its occurrences (a stray occurrence is a missed quotation mark).
fn named_in_narration(text: &str, quoted: &[Span], name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let (mut total, mut narrated) = (0usize, 0usize);
    for (at, _) in text.match_indices(name) {
        let end = at + name.len();
        if word_char(text[..at].chars().next_back()) || word_char(text[end..].chars().next()) {
            continue;
        }
        total += 1;
        let i = quoted.partition_point(|s| s.start <= at);
        let inside = quoted[..i].iter().rev().take(4).any(|s| s.end >= end);
        if !inside {
            narrated += 1;
        }
    }
    narrated >= 2 && narrated * 4 >= total
}

#[cfg(test)]
pub(crate) fn attribute_text(text: &str) -> Vec<sieve::testing::Found> {
    let doc = Document::from_text(text, crate::document::Meta::default());
    let raw = marks::find_quotes(&doc.text, &doc.paragraphs);
    let mut engine = Engine::new(&doc.text, Scratch::default(), false);
    let mut out = Vec::new();
    for (block, quotes) in blocks_with_quotes(&doc, &raw) {
        let top = engine.read_block(block, &raw, quotes.clone());
        let s = &engine.scratch;
        let b = Block {
            text: &doc.text,
            tokens: &s.tokens,
            sentences: &s.sentences,
            sentence_of: &s.sentence_of,
            mentions: &s.mentions,
            mention_at: &s.mention_at,
            scans: Default::default(),
        };
        let mut reported = Vec::new();
        sieve::reported(&b, &mut reported);
        let mut atts: Vec<(QuoteToks, Attribution)> = Vec::new();
        let mut prev_speech: Option<usize> = None;
        for qi in quotes {
            let Some(qt) = quote_tokens(&s.tokens, qi, &raw[qi], &top) else {
                continue;
            };
            let prev = prev_speech.map(|p| (&atts[p].0, &atts[p].1));
            let att = sieve::attribute(&b, &qt, prev, &reported);
            if att.kind.is_speech() && att.kind != QuoteKind::Nested {
                prev_speech = Some(atts.len());
            }
            out.push(sieve::testing::Found {
                rule: att.rule,
                kind: att.kind,
                method: att.method,
                mention: att
                    .mention
                    .map(|m| s.mentions[m].span.text(&doc.text).to_string()),
                cue: att.cue.map(|c| c.text(&doc.text).to_string()),
                words: att.words.map(|w| w.text(&doc.text).to_string()),
                original: att
                    .original
                    .map(|m| s.mentions[m].span.text(&doc.text).to_string()),
            });
            atts.push((qt, att));
        }
    }
    out
}

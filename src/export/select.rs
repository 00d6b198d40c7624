//! What an export contains: the quotes, highlights or figures in scope, in document order, each
//! with its words, its speaker and its note.

use super::ExportError;
use crate::analysis::model::{
    Analysis, Figure, Method, Quote, QuoteId, QuoteKind, Span, SpeakerId,
};
use crate::contract;
use crate::document::Document;
use crate::plural::count;
use crate::store::Highlight;
use std::borrow::Cow;

/// Which excerpts to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Direct and partial quotes; reported speech (he said that …) only when asked. Nested
    /// quotes are left out: their words are already inside the quote that holds them.
    Quotes { reported: bool },
    /// The user's saved highlights (orphaned ones included, marked as such).
    Highlights,
    /// The figures cited.
    Numbers,
}

impl Scope {
    /// The plural noun for messages ("quotes").
    pub fn noun(self) -> &'static str {
        match self {
            Scope::Quotes { .. } => "quotes",
            Scope::Highlights => "highlights",
            Scope::Numbers => "numbers",
        }
    }
}

/// One exported thing.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Quote(QuoteId, &'a Quote),
    Highlight(&'a Highlight),
    Number(usize, &'a Figure),
}

/// An excerpt with what every format shows.
#[derive(Debug, Clone)]
pub struct Excerpt<'a> {
    /// `q3`, `h2`, `n5`: the ids of the extract contract (`h` for highlights).
    pub id: String,
    pub item: Item<'a>,
    /// Where in the document text; `None` for an orphaned highlight.
    pub span: Option<Span>,
    /// The words: a quote's content, a highlight's text, a figure as written. A quotation cut
    /// in two by its attribution is whole: its parts joined with " … ".
    pub text: Cow<'a, str>,
    /// The later parts of a quotation cut by its attribution ("…,” she said, “…”), joined
    /// into this excerpt; empty otherwise.
    pub continued: Vec<(QuoteId, &'a Quote)>,
    pub speaker: Option<&'a str>,
    /// Whose words the speaker relays ("“…,” Sanders said, according to CNN": Sanders).
    pub original: Option<&'a str>,
    pub note: Option<&'a str>,
}

impl Excerpt<'_> {
    /// The quotes this excerpt holds: `q3`, or `q3+q4` for a quotation joined from two parts.
    pub fn quote_ids(&self) -> Option<Vec<QuoteId>> {
        match self.item {
            Item::Quote(i, _) => Some(
                std::iter::once(i)
                    .chain(self.continued.iter().map(|&(j, _)| j))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// A figure to show inside its sentence: a number, or a highlight of one.
    pub fn figure_span(&self) -> Option<Span> {
        match self.item {
            Item::Number(_, f) => Some(f.span),
            Item::Highlight(h) if h.origin == crate::store::Origin::Number => h.span(),
            _ => None,
        }
    }

    /// Who the attribution line names: the speaker; "unattributed" for a quote with no speaker
    /// found; nobody for a figure or a selection without one.
    /// Words a source relays name both: "Bernie Sanders, according to CNN".
    pub fn attribution(&self) -> Option<Cow<'_, str>> {
        match (self.speaker, self.original, self.item) {
            (Some(s), Some(o), _) => Some(Cow::Owned(format!("{o}, according to {s}"))),
            (Some(s), None, _) => Some(Cow::Borrowed(s)),
            (None, _, Item::Quote(..)) => Some(Cow::Borrowed("unattributed")),
            (None, _, _) => None,
        }
    }
}

/// Everything a format needs to render an export.
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub scope: Scope,
    /// The `--speaker` text, as given.
    pub speaker_filter: Option<&'a str>,
    /// The speakers that text matched (for the heading).
    pub matched: Vec<SpeakerId>,
    pub items: Vec<Excerpt<'a>>,
}

impl Selection<'_> {
    /// "5 quotes by Vladimir Putin", "2 highlights", "9 numbers".
    pub fn describe(&self) -> String {
        let noun = match self.scope {
            Scope::Quotes { .. } => "quote",
            Scope::Highlights => "highlight",
            Scope::Numbers => "number",
        };
        let mut s = count(self.items.len(), noun);
        if let Scope::Quotes { reported: true } = self.scope {
            s.push_str(" (reported speech included)");
        }
        if let Some(f) = self.speaker_filter {
            let names: Vec<&str> = self
                .matched
                .iter()
                .filter_map(|&i| self.analysis.speakers.get(i))
                .map(|s| s.name.as_str())
                .collect();
            let by = if names.is_empty() {
                f.to_string()
            } else {
                names.join(", ")
            };
            let prep = if self.scope == Scope::Numbers {
                "cited by"
            } else {
                "by"
            };
            s.push_str(&format!(" {prep} {by}"));
        }
        s
    }

    /// The short name of the document for attributions: its title, or its file name.
    pub fn doc_name(&self) -> String {
        self.doc.display_name()
    }
}

/// Speakers whose name contains `needle` (any case); if none, those with an alias containing it.
/// "Putin" picks Vladimir Putin; "head of state" picks whoever is called that.
pub fn match_speakers(analysis: &Analysis, needle: &str) -> Vec<SpeakerId> {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let by_name: Vec<SpeakerId> = analysis
        .speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| s.name.to_lowercase().contains(&needle))
        .map(|(i, _)| i)
        .collect();
    if !by_name.is_empty() {
        return by_name;
    }
    analysis
        .speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| s.aliases.iter().any(|a| a.to_lowercase().contains(&needle)))
        .map(|(i, _)| i)
        .collect()
}

fn no_such_speaker(analysis: &Analysis, needle: &str) -> ExportError {
    let mut known: Vec<&str> = analysis.speakers.iter().map(|s| s.name.as_str()).collect();
    known.dedup();
    ExportError::NoSuchSpeaker {
        needle: needle.to_string(),
        known: if known.is_empty() {
            "none".into()
        } else {
            known.join(", ")
        },
    }
}

/// Picks the excerpts of `scope`, optionally of one speaker.
pub fn select<'a>(
    doc: &'a Document,
    analysis: &'a Analysis,
    highlights: &'a [Highlight],
    scope: Scope,
    speaker: Option<&'a str>,
) -> Result<Selection<'a>, ExportError> {
    select_kinds(doc, analysis, highlights, scope, speaker, &[])
}

/// Like [`select`], with the quotes limited to `kinds` (`--kinds`; empty: the scope's own
/// choice of direct and partial quotes, and reported speech when asked).
pub fn select_kinds<'a>(
    doc: &'a Document,
    analysis: &'a Analysis,
    highlights: &'a [Highlight],
    scope: Scope,
    speaker: Option<&'a str>,
    kinds: &[QuoteKind],
) -> Result<Selection<'a>, ExportError> {
    let text = doc.text.as_str();
    let matched = speaker.map(|s| match_speakers(analysis, s));
    let speaker_name = |i: Option<SpeakerId>| {
        i.and_then(|i| analysis.speakers.get(i))
            .map(|s| s.name.as_str())
    };
    let keep_speaker = |i: Option<SpeakerId>| match &matched {
        None => true,
        Some(m) => i.is_some_and(|i| m.contains(&i)),
    };
    if let (Some(needle), Some(m)) = (speaker, &matched) {
        // Highlights keep the speaker's name as it was; a name there can match on its own.
        let in_highlights = scope == Scope::Highlights
            && highlights
                .iter()
                .any(|h| highlight_speaker_matches(h, analysis, m, needle));
        if m.is_empty() && !in_highlights {
            return Err(no_such_speaker(analysis, needle));
        }
    }
    let items = match scope {
        Scope::Quotes { reported } => {
            let picked = analysis
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| match q.kind {
                    k if !kinds.is_empty() => kinds.contains(&k),
                    QuoteKind::Direct | QuoteKind::Partial => true,
                    QuoteKind::Reported => reported,
                    QuoteKind::Nested | QuoteKind::Title | QuoteKind::Term => false,
                })
                .filter(|(_, q)| keep_speaker(q.speaker))
                .map(|(i, q)| Excerpt {
                    id: contract::quote_id(i),
                    item: Item::Quote(i, q),
                    span: Some(q.span),
                    text: Cow::Borrowed(q.content.text(text)),
                    continued: Vec::new(),
                    speaker: speaker_name(q.speaker),
                    original: q.original.as_ref().map(|o| o.name.as_str()),
                    note: None,
                });
            join_split_quotations(doc, picked)
        }
        Scope::Numbers => analysis
            .numbers
            .iter()
            .enumerate()
            .filter(|(_, n)| keep_speaker(n.source))
            .map(|(i, n)| Excerpt {
                id: contract::number_id(i),
                item: Item::Number(i, n),
                span: Some(n.span),
                text: Cow::Borrowed(n.span.text(text)),
                continued: Vec::new(),
                speaker: speaker_name(n.source),
                original: None,
                note: None,
            })
            .collect(),
        Scope::Highlights => highlights
            .iter()
            .filter(|h| match (speaker, &matched) {
                (Some(needle), Some(m)) => highlight_speaker_matches(h, analysis, m, needle),
                _ => true,
            })
            .map(|h| Excerpt {
                id: highlight_id(h.id),
                item: Item::Highlight(h),
                span: h.span(),
                text: Cow::Borrowed(h.text.as_str()),
                continued: Vec::new(),
                speaker: h.speaker.as_deref(),
                original: None,
                note: h.note.as_deref(),
            })
            .collect(),
    };
    Ok(Selection {
        doc,
        analysis,
        scope,
        speaker_filter: speaker,
        matched: matched.unwrap_or_default(),
        items,
    })
}

/// Joins each quotation the engine found cut in two by its attribution ("“We will stay under
/// $30 million,” she said, “and no more.”": a quote, then one whose method is
/// [`Method::Split`]) into one excerpt: "We will stay under $30 million … and no more.", the
/// first part's trailing comma dropped. Only parts next to each other in the export, of the same
/// speaker and in the same paragraph, are joined.
fn join_split_quotations<'a>(
    doc: &'a Document,
    excerpts: impl Iterator<Item = Excerpt<'a>>,
) -> Vec<Excerpt<'a>> {
    let mut out: Vec<Excerpt<'a>> = Vec::new();
    for e in excerpts {
        if let (Item::Quote(i, q), Some(prev)) = (e.item, out.last_mut())
            && q.method == Method::Split
            && continues(doc, prev, q)
        {
            let first = prev.text.trim_end().trim_end_matches(',').trim_end();
            prev.text = Cow::Owned(format!("{first} … {}", e.text.trim_start()));
            prev.span = prev
                .span
                .zip(e.span)
                .map(|(a, b)| Span::new(a.start, b.end));
            prev.continued.push((i, q));
            continue;
        }
        out.push(e);
    }
    out
}

/// Whether `next` is the second part of the quotation `prev` ends with.
fn continues(doc: &Document, prev: &Excerpt, next: &Quote) -> bool {
    let last = prev.continued.last().map(|&(_, q)| q).or(match prev.item {
        Item::Quote(_, q) => Some(q),
        _ => None,
    });
    last.is_some_and(|last| {
        last.speaker.is_some()
            && last.speaker == next.speaker
            && last.span.end <= next.span.start
            && doc.paragraph_at(last.span.end.saturating_sub(1))
                == doc.paragraph_at(next.span.start)
    })
}

fn highlight_speaker_matches(
    h: &Highlight,
    analysis: &Analysis,
    matched: &[SpeakerId],
    needle: &str,
) -> bool {
    let Some(name) = h.speaker.as_deref() else {
        return false;
    };
    name.to_lowercase().contains(&needle.trim().to_lowercase())
        || matched
            .iter()
            .filter_map(|&i| analysis.speakers.get(i))
            .any(|s| s.name == name)
}

/// `h7`: a highlight's id in exports.
pub fn highlight_id(id: u64) -> String {
    format!("h{id}")
}

/// The sentence around a figure, for context: from the previous sentence end to the next one,
/// within the figure's paragraph.
pub fn sentence_around(doc: &Document, span: Span) -> Span {
    let text = doc.text.as_str();
    let para = doc
        .paragraph_at(span.start)
        .and_then(|i| doc.paragraphs.get(i))
        .copied()
        .filter(|p| p.covers(span))
        .unwrap_or(span);
    let before = &text[para.start..span.start];
    let start = sentence_breaks(before)
        .last()
        .map_or(para.start, |b| para.start + b);
    let after = &text[span.end..para.end];
    let end = sentence_breaks(after)
        .next()
        .map_or(para.end, |b| span.end + b)
        .max(span.end);
    let s = Span::new(start, end);
    // Trim the whitespace a break leaves at the start and end.
    let t = s.text(text);
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    Span::new(s.start + lead, s.end - trail)
}

/// Offsets just after sentence-ending punctuation (and closing marks) that is followed by a space.
fn sentence_breaks(s: &str) -> impl Iterator<Item = usize> + '_ {
    let b = s.as_bytes();
    s.char_indices().filter_map(move |(i, c)| {
        if !matches!(c, '.' | '!' | '?') {
            return None;
        }
        let mut j = i + c.len_utf8();
        // Closing quotes and brackets belong to the sentence they end.
        while let Some(ch) = s[j..].chars().next() {
            if matches!(ch, '”' | '"' | '’' | '\'' | ')' | ']' | '»') {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        (j < b.len() && b[j] == b' ').then_some(j)
    })
}

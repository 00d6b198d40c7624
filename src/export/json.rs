//! JSON: the extract contract's objects (same ids, byte spans and field names) for the selected
//! quotes or figures, or the saved highlights with their anchors. Schema "quotelens-export/1".

use super::select::{Item, Scope, Selection};
use crate::analysis::model::Span;
use crate::contract::{self, NumberOut, QuoteOut, SpeakerOut};
use crate::store::hash;
use serde::Serialize;

pub const SCHEMA: &str = "quotelens-export/1";

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    /// The extract contract's schema the quote, number and speaker objects follow.
    contract: &'static str,
    document: DocumentOut<'a>,
    scope: &'static str,
    speaker_filter: Option<&'a str>,
    reported: bool,
    count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    speakers: Option<Vec<SpeakerOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<Vec<QuoteOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    numbers: Option<Vec<NumberOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    highlights: Option<Vec<HighlightOut<'a>>>,
    /// The quotations as exported, one per `count`: a quote, or the parts of one quotation cut
    /// by its attribution joined with " … ".
    #[serde(skip_serializing_if = "Option::is_none")]
    quotations: Option<Vec<QuotationOut>>,
}

#[derive(Serialize)]
struct QuotationOut {
    /// The quote ids it is made of: `["q3"]`, or `["q3", "q4"]` when joined.
    quotes: Vec<String>,
    start: Option<usize>,
    end: Option<usize>,
    text: String,
    speaker: Option<String>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    source: &'a str,
    title: Option<&'a str>,
    bytes: usize,
    text_hash: String,
}

#[derive(Serialize)]
struct HighlightOut<'a> {
    id: String,
    /// `null` when orphaned (the text is no longer in the document).
    start: Option<usize>,
    end: Option<usize>,
    text: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    origin: &'static str,
    speaker_name: Option<&'a str>,
    /// The quote or figure of the current analysis at exactly this place, if any.
    quote: Option<String>,
    number: Option<String>,
    note: Option<&'a str>,
    created: &'a str,
    orphaned: bool,
}

pub fn render(sel: &Selection) -> String {
    let doc = sel.doc;
    let full = contract::output(doc, sel.analysis);
    let mut speaker_ids: Vec<usize> = Vec::new();
    let mut quote_ids = Vec::new();
    let mut number_ids = Vec::new();
    let mut highlights = Vec::new();
    let mut quotations = Vec::new();
    for e in &sel.items {
        match e.item {
            Item::Quote(i, q) => {
                let ids = e.quote_ids().unwrap_or_else(|| vec![i]);
                quotations.push(QuotationOut {
                    quotes: ids.iter().copied().map(contract::quote_id).collect(),
                    start: e.span.map(|s| s.start),
                    end: e.span.map(|s| s.end),
                    text: e.text.to_string(),
                    speaker: q.speaker.map(contract::speaker_id),
                });
                quote_ids.extend(ids);
                speaker_ids.extend(q.speaker);
            }
            Item::Number(i, n) => {
                number_ids.push(i);
                speaker_ids.extend(n.source);
            }
            Item::Highlight(h) => {
                let span = h.span();
                highlights.push(HighlightOut {
                    id: e.id.clone(),
                    start: span.map(|s| s.start),
                    end: span.map(|s| s.end),
                    text: &h.text,
                    prefix: &h.prefix,
                    suffix: &h.suffix,
                    origin: h.origin.as_str(),
                    speaker_name: h.speaker.as_deref(),
                    quote: span.and_then(|s| quote_at(sel, s)),
                    number: span.and_then(|s| number_at(sel, s)),
                    note: h.note.as_deref(),
                    created: &h.created,
                    orphaned: h.orphaned,
                });
            }
        }
    }
    speaker_ids.sort_unstable();
    speaker_ids.dedup();
    let is = |s: Scope| std::mem::discriminant(&sel.scope) == std::mem::discriminant(&s);
    let out = Export {
        schema: SCHEMA,
        contract: contract::SCHEMA,
        document: DocumentOut {
            source: &doc.meta.source,
            title: doc.meta.title.as_deref(),
            bytes: doc.text.len(),
            text_hash: hash::text_hash(&doc.text),
        },
        scope: sel.scope.noun(),
        speaker_filter: sel.speaker_filter,
        reported: matches!(sel.scope, Scope::Quotes { reported: true }),
        count: sel.items.len(),
        speakers: (!is(Scope::Highlights)).then(|| pick(&speaker_ids, full.speakers)),
        quotes: is(Scope::Quotes { reported: false }).then(|| pick(&quote_ids, full.quotes)),
        numbers: is(Scope::Numbers).then(|| pick(&number_ids, full.numbers)),
        highlights: is(Scope::Highlights).then_some(highlights),
        quotations: is(Scope::Quotes { reported: false }).then_some(quotations),
    };
    let mut s = serde_json::to_string_pretty(&out)
        .unwrap_or_else(|e| format!("{{\"schema\":\"{SCHEMA}\",\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// The entries of `all` at the (sorted) indices `ids`.
fn pick<T>(ids: &[usize], all: Vec<T>) -> Vec<T> {
    all.into_iter()
        .enumerate()
        .filter(|(i, _)| ids.binary_search(i).is_ok())
        .map(|(_, x)| x)
        .collect()
}

fn quote_at(sel: &Selection, span: Span) -> Option<String> {
    sel.analysis
        .quotes
        .iter()
        .position(|q| q.content == span || q.span == span)
        .map(contract::quote_id)
}

fn number_at(sel: &Selection, span: Span) -> Option<String> {
    sel.analysis
        .numbers
        .iter()
        .position(|n| n.span == span)
        .map(contract::number_id)
}

//! The public JSON interface (`quotelens extract --format json`), schema "quotelens/1".
//! Field names and meanings are fixed; fields may be added. See README "JSON contract" and
//! `assets/schema.json` (the JSON Schema, checked against real output by `tests/schema.rs`).

use crate::analysis::model::{Analysis, Span};
use crate::document::Document;
use serde::Serialize;

mod compact;

pub const SCHEMA: &str = "quotelens/1";

#[derive(Serialize)]
pub struct Output<'a> {
    pub schema: &'static str,
    pub document: DocumentInfo<'a>,
    pub speakers: Vec<SpeakerOut<'a>>,
    pub quotes: Vec<QuoteOut<'a>>,
    pub numbers: Vec<NumberOut<'a>>,
}

#[derive(Serialize)]
pub struct DocumentInfo<'a> {
    pub source: &'a str,
    pub title: Option<&'a str>,
    pub bytes: usize,
    pub format: &'static str,
    pub encoding: &'a str,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub paragraphs: usize,
    /// Chapters (EPUB) with their byte spans; empty for an article.
    pub sections: Vec<SectionOut<'a>>,
    pub warnings: &'a [String],
}

#[derive(Serialize)]
pub struct SectionOut<'a> {
    pub title: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct SpanText<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> SpanText<'a> {
    pub fn new(text: &'a str, s: Span) -> Self {
        SpanText {
            start: s.start,
            end: s.end,
            text: s.text(text),
        }
    }
}

#[derive(Serialize)]
pub struct SpeakerOut<'a> {
    pub id: Id,
    pub name: &'a str,
    pub kind: &'static str,
    pub aliases: &'a [String],
    pub mentions: Vec<SpanText<'a>>,
    pub quotes: Vec<Id>,
}

pub struct QuoteOut<'a> {
    pub id: Id,
    pub start: usize,
    pub end: usize,
    pub content_start: usize,
    pub content_end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub speaker: Option<Id>,
    pub speaker_name: Option<&'a str>,
    pub speaker_mention: Option<SpanText<'a>>,
    pub cue: Option<SpanText<'a>>,
    pub addressee: Option<SpanText<'a>>,
    pub method: &'static str,
    pub confidence: f32,
    pub parent: Option<Id>,
    /// Only when the speaker relays someone's words ("“…,” Sanders said, according to CNN"):
    /// the one who said them; added in quotelens/1.
    pub original_speaker_name: Option<&'a str>,
    pub original_speaker_mention: Option<SpanText<'a>>,
}

// Written out rather than derived: the derived code for a struct with fields that may be left
// out is not inlined into the loop over quotes, which cost 2% of `extract`'s instructions.
impl Serialize for QuoteOut<'_> {
    #[inline]
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let relayed = self.original_speaker_name.is_some();
        let mut q = s.serialize_struct("QuoteOut", if relayed { 17 } else { 15 })?;
        q.serialize_field("id", &self.id)?;
        q.serialize_field("start", &self.start)?;
        q.serialize_field("end", &self.end)?;
        q.serialize_field("content_start", &self.content_start)?;
        q.serialize_field("content_end", &self.content_end)?;
        q.serialize_field("text", &self.text)?;
        q.serialize_field("kind", &self.kind)?;
        q.serialize_field("speaker", &self.speaker)?;
        q.serialize_field("speaker_name", &self.speaker_name)?;
        q.serialize_field("speaker_mention", &self.speaker_mention)?;
        q.serialize_field("cue", &self.cue)?;
        q.serialize_field("addressee", &self.addressee)?;
        q.serialize_field("method", &self.method)?;
        q.serialize_field("confidence", &self.confidence)?;
        q.serialize_field("parent", &self.parent)?;
        if relayed {
            q.serialize_field("original_speaker_name", &self.original_speaker_name)?;
            q.serialize_field("original_speaker_mention", &self.original_speaker_mention)?;
        }
        q.end()
    }
}

#[derive(Serialize)]
pub struct NumberOut<'a> {
    pub id: Id,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub value: Option<f64>,
    pub value_high: Option<f64>,
    pub unit: Option<&'a str>,
    /// What the unit measures ("money", "ratio", "length", "speed" …); added in quotelens/1.
    pub dimension: Option<&'a str>,
    pub qualifier: Option<&'a str>,
    pub quote: Option<Id>,
    pub source: Option<Id>,
}

/// An id such as "q3": a prefix and a 0-based index, written 1-based without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id(pub char, pub usize);

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written into a stack buffer: `collect_str` goes through the formatting machinery and
        // escapes char by char, a visible cost with tens of ids per article.
        let mut buf = [0u8; 4 + 20];
        s.serialize_str(self.write_to(&mut buf))
    }
}

impl Id {
    /// The id as text ("q12") in `buf`, which must hold the prefix char and 20 digits.
    fn write_to<'b>(&self, buf: &'b mut [u8; 24]) -> &'b str {
        let prefix = self.0.encode_utf8(&mut buf[..4]).len();
        let mut digits = [0u8; 20];
        let mut n = self.1 as u64 + 1;
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let len = prefix + digits.len() - at;
        buf[prefix..len].copy_from_slice(&digits[at..]);
        // Only a char and ASCII digits were written.
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.0, self.1 + 1)
    }
}

pub fn speaker_id(i: usize) -> String {
    format!("s{}", i + 1)
}
pub fn quote_id(i: usize) -> String {
    format!("q{}", i + 1)
}
pub fn number_id(i: usize) -> String {
    format!("n{}", i + 1)
}

/// Builds the contract object for one document.
pub fn output<'a>(doc: &'a Document, a: &'a Analysis) -> Output<'a> {
    let text = doc.text.as_str();
    Output {
        schema: SCHEMA,
        document: DocumentInfo {
            source: &doc.meta.source,
            title: doc.meta.title.as_deref(),
            bytes: text.len(),
            format: doc.meta.format.as_str(),
            encoding: &doc.meta.encoding,
            byline: doc.meta.byline.as_deref(),
            published: doc.meta.published.as_deref(),
            paragraphs: doc.paragraphs.len(),
            sections: doc
                .sections
                .iter()
                .map(|s| SectionOut {
                    title: &s.title,
                    start: s.span.start,
                    end: s.span.end,
                })
                .collect(),
            warnings: &doc.meta.warnings,
        },
        speakers: a
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| SpeakerOut {
                id: Id('s', i),
                name: &s.name,
                kind: s.kind.as_str(),
                aliases: &s.aliases,
                mentions: s.mentions.iter().map(|m| SpanText::new(text, *m)).collect(),
                quotes: s.quotes.iter().map(|&q| Id('q', q)).collect(),
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteOut {
                id: Id('q', i),
                start: q.span.start,
                end: q.span.end,
                content_start: q.content.start,
                content_end: q.content.end,
                text: q.content.text(text),
                kind: q.kind.as_str(),
                speaker: q.speaker.map(|s| Id('s', s)),
                speaker_name: q.speaker.map(|s| a.speakers[s].name.as_str()),
                speaker_mention: q.speaker_mention.map(|m| SpanText::new(text, m)),
                cue: q.cue.map(|c| SpanText::new(text, c)),
                addressee: q.addressee.map(|c| SpanText::new(text, c)),
                method: q.method.as_str(),
                confidence: (q.confidence * 100.0).round() / 100.0,
                parent: q.parent.map(|p| Id('q', p)),
                original_speaker_name: q.original.as_ref().map(|o| o.name.as_str()),
                original_speaker_mention: q
                    .original
                    .as_ref()
                    .map(|o| SpanText::new(text, o.mention)),
            })
            .collect(),
        numbers: a
            .numbers
            .iter()
            .enumerate()
            .map(|(i, n)| NumberOut {
                id: Id('n', i),
                start: n.span.start,
                end: n.span.end,
                text: n.span.text(text),
                kind: n.kind.as_str(),
                value: n.value,
                value_high: n.value_high,
                unit: n.unit.as_deref(),
                dimension: n.dimension,
                qualifier: n.qualifier.as_deref(),
                quote: n.quote.map(|q| Id('q', q)),
                source: n.source.map(|s| Id('s', s)),
            })
            .collect(),
    }
}

/// The document's JSON on one line (JSONL) or pretty-printed.
pub fn to_json(doc: &Document, a: &Analysis, pretty: bool) -> String {
    let out = output(doc, a);
    // The output is a few times the size of the text; reserving it up front avoids regrowing.
    let capacity = doc.text.len() * 3 + 1024;
    if !pretty {
        let mut s = String::with_capacity(capacity);
        compact::write(&out, &mut s);
        return s;
    }
    let mut buf = Vec::with_capacity(capacity);
    let r = serde_json::to_writer_pretty(&mut buf, &out)
        .and_then(|()| String::from_utf8(buf).map_err(serde::ser::Error::custom));
    // Serialising plain structs of strings and numbers cannot fail; keep a valid object if it does.
    r.unwrap_or_else(|e| format!("{{\"schema\":\"{SCHEMA}\",\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialise_as_their_display_text() {
        for id in [Id('q', 0), Id('s', 9), Id('n', 41), Id('q', usize::MAX - 1)] {
            let json = serde_json::to_string(&id).unwrap_or_default();
            assert_eq!(json, format!("\"{id}\""));
        }
    }
}

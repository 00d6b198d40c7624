//! The contract's one-line JSON (JSONL), written by hand. Through serde_json every field name is
//! escaped byte by byte and every write reserves room again, which made serialising about a
//! seventh of `extract`'s instructions; here names are copied as they are and text is copied
//! whole unless it has something to escape.
//!
//! The bytes are exactly `serde_json::to_string(&output)`'s: what has something to escape is
//! handed to serde_json itself, floats are written by zmij as serde_json writes them, and the
//! property tests compare the two on every document they make (`tests/support/invariants.rs`).

use super::{DocumentInfo, Id, NumberOut, Output, QuoteOut, SpanText, SpeakerOut};

/// Appends `out` as compact JSON to `buf`.
pub fn write(out: &Output, buf: &mut String) {
    let mut w = Json {
        out: buf,
        scratch: Vec::new(),
    };
    w.raw("{\"schema\":");
    w.str(out.schema);
    w.raw(",\"document\":");
    w.document(&out.document);
    w.raw(",\"speakers\":");
    w.list(&out.speakers, Json::speaker);
    w.raw(",\"quotes\":");
    w.list(&out.quotes, Json::quote);
    w.raw(",\"numbers\":");
    w.list(&out.numbers, Json::number);
    w.raw("}");
}

/// True when JSON escapes none of `bytes`: no '"', '\\' or control character. Eight bytes at a
/// time (a byte-by-byte test was most of the cost of writing quote text).
fn plain(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Some byte of `w` is below `n` (n ≤ 0x80); with n = 1, some byte is zero.
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH != 0;
    let special = |w: u64| {
        below(w, 0x20)
            || below(w ^ (ONES * u64::from(b'"')), 1)
            || below(w ^ (ONES * u64::from(b'\\')), 1)
    };
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        if special(u64::from_ne_bytes(w)) {
            return false;
        }
    }
    chunks
        .remainder()
        .iter()
        .all(|&b| b >= 0x20 && b != b'"' && b != b'\\')
}

/// Written into a String rather than bytes, so the whole need not be checked for UTF-8 again.
struct Json<'b> {
    out: &'b mut String,
    /// What serde_json writes, before it is appended.
    scratch: Vec<u8>,
}

impl Json<'_> {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn str(&mut self, s: &str) {
        if plain(s.as_bytes()) {
            self.out.reserve(s.len() + 2);
            self.out.push('"');
            self.out.push_str(s);
            self.out.push('"');
        } else {
            // serde_json's own escapes, so that they stay exactly its.
            self.serde(s);
        }
    }

    /// A value written by serde_json (floats, text to escape). Writing to a Vec cannot fail, and
    /// serde_json writes UTF-8.
    fn serde<T: serde::Serialize + ?Sized>(&mut self, v: &T) {
        self.scratch.clear();
        if serde_json::to_writer(&mut self.scratch, v).is_ok() {
            self.out
                .push_str(std::str::from_utf8(&self.scratch).unwrap_or_default());
        }
    }

    /// Through itoa (two digits at a time, as serde_json writes them): pushing digit by digit
    /// cost a third of the writer's instructions.
    fn usize(&mut self, n: usize) {
        self.out.push_str(itoa::Buffer::new().format(n));
    }

    /// A float as serde_json writes it: zmij's shortest form, or null when it is not finite.
    /// (Through serde_json itself, a serializer per number cost more than the digits.)
    fn f64(&mut self, v: f64) {
        if v.is_finite() {
            self.out.push_str(zmij::Buffer::new().format_finite(v));
        } else {
            self.null();
        }
    }

    fn f32(&mut self, v: f32) {
        if v.is_finite() {
            self.out.push_str(zmij::Buffer::new().format_finite(v));
        } else {
            self.null();
        }
    }

    /// An id ("q12"); the prefix is a letter, so there is nothing to escape.
    fn id(&mut self, id: Id) {
        self.out.push('"');
        self.out.push(id.0);
        self.usize(id.1.wrapping_add(1));
        self.out.push('"');
    }

    fn null(&mut self) {
        self.raw("null");
    }

    fn opt<T>(&mut self, v: Option<T>, some: impl FnOnce(&mut Self, T)) {
        match v {
            Some(v) => some(self, v),
            None => self.null(),
        }
    }

    fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Self, &T)) {
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            item(self, x);
        }
        self.out.push(']');
    }

    fn document(&mut self, d: &DocumentInfo) {
        self.raw("{\"source\":");
        self.str(d.source);
        self.raw(",\"title\":");
        self.opt(d.title, Self::str);
        self.raw(",\"bytes\":");
        self.usize(d.bytes);
        self.raw(",\"format\":");
        self.str(d.format);
        self.raw(",\"encoding\":");
        self.str(d.encoding);
        self.raw(",\"byline\":");
        self.opt(d.byline, Self::str);
        self.raw(",\"published\":");
        self.opt(d.published, Self::str);
        self.raw(",\"paragraphs\":");
        self.usize(d.paragraphs);
        self.raw(",\"sections\":");
        self.list(&d.sections, |w, s| {
            w.raw("{\"title\":");
            w.str(s.title);
            w.raw(",\"start\":");
            w.usize(s.start);
            w.raw(",\"end\":");
            w.usize(s.end);
            w.raw("}");
        });
        self.raw(",\"warnings\":");
        self.list(d.warnings, |w, s| w.str(s));
        self.raw("}");
    }

    fn span(&mut self, s: &SpanText) {
        self.raw("{\"start\":");
        self.usize(s.start);
        self.raw(",\"end\":");
        self.usize(s.end);
        self.raw(",\"text\":");
        self.str(s.text);
        self.raw("}");
    }

    fn speaker(&mut self, s: &SpeakerOut) {
        self.raw("{\"id\":");
        self.id(s.id);
        self.raw(",\"name\":");
        self.str(s.name);
        self.raw(",\"kind\":");
        self.str(s.kind);
        self.raw(",\"aliases\":");
        self.list(s.aliases, |w, a| w.str(a));
        self.raw(",\"mentions\":");
        self.list(&s.mentions, Self::span);
        self.raw(",\"quotes\":");
        self.list(&s.quotes, |w, &q| w.id(q));
        self.raw("}");
    }

    /// The fields in the order of `QuoteOut`'s `Serialize`.
    fn quote(&mut self, q: &QuoteOut) {
        self.raw("{\"id\":");
        self.id(q.id);
        self.raw(",\"start\":");
        self.usize(q.start);
        self.raw(",\"end\":");
        self.usize(q.end);
        self.raw(",\"content_start\":");
        self.usize(q.content_start);
        self.raw(",\"content_end\":");
        self.usize(q.content_end);
        self.raw(",\"text\":");
        self.str(q.text);
        self.raw(",\"kind\":");
        self.str(q.kind);
        self.raw(",\"speaker\":");
        self.opt(q.speaker, Self::id);
        self.raw(",\"speaker_name\":");
        self.opt(q.speaker_name, Self::str);
        self.raw(",\"speaker_mention\":");
        self.opt(q.speaker_mention.as_ref(), Self::span);
        self.raw(",\"cue\":");
        self.opt(q.cue.as_ref(), Self::span);
        self.raw(",\"addressee\":");
        self.opt(q.addressee.as_ref(), Self::span);
        self.raw(",\"method\":");
        self.str(q.method);
        self.raw(",\"confidence\":");
        self.f32(q.confidence);
        self.raw(",\"parent\":");
        self.opt(q.parent, Self::id);
        if q.original_speaker_name.is_some() {
            self.raw(",\"original_speaker_name\":");
            self.opt(q.original_speaker_name, Self::str);
            self.raw(",\"original_speaker_mention\":");
            self.opt(q.original_speaker_mention.as_ref(), Self::span);
        }
        self.raw("}");
    }

    fn number(&mut self, n: &NumberOut) {
        self.raw("{\"id\":");
        self.id(n.id);
        self.raw(",\"start\":");
        self.usize(n.start);
        self.raw(",\"end\":");
        self.usize(n.end);
        self.raw(",\"text\":");
        self.str(n.text);
        self.raw(",\"kind\":");
        self.str(n.kind);
        self.raw(",\"value\":");
        self.opt(n.value, Self::f64);
        self.raw(",\"value_high\":");
        self.opt(n.value_high, Self::f64);
        self.raw(",\"unit\":");
        self.opt(n.unit, Self::str);
        self.raw(",\"dimension\":");
        self.opt(n.dimension, Self::str);
        self.raw(",\"qualifier\":");
        self.opt(n.qualifier, Self::str);
        self.raw(",\"quote\":");
        self.opt(n.quote, Self::id);
        self.raw(",\"source\":");
        self.opt(n.source, Self::id);
        self.raw("}");
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn plain_agrees_with_a_byte_by_byte_test() {
        let by_byte = |s: &[u8]| s.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\');
        for len in [1, 7, 8, 9, 16, 21] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    assert_eq!(plain(&s), by_byte(&s), "{s:?}");
                }
            }
        }
        assert!(plain(b""));
    }
}

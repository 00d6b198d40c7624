//! The engine's output invariants, shared by the fuzz targets (`fuzz/fuzz_targets/*.rs` include
//! this file by path), the fuzz regression tests and the property tests. Each check returns a
//! message that names the broken rule, so a failing input explains itself.

#![allow(dead_code)]

use quotelens::{Analysis, Document, Span};

/// A span is usable when it lies inside the text on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what} {}..{} is out of bounds (text is {} bytes)",
            span.start,
            span.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!(
            "{what} {}..{} is not on char boundaries",
            span.start, span.end
        ));
    }
    Ok(())
}

/// Paragraphs lie inside the text, in order, without overlapping.
pub fn check_document(doc: &Document) -> Result<(), String> {
    let text = doc.text.as_str();
    let mut prev_end = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_span(text, *p, &format!("paragraph {i}"))?;
        if p.start < prev_end {
            return Err(format!(
                "paragraph {i} {}..{} starts before the previous one ends ({prev_end})",
                p.start, p.end
            ));
        }
        prev_end = p.end;
    }
    for (i, s) in doc.sections.iter().enumerate() {
        check_span(text, s.span, &format!("section {i}"))?;
    }
    Ok(())
}

/// Every span of the analysis is usable; quotes and figures are in document order; nested quotes
/// lie inside their parents; every id points at something that exists.
pub fn check_analysis(doc: &Document, a: &Analysis) -> Result<(), String> {
    let text = doc.text.as_str();
    let nq = a.quotes.len();
    let ns = a.speakers.len();
    for (i, q) in a.quotes.iter().enumerate() {
        check_span(text, q.span, &format!("quote {i} span"))?;
        check_span(text, q.content, &format!("quote {i} content"))?;
        if !q.span.covers(q.content) {
            return Err(format!(
                "quote {i} content {:?} is not inside its span {:?}",
                q.content, q.span
            ));
        }
        for (what, s) in [
            ("speaker_mention", q.speaker_mention),
            ("cue", q.cue),
            ("addressee", q.addressee),
        ] {
            if let Some(s) = s {
                check_span(text, s, &format!("quote {i} {what}"))?;
            }
        }
        if let Some(s) = q.speaker
            && s >= ns
        {
            return Err(format!(
                "quote {i} speaker {s} out of range ({ns} speakers)"
            ));
        }
        if let Some(p) = q.parent {
            if p >= nq || p == i {
                return Err(format!("quote {i} parent {p} out of range or itself"));
            }
            if !a.quotes[p].span.covers(q.span) {
                return Err(format!(
                    "quote {i} {:?} is not inside its parent {p} {:?}",
                    q.span, a.quotes[p].span
                ));
            }
        }
        if !q.confidence.is_finite() || !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!(
                "quote {i} confidence {} not in 0..=1",
                q.confidence
            ));
        }
        if i > 0 && a.quotes[i - 1].span.start > q.span.start {
            return Err(format!(
                "quotes {} and {i} out of order ({:?} then {:?})",
                i - 1,
                a.quotes[i - 1].span,
                q.span
            ));
        }
    }
    for (si, sp) in a.speakers.iter().enumerate() {
        for (mi, m) in sp.mentions.iter().enumerate() {
            check_span(text, *m, &format!("speaker {si} mention {mi}"))?;
        }
        for &q in &sp.quotes {
            if q >= nq {
                return Err(format!("speaker {si} quote {q} out of range ({nq} quotes)"));
            }
            if a.quotes[q].speaker != Some(si) {
                return Err(format!(
                    "speaker {si} lists quote {q}, whose speaker is {:?}",
                    a.quotes[q].speaker
                ));
            }
        }
    }
    for (fi, f) in a.numbers.iter().enumerate() {
        check_span(text, f.span, &format!("figure {fi}"))?;
        if let Some(q) = f.quote
            && q >= nq
        {
            return Err(format!("figure {fi} quote {q} out of range ({nq} quotes)"));
        }
        if let Some(s) = f.source
            && s >= ns
        {
            return Err(format!(
                "figure {fi} source {s} out of range ({ns} speakers)"
            ));
        }
        if fi > 0 && a.numbers[fi - 1].span.start > f.span.start {
            return Err(format!("figures {} and {fi} out of order", fi - 1));
        }
    }
    Ok(())
}

/// The JSON contract output parses back and names the schema, and the hand-written one-line
/// JSON is byte for byte what serde_json makes of the same contract object.
pub fn check_json(doc: &Document, a: &Analysis) -> Result<(), String> {
    let by_serde = serde_json::to_string(&quotelens::contract::output(doc, a))
        .map_err(|e| format!("serde_json cannot write the contract object: {e}"))?;
    if quotelens::contract::to_json(doc, a, false) != by_serde {
        return Err("to_json (pretty=false) differs from serde_json's compact JSON".into());
    }
    for pretty in [false, true] {
        let json = quotelens::contract::to_json(doc, a, pretty);
        let v: serde_json::Value = serde_json::from_str(&json)
            .map_err(|e| format!("to_json (pretty={pretty}) is not valid JSON: {e}"))?;
        if v.get("schema").and_then(|s| s.as_str()) != Some(quotelens::contract::SCHEMA) {
            return Err(format!("to_json (pretty={pretty}) has no schema field"));
        }
        let quotes = v.get("quotes").and_then(|q| q.as_array()).map(Vec::len);
        if quotes != Some(a.quotes.len()) {
            return Err(format!(
                "to_json (pretty={pretty}) has {quotes:?} quotes, the analysis {}",
                a.quotes.len()
            ));
        }
    }
    Ok(())
}

/// Every check on one document: the document, the analysis and the JSON.
pub fn check_all(doc: &Document) -> Result<Analysis, String> {
    check_document(doc)?;
    let a = quotelens::analyze(doc);
    check_analysis(doc, &a)?;
    check_json(doc, &a)?;
    Ok(a)
}

/// Highlights as the reader would save them: a few quotes and figures, a free selection, one
/// orphan, with notes taken from the text itself (so hostile text reaches the notes too).
pub fn sample_highlights(doc: &Document, a: &Analysis) -> Vec<quotelens::store::Highlight> {
    use quotelens::store::HighlightDraft;
    let text = doc.text.as_str();
    let note: String = text.chars().take(80).collect();
    let mut drafts: Vec<HighlightDraft> = Vec::new();
    drafts.extend(
        (0..a.quotes.len().min(6)).filter_map(|q| HighlightDraft::for_quote(text, a, q).ok()),
    );
    drafts.extend(
        (0..a.numbers.len().min(6)).filter_map(|n| HighlightDraft::for_number(text, a, n).ok()),
    );
    if let Some(p) = doc.paragraphs.first() {
        drafts.extend(HighlightDraft::new(text, *p).ok());
    }
    let mut out: Vec<_> = drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let d = if i % 2 == 0 { d.note(note.clone()) } else { d };
            d.into_highlight(i as u64 + 1, "2026-01-01T00:00:00Z".into())
        })
        .collect();
    if let Some(last) = out.last_mut() {
        last.orphaned = true;
    }
    out
}

/// Every export format of every scope renders, and the HTML shows the text's `<script` escaped.
pub fn check_exports(doc: &Document, a: &Analysis) -> Result<(), String> {
    use quotelens::export::{self, Format, Scope};
    let formats = [
        Format::Markdown,
        Format::Json,
        Format::Html,
        Format::Txt,
        Format::Csv,
    ];
    let scopes = [
        Scope::Quotes { reported: false },
        Scope::Quotes { reported: true },
        Scope::Numbers,
        Scope::Highlights,
    ];
    let highlights = sample_highlights(doc, a);
    for scope in scopes {
        for format in formats {
            let out = export::export(doc, a, &highlights, scope, None, format)
                .map_err(|e| format!("export {format:?} {scope:?} failed: {e}"))?;
            match format {
                Format::Html if out.to_ascii_lowercase().contains("<script") => {
                    return Err(format!("HTML export {scope:?} contains a raw <script"));
                }
                Format::Json => {
                    serde_json::from_str::<serde_json::Value>(&out)
                        .map_err(|e| format!("JSON export {scope:?} is not valid JSON: {e}"))?;
                }
                _ => {}
            }
        }
    }
    // With a speaker filter: the first speaker's name selects.
    if let Some(sp) = a.speakers.first() {
        let name = sp.name.clone();
        if !name.trim().is_empty() {
            for scope in [Scope::Quotes { reported: true }, Scope::Highlights] {
                let out = export::export(doc, a, &highlights, scope, Some(&name), Format::Html)
                    .map_err(|e| format!("export {scope:?} by speaker {name:?} failed: {e}"))?;
                if out.to_ascii_lowercase().contains("<script") {
                    return Err(format!(
                        "HTML export {scope:?} by {name:?} contains a raw <script"
                    ));
                }
            }
        }
    }
    Ok(())
}

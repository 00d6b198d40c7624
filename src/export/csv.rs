//! CSV (RFC 4180 quoting, LF line ends, a header row): one row per excerpt. Free-text cells that
//! a spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe.

use super::select::{Excerpt, Item, Scope, Selection, sentence_around};
use crate::contract;

/// Quotes a cell when it holds a comma, a quote or a line break; doubles inner quotes.
pub fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A cell of free text (quote words, notes, names): also defused against formula injection.
pub fn text_cell(s: &str) -> String {
    if s.len() > 1 && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell(&format!("'{s}"))
    } else {
        cell(s)
    }
}

/// `q3`, or `q3+q4` for a quotation joined from the two parts its attribution cut it into.
fn joined_ids(e: &Excerpt) -> String {
    match e.quote_ids() {
        Some(ids) => ids
            .into_iter()
            .map(contract::quote_id)
            .collect::<Vec<_>>()
            .join("+"),
        None => e.id.clone(),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub fn render(sel: &Selection) -> String {
    let text = sel.doc.text.as_str();
    let source = text_cell(&sel.doc.meta.source);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let header: &[&str] = match sel.scope {
        Scope::Quotes { .. } => &[
            "id",
            "start",
            "end",
            "kind",
            "speaker_id",
            "speaker",
            "text",
            "method",
            "document",
        ],
        Scope::Highlights => &[
            "id", "start", "end", "origin", "speaker", "text", "note", "created", "orphaned",
            "document",
        ],
        Scope::Numbers => &[
            "id",
            "start",
            "end",
            "text",
            "kind",
            "value",
            "value_high",
            "unit",
            "qualifier",
            "source_id",
            "source",
            "quote",
            "context",
            "document",
        ],
    };
    rows.push(header.iter().map(|h| h.to_string()).collect());
    for e in &sel.items {
        let speaker = text_cell(e.speaker.unwrap_or_default());
        let row = match e.item {
            Item::Quote(_, q) => vec![
                joined_ids(e),
                opt(e.span.map(|s| s.start)),
                opt(e.span.map(|s| s.end)),
                q.kind.as_str().to_string(),
                opt(q.speaker.map(contract::speaker_id)),
                speaker,
                text_cell(&e.text),
                q.method.as_str().to_string(),
                source.clone(),
            ],
            Item::Highlight(h) => vec![
                e.id.clone(),
                opt(e.span.map(|s| s.start)),
                opt(e.span.map(|s| s.end)),
                h.origin.as_str().to_string(),
                speaker,
                text_cell(&e.text),
                text_cell(e.note.unwrap_or_default()),
                h.created.clone(),
                h.orphaned.to_string(),
                source.clone(),
            ],
            Item::Number(_, n) => vec![
                e.id.clone(),
                n.span.start.to_string(),
                n.span.end.to_string(),
                // A figure matched by the number grammar ("-5%"): no formula can hide in it.
                cell(&e.text),
                n.kind.as_str().to_string(),
                opt(n.value),
                opt(n.value_high),
                text_cell(n.unit.as_deref().unwrap_or_default()),
                text_cell(n.qualifier.as_deref().unwrap_or_default()),
                opt(n.source.map(contract::speaker_id)),
                speaker,
                opt(n.quote.map(contract::quote_id)),
                text_cell(sentence_around(sel.doc, n.span).text(text)),
                source.clone(),
            ],
        };
        rows.push(row);
    }
    let mut out = String::new();
    for r in rows {
        out.push_str(&r.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_when_needed() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        // Standard input's name is not a formula.
        assert_eq!(text_cell("-"), "-");
    }
}

//! Plain text: each excerpt, "— Speaker, Document" and any note; no markup, no colours, no wrapping.

use super::select::{Excerpt, Item, Selection, sentence_around};
use std::fmt::Write;

/// The text `y` copies: the excerpt, then "— Speaker" on its own line.
pub fn attributed(text: &str, speaker: Option<&str>) -> String {
    format!("{}\n— {}", text.trim(), speaker.unwrap_or("unattributed"))
}

pub fn render(sel: &Selection) -> String {
    let doc_name = sel.doc_name();
    let mut out = String::new();
    let _ = writeln!(out, "{doc_name}");
    let _ = writeln!(out, "{}. Source: {}\n", sel.describe(), sel.doc.meta.source);
    for e in &sel.items {
        excerpt(&mut out, sel, e, &doc_name);
    }
    out
}

fn excerpt(out: &mut String, sel: &Selection, e: &Excerpt, doc_name: &str) {
    let _ = match e.attribution() {
        Some(who) => writeln!(out, "{}\n— {who}, {doc_name}", e.text.trim()),
        None => writeln!(out, "{}\n— {doc_name}", e.text.trim()),
    };
    if let Item::Number(_, f) = e.item {
        let mut facts = vec![f.kind.as_str().to_string()];
        if let Some(v) = f.value {
            facts.push(format!("value {v}"));
        }
        if let Some(u) = &f.unit {
            facts.push(format!("unit {u}"));
        }
        let _ = writeln!(out, "Figure: {}", facts.join(", "));
    }
    if let Some(figure) = e.figure_span() {
        let context = sentence_around(sel.doc, figure).text(&sel.doc.text);
        let _ = writeln!(out, "Context: {context}");
    }
    if let Item::Highlight(h) = e.item
        && h.orphaned
    {
        let _ = writeln!(out, "Orphaned: this text is no longer in the document.");
    }
    if let Some(note) = e.note {
        let _ = writeln!(out, "Note: {note}");
    }
    out.push('\n');
}

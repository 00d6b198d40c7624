//! A plain-text summary of an analysis, for `extract --format text`.

use crate::analysis::model::{Analysis, QuoteKind};
use crate::document::{Document, sanitize};
use crate::plural::count;
use std::fmt::Write;

/// Speakers with their quotes, then the numbers; one line per item, text made terminal-safe.
pub fn text_summary(doc: &Document, a: &Analysis) -> String {
    let text = doc.text.as_str();
    let mut s = String::new();
    let _ = writeln!(s, "# {}", sanitize::for_terminal(&doc.display_name()));
    let speech = a
        .quotes
        .iter()
        .filter(|q| q.kind.is_speech() && q.kind != QuoteKind::Reported)
        .count();
    let reported = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .count();
    let _ = writeln!(
        s,
        "{}, {}, {reported} reported, {}",
        count(a.speakers.len(), "speaker"),
        count(speech, "quote"),
        count(a.numbers.len(), "number")
    );
    for sp in &a.speakers {
        let _ = writeln!(
            s,
            "\n{} ({}, {})",
            sanitize::for_terminal(&sp.name),
            sp.kind.as_str(),
            count(sp.quotes.len(), "quote")
        );
        if !sp.aliases.is_empty() {
            let _ = writeln!(
                s,
                "  also: {}",
                sanitize::for_terminal(&sp.aliases.join("; "))
            );
        }
        for &qi in &sp.quotes {
            let q = &a.quotes[qi];
            let body: String = q
                .content
                .text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(
                s,
                "  [{}] {} {}: {}",
                q.kind.as_str(),
                q.span.start,
                q.method.as_str(),
                sanitize::for_terminal(&body)
            );
        }
    }
    let unattributed: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind.is_speech() && q.speaker.is_none())
        .collect();
    if !unattributed.is_empty() {
        let _ = writeln!(s, "\n(no speaker)");
        for q in unattributed {
            let body: String = q
                .content
                .text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(
                s,
                "  [{}] {}: {}",
                q.kind.as_str(),
                q.span.start,
                sanitize::for_terminal(&body)
            );
        }
    }
    if !a.numbers.is_empty() {
        let _ = writeln!(s, "\nNumbers");
        for n in &a.numbers {
            let source = n.source.map(|i| a.speakers[i].name.as_str()).unwrap_or("-");
            let value = n.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
            let _ = writeln!(
                s,
                "  {} [{}] value {} unit {} source {}",
                sanitize::for_terminal(n.span.text(text)),
                n.kind.as_str(),
                value,
                n.unit.as_deref().unwrap_or("-"),
                sanitize::for_terminal(source)
            );
        }
    }
    s
}

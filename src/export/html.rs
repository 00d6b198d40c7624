//! HTML: one self-contained page (inline style, no scripts, a Content-Security-Policy that forbids
//! them anyway). Every piece of text is escaped, so `<script>` in a quote is shown, never run.

use super::select::{Excerpt, Item, Selection, sentence_around};
use std::borrow::Cow;
use std::fmt::Write;

const STYLE: &str = "body{font:16px/1.5 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em;color:#222;background:#fff}\
h1{font-size:1.4em}.meta{color:#666}figure{margin:1.5em 0}\
blockquote{margin:0;padding:.2em 1em;border-left:4px solid #b35;background:#faf7f5}\
blockquote p{margin:.4em 0}figcaption{margin:.3em 0 0 1.2em;color:#444}\
.note{margin:.3em 0 0 1.2em;font-style:italic}.orphan{color:#a00}mark{background:#fe8}";

/// Escapes text for HTML element content and (quoted) attribute values: `& < > " '`.
pub fn escape(s: &str) -> Cow<'_, str> {
    html_escape::encode_quoted_attribute(s)
}

pub fn render(sel: &Selection) -> String {
    let doc_name = sel.doc_name();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"quotelens\">\n");
    let _ = writeln!(
        out,
        "<title>{} — {}</title>",
        escape(&doc_name),
        escape(sel.scope.noun())
    );
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<header>");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&doc_name));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}. Source: <code>{}</code></p>\n</header>\n<main>",
        escape(&sel.describe()),
        escape(&sel.doc.meta.source)
    );
    for e in &sel.items {
        excerpt(&mut out, sel, e, &doc_name);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn excerpt(out: &mut String, sel: &Selection, e: &Excerpt, doc_name: &str) {
    let text = sel.doc.text.as_str();
    let _ = writeln!(out, "<figure id=\"{}\">", escape(&e.id));
    out.push_str("<blockquote>");
    match e.figure_span() {
        Some(figure) => {
            let s = sentence_around(sel.doc, figure);
            let _ = write!(
                out,
                "<p>{}<mark>{}</mark>{}</p>",
                escape(&text[s.start..figure.start]),
                escape(figure.text(text)),
                escape(&text[figure.end..s.end])
            );
        }
        None => paragraphs(out, &e.text),
    }
    out.push_str("</blockquote>\n");
    let who = e
        .attribution()
        .map(|w| format!("<span class=\"speaker\">{}</span>, ", escape(&w)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<figcaption>— {who}<cite>{}</cite></figcaption>",
        escape(doc_name)
    );
    if let Item::Highlight(h) = e.item
        && h.orphaned
    {
        out.push_str(
            "<p class=\"note orphan\">Orphaned: this text is no longer in the document.</p>\n",
        );
    }
    if let Some(note) = e.note {
        let _ = writeln!(
            out,
            "<p class=\"note\">Note: {}</p>",
            escape(note).replace('\n', "<br>")
        );
    }
    out.push_str("</figure>\n");
}

/// Blank lines separate paragraphs; a single line break stays a line break.
fn paragraphs(out: &mut String, body: &str) {
    for para in body.trim().split("\n\n").filter(|p| !p.trim().is_empty()) {
        let lines: Vec<Cow<str>> = para.trim().lines().map(escape).collect();
        let _ = write!(out, "<p>{}</p>", lines.join("<br>"));
    }
}

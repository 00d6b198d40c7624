//! Markdown: a heading, then one blockquote per excerpt followed by "— Speaker, *Document*" and
//! any note. Text is escaped so that nothing in it becomes a link, HTML, or formatting.

use super::select::{Excerpt, Item, Selection, sentence_around};
use std::fmt::Write;

pub fn render(sel: &Selection) -> String {
    let doc_name = sel.doc_name();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_line(&doc_name));
    let _ = writeln!(
        out,
        "{}. Source: {}\n",
        escape_inline(&sel.describe()),
        escape_inline(&sel.doc.meta.source)
    );
    for e in &sel.items {
        excerpt(&mut out, sel, e, &doc_name);
    }
    out
}

fn excerpt(out: &mut String, sel: &Selection, e: &Excerpt, doc_name: &str) {
    let text = sel.doc.text.as_str();
    match e.figure_span() {
        Some(figure) => {
            // The sentence around the figure, with the figure in bold.
            let s = sentence_around(sel.doc, figure);
            let quoted = format!(
                "{}**{}**{}",
                escape_inline(&text[s.start..figure.start]),
                escape_inline(figure.text(text)),
                escape_inline(&text[figure.end..s.end])
            );
            blockquote(out, &quoted, false);
        }
        None => blockquote(out, &e.text, true),
    }
    match e.attribution() {
        Some(who) => {
            let _ = writeln!(
                out,
                "— {}, *{}*\n",
                escape_inline(&who),
                escape_inline(doc_name)
            );
        }
        None => {
            let _ = writeln!(out, "— *{}*\n", escape_inline(doc_name));
        }
    }
    if let Item::Number(_, f) = e.item {
        let mut facts = vec![f.kind.as_str().to_string()];
        if let Some(v) = f.value {
            facts.push(format!("value {v}"));
        }
        if let Some(u) = &f.unit {
            facts.push(format!("unit {u}"));
        }
        let _ = writeln!(out, "Figure: {}\n", escape_inline(&facts.join(", ")));
    }
    if let Item::Highlight(h) = e.item
        && h.orphaned
    {
        let _ = writeln!(out, "*Orphaned: this text is no longer in the document.*\n");
    }
    if let Some(note) = e.note {
        let mut lines = note.lines();
        let first = lines.next().unwrap_or_default();
        let _ = writeln!(out, "Note: {}", escape_line(first));
        for l in lines {
            let _ = writeln!(out, "{}", escape_line(l));
        }
        out.push('\n');
    }
}

/// `> ` before every line; blank lines become `>` so the quote stays one block.
fn blockquote(out: &mut String, body: &str, escape: bool) {
    for line in body.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push_str(">\n");
        } else if escape {
            let _ = writeln!(out, "> {}", escape_line(line));
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
}

/// Escapes a whole line: inline characters, and what would start a heading or list.
pub fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let lead = &line[..line.len() - trimmed.len()];
    let mut out = String::with_capacity(line.len() + 8);
    out.push_str(lead);
    // "1. " or "1) " at the start of a line would begin an ordered list.
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&trimmed[..digits]);
        out.push('\\');
        out.push_str(&escape_inline(&trimmed[digits..]));
        return out;
    }
    if trimmed.starts_with(['#', '+', '-', '=']) {
        out.push('\\');
    }
    out.push_str(&escape_inline(trimmed));
    out
}

/// Backslash-escapes the characters that make links, HTML, code, emphasis or strike-through,
/// and `&` when it would start an entity.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if starts_entity(&s[i + 1..]) => out.push_str("\\&"),
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `amp;`, `#60;`, `#x3c;`: what would make `&` an entity.
fn starts_entity(rest: &str) -> bool {
    let body: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !body.is_empty() && rest[body.len()..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape_inline("<script>alert(1)</script> [x](y) *a* AT&T &amp;"),
            "\\<script\\>alert(1)\\</script\\> \\[x\\](y) \\*a\\* AT&T \\&amp;"
        );
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("1. not a list"), "1\\. not a list");
        assert_eq!(escape_line("- not a list"), "\\- not a list");
    }
}

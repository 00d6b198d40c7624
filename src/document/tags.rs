//! A linear scan over HTML tags, for pages the DOM parsers cannot take: html5ever and readability
//! slow down with the square of the nesting depth (100,000 nested `<div>`s took over 15 minutes),
//! so a page nested deeper than [`MAX_DEPTH`] is turned into text by stripping its tags instead.

/// Real pages nest a few dozen levels; at 1,000 the parsers still take a fraction of a second.
pub(crate) const MAX_DEPTH: usize = 1000;

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose end tag may be left out (the parser closes them), so they do not add depth.
const IMPLIED_END: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];
/// Formatting elements: the parser handles even very deep runs of these quickly (100,000 nested
/// `<b>` parse in 40 ms), and old pages leave thousands of `<font>` unclosed.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// Elements whose content is not text.
const RAW: &[&str] = &[
    "script", "style", "noscript", "template", "title", "textarea", "svg",
];
/// Elements that start a new paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// One tag: its lower-case name, whether it closes, whether it is self-closing, and where the
/// text after it starts.
struct Tag<'a> {
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
    end: usize,
}

/// The tag starting at `at` (which holds `<`), or `None` if `<` does not start a tag there.
/// Comments, doctypes and processing instructions come back with an empty name.
fn tag_at(html: &[u8], at: usize) -> Option<Tag<'_>> {
    let rest = &html[at + 1..];
    if rest.starts_with(b"!--") {
        let end = memchr::memmem::find(&rest[3..], b"-->").map_or(html.len(), |e| at + 4 + e + 3);
        return Some(Tag {
            name: b"",
            closing: false,
            self_closing: true,
            end,
        });
    }
    let (closing, name_start) = match rest.first()? {
        b'/' => (true, 1),
        b'!' | b'?' => (false, 0),
        c if c.is_ascii_alphabetic() => (false, 0),
        _ => return None,
    };
    let name_len = rest[name_start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_len];
    let close = memchr::memchr(b'>', rest).map_or(html.len(), |e| at + 1 + e);
    let self_closing = name.is_empty() || html[..close].ends_with(b"/");
    Some(Tag {
        name,
        closing,
        self_closing,
        end: (close + 1).min(html.len()),
    })
}

/// True when `name` (as written in the page, any case) is one of `list`.
fn is(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// Where the raw content of `name` (a script, a style) ends: after its closing tag.
fn skip_raw(html: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(lt) = memchr::memmem::find(&html[i..], b"</") {
        let at = i + lt;
        let candidate = &html[(at + 2).min(html.len())..html.len().min(at + 2 + name.len())];
        if candidate.eq_ignore_ascii_case(name) {
            return memchr::memchr(b'>', &html[at..]).map_or(html.len(), |e| at + e + 1);
        }
        i = at + 1;
    }
    html.len()
}

/// How deep the page's structural elements nest, as a parser would build them (close enough:
/// elements with optional end tags, void and formatting elements are not counted).
pub(crate) fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + lt;
        let Some(tag) = tag_at(bytes, at) else {
            i = at + 1;
            continue;
        };
        i = tag.end;
        let name = tag.name;
        if name.is_empty() || is(VOID, name) || is(IMPLIED_END, name) || is(FORMATTING, name) {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else if is(RAW, name) && !tag.self_closing {
            i = skip_raw(bytes, i, name);
        } else if !tag.self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The page's text with its tags removed: block elements separate paragraphs, `<br>` breaks a
/// line, scripts and styles are dropped, entities are decoded, whitespace is collapsed.
pub(crate) fn strip(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut text_from = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + lt;
        let Some(tag) = tag_at(bytes, at) else {
            i = at + 1;
            continue;
        };
        push_text(&mut out, &html[text_from..at]);
        i = tag.end;
        let name = tag.name;
        if !tag.closing && is(RAW, name) && !tag.self_closing {
            i = skip_raw(bytes, i, name);
        } else if name.eq_ignore_ascii_case(b"br") {
            out.truncate(out.trim_end_matches(' ').len());
            out.push('\n');
        } else if is(BLOCK, name) && !out.is_empty() && !out.ends_with("\n\n") {
            out.truncate(out.trim_end_matches([' ', '\n']).len());
            out.push_str("\n\n");
        }
        text_from = i;
    }
    push_text(&mut out, &html[text_from.min(html.len())..]);
    out
}

fn push_text(out: &mut String, raw: &str) {
    if raw.is_empty() {
        return;
    }
    let decoded = html_escape::decode_html_entities(raw);
    let starts_with_space = decoded.starts_with(char::is_whitespace);
    let ends_with_space = decoded.ends_with(char::is_whitespace);
    let mut words = decoded.split_whitespace().peekable();
    if words.peek().is_none() {
        if starts_with_space && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        return;
    }
    if starts_with_space && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
    for (n, word) in words.enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if ends_with_space {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_nested_elements_but_not_optional_or_void_ones() {
        assert_eq!(nesting_depth("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(nesting_depth("<p>one<p>two<p>three<br><img src=x>"), 0);
        assert_eq!(nesting_depth(&"<font size=2>x<br>".repeat(5000)), 0);
        assert_eq!(
            nesting_depth("<script>if (a<b) { '<div><div>' }</script><div></div>"),
            1
        );
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting_depth("a < b and <3 <"), 0);
    }

    #[test]
    fn strip_keeps_paragraphs_and_drops_markup() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
                    <div><p>“Hi,”   said&nbsp;<b>Ann</b>.</p><p>Line<br>two &amp; more</p>\
                    <!-- <p>comment</p> --><script>var s = '<p>x</p>';</script></div>";
        assert_eq!(strip(html), "“Hi,” said Ann.\n\nLine\ntwo & more\n\n");
    }
}

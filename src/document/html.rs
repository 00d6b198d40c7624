//! HTML → the article: dom_smoothie (a readability.js port) picks the article out of the page —
//! title, byline, date, paragraphs — and leaves menus, banners, related links and footers behind.
//! When it finds no article, the page's one `<article>` element is used (a short page the
//! author marked up as an article), else the page's visible text, with a warning. The date comes
//! from readability, else from the page's `article:published_time` or `datePublished` metadata or
//! its first `<time datetime>`.

use super::builder::{TextBuilder, clean_field};
use super::tags;
use super::{Document, Meta};
use dom_smoothie::{Config, Readability, TextMode};

/// Elements whose text is never shown on a page.
const INVISIBLE: &str = "head, script, style, noscript, template, svg, iframe, object";
/// Elements that stand apart on a page but that dom_query's text formatter runs into their
/// neighbours; they are renamed to `div` so each becomes its own paragraph.
const BLOCKS: &str = "nav, header, footer, aside, main, li, dd, dt, figure, figcaption, address, \
                      details, summary, caption, form, fieldset, tr, center, hgroup, menu";

pub(crate) fn to_document(html: &str, mut meta: Meta) -> Document {
    let mut text = TextBuilder::new();
    if tags::nesting_depth(html) > tags::MAX_DEPTH {
        meta.warnings.push(too_deep_warning());
        text.paragraphs(&tags::strip(html));
        return text.finish(meta);
    }
    match article(html) {
        Ok(article) => {
            meta.title = clean_field(&article.title);
            meta.byline = article.byline.as_deref().and_then(clean_field);
            meta.published = article.published_time.as_deref().and_then(clean_field);
            // Readability drops the headline from the body; put it back as the first paragraph
            // unless the body already starts with it.
            if let Some(title) = &meta.title {
                let starts_with_title = article
                    .text_content
                    .trim_start()
                    .lines()
                    .next()
                    .is_some_and(|l| clean_field(l).as_ref() == Some(title));
                if !starts_with_title {
                    text.heading(title, 1);
                }
            }
            let from = text.len();
            text.paragraphs(&article.text_content);
            text.mark_headings(from, &headings_in_html(&article.content));
        }
        Err(page) => match marked_article(html) {
            Some(article) => {
                meta.title = article.title.or(article.heading);
                text.paragraphs(&article.text);
                text.mark_headings(0, &article.headings);
            }
            None => {
                meta.title = page.title;
                if !page.text.trim().is_empty() {
                    meta.warnings
                        .push("no article found in the page; showing all of its text".into());
                }
                text.paragraphs(&page.text);
                text.mark_headings(0, &page.headings);
            }
        },
    }
    if meta.published.is_none() {
        meta.published = published_date(html);
    }
    text.finish(meta)
}

/// The text of the page's `<article>` element, when it has exactly one with text in it: the
/// page's author marked the article, even one too short for readability to be sure of.
fn marked_article(html: &str) -> Option<PageText> {
    let doc = dom_query::Document::from(html);
    if doc.select("article").length() != 1 {
        return None;
    }
    let title = clean_field(&doc.select("title").first().text());
    let heading = clean_field(&doc.select("article h1, article h2").first().text());
    doc.select(INVISIBLE).remove();
    let headings = headings_in(&doc.select("article"));
    doc.select(BLOCKS).rename("div");
    let text = doc.select("article").formatted_text();
    (!text.trim().is_empty()).then(|| PageText {
        stripped: false,
        title,
        heading,
        headings,
        text: text.to_string(),
    })
}

/// Where pages state when an article was published, most explicit first.
const DATE_META: &str = "meta[property='article:published_time'], \
                         meta[name='article:published_time'], \
                         meta[itemprop='datePublished'], meta[name='date']";

/// The publication date the page states: its metadata, else the `datetime` of its first
/// `<time>` element (inside the article when there is one).
fn published_date(html: &str) -> Option<String> {
    let doc = dom_query::Document::from(html);
    let from_meta = doc
        .select(DATE_META)
        .iter()
        .find_map(|m| m.attr("content").as_deref().and_then(clean_field));
    from_meta.or_else(|| {
        ["article time[datetime]", "time[datetime]"]
            .iter()
            .find_map(|sel| {
                doc.select(sel)
                    .first()
                    .attr("datetime")
                    .as_deref()
                    .and_then(clean_field)
            })
    })
}

pub(crate) fn too_deep_warning() -> String {
    format!(
        "the page's elements nest more than {} levels deep; its tags were stripped without finding the article",
        tags::MAX_DEPTH
    )
}

/// The article readability finds, or the page's own text when there is none: when readability
/// fails, finds no text, or on a page that does not look like an article keeps nearly all of it.
fn article(html: &str) -> Result<dom_smoothie::Article, PageText> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // A parser bug must not take the program down: treat a panic as "no article".
    let parsed = std::panic::catch_unwind(|| {
        let mut readability = Readability::new(html, None, Some(config))?;
        let readable = readability.is_probably_readable();
        readability.parse().map(|article| (readable, article))
    });
    let (readable, article) = match parsed {
        Ok(Ok((readable, article))) if !article.text_content.trim().is_empty() => {
            (readable, article)
        }
        _ => return Err(page_text(html)),
    };
    if readable {
        return Ok(article);
    }
    let page = page_text(html);
    let kept = article.text_content.split_whitespace().count();
    let all = page.text.split_whitespace().count();
    if kept * 10 >= all * 9 {
        Err(page)
    } else {
        Ok(article)
    }
}

/// The visible text of an HTML page or fragment, blocks separated by blank lines.
pub(crate) struct PageText {
    /// The page was nested too deeply to parse; `text` is the page with its tags stripped.
    pub stripped: bool,
    pub title: Option<String>,
    /// The first heading (h1–h3) in the page, for chapter titles.
    pub heading: Option<String>,
    /// Every heading (h1–h6): its level and text, in page order.
    pub headings: Vec<(u8, String)>,
    pub text: String,
}

pub(crate) fn page_text(html: &str) -> PageText {
    if tags::nesting_depth(html) > tags::MAX_DEPTH {
        return PageText {
            stripped: true,
            title: None,
            heading: None,
            headings: Vec::new(),
            text: tags::strip(html),
        };
    }
    let doc = dom_query::Document::from(html);
    let title = clean_field(&doc.select("title").first().text());
    let heading = clean_field(&doc.select("h1, h2, h3").first().text());
    doc.select(INVISIBLE).remove();
    let headings = headings_in(&doc.select("body"));
    doc.select(BLOCKS).rename("div");
    let body = doc.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        doc.formatted_text()
    };
    PageText {
        stripped: false,
        title,
        heading,
        headings,
        text: text.to_string(),
    }
}

/// The headings (h1–h6) inside `within`: level and text, in page order.
fn headings_in(within: &dom_query::Selection) -> Vec<(u8, String)> {
    within
        .select("h1, h2, h3, h4, h5, h6")
        .nodes()
        .iter()
        .filter_map(|node| {
            let name = node.node_name()?;
            let level = name.get(1..)?.parse().ok()?;
            Some((level, node.text().to_string()))
        })
        .collect()
}

/// The headings in the HTML readability kept (parsed only when it has a heading tag).
fn headings_in_html(html: &str) -> Vec<(u8, String)> {
    let bytes = html.as_bytes();
    let has_heading = memchr::memmem::find_iter(bytes, b"<h")
        .any(|at| bytes.get(at + 2).is_some_and(|b| (b'1'..=b'6').contains(b)));
    if !has_heading {
        return Vec::new();
    }
    headings_in(&dom_query::Document::from(html).select("body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_without_an_article_falls_back_to_its_text() {
        let d = to_document(
            "<p>“Short,” she said.</p><script>var x = 1;</script><p>Second.</p>",
            Meta::default(),
        );
        assert_eq!(d.text, "“Short,” she said.\n\nSecond.\n");
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn page_parts_and_list_items_become_paragraphs() {
        let page = page_text(
            "<nav>Home</nav><p>Intro</p><ul><li>One</li><li>Two <b>bold</b></li></ul>\
             <p>Line one<br>line two</p><footer>End</footer>",
        );
        assert_eq!(
            page.text.trim_end(),
            "Home\n\nIntro\n\nOne\n\nTwo bold\n\nLine one\nline two\n\nEnd"
        );
    }

    #[test]
    fn a_page_nested_too_deeply_is_stripped_of_its_tags() {
        let n = tags::MAX_DEPTH + 1;
        let html = format!(
            "{}<p>“Deep,” said Ann.</p><p>Two</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let d = to_document(&html, Meta::default());
        assert_eq!(d.text, "“Deep,” said Ann.\n\nTwo\n");
        assert!(d.meta.warnings[0].contains("nest more than"));
    }

    #[test]
    fn an_empty_page_is_an_empty_document() {
        let d = to_document("", Meta::default());
        assert_eq!(d.text, "");
        assert!(d.paragraphs.is_empty());
    }

    #[test]
    fn a_short_page_marked_as_an_article_is_read_without_a_warning() {
        let d = to_document(
            "<html><head><title>Vote</title></head><body><article>\
             <h1>Budget passes</h1><p>“Under $30 million,” said Ana Ruiz.</p></article>\
             </body></html>",
            Meta::default(),
        );
        assert!(d.meta.warnings.is_empty(), "{:?}", d.meta.warnings);
        assert_eq!(d.meta.title.as_deref(), Some("Vote"));
        assert_eq!(
            d.text,
            "Budget passes\n\n“Under $30 million,” said Ana Ruiz.\n"
        );
    }

    #[test]
    fn the_date_comes_from_metadata_or_a_time_element() {
        let page = |head: &str, body: &str| {
            to_document(
                &format!("<html><head>{head}</head><body><article><p>Text.</p>{body}</article></body></html>"),
                Meta::default(),
            )
            .meta
            .published
        };
        assert_eq!(
            page(
                "<meta property=\"article:published_time\" content=\"2025-04-02T09:30:00Z\">",
                ""
            ),
            Some("2025-04-02T09:30:00Z".into())
        );
        assert_eq!(
            page("", "<p>On <time datetime=\"2025-04-02\">2 April</time></p>"),
            Some("2025-04-02".into())
        );
        assert_eq!(page("", ""), None);
    }

    #[test]
    fn headings_of_the_article_are_recorded_with_their_levels() {
        let body = "<p>“The ferry will run all winter,” said Mayor Elena Varga on Tuesday, \
                    after a vote that took most of the night and divided the harbour council.</p>";
        let html = format!(
            "<html><head><title>Ferry budget</title></head><body><article>\
             <h1>Ferry budget</h1>{body}<h2>What the vote means</h2>{body}{body}\
             <h3>Timetable</h3>{body}</article></body></html>"
        );
        let d = to_document(&html, Meta::default());
        assert_eq!(
            d.heading_texts(),
            [
                (1, "Ferry budget"),
                (2, "What the vote means"),
                (3, "Timetable")
            ],
            "{}",
            d.text
        );
    }

    #[test]
    fn escapes_in_entities_become_visible() {
        let d = to_document("<p>a&#27;]0;pwned&#7;b</p>", Meta::default());
        assert_eq!(d.text, "a␛]…␇b\n");
    }
}

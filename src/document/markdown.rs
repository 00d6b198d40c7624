//! Markdown → plain text without markup (pulldown-cmark). Each block (paragraph, heading, list
//! item, code block, table) becomes a paragraph; headings are recorded with their level; the
//! title is the front matter's `title:` or the first heading.

use super::builder::{TextBuilder, clean_field};
use super::{Document, Meta};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(crate) fn to_document(markdown: &str, mut meta: Meta) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut text = TextBuilder::new();
    let mut block = String::new();
    let mut heading: Option<String> = None;
    let mut first_heading: Option<String> = None;
    let mut front_matter: Option<String> = None;
    let mut in_metadata = false;
    let mut image_depth = 0usize;

    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => front_matter.get_or_insert_default().push_str(&t),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Heading { .. }) => {
                text.paragraph(&block);
                block.clear();
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(level)) => {
                if first_heading.is_none() {
                    first_heading = heading.take().and_then(|h| clean_field(&h));
                }
                heading = None;
                text.heading(&block, level as u8);
                block.clear();
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                block.push_str(&t);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak => block.push(' '),
            Event::HardBreak => block.push('\n'),
            Event::End(TagEnd::TableCell) => block.push_str(" | "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                let row = block.trim_end_matches(" | ").len();
                block.truncate(row);
                block.push('\n');
            }
            Event::Start(tag) if is_block(&tag.to_end()) => {
                text.paragraph(&block);
                block.clear();
            }
            Event::End(end) if is_block(&end) => {
                text.paragraph(&block);
                block.clear();
            }
            // Raw HTML, rules, footnote marks, task boxes and inline markup carry no text.
            _ => {}
        }
    }
    text.paragraph(&block);
    meta.title = front_matter
        .as_deref()
        .and_then(front_matter_title)
        .or(first_heading);
    text.finish(meta)
}

/// Blocks whose end (and start) separate paragraphs.
fn is_block(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
    )
}

/// `title: …` from YAML front matter.
fn front_matter_title(yaml: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let value = line.strip_prefix("title:")?.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        clean_field(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(d: &Document) -> Vec<&str> {
        d.paragraphs.iter().map(|p| p.text(&d.text)).collect()
    }

    #[test]
    fn markup_is_removed_and_blocks_become_paragraphs() {
        let md = "# The *Budget* Vote\n\n“We will _not_ back down,” said\n**Jane Ortiz**.\n\n\
                  > A quoted [link](http://x) here.\n\n- one\n- two `code`\n\n![alt text](a.png)\n\n\
                  <div>raw html</div>\n\n---\n\n```\nfn main() {}\n```\n";
        let d = to_document(md, Meta::default());
        assert_eq!(
            paras(&d),
            [
                "The Budget Vote",
                "“We will not back down,” said Jane Ortiz.",
                "A quoted link here.",
                "one",
                "two code",
                "fn main() {}",
            ]
        );
        assert_eq!(d.meta.title.as_deref(), Some("The Budget Vote"));
    }

    #[test]
    fn headings_are_recorded_with_their_levels() {
        let md = "# Budget\n\nIntro.\n\n## The *vote*\n\nText.\n\nSetext heading\n---\n\n\
                  > ### Quoted heading\n\n#### \n\nEnd.\n";
        let d = to_document(md, Meta::default());
        assert_eq!(
            d.heading_texts(),
            [
                (1, "Budget"),
                (2, "The vote"),
                (2, "Setext heading"),
                (3, "Quoted heading"),
            ]
        );
    }

    #[test]
    fn front_matter_gives_the_title_and_is_not_text() {
        let md = "---\ntitle: \"Notes from Kyiv\"\nauthor: me\n---\n\nBody text.\n";
        let d = to_document(md, Meta::default());
        assert_eq!(d.meta.title.as_deref(), Some("Notes from Kyiv"));
        assert_eq!(d.text, "Body text.\n");
    }

    #[test]
    fn tables_become_lines_of_cells() {
        let md = "| Name | Votes |\n|---|---|\n| Ann | 12 |\n";
        let d = to_document(md, Meta::default());
        assert_eq!(d.text, "Name | Votes\nAnn | 12\n");
    }
}

//! EPUB → chapters in reading order. rbook reads the package (metadata, spine, table of contents)
//! and yields each spine document's XHTML; its visible text is taken with dom_query (already used by
//! dom_smoothie) with paragraphs kept. Each chapter with a title becomes a `Section`; chapter
//! titles and the chapters' own headings are recorded as headings.

use super::builder::{TextBuilder, clean_field};
use super::html::page_text;
use super::{Document, Meta};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// True when `bytes` start like an EPUB: a zip whose first entry is `mimetype` holding
/// `application/epub+zip` (what the EPUB spec requires).
pub(crate) fn has_epub_signature(bytes: &[u8]) -> bool {
    const MIMETYPE: &[u8] = b"mimetype";
    const EPUB: &[u8] = b"application/epub+zip";
    if !bytes.starts_with(b"PK\x03\x04") || bytes.len() < 30 {
        return false;
    }
    let name_len = usize::from(u16::from_le_bytes([bytes[26], bytes[27]]));
    let extra_len = usize::from(u16::from_le_bytes([bytes[28], bytes[29]]));
    let data = 30 + name_len + extra_len;
    bytes.get(30..30 + name_len) == Some(MIMETYPE)
        && bytes.get(data..data + EPUB.len()) == Some(EPUB)
}

/// Reads an EPUB held in memory. `limit` bounds the total unpacked size (a zip bomb is refused
/// before anything is unpacked into memory). Errors are messages for `LoadError::Format`.
pub(crate) fn to_document(bytes: Vec<u8>, meta: Meta, limit: u64) -> Result<Document, String> {
    // A parser bug must not take the program down: report it as an unreadable file.
    std::panic::catch_unwind(move || {
        check_archive(&bytes, limit)?;
        read_book(bytes, meta)
    })
    .unwrap_or_else(|_| Err("not a readable EPUB (the EPUB parser failed on it)".into()))
}

/// Opens every entry of the zip and unpacks it into nothing, which checks the archive's structure
/// and checksums and measures its real unpacked size with bounded memory.
fn check_archive(bytes: &[u8], limit: u64) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a valid EPUB: the zip archive is damaged ({e})"))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| format!("not a valid EPUB: damaged zip entry #{i} ({e})"))?;
        let name = clean_field(&String::from_utf8_lossy(entry.name_raw())).unwrap_or_default();
        let room = limit.saturating_sub(total);
        let mut entry = entry.take(room + 1);
        let unpacked = if name == "META-INF/encryption.xml" {
            let mut xml = Vec::new();
            let n = entry.read_to_end(&mut xml).map(|n| n as u64);
            if encrypts_text(&String::from_utf8_lossy(&xml)) {
                return Err(
                    "the EPUB's text is encrypted (DRM); quotelens can only read \
                            books without DRM"
                        .into(),
                );
            }
            n
        } else {
            std::io::copy(&mut entry, &mut std::io::sink())
        }
        .map_err(|e| format!("not a valid EPUB: cannot unpack {name} ({e})"))?;
        total += unpacked;
        if total > limit {
            return Err(format!(
                "the EPUB unpacks to more than {} MiB; quotelens reads books up to that size",
                limit >> 20
            ));
        }
    }
    Ok(())
}

/// True when `META-INF/encryption.xml` lists content documents (DRM), not just fonts (which
/// publishers obfuscate routinely).
fn encrypts_text(encryption_xml: &str) -> bool {
    encryption_xml
        .split("URI=")
        .skip(1)
        .filter_map(|rest| {
            let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''))?;
            rest[1..].split(quote).next()
        })
        .any(|uri| {
            let uri = uri.to_ascii_lowercase();
            [".xhtml", ".html", ".htm"]
                .iter()
                .any(|ext| uri.ends_with(ext))
        })
}

fn read_book(bytes: Vec<u8>, mut meta: Meta) -> Result<Document, String> {
    let epub =
        rbook::Epub::read(Cursor::new(bytes)).map_err(|e| format!("not a readable EPUB: {e}"))?;
    let metadata = epub.metadata();
    meta.title = metadata.title().and_then(|t| clean_field(t.value()));
    let creators: Vec<String> = metadata
        .creators()
        .filter_map(|c| clean_field(c.value()))
        .collect();
    meta.byline = (!creators.is_empty()).then(|| creators.join(", "));
    meta.published = metadata
        .published_entry()
        .and_then(|p| clean_field(p.value()));
    meta.encoding = "UTF-8".into();

    let titles = toc_titles(&epub);
    let mut text = TextBuilder::new();
    for (position, chapter) in epub.reader().enumerate() {
        let chapter = match chapter {
            Ok(c) => c,
            Err(e) => {
                meta.warnings.push(format!(
                    "chapter {} could not be read and is left out: {e}",
                    position + 1
                ));
                continue;
            }
        };
        let page = page_text(chapter.content());
        if page.stripped {
            meta.warnings.push(format!(
                "chapter {}: {}",
                position + 1,
                super::html::too_deep_warning()
            ));
        }
        let title = titles
            .get(chapter.manifest_entry().id())
            .cloned()
            .or(page.heading)
            // An XHTML <title> often repeats the book's title in every file: not a chapter name.
            .or(page.title.filter(|t| Some(t) != meta.title.as_ref()));
        if page.text.trim().is_empty() {
            continue; // a cover image or an empty page: nothing to read, no chapter to list
        }
        let start = text.len();
        // Show the chapter's title when the chapter's own text does not start with it.
        if let Some(title) = &title {
            let opening = page.text.trim_start().lines().next().and_then(clean_field);
            if opening.as_ref() != Some(title) {
                text.heading(title, 1);
            }
        }
        let from = text.len();
        text.paragraphs(&page.text);
        text.mark_headings(from, &page.headings);
        match &title {
            Some(title) => text.section(title, start),
            // A file without a title continues the chapter before it (long chapters are often
            // split over several files).
            None => text.extend_last_section(),
        }
    }
    Ok(text.finish(meta))
}

/// The table of contents' label for each manifest entry (the first, outermost entry wins, so a
/// chapter is named by its chapter entry rather than by a sub-section's).
fn toc_titles(epub: &rbook::Epub) -> HashMap<String, String> {
    let mut titles = HashMap::new();
    if let Some(contents) = epub.toc().contents() {
        for entry in contents.flatten() {
            let Some(target) = entry.manifest_entry() else {
                continue;
            };
            if let Some(label) = clean_field(entry.label()) {
                titles.entry(target.id().to_string()).or_insert(label);
            }
        }
    }
    titles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypted_text_is_told_from_obfuscated_fonts() {
        let fonts = r#"<encryption><EncryptedData><CipherData>
            <CipherReference URI="OEBPS/fonts/serif.otf"/></CipherData></EncryptedData></encryption>"#;
        assert!(!encrypts_text(fonts));
        let drm = r#"<CipherReference URI='OEBPS/Text/chapter01.xhtml'/>"#;
        assert!(encrypts_text(drm));
    }
}

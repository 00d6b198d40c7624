//! Highlight store and export costs on a large document.
//! `cargo bench --bench store` (figures in the README).

use quotelens::document::{Document, Meta};
use quotelens::store::{HighlightDraft, HighlightStore};
use quotelens::{Span, analyze};
use std::path::PathBuf;

fn main() {
    divan::main();
}

const HIGHLIGHTS: usize = 1000;

/// About 1 MB: the sample article 160 times, each copy numbered so that contexts differ.
fn big_text() -> String {
    (0..160)
        .map(|i| format!("Part {i}\n\n{}\n\n", quotelens::cli::SAMPLE_TEXT))
        .collect()
}

fn doc(text: &str) -> Document {
    Document::from_text(
        text,
        Meta {
            source: "-".into(),
            ..Meta::default()
        },
    )
}

/// A store with `HIGHLIGHTS` sentence-sized highlights spread over the text.
fn store_with_highlights(dir: &std::path::Path, d: &Document) -> PathBuf {
    let path = dir.join("bench.json");
    let mut store = HighlightStore::open_file(path.clone(), d).unwrap();
    let step = d.text.len() / HIGHLIGHTS;
    for i in 0..HIGHLIGHTS {
        let mut start = i * step;
        while !d.text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = (start + 60).min(d.text.len());
        while !d.text.is_char_boundary(end) {
            end += 1;
        }
        store
            .add(HighlightDraft::new(&d.text, Span::new(start, end)).unwrap())
            .unwrap();
    }
    path
}

/// Opening the store of an unchanged document (read, parse, check every anchor in place).
#[divan::bench(sample_count = 20)]
fn open_unchanged(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let d = doc(&big_text());
    let path = store_with_highlights(dir.path(), &d);
    bencher.bench_local(|| HighlightStore::open_file(path.clone(), &d).unwrap());
}

/// Opening after a paragraph was inserted at the top: every highlight is re-anchored.
#[divan::bench(sample_count = 10)]
fn open_after_edit_reanchors_all(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let text = big_text();
    let d = doc(&text);
    let path = store_with_highlights(dir.path(), &d);
    let edited = doc(&format!("Editor's note: updated.\n\n{text}"));
    bencher.bench_local(|| {
        let s = HighlightStore::open_file(path.clone(), &edited).unwrap();
        assert_eq!(s.report().reanchored, HIGHLIGHTS);
        s
    });
}

/// One change (a note) with 1,000 highlights saved: read, merge check, write, fsync, rename.
#[divan::bench(sample_count = 20)]
fn save_one_change(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let d = doc(&big_text());
    let path = store_with_highlights(dir.path(), &d);
    let mut store = HighlightStore::open_file(path, &d).unwrap();
    let id = store.highlights()[0].id;
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        store.set_note(id, format!("note {n}")).unwrap();
    });
}

/// Markdown export of every quote of the 1 MB document.
#[divan::bench(sample_count = 10)]
fn export_markdown_all_quotes(bencher: divan::Bencher) {
    let d = doc(&big_text());
    let a = analyze(&d);
    bencher.bench_local(|| {
        quotelens::export::export(
            &d,
            &a,
            &[],
            quotelens::export::Scope::Quotes { reported: false },
            None,
            quotelens::export::Format::Markdown,
        )
        .unwrap()
    });
}

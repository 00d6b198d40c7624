//! Number finder throughput. Run with `cargo bench --bench numbers`.
//!
//! `numbers::find` over every paragraph of the bundled sample article repeated to ~1 MB and, when
//! present, of the BBC News corpus at ../shared/data/bbc-news (not shipped; measured locally).
//! `find_bbc_news` is the figure to watch: news is dense with numbers.
//! Each bench reports bytes read, so divan prints MB/s; compare with `engine`'s `analyze_*`
//! benches (the finder should be a small part of the engine's time).

use divan::{Bencher, counter::BytesCount};
use quotelens::analysis::numbers;
use quotelens::{Document, Meta, Span};

fn main() {
    divan::main();
}

fn sample_megabyte() -> Document {
    let article = include_str!("../assets/kremlin-talks.txt");
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(article);
        s.push_str("\n\n");
    }
    Document::from_text(&s, Meta::default())
}

/// The BBC News corpus: `../shared/data/bbc-news` from the checkout (or from its parent, for
/// a worktree one level deeper).
fn bbc_documents() -> Vec<Document> {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    let Some(topics) = ["../shared/data/bbc-news", "../../shared/data/bbc-news"]
        .iter()
        .find_map(|p| std::fs::read_dir(manifest.join(p)).ok())
    else {
        return docs;
    };
    for topic in topics.flatten() {
        let Ok(files) = std::fs::read_dir(topic.path()) else {
            continue;
        };
        for f in files.flatten() {
            if let Ok(bytes) = std::fs::read(f.path()) {
                let text = String::from_utf8_lossy(&bytes);
                docs.push(Document::from_text(&text, Meta::default()));
            }
        }
    }
    docs
}

/// Runs the finder on every paragraph, as the engine does; returns the number of figures.
fn find_all(docs: &[Document], out: &mut Vec<quotelens::Figure>) -> usize {
    let mut n = 0;
    for d in docs {
        for p in &d.paragraphs {
            out.clear();
            numbers::find(&d.text, Span::new(p.start, p.end), out);
            n += out.len();
        }
    }
    n
}

#[divan::bench]
fn find_sample_1mb(bencher: Bencher) {
    let docs = [sample_megabyte()];
    let mut out = Vec::new();
    bencher
        .counter(BytesCount::new(docs[0].text.len()))
        .bench_local(|| find_all(divan::black_box(&docs), &mut out));
}

#[divan::bench]
fn find_bbc_news(bencher: Bencher) {
    let docs = bbc_documents();
    if docs.is_empty() {
        eprintln!("../shared/data/bbc-news not found; skipping");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut out = Vec::new();
    bencher
        .counter(BytesCount::new(bytes))
        .bench_local(|| find_all(divan::black_box(&docs), &mut out));
}

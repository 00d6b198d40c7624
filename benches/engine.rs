//! Engine throughput. Run with `cargo bench --bench engine`.
//!
//! The corpus is the bundled sample article repeated to ~1 MB, plus, when present, the BBC News
//! corpus at ../shared/data/bbc-news (not shipped; measured locally). Each bench reports bytes
//! processed, so divan prints MB/s. Compare the stages in one run: they share the machine's noise.

use divan::{Bencher, counter::BytesCount};
use quotelens::analysis::{marks, tokens};
use quotelens::{Document, Meta, analyze};

fn main() {
    divan::main();
}

fn sample_megabyte() -> String {
    let article = include_str!("../assets/kremlin-talks.txt");
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(article);
        s.push_str("\n\n");
    }
    s
}

fn bbc_documents() -> Vec<Document> {
    // QUOTELENS_BBC_NEWS points elsewhere (a worktree is not next to ../shared).
    let root = std::env::var_os("QUOTELENS_BBC_NEWS").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc-news"),
        std::path::PathBuf::from,
    );
    let mut docs = Vec::new();
    let Ok(topics) = std::fs::read_dir(&root) else {
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

#[divan::bench]
fn analyze_sample_1mb(bencher: Bencher) {
    let doc = Document::from_text(&sample_megabyte(), Meta::default());
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| analyze(divan::black_box(&doc)));
}

#[divan::bench]
fn tokenize_sample_1mb(bencher: Bencher) {
    let doc = Document::from_text(&sample_megabyte(), Meta::default());
    let mut out = Vec::new();
    let mut lower = String::new();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench_local(|| {
            out.clear();
            tokens::tokenize(&doc.text, 0, doc.text.len(), &mut out, &mut lower);
            out.len()
        });
}

#[divan::bench]
fn pair_marks_sample_1mb(bencher: Bencher) {
    let doc = Document::from_text(&sample_megabyte(), Meta::default());
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| marks::find_quotes(&doc.text, &doc.paragraphs).len());
}

#[divan::bench]
fn analyze_bbc_news(bencher: Bencher) {
    let docs = bbc_documents();
    if docs.is_empty() {
        eprintln!("../shared/data/bbc-news not found; skipping");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| docs.iter().map(|d| analyze(d).quotes.len()).sum::<usize>());
}

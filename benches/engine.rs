//! Engine throughput. Run with `cargo bench --bench engine`.
//!
//! The corpus is the bundled sample article repeated to ~1 MB, plus, when present, the BBC News
//! corpus at ../shared/data/bbc-news (not shipped; measured locally). Each bench reports bytes
//! processed, so divan prints MB/s. Compare the stages in one run: they share the machine's noise.

use divan::{Bencher, counter::BytesCount};
use quotelens::analysis::passes;
use quotelens::analyze;

mod common;

use common::{bbc_documents, sample_megabyte};

fn main() {
    divan::main();
}

#[divan::bench]
fn analyze_sample_1mb(bencher: Bencher) {
    let doc = sample_megabyte();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| analyze(divan::black_box(&doc)));
}

#[divan::bench]
fn tokenize_sample_1mb(bencher: Bencher) {
    let doc = sample_megabyte();
    let mut out = passes::Tokens::default();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench_local(|| out.tokenize(&doc.text, 0, doc.text.len()));
}

#[divan::bench]
fn pair_marks_sample_1mb(bencher: Bencher) {
    let doc = sample_megabyte();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| passes::pair_marks(&doc.text, &doc.paragraphs));
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

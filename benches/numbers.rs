//! Number finder throughput. Run with `cargo bench --bench numbers`.
//!
//! The finder over every paragraph of the bundled sample article repeated to ~1 MB and, when
//! present, of the BBC News corpus at ../shared/data/bbc-news (not shipped; measured locally).
//! `find_bbc_news` is the figure to watch: news is dense with numbers.
//! Each bench reports bytes read, so divan prints MB/s. `find_sample_1mb` and `find_bbc_news` time
//! `passes::find_numbers` over the engine's tokens of each paragraph (made outside the timed loop),
//! which is what the engine pays; `find_text_bbc_news` times `numbers::find`, tokenising
//! included; `analyze_bbc_news` runs the whole engine (finder included) over the same corpus in
//! the same run, for the ratio: the finder should be a small part of the engine's time.

use divan::{Bencher, counter::BytesCount};
use quotelens::analysis::numbers;
use quotelens::analysis::passes::{self, Tokens};
use quotelens::{Document, Span, analyze};

mod common;

use common::{bbc_documents, sample_megabyte};

fn main() {
    divan::main();
}

/// The engine's tokens of every paragraph, made once outside the timed loop.
fn tokenised(docs: &[Document]) -> Vec<Tokens> {
    docs.iter()
        .flat_map(|d| d.paragraphs.iter().map(move |p| (d, p)))
        .map(|(d, p)| {
            let mut toks = Tokens::default();
            toks.tokenize(&d.text, p.start, p.end);
            toks
        })
        .collect()
}

/// Runs the finder on every paragraph's tokens, as the engine does; returns the number of
/// figures.
fn find_all(docs: &[Document], toks: &[Tokens], out: &mut Vec<quotelens::Figure>) -> usize {
    let mut n = 0;
    let texts = docs
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(move |_| d.text.as_str()));
    for (text, t) in texts.zip(toks) {
        out.clear();
        passes::find_numbers(text, t, out);
        n += out.len();
    }
    n
}

#[divan::bench]
fn find_sample_1mb(bencher: Bencher) {
    let docs = [sample_megabyte()];
    let toks = tokenised(&docs);
    let mut out = Vec::new();
    bencher
        .counter(BytesCount::new(docs[0].text.len()))
        .bench_local(|| find_all(divan::black_box(&docs), &toks, &mut out));
}

#[divan::bench]
fn find_bbc_news(bencher: Bencher) {
    let docs = bbc_documents();
    if docs.is_empty() {
        eprintln!("../shared/data/bbc-news not found; skipping");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let toks = tokenised(&docs);
    let mut out = Vec::new();
    bencher
        .counter(BytesCount::new(bytes))
        .bench_local(|| find_all(divan::black_box(&docs), &toks, &mut out));
}

/// `numbers::find` from text: tokenising included.
#[divan::bench]
fn find_text_bbc_news(bencher: Bencher) {
    let docs = bbc_documents();
    if docs.is_empty() {
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut out = Vec::new();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut n = 0;
        for d in &docs {
            for p in &d.paragraphs {
                out.clear();
                numbers::find(&d.text, Span::new(p.start, p.end), &mut out);
                n += out.len();
            }
        }
        n
    });
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
        .bench_local(|| docs.iter().map(|d| analyze(d).numbers.len()).sum::<usize>());
}

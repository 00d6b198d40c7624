//! The engine on hostile shapes of text, each at two sizes: a linear engine shows the same MB/s
//! for both, a quadratic step shows up as a collapse at the larger size. Run with
//! `cargo bench --bench hostile`.
//!
//! Shapes: an article on one line; thousands of unbalanced quote marks; quote marks nested
//! thousands deep; one long sentence full of speech verbs and quotes; one long sentence of quoted
//! fragments after speech verbs without commas (each asks the sentence for an "according to").

use divan::{Bencher, counter::BytesCount};
use quotelens::{Document, Meta, analyze};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [250_000, 1_000_000];

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn one_line_article(bytes: usize) -> String {
    let article = include_str!("../assets/kremlin-talks.txt");
    let line = article.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    repeat_to(&line, bytes)
}

fn unbalanced_marks(bytes: usize) -> String {
    repeat_to("“a ” ”b « „c ‘d ’ ' 」e `` '' \"f ", bytes)
}

fn nested_marks(bytes: usize) -> String {
    let depth = bytes / 8;
    let mut s = "He said: ".to_string();
    for i in 0..depth {
        s.push_str(["“", "‘", "«"][i % 3]);
        s.push_str("a ");
    }
    for i in (0..depth).rev() {
        s.push_str(["”", "’", "»"][i % 3]);
        s.push(' ');
    }
    s
}

fn verbs_in_one_sentence(bytes: usize) -> String {
    repeat_to(
        "'We are ready,' said Dr. O'Brien, who told reporters that “talks,” she added, went on; ",
        bytes,
    )
}

fn fragments_in_one_sentence(bytes: usize) -> String {
    repeat_to(
        "Loyalty he noted is what “keeps” the “old guard” and “more” ",
        bytes,
    )
}

fn run(bencher: Bencher, text: String) {
    let doc = Document::from_text(&text, Meta::default());
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| analyze(divan::black_box(&doc)));
}

#[divan::bench(args = SIZES)]
fn article_on_one_line(bencher: Bencher, bytes: usize) {
    run(bencher, one_line_article(bytes));
}

#[divan::bench(args = SIZES)]
fn unbalanced(bencher: Bencher, bytes: usize) {
    run(bencher, unbalanced_marks(bytes));
}

#[divan::bench(args = SIZES)]
fn nested(bencher: Bencher, bytes: usize) {
    run(bencher, nested_marks(bytes));
}

#[divan::bench(args = SIZES)]
fn speech_verbs_in_one_sentence(bencher: Bencher, bytes: usize) {
    run(bencher, verbs_in_one_sentence(bytes));
}

#[divan::bench(args = SIZES)]
fn quoted_fragments_in_one_sentence(bencher: Bencher, bytes: usize) {
    run(bencher, fragments_in_one_sentence(bytes));
}

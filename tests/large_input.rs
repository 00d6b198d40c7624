//! Hostile sizes and shapes through the real command line: a 10 MB file on one line, thousands of
//! unbalanced quote marks, quote marks nested thousands deep. Each must succeed with valid JSON
//! whose offsets fit the text, and the output must stay proportional to the input (nested quotes
//! once made it grow with the square of the nesting depth). No timing is asserted here; see the
//! README's hardening section for the measured figures.

use quotelens::analysis::passes::MAX_NESTING;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_quotelens");

/// Runs `quotelens extract FILE --format json` and returns the parsed output and its size.
fn extract(path: &Path) -> (Value, usize) {
    let out = Command::new(BIN)
        .args(["extract", "--format", "json"])
        .arg(path)
        .output()
        .expect("the quotelens binary runs");
    assert!(
        out.status.success(),
        "extract failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("extract prints valid JSON");
    (json, out.stdout.len())
}

/// Every quote and number offset lies inside the document; returns the deepest quote nesting.
fn check_offsets(json: &Value) -> usize {
    let bytes = json["document"]["bytes"].as_u64().expect("document.bytes") as usize;
    let quotes = json["quotes"].as_array().expect("quotes");
    let mut depth: std::collections::HashMap<&str, usize> = Default::default();
    let mut deepest = 0;
    for q in quotes {
        let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let (cs, ce) = (
            q["content_start"].as_u64().unwrap(),
            q["content_end"].as_u64().unwrap(),
        );
        assert!(s <= cs && cs <= ce && ce <= e && e as usize <= bytes, "{q}");
        // Parents come before the quotes inside them.
        let d = match q["parent"].as_str() {
            Some(p) => depth.get(p).copied().expect("parent listed before child") + 1,
            None => 1,
        };
        depth.insert(q["id"].as_str().unwrap(), d);
        deepest = deepest.max(d);
    }
    for n in json["numbers"].as_array().expect("numbers") {
        let (s, e) = (n["start"].as_u64().unwrap(), n["end"].as_u64().unwrap());
        assert!(s <= e && e as usize <= bytes, "{n}");
    }
    deepest
}

/// A small deterministic generator, so every run tests the same text.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const MARKS: [&str; 16] = [
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‚", "「", "」", "``", "''", "‹", "›",
];

#[test]
fn a_10_mb_article_on_one_line_is_extracted() {
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/kremlin-talks.txt"),
    )
    .unwrap();
    let line = sample.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let text = line.repeat(10 * 1024 * 1024 / line.len() + 1);
    assert!(!text.contains('\n') && text.len() >= 10 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    std::fs::write(&path, &text).unwrap();

    let (json, _) = extract(&path);
    assert_eq!(json["document"]["bytes"].as_u64(), Some(text.len() as u64));
    assert_eq!(json["document"]["paragraphs"].as_u64(), Some(1));
    // The sample's quotes are found all along the line, not only near its start.
    let quotes = json["quotes"].as_array().unwrap();
    assert!(quotes.len() > 1000, "{} quotes", quotes.len());
    let last_start = quotes.last().unwrap()["start"].as_u64().unwrap() as usize;
    assert!(
        last_start > text.len() - line.len(),
        "last quote at {last_start}"
    );
    check_offsets(&json);
}

#[test]
fn thousands_of_unbalanced_quote_marks_are_extracted() {
    let mut rng = Lcg(7);
    let mut text = String::new();
    for i in 0..40_000 {
        text.push_str(MARKS[rng.below(MARKS.len())]);
        text.push_str(["word", "Putin said", "", "x,"][rng.below(4)]);
        text.push_str(if i % 5000 == 4999 { "\n\n" } else { " " });
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unbalanced.txt");
    std::fs::write(&path, &text).unwrap();

    let (json, out_len) = extract(&path);
    let deepest = check_offsets(&json);
    assert!(deepest <= MAX_NESTING, "nesting {deepest}");
    assert!(
        out_len < 64 * text.len(),
        "{out_len} bytes of JSON for {}",
        text.len()
    );
}

#[test]
fn quote_marks_nested_thousands_deep_are_extracted() {
    let opens = ["“", "‘", "«", "„", "「", "``"];
    let closes = ["”", "’", "»", "“", "」", "''"];
    let depth = 20_000;
    let mut text = String::from("He said: ");
    for i in 0..depth {
        text.push_str(opens[i % opens.len()]);
        text.push_str("a ");
    }
    for i in (0..depth).rev() {
        text.push_str(closes[i % closes.len()]);
        text.push(' ');
    }
    // And a paragraph of openers that never close.
    text.push_str("\n\n");
    text.push_str(&"“b ".repeat(depth));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.txt");
    std::fs::write(&path, &text).unwrap();

    let (json, out_len) = extract(&path);
    let deepest = check_offsets(&json);
    assert!(
        (2..=MAX_NESTING).contains(&deepest),
        "nesting {deepest} (at most {MAX_NESTING})"
    );
    assert!(
        out_len < 64 * text.len(),
        "{out_len} bytes of JSON for {}",
        text.len()
    );
}

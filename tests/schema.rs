//! The JSON contract as a file: `assets/schema.json` (the JSON Schema of `quotelens/1`) holds for
//! what `quotelens extract` really prints, on the sample article, a fiction text and an HTML page.

use serde_json::Value;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("{ROOT}/assets/schema.json"))
        .unwrap_or_else(|e| panic!("cannot read assets/schema.json: {e}"));
    let schema: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("schema.json is not JSON: {e}"));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("not a valid schema: {e}"))
}

fn extract(path: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(["extract", path, "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run quotelens: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("invalid JSON: {e}"))
}

fn assert_valid(path: &str) -> Value {
    let doc = extract(path);
    let errors: Vec<String> = schema()
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:#?}");
    doc
}

#[test]
fn the_sample_article_follows_the_schema() {
    let d = assert_valid(&format!("{ROOT}/assets/kremlin-talks.txt"));
    assert!(!d["quotes"].as_array().is_some_and(Vec::is_empty));
    assert!(!d["numbers"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn a_fiction_text_follows_the_schema() {
    let d = assert_valid(&format!("{ROOT}/tests/fixtures/dialogue.txt"));
    assert!(d["quotes"].as_array().is_some_and(|q| q.len() >= 6));
}

#[test]
fn an_html_page_follows_the_schema() {
    let d = assert_valid(&format!("{ROOT}/tests/fixtures/news-page.html"));
    assert_eq!(d["document"]["format"], "html");
}

#[test]
fn the_schema_rejects_what_breaks_the_contract() {
    let mut d = extract(&format!("{ROOT}/assets/kremlin-talks.txt"));
    let v = schema();
    assert!(v.is_valid(&d));
    // A misspelt quote kind, a missing field, a wrong id: each one is caught.
    d["quotes"][0]["kind"] = Value::from("quote");
    assert!(!v.is_valid(&d));
    d["quotes"][0]["kind"] = Value::from("direct");
    assert!(v.is_valid(&d));
    if let Some(q) = d["quotes"][0].as_object_mut() {
        q.remove("cue");
    }
    assert!(!v.is_valid(&d));
    let mut d = extract(&format!("{ROOT}/assets/kremlin-talks.txt"));
    d["speakers"][0]["id"] = Value::from("speaker1");
    assert!(!v.is_valid(&d));
}

#[test]
fn a_relayed_quote_names_its_original_speaker_within_the_schema() {
    // The optional fields appear only on the quote a source relays, and follow the schema.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("relayed.txt");
    std::fs::write(
        &path,
        "“We will not raise the dock fees,” Mayor Lena Ortiz said, according to the Harbour \
         Post.\n\n“The berths are full,” said Ivo Brandt.\n",
    )
    .expect("write fixture");
    let d = assert_valid(path.to_str().expect("UTF-8 path"));
    let quotes = d["quotes"].as_array().expect("quotes");
    let relayed: Vec<&Value> = quotes
        .iter()
        .filter(|q| q.get("original_speaker_name").is_some())
        .collect();
    assert_eq!(relayed.len(), 1, "{quotes:#?}");
    assert_eq!(relayed[0]["speaker_name"], "Harbour Post");
    assert_eq!(relayed[0]["original_speaker_name"], "Lena Ortiz");
    assert_eq!(
        relayed[0]["original_speaker_mention"]["text"],
        "Mayor Lena Ortiz"
    );
    // Without "according to" the quote has no such field at all.
    let brandt = quotes
        .iter()
        .find(|q| q["speaker_name"] == "Ivo Brandt")
        .expect("Brandt's quote");
    assert!(brandt.get("original_speaker_mention").is_none());
}

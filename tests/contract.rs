//! The public JSON interface (`quotelens extract FILE --format json`): every field the contract
//! names, with its type, and offsets that point into exactly the text `quotelens text` prints.

use serde_json::Value;
use std::process::Command;

fn quotelens(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run quotelens: {e}"))
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/kremlin-talks.txt");

fn extract_sample() -> Value {
    let out = quotelens(&["extract", SAMPLE, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("invalid JSON: {e}"))
}

/// Null, or of the type `check` accepts.
fn is_null_or(v: &Value, check: fn(&Value) -> bool) -> bool {
    v.is_null() || check(v)
}

#[test]
fn every_contract_field_is_present_with_its_type() {
    let d = extract_sample();
    assert_eq!(d["schema"], "quotelens/1");
    let doc = &d["document"];
    assert!(doc["source"].is_string());
    assert!(is_null_or(&doc["title"], Value::is_string));
    assert!(doc["bytes"].is_u64());
    for s in d["speakers"].as_array().expect("speakers") {
        assert!(s["id"].as_str().is_some_and(|i| i.starts_with('s')));
        assert!(s["name"].is_string());
        assert!(matches!(
            s["kind"].as_str(),
            Some("person" | "organization" | "group" | "unknown")
        ));
        assert!(s["aliases"].is_array());
        for m in s["mentions"].as_array().expect("mentions") {
            assert!(m["start"].is_u64() && m["end"].is_u64() && m["text"].is_string());
        }
        assert!(
            s["quotes"]
                .as_array()
                .expect("quotes")
                .iter()
                .all(|q| q.as_str().is_some_and(|q| q.starts_with('q')))
        );
    }
    for q in d["quotes"].as_array().expect("quotes") {
        for f in ["start", "end", "content_start", "content_end"] {
            assert!(q[f].is_u64(), "{f}");
        }
        assert!(q["text"].is_string());
        assert!(matches!(
            q["kind"].as_str(),
            Some("direct" | "partial" | "reported" | "nested" | "title" | "term")
        ));
        assert!(is_null_or(&q["speaker"], Value::is_string));
        assert!(is_null_or(&q["speaker_mention"], Value::is_object));
        assert!(is_null_or(&q["cue"], Value::is_object));
        assert!(q["method"].is_string());
        assert!(
            q["confidence"]
                .as_f64()
                .is_some_and(|c| (0.0..=1.0).contains(&c))
        );
        assert!(is_null_or(&q["parent"], Value::is_string));
    }
    for n in d["numbers"].as_array().expect("numbers") {
        assert!(n["id"].as_str().is_some_and(|i| i.starts_with('n')));
        assert!(n["start"].is_u64() && n["end"].is_u64() && n["text"].is_string());
        assert!(n["kind"].is_string());
        assert!(is_null_or(&n["value"], Value::is_number));
        assert!(is_null_or(&n["value_high"], Value::is_number));
        assert!(is_null_or(&n["unit"], Value::is_string));
        assert!(is_null_or(&n["qualifier"], Value::is_string));
        assert!(is_null_or(&n["quote"], Value::is_string));
        assert!(is_null_or(&n["source"], Value::is_string));
    }
}

#[test]
fn offsets_point_into_the_text_that_quotelens_text_prints() {
    let d = extract_sample();
    let out = quotelens(&["text", SAMPLE]);
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    assert_eq!(d["document"]["bytes"].as_u64(), Some(text.len() as u64));
    let slice = |a: &Value, b: &Value| -> String {
        let (a, b) = (
            a.as_u64().expect("start") as usize,
            b.as_u64().expect("end") as usize,
        );
        assert!(a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b));
        text[a..b].to_string()
    };
    let mut last_start = 0;
    for q in d["quotes"].as_array().expect("quotes") {
        assert_eq!(
            slice(&q["content_start"], &q["content_end"]),
            q["text"].as_str().expect("text")
        );
        let whole = slice(&q["start"], &q["end"]);
        assert!(whole.contains(q["text"].as_str().expect("text")));
        for f in ["speaker_mention", "cue"] {
            if q[f].is_object() {
                assert_eq!(
                    slice(&q[f]["start"], &q[f]["end"]),
                    q[f]["text"].as_str().expect("text")
                );
            }
        }
        let start = q["start"].as_u64().expect("start");
        assert!(start >= last_start, "quotes are in document order");
        last_start = start;
    }
    for n in d["numbers"].as_array().expect("numbers") {
        assert_eq!(
            slice(&n["start"], &n["end"]),
            n["text"].as_str().expect("text")
        );
    }
}

#[test]
fn ids_refer_to_existing_items() {
    let d = extract_sample();
    let speakers: Vec<&str> = d["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    let quotes: Vec<&str> = d["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter_map(|q| q["id"].as_str())
        .collect();
    for q in d["quotes"].as_array().expect("quotes") {
        if let Some(s) = q["speaker"].as_str() {
            assert!(speakers.contains(&s));
        }
        if let Some(p) = q["parent"].as_str() {
            assert!(quotes.contains(&p));
        }
    }
    for s in d["speakers"].as_array().expect("speakers") {
        for q in s["quotes"].as_array().expect("quotes") {
            let q = q.as_str().expect("id");
            let quote = d["quotes"]
                .as_array()
                .expect("quotes")
                .iter()
                .find(|x| x["id"] == q)
                .expect("listed quote");
            assert_eq!(
                quote["speaker"], s["id"],
                "a speaker lists only their own quotes"
            );
        }
    }
    for n in d["numbers"].as_array().expect("numbers") {
        if let Some(s) = n["source"].as_str() {
            assert!(speakers.contains(&s));
        }
        if let Some(q) = n["quote"].as_str() {
            assert!(quotes.contains(&q));
        }
    }
}

#[test]
fn the_sample_article_as_the_contract_describes_it() {
    let d = extract_sample();
    let name_of = |id: &Value| -> String {
        d["speakers"]
            .as_array()
            .expect("speakers")
            .iter()
            .find(|s| &s["id"] == id)
            .and_then(|s| s["name"].as_str())
            .unwrap_or("-")
            .to_string()
    };
    let direct: Vec<&Value> = d["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter(|q| q["kind"] == "direct")
        .collect();
    assert_eq!(direct.len(), 13);
    assert_eq!(name_of(&direct[0]["speaker"]), "Aleksandr Lukashenko");
    assert_eq!(direct[0]["method"], "cue-before");
    assert_eq!(direct[0]["cue"]["text"], "said");
    assert_eq!(name_of(&direct[12]["speaker"]), "Vladimir Putin");
    let nearly = d["numbers"]
        .as_array()
        .expect("numbers")
        .iter()
        .find(|n| n["text"] == "nearly 87%")
        .expect("nearly 87%");
    assert_eq!(nearly["kind"], "percent");
    assert_eq!(nearly["value"].as_f64(), Some(87.0));
    assert_eq!(nearly["qualifier"], "nearly");
    assert_eq!(name_of(&nearly["source"]), "Aleksandr Lukashenko");
    let money = d["numbers"]
        .as_array()
        .expect("numbers")
        .iter()
        .find(|n| n["text"] == "$51.8 billion")
        .expect("$51.8 billion");
    assert_eq!(money["value"].as_f64(), Some(51.8e9));
    assert_eq!(money["unit"], "USD");
    assert_eq!(name_of(&money["source"]), "the Belarusian side");
}

#[test]
fn several_files_give_one_json_line_each_in_input_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, text) in [
        "“One,” said Ann Lee.",
        "“Two,” said Bo Ek.",
        "No quotes here.",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(dir.path().join(format!("{i}.txt")), text).expect("write");
    }
    let out = quotelens(&["extract", &dir.path().display().to_string(), "--jobs", "2"]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0]["document"]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("0.txt"))
    );
    assert!(
        lines[2]["document"]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("2.txt"))
    );
    assert_eq!(lines[1]["speakers"][0]["name"], "Bo Ek");
}

#[test]
fn kinds_filter_keeps_references_consistent() {
    let out = quotelens(&["--kinds", "direct", "extract", SAMPLE]);
    assert!(out.status.success());
    let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let quotes = d["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 13);
    assert!(quotes.iter().all(|q| q["kind"] == "direct"));
    let bad = quotelens(&["--kinds", "spoken", "extract", SAMPLE]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn offsets_into_a_file_with_crlf_and_c1_controls_are_offsets_into_the_file() {
    // A Windows text file with mojibake holding a C1 control, and a stray ESC and form feed: the
    // contract promises that offsets into a UTF-8 file without BOM are offsets into the file, so
    // a script may slice the raw bytes.
    let raw = "Ferry news\r\n\r\nPe\u{c3}\u{83}\u{c2}\u{b1}a met\u{1b} the crew.\u{c}\r\n\r\n\
               \u{201c}We sail at six,\u{201d} said skipper Ana Lind.\r\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ferry.txt");
    std::fs::write(&path, raw).expect("write fixture");
    let path = path.to_str().expect("UTF-8 path");
    let out = quotelens(&["extract", path, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(d["document"]["bytes"].as_u64(), Some(raw.len() as u64));
    let q = &d["quotes"][0];
    let at = |k: &str| q[k].as_u64().expect("offset") as usize;
    assert_eq!(
        &raw[at("content_start")..at("content_end")],
        "We sail at six,"
    );
    let m = &q["speaker_mention"];
    let (a, b) = (
        m["start"].as_u64().expect("start") as usize,
        m["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&raw[a..b], m["text"].as_str().expect("mention text"));
    assert!(raw[a..b].ends_with("Ana Lind"));
}

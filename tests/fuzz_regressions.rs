//! Inputs the fuzzers once crashed on (`tests/fuzz-inputs/<target>/<name>`), replayed through the
//! same checks as the fuzz targets: the loader under every extension, the engine's invariants, the
//! JSON contract and every export format. A new crash input goes into the folder of the target
//! that found it; no code change is needed here.

#[path = "support/invariants.rs"]
mod invariants;

use quotelens::document::load::from_bytes;
use quotelens::{Document, Meta, analyze};
use std::path::{Path, PathBuf};

const EXTENSIONS: [&str; 7] = ["txt", "html", "htm", "md", "markdown", "epub", ""];

/// Every file under tests/fuzz-inputs/, sorted, as (target/name, path).
fn inputs() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-inputs");
    let mut out = Vec::new();
    let targets = std::fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
    for target in targets.flatten() {
        let Ok(files) = std::fs::read_dir(target.path()) else {
            continue;
        };
        for f in files.flatten() {
            let name = format!(
                "{}/{}",
                target.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            );
            out.push((name, f.path()));
        }
    }
    out.sort();
    out
}

/// The checks of all three fuzz targets on one input.
fn replay(bytes: &[u8]) -> Result<(), String> {
    // `analyze` and `load`: the loader, then the engine, the invariants and the JSON.
    for ext in EXTENSIONS {
        if let Ok(doc) = from_bytes(bytes, "fuzz", ext) {
            invariants::check_all(&doc).map_err(|e| format!("ext {ext:?}: {e}"))?;
        }
    }
    // `export`: any text (NUL bytes included) straight into a document, then every export.
    let doc = Document::from_text(&String::from_utf8_lossy(bytes), Meta::default());
    invariants::check_document(&doc)?;
    let analysis = analyze(&doc);
    invariants::check_analysis(&doc, &analysis)?;
    invariants::check_exports(&doc, &analysis)
}

#[test]
fn every_saved_fuzz_input_passes_every_check() {
    let inputs = inputs();
    assert!(!inputs.is_empty(), "no inputs in tests/fuzz-inputs");
    let mut failures = Vec::new();
    for (name, path) in &inputs {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // A panic in the engine names the input that caused it.
        match std::panic::catch_unwind(|| replay(&bytes)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(_) => failures.push(format!("{name}: panicked (see above)")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

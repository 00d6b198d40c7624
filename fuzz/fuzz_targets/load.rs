//! Arbitrary bytes through the loader under every extension it knows (text, HTML, Markdown, EPUB,
//! none), then the engine. Only `from_bytes` and `analyze` are called, so the target keeps working
//! as format and encoding detection grow behind `from_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

const EXTENSIONS: [&str; 7] = ["txt", "html", "htm", "md", "markdown", "epub", ""];

fuzz_target!(|bytes: &[u8]| {
    for ext in EXTENSIONS {
        let Ok(doc) = quotelens::document::load::from_bytes(bytes, "fuzz", ext) else {
            continue;
        };
        if let Err(e) = invariants::check_all(&doc) {
            panic!("ext {ext:?}: {e}");
        }
    }
});

//! Arbitrary text → the engine → every export format and scope. HTML must never carry a raw
//! `<script` from the text; JSON must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let doc = quotelens::Document::from_text(&text, quotelens::Meta::default());
    let analysis = quotelens::analyze(&doc);
    if let Err(e) = invariants::check_exports(&doc, &analysis) {
        panic!("{e}");
    }
});

//! Arbitrary bytes as a plain-text file → the engine → the invariants and the JSON contract.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = quotelens::document::load::from_bytes(bytes, "fuzz", "txt") else {
        return;
    };
    if let Err(e) = invariants::check_all(&doc) {
        panic!("{e}");
    }
});

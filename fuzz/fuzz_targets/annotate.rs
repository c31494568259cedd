//! Fuzz target: arbitrary bytes → (lossy) UTF-8 text → `annotate` in both
//! languages and with detection → the byte document's and the contract's
//! invariants (`tests/common/invariants.rs`, the same checks as the property
//! tests). Any panic is a finding.
//!
//! Run (see fuzz/README.md): `RUSTC_BOOTSTRAP=1 cargo fuzz run annotate -- -max_total_time=600`.
#![no_main]

use article_annotator::{annotate, Annotator, Lang};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 is taken as is; otherwise the lossy conversion still
    // gives the detectors odd text (U+FFFD, as wasm-bindgen gives for lone
    // surrogates).
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    for lang in Lang::ALL {
        let doc = Annotator::for_lang(lang).annotate(&text);
        invariants::check_all(&text, &doc);
    }
    let doc = annotate(&text);
    invariants::check_all(&text, &doc);
});

//! Any bytes, as text, parse into a document: no panic, no stack overflow, containers nested
//! within the limit, paragraphs numbered in order, only safe URLs.

#![no_main]

use courtview_test_support::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = courtview::document::markdown::parse(&text);
    if let Err(e) = invariants::parsed(&doc) {
        panic!("{e}\ninput: {text:?}");
    }
});

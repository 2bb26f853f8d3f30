//! The whole pure pipeline, as `courtview render` runs it: parse, annotate, render with the
//! app's own component (Yew SSR), then the strict HTML reader: only allowed elements and
//! attributes, safe URLs, `rel` on off-site links, one mark per mention. The first byte picks
//! the language; the rest is the Markdown.

#![no_main]

use courtview::Lang;
use courtview_test_support::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let lang = Lang::ALL[usize::from(first) % 3];
    let text = String::from_utf8_lossy(rest);
    if let Err(e) = invariants::pipeline(&text, lang, 2025) {
        panic!("{e}\ninput: {text:?}");
    }
});

//! Any text, parsed and annotated in one of the three languages with the shipped knowledge
//! base: every run's mentions sorted, disjoint and on char boundaries, replaying them gives
//! what annotating gives, the text is unchanged and no mention is inside another. The first
//! byte picks the language; the rest is the Markdown.

#![no_main]

use courtview::Lang;
use courtview::document::markdown::parse;
use courtview::entities::annotate::{Gazetteer, annotate_by, annotate_with, mentions_by_run};
use courtview_test_support::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let lang = Lang::ALL[usize::from(first) % 3];
    let text = String::from_utf8_lossy(rest);
    let gazetteer = Gazetteer::shipped(lang);
    // The matcher on the raw text, as `courtview match` runs it.
    if let Err(e) = invariants::spans(&text, &gazetteer.find(&text, 2025)) {
        panic!("{e}");
    }
    let doc = parse(&text);
    let runs = mentions_by_run(&doc, gazetteer, 2025);
    let annotated = annotate_with(&doc, gazetteer, 2025);
    let mut replay = runs.into_iter();
    let replayed = annotate_by(&doc, &mut |run| {
        let (len, found) = replay.next().expect("as many runs as recorded");
        assert_eq!(len, run.len(), "runs visited in another order");
        if let Err(e) = invariants::spans(run, &found) {
            panic!("{e}");
        }
        found
    });
    assert!(replay.next().is_none(), "fewer runs than recorded");
    assert_eq!(replayed, annotated, "replay differs from annotation");
    if let Err(e) = invariants::annotated(&doc, &annotated) {
        panic!("{e}\ninput: {text:?}");
    }
});

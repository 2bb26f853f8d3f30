//! The shipped articles' entity mentions, found at build time.
//!
//! `build.rs` runs the model's matcher natively on every shipped article and language and
//! records, for each run of text in the order [`annotate_by`] visits them, the run's length
//! and its mentions. Here the browser replays that record: annotating an article costs a walk
//! over its document, the knowledge base is never compiled in the browser, and the matcher's
//! code is not in the WebAssembly. A native test checks that the replay equals
//! [`crate::entities::annotate::annotate`] for every shipped article.

use crate::Lang;
use crate::document::Document;
use crate::entities::EntityType;
use crate::entities::annotate::{Found, annotate_by};

/// A mention in a run of text: start and end (bytes), entity id, type.
type Mention = (u32, u32, &'static str, EntityType);

/// A run of text: its length in bytes (to check that the replay fits) and its mentions.
type Run = (u32, &'static [Mention]);

include!(concat!(env!("OUT_DIR"), "/mentions.rs"));

/// The document of shipped article `slug` in `lang` with its mentions marked, as the build
/// found them. `None` when the build recorded nothing for that article and language, or when
/// `doc` is not the document the build saw (a run's length differs): the caller then shows
/// the text without highlights rather than marks in the wrong places.
pub fn annotate_shipped(slug: &str, lang: Lang, doc: &Document) -> Option<Document> {
    let (_, _, runs) = MENTIONS.iter().find(|(s, l, _)| *s == slug && *l == lang)?;
    let mut runs = runs.iter();
    let mut fits = true;
    let annotated = annotate_by(doc, &mut |text| match runs.next() {
        Some(&(len, found)) if len as usize == text.len() => found
            .iter()
            .map(|&(start, end, id, kind)| Found {
                start: start as usize,
                end: end as usize,
                id: id.to_owned(),
                kind,
            })
            .collect(),
        _ => {
            fits = false;
            Vec::new()
        }
    });
    (fits && runs.next().is_none()).then_some(annotated)
}

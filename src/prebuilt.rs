//! The shipped articles, parsed at build time, and their entity mentions, found at build time.
//!
//! `build.rs` parses every shipped article natively and packs the catalog
//! ([`crate::content::packed`]); [`catalog`] unpacks it, so the browser never parses Markdown.
//! It also runs the model's matcher on every article and language and records, for each run
//! of text in the order [`annotate_by`] visits them, the run's length and its mentions;
//! [`annotate_shipped`] replays that record: annotating an article costs a walk over its
//! document, the knowledge base is never compiled in the browser, and neither the matcher nor
//! pulldown-cmark is in the WebAssembly. Native tests check that [`catalog`] equals
//! [`Catalog::shipped`] and that the replay equals [`crate::entities::annotate::annotate`] for
//! every shipped article.

use std::sync::OnceLock;

use crate::Lang;
use crate::content::{Catalog, packed};
use crate::document::Document;
use crate::entities::EntityType;
use crate::entities::annotate::{Found, annotate_by};

/// A mention in a run of text: start and end (bytes), entity id, type.
type Mention = (u32, u32, &'static str, EntityType);

/// A run of text: its length in bytes (to check that the replay fits) and its mentions.
type Run = (u32, &'static [Mention]);

include!(concat!(env!("OUT_DIR"), "/mentions.rs"));

/// The packed catalog build.rs wrote.
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// The shipped articles, as [`Catalog::shipped`] parses them, unpacked once. Should the packed
/// form not decode (it is written by the same code that reads it, and tested), the catalog is
/// empty and the app shows its "no articles" and not-found pages rather than failing.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| packed::decode(PACKED).unwrap_or_default())
}

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

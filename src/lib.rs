//! courtview: a reader for the Supreme Court of Kazakhstan's news in Kazakh, Russian and
//! English.
//!
//! Two layers, and data flows one way:
//! - pure modules know nothing of the web and are tested natively: the model crate
//!   (`courtview-model`, re-exported here: [`lang`], [`content`], [`document`], [`entities`],
//!   [`ingest`], [`error`]), and [`i18n`], [`route`], [`embed`], [`head`] and [`prebuilt`] in
//!   this crate;
//! - [`ui`] holds every Yew component; the same components render in the browser and, natively,
//!   to HTML strings (the `render` command, later the prerender).
//!
//! `tests/architecture.rs` enforces the import rule.

#![deny(missing_docs)]

pub use courtview_model::{Lang, content, document, entities, error, ingest, lang};

pub mod embed;
pub mod head;
pub mod i18n;
pub mod prebuilt;
pub mod route;
pub mod ui;

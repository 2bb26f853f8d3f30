//! courtview: a reader for the Supreme Court of Kazakhstan's news in Kazakh, Russian and
//! English.
//!
//! Two layers, and data flows one way:
//! - pure modules know nothing of the web and are tested natively: the model crate
//!   (`courtview-model`, re-exported here: [`lang`], [`content`], [`document`], [`entities`],
//!   [`ingest`], [`error`], [`search`], [`script`]), and [`i18n`], [`route`], [`embed`], [`head`], [`markup`] and
//!   [`store`] in this crate;
//! - [`ui`] holds every Yew component; the same components render in the browser and, natively,
//!   to HTML strings (the `render` command and the site generator, [`site`]).
//!
//! `tests/architecture.rs` enforces the import rule.

#![deny(missing_docs)]

pub use courtview_model::{Lang, content, document, entities, error, ingest, lang, script, search};

pub mod display;
pub mod embed;
pub mod head;
pub mod i18n;
pub mod locale;
pub mod markup;
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod store;
pub mod ui;

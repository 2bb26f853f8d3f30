//! courtview: a reader for the Supreme Court of Kazakhstan's news in Kazakh, Russian and
//! English.
//!
//! Two layers, and data flows one way:
//! - pure modules — [`lang`], [`i18n`], [`content`], [`document`], [`ingest`], [`route`],
//!   [`embed`], [`error`] — know nothing of the web and are tested natively;
//! - [`ui`] holds every Yew component; the same components render in the browser and, natively,
//!   to HTML strings (the `render` command, later the prerender).
//!
//! `tests/architecture.rs` enforces the import rule.

#![deny(missing_docs)]

pub mod content;
pub mod document;
pub mod embed;
pub mod entities;
pub mod error;
pub mod i18n;
pub mod ingest;
pub mod lang;
pub mod route;
pub mod ui;

pub use lang::Lang;

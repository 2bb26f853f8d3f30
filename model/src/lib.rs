//! courtview's pure model: everything about an article that is not the web.
//!
//! - [`lang`]: the three languages;
//! - [`content`]: the shipped articles (embedded by `build.rs` from `static/articles/`), front
//!   matter, the catalog with language fallback;
//! - [`document`]: our own document model, and [`document::markdown`], the only user of
//!   pulldown-cmark;
//! - [`entities`]: the knowledge base (compiled by `build.rs` from `static/entities/`), the
//!   matcher, dates, annotation and evaluation;
//! - [`ingest`]: PDF-extracted text to Markdown; [`error`]: content errors that name file, line,
//!   article and language.
//!
//! It is a crate of its own, with no web dependency at all, so that the app's build script can
//! run it natively: the shipped articles' entity mentions are found at build time, and the
//! browser never compiles the knowledge base or searches (see the app's `prebuilt` module).

#![deny(missing_docs)]

pub mod content;
pub mod document;
pub mod entities;
pub mod error;
pub mod ingest;
pub mod lang;

pub use lang::Lang;

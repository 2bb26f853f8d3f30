//! courtview's pure model: everything about an article that is not the web.
//!
//! - [`lang`]: the three languages;
//! - [`content`]: articles (read from their folders on disk, never compiled in), front matter,
//!   the catalog with language fallback, and the form of a page's data file;
//! - [`document`]: our own document model, and [`document::markdown`], the only user of
//!   pulldown-cmark;
//! - [`entities`]: the knowledge base (compiled by `build.rs` from `static/entities/`), the
//!   matcher, dates, annotation and evaluation;
//! - [`search`]: the inflection-aware search index, its shard files and the query engine;
//! - [`ingest`]: PDF-extracted text to Markdown; [`error`]: content errors that name file, line,
//!   article and language;
//! - [`script`]: Kazakh in the 2021 Latin alphabet, with offsets carried over for mentions.
//!
//! It is a crate of its own, with no web dependency at all, so that the site generator and the
//! editor's CLI run it natively: articles are parsed and their entity mentions found when the
//! site is built, and the browser only decodes each page's data file, never parsing Markdown
//! or searching for names.

#![deny(missing_docs)]

pub mod content;
pub mod document;
pub mod entities;
pub mod error;
pub mod ingest;
pub mod lang;
pub mod script;
pub mod search;

pub use lang::Lang;

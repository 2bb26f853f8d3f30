//! What courtview's model crate and its build script share, so that both use one copy:
//!
//! - [`slug`]: what a valid article slug is (article folders, URL segments, entity ids);
//! - [`LANG_TAGS`]: the three languages' tags, in the model's `Lang::ALL` order;
//! - [`compiler`] (feature `compiler`): the knowledge-base compiler, which reads
//!   `static/entities/*.toml`, validates every entity and writes the Rust source the model
//!   includes.
//!
//! The model's build script cannot use the model itself (it is what the script builds), and
//! the model must not carry the compiler's TOML parser into the browser: hence a crate of its
//! own, with std, serde and toml only, the last two behind the feature.

#![deny(missing_docs)]

#[cfg(feature = "compiler")]
pub mod compiler;
pub mod slug;

#[cfg(feature = "compiler")]
pub use compiler::compile;

/// The languages' tags (BCP 47, as in URLs, file names and `lang` attributes), in the order of
/// the model's `Lang::ALL`: Kazakh, Russian, English. Per-language arrays follow this order.
pub const LANG_TAGS: [&str; 3] = ["kk", "ru", "en"];

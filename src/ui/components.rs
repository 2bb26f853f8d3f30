//! Reusable pieces of the page.

pub mod article_meta;
pub mod document_view;
pub mod footer;
pub mod header;
pub mod lang_switcher;

//! Reusable pieces of the page.

pub mod article_meta;
pub mod display_menu;
pub mod document_view;
pub mod embed_dialog;
pub mod entity_card;
pub mod entity_legend;
pub mod footer;
pub mod header;
pub mod lang_switcher;
pub mod page_link;
pub mod script_switch;

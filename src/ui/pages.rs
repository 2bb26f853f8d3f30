//! One component per route.

pub mod article;
pub mod embed;
pub mod entities;
pub mod list;
pub mod not_found;
pub mod root;
pub mod search;

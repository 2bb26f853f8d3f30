//! The few things the viewer asks of the browser, one module per concern, and the only part of
//! the app that calls it. Each function is written once: what it does in the browser stands in
//! `#[cfg(target_arch = "wasm32")]` inside its body; natively (server-side rendering, tests) it
//! does nothing or gives a neutral answer, so components compile and render the same
//! everywhere.
//!
//! [`search`] is also the one piece of the library that runs outside the page: in the search
//! worker (`src/bin/search-worker.rs`), where there is no window or document.
//!
//! The embed view runs inside partners' pages, so what it may do is narrower: the functions
//! for it ([`scroll::after_embed_navigation`] and [`frame`]) scroll only the frame's own
//! window, and it never reads or writes [`storage`].

pub mod clipboard;
pub mod focus;
pub mod frame;
pub mod page;
pub mod scroll;
pub mod search;
pub mod storage;
pub mod timing;

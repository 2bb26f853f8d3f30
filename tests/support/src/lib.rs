//! What courtview's native tests and its cargo-fuzz targets share, as a crate rather than files
//! each of them includes:
//!
//! - [`html_allow`]: a strict reader for the HTML `DocumentView` renders natively, and the
//!   allow-lists it must keep to (`tests/fixtures/html-allow.json`, which the browser test
//!   `tests/browser/hostile.test.mjs` reads too);
//! - [`invariants`]: what must hold for any input to the pure pipeline (parse → annotate →
//!   render), checked by the property tests in `tests/robustness.rs` and by the fuzz targets.

#![deny(missing_docs)]

pub mod html_allow;
pub mod invariants;

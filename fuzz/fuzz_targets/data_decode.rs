//! The data files' form (`content::page_data`): bytes that are not what `encode` wrote are
//! refused or decode to page data that encodes again to the same; never a panic. What
//! `encode` writes decodes to exactly what was encoded.
//!
//! The first byte picks how the rest is used, so that mutations also start from valid bytes:
//! - 0–84: the rest is decoded as it is;
//! - 85–169: the rest edits the shipped article's real data file (Kazakh) — pairs of
//!   (position, xor mask), a last odd byte cutting it short;
//! - 170–255: the rest is an article body, encoded and decoded.
//!
//! Data files are the site generator's own output, served from the viewer's origin; the
//! decoder bounds nothing but what libFuzzer's default input size (4 KB) bounds, which keeps
//! nesting far below what would exhaust the stack.

#![no_main]

use std::sync::OnceLock;

use courtview::Lang;
use courtview::content::Catalog;
use courtview::content::page_data;
use courtview_test_support::invariants;
use libfuzzer_sys::fuzz_target;

fn shipped() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let site = courtview::site::annotated(Catalog::shipped().clone());
        page_data::encode(&courtview::site::article_data(&site.entries()[0], Lang::Kk))
    })
}

fn decodes_sanely(bytes: &[u8]) {
    if let Ok(data) = page_data::decode(bytes)
        && let Err(e) = invariants::encodes(&data)
    {
        panic!("{e}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode {
        0..=84 => decodes_sanely(rest),
        85..=169 => {
            let mut bytes = shipped().to_vec();
            let mut edits = rest.chunks_exact(2);
            for pair in edits.by_ref() {
                let at = usize::from(pair[0]) * bytes.len() / 256;
                bytes[at] ^= pair[1];
            }
            if let [cut] = edits.remainder() {
                bytes.truncate(usize::from(*cut) * bytes.len() / 255);
            }
            decodes_sanely(&bytes);
        }
        _ => {
            let body = String::from_utf8_lossy(rest);
            let source = format!("---\ntitle: T\ndate: 2025-11-19\n---\n{body}");
            let catalog = Catalog::from_sources(&[("s", "kk", "s/kk.md", source.as_str())]);
            if let Err(e) = invariants::data_round_trips(&catalog) {
                panic!("{e}");
            }
        }
    }
});

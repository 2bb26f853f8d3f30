//! The names in a page's markup that more than one party reads or writes: the app (`ui`), the
//! site generator (`site`), the fallback script (`static/fallback.js`, which the site
//! generator hands them), the stylesheet, the tests and partners' pages. Each is written here
//! once and used by name everywhere in Rust.
//!
//! The values are a contract: pages already built and published, partners' links (`#p-3`),
//! the browser tests and the benchmark rely on them, so none may change; the test below pins
//! them.

/// The `id` of the element the app lives in: `<div id="app">` in Trunk's `index.html`.
pub const APP_ROOT_ID: &str = "app";

/// The attribute that marks the app's root on a page the site generator wrote: the app
/// hydrates what is there instead of rendering afresh.
pub const PRERENDERED_ATTR: &str = "data-prerendered";

/// The attribute of the app's root that names the page's data files
/// ([`crate::store::PageFiles`]).
pub const PAGE_FILES_ATTR: &str = "data-cv-data";

/// The `id` of the notice, after the app's root, that interactive features are unavailable:
/// hidden until the fallback script (the app could not start) or the app's panic hook (it
/// stopped) shows it.
pub const OFFLINE_NOTICE_ID: &str = "cv-offline";

/// The `name` of the `<meta>` that holds the site's public URL prefix, in place of the
/// `<base href>` a strict Content-Security-Policy refuses.
pub const BASE_META_NAME: &str = "courtview-base";

/// The `name` of the `<meta>` that holds the search worker's script (its name carries a hash
/// of its contents, so only the built pages know it).
pub const SEARCH_WORKER_META_NAME: &str = "courtview-search-worker";

/// The attribute of `<html>` that says how the app is doing: [`STATE_INTERACTIVE`] or
/// [`STATE_FAILED`]; absent while it starts.
pub const STATE_ATTR: &str = "data-courtview";

/// [`STATE_ATTR`]'s value once the app runs (hydrated or rendered, listeners attached).
pub const STATE_INTERACTIVE: &str = "interactive";

/// [`STATE_ATTR`]'s value once the app could not start or stopped.
pub const STATE_FAILED: &str = "failed";

/// The User Timing mark set with [`STATE_INTERACTIVE`], which the benchmark times.
pub const INTERACTIVE_MARK: &str = "courtview:interactive";

/// The User Timing mark set once the page's other languages' data has come (or failed).
pub const DATA_READY_MARK: &str = "courtview:data-ready";

/// The User Timing mark set as the app begins to hydrate the prerendered page (before
/// [`INTERACTIVE_MARK`]), so that tests and the benchmark can tell hydration from start-up.
pub const HYDRATING_MARK: &str = "courtview:hydrating";

/// The attribute of `<html>` that holds the theme ([`crate::embed::Theme::tag`]): the
/// reader's choice on the full site, the partner's in the embed view.
pub const THEME_ATTR: &str = "data-theme";

/// The attribute of `<html>` that holds the reader's text size
/// ([`crate::display::TextSize::tag`]).
pub const SIZE_ATTR: &str = "data-size";

/// What an article paragraph's `id` starts with: `p-<n>`, from 1, also in `#p-<n>` links.
pub const PARAGRAPH_ID_PREFIX: &str = "p-";

/// What an entity mention's `id` starts with: `m-<index>`, in reading order from 0.
pub const MENTION_ID_PREFIX: &str = "m-";

/// The `id` of paragraph `n`.
pub fn paragraph_id(n: u32) -> String {
    format!("{PARAGRAPH_ID_PREFIX}{n}")
}

/// The `id` of mention `index`.
pub fn mention_id(index: usize) -> String {
    format!("{MENTION_ID_PREFIX}{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Changing one of these breaks pages already published, partners' pages or the tests.
    #[test]
    fn the_markers_keep_their_values() {
        assert_eq!(
            [
                APP_ROOT_ID,
                PRERENDERED_ATTR,
                PAGE_FILES_ATTR,
                OFFLINE_NOTICE_ID,
                BASE_META_NAME,
                SEARCH_WORKER_META_NAME,
                STATE_ATTR,
                STATE_INTERACTIVE,
                STATE_FAILED,
                INTERACTIVE_MARK,
                DATA_READY_MARK,
                HYDRATING_MARK,
                THEME_ATTR,
                SIZE_ATTR,
            ],
            [
                "app",
                "data-prerendered",
                "data-cv-data",
                "cv-offline",
                "courtview-base",
                "courtview-search-worker",
                "data-courtview",
                "interactive",
                "failed",
                "courtview:interactive",
                "courtview:data-ready",
                "courtview:hydrating",
                "data-theme",
                "data-size",
            ]
        );
        assert_eq!(
            (paragraph_id(3), mention_id(0)),
            ("p-3".into(), "m-0".into())
        );
    }
}

//! The few things the viewer asks of the browser, in one place. Natively (server-side
//! rendering, tests) each is a no-op or a neutral answer, so components compile and render
//! the same everywhere.

use crate::lang::Lang;

/// Where the reader is in an article: a paragraph and how far its top is from the viewport's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    /// The paragraph number (`id="p-<n>"`).
    pub paragraph: u32,
    /// Its top edge relative to the viewport's top, in CSS pixels.
    pub offset: f64,
}

/// The localStorage key of the reader's language choice.
pub const LANG_KEY: &str = "courtview.lang";

/// The localStorage key of the reader's highlighting choices.
pub const HIGHLIGHT_KEY: &str = "courtview.highlight";

/// Keeps a browser event listener alive; dropping it removes the listener.
pub struct ListenerGuard {
    #[cfg(target_arch = "wasm32")]
    _listener: gloo::events::EventListener,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::Cell;

    use gloo::storage::{LocalStorage, Storage};
    use gloo::utils::{document, window};
    use wasm_bindgen::JsCast;

    use super::{Anchor, HIGHLIGHT_KEY, LANG_KEY, ListenerGuard};
    use crate::lang::Lang;

    pub fn load(key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    pub fn store(key: &str, value: &str) {
        // Storage can be full or disabled (private browsing): the choice then lasts the visit.
        let _ = LocalStorage::raw().set_item(key, value);
    }

    pub fn highlight_prefs() -> Option<String> {
        load(HIGHLIGHT_KEY)
    }

    pub fn save_highlight_prefs(value: &str) {
        store(HIGHLIGHT_KEY, value)
    }

    pub fn on_escape(f: impl Fn() + 'static) -> Option<ListenerGuard> {
        let listener = gloo::events::EventListener::new(&document(), "keydown", move |e| {
            if e.dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|e| e.key() == "Escape")
            {
                f();
            }
        });
        Some(ListenerGuard {
            _listener: listener,
        })
    }

    pub fn focus_mention(index: usize) {
        let el = document().get_element_by_id(&format!("m-{index}"));
        if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    thread_local! {
        /// The anchor a language switch wants restored once the new language has rendered.
        static PENDING: Cell<Option<Anchor>> = const { Cell::new(None) };
    }

    pub fn set_lang_and_title(lang: Lang, title: &str) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(title);
    }

    pub fn saved_lang() -> Option<Lang> {
        // Anything else in storage (garbage, another app's value) is ignored.
        LocalStorage::raw()
            .get_item(LANG_KEY)
            .ok()
            .flatten()
            .and_then(|v| Lang::from_tag(&v))
    }

    pub fn save_lang(lang: Lang) {
        // Storage can be full or disabled (private browsing); the URL still holds the choice.
        let _ = LocalStorage::raw().set_item(LANG_KEY, lang.tag());
    }

    pub fn browser_langs() -> Vec<String> {
        let nav = window().navigator();
        let mut langs: Vec<String> = nav
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        if langs.is_empty() {
            langs.extend(nav.language());
        }
        langs
    }

    pub fn reading_anchor() -> Option<Anchor> {
        let list = document().query_selector_all("article [id^='p-']").ok()?;
        // The sticky header covers the top of the viewport: what is under it is not being read.
        let covered = document()
            .query_selector(".cv-header")
            .ok()
            .flatten()
            .map_or(0.0, |h| h.get_bounding_client_rect().bottom().max(0.0));
        let paragraphs = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
            .filter_map(|el| {
                let paragraph = el.id().strip_prefix("p-")?.parse().ok()?;
                Some(Anchor {
                    paragraph,
                    offset: el.get_bounding_client_rect().top(),
                })
            });
        // The reader is at the first paragraph that starts in the visible area; if none does
        // (one long paragraph fills the screen), at the last one that started above it.
        let bottom = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX);
        let mut above = None;
        for anchor in paragraphs {
            if anchor.offset >= covered - 1.0 {
                let starts_on_screen = anchor.offset < bottom;
                return if starts_on_screen {
                    Some(anchor)
                } else {
                    above.or(Some(anchor))
                };
            }
            above = Some(anchor);
        }
        above
    }

    pub fn set_pending_anchor(anchor: Option<Anchor>) {
        PENDING.with(|p| p.set(anchor));
    }

    pub fn after_navigation() {
        if let Some(anchor) = PENDING.with(Cell::take) {
            if let Some(el) = document().get_element_by_id(&format!("p-{}", anchor.paragraph)) {
                let top = el.get_bounding_client_rect().top();
                window().scroll_by_with_x_and_y(0.0, top - anchor.offset);
            }
            // Without that paragraph (e.g. on a list page) the scroll position stays.
            return;
        }
        let hash = window().location().hash().unwrap_or_default();
        let target = hash.strip_prefix('#').filter(|h| !h.is_empty());
        match target.and_then(|id| document().get_element_by_id(id)) {
            Some(el) => el.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    }

    pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
        let Some(perf) = window().performance() else {
            return f();
        };
        let start = format!("{name}:start");
        let _ = perf.mark(&start);
        let value = f();
        let _ = perf.measure_with_start_mark(name, &start);
        value
    }

    pub fn base_path() -> Option<String> {
        document()
            .query_selector(r#"meta[name="courtview-base"]"#)
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|base| base != "/")
    }

    pub fn mark_interactive() {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-courtview", "interactive");
        }
        if let Some(perf) = window().performance() {
            let _ = perf.mark("courtview:interactive");
        }
    }

    pub fn install_panic_hook() {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("courtview panicked: {info}").into());
            // The page may be half-updated and no longer answers: say so, in its language
            // (the prerender wrote the notice; see static/fallback.js).
            let doc = document();
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("data-courtview", "failed");
            }
            if let Some(notice) = doc.get_element_by_id("cv-offline") {
                let _ = notice.remove_attribute("hidden");
            }
        }));
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Anchor, ListenerGuard};
    use crate::lang::Lang;

    pub fn highlight_prefs() -> Option<String> {
        None
    }
    pub fn save_highlight_prefs(_: &str) {}
    pub fn on_escape(_: impl Fn() + 'static) -> Option<ListenerGuard> {
        None
    }
    pub fn focus_mention(_: usize) {}
    pub fn mark_interactive() {}
    pub fn base_path() -> Option<String> {
        None
    }
    pub fn timed<T>(_: &str, f: impl FnOnce() -> T) -> T {
        f()
    }

    pub fn set_lang_and_title(_: Lang, _: &str) {}
    pub fn saved_lang() -> Option<Lang> {
        None
    }
    pub fn save_lang(_: Lang) {}
    pub fn browser_langs() -> Vec<String> {
        Vec::new()
    }
    pub fn reading_anchor() -> Option<Anchor> {
        None
    }
    pub fn set_pending_anchor(_: Option<Anchor>) {}
    pub fn after_navigation() {}
}

/// The saved highlighting choices, as [`ReaderState::to_saved`](super::state::ReaderState::to_saved) wrote them.
pub fn highlight_prefs() -> Option<String> {
    imp::highlight_prefs()
}

/// Saves the highlighting choices.
pub fn save_highlight_prefs(value: &str) {
    imp::save_highlight_prefs(value)
}

/// Calls `f` when the reader presses Escape, until the guard is dropped.
pub fn on_escape(f: impl Fn() + 'static) -> Option<ListenerGuard> {
    imp::on_escape(f)
}

/// Moves keyboard focus to mention `index` (`id="m-<index>"`), which scrolls it into view.
pub fn focus_mention(index: usize) {
    imp::focus_mention(index)
}

/// Runs `f` and records how long it took as a User Timing measure called `name`
/// (`performance.getEntriesByName(name)`), which `cargo xtask bench` reads.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    imp::timed(name, f)
}

/// The public URL prefix the prerender recorded (`<meta name="courtview-base">`), when it is
/// not `/`; `None` lets the router fall back to `<base href>` (as under `trunk serve`).
pub fn base_path() -> Option<String> {
    imp::base_path()
}

/// Says that the app is running (hydrated or rendered, listeners attached): sets
/// `<html data-courtview="interactive">` and the User Timing mark `courtview:interactive`,
/// which the browser tests and `cargo xtask bench` wait for.
pub fn mark_interactive() {
    imp::mark_interactive()
}

/// Sets `<html lang>` and the document title.
pub fn set_lang_and_title(lang: Lang, title: &str) {
    imp::set_lang_and_title(lang, title)
}

/// The language the reader chose last time, if it is stored and valid.
pub fn saved_lang() -> Option<Lang> {
    imp::saved_lang()
}

/// Remembers the reader's language choice.
pub fn save_lang(lang: Lang) {
    imp::save_lang(lang)
}

/// The language to use when the URL names none: the saved choice, else the first of the
/// browser's languages that courtview speaks, else Kazakh.
pub fn preferred_lang() -> Lang {
    saved_lang()
        .or_else(|| Lang::negotiate(imp::browser_langs().iter().map(String::as_str)))
        .unwrap_or(Lang::Kk)
}

/// The paragraph the reader is at, if an article is on screen.
pub fn reading_anchor() -> Option<Anchor> {
    imp::reading_anchor()
}

/// Asks the next [`after_navigation`] to bring this paragraph back to the same place.
pub fn set_pending_anchor(anchor: Option<Anchor>) {
    imp::set_pending_anchor(anchor)
}

/// Scrolls after a page has rendered: to the paragraph a language switch was at, else to the
/// URL's `#fragment`, else to the top.
pub fn after_navigation() {
    imp::after_navigation()
}

/// Reports panics to the browser console instead of failing silently.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    imp::install_panic_hook()
}

//! What the reader chose, kept in `localStorage` across visits: the language, the
//! highlighting and the display; and the language to use when they have chosen none.

use crate::display::{DISPLAY_KEY, Display};
use crate::lang::Lang;

/// The localStorage key of the reader's language choice.
pub const LANG_KEY: &str = "courtview.lang";

/// The localStorage key of the reader's highlighting choices.
pub const HIGHLIGHT_KEY: &str = "courtview.highlight";

/// localStorage, if this document may use it. Merely asking throws where storage is blocked
/// (cookies off, some third-party iframes), which must not panic the app.
#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The value stored under `key` (natively, none).
fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        storage()?.get_item(key).ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Stores `value` under `key`. Storage can be full or disabled (private browsing): the choice
/// then lasts the visit.
fn store(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// The saved highlighting choices, as
/// [`ReaderState::to_saved`](crate::ui::state::ReaderState::to_saved) wrote them.
pub fn highlight_prefs() -> Option<String> {
    load(HIGHLIGHT_KEY)
}

/// Saves the highlighting choices.
pub fn save_highlight_prefs(value: &str) {
    store(HIGHLIGHT_KEY, value)
}

/// The display the reader chose (the defaults if none, or storage is blocked).
pub fn display_prefs() -> Display {
    load(DISPLAY_KEY).map_or_else(Display::default, |v| Display::parse(&v))
}

/// Saves the display choice; the prepaint script applies it on every later page.
pub fn save_display_prefs(display: Display) {
    store(DISPLAY_KEY, &display.to_saved())
}

/// The language the reader chose last time, if it is stored and valid: anything else in
/// storage (garbage, another app's value) is ignored.
pub fn saved_lang() -> Option<Lang> {
    load(LANG_KEY).and_then(|v| Lang::from_tag(&v))
}

/// Remembers the reader's language choice (the URL holds it too, should storage refuse).
pub fn save_lang(lang: Lang) {
    store(LANG_KEY, lang.tag());
}

/// The language to use when the URL names none: the saved choice, else the first of the
/// browser's languages that courtview speaks, else Kazakh.
pub fn preferred_lang() -> Lang {
    saved_lang()
        .or_else(|| Lang::negotiate(browser_langs().iter().map(String::as_str)))
        .unwrap_or(Lang::Kk)
}

/// The browser's languages, the reader's first (natively, none).
fn browser_langs() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let nav = gloo::utils::window().navigator();
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
    #[cfg(not(target_arch = "wasm32"))]
    Vec::new()
}

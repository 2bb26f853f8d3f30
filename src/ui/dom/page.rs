//! The page as a whole: its address and what loads in its place, its language, title, theme
//! and text size, what the site generator wrote into it (the app's root, the data files, the
//! base path), the app's state on `<html>`, fetching, the console and the panic hook.

#[cfg(target_arch = "wasm32")]
use gloo::utils::{document, window};

use crate::markup::BASE_META_NAME;
#[cfg(target_arch = "wasm32")]
use crate::markup::{
    APP_ROOT_ID, INTERACTIVE_MARK, OFFLINE_NOTICE_ID, PAGE_FILES_ATTR, PRERENDERED_ATTR,
    STATE_ATTR, STATE_FAILED, STATE_INTERACTIVE,
};
use crate::script::Script;
use crate::store::PageFiles;

/// The URL's `#fragment`, with its `#` (empty if none, and natively).
pub fn location_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        window().location().hash().unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The URL's path and query (`?…`, empty if none), as the browser has them now, the public
/// prefix included (natively, `/` and nothing).
pub fn location_path_and_query() -> (String, String) {
    #[cfg(target_arch = "wasm32")]
    {
        let location = window().location();
        (
            location.pathname().unwrap_or_else(|_| "/".to_owned()),
            location.search().unwrap_or_default(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    ("/".to_owned(), String::new())
}

/// Shows `url` (same origin) as the page's address without loading it: a new history entry,
/// or in place of the current one when `replace` (natively, nothing).
pub fn set_address(url: &str, replace: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Ok(history) = window().history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&state, "", Some(url))
        } else {
            history.push_state_with_url(&state, "", Some(url))
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (url, replace);
}

/// Calls `f` when the reader moves through the history (Back, Forward), until the guard is
/// dropped (natively, never).
pub fn on_history_move(f: impl Fn() + 'static) -> Option<super::focus::ListenerGuard> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(super::focus::ListenerGuard::new(
            gloo::events::EventListener::new(&window(), "popstate", move |_| f()),
        ))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = f;
        None
    }
}

/// The page's origin, `https://host[:port]` (empty natively).
pub fn origin() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        window().location().origin().unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Whether a click on a link is a plain one, which the app may handle in place: not a
/// gesture for a new tab or window, a download or another button (natively, never).
pub fn is_plain_click(e: &yew::MouseEvent) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        !(e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = e;
        false
    }
}

/// Loads `href` as a new page (natively, nothing).
pub fn go_to(href: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = window().location().assign(href);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// Loads `href` in place of the current page, which leaves the history (natively, nothing).
pub fn replace_with(href: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = window().location().replace(href);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// Loads the current address afresh: the page the site generator wrote names its own data
/// (natively, nothing).
pub fn reload() {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = window().location().reload();
    }
}

/// Sets `data-theme` on `<html>`, which the stylesheet turns into the page's colours: the
/// embed's, or the reader's choice on the full site.
pub fn set_theme(theme: crate::embed::Theme) {
    set_root_attr(crate::markup::THEME_ATTR, theme.tag());
}

/// Sets `data-size` on `<html>`, which the stylesheet turns into the size of the text read.
pub fn set_text_size(size: crate::display::TextSize) {
    set_root_attr(crate::markup::SIZE_ATTR, size.tag());
}

/// Sets an attribute of `<html>` (natively, nothing).
fn set_root_attr(name: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(name, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, value);
}

/// Sets `<html lang>` (a language tag: `kk`, or `kk-Latn` for Kazakh in Latin script) and the
/// document title.
pub fn set_lang_and_title(lang: &str, title: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        // On a prerendered page both are right already; setting the title costs a round trip
        // to the browser (7 ms at 4x CPU slowdown), so only a change is written.
        if let Some(root) = document().document_element()
            && root.get_attribute("lang").as_deref() != Some(lang)
        {
            let _ = root.set_attribute("lang", lang);
        }
        if document().title() != title {
            document().set_title(title);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, title);
}

/// The script the page was written in: Latin when the site generator wrote it as the Latin
/// twin (`<html lang="kk-Latn">`, read before the app changes it), else Cyrillic, and
/// natively. The first render uses it, so that hydration meets the page as written.
pub fn written_script() -> Script {
    #[cfg(target_arch = "wasm32")]
    if document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .as_deref()
        == Some(crate::script::KK_LATN)
    {
        return Script::Latn;
    }
    Script::Cyrl
}

/// The public URL prefix the site generator recorded in every page
/// (`<meta name="courtview-base">`, in place of Trunk's `<base href>`); `/` without one, and
/// natively.
pub fn base_path() -> String {
    meta_content(BASE_META_NAME).unwrap_or_else(|| "/".to_owned())
}

/// The `content` of the page's `<meta name="{name}">`, if it has one (natively, never).
pub fn meta_content(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .query_selector(&format!(r#"meta[name="{name}"]"#))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// The data files the page names (`data-cv-data` on `<div id="app">`, written by the site
/// generator): `None` for a page that needs none (the shell, the not-found page) and natively.
pub fn page_files() -> Option<PageFiles> {
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .get_element_by_id(APP_ROOT_ID)?
            .get_attribute(PAGE_FILES_ATTR)
            .map(|attr| PageFiles::parse(&attr))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Whether `<div id="app">` holds a page the site generator wrote (`data-prerendered`), which
/// the app hydrates instead of rendering afresh.
#[cfg(target_arch = "wasm32")]
pub fn is_prerendered() -> bool {
    document()
        .get_element_by_id(APP_ROOT_ID)
        .is_some_and(|root| root.has_attribute(PRERENDERED_ATTR))
}

/// Where the app is to live, and how it starts there.
#[cfg(target_arch = "wasm32")]
pub enum AppRoot {
    /// `<div id="app">` as the site generator wrote it: to be hydrated.
    Prerendered(web_sys::Element),
    /// `<div id="app">` with anything else in it (the shell's `<noscript>`), now emptied: to be
    /// rendered into.
    Emptied(web_sys::Element),
    /// No `<div id="app">` (a host page that lacks it): the app renders into the body.
    Missing,
}

/// Finds the app's root, emptying it unless it is to be hydrated ([`AppRoot`]).
#[cfg(target_arch = "wasm32")]
pub fn take_app_root() -> AppRoot {
    match document().get_element_by_id(APP_ROOT_ID) {
        Some(root) if root.has_attribute(PRERENDERED_ATTR) => AppRoot::Prerendered(root),
        Some(root) => {
            root.replace_children_with_node_0();
            AppRoot::Emptied(root)
        }
        None => AppRoot::Missing,
    }
}

/// Says that the app is running (hydrated or rendered, listeners attached): sets
/// `<html data-courtview="interactive">` and the User Timing mark `courtview:interactive`,
/// which the browser tests and `cargo xtask bench` wait for.
pub fn mark_interactive() {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(STATE_ATTR, STATE_INTERACTIVE);
        }
        super::timing::mark(INTERACTIVE_MARK);
    }
}

/// Shows the page's notice that interactive features are unavailable (the prerendered page
/// stays readable), as `static/fallback.js` does when the app cannot start at all.
pub fn show_unavailable() {
    #[cfg(target_arch = "wasm32")]
    {
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute(STATE_ATTR, STATE_FAILED);
        }
        if let Some(notice) = doc.get_element_by_id(OFFLINE_NOTICE_ID) {
            let _ = notice.remove_attribute("hidden");
        }
    }
}

/// Reports panics to the browser console instead of failing silently, and shows the page's
/// notice that interactive features are unavailable.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("courtview panicked: {info}").into());
        // The page may be half-updated and no longer answers: say so, in its language (the
        // prerender wrote the notice; see static/fallback.js).
        show_unavailable();
    }));
}

/// Fetches the bytes at `url` (same origin), then calls `then` with them, or with why not: a
/// network failure, or a status other than 200. The browser's HTTP cache answers for a file
/// the page preloaded.
#[cfg(target_arch = "wasm32")]
pub fn fetch_bytes(url: String, then: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = read_bytes(&url).await;
        then(bytes);
    });
}

/// The body of [`fetch_bytes`].
#[cfg(target_arch = "wasm32")]
async fn read_bytes(url: &str) -> Result<Vec<u8>, String> {
    read_response(window().fetch_with_str(url), url).await
}

/// The body of the response `fetch` promises for `url` (named in the errors): from the page,
/// or from a worker, whose global scope fetches for itself.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn read_response(fetch: js_sys::Promise, url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(fetch)
        .await
        .map_err(|_| format!("{url}: network error"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| format!("{url}: unreadable body"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| format!("{url}: body interrupted"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A line in the browser console at the "info" level: for what went wrong without being an
/// error of the page (natively, nothing).
pub fn log_info(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::info_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

//! The few things the viewer asks of the browser, in one place. Natively (server-side
//! rendering, tests) each is a no-op or a neutral answer, so components compile and render
//! the same everywhere.
//!
//! The embed view runs inside partners' pages, so what it may do is narrower: the functions
//! for it ([`after_embed_navigation`], [`report_height`], [`anchor_card`]) scroll only the
//! frame's own window and never read or write storage.

use yew::NodeRef;

use crate::embed::Theme;
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

/// Keeps the embed view reporting its height to the parent page; dropping it stops.
pub struct HeightReporter {
    #[cfg(target_arch = "wasm32")]
    observer: web_sys::ResizeObserver,
    #[cfg(target_arch = "wasm32")]
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

#[cfg(target_arch = "wasm32")]
impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// How a copy to the clipboard ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    /// The text is on the clipboard.
    Copied,
    /// The browser has no clipboard API here (an old browser, or a page not served over HTTPS).
    Unavailable,
    /// The browser refused (no permission, or the page lost focus).
    Failed,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::Cell;

    use gloo::utils::{document, window};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use yew::NodeRef;

    use super::{Anchor, CopyOutcome, HIGHLIGHT_KEY, HeightReporter, LANG_KEY, ListenerGuard};
    use crate::embed::{RESIZE_MESSAGE, Theme};
    use crate::lang::Lang;

    /// localStorage, if this document may use it. Merely asking throws where storage is
    /// blocked (cookies off, some third-party iframes), which must not panic the app.
    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    pub fn load(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn store(key: &str, value: &str) {
        // Storage can be full or disabled (private browsing): the choice then lasts the visit.
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, value);
        }
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
        /// Whether no page has been shown yet (see `after_navigation`).
        static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
    }

    pub fn set_lang_and_title(lang: Lang, title: &str) {
        // On a prerendered page both are right already; setting the title costs a round trip
        // to the browser (7 ms at 4x CPU slowdown), so only a change is written.
        if let Some(root) = document().document_element()
            && root.get_attribute("lang").as_deref() != Some(lang.tag())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
        if document().title() != title {
            document().set_title(title);
        }
    }

    pub fn saved_lang() -> Option<Lang> {
        // Anything else in storage (garbage, another app's value) is ignored.
        load(LANG_KEY).and_then(|v| Lang::from_tag(&v))
    }

    pub fn save_lang(lang: Lang) {
        // Storage can be full or disabled (private browsing); the URL still holds the choice.
        store(LANG_KEY, lang.tag());
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
        // A prerendered first page is the one the browser loaded: it has already placed the
        // reader (at the `#` target, or where a reload left them), and scrolling now would
        // undo that and force a layout during start-up. A page rendered here afresh had no
        // target to scroll to yet, so it goes on below.
        if FIRST_PAGE.with(|first| first.replace(false))
            && document()
                .get_element_by_id("app")
                .is_some_and(|root| root.has_attribute("data-prerendered"))
        {
            return;
        }
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

    pub fn location_hash() -> String {
        window().location().hash().unwrap_or_default()
    }

    pub fn origin() -> String {
        window().location().origin().unwrap_or_default()
    }

    pub fn set_theme(theme: Theme) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.tag());
        }
    }

    pub fn is_framed() -> bool {
        match window().parent() {
            Ok(Some(parent)) => JsValue::from(parent) != JsValue::from(window()),
            _ => false,
        }
    }

    pub fn after_embed_navigation(paragraph: Option<u32>) {
        // Only this frame's own window scrolls: never scrollIntoView, which would scroll the
        // partner's page too. Under the loader the frame is as tall as its content, so these
        // are no-ops there; in a fixed-height iframe they place the reader.
        if let Some(anchor) = PENDING.with(Cell::take) {
            if let Some(el) = document().get_element_by_id(&format!("p-{}", anchor.paragraph)) {
                let top = el.get_bounding_client_rect().top();
                window().scroll_by_with_x_and_y(0.0, top - anchor.offset);
            }
            return;
        }
        let target = paragraph.and_then(|n| document().get_element_by_id(&format!("p-{n}")));
        let y = target.map_or(0.0, |el| {
            el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0) - 8.0
        });
        window().scroll_to_with_x_and_y(0.0, y.max(0.0));
    }

    thread_local! {
        /// The height last posted, so that an unchanged height is not posted again.
        static POSTED: Cell<f64> = const { Cell::new(-1.0) };
    }

    /// The embed's content height: its `<html>` box, which has no minimum height in the embed,
    /// so it shrinks with its content instead of following the frame.
    fn content_height() -> f64 {
        document()
            .document_element()
            .map_or(0.0, |root| root.get_bounding_client_rect().height().ceil())
    }

    fn post_height() {
        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        let height = content_height();
        if POSTED.with(|p| p.replace(height)) == height {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The target origin is "*": the embed cannot know the partner's origin, and a height
        // is not a secret. The loader checks the origin of what it receives.
        let _ = parent.post_message(&message, "*");
    }

    pub fn report_height() -> Option<HeightReporter> {
        if !is_framed() {
            return None;
        }
        let root = document().document_element()?;
        POSTED.with(|p| p.set(-1.0));
        let callback = Closure::<dyn FnMut()>::new(post_height);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        // Observing <html> catches text reflowing at a new width, web fonts arriving,
        // a language switch, a card opening in the flow, anything that changes the height.
        observer.observe(&root);
        post_height();
        Some(HeightReporter {
            observer,
            _callback: callback,
        })
    }

    pub fn anchor_card(card: &NodeRef, mention: usize) {
        let Some(card) = card.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let Some(mark) = document().get_element_by_id(&format!("m-{mention}")) else {
            return;
        };
        let Some(root) = document().document_element() else {
            return;
        };
        let (scroll_x, scroll_y) = (
            window().scroll_x().unwrap_or(0.0),
            window().scroll_y().unwrap_or(0.0),
        );
        let m = mark.get_bounding_client_rect();
        let (card_w, card_h) = (
            f64::from(card.offset_width()),
            f64::from(card.offset_height()),
        );
        let page_h = root.get_bounding_client_rect().height();
        let page_w = f64::from(root.client_width());
        const GAP: f64 = 6.0;
        const EDGE: f64 = 8.0;
        // Below the mention if the card fits inside the page, else above it: a card that stuck
        // out of the page would grow the frame, and shrink it again on closing.
        let below = m.bottom() + scroll_y + GAP;
        let top = if below + card_h <= page_h {
            below
        } else {
            (m.top() + scroll_y - GAP - card_h).max(0.0)
        };
        let left = (m.left() + scroll_x).min(page_w - card_w - EDGE).max(EDGE);
        let style = card.style();
        // Whole pixels: formatting an f64 would link the float formatter (about 11 KB of wasm)
        // for a precision nobody sees.
        let _ = style.set_property("top", &format!("{}px", top.round() as i64));
        let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    }

    pub fn show_modal(dialog: &NodeRef) {
        if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    }

    pub fn close_dialog(dialog: &NodeRef) {
        if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
            dialog.close();
        }
    }

    pub fn focus(el: &NodeRef) {
        if let Some(el) = el.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }

    /// Elements that take focus from the Tab key.
    const TABBABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex='-1'])";

    pub fn keep_focus_inside(container: &NodeRef, backwards: bool) -> bool {
        let Some(container) = container.cast::<web_sys::Element>() else {
            return false;
        };
        let Ok(list) = container.query_selector_all(TABBABLE) else {
            return false;
        };
        let items: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return false;
        };
        let active = document().active_element();
        let at = |el: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| JsValue::from(a) == JsValue::from(el))
        };
        let outside = active.as_ref().is_none_or(|a| !container.contains(Some(a)));
        let target = match (backwards, outside) {
            (false, _) if at(last) || outside => first,
            (true, _) if at(first) || outside => last,
            _ => return false,
        };
        let _ = target.focus();
        true
    }

    pub fn control_value(e: &yew::Event) -> String {
        e.target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    pub fn copy_text(text: String, done: impl FnOnce(CopyOutcome) + 'static) {
        let navigator = window().navigator();
        // navigator.clipboard is missing outside secure contexts and in old browsers.
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined() && !c.is_null());
        let Some(clipboard) = clipboard else {
            done(CopyOutcome::Unavailable);
            return;
        };
        let promise = clipboard
            .unchecked_into::<web_sys::Clipboard>()
            .write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => CopyOutcome::Copied,
                Err(_) => CopyOutcome::Failed,
            };
            done(outcome);
        });
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
            super::show_unavailable();
        }));
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use yew::NodeRef;

    use super::{Anchor, CopyOutcome, HeightReporter, ListenerGuard};
    use crate::embed::Theme;
    use crate::lang::Lang;

    pub fn location_hash() -> String {
        String::new()
    }
    pub fn origin() -> String {
        String::new()
    }
    pub fn set_theme(_: Theme) {}
    pub fn is_framed() -> bool {
        false
    }
    pub fn after_embed_navigation(_: Option<u32>) {}
    pub fn report_height() -> Option<HeightReporter> {
        None
    }
    pub fn anchor_card(_: &NodeRef, _: usize) {}
    pub fn show_modal(_: &NodeRef) {}
    pub fn close_dialog(_: &NodeRef) {}
    pub fn focus(_: &NodeRef) {}
    pub fn keep_focus_inside(_: &NodeRef, _: bool) -> bool {
        false
    }
    pub fn control_value(_: &yew::Event) -> String {
        String::new()
    }
    pub fn copy_text(_: String, done: impl FnOnce(CopyOutcome) + 'static) {
        done(CopyOutcome::Unavailable)
    }

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
/// URL's `#fragment`, else to the top. The first page, when it was prerendered, is left where
/// the browser put it (at the `#` target, or where a reload left the reader).
pub fn after_navigation() {
    imp::after_navigation()
}

/// The URL's `#fragment`, with its `#` (empty if none).
pub fn location_hash() -> String {
    imp::location_hash()
}

/// The page's origin, `https://host[:port]` (empty natively).
pub fn origin() -> String {
    imp::origin()
}

/// Sets `data-theme` on `<html>`, which the stylesheet turns into the embed's colours. Only
/// the embed view calls it, on its own document.
pub fn set_theme(theme: Theme) {
    imp::set_theme(theme)
}

/// Whether this document is inside a frame.
pub fn is_framed() -> bool {
    imp::is_framed()
}

/// [`after_navigation`] for the embed view: back to the paragraph a language switch was at,
/// else to paragraph `paragraph`, else to the top, scrolling only the frame itself.
pub fn after_embed_navigation(paragraph: Option<u32>) {
    imp::after_embed_navigation(paragraph)
}

/// Posts `{"type":"courtview:resize","height":N}` to the parent window now and whenever the
/// content's height changes, until the reporter is dropped. `None`, and nothing posted, when
/// the document is not framed.
pub fn report_height() -> Option<HeightReporter> {
    imp::report_height()
}

/// Places the embed view's entity card (absolutely positioned) next to mention `mention`:
/// below it, or above it when below would run past the end of the page.
pub fn anchor_card(card: &NodeRef, mention: usize) {
    imp::anchor_card(card, mention)
}

/// Opens a `<dialog>` as a modal: the rest of the page becomes inert, and Escape closes it.
pub fn show_modal(dialog: &NodeRef) {
    imp::show_modal(dialog)
}

/// Closes a `<dialog>` (which fires its `close` event).
pub fn close_dialog(dialog: &NodeRef) {
    imp::close_dialog(dialog)
}

/// Moves keyboard focus to an element.
pub fn focus(el: &NodeRef) {
    imp::focus(el)
}

/// For a Tab key press in `container`: if focus would leave it (Tab on its last focusable
/// element, Shift+Tab on its first, or focus already outside), wraps focus to the other end
/// and returns true, so that the caller cancels the key's default.
pub fn keep_focus_inside(container: &NodeRef, backwards: bool) -> bool {
    imp::keep_focus_inside(container, backwards)
}

/// The `value` of the form control an event came from (a `<select>`, an `<input>`).
pub fn control_value(e: &yew::Event) -> String {
    imp::control_value(e)
}

/// Copies `text` to the clipboard, then calls `done` with the outcome (at once if the browser
/// has no clipboard API).
pub fn copy_text(text: String, done: impl FnOnce(CopyOutcome) + 'static) {
    imp::copy_text(text, done)
}

/// Reports panics to the browser console instead of failing silently.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    imp::install_panic_hook()
}

/// Runs `f` in a task of its own, after whatever the browser has queued (a `setTimeout` of 0),
/// so that the work before and after are two shorter tasks instead of one long one. Runs it
/// at once should the timer be refused.
#[cfg(target_arch = "wasm32")]
pub fn in_next_task(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    // Shared, so that whichever path runs takes `f` once.
    let f = Rc::new(Cell::new(Some(f)));
    let later = f.clone();
    let callback = Closure::once_into_js(move || {
        if let Some(f) = later.take() {
            f();
        }
    });
    let scheduled = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    if scheduled.is_err()
        && let Some(f) = f.take()
    {
        f();
    }
}

/// The data files the page names (`data-cv-data` on `<div id="app">`, written by the site
/// generator): `None` for a page that needs none (the shell, the not-found page) and natively.
pub fn page_files() -> Option<crate::store::PageFiles> {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::document()
            .get_element_by_id("app")?
            .get_attribute(crate::store::PAGE_FILES_ATTR)
            .map(|attr| crate::store::PageFiles::parse(&attr))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The bytes at `url` (same origin), or why not: a network failure, or a status other than
/// 200. The browser's HTTP cache answers for a file the page preloaded.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
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

/// Runs `f` when the browser is idle (`requestIdleCallback`, at the latest after two seconds),
/// or after a short timeout where there is no such call (Safari).
#[cfg(target_arch = "wasm32")]
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let window = gloo::utils::window();
    let callback = Closure::once_into_js(f);
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(2000);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 200);
    }
}

/// Loads `href` as a new page (natively, nothing).
pub fn go_to(href: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().location().assign(href);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// Loads `href` in place of the current page, which leaves the history (natively, nothing).
pub fn replace_with(href: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().location().replace(href);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// Loads the current address afresh: the page the site generator wrote names its own data
/// (natively, nothing).
pub fn reload() {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().location().reload();
    }
}

/// Shows the page's notice that interactive features are unavailable (the prerendered page
/// stays readable), as `static/fallback.js` does when the app cannot start at all.
pub fn show_unavailable() {
    #[cfg(target_arch = "wasm32")]
    {
        let doc = gloo::utils::document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("data-courtview", "failed");
        }
        if let Some(notice) = doc.get_element_by_id("cv-offline") {
            let _ = notice.remove_attribute("hidden");
        }
    }
}

/// A performance mark named `name`, for tests and `cargo xtask bench` to wait on or time.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(perf) = gloo::utils::window().performance() {
        let _ = perf.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// A line in the browser console at the "info" level: for what went wrong without being an
/// error of the page (natively, nothing).
pub fn log_info(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::info_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

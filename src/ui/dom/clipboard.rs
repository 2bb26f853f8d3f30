//! Copying text to the clipboard.

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

/// Copies `text` to the clipboard, then calls `done` with the outcome (at once if the browser
/// has no clipboard API, and natively).
pub fn copy_text(text: String, done: impl FnOnce(CopyOutcome) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let navigator = gloo::utils::window().navigator();
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
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        done(CopyOutcome::Unavailable)
    }
}

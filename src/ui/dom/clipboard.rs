//! Copying text to the clipboard, and the system's share sheet.

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

/// Opens the system's share sheet for `url` with `title`, where the browser has one, then calls
/// `done(true)` (shared, or the reader closed the sheet); calls `done(false)` at once where
/// there is none (most desktop browsers, and natively), so that the caller copies the link.
pub fn share(title: String, url: String, done: impl FnOnce(bool) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let navigator = gloo::utils::window().navigator();
        // Called through Reflect: no web-sys feature, and a browser without it is detected.
        let share = js_sys::Reflect::get(&navigator, &"share".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(share) = share else {
            done(false);
            return;
        };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        match share
            .call1(&navigator, &data)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        {
            Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                // A refusal is the reader closing the sheet: nothing to fall back to.
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                done(true);
            }),
            None => done(false),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (title, url);
        done(false)
    }
}

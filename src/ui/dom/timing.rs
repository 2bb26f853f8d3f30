//! When work runs, and how long it took: tasks of their own, idle time, and the User Timing
//! marks and measures the tests and `cargo xtask bench` read.

/// A performance mark named `name`, for tests and `cargo xtask bench` to wait on or time.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(perf) = gloo::utils::window().performance() {
        let _ = perf.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Runs `f` and records how long it took as a User Timing measure called `name`
/// (`performance.getEntriesByName(name)`), which `cargo xtask bench` reads.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(perf) = gloo::utils::window().performance() else {
            return f();
        };
        let start = format!("{name}:start");
        let _ = perf.mark(&start);
        let value = f();
        let _ = perf.measure_with_start_mark(name, &start);
        value
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        f()
    }
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

/// Runs `f` after `ms` milliseconds (natively, never).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ms, f);
}

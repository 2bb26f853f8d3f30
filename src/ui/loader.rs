//! Bringing page data into [`crate::store`] in the browser: the page's own before the app
//! starts, the other languages' in idle time after, and any of them at once when a switch
//! needs it before then. Natively there is nothing to fetch: the site generator puts each
//! page's data in the store itself.

use crate::route::Route;
use crate::store;

/// Reads the page's data files' names and fetches its own; `then` runs once it is in the
/// store, or at once for a page that names none. Should it not arrive, the page stays as
/// written, readable, with its notice that interactive features are unavailable, and `then`
/// never runs.
#[cfg(target_arch = "wasm32")]
pub fn start(then: impl FnOnce() + 'static) {
    let Some(files) = super::dom::page_files().filter(|f| !f.0.is_empty()) else {
        then();
        return;
    };
    let (own, _) = files.0[0].clone();
    store::set_files(files);
    ensure(&Route::parse(&own), move |loaded| {
        if loaded {
            then();
        } else {
            super::dom::show_unavailable();
        }
    });
}

/// Fetches, in idle time, the data of the page's other languages that the store lacks, and
/// marks `courtview:data-ready` (a performance mark) once all have come or failed.
#[cfg(target_arch = "wasm32")]
pub fn prefetch_in_idle() {
    super::dom::when_idle(|| {
        let routes: Vec<Route> = store::files()
            .0
            .iter()
            .map(|(path, _)| Route::parse(path))
            .filter(|route| !store::has(route))
            .collect();
        let left = std::rc::Rc::new(std::cell::Cell::new(routes.len()));
        if routes.is_empty() {
            super::dom::mark("courtview:data-ready");
        }
        for route in routes {
            let left = left.clone();
            ensure(&route, move |_| {
                left.set(left.get() - 1);
                if left.get() == 0 {
                    super::dom::mark("courtview:data-ready");
                }
            });
        }
    });
}

/// Runs `then(true)` once the data of `route` is in the store (fetching it when the page
/// names its file), `then(false)` when it cannot be had: the page names no such file, the
/// network failed, or the file is not one this app reads (a newer deploy).
pub fn ensure(route: &Route, then: impl FnOnce(bool) + 'static) {
    if store::has(route) {
        return then(true);
    }
    #[cfg(target_arch = "wasm32")]
    {
        let Some(url) = store::url_of(route) else {
            return then(false);
        };
        let route = route.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let data = super::dom::fetch_bytes(&url).await.and_then(|bytes| {
                crate::content::page_data::decode(&bytes).map_err(|e| format!("{url}: {e}"))
            });
            match data {
                Ok(data) => {
                    store::insert(&route, data);
                    then(true);
                }
                Err(why) => {
                    // Not an error of the page: it stays readable, and a switch loads the
                    // other page instead. Said once, quietly, for whoever looks.
                    super::dom::log_info(&format!("courtview: {why}"));
                    then(false);
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    then(false);
}

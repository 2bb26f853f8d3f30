//! Bringing page data into [`crate::store`] in the browser: the page's own before the app
//! starts, the other languages' in idle time after, and any of them at once when a switch
//! needs it before then. Natively there is nothing to fetch: the site generator puts each
//! page's data in the store itself.

#[cfg(target_arch = "wasm32")]
use super::dom;
#[cfg(target_arch = "wasm32")]
use crate::markup::DATA_READY_MARK;
use crate::route::Route;
use crate::store;

/// Reads the page's data files' names and fetches its own; `then` runs once it is in the
/// store, or at once for a page that names none. Should it not arrive, the page stays as
/// written, readable, with its notice that interactive features are unavailable, and `then`
/// never runs.
#[cfg(target_arch = "wasm32")]
pub fn start(then: impl FnOnce() + 'static) {
    let Some(files) = dom::page::page_files().filter(|f| !f.0.is_empty()) else {
        then();
        return;
    };
    let (own, _) = files.0[0].clone();
    store::set_files(files);
    ensure(&Route::parse(&own), move |loaded| {
        if loaded {
            then();
        } else {
            dom::page::show_unavailable();
        }
    });
}

/// Fetches, in idle time, the data of the page's other languages that the store lacks, and
/// marks `courtview:data-ready` (a performance mark) once all have come or failed.
#[cfg(target_arch = "wasm32")]
pub fn prefetch_in_idle() {
    dom::timing::when_idle(|| {
        let routes: Vec<Route> = store::files()
            .0
            .iter()
            .map(|(path, _)| Route::parse(path))
            .filter(|route| !store::has(route))
            .collect();
        let left = std::rc::Rc::new(std::cell::Cell::new(routes.len()));
        if routes.is_empty() {
            dom::timing::mark(DATA_READY_MARK);
        }
        for route in routes {
            let left = left.clone();
            ensure(&route, move |_| {
                left.set(left.get() - 1);
                if left.get() == 0 {
                    dom::timing::mark(DATA_READY_MARK);
                }
            });
        }
    });
}

/// Runs `then(true)` once the data of `route` is in the store (fetching it when the page
/// names its file), `then(false)` when it cannot be had: the page names no such file, the
/// network failed, or the file is not one this app reads (a newer deploy).
pub fn ensure(route: &Route, then: impl FnOnce(bool) + 'static) {
    // One body for every caller: boxed, the fetch is not compiled again for each of them.
    fetch(route, Box::new(then));
}

fn fetch(route: &Route, then: Box<dyn FnOnce(bool)>) {
    if store::has(route) {
        return then(true);
    }
    #[cfg(target_arch = "wasm32")]
    {
        let Some(url) = store::url_of(route) else {
            return then(false);
        };
        let route = route.clone();
        dom::page::fetch_bytes(url.clone(), move |bytes| {
            let data = bytes.and_then(|bytes| {
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
                    dom::page::log_info(&format!("courtview: {why}"));
                    then(false);
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    then(false);
}

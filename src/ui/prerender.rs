//! Whole pages rendered natively, with the same components the browser runs: what
//! `courtview prerender` writes into `dist/`, and what the browser then hydrates.

use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

use super::app::{Reader, Shell};
use crate::route::Route;

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The page's path, from the site's root (e.g. `/kk/iaca-2025-dubai/`).
    pub path: AttrValue,
}

/// [`super::App`] with an in-memory history at one path instead of the browser's: the same
/// tree, so the browser's hydration finds exactly the nodes it would have made.
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    let history = use_memo(props.path.clone(), |path| {
        AnyHistory::from(MemoryHistory::with_entries([path.to_string()]))
    });
    html! {
        <Reader>
            <Router history={(*history).clone()}>
                <Shell />
            </Router>
        </Reader>
    }
}

/// The markup of the page `route` shows, hydratable (Yew's component markers included), for
/// the inside of `<div id="app">`.
pub fn page_body(route: &Route) -> String {
    let path = route.path();
    let renderer = yew::ServerRenderer::<ServerApp>::with_props(move || ServerAppProps {
        path: AttrValue::from(path),
    })
    .hydratable(true);
    futures::executor::block_on(renderer.render())
}

//! Whole pages rendered natively, with the same components the browser runs: what
//! `courtview prerender` writes into `dist/`, and what the browser then hydrates.

use yew::prelude::*;

use super::app::Shell;
use super::nav::NavProvider;
use crate::content::page_data::PageData;
use crate::locale::script_suffix;
use crate::route::Route;
use crate::script::Script;
use crate::store;

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The page's path, from the site's root (e.g. `/kk/iaca-2025-dubai/`).
    pub path: AttrValue,
    /// The public URL prefix the site is served under (`/`, or a partner's `/courtview/`).
    pub base: AttrValue,
    /// The script Kazakh is written in: Latin for a page's Latin twin, rendered as the app
    /// renders the address with `?script=latn`.
    pub script: Script,
}

/// [`super::App`] at one address instead of the browser's: the same tree, so the browser's
/// hydration finds exactly the nodes it would have made.
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    // The full path, prefix included, as the browser's location has it.
    let full = format!("{}{}", props.base.trim_end_matches('/'), props.path);
    let query = AttrValue::from(script_suffix(props.script));
    html! {
        <NavProvider location={(AttrValue::from(full), query)} base={props.base.clone()}
            script={props.script}>
            <Shell />
        </NavProvider>
    }
}

/// The markup of the page `route` shows from `data` on a site served under `base` (`/` at the
/// root), with Kazakh in `script` (the address's query is then `?script=latn` for Latin, else
/// none), hydratable (Yew's component markers included), for the inside of `<div id="app">`.
pub fn page_body(route: &Route, base: &str, data: Option<PageData>, script: Script) -> String {
    let route = route.clone();
    let base = base.to_owned();
    let renderer = yew::ServerRenderer::<ServerApp>::with_props(move || {
        // Yew renders on a thread of its own, where this runs first: the page's data goes
        // into that thread's store, as the browser's start-up puts it into its own.
        store::clear();
        if let Some(data) = data {
            store::insert(&route, data);
        }
        ServerAppProps {
            path: AttrValue::from(route.path()),
            base: AttrValue::from(base),
            script,
        }
    })
    .hydratable(true);
    futures::executor::block_on(renderer.render())
}

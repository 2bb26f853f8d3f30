//! Where the reader is: the page's address and the public prefix it is served under, as one
//! context, and the two ways the app changes the address without loading a page (the
//! language switch: a new history entry on the site, the same entry in an embed). Also the
//! script Kazakh is shown in, which the address's query names (`?script=latn`), and the language
//! shown beside an article's own (`?with=en`).
//!
//! Every other link is a plain `<a href>` to a prerendered page, so the app needs no router:
//! the route is [`Route::parse`] of the address, re-read when the reader goes Back or
//! Forward. Natively (the prerender) the address is the page's own and never changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::lang::Lang;
use crate::locale::{query_with, script_of_query, with_of_query};
use crate::route::Route;
use crate::script::Script;
use crate::ui::{dom, loader};

/// The address shown, without the public prefix, and the prefix.
#[derive(Clone, Debug, PartialEq)]
pub struct Nav {
    /// The path after the prefix, from `/`.
    pub path: Rc<str>,
    /// The query with its `?`, or empty.
    pub query: Rc<str>,
    /// The public prefix without its final `/` (`/courtview`), empty at the site's root.
    pub basename: Rc<str>,
    /// The script Kazakh is shown in: the query's (`script=latn`), except in the first render,
    /// which hydrates the page as the site generator wrote it: in the script of that page
    /// ([`NavProviderProps::script`]), whichever file the server chose for the query.
    pub script: Script,
    /// The language shown beside an article's own (`with=`), held like the script: none in
    /// the first render, which meets the page as written, then the query's.
    pub with: Option<Lang>,
    /// Shows another address of this site in place.
    set: Callback<(String, bool)>,
}

impl Nav {
    /// The page the address shows.
    pub fn route(&self) -> Route {
        Route::parse(&self.path)
    }

    /// The address of `path` (from the site's root) under the public prefix.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.basename)
    }

    /// Moves to `path_and_query` (from the site's root, a `#fragment` allowed) without loading
    /// a page: a new history entry, or in place of this one when `replace`.
    pub fn go(&self, path_and_query: &str, replace: bool) {
        self.set.emit((path_and_query.to_owned(), replace));
    }

    /// Sets the address's `key=` option in place (`None`: removes it), in the same history
    /// entry: the path, the other options and the `#p-<n>` a reload returns to are kept. The
    /// script switch and the display menu's second language change the page this way.
    pub fn set_option(&self, key: &str, value: Option<&str>) {
        let query = query_with(&self.query, key, value);
        let hash = dom::page::location_hash();
        self.go(&format!("{}{query}{hash}", self.path), true);
    }
}

/// Props for [`NavProvider`].
#[derive(Properties, PartialEq)]
pub struct NavProviderProps {
    /// The full path (public prefix included) and query of the page at start.
    pub location: (AttrValue, AttrValue),
    /// The public prefix (`/` or `/courtview/`).
    pub base: AttrValue,
    /// The script of the first render: the one the prerendered page was written in (a server
    /// that serves the Latin twin for `?script=latn` makes it Latin), so that hydration meets
    /// the page as written; the address's choice follows after it.
    #[prop_or_default]
    pub script: Script,
    /// The app.
    pub children: Html,
}

/// Holds the address for everything below it, following the browser's history.
#[component]
pub fn NavProvider(props: &NavProviderProps) -> Html {
    let basename: Rc<str> = props.base.trim_end_matches('/').into();
    let strip = {
        let basename = basename.clone();
        move |full: &str| -> Rc<str> {
            let rest = full.strip_prefix(&*basename).unwrap_or(full);
            if rest.starts_with('/') {
                rest.into()
            } else {
                format!("/{rest}").into()
            }
        }
    };
    let (path, query) = (&props.location.0, &props.location.1);
    let location = use_state(|| (strip(path), Rc::<str>::from(query.as_str())));
    {
        // Back and Forward change the address without the app: read it again.
        let location = location.clone();
        let strip = strip.clone();
        use_effect_with((), move |_| {
            let guard = dom::page::on_history_move(move || {
                let (path, query) = dom::page::location_path_and_query();
                location.set((strip(&path), query.into()));
            });
            move || {
                let _listener = guard;
            }
        });
    }
    // The script follows the address, but starts as the prerendered page's so that the first
    // render meets it; the address's comes right after, as the reader's other choices do.
    let script = use_state_eq(|| props.script);
    let with = use_state_eq(|| None::<Lang>);
    // The second language the address asks for now: a fetch that ends after the reader asked
    // for another must not show its own.
    let with_asked = use_mut_ref(|| None::<Lang>);
    {
        let (script, with) = (script.clone(), with.clone());
        let path = location.0.clone();
        use_effect_with(location.1.clone(), move |query| {
            let asked = (script_of_query(query), with_of_query(query));
            *with_asked.borrow_mut() = asked.1;
            if asked != (*script, *with) {
                // The text changes length: keep the paragraph being read where it is.
                dom::scroll::set_pending_anchor(dom::scroll::reading_anchor());
                script.set(asked.0);
                // An article's second language is shown once its data is here (usually
                // already, fetched in idle time), or could not be had: the page then says so.
                match (asked.1, Route::parse(&path)) {
                    (Some(w), route @ (Route::Article { .. } | Route::Embed { .. })) => {
                        loader::ensure(&route.with_lang(w), move |_| {
                            if *with_asked.borrow() == asked.1 {
                                with.set(asked.1);
                            }
                        });
                    }
                    _ => with.set(asked.1),
                }
            }
        });
    }
    {
        let first = use_mut_ref(|| true);
        use_effect_with((*script, *with), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dom::scroll::after_script_switch();
            }
        });
    }
    let set = {
        let location = location.clone();
        let basename = basename.clone();
        Callback::from(move |(to, replace): (String, bool)| {
            dom::page::set_address(&format!("{basename}{to}"), replace);
            // A `#fragment` stays in the address shown, not in the path and query held.
            let to = to.split('#').next().unwrap_or_default();
            let (path, query) = to.split_at(to.find('?').unwrap_or(to.len()));
            location.set((path.into(), query.into()));
        })
    };
    let nav = Nav {
        path: location.0.clone(),
        query: location.1.clone(),
        basename,
        script: *script,
        with: *with,
        set,
    };
    html! {
        <ContextProvider<Nav> context={nav}>{ props.children.clone() }</ContextProvider<Nav>>
    }
}

/// The address, from the nearest [`NavProvider`].
#[hook]
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(|| Nav {
        path: "/".into(),
        query: "".into(),
        basename: "".into(),
        script: Script::default(),
        with: None,
        set: Callback::noop(),
    })
}

//! The application shell: router, header, page, footer.

use std::collections::HashMap;

use yew::prelude::*;
use yew_router::prelude::*;

use super::components::footer::Footer;
use super::components::header::Header;
use super::dom;
use super::pages::article::ArticlePage;
use super::pages::list::ListPage;
use super::pages::not_found::NotFoundPage;
use super::pages::root::RootPage;
use super::state::{Action, ReaderHandle, ReaderState};
use crate::i18n::Msg;
use crate::route::Route;

/// yew-router adapter for our own [`Route`], whose parsing lives in a pure module.
impl Routable for Route {
    fn from_path(path: &str, _params: &HashMap<&str, &str>) -> Option<Self> {
        Some(Route::parse(path))
    }

    fn to_path(&self) -> String {
        self.path()
    }

    fn routes() -> Vec<&'static str> {
        vec!["/", "/:lang", "/:lang/:slug"]
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound { lang: None })
    }

    fn recognize(pathname: &str) -> Option<Self> {
        Some(Route::parse(pathname))
    }
}

/// The whole viewer, for the browser.
#[component]
pub fn App() -> Html {
    html! {
        <Reader>
            <BrowserRouter basename={dom::base_path().map(AttrValue::from)}>
                <Shell />
            </BrowserRouter>
        </Reader>
    }
}

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub(crate) struct ReaderProps {
    /// What the reader state is provided to.
    pub children: Html,
}

/// The reader state's provider. It starts from the defaults, as the prerendered page did, so
/// that hydration meets the same tree; the saved choices are restored right after the first
/// render (before the browser paints), and saved again whenever they change.
#[component]
pub(crate) fn Reader(props: &ReaderProps) -> Html {
    let state = use_reducer(ReaderState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(Action::Restore(dom::highlight_prefs()));
            dom::mark_interactive();
        });
    }
    {
        // The card is not a preference: only highlighting choices are saved. The first run
        // sees the defaults, not the reader's choices, so it must not overwrite them.
        let first = use_mut_ref(|| true);
        let saved = state.to_saved();
        use_effect_with(saved, move |saved| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dom::save_highlight_prefs(saved);
            }
        });
    }
    html! {
        <ContextProvider<ReaderHandle> context={state}>
            { props.children.clone() }
        </ContextProvider<ReaderHandle>>
    }
}

/// Header, current page and footer, in the language of the route.
#[component]
pub(crate) fn Shell() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound { lang: None });
    // A page that names no language speaks the visitor's.
    let lang = route.lang().unwrap_or_else(dom::preferred_lang);
    let page = match &route {
        Route::Root => html! { <RootPage /> },
        Route::List { lang } => html! { <ListPage lang={*lang} /> },
        Route::Article { lang, slug } => html! { <ArticlePage lang={*lang} slug={slug.clone()} /> },
        Route::NotFound { .. } => html! { <NotFoundPage {lang} /> },
    };
    html! {
        <div class="cv-app">
            <a class="cv-skip" href="#main">{ Msg::SkipToContent.text(lang) }</a>
            <Header {lang} route={route.clone()} />
            <main id="main" class="cv-main" tabindex="-1">{ page }</main>
            <Footer {lang} />
        </div>
    }
}

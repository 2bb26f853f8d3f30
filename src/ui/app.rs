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
use super::state::{ReaderHandle, ReaderState};
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
    let state = use_reducer(|| ReaderState::from_saved(dom::highlight_prefs().as_deref()));
    {
        // The card is not a preference: only highlighting choices are saved.
        let saved = state.to_saved();
        use_effect_with(saved, |saved| dom::save_highlight_prefs(saved));
    }
    html! {
        <ContextProvider<ReaderHandle> context={state}>
            <BrowserRouter>
                <Shell />
            </BrowserRouter>
        </ContextProvider<ReaderHandle>>
    }
}

/// Header, current page and footer, in the language of the route.
#[component]
fn Shell() -> Html {
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

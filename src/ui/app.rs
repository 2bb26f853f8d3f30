//! The application shell: router, header, page, footer; or, in a partner's iframe, the embed
//! view alone.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::components::footer::Footer;
use super::components::header::Header;
use super::dom;
use super::pages::article::ArticlePage;
use super::pages::embed::EmbedPage;
use super::pages::list::ListPage;
use super::pages::not_found::NotFoundPage;
use super::pages::root::RootPage;
use super::state::{EmbedMode, ReaderHandle, ReaderState};
use crate::embed::EmbedOptions;
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
        vec!["/", "/:lang", "/:lang/:slug", "/embed/:lang/:slug"]
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
        <BrowserRouter>
            <Shell />
        </BrowserRouter>
    }
}

/// Reader state, then header, current page and footer in the language of the route; in the
/// embed view, the page alone.
#[component]
fn Shell() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound { lang: None });
    let query = use_location().map(|l| l.query_str().to_owned());
    // Decided once, from the first route: an embed never navigates out of /embed/.
    let mode = use_memo((), |_| EmbedMode {
        options: route
            .is_embed()
            .then(|| Rc::new(EmbedOptions::parse(query.as_deref().unwrap_or("")))),
    });
    let embedded = mode.embedded();
    // An embed starts from its query options and never touches storage.
    let state = use_reducer(|| match &mode.options {
        Some(options) => ReaderState::from_embed(options),
        None => ReaderState::from_saved(dom::highlight_prefs().as_deref()),
    });
    {
        // The card is not a preference: only highlighting choices are saved.
        let saved = state.to_saved();
        use_effect_with(saved, move |saved| {
            if !embedded {
                dom::save_highlight_prefs(saved)
            }
        });
    }
    // A page that names no language speaks the visitor's.
    let lang = route.lang().unwrap_or_else(dom::preferred_lang);
    let page = match &route {
        Route::Root => html! { <RootPage /> },
        Route::List { lang } => html! { <ListPage lang={*lang} /> },
        Route::Article { lang, slug } => html! { <ArticlePage lang={*lang} slug={slug.clone()} /> },
        Route::Embed { lang, slug } => html! { <EmbedPage lang={*lang} slug={slug.clone()} /> },
        Route::NotFound { .. } => html! { <NotFoundPage {lang} /> },
    };
    let body = if route.is_embed() {
        html! {
            <div class="cv-embed-app">
                <main id="main" class="cv-main cv-main--embed">{ page }</main>
            </div>
        }
    } else {
        html! {
            <div class="cv-app">
                <a class="cv-skip" href="#main">{ Msg::SkipToContent.text(lang) }</a>
                <Header {lang} route={route.clone()} />
                <main id="main" class="cv-main" tabindex="-1">{ page }</main>
                <Footer {lang} />
            </div>
        }
    };
    html! {
        <ContextProvider<EmbedMode> context={(*mode).clone()}>
            <ContextProvider<ReaderHandle> context={state}>
                { body }
            </ContextProvider<ReaderHandle>>
        </ContextProvider<EmbedMode>>
    }
}

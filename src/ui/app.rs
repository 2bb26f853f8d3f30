//! The application shell: router, header, page, footer; or, in a partner's iframe, the embed
//! view alone.

use std::rc::Rc;

use yew::prelude::*;

use super::components::footer::Footer;
use super::components::header::Header;
use super::dom;
use super::nav::{NavProvider, use_nav};
use super::pages::article::ArticlePage;
use super::pages::embed::EmbedPage;
use super::pages::entities::EntitiesPage;
use super::pages::list::ListPage;
use super::pages::not_found::NotFoundPage;
use super::pages::root::RootPage;
use super::pages::search::SearchPage;
use super::state::{Action, EmbedMode, ReaderHandle, ReaderState};
use crate::embed::EmbedOptions;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::route::Route;
use crate::store;

/// The whole viewer, for the browser, at the browser's address.
#[component]
pub fn App() -> Html {
    let (path, query) = dom::page::location_path_and_query();
    html! {
        <NavProvider location={(AttrValue::from(path), AttrValue::from(query))}
            base={dom::page::base_path()} script={dom::page::written_script()}>
            <Shell />
        </NavProvider>
    }
}

/// Reader state, then header, current page and footer in the language of the route; in the
/// embed view, the page alone.
#[component]
pub(crate) fn Shell() -> Html {
    let nav = use_nav();
    let route = nav.route();
    // Decided once, from the first route: an embed never navigates out of /embed/.
    let mode = use_memo((), |_| EmbedMode {
        options: route
            .is_embed()
            .then(|| Rc::new(EmbedOptions::parse(&nav.query))),
    });
    let embedded = mode.embedded();
    // The state starts from the defaults, as the prerendered page did, so that hydration meets
    // the same tree. The reader's choices (an embed's query options, else the saved ones) are
    // applied right after the first render, before the browser paints.
    let state = use_reducer(ReaderState::default);
    {
        let state = state.clone();
        let options = mode.options.clone();
        use_effect_with((), move |_| {
            state.dispatch(match options {
                Some(options) => Action::Embed(options),
                None => Action::Restore(dom::storage::highlight_prefs()),
            });
            dom::page::mark_interactive();
        });
    }
    {
        // The card is not a preference: only highlighting choices are saved, never in an
        // embed. The first run sees the defaults, not the reader's choices: it saves nothing.
        let first = use_mut_ref(|| true);
        let saved = state.to_saved();
        use_effect_with(saved, move |saved| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) && !embedded {
                dom::storage::save_highlight_prefs(saved);
            }
        });
    }
    // A page that names no language speaks the visitor's.
    let lang = route.lang().unwrap_or_else(dom::storage::preferred_lang);
    let ui = Locale::new(lang, nav.script);
    // A page whose data the app does not hold: on a page the site generator wrote (it names
    // data files), an address reached in place whose page names its own, so it is loaded
    // afresh; on a page that names none (the not-found page, a host's fallback to the shell),
    // an address with no page: not found, and never a reload that would find the same.
    let missing = route.needs_data() && !store::has(&route);
    let reload = missing && !store::files().0.is_empty();
    use_effect_with(reload, |&reload| {
        if reload {
            dom::page::reload();
        }
    });
    let page = match &route {
        _ if reload => Html::default(),
        _ if missing => html! { <NotFoundPage {lang} embedded={route.is_embed()} /> },
        Route::Root => html! { <RootPage /> },
        Route::List {
            lang,
            listing,
            page,
        } => html! { <ListPage lang={*lang} listing={listing.clone()} page={*page} /> },
        Route::Entities { lang } => html! { <EntitiesPage lang={*lang} /> },
        Route::Search { lang } => html! { <SearchPage lang={*lang} /> },
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
                <a class="cv-skip" href="#main">{ ui.text(Msg::SkipToContent) }</a>
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

//! The site header: name, tagline, search field, language switcher, on Kazakh pages the
//! script switch, and the display menu.

use super::display_menu::DisplayMenu;
use super::lang_switcher::LangSwitcher;
use super::page_link::{PageLink, use_href};
use super::script_switch::ScriptSwitch;
use crate::i18n::Msg;
use crate::lang::Lang;
use crate::locale::{Locale, SCRIPT_KEY};
use crate::route::Route;
use crate::ui::state::use_locale;
use yew::prelude::*;

/// Props for [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page's language.
    pub lang: Lang,
    /// The current page, so the switcher can link to it in other languages.
    pub route: Route,
}

/// The site header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let search = use_href(&Route::Search { lang });
    let ui = use_locale(lang);
    html! {
        <header class="cv-header">
            <div class="cv-header__inner">
                <PageLink classes="cv-brand" to={Route::list(lang)}>
                    <span class="cv-brand__mark" aria-hidden="true">{ "§" }</span>
                    <span class="cv-brand__text">
                        <span class="cv-brand__name">{ ui.text(Msg::SiteName) }</span>
                        <span class="cv-brand__sub">{ ui.text(Msg::SiteTagline) }</span>
                    </span>
                </PageLink>
                <div class="cv-header__tools">
                    // The search page has its own field.
                    if !matches!(props.route, Route::Search { .. }) {
                        { search_form(ui, search) }
                    }
                    <LangSwitcher {lang} route={props.route.clone()} />
                    // The script changes only Kazakh text: offered where Kazakh is shown.
                    if lang == Lang::Kk {
                        <ScriptSwitch {lang} />
                    }
                    <DisplayMenu {lang} />
                </div>
            </div>
        </header>
    }
}

/// The header's search field: a plain form that loads the search page with `?q=`, so it
/// works before the app runs and without it. On phones only its button shows, which opens
/// the search page with an empty field. A function, not a component: no component code
/// in every page's start-up for a form with no state.
fn search_form(ui: Locale, action: String) -> Html {
    let label = ui.text(Msg::SearchButton);
    html! {
        <form class="cv-header-search" role="search" {action} data-testid="header-search">
            <input class="cv-header-search__input" type="search" name="q" placeholder={label.clone()}
                aria-label={ui.text(Msg::SearchLabel)} data-testid="header-search-input" />
            // The search page opens in the script shown.
            if ui.is_latin() {
                <input type="hidden" name={SCRIPT_KEY} value="latn" />
            }
            <button class="cv-header-search__button" aria-label={label}>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                    <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor"
                        stroke-width="2.2" />
                    <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.2" />
                </svg>
            </button>
        </form>
    }
}

//! The site header: name, tagline, language switcher and display menu.

use super::display_menu::DisplayMenu;
use super::lang_switcher::LangSwitcher;
use super::page_link::PageLink;
use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::Route;
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
    html! {
        <header class="cv-header">
            <div class="cv-header__inner">
                <PageLink classes="cv-brand" to={Route::list(lang)}>
                    <span class="cv-brand__mark" aria-hidden="true">{ "§" }</span>
                    <span class="cv-brand__text">
                        <span class="cv-brand__name">{ Msg::SiteName.text(lang) }</span>
                        <span class="cv-brand__sub">{ Msg::SiteTagline.text(lang) }</span>
                    </span>
                </PageLink>
                <div class="cv-header__tools">
                    <LangSwitcher {lang} route={props.route.clone()} />
                    <DisplayMenu {lang} />
                </div>
            </div>
        </header>
    }
}

//! The site header: name, tagline, language switcher, on Kazakh pages the script switch, and
//! the display menu.

use super::display_menu::DisplayMenu;
use super::lang_switcher::LangSwitcher;
use super::page_link::PageLink;
use super::script_switch::ScriptSwitch;
use crate::i18n::Msg;
use crate::lang::Lang;
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

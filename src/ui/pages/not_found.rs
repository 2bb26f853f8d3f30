//! The page for an unknown article, language or path.

use yew::prelude::*;

use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::components::page_link::use_href;
use crate::ui::dom;
use crate::ui::state::use_locale;

/// Props for [`NotFoundPage`].
#[derive(Properties, PartialEq)]
pub struct NotFoundPageProps {
    /// The visitor's language.
    pub lang: Lang,
    /// In the embed view: the way out opens the full site in a new tab instead of
    /// navigating the partner's frame.
    #[prop_or_default]
    pub embedded: bool,
}

/// "Page not found", in the visitor's language, with a way back to the news.
#[component]
pub fn NotFoundPage(props: &NotFoundPageProps) -> Html {
    let lang = props.lang;
    let embedded = props.embedded;
    let ui = use_locale(lang);
    use_effect_with(ui, |&ui| {
        dom::page::set_lang_and_title(ui.tag(), &i18n::page_title(&ui.text(Msg::NotFoundHeading)));
    });
    use_effect_with(lang, move |_| {
        if embedded {
            dom::scroll::after_embed_navigation(None);
        } else {
            dom::scroll::after_navigation();
        }
    });
    let list_href = use_href(&Route::list(lang));
    html! {
        <section class="cv-notfound" data-testid="not-found">
            <h1 class="cv-page-title">{ ui.text(Msg::NotFoundHeading) }</h1>
            <p>{ ui.text(Msg::NotFoundText) }</p>
            <p>
                if props.embedded {
                    <a class="cv-button" href={list_href} target="_blank" rel="noopener">
                        { ui.text(Msg::GoToNewsList) }
                        <span class="cv-visually-hidden">{ " " }{ ui.text(Msg::OpensInNewTab) }</span>
                    </a>
                } else {
                    <a class="cv-button" href={list_href}>{ ui.text(Msg::GoToNewsList) }</a>
                }
            </p>
        </section>
    }
}

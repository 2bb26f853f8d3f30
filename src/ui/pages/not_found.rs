//! The page for an unknown article, language or path.

use yew::prelude::*;

use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::components::page_link::use_href;
use crate::ui::dom;

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
    use_effect_with(lang, move |&lang| {
        dom::page::set_lang_and_title(lang, &i18n::page_title(Msg::NotFoundHeading.text(lang)));
        if embedded {
            dom::scroll::after_embed_navigation(None);
        } else {
            dom::scroll::after_navigation();
        }
    });
    let list_href = use_href(&Route::list(lang));
    html! {
        <section class="cv-notfound" data-testid="not-found">
            <h1 class="cv-page-title">{ Msg::NotFoundHeading.text(lang) }</h1>
            <p>{ Msg::NotFoundText.text(lang) }</p>
            <p>
                if props.embedded {
                    <a class="cv-button" href={list_href} target="_blank" rel="noopener">
                        { Msg::GoToNewsList.text(lang) }
                        <span class="cv-visually-hidden">{ " " }{ Msg::OpensInNewTab.text(lang) }</span>
                    </a>
                } else {
                    <a class="cv-button" href={list_href}>{ Msg::GoToNewsList.text(lang) }</a>
                }
            </p>
        </section>
    }
}

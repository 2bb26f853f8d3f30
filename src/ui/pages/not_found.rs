//! The page for an unknown article, language or path.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::dom;

/// Props for [`NotFoundPage`].
#[derive(Properties, PartialEq)]
pub struct NotFoundPageProps {
    /// The visitor's language.
    pub lang: Lang,
}

/// "Page not found", in the visitor's language, with a way back to the news.
#[component]
pub fn NotFoundPage(props: &NotFoundPageProps) -> Html {
    let lang = props.lang;
    use_effect_with(lang, move |&lang| {
        dom::set_lang_and_title(lang, &i18n::page_title(Msg::NotFoundHeading.text(lang)));
        dom::after_navigation();
    });
    html! {
        <section class="cv-notfound" data-testid="not-found">
            <h1 class="cv-page-title">{ Msg::NotFoundHeading.text(lang) }</h1>
            <p>{ Msg::NotFoundText.text(lang) }</p>
            <p>
                <Link<Route> classes="cv-button" to={Route::List { lang }}>
                    { Msg::GoToNewsList.text(lang) }
                </Link<Route>>
            </p>
        </section>
    }
}

//! `/<lang>/`: every article, newest first.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::document::plain_text;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::prebuilt;
use crate::route::Route;
use crate::ui::components::article_meta::article_meta;
use crate::ui::dom;

/// Props for [`ListPage`].
#[derive(Properties, PartialEq)]
pub struct ListPageProps {
    /// The list's language.
    pub lang: Lang,
}

/// The article list: title, date, reading time and lead of each article.
#[component]
pub fn ListPage(props: &ListPageProps) -> Html {
    let lang = props.lang;
    use_effect_with(lang, move |&lang| {
        dom::save_lang(lang);
        dom::set_lang_and_title(lang, &i18n::page_title(Msg::NewsHeading.text(lang)));
        dom::after_navigation();
    });
    let cards: Vec<Html> = prebuilt::catalog()
        .entries()
        .iter()
        .filter_map(|entry| {
            // A broken article is left out of the list; its own page explains the error.
            let article = entry.resolve(lang).ok()?.article;
            let lead = article
                .meta
                .lede
                .clone()
                .or_else(|| article.document.first_paragraph().map(plain_text));
            let to = Route::Article {
                lang,
                slug: entry.slug.clone(),
            };
            Some(html! {
                <li class="cv-card" data-testid="article-card">
                    <article class="cv-card__inner" lang={article.lang.tag()}>
                        <h2 class="cv-card__title">
                            <Link<Route> {to}>{ article.meta.title.clone() }</Link<Route>>
                        </h2>
                        { article_meta(article, lang) }
                        if let Some(lead) = lead {
                            <p class="cv-card__lead">{ lead }</p>
                        }
                    </article>
                </li>
            })
        })
        .collect();
    html! {
        <section class="cv-list-page" data-testid="article-list">
            <h1 class="cv-page-title">{ Msg::NewsHeading.text(lang) }</h1>
            if cards.is_empty() {
                <p class="cv-empty">{ Msg::NoArticles.text(lang) }</p>
            } else {
                <ol class="cv-cards">{ for cards }</ol>
            }
        </section>
    }
}

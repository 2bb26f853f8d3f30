//! The date and reading time line under a title.

use yew::prelude::*;

use crate::content::Article;
use crate::i18n;
use crate::lang::Lang;

/// `<p class="cv-meta">` with the article's date and reading time in `lang`.
pub fn article_meta(article: &Article, lang: Lang) -> Html {
    let date = article.meta.date;
    html! {
        <p class="cv-meta">
            <time datetime={date.to_string()}>{ date.format(lang) }</time>
            <span class="cv-meta__sep" aria-hidden="true">{ "·" }</span>
            <span>{ i18n::reading_time(article.reading_minutes(), lang) }</span>
        </p>
    }
}

//! The date and reading time line under a title.

use yew::prelude::*;

use crate::content::Date;
use crate::i18n;
use crate::lang::Lang;

/// `<p class="cv-meta">` with an article's date and reading time in `lang`.
pub fn article_meta(date: Date, minutes: u32, lang: Lang) -> Html {
    html! {
        <p class="cv-meta">
            <time datetime={date.to_string()}>{ date.format(lang) }</time>
            <span class="cv-meta__sep" aria-hidden="true">{ "·" }</span>
            <span>{ i18n::reading_time(minutes, lang) }</span>
        </p>
    }
}

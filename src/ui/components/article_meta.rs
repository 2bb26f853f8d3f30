//! The date and reading time line under a title.

use yew::prelude::*;

use crate::content::Date;
use crate::i18n;
use crate::locale::Locale;

/// `<p class="cv-meta">` with an article's date and reading time in `ui`'s language and script.
pub fn article_meta(date: Date, minutes: u32, ui: Locale) -> Html {
    html! {
        <p class="cv-meta">
            <time datetime={date.to_string()}>{ ui.write(date.format(ui.lang)) }</time>
            <span class="cv-meta__sep" aria-hidden="true">{ "·" }</span>
            <span>{ ui.write(i18n::reading_time(minutes, ui.lang)) }</span>
        </p>
    }
}

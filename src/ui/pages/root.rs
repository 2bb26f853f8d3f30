//! `/`: sends the visitor to the list in their language.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::locale::{script_of_query, script_suffix};
use crate::route::Route;
use crate::ui::components::page_link::PageLink;
use crate::ui::dom;
use crate::ui::nav::use_nav;

/// Redirects to `/<lang>/` (saved choice, else browser languages, else Kazakh) by loading that
/// page in place of this one (Back does not return here); it names its own data. Until then, and without JavaScript, it offers the three
/// languages as links.
#[component]
pub fn RootPage() -> Html {
    let nav = use_nav();
    let basename = nav.basename.to_string();
    // `/?script=latn` leads to the list in Latin.
    let suffix = script_suffix(script_of_query(&nav.query));
    use_effect_with((), move |_| {
        dom::page::replace_with(&format!(
            "{basename}{}{suffix}",
            Route::list(dom::storage::preferred_lang()).path()
        ));
    });
    html! {
        <section class="cv-root-page">
            <h1 class="cv-page-title">
                for lang in Lang::ALL {
                    <span lang={lang.tag()} class="cv-root-page__prompt">{ Msg::ChooseLanguage.text(lang) }</span>
                }
            </h1>
            <ul class="cv-cards">
                for lang in Lang::ALL {
                    <li class="cv-card">
                        <PageLink to={Route::list(lang)}>{ lang.native_name() }</PageLink>
                    </li>
                }
            </ul>
        </section>
    }
}

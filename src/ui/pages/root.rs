//! `/`: sends the visitor to the list in their language.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::dom;

/// Redirects to `/<lang>/` (saved choice, else browser languages, else Kazakh). Until then, and
/// without JavaScript, it offers the three languages as links.
#[component]
pub fn RootPage() -> Html {
    let navigator = use_navigator();
    use_effect_with((), move |_| {
        if let Some(navigator) = navigator {
            navigator.replace(&Route::List {
                lang: dom::preferred_lang(),
            });
        }
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
                        <Link<Route> to={Route::List { lang }}>{ lang.native_name() }</Link<Route>>
                    </li>
                }
            </ul>
        </section>
    }
}

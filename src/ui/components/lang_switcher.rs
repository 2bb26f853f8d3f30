//! The language switcher: real links to the same page in each language, upgraded to
//! in-place switches that keep the reader's paragraph.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::dom;

/// Props for [`LangSwitcher`].
#[derive(Properties, PartialEq)]
pub struct LangSwitcherProps {
    /// The page's language.
    pub lang: Lang,
    /// The current page.
    pub route: Route,
}

/// Links to the current page in Қазақша, Русский and English.
#[component]
pub fn LangSwitcher(props: &LangSwitcherProps) -> Html {
    let navigator = use_navigator();
    let basename = navigator
        .as_ref()
        .and_then(|n| n.basename().map(str::to_owned));
    let links = Lang::ALL.into_iter().map(|target| {
        let route = props.route.with_lang(target);
        let href = format!("{}{}", basename.as_deref().unwrap_or(""), route.path());
        let onclick = {
            let navigator = navigator.clone();
            Callback::from(move |e: MouseEvent| {
                // Let the browser handle "open in new tab" and similar gestures.
                if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                    return;
                }
                let Some(navigator) = &navigator else { return };
                e.prevent_default();
                dom::save_lang(target);
                dom::set_pending_anchor(dom::reading_anchor());
                navigator.push(&route);
            })
        };
        let current = (target == props.lang).then_some("true");
        html! {
            <li>
                <a class="cv-langs__link" {href} {onclick}
                    lang={target.tag()} hreflang={target.tag()}
                    aria-current={current}
                    data-testid={format!("lang-{}", target.tag())}>
                    { target.native_name() }
                </a>
            </li>
        }
    });
    html! {
        <nav class="cv-langs" aria-label={Msg::LanguageNav.text(props.lang)}>
            <ul class="cv-langs__list">{ for links }</ul>
        </nav>
    }
}

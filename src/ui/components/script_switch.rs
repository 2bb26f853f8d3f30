//! The script switch, Кирилл / Latyn, where Kazakh is shown: two links to this page in each
//! script (`?script=latn` or no query), which work as plain links and, with the app, change
//! the address in place. The shell follows the address's script and keeps the reader's
//! paragraph where it was. The address's history entry is replaced, not added to: like the
//! display menu's choices, the script is how the page reads, not a page of its own.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::locale::{Locale, SCRIPT_KEY, reading_suffix};
use crate::route::Route;
use crate::script::{KK_LATN, Script};
use crate::ui::dom;
use crate::ui::nav::use_nav;
use crate::ui::state::use_script;

/// Props for [`ScriptSwitch`].
#[derive(Properties, PartialEq)]
pub struct ScriptSwitchProps {
    /// The interface's language (the switch's accessible name).
    pub lang: Lang,
}

/// `<nav class="cv-script">` with a link for each script, the one shown marked.
#[component]
pub fn ScriptSwitch(props: &ScriptSwitchProps) -> Html {
    let nav = use_nav();
    let shown = use_script();
    let ui = Locale::new(props.lang, shown);
    // The page's own path as the site writes it (a final `index.html` or a doubled slash
    // dropped); an address that is no page keeps its own.
    let path = match nav.route() {
        Route::NotFound { .. } => nav.path.to_string(),
        route => route.path(),
    };
    let links = Script::ALL.into_iter().map(|script| {
        // Each script's name in its own letters, like the languages' names.
        let (name, short, tag) = match script {
            Script::Cyrl => ("Кирилл", "Кир", Lang::Kk.tag()),
            Script::Latn => ("Latyn", "Lat", KK_LATN),
        };
        // The link is the path in that script, the same on the prerendered page and in the
        // app; a click keeps whatever else the query holds.
        let href = nav.href(&format!("{path}{}", reading_suffix(script, nav.with)));
        let onclick = {
            let nav = nav.clone();
            Callback::from(move |e: MouseEvent| {
                if !dom::page::is_plain_click(&e) {
                    return;
                }
                e.prevent_default();
                nav.set_option(SCRIPT_KEY, script.query_value());
            })
        };
        html! {
            <li>
                <a class="cv-langs__link cv-script__link" {href} {onclick} lang={tag}
                    aria-current={(script == shown).then_some("true")}
                    data-testid={format!("script-{}", script.tag())}>
                    // As in the language switcher, the short name takes the full one's place on
                    // phones (CSS); the full one stays the link's accessible name.
                    <span class="cv-langs__name">{ name }</span>
                    <span class="cv-langs__short" aria-hidden="true">{ short }</span>
                </a>
            </li>
        }
    });
    html! {
        <nav class="cv-script" aria-label={ui.text(Msg::ScriptNav)} data-testid="script-switch">
            <ul class="cv-langs__list">{ for links }</ul>
        </nav>
    }
}

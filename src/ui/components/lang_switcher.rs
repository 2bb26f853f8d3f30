//! The language switcher: real links to the same page in each language, upgraded to
//! in-place switches that keep the reader's paragraph once the page holds the other
//! language's data (fetched in idle time after start-up); until then, or should that fetch
//! have failed, the link loads the other language's page, which the browser keeps at the top.
//!
//! It keeps the script shown (`?script=latn`): a reader who chose Latin and goes to Russian
//! and back comes back to Latin. It keeps the language beside an article (`?with=`) too, and
//! going to that language puts the one left beside it: the two columns trade places. In the embed view it is compact, keeps the embed's query
//! options, replaces the frame's
//! history entry instead of adding one (so the partner's Back button is not polluted) and
//! saves nothing.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::locale::{Locale, WITH_KEY, query_with, reading_suffix};
use crate::route::Route;
use crate::ui::dom;
use crate::ui::loader;
use crate::ui::nav::use_nav;
use crate::ui::state::{use_embed_options, use_script};

/// Props for [`LangSwitcher`].
#[derive(Properties, PartialEq)]
pub struct LangSwitcherProps {
    /// The page's language.
    pub lang: Lang,
    /// The current page.
    pub route: Route,
    /// Short labels (Қаз, Рус, Eng) for the embed view's narrow bar; the full names stay
    /// the links' accessible names.
    #[prop_or_default]
    pub compact: bool,
}

/// Links to the current page in Қазақша, Русский and English.
#[component]
pub fn LangSwitcher(props: &LangSwitcherProps) -> Html {
    let nav = use_nav();
    let embed = use_embed_options();
    let script = use_script();
    let compact = props.compact;
    let links = Lang::ALL.into_iter().map(|target| {
        let route = props.route.with_lang(target);
        // The language beside, unless it is the one gone to, which leaves this one beside it.
        let with = nav
            .with
            .map(|w| if w == target { props.lang } else { w });
        // The embed keeps its options (its script among them); the site, the script shown.
        let suffix = match (&embed, &props.route) {
            (Some(options), _) => query_with(
                &options.query_suffix(),
                WITH_KEY,
                options.with.and(with).map(Lang::tag),
            ),
            // The search page keeps what is searched for (its script among it); having no data
            // to switch in place, the link loads the other language's search page.
            (None, Route::Search { .. }) => nav.query.to_string(),
            (None, _) => reading_suffix(script, with),
        };
        // Each language's name in its own words: Kazakh's in the script shown.
        let own = Locale::new(target, script);
        let href = nav.href(&format!("{}{suffix}", route.path()));
        let onclick = {
            let nav = nav.clone();
            let href = href.clone();
            let embedded = embed.is_some();
            Callback::from(move |e: MouseEvent| {
                // Let the browser handle "open in new tab" and similar gestures.
                if !dom::page::is_plain_click(&e) {
                    return;
                }
                e.prevent_default();
                dom::scroll::set_pending_anchor(dom::scroll::reading_anchor());
                let (to, suffix, href) = (route.clone(), suffix.clone(), href.clone());
                let nav = nav.clone();
                // The other language's data is usually here already (fetched in idle time);
                // if not, it is fetched now, and should that fail the link's page is loaded.
                loader::ensure(&route, move |loaded| {
                    if !loaded {
                        dom::page::go_to(&href);
                    } else if embedded {
                        nav.go(&format!("{}{suffix}", to.path()), true);
                    } else {
                        dom::storage::save_lang(target);
                        nav.go(&format!("{}{suffix}", to.path()), false);
                    }
                });
            })
        };
        let current = (target == props.lang).then_some("true");
        let label = if compact {
            html! {
                <>
                    <span aria-hidden="true">{ own.write(target.short_name()) }</span>
                    <span class="cv-visually-hidden">{ own.write(target.native_name()) }</span>
                </>
            }
        } else {
            // The short name takes the full one's place on the smallest phones (CSS), where
            // the three names and the display menu would not fit one row.
            html! {
                <>
                    <span class="cv-langs__name">{ own.write(target.native_name()) }</span>
                    <span class="cv-langs__short" aria-hidden="true">{ own.write(target.short_name()) }</span>
                </>
            }
        };
        let title = compact.then(|| own.write(target.native_name()));
        html! {
            <li>
                <a class="cv-langs__link" {href} {onclick} {title}
                    lang={own.tag()} hreflang={target.tag()}
                    aria-current={current}
                    data-testid={format!("lang-{}", target.tag())}>
                    { label }
                </a>
            </li>
        }
    });
    let class = classes!("cv-langs", compact.then_some("cv-langs--compact"));
    html! {
        <nav {class} aria-label={Locale::new(props.lang, script).text(Msg::LanguageNav)}>
            <ul class="cv-langs__list">{ for links }</ul>
        </nav>
    }
}

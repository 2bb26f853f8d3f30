//! `/embed/<lang>/<slug>/`: an article alone, for an iframe on a partner's page.
//!
//! Around the article page it adds a compact language switcher and a link to the full site,
//! applies the theme the query asks for, and keeps telling the parent page its height. The
//! article page itself knows it is embedded (from
//! [`EmbedMode`](crate::ui::state::EmbedMode)) and then leaves out the breadcrumb and the
//! embed button, stores nothing, and scrolls only its own frame.

use yew::prelude::*;

use crate::embed::EmbedSpec;
use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::components::lang_switcher::LangSwitcher;
use crate::ui::dom;
use crate::ui::nav::use_nav;
use crate::ui::pages::article::ArticlePage;
use crate::ui::state::{use_embed_options, use_locale};

/// Props for [`EmbedPage`].
#[derive(Properties, PartialEq)]
pub struct EmbedPageProps {
    /// The language asked for.
    pub lang: Lang,
    /// The article's slug.
    pub slug: AttrValue,
}

/// The embed view.
#[component]
pub fn EmbedPage(props: &EmbedPageProps) -> Html {
    let lang = props.lang;
    let ui = use_locale(lang);
    let options = use_embed_options().unwrap_or_default();
    let theme = options.theme;
    use_effect_with(theme, |&theme| dom::page::set_theme(theme));
    use_effect_with((), |_| {
        let reporter = dom::frame::report_height();
        // The cleanup owns the reporter: leaving the page stops the reports.
        move || {
            let _reporter = reporter;
        }
    });
    let basename = use_nav().basename.to_string();
    // The same link the loader snippet puts inside its element, within this site.
    let full = EmbedSpec {
        base: &basename,
        lang,
        slug: &props.slug,
        title: "",
        options: &options,
    }
    .article_url();
    let route = Route::Embed {
        lang,
        slug: props.slug.to_string(),
    };
    html! {
        <div class="cv-embed" data-testid="embed-view">
            <div class="cv-embed__bar">
                <LangSwitcher {lang} {route} compact=true />
                // A new tab: the reader leaves the partner's page only if they choose to.
                <a class="cv-embed__full" href={full} target="_blank" rel="noopener"
                    data-testid="embed-full-link">
                    { ui.text(Msg::ReadOnFullSite) }
                    <span class="cv-visually-hidden">{ " " }{ ui.text(Msg::OpensInNewTab) }</span>
                    <span aria-hidden="true">{ " ↗" }</span>
                </a>
            </div>
            <ArticlePage {lang} slug={props.slug.clone()} />
        </div>
    }
}

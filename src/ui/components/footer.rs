//! The site footer.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::components::page_link::PageLink;
use crate::ui::state::use_locale;

/// Props for [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The page's language.
    pub lang: Lang,
}

/// Where the news comes from and who translated it, and the way to every name in the news.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let ui = use_locale(props.lang);
    html! {
        <footer class="cv-footer">
            <div class="cv-footer__inner">
                <p>{ ui.text(Msg::FooterSource) }</p>
                <p>{ ui.text(Msg::FooterTranslations) }</p>
                <p>
                    <PageLink to={Route::Entities { lang: props.lang }} classes="cv-footer__link">
                        { ui.text(Msg::EntitiesHeading) }
                    </PageLink>
                </p>
            </div>
        </footer>
    }
}

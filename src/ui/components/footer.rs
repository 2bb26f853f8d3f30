//! The site footer.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::Route;
use crate::ui::components::page_link::PageLink;

/// Props for [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The page's language.
    pub lang: Lang,
}

/// Where the news comes from and who translated it, and the way to every name in the news.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer class="cv-footer">
            <div class="cv-footer__inner">
                <p>{ Msg::FooterSource.text(props.lang) }</p>
                <p>{ Msg::FooterTranslations.text(props.lang) }</p>
                <p>
                    <PageLink to={Route::Entities { lang: props.lang }} classes="cv-footer__link">
                        { Msg::EntitiesHeading.text(props.lang) }
                    </PageLink>
                </p>
            </div>
        </footer>
    }
}

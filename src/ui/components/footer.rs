//! The site footer.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::lang::Lang;

/// Props for [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The page's language.
    pub lang: Lang,
}

/// Where the news comes from and who translated it.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer class="cv-footer">
            <div class="cv-footer__inner">
                <p>{ Msg::FooterSource.text(props.lang) }</p>
                <p>{ Msg::FooterTranslations.text(props.lang) }</p>
            </div>
        </footer>
    }
}

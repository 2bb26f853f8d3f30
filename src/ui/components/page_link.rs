//! A link to another page of the site, as a plain `<a href>`: the browser loads the page the
//! site generator wrote, which names its own data. Only the language switch moves in place
//! (it holds the other languages' data already); any other page may be one of thousands whose
//! data this page does not hold.

use yew::prelude::*;

use crate::locale::script_suffix;
use crate::route::Route;
use crate::ui::nav::use_nav;
use crate::ui::state::use_script;

/// The address of `route` under the site's public prefix, in the script shown
/// (`?script=latn`), so that a reader who chose Latin stays in it from page to page.
#[hook]
pub fn use_href(route: &Route) -> String {
    let script = use_script();
    use_nav().href(&format!("{}{}", route.path(), script_suffix(script)))
}

/// Props for [`PageLink`].
#[derive(Properties, PartialEq)]
pub struct PageLinkProps {
    /// The page linked to.
    pub to: Route,
    /// Classes of the `<a>`.
    #[prop_or_default]
    pub classes: Classes,
    /// `aria-current="page"` and the like.
    #[prop_or_default]
    pub aria_current: Option<AttrValue>,
    /// `rel` (`prev`, `next`).
    #[prop_or_default]
    pub rel: Option<AttrValue>,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// `<a href>` to another page of the site.
#[component]
pub fn PageLink(props: &PageLinkProps) -> Html {
    let href = use_href(&props.to);
    html! {
        <a class={props.classes.clone()} {href} aria-current={props.aria_current.clone()}
            rel={props.rel.clone()}>
            { props.children.clone() }
        </a>
    }
}

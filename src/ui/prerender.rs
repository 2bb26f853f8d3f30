//! Whole pages rendered natively, with the same components the browser runs: what
//! `courtview prerender` writes into `dist/`, and what the browser then hydrates.

use yew::prelude::*;

use super::app::Shell;
use super::nav::NavProvider;
use crate::content::page_data::PageData;
use crate::locale::script_suffix;
use crate::route::Route;
use crate::script::Script;
use crate::store;

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The page's path, from the site's root (e.g. `/kk/iaca-2025-dubai/`).
    pub path: AttrValue,
    /// The public URL prefix the site is served under (`/`, or a partner's `/courtview/`).
    pub base: AttrValue,
    /// The script Kazakh is written in: Latin for a page's Latin twin, rendered as the app
    /// renders the address with `?script=latn`.
    pub script: Script,
}

/// [`super::App`] at one address instead of the browser's: the same tree, so the browser's
/// hydration finds exactly the nodes it would have made.
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    // The full path, prefix included, as the browser's location has it.
    let full = format!("{}{}", props.base.trim_end_matches('/'), props.path);
    let query = AttrValue::from(script_suffix(props.script));
    html! {
        <NavProvider location={(AttrValue::from(full), query)} base={props.base.clone()}
            script={props.script}>
            <Shell />
        </NavProvider>
    }
}

/// The markup of the page `route` shows from `data` on a site served under `base` (`/` at the
/// root), with Kazakh in `script` (the address's query is then `?script=latn` for Latin, else
/// none), hydratable (Yew's component markers included), for the inside of `<div id="app">`.
pub fn page_body(route: &Route, base: &str, data: Option<PageData>, script: Script) -> String {
    let route = route.clone();
    let base = base.to_owned();
    let renderer = yew::ServerRenderer::<ServerApp>::with_props(move || {
        // Yew renders on a thread of its own, where this runs first: the page's data goes
        // into that thread's store, as the browser's start-up puts it into its own.
        store::clear();
        if let Some(data) = data {
            store::insert(&route, data);
        }
        ServerAppProps {
            path: AttrValue::from(route.path()),
            base: AttrValue::from(base),
            script,
        }
    })
    .hydratable(true);
    futures::executor::block_on(renderer.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Catalog;
    use crate::lang::Lang;

    /// Whether `text` has a Cyrillic letter.
    fn has_cyrillic(text: &str) -> bool {
        text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    }

    #[test]
    fn the_latin_twin_is_the_page_as_the_app_shows_it_with_script_latn() {
        let catalog = crate::site::annotated(Catalog::shipped().clone());
        let entry = &catalog.entries()[0];
        let route = Route::Article {
            lang: Lang::Kk,
            slug: entry.slug.clone(),
        };
        let data = crate::site::article_data(entry, Lang::Kk);
        let latin = page_body(&route, "/", Some(data.clone()), Script::Latn);
        let cyrillic = page_body(&route, "/", Some(data), Script::Cyrl);
        assert!(latin.contains(r#"<article lang="kk-Latn" class="cv-prose">"#));
        assert!(cyrillic.contains(r#"<article lang="kk" class="cv-prose">"#));
        // Links within the site keep the script; the switch shows Latyn as current.
        let slug = &entry.slug;
        assert!(latin.contains(&format!(r#"href="/ru/{slug}/?script=latn""#)));
        assert!(
            latin.contains(r#"href="/kk/?script=latn""#),
            "the breadcrumb"
        );
        assert!(cyrillic.contains(&format!(r#"href="/ru/{slug}/""#)));
        let switch = latin.find(r#"data-testid="script-latn""#).unwrap();
        let tag = &latin[latin[..switch].rfind('<').unwrap()..];
        let tag = &tag[..tag.find('>').unwrap()];
        assert!(tag.contains(r#"aria-current="true""#), "{tag}");
        // Only the Cyrillic link's name and the other languages' own names stay Cyrillic.
        let article = &latin[latin.find("<article").unwrap()..latin.find("</article>").unwrap()];
        assert!(!has_cyrillic(article), "Cyrillic left in the Latin article");
        assert!(has_cyrillic(
            &cyrillic[cyrillic.find("<article").unwrap()..]
        ));
    }

    #[test]
    fn a_russian_page_is_the_same_in_either_script_but_for_the_kazakh_link() {
        let entry = Catalog::shipped().entry("iaca-2025-dubai").unwrap();
        let route = Route::parse("/ru/iaca-2025-dubai/");
        let data = crate::site::article_data(entry, Lang::Ru);
        let latin = page_body(&route, "/", Some(data.clone()), Script::Latn);
        let cyrillic = page_body(&route, "/", Some(data), Script::Cyrl);
        let article = |page: &str| page[page.find("<article").unwrap()..].to_owned();
        assert_eq!(
            article(&latin).split("</article>").next(),
            article(&cyrillic).split("</article>").next()
        );
    }
}

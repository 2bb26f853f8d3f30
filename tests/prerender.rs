//! A page's Latin twin, as `ui::prerender` renders it natively for the site generator: the
//! page as the app shows it with `?script=latn`. The browser half (hydration, the server's
//! choice of file, reading without JavaScript) is `tests/browser/latn.test.mjs`.

use courtview::content::Catalog;
use courtview::lang::Lang;
use courtview::route::Route;
use courtview::script::Script;
use courtview::ui::prerender::page_body;

/// Whether `text` has a Cyrillic letter.
fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn the_latin_twin_is_the_page_as_the_app_shows_it_with_script_latn() {
    let catalog = courtview::site::annotated(Catalog::shipped().clone());
    let entry = &catalog.entries()[0];
    let route = Route::Article {
        lang: Lang::Kk,
        slug: entry.slug.clone(),
    };
    let data = courtview::site::article_data(entry, Lang::Kk);
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
    // The article itself keeps no Cyrillic letter.
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
    let data = courtview::site::article_data(entry, Lang::Ru);
    let latin = page_body(&route, "/", Some(data.clone()), Script::Latn);
    let cyrillic = page_body(&route, "/", Some(data), Script::Cyrl);
    let article = |page: &str| page[page.find("<article").unwrap()..].to_owned();
    assert_eq!(
        article(&latin).split("</article>").next(),
        article(&cyrillic).split("</article>").next()
    );
}

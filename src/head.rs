//! What a page says about itself in `<head>`: title, description, canonical URL, language
//! alternates and Open Graph tags. The site generator writes it into every page it renders
//! (`site::template`); crawlers and link previews read it without running the app.

use crate::content::page_data::{ListKind, PageData};
use crate::document::plain_text;
use crate::embed::escape_html as escape;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::{Locale, script_suffix};
use crate::route::{Listing, Route};
use crate::script::{KK_LATN, Script};

/// The head of one page, before it is written as HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageHead {
    /// The page's language (`<html lang>`).
    pub lang: Lang,
    /// The page's own title; the browser tab shows it through [`i18n::page_title`].
    pub title: String,
    /// One or two sentences for search results and link previews.
    pub description: String,
    /// The page's path (from the site's root, before any public prefix); `None` for a page
    /// that must not be indexed, such as the not-found page.
    pub canonical: Option<String>,
    /// The same page in each language it exists in, as (language, path).
    pub alternates: Vec<(Lang, String)>,
    /// Open Graph type: `article` or `website`.
    pub og_type: &'static str,
    /// The article's publication date (ISO), for `article:published_time`.
    pub published: Option<String>,
    /// The script Kazakh is written in: Latin for a page's Latin twin, which the site serves
    /// for `?script=latn` ([`PageHead::in_script`]).
    pub script: Script,
}

/// How long a description may be before it is cut at a word boundary (search results show
/// about this much).
const DESCRIPTION_CHARS: usize = 200;

/// The head of the page `route` shows, from its data (`None`: the not-found page).
pub fn page_head(route: &Route, data: Option<&PageData>) -> PageHead {
    let lang = route.lang().unwrap_or(Lang::Kk);
    let not_found = website(
        lang,
        Msg::NotFoundHeading.text(lang).to_owned(),
        Msg::NotFoundText.text(lang).to_owned(),
    );
    match (route, data) {
        (Route::List { listing, .. }, Some(PageData::List(list))) => PageHead {
            canonical: Some(route.path()),
            // A tag is a word of one language: its list has no counterpart in another. An
            // entity's later pages may count differently in another language.
            alternates: match listing {
                Listing::Tag(_) => Vec::new(),
                Listing::Entity(_) if list.page > 1 => Vec::new(),
                _ => every_language(route),
            },
            ..website(
                lang,
                i18n::list_title(&list.kind, list.page, lang),
                match &list.kind {
                    ListKind::All => Msg::SiteTagline.text(lang).to_owned(),
                    ListKind::Entity { card } => card.description.clone(),
                    _ => i18n::list_heading(&list.kind, lang),
                },
            )
        },
        (Route::Entities { .. }, Some(PageData::Entities(_))) => PageHead {
            canonical: Some(route.path()),
            alternates: every_language(route),
            ..website(
                lang,
                Msg::EntitiesHeading.text(lang).to_owned(),
                Msg::EntitiesIntro.text(lang).to_owned(),
            )
        },
        // Interface text alone: what is found depends on the query, which no crawler sends.
        (Route::Search { .. }, _) => PageHead {
            canonical: Some(route.path()),
            alternates: every_language(route),
            ..website(
                lang,
                Msg::SearchHeading.text(lang).to_owned(),
                Msg::SearchHint.text(lang).to_owned(),
            )
        },
        (Route::Article { .. }, Some(PageData::Article(data))) => {
            let Ok(article) = &data.version else {
                return not_found;
            };
            let lead = article
                .document
                .first_paragraph()
                .map(plain_text)
                .unwrap_or_default();
            PageHead {
                canonical: Some(route.path()),
                alternates: data
                    .languages
                    .iter()
                    .map(|&l| (l, route.with_lang(l).path()))
                    .collect(),
                og_type: "article",
                published: Some(article.meta.date.to_string()),
                ..website(
                    lang,
                    article.meta.title.clone(),
                    shorten(&lead, DESCRIPTION_CHARS),
                )
            }
        }
        // The embed view is the article for partners' frames: its canonical page is the
        // article on the full site, so search engines list that one.
        (Route::Embed { lang, slug }, data) => {
            let article = Route::Article {
                lang: *lang,
                slug: slug.clone(),
            };
            PageHead {
                canonical: Some(article.path()),
                alternates: Vec::new(),
                ..page_head(&article, data)
            }
        }
        _ => not_found,
    }
}

/// The head of a page of the site in `lang`, Cyrillic, with no address and no other
/// language: what each kind of page starts from.
fn website(lang: Lang, title: String, description: String) -> PageHead {
    PageHead {
        lang,
        title,
        description,
        canonical: None,
        alternates: Vec::new(),
        og_type: "website",
        published: None,
        script: Script::Cyrl,
    }
}

/// `route` in each language, as alternates: for pages that exist in all three.
fn every_language(route: &Route) -> Vec<(Lang, String)> {
    Lang::ALL
        .iter()
        .map(|&l| (l, route.with_lang(l).path()))
        .collect()
}

impl PageHead {
    /// This head for the page shown with Kazakh in `script`: for Latin Kazakh, its title and
    /// description as the app writes them ([`Locale::write`]), its language `kk-Latn` and its
    /// address with `?script=latn`. Any other page is unchanged: Russian and English read the
    /// same in either script, and have no Latin twin.
    pub fn in_script(mut self, script: Script) -> PageHead {
        let locale = Locale::new(self.lang, script);
        if locale.is_latin() {
            self.title = locale.write(self.title).into_owned();
            self.description = locale.write(self.description).into_owned();
            self.script = script;
        }
        self
    }

    /// The language tag of the page, for `<html lang>`: `kk-Latn` for Latin Kazakh.
    pub fn tag(&self) -> &'static str {
        self.locale().tag()
    }

    /// The page's language in the script its Kazakh is shown in.
    fn locale(&self) -> Locale {
        Locale::new(self.lang, self.script)
    }

    /// The page's own address (from the site's root, before any public prefix), the query
    /// included: its canonical path, with `?script=latn` for a Latin twin.
    pub fn address(&self) -> Option<String> {
        let path = self.canonical.as_ref()?;
        Some(format!("{path}{}", script_suffix(self.script)))
    }

    /// The page in each language and script it exists in, as (`hreflang`, address): its
    /// [`alternates`](Self::alternates), Kazakh's twice, in Cyrillic (`kk`) and in Latin
    /// (`kk-Latn`, with `?script=latn`), since every Kazakh page has a Latin twin.
    pub fn alternate_links(&self) -> Vec<(&'static str, String)> {
        let mut links = Vec::new();
        for (lang, path) in &self.alternates {
            links.push((lang.tag(), path.clone()));
            if *lang == Lang::Kk {
                links.push((KK_LATN, format!("{path}{}", script_suffix(Script::Latn))));
            }
        }
        links
    }

    /// The `<head>` elements, one per line, with absolute URLs under `site` (the public
    /// address the pages are served from, e.g. `https://example.org/courtview`).
    pub fn to_html(&self, site: &str) -> String {
        let site = site.trim_end_matches('/');
        let url = |path: &str| escape(&format!("{site}{path}"));
        let mut out = vec![
            format!("<title>{}</title>", escape(&i18n::page_title(&self.title))),
            format!(
                r#"<meta name="description" content="{}">"#,
                escape(&self.description)
            ),
        ];
        let locale = self.locale();
        match self.address() {
            Some(path) => {
                let path = &path;
                out.push(format!(r#"<link rel="canonical" href="{}">"#, url(path)));
                for (tag, path) in self.alternate_links() {
                    out.push(format!(
                        r#"<link rel="alternate" hreflang="{tag}" href="{}">"#,
                        url(&path)
                    ));
                }
                if let Some((_, path)) = self.alternates.iter().find(|(l, _)| *l == Lang::Kk) {
                    out.push(format!(
                        r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
                        url(path)
                    ));
                }
                out.push(format!(
                    r#"<meta property="og:url" content="{}">"#,
                    url(path)
                ));
                // Feed readers find the language's news feed from any page.
                out.push(format!(
                    r#"<link rel="alternate" type="application/atom+xml" title="{}" href="{}">"#,
                    escape(&i18n::page_title(&locale.text(Msg::NewsHeading))),
                    url(&format!("/{}/feed.xml", self.lang))
                ));
            }
            None => out.push(r#"<meta name="robots" content="noindex">"#.to_owned()),
        }
        out.push(format!(
            r#"<meta property="og:type" content="{}">"#,
            self.og_type
        ));
        out.push(format!(
            r#"<meta property="og:title" content="{}">"#,
            escape(&self.title)
        ));
        out.push(format!(
            r#"<meta property="og:description" content="{}">"#,
            escape(&self.description)
        ));
        out.push(r#"<meta property="og:site_name" content="courtview">"#.to_owned());
        out.push(format!(
            r#"<meta property="og:locale" content="{}">"#,
            og_locale(self.lang)
        ));
        for (lang, _) in self.alternates.iter().filter(|(l, _)| *l != self.lang) {
            out.push(format!(
                r#"<meta property="og:locale:alternate" content="{}">"#,
                og_locale(*lang)
            ));
        }
        if let Some(date) = &self.published {
            out.push(format!(
                r#"<meta property="article:published_time" content="{}">"#,
                escape(date)
            ));
        }
        out.join("\n  ")
    }
}

/// Open Graph's locale for a language.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "kk_KZ",
        Lang::Ru => "ru_RU",
        Lang::En => "en_GB",
    }
}

/// `text` cut to at most `max` chars at a word boundary, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', ';', ':', '—', '-']).to_owned() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Catalog;
    use crate::content::page_data::ListData;

    /// The data of the shipped article's page in `lang`.
    fn article(lang: Lang) -> PageData {
        let entry = Catalog::shipped().entry("iaca-2025-dubai").unwrap();
        crate::site::article_data(entry, lang)
    }

    #[test]
    fn article_head_names_every_language_and_escapes() {
        let route = Route::parse("/ru/iaca-2025-dubai/");
        let head = page_head(&route, Some(&article(Lang::Ru)));
        assert_eq!(head.lang, Lang::Ru);
        assert_eq!(head.og_type, "article");
        assert_eq!(head.alternates.len(), 3);
        assert!(head.description.chars().count() <= DESCRIPTION_CHARS);
        let html = head.to_html("https://example.org/cv/");
        assert!(html.contains(
            r#"<link rel="canonical" href="https://example.org/cv/ru/iaca-2025-dubai/">"#
        ));
        assert!(
            html.contains(r#"hreflang="kk" href="https://example.org/cv/kk/iaca-2025-dubai/""#)
        );
        assert!(html.contains(r#"hreflang="x-default""#));
        assert!(html.contains(r#"<meta property="og:locale" content="ru_RU">"#));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn not_found_is_not_indexed_and_lists_are_websites() {
        let head = page_head(&Route::parse("/en/nothing-here/"), None);
        assert!(head.canonical.is_none());
        assert!(head.to_html("https://x").contains("noindex"));
        let data = PageData::List(ListData {
            kind: ListKind::All,
            page: 2,
            pages: 3,
            items: Vec::new(),
            years: Vec::new(),
        });
        let list = page_head(&Route::parse("/kk/page/2/"), Some(&data));
        assert_eq!(list.og_type, "website");
        assert_eq!(list.canonical.as_deref(), Some("/kk/page/2/"));
        assert_eq!(list.title, "Жаңалықтар · 2-бет");
        assert!(
            list.alternates
                .contains(&(Lang::En, "/en/page/2/".to_owned()))
        );
    }

    #[test]
    fn a_latin_head_reads_in_latin_and_names_its_own_address() {
        let route = Route::parse("/kk/iaca-2025-dubai/");
        let cyrillic = page_head(&route, Some(&article(Lang::Kk)));
        let head = cyrillic.clone().in_script(Script::Latn);
        assert_eq!((cyrillic.tag(), head.tag()), ("kk", "kk-Latn"));
        assert_eq!(head.title, crate::script::to_latin(&cyrillic.title));
        assert!(!head.description.chars().any(|c| ('а'..='я').contains(&c)));
        assert_eq!(
            head.address().as_deref(),
            Some("/kk/iaca-2025-dubai/?script=latn")
        );
        let html = head.to_html("https://h");
        for needle in [
            r#"<link rel="canonical" href="https://h/kk/iaca-2025-dubai/?script=latn">"#,
            r#"<meta property="og:url" content="https://h/kk/iaca-2025-dubai/?script=latn">"#,
            r#"hreflang="kk" href="https://h/kk/iaca-2025-dubai/""#,
            r#"hreflang="kk-Latn" href="https://h/kk/iaca-2025-dubai/?script=latn""#,
            r#"hreflang="x-default" href="https://h/kk/iaca-2025-dubai/""#,
            "title=\"Jañalyqtar — courtview\"",
        ] {
            assert!(html.contains(needle), "{needle} not in {html}");
        }
        // The Cyrillic page names the twin too; Russian has no twin and stays as it is.
        assert!(
            cyrillic
                .to_html("https://h")
                .contains(r#"hreflang="kk-Latn""#)
        );
        let ru = page_head(
            &Route::parse("/ru/iaca-2025-dubai/"),
            Some(&article(Lang::Ru)),
        );
        assert_eq!(ru.clone().in_script(Script::Latn), ru);
    }

    #[test]
    fn shorten_cuts_at_words_and_escape_covers_quotes() {
        assert_eq!(shorten("a  b\nc", 10), "a b c");
        let long = "слово ".repeat(100);
        let short = shorten(&long, 40);
        assert!(short.ends_with('…') && short.chars().count() <= 40);
        assert_eq!(
            escape(r#"<a href="x">'&"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
        );
    }
}

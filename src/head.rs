//! What a page says about itself in `<head>`: title, description, canonical URL, language
//! alternates and Open Graph tags. The prerender writes it into every page it renders; crawlers
//! and link previews read it without running the app.

use crate::content::page_data::{ListKind, PageData};
use crate::document::plain_text;
use crate::embed::escape_html as escape;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::{Listing, Route};
use crate::store::{PAGE_FILES_ATTR, PageFiles};

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
}

/// How long a description may be before it is cut at a word boundary (search results show
/// about this much).
const DESCRIPTION_CHARS: usize = 200;

/// The head of the page `route` shows, from its data (`None`: the not-found page).
pub fn page_head(route: &Route, data: Option<&PageData>) -> PageHead {
    let lang = route.lang().unwrap_or(Lang::Kk);
    let not_found = PageHead {
        lang,
        title: Msg::NotFoundHeading.text(lang).to_owned(),
        description: Msg::NotFoundText.text(lang).to_owned(),
        canonical: None,
        alternates: Vec::new(),
        og_type: "website",
        published: None,
    };
    match (route, data) {
        (Route::List { listing, .. }, Some(PageData::List(list))) => PageHead {
            lang,
            title: i18n::list_title(&list.kind, list.page, lang),
            description: match list.kind {
                ListKind::All => Msg::SiteTagline.text(lang).to_owned(),
                _ => i18n::list_heading(&list.kind, lang),
            },
            canonical: Some(route.path()),
            // A tag is a word of one language: its list has no counterpart in another.
            alternates: match listing {
                Listing::Tag(_) => Vec::new(),
                _ => Lang::ALL
                    .iter()
                    .map(|&l| (l, route.with_lang(l).path()))
                    .collect(),
            },
            og_type: "website",
            published: None,
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
                lang,
                title: article.meta.title.clone(),
                description: shorten(&lead, DESCRIPTION_CHARS),
                canonical: Some(route.path()),
                alternates: data
                    .languages
                    .iter()
                    .map(|&l| (l, route.with_lang(l).path()))
                    .collect(),
                og_type: "article",
                published: Some(article.meta.date.to_string()),
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

impl PageHead {
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
        match &self.canonical {
            Some(path) => {
                out.push(format!(r#"<link rel="canonical" href="{}">"#, url(path)));
                for (lang, path) in &self.alternates {
                    out.push(format!(
                        r#"<link rel="alternate" hreflang="{lang}" href="{}">"#,
                        url(path)
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
                    escape(&i18n::page_title(Msg::NewsHeading.text(self.lang))),
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

/// Puts a prerendered page into the built `index.html`: the page's language on `<html>`, its
/// head in place of the generic `<title>` and description, and its markup inside
/// `<div id="app">`. A page with data `files` (the page's own first) preloads its own, names
/// them all on the root (`data-cv-data`, read by the app) and is marked `data-prerendered` so
/// that the app hydrates it; without (the not-found page, whose language is the visitor's),
/// the app renders afresh. Fails, naming what is missing, on a template that lacks any of
/// these.
pub fn fill_template(
    template: &str,
    head: &PageHead,
    site: &str,
    body: &str,
    files: Option<&PageFiles>,
) -> Result<String, String> {
    let missing = |what: &str| format!("the built index.html has no {what}");
    let html_open = template
        .find("<html")
        .ok_or_else(|| missing("<html> tag"))?;
    let html_end = html_open
        + template[html_open..]
            .find('>')
            .ok_or_else(|| missing("end to its <html> tag"))?;
    let title = template.find("<title>").ok_or_else(|| missing("<title>"))?;
    let title_end = template[title..]
        .find("</title>")
        .map(|i| title + i + "</title>".len())
        .ok_or_else(|| missing("</title>"))?;
    let app = r#"<div id="app">"#;
    let app_open = template.find(app).ok_or_else(|| missing(app))?;
    let body_close = template
        .rfind("</body>")
        .ok_or_else(|| missing("</body>"))?;
    let app_close = template[..body_close]
        .rfind("</div>")
        .filter(|&i| i > app_open)
        .ok_or_else(|| missing(r#"closing tag for <div id="app">"#))?;
    // The generic description goes: the page's own replaces it.
    let generic = template[..title]
        .find(r#"<meta name="description""#)
        .and_then(|a| template[a..].find('>').map(|b| (a, a + b + 1)));
    let mut out = String::with_capacity(template.len() + body.len() + 2048);
    out.push_str(&template[..html_open]);
    out.push_str(&format!(r#"<html lang="{}">"#, head.lang));
    let mut rest_start = html_end + 1;
    if let Some((a, b)) = generic {
        // The generic description's whole line goes.
        out.push_str(template[rest_start..a].trim_end_matches([' ', '\t']));
        rest_start = b + usize::from(template[b..].starts_with('\n'));
    }
    out.push_str(template[rest_start..title].trim_end_matches([' ', '\t']));
    out.push_str("  ");
    out.push_str(&head.to_html(site));
    // The page's own data starts loading with the page, in parallel with the wasm; `crossorigin`
    // makes the preload match the app's `fetch` (same-origin credentials), so it is used.
    if let Some((_, own)) = files.and_then(|f| f.0.first()) {
        out.push_str(&format!(
            "\n  <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin>",
            escape(own)
        ));
    }
    out.push_str(&template[title_end..app_open]);
    match files {
        Some(files) => out.push_str(&format!(
            r#"<div id="app" data-prerendered {PAGE_FILES_ATTR}="{}">"#,
            escape(&files.to_attr())
        )),
        None => out.push_str(app),
    }
    out.push_str(body);
    out.push_str(&template[app_close..]);
    Ok(out)
}

/// Moves Trunk's inline start-up script (`<script type="module">…</script>`, which imports
/// the wasm-bindgen glue and starts the app) out of the page into a file, so that pages work
/// under a Content-Security-Policy without `'unsafe-inline'` scripts. Returns the page with
/// `<script type="module" src="…">` in its place, and the file's name and contents; `None`
/// when the page has no inline module script (already moved). The name carries a hash of the
/// contents, like Trunk's own files, so it may be cached for long.
pub fn extract_start_script(page: &str) -> Option<(String, String, String)> {
    let open = r#"<script type="module">"#;
    let start = page.find(open)?;
    let body_start = start + open.len();
    let end = body_start + page[body_start..].find("</script>")?;
    let script = page[body_start..end].trim().to_owned() + "\n";
    let name = hashed_name("start", &script);
    let tag = format!(
        r#"<script type="module" src="{}{name}"></script>"#,
        escape(&base_of(page))
    );
    let page = format!(
        "{}{tag}{}",
        &page[..start],
        &page[end + "</script>".len()..]
    );
    Some((page, name, script))
}

/// `<stem>-<hash of contents>.js`: a name that changes when the contents do, so the file may
/// be cached for long.
pub fn hashed_name(stem: &str, contents: &str) -> String {
    format!("{stem}-{:016x}.js", fnv1a(contents.as_bytes()))
}

/// The public URL prefix a built page names, in `<base href>` or, once [`replace_base`] has
/// run, in `<meta name="courtview-base">`; `/` when neither is there.
pub fn base_of(page: &str) -> String {
    ["<base href=\"", "<meta name=\"courtview-base\" content=\""]
        .iter()
        .find_map(|open| {
            let rest = &page[page.find(open)? + open.len()..];
            rest.find('"').map(|j| rest[..j].to_owned())
        })
        .unwrap_or_else(|| "/".to_owned())
}

/// Replaces the page's `<base href="X">` with `<meta name="courtview-base" content="X">`:
/// a strict Content-Security-Policy (`base-uri 'none'`) refuses any `<base>`, and the app
/// only needs X as its router's base path (Trunk's asset URLs are absolute already). Returns
/// the page and X (`/` when the page has no `<base>`).
pub fn replace_base(page: &str) -> (String, String) {
    let open = r#"<base href=""#;
    let Some(start) = page.find(open) else {
        return (page.to_owned(), "/".to_owned());
    };
    let rest = &page[start + open.len()..];
    let (Some(quote), Some(close)) = (rest.find('"'), rest.find('>')) else {
        return (page.to_owned(), "/".to_owned());
    };
    let base = rest[..quote].to_owned();
    let meta = format!(r#"<meta name="courtview-base" content="{base}">"#);
    let end = start + open.len() + close + 1;
    (format!("{}{meta}{}", &page[..start], &page[end..]), base)
}

/// The 64-bit FNV-1a hash: enough to tell file versions apart in a name.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The fallback script (`static/fallback.js`): shows the [`offline_notice`] when the app
/// cannot start.
pub const FALLBACK_JS: &str = include_str!("../static/fallback.js");

/// The notice a page carries after `<div id="app">`, hidden until `fallback.js` (the app could
/// not start) or the app's panic hook (it stopped) shows it; in `lang`, or in all three
/// languages for a page whose language is the visitor's.
pub fn offline_notice(lang: Option<Lang>) -> String {
    let text = match lang {
        Some(lang) => escape(Msg::AppUnavailable.text(lang)),
        None => Lang::ALL
            .iter()
            .map(|&l| {
                format!(
                    r#"<span lang="{l}">{}</span>"#,
                    escape(Msg::AppUnavailable.text(l))
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    format!(r#"<p id="cv-offline" class="cv-offline" role="alert" hidden>{text}</p>"#)
}

/// Adds the fallback script and the offline notice to a page: `<script defer src>` before
/// the app's start-up script (so its listeners are in place first) and the notice after
/// `<div id="app">…</div>`. `script_src` is the script's URL. Unchanged when either is already
/// there or the page lacks the places for them.
pub fn add_fallback(page: &str, script_src: &str, lang: Option<Lang>) -> String {
    if page.contains("id=\"cv-offline\"") {
        return page.to_owned();
    }
    let (Some(start), Some(body_close)) =
        (page.find(r#"<script type="module""#), page.rfind("</body>"))
    else {
        return page.to_owned();
    };
    let Some(app_close) = page[..body_close].rfind("</div>") else {
        return page.to_owned();
    };
    let app_close = app_close + "</div>".len();
    format!(
        "{}<script defer src=\"{}\"></script>\n{}\n  {}{}",
        &page[..start],
        escape(script_src),
        &page[start..app_close],
        offline_notice(lang),
        &page[app_close..]
    )
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
    fn template_gets_language_head_and_body() {
        let template = "<!doctype html>\n<html lang=\"kk\">\n<head>\n  <meta name=\"description\" content=\"generic\">\n  <title>courtview</title>\n  <base href=\"/\">\n</head>\n<body>\n  <div id=\"app\">\n    <noscript>x</noscript>\n  </div>\n</body>\n</html>\n";
        let route = Route::parse("/en/iaca-2025-dubai/");
        let data = article(Lang::En);
        let files = PageFiles(vec![
            (
                "/en/iaca-2025-dubai/".into(),
                "/data/0123456789abcdef.bin".into(),
            ),
            (
                "/kk/iaca-2025-dubai/".into(),
                "/data/fedcba9876543210.bin".into(),
            ),
        ]);
        let page = fill_template(
            template,
            &page_head(&route, Some(&data)),
            "https://h",
            "<p>body</p>",
            Some(&files),
        )
        .unwrap();
        assert!(page.contains("<html lang=\"en\">"));
        assert!(!page.contains("generic") && !page.contains("<noscript>"));
        assert!(page.contains(
            "<div id=\"app\" data-prerendered data-cv-data=\"/en/iaca-2025-dubai/ /data/0123456789abcdef.bin /kk/iaca-2025-dubai/ /data/fedcba9876543210.bin\"><p>body</p></div>\n</body>"
        ));
        assert!(page.contains(
            "<link rel=\"preload\" href=\"/data/0123456789abcdef.bin\" as=\"fetch\" crossorigin>"
        ));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://h/en/iaca-2025-dubai/\">"));
        assert!(page.contains("<base href=\"/\">"));
        let err = fill_template(
            "<html><body></body></html>",
            &page_head(&route, Some(&data)),
            "",
            "",
            None,
        );
        assert!(err.unwrap_err().contains("<title>"));
    }

    #[test]
    fn fallback_goes_before_the_app_and_the_notice_after() {
        let page = "<head><script type=\"module\" src=\"/s.js\"></script></head>\n<body>\n  <div id=\"app\"><p>x</p></div>\n</body>";
        let out = add_fallback(page, "/fallback-1.js", Some(Lang::Ru));
        let script = out
            .find("<script defer src=\"/fallback-1.js\"></script>")
            .unwrap();
        assert!(script < out.find("<script type=\"module\"").unwrap());
        let notice = out.find("id=\"cv-offline\"").unwrap();
        assert!(
            notice > out.find("<p>x</p></div>").unwrap() && notice < out.find("</body>").unwrap()
        );
        assert!(out.contains("Интерактивные функции недоступны"));
        assert_eq!(add_fallback(&out, "/f.js", None), out);
        assert_eq!(offline_notice(None).matches("<span lang=").count(), 3);
    }

    #[test]
    fn base_becomes_a_meta() {
        let (page, base) = replace_base("<head>\n  <base href=\"/cv/\">\n  <link>");
        assert_eq!(base, "/cv/");
        assert_eq!(
            page,
            "<head>\n  <meta name=\"courtview-base\" content=\"/cv/\">\n  <link>"
        );
        assert_eq!(replace_base("<head>").1, "/");
    }

    #[test]
    fn start_script_moves_to_a_file() {
        let page = "<head><base href=\"/cv/\">\n<script type=\"module\">\nimport init from '/cv/app.js';\nawait init();\n</script>\n</head>";
        let (out, name, script) = extract_start_script(page).unwrap();
        assert!(name.starts_with("start-") && name.ends_with(".js"));
        assert_eq!(script, "import init from '/cv/app.js';\nawait init();\n");
        assert!(out.contains(&format!(
            "<script type=\"module\" src=\"/cv/{name}\"></script>"
        )));
        assert!(!out.contains("await init"));
        assert!(extract_start_script(&out).is_none());
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

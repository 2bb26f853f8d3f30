//! What feed readers and crawlers read: an Atom 1.0 feed per language (the latest
//! [`FEED_SIZE`] articles), `sitemap.xml` (every page, with its language alternates) and
//! `robots.txt` (which names the sitemap).

use crate::content::Catalog;
use crate::content::page_data::ListItem;
use crate::embed::escape_html;
use crate::head::PageHead;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::Route;

/// `text` escaped for XML, with the characters XML 1.0 forbids (C0 controls but tab and line
/// ends, lone surrogates cannot occur in a `str`, U+FFFE and U+FFFF) as U+FFFD: an article may
/// hold any of them, and one would make the whole feed unreadable.
fn escape(text: &str) -> String {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        return escape_html(text);
    }
    let clean: String = text
        .chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect();
    escape_html(&clean)
}

/// Articles in a feed.
pub const FEED_SIZE: usize = 50;

/// The path of the feed of `lang`.
pub fn feed_path(lang: Lang) -> String {
    format!("/{lang}/feed.xml")
}

/// The Atom feed of `lang`: the latest [`FEED_SIZE`] articles as a reader of `lang` sees them
/// listed (that language's version, else the nearest), each linking to its page and to its
/// versions in the other languages.
pub fn atom(catalog: &Catalog, lang: Lang, site: &str) -> String {
    let site = site.trim_end_matches('/');
    let url = |path: &str| escape(&format!("{site}{path}"));
    let entries: Vec<_> = catalog
        .entries()
        .iter()
        .filter_map(|e| e.resolve(lang).ok().map(|r| (e, r.article)))
        .take(FEED_SIZE)
        .collect();
    let updated = entries
        .first()
        .map(|(_, a)| a.meta.date.to_string())
        .unwrap_or_else(|| "2025-01-01".to_owned());
    let title = i18n::page_title(Msg::NewsHeading.text(lang));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         \x20 <id>{list}</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <subtitle>{subtitle}</subtitle>\n\
         \x20 <updated>{updated}T00:00:00Z</updated>\n\
         \x20 <author><name>{author}</name></author>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{me}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{list}\"/>\n",
        list = url(&Route::list(lang).path()),
        title = escape(&title),
        subtitle = escape(Msg::SiteTagline.text(lang)),
        author = escape(Msg::SiteName.text(lang)),
        me = url(&feed_path(lang)),
    );
    for other in Lang::ALL.into_iter().filter(|&l| l != lang) {
        out.push_str(&format!(
            "  <link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"{other}\" href=\"{}\"/>\n",
            url(&feed_path(other))
        ));
    }
    for (entry, article) in entries {
        let item = ListItem::of(article);
        let page = Route::Article {
            lang,
            slug: entry.slug.clone(),
        };
        let date = format!("{}T00:00:00Z", item.date);
        out.push_str(&format!(
            "  <entry xml:lang=\"{}\">\n\
             \x20   <id>{id}</id>\n\
             \x20   <title>{}</title>\n\
             \x20   <published>{date}</published>\n\
             \x20   <updated>{date}</updated>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{id}\"/>\n",
            item.lang,
            escape(&item.title),
            item.lang,
            id = url(&page.path()),
        ));
        for other in entry.languages().filter(|&l| l != item.lang) {
            out.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" hreflang=\"{other}\" href=\"{}\"/>\n",
                url(&page.with_lang(other).path())
            ));
        }
        if let Some(source) = &article.meta.source {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(source)
            ));
        }
        if let Some(lead) = &item.lead {
            out.push_str(&format!("    <summary>{}</summary>\n", escape(lead)));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// `sitemap.xml`: every page that has a canonical address (the heads the site generator wrote,
/// Latin twins included), each with its language alternates (`xhtml:link`, as search engines
/// read them; Kazakh as `kk` and `kk-Latn`).
pub fn sitemap(heads: &[PageHead], site: &str) -> String {
    let site = site.trim_end_matches('/');
    let url = |path: &str| escape(&format!("{site}{path}"));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for head in heads {
        let Some(path) = head.address() else {
            continue;
        };
        out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", url(&path)));
        if let Some(date) = &head.published {
            out.push_str(&format!("    <lastmod>{}</lastmod>\n", escape(date)));
        }
        for (tag, alternate) in head.alternate_links() {
            out.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\"/>\n",
                url(&alternate)
            ));
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: every page may be crawled; the sitemap is named.
pub fn robots(site: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        site.trim_end_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feed_names_its_languages_and_escapes() {
        let catalog = crate::site::annotated(Catalog::shipped().clone());
        let feed = atom(&catalog, Lang::Ru, "https://h/cv/");
        assert!(feed.starts_with("<?xml"));
        assert!(feed.contains("<id>https://h/cv/ru/</id>"));
        assert!(feed.contains("href=\"https://h/cv/ru/iaca-2025-dubai/\""));
        assert!(feed.contains("hreflang=\"kk\" href=\"https://h/cv/kk/iaca-2025-dubai/\""));
        assert!(feed.contains("hreflang=\"en\" href=\"https://h/cv/en/feed.xml\""));
        assert_eq!(
            feed.matches("<entry").count(),
            catalog.entries().len().min(FEED_SIZE)
        );
        assert!(!feed.contains("<script"));
        assert_eq!(escape("a\u{0}b\u{1b}c\td&"), "a\u{FFFD}b\u{FFFD}c\td&amp;");
    }

    #[test]
    fn sitemap_and_robots() {
        let head = PageHead {
            lang: Lang::Kk,
            title: "a & b".into(),
            description: String::new(),
            canonical: Some("/kk/a/".into()),
            alternates: vec![(Lang::Kk, "/kk/a/".into()), (Lang::Ru, "/ru/a/".into())],
            og_type: "article",
            published: Some("2025-11-19".into()),
            script: crate::script::Script::Cyrl,
        };
        let latin = head.clone().in_script(crate::script::Script::Latn);
        let map = sitemap(&[head, latin], "https://h");
        assert!(map.contains("<loc>https://h/kk/a/</loc>"));
        assert!(map.contains("<loc>https://h/kk/a/?script=latn</loc>"));
        assert!(map.contains("hreflang=\"ru\" href=\"https://h/ru/a/\""));
        // Each page names the Latin twin beside the Cyrillic Kazakh.
        assert_eq!(
            map.matches("hreflang=\"kk-Latn\" href=\"https://h/kk/a/?script=latn\"")
                .count(),
            2
        );
        assert!(map.contains("<lastmod>2025-11-19</lastmod>"));
        assert!(robots("https://h/").ends_with("Sitemap: https://h/sitemap.xml\n"));
    }
}

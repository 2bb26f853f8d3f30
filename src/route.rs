//! The app's routes as plain data: parsing a path and writing one back.
//!
//! Pure, so it is tested natively; `ui::nav` reads the browser's address into it. Paths here
//! are relative to the public URL prefix (`ui::nav` strips it), so the app works under a
//! partner's `/courtview/` as well as at `/`.
//!
//! `/embed/<lang>/<slug>/` is the same article without the site around it, for partners'
//! iframes; `embed` can never be a language tag, so it cannot shadow a list or an article.
//! Lists are `/<lang>/`, `/<lang>/<year>/` and `/<lang>/tags/<tag>/`, each followed by
//! `page/<n>/` from page 2 on; article slugs never take a year's or these words' place
//! ([`is_article_slug`]).

use crate::content::{is_article_slug, is_valid_slug};
use crate::lang::Lang;

/// The segment before a list's page number.
const PAGE: &str = "page";
/// The segment before a tag.
const TAGS: &str = "tags";
/// The segment of the entity pages.
const ENTITIES: &str = "entities";

/// Which articles a list page shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Listing {
    /// Every article.
    All,
    /// The articles of a year.
    Year(u16),
    /// The articles with a tag, by its URL segment (`content::page_data::tag_slug`).
    Tag(String),
    /// The articles that name an entity of the knowledge base, by its id: the entity's page.
    Entity(String),
}

/// The segment of the search page.
const SEARCH: &str = "search";

/// The first path segment of the embed view.
const EMBED: &str = "embed";

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: sends the visitor on to their language's list.
    Root,
    /// `/<lang>/`, `/<lang>/page/<n>/`, `/<lang>/<year>/`, `/<lang>/tags/<tag>/`: a page of
    /// an article list.
    List {
        /// The list's language.
        lang: Lang,
        /// Which articles.
        listing: Listing,
        /// The page, from 1.
        page: u32,
    },
    /// `/<lang>/entities/`: every entity of the knowledge base, by type, with how many
    /// articles name it.
    Entities {
        /// The page's language.
        lang: Lang,
    },
    /// `/<lang>/search/`: the search page; what it searches for is in the query
    /// ([`SearchQuery`]).
    Search {
        /// The page's language, whose articles are searched first.
        lang: Lang,
    },
    /// `/<lang>/<slug>/`: an article.
    Article {
        /// The language asked for.
        lang: Lang,
        /// The article's slug (known to be slug-shaped; maybe not an existing article).
        slug: String,
    },
    /// `/embed/<lang>/<slug>/`: an article alone, for an iframe on a partner's page.
    Embed {
        /// The language asked for.
        lang: Lang,
        /// The article's slug (known to be slug-shaped; maybe not an existing article).
        slug: String,
    },
    /// Anything else. `lang` is the language the path names, if its first segment is one, so
    /// that the not-found page speaks it.
    NotFound {
        /// The language named by the path, if any.
        lang: Option<Lang>,
    },
}

impl Route {
    /// Reads a path such as `/ru/iaca-2025-dubai/` (a missing trailing slash, repeated
    /// slashes and `index.html` are tolerated).
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if segments.last() == Some(&"index.html") {
            segments.pop();
        }
        if segments.first() == Some(&EMBED) {
            let lang = segments.get(1).and_then(|s| Lang::from_tag(s));
            return match (&segments[1..], lang) {
                ([_, slug], Some(lang)) if is_article_slug(slug) => Route::Embed {
                    lang,
                    slug: (*slug).to_owned(),
                },
                _ => Route::NotFound { lang },
            };
        }
        let lang = segments.first().and_then(|s| Lang::from_tag(s));
        let Some(lang) = lang else {
            return match segments.as_slice() {
                [] => Route::Root,
                _ => Route::NotFound { lang: None },
            };
        };
        // A list's page number comes last: `…/page/<n>/`, n ≥ 2 (page 1 has no suffix).
        let (rest, page) = match &segments[1..] {
            [rest @ .., PAGE, n] => match page_number(n) {
                Some(page) => (rest, page),
                None => return Route::NotFound { lang: Some(lang) },
            },
            rest => (rest, 1),
        };
        let list = |listing| Route::List {
            lang,
            listing,
            page,
        };
        match rest {
            [] => list(Listing::All),
            [year] if year_of(year).is_some() => list(Listing::Year(year_of(year).unwrap_or(0))),
            [TAGS, tag] => match decode_tag(tag) {
                Some(tag) => list(Listing::Tag(tag)),
                None => Route::NotFound { lang: Some(lang) },
            },
            [ENTITIES] if page == 1 => Route::Entities { lang },
            [SEARCH] if page == 1 => Route::Search { lang },
            // Entity ids follow the slug rule (the knowledge base's compiler checks them by it).
            [ENTITIES, id] if is_valid_slug(id) => list(Listing::Entity((*id).to_owned())),
            [slug] if page == 1 && is_article_slug(slug) => Route::Article {
                lang,
                slug: (*slug).to_owned(),
            },
            _ => Route::NotFound { lang: Some(lang) },
        }
    }

    /// The first page of every article in `lang`: `/<lang>/`.
    pub fn list(lang: Lang) -> Route {
        Route::List {
            lang,
            listing: Listing::All,
            page: 1,
        }
    }

    /// The path of this route (for `NotFound`, a path that parses back to it).
    pub fn path(&self) -> String {
        match self {
            Route::Root => "/".to_owned(),
            Route::List {
                lang,
                listing,
                page,
            } => {
                let mut path = match listing {
                    Listing::All => format!("/{lang}/"),
                    Listing::Year(year) => format!("/{lang}/{year}/"),
                    Listing::Tag(tag) => format!("/{lang}/{TAGS}/{tag}/"),
                    Listing::Entity(id) => format!("/{lang}/{ENTITIES}/{id}/"),
                };
                if *page > 1 {
                    path.push_str(&format!("{PAGE}/{page}/"));
                }
                path
            }
            Route::Entities { lang } => format!("/{lang}/{ENTITIES}/"),
            Route::Search { lang } => format!("/{lang}/{SEARCH}/"),
            Route::Article { lang, slug } => format!("/{lang}/{slug}/"),
            Route::Embed { lang, slug } => format!("/{EMBED}/{lang}/{slug}/"),
            Route::NotFound { lang: Some(lang) } => format!("/{lang}/404/not-found/"),
            Route::NotFound { lang: None } => "/404/".to_owned(),
        }
    }

    /// Whether this is the embed view, which shows no site header or footer and stores
    /// nothing in the browser.
    pub fn is_embed(&self) -> bool {
        matches!(self, Route::Embed { .. })
    }

    /// The language this route names, if any.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Route::Root | Route::NotFound { lang: None } => None,
            Route::List { lang, .. }
            | Route::Entities { lang }
            | Route::Search { lang }
            | Route::Article { lang, .. }
            | Route::Embed { lang, .. } => Some(*lang),
            Route::NotFound { lang: Some(lang) } => Some(*lang),
        }
    }

    /// The same page in another language: what the language switcher links to.
    pub fn with_lang(&self, lang: Lang) -> Route {
        match self {
            Route::Article { slug, .. } => Route::Article {
                lang,
                slug: slug.clone(),
            },
            Route::Embed { slug, .. } => Route::Embed {
                lang,
                slug: slug.clone(),
            },
            Route::NotFound { .. } => Route::NotFound { lang: Some(lang) },
            Route::Entities { .. } => Route::Entities { lang },
            Route::Search { .. } => Route::Search { lang },
            // An entity has its page in every language; its first page, as the pages of the
            // other language may count differently (a translation may not name it).
            Route::List {
                listing: listing @ Listing::Entity(_),
                ..
            } => Route::List {
                lang,
                listing: listing.clone(),
                page: 1,
            },
            // Every article is listed in every language (in the nearest one where it lacks a
            // version), so a page of all articles or of a year lists the same articles in the
            // other language. A tag is a word of one language: its list has no counterpart,
            // and the other language's full list stands in.
            Route::List {
                listing: listing @ (Listing::All | Listing::Year(_)),
                page,
                ..
            } => Route::List {
                lang,
                listing: listing.clone(),
                page: *page,
            },
            Route::Root | Route::List { .. } => Route::list(lang),
        }
    }

    /// Whether the page needs its data file to be shown (an article or a list), as opposed
    /// to pages made of interface text alone.
    pub fn needs_data(&self) -> bool {
        matches!(
            self,
            Route::List { .. }
                | Route::Entities { .. }
                | Route::Article { .. }
                | Route::Embed { .. }
        )
    }
}

/// What the search page searches for: `?q=<text>`, and `&all=1` for every language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// The query as typed.
    pub text: String,
    /// Search all three languages, the page's first.
    pub all: bool,
}

impl SearchQuery {
    /// Reads a search page's query string (with or without its `?`). Of a key given twice,
    /// the last wins; other keys are ignored.
    pub fn parse(query: &str) -> SearchQuery {
        let mut out = SearchQuery::default();
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "q" => out.text = value,
                "all" => out.all = matches!(value.trim(), "1" | "true" | "on" | "yes"),
                _ => {}
            }
        }
        out
    }

    /// The query string that [`SearchQuery::parse`] reads back (`?q=…&all=1`), empty when
    /// there is nothing to say.
    pub fn to_query(&self) -> String {
        let mut out = String::new();
        if !self.text.is_empty() {
            out.push_str("?q=");
            out.push_str(&percent_encode(&self.text));
        }
        if self.all {
            out.push_str(if out.is_empty() { "?all=1" } else { "&all=1" });
        }
        out
    }
}

/// The key and value of each `key=value` of a query string (with or without its `?`, up to
/// any `#`), percent-decoded, in order.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or("");
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(key), percent_decode(value))
    })
}

/// Decodes `%XX` escapes and `+` (a space, as forms write it). A broken escape stays as it
/// is, and bytes that are not UTF-8 become U+FFFD: a query is never an error.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query value as a form would: letters, digits and `-_.~` as they are, a space
/// as `+`, every other byte as `%XX`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char);
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A page number of `…/page/<n>/`: 2 or more, digits only, no leading zero.
fn page_number(segment: &str) -> Option<u32> {
    let n: u32 = segment.parse().ok()?;
    (n >= 2 && !segment.starts_with('0') && segment.bytes().all(|b| b.is_ascii_digit()))
        .then_some(n)
}

/// A year segment: four digits from 1900 to 2099.
fn year_of(segment: &str) -> Option<u16> {
    let year: u16 = segment.parse().ok()?;
    (segment.len() == 4
        && segment.bytes().all(|b| b.is_ascii_digit())
        && (1900..2100).contains(&year))
    .then_some(year)
}

/// A tag segment as the browser hands it over (percent-encoded UTF-8), decoded; `None` unless
/// it has the shape of a tag's own URL form ([`tag_slug`](crate::content::page_data::tag_slug)),
/// so that a tag has one address.
fn decode_tag(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let tag = String::from_utf8(out).ok()?;
    (tag.len() <= 200 && is_slug_shaped(&tag)).then_some(tag)
}

/// Whether `tag` looks like what `tag_slug` writes: words joined by single hyphens, with no
/// space, no ASCII punctuation, no general punctuation (U+2000–U+206F), none of Latin-1's
/// signs (its letters and digits `ª ² ³ µ ¹ º ¼ ½ ¾` kept, as `tag_slug` keeps them) and no
/// capital of the Latin or Cyrillic alphabets. Not `tag_slug` itself, whose Unicode case and
/// letter tables would add some 5 KB of gzipped wasm to every page: a segment that passes here
/// but is no tag's slug has no page, so the reader gets the not-found page all the same.
fn is_slug_shaped(tag: &str) -> bool {
    tag.split('-').all(|word| {
        !word.is_empty()
            && word.chars().all(|c| {
                if c.is_ascii() {
                    c.is_ascii_lowercase() || c.is_ascii_digit()
                } else {
                    !crate::script::is_capital(c)
                        && !('\u{2000}'..='\u{206F}').contains(&c)
                        && (!('\u{0080}'..='\u{00BF}').contains(&c)
                            || matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾'))
                        && c != '×'
                        && c != '÷'
                }
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_escapes_stay_and_bad_bytes_are_replaced() {
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz%"), "%zz%");
        assert_eq!(percent_decode("%D0%B4+x"), "д x");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }

    #[test]
    fn the_search_page_and_its_query() {
        assert_eq!(
            Route::parse("/ru/search/"),
            Route::Search { lang: Lang::Ru }
        );
        assert_eq!(Route::Search { lang: Lang::Kk }.path(), "/kk/search/");
        assert_eq!(
            Route::Search { lang: Lang::Kk }.with_lang(Lang::En),
            Route::Search { lang: Lang::En }
        );
        assert!(!Route::Search { lang: Lang::Kk }.needs_data());
        assert!(matches!(
            Route::parse("/ru/search/page/2/"),
            Route::NotFound { .. }
        ));
        let q = SearchQuery::parse(
            "?q=%22%D0%B6%D0%BE%D2%93%D0%B0%D1%80%D2%93%D1%8B+%D1%81%D0%BE%D1%82%22&all=1",
        );
        assert_eq!(q.text, "\"жоғарғы сот\"");
        assert!(q.all);
        assert_eq!(SearchQuery::parse(&q.to_query()), q);
        assert_eq!(SearchQuery::default().to_query(), "");
        let odd = SearchQuery {
            text: "a&b=c #d+e%".into(),
            all: false,
        };
        assert_eq!(odd.to_query(), "?q=a%26b%3Dc+%23d%2Be%25");
        assert_eq!(SearchQuery::parse(&odd.to_query()), odd);
    }

    #[test]
    fn parses_the_contracted_routes() {
        assert_eq!(Route::parse("/"), Route::Root);
        assert_eq!(Route::parse(""), Route::Root);
        assert_eq!(Route::parse("/index.html"), Route::Root);
        assert_eq!(Route::parse("/ru/"), Route::list(Lang::Ru));
        assert_eq!(Route::parse("/ru"), Route::list(Lang::Ru));
        let article = Route::Article {
            lang: Lang::Kk,
            slug: "iaca-2025-dubai".into(),
        };
        assert_eq!(Route::parse("/kk/iaca-2025-dubai/"), article);
        assert_eq!(Route::parse("/kk/iaca-2025-dubai"), article);
        assert_eq!(Route::parse("//kk//iaca-2025-dubai/?x=1#p-3"), article);
        assert_eq!(Route::parse("/de/"), Route::NotFound { lang: None });
        assert_eq!(
            Route::parse("/ru/Bad_Slug/"),
            Route::NotFound {
                lang: Some(Lang::Ru)
            }
        );
        assert_eq!(
            Route::parse("/ru/a/b/"),
            Route::NotFound {
                lang: Some(Lang::Ru)
            }
        );
        assert_eq!(
            Route::parse("/%3Cscript%3E/"),
            Route::NotFound { lang: None }
        );
    }

    #[test]
    fn odd_paths_are_not_found_in_the_language_they_name() {
        // What the browser hands over is still percent-encoded: invalid UTF-8 escapes, NUL
        // and junk are plain ASCII text here, never decoded, so they cannot fail to decode.
        for (path, lang) in [
            ("/%C3%28/", None),
            ("/kk/%C3%28/", Some(Lang::Kk)),
            ("/%00/", None),
            ("/ru/iaca-2025-dubai%00/", Some(Lang::Ru)),
            ("/xx/iaca-2025-dubai/", None),
            ("/KK/", None),
            ("/en/\u{0}/", Some(Lang::En)),
            ("/%2e%2e/%2e%2e/etc/passwd", None),
        ] {
            assert_eq!(Route::parse(path), Route::NotFound { lang }, "{path}");
        }
        // A 10 KB path: too long for a slug, so not found, in the language it names.
        let long = format!("/kk/{}/", "a".repeat(10_000));
        assert_eq!(
            Route::parse(&long),
            Route::NotFound {
                lang: Some(Lang::Kk)
            }
        );
        let junk = format!("/{}/", "%C3%28".repeat(1_500));
        assert_eq!(Route::parse(&junk), Route::NotFound { lang: None });
        // A query or fragment never changes the page.
        let query = format!("/ru/a/?{}#%C3%28", "q=x&".repeat(2_500));
        assert_eq!(Route::parse(&query).path(), "/ru/a/");
    }

    #[test]
    fn paths_round_trip() {
        for route in [
            Route::Root,
            Route::list(Lang::En),
            Route::List {
                lang: Lang::Kk,
                listing: Listing::All,
                page: 3,
            },
            Route::List {
                lang: Lang::Ru,
                listing: Listing::Year(2025),
                page: 1,
            },
            Route::List {
                lang: Lang::Ru,
                listing: Listing::Year(2024),
                page: 12,
            },
            Route::List {
                lang: Lang::Kk,
                listing: Listing::Tag("халықаралық-ынтымақтастық".into()),
                page: 2,
            },
            Route::Article {
                lang: Lang::Ru,
                slug: "a-b".into(),
            },
            Route::Embed {
                lang: Lang::Kk,
                slug: "iaca-2025-dubai".into(),
            },
            Route::NotFound {
                lang: Some(Lang::Kk),
            },
            Route::NotFound { lang: None },
        ] {
            assert_eq!(Route::parse(&route.path()), route, "{}", route.path());
        }
    }

    #[test]
    fn every_tag_slug_has_a_route() {
        use crate::content::Catalog;
        use crate::content::page_data::tag_slug;
        let shipped = Catalog::shipped();
        let tags = shipped
            .entries()
            .iter()
            .flat_map(|e| Lang::ALL.map(|lang| e.version(lang).cloned()))
            .flat_map(|v| {
                v.and_then(Result::ok)
                    .map(|a| a.meta.tags)
                    .unwrap_or_default()
            });
        let odd = [
            "Халықаралық ынтымақтастық",
            "ХСӘҚ",
            "Ёлка ЪЬ",
            " AI / courts ",
            "Élan vital",
            "2025 — IACA",
            "Σύνταγμα",
            "m²",
            "µg",
            "½ ставки",
        ]
        .map(String::from);
        for tag in tags.chain(odd) {
            let slug = tag_slug(&tag).unwrap();
            let path = format!("/kk/tags/{}/", percent_encode(&slug));
            assert_eq!(
                Route::parse(&path),
                Route::List {
                    lang: Lang::Kk,
                    listing: Listing::Tag(slug),
                    page: 1
                },
                "{tag}"
            );
        }
    }

    #[test]
    fn lists_have_pages_years_and_tags() {
        let kk = |listing, page| Route::List {
            lang: Lang::Kk,
            listing,
            page,
        };
        assert_eq!(Route::parse("/kk/page/2/"), kk(Listing::All, 2));
        assert_eq!(Route::parse("/kk/2025/"), kk(Listing::Year(2025), 1));
        assert_eq!(Route::parse("/kk/2025/page/3"), kk(Listing::Year(2025), 3));
        assert_eq!(
            Route::parse("/kk/tags/%D1%85%D1%81%D3%99%D2%9B/"),
            kk(Listing::Tag("хсәқ".into()), 1)
        );
        assert_eq!(
            Route::parse("/kk/tags/хсәқ/page/2/"),
            kk(Listing::Tag("хсәқ".into()), 2)
        );
        for bad in [
            "/kk/page/1/",
            "/kk/page/0/",
            "/kk/page/02/",
            "/kk/page/x/",
            "/kk/page/",
            "/kk/tags/",
            "/kk/tags/ХСӘҚ/",
            "/kk/tags/%C3%28/",
            "/kk/tags/a%2Fb/",
            "/kk/tags/a--b/",
            "/kk/tags/-a/",
            "/kk/tags/a%20b/",
            "/kk/tags/Courts/",
            "/kk/tags/a%E2%80%94b/",
            "/kk/iaca-2025-dubai/page/2/",
            "/kk/3000/",
        ] {
            assert_eq!(
                Route::parse(bad),
                Route::NotFound {
                    lang: Some(Lang::Kk)
                },
                "{bad}"
            );
        }
        assert_eq!(
            kk(Listing::Year(2025), 2).with_lang(Lang::Ru).path(),
            "/ru/2025/page/2/"
        );
        assert_eq!(
            kk(Listing::Tag("хсәқ".into()), 2)
                .with_lang(Lang::En)
                .path(),
            "/en/"
        );
        assert!(kk(Listing::All, 1).needs_data() && !Route::Root.needs_data());
    }

    #[test]
    fn entities_have_an_index_and_a_paginated_page_each() {
        let entity = |page| Route::List {
            lang: Lang::Ru,
            listing: Listing::Entity("kazakhstan".into()),
            page,
        };
        assert_eq!(
            Route::parse("/ru/entities/"),
            Route::Entities { lang: Lang::Ru }
        );
        assert_eq!(Route::parse("/ru/entities/kazakhstan/"), entity(1));
        assert_eq!(Route::parse("/ru/entities/kazakhstan/page/2/"), entity(2));
        assert_eq!(entity(2).path(), "/ru/entities/kazakhstan/page/2/");
        assert_eq!(Route::Entities { lang: Lang::Kk }.path(), "/kk/entities/");
        // The other language's page of an entity starts at its first page.
        assert_eq!(
            entity(2).with_lang(Lang::En).path(),
            "/en/entities/kazakhstan/"
        );
        assert_eq!(
            Route::Entities { lang: Lang::Kk }
                .with_lang(Lang::En)
                .path(),
            "/en/entities/"
        );
        assert!(Route::Entities { lang: Lang::Kk }.needs_data());
        for bad in [
            "/ru/entities/page/2/",
            "/ru/entities/Kazakhstan/",
            "/ru/entities/a_b/",
            "/ru/entities/a/b/",
        ] {
            assert_eq!(
                Route::parse(bad),
                Route::NotFound {
                    lang: Some(Lang::Ru)
                },
                "{bad}"
            );
        }
    }

    #[test]
    fn switching_language_keeps_the_page() {
        let a = Route::Article {
            lang: Lang::Kk,
            slug: "x".into(),
        };
        assert_eq!(a.with_lang(Lang::Ru).path(), "/ru/x/");
        assert_eq!(Route::Root.with_lang(Lang::En).path(), "/en/");
        let embed = Route::Embed {
            lang: Lang::Kk,
            slug: "x".into(),
        };
        assert_eq!(embed.with_lang(Lang::En).path(), "/embed/en/x/");
        assert!(embed.with_lang(Lang::Ru).is_embed());
    }

    #[test]
    fn parses_the_embed_view() {
        let embed = Route::Embed {
            lang: Lang::Ru,
            slug: "iaca-2025-dubai".into(),
        };
        assert_eq!(Route::parse("/embed/ru/iaca-2025-dubai/"), embed);
        assert_eq!(Route::parse("/embed/ru/iaca-2025-dubai"), embed);
        assert_eq!(
            Route::parse("/embed/ru/iaca-2025-dubai/?types=person&theme=dark#p-2"),
            embed
        );
        assert_eq!(Route::parse("/embed/ru/iaca-2025-dubai/index.html"), embed);
        assert_eq!(embed.path(), "/embed/ru/iaca-2025-dubai/");
        assert_eq!(embed.lang(), Some(Lang::Ru));
        assert!(embed.is_embed());
        // Anything else under /embed/ is not found, in the language it names if any.
        assert_eq!(Route::parse("/embed/"), Route::NotFound { lang: None });
        assert_eq!(
            Route::parse("/embed/ru/"),
            Route::NotFound {
                lang: Some(Lang::Ru)
            }
        );
        assert_eq!(
            Route::parse("/embed/ru/Bad_Slug/"),
            Route::NotFound {
                lang: Some(Lang::Ru)
            }
        );
        assert_eq!(
            Route::parse("/embed/de/iaca-2025-dubai/"),
            Route::NotFound { lang: None }
        );
        assert_eq!(
            Route::parse("/embed/en/a/b/"),
            Route::NotFound {
                lang: Some(Lang::En)
            }
        );
        // A language's article called "embed" is still an article.
        assert_eq!(
            Route::parse("/kk/embed/"),
            Route::Article {
                lang: Lang::Kk,
                slug: "embed".into()
            }
        );
        assert!(!Route::parse("/kk/embed/").is_embed());
    }
}

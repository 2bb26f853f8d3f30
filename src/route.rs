//! The app's routes as plain data: parsing a path and writing one back.
//!
//! Kept free of yew-router so it is tested natively; `ui::app` adapts it to yew-router's
//! `Routable`. Paths here are relative to the public URL prefix (yew-router strips it), so the
//! app works under a partner's `/courtview/` as well as at `/`.
//!
//! `/embed/<lang>/<slug>/` is the same article without the site around it, for partners'
//! iframes; `embed` can never be a language tag, so it cannot shadow a list or an article.

use crate::content::is_valid_slug;
use crate::lang::Lang;

/// The first path segment of the embed view.
const EMBED: &str = "embed";

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: sends the visitor on to their language's list.
    Root,
    /// `/<lang>/`: the article list.
    List {
        /// The list's language.
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
                ([_, slug], Some(lang)) if is_valid_slug(slug) => Route::Embed {
                    lang,
                    slug: (*slug).to_owned(),
                },
                _ => Route::NotFound { lang },
            };
        }
        let lang = segments.first().and_then(|s| Lang::from_tag(s));
        match (segments.as_slice(), lang) {
            ([], _) => Route::Root,
            ([_], Some(lang)) => Route::List { lang },
            ([_, slug], Some(lang)) if is_valid_slug(slug) => Route::Article {
                lang,
                slug: (*slug).to_owned(),
            },
            _ => Route::NotFound { lang },
        }
    }

    /// The path of this route (for `NotFound`, a path that parses back to it).
    pub fn path(&self) -> String {
        match self {
            Route::Root => "/".to_owned(),
            Route::List { lang } => format!("/{lang}/"),
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
            Route::List { lang } | Route::Article { lang, .. } | Route::Embed { lang, .. } => {
                Some(*lang)
            }
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
            Route::Root | Route::List { .. } => Route::List { lang },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_contracted_routes() {
        assert_eq!(Route::parse("/"), Route::Root);
        assert_eq!(Route::parse(""), Route::Root);
        assert_eq!(Route::parse("/index.html"), Route::Root);
        assert_eq!(Route::parse("/ru/"), Route::List { lang: Lang::Ru });
        assert_eq!(Route::parse("/ru"), Route::List { lang: Lang::Ru });
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
            Route::List { lang: Lang::En },
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

//! The app's routes as plain data: parsing a path and writing one back.
//!
//! Kept free of yew-router so it is tested natively; `ui::app` adapts it to yew-router's
//! `Routable`. Paths here are relative to the public URL prefix (yew-router strips it), so the
//! app works under a partner's `/courtview/` as well as at `/`.

use crate::content::is_valid_slug;
use crate::lang::Lang;

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
            Route::NotFound { lang: Some(lang) } => format!("/{lang}/404/not-found/"),
            Route::NotFound { lang: None } => "/404/".to_owned(),
        }
    }

    /// The language this route names, if any.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Route::Root | Route::NotFound { lang: None } => None,
            Route::List { lang } | Route::Article { lang, .. } => Some(*lang),
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
    fn paths_round_trip() {
        for route in [
            Route::Root,
            Route::List { lang: Lang::En },
            Route::Article {
                lang: Lang::Ru,
                slug: "a-b".into(),
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
    }
}

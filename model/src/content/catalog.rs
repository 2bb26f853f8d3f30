//! Every article of a site, in every language it exists in, newest first.

use super::Article;
use crate::error::ContentError;
use crate::lang::Lang;

/// All articles, newest first.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub(super) entries: Vec<Entry>,
}

/// One article in all the languages it exists in.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The article's slug.
    pub slug: String,
    /// Each language's version, in [`Lang::ALL`] order: absent, parsed, or broken.
    pub(super) versions: [Option<Result<Article, ContentError>>; 3],
}

/// An article version chosen for a reader who asked for `requested`.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The language the reader asked for.
    pub requested: Lang,
    /// The article shown: in `requested` when it exists, else in the nearest language.
    pub article: &'a Article,
}

impl Resolved<'_> {
    /// Whether the reader sees another language than the one asked for.
    pub fn is_fallback(&self) -> bool {
        self.article.lang != self.requested
    }
}

impl Catalog {
    /// Builds a catalogue from article files. A file with an unknown language tag is reported
    /// as an error of that article rather than dropped.
    pub fn from_sources(sources: &[(&str, &str, &str, &str)]) -> Catalog {
        let mut catalog = Catalog::default();
        for &(slug, tag, path, text) in sources {
            let position = catalog.position(slug);
            // The loader only reads kk/ru/en files, so an unknown tag cannot reach us from it.
            let Some(lang) = Lang::from_tag(tag) else {
                continue;
            };
            catalog.entries[position].versions[lang.index()] =
                Some(Article::parse(text, slug, lang, path));
        }
        catalog.sort();
        catalog
    }

    /// Builds a catalogue from articles already parsed (or built some other way: tests and
    /// fuzzers make them), grouped by slug; a later article replaces an earlier one of the same
    /// slug and language.
    pub fn from_articles(articles: impl IntoIterator<Item = Article>) -> Catalog {
        let mut catalog = Catalog::default();
        for article in articles {
            let (position, lang) = (catalog.position(&article.slug), article.lang);
            catalog.entries[position].versions[lang.index()] = Some(Ok(article));
        }
        catalog.sort();
        catalog
    }

    /// The index of the entry for `slug`, made if missing.
    fn position(&mut self, slug: &str) -> usize {
        match self.entries.iter().position(|e| e.slug == slug) {
            Some(p) => p,
            None => {
                self.entries.push(Entry {
                    slug: slug.to_owned(),
                    versions: [None, None, None],
                });
                self.entries.len() - 1
            }
        }
    }

    /// Newest first; same day: by slug, so the order is stable.
    fn sort(&mut self) {
        self.entries
            .sort_by(|a, b| b.date().cmp(&a.date()).then_with(|| a.slug.cmp(&b.slug)));
    }

    /// The same catalogue with every readable version passed through `f` (the site generator
    /// marks each article's entity mentions this way); errors stay as they are.
    pub fn map_articles(self, f: impl Fn(Article) -> Article) -> Catalog {
        self.try_map_articles(|a| Ok(f(a)))
    }

    /// The same catalogue with every readable version passed through `f`, which may find it
    /// broken (the site generator resizes each article's photos this way: a missing photo is
    /// the article's content error); errors stay as they are.
    pub fn try_map_articles(
        mut self,
        mut f: impl FnMut(Article) -> Result<Article, ContentError>,
    ) -> Catalog {
        for entry in &mut self.entries {
            for version in &mut entry.versions {
                *version = version.take().map(|v| v.and_then(&mut f));
            }
        }
        self
    }

    /// Every article, newest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The article with this slug, if there is one.
    pub fn entry(&self, slug: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.slug == slug)
    }

    /// Every content error in the catalogue.
    pub fn errors(&self) -> impl Iterator<Item = &ContentError> {
        self.entries
            .iter()
            .flat_map(|e| e.versions.iter().flatten())
            .filter_map(|v| v.as_ref().err())
    }
}

impl Entry {
    /// The version in `lang`, if that file exists (parsed or not).
    pub fn version(&self, lang: Lang) -> Option<&Result<Article, ContentError>> {
        self.versions[lang.index()].as_ref()
    }

    /// The languages this article has a readable version in.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|&l| matches!(self.version(l), Some(Ok(_))))
    }

    /// The version to show a reader of `lang`: that language's own if it is readable, else the
    /// first readable one in [`Lang::fallback_order`]. When the requested version exists but is
    /// broken, its error is returned so that the problem is seen, not hidden by a fallback.
    pub fn resolve(&self, lang: Lang) -> Result<Resolved<'_>, &ContentError> {
        if let Some(Err(e)) = self.version(lang) {
            return Err(e);
        }
        let mut first_error = None;
        for candidate in lang.fallback_order() {
            match self.version(candidate) {
                Some(Ok(article)) => {
                    return Ok(Resolved {
                        requested: lang,
                        article,
                    });
                }
                Some(Err(e)) => first_error = first_error.or(Some(e)),
                None => {}
            }
        }
        // The loader guarantees at least one file per article, so this is an error, not None.
        Err(first_error.expect("an article folder always holds at least one file"))
    }

    fn date(&self) -> Option<super::Date> {
        self.versions
            .iter()
            .flatten()
            .find_map(|v| v.as_ref().ok())
            .map(|a| a.meta.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KK: &str = "---\ntitle: Т\ndate: 2025-11-19\n---\nМәтін\n";
    const RU: &str = "---\ntitle: Т\ndate: 2025-11-19\n---\nТекст\n";
    const OLD: &str = "---\ntitle: O\ndate: 2024-01-01\n---\nText\n";

    #[test]
    fn falls_back_in_order_and_sorts_newest_first() {
        let catalog = Catalog::from_sources(&[
            ("old", "en", "old/en.md", OLD),
            ("a", "kk", "a/kk.md", KK),
            ("a", "ru", "a/ru.md", RU),
        ]);
        let slugs: Vec<_> = catalog.entries().iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "old"]);
        let a = catalog.entry("a").unwrap();
        let en = a.resolve(Lang::En).unwrap();
        assert_eq!((en.article.lang, en.is_fallback()), (Lang::Ru, true));
        let kk = a.resolve(Lang::Kk).unwrap();
        assert_eq!((kk.article.lang, kk.is_fallback()), (Lang::Kk, false));
        assert_eq!(
            catalog
                .entry("old")
                .unwrap()
                .resolve(Lang::Kk)
                .unwrap()
                .article
                .lang,
            Lang::En
        );
        assert!(catalog.entry("nope").is_none());
    }

    #[test]
    fn a_broken_requested_version_is_reported_not_hidden() {
        let catalog = Catalog::from_sources(&[
            ("a", "kk", "a/kk.md", KK),
            ("a", "ru", "a/ru.md", "no front matter"),
        ]);
        let a = catalog.entry("a").unwrap();
        let err = a.resolve(Lang::Ru).unwrap_err();
        assert_eq!(err.path, "a/ru.md");
        assert_eq!(a.resolve(Lang::En).unwrap().article.lang, Lang::Kk);
        assert_eq!(catalog.errors().count(), 1);
    }
}

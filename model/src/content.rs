//! Articles: front matter, body, and the catalogue of every article shipped in the app.

mod catalog;
pub(crate) mod date;
mod front_matter;
mod load;
pub mod page_data;

pub use catalog::{Catalog, Entry, Resolved};
pub use date::Date;
pub use front_matter::ArticleMeta;
// The slug rule lives in courtview-kb, which the build script's knowledge-base compiler shares.
pub use courtview_kb::slug::{RESERVED_SLUGS, is_article_slug, is_valid_slug};

use crate::document::{Document, markdown};
use crate::error::ContentError;
use crate::lang::Lang;

/// Whether an article file's text opens with a front matter block (`---`, then `key: value`
/// lines) rather than with Markdown that starts with a thematic break (`---`, then text).
pub fn has_front_matter(source: &str) -> bool {
    front_matter::opens_with_front_matter(source)
}

/// What `courtview render` makes of a file: when it opens with front matter
/// ([`has_front_matter`]), the article's body and the year of its date; else the whole
/// text as a bare Markdown body, with `bare_year` for the dates written without a year.
/// `slug` and `path` are only used in error messages.
pub fn parse_article_or_body(
    source: &str,
    slug: &str,
    lang: Lang,
    path: &str,
    bare_year: u16,
) -> Result<(Document, u16), ContentError> {
    if has_front_matter(source) {
        let article = Article::parse(source, slug, lang, path)?;
        Ok((article.document, article.meta.date.year))
    } else {
        Ok((markdown::parse(source), bare_year))
    }
}

/// One language version of an article, parsed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// The article's slug, its folder name: lowercase letters, digits and hyphens.
    pub slug: String,
    /// The language of this version.
    pub lang: Lang,
    /// Title, date and the rest of the front matter.
    pub meta: ArticleMeta,
    /// The body.
    pub document: Document,
}

impl Article {
    /// Parses an article file's text. `path` is only used in error messages.
    pub fn parse(
        source: &str,
        slug: &str,
        lang: Lang,
        path: &str,
    ) -> Result<Article, ContentError> {
        let error = |line: Option<usize>, message: String| ContentError {
            path: path.to_owned(),
            line,
            slug: slug.to_owned(),
            lang: Some(lang),
            message,
        };
        if !is_valid_slug(slug) {
            return Err(error(
                None,
                "the folder name is not a valid slug (use lowercase a–z, digits and single hyphens)"
                    .into(),
            ));
        }
        let (meta, body) = front_matter::split(source).map_err(|e| error(e.line, e.message))?;
        let (document, figure_lines) = markdown::parse_with_figure_lines(body);
        if document.blocks.is_empty() {
            return Err(error(
                None,
                "the article has no body after its front matter".into(),
            ));
        }
        // The body is the end of the file: its lines come after the front matter's.
        let before = source[..source.len() - body.len()].matches('\n').count();
        for ((_, figure), line) in document.figures().into_iter().zip(figure_lines) {
            if let Some(problem) = photo_problem(figure) {
                return Err(error(Some(before + line), problem));
            }
        }
        Ok(Article {
            slug: slug.to_owned(),
            lang,
            meta,
            document,
        })
    }

    /// Minutes a reader needs, rounded up, at least one. 180 words a minute is a common figure
    /// for careful reading of non-fiction on screen, in all three languages.
    pub fn reading_minutes(&self) -> u32 {
        let words = self.document.word_count() as u32;
        words.div_ceil(180).max(1)
    }
}

/// What is wrong with a photo of an article, if anything: it must be a file in the article's
/// folder, so that the site can resize it and ship nothing from elsewhere, and it must say
/// what it shows to a reader who cannot see it.
fn photo_problem(figure: &crate::document::Figure) -> Option<String> {
    if !crate::document::is_photo_name(&figure.src) {
        return Some(format!(
            "the photo `{}` must be a .jpg, .jpeg or .png file in the article's own folder, \
             named by its file name alone (letters, digits, `.`, `_`, `-`): no folder, no \
             address elsewhere",
            figure.src
        ));
    }
    if figure.alt.trim().is_empty() {
        return Some(format!(
            "the photo `{}` has no alternative text: write what it shows between the brackets, \
             `![what it shows]({} \"caption\")`",
            figure.src, figure.src
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_opens_with_a_thematic_break_keeps_its_text() {
        let (document, year) =
            parse_article_or_body("---\nFoo\n---\nBar\n", "a", Lang::En, "x.md", 2024).unwrap();
        assert_eq!(year, 2024);
        assert_eq!(document.plain_text(), "Foo\nBar");
        let (document, year) = parse_article_or_body(
            "---\ntitle: T\ndate: 2025-02-03\n---\nBody\n",
            "a",
            Lang::En,
            "x.md",
            2024,
        )
        .unwrap();
        assert_eq!((document.plain_text().as_str(), year), ("Body", 2025));
    }

    #[test]
    fn parse_reports_file_line_article_and_language() {
        let err = Article::parse(
            "---\ntitle: T\ndate: 2025-02-30\n---\nBody\n",
            "a",
            Lang::Ru,
            "x.md",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.md:3: article `a` (ru): `2025-02-30` is not a date (YYYY-MM-DD)"
        );
        let err = Article::parse(
            "---\ntitle: T\ndate: 2025-02-03\n---\n\n",
            "a",
            Lang::Kk,
            "x.md",
        )
        .unwrap_err();
        assert!(err.to_string().contains("no body"), "{err}");
    }
}

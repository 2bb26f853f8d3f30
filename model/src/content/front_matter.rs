//! The front matter block at the top of an article file: a small, strict `key: value` format.
//!
//! ```text
//! ---
//! title: Қазақстандық делегация …
//! date: 2025-11-19
//! lede: optional one-sentence summary for lists
//! source: Қазақстан Республикасы Жоғарғы Сотының баспасөз қызметі
//! tags: [ХСӘҚ, Дубай]
//! ---
//! ```
//!
//! Strict on purpose: an unknown or repeated key is a typo an editor wants to hear about.

use super::Date;

/// An article's metadata.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleMeta {
    /// The headline.
    pub title: String,
    /// The publication date.
    pub date: Date,
    /// A short summary for article lists; when absent, lists show the first paragraph.
    pub lede: Option<String>,
    /// Who published the original.
    pub source: Option<String>,
    /// Topic tags, in the article's language.
    pub tags: Vec<String>,
}

/// A front matter problem, before the caller adds the file, article and language.
#[derive(Debug)]
pub(crate) struct FrontMatterError {
    pub line: Option<usize>,
    pub message: String,
}

fn at(line: usize, message: impl Into<String>) -> FrontMatterError {
    FrontMatterError {
        line: Some(line),
        message: message.into(),
    }
}

/// Whether `source` opens with a front matter block rather than with Markdown: its first line
/// is `---` and its first line after that which is neither blank nor a `#` comment has the
/// shape `key:` (an ASCII letter, then letters, digits, `_` or `-`). A Markdown body may open
/// with a thematic break too (`---`, then a paragraph or a setext heading); read as front
/// matter, its text would be refused and lost. A block that looks like front matter but is
/// broken is still front matter, so that [`split`] names the mistake.
pub(crate) fn opens_with_front_matter(source: &str) -> bool {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.lines();
    if lines.next().is_none_or(|first| first.trim_end() != "---") {
        return false;
    }
    let Some(line) = lines
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let Some((key, _)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim_end();
    key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Splits a file into its metadata and its Markdown body.
pub(crate) fn split(source: &str) -> Result<(ArticleMeta, &str), FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(at(
            1,
            "the file must start with a front matter block opened by `---`",
        ));
    }
    let mut offset = first.len();
    let (mut title, mut date, mut lede, mut src, mut tags) = (None, None, None, None, None);
    for (index, raw) in lines.enumerate() {
        let number = index + 2;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            let title: String =
                title.ok_or_else(|| at(number, "the front matter has no `title`"))?;
            let date = date.ok_or_else(|| at(number, "the front matter has no `date`"))?;
            let meta = ArticleMeta {
                title,
                date,
                lede,
                source: src,
                tags: tags.unwrap_or_default(),
            };
            return Ok((meta, &source[offset..]));
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(at(number, format!("expected `key: value`, found `{line}`")));
        };
        let (key, value) = (key.trim(), value.trim());
        let duplicate = || at(number, format!("`{key}` is given twice"));
        let text = || {
            if value.is_empty() {
                Err(at(number, format!("`{key}` is empty")))
            } else {
                Ok(value.to_owned())
            }
        };
        match key {
            "title" if title.is_some() => return Err(duplicate()),
            "title" => title = Some(text()?),
            "date" if date.is_some() => return Err(duplicate()),
            "date" => {
                let parsed = Date::parse_iso(value)
                    .ok_or_else(|| at(number, format!("`{value}` is not a date (YYYY-MM-DD)")))?;
                date = Some(parsed);
            }
            "lede" if lede.is_some() => return Err(duplicate()),
            "lede" => lede = Some(text()?),
            "source" if src.is_some() => return Err(duplicate()),
            "source" => src = Some(text()?),
            "tags" if tags.is_some() => return Err(duplicate()),
            "tags" => tags = Some(parse_list(value).map_err(|m| at(number, m))?),
            other => {
                return Err(at(
                    number,
                    format!("unknown key `{other}` (known: title, date, lede, source, tags)"),
                ));
            }
        }
    }
    Err(at(
        1,
        "the front matter opened by `---` on line 1 is never closed by a `---` line",
    ))
}

/// `[a, b, c]` → `["a", "b", "c"]`.
fn parse_list(value: &str) -> Result<Vec<String>, String> {
    let inner = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .ok_or_else(|| {
            format!("`tags` must be a list in brackets, like `[a, b]`; found `{value}`")
        })?;
    let items: Vec<String> = inner.split(',').map(|t| t.trim().to_owned()).collect();
    if inner.trim().is_empty() {
        return Ok(Vec::new());
    }
    if items.iter().any(String::is_empty) {
        return Err("`tags` has an empty item".into());
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> (Option<usize>, String) {
        let e = split(src).unwrap_err();
        (e.line, e.message)
    }

    #[test]
    fn front_matter_is_told_from_a_thematic_break() {
        for yes in [
            "---\ntitle: T\ndate: 2025-11-19\n---\nBody\n",
            "\u{feff}---\r\n\r\n# a comment\r\ntitle: T\r\n",
            "---  \ntitel: T\n---\n",
            "---\ntitle: x\n---\nbody",
            "---\nx-y_2 : z\n",
        ] {
            assert!(opens_with_front_matter(yes), "{yes:?}");
        }
        for no in [
            "---\nFoo\n---\nBar\n---\nBaz\n",
            "---\n---\n",
            "---\n",
            "----\ntitle: T\n",
            "--- x\ntitle: T\n",
            "Body\n---\ntitle: T\n",
            "---\n\nA sentence: with a colon\n",
            "---\n# Heading\n\nText\n",
            "",
        ] {
            assert!(!opens_with_front_matter(no), "{no:?}");
        }
    }

    #[test]
    fn reads_all_keys_and_returns_the_body() {
        let src = "---\r\ntitle: A: b\r\ndate: 2025-11-19\r\nsource: S\r\ntags: [x, y z]\r\n---\r\nBody\r\n";
        let (meta, body) = split(src).unwrap();
        assert_eq!(meta.title, "A: b");
        assert_eq!(meta.date.to_string(), "2025-11-19");
        assert_eq!(meta.source.as_deref(), Some("S"));
        assert_eq!(meta.tags, ["x", "y z"]);
        assert_eq!(meta.lede, None);
        assert_eq!(body, "Body\r\n");
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(err("title: x\n").0, Some(1));
        assert_eq!(
            err("---\ntitle: x\ndate: 2025-11-19\n"),
            (
                Some(1),
                "the front matter opened by `---` on line 1 is never closed by a `---` line".into()
            )
        );
        assert_eq!(err("---\ntitle: x\nauthor: y\n---\n").0, Some(3));
        assert_eq!(err("---\ntitle: x\ntitle: y\n---\n").0, Some(3));
        assert_eq!(
            err("---\ndate: 2025-11-19\n---\n").1,
            "the front matter has no `title`"
        );
        assert_eq!(
            err("---\ntitle: x\n---\n").1,
            "the front matter has no `date`"
        );
        assert_eq!(
            err("---\ntitle: x\ndate: 2025-11-19\ntags: a, b\n---\n").0,
            Some(4)
        );
        assert_eq!(err("---\ntitle:\n---\n").1, "`title` is empty");
        assert_eq!(err("---\nnonsense\n---\n").0, Some(2));
    }
}

//! Errors about content, each naming the file, line, article and language it concerns.

use std::fmt;

use crate::lang::Lang;

/// Something wrong with an article file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContentError {
    /// The file, as a path relative to the repository (`static/articles/<slug>/<lang>.md`).
    pub path: String,
    /// The 1-based line the problem is on, when it is on one line.
    pub line: Option<usize>,
    /// The article's slug.
    pub slug: String,
    /// The article's language.
    pub lang: Option<Lang>,
    /// What is wrong, in words an editor can act on.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": article `{}`", self.slug)?;
        if let Some(lang) = self.lang {
            write!(f, " ({lang})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ContentError {}

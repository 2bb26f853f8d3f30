//! The three languages courtview speaks, their tags and their fallback order.

use std::fmt;
use std::str::FromStr;

/// A language of the articles and the interface.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// Kazakh, the language the Supreme Court publishes in.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The BCP 47 tag used in URLs, file names and `lang` attributes.
    pub const fn tag(self) -> &'static str {
        // One list of tags for the model and the knowledge-base compiler of its build script.
        courtview_kb::LANG_TAGS[self.index()]
    }

    /// The position in [`Lang::ALL`]: the index of per-language arrays (`[kk, ru, en]`).
    pub const fn index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }

    /// The language's own name, as the switcher shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    /// A three-letter abbreviation of [`native_name`](Self::native_name), for the compact
    /// switcher of the embed view (which gives the full name to screen readers).
    pub const fn short_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қаз",
            Lang::Ru => "Рус",
            Lang::En => "Eng",
        }
    }

    /// Parses an exact tag (`kk`, `ru`, `en`), as found in URLs and file names.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.tag() == tag)
    }

    /// Reads a language given as a query option (`with=EN`): a tag, ignoring ASCII case and
    /// surrounding spaces, as `Script::from_tag` reads `script=`.
    pub fn from_option(value: &str) -> Option<Lang> {
        Lang::from_tag(&value.trim().to_ascii_lowercase())
    }

    /// Reads a browser language tag such as `ru-RU`, `kk`, `en_GB` or `EN`: only the primary
    /// subtag counts, case-insensitively.
    pub fn from_browser_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_tag(&primary)
    }

    /// The first of the visitor's preferred languages that courtview speaks.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        preferred.into_iter().find_map(Lang::from_browser_tag)
    }

    /// The order in which to look for an article missing in `self`: the language itself first,
    /// then the one its readers are most likely to read too. Russian is widely read in
    /// Kazakhstan, so Kazakh and English readers fall back to it before the third language.
    pub const fn fallback_order(self) -> [Lang; 3] {
        match self {
            Lang::Kk => [Lang::Kk, Lang::Ru, Lang::En],
            Lang::Ru => [Lang::Ru, Lang::Kk, Lang::En],
            Lang::En => [Lang::En, Lang::Ru, Lang::Kk],
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The error for a language tag courtview does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language `{}` (expected kk, ru or en)", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        assert_eq!(Lang::ALL.map(Lang::tag), ["kk", "ru", "en"]);
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(lang.tag().parse::<Lang>(), Ok(lang));
        }
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn browser_tags() {
        assert_eq!(Lang::from_browser_tag("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_browser_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_browser_tag("kk"), Some(Lang::Kk));
        assert_eq!(Lang::from_browser_tag("de-DE"), None);
        assert_eq!(Lang::from_browser_tag(""), None);
        assert_eq!(Lang::negotiate(["de", "ru-KZ", "en"]), Some(Lang::Ru));
        assert_eq!(Lang::negotiate(["fr"]), None);
    }

    #[test]
    fn fallback_starts_with_itself_and_covers_all() {
        for lang in Lang::ALL {
            let order = lang.fallback_order();
            assert_eq!(order[0], lang);
            let mut sorted = order;
            sorted.sort();
            assert_eq!(sorted, Lang::ALL);
        }
    }
}

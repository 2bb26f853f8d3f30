//! The locale the interface is shown in: a language and, for Kazakh, the script
//! (`?script=latn`: the 2021 Latin alphabet of [`crate::script`]).
//!
//! Interface text is written once, in Cyrillic ([`crate::i18n`]); a [`Locale`] turns any of it,
//! and any Kazakh text of an article, into what the reader sees, through the one transliterator.
//! The choice of script lives in the address's query, so that it survives a reload and travels
//! with a link; the functions here read it from a query and write it back. So does the reading
//! choice beside it, the second language an article is shown with (`?with=en`).

use std::borrow::Cow;

use crate::i18n::Msg;
use crate::lang::Lang;
use crate::route::{percent_decode, query_pairs};
use crate::script::{KK_LATN, Script, to_latin};

/// The query key that names the script.
pub const SCRIPT_KEY: &str = "script";

/// The query key that names the language shown beside an article's own, in a second column.
pub const WITH_KEY: &str = "with";

/// A language, and the script its text is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale {
    /// The language of the text.
    pub lang: Lang,
    /// The script the reader chose; it changes only Kazakh text.
    pub script: Script,
}

impl Locale {
    /// `lang` shown in `script`.
    pub const fn new(lang: Lang, script: Script) -> Locale {
        Locale { lang, script }
    }

    /// Whether text in this locale is written in Latin letters where it was Cyrillic: Kazakh
    /// in the Latin script. Russian stays Cyrillic in either script.
    pub const fn is_latin(self) -> bool {
        self.script.latinises(self.lang)
    }

    /// The language tag of text in this locale, for `lang=` (`kk-Latn` for Latin Kazakh).
    pub const fn tag(self) -> &'static str {
        if self.is_latin() {
            KK_LATN
        } else {
            self.lang.tag()
        }
    }

    /// `text`, a text in this locale's language, as the reader sees it: transliterated for Latin
    /// Kazakh, else unchanged (and not copied).
    pub fn write<'a>(self, text: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
        let text = text.into();
        if self.is_latin() {
            Cow::Owned(to_latin(&text))
        } else {
            text
        }
    }

    /// An interface message as the reader sees it.
    pub fn text(self, msg: Msg) -> Cow<'static, str> {
        self.write(msg.text(self.lang))
    }
}

/// The script a query (`?script=latn`, with or without its `?`) asks for: the last valid
/// `script=` value, else Cyrillic. Anything malformed is ignored, never an error.
pub fn script_of_query(query: &str) -> Script {
    last_of_query(query, SCRIPT_KEY, Script::from_tag).unwrap_or_default()
}

/// The language a query (`?with=en`, with or without its `?`) asks to show beside an article:
/// the last valid `with=` value, else none. Anything malformed is ignored, never an error.
pub fn with_of_query(query: &str) -> Option<Lang> {
    last_of_query(query, WITH_KEY, Lang::from_option)
}

/// The last value of the query's `key=` options that `parse` reads; malformed ones are skipped.
fn last_of_query<T>(query: &str, key: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    query_pairs(query)
        .filter(|(k, _)| k == key)
        .filter_map(|(_, value)| parse(&value))
        .last()
}

/// `query` (with or without its `?`) with its script set to `script`: every `script=` pair
/// removed, then `script=latn` added for Latin (Cyrillic, the default, is left unsaid). The
/// result has its `?`, or is empty.
pub fn query_with_script(query: &str, script: Script) -> String {
    query_with(query, SCRIPT_KEY, script.query_value())
}

/// `query` (with or without its `?`) with every `key=` pair removed, then `key=value` added
/// if there is a value; other pairs are kept as written. The result has its `?`, or is empty.
pub fn query_with(query: &str, key: &str, value: Option<&str>) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or("");
    let mut pairs: Vec<Cow<'_, str>> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
            !pair.is_empty() && percent_decode(name) != key
        })
        .map(Cow::Borrowed)
        .collect();
    if let Some(value) = value {
        pairs.push(Cow::Owned(format!("{key}={value}")));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The query a link to the same article in another language carries so that the page reads
/// as it did: the script, and the language beside it (`?script=latn&with=en`), or nothing.
pub fn reading_suffix(script: Script, with: Option<Lang>) -> String {
    query_with(script_suffix(script), WITH_KEY, with.map(Lang::tag))
}

/// The query a link within the site carries so that the reader stays in `script`:
/// `?script=latn`, or nothing for Cyrillic.
pub const fn script_suffix(script: Script) -> &'static str {
    match script {
        Script::Cyrl => "",
        Script::Latn => "?script=latn",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_latin_kazakh_is_transliterated() {
        let kk = Locale::new(Lang::Kk, Script::Latn);
        assert!(kk.is_latin());
        assert_eq!(kk.tag(), "kk-Latn");
        assert_eq!(kk.write("Жоғарғы Сот"), "Joğarğy Sot");
        assert_eq!(kk.text(Msg::AllNews), to_latin(Msg::AllNews.text(Lang::Kk)));
        for locale in [
            Locale::new(Lang::Kk, Script::Cyrl),
            Locale::new(Lang::Ru, Script::Latn),
            Locale::new(Lang::En, Script::Latn),
        ] {
            assert!(!locale.is_latin());
            assert_eq!(locale.tag(), locale.lang.tag());
            assert!(matches!(locale.write("Верховный суд"), Cow::Borrowed(_)));
            assert_eq!(locale.text(Msg::AllNews), Msg::AllNews.text(locale.lang));
        }
    }

    #[test]
    fn every_kazakh_message_has_no_cyrillic_left_in_latin() {
        let kk = Locale::new(Lang::Kk, Script::Latn);
        for msg in Msg::ALL {
            let latin = kk.text(msg);
            assert!(
                !latin
                    .chars()
                    .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "{msg:?}: {latin}"
            );
        }
    }

    #[test]
    fn the_script_is_read_from_the_query() {
        for (query, script) in [
            ("", Script::Cyrl),
            ("?script=latn", Script::Latn),
            ("script=LATN", Script::Latn),
            ("?a=1&script=latn&b", Script::Latn),
            ("?script=latn&script=cyrl", Script::Cyrl),
            ("?script=latn&script=greek", Script::Latn),
            ("?script=%6Catn", Script::Latn),
            ("?script", Script::Cyrl),
            ("?scripts=latn", Script::Cyrl),
            ("?x=script=latn", Script::Cyrl),
            ("?#script=latn", Script::Cyrl),
            ("?%%%=%%%", Script::Cyrl),
        ] {
            assert_eq!(script_of_query(query), script, "{query:?}");
        }
    }

    #[test]
    fn the_script_is_written_into_the_query() {
        assert_eq!(query_with_script("", Script::Latn), "?script=latn");
        assert_eq!(query_with_script("?script=latn", Script::Cyrl), "");
        assert_eq!(
            query_with_script("?q=x&script=cyrl&script=latn", Script::Latn),
            "?q=x&script=latn"
        );
        assert_eq!(query_with_script("q=x&&script", Script::Cyrl), "?q=x");
        for script in Script::ALL {
            assert_eq!(script_of_query(&query_with_script("?a=b", script)), script);
            assert_eq!(script_of_query(script_suffix(script)), script);
        }
    }

    #[test]
    fn the_language_beside_is_read_and_written() {
        for (query, with) in [
            ("", None),
            ("?with=en", Some(Lang::En)),
            ("with=kk&a=b", Some(Lang::Kk)),
            ("?with=en&with=xx", Some(Lang::En)),
            ("?with=en&with=ru", Some(Lang::Ru)),
            ("?with=%72u", Some(Lang::Ru)),
            ("?with=EN", Some(Lang::En)),
            ("?with=", None),
            ("?with", None),
            ("?with=en-GB", None),
            ("?#with=en", None),
            ("?%%%=%%%&with=%", None),
        ] {
            assert_eq!(with_of_query(query), with, "{query:?}");
        }
        assert_eq!(
            query_with("?with=ru&q=1", WITH_KEY, Some("en")),
            "?q=1&with=en"
        );
        assert_eq!(query_with("?with=ru", WITH_KEY, None), "");
        assert_eq!(reading_suffix(Script::Cyrl, None), "");
        assert_eq!(reading_suffix(Script::Latn, None), "?script=latn");
        assert_eq!(
            reading_suffix(Script::Latn, Some(Lang::Ru)),
            "?script=latn&with=ru"
        );
        for with in [None, Some(Lang::Kk), Some(Lang::En)] {
            let query = reading_suffix(Script::Cyrl, with);
            assert_eq!(with_of_query(&query), with);
            assert_eq!(script_of_query(&query), Script::Cyrl);
        }
    }
}

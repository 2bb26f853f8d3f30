//! Embedding on partner sites: the options of the embed view (`/embed/<lang>/<slug>/?…`) and
//! the two snippets a partner pastes, the loader and the plain iframe.
//!
//! Pure: the embed page reads its query through [`EmbedOptions::parse`], and the embed dialog
//! writes snippets through [`EmbedSpec`], so both are tested natively. The loader
//! (`static/embed/embed.js`) builds the same iframe in JavaScript: `tests/embed.rs` writes
//! what [`EmbedSpec`] says for a set of embeds to `tests/fixtures/embed-loader.json`, and the
//! browser test `embed.test.mjs` runs the loader on the same embeds and compares.

use std::fmt::Write as _;

use crate::entities::EntityType;
use crate::lang::Lang;
use crate::markup::{PARAGRAPH_ID_PREFIX, paragraph_id};
use crate::route::{Route, query_pairs};
use crate::script::Script;

/// The `type` of the message the embed view posts to its parent when its height changes:
/// `{"type":"courtview:resize","height":<px>}`.
pub const RESIZE_MESSAGE: &str = "courtview:resize";

/// The iframe's `sandbox`: scripts and its own origin (the viewer is a WebAssembly app), and
/// popups that escape the sandbox, so "read on the full site" and official-site links open as
/// ordinary tabs. Nothing lets the frame navigate or script the partner's page.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The custom element the loader defines.
pub const ELEMENT: &str = "courtview-article";

/// The loader's file name at the root of the viewer's site.
pub const LOADER: &str = "embed.js";

/// The starting height of a plain iframe, which cannot follow its content without the loader.
pub const IFRAME_HEIGHT_PX: u32 = 800;

/// The colours of the embed view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on a light page, as on the full site.
    #[default]
    Light,
    /// Light text on a dark page.
    Dark,
    /// Dark brown text on a warm paper tone.
    Sepia,
    /// Whichever the reader's system prefers (`prefers-color-scheme`).
    Auto,
}

impl Theme {
    /// Every theme, in the order the embed dialog and the display menu offer them.
    pub const ALL: [Theme; 4] = [Theme::Light, Theme::Dark, Theme::Sepia, Theme::Auto];

    /// The value of `theme=` and of `data-theme` on the embed's `<html>`.
    pub const fn tag(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
            Theme::Auto => "auto",
        }
    }

    /// Reads a `theme=` value, ignoring ASCII case.
    pub fn from_tag(tag: &str) -> Option<Theme> {
        Theme::ALL
            .into_iter()
            .find(|t| t.tag().eq_ignore_ascii_case(tag.trim()))
    }
}

/// What the query of an embed URL asks for. Every option is optional, and an unknown or
/// malformed one is ignored, never an error: a partner's typo must not blank their page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `types=person,org`: the entity types highlighted at first, in [`EntityType::ALL`]
    /// order; `None` for all of them. The reader can still switch the others on in the legend.
    pub types: Option<Vec<EntityType>>,
    /// `theme=light|dark|sepia|auto`.
    pub theme: Theme,
    /// `highlight=0` starts with highlighting switched off.
    pub highlight: bool,
    /// `p=<n>`: the paragraph to open at, from 1.
    pub paragraph: Option<u32>,
    /// `script=latn`: Kazakh in the 2021 Latin alphabet (`cyrl`, the default, as written).
    pub script: Script,
    /// `with=<lang>`: the article in a second language beside it, paragraph by paragraph.
    pub with: Option<Lang>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            types: None,
            theme: Theme::default(),
            highlight: true,
            paragraph: None,
            script: Script::Cyrl,
            with: None,
        }
    }
}

impl EmbedOptions {
    /// Reads a query string (with or without its leading `?`). Keys and values are
    /// percent-decoded; of an option given twice, the last well-formed value wins.
    pub fn parse(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        for (key, value) in query_pairs(query) {
            let value = value.trim();
            match key.as_str() {
                "types" => {
                    if let Some(types) = parse_types(value) {
                        options.types = Some(types).filter(|t| t.len() < EntityType::ALL.len());
                    }
                }
                "theme" => {
                    if let Some(theme) = Theme::from_tag(value) {
                        options.theme = theme;
                    }
                }
                "highlight" => match value.to_ascii_lowercase().as_str() {
                    "0" | "false" | "off" | "no" => options.highlight = false,
                    "1" | "true" | "on" | "yes" => options.highlight = true,
                    _ => {}
                },
                "p" => {
                    if let Some(n) = value.parse::<u32>().ok().filter(|&n| n > 0) {
                        options.paragraph = Some(n);
                    }
                }
                "script" => {
                    if let Some(script) = Script::from_tag(value) {
                        options.script = script;
                    }
                }
                "with" => {
                    if let Some(with) = Lang::from_option(value) {
                        options.with = Some(with);
                    }
                }
                _ => {}
            }
        }
        options
    }

    /// The options for what a reader chose in the embed dialog: the types `shown`, of those
    /// the article mentions (`present`); a theme; whether highlighting is on; a paragraph.
    /// Types are only listed when some present type is left out, and leaving all of them out
    /// means highlighting off.
    pub fn for_article(
        present: &[EntityType],
        shown: &[EntityType],
        theme: Theme,
        highlight: bool,
        paragraph: Option<u32>,
    ) -> EmbedOptions {
        let types: Vec<EntityType> = EntityType::ALL
            .into_iter()
            .filter(|t| present.contains(t) && shown.contains(t))
            .collect();
        let all_present = present.iter().all(|t| shown.contains(t));
        EmbedOptions {
            highlight: highlight && (all_present || !types.is_empty()),
            types: (!all_present && !types.is_empty()).then_some(types),
            theme,
            paragraph: paragraph.filter(|&n| n > 0),
            script: Script::default(),
            with: None,
        }
    }

    /// The query that [`parse`](Self::parse) reads back to these options, without the `?`;
    /// defaults are left out, so the default options give an empty string.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(types) = &self.types {
            let tags: Vec<&str> = types.iter().map(|t| t.tag()).collect();
            parts.push(format!("types={}", tags.join(",")));
        }
        if self.theme != Theme::default() {
            parts.push(format!("theme={}", self.theme.tag()));
        }
        if !self.highlight {
            parts.push("highlight=0".to_owned());
        }
        // In the order the loader (static/embed/embed.js) writes its attributes' options.
        if self.script != Script::default() {
            parts.push(format!("script={}", self.script.tag()));
        }
        if let Some(with) = self.with {
            parts.push(format!("with={}", with.tag()));
        }
        if let Some(n) = self.paragraph {
            parts.push(format!("p={n}"));
        }
        parts.join("&")
    }

    /// The `?query` to append to a path: empty for the default options.
    pub fn query_suffix(&self) -> String {
        let query = self.to_query();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }

    /// Whether mentions of `kind` are highlighted at first.
    pub fn shows(&self, kind: EntityType) -> bool {
        self.types.as_ref().is_none_or(|t| t.contains(&kind))
    }
}

/// The paragraph a `#p-<n>` fragment (with or without its `#`) points at.
pub fn paragraph_of_fragment(fragment: &str) -> Option<u32> {
    let n = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(PARAGRAPH_ID_PREFIX)?;
    n.parse().ok().filter(|&n| n > 0)
}

/// A comma-separated list of type tags, unknown tags skipped; `None` if no tag is known.
fn parse_types(value: &str) -> Option<Vec<EntityType>> {
    let named: Vec<EntityType> = value
        .split(',')
        .filter_map(|t| EntityType::from_tag(&t.trim().to_ascii_lowercase()))
        .collect();
    let types: Vec<EntityType> = EntityType::ALL
        .into_iter()
        .filter(|t| named.contains(t))
        .collect();
    (!types.is_empty()).then_some(types)
}

/// Escapes text for an HTML attribute value or element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One embed as a partner would paste it: where the viewer lives, which article, and how.
#[derive(Clone, Copy, Debug)]
pub struct EmbedSpec<'a> {
    /// The viewer's origin and public URL prefix, without a trailing slash:
    /// `https://courtview.example` or `https://court.example/courtview`; or the prefix alone
    /// (`/courtview`, or empty) for links within the viewer's own pages.
    pub base: &'a str,
    /// The article's language.
    pub lang: Lang,
    /// The article's slug.
    pub slug: &'a str,
    /// The article's title in `lang`: the iframe's accessible name and the fallback link's text.
    pub title: &'a str,
    /// The options.
    pub options: &'a EmbedOptions,
}

impl EmbedSpec<'_> {
    fn base(&self) -> &str {
        self.base.trim_end_matches('/')
    }

    /// The embed view's URL: `<base>/embed/<lang>/<slug>/?<options>`.
    pub fn embed_url(&self) -> String {
        let route = Route::Embed {
            lang: self.lang,
            slug: self.slug.to_owned(),
        };
        format!(
            "{}{}{}",
            self.base(),
            route.path(),
            self.options.query_suffix()
        )
    }

    /// The full article's URL, at the chosen paragraph, in the chosen script and with the
    /// chosen language beside it: `<base>/<lang>/<slug>/[?script=latn][&with=<lang>][#p-<n>]`.
    pub fn article_url(&self) -> String {
        let route = Route::Article {
            lang: self.lang,
            slug: self.slug.to_owned(),
        };
        let fragment = self
            .options
            .paragraph
            .map(|n| format!("#{}", paragraph_id(n)))
            .unwrap_or_default();
        let query = crate::locale::reading_suffix(self.options.script, self.options.with);
        format!("{}{}{query}{fragment}", self.base(), route.path())
    }

    /// The loader's URL: `<base>/embed.js`.
    pub fn loader_url(&self) -> String {
        format!("{}/{LOADER}", self.base())
    }

    /// The plain iframe. It works without any script on the partner's page, at a fixed
    /// height; the `style` attribute is only a starting size.
    pub fn iframe_snippet(&self) -> String {
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" lang=\"{lang}\"\n        \
             sandbox=\"{SANDBOX}\"\n        \
             loading=\"lazy\" style=\"display:block;width:100%;height:{IFRAME_HEIGHT_PX}px;border:0\"></iframe>",
            src = escape_html(&self.embed_url()),
            title = escape_html(self.title),
            lang = self.lang.tag(),
        )
    }

    /// The loader and its element, with a link to the article inside for pages without
    /// JavaScript. The element's attributes mirror the query options.
    pub fn loader_snippet(&self) -> String {
        let o = self.options;
        let mut attrs = format!(
            "article=\"{}\" lang=\"{}\"",
            escape_html(self.slug),
            self.lang.tag()
        );
        if let Some(types) = &o.types {
            let tags: Vec<&str> = types.iter().map(|t| t.tag()).collect();
            let _ = write!(attrs, " types=\"{}\"", tags.join(","));
        }
        if o.theme != Theme::default() {
            let _ = write!(attrs, " theme=\"{}\"", o.theme.tag());
        }
        if !o.highlight {
            attrs.push_str(" highlight=\"0\"");
        }
        if o.script != Script::default() {
            let _ = write!(attrs, " script=\"{}\"", o.script.tag());
        }
        if let Some(with) = o.with {
            let _ = write!(attrs, " with=\"{}\"", with.tag());
        }
        if let Some(n) = o.paragraph {
            let _ = write!(attrs, " p=\"{n}\"");
        }
        format!(
            "<script src=\"{loader}\" defer></script>\n\
             <{ELEMENT} {attrs}>\n  \
             <a href=\"{href}\">{title}</a>\n\
             </{ELEMENT}>",
            loader = escape_html(&self.loader_url()),
            href = escape_html(&self.article_url()),
            title = escape_html(self.title),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_query_means_the_defaults() {
        for q in ["", "?", "?&&", "#p-3"] {
            assert_eq!(EmbedOptions::parse(q), EmbedOptions::default(), "{q:?}");
        }
        let d = EmbedOptions::default();
        assert!(d.highlight && d.types.is_none() && d.paragraph.is_none());
        assert_eq!(d.theme, Theme::Light);
        assert_eq!(d.to_query(), "");
        assert_eq!(d.query_suffix(), "");
    }

    #[test]
    fn reads_every_option() {
        let o =
            EmbedOptions::parse("?types=org,person&theme=dark&highlight=0&p=3&script=latn&with=EN");
        assert_eq!(
            o,
            EmbedOptions {
                types: Some(vec![EntityType::Person, EntityType::Org]),
                theme: Theme::Dark,
                highlight: false,
                paragraph: Some(3),
                script: Script::Latn,
                with: Some(Lang::En),
            }
        );
        assert!(o.shows(EntityType::Org) && !o.shows(EntityType::Place));
        assert_eq!(
            o.to_query(),
            "types=person,org&theme=dark&highlight=0&script=latn&with=en&p=3"
        );
        assert_eq!(EmbedOptions::parse("with=kk&with=xx").with, Some(Lang::Kk));
        assert_eq!(
            EmbedOptions::parse("script=LATN&script=x").script,
            Script::Latn
        );
        assert_eq!(
            EmbedOptions::parse("script=latn&script=cyrl").script,
            Script::Cyrl
        );
        assert_eq!(EmbedOptions::parse(&o.query_suffix()), o);
        assert_eq!(EmbedOptions::parse("theme=auto").theme, Theme::Auto);
        assert_eq!(EmbedOptions::parse("theme=DARK").theme, Theme::Dark);
    }

    #[test]
    fn percent_encoding_and_plus_are_decoded() {
        let o = EmbedOptions::parse("types=person%2Corg&theme=%64ark&p=%32");
        assert_eq!(o.types, Some(vec![EntityType::Person, EntityType::Org]));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.paragraph, Some(2));
        let spaced = EmbedOptions::parse("types=person,+org");
        assert_eq!(
            spaced.types,
            Some(vec![EntityType::Person, EntityType::Org])
        );
    }

    #[test]
    fn malformed_and_unknown_options_are_ignored() {
        let garbage = [
            "types=",
            "types=nobody,,",
            "theme=neon",
            "theme",
            "highlight=maybe",
            "p=0",
            "p=-1",
            "p=abc",
            "p=99999999999999999999",
            "script=cyrl",
            "script=latin",
            "with=",
            "with=de",
            "with=en-GB",
            "with=%",
            "foo=bar",
            "=x",
            "%%%=%%%",
            "types=%E2%80%AE",
        ];
        for q in garbage {
            assert_eq!(EmbedOptions::parse(q), EmbedOptions::default(), "{q:?}");
        }
        // One bad option does not spoil the good ones; the last good value wins.
        let o = EmbedOptions::parse("p=2&theme=neon&types=person,alien&p=x&highlight=off");
        assert_eq!(o.paragraph, Some(2));
        assert_eq!(o.theme, Theme::Light);
        assert_eq!(o.types, Some(vec![EntityType::Person]));
        assert!(!o.highlight);
        assert_eq!(EmbedOptions::parse("p=2&p=5").paragraph, Some(5));
    }

    #[test]
    fn dialog_choices_become_options() {
        use EntityType::*;
        let present = [Person, Org, Place];
        // Everything the article mentions is shown: no list, even if absent types are hidden.
        let all =
            EmbedOptions::for_article(&present, &[Person, Org, Place], Theme::Dark, true, None);
        assert_eq!(all.types, None);
        assert_eq!(all.to_query(), "theme=dark");
        // Some left out: only present, shown types are listed.
        let some =
            EmbedOptions::for_article(&present, &[Law, Org, Person], Theme::Light, true, Some(2));
        assert_eq!(some.to_query(), "types=person,org&p=2");
        // All left out: highlighting off rather than an empty list, which would mean "all".
        let none = EmbedOptions::for_article(&present, &[Law], Theme::Light, true, Some(0));
        assert_eq!(none.to_query(), "highlight=0");
        let off = EmbedOptions::for_article(&present, &present, Theme::Auto, false, None);
        assert_eq!(off.to_query(), "theme=auto&highlight=0");
    }

    #[test]
    fn fragments_name_paragraphs() {
        assert_eq!(paragraph_of_fragment("#p-3"), Some(3));
        assert_eq!(paragraph_of_fragment("p-12"), Some(12));
        for f in ["", "#", "#p-", "#p-0", "#p-x", "#m-3", "#p--1"] {
            assert_eq!(paragraph_of_fragment(f), None, "{f}");
        }
    }

    #[test]
    fn all_types_is_the_same_as_no_types() {
        let all = "types=person,org,place,date,event,law";
        assert_eq!(EmbedOptions::parse(all).types, None);
        assert_eq!(
            EmbedOptions::parse("types=law,person,law").types,
            Some(vec![EntityType::Person, EntityType::Law])
        );
    }

    #[test]
    fn query_round_trips_for_every_combination() {
        let subsets = [
            None,
            Some(vec![EntityType::Date]),
            Some(vec![EntityType::Person, EntityType::Place, EntityType::Law]),
        ];
        for types in subsets {
            for theme in Theme::ALL {
                for highlight in [true, false] {
                    for paragraph in [None, Some(1), Some(12)] {
                        for script in Script::ALL {
                            for with in [None, Some(Lang::Kk), Some(Lang::En)] {
                                let o = EmbedOptions {
                                    types: types.clone(),
                                    theme,
                                    highlight,
                                    paragraph,
                                    script,
                                    with,
                                };
                                assert_eq!(EmbedOptions::parse(&o.to_query()), o);
                            }
                        }
                    }
                }
            }
        }
    }

    fn spec<'a>(options: &'a EmbedOptions, base: &'a str, title: &'a str) -> EmbedSpec<'a> {
        EmbedSpec {
            base,
            lang: Lang::Ru,
            slug: "iaca-2025-dubai",
            title,
            options,
        }
    }

    #[test]
    fn urls_follow_the_contract_under_any_prefix() {
        let plain = EmbedOptions::default();
        let s = spec(&plain, "https://courts.example", "T");
        assert_eq!(
            s.embed_url(),
            "https://courts.example/embed/ru/iaca-2025-dubai/"
        );
        assert_eq!(
            s.article_url(),
            "https://courts.example/ru/iaca-2025-dubai/"
        );
        assert_eq!(s.loader_url(), "https://courts.example/embed.js");
        let o = EmbedOptions::parse("types=person&theme=auto&p=4");
        let prefixed = spec(&o, "https://court.example/courtview/", "T");
        assert_eq!(
            prefixed.embed_url(),
            "https://court.example/courtview/embed/ru/iaca-2025-dubai/?types=person&theme=auto&p=4"
        );
        assert_eq!(
            prefixed.article_url(),
            "https://court.example/courtview/ru/iaca-2025-dubai/#p-4"
        );
        assert_eq!(
            prefixed.loader_url(),
            "https://court.example/courtview/embed.js"
        );
    }

    #[test]
    fn snippets_carry_every_choice_and_escape_the_title() {
        let o = EmbedOptions::parse("types=person,org&theme=dark&highlight=0&p=3");
        let s = spec(&o, "https://v.example", "«Суд» & \"закон\" <b>");
        let iframe = s.iframe_snippet();
        assert!(iframe.starts_with("<iframe src=\"https://v.example/embed/ru/iaca-2025-dubai/?types=person,org&amp;theme=dark&amp;highlight=0&amp;p=3\""), "{iframe}");
        assert!(iframe.contains("title=\"«Суд» &amp; &quot;закон&quot; &lt;b&gt;\""));
        assert!(iframe.contains("lang=\"ru\""));
        assert!(iframe.contains(&format!("sandbox=\"{SANDBOX}\"")));
        assert!(iframe.contains("loading=\"lazy\""));
        assert!(iframe.ends_with("></iframe>"));

        let loader = s.loader_snippet();
        assert_eq!(
            loader,
            "<script src=\"https://v.example/embed.js\" defer></script>\n\
             <courtview-article article=\"iaca-2025-dubai\" lang=\"ru\" types=\"person,org\" theme=\"dark\" highlight=\"0\" p=\"3\">\n  \
             <a href=\"https://v.example/ru/iaca-2025-dubai/#p-3\">«Суд» &amp; &quot;закон&quot; &lt;b&gt;</a>\n\
             </courtview-article>"
        );
        let plain = EmbedOptions::default();
        let minimal = spec(&plain, "https://v.example", "T").loader_snippet();
        assert!(minimal.contains("<courtview-article article=\"iaca-2025-dubai\" lang=\"ru\">"));
    }

    #[test]
    fn escaping_covers_the_five_characters() {
        assert_eq!(
            escape_html(r#"a&b<c>d"e'f"#),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f"
        );
        assert_eq!(escape_html("Қазақ"), "Қазақ");
    }
}

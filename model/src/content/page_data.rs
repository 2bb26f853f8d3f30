//! What one prerendered page needs to come alive in the browser, as the site generator writes
//! it into a data file of its own (`data/<hash>.bin`) and the app reads it back.
//!
//! The wasm carries no article: each page's head names the data file of the page itself (its
//! own language, fetched in parallel with the wasm) and of the same page in the other
//! languages (fetched in idle time, for an instant switch). So nothing the app downloads or
//! decodes at start-up grows with the archive.
//!
//! The format is postcard (serde's compact binary form) after a four-byte [`MAGIC`] that names
//! the format's version: a file from another version is refused, not misread.

use serde::{Deserialize, Serialize};

use super::{Article, Date};
use crate::document::plain_text;
use crate::entities::{EntityRecord, EntityType, record};
use crate::error::ContentError;
use crate::lang::Lang;

/// The first bytes of every data file; the digit changes with the format.
pub const MAGIC: &[u8; 4] = b"CVd6";

/// Articles on one list page.
pub const PAGE_SIZE: usize = 20;

/// The data of one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageData {
    /// An article page (and its embed view).
    Article(ArticleData),
    /// A page of an article list (an entity's page among them).
    List(ListData),
    /// The page of every entity: `/<lang>/entities/`.
    Entities(EntitiesData),
}

/// Every entity of the knowledge base with how many articles of a language name it, in the
/// order the page shows them: by type, then by name in that language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitiesData {
    /// Each entity and the number of articles that name it (0 for one no article names yet:
    /// its page says so).
    pub entities: Vec<(Named, u32)>,
}

/// An entity as a link to its page names it, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Named {
    /// Its id.
    pub id: String,
    /// Its type.
    pub kind: EntityType,
    /// Its name.
    pub name: String,
}

/// An entity as its card and its page show it, in one language.
///
/// The app carries no knowledge base: the data file of a page holds the cards of the entities
/// it shows (an article's, those it mentions), so the wasm every page loads does not grow
/// with the knowledge base, and a page downloads only the descriptions it can show.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Card {
    /// Its id, type and name.
    pub named: Named,
    /// The one sentence that explains it.
    pub description: String,
    /// Its official web site, where there is one.
    pub url: Option<String>,
}

impl Named {
    /// How `record` is named in `lang`.
    pub fn of(record: &EntityRecord, lang: Lang) -> Named {
        Named {
            id: record.id.to_owned(),
            kind: record.kind,
            name: record.canonical[lang.index()].to_owned(),
        }
    }
}

impl Card {
    /// The card of `record` in `lang`.
    pub fn of(record: &EntityRecord, lang: Lang) -> Card {
        Card {
            named: Named::of(record, lang),
            description: record.description[lang.index()].to_owned(),
            url: record.url.map(str::to_owned),
        }
    }

    /// The card of the knowledge base's entity `id` in `lang`, if it has one.
    pub fn find(id: &str, lang: Lang) -> Option<Card> {
        record(id).map(|r| Card::of(r, lang))
    }
}

/// An article as a reader of one language sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleData {
    /// The version shown: the requested language's, else the nearest readable one (its `lang`
    /// says which), with its entity mentions marked; or the error of a broken requested
    /// version, shown rather than hidden.
    pub version: Result<Article, ContentError>,
    /// The languages the article has a readable version in.
    pub languages: Vec<Lang>,
    /// The page's public address (`<site>/<lang>/<slug>/`, its canonical URL), which a printed
    /// article shows. It travels in the data rather than being read from the browser, so that
    /// the site generator and the app render the same text (hydration changes nothing) and a
    /// language switched in place shows its own page's address. Empty when the data was made
    /// without a site address (tests).
    pub address: String,
    /// The cards, in the page's language, of the knowledge base's entities the version
    /// mentions, in the order of their first mention (a date the knowledge base does not list
    /// has none).
    pub cards: Vec<Card>,
    /// The URL segment ([`tag_slug`]) of each of the version's tags, in their order; `None`
    /// for a tag with no page. Computed here, not in the browser: the slug rule lowercases any
    /// script, and Unicode's case tables would add some 5 KB of gzipped wasm to every page.
    pub tag_slugs: Vec<Option<String>>,
}

impl ArticleData {
    /// The data of the article page of `lang` that shows `version`, with the cards of what
    /// it mentions and the slugs of its tags.
    pub fn new(
        lang: Lang,
        version: Result<Article, ContentError>,
        languages: Vec<Lang>,
        address: String,
    ) -> Self {
        let (cards, tag_slugs) = match &version {
            Ok(article) => {
                let mut cards: Vec<Card> = Vec::new();
                for mention in article.document.mentions() {
                    if !cards.iter().any(|c| c.named.id == mention.id)
                        && let Some(card) = Card::find(&mention.id, lang)
                    {
                        cards.push(card);
                    }
                }
                let slugs = article.meta.tags.iter().map(|t| tag_slug(t)).collect();
                (cards, slugs)
            }
            Err(_) => (Vec::new(), Vec::new()),
        };
        ArticleData {
            version,
            languages,
            address,
            cards,
            tag_slugs,
        }
    }

    /// The card of entity `id`, if the version mentions it and the knowledge base has it.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.named.id == id)
    }
}

/// Which articles a list shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ListKind {
    /// Every article: `/<lang>/`.
    All,
    /// The articles of one year: `/<lang>/<year>/`.
    Year(u16),
    /// The articles with one tag: `/<lang>/tags/<slug>/` (the route holds the slug).
    Tag {
        /// The tag as the articles write it.
        name: String,
    },
    /// The articles that name one entity: `/<lang>/entities/<id>/`. The page opens with the
    /// entity's card.
    Entity {
        /// The entity's card in the list's language.
        card: Card,
    },
}

/// One page of an article list, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListData {
    /// Which articles.
    pub kind: ListKind,
    /// This page's number, from 1.
    pub page: u32,
    /// How many pages the list has (at least 1).
    pub pages: u32,
    /// The articles on this page.
    pub items: Vec<ListItem>,
    /// The years that have articles, newest first, for the archive links.
    pub years: Vec<u16>,
}

/// An article as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// The article's slug.
    pub slug: String,
    /// The language of the version listed (the list's, else the nearest).
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: Date,
    /// The lede, else the first paragraph's text.
    pub lead: Option<String>,
    /// Reading time in minutes.
    pub minutes: u32,
    /// On an entity's page, how many times this version of the article names the entity.
    pub mentions: Option<u32>,
}

impl ListItem {
    /// How a list shows `article`.
    pub fn of(article: &Article) -> ListItem {
        ListItem {
            slug: article.slug.clone(),
            lang: article.lang,
            title: article.meta.title.clone(),
            date: article.meta.date,
            lead: article
                .meta
                .lede
                .clone()
                .or_else(|| article.document.first_paragraph().map(plain_text)),
            minutes: article.reading_minutes(),
            mentions: None,
        }
    }
}

/// The page numbers a list's page links show: the first and the last, and the two either side
/// of `current`; `None` stands for the numbers left out between. So a list of any length gets
/// at most nine links.
pub fn page_window(current: u32, pages: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    for n in 1..=pages {
        if n == 1 || n == pages || n.abs_diff(current) <= 2 {
            out.push(Some(n));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

/// A data file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a courtview data file: {}", self.0)
    }
}

/// The bytes of a data file.
pub fn encode(data: &PageData) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    // Serialising owned strings, vectors and enums into a vector cannot fail.
    out.extend(postcard::to_allocvec(data).expect("page data serialises"));
    out
}

/// Reads a data file back.
pub fn decode(bytes: &[u8]) -> Result<PageData, DecodeError> {
    let body = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| DecodeError("wrong format or version".into()))?;
    match postcard::take_from_bytes::<PageData>(body) {
        Ok((data, [])) => Ok(data),
        Ok((_, rest)) => Err(DecodeError(format!("{} bytes after the data", rest.len()))),
        Err(e) => Err(DecodeError(e.to_string())),
    }
}

/// The URL segment of a tag: lowercase, words joined by hyphens, letters and digits of any
/// script kept (`Халықаралық ынтымақтастық` → `халықаралық-ынтымақтастық`), anything else
/// dropped; `None` when nothing is left.
pub fn tag_slug(tag: &str) -> Option<String> {
    let mut out = String::new();
    for word in tag.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Catalog;

    #[test]
    fn every_shipped_article_survives_encode_and_decode() {
        for entry in Catalog::shipped().entries() {
            for lang in Lang::ALL {
                let data = PageData::Article(ArticleData::new(
                    lang,
                    entry
                        .resolve(lang)
                        .map(|r| r.article.clone())
                        .map_err(Clone::clone),
                    entry.languages().collect(),
                    format!("https://example.org/{}/{}/", lang.tag(), entry.slug),
                ));
                assert_eq!(decode(&encode(&data)), Ok(data));
            }
        }
    }

    #[test]
    fn other_bytes_are_refused() {
        let list = PageData::List(ListData {
            kind: ListKind::Year(2025),
            page: 1,
            pages: 1,
            items: Vec::new(),
            years: vec![2025],
        });
        let bytes = encode(&list);
        assert!(decode(&bytes[1..]).is_err());
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert!(decode(b"").is_err());
    }

    #[test]
    fn page_links_stay_few() {
        assert_eq!(page_window(1, 1), [Some(1)]);
        assert_eq!(page_window(2, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(
            page_window(10, 50),
            [
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(50)
            ]
        );
        assert_eq!(
            page_window(1, 50),
            [Some(1), Some(2), Some(3), None, Some(50)]
        );
    }

    #[test]
    fn tag_slugs_keep_letters_of_every_script() {
        assert_eq!(
            tag_slug("Халықаралық ынтымақтастық").as_deref(),
            Some("халықаралық-ынтымақтастық")
        );
        assert_eq!(tag_slug("ХСӘҚ").as_deref(), Some("хсәқ"));
        assert_eq!(tag_slug(" AI / courts ").as_deref(), Some("ai-courts"));
        assert_eq!(tag_slug("—"), None);
    }
}

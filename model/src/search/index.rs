//! The search index of one language and its files: built natively from the articles
//! (`courtview-site` writes it under `dist/search/<lang>/`, `courtview search` keeps it in
//! memory), read back by the same code in the browser and in the CLI.
//!
//! Three kinds of file, each postcard after a four-byte magic that names kind and version
//! (the convention of [`crate::content::page_data`]), each named by a hash of its bytes
//! (`<16 hex>.bin`), so it is cached for good:
//!
//! - the **manifest** ([`Manifest`], `CVm1`): the language, every article indexed (slug, date,
//!   the name of its doc file) newest first, and the shards, each by its first key;
//! - **shards** ([`Shard`], `CVt1`): the keys of one contiguous range of the sorted key space,
//!   each with its postings. Ranges are cut at about [`SHARD_TARGET`] bytes, so a word costs
//!   one shard and the prefix of a word being typed one or two neighbours;
//! - **doc files** ([`Doc`], `CVp1`): one article's title and paragraph texts in one language,
//!   fetched for the results shown, to make their snippets.
//!
//! `docs/search.md` has the format and the budget arithmetic.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::text::{is_stop_word, keys, words};
use crate::Lang;
use crate::content::{Article, Date};
use crate::document::{Block, Document, Inline};

/// The magic of a manifest file; the digit changes with the format.
pub const MANIFEST_MAGIC: &[u8; 4] = b"CVm1";
/// The magic of a shard file.
pub const SHARD_MAGIC: &[u8; 4] = b"CVt1";
/// The magic of a doc file.
pub const DOC_MAGIC: &[u8; 4] = b"CVp1";

/// About how many bytes (before compression) a shard holds before the next one starts. A shard
/// is the unit a query word loads: small enough that the first search stays within its budget,
/// large enough that a 1,000-article language has a few hundred files, not tens of thousands.
pub const SHARD_TARGET: usize = 12 * 1024;

/// The key under which an entity's mentions are indexed: `#` and its id. No word contains `#`,
/// and it sorts before every letter and digit, so the entity keys share the first shards.
pub fn entity_key(id: &str) -> String {
    format!("#{id}")
}

/// A piece of an article that search finds and shows: the title (unit 0), a numbered paragraph,
/// or other text (a heading, a list item, a table cell), which links to the paragraph before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// The paragraph a result in this unit links to (`#p-<n>`); 0 for the title.
    pub paragraph: u32,
    /// Its plain text.
    pub text: String,
}

/// One article's searchable text in one language: what a doc file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    /// Unit 0 is the title; then the body's units in reading order.
    pub units: Vec<Unit>,
}

impl Doc {
    /// The article's title.
    pub fn title(&self) -> &str {
        self.units.first().map_or("", |u| u.text.as_str())
    }
}

/// An article as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Its slug.
    pub slug: String,
    /// Its date.
    pub date: Date,
    /// The hash that names its doc file (`<16 hex>.bin`).
    pub doc: u64,
}

/// A shard as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRef {
    /// The smallest key it holds; it holds every key from there up to the next shard's first.
    pub first: String,
    /// The hash that names its file.
    pub file: u64,
}

/// What a browser loads first for a language: everything needed to know which shards a query
/// needs and which doc files its results need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The language of the texts indexed.
    pub lang: Lang,
    /// The articles indexed, newest first; postings name them by their position here.
    pub articles: Vec<ArticleRef>,
    /// The shards, in key order.
    pub shards: Vec<ShardRef>,
}

/// The keys of one range and their postings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// Sorted by key.
    pub terms: Vec<Term>,
}

/// One key and where it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The key (a folded word or stem, or an [`entity_key`]).
    pub key: String,
    /// Its occurrences as (article, unit, word) triples, sorted, delta-coded as
    /// [`encode_postings`] writes them (postcard writes each number as a varint).
    pub postings: Vec<u32>,
}

/// One occurrence: the article (its position in the manifest), the unit, the word's position in
/// the unit.
pub type Posting = (u32, u32, u32);

/// Delta-codes sorted postings: per posting, the article's distance from the previous one; when
/// it is 0, the unit's distance, else the unit itself; when both are 0, the word's distance,
/// else the word itself. Most numbers are then below 128: one byte each.
pub fn encode_postings(postings: &[Posting]) -> Vec<u32> {
    let mut out = Vec::with_capacity(postings.len() * 3);
    let mut prev = (0, 0, 0);
    for (i, &(a, u, w)) in postings.iter().enumerate() {
        if i == 0 || a != prev.0 {
            out.extend([a - if i == 0 { 0 } else { prev.0 }, u, w]);
        } else if u != prev.1 {
            out.extend([0, u - prev.1, w]);
        } else {
            out.extend([0, 0, w - prev.2]);
        }
        prev = (a, u, w);
    }
    out
}

/// Reads [`encode_postings`] back; malformed input (from a damaged file) stops early.
pub fn decode_postings(coded: &[u32]) -> Vec<Posting> {
    let mut out = Vec::with_capacity(coded.len() / 3);
    let mut prev: Posting = (0, 0, 0);
    for (i, t) in coded.chunks_exact(3).enumerate() {
        let (da, du, dw) = (t[0], t[1], t[2]);
        let next = if i == 0 || da != 0 {
            (prev.0.saturating_add(da), du, dw)
        } else if du != 0 {
            (prev.0, prev.1.saturating_add(du), dw)
        } else {
            (prev.0, prev.1, prev.2.saturating_add(dw))
        };
        out.push(next);
        prev = next;
    }
    out
}

/// A search file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a courtview search file: {}", self.0)
    }
}

fn encode<T: Serialize>(magic: &[u8; 4], value: &T) -> Vec<u8> {
    let mut out = magic.to_vec();
    // Owned strings, vectors and numbers serialise into a vector without failing.
    out.extend(postcard::to_allocvec(value).expect("search data serialises"));
    out
}

fn decode<'a, T: Deserialize<'a>>(magic: &[u8; 4], bytes: &'a [u8]) -> Result<T, DecodeError> {
    let body = bytes
        .strip_prefix(magic)
        .ok_or_else(|| DecodeError("wrong kind, format or version".into()))?;
    match postcard::take_from_bytes::<T>(body) {
        Ok((value, [])) => Ok(value),
        Ok((_, rest)) => Err(DecodeError(format!("{} bytes after the data", rest.len()))),
        Err(e) => Err(DecodeError(e.to_string())),
    }
}

impl Manifest {
    /// The bytes of a manifest file.
    pub fn encode(&self) -> Vec<u8> {
        encode(MANIFEST_MAGIC, self)
    }
    /// Reads a manifest file.
    pub fn decode(bytes: &[u8]) -> Result<Manifest, DecodeError> {
        decode(MANIFEST_MAGIC, bytes)
    }
}

impl Shard {
    /// The bytes of a shard file.
    pub fn encode(&self) -> Vec<u8> {
        encode(SHARD_MAGIC, self)
    }
    /// Reads a shard file.
    pub fn decode(bytes: &[u8]) -> Result<Shard, DecodeError> {
        decode(SHARD_MAGIC, bytes)
    }
}

impl Doc {
    /// The bytes of a doc file.
    pub fn encode(&self) -> Vec<u8> {
        encode(DOC_MAGIC, self)
    }
    /// Reads a doc file.
    pub fn decode(bytes: &[u8]) -> Result<Doc, DecodeError> {
        decode(DOC_MAGIC, bytes)
    }
}

/// The 64-bit FNV-1a hash that names the files (as the site's data files are named).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The file name of a hash: `<16 hex>.bin`, relative to the language's folder.
pub fn file_name(hash: u64) -> String {
    format!("{hash:016x}.bin")
}

/// An entity mention in a unit's text: byte range and id.
type Mention = (usize, usize, String);

/// The units of an article: its title, then its body's text pieces, each with its mentions.
fn units_of(article: &Article) -> Vec<(Unit, Vec<Mention>)> {
    fn inlines(v: &[Inline], text: &mut String, mentions: &mut Vec<Mention>) {
        for i in v {
            match i {
                Inline::Entity { id, children, .. } => {
                    let start = text.len();
                    inlines(children, text, mentions);
                    mentions.push((start, text.len(), id.clone()));
                }
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Strikethrough(c)
                | Inline::NoEntity(c)
                | Inline::Link { children: c, .. }
                | Inline::EntityRef { children: c, .. } => inlines(c, text, mentions),
                other => other.push_plain_text(text),
            }
        }
    }
    fn blocks(v: &[Block], last: &mut u32, out: &mut Vec<(Unit, Vec<Mention>)>) {
        let unit = |paragraph: u32, v: &[Inline], out: &mut Vec<(Unit, Vec<Mention>)>| {
            let (mut text, mut mentions) = (String::new(), Vec::new());
            inlines(v, &mut text, &mut mentions);
            out.push((Unit { paragraph, text }, mentions));
        };
        for b in v {
            match b {
                Block::Paragraph { number, inlines } => {
                    *last = *number;
                    unit(*number, inlines, out);
                }
                Block::Plain(i) | Block::Heading { inlines: i, .. } => unit((*last).max(1), i, out),
                Block::BlockQuote(inner) => blocks(inner, last, out),
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, last, out)),
                Block::Table { head, rows, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        unit((*last).max(1), cell, out);
                    }
                }
                Block::CodeBlock { text, .. } | Block::RawHtml(text) => out.push((
                    Unit {
                        paragraph: (*last).max(1),
                        text: text.clone(),
                    },
                    Vec::new(),
                )),
                // A caption is searched as part of the paragraph before it.
                Block::Figure(figure) => unit((*last).max(1), &figure.caption, out),
                Block::Rule => {}
            }
        }
    }
    let mut out = vec![(
        Unit {
            paragraph: 0,
            text: article.meta.title.clone(),
        },
        Vec::new(),
    )];
    let Document { blocks: body } = &article.document;
    blocks(body, &mut 0, &mut out);
    out.retain(|(u, _)| u.paragraph == 0 || !u.text.trim().is_empty());
    out
}

/// A language's index, built: the manifest and every file it names.
#[derive(Clone, Debug)]
pub struct Built {
    /// The manifest.
    pub manifest: Manifest,
    /// The manifest's file: its name and bytes.
    pub manifest_file: (String, Vec<u8>),
    /// Every shard and doc file: name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The articles of `catalog` readable in `lang` (its own version, not a fallback), newest
/// first: what `lang`'s index holds.
pub fn articles_in(catalog: &crate::content::Catalog, lang: Lang) -> Vec<&Article> {
    catalog
        .entries()
        .iter()
        .filter_map(|e| e.version(lang).and_then(|v| v.as_ref().ok()))
        .collect()
}

/// Builds the index of `lang` from the articles readable in it, newest first (their entity
/// mentions marked, as the site generator annotates them).
pub fn build(lang: Lang, articles: &[&Article]) -> Built {
    let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut cache: HashMap<String, Vec<String>> = HashMap::new();
    let mut refs = Vec::new();
    let mut files = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let a = a as u32;
        let units = units_of(article);
        for (u, (unit, mentions)) in units.iter().enumerate() {
            let u = u as u32;
            let ws = words(&unit.text);
            for (w, word) in ws.iter().enumerate() {
                // Left out, but counted: a phrase's words keep their distances.
                if is_stop_word(lang, &word.folded) {
                    continue;
                }
                let ks = cache
                    .entry(word.folded.clone())
                    .or_insert_with(|| keys(lang, &word.folded));
                for k in ks.iter() {
                    postings
                        .entry(k.clone())
                        .or_default()
                        .push((a, u, w as u32));
                }
            }
            for (start, end, id) in mentions {
                let list = postings.entry(entity_key(id)).or_default();
                for (w, word) in ws.iter().enumerate() {
                    if word.start < *end && word.end > *start {
                        list.push((a, u, w as u32));
                    }
                }
            }
        }
        let doc = Doc {
            units: units.into_iter().map(|(u, _)| u).collect(),
        };
        let bytes = doc.encode();
        let hash = fnv1a(&bytes);
        files.push((file_name(hash), bytes));
        refs.push(ArticleRef {
            slug: article.slug.clone(),
            date: article.meta.date,
            doc: hash,
        });
    }
    // Cut the sorted keys into shards of about SHARD_TARGET bytes.
    let mut shards: Vec<ShardRef> = Vec::new();
    let mut current = Shard::default();
    let mut size = 0;
    let flush = |current: &mut Shard, shards: &mut Vec<ShardRef>, files: &mut Vec<_>| {
        if current.terms.is_empty() {
            return;
        }
        let shard = std::mem::take(current);
        let bytes = shard.encode();
        let hash = fnv1a(&bytes);
        shards.push(ShardRef {
            first: shard.terms[0].key.clone(),
            file: hash,
        });
        files.push((file_name(hash), bytes));
    };
    for (key, mut list) in postings {
        list.sort_unstable();
        list.dedup();
        let coded = encode_postings(&list);
        // Roughly what postcard writes: the key, and mostly one byte per number.
        let term_size = key.len() + coded.len() + 2;
        // A very common key (`the`, `және`) gets a shard of its own, so that the rare keys
        // beside it in the key order do not make a query fetch it.
        if term_size >= SHARD_TARGET && !current.terms.is_empty() {
            flush(&mut current, &mut shards, &mut files);
            size = 0;
        }
        size += term_size;
        current.terms.push(Term {
            key,
            postings: coded,
        });
        if size >= SHARD_TARGET {
            flush(&mut current, &mut shards, &mut files);
            size = 0;
        }
    }
    flush(&mut current, &mut shards, &mut files);
    let manifest = Manifest {
        lang,
        articles: refs,
        shards,
    };
    let bytes = manifest.encode();
    Built {
        manifest_file: (file_name(fnv1a(&bytes)), bytes),
        manifest,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_survive_coding() {
        let p = vec![
            (0, 0, 3),
            (0, 0, 7),
            (0, 2, 1),
            (5, 0, 0),
            (5, 0, 9),
            (9, 4, 4),
        ];
        assert_eq!(decode_postings(&encode_postings(&p)), p);
        assert!(decode_postings(&[]).is_empty());
    }

    #[test]
    fn files_refuse_the_wrong_kind() {
        let shard = Shard {
            terms: vec![Term {
                key: "сот".into(),
                postings: vec![0, 1, 2],
            }],
        };
        let bytes = shard.encode();
        assert_eq!(Shard::decode(&bytes), Ok(shard));
        assert!(Doc::decode(&bytes).is_err());
        assert!(Manifest::decode(&bytes).is_err());
        assert!(Shard::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}

//! The pass that marks entity mentions in a document: `fn(&Document) -> Document`.
//!
//! Text runs are searched with the language's [`Matcher`] (built once per language from the
//! knowledge base) and the date finder; explicit `[text](entity:id)` annotations are resolved
//! against the knowledge base; `[text](entity:-)`, code, links and raw HTML are left alone.
//! Only where a mention starts and ends changes: the text is the article's, byte for byte.

use std::sync::OnceLock;

use super::dates::find_dates;
use super::matcher::Matcher;
use super::{EntityRecord, EntityType, record, records};
use crate::document::{Block, Document, Inline};
use crate::lang::Lang;

/// A knowledge base compiled for one language: the matcher, and for each of its names the
/// entity it names; plus the dates that stand for date entities.
pub struct Gazetteer {
    lang: Lang,
    matcher: Matcher,
    owners: Vec<(String, EntityType)>,
    dates: Vec<(&'static str, String)>,
}

/// A mention found in a run of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// The entity's id; for a date no entity stands for, its ISO form.
    pub id: String,
    /// The entity's type.
    pub kind: EntityType,
}

impl Gazetteer {
    /// Builds the gazetteer for `lang` from knowledge-base entities.
    pub fn new(lang: Lang, entities: &'static [EntityRecord]) -> Gazetteer {
        let names: Vec<(&str, &str, EntityType)> = entities
            .iter()
            .flat_map(|e| {
                e.names[lang.index()]
                    .iter()
                    .map(move |&n| (e.id, n, e.kind))
            })
            .collect();
        let mut gazetteer = Gazetteer::from_names(lang, &names);
        gazetteer.dates = entities
            .iter()
            .filter_map(|e| Some((e.date?, e.id.to_owned())))
            .collect();
        gazetteer
    }

    /// Builds a gazetteer from `(id, name, type)` triples, names in dictionary form.
    pub fn from_names(lang: Lang, names: &[(&str, &str, EntityType)]) -> Gazetteer {
        let patterns: Vec<&str> = names.iter().map(|&(_, name, _)| name).collect();
        Gazetteer {
            lang,
            matcher: Matcher::new(lang, &patterns),
            owners: names
                .iter()
                .map(|&(id, _, kind)| (id.to_owned(), kind))
                .collect(),
            dates: Vec::new(),
        }
    }

    /// The shipped knowledge base for `lang`, compiled on first use and kept for the app's
    /// lifetime (not per render).
    pub fn shipped(lang: Lang) -> &'static Gazetteer {
        static KK: OnceLock<Gazetteer> = OnceLock::new();
        static RU: OnceLock<Gazetteer> = OnceLock::new();
        static EN: OnceLock<Gazetteer> = OnceLock::new();
        let cell = match lang {
            Lang::Kk => &KK,
            Lang::Ru => &RU,
            Lang::En => &EN,
        };
        cell.get_or_init(|| Gazetteer::new(lang, records()))
    }

    /// The mentions in one run of text, sorted and never overlapping: names and dates (dates
    /// without a year take `year`) compete leftmost-longest.
    pub fn find(&self, text: &str, year: u16) -> Vec<Found> {
        let names = self.matcher.find(text).into_iter().map(|m| {
            let (id, kind) = &self.owners[m.name];
            Found {
                start: m.start,
                end: m.end,
                id: id.clone(),
                kind: *kind,
            }
        });
        let dates = find_dates(text, self.lang, year).into_iter().map(|d| {
            let entity = self.dates.iter().find(|(iso, _)| *iso == d.iso);
            let id = entity.map_or(d.iso, |(_, id)| id.clone());
            Found {
                start: d.start,
                end: d.end,
                id,
                kind: EntityType::Date,
            }
        });
        let mut all: Vec<Found> = names.chain(dates).collect();
        // Leftmost first, then longest; then drop whatever overlaps an earlier pick.
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut picked: Vec<Found> = Vec::with_capacity(all.len());
        for m in all {
            if picked.last().is_none_or(|p| m.start >= p.end) {
                picked.push(m);
            }
        }
        picked
    }
}

/// Marks every mention in `doc` (language `lang`, dates resolved with `year`) using the shipped
/// knowledge base.
pub fn annotate(doc: &Document, lang: Lang, year: u16) -> Document {
    annotate_with(doc, Gazetteer::shipped(lang), year)
}

/// [`annotate`] with a given gazetteer.
pub fn annotate_with(doc: &Document, gazetteer: &Gazetteer, year: u16) -> Document {
    annotate_by(doc, &mut |text| gazetteer.find(text, year))
}

/// The mentions [`annotate_with`] finds in each run of text of `doc`, with the run's length
/// in bytes, in the order it visits the runs: what the build records for the shipped
/// articles, so that the browser can replay them with [`annotate_by`] instead of compiling
/// the knowledge base and searching.
pub fn mentions_by_run(
    doc: &Document,
    gazetteer: &Gazetteer,
    year: u16,
) -> Vec<(usize, Vec<Found>)> {
    let mut runs = Vec::new();
    annotate_by(doc, &mut |text| {
        let found = gazetteer.find(text, year);
        runs.push((text.len(), found.clone()));
        found
    });
    runs
}

/// Marks the mentions that `find` reports for each run of text (sorted, non-overlapping, on
/// char boundaries of the run; anything else is dropped) and resolves explicit annotations.
/// Code, links, raw HTML and `entity:-` spans are not searched.
pub fn annotate_by(doc: &Document, find: &mut dyn FnMut(&str) -> Vec<Found>) -> Document {
    Document {
        blocks: doc.blocks.iter().map(|b| block(b, find)).collect(),
    }
}

fn block(b: &Block, find: &mut dyn FnMut(&str) -> Vec<Found>) -> Block {
    let mut inl = |v: &[Inline]| inlines(v, find);
    match b {
        Block::Paragraph { number, inlines } => Block::Paragraph {
            number: *number,
            inlines: inl(inlines),
        },
        Block::Plain(v) => Block::Plain(inl(v)),
        Block::Heading { level, inlines } => Block::Heading {
            level: *level,
            inlines: inl(inlines),
        },
        Block::BlockQuote(v) => Block::BlockQuote(v.iter().map(|b| block(b, find)).collect()),
        Block::List { start, items } => Block::List {
            start: *start,
            items: items
                .iter()
                .map(|i| i.iter().map(|b| block(b, find)).collect())
                .collect(),
        },
        Block::Table { aligns, head, rows } => Block::Table {
            aligns: aligns.clone(),
            head: head.iter().map(|c| inl(c)).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| inl(c)).collect())
                .collect(),
        },
        // Captions are not searched for names: a photo's caption is short, and its mentions
        // would need a paragraph of their own in the cards' counts.
        Block::CodeBlock { .. } | Block::Rule | Block::RawHtml(_) | Block::Figure(_) => b.clone(),
    }
}

fn inlines(v: &[Inline], find: &mut dyn FnMut(&str) -> Vec<Found>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(v.len());
    for inline in v {
        match inline {
            Inline::Text(text) => split_text(text, find(text), &mut out),
            Inline::Emphasis(c) => out.push(Inline::Emphasis(inlines(c, find))),
            Inline::Strong(c) => out.push(Inline::Strong(inlines(c, find))),
            Inline::Strikethrough(c) => out.push(Inline::Strikethrough(inlines(c, find))),
            Inline::EntityRef { id, children } => match record(id) {
                Some(r) => out.push(Inline::Entity {
                    id: r.id.to_owned(),
                    kind: r.kind,
                    children: children.clone(),
                }),
                // `courtview check` reports unknown ids; the reader still gets the text.
                None => out.extend(children.iter().cloned()),
            },
            // Links, code, raw HTML, explicit "no entity" spans and marks already made are
            // left as they are.
            other => out.push(other.clone()),
        }
    }
    out
}

fn split_text(text: &str, found: Vec<Found>, out: &mut Vec<Inline>) {
    let mut at = 0;
    for Found {
        start,
        end,
        id,
        kind,
    } in found
    {
        // A replayed list that does not fit this text is not trusted: the text stays whole.
        if start < at
            || end <= start
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > at {
            out.push(Inline::Text(text[at..start].to_owned()));
        }
        out.push(Inline::Entity {
            id,
            kind,
            children: vec![Inline::Text(text[start..end].to_owned())],
        });
        at = end;
    }
    if at < text.len() || text.is_empty() {
        out.push(Inline::Text(text[at..].to_owned()));
    }
}

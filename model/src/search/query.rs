//! Queries: parsed from what the reader typed, run against a language's shards, ranked, and
//! turned into snippets. Pure: the browser runs exactly this code on the files it fetched, and
//! `courtview search` on the same files built in memory.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use super::index::{
    DecodeError, Doc, Manifest, Posting, Shard, decode_postings, entity_key, file_name,
};
use super::text::{is_stop_word, keys, meet, words};
use crate::Lang;
use crate::content::Date;
use crate::entities::{EntityType, records};
use crate::script::from_latin;

/// At most this many results are shown (and printed by `courtview search`).
pub const MAX_RESULTS: usize = 50;

/// The shortest word being typed that is completed by prefix, in characters: a single letter
/// would pull in a large part of the index.
pub const MIN_PREFIX: usize = 2;

/// At most this many keys complete a prefix, the most frequent not preferred: enough for the
/// forms of the words that share a few letters, bounded so a keystroke stays cheap.
const MAX_PREFIX_KEYS: usize = 256;

/// At most this many shards complete a word being typed: the first ones of its range. A
/// common beginning in court news (`суд`, `со`) spans six shards or more of heavy postings at
/// 1,000 articles (79 KB gzipped for `су`); its first three hold its first keys
/// alphabetically, which is what a word being typed shows until it is finished.
const MAX_PREFIX_SHARDS: usize = 3;

/// How a query is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryOptions {
    /// The reader is still typing the last word (the page sets this while the box has focus and
    /// the text does not end in a space): it also matches every key it begins.
    pub prefix_last: bool,
}

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
struct QWord {
    folded: String,
    keys: Vec<String>,
    /// When it is completed by prefix: the folded word, and its Cyrillic reading when it is a
    /// Kazakh word typed in Latin.
    prefix: Vec<String>,
    /// A function word the index leaves out ([`is_stop_word`]), not being typed: it has no
    /// postings, so a clause of its own is dropped and in a phrase any word meets it.
    stop: bool,
}

/// One way a clause can be met.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Alt {
    /// The words in this order, one after another (one word, or a phrase).
    Words(Vec<QWord>),
    /// A mention of this entity.
    Entity(String),
}

/// A part of the query every result must meet (in any of its ways).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Clause {
    alts: Vec<Alt>,
}

/// A query, read for one language's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    lang: Lang,
    clauses: Vec<Clause>,
}

/// An entity's name as the query side knows it: its words' keys in the name's language.
struct Name {
    id: &'static str,
    lang: Lang,
    words: Vec<Vec<String>>,
}

/// Every name of every entity of the knowledge base (dates aside: they are not typed as
/// names), longest first, so that a query's longest name wins.
fn names() -> &'static [Name] {
    static NAMES: OnceLock<Vec<Name>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        for r in records().iter().filter(|r| r.kind != EntityType::Date) {
            for lang in Lang::ALL {
                for name in r.names[lang.index()] {
                    let ws: Vec<Vec<String>> = words(name)
                        .into_iter()
                        .map(|w| keys(lang, &w.folded))
                        .collect();
                    if !ws.is_empty() {
                        out.push(Name {
                            id: r.id,
                            lang,
                            words: ws,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        out
    })
}

/// A Kazakh word typed in the 2021 Latin alphabet (a reader of the Latin pages may search as
/// they read) read back into Cyrillic ([`from_latin`]), for the Kazakh index only.
fn kazakh_reading(lang: Lang, folded: &str) -> Option<String> {
    (lang == Lang::Kk)
        .then(|| from_latin(folded))
        .flatten()
        .filter(|c| c != folded)
}

impl QWord {
    /// A query word: its keys are its own and, for a Kazakh word written in Latin, its
    /// Cyrillic reading's (`sottarynyñ` meets `соттарының`; Latin words keep their own, as
    /// Kazakh text quotes names in Latin: `DIFC`). A function word in either spelling is
    /// `stop`. `typed`: it is the word being typed, completed by prefix in both spellings.
    fn new(lang: Lang, folded: String, typed: bool) -> QWord {
        let reading = kazakh_reading(lang, &folded);
        let mut own = keys(lang, &folded);
        let mut stop = is_stop_word(lang, &folded);
        if let Some(cyrillic) = &reading {
            for k in keys(lang, cyrillic) {
                if !own.contains(&k) {
                    own.push(k);
                }
            }
            stop |= is_stop_word(lang, cyrillic);
        }
        let prefix = if typed {
            std::iter::once(folded.clone()).chain(reading).collect()
        } else {
            Vec::new()
        };
        QWord {
            keys: own,
            // Being typed, a function word is the start of others.
            stop: stop && !typed,
            folded,
            prefix,
        }
    }
}

/// Quotation marks that open or close a phrase.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„')
}

impl Query {
    /// Reads `text` for the index of `lang`. Words in quotation marks (`"…"`, `«…»`, `“…”`)
    /// form a phrase; other words are each a clause, except that consecutive words naming an
    /// entity of the knowledge base, in any language, form one clause that a mention of that
    /// entity meets too (`Мергалиев` finds `Мерғалиевтің` in Kazakh). Every clause must be met.
    pub fn parse(text: &str, lang: Lang, options: QueryOptions) -> Query {
        // Split into runs outside and inside quotes.
        let mut runs: Vec<(bool, String)> = vec![(false, String::new())];
        for c in text.chars() {
            if is_quote(c) {
                let quoted = !runs.last().is_some_and(|r| r.0);
                runs.push((quoted, String::new()));
            } else if let Some(r) = runs.last_mut() {
                r.1.push(c);
            }
        }
        let ends_open = !text.ends_with(|c: char| c.is_whitespace() || is_quote(c));
        let last_run = runs.iter().rposition(|r| !words(&r.1).is_empty());
        let mut clauses = Vec::new();
        for (n, (quoted, run)) in runs.iter().enumerate() {
            let run_words = words(run);
            let last = run_words.len().saturating_sub(1);
            let typing = options.prefix_last && ends_open && Some(n) == last_run;
            let mut ws: Vec<QWord> = run_words
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    let typed = typing && i == last && w.folded.chars().count() >= MIN_PREFIX;
                    QWord::new(lang, w.folded, typed)
                })
                .collect();
            if *quoted {
                // A function word at a phrase's end stands for no word at all: `"court of"`
                // must not meet a paragraph that ends in "court", nor mark the word after it.
                while ws.first().is_some_and(|w| w.stop) {
                    ws.remove(0);
                }
                while ws.last().is_some_and(|w| w.stop) {
                    ws.pop();
                }
            }
            if ws.is_empty() {
                continue;
            }
            if *quoted {
                clauses.push(Clause {
                    alts: vec![Alt::Words(ws)],
                });
                continue;
            }
            let mut i = 0;
            while i < ws.len() {
                let found = names().iter().find(|name| {
                    let n = name.words.len();
                    i + n <= ws.len()
                        && (0..n).all(|j| meet(&keys(name.lang, &ws[i + j].folded), &name.words[j]))
                });
                match found {
                    Some(name) => {
                        let n = name.words.len();
                        let mut alts = vec![Alt::Words(ws[i..i + n].to_vec())];
                        // Every entity this span names (a name may be shared across entities
                        // only in different languages; each is a way to meet the clause).
                        for other in names() {
                            if other.words.len() == n
                                && (0..n).all(|j| {
                                    meet(&keys(other.lang, &ws[i + j].folded), &other.words[j])
                                })
                                && !alts.contains(&Alt::Entity(other.id.to_owned()))
                            {
                                alts.push(Alt::Entity(other.id.to_owned()));
                            }
                        }
                        clauses.push(Clause { alts });
                        i += n;
                    }
                    // A function word alone narrows nothing (and is not in the index).
                    None if ws[i].stop => i += 1,
                    None => {
                        clauses.push(Clause {
                            alts: vec![Alt::Words(vec![ws[i].clone()])],
                        });
                        i += 1;
                    }
                }
            }
        }
        Query { lang, clauses }
    }

    /// Whether the query has no word at all (nothing to search for).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The language whose index the query was read for.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The entities the query names, by id: for a results page to say so.
    pub fn entities(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for c in &self.clauses {
            for a in &c.alts {
                if let Alt::Entity(id) = a
                    && !out.contains(&id.as_str())
                {
                    out.push(id.as_str());
                }
            }
        }
        out
    }

    fn qwords(&self) -> impl Iterator<Item = &QWord> {
        self.clauses
            .iter()
            .flat_map(|c| &c.alts)
            .flat_map(|a| match a {
                Alt::Words(ws) => ws.as_slice(),
                Alt::Entity(_) => &[],
            })
    }

    fn entity_ids(&self) -> impl Iterator<Item = &str> {
        self.clauses
            .iter()
            .flat_map(|c| &c.alts)
            .filter_map(|a| match a {
                Alt::Entity(id) => Some(id.as_str()),
                Alt::Words(_) => None,
            })
    }
}

/// One result: an article, the paragraph that matched best, and the words to mark there.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The language of the text that matched.
    pub lang: Lang,
    /// The article's position in its language's manifest (names its doc file).
    pub article: u32,
    /// Its slug.
    pub slug: String,
    /// Its date.
    pub date: Date,
    /// Higher is better.
    pub score: f32,
    /// The unit that matched best in the article's [`Doc`]: a body unit when the body
    /// matched, else 0 (the title). [`show`] turns it into the paragraph to link to.
    pub unit: u32,
    /// The positions of the matching words in that unit (for [`snippet`]).
    pub marks: Vec<u32>,
}

/// Shards a query needs that are not loaded: their numbers in the manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing(pub Vec<usize>);

/// A language's index in the browser (or in the CLI): the manifest and the shards fetched so
/// far. Shards only accumulate, so later searches fetch little.
#[derive(Clone, Debug)]
pub struct Searcher {
    manifest: Manifest,
    shards: BTreeMap<usize, Shard>,
}

impl Searcher {
    /// A searcher over a manifest's shards, none loaded yet.
    pub fn new(manifest: Manifest) -> Searcher {
        Searcher {
            manifest,
            shards: BTreeMap::new(),
        }
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The file of shard `i`, relative to the language's folder (`search/<lang>/`).
    pub fn shard_file(&self, i: usize) -> Option<String> {
        self.manifest.shards.get(i).map(|s| file_name(s.file))
    }

    /// The doc file of article `article`, relative to the language's folder.
    pub fn doc_file(&self, article: u32) -> Option<String> {
        self.manifest
            .articles
            .get(article as usize)
            .map(|a| file_name(a.doc))
    }

    /// Adds shard `i` from its file's bytes.
    pub fn add_shard(&mut self, i: usize, bytes: &[u8]) -> Result<(), DecodeError> {
        if i >= self.manifest.shards.len() {
            return Err(DecodeError(format!("no shard {i} in the manifest")));
        }
        self.shards.insert(i, Shard::decode(bytes)?);
        Ok(())
    }

    /// The shard that holds `key`, if any can.
    fn shard_of(&self, key: &str) -> Option<usize> {
        let after = self
            .manifest
            .shards
            .partition_point(|s| s.first.as_str() <= key);
        after.checked_sub(1)
    }

    /// The shards whose range may hold a key that starts with `prefix`.
    fn shards_of_prefix(&self, prefix: &str) -> Vec<usize> {
        let Some(start) = self.shard_of(prefix).or(Some(0)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, s) in self.manifest.shards.iter().enumerate().skip(start) {
            if i > start && !(s.first.starts_with(prefix) || s.first.as_str() < prefix) {
                break;
            }
            out.push(i);
        }
        out
    }

    /// The shards a word being typed reads, as far as can be known: the first
    /// [`MAX_PREFIX_SHARDS`] of its range, in order, up to the one where its
    /// [`MAX_PREFIX_KEYS`]th key is, or up to the first not loaded (which may hold the rest).
    /// Only the first keys are read ([`Searcher::word_places`]): the shards after them are
    /// not fetched. Costs a round trip per shard, on a first search only.
    fn shards_of_typed(&self, prefix: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut taken = 0;
        for i in self
            .shards_of_prefix(prefix)
            .into_iter()
            .take(MAX_PREFIX_SHARDS)
        {
            out.push(i);
            let Some(shard) = self.shards.get(&i) else {
                break;
            };
            taken += shard
                .terms
                .iter()
                .filter(|t| t.key.starts_with(prefix))
                .count();
            if taken >= MAX_PREFIX_KEYS {
                break;
            }
        }
        out
    }

    /// Every shard the query needs, loaded or not (for a word being typed, as far as the
    /// shards loaded tell).
    pub fn shards_for(&self, query: &Query) -> Vec<usize> {
        let mut out = BTreeSet::new();
        for w in query.qwords().filter(|w| !w.stop) {
            out.extend(w.keys.iter().filter_map(|k| self.shard_of(k)));
            for p in &w.prefix {
                out.extend(self.shards_of_typed(p));
            }
        }
        for id in query.entity_ids() {
            out.extend(self.shard_of(&entity_key(id)));
        }
        out.into_iter().collect()
    }

    /// The shards the query needs that are not loaded yet: fetch these, [`Searcher::add_shard`]
    /// them, then [`Searcher::search`].
    pub fn missing(&self, query: &Query) -> Vec<usize> {
        self.shards_for(query)
            .into_iter()
            .filter(|i| !self.shards.contains_key(i))
            .collect()
    }

    /// The postings of one key (none when it is not in the index), appended to `out`.
    fn postings(&self, key: &str, out: &mut Vec<Posting>) {
        let Some(shard) = self.shard_of(key).and_then(|i| self.shards.get(&i)) else {
            return;
        };
        if let Ok(t) = shard.terms.binary_search_by(|t| t.key.as_str().cmp(key)) {
            out.extend(decode_postings(&shard.terms[t].postings));
        }
    }

    /// Where a word occurs, sorted: any of its keys, or any key it begins when typed.
    fn word_places(&self, w: &QWord) -> Vec<Posting> {
        let mut out = Vec::new();
        for k in &w.keys {
            self.postings(k, &mut out);
        }
        for p in &w.prefix {
            let mut taken = 0;
            for i in self.shards_of_typed(p) {
                let Some(shard) = self.shards.get(&i) else {
                    continue;
                };
                let from = shard.terms.partition_point(|t| t.key.as_str() < p.as_str());
                for t in shard.terms[from..]
                    .iter()
                    .take_while(|t| t.key.starts_with(p.as_str()))
                {
                    if taken == MAX_PREFIX_KEYS {
                        break;
                    }
                    taken += 1;
                    out.extend(decode_postings(&t.postings));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Where a clause is met, sorted (a phrase: every word of each occurrence).
    fn clause_places(&self, clause: &Clause) -> Vec<Posting> {
        let mut out = Vec::new();
        for alt in &clause.alts {
            match alt {
                Alt::Entity(id) => self.postings(&entity_key(id), &mut out),
                Alt::Words(ws) if ws.len() == 1 => out.extend(self.word_places(&ws[0])),
                Alt::Words(ws) => {
                    // A phrase: its words at consecutive positions, a function word's place
                    // taken by any word. Anchored on its first word that is in the index.
                    let Some(k) = ws.iter().position(|w| !w.stop) else {
                        continue;
                    };
                    let each: Vec<Vec<Posting>> = ws.iter().map(|w| self.word_places(w)).collect();
                    let n = ws.len() as u32;
                    for &(a, u, p) in &each[k] {
                        let Some(start) = p.checked_sub(k as u32) else {
                            continue;
                        };
                        let whole = (0..n).all(|j| {
                            ws[j as usize].stop
                                || each[j as usize].binary_search(&(a, u, start + j)).is_ok()
                        });
                        if whole {
                            out.extend((start..start + n).map(|q| (a, u, q)));
                        }
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Runs `query` on the loaded shards: the articles that meet every clause, best first, at
    /// most [`MAX_RESULTS`]. Fails with the shards still to load when some are missing.
    pub fn search(&self, query: &Query) -> Result<Vec<Hit>, Missing> {
        let missing = self.missing(query);
        if !missing.is_empty() {
            return Err(Missing(missing));
        }
        if query.clauses.is_empty() {
            return Ok(Vec::new());
        }
        let places: Vec<Vec<Posting>> = query
            .clauses
            .iter()
            .map(|c| self.clause_places(c))
            .collect();
        // Each clause's postings by article: (article, range in its list).
        let by_article: Vec<Vec<(u32, std::ops::Range<usize>)>> =
            places.iter().map(|p| article_ranges(p)).collect();
        let total = self.manifest.articles.len().max(1) as f32;
        // Rarer clauses weigh more (inverse document frequency).
        let idf: Vec<f32> = by_article
            .iter()
            .map(|r| (1.0 + total / r.len().max(1) as f32).ln())
            .collect();
        let mut hits = Vec::new();
        'articles: for (a, _) in &by_article[0] {
            let mut slices = Vec::with_capacity(places.len());
            for (c, ranges) in by_article.iter().enumerate() {
                match ranges.binary_search_by_key(a, |r| r.0) {
                    Ok(i) => slices.push(&places[c][ranges[i].1.clone()]),
                    Err(_) => continue 'articles,
                }
            }
            // Each unit's score: the clauses met there, each by its weight and how often.
            let mut units: Vec<(u32, f32)> = Vec::new();
            for (c, slice) in slices.iter().enumerate() {
                for run in slice.chunk_by(|x, y| x.1 == y.1) {
                    let gain = idf[c] * (1.0 + (run.len() as f32).ln());
                    match units.iter_mut().find(|u| u.0 == run[0].1) {
                        Some(u) => u.1 += gain,
                        None => units.push((run[0].1, gain)),
                    }
                }
            }
            let better = |x: &&(u32, f32), y: &&(u32, f32)| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0));
            let sum: f32 = units.iter().map(|u| u.1).sum();
            let &(best, best_score) = units.iter().max_by(better).expect("a unit matched");
            let score = best_score + 0.1 * (sum - best_score);
            // The title is unit 0: a result links to the best unit of the body, or to the
            // first paragraph when only the title matched.
            let unit = if best == 0 {
                units
                    .iter()
                    .filter(|u| u.0 != 0)
                    .max_by(better)
                    .map_or(0, |u| u.0)
            } else {
                best
            };
            let mut marks: Vec<u32> = slices
                .iter()
                .flat_map(|s| s.iter().filter(|p| p.1 == unit).map(|p| p.2))
                .collect();
            marks.sort_unstable();
            marks.dedup();
            let article = &self.manifest.articles[*a as usize];
            hits.push(Hit {
                lang: self.manifest.lang,
                article: *a,
                slug: article.slug.clone(),
                date: article.date,
                score,
                unit,
                marks,
            });
        }
        hits.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.article.cmp(&y.article)));
        hits.truncate(MAX_RESULTS);
        Ok(hits)
    }
}

/// The runs of sorted postings that share an article: (article, range).
fn article_ranges(postings: &[Posting]) -> Vec<(u32, std::ops::Range<usize>)> {
    let mut out: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
    for (i, p) in postings.iter().enumerate() {
        match out.last_mut() {
            Some((a, r)) if *a == p.0 => r.end = i + 1,
            _ => out.push((p.0, i..i + 1)),
        }
    }
    out
}

/// A hit as a results page shows it, once its article's doc file is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The article's title.
    pub title: String,
    /// The paragraph to link to: `/<lang>/<slug>/#p-<paragraph>` (1 when only the title
    /// matched).
    pub paragraph: u32,
    /// The text to show, matches marked.
    pub snippet: Snippet,
}

/// What a results page shows of `hit`, from its article's `doc`.
pub fn show(doc: &Doc, hit: &Hit) -> Shown {
    let paragraph = doc
        .units
        .get(hit.unit as usize)
        .map_or(1, |u| u.paragraph.max(1));
    // A title-only hit shows the start of the first paragraph, unmarked.
    let snippet = if hit.unit == 0 {
        let first = Hit {
            unit: 1,
            marks: Vec::new(),
            ..hit.clone()
        };
        snippet(doc, &first)
    } else {
        snippet(doc, hit)
    };
    Shown {
        title: doc.title().to_owned(),
        paragraph,
        snippet,
    }
}

/// The results of several languages' searches as one list: the page's language first, then
/// the others' articles that it did not find, each part best first.
pub fn merge_languages(page: Lang, per_lang: Vec<Vec<Hit>>) -> Vec<Hit> {
    let mut all: Vec<Hit> = per_lang.into_iter().flatten().collect();
    all.sort_by(|x, y| {
        (y.lang == page)
            .cmp(&(x.lang == page))
            .then(y.score.total_cmp(&x.score))
            .then(x.lang.index().cmp(&y.lang.index()))
            .then(x.article.cmp(&y.article))
    });
    let mut seen = BTreeSet::new();
    all.retain(|h| seen.insert(h.slug.clone()));
    all.truncate(MAX_RESULTS);
    all
}

/// A result's text to show: a piece of the paragraph, with the matching words' byte ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown (with `…` where it was cut).
    pub text: String,
    /// Byte ranges in `text` to mark, in order.
    pub marks: Vec<(usize, usize)>,
}

/// About how many characters a snippet shows.
pub const SNIPPET_CHARS: usize = 220;

/// The snippet of a hit from its article's doc: the unit's text around its first match, cut at
/// word boundaries, the matching words marked.
pub fn snippet(doc: &Doc, hit: &Hit) -> Snippet {
    let Some(unit) = doc.units.get(hit.unit as usize) else {
        return Snippet {
            text: String::new(),
            marks: Vec::new(),
        };
    };
    let text = &unit.text;
    let ws = words(text);
    let marked: Vec<(usize, usize)> = hit
        .marks
        .iter()
        .filter_map(|&p| ws.get(p as usize).map(|w| (w.start, w.end)))
        .collect();
    let chars = text.chars().count();
    let (mut from, mut to) = (0, text.len());
    if chars > SNIPPET_CHARS {
        // Start a few words before the first mark; end after about SNIPPET_CHARS characters.
        let first = marked.first().map_or(0, |m| m.0);
        let lead = ws
            .iter()
            .rposition(|w| w.start < first)
            .map_or(0, |i| i.saturating_sub(5));
        from = if lead == 0 { 0 } else { ws[lead].start };
        to = text[from..]
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map_or(text.len(), |(i, _)| from + i);
        // Finish the word the cut falls in.
        if let Some(w) = ws.iter().find(|w| w.start < to && w.end > to) {
            to = w.end;
        }
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(text[from..to].trim_end());
    if to < text.len() {
        out.push('…');
    }
    let marks = marked
        .into_iter()
        .filter(|&(s, e)| s >= from && e <= to)
        .map(|(s, e)| (s - from + shift, e - from + shift))
        .collect();
    Snippet { text: out, marks }
}

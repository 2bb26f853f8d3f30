//! A search page's whole conversation with the index, as pure code: what to fetch next and,
//! once everything is here, the results to show.
//!
//! The browser's search worker and `courtview search` both drive an [`Engine`]: ask it
//! [`Engine::step`] for a [`Request`]; it answers either with the files still to fetch (paths
//! from the site's root) or with the [`Reply`]; hand each fetched file to [`Engine::add`] and
//! ask again. Files only accumulate (the index's names are content hashes), so later searches
//! fetch only their new shards and documents. Keeping the sequence here means the page and
//! the CLI cannot drift apart: the CLI prints what the page shows.
//!
//! [`Request`] and [`Reply`] are also the messages between the page and the worker
//! ([`encode`]/[`decode`]: postcard, as the page data files).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Doc, INDEX_FILE, Manifest, Query, QueryOptions, Searcher, folder, merge_languages};
use crate::Lang;
use crate::content::Date;
use crate::script::{Script, to_latin, to_latin_with_ranges};

/// How many results a page shows at first, and adds each time the reader asks for more:
/// each shown result costs its article's doc file (about 1 KB).
pub const PAGE_SIZE: u32 = 10;

/// What the page asks: one query, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Numbers the requests, so the page keeps only the answer to its latest.
    pub id: u32,
    /// The query as typed.
    pub text: String,
    /// The page's language: searched first (or alone).
    pub lang: Lang,
    /// Search all three languages, the page's language first.
    pub all: bool,
    /// The last word is still being typed: it also matches the words it begins.
    pub prefix: bool,
    /// How many results to show (their doc files are fetched).
    pub limit: u32,
    /// The script Kazakh is shown in: in Latin, a Kazakh result comes with its title and
    /// snippet transliterated, the marks on the same words. Done here, once per answer and
    /// off the page's thread, rather than by the page on every render.
    pub script: Script,
}

/// One result, as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Found {
    /// The language of the text that matched (and of the page linked to).
    pub lang: Lang,
    /// The article's slug.
    pub slug: String,
    /// The article's date.
    pub date: Date,
    /// The article's title in `lang`.
    pub title: String,
    /// The ranking's score: higher is better.
    pub score: f32,
    /// The paragraph that matched best: the link goes to `/<lang>/<slug>/#p-<paragraph>`.
    pub paragraph: u32,
    /// A piece of that paragraph (`…` where cut).
    pub snippet: String,
    /// Byte ranges in `snippet` of the matching words, in order, not overlapping.
    pub marks: Vec<(u32, u32)>,
}

/// The answer to a [`Request`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The request's `id`.
    pub id: u32,
    /// The results shown, best first (at most the request's `limit`).
    pub results: Vec<Found>,
    /// How many articles matched in all (at most [`super::MAX_RESULTS`]).
    pub total: u32,
    /// Why there are no results, when the index could not be read: the file and the cause.
    pub error: Option<String>,
}

impl Reply {
    /// The id of a reply that answers whatever was asked last: the worker could not go on.
    pub const ANY: u32 = u32::MAX;

    /// The answer to request `id` that says why there are no results: the file and the cause.
    pub fn failed(id: u32, error: String) -> Reply {
        Reply {
            id,
            results: Vec::new(),
            total: 0,
            error: Some(error),
        }
    }
}

/// A file the engine needs before it can answer.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// `search/index.json`, which names each language's manifest.
    Index,
    /// A language's manifest.
    Manifest(Lang),
    /// A shard of a language's index, by its number in the manifest.
    Shard(Lang, usize),
    /// The doc file of an article, by its place in the language's manifest.
    Doc(Lang, u32),
}

/// What to do next for a request.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Fetch these files (paths from the site's root) and [`Engine::add`] each.
    Fetch(Vec<(Need, String)>),
    /// The answer.
    Done(Reply),
}

/// Everything fetched so far, and the searches it allows.
#[derive(Clone, Debug, Default)]
pub struct Engine {
    /// Each language's manifest path, once `index.json` is read.
    manifests: Option<BTreeMap<Lang, String>>,
    searchers: BTreeMap<Lang, Searcher>,
    docs: BTreeMap<(Lang, u32), Doc>,
}

impl Engine {
    /// An engine that has fetched nothing.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// The files `request` still needs, or its answer. An empty query still loads the index
    /// and the manifests it would search, so that a page can warm them before the first key.
    pub fn step(&self, request: &Request) -> Step {
        let Some(manifests) = &self.manifests else {
            return Step::Fetch(vec![(Need::Index, INDEX_FILE.to_owned())]);
        };
        let langs: Vec<Lang> = if request.all {
            Lang::ALL.to_vec()
        } else {
            vec![request.lang]
        };
        let mut fetch = Vec::new();
        for &lang in &langs {
            if !self.searchers.contains_key(&lang) {
                match manifests.get(&lang) {
                    Some(path) => fetch.push((Need::Manifest(lang), path.clone())),
                    None => return self.fail(request, format!("{INDEX_FILE}: no index of {lang}")),
                }
            }
        }
        if !fetch.is_empty() {
            return Step::Fetch(fetch);
        }
        let options = QueryOptions {
            prefix_last: request.prefix,
        };
        let mut per_lang = Vec::new();
        for &lang in &langs {
            let searcher = &self.searchers[&lang];
            let query = Query::parse(&request.text, lang, options);
            match searcher.search(&query) {
                Ok(hits) => per_lang.push(hits),
                Err(missing) => fetch.extend(missing.0.into_iter().map(|i| {
                    let path = format!(
                        "{}/{}",
                        folder(lang),
                        searcher.shard_file(i).unwrap_or_default()
                    );
                    (Need::Shard(lang, i), path)
                })),
            }
        }
        if !fetch.is_empty() {
            return Step::Fetch(fetch);
        }
        let hits = if request.all {
            merge_languages(request.lang, per_lang)
        } else {
            per_lang.pop().unwrap_or_default()
        };
        let shown = &hits[..hits.len().min(request.limit as usize)];
        for hit in shown {
            if !self.docs.contains_key(&(hit.lang, hit.article)) {
                let name = self.searchers[&hit.lang]
                    .doc_file(hit.article)
                    .unwrap_or_default();
                let path = format!("{}/{name}", folder(hit.lang));
                fetch.push((Need::Doc(hit.lang, hit.article), path));
            }
        }
        if !fetch.is_empty() {
            return Step::Fetch(fetch);
        }
        let results = shown
            .iter()
            .map(|hit| {
                let shown = super::show(&self.docs[&(hit.lang, hit.article)], hit);
                let (mut title, mut snippet, mut marks) =
                    (shown.title, shown.snippet.text, shown.snippet.marks);
                if request.script.latinises(hit.lang) {
                    title = to_latin(&title);
                    let ranges: Vec<_> = marks.iter().map(|&(s, e)| s..e).collect();
                    let (text, moved) = to_latin_with_ranges(&snippet, &ranges);
                    snippet = text;
                    marks = moved
                        .into_iter()
                        .flatten()
                        .map(|r| (r.start, r.end))
                        .collect();
                }
                Found {
                    lang: hit.lang,
                    slug: hit.slug.clone(),
                    date: hit.date,
                    title,
                    score: hit.score,
                    paragraph: shown.paragraph,
                    marks: marks.iter().map(|&(s, e)| (s as u32, e as u32)).collect(),
                    snippet,
                }
            })
            .collect();
        Step::Done(Reply {
            id: request.id,
            results,
            total: hits.len() as u32,
            error: None,
        })
    }

    /// The answer that says why `request` cannot be answered.
    fn fail(&self, request: &Request, error: String) -> Step {
        Step::Done(Reply::failed(request.id, error))
    }

    /// Takes in a fetched file (`path` as [`Step::Fetch`] named it, for the error message).
    pub fn add(&mut self, need: &Need, path: &str, bytes: &[u8]) -> Result<(), String> {
        let error = |e: &dyn std::fmt::Display| format!("{path}: {e}");
        match need {
            Need::Index => {
                let text = std::str::from_utf8(bytes).map_err(|e| error(&e))?;
                self.manifests = Some(parse_index(text).map_err(|e| error(&e))?);
            }
            Need::Manifest(lang) => {
                let manifest = Manifest::decode(bytes).map_err(|e| error(&e))?;
                if manifest.lang != *lang {
                    return Err(error(&format!(
                        "the index of {}, not {lang}",
                        manifest.lang
                    )));
                }
                self.searchers.insert(*lang, Searcher::new(manifest));
            }
            Need::Shard(lang, i) => {
                let searcher = self
                    .searchers
                    .get_mut(lang)
                    .ok_or_else(|| error(&"a shard before its manifest"))?;
                searcher.add_shard(*i, bytes).map_err(|e| error(&e))?;
            }
            Need::Doc(lang, article) => {
                let doc = Doc::decode(bytes).map_err(|e| error(&e))?;
                self.docs.insert((*lang, *article), doc);
            }
        }
        Ok(())
    }

    /// Answers `request` from files read by `read` (a path from the site's root → its bytes),
    /// as the worker does with `fetch`; `read` is called once per file. For the CLI and tests.
    pub fn answer(
        &mut self,
        request: &Request,
        mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
    ) -> Reply {
        loop {
            match self.step(request) {
                Step::Done(reply) => return reply,
                Step::Fetch(files) => {
                    for (need, path) in files {
                        if let Err(error) = read(&path).and_then(|b| self.add(&need, &path, &b)) {
                            return Reply::failed(request.id, error);
                        }
                    }
                }
            }
        }
    }
}

/// Reads `search/index.json`: a flat JSON object from language tag to manifest path
/// (`{"kk":"search/kk/<16 hex>.bin",…}`). The generator writes it; keys it does not know (a
/// later version's) are skipped.
pub fn parse_index(text: &str) -> Result<BTreeMap<Lang, String>, String> {
    let body = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .ok_or("not a JSON object")?;
    let mut out = BTreeMap::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        let (key, after) = json_string(rest).ok_or("expected a quoted key")?;
        let after = after.trim_start().strip_prefix(':').ok_or("expected ':'")?;
        let (value, after) = json_string(after.trim_start()).ok_or("expected a quoted path")?;
        if let Some(lang) = Lang::from_tag(&key) {
            out.insert(lang, value);
        }
        rest = after.trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    Ok(out)
}

/// Writes `search/index.json` from each language's manifest path (relative to the site's
/// root), as [`parse_index`] reads it: `{"kk":"search/kk/<16 hex>.bin",…}` and a newline.
pub fn write_index(manifests: &[(Lang, String)]) -> String {
    let quoted = |text: &str| text.replace('\\', "\\\\").replace('"', "\\\"");
    let pairs: Vec<String> = manifests
        .iter()
        .map(|(lang, path)| format!("\"{lang}\":\"{}\"", quoted(path)))
        .collect();
    format!("{{{}}}\n", pairs.join(","))
}

/// A JSON string at the start of `text` (the generator writes no escapes but `\"` and `\\`
/// are read), and what follows it.
fn json_string(text: &str) -> Option<(String, &str)> {
    let mut chars = text.strip_prefix('"')?.char_indices();
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 2..])),
            '\\' => out.push(chars.next()?.1),
            c => out.push(c),
        }
    }
    None
}

/// A request or a reply as the bytes posted between the page and the worker.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    postcard::to_allocvec(message).unwrap_or_default()
}

/// A request or a reply from the bytes posted between the page and the worker.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("not a search message: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_file_names_each_language_and_skips_unknown_keys() {
        let index =
            parse_index("{\"kk\":\"search/kk/a.bin\", \"xx\":\"y\",\"en\":\"search/en/b.bin\"}\n")
                .unwrap();
        assert_eq!(
            index.get(&Lang::Kk).map(String::as_str),
            Some("search/kk/a.bin")
        );
        assert_eq!(
            index.get(&Lang::En).map(String::as_str),
            Some("search/en/b.bin")
        );
        assert_eq!(index.len(), 2);
        assert!(parse_index("[]").is_err());
        assert!(parse_index("{\"kk\":}").is_err());
    }

    #[test]
    fn the_index_file_is_read_as_written() {
        let manifests = vec![
            (Lang::Kk, "search/kk/a.bin".to_owned()),
            (Lang::Ru, "odd \"path\\".to_owned()),
        ];
        let text = write_index(&manifests);
        assert_eq!(
            text.lines().next(),
            Some("{\"kk\":\"search/kk/a.bin\",\"ru\":\"odd \\\"path\\\\\"}")
        );
        let read: Vec<(Lang, String)> = parse_index(&text).unwrap().into_iter().collect();
        assert_eq!(read, manifests);
    }

    #[test]
    fn messages_survive_the_trip() {
        let request = Request {
            id: 7,
            text: "«Жоғарғы Сот»".into(),
            lang: Lang::Kk,
            all: true,
            prefix: false,
            limit: PAGE_SIZE,
            script: Script::Latn,
        };
        assert_eq!(decode::<Request>(&encode(&request)), Ok(request));
        assert!(decode::<Reply>(&[0xff, 0xff]).is_err());
    }

    #[test]
    fn the_first_step_asks_for_the_index_and_a_bad_one_is_named() {
        let mut engine = Engine::new();
        let request = Request {
            id: 1,
            text: "сот".into(),
            lang: Lang::Kk,
            all: false,
            prefix: false,
            limit: PAGE_SIZE,
            script: Script::Cyrl,
        };
        assert_eq!(
            engine.step(&request),
            Step::Fetch(vec![(Need::Index, INDEX_FILE.to_owned())])
        );
        let reply = engine.answer(&request, |path| Ok(format!("<html>{path}").into_bytes()));
        let error = reply.error.unwrap();
        assert!(error.starts_with("search/index.json: "), "{error}");
        let reply = Engine::new().answer(&request, |path| match path {
            INDEX_FILE => Ok(b"{\"kk\":\"search/kk/0.bin\"}".to_vec()),
            _ => Err(format!("{path}: HTTP 404")),
        });
        assert_eq!(reply.error.as_deref(), Some("search/kk/0.bin: HTTP 404"));
    }
}

//! Search in every language, inflection-aware, over an index split into shards that the
//! browser loads on demand (`docs/search.md`).
//!
//! - [`text`]: words and their keys (the inflection-aware part);
//! - [`index`]: building a language's index from its articles, and the manifest, shard and
//!   doc files it is written as;
//! - [`query`]: parsing a query (phrases, prefixes, entity names), running it on the loaded
//!   shards, ranking, snippets;
//! - [`eval`]: recall and precision of the keys on lemmatised corpora (`courtview eval-search`).
//!
//! How a browser page runs a search, with only this module's pure code:
//!
//! 1. fetch `search/index.json` (the manifest file of each language), then the manifest
//!    (`search/<lang>/<file>`), and make a [`Searcher`] of it;
//! 2. [`Query::parse`] what the reader typed (with [`QueryOptions::prefix_last`] while typing);
//! 3. fetch the shards [`Searcher::missing`] names ([`Searcher::shard_file`]) and
//!    [`Searcher::add_shard`] them;
//! 4. [`Searcher::search`] gives the hits, best first; for those shown, fetch the doc file
//!    ([`Searcher::doc_file`]) and [`show`] gives title, paragraph and marked snippet;
//! 5. across languages: run the query (parsed per language) on each language's searcher and
//!    [`merge_languages`].
//!
//! Pure: no web dependency, so the same code runs natively in `courtview search`.

pub mod eval;
pub mod index;
pub mod query;
pub mod session;
pub mod text;

pub use index::{Built, Doc, Manifest, Shard, articles_in, build};
pub use query::{
    Hit, MAX_RESULTS, Missing, Query, QueryOptions, Searcher, Shown, Snippet, merge_languages,
    show, snippet,
};

/// The file that names each language's manifest, relative to the site's root: JSON,
/// `{"kk":"search/kk/<16 hex>.bin","ru":…,"en":…}`. It keeps its name (revalidated like a
/// page); everything it leads to is named by its content.
pub const INDEX_FILE: &str = "search/index.json";

/// The folder of a language's search files, relative to the site's root.
pub fn folder(lang: crate::Lang) -> String {
    format!("search/{}", lang.tag())
}

/// The path of a language's manifest from the site's root, as [`INDEX_FILE`] names it.
pub fn manifest_path(lang: crate::Lang, built: &Built) -> String {
    format!("{}/{}", folder(lang), built.manifest_file.0)
}

/// Every file of `catalog`'s search index by its path from the site's root, [`INDEX_FILE`]
/// included: what the site generator writes, built in memory (for `courtview search`, which
/// answers from them as the page does, and for tests).
pub fn files(catalog: &crate::content::Catalog) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut manifests = Vec::new();
    for lang in crate::Lang::ALL {
        let built = build(lang, &articles_in(catalog, lang));
        manifests.push((lang, manifest_path(lang, &built)));
        for (name, bytes) in built.files.into_iter().chain([built.manifest_file]) {
            files.insert(format!("{}/{name}", folder(lang)), bytes);
        }
    }
    files.insert(
        INDEX_FILE.to_owned(),
        session::write_index(&manifests).into_bytes(),
    );
    files
}

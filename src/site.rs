//! The site generator: everything `dist/` holds besides what Trunk builds. Native only; run by
//! `cargo xtask dist` (and `stress`, `bench`) as `courtview-site DIST --site-url URL
//! [--articles DIR]…`.
//!
//! From the article folders (`static/articles/`, plus any `--articles` folder, under the same
//! checks) it writes:
//! - `data/<hash>.bin`: each page's data ([`crate::content::page_data`]): an article as a
//!   reader of one language sees it (entity mentions marked), or a page of a list. Named by a
//!   hash of their bytes, so they are cached for good and a page never meets a stale one;
//! - every page as static HTML, rendered by the app's own components ([`crate::ui::prerender`])
//!   with the head it needs ([`crate::head`]) and the names of its data files, which the app
//!   reads to hydrate it and to switch language, put into Trunk's `index.html` ([`template`]);
//!   every Kazakh page twice: `index.html` in Cyrillic and its Latin twin `index.latn.html`
//!   (the page as the app shows it with `?script=latn`), which the server sends for that query;
//! - `404.html` (and `404.latn.html`), `<lang>/feed.xml` (Atom), `sitemap.xml` (Latin twins
//!   included) and `robots.txt` ([`feeds`]);
//! - the search index ([`crate::search`], `docs/search.md`): per language a manifest, shards and
//!   doc files under `search/<lang>/`, each named by a hash of its bytes, and
//!   `search/index.json`, which names each language's manifest.
//!
//! The app itself carries no article, so nothing it downloads at start-up grows with the
//! archive, and a change to an article rebuilds no code.

pub mod feeds;
mod lists;
pub mod photos;
pub mod template;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use crate::content::Catalog;
use crate::content::page_data::{self, ArticleData, PageData};
use crate::entities::annotate::annotate;
use crate::head::{self, PageHead};
use crate::lang::Lang;
use crate::route::Route;
use crate::script::Script;
use crate::search;
use crate::store::PageFiles;
use crate::ui::prerender::page_body;

/// What to generate, and from what.
#[derive(Clone, Debug)]
pub struct Options {
    /// Trunk's output folder: its `index.html` is the template of every page.
    pub dist: PathBuf,
    /// The public address the site is served from (canonical links, feeds, sitemap).
    pub site_url: String,
    /// The folders of article folders: the repository's `static/articles/` and any extra.
    pub articles: Vec<PathBuf>,
}

/// The site address used when none is given: `cargo xtask serve`'s.
pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080";

/// The folder of data files in `dist/`.
const DATA_DIR: &str = "data";

/// What marks a page's Latin twin in its file name: `index.latn.html` beside `index.html`,
/// `404.latn.html` beside `404.html`. The server sends it for `?script=latn`
/// (`deploy/nginx.conf`, `tests/browser/server.mjs`).
pub const LATIN_INFIX: &str = ".latn";

/// One page to write: its route and its data.
struct Page {
    route: Route,
    data: Rc<PageData>,
    /// The data file's URL (under the public prefix).
    url: String,
}

/// Every readable version of every article in `catalog`, with its entity mentions marked, as
/// the app shows it.
pub fn annotated(catalog: Catalog) -> Catalog {
    catalog.map_articles(|mut article| {
        article.document = annotate(&article.document, article.lang, article.meta.date.year);
        article
    })
}

/// The data of `/<lang>/<slug>/` for the article `entry`, without its public address (see
/// [`article_data_at`]).
pub fn article_data(entry: &crate::content::Entry, lang: Lang) -> PageData {
    article_data_at(entry, lang, None)
}

/// The data of `/<lang>/<slug>/` for the article `entry`, with its address under `site` (the
/// public address the pages are served from), when given.
pub fn article_data_at(entry: &crate::content::Entry, lang: Lang, site: Option<&str>) -> PageData {
    let address = site.map_or_else(String::new, |site| {
        let route = Route::Article {
            lang,
            slug: entry.slug.clone(),
        };
        format!("{}{}", site.trim_end_matches('/'), route.path())
    });
    PageData::Article(ArticleData::new(
        lang,
        entry
            .resolve(lang)
            .map(|r| r.article.clone())
            .map_err(Clone::clone),
        entry.languages().collect(),
        address,
    ))
}

/// Writes the whole site into `options.dist`, printing progress to stderr.
pub fn generate(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let dir = &options.dist;
    let template_path = dir.join("index.html");
    let mut index_html = fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: cannot read: {e}", template_path.display()))?;
    if template::is_prerendered(&index_html) {
        return Err(format!(
            "{}: already a prerendered page, not Trunk's template; build again",
            template_path.display()
        ));
    }
    // Trunk writes its start-up script inline; a strict Content-Security-Policy refuses inline
    // scripts, so it becomes a file, in the template and so in every page.
    if let Some((page, name, script)) = template::extract_start_script(&index_html) {
        // And the app waits for the first paint: see `template::app_after_first_paint`.
        let (page, script) = template::app_after_first_paint(&page, &script);
        let after_paint = template::hashed_name("start", &script);
        put(&dir.join(&after_paint), script.as_bytes())?;
        index_html = page.replace(&name, &after_paint);
    }
    // `base-uri 'none'` refuses <base>: the app reads its base path from a meta instead.
    index_html = template::replace_base(&index_html).0;
    let base = template::base_of(&index_html);
    let prefix = base.trim_end_matches('/').to_owned();
    // The fallback script and notice for when the app cannot start: in the shell (all three
    // languages) and in every page (its own language).
    let fallback_js = template::fallback_script();
    let fallback = template::hashed_name("fallback", &fallback_js);
    let fallback_src = format!("{prefix}/{fallback}");
    put(&dir.join(&fallback), fallback_js.as_bytes())?;
    // The reader's theme and text size, applied before the first paint of every page.
    let prepaint_js = template::prepaint_script();
    let prepaint = template::hashed_name("prepaint", &prepaint_js);
    put(&dir.join(&prepaint), prepaint_js.as_bytes())?;
    index_html = template::add_prepaint(&index_html, &format!("{prefix}/{prepaint}"));
    if let Some(worker) = hash_search_worker(dir)? {
        index_html = template::add_search_worker(&index_html, &format!("{prefix}/{worker}"));
    }
    put(
        &template_path,
        template::add_fallback(&index_html, &fallback_src, None, Script::Cyrl).as_bytes(),
    )?;
    // A page as written: the template filled with its head and body, then the fallback, whose
    // notice speaks the page's language (all three on the not-found page) in its script.
    let write_page = |file: &Path,
                      head: &PageHead,
                      body: &str,
                      files: Option<&PageFiles>,
                      lang: Option<Lang>|
     -> Result<(), String> {
        let html = template::fill_template(&index_html, head, &options.site_url, body, files)
            .map_err(|e| format!("{}: {e}", template_path.display()))?;
        let html = template::add_fallback(&html, &fallback_src, lang, head.script);
        put(file, html.as_bytes())
    };

    let catalog = Catalog::load(&options.articles).map_err(|errors| errors.join("\n"))?;
    let catalog = photos::resize_all(catalog, &options.articles, dir, &prefix);
    for error in catalog.errors() {
        // Shown to readers as the article's error page; told to the editor here.
        eprintln!("warning: {error}");
    }
    let catalog = annotated(catalog);
    eprintln!(
        "site: {} articles read and annotated ({:.1} s)",
        catalog.entries().len(),
        started.elapsed().as_secs_f64()
    );

    // Every page's data, written once per distinct content.
    fs::create_dir_all(dir.join(DATA_DIR))
        .map_err(|e| format!("{}: cannot create: {e}", dir.join(DATA_DIR).display()))?;
    let mut pages: BTreeMap<String, Page> = BTreeMap::new();
    let mut add = |route: Route, data: Rc<PageData>, url: String| {
        pages.insert(route.path(), Page { route, data, url });
    };
    for entry in catalog.entries() {
        for lang in Lang::ALL {
            let data = article_data_at(entry, lang, Some(&options.site_url));
            let url = write_data(dir, &prefix, &data)?;
            let data = Rc::new(data);
            let slug = entry.slug.clone();
            add(
                Route::Embed {
                    lang,
                    slug: slug.clone(),
                },
                data.clone(),
                url.clone(),
            );
            add(Route::Article { lang, slug }, data, url);
        }
    }
    for (route, data) in lists::lists(&catalog).pages {
        let url = write_data(dir, &prefix, &data)?;
        add(route, Rc::new(data), url);
    }
    eprintln!(
        "site: {} pages' data written ({:.1} s)",
        pages.len(),
        started.elapsed().as_secs_f64()
    );
    write_search(dir, &catalog)?;
    eprintln!(
        "site: search index written ({:.1} s)",
        started.elapsed().as_secs_f64()
    );

    // Every page, with the data files of itself and of its other languages; a Kazakh page
    // also as its Latin twin.
    let mut heads: Vec<PageHead> = Vec::new();
    let total = pages.len();
    let mut written = 0;
    for (done, (path, page)) in pages.iter().enumerate() {
        let mut files = PageFiles(vec![(path.clone(), page.url.clone())]);
        for lang in Lang::ALL {
            let other = page.route.with_lang(lang).path();
            if let Some(p) = pages.get(&other).filter(|_| other != *path)
                && !files.0.iter().any(|(known, _)| *known == other)
            {
                files.0.push((other, p.url.clone()));
            }
        }
        let cyrillic = head::page_head(&page.route, Some(&page.data));
        for &script in scripts_of(&page.route) {
            let head = cyrillic.clone().in_script(script);
            // Yew prerenders on a thread of its own, which takes the data by value.
            let body = page_body(&page.route, &base, Some((*page.data).clone()), script);
            let file = dir.join(page_file(path, script));
            write_page(&file, &head, &body, Some(&files), page.route.lang())?;
            written += 1;
            if !page.route.is_embed() {
                heads.push(head);
            }
        }
        if (done + 1) % 1000 == 0 {
            eprintln!(
                "site: {}/{total} pages ({:.1} s)",
                done + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    // The search pages: interface text alone, hydrated like the others. Not in the sitemap:
    // what they show depends on a query no crawler sends.
    for lang in Lang::ALL {
        let route = Route::Search { lang };
        let cyrillic = head::page_head(&route, None);
        for &script in scripts_of(&route) {
            let head = cyrillic.clone().in_script(script);
            let body = page_body(&route, &base, None, script);
            let file = dir.join(page_file(&route.path(), script));
            write_page(
                &file,
                &head,
                &body,
                Some(&PageFiles(Vec::new())),
                Some(lang),
            )?;
            written += 1;
        }
    }
    // The not-found page speaks the visitor's language once the app runs, so it is rendered
    // afresh rather than hydrated; without JavaScript it reads in Kazakh, in Cyrillic
    // (`404.html`) or for `?script=latn` in Latin (`404.latn.html`).
    let not_found = Route::NotFound { lang: None };
    let cyrillic = head::page_head(&not_found, None);
    for script in Script::ALL {
        let head = cyrillic.clone().in_script(script);
        let body = page_body(&not_found, &base, None, script);
        let file = dir.join(format!("404{}.html", twin_infix(script)));
        write_page(&file, &head, &body, None, None)?;
    }

    for lang in Lang::ALL {
        let feed = feeds::atom(&catalog, lang, &options.site_url);
        put(&dir.join(lang.tag()).join("feed.xml"), feed.as_bytes())?;
    }
    put(
        &dir.join("sitemap.xml"),
        feeds::sitemap(&heads, &options.site_url).as_bytes(),
    )?;
    put(
        &dir.join("robots.txt"),
        feeds::robots(&options.site_url).as_bytes(),
    )?;
    eprintln!(
        "site: {written} page files ({total} pages, the search pages, the Latin twins of the \
         Kazakh ones), 404.html, feeds, sitemap.xml and robots.txt written into {} (site {}, \
         {:.1} s)",
        dir.display(),
        options.site_url,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Renames the search worker Trunk built (`search-worker.js` and `_bg.wasm`) to names that
/// change with its contents ([`template::search_worker_files`]), and returns the script's.
/// `None` when Trunk built none (a template without the worker's link).
fn hash_search_worker(dir: &Path) -> Result<Option<String>, String> {
    let glue_path = dir.join(format!("{}.js", template::SEARCH_WORKER_BIN));
    let wasm_path = dir.join(format!("{}_bg.wasm", template::SEARCH_WORKER_BIN));
    if !glue_path.exists() || !wasm_path.exists() {
        return Ok(None);
    }
    let glue = fs::read_to_string(&glue_path)
        .map_err(|e| format!("{}: cannot read: {e}", glue_path.display()))?;
    let wasm =
        fs::read(&wasm_path).map_err(|e| format!("{}: cannot read: {e}", wasm_path.display()))?;
    let (name, script, wasm_name) = template::search_worker_files(&glue, &wasm);
    put(&dir.join(&wasm_name), &wasm)?;
    put(&dir.join(&name), script.as_bytes())?;
    for path in [glue_path, wasm_path] {
        fs::remove_file(&path).map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
    }
    Ok(Some(name))
}

/// Writes each language's search index into `search/<lang>/` and `search/index.json`, which
/// names the manifests (paths relative to the site's root, so the index works under any
/// public prefix).
fn write_search(dir: &Path, catalog: &Catalog) -> Result<(), String> {
    let mut manifests = Vec::new();
    for lang in Lang::ALL {
        let built = search::build(lang, &search::articles_in(catalog, lang));
        let folder = dir.join(search::folder(lang));
        let (mut files, mut bytes) = (0, 0);
        for (name, contents) in built.files.iter().chain([&built.manifest_file]) {
            let path = folder.join(name);
            // Named by their bytes: a file of that name is already right.
            if !path.exists() {
                put(&path, contents)?;
            }
            files += 1;
            bytes += contents.len();
        }
        eprintln!(
            "site: search ({lang}): {} articles, {} shards, {files} files, {} KB",
            built.manifest.articles.len(),
            built.manifest.shards.len(),
            bytes / 1024
        );
        manifests.push((lang, search::manifest_path(lang, &built)));
    }
    let index = search::session::write_index(&manifests);
    put(&dir.join(search::INDEX_FILE), index.as_bytes())
}

/// Writes `data` as `data/<hash>.bin` (unless a file of that name is there: same bytes) and
/// returns its URL under `prefix`.
fn write_data(dir: &Path, prefix: &str, data: &PageData) -> Result<String, String> {
    let bytes = page_data::encode(data);
    let name = format!("{DATA_DIR}/{:016x}.bin", template::fnv1a(&bytes));
    let path = dir.join(&name);
    if !path.exists() {
        put(&path, &bytes)?;
    }
    Ok(format!("{prefix}/{name}"))
}

/// What stands between a page file's stem and its `.html` for Kazakh in `script`: nothing
/// for Cyrillic (`index.html`, `404.html`), [`LATIN_INFIX`] for the Latin twin.
pub fn twin_infix(script: Script) -> &'static str {
    if script.is_latin() { LATIN_INFIX } else { "" }
}

/// The scripts the page at `route` is written in: Cyrillic, and for a Kazakh page also Latin
/// (its twin). Russian and English read the same in either script: one file each.
fn scripts_of(route: &Route) -> &'static [Script] {
    if route.lang() == Some(Lang::Kk) {
        &Script::ALL
    } else {
        &[Script::Cyrl]
    }
}

/// The file of the page at `path` with Kazakh in `script`: `<path>/index.html`, or its Latin
/// twin `<path>/index.latn.html`.
fn page_file(path: &str, script: Script) -> String {
    format!(
        "{}index{}.html",
        path.trim_start_matches('/'),
        twin_infix(script)
    )
}

/// Writes a file, making its folder, with an error that names it.
fn put(path: &Path, contents: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_pages_have_a_latin_twin_beside_them() {
        let kk = Route::parse("/kk/iaca-2025-dubai/");
        assert_eq!(scripts_of(&kk), Script::ALL);
        for path in ["/ru/iaca-2025-dubai/", "/embed/en/iaca-2025-dubai/", "/"] {
            assert_eq!(scripts_of(&Route::parse(path)), [Script::Cyrl], "{path}");
        }
        for path in [
            "/embed/kk/iaca-2025-dubai/",
            "/kk/search/",
            "/kk/entities/x/",
        ] {
            assert_eq!(scripts_of(&Route::parse(path)).len(), 2, "{path}");
        }
        assert_eq!(
            page_file(&kk.path(), Script::Latn),
            "kk/iaca-2025-dubai/index.latn.html"
        );
        assert_eq!(page_file("/kk/", Script::Cyrl), "kk/index.html");
    }
}

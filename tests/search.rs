//! Search (issue 15): inflection-aware keys, entity names across languages, phrases, the word
//! being typed, and the index going through its files exactly as the browser reads them.

use courtview::Lang;
use courtview::content::Catalog;
use courtview::script::Script;
use courtview::search::{
    self, Doc, Hit, Manifest, Query, QueryOptions, Searcher, Shard, merge_languages, show,
};

/// A small catalogue: `(slug, lang, body)`, each article dated 2025-01-<n>.
fn catalog(articles: &[(&str, &str, &str)]) -> Catalog {
    let texts: Vec<(String, String, String, String)> = articles
        .iter()
        .enumerate()
        .map(|(n, (slug, lang, body))| {
            (
                slug.to_string(),
                lang.to_string(),
                format!("{slug}/{lang}.md"),
                format!(
                    "---\ntitle: {slug}\ndate: 2025-01-{:02}\n---\n\n{body}\n",
                    n + 1
                ),
            )
        })
        .collect();
    let sources: Vec<(&str, &str, &str, &str)> = texts
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str()))
        .collect();
    courtview::site::annotated(Catalog::from_sources(&sources))
}

/// Every language's searcher, read from the bytes of its built files, with every shard loaded;
/// and the doc files by language and name.
struct Site {
    searchers: Vec<Searcher>,
    files: Vec<(Lang, String, Vec<u8>)>,
}

impl Site {
    fn new(catalog: &Catalog) -> Site {
        let mut searchers = Vec::new();
        let mut files = Vec::new();
        for lang in Lang::ALL {
            let built = search::build(lang, &search::articles_in(catalog, lang));
            let manifest = Manifest::decode(&built.manifest_file.1).unwrap();
            assert_eq!(manifest, built.manifest);
            for (name, bytes) in built.files {
                files.push((lang, name, bytes));
            }
            searchers.push(Searcher::new(manifest));
        }
        Site { searchers, files }
    }

    fn file(&self, lang: Lang, name: &str) -> &[u8] {
        &self
            .files
            .iter()
            .find(|f| f.0 == lang && f.1 == name)
            .unwrap_or_else(|| panic!("{lang}: no file {name}"))
            .2
    }

    /// Fetches what the query needs, as a page would, and searches.
    fn search(&mut self, lang: Lang, text: &str, options: QueryOptions) -> Vec<Hit> {
        let query = Query::parse(text, lang, options);
        let i = lang.index();
        // A word being typed may need one shard after another, as the page fetches them.
        loop {
            let missing = self.searchers[i].missing(&query);
            if missing.is_empty() {
                break;
            }
            for shard in missing {
                let name = self.searchers[i].shard_file(shard).unwrap();
                let bytes = self.file(lang, &name).to_vec();
                self.searchers[i].add_shard(shard, &bytes).unwrap();
            }
        }
        self.searchers[i].search(&query).unwrap()
    }

    fn slugs(&mut self, lang: Lang, text: &str) -> Vec<String> {
        self.search(lang, text, QueryOptions::default())
            .into_iter()
            .map(|h| h.slug)
            .collect()
    }

    fn doc(&self, hit: &Hit) -> Doc {
        let name = self.searchers[hit.lang.index()]
            .doc_file(hit.article)
            .unwrap();
        Doc::decode(self.file(hit.lang, &name)).unwrap()
    }
}

#[test]
fn kazakh_forms_are_found_and_derivatives_are_not() {
    let c = catalog(&[
        ("a-sottyn", "kk", "Соттың шешімі шықты."),
        ("b-sotqa", "kk", "Ол сотқа жүгінді."),
        ("c-sottarynyn", "kk", "Аудандық соттарының жұмысы."),
        ("d-sotqar", "kk", "Сотқар бала ұрысты."),
        ("e-qazaqstannyn", "kk", "Қазақстанның жетістіктері."),
        ("f-qazaqstandyq", "kk", "Қазақстандық делегация."),
    ]);
    let mut site = Site::new(&c);
    let mut found = site.slugs(Lang::Kk, "сот");
    found.sort();
    assert_eq!(found, ["a-sottyn", "b-sotqa", "c-sottarynyn"]);
    // Any form finds the others.
    assert_eq!(site.slugs(Lang::Kk, "соттарының").len(), 3);
    assert_eq!(site.slugs(Lang::Kk, "сотқар"), ["d-sotqar"]);
    assert_eq!(site.slugs(Lang::Kk, "Қазақстан"), ["e-qazaqstannyn"]);
}

#[test]
fn russian_forms_are_found_and_derivatives_are_not() {
    let c = catalog(&[
        ("a-suda", "ru", "Решение суда вступило в силу."),
        ("b-sudom", "ru", "Дело рассмотрено судом."),
        ("c-sudah", "ru", "В судах области."),
        ("d-sudno", "ru", "Судно вышло в море."),
        ("e-sudya", "ru", "Судья огласил приговор."),
    ]);
    let mut site = Site::new(&c);
    let mut found = site.slugs(Lang::Ru, "суд");
    found.sort();
    assert_eq!(found, ["a-suda", "b-sudom", "c-sudah"]);
    assert_eq!(site.slugs(Lang::Ru, "судно"), ["d-sudno"]);
    assert_eq!(site.slugs(Lang::Ru, "судьи"), ["e-sudya"]);
}

#[test]
fn english_plurals_and_possessives_are_found() {
    let c = catalog(&[
        ("a-courts", "en", "The courts of appeal met."),
        ("b-possessive", "en", "The court’s ruling stands."),
        ("c-courtroom", "en", "A courtroom was full."),
    ]);
    let mut site = Site::new(&c);
    let mut found = site.slugs(Lang::En, "court");
    found.sort();
    assert_eq!(found, ["a-courts", "b-possessive"]);
    assert_eq!(site.slugs(Lang::En, "courts").len(), 2);
}

#[test]
fn an_entity_named_in_another_language_finds_its_mentions() {
    // The Kazakh article spells the name with ғ; the reader types the Russian spelling.
    let c = catalog(&[
        ("a-kk-only", "kk", "Жиынға А.А. Мерғалиевтің өзі қатысты."),
        ("b-other", "kk", "Басқа жаңалық."),
    ]);
    let mut site = Site::new(&c);
    let query = Query::parse("Мергалиев", Lang::Kk, QueryOptions::default());
    assert_eq!(query.entities(), ["aslambek-mergaliyev"]);
    assert_eq!(site.slugs(Lang::Kk, "Мергалиев"), ["a-kk-only"]);
    assert_eq!(site.slugs(Lang::Kk, "Mergaliyev"), ["a-kk-only"]);
    // Searching all languages from a Russian page finds the article that exists in Kazakh only.
    let per_lang: Vec<Vec<Hit>> = Lang::ALL
        .into_iter()
        .map(|l| site.search(l, "Мергалиев", QueryOptions::default()))
        .collect();
    let all = merge_languages(Lang::Ru, per_lang);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].slug.as_str(), all[0].lang), ("a-kk-only", Lang::Kk));
    // The mention is what the snippet marks.
    let shown = show(&site.doc(&all[0]), &all[0]);
    let marked: Vec<&str> = shown
        .snippet
        .marks
        .iter()
        .map(|&(s, e)| &shown.snippet.text[s..e])
        .collect();
    assert!(marked.contains(&"Мерғалиевтің"), "{marked:?}");
    assert_eq!(shown.paragraph, 1);
}

#[test]
fn phrases_need_their_words_together() {
    let c = catalog(&[
        ("a-together", "kk", "Жоғарғы Сотының шешімі жарияланды."),
        ("b-apart", "kk", "Жоғарғы оқу орны. Сот шешімі."),
    ]);
    let mut site = Site::new(&c);
    assert_eq!(site.slugs(Lang::Kk, "\"жоғарғы сот\""), ["a-together"]);
    assert_eq!(site.slugs(Lang::Kk, "«жоғарғы сот»"), ["a-together"]);
    // Without quotes, both words anywhere.
    assert_eq!(site.slugs(Lang::Kk, "жоғарғы шешімі").len(), 2);
}

#[test]
fn function_words_are_left_out_and_phrases_keep_their_places() {
    let c = catalog(&[
        ("a-court", "en", "The Court of Appeal ruled."),
        ("b-other", "en", "A court in Appeal Street."),
        ("c-none", "en", "Nothing here but the words of it."),
        ("d-sud", "ru", "Решение суда в Астане."),
    ]);
    let mut site = Site::new(&c);
    // The index has no postings of `the`, `of`, `в`: nothing grows with how common they are.
    for (lang, word) in [(Lang::En, "the"), (Lang::En, "of"), (Lang::Ru, "в")] {
        assert_eq!(site.slugs(lang, word), Vec::<String>::new(), "{word}");
    }
    // Skipped in a query, so they narrow nothing.
    assert_eq!(
        site.slugs(Lang::En, "the court"),
        site.slugs(Lang::En, "court")
    );
    assert_eq!(site.slugs(Lang::Ru, "суд в Астане"), ["d-sud"]);
    // In a phrase any word stands in their place, at the same distance (newest first).
    assert_eq!(
        site.slugs(Lang::En, "\"court of appeal\""),
        ["b-other", "a-court"]
    );
    assert_eq!(
        site.slugs(Lang::En, "\"the court of appeal\""),
        ["b-other", "a-court"]
    );
    assert_eq!(
        site.slugs(Lang::En, "\"court appeal\""),
        Vec::<String>::new()
    );
    // A phrase marks every word of it, the function words inside it too.
    let hit = &site.search(Lang::En, "\"court of appeal\"", QueryOptions::default())[0];
    assert_eq!(hit.marks.len(), 3);
    // At its ends a function word stands for nothing: no word before `court` is marked.
    for hit in site.search(Lang::En, "\"the court\"", QueryOptions::default()) {
        assert_eq!(hit.marks.len(), 1, "{}", hit.slug);
    }
    // Being typed, a function word is the start of other words.
    let typed = QueryOptions { prefix_last: true };
    let found: Vec<String> = site
        .search(Lang::En, "wor", typed)
        .into_iter()
        .map(|h| h.slug)
        .collect();
    assert_eq!(found, ["c-none"]);
}

#[test]
fn kazakh_typed_in_latin_finds_the_cyrillic_text() {
    let c = catalog(&[
        ("a-sot", "kk", "Жоғарғы Соттарының шешімі DIFC туралы."),
        ("b-other", "kk", "Басқа жаңалық."),
        ("c-sud", "ru", "Решение суда."),
    ]);
    let mut site = Site::new(&c);
    assert_eq!(site.slugs(Lang::Kk, "joğarğy sot"), ["a-sot"]);
    // A function word typed in Latin is skipped as its Cyrillic spelling is.
    assert_eq!(site.slugs(Lang::Kk, "joğarğy jäne sot"), ["a-sot"]);
    assert_eq!(site.slugs(Lang::Kk, "\"Joğarğy Sottarynyñ\""), ["a-sot"]);
    // A name the Kazakh text writes in Latin is still found as it is.
    assert_eq!(site.slugs(Lang::Kk, "DIFC"), ["a-sot"]);
    // Being typed: `şeş` begins `шешімі`.
    let typed = QueryOptions { prefix_last: true };
    let found: Vec<String> = site
        .search(Lang::Kk, "şeş", typed)
        .into_iter()
        .map(|h| h.slug)
        .collect();
    assert_eq!(found, ["a-sot"]);
    // Only Kazakh reads Latin back: in Russian `sud` is no `суд`.
    assert_eq!(site.slugs(Lang::Ru, "суд"), ["c-sud"]);
    assert!(site.slugs(Lang::Ru, "sud").is_empty());
}

#[test]
fn a_common_beginning_being_typed_reads_three_shards_at_most() {
    // Sixty words beginning with `za`, each in all 30 articles twenty times: their postings
    // fill a dozen shards, with far fewer keys than a word being typed may read.
    let body = (0..20)
        .flat_map(|_| (0..60).map(|w| format!("za{w:02}")))
        .collect::<Vec<_>>()
        .join(" ");
    let bodies = vec![body; 30];
    let slugs: Vec<String> = (0..30).map(|a| format!("a-{a:02}")).collect();
    let articles: Vec<(&str, &str, &str)> = slugs
        .iter()
        .zip(&bodies)
        .map(|(s, b)| (s.as_str(), "en", b.as_str()))
        .collect();
    let site = Site::new(&catalog(&articles));
    let mut searcher = site.searchers[Lang::En.index()].clone();
    assert!(searcher.manifest().shards.len() > 6);
    let query = Query::parse("za", Lang::En, QueryOptions { prefix_last: true });
    let mut fetched = 0;
    loop {
        let missing = searcher.missing(&query);
        // One shard after another: each tells whether the next is needed.
        assert!(missing.len() <= 1, "{missing:?}");
        let Some(&i) = missing.first() else { break };
        let name = searcher.shard_file(i).unwrap();
        searcher.add_shard(i, site.file(Lang::En, &name)).unwrap();
        fetched += 1;
    }
    assert_eq!(fetched, 3);
    // Its first keys find their articles.
    assert_eq!(searcher.search(&query).unwrap().len(), 30);
}

#[test]
fn the_word_being_typed_is_completed() {
    let c = catalog(&[("a-qazaqstan", "kk", "Қазақстанның сот жүйесі.")]);
    let mut site = Site::new(&c);
    let typing = QueryOptions { prefix_last: true };
    assert!(site.slugs(Lang::Kk, "сот қазақс").is_empty());
    let hits = site.search(Lang::Kk, "сот қазақс", typing);
    assert_eq!(hits.len(), 1);
    // Once a space follows, the word is complete and no longer a prefix.
    assert!(site.search(Lang::Kk, "сот қазақс ", typing).is_empty());
    // One letter completes nothing.
    assert!(site.search(Lang::Kk, "сот қ", typing).is_empty());
}

#[test]
fn results_link_to_the_best_paragraph_and_mark_the_words() {
    let c = catalog(&[(
        "a-two",
        "ru",
        "Первый абзац без слова.\n\nВторой абзац: решение суда и судом.",
    )]);
    let mut site = Site::new(&c);
    let hits = site.search(Lang::Ru, "суд", QueryOptions::default());
    let shown = show(&site.doc(&hits[0]), &hits[0]);
    assert_eq!(shown.paragraph, 2);
    assert_eq!(shown.title, "a-two");
    let marked: Vec<&str> = shown
        .snippet
        .marks
        .iter()
        .map(|&(s, e)| &shown.snippet.text[s..e])
        .collect();
    assert_eq!(marked, ["суда", "судом"]);
}

#[test]
fn newer_articles_rank_first_when_scores_tie() {
    let c = catalog(&[("a-old", "ru", "Суд."), ("b-new", "ru", "Суд.")]);
    let mut site = Site::new(&c);
    // Dates: a-old is 2025-01-01, b-new 2025-01-02; the catalogue is newest first.
    assert_eq!(site.slugs(Lang::Ru, "суд"), ["b-new", "a-old"]);
}

#[test]
fn every_file_survives_its_round_trip_and_refuses_the_others() {
    let site = Site::new(&courtview::site::annotated(Catalog::shipped().clone()));
    let mut kinds = [0; 2];
    for (lang, name, bytes) in &site.files {
        assert_eq!(*name, format!("{:016x}.bin", search::index::fnv1a(bytes)));
        if let Ok(shard) = Shard::decode(bytes) {
            assert_eq!(Shard::decode(&shard.encode()), Ok(shard));
            assert!(Doc::decode(bytes).is_err());
            kinds[0] += 1;
        } else {
            let doc = Doc::decode(bytes).unwrap_or_else(|e| panic!("{lang} {name}: {e}"));
            assert_eq!(Doc::decode(&doc.encode()), Ok(doc));
            kinds[1] += 1;
        }
    }
    assert!(kinds[0] >= 3 && kinds[1] >= 3, "{kinds:?}");
    // A searcher refuses a shard it does not list and bytes of another kind.
    let mut s = site.searchers[0].clone();
    let doc_name = s.doc_file(0).unwrap();
    assert!(s.add_shard(0, site.file(Lang::Kk, &doc_name)).is_err());
    assert!(s.add_shard(10_000, b"CVt1").is_err());
    // Searching before the shards are there names them.
    let q = Query::parse("сот", Lang::Kk, QueryOptions::default());
    assert_eq!(s.search(&q).unwrap_err().0, s.missing(&q));
}

#[test]
fn the_shipped_article_is_found_in_every_language() {
    let mut site = Site::new(&courtview::site::annotated(Catalog::shipped().clone()));
    for (lang, query) in [
        (Lang::Kk, "Дубай"),
        (Lang::Kk, "Жоғарғы Сотының"),
        (Lang::Ru, "Дубае"),
        (Lang::Ru, "Мергалиев"),
        (Lang::En, "Dubai"),
        (Lang::En, "courts"),
    ] {
        assert_eq!(
            site.slugs(lang, query),
            ["iaca-2025-dubai"],
            "{lang}: {query}"
        );
    }
}

#[test]
fn the_page_s_engine_fetches_each_file_once_and_shows_a_page_at_a_time() {
    use courtview::search::session::{Engine, PAGE_SIZE, Request};
    let mut articles = vec![("a-kk-only", "kk", "Жиынға А.А. Мерғалиевтің өзі қатысты.")];
    let bodies: Vec<String> = (0..14)
        .map(|n| format!("Сотқа {n}-өтініш түсті."))
        .collect();
    let slugs: Vec<String> = (0..14).map(|n| format!("s-{n:02}")).collect();
    for (slug, body) in slugs.iter().zip(&bodies) {
        articles.push((slug, "kk", body));
    }
    let files = search::files(&catalog(&articles));
    let mut engine = Engine::new();
    let fetched = std::cell::RefCell::new(Vec::new());
    let read = |path: &str| {
        fetched.borrow_mut().push(path.to_owned());
        files
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{path}: HTTP 404"))
    };
    let request = |id, text: &str, lang, all, limit| Request {
        id,
        text: text.into(),
        lang,
        all,
        prefix: false,
        limit,
        script: Script::Cyrl,
    };
    // An empty query loads the index and the page's manifest, and finds nothing.
    let warm = engine.answer(&request(1, "", Lang::Kk, false, PAGE_SIZE), read);
    assert_eq!((warm.results.len(), warm.error), (0, None));
    // `сот` in any form: 14 articles, the first page of 10 shown, each from its doc file.
    let reply = engine.answer(&request(2, "сот", Lang::Kk, false, PAGE_SIZE), read);
    assert_eq!((reply.id, reply.total, reply.results.len()), (2, 14, 10));
    assert!(
        reply
            .results
            .iter()
            .all(|f| f.slug.starts_with("s-") && f.paragraph == 1)
    );
    assert!(reply.results.iter().all(|f| {
        let marked: Vec<&str> = f
            .marks
            .iter()
            .map(|&(s, e)| &f.snippet[s as usize..e as usize])
            .collect();
        marked == ["Сотқа"]
    }));
    // In Latin script the same results come transliterated, the marks on the same word.
    let latin = engine.answer(
        &Request {
            script: Script::Latn,
            ..request(5, "сот", Lang::Kk, false, PAGE_SIZE)
        },
        read,
    );
    assert_eq!(latin.total, 14);
    for (f, c) in latin.results.iter().zip(&reply.results) {
        assert_eq!(f.title, courtview::script::to_latin(&c.title));
        assert_eq!(f.snippet, courtview::script::to_latin(&c.snippet));
        let marked: Vec<&str> = f
            .marks
            .iter()
            .map(|&(s, e)| &f.snippet[s as usize..e as usize])
            .collect();
        assert_eq!(marked, ["Sotqa"]);
    }
    // More results fetch only the four new doc files.
    let before = fetched.borrow().len();
    let more = engine.answer(&request(3, "сот", Lang::Kk, false, 20), read);
    assert_eq!(more.results.len(), 14);
    assert_eq!(
        fetched.borrow().len() - before,
        4,
        "{:?}",
        &fetched.borrow()[before..]
    );
    // From a Russian page, all languages: the Kazakh-only article, through the knowledge base.
    let across = engine.answer(&request(4, "Мергалиев", Lang::Ru, true, PAGE_SIZE), read);
    let found: Vec<(&str, Lang)> = across
        .results
        .iter()
        .map(|f| (f.slug.as_str(), f.lang))
        .collect();
    assert_eq!(found, [("a-kk-only", Lang::Kk)]);
    // Nothing was fetched twice.
    let fetched = fetched.into_inner();
    let mut unique = fetched.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), fetched.len(), "{fetched:?}");
}

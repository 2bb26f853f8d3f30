//! Odd input never breaks the pure pipeline: bounded property tests over random Markdown-ish
//! text (parse → annotate → render), deep nesting, the data files' form and the matcher. The
//! same invariants (`courtview_test_support::invariants`) are what the cargo-fuzz targets in
//! `fuzz/` check for as long as they are let run (`cargo xtask fuzz`); here a few hundred cases
//! keep the suite fast.

use courtview::Lang;
use courtview::content::page_data;
use courtview::content::{Article, ArticleMeta, Catalog, Date};
use courtview::document::markdown::{MAX_NESTING, parse};
use courtview::entities::annotate::{Gazetteer, annotate};
use courtview_test_support::invariants;
use proptest::prelude::*;

/// Pieces Markdown is made of, hostile ones included, and text the matcher knows.
const PIECES: &[&str] = &[
    "> ",
    "- ",
    "1. ",
    "* ",
    "+ ",
    "# ",
    "### ",
    "**",
    "*",
    "_",
    "__",
    "~~",
    "`",
    "```\n",
    "    ",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "<",
    ">",
    "\"",
    "'",
    "\\",
    "|",
    "|---|",
    "---",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "  \n",
    "&amp;",
    "&#106;",
    "&colon;",
    "&lt;",
    "<b>",
    "</b>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!--",
    "-->",
    "javascript:",
    "JaVaScRiPt:",
    "data:",
    "vbscript:",
    "https://x.example",
    "//x.example",
    "/\\x.example",
    "mailto:a@b",
    "entity:",
    "entity:kazakhstan",
    "entity:-",
    "Қазақстан",
    "Қазақстанның",
    "Дубайда",
    "ХСӘҚ-ның",
    "Жоғарғы Соты",
    "Верховного Суда",
    "Kazakhstan's",
    "Supreme Court",
    "17-19 қараша",
    "17–19 ноября",
    "17–19 November 2025",
    "А.А. Мерғалиев",
    "«",
    "»",
    "\u{feff}",
    "\u{200b}",
    "\u{2028}",
    "\u{0}",
    "\u{1}",
];

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
            1 => "[a-zA-Zа-яәіңғүұқөһ ]{1,8}",
        ],
        0..48,
    )
    .prop_map(|v| v.concat())
}

fn any_lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Parse, annotate (directly and by replay), render: no panic, nothing nests too deep,
    /// paragraphs numbered, only safe URLs, text preserved, mentions disjoint, the HTML within
    /// the allow-lists with one mark per mention.
    #[test]
    fn any_markdown_goes_through_the_whole_pipeline(text in markdownish(), lang in any_lang()) {
        if let Err(e) = invariants::pipeline(&text, lang, 2025) {
            return Err(TestCaseError::fail(format!("{e}\ninput: {text:?}")));
        }
    }

    /// The matcher on raw text: spans sorted, disjoint, on char boundaries.
    #[test]
    fn mentions_in_any_text_are_sorted_disjoint_spans(text in markdownish(), lang in any_lang()) {
        let found = Gazetteer::shipped(lang).find(&text, 2025);
        if let Err(e) = invariants::spans(&text, &found) {
            return Err(TestCaseError::fail(e));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Containers nested far past the limit: flattened, not a stack overflow, text kept.
    #[test]
    fn deep_nesting_is_flattened_not_a_crash(
        open in prop::sample::select(vec!["> ", "- ", "1. ", "* ", "**", "_", "x ~~", "[", "> - "]),
        close in prop::sample::select(vec!["", "**", "_", "~~", "](/x)", "](entity:kazakhstan)"]),
        depth in 0usize..3000,
        lang in any_lang(),
    ) {
        let text = format!("{}Қазақстан{}\n", open.repeat(depth), close.repeat(depth));
        let doc = parse(&text);
        prop_assert!(invariants::nesting(&doc) <= MAX_NESTING);
        prop_assert!(doc.plain_text().contains("Қазақстан"), "{:?}", doc.plain_text());
        if let Err(e) = invariants::pipeline(&text, lang, 2025) {
            return Err(TestCaseError::fail(e));
        }
    }

    /// Random articles, parsed and annotated, survive the data files' form unchanged.
    #[test]
    fn data_files_round_trip_random_documents(
        bodies in prop::collection::vec((markdownish(), any_lang(), 0usize..3), 0..4),
        title in "[^\n]{0,20}",
        tags in prop::collection::vec("[^\n]{0,8}", 0..3),
    ) {
        let slugs = ["a", "b-2", "iaca-2025-dubai"];
        let articles = bodies.iter().map(|(body, lang, slug)| Article {
            slug: slugs[*slug].to_owned(),
            lang: *lang,
            meta: ArticleMeta {
                title: title.clone(),
                date: Date { year: 2025, month: 11, day: 19 },
                lede: (!title.is_empty()).then(|| title.clone()),
                source: None,
                tags: tags.clone(),
            },
            document: annotate(&parse(body), *lang, 2025),
        });
        let catalog = Catalog::from_articles(articles);
        if let Err(e) = invariants::data_round_trips(&catalog) {
            return Err(TestCaseError::fail(e));
        }
    }

    /// Bytes that are not what encode wrote (cut, flipped, random) are refused or decode to
    /// something that encodes again the same; never a panic.
    #[test]
    fn data_decode_refuses_garbage(
        body in markdownish(),
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        random in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let source = format!("---\ntitle: T\ndate: 2025-11-19\n---\n{body}\nx\n");
        let catalog = Catalog::from_sources(&[("s", "kk", "s/kk.md", source.as_str())]);
        let entry = &catalog.entries()[0];
        let mut bytes = page_data::encode(&courtview::site::article_data(entry, Lang::Kk));
        for (at, byte) in flips {
            let at = at.index(bytes.len());
            bytes[at] ^= byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        for input in [&bytes, &random] {
            if let Ok(decoded) = page_data::decode(input)
                && let Err(e) = invariants::encodes(&decoded)
            {
                return Err(TestCaseError::fail(e));
            }
        }
    }
}

#[test]
fn the_nesting_limit_keeps_real_structure() {
    // Realistic nesting is kept as written.
    let doc = parse("> - *a **b [c](/x)***\n>   > d\n");
    assert_eq!(invariants::nesting(&doc), 5);
    invariants::parsed(&doc).unwrap();
    // Past the limit, list items stay apart and keep their text.
    let text = format!("{}a\n{}b\n", "- ".repeat(40), "  ".repeat(39));
    let doc = parse(&text);
    assert!(invariants::nesting(&doc) <= MAX_NESTING);
    let plain = doc.plain_text();
    assert!(plain.contains('a') && plain.contains('b'), "{plain:?}");
}

#[test]
fn hostile_nesting_from_issue_6_renders() {
    // These overflowed the stack (in parse, annotate or the SSR renderer) before the limit.
    for text in [
        "> ".repeat(100_000),
        format!("{}x{}", "*".repeat(50_000), "*".repeat(50_000)),
        format!("{}x", "- ".repeat(20_000)),
        format!("{}x{}", "[".repeat(20_000), "](/a)".repeat(20_000)),
    ] {
        invariants::pipeline(&text, Lang::En, 2025).unwrap();
    }
}

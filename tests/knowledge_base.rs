//! The entity knowledge base: the build-time compiler/validator (`courtview_kb::compile`, the
//! one the model's build.rs runs, fed small broken knowledge bases in temporary folders) and
//! the shipped content (`static/entities/*.toml`) against the first article.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use courtview::entities::{EntityType, record, records};

/// A temporary project root with `static/entities` and `static/articles`, removed on drop.
struct Project {
    root: PathBuf,
}

impl Project {
    fn new(files: &[(&str, &str)]) -> Project {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!(
            "courtview-kb-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("static/entities")).unwrap();
        fs::create_dir_all(root.join("static/articles")).unwrap();
        for (path, text) in files {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        Project { root }
    }

    fn compile(&self) -> Result<String, Vec<String>> {
        courtview_kb::compile(&self.root.join("static/entities"))
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// A valid entity: `id`, `type`, extra top-level lines, and one name per language.
fn entity(id: &str, kind: &str, extra: &str, names: [&str; 3]) -> String {
    format!(
        "[[entity]]\nid = \"{id}\"\ntype = \"{kind}\"\n{extra}\n\
         [entity.kk]\nname = \"{}\"\ndescription = \"Сипаттама.\"\n\n\
         [entity.ru]\nname = \"{}\"\ndescription = \"Описание.\"\n\n\
         [entity.en]\nname = \"{}\"\ndescription = \"A description.\"\n\n",
        names[0], names[1], names[2]
    )
}

fn errors(files: &[(&str, &str)]) -> Vec<String> {
    match Project::new(files).compile() {
        Ok(source) => panic!("expected errors, got a knowledge base:\n{source}"),
        Err(errors) => errors,
    }
}

/// Exactly one error, which starts with `at` and contains every one of `parts`.
fn assert_one_error(files: &[(&str, &str)], at: &str, parts: &[&str]) {
    let errors = errors(files);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert!(e.starts_with(at), "expected the error at {at}, got: {e}");
    for part in parts {
        assert!(e.contains(part), "expected `{part}` in: {e}");
    }
}

// ---- the compiler on valid input ----

#[test]
fn a_valid_knowledge_base_compiles_to_entity_records() {
    let places = format!(
        "# a comment\n{}",
        entity(
            "kazakhstan",
            "place",
            "",
            ["Қазақстан", "Казахстан", "Kazakhstan"]
        )
        .replace(
            "name = \"Қазақстан\"",
            "name = \"Қазақстан\"\naliases = [\"Қазақстан Республикасы\"]\nabbreviations = [\"ҚР\"]"
        )
    );
    let dates = entity(
        "2025-11-17-19",
        "date",
        "date = \"2025-11-17/2025-11-19\"\nurl = \"https://example.org/x\"",
        ["17–19 қараша", "17–19 ноября", "17–19 November"],
    );
    let source = Project::new(&[
        ("static/entities/places.toml", &places),
        ("static/entities/dates.toml", &dates),
        (
            "static/articles/a/kk.md",
            "---\n---\n[Қазақстан](entity:kazakhstan) [x](entity:-)\n",
        ),
    ])
    .compile()
    .unwrap();
    assert!(source.contains("pub(crate) static ENTITIES: &[crate::entities::EntityRecord]"));
    assert!(source.contains("kind: crate::entities::EntityType::Place"));
    assert!(source.contains(
        r#"names: [&["Қазақстан", "Қазақстан Республикасы", "ҚР"], &["Казахстан"], &["Kazakhstan"]]"#
    ));
    // A date's canonical name is for the card; the date finder finds dates.
    assert!(source.contains("names: [&[], &[], &[]]"), "{source}");
    assert!(source.contains(r#"date: Some("2025-11-17/2025-11-19")"#));
    assert!(source.contains(r#"url: Some("https://example.org/x")"#));
    // File-name order: dates.toml before places.toml.
    assert!(source.find("2025-11-17-19").unwrap() < source.find("\"kazakhstan\"").unwrap());
}

#[test]
fn an_empty_folder_is_an_empty_knowledge_base() {
    let source = Project::new(&[]).compile().unwrap();
    assert!(source.contains("= &[\n];"), "{source}");
}

#[test]
fn the_same_name_in_different_languages_or_capitalisations_is_allowed() {
    let orgs = entity("iaca", "org", "", ["IACA", "IACA", "IACA"])
        + &entity(
            "dubai-courts",
            "org",
            "",
            ["Дубай соттары", "Суды Эмирата Дубай", "Dubai Courts"],
        )
        .replace(
            "name = \"Суды Эмирата Дубай\"",
            "name = \"Суды Эмирата Дубай\"\naliases = [\"суды Эмирата Дубай\"]",
        );
    Project::new(&[("static/entities/orgs.toml", &orgs)])
        .compile()
        .unwrap();
}

// ---- the compiler on broken input: each error names FILE:LINE ----

#[test]
fn toml_syntax_errors_name_the_line() {
    let text = "[[entity]]\nid = \"a\"\ntype = \"place\n";
    assert_one_error(
        &[("static/entities/places.toml", text)],
        "static/entities/places.toml:3:",
        &[],
    );
}

#[test]
fn unknown_keys_are_errors() {
    let text = entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]).replace(
        "name = \"Дубай\"\ndescription = \"Описание.\"",
        "name = \"Дубай\"\nalias = [\"Дубаи\"]\ndescription = \"Описание.\"",
    );
    // lines: 1 [[entity]], 2 id, 3 type, 4 blank, 5 [entity.kk], 6 name, 7 description,
    // 8 blank, 9 [entity.ru], 10 name, 11 alias
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:11:",
        &["unknown field `alias`"],
    );
    let text = entity(
        "dubai",
        "place",
        "urll = \"https://x.ae\"",
        ["Дубай", "Дубай", "Dubai"],
    );
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:4:",
        &["unknown field `urll`"],
    );
    let text = "[[entities]]\nid = \"a\"\n";
    assert_one_error(
        &[("static/entities/places.toml", text)],
        "static/entities/places.toml:1:",
        &["unknown field `entities`"],
    );
}

#[test]
fn an_unknown_type_is_an_error() {
    let text = entity("dubai", "city", "", ["Дубай", "Дубай", "Dubai"]);
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:3:",
        &[
            "entity \"dubai\"",
            "unknown type \"city\"",
            "person, org, place, date, event, law",
        ],
    );
}

#[test]
fn a_missing_id_or_type_is_an_error() {
    let text =
        entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]).replace("id = \"dubai\"\n", "");
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:1:",
        &["without an `id`"],
    );
    let text =
        entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]).replace("type = \"place\"\n", "");
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:2:",
        &["missing `type`"],
    );
}

#[test]
fn a_missing_language_table_is_an_error() {
    let good = entity(
        "kazakhstan",
        "place",
        "",
        ["Қазақстан", "Казахстан", "Kazakhstan"],
    );
    let text = format!(
        "{good}{}",
        entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]).replace(
            "[entity.ru]\nname = \"Дубай\"\ndescription = \"Описание.\"\n",
            ""
        )
    );
    let header = good.lines().count() + 1;
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        &format!("static/entities/places.toml:{header}:"),
        &["entity \"dubai\"", "missing the [entity.ru] table"],
    );
}

#[test]
fn a_missing_or_empty_name_or_description_is_an_error() {
    let text =
        entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]).replace("name = \"Dubai\"\n", "");
    // [entity.en] is on line 13.
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:13:",
        &["missing `name` in [entity.en]"],
    );
    let text = entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"])
        .replace("description = \"Описание.\"\n", "");
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:9:",
        &["missing `description` in [entity.ru]"],
    );
    let text = entity("dubai", "place", "", ["Дубай", " ", "Dubai"]);
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:10:",
        &["empty `name` (ru)"],
    );
}

#[test]
fn ids_must_be_lowercase_ascii_with_single_hyphens() {
    for bad in [
        "Dubai",
        "dubai_courts",
        "dubai--courts",
        "-dubai",
        "dubai-",
        "дубай",
        "",
    ] {
        let text = entity(bad, "place", "", ["Дубай", "Дубай", "Dubai"]);
        assert_one_error(
            &[("static/entities/places.toml", &text)],
            "static/entities/places.toml:2:",
            &["the id must be lowercase a-z, digits and single hyphens"],
        );
    }
}

#[test]
fn a_duplicate_id_names_both_places() {
    let a = entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]);
    let b = entity(
        "dubai",
        "org",
        "",
        ["Дубай соттары", "Суды Дубая", "Dubai Courts"],
    );
    assert_one_error(
        &[
            ("static/entities/orgs.toml", &b),
            ("static/entities/places.toml", &a),
        ],
        "static/entities/places.toml:2:",
        &["duplicate id", "static/entities/orgs.toml:2"],
    );
}

#[test]
fn one_name_claimed_by_two_entities_is_an_error() {
    let a = entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]);
    // Case and whitespace do not make it another name.
    let b = entity(
        "dubai-emirate",
        "place",
        "",
        ["Дубай Әмірлігі", "ДУБАЙ", "Emirate of Dubai"],
    );
    let text = format!("{a}{b}");
    let line = a.lines().count() + 10;
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        &format!("static/entities/places.toml:{line}:"),
        &[
            "entity \"dubai-emirate\": name \"ДУБАЙ\" (ru) is also a name of \"dubai\"",
            "static/entities/places.toml:10",
        ],
    );
    // An alias against another entity's abbreviation, across files, ё = е.
    let a = entity("uae", "place", "", ["БАӘ елі", "ОАЭ", "UAE"]).replace(
        "name = \"ОАЭ\"",
        "name = \"ОАЭ\"\naliases = [\"Объединённые  Арабские Эмираты\"]",
    );
    let b = entity(
        "emirates",
        "place",
        "",
        ["Әмірліктер", "Эмираты", "Emirates"],
    )
    .replace(
        "name = \"Эмираты\"",
        "name = \"Эмираты\"\nabbreviations = [\"объединенные арабские эмираты\"]",
    );
    let errors = errors(&[
        ("static/entities/a.toml", &a),
        ("static/entities/b.toml", &b),
    ]);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("static/entities/b.toml:11:")
                && e.contains("is also a name of \"uae\" (static/entities/a.toml:11)")),
        "{errors:#?}"
    );
}

#[test]
fn names_with_stray_whitespace_or_listed_twice_are_errors() {
    let text = entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]).replace(
        "name = \"Dubai\"",
        "name = \"Dubai\"\naliases = [\"Dubai\", \" Dubai emirate\"]",
    );
    let errors = errors(&[("static/entities/places.toml", &text)]);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with("static/entities/places.toml:15:")
            && errors[0].contains("listed twice")
    );
    assert!(
        errors[1].starts_with("static/entities/places.toml:15:")
            && errors[1].contains("stray whitespace")
    );
}

#[test]
fn urls_must_be_https() {
    for bad in [
        "http://www.iaca.ws",
        "www.iaca.ws",
        "https://",
        "https://iaca",
        "https://www.iaca.ws/a b",
    ] {
        let text = entity(
            "iaca",
            "org",
            &format!("url = \"{bad}\""),
            ["ХСӘҚ", "МАСА", "IACA"],
        );
        assert_one_error(
            &[("static/entities/orgs.toml", &text)],
            "static/entities/orgs.toml:4:",
            &["entity \"iaca\"", "must be an https:// address"],
        );
    }
}

#[test]
fn dates_belong_to_date_entities_and_must_be_real() {
    let text = entity(
        "dubai",
        "place",
        "date = \"2025-11-17\"",
        ["Дубай", "Дубай", "Dubai"],
    );
    assert_one_error(
        &[("static/entities/places.toml", &text)],
        "static/entities/places.toml:4:",
        &["`date` is only for entities of type \"date\""],
    );
    for (bad, why) in [
        ("2025-02-29", "no day 29"),
        ("2025-13-01", "no month 13"),
        ("2025-11-7", "not a date of the form YYYY-MM-DD"),
        ("17.11.2025", "not a date of the form YYYY-MM-DD"),
        (
            "2025-11-19/2025-11-17",
            "end of the range must be after its start",
        ),
        ("2025-11-17/2025-11-18/2025-11-19", "expected YYYY-MM-DD"),
    ] {
        let text = entity("d", "date", &format!("date = \"{bad}\""), ["a", "b", "c"]);
        assert_one_error(
            &[("static/entities/dates.toml", &text)],
            "static/entities/dates.toml:4:",
            &[why],
        );
    }
    let text = entity("d", "date", "date = \"2024-02-29\"", ["a", "b", "c"]);
    Project::new(&[("static/entities/dates.toml", &text)])
        .compile()
        .unwrap();
    let text = entity("d", "date", "", ["a", "b", "c"]);
    assert_one_error(
        &[("static/entities/dates.toml", &text)],
        "static/entities/dates.toml:2:",
        &["a date entity needs `date"],
    );
}

#[test]
fn annotations_in_articles_must_name_a_known_id() {
    let places = entity("dubai", "place", "", ["Дубай", "Дубай", "Dubai"]);
    let article = "---\ntitle: x\n---\n\n[Дубай](entity:dubai) және [DIFC](entity:-).\n\
                   `[code](entity:nope)` is code.\n\n```\n[fenced](entity:nope)\n```\n\n\
                   Ал [Дубай Әмірлігі](entity:dubai-emirate) мен [X](entity:Bad_Id).\n";
    let errors = errors(&[
        ("static/entities/places.toml", &places),
        ("static/articles/iaca/kk.md", article),
    ]);
    assert_eq!(
        errors,
        [
            "static/articles/iaca/kk.md:12: annotation `(entity:dubai-emirate)`: unknown entity id \"dubai-emirate\"",
            "static/articles/iaca/kk.md:12: annotation `(entity:Bad_Id)`: malformed entity id \"Bad_Id\"",
        ]
    );
}

#[test]
fn every_error_of_every_file_is_reported() {
    let a = entity("a", "city", "", ["a", "b", "c"]);
    let b = "[[entity]]\nid = \n";
    let c = entity("c", "place", "url = \"ftp://x.kz\"", ["d", "e", "f"]);
    let errors = errors(&[
        ("static/entities/a.toml", &a),
        ("static/entities/b.toml", b),
        ("static/entities/c.toml", &c),
        ("static/articles/x/en.md", "---\n---\n[a](entity:zzz)\n"),
    ]);
    let files: Vec<&str> = errors
        .iter()
        .map(|e| e.split(':').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "static/entities/a.toml",
            "static/entities/b.toml",
            "static/entities/c.toml",
            "static/articles/x/en.md"
        ],
        "{errors:#?}"
    );
}

// ---- the shipped knowledge base ----

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The first article's title, source and body as a reader sees them (annotation markup removed).
fn article(lang: &str) -> String {
    let lang = courtview::Lang::from_tag(lang).unwrap();
    let entry = courtview::content::Catalog::shipped()
        .entry("iaca-2025-dubai")
        .unwrap();
    let a = entry.resolve(lang).unwrap().article;
    let source = a.meta.source.clone().unwrap_or_default();
    format!("{}\n{source}\n{}", a.meta.title, a.document.plain_text())
}

const KK: usize = 0;
const RU: usize = 1;
const EN: usize = 2;

#[test]
fn the_shipped_knowledge_base_compiles_and_is_the_one_in_the_library() {
    let source = courtview_kb::compile(&root().join("static/entities"))
        .unwrap_or_else(|e| panic!("{}", e.join("\n")));
    for r in records() {
        assert!(source.contains(&format!("id: {:?},", r.id)), "{}", r.id);
    }
    assert_eq!(
        source.matches("crate::entities::EntityRecord {").count(),
        records().len()
    );
}

#[test]
fn every_entity_of_the_first_article_is_in_the_knowledge_base() {
    use EntityType::*;
    let expected = [
        ("aslambek-mergaliyev", Person),
        ("nail-akhmetzakirov", Person),
        ("pamela-harris", Person),
        ("iaca", Org),
        ("supreme-court", Org),
        ("judicial-administration", Org),
        ("difc-courts", Org),
        ("dubai-courts", Org),
        ("kazakhstan", Place),
        ("dubai", Place),
        ("uae", Place),
        ("iaca-2025-conference", Event),
        ("2025-11-17-19", Date),
    ];
    for (id, kind) in expected {
        let r = record(id).unwrap_or_else(|| panic!("no entity {id}"));
        assert_eq!(r.kind, kind, "{id}");
    }
    assert_eq!(records().len(), expected.len());
    assert!(record("nope").is_none());
    assert_eq!(
        record("2025-11-17-19").unwrap().date,
        Some("2025-11-17/2025-11-19")
    );
}

/// Each name the article uses is a name of the right entity, and the article really has it
/// (as written, or as the start of an inflected word).
#[test]
fn the_knowledge_base_names_what_the_article_writes() {
    let cases: &[(&str, usize, &str, &str)] = &[
        // (id, language, name in the knowledge base, as the article writes it)
        ("kazakhstan", KK, "Қазақстан", "Қазақстанның"),
        ("dubai", KK, "Дубай", "Дубайда"),
        ("uae", KK, "БАӘ", "(БАӘ)"),
        ("iaca", KK, "ХСӘҚ", "ХСӘҚ-ның"),
        ("iaca", KK, "IACA", "(IACA)"),
        ("iaca", KK, "IASA", "IASA президенті"),
        ("supreme-court", KK, "Жоғарғы Сот", "Жоғарғы Сот Төрағасы"),
        (
            "supreme-court",
            KK,
            "Қазақстан Республикасы Жоғарғы Соты",
            "Қазақстан Республикасы Жоғарғы Сотының",
        ),
        ("aslambek-mergaliyev", KK, "Мерғалиев", "А.А. Мерғалиев"),
        (
            "judicial-administration",
            KK,
            "Сот әкімшілігі",
            "Сот әкімшілігінің басшысы",
        ),
        (
            "nail-akhmetzakirov",
            KK,
            "Ахметзакиров",
            "Н.Р. Ахметзакиров",
        ),
        ("pamela-harris", KK, "Памела Харрис", "Памела Харрис"),
        ("difc-courts", KK, "DIFC Courts", "(DIFC Courts)"),
        ("difc-courts", KK, "DIFC соттары", "DIFC соттарында"),
        (
            "dubai-courts",
            KK,
            "Дубай Әмірлігі соттары",
            "Дубай Әмірлігі соттарының",
        ),
        (
            "dubai-courts",
            KK,
            "Дубай Әмірлігінің соттары",
            "Дубай Әмірлігінің соттарында",
        ),
        ("kazakhstan", RU, "Казахстан", "Казахстана"),
        ("dubai", RU, "Дубай", "в Дубае"),
        ("uae", RU, "ОАЭ", "(ОАЭ)"),
        ("iaca", RU, "МАСА", "конференция МАСА"),
        ("iaca", RU, "IACA", "(IACA)"),
        ("supreme-court", RU, "Верховный Суд", "Верховного Суда"),
        (
            "supreme-court",
            RU,
            "Верховный Суд Республики Казахстан",
            "Верховного Суда Республики Казахстан",
        ),
        ("aslambek-mergaliyev", RU, "Мергалиев", "А.А. Мергалиев"),
        (
            "judicial-administration",
            RU,
            "Судебная администрация",
            "Судебной администрации",
        ),
        (
            "nail-akhmetzakirov",
            RU,
            "Ахметзакиров",
            "Н.Р. Ахметзакиров",
        ),
        ("pamela-harris", RU, "Памела Харрис", "Памела Харрис"),
        (
            "difc-courts",
            RU,
            "Суды Дубайского международного финансового центра",
            "Судов Дубайского международного финансового центра",
        ),
        ("difc-courts", RU, "DIFC Courts", "(DIFC Courts)"),
        ("difc-courts", RU, "суды DIFC", "суды DIFC"),
        (
            "dubai-courts",
            RU,
            "суды Эмирата Дубай",
            "судов Эмирата Дубай",
        ),
        (
            "dubai-courts",
            RU,
            "суды Эмирата Дубай",
            "суды Эмирата Дубай",
        ),
        ("kazakhstan", EN, "Kazakhstan", "Kazakhstan’s"),
        ("dubai", EN, "Dubai", "in Dubai"),
        ("uae", EN, "UAE", "(UAE)"),
        (
            "iaca",
            EN,
            "International Association for Court Administration",
            "International Association for Court Administration (IACA)",
        ),
        ("iaca", EN, "IACA", "IACA President"),
        (
            "supreme-court",
            EN,
            "Supreme Court",
            "Chairman of the Supreme Court",
        ),
        (
            "supreme-court",
            EN,
            "Supreme Court of the Republic of Kazakhstan",
            "Supreme Court of the Republic of Kazakhstan",
        ),
        ("aslambek-mergaliyev", EN, "Mergaliyev", "A.A. Mergaliyev"),
        (
            "judicial-administration",
            EN,
            "Court Administration",
            "Head of the Court Administration",
        ),
        (
            "nail-akhmetzakirov",
            EN,
            "Akhmetzakirov",
            "N.R. Akhmetzakirov",
        ),
        ("pamela-harris", EN, "Pamela Harris", "Pamela Harris"),
        (
            "difc-courts",
            EN,
            "Dubai International Financial Centre Courts",
            "Dubai International Financial Centre Courts",
        ),
        ("difc-courts", EN, "DIFC Courts", "the DIFC Courts"),
        ("dubai-courts", EN, "Dubai Courts", "of Dubai Courts"),
    ];
    let texts = [article("kk"), article("ru"), article("en")];
    for &(id, lang, name, written) in cases {
        let r = record(id).unwrap();
        assert!(
            r.names[lang].contains(&name),
            "{id}: `{name}` is not among {:?}",
            r.names[lang]
        );
        assert!(
            texts[lang].contains(written),
            "article ({lang}) lacks `{written}`"
        );
    }
}

#[test]
fn shipped_records_are_complete_and_in_dictionary_form() {
    for r in records() {
        for lang in [KK, RU, EN] {
            assert!(!r.canonical[lang].is_empty(), "{}", r.id);
            let d = r.description[lang];
            assert!(
                d.ends_with('.') && !d.contains('\n'),
                "{}: description ({lang}) `{d}`",
                r.id
            );
            if r.kind == EntityType::Date {
                assert!(
                    r.names[lang].is_empty(),
                    "{}: the date finder finds dates",
                    r.id
                );
            } else {
                assert_eq!(r.names[lang].first(), Some(&r.canonical[lang]), "{}", r.id);
            }
            for name in r.names[lang] {
                // Dictionary form: no Kazakh case suffix after a hyphen, no Kazakh genitive
                // -ның/-нің/-дың/-тың at the end (it may sit inside, as in "Қазақстан
                // Республикасының Жоғарғы Соты").
                assert!(
                    !name.contains('-') || r.kind == EntityType::Event,
                    "{}: `{name}`",
                    r.id
                );
                assert!(
                    !["ның", "нің", "дың", "дің", "тың", "тің"]
                        .iter()
                        .any(|s| name.ends_with(s)),
                    "{}: `{name}`",
                    r.id
                );
            }
        }
        if let Some(url) = r.url {
            assert!(url.starts_with("https://"), "{url}");
        }
        assert_eq!(r.date.is_some(), r.kind == EntityType::Date, "{}", r.id);
    }
}

#[test]
fn generic_phrases_are_not_names() {
    // Lower-case "сот әкімшілігі" is the phrase "court administration", not the body; the
    // event is not found by the generic "annual conference".
    for r in records() {
        for lang in [KK, RU, EN] {
            for name in r.names[lang] {
                let folded = name.to_lowercase();
                assert!(*name != "сот әкімшілігі", "{}", r.id);
                assert!(
                    ![
                        "annual conference",
                        "ежегодная конференция",
                        "жыл сайынғы конференция"
                    ]
                    .contains(&folded.as_str()),
                    "{}",
                    r.id
                );
            }
        }
    }
    let ja = record("judicial-administration").unwrap();
    assert_eq!(ja.names[KK], ["Сот әкімшілігі"]);
}

#[test]
fn official_sites_are_the_known_ones() {
    let urls: Vec<(&str, &str)> = records()
        .iter()
        .filter_map(|r| r.url.map(|u| (r.id, u)))
        .collect();
    assert_eq!(
        urls,
        [
            ("iaca", "https://www.iaca.ws"),
            ("supreme-court", "https://www.sud.gov.kz"),
            ("difc-courts", "https://www.difccourts.ae"),
            ("dubai-courts", "https://www.dc.gov.ae"),
        ]
    );
}

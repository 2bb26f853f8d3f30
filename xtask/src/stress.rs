//! The stress build: the real app, built with extra articles that no release carries, for the
//! browser tests to open (`stress.test.mjs`, `hostile.test.mjs`).
//!
//! It writes, under `target/stress/articles/`:
//! - `stress-1mb`: about 1 MB of text in each of kk, ru and en (1 000 numbered paragraphs, each
//!   naming Kazakhstan once);
//! - `stress-5000-mentions`: 500 paragraphs, each naming ten known entities, so 5 000 mentions
//!   in each language;
//! - `hostile-<case>`: every case of `tests/fixtures/hostile/` as an article in all three
//!   languages (the case's own front matter if it has one, else a plain one);
//! - `stress-photos`: an article with two generated photos (PNG, written here: we ship no photo
//!   we do not have), one near the top and one below the first screen, captioned in each
//!   language (`photos.test.mjs`);
//! - `stress-kk-only`: an article in Kazakh alone, naming the United Arab Emirates, which a
//!   search from a Russian or English page finds across languages through the knowledge base;
//! - `archive-0001` …: an archive of generated news articles (1,000 unless `--articles N` says
//!   otherwise: the archive scale of the lists', entity pages' and search's tests; see
//!   archive.rs);
//!
//! then builds the site with them into `target/stress/dist/`: Trunk's debug build of the app
//! (the same app and the same code paths, without the release profile's LTO and wasm-opt,
//! which would cost minutes for nothing tested here, and in its own profile, so it never
//! invalidates the release build), then the site binary, as `dist` runs it ([`steps::site_step`],
//! links to http://127.0.0.1:8080), with `--articles target/stress/articles`: every page
//! prerendered and every article's data file written. The app carries no article, so the
//! wasm is the one `dist` would build in debug; only the site binary reads the test articles.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::archive;
use crate::png;
use crate::steps;
use crate::workspace::{Failure, Workspace};

/// Environment variable telling the browser tests where the stress build is (a folder holding
/// `articles/` and `dist/`); `cargo xtask test` sets it, and the tests default to
/// `target/stress`.
pub const STRESS_ENV: &str = "COURTVIEW_STRESS";

/// Generated archive articles when `--articles` does not say: 1,000, the archive scale the
/// browser tests of the lists, the entity pages and search are asked to hold at (the lists'
/// last page part full). The site generator writes it in about 10 s.
pub const DEFAULT_ARCHIVE: usize = 1000;

/// Paragraphs of the 1 MB article.
const BIG_PARAGRAPHS: usize = 1_000;
/// Bytes each language of the 1 MB article reaches at least.
const BIG_BYTES: usize = 1_000_000;
/// Paragraphs of the mentions article, and names in each.
const MENTION_PARAGRAPHS: usize = 500;
const NAMES_PER_PARAGRAPH: usize = 10;

/// Per language: the tag, a filler sentence naming nothing the matcher knows, the name the 1 MB
/// article's paragraphs start with, and five names (dictionary form) from static/entities.
/// archive.rs names the same entities in its generated articles.
pub const TEXT: [(&str, &str, &str, [&str; 5]); 3] = [
    (
        "kk",
        "Бұл сынақ мәтіні ұзын мақаланың әр абзацын толтыру үшін қайталанады, оқырман оны түгел көруі керек.",
        "Қазақстан",
        [
            "Қазақстан",
            "Дубай",
            "Асламбек Мерғалиев",
            "Наиль Ахметзакиров",
            "Памела Харрис",
        ],
    ),
    (
        "ru",
        "Этот проверочный текст повторяется, чтобы заполнить каждый абзац длинной статьи, и читатель должен увидеть его целиком.",
        "Казахстан",
        [
            "Казахстан",
            "Дубай",
            "Асламбек Мергалиев",
            "Наиль Ахметзакиров",
            "Памела Харрис",
        ],
    ),
    (
        "en",
        "This test sentence is repeated to fill every paragraph of a long article, and the reader must see all of it.",
        "Kazakhstan",
        [
            "Kazakhstan",
            "Dubai",
            "Aslambek Mergaliyev",
            "Nail Akhmetzakirov",
            "Pamela Harris",
        ],
    ),
];

/// Where the stress build lives: `target/stress/`.
pub fn stress_dir(ws: &Workspace) -> PathBuf {
    ws.target_dir().join("stress")
}

/// Writes the articles (with an archive of `archive` generated ones) and builds the site with
/// them into `target/stress/dist/`.
pub fn build(ws: &Workspace, archive: usize) -> Result<(), Failure> {
    let dir = stress_dir(ws);
    let articles = dir.join("articles");
    write_articles(ws, &articles, archive)?;
    let dist = dir.join("dist");
    let mut command = steps::trunk(ws);
    command.args(["build", "--dist"]).arg(&dist);
    let trunk = steps::Step {
        label: "trunk build (debug, into target/stress/dist/)".to_string(),
        command,
    };
    let site = steps::site_step(ws, &dist, steps::LOCAL_SITE_URL, &[&articles]);
    steps::run_all(ws, vec![trunk, site])
}

/// Writes every generated article into `articles` (emptied first, so no stale case stays).
fn write_articles(ws: &Workspace, articles: &Path, archive: usize) -> Result<(), Failure> {
    let io = archive::io_failure;
    if articles.exists() {
        fs::remove_dir_all(articles).map_err(|e| io(articles, e))?;
    }
    let mut all: Vec<(String, [String; 3])> = vec![
        (
            "stress-1mb".into(),
            TEXT.map(|t| big_article(t.0, t.1, t.2)),
        ),
        (
            "stress-5000-mentions".into(),
            TEXT.map(|t| mentions_article(t.0, &t.3)),
        ),
    ];
    all.push((
        PHOTOS_SLUG.into(),
        [0, 1, 2].map(|i| photos_article(TEXT[i].0, TEXT[i].1, &PHOTO_TEXT[i])),
    ));
    all.push((
        "stress-kk-only".into(),
        [KK_ONLY.to_owned(), String::new(), String::new()],
    ));
    let corpus = ws.root().join("tests/fixtures/hostile");
    let mut cases: Vec<PathBuf> = fs::read_dir(&corpus)
        .map_err(|e| io(&corpus, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    cases.sort();
    for case in cases {
        let stem = case.file_stem().unwrap_or_default().to_string_lossy();
        let text = fs::read_to_string(&case).map_err(|e| io(&case, e))?;
        let article = hostile_article(&stem, &text);
        all.push((
            hostile_slug(&stem),
            [article.clone(), article.clone(), article],
        ));
    }
    all.extend(archive::articles(archive));
    archive::write(articles, all)?;
    write_photos(&articles.join(PHOTOS_SLUG))
}

/// The photos article's folder name.
const PHOTOS_SLUG: &str = "stress-photos";

/// The photos article's paragraphs between its two photos: enough to put the second below the
/// first screen of a desktop, so that it is the lazy one.
const PHOTOS_GAP: usize = 8;

/// Per language: each photo's alternative text and caption.
const PHOTO_TEXT: [[(&str, &str); 2]; 3] = [
    [
        (
            "Жасыл мен көк жолақты сынақ суреті",
            "Бірінші сынақ суреті: бағдарлама салған кескін",
        ),
        (
            "Қызғылт сары шеңбері бар сынақ суреті",
            "Екінші сынақ суреті: кішірек кескін",
        ),
    ],
    [
        (
            "Тестовое изображение в зелёную и синюю полосу",
            "Первый тестовый снимок: изображение, нарисованное программой",
        ),
        (
            "Тестовое изображение с оранжевым кругом",
            "Второй тестовый снимок: изображение поменьше",
        ),
    ],
    [
        (
            "A test image striped in green and blue",
            "First test photo: an image drawn by a program",
        ),
        (
            "A test image with an orange circle",
            "Second test photo: a smaller image",
        ),
    ],
];

/// The photos article in `lang`: a paragraph, the wide photo, [`PHOTOS_GAP`] paragraphs, the
/// small photo, a last paragraph.
fn photos_article(lang: &str, sentence: &str, text: &[(&str, &str); 2]) -> String {
    let mut out = front_matter(&format!("Stress test: photos ({lang})"));
    let paragraph = |out: &mut String, n: usize| {
        let _ = write!(out, "№{n}. {sentence} {sentence} {sentence}\n\n");
    };
    paragraph(&mut out, 1);
    let _ = write!(out, "![{}](wide.png \"{}\")\n\n", text[0].0, text[0].1);
    for n in 2..2 + PHOTOS_GAP {
        paragraph(&mut out, n);
    }
    let _ = write!(out, "![{}](small.png \"{}\")\n\n", text[1].0, text[1].1);
    paragraph(&mut out, 2 + PHOTOS_GAP);
    out
}

/// The photos article's two images: `wide.png`, 1800 × 1200 (wider than the widest variant),
/// and `small.png`, 700 × 466 (narrower: never upscaled).
fn write_photos(folder: &Path) -> Result<(), Failure> {
    let io = archive::io_failure;
    let wide = png::rgb(1800, 1200, |x, y| {
        let stripe = ((x + y) / 60) % 2 == 0;
        let (g, b) = ((y * 200 / 1200) as u8, (x * 200 / 1800) as u8);
        if stripe {
            [20, 90 + g / 2, b]
        } else {
            [10, g, 120 + b / 2]
        }
    });
    let small = png::rgb(700, 466, |x, y| {
        let (dx, dy) = (x as i64 - 350, y as i64 - 233);
        if dx * dx + dy * dy < 150 * 150 {
            [240, 140, 20]
        } else {
            [(x * 255 / 700) as u8, 200, (y * 255 / 466) as u8]
        }
    });
    for (name, bytes) in [("wide.png", wide), ("small.png", small)] {
        let file = folder.join(name);
        fs::write(&file, bytes).map_err(|e| io(&file, e))?;
    }
    Ok(())
}

/// An article with no translation. It names the United Arab Emirates, which no generated
/// archive article names, so a search for them from a Russian or English page (`Объединённые
/// Арабские Эмираты`, `United Arab Emirates`) finds it, through the knowledge base, among few
/// other results however large the archive.
const KK_ONLY: &str = "---\ntitle: Тек қазақ тілінде\ndate: 2025-11-18\n---\n\n\
Бұл сынақ мақаласы Біріккен Араб Әмірліктері туралы.\n\n\
Мақала басқа тілдерге аударылмаған.\n";

/// Front matter for a generated article.
fn front_matter(title: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2025-11-19\n---\n\n")
}

/// About 1 MB: [`BIG_PARAGRAPHS`] paragraphs `№N. NAME. SENTENCE SENTENCE …`.
fn big_article(lang: &str, sentence: &str, name: &str) -> String {
    // Every paragraph the same length, so every language has the same paragraphs.
    let per_paragraph = BIG_BYTES / BIG_PARAGRAPHS;
    let repeats = per_paragraph.div_ceil(sentence.len() + 1);
    let mut out = front_matter(&format!("Stress test: 1 MB ({lang})"));
    for n in 1..=BIG_PARAGRAPHS {
        let _ = write!(out, "№{n}. {name}.");
        for _ in 0..repeats {
            out.push(' ');
            out.push_str(sentence);
        }
        out.push_str("\n\n");
    }
    out
}

/// [`MENTION_PARAGRAPHS`] paragraphs naming [`NAMES_PER_PARAGRAPH`] known entities each.
fn mentions_article(lang: &str, names: &[&str; 5]) -> String {
    let mut out = front_matter(&format!("Stress test: 5000 mentions ({lang})"));
    for n in 1..=MENTION_PARAGRAPHS {
        let _ = write!(out, "№{n}:");
        for i in 0..NAMES_PER_PARAGRAPH {
            let sep = if i == 0 { " " } else { ", " };
            let _ = write!(out, "{sep}{}", names[i % names.len()]);
        }
        out.push_str(".\n\n");
    }
    out
}

/// The slug of a hostile case `NN-name`: `hostile-NN-name`, made slug-shaped if it is not.
fn hostile_slug(stem: &str) -> String {
    let mut slug = String::from("hostile");
    for part in stem
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        slug.push('-');
        slug.push_str(part);
    }
    slug
}

/// A hostile case as an article: as it is when it brings its own front matter, else after a
/// plain one.
fn hostile_article(stem: &str, text: &str) -> String {
    if text.trim_start_matches('\u{feff}').starts_with("---") {
        text.to_owned()
    } else {
        format!("{}{text}", front_matter(&format!("Hostile case {stem}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_big_article_is_a_megabyte_with_the_same_paragraphs_everywhere() {
        for (lang, sentence, name, _) in TEXT {
            let text = big_article(lang, sentence, name);
            assert!(text.len() >= BIG_BYTES, "{lang}: {} bytes", text.len());
            assert!(
                text.len() < BIG_BYTES * 13 / 10,
                "{lang}: {} bytes",
                text.len()
            );
            let body = text.split("---\n\n").nth(1).unwrap();
            assert_eq!(body.matches("\n\n").count(), BIG_PARAGRAPHS, "{lang}");
            assert!(body.starts_with(&format!("№1. {name}. ")));
        }
    }

    #[test]
    fn the_mentions_article_names_five_thousand_entities() {
        for (lang, _, _, names) in TEXT {
            let text = mentions_article(lang, &names);
            let named: usize = names.iter().map(|n| text.matches(n).count()).sum();
            assert_eq!(named, MENTION_PARAGRAPHS * NAMES_PER_PARAGRAPH, "{lang}");
        }
    }

    #[test]
    fn the_stress_articles_include_the_archive() {
        let ws = Workspace::locate().unwrap();
        let dir = std::env::temp_dir().join(format!("courtview-stress-{}", std::process::id()));
        write_articles(&ws, &dir, 3).unwrap();
        for slug in [
            "stress-1mb",
            "hostile-01-script-block",
            "archive-0001",
            "archive-0003",
        ] {
            assert!(dir.join(slug).join("en.md").is_file(), "{slug}");
        }
        assert!(!dir.join("archive-0004").exists());
        write_articles(&ws, &dir, 0).unwrap();
        assert!(!dir.join("archive-0001").exists(), "emptied first");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn hostile_cases_become_slug_shaped_articles_with_front_matter() {
        assert_eq!(hostile_slug("01-script-block"), "hostile-01-script-block");
        assert_eq!(hostile_slug("x__Y--z"), "hostile-x-y-z");
        assert!(hostile_article("01", "<script>").starts_with("---\ntitle: Hostile case 01\n"));
        let own = "---\ntitle: x\ndate: 2025-01-01\n---\nbody";
        assert_eq!(hostile_article("72", own), own);
    }
}

//! Hostile Markdown: every case in `tests/fixtures/hostile/` (script tags, event handlers,
//! `javascript:` / `data:` / `vbscript:` URLs in every spelling, SVG and MathML tricks, broken
//! tags, quotes in titles and entity ids…) goes through the path `courtview render` takes
//! (front matter, parse, annotate, `render_document_html`) in all three languages, and through
//! the real binary. The HTML must keep to the allow-lists of
//! `courtview_test_support::html_allow`: only the elements and attributes `DocumentView`
//! renders (`tests/fixtures/html-allow.json`, which the browser test reads too), no `on*`
//! attribute, only http, https, mailto and relative URLs, `rel="noopener noreferrer"` on every
//! link that leaves the site.
//!
//! The rendered HTML of every case is also written to `target/hostile/` (NAME.html: the kk,
//! ru and en renders; NAME.md: the source it came from), where the browser test
//! `tests/browser/hostile.test.mjs` loads it into Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;

use courtview::Lang;
use courtview::content::parse_article_or_body;
use courtview::document::markdown;
use courtview::entities::EntityType;
use courtview::entities::annotate::{Gazetteer, annotate, annotate_with};
use courtview::ui::render_document_html;
use courtview_test_support::html_allow;

/// The corpus, sorted: (file name, path, text).
fn corpus() -> Vec<(String, PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            (name, p, text)
        })
        .collect();
    cases.sort();
    cases
}

/// What `courtview render --lang LANG FILE` prints for `text`, computed the way it computes
/// it (a bare body's dates without a year take 2025 here, the current year there).
fn render(name: &str, text: &str, lang: Lang) -> String {
    let (document, year) = parse_article_or_body(text, "stdin", lang, name, 2025)
        .unwrap_or_else(|e| panic!("{name}: front matter refused: {e}"));
    let mut html = render_document_html(annotate(&document, lang, year), lang);
    html.push('\n');
    html
}

/// Where the rendered corpus goes for the browser test: `target/hostile/`.
fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("hostile")
}

/// Whether the case holds a NUL byte, which the CLI refuses as binary data.
fn has_nul(text: &str) -> bool {
    text.contains('\0')
}

#[test]
fn the_corpus_has_sixty_cases_or_more_each_saying_what_it_tries() {
    let cases = corpus();
    assert!(cases.len() >= 60, "only {} hostile cases", cases.len());
    for (n, (name, _, text)) in cases.iter().enumerate() {
        let number = format!("{:02}-", n + 1);
        assert!(
            name.starts_with(&number),
            "{name}: cases are numbered NN-name.md from 01, without gaps"
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("[//]: # (tries: ") && l.ends_with(')')),
            "{name}: no `[//]: # (tries: …)` line saying what it tries"
        );
    }
}

#[test]
fn every_case_renders_within_the_allow_lists() {
    let out = out_dir();
    std::fs::create_dir_all(&out).unwrap();
    let mut failures = Vec::new();
    let mut elements = std::collections::BTreeSet::new();
    for (name, _, text) in corpus() {
        let mut page = String::new();
        for lang in Lang::ALL {
            let html = render(&name, &text, lang);
            match html_allow::check(&html) {
                Ok(summary) => elements.extend(summary.elements),
                Err(e) => failures.push(format!("{name} ({lang}): {e}\n{html}")),
            }
            page.push_str(&html);
        }
        let stem = name.trim_end_matches(".md");
        std::fs::write(out.join(format!("{stem}.html")), page).unwrap();
        std::fs::write(out.join(&name), &text).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // The corpus exercises the renderer, not only its refusals.
    for tag in [
        "a",
        "img",
        "mark",
        "pre",
        "span",
        "code",
        "table",
        "blockquote",
        "li",
    ] {
        assert!(elements.contains(tag), "no case renders a <{tag}>");
    }
}

#[test]
fn the_binary_renders_every_case_the_same_way() {
    let mut failures = Vec::new();
    for (name, path, text) in corpus() {
        for lang in [Lang::En, Lang::Kk] {
            let out = Command::new(env!("CARGO_BIN_EXE_courtview"))
                .args(["render", "--lang", lang.tag()])
                .arg(&path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
            if has_nul(&text) {
                // The CLI refuses NUL bytes as binary data; the library path above still
                // renders them (as U+FFFD), and the browser test loads that.
                if out.status.success() || !stderr.contains("binary data") {
                    failures.push(format!("{name}: a NUL byte should be refused: {stderr}"));
                }
                continue;
            }
            if !out.status.success() {
                failures.push(format!("{name} ({lang}): exit {}: {stderr}", out.status));
                continue;
            }
            let html = String::from_utf8(out.stdout).unwrap();
            if let Err(e) = html_allow::check(&html) {
                failures.push(format!("{name} ({lang}): {e}\n{html}"));
            } else if html != render(&name, &text, lang) {
                failures.push(format!(
                    "{name} ({lang}): the binary differs from the library"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn entity_ids_are_attribute_values_never_markup() {
    // `courtview match --names` and a future knowledge base could hold any id: whatever it
    // is, it stays inside data-entity.
    let ids = [
        "\"><script>alert(1)</script>",
        "x\" onclick=\"alert(1)",
        "x' onmouseover='alert(1)",
        "a&quot; b=&#34;c",
        "javascript:alert(1)",
    ];
    let names: Vec<(&str, &str, EntityType)> = ids
        .iter()
        .zip(["Dubai", "Kazakhstan", "Supreme Court", "Astana", "Almaty"])
        .map(|(&id, name)| (id, name, EntityType::Place))
        .collect();
    let gazetteer = Gazetteer::from_names(Lang::En, &names);
    let doc = markdown::parse("Dubai, Kazakhstan, the Supreme Court, Astana and Almaty.\n");
    let html = render_document_html(annotate_with(&doc, &gazetteer, 2025), Lang::En);
    let summary = html_allow::check(&html).unwrap_or_else(|e| panic!("{e}\n{html}"));
    assert_eq!(summary.marks, ids.len(), "{html}");
    for id in ids {
        let escaped = id
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            html.contains(&format!("data-entity=\"{escaped}\"")),
            "{id:?} not kept whole in data-entity: {html}"
        );
    }
}

#[test]
fn the_checker_refuses_what_it_should() {
    let ok = concat!(
        r#"<article lang="en" class="cv-prose"><p id="p-1">a &amp; b "c" "#,
        r#"<a href="https://x" rel="noopener noreferrer">x</a> <a href="/kk/">y</a></p></article>"#
    );
    html_allow::check(ok).unwrap();
    for bad in [
        r#"<article lang="en"><script>x</script></article>"#,
        r#"<article lang="en"><svg></svg></article>"#,
        r#"<article lang="en"><p onclick="x">a</p></article>"#,
        r#"<article lang="en"><p style="x">a</p></article>"#,
        r#"<article lang="en"><a href="javascript:x">a</a></article>"#,
        r#"<article lang="en"><a href="JAVA&quot;script:x">a</a></article>"#,
        "<article lang=\"en\"><a href=\" java\tscript:x\">a</a></article>",
        "<article lang=\"en\"><a href=\"\u{1}javascript:x\">a</a></article>",
        r#"<article lang="en"><a href="vbscript:x">a</a></article>"#,
        r#"<article lang="en"><a href="file:///etc/passwd">a</a></article>"#,
        r#"<article lang="en"><a href="https://x">a</a></article>"#,
        r#"<article lang="en"><a href="/\x">a</a></article>"#,
        r#"<article lang="en"><a href="//x" rel="noopener">a</a></article>"#,
        r#"<article lang="en"><img src="data:image/png,x" alt=""></article>"#,
        r#"<article lang="en"><img src="/x.png"></article>"#,
        r#"<article lang="en"><p id=p-1>a</p></article>"#,
        r#"<article lang="en"><p id="p-1" id="p-2">a</p></article>"#,
        r#"<article lang="en"><p id="p-1">a</p><p id="p-1">b</p></article>"#,
        r#"<article lang="en"><p hidden>a</p></article>"#,
        r#"<article lang="en"><!-- x --></article>"#,
        r#"<article lang="en"><p>a</article>"#,
        r#"<article lang="en"><p>a</p></p></article>"#,
        r#"<article lang="en">a > b</article>"#,
        r#"<article lang="en">a &colon; b</article>"#,
        r#"<article lang="en">a & b</article>"#,
        r#"<article lang="en"></article><p>x</p>"#,
        r#"text<article lang="en"></article>"#,
        r#"<article lang="en"><br/></article>"#,
        r#"<article lang="en"><p class="x">a</p></article>"#,
        r#"<article lang="de"></article>"#,
        r#"<article lang="en"><mark class="entity" data-type="org" id="m-0">a</mark></article>"#,
    ] {
        assert!(html_allow::check(bad).is_err(), "accepted: {bad}");
    }
}

//! The `courtview` binary as an editor runs it: clear messages, non-zero exits, no panics.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_courtview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The program may exit before reading its input (bad arguments): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn ingest_an_empty_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("courtview-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&["ingest", empty.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let msg = stderr(&out);
    assert!(msg.contains("empty.txt") && msg.contains("empty"), "{msg}");
    assert!(!msg.contains("panicked"), "{msg}");
}

#[test]
fn ingest_the_seed_from_stdin() {
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ingest/iaca-2025-dubai.seed.txt"
    ))
    .unwrap();
    let out = run(&["ingest", "-", "--lead-last"], &seed);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("17-19 қараша аралығында")
    );
}

#[test]
fn render_prints_the_apps_html() {
    let out = run(
        &[
            "render",
            "--lang",
            "kk",
            "static/articles/iaca-2025-dubai/kk.md",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.starts_with(concat!(
            r#"<article lang="kk" class="cv-prose"><p id="p-1" class="cv-lead">"#,
            r#"<mark data-entity="2025-11-17-19" data-type="date" id="m-0" tabindex="0" class="entity">17-19 қараша</mark>"#
        )),
        "{html}"
    );
    // Marks only wrap the text: without the tags, the paragraph reads as the article does.
    let text_of_p1: String = {
        let p1 = &html[..html.find("</p>").unwrap()];
        let mut out = String::new();
        let mut in_tag = false;
        for c in p1.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    assert!(
        text_of_p1.starts_with("17-19 қараша аралығында Дубайда (БАӘ) «Сот әкімшілігінің"),
        "{text_of_p1}"
    );
    assert!(html.contains(r#"<p id="p-8">"#) && !html.contains("p-9"));
    assert!(!html.contains("title:"), "front matter is not body text");
}

#[test]
fn render_refuses_bad_input_with_a_message() {
    let cases: [(&[&str], &[u8], &str); 5] = [
        (&["render", "--lang", "kk"], b"\xff\xfe bad", "not UTF-8"),
        (&["render", "--lang", "de"], b"x", "unknown language `de`"),
        (
            &["render"],
            b"x",
            "required arguments were not provided:\n  --lang <kk|ru|en>",
        ),
        (
            &["render", "--lang", "ru"],
            b"---\ntitle: x\n---\nbody",
            "no `date`",
        ),
        (&["frobnicate"], b"", "unrecognized subcommand 'frobnicate'"),
    ];
    for (args, input, expected) in cases {
        let out = run(args, input);
        assert!(!out.status.success(), "{args:?}");
        let msg = stderr(&out);
        assert!(msg.contains(expected), "{args:?}: {msg}");
        assert!(!msg.contains("panicked"), "{args:?}: {msg}");
    }
}

#[test]
fn render_handles_crlf_and_empty_input() {
    let out = run(&["render", "--lang", "en"], b"a\r\nb\r\n\r\nc\r\n");
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains(r#"<p id="p-2">c</p>"#), "{html}");
    let out = run(&["render", "--lang", "en"], b"");
    assert!(out.status.success());
}

#[test]
fn render_reads_a_leading_thematic_break_as_markdown() {
    // `---` then text is a thematic break, not front matter: the text is kept.
    let out = run(&["render", "--lang", "en"], b"---\nFoo\n---\nBar\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<hr><h2>Foo</h2><p id=\"p-1\">Bar</p>"),
        "{html}"
    );
}

#[test]
fn check_passes_on_the_shipped_articles() {
    let out = run(&["check"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn usage_errors_name_the_problem_and_exit_2() {
    // Argument errors are clap's: the message names the argument, and the exit code is 2;
    // bad input past the arguments (a missing file) exits 1.
    let cases: [(&[&str], &str); 7] = [
        (&["ingest"], "<FILE>"),
        (
            &["ingest", "a.txt", "--lead-first"],
            "unexpected argument '--lead-first'",
        ),
        (
            &["match", "--lang", "kk", "--year", "19"],
            "`19` is not a year",
        ),
        (
            &["match", "--lang"],
            "a value is required for '--lang <kk|ru|en>'",
        ),
        (&["eval", "--lang", "kk"], "<FILE>..."),
        (
            &["eval", "--lang", "kk", "--format", "xml", "x.conllu"],
            "unknown format `xml`",
        ),
        (&["check", "a", "b"], "unexpected argument 'b'"),
    ];
    for (args, expected) in cases {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let msg = stderr(&out);
        assert!(msg.contains(expected), "{args:?}: {msg}");
        assert!(!msg.contains("panicked"), "{args:?}: {msg}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = run(&["ingest", "no-such-file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-file.txt: cannot read"));
}

#[test]
fn help_lists_every_command_on_stdout() {
    for args in [&[][..], &["help"], &["--help"], &["-h"]] {
        let out = run(args, b"");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let help = String::from_utf8(out.stdout).unwrap();
        for command in ["ingest", "check", "render", "match", "eval", "help"] {
            assert!(
                help.contains(&format!("\n  {command} ")),
                "{args:?}: {help}"
            );
        }
    }
    // Each command's own help carries the details.
    let out = run(&["help", "match"], b"");
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        r#"{"line":1,"start":0,"end":24,"id":"kazakhstan","text":"Қазақстанның"}"#,
        "--names <FILE>",
        "--year <YYYY>",
        "(1900-2099)",
    ] {
        assert!(help.contains(needle), "{needle:?} not in: {help}");
    }
    let out = run(&["--version"], b"");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("courtview {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn the_site_generator_refuses_bad_arguments() {
    let site = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_courtview-site"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let cases: [(&[&str], &str); 4] = [
        (&[], "<DIST>"),
        (
            &["dist", "--site-url", "ftp://x.test"],
            "not an http(s) URL",
        ),
        (
            &["dist", "--articles"],
            "a value is required for '--articles <DIR>'",
        ),
        (&["dist", "--bogus"], "unexpected argument '--bogus'"),
    ];
    for (args, expected) in cases {
        let out = site(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let msg = stderr(&out);
        assert!(msg.contains(expected), "{args:?}: {msg}");
        assert!(!msg.contains("panicked"), "{args:?}: {msg}");
    }
    let out = site(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("--site-url <URL>") && help.contains("--articles <DIR>"),
        "{help}"
    );
}

/// The `"key":value` pairs of a flat JSON object line, values as written.
fn json_fields(line: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect()
}

#[test]
fn search_prints_one_json_object_per_result() {
    for (lang, query, paragraph) in [
        ("kk", "соттың", None),
        ("kk", "Қазақстан", None),
        ("ru", "судом", None),
        ("en", "court", None),
        ("kk", "Mergaliyev", Some("2")),
    ] {
        let out = run(&["search", "--lang", lang, query], b"");
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{query}: {text}");
        let fields = json_fields(lines[0]);
        let get = |k: &str| {
            fields
                .iter()
                .find(|f| f.0 == k)
                .map(|f| f.1.clone())
                .unwrap_or_else(|| panic!("{query}: no {k} in {}", lines[0]))
        };
        assert_eq!(get("slug"), "\"iaca-2025-dubai\"");
        assert_eq!(get("lang"), format!("\"{lang}\""));
        let p: u32 = get("paragraph").parse().unwrap();
        assert!((1..=8).contains(&p), "{query}: {p}");
        if let Some(expected) = paragraph {
            assert_eq!(get("paragraph"), expected, "{query}");
        }
        for key in ["title", "date", "score", "snippet", "marks"] {
            get(key);
        }
        // The marks are byte ranges of the snippet, on character boundaries.
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        let snippet = v["snippet"].as_str().unwrap();
        let marks = v["marks"].as_array().unwrap();
        assert!(!marks.is_empty(), "{query}: {text}");
        for m in marks {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            assert!(
                snippet.get(s..e).is_some_and(|w| !w.is_empty()),
                "{query}: {m}"
            );
        }
    }
    // Derivational look-alikes and unknown words find nothing; that is not an error.
    for (lang, query) in [("kk", "сотқар"), ("ru", "судно"), ("en", "zebra")] {
        let out = run(&["search", "--lang", lang, query], b"");
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{query}");
    }
}

#[test]
fn search_adds_the_articles_of_a_folder() {
    let dir = std::env::temp_dir().join(format!("courtview-search-{}", std::process::id()));
    let article = dir.join("extra-2026").join("ru.md");
    std::fs::create_dir_all(article.parent().unwrap()).unwrap();
    std::fs::write(
        &article,
        "---\ntitle: Заседание\ndate: 2026-01-05\n---\n\nПервый абзац.\n\nРешение судов области.\n",
    )
    .unwrap();
    let out = run(
        &[
            "search",
            "--lang",
            "ru",
            "--articles",
            dir.to_str().unwrap(),
            "суд",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let slugs: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["slug"].to_string())
        .collect();
    assert!(slugs.contains(&"\"extra-2026\"".to_owned()), "{text}");
    assert!(
        text.contains(r#""slug":"extra-2026","lang":"ru","paragraph":2"#),
        "{text}"
    );
    // --all-languages: the Russian-only article is found from a Kazakh search too.
    let out = run(
        &[
            "search",
            "--lang",
            "kk",
            "--all-languages",
            "--articles",
            dir.to_str().unwrap(),
            "судов",
        ],
        b"",
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(r#""slug":"extra-2026","lang":"ru""#)
    );
    let out = run(
        &["search", "--lang", "ru", "--articles", "no-such-dir", "суд"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-dir"), "{}", stderr(&out));
}

#[test]
fn search_refuses_bad_arguments() {
    for (args, expected) in [
        (&["search", "--lang", "kk"][..], "<QUERY>..."),
        (&["search", "--lang", "de", "x"], "unknown language `de`"),
        (&["search", "x"], "--lang <kk|ru|en>"),
        (&["eval-search", "--lang", "ru"], "<FILE>..."),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn eval_search_measures_the_fixtures() {
    for lang in ["kk", "ru"] {
        let file = format!("tests/fixtures/search/{lang}-sample.conllu");
        let out = run(&["eval-search", "--lang", lang, &file], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("precision") && text.contains("recall"),
            "{text}"
        );
        let lemma = text.lines().find(|l| l.starts_with("lemma")).unwrap();
        assert!(lemma.contains("1.000      1.000"), "{lang}: {text}");
    }
}

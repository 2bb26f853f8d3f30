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
        (&["render"], b"x", "--lang is required"),
        (
            &["render", "--lang", "ru"],
            b"---\ntitle: x\n---\nbody",
            "no `date`",
        ),
        (&["frobnicate"], b"", "unknown command"),
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
fn check_passes_on_the_shipped_articles() {
    let out = run(&["check"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
}

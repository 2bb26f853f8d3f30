//! The `courtview` binary on odd input (issue 6): empty, binary, not UTF-8, UTF-16, CRLF line
//! ends, a byte-order mark, and 50 MB. Every command answers with a correct result or a clear
//! message on stderr that names the input, with a non-zero exit code, and never panics.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/static/articles/iaca-2025-dubai/kk.md"
);

/// A fresh scratch folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("courtview-odd-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with `stdin` read from a file (or nothing).
fn run(args: &[&str], stdin: Option<&Path>) -> Output {
    let input = match stdin {
        Some(path) => Stdio::from(File::open(path).unwrap()),
        None => Stdio::null(),
    };
    Command::new(env!("CARGO_BIN_EXE_courtview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(input)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The run failed with a message containing every one of `needles`, and did not panic.
fn refused(o: &Output, needles: &[&str]) {
    let msg = stderr(o);
    assert!(!o.status.success(), "expected a failure; stderr: {msg}");
    assert!(!msg.contains("panicked"), "{msg}");
    for needle in needles {
        assert!(msg.contains(needle), "{needle:?} not in: {msg}");
    }
}

fn succeeded(o: &Output) {
    let msg = stderr(o);
    assert!(o.status.success(), "{}: {msg}", o.status);
    assert!(!msg.contains("panicked"), "{msg}");
}

/// Bytes that are clearly not text: a PNG signature and header.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
/// Kazakh text in Windows-1251 (`Қазақстан` where the code page has the letters).
const CP1251: &[u8] = b"\xca\xe0\xe7\xe0\xf5\xf1\xf2\xe0\xed \xf1\xee\xf2\xfb\n";
/// `Hi` in UTF-16LE with its byte-order mark.
const UTF16: &[u8] = b"\xff\xfeH\0i\0\n\0";

/// `text` with every `\n` made `\r\n`.
fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// A file of at least `bytes` bytes made of whole copies of `unit`; returns the copies.
fn big_file(path: &Path, unit: &str, bytes: usize) -> usize {
    let copies = bytes.div_ceil(unit.len());
    std::fs::write(path, unit.repeat(copies)).unwrap();
    copies
}

const FIFTY_MB: usize = 50 * 1024 * 1024;

#[test]
fn render_answers_odd_input() {
    let dir = scratch("render");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    };
    // Empty, from a file and from stdin: an empty article.
    let empty = write("empty.md", b"");
    for out in [
        run(&["render", "--lang", "en", &empty], None),
        run(&["render", "--lang", "en"], None),
    ] {
        succeeded(&out);
        assert_eq!(
            stdout(&out),
            "<article lang=\"en\" class=\"cv-prose\"></article>\n"
        );
    }
    // Binary, another encoding, UTF-16: refused, naming the file.
    let png = write("photo.md", PNG);
    refused(
        &run(&["render", "--lang", "kk", &png], None),
        &["photo.md", "binary data"],
    );
    let cp1251 = write("cp1251.md", CP1251);
    refused(
        &run(&["render", "--lang", "kk", &cp1251], None),
        &["cp1251.md:1", "not UTF-8", "0xca"],
    );
    let utf16 = write("utf16.md", UTF16);
    refused(
        &run(&["render", "--lang", "kk", &utf16], None),
        &["utf16.md", "UTF-16"],
    );
    refused(
        &run(&["render", "--lang", "kk"], Some(Path::new(&png))),
        &["stdin", "binary"],
    );
    // CRLF line ends and a byte-order mark change nothing.
    let lf = run(&["render", "--lang", "kk", ARTICLE], None);
    succeeded(&lf);
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let windows = write("windows.md", format!("\u{feff}{}", crlf(&text)).as_bytes());
    let out = run(&["render", "--lang", "kk", &windows], None);
    succeeded(&out);
    assert_eq!(stdout(&out), stdout(&lf));
    let body = "First line\nsecond line\n\n> quoted\n\nLast, **bold**\n";
    let plain = run(
        &["render", "--lang", "en", &write("lf.md", body.as_bytes())],
        None,
    );
    let windows = run(
        &[
            "render",
            "--lang",
            "en",
            &write("crlf.md", crlf(body).as_bytes()),
        ],
        None,
    );
    succeeded(&windows);
    assert_eq!(stdout(&windows), stdout(&plain));
    assert!(!stdout(&windows).contains('\r'));
}

#[test]
fn render_check_and_ingest_refuse_50_mb_quickly() {
    let dir = scratch("big");
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    let big = dir.join("big.md");
    big_file(&big, body, FIFTY_MB);
    let big = big.to_str().unwrap();
    let started = Instant::now();
    refused(
        &run(&["render", "--lang", "kk", big], None),
        &["big.md", "too large for an article", "50.0 MiB", "8 MiB"],
    );
    refused(
        &run(&["render", "--lang", "kk"], Some(Path::new(big))),
        &["stdin", "too large for an article", "8 MiB"],
    );
    refused(&run(&["ingest", big], None), &["big.md", "too large"]);
    let articles = dir.join("articles/huge");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::rename(big, articles.join("kk.md")).unwrap();
    refused(
        &run(&["check", dir.join("articles").to_str().unwrap()], None),
        &["kk.md", "too large"],
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "refusing took {:?}",
        started.elapsed()
    );
}

#[test]
fn check_answers_odd_files() {
    let dir = scratch("check");
    let folder = |slug: &str, files: &[(&str, &[u8])]| {
        let root = dir.join(slug);
        let path = root.join("a-slug");
        std::fs::create_dir_all(&path).unwrap();
        for (name, bytes) in files {
            std::fs::write(path.join(name), bytes).unwrap();
        }
        root.to_str().unwrap().to_owned()
    };
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let ok = folder(
        "windows",
        &[
            ("kk.md", crlf(&text).as_bytes()),
            ("ru.md", format!("\u{feff}{text}").as_bytes()),
        ],
    );
    let out = run(&["check", &ok], None);
    succeeded(&out);
    assert!(stdout(&out).contains("2 article files in 1 folders: all good"));
    for (case, bytes, needles) in [
        ("empty", &b""[..], &["kk.md", "front matter"][..]),
        ("binary", PNG, &["kk.md", "binary data"]),
        ("cp1251", CP1251, &["kk.md:1", "not UTF-8"]),
        ("utf16", UTF16, &["kk.md", "UTF-16"]),
    ] {
        let root = folder(case, &[("kk.md", bytes)]);
        let out = run(&["check", &root], None);
        refused(&out, needles);
        assert!(
            stderr(&out).contains(case),
            "names the folder: {}",
            stderr(&out)
        );
    }
    refused(&run(&["check", ARTICLE], None), &["kk.md", "cannot read"]);
}

#[test]
fn ingest_answers_odd_files() {
    let dir = scratch("ingest");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    };
    refused(
        &run(&["ingest", &write("blank.txt", b" \n\n \t\n")], None),
        &["blank.txt", "empty"],
    );
    refused(
        &run(&["ingest", &write("scan.pdf", PNG)], None),
        &["scan.pdf", "binary data"],
    );
    refused(
        &run(&["ingest", &write("cp.txt", CP1251)], None),
        &["cp.txt:1", "not UTF-8"],
    );
    refused(
        &run(&["ingest", &write("u16.txt", UTF16)], None),
        &["u16.txt", "UTF-16"],
    );
    refused(
        &run(&["ingest", &dir.to_string_lossy()], None),
        &["is a folder"],
    );
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ingest/iaca-2025-dubai.seed.txt"
    ))
    .unwrap();
    let lf = run(&["ingest", &write("lf.txt", seed.as_bytes())], None);
    succeeded(&lf);
    let windows = format!("\u{feff}{}", crlf(&seed));
    let out = run(&["ingest", &write("crlf.txt", windows.as_bytes())], None);
    succeeded(&out);
    assert_eq!(stdout(&out), stdout(&lf), "CRLF and a BOM change nothing");
}

#[test]
fn match_answers_odd_input() {
    let dir = scratch("match");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    // Empty stdin: no mentions, no error.
    let out = run(&["match", "--lang", "kk"], None);
    succeeded(&out);
    assert_eq!(stdout(&out), "");
    refused(
        &run(&["match", "--lang", "kk"], Some(&write("png", PNG))),
        &["stdin", "binary data"],
    );
    refused(
        &run(&["match", "--lang", "kk"], Some(&write("cp", CP1251))),
        &["stdin:1", "not UTF-8"],
    );
    // CRLF: the same mentions at the same offsets, and no \r in the text.
    let lines = "Қазақстанның Жоғарғы Соты\nДубайда 17-19 қараша\n";
    let lf = run(
        &["match", "--lang", "kk"],
        Some(&write("lf", lines.as_bytes())),
    );
    let windows = run(
        &["match", "--lang", "kk"],
        Some(&write("crlf", crlf(lines).as_bytes())),
    );
    succeeded(&windows);
    assert_eq!(stdout(&windows), stdout(&lf));
    assert!(stdout(&lf).lines().count() >= 3, "{}", stdout(&lf));
    // --names: bad files are named; hostile ids stay inside their JSON string.
    let bad_names = write("names.tsv", CP1251);
    refused(
        &run(
            &[
                "match",
                "--lang",
                "kk",
                "--names",
                bad_names.to_str().unwrap(),
            ],
            Some(&write("in", lines.as_bytes())),
        ),
        &["names.tsv:1", "not UTF-8"],
    );
    let names = write("evil.tsv", "x\"},{\"id\":\"pwned\tҚазақстан\n".as_bytes());
    let out = run(
        &["match", "--lang", "kk", "--names", names.to_str().unwrap()],
        Some(&write("in2", "Қазақстанның\n".as_bytes())),
    );
    succeeded(&out);
    assert_eq!(
        stdout(&out),
        "{\"line\":1,\"start\":0,\"end\":24,\"id\":\"x\\\"},{\\\"id\\\":\\\"pwned\",\"text\":\"Қазақстанның\"}\n"
    );
}

#[test]
fn match_handles_50_mb() {
    // 50 MB of real article lines, one document per line: every copy has the same mentions,
    // so the answer is exactly copies × the mentions of one copy.
    let dir = scratch("match-big");
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    let unit: String = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let one = dir.join("one.txt");
    std::fs::write(&one, &unit).unwrap();
    let args = ["match", "--lang", "kk", "--year", "2025"];
    let one_out = run(&args, Some(&one));
    succeeded(&one_out);
    let per_copy = stdout(&one_out).lines().count();
    assert!(per_copy > 20, "{per_copy} mentions in one copy");
    let big = dir.join("big.txt");
    let copies = big_file(&big, &unit, FIFTY_MB);
    let started = Instant::now();
    let out = run(&args, Some(&big));
    let took = started.elapsed();
    succeeded(&out);
    let found = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(found, per_copy * copies);
    // The last copy's mentions carry the line numbers the input gives them.
    let last_line = |out: &[u8]| -> (usize, String) {
        let last = out.rsplit(|&b| b == b'\n').nth(1).unwrap();
        let last = String::from_utf8_lossy(last).into_owned();
        let number = last["{\"line\":".len()..]
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        (number, last)
    };
    let (in_one, last_of_one) = last_line(&one_out.stdout);
    let (in_big, last_of_big) = last_line(&out.stdout);
    assert_eq!(in_big, (copies - 1) * unit.lines().count() + in_one);
    assert_eq!(
        last_of_big.split_once(",\"start\"").unwrap().1,
        last_of_one.split_once(",\"start\"").unwrap().1
    );
    // Unoptimised test build on a shared 2-core machine: about 10 s; far below this.
    assert!(
        took < Duration::from_secs(180),
        "match on 50 MB took {took:?}"
    );
    eprintln!("match on {} MB: {took:?}", FIFTY_MB / (1024 * 1024));
}

#[test]
fn a_closed_stdout_is_a_message_not_a_panic() {
    // `courtview … | head` when head has already gone: writing fails with a broken pipe.
    for args in [
        &["help"][..],
        &["--version"],
        &["check"],
        &["render", "--lang", "kk", ARTICLE],
        &[
            "ingest",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/ingest/iaca-2025-dubai.seed.txt"
            ),
        ],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_courtview"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        refused(&out, &["stdout"]);
    }
}

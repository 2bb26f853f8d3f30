//! `courtview`: the editor's command-line tool. Native only.

#[cfg(target_arch = "wasm32")]
compile_error!("the courtview CLI is a native program; build the viewer with `cargo xtask dist`");

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use courtview::Lang;
use courtview::content::Article;
use courtview::document::markdown;
use courtview::ingest::{IngestOptions, ingest};

const HELP: &str = "\
courtview — the editor's tool for courtview articles

USAGE:
    courtview <COMMAND> [ARGS]

COMMANDS:
    ingest FILE [--lead-last]      Turn text extracted from a PDF into an article's Markdown
                                   body (stdout). `-` reads stdin. --lead-last moves the last
                                   paragraph (the printed lead) to the front.
    check [DIR]                    Check every article under DIR (default static/articles):
                                   front matter, body, same paragraph count in every language.
    render --lang <kk|ru|en> [FILE]
                                   Print an article's HTML exactly as the app renders it.
                                   Reads stdin without FILE. Front matter, if present, is
                                   checked and left out of the output.
    help                           This text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ingest") => cmd_ingest(&args[1..]),
        Some("check") => cmd_check(&args[1..]),
        Some("render") => cmd_render(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some("--version" | "-V") => {
            println!("courtview {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`; see `courtview help`")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("courtview: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads a file (or stdin for `-`/`None`) as UTF-8, with errors that name it.
fn read_input(file: Option<&str>) -> Result<(String, String), String> {
    let (name, bytes) = match file {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("stdin: {e}"))?;
            ("stdin".to_owned(), bytes)
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
            (path.to_owned(), bytes)
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "{name}:{line}: not UTF-8 text (invalid byte at offset {at})"
            ))
        }
    }
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("stdout: {e}"))
}

fn cmd_ingest(args: &[String]) -> Result<(), String> {
    let mut options = IngestOptions::default();
    let mut file = None;
    for arg in args {
        match arg.as_str() {
            "--lead-last" => options.lead_last = true,
            flag if flag.starts_with("--") => {
                return Err(format!("ingest: unknown option `{flag}`"));
            }
            path if file.is_none() => file = Some(path),
            extra => return Err(format!("ingest: unexpected argument `{extra}`")),
        }
    }
    let file = file.ok_or("ingest: which file? usage: courtview ingest FILE [--lead-last]")?;
    let (name, text) = read_input(Some(file))?;
    let body = ingest(&text, options).map_err(|e| format!("{name}: {e}"))?;
    write_stdout(&body)
}

fn cmd_render(args: &[String]) -> Result<(), String> {
    let mut lang = None;
    let mut file = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => {
                let value = iter
                    .next()
                    .ok_or("render: --lang needs a value: kk, ru or en")?;
                lang = Some(value.parse::<Lang>().map_err(|e| format!("render: {e}"))?);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("render: unknown option `{flag}`"));
            }
            path if file.is_none() => file = Some(path),
            extra => return Err(format!("render: unexpected argument `{extra}`")),
        }
    }
    let lang = lang.ok_or("render: --lang is required (kk, ru or en)")?;
    let (name, text) = read_input(file)?;
    let document = if text.trim_start_matches('\u{feff}').starts_with("---") {
        let slug = slug_of(&name);
        Article::parse(&text, &slug, lang, &name)
            .map_err(|e| e.to_string())?
            .document
    } else {
        markdown::parse(&text)
    };
    let mut html = courtview::ui::render_document_html(document, lang);
    html.push('\n');
    write_stdout(&html)
}

/// The article slug a file's path suggests: its folder's name (`…/<slug>/<lang>.md`).
fn slug_of(path: &str) -> String {
    Path::new(path)
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .filter(|s| courtview::content::is_valid_slug(s))
        .unwrap_or("stdin")
        .to_owned()
}

fn cmd_check(args: &[String]) -> Result<(), String> {
    let dir = PathBuf::from(
        args.first()
            .map(String::as_str)
            .unwrap_or("static/articles"),
    );
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut problems = Vec::new();
    let mut checked = 0;
    for folder in &folders {
        let slug = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let mut counts = BTreeMap::new();
        for lang in Lang::ALL {
            let path = folder.join(format!("{lang}.md"));
            if !path.exists() {
                continue;
            }
            let shown = path.display().to_string();
            match read_input(Some(&shown)).and_then(|(_, text)| {
                Article::parse(&text, &slug, lang, &shown).map_err(|e| e.to_string())
            }) {
                Ok(article) => {
                    counts.insert(lang, article.document.paragraph_count());
                    checked += 1;
                }
                Err(e) => problems.push(e),
            }
        }
        if counts.is_empty() && problems.is_empty() {
            problems.push(format!(
                "{}: article `{slug}` has no kk.md, ru.md or en.md",
                folder.display()
            ));
        }
        let distinct: std::collections::BTreeSet<_> = counts.values().collect();
        if distinct.len() > 1 {
            let list: Vec<String> = counts.iter().map(|(l, n)| format!("{l}: {n}")).collect();
            problems.push(format!(
                "{}: article `{slug}`: the languages have different paragraph counts ({}); paragraph n must translate paragraph n",
                folder.display(),
                list.join(", ")
            ));
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        println!(
            "{checked} article files in {} folders: all good",
            folders.len()
        );
        Ok(())
    } else {
        Err(format!("check: {} problem(s)", problems.len()))
    }
}

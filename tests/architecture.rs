//! The import rule: pure modules never name yew, web-sys, gloo or wasm-bindgen, and only
//! `document/markdown.rs` imports pulldown-cmark; within the UI, only `ui/dom` calls the
//! browser. The model crate (`model/`) is pure as a whole: its manifest has no web dependency
//! at all, nor has that of `kb/`, which it shares with its build script. And no source file is
//! part of two crates.

use std::fs;
use std::path::{Path, PathBuf};

const WEB: [&str; 5] = ["yew", "yew_router", "web_sys", "gloo", "wasm_bindgen"];

/// The crates that reach the browser itself (yew's own types aside).
const BROWSER: [&str; 5] = [
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "js_sys",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        // Build output and npm packages are not the project's sources.
        if path.ends_with("target") || path.ends_with("node_modules") {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn names_crate(source: &str, krate: &str) -> bool {
    source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .any(|line| {
            line.match_indices(krate).any(|(i, _)| {
                let before = line[..i].chars().next_back();
                let after = line[i + krate.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && after.is_some_and(|c| c == ':' || c == ' ' || c == ';' || c == ',')
            })
        })
}

/// Every Rust file of the app (`src/`) and of the model crate (`model/src/`), with its path
/// from the repository's root.
fn sources() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["src", "model/src"] {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        for file in files {
            let rel = file
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, file));
        }
    }
    out
}

/// A source file without its comment lines: comments may explain a rule, code may not break it.
fn code_of(file: &Path) -> String {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_model_crate_has_no_web_dependency() {
    for rel in ["model/Cargo.toml", "kb/Cargo.toml"] {
        let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
        let manifest: toml::Table = toml::from_str(&manifest).unwrap();
        for (key, value) in &manifest {
            if !key.ends_with("dependencies") {
                continue;
            }
            for krate in value.as_table().unwrap().keys() {
                assert!(
                    ![
                        "yew",
                        "yew-router",
                        "web-sys",
                        "gloo",
                        "wasm-bindgen",
                        "js-sys"
                    ]
                    .contains(&krate.as_str()),
                    "{rel} [{key}] names {krate}"
                );
            }
        }
    }
}

/// What a build script, the tests and the fuzz targets share is a crate of its own (`kb/`,
/// `tests/support/`), never a file pulled in with a `path` attribute: such a file is compiled
/// into several crates, under other names and other lints, and the crate it sits in no longer
/// owns its own module tree.
#[test]
fn no_source_file_is_included_by_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Spelt in two pieces, so that this file does not name what it looks for.
    let attribute = ["#", "[path"].concat();
    let mut files = Vec::new();
    for dir in ["src", "model", "kb", "tests", "benches", "fuzz", "xtask"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "found only {} files", files.len());
    let offenders: Vec<String> = files
        .iter()
        .filter(|file| code_of(file).contains(&attribute))
        .map(|file| file.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

#[test]
fn pure_modules_know_nothing_of_the_web() {
    let files = sources();
    let mut offenders = Vec::new();
    for (rel, file) in &files {
        // The UI, the wasm entry point and the CLI binary may use the web crates.
        if rel.starts_with("src/ui") || rel == "src/main.rs" || rel.starts_with("src/bin/") {
            continue;
        }
        let source = fs::read_to_string(file).unwrap();
        for krate in WEB {
            if names_crate(&source, krate) {
                offenders.push(format!("{rel} names `{krate}`"));
            }
        }
        if rel != "model/src/document/markdown.rs" && names_crate(&source, "pulldown_cmark") {
            offenders.push(format!("{rel} imports pulldown_cmark"));
        }
    }
    assert!(files.len() > 10, "found only {} files", files.len());
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// Every browser call of the UI goes through `ui/dom`, one module per capability, where each
/// function holds its browser half and its native stand-in side by side: components, pages,
/// the loader and the start-up name none of the browser's crates.
#[test]
fn only_ui_dom_calls_the_browser() {
    let mut offenders = Vec::new();
    let mut checked = 0;
    for (rel, file) in sources() {
        let in_dom = rel == "src/ui/dom.rs" || rel.starts_with("src/ui/dom/");
        if !rel.starts_with("src/ui") || in_dom {
            continue;
        }
        checked += 1;
        let source = fs::read_to_string(&file).unwrap();
        for krate in BROWSER {
            if names_crate(&source, krate) {
                offenders.push(format!("{rel} names `{krate}`: go through ui::dom"));
            }
        }
    }
    assert!(checked > 10, "found only {checked} UI files");
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// The browser gets the articles and their mentions from `prebuilt` (parsed and found at build
/// time); a UI call to the parser or the matcher would put pulldown-cmark or the matcher back
/// into the wasm (it happened once: +70 KB gzipped).
#[test]
fn the_ui_uses_what_the_build_prepared() {
    for (rel, file) in sources() {
        if !rel.starts_with("src/ui") {
            continue;
        }
        let code = code_of(&file);
        for banned in [
            "Catalog::shipped",
            "Catalog::from_sources",
            "Article::parse",
            "markdown::parse",
            "Gazetteer",
            "annotate(",
            "annotate_with(",
        ] {
            assert!(
                !code.contains(banned),
                "{rel} uses {banned}: use crate::prebuilt"
            );
        }
    }
}

#[test]
fn no_inner_html_anywhere() {
    for (_, file) in sources() {
        let code = code_of(&file);
        for banned in ["inner_html", "from_html_unchecked", "VRef"] {
            assert!(!code.contains(banned), "{} uses {banned}", file.display());
        }
    }
}

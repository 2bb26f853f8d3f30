//! Installing what the build and the tests need, and only what is missing.
//!
//! Each check prints one line: `✓ … present` when nothing is done, `installing …` before an
//! install. Nothing here downloads a prebuilt binary (this project's machines reach only
//! package registries): Rust tools are compiled by `cargo install`, wasm-opt comes from the
//! npm package binaryen, Chromium from Debian.

use std::path::Path;
use std::time::SystemTime;

use crate::lockfile;
use crate::workspace::{Failure, Workspace};

/// The trunk release the build is pinned to.
const TRUNK_VERSION: &str = "0.21.14";
/// The Rust target the viewer is compiled to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The binaryen release whose wasm-opt we use (pinned in tests/browser/package.json).
const WASM_OPT_VERSION: &str = "132";
/// Where Debian installs the browser the tests drive.
const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver, installed alongside Chromium.
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's poppler-utils `pdftotext`: tests/browser/print.test.mjs reads printed PDFs with it.
const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// Everything `serve` and `dist` need (and `test`, before its browser).
pub fn ensure_build_tools(ws: &Workspace) -> Result<(), Failure> {
    ensure_wasm_target(ws)?;
    ensure_component(ws, "rustfmt")?;
    ensure_component(ws, "clippy")?;
    ensure_trunk(ws)?;
    ensure_wasm_bindgen(ws)?;
    ensure_node_modules(ws)
}

/// The browser the tests and the benchmark drive (`test` and `bench` only), and the PDF
/// reader the print test needs.
pub fn ensure_browser(ws: &Workspace) -> Result<(), Failure> {
    let present = [CHROMIUM, CHROMEDRIVER, PDFTOTEXT]
        .iter()
        .all(|p| Path::new(p).exists());
    if present {
        println!("✓ chromium, chromium-driver and poppler-utils present ({CHROMIUM})");
        return Ok(());
    }
    println!("installing chromium, chromium-driver and poppler-utils (apt-get)");
    apt_install(ws, &["chromium", "chromium-driver", "poppler-utils"])?;
    for path in [CHROMIUM, PDFTOTEXT] {
        if !Path::new(path).exists() {
            return Err(Failure::new(format!(
                "apt-get finished but {path} is missing"
            )));
        }
    }
    Ok(())
}

/// `apt-get update` then `apt-get install -y PACKAGES`: directly as root (as on CI), through
/// sudo otherwise.
pub fn apt_install(ws: &Workspace, packages: &[&str]) -> Result<(), Failure> {
    let as_root = ws.probe("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            ws.command("apt-get")
        } else {
            let mut sudo = ws.command("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    ws.run("apt-get update", apt(&["update"]))?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    ws.run(
        &format!("apt-get install -y {}", packages.join(" ")),
        apt(&args),
    )
}

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
fn ensure_wasm_target(ws: &Workspace) -> Result<(), Failure> {
    let installed = ws
        .probe("rustup", &["target", "list", "--installed"])
        .ok_or_else(|| {
            Failure::new("`rustup target list --installed` failed; is rustup installed?")
        })?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("✓ rust target {WASM_TARGET} present");
        return Ok(());
    }
    println!("installing rust target {WASM_TARGET}");
    let mut cmd = ws.command("rustup");
    cmd.args(["target", "add", WASM_TARGET]);
    ws.run("rustup target add", cmd)
}

/// `rustup component add <name>` unless it is installed.
fn ensure_component(ws: &Workspace, name: &str) -> Result<(), Failure> {
    let installed = ws
        .probe("rustup", &["component", "list", "--installed"])
        .ok_or_else(|| Failure::new("`rustup component list --installed` failed"))?;
    // Lines look like `clippy-x86_64-unknown-linux-gnu`.
    let prefix = format!("{name}-");
    if installed.lines().any(|line| line.starts_with(&prefix)) {
        println!("✓ rust component {name} present");
        return Ok(());
    }
    println!("installing rust component {name}");
    let mut cmd = ws.command("rustup");
    cmd.args(["component", "add", name]);
    ws.run(&format!("rustup component add {name}"), cmd)
}

/// trunk at exactly [`TRUNK_VERSION`], compiled from crates.io.
fn ensure_trunk(ws: &Workspace) -> Result<(), Failure> {
    let found = ws.probe("trunk", &["--version"]);
    // `trunk --version` prints `trunk 0.21.14`.
    if found.as_deref().and_then(second_word) == Some(TRUNK_VERSION) {
        println!("✓ trunk {TRUNK_VERSION} present");
        return Ok(());
    }
    println!(
        "installing trunk {TRUNK_VERSION} (found: {}); compiling takes several minutes",
        found.as_deref().unwrap_or("none")
    );
    // --locked: trunk's own lock file is what its release was tested with.
    cargo_install(ws, &["trunk", "--version", TRUNK_VERSION, "--locked"])
}

/// wasm-bindgen-cli at the exact version of the `wasm-bindgen` crate in Cargo.lock.
///
/// The CLI and the crate must match exactly or the generated glue does not fit the wasm;
/// trunk checks the same and would otherwise try to download a prebuilt CLI.
fn ensure_wasm_bindgen(ws: &Workspace) -> Result<(), Failure> {
    let lock_path = ws.root().join("Cargo.lock");
    if !lock_path.exists() {
        // The lead's Cargo.lock is committed; on a tree without one, make it the usual way.
        println!("Cargo.lock missing: cargo generate-lockfile");
        let mut cmd = ws.command("cargo");
        cmd.arg("generate-lockfile");
        ws.run("cargo generate-lockfile", cmd)?;
    }
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", lock_path.display())))?;
    let version = match lockfile::package_versions(&lock, "wasm-bindgen").as_slice() {
        [one] => one.clone(),
        [] => return Err(Failure::new("Cargo.lock has no wasm-bindgen package")),
        many => {
            return Err(Failure::new(format!(
                "Cargo.lock has several wasm-bindgen versions ({}); one CLI can serve only one",
                many.join(", ")
            )));
        }
    };
    let found = ws.probe("wasm-bindgen", &["--version"]);
    // `wasm-bindgen --version` prints `wasm-bindgen 0.2.130`.
    if found.as_deref().and_then(second_word) == Some(version.as_str()) {
        println!("✓ wasm-bindgen-cli {version} present (matches Cargo.lock)");
        return Ok(());
    }
    println!(
        "installing wasm-bindgen-cli {version} to match Cargo.lock (found: {}); compiling takes several minutes",
        found.as_deref().unwrap_or("none")
    );
    // Deliberately without --locked (the project's choice): only the CLI's own version
    // has to match the crate; its dependencies may resolve to current releases.
    cargo_install(ws, &["wasm-bindgen-cli", "--version", &version])
}

/// `npm ci` in tests/browser when node_modules is missing, older than package-lock.json,
/// or lacks the pinned wasm-opt.
fn ensure_node_modules(ws: &Workspace) -> Result<(), Failure> {
    let dir = ws.browser_dir();
    let lock = dir.join("package-lock.json");
    // npm writes this file last on every install, so its age is node_modules' age.
    let installed = dir.join("node_modules/.package-lock.json");
    let wasm_opt = ws.probe("wasm-opt", &["--version"]);
    let reason = if !installed.exists() {
        Some("node_modules missing")
    } else if modified(&installed) < modified(&lock) {
        Some("package-lock.json is newer than node_modules")
    } else if !wasm_opt.as_deref().is_some_and(is_wanted_wasm_opt) {
        Some("wasm-opt missing or not binaryen@132")
    } else {
        None
    };
    let Some(reason) = reason else {
        println!("✓ npm packages present in tests/browser (wasm-opt {WASM_OPT_VERSION})");
        return Ok(());
    };
    if ws.probe("npm", &["--version"]).is_none() {
        return Err(Failure::new(
            "npm is missing: install Node.js 20 and npm (Debian: apt-get install -y nodejs npm)",
        ));
    }
    println!("installing npm packages in tests/browser ({reason}): npm ci");
    let mut cmd = ws.command("npm");
    cmd.args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir);
    ws.run("npm ci (tests/browser)", cmd)?;
    let wasm_opt = ws.probe("wasm-opt", &["--version"]);
    if !wasm_opt.as_deref().is_some_and(is_wanted_wasm_opt) {
        return Err(Failure::new(format!(
            "after npm ci, `wasm-opt --version` says {wasm_opt:?}, expected version {WASM_OPT_VERSION}"
        )));
    }
    Ok(())
}

/// Whether `wasm-opt --version` output (`wasm-opt version 132 (version_132)`) is ours.
fn is_wanted_wasm_opt(output: &str) -> bool {
    output.split_whitespace().nth(2) == Some(WASM_OPT_VERSION)
}

/// `cargo install <args>` into `~/.cargo/bin`.
fn cargo_install(ws: &Workspace, args: &[&str]) -> Result<(), Failure> {
    let mut cmd = ws.command("cargo");
    cmd.arg("install").args(args).arg("--root").arg(
        ws.cargo_bin()
            .parent()
            .expect("cargo_bin is <CARGO_HOME>/bin"),
    );
    ws.run(&format!("cargo install {}", args.join(" ")), cmd)
}

/// The second whitespace-separated word: the version in `tool 1.2.3`.
fn second_word(text: &str) -> Option<&str> {
    text.split_whitespace().nth(1)
}

/// A file's modification time; missing files count as infinitely old.
fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tool_versions() {
        assert_eq!(second_word("trunk 0.21.14"), Some("0.21.14"));
        assert_eq!(second_word("wasm-bindgen 0.2.130\n"), Some("0.2.130"));
        assert_eq!(second_word(""), None);
    }

    #[test]
    fn recognises_binaryen_132() {
        assert!(is_wanted_wasm_opt("wasm-opt version 132 (version_132)"));
        assert!(!is_wanted_wasm_opt("wasm-opt version 123 (version_123)"));
        assert!(!is_wanted_wasm_opt("wasm-opt"));
    }
}

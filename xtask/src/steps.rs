//! The steps of `serve`, `dist` and `test`, run after the tools are in place (`bench` is in
//! bench.rs and reuses [`dist`]; `stress` is in stress.rs and reuses [`site_step`]).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workspace::{Failure, Workspace};

/// Environment variable that tells the browser tests (and bench.mjs) which built site to serve.
pub const DIST_ENV: &str = "COURTVIEW_DIST";

/// Environment variable that tells the browser tests a server already serves the site there
/// (nginx, in `cargo xtask test`); without it they start their own small server.
pub const SERVER_ENV: &str = "COURTVIEW_SERVER";

/// Environment variable that tells the browser tests a server (nginx) serves the stress build
/// there; the archive's tests go through it.
pub const STRESS_SERVER_ENV: &str = "COURTVIEW_STRESS_SERVER";

/// One step of a pipeline: what to print, and the command that does it.
pub struct Step {
    /// Shown before and after the step, and in the failure message.
    pub label: String,
    /// The command; a non-zero exit fails the step.
    pub command: Command,
}

impl Step {
    /// A step running `program args` in the repository root.
    fn new(ws: &Workspace, program: &str, args: &[&str]) -> Self {
        let mut command = ws.command(program);
        command.args(args);
        Step {
            label: format!("{program} {}", args.join(" ")),
            command,
        }
    }
}

/// Tells Trunk.toml's post-build hook to write the site (pages, data files) into each build.
const SERVE_ENV: &str = "COURTVIEW_SERVE";

/// `trunk serve` with the Trunk.toml settings (127.0.0.1:8080) and any extra arguments.
pub fn serve(ws: &Workspace, extra: &[String]) -> Result<(), Failure> {
    let mut cmd = trunk(ws);
    // Trunk.toml's post-build hook runs the site generator when this is set.
    cmd.arg("serve").args(extra).env(SERVE_ENV, "1");
    println!("▶ trunk serve: the viewer will be at http://127.0.0.1:8080/ (Ctrl-C stops it)");
    // Replace this process so Ctrl-C and the exit status belong to trunk alone.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = cmd.exec();
        Err(Failure::new(format!("could not start trunk serve: {err}")))
    }
    #[cfg(not(unix))]
    {
        ws.run("trunk serve", cmd)
    }
}

/// The release site in `dist/`, with the article folders of `articles` (see [`articles_dir`])
/// beside the shipped ones when given.
pub fn dist(ws: &Workspace, articles: Option<&Path>) -> Result<(), Failure> {
    run_all(ws, dist_steps(ws, &ws.dist_dir(), articles))
}

/// A release site as `dist` builds it, into another folder (`bench --articles N` builds a
/// second one).
pub fn release_site(ws: &Workspace, dist: &Path, articles: Option<&Path>) -> Result<(), Failure> {
    run_all(ws, dist_steps(ws, dist, articles))
}

/// `given` (an `--articles` folder) as an absolute path, once it is known to be a readable
/// folder. The site binary runs in the repository root, so a path relative to where the user
/// typed the command is resolved here first; and a typo fails now, naming the folder, rather
/// than after the minutes of Trunk's release build.
pub fn articles_dir(given: &Path) -> Result<PathBuf, Failure> {
    let absolute = std::env::current_dir()
        .map(|cwd| cwd.join(given))
        .map_err(|e| Failure::new(format!("cannot read the current directory: {e}")))?;
    match std::fs::read_dir(&absolute) {
        Ok(_) => Ok(absolute),
        Err(e) => Err(Failure::new(format!(
            "--articles {}: cannot read this folder of articles: {e}",
            given.display()
        ))),
    }
}

/// Everything CI checks, in order, stopping at the first failure.
pub fn test(ws: &Workspace) -> Result<(), Failure> {
    let mut steps = vec![
        Step::new(ws, "cargo", &["fmt", "--all", "--", "--check"]),
        Step::new(
            ws,
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        Step::new(
            ws,
            "cargo",
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "--bin",
                "app",
                "--bin",
                "search-worker",
                "--",
                "-D",
                "warnings",
            ],
        ),
        fuzz_clippy(ws),
        Step::new(ws, "cargo", &["test", "--workspace"]),
        // compress.mjs is plain Node and runs on every build: test it before `dist` uses it.
        Step::new(ws, "node", &["--test", "xtask/compress.test.mjs"]),
    ];
    steps.extend(dist_steps(ws, &ws.dist_dir(), None));
    let count = steps.len() + 1;
    let stopped = |Failure(message)| {
        Failure(format!(
            "cargo xtask test stopped: {message}\n  (the steps after it did not run; fix this and run `cargo xtask test` again)"
        ))
    };
    run_all(ws, steps).map_err(stopped)?;
    crate::stress::build(ws, crate::stress::DEFAULT_ARCHIVE).map_err(stopped)?;
    // The browser tests go through the real web server and its shipped configuration, for the
    // release site and for the stress build's archive; the servers stop when dropped,
    // whether the tests pass or not.
    let server = crate::nginx::start(ws, &ws.dist_dir(), "nginx").map_err(stopped)?;
    let stress_dist = crate::stress::stress_dir(ws).join("dist");
    let stress = crate::nginx::start(ws, &stress_dist, "nginx-stress").map_err(stopped)?;
    let mut browser = browser_tests(ws);
    browser.command.env(SERVER_ENV, &server.url);
    browser.command.env(STRESS_SERVER_ENV, &stress.url);
    run_all(ws, vec![browser]).map_err(stopped)?;
    drop((server, stress));
    println!("✓ {count} steps passed");
    Ok(())
}

/// Clippy on the fuzz targets (a workspace of their own, excluded from the main one). The
/// fuzzing itself needs nightly; compiling and linting the targets does not: libfuzzer-sys
/// builds on stable. In the main target directory it shares the checked dependencies, so it
/// costs about a minute once (libFuzzer's C++ and the fuzz crate) and nothing after.
fn fuzz_clippy(ws: &Workspace) -> Step {
    let mut step = Step::new(
        ws,
        "cargo",
        &[
            "clippy",
            "--manifest-path",
            "fuzz/Cargo.toml",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    );
    step.command.env("CARGO_TARGET_DIR", ws.target_dir());
    step
}

/// Environment variable naming the public address the site will be served from; the
/// prerendered pages' canonical, hreflang and Open Graph links, the feeds and the sitemap use
/// it.
pub const SITE_URL_ENV: &str = "COURTVIEW_SITE_URL";

/// The address the local servers use (Trunk.toml's, and the tests' nginx is reached through
/// the same paths): the site's links when [`SITE_URL_ENV`] is not set, and always the stress
/// build's.
pub const LOCAL_SITE_URL: &str = "http://127.0.0.1:8080";

/// The steps that produce `dist/`, in order: Trunk's release build, then every page, data
/// file, feed and sitemap written into it by the site binary ([`site_step`]), then every text
/// file precompressed (gzip and brotli, `xtask/compress.mjs`), so `dist` and `test` both get
/// them.
fn dist_steps(ws: &Workspace, dist: &Path, articles: Option<&Path>) -> Vec<Step> {
    let shown = ws.relative(dist).display().to_string();
    let mut build = trunk(ws);
    build.args(["build", "--release", "--dist"]).arg(dist);
    let site = std::env::var(SITE_URL_ENV).unwrap_or_else(|_| LOCAL_SITE_URL.into());
    let mut compress = ws.command("node");
    compress
        .arg(ws.root().join("xtask/compress.mjs"))
        .arg(dist)
        .arg("--cache")
        .arg(compress_cache(ws));
    vec![
        Step {
            label: format!("trunk build --release (into {shown}/)"),
            command: build,
        },
        site_step(ws, dist, &site, articles.as_slice()),
        Step {
            label: format!(
                "node xtask/compress.mjs {shown}/ (gzip and brotli beside each text file)"
            ),
            command: compress,
        },
    ]
}

/// Where compress.mjs keeps the compressed copies of files it has seen, by content hash, so
/// that a rebuild compresses only what changed: `target/compress-cache/`.
pub fn compress_cache(ws: &Workspace) -> PathBuf {
    ws.target_dir().join("compress-cache")
}

/// `cargo run --release --bin courtview-site -- DIST --site-url URL [--articles DIR]...`: every
/// page of the Trunk-built site in `dist` as static HTML (hydrated by the app), the per-article
/// data files `data/HASH.bin`, each language's `feed.xml`, `sitemap.xml` and `robots.txt`. The
/// articles are the shipped ones plus the article folders (`<slug>/<lang>.md`) in each of
/// `articles`, read when it runs: the wasm carries none, so one app build serves any archive.
/// `dist` and `stress` both call it, so the two builds cannot drift apart.
pub fn site_step(ws: &Workspace, dist: &Path, site_url: &str, articles: &[&Path]) -> Step {
    let mut command = ws.command("cargo");
    command
        .args([
            "run",
            "--quiet",
            "--release",
            "--bin",
            "courtview-site",
            "--",
        ])
        .arg(dist)
        .args(["--site-url", site_url]);
    let mut label = format!(
        "courtview-site {} --site-url {site_url}",
        ws.relative(dist).display()
    );
    for dir in articles {
        command.arg("--articles").arg(dir);
        label.push_str(&format!(" --articles {}", ws.relative(dir).display()));
    }
    Step { label, command }
}

/// `node --test` in tests/browser, against the site in `dist/` (and the stress build in
/// `target/stress/`).
fn browser_tests(ws: &Workspace) -> Step {
    let mut command = ws.command("node");
    command
        .arg("--test")
        .current_dir(ws.browser_dir())
        .env(DIST_ENV, ws.dist_dir())
        .env(crate::stress::STRESS_ENV, crate::stress::stress_dir(ws));
    Step {
        label: format!(
            "node --test (tests/browser, {DIST_ENV}=dist/, {}=target/stress/)",
            crate::stress::STRESS_ENV
        ),
        command,
    }
}

/// A `trunk` command that never reaches out on its own.
pub fn trunk(ws: &Workspace) -> Command {
    let mut cmd = ws.command("trunk");
    // The update check asks the network for trunk's latest release on every run; the
    // version is pinned, so the answer would change nothing.
    cmd.arg("--skip-version-check");
    cmd
}

/// Runs `steps` in order, stopping at the first that fails.
pub fn run_all(ws: &Workspace, steps: Vec<Step>) -> Result<(), Failure> {
    for step in steps {
        ws.step(&step.label, step.command)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(step: &Step) -> Vec<String> {
        step.command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_site_step_runs_the_site_binary_with_each_articles_folder() {
        let ws = Workspace::locate().unwrap();
        let dist = ws.dist_dir();
        let extra = ws.target_dir().join("bench/archive-5");
        let step = site_step(&ws, &dist, "https://x.test", &[&extra]);
        // What the site binary is told: the folder, the address and each extra folder.
        let given = args(&step);
        let after = given.iter().position(|a| a == "--").unwrap() + 1;
        assert!(given[..after].contains(&"courtview-site".to_string()));
        assert_eq!(
            given[after..],
            [
                dist.display().to_string(),
                "--site-url".into(),
                "https://x.test".into(),
                "--articles".into(),
                extra.display().to_string(),
            ]
        );
        assert!(
            step.label
                .starts_with("courtview-site dist --site-url https://x.test --articles "),
            "{}",
            step.label
        );
        let plain = site_step(&ws, &dist, LOCAL_SITE_URL, &[]);
        assert!(!args(&plain).contains(&"--articles".to_string()));
    }

    #[test]
    fn dist_builds_then_writes_the_site_then_compresses() {
        let ws = Workspace::locate().unwrap();
        let labels: Vec<String> = dist_steps(&ws, &ws.dist_dir(), None)
            .into_iter()
            .map(|s| s.label)
            .collect();
        assert_eq!(labels.len(), 3);
        assert!(labels[0].starts_with("trunk build --release"));
        assert!(labels[1].starts_with("courtview-site dist --site-url "));
        assert!(labels[2].starts_with("node xtask/compress.mjs"));
        let extra = ws.root().join("static/articles");
        let other = ws.target_dir().join("bench/dist-5");
        let with = dist_steps(&ws, &other, Some(&extra));
        assert!(
            with[0].label.contains("target/bench/dist-5/"),
            "{}",
            with[0].label
        );
        assert!(with[1].label.ends_with(" --articles static/articles"));
        let compress = args(&with[2]);
        let cache = compress_cache(&ws).display().to_string();
        assert_eq!(
            compress[1..],
            [other.display().to_string(), "--cache".into(), cache]
        );
    }

    #[test]
    fn a_missing_articles_folder_is_an_error_naming_it() {
        let Failure(message) =
            articles_dir(Path::new("/nonexistent/courtview-archive")).unwrap_err();
        assert!(
            message.contains("/nonexistent/courtview-archive"),
            "{message}"
        );
        let ws = Workspace::locate().unwrap();
        let shipped = ws.root().join("static/articles");
        assert_eq!(articles_dir(&shipped).unwrap(), shipped);
        // A file is not a folder of articles.
        assert!(articles_dir(&ws.root().join("Cargo.toml")).is_err());
    }
}

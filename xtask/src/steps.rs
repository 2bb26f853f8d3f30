//! The steps of `serve`, `dist` and `test`, run after the tools are in place (`bench` is in
//! bench.rs and reuses [`dist`]).

use std::process::Command;

use crate::workspace::{Failure, Workspace};

/// Environment variable that tells the browser tests (and bench.mjs) which built site to serve.
pub const DIST_ENV: &str = "COURTVIEW_DIST";

/// Environment variable that tells the browser tests a server already serves the site there
/// (nginx, in `cargo xtask test`); without it they start their own small server.
pub const SERVER_ENV: &str = "COURTVIEW_SERVER";

/// One step of a pipeline: what to print, and the command that does it.
struct Step {
    /// Shown before and after the step, and in the failure message.
    label: String,
    /// The command; a non-zero exit fails the step.
    command: Command,
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

/// `trunk serve` with the Trunk.toml settings (127.0.0.1:8080) and any extra arguments.
pub fn serve(ws: &Workspace, extra: &[String]) -> Result<(), Failure> {
    let mut cmd = trunk(ws);
    cmd.arg("serve").args(extra);
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

/// The release site in `dist/`.
pub fn dist(ws: &Workspace) -> Result<(), Failure> {
    run_all(ws, dist_steps(ws))
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
                "--",
                "-D",
                "warnings",
            ],
        ),
        fuzz_clippy(ws),
        Step::new(ws, "cargo", &["test", "--workspace"]),
    ];
    steps.extend(dist_steps(ws));
    let count = steps.len() + 1;
    let stopped = |Failure(message)| {
        Failure(format!(
            "cargo xtask test stopped: {message}\n  (the steps after it did not run; fix this and run `cargo xtask test` again)"
        ))
    };
    run_all(ws, steps).map_err(stopped)?;
    crate::stress::build(ws).map_err(stopped)?;
    // The browser tests go through the real web server and its shipped configuration; it
    // stops when `server` is dropped, whether the tests pass or not.
    let server = crate::nginx::start(ws, &ws.dist_dir()).map_err(stopped)?;
    let mut browser = browser_tests(ws);
    browser.command.env(SERVER_ENV, &server.url);
    run_all(ws, vec![browser]).map_err(stopped)?;
    drop(server);
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
/// prerendered pages' canonical, hreflang and Open Graph links use it.
pub const SITE_URL_ENV: &str = "COURTVIEW_SITE_URL";

/// The steps that produce `dist/`, in order: Trunk's release build, then every page
/// prerendered into it (`courtview prerender`), then every text file precompressed (gzip and
/// brotli, `xtask/compress.mjs`), so `dist` and `test` both get them.
fn dist_steps(ws: &Workspace) -> Vec<Step> {
    let dist = ws.dist_dir();
    let mut build = trunk(ws);
    build.args(["build", "--release", "--dist"]).arg(&dist);
    let site = std::env::var(SITE_URL_ENV).unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let mut prerender = ws.command("cargo");
    prerender
        .args([
            "run",
            "--quiet",
            "--release",
            "--bin",
            "courtview",
            "--",
            "prerender",
        ])
        .arg(&dist)
        .args(["--site-url", &site]);
    let mut compress = ws.command("node");
    compress
        .arg(ws.root().join("xtask/compress.mjs"))
        .arg(&dist);
    vec![
        Step {
            label: "trunk build --release (into dist/)".to_string(),
            command: build,
        },
        Step {
            label: format!("courtview prerender dist/ --site-url {site}"),
            command: prerender,
        },
        Step {
            label: "node xtask/compress.mjs dist/ (gzip and brotli beside each text file)"
                .to_string(),
            command: compress,
        },
    ]
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
fn run_all(ws: &Workspace, steps: Vec<Step>) -> Result<(), Failure> {
    for step in steps {
        ws.step(&step.label, step.command)?;
    }
    Ok(())
}

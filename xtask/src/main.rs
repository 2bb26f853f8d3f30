//! `cargo xtask`: the project's build, serve, test, benchmark and fuzzing driver.
//!
//! Every command first makes sure the tools it needs are installed (installing only what
//! is missing, so a second run installs nothing), then runs its steps in order and stops
//! at the first failure. It uses nothing but the standard library, so it builds on a fresh
//! machine before anything else is installed.

mod bench;
mod fuzz;
mod lockfile;
mod nginx;
mod steps;
mod stress;
mod tools;
mod workspace;

use std::process::ExitCode;

use workspace::{Failure, Workspace};

/// What `cargo xtask --help` prints; keep it in step with [`Task::parse`].
const HELP: &str = "\
cargo xtask: build, serve, test, benchmark and fuzz courtview

USAGE:
    cargo xtask <COMMAND> [ARGS]

COMMANDS:
    serve [TRUNK ARGS]  Install missing tools, then `trunk serve` (the viewer at
                        http://127.0.0.1:8080/, as Trunk.toml sets); extra arguments go
                        to trunk serve
    dist                Install missing tools, then build the release site into dist/:
                          trunk build --release
                          courtview prerender: every page as static HTML, hydrated by the app
                          (links use COURTVIEW_SITE_URL, default http://127.0.0.1:8080)
                          node xtask/compress.mjs: FILE.gz (Zopfli) and FILE.br beside
                          each text file
    test                Everything CI checks, in order, stopping at the first failure:
                          cargo fmt --all -- --check
                          cargo clippy --workspace --all-targets -- -D warnings
                          cargo clippy --target wasm32-unknown-unknown --lib --bin app -- -D warnings
                          cargo clippy --manifest-path fuzz/Cargo.toml --all-targets --locked
                            -- -D warnings (on stable, in the main target directory)
                          cargo test --workspace
                          the release build into dist/ (as `dist`: build, prerender, compress)
                          the stress build (as `stress`)
                          node --test in tests/browser (headless Chromium), against dist/
                          served by nginx with deploy/nginx.conf (started on a free port,
                          stopped after; COURTVIEW_SERVER=its URL, COURTVIEW_DIST=dist/,
                          COURTVIEW_STRESS=target/stress/)
    stress              Install missing tools, then build the app once more with test
                        articles into target/stress/dist/ (a debug Trunk build, not
                        prerendered): a 1 MB article and one naming 5,000 entities, in
                        kk, ru and en, and every hostile Markdown case of
                        tests/fixtures/hostile/ (sources in target/stress/articles/)
    bench               Install missing tools, build dist/, then measure and print one
                        report, each figure beside its budget (ok / MISSED by X), also
                        written as JSON to target/bench/report.json:
                          cargo bench --bench matcher (native matcher throughput)
                          node tests/browser/bench.mjs: headless Chromium, medians of cold
                          loads of /kk/iaca-2025-dubai/ at 1x and 4x CPU slowdown (FCP, LCP,
                          interactive, longest task, total blocking time, layout shift,
                          annotating), the language switch against a full navigation,
                          transfer sizes (raw, gzip, brotli, the .gz/.br sent), Lighthouse
                          (mobile preset); COURTVIEW_BENCH_* settings: see bench.mjs
                        A missed budget does not fail the command; a failed step does.
    fuzz [--seconds N] [TARGET...]
                        Install missing tools, then run each cargo-fuzz target in fuzz/
                        for N seconds (default 60) and report executions, coverage and
                        crashes: parse_markdown, annotate, render_html, packed_decode
                        (all when none is named), built with AddressSanitizer. Corpora
                        grow in fuzz/corpus/, crashes are saved in fuzz/artifacts/; any
                        crash fails the command
    help                Print this help (also -h, --help)

TOOLS (installed when missing, skipped when present):
    rustup target wasm32-unknown-unknown, rustfmt and clippy components
    trunk 0.21.14                (cargo install --locked)
    wasm-bindgen-cli             (cargo install, at the wasm-bindgen version in Cargo.lock)
    npm packages in tests/browser (npm ci: binaryen@132 provides wasm-opt;
                                 @gfx/zopfli writes dist's .gz files;
                                 playwright-core; axe-core; lighthouse)
    chromium, chromium-driver    (apt-get; `test` and `bench` only)
    nginx, libnginx-mod-http-brotli-static  (apt-get; `test` only)
    nightly toolchain, cargo-fuzz (rustup --profile minimal; cargo install; `fuzz` only)

Child processes get ~/.cargo/bin and tests/browser/node_modules/.bin first on PATH, so
trunk uses these wasm-bindgen and wasm-opt binaries and never downloads its own.
";

/// A command given on the command line.
#[derive(Debug, PartialEq, Eq)]
enum Task {
    /// Print [`HELP`].
    Help,
    /// `trunk serve`, with extra arguments passed through.
    Serve(Vec<String>),
    /// Release build into `dist/`.
    Dist,
    /// Everything CI checks.
    Test,
    /// The app built with the stress and hostile articles.
    Stress,
    /// Performance figures against their budgets.
    Bench,
    /// Each fuzz target for a set time.
    Fuzz(fuzz::Options),
}

impl Task {
    /// Reads the arguments after `cargo xtask`.
    fn parse(args: &[String]) -> Result<Task, String> {
        let Some((first, rest)) = args.split_first() else {
            return Ok(Task::Help);
        };
        let no_more = |task: Task| match rest {
            [] => Ok(task),
            [extra, ..] => Err(format!("unexpected argument `{extra}` after `{first}`")),
        };
        match first.as_str() {
            "help" | "-h" | "--help" => Ok(Task::Help),
            "serve" => Ok(Task::Serve(rest.to_vec())),
            "dist" => no_more(Task::Dist),
            "test" => no_more(Task::Test),
            "stress" => no_more(Task::Stress),
            "bench" => no_more(Task::Bench),
            "fuzz" => fuzz::Options::parse(rest).map(Task::Fuzz),
            other => Err(format!("unknown command `{other}`")),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = match Task::parse(&args) {
        Ok(task) => task,
        Err(message) => {
            eprintln!("error: {message}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    if task == Task::Help {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    match run(task) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("\n✗ {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command: tools first, then its steps.
fn run(task: Task) -> Result<(), Failure> {
    let ws = Workspace::locate()?;
    match task {
        Task::Help => Ok(()),
        Task::Serve(extra) => {
            tools::ensure_build_tools(&ws)?;
            steps::serve(&ws, &extra)
        }
        Task::Dist => {
            tools::ensure_build_tools(&ws)?;
            steps::dist(&ws)?;
            println!("✓ dist/ is ready: {}", ws.dist_dir().display());
            Ok(())
        }
        Task::Test => {
            tools::ensure_build_tools(&ws)?;
            tools::ensure_browser(&ws)?;
            nginx::ensure(&ws)?;
            steps::test(&ws)?;
            println!("✓ all checks passed");
            Ok(())
        }
        Task::Stress => {
            tools::ensure_build_tools(&ws)?;
            stress::build(&ws)?;
            println!(
                "✓ the stress build is ready: {}",
                stress::stress_dir(&ws).join("dist").display()
            );
            Ok(())
        }
        Task::Bench => {
            tools::ensure_build_tools(&ws)?;
            tools::ensure_browser(&ws)?;
            bench::bench(&ws)
        }
        Task::Fuzz(options) => fuzz::fuzz(&ws, &options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn no_arguments_and_help_flags_print_help() {
        for list in [&[][..], &["help"], &["-h"], &["--help"]] {
            assert_eq!(Task::parse(&args(list)), Ok(Task::Help), "{list:?}");
        }
    }

    #[test]
    fn commands_parse() {
        assert_eq!(Task::parse(&args(&["dist"])), Ok(Task::Dist));
        assert_eq!(Task::parse(&args(&["test"])), Ok(Task::Test));
        assert_eq!(Task::parse(&args(&["bench"])), Ok(Task::Bench));
        assert_eq!(Task::parse(&args(&["stress"])), Ok(Task::Stress));
        assert!(matches!(
            Task::parse(&args(&["fuzz", "--seconds", "5"])),
            Ok(Task::Fuzz(fuzz::Options { seconds: 5, .. }))
        ));
        assert_eq!(
            Task::parse(&args(&["serve", "--open"])),
            Ok(Task::Serve(args(&["--open"])))
        );
    }

    #[test]
    fn unknown_commands_and_stray_arguments_are_errors() {
        assert!(Task::parse(&args(&["bild"])).is_err());
        assert!(Task::parse(&args(&["test", "--fast"])).is_err());
        assert!(Task::parse(&args(&["dist", "x"])).is_err());
        assert!(Task::parse(&args(&["bench", "matcher"])).is_err());
    }

    #[test]
    fn help_names_every_command() {
        for name in ["serve", "dist", "test", "stress", "bench", "fuzz", "help"] {
            assert!(HELP.contains(&format!("\n    {name} ")), "{name}");
        }
    }
}

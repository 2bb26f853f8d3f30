//! `cargo xtask`: the project's build, serve, test, benchmark and fuzzing driver.
//!
//! Every command first makes sure the tools it needs are installed (installing only what
//! is missing, so a second run installs nothing), then runs its steps in order and stops
//! at the first failure. It uses nothing but the standard library, so it builds on a fresh
//! machine before anything else is installed.

mod archive;
mod bench;
mod fuzz;
mod lockfile;
mod nginx;
mod png;
mod steps;
mod stress;
mod tools;
mod workspace;

use std::path::PathBuf;
use std::process::ExitCode;

use workspace::{Failure, Workspace};

/// What `cargo xtask --help` prints; keep it in step with [`Task::parse`].
const HELP: &str = "\
cargo xtask: build, serve, test, benchmark and fuzz courtview

USAGE:
    cargo xtask <COMMAND> [ARGS]

COMMANDS:
    serve [TRUNK ARGS]  Install missing tools, then `trunk serve` (the viewer at
                        http://127.0.0.1:8080/, as Trunk.toml sets), rebuilding on every
                        change; Trunk.toml's hook writes the pages and data files into each
                        build (courtview-site); extra arguments go to trunk serve. It sends
                        a folder's index.html whatever the query, so ?script=latn shows
                        Cyrillic until the app starts and switches to Latin
    dist [--articles DIR]
                        Install missing tools, then build the release site into dist/:
                          trunk build --release
                          cargo run --release --bin courtview-site -- dist --site-url URL
                          [--articles DIR]: every page as static HTML, hydrated by the app
                          (a Kazakh page also as its Latin twin, index.latn.html, which
                          deploy/nginx.conf sends for ?script=latn),
                          the articles' data/HASH.bin files, <lang>/feed.xml, sitemap.xml,
                          robots.txt (URL: COURTVIEW_SITE_URL, default
                          http://127.0.0.1:8080); DIR holds more article folders
                          (<slug>/<lang>.md, as static/articles/), read at build time
                          node xtask/compress.mjs: FILE.gz and FILE.br beside each text
                          file, unchanged files reused from target/compress-cache/
    test                Everything CI checks, in order, stopping at the first failure:
                          cargo fmt --all -- --check
                          cargo clippy --workspace --all-targets -- -D warnings
                          cargo clippy --target wasm32-unknown-unknown --lib --bin app
                            --bin search-worker -- -D warnings
                          cargo clippy --manifest-path fuzz/Cargo.toml --all-targets --locked
                            -- -D warnings (on stable, in the main target directory)
                          cargo test --workspace
                          node --test xtask/compress.test.mjs
                          the release build into dist/ (as `dist`: build, site, compress)
                          the stress build (as `stress`)
                          node --test in tests/browser (headless Chromium), against dist/
                          served by nginx with deploy/nginx.conf (started on a free port,
                          stopped after; COURTVIEW_SERVER=its URL, COURTVIEW_DIST=dist/,
                          COURTVIEW_STRESS=target/stress/), and target/stress/dist/ by a
                          second nginx (COURTVIEW_STRESS_SERVER) for the archive's tests
    stress [--articles N]
                        Install missing tools, then build the site once more with test
                        articles into target/stress/dist/ (sources in
                        target/stress/articles/): a 1 MB article and one naming 5,000
                        entities, in kk, ru and en, every hostile Markdown case of
                        tests/fixtures/hostile/, and an archive of N generated articles
                        (archive-0001 ...; default 1000, the archive scale the tests hold at):
                          trunk build (debug, not release)
                          courtview-site target/stress/dist --site-url
                          http://127.0.0.1:8080 --articles target/stress/articles
    bench [--articles N]
                        Install missing tools, build dist/, then measure and print one
                        report, each figure beside its budget (ok / MISSED by X), also
                        written as JSON to target/bench/report.json:
                          build (1 article): the seconds `dist` took
                          with --articles N: N generated articles written to
                          target/bench/archive-N/, a second release site built with them
                          into target/bench/dist-N/ (`dist --articles`), its seconds
                          printed as build (N articles), its path passed to bench.mjs as
                          COURTVIEW_BENCH_DIST_N
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
                        crashes: parse_markdown, annotate, render_html, data_decode
                        (all when none is named), built with AddressSanitizer. Corpora
                        grow in fuzz/corpus/, crashes are saved in fuzz/artifacts/; any
                        crash fails the command
    help                Print this help (also -h, --help)

TOOLS (installed when missing, skipped when present):
    rustup target wasm32-unknown-unknown, rustfmt and clippy components
    trunk 0.21.14                (cargo install --locked)
    wasm-bindgen-cli             (cargo install, at the wasm-bindgen version in Cargo.lock)
    npm packages in tests/browser (npm ci: binaryen@132 provides wasm-opt;
                                 @gfx/zopfli writes the .gz of the app assets;
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
    /// Release build into `dist/`, with an extra folder of articles when given.
    Dist(Option<PathBuf>),
    /// Everything CI checks.
    Test,
    /// The site built with the stress and hostile articles and an archive of this many
    /// generated ones.
    Stress(usize),
    /// Performance figures against their budgets; with a count, also a site with that many
    /// generated articles.
    Bench(Option<usize>),
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
            "dist" => parse_articles_folder(rest).map(Task::Dist),
            "test" => no_more(Task::Test),
            "stress" => parse_count("stress", rest)
                .map(|n| Task::Stress(n.unwrap_or(stress::DEFAULT_ARCHIVE))),
            "bench" => parse_count("bench", rest).map(Task::Bench),
            "fuzz" => fuzz::Options::parse(rest).map(Task::Fuzz),
            other => Err(format!("unknown command `{other}`")),
        }
    }
}

/// Reads `dist`'s arguments: nothing, or `--articles DIR` once. Whether DIR can be read is
/// checked when the command runs ([`steps::articles_dir`]).
fn parse_articles_folder(rest: &[String]) -> Result<Option<PathBuf>, String> {
    match rest {
        [] => Ok(None),
        [flag, more @ ..] if flag == "--articles" => match more {
            [dir] if !dir.is_empty() => Ok(Some(PathBuf::from(dir))),
            [] | [_] => Err("--articles needs a folder".to_string()),
            [dir, extra, ..] => Err(format!(
                "unexpected argument `{extra}` after `--articles {dir}` (one folder only)"
            )),
        },
        [other, ..] => Err(format!("unexpected argument `{other}` after `dist`")),
    }
}

/// Reads `--articles N` (a whole number, 0 allowed), given once or not at all, as the only
/// arguments of `command`.
fn parse_count(command: &str, rest: &[String]) -> Result<Option<usize>, String> {
    match rest {
        [] => Ok(None),
        [flag, more @ ..] if flag == "--articles" => match more {
            [] => Err("--articles needs a number".to_string()),
            [n, extra @ ..] => {
                let count = n
                    .parse()
                    .map_err(|_| format!("--articles `{n}` is not a whole number"))?;
                match extra {
                    [] => Ok(Some(count)),
                    [extra, ..] => Err(format!(
                        "unexpected argument `{extra}` after `{command} --articles {n}`"
                    )),
                }
            }
        },
        [other, ..] => Err(format!("unexpected argument `{other}` after `{command}`")),
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
        Task::Dist(articles) => {
            let articles = articles.map(|dir| steps::articles_dir(&dir)).transpose()?;
            tools::ensure_build_tools(&ws)?;
            steps::dist(&ws, articles.as_deref())?;
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
        Task::Stress(archive) => {
            tools::ensure_build_tools(&ws)?;
            stress::build(&ws, archive)?;
            println!(
                "✓ the stress build is ready: {}",
                stress::stress_dir(&ws).join("dist").display()
            );
            Ok(())
        }
        Task::Bench(articles) => {
            tools::ensure_build_tools(&ws)?;
            tools::ensure_browser(&ws)?;
            bench::bench(&ws, articles)
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
        assert_eq!(Task::parse(&args(&["dist"])), Ok(Task::Dist(None)));
        assert_eq!(
            Task::parse(&args(&["dist", "--articles", "../archive"])),
            Ok(Task::Dist(Some(PathBuf::from("../archive"))))
        );
        assert_eq!(Task::parse(&args(&["test"])), Ok(Task::Test));
        assert_eq!(Task::parse(&args(&["bench"])), Ok(Task::Bench(None)));
        assert_eq!(
            Task::parse(&args(&["bench", "--articles", "1000"])),
            Ok(Task::Bench(Some(1000)))
        );
        assert_eq!(Task::parse(&args(&["stress"])), Ok(Task::Stress(1000)));
        assert_eq!(
            Task::parse(&args(&["stress", "--articles", "1000"])),
            Ok(Task::Stress(1000))
        );
        assert_eq!(
            Task::parse(&args(&["stress", "--articles", "0"])),
            Ok(Task::Stress(0))
        );
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
        assert!(Task::parse(&args(&["dist", "--articles"])).is_err());
        assert!(Task::parse(&args(&["dist", "--articles", ""])).is_err());
        assert!(Task::parse(&args(&["dist", "--articles", "a", "b"])).is_err());
        assert!(Task::parse(&args(&["dist", "--articles", "a", "--articles", "b"])).is_err());
        assert!(Task::parse(&args(&["bench", "matcher"])).is_err());
        for bad in [
            &["stress", "--articles"][..],
            &["stress", "--articles", "-3"],
            &["stress", "--articles", "many"],
            &["stress", "--articles", "4", "5"],
            &["stress", "45"],
            &["bench", "--articles", "1e3"],
        ] {
            assert!(Task::parse(&args(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn help_names_every_command() {
        for name in ["serve", "dist", "test", "stress", "bench", "fuzz", "help"] {
            assert!(HELP.contains(&format!("\n    {name} ")), "{name}");
        }
    }
}

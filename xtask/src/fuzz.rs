//! `cargo xtask fuzz [--seconds N] [TARGET...]`: runs each cargo-fuzz target in `fuzz/` for a
//! set time and reports what it did.
//!
//! Installs what is missing first (the nightly toolchain, minimal profile; cargo-fuzz from
//! crates.io), skipping what is present. The targets are built once with AddressSanitizer,
//! cargo-fuzz's default: the code under test is safe Rust, but without a sanitizer a stack
//! overflow on the renderer's worker thread kills the process before libFuzzer can save the
//! input (tried: the hostile corpus's deep-nesting case, with the nesting limit lifted).
//! Then each target runs with its own corpus in `fuzz/corpus/<target>/`, seeded with the
//! repository's Markdown (the hostile corpus, the Markdown fixtures, the shipped articles), and
//! the Markdown targets with `fuzz/markdown.dict`. A crash is saved in
//! `fuzz/artifacts/<target>/`; the command fails after running every target, naming each
//! crash and how to replay it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::workspace::{Failure, Workspace};

/// The targets in `fuzz/fuzz_targets/`, in the order they run.
pub const TARGETS: &[&str] = &["parse_markdown", "annotate", "render_html", "data_decode"];

/// How long each target runs unless `--seconds` says otherwise.
pub const DEFAULT_SECONDS: u64 = 60;

/// A single input that takes longer than this many seconds is reported as a hang.
const SLOW_INPUT_SECONDS: u64 = 10;

/// The cargo-fuzz version installed when it is missing (any installed version is used).
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// What `cargo xtask fuzz` was asked to do.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    /// Seconds per target.
    pub seconds: u64,
    /// The targets to run; all of [`TARGETS`] when none is named.
    pub targets: Vec<String>,
}

impl Options {
    /// Reads the arguments after `cargo xtask fuzz`.
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut seconds = DEFAULT_SECONDS;
        let mut targets = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--seconds" => {
                    let value = it.next().ok_or("--seconds needs a number")?;
                    seconds =
                        value.parse().ok().filter(|&s| s > 0).ok_or_else(|| {
                            format!("--seconds `{value}` is not a positive number")
                        })?;
                }
                flag if flag.starts_with('-') => {
                    return Err(format!("unknown option `{flag}` for `fuzz`"));
                }
                name if TARGETS.contains(&name) => targets.push(name.to_owned()),
                name => {
                    return Err(format!(
                        "unknown fuzz target `{name}` (targets: {})",
                        TARGETS.join(", ")
                    ));
                }
            }
        }
        if targets.is_empty() {
            targets = TARGETS.iter().map(|t| t.to_string()).collect();
        }
        Ok(Options { seconds, targets })
    }
}

/// How one target's run went.
struct Outcome {
    target: String,
    seconds: f64,
    /// libFuzzer's count of executions, from its last status line.
    runs: Option<u64>,
    /// Edge coverage, from its last status line.
    coverage: Option<u64>,
    /// Inputs in the target's corpus after the run.
    corpus: usize,
    /// What went wrong, with the saved input, if anything did.
    problem: Option<String>,
}

/// Installs what is missing, builds the targets, runs each, prints a report.
pub fn fuzz(ws: &Workspace, options: &Options) -> Result<(), Failure> {
    ensure_nightly(ws)?;
    ensure_cargo_fuzz(ws)?;
    let mut build = cargo_fuzz(ws);
    build.arg("build");
    ws.step(
        "cargo +nightly fuzz build (all targets, AddressSanitizer)",
        build,
    )?;

    let seeds = [
        "tests/fixtures/hostile",
        "tests/fixtures/markdown",
        "static/articles",
    ];
    let mut outcomes = Vec::new();
    for target in &options.targets {
        let corpus = ws.root().join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| Failure::new(format!("cannot create {}: {e}", corpus.display())))?;
        let mut run = cargo_fuzz(ws);
        run.args(["run", target.as_str()])
            .arg(&corpus)
            .args(seeds.iter().map(|s| ws.root().join(s)))
            .arg("--")
            .arg(format!("-max_total_time={}", options.seconds))
            .arg(format!("-timeout={SLOW_INPUT_SECONDS}"))
            .arg("-rss_limit_mb=2048")
            .arg("-print_final_stats=1");
        if target != "data_decode" {
            run.arg(format!(
                "-dict={}",
                ws.root().join("fuzz/markdown.dict").display()
            ));
        }
        println!("▶ fuzz {target} for {} s", options.seconds);
        outcomes.push(run_target(ws, target, &corpus, run)?);
    }

    println!(
        "\nfuzzing report ({} s per target, AddressSanitizer)",
        options.seconds
    );
    println!(
        "{:<16} {:>8} {:>12} {:>10} {:>8} {:>8}  result",
        "target", "seconds", "executions", "per second", "edges", "corpus"
    );
    for o in &outcomes {
        let per_second = o.runs.map(|r| r as f64 / o.seconds.max(0.001));
        println!(
            "{:<16} {:>8.0} {:>12} {:>10} {:>8} {:>8}  {}",
            o.target,
            o.seconds,
            o.runs.map_or("?".into(), |r| r.to_string()),
            per_second.map_or("?".into(), |p| format!("{p:.0}")),
            o.coverage.map_or("?".into(), |c| c.to_string()),
            o.corpus,
            if o.problem.is_some() { "CRASH" } else { "ok" }
        );
    }
    let problems: Vec<&String> = outcomes.iter().filter_map(|o| o.problem.as_ref()).collect();
    if problems.is_empty() {
        println!(
            "✓ no crash, hang or memory blow-up in {} target(s)",
            outcomes.len()
        );
        Ok(())
    } else {
        Err(Failure::new(format!(
            "fuzzing found {} problem(s):\n  {}",
            problems.len(),
            problems
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("\n  ")
        )))
    }
}

/// Runs one target, echoing libFuzzer's progress sparingly and keeping its log in
/// `target/fuzz/<target>.log`.
fn run_target(
    ws: &Workspace,
    target: &str,
    corpus: &std::path::Path,
    mut run: Command,
) -> Result<Outcome, Failure> {
    let log_dir = ws.target_dir().join("fuzz");
    std::fs::create_dir_all(&log_dir)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", log_dir.display())))?;
    let log_path = log_dir.join(format!("{target}.log"));
    let started = Instant::now();
    let mut child = run
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::new(format!("could not start cargo fuzz run {target}: {e}")))?;
    let stderr = child.stderr.take().expect("piped");
    let mut log = String::new();
    let mut runs = None;
    let mut coverage = None;
    let mut artifact = None;
    let mut last_echo = Instant::now();
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap_or_default();
        // `#123456 pulse  cov: 789 ft: … corp: …` and the like.
        if let Some(rest) = line.strip_prefix('#') {
            if let Some(n) = rest.split_whitespace().next().and_then(|n| n.parse().ok()) {
                runs = Some(n);
            }
            if let Some(c) = word_after(&line, "cov:") {
                coverage = Some(c);
            }
            if last_echo.elapsed().as_secs() >= 15 {
                println!("  {target}: {line}");
                last_echo = Instant::now();
            }
        } else if let Some(n) = line
            .strip_prefix("stat::number_of_executed_units:")
            .and_then(|n| n.trim().parse().ok())
        {
            runs = Some(n);
        } else if line.contains("Test unit written to") {
            artifact = line.split_whitespace().last().map(str::to_owned);
        }
        log.push_str(&line);
        log.push('\n');
    }
    let status = child
        .wait()
        .map_err(|e| Failure::new(format!("cargo fuzz run {target}: {e}")))?;
    let seconds = started.elapsed().as_secs_f64();
    std::fs::write(&log_path, &log)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", log_path.display())))?;
    let problem = (!status.success()).then(|| {
        // Show the end of the log: the panic message and libFuzzer's summary.
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        match &artifact {
            Some(path) => format!(
                "{target}: {status}; input saved as {path}; replay: cargo +nightly fuzz run {target} {path} (log: {})",
                log_path.display()
            ),
            None => format!("{target}: {status} (log: {})", log_path.display()),
        }
    });
    let corpus = std::fs::read_dir(corpus).map_or(0, |d| d.count());
    Ok(Outcome {
        target: target.to_owned(),
        seconds,
        runs,
        coverage,
        corpus,
        problem,
    })
}

/// The number after `key` in a libFuzzer status line (`cov: 1234`).
fn word_after(line: &str, key: &str) -> Option<u64> {
    let mut words = line.split_whitespace();
    words.find(|w| *w == key)?;
    words.next()?.parse().ok()
}

/// `cargo +nightly fuzz …` in the repository root, with no toolchain choice inherited from
/// the `cargo xtask` that runs it.
fn cargo_fuzz(ws: &Workspace) -> Command {
    let mut cmd = ws.command("cargo");
    cmd.args(["+nightly", "fuzz"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC")
        .env_remove("CARGO");
    cmd
}

/// `rustup toolchain install nightly --profile minimal` unless a nightly is installed.
fn ensure_nightly(ws: &Workspace) -> Result<(), Failure> {
    let list = ws
        .probe("rustup", &["toolchain", "list"])
        .ok_or_else(|| Failure::new("`rustup toolchain list` failed; is rustup installed?"))?;
    if list.lines().any(|l| l.starts_with("nightly")) {
        println!("✓ nightly toolchain present");
        return Ok(());
    }
    println!(
        "installing the nightly toolchain (cargo-fuzz needs it): rustup toolchain install nightly --profile minimal"
    );
    let mut cmd = ws.command("rustup");
    cmd.args(["toolchain", "install", "nightly", "--profile", "minimal"]);
    ws.run("rustup toolchain install nightly", cmd)
}

/// `cargo install cargo-fuzz` unless `cargo fuzz` answers.
fn ensure_cargo_fuzz(ws: &Workspace) -> Result<(), Failure> {
    if let Some(version) = ws.probe("cargo-fuzz", &["--version"]) {
        println!("✓ {version} present");
        return Ok(());
    }
    println!("installing cargo-fuzz {CARGO_FUZZ_VERSION}; compiling takes a few minutes");
    let mut cmd = ws.command("cargo");
    cmd.args([
        "install",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ])
    .arg("--root")
    .arg(
        ws.cargo_bin()
            .parent()
            .expect("cargo_bin is <CARGO_HOME>/bin"),
    );
    ws.run("cargo install cargo-fuzz", cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_parse() {
        let all: Vec<String> = TARGETS.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            Options::parse(&[]),
            Ok(Options {
                seconds: DEFAULT_SECONDS,
                targets: all.clone()
            })
        );
        assert_eq!(
            Options::parse(&args(&["--seconds", "5", "annotate"])),
            Ok(Options {
                seconds: 5,
                targets: args(&["annotate"])
            })
        );
        for bad in [
            &["--seconds"][..],
            &["--seconds", "0"],
            &["--seconds", "x"],
            &["nope"],
            &["--fast"],
        ] {
            assert!(Options::parse(&args(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn targets_exist() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fuzz_targets");
        for target in TARGETS {
            assert!(dir.join(format!("{target}.rs")).exists(), "{target}");
        }
    }

    #[test]
    fn reads_libfuzzer_status_lines() {
        let line =
            "#65536\tpulse  cov: 1234 ft: 5678 corp: 90/1234b lim: 4096 exec/s: 2184 rss: 61Mb";
        assert_eq!(word_after(line, "cov:"), Some(1234));
        assert_eq!(word_after(line, "nope:"), None);
    }
}

//! `cargo xtask bench`: measure the build against its performance budgets and report.
//!
//! The command gathers, then reports:
//! 1. the release site in `dist/` (the same steps as `dist`), timed; with `--articles N`, also
//!    an archive of N generated articles in `target/bench/archive-N/` (archive.rs) and a second
//!    release site with them in `target/bench/dist-N/`, timed too, whose path bench.mjs gets
//!    in `COURTVIEW_BENCH_DIST_N`, and both build times in `COURTVIEW_BENCH_BUILD_1` and
//!    `COURTVIEW_BENCH_BUILD_N` (seconds);
//! 2. native figures from criterion (`cargo bench --bench matcher`), which criterion leaves
//!    in `target/criterion/`;
//! 3. `node tests/browser/bench.mjs`, which serves `dist/` (precompressed, as a production
//!    host would), measures it in headless Chromium (cold loads at 1x and 4x CPU slowdown:
//!    paints, time to interactive, long tasks, total blocking time, layout shift; the
//!    language switch against a full navigation), sums the transfer sizes, runs Lighthouse
//!    (mobile preset), reads the criterion results, and prints the one report (also written
//!    as JSON to `target/bench/report.json`, with Lighthouse's own reports beside it); with
//!    `--articles N`, it serves the second site too and compares the two, side by side.
//!
//! bench.mjs reads more settings from the environment (runs per figure, skipping
//! Lighthouse): see the top of that file. This command passes them through.
//!
//! A missed budget is a figure in the report, not a failure: the command exits 0 whenever
//! everything could be measured, and fails only when a step itself fails.
//!
//! More native benchmarks go in [`NATIVE_BENCHES`]; more browser figures go in bench.mjs.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::archive;
use crate::steps;
use crate::workspace::{Failure, Workspace};

/// The criterion benchmark targets (`benches/<name>.rs`) whose results the report reads.
const NATIVE_BENCHES: &[&str] = &["matcher"];

/// Tells bench.mjs where criterion wrote its results.
const CRITERION_ENV: &str = "COURTVIEW_CRITERION";
/// Tells bench.mjs when this run's benchmarks started (ms since the Unix epoch), so it can
/// refuse a result a previous run left behind.
const SINCE_ENV: &str = "COURTVIEW_BENCH_SINCE";
/// Tells bench.mjs where to write the JSON report.
const REPORT_ENV: &str = "COURTVIEW_REPORT";
/// Tells bench.mjs which commit it measured.
const COMMIT_ENV: &str = "COURTVIEW_COMMIT";
/// Tells bench.mjs where the site with the generated archive is (`bench --articles N` only).
const DIST_N_ENV: &str = "COURTVIEW_BENCH_DIST_N";
/// Tells bench.mjs how long, in seconds, the build of `dist/` took (shown in the comparison).
const BUILD_1_ENV: &str = "COURTVIEW_BENCH_BUILD_1";
/// Tells bench.mjs how long, in seconds, the build of the archive's site took
/// (`bench --articles N` only).
const BUILD_N_ENV: &str = "COURTVIEW_BENCH_BUILD_N";

/// Builds `dist/` (and, given `articles`, a second site with that many generated articles),
/// runs the native benchmarks and the browser measurements, and prints the report. The tools
/// must already be in place (build tools and Chromium).
pub fn bench(ws: &Workspace, articles: Option<usize>) -> Result<(), Failure> {
    let started = Instant::now();
    steps::dist(ws, None)?;
    let single = started.elapsed();
    let archive_site = match articles {
        Some(count) => {
            let dir = ws.target_dir().join(format!("bench/archive-{count}"));
            archive::write_archive(&dir, count)?;
            let dist = ws.target_dir().join(format!("bench/dist-{count}"));
            let started = Instant::now();
            steps::release_site(ws, &dist, Some(&dir))?;
            Some((count, started.elapsed(), dist))
        }
        None => None,
    };
    // Printed together, after both builds, so neither line is lost in the steps' output.
    println!("build (1 article): {:.1} s", single.as_secs_f64());
    if let Some((count, took, _)) = &archive_site {
        println!("build ({count} articles): {:.1} s", took.as_secs_f64());
    }

    let since = millis_since_epoch();
    for name in NATIVE_BENCHES {
        let mut command = ws.command("cargo");
        command.args(["bench", "--bench", name]);
        ws.step(&format!("cargo bench --bench {name}"), command)?;
    }

    let report = ws.target_dir().join("bench/report.json");
    let mut command = ws.command("node");
    command
        .arg("bench.mjs")
        .current_dir(ws.browser_dir())
        .env(steps::DIST_ENV, ws.dist_dir())
        .env(CRITERION_ENV, criterion_dir(ws))
        .env(SINCE_ENV, since.to_string())
        .env(REPORT_ENV, &report)
        .env(COMMIT_ENV, commit(ws))
        .env(BUILD_1_ENV, seconds(single));
    if let Some((_, took, dist)) = &archive_site {
        command
            .env(DIST_N_ENV, dist)
            .env(BUILD_N_ENV, seconds(*took));
    }
    ws.step(
        "node bench.mjs (headless Chromium, transfer sizes, report)",
        command,
    )?;
    println!("✓ report written to {}", report.display());
    Ok(())
}

/// Where criterion keeps its results: `$CRITERION_HOME`, else `<target dir>/criterion`.
fn criterion_dir(ws: &Workspace) -> PathBuf {
    match std::env::var_os("CRITERION_HOME") {
        Some(home) => ws.root().join(home),
        None => ws.target_dir().join("criterion"),
    }
}

/// The commit being measured, with `-dirty` when the work tree has changes; `unknown`
/// outside git.
fn commit(ws: &Workspace) -> String {
    let Some(head) = ws.probe("git", &["rev-parse", "--short=12", "HEAD"]) else {
        return "unknown".to_string();
    };
    let dirty = ws
        .probe("git", &["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|status| !status.is_empty());
    label_commit(&head, dirty)
}

/// `head`, marked `-dirty` when the work tree differs from it.
fn label_commit(head: &str, dirty: bool) -> String {
    if dirty {
        format!("{head}-dirty")
    } else {
        head.to_string()
    }
}

/// `took` in seconds, as bench.mjs reads them: a decimal number, to the millisecond.
fn seconds(took: Duration) -> String {
    format!("{:.3}", took.as_secs_f64())
}

/// Now, in whole milliseconds since the Unix epoch (0 if the clock is before it).
fn millis_since_epoch() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirty_commits_are_labelled() {
        assert_eq!(label_commit("a86beea", false), "a86beea");
        assert_eq!(label_commit("a86beea", true), "a86beea-dirty");
    }

    #[test]
    fn build_times_are_passed_in_seconds() {
        assert_eq!(seconds(Duration::from_millis(83_456)), "83.456");
        assert_eq!(seconds(Duration::ZERO), "0.000");
    }

    #[test]
    fn the_clock_is_after_the_epoch() {
        // 2020-01-01, in ms: bench.mjs compares file times against this value.
        assert!(millis_since_epoch() > 1_577_836_800_000);
    }
}

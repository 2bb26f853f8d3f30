//! `courtview-site`: writes the site around Trunk's build (see [`courtview::site`]). Run by
//! `cargo xtask dist`, `stress` and `bench`; native only.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use courtview::site::{DEFAULT_SITE_URL, Options, generate};

/// Write the static site around Trunk's build in DIST
///
/// DIST's index.html is every page's template. Into DIST go each page's data file, every page
/// as static HTML, 404.html, <lang>/feed.xml, sitemap.xml and robots.txt, from the
/// repository's static/articles/ and each --articles DIR.
#[derive(Parser)]
#[command(
    name = "courtview-site",
    bin_name = "courtview-site",
    version,
    verbatim_doc_comment
)]
struct Cli {
    /// Trunk's output folder: its index.html is every page's template
    dist: PathBuf,
    /// The public address (canonical links, feeds, sitemap)
    #[arg(long, value_name = "URL", default_value = DEFAULT_SITE_URL, value_parser = parse_site_url)]
    site_url: String,
    /// Also publish the article folders (`<slug>/<lang>.md`) in DIR; repeatable
    ///
    /// Extra articles go through the same checks as the shipped ones; for measurement and
    /// tests, never a release.
    #[arg(long, value_name = "DIR", verbatim_doc_comment)]
    articles: Vec<PathBuf>,
}

/// `--site-url`: an http(s) address.
fn parse_site_url(value: &str) -> Result<String, String> {
    if value.starts_with("https://") || value.starts_with("http://") {
        Ok(value.to_owned())
    } else {
        Err(format!("`{value}` is not an http(s) URL"))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let mut out = std::io::stdout().lock();
            return match write!(out, "{}", e.render()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("courtview-site: stdout: {err}");
                    ExitCode::FAILURE
                }
            };
        }
        Err(e) => {
            // A usage error: clap's message on stderr, and its exit code (2).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    // The repository's own articles come first, then the extra folders.
    let mut articles = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static/articles")];
    articles.extend(cli.articles);
    let options = Options {
        dist: cli.dist,
        site_url: cli.site_url,
        articles,
    };
    match generate(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("courtview-site: {message}");
            ExitCode::FAILURE
        }
    }
}

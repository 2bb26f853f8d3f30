//! `courtview-site`: writes the site around Trunk's build (see [`courtview::site`]). Run by
//! `cargo xtask dist`, `stress` and `bench`; native only.

use std::path::PathBuf;
use std::process::ExitCode;

use courtview::site::{DEFAULT_SITE_URL, Options, generate};

const USAGE: &str = "\
usage: courtview-site DIST [--site-url URL] [--articles DIR]...

Writes into DIST (Trunk's build: its index.html is every page's template) each page's data
file, every page as static HTML, 404.html, <lang>/feed.xml, sitemap.xml and robots.txt, from
the repository's static/articles/ and each --articles DIR (extra article folders, under the
same checks; for measurement and tests, never a release).
  --site-url URL   the public address (canonical links, feeds, sitemap); default ";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args).and_then(|options| generate(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("courtview-site: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads the arguments.
fn parse(args: &[String]) -> Result<Options, String> {
    let mut dist = None;
    let mut site_url = DEFAULT_SITE_URL.to_owned();
    let mut articles = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static/articles")];
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(format!("{USAGE}{DEFAULT_SITE_URL}")),
            "--site-url" => {
                site_url = it
                    .next()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                    .ok_or("--site-url needs an http(s) URL")?
                    .clone();
            }
            "--articles" => {
                let dir = it.next().ok_or("--articles needs a folder")?;
                articles.push(PathBuf::from(dir));
            }
            a if a.starts_with('-') => {
                return Err(format!("unknown option `{a}`\n{USAGE}{DEFAULT_SITE_URL}"));
            }
            a if dist.is_none() => dist = Some(PathBuf::from(a)),
            a => return Err(format!("unexpected argument `{a}`")),
        }
    }
    let dist = dist.ok_or_else(|| format!("which folder?\n{USAGE}{DEFAULT_SITE_URL}"))?;
    Ok(Options {
        dist,
        site_url,
        articles,
    })
}

//! `courtview`: the editor's command-line tool. Native only.

#[cfg(target_arch = "wasm32")]
compile_error!("the courtview CLI is a native program; build the viewer with `cargo xtask dist`");

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand};
use courtview::Lang;
use courtview::content::{Article, parse_article_or_body};
use courtview::entities::EntityType;
use courtview::entities::annotate::Gazetteer;
use courtview::entities::eval::Format;
use courtview::ingest::{IngestOptions, ingest};

/// courtview — the editor's tool for courtview articles
#[derive(Parser)]
#[command(
    name = "courtview",
    bin_name = "courtview",
    version,
    arg_required_else_help = true,
    after_help = "`courtview help COMMAND` or `courtview COMMAND --help` tells more about a command."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn text extracted from a PDF into an article's Markdown body (stdout)
    Ingest {
        /// The extracted text; `-` reads stdin
        file: PathBuf,
        /// Move the last paragraph (the printed lead) to the front
        #[arg(long)]
        lead_last: bool,
    },
    /// Check every article: front matter, body, the same paragraph count in every language
    Check {
        /// The folder of article folders (`<slug>/<lang>.md`)
        #[arg(default_value = "static/articles")]
        dir: PathBuf,
    },
    /// Print an article's HTML exactly as the app renders it
    ///
    /// Entity marks included. Front matter, if present (a `---` line, then `key: value`
    /// lines), is checked and left out of the output; a body that opens with a thematic
    /// break (`---`, then text) is rendered as it stands. An article over 8 MiB is refused.
    #[command(verbatim_doc_comment)]
    Render {
        #[command(flatten)]
        lang: LangArg,
        /// The article (`<slug>/<lang>.md`) or a bare Markdown body; `-` or none reads stdin
        file: Option<PathBuf>,
    },
    /// Find entity mentions in stdin and print one JSON object per mention
    ///
    /// The input holds one document per line. Each mention is printed as
    ///   {"line":1,"start":0,"end":24,"id":"kazakhstan","text":"Қазақстанның"}
    /// with line from 1 and start/end byte offsets in that line. Dates are mentions too,
    /// with their ISO date as id (2025-11-17/2025-11-19).
    #[command(verbatim_doc_comment)]
    Match {
        #[command(flatten)]
        lang: LangArg,
        /// Look for the names in FILE only: TSV lines `id<TAB>name` (dictionary form)
        ///
        /// Without --names, the shipped knowledge base.
        #[arg(long, value_name = "FILE")]
        names: Option<PathBuf>,
        /// The year of a date written without one
        ///
        /// Without --year, the first year (1900-2099) written anywhere in the input (an
        /// article's `date:`), else the current year.
        #[arg(long, value_name = "YYYY", value_parser = parse_year, verbatim_doc_comment)]
        year: Option<u16>,
    },
    /// Measure the matcher on annotated corpora: precision, recall and F1
    ///
    /// Inflected and uninflected mentions apart, per entity class for IOB2. The gazetteer
    /// comes from the corpus (CoNLL-U: PROPN runs' lemmas; IOB2: gold spans).
    #[command(verbatim_doc_comment)]
    Eval {
        #[command(flatten)]
        lang: LangArg,
        /// The corpora's format; without it, guessed from each file's name or content
        #[arg(long, value_name = "conllu|iob2", value_parser = parse_format)]
        format: Option<Format>,
        /// List every miss and false mention after the table
        #[arg(long)]
        errors: bool,
        /// The annotated corpora (CoNLL-U or IOB2)
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Search the articles in one language, as the search page does
    ///
    /// Prints the page's results, best first, one JSON object per line:
    ///   {"slug":"iaca-2025-dubai","lang":"kk","paragraph":3,"title":"…","date":"2025-11-19",
    ///    "score":4.1,"snippet":"…","marks":[[12,24]]}
    /// marks are byte ranges in snippet. Words match in any inflected form; "…" (quoted)
    /// is a phrase; a name of the knowledge base in any language also finds its mentions.
    #[command(verbatim_doc_comment)]
    Search {
        #[command(flatten)]
        lang: LangArg,
        /// Add the articles of DIR (`<slug>/<lang>.md`), as `cargo xtask dist --articles` does
        #[arg(long, value_name = "DIR")]
        articles: Option<PathBuf>,
        /// Search all three languages, the chosen one's results first
        #[arg(long)]
        all_languages: bool,
        /// Complete the last word as a prefix, as the page does while it is being typed
        #[arg(long)]
        prefix: bool,
        /// List on stderr the files a page would fetch for this search, with their sizes
        #[arg(long)]
        files: bool,
        /// The query (several arguments are joined by spaces)
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
    },
    /// Measure the search keys on lemmatised corpora (CoNLL-U): recall and precision
    ///
    /// Each lemma of the chosen parts of speech is a query, and so is each of its forms; a
    /// token is found when its keys meet the query's, and relevant when it has that lemma.
    #[command(name = "eval-search", verbatim_doc_comment)]
    EvalSearch {
        #[command(flatten)]
        lang: LangArg,
        /// The parts of speech whose lemmas are queried, comma-separated
        #[arg(long, value_name = "UPOS,…", default_value = "NOUN,PROPN")]
        upos: String,
        /// List the largest misses and false finds after the table
        #[arg(long)]
        errors: bool,
        /// The corpora (CoNLL-U)
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

/// `--lang`, which `render`, `match` and `eval` require.
#[derive(Args)]
struct LangArg {
    /// The text's language: kk, ru or en
    #[arg(long, value_name = "kk|ru|en", value_parser = parse_lang)]
    lang: Lang,
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    value.parse::<Lang>().map_err(|e| e.to_string())
}

fn parse_year(value: &str) -> Result<u16, String> {
    value
        .parse::<u16>()
        .ok()
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(|| format!("`{value}` is not a year (1000-9999)"))
}

fn parse_format(value: &str) -> Result<Format, String> {
    Format::from_name(value).ok_or_else(|| format!("unknown format `{value}` (conllu or iob2)"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            return match e.kind() {
                // Help (also for `courtview` alone) and the version go to stdout through
                // `write_stdout`, so that a closed stdout is a message and a failure.
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                | ErrorKind::DisplayVersion => finish(write_stdout(&e.render().to_string())),
                // A usage error: clap's message on stderr, and its exit code (2).
                _ => {
                    let _ = e.print();
                    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
                }
            };
        }
    };
    finish(match cli.command {
        Command::Ingest { file, lead_last } => cmd_ingest(&file, lead_last),
        Command::Check { dir } => cmd_check(&dir),
        Command::Render { lang, file } => cmd_render(lang.lang, file.as_deref()),
        Command::Match { lang, names, year } => cmd_match(lang.lang, names.as_deref(), year),
        Command::Eval {
            lang,
            format,
            errors,
            files,
        } => cmd_eval(lang.lang, format, errors, &files),
        Command::Search {
            lang,
            articles,
            all_languages,
            prefix,
            files,
            query,
        } => cmd_search(
            lang.lang,
            articles.as_deref(),
            (all_languages, prefix, files),
            &query.join(" "),
        ),
        Command::EvalSearch {
            lang,
            upos,
            errors,
            files,
        } => cmd_eval_search(lang.lang, &upos, errors, &files),
    })
}

/// The exit code for a command's result; an error's message goes to stderr.
fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("courtview: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The largest article `ingest`, `check` and `render` read: hundreds of times the size of a
/// real one. Parsing and rendering take tens of bytes of memory per byte of Markdown, so a
/// larger file gets a clear message instead of gigabytes of memory and minutes of waiting.
const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a file (or stdin for `-`/`None`) as UTF-8 text, with errors that name it: no more
/// than `limit` bytes when given (an article), no NUL byte (binary data), no UTF-16, nothing
/// that is not UTF-8. Returns the input's name for messages and its text.
fn read_input(file: Option<&Path>, limit: Option<u64>) -> Result<(String, String), String> {
    let mut bytes = Vec::new();
    let name = match file {
        Some(path) if path != Path::new("-") => {
            let name = path.display().to_string();
            let file =
                std::fs::File::open(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
            let meta = file
                .metadata()
                .map_err(|e| format!("{name}: cannot read: {e}"))?;
            if meta.is_dir() {
                return Err(format!("{name}: is a folder, not a file"));
            }
            if let Some(limit) = limit
                && meta.len() > limit
            {
                return Err(format!(
                    "{name}: too large for an article: {:.1} MiB (courtview reads articles up to {} MiB)",
                    meta.len() as f64 / (1024.0 * 1024.0),
                    limit / (1024 * 1024)
                ));
            }
            file.take(limit.map_or(u64::MAX, |l| l + 1))
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name}: cannot read: {e}"))?;
            name
        }
        _ => {
            let stdin = std::io::stdin().lock();
            stdin
                .take(limit.map_or(u64::MAX, |l| l + 1))
                .read_to_end(&mut bytes)
                .map_err(|e| format!("stdin: cannot read: {e}"))?;
            "stdin".to_owned()
        }
    };
    if let Some(limit) = limit
        && bytes.len() as u64 > limit
    {
        let mib = limit / (1024 * 1024);
        return Err(format!(
            "{name}: too large for an article: more than {mib} MiB (courtview reads articles up to {mib} MiB)"
        ));
    }
    text_of(&name, bytes).map(|text| (name, text))
}

/// `bytes` as UTF-8 text, or a message naming `name` (and the line of the first bad byte).
fn text_of(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(format!(
            "{name}: not UTF-8 text but UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "{name}: binary data, not text (a NUL byte at offset {at})"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[at];
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "{name}:{line}: not UTF-8 text (invalid byte 0x{byte:02x} at offset {at}); save it as UTF-8"
            ))
        }
    }
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("stdout: {e}"))
}

fn cmd_ingest(file: &Path, lead_last: bool) -> Result<(), String> {
    let options = IngestOptions { lead_last };
    let (name, text) = read_input(Some(file), Some(MAX_ARTICLE_BYTES))?;
    let body = ingest(&text, options).map_err(|e| format!("{name}: {e}"))?;
    write_stdout(&body)
}

fn cmd_render(lang: Lang, file: Option<&Path>) -> Result<(), String> {
    let (name, text) = read_input(file, Some(MAX_ARTICLE_BYTES))?;
    // Dates without a year ("17-19 қараша") take the article's year; a bare body, this year.
    let (document, year) =
        parse_article_or_body(&text, &slug_of(&name), lang, &name, current_year())
            .map_err(|e| e.to_string())?;
    let document = courtview::entities::annotate::annotate(&document, lang, year);
    let mut html = courtview::ui::render_document_html(document, lang);
    html.push('\n');
    write_stdout(&html)
}

/// The current year by the system clock (UTC), for dates written without one.
fn current_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil-from-days (H. Hinnant's algorithm), enough for the year.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(mp >= 10);
    u16::try_from(year).unwrap_or(2025)
}

/// The article slug a file's path suggests: its folder's name (`…/<slug>/<lang>.md`).
fn slug_of(path: &str) -> String {
    Path::new(path)
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .filter(|s| courtview::content::is_valid_slug(s))
        .unwrap_or("stdin")
        .to_owned()
}

fn cmd_check(dir: &Path) -> Result<(), String> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut problems = Vec::new();
    let mut checked = 0;
    for folder in &folders {
        let slug = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let mut counts = BTreeMap::new();
        let mut photos = BTreeMap::new();
        for lang in Lang::ALL {
            let path = folder.join(format!("{lang}.md"));
            if !path.exists() {
                continue;
            }
            let shown = path.display().to_string();
            match read_input(Some(&path), Some(MAX_ARTICLE_BYTES)).and_then(|(_, text)| {
                Article::parse(&text, &slug, lang, &shown).map_err(|e| e.to_string())
            }) {
                Ok(article) => {
                    counts.insert(lang, article.document.paragraph_count());
                    let figures = article.document.figures();
                    for (_, figure) in &figures {
                        if !folder.join(&figure.src).is_file() {
                            let line = std::fs::read_to_string(&path)
                                .ok()
                                .and_then(|t| t.lines().position(|l| l.contains(&figure.src)));
                            let at = line.map_or_else(String::new, |l| format!(":{}", l + 1));
                            problems.push(format!(
                                "{shown}{at}: article `{slug}` ({lang}): the photo `{}` is not in the article's folder",
                                figure.src
                            ));
                        }
                    }
                    let places = figures
                        .iter()
                        .map(|(at, f)| format!("{} after paragraph {at}", f.src));
                    photos.insert(lang, places.collect::<Vec<_>>());
                    checked += 1;
                }
                Err(e) => problems.push(e),
            }
        }
        if counts.is_empty() && problems.is_empty() {
            problems.push(format!(
                "{}: article `{slug}` has no kk.md, ru.md or en.md",
                folder.display()
            ));
        }
        let distinct: std::collections::BTreeSet<_> = counts.values().collect();
        if distinct.len() > 1 {
            let list: Vec<String> = counts.iter().map(|(l, n)| format!("{l}: {n}")).collect();
            problems.push(format!(
                "{}: article `{slug}`: the languages have different paragraph counts ({}); paragraph n must translate paragraph n",
                folder.display(),
                list.join(", ")
            ));
        }
        // A photo is the same photo in every language, after the same paragraph: only its
        // alternative text and caption are translated.
        let distinct: std::collections::BTreeSet<_> = photos.values().collect();
        if distinct.len() > 1 {
            let list: Vec<String> = photos
                .iter()
                .map(|(l, p)| {
                    format!(
                        "{l}: {}",
                        if p.is_empty() {
                            "none".into()
                        } else {
                            p.join(", ")
                        }
                    )
                })
                .collect();
            problems.push(format!(
                "{}: article `{slug}`: the languages have different photos or places ({}); each language has the same photos after the same paragraphs",
                folder.display(),
                list.join("; ")
            ));
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        write_stdout(&format!(
            "{checked} article files in {} folders: all good\n",
            folders.len()
        ))
    } else {
        Err(format!("check: {} problem(s)", problems.len()))
    }
}

/// Writes `s` as a JSON string literal.
fn json_string(out: &mut String, s: &str) {
    use std::fmt::Write as _;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The first year-looking number (1900–2099, standing alone) in the text.
fn first_year(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let boundary_before = i == 0 || !b[i - 1].is_ascii_digit();
        let boundary_after = i + 4 == b.len() || !b[i + 4].is_ascii_digit();
        if boundary_before && boundary_after && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            let y: u16 = text[i..i + 4].parse().ok()?;
            if (1900..2100).contains(&y) {
                return Some(y);
            }
        }
        i += 1;
    }
    None
}

fn cmd_match(lang: Lang, names_file: Option<&Path>, year: Option<u16>) -> Result<(), String> {
    let pairs: Option<Vec<(String, String)>> = match names_file {
        Some(path) => {
            let (name, text) = read_input(Some(path), None)?;
            let mut pairs = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let (id, entity) = line
                    .split_once('\t')
                    .ok_or_else(|| format!("{name}:{}: expected `id<TAB>name`", n + 1))?;
                if id.trim().is_empty() || entity.trim().is_empty() {
                    return Err(format!("{name}:{}: empty id or name", n + 1));
                }
                pairs.push((id.trim().to_owned(), entity.trim().to_owned()));
            }
            Some(pairs)
        }
        None => None,
    };
    // Without --names, the shipped knowledge base, whose date entities name their dates.
    let custom;
    let gazetteer = match &pairs {
        Some(pairs) => {
            let triples: Vec<(&str, &str, EntityType)> = pairs
                .iter()
                .map(|(id, name)| (id.as_str(), name.as_str(), EntityType::Org))
                .collect();
            custom = Gazetteer::from_names(lang, &triples);
            &custom
        }
        None => Gazetteer::shipped(lang),
    };
    let (_, input) = read_input(None, None)?;
    let year = year
        .or_else(|| first_year(&input))
        .unwrap_or_else(current_year);
    // Streamed: a big corpus has many mentions, and their JSON need not all be in memory.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut json = String::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        for found in gazetteer.find(line, year) {
            let (start, end) = (found.start, found.end);
            json.clear();
            json.push_str(&format!(
                "{{\"line\":{},\"start\":{start},\"end\":{end},\"id\":",
                n + 1
            ));
            json_string(&mut json, &found.id);
            json.push_str(",\"text\":");
            json_string(&mut json, &line[start..end]);
            json.push_str("}\n");
            out.write_all(json.as_bytes())
                .map_err(|e| format!("stdout: {e}"))?;
        }
    }
    out.flush().map_err(|e| format!("stdout: {e}"))
}

fn cmd_eval(
    lang: Lang,
    format: Option<Format>,
    verbose: bool,
    files: &[PathBuf],
) -> Result<(), String> {
    use courtview::entities::eval::{eval_conllu, eval_iob2};
    let mut conllu = Vec::new();
    let mut iob2 = Vec::new();
    for path in files {
        let (name, text) = read_input(Some(path), None)?;
        match format.unwrap_or_else(|| Format::guess(&name, &text)) {
            Format::Conllu => conllu.push(text),
            Format::Iob2 => iob2.push(text),
        }
    }
    let mut out = String::new();
    type Eval = fn(Lang, &[&str]) -> courtview::entities::eval::Report;
    let runs: [(&[String], &str, Eval); 2] = [
        (
            &conllu,
            "CoNLL-U ({lang}), gazetteer = PROPN runs' lemmas",
            eval_conllu,
        ),
        (
            &iob2,
            "IOB2 ({lang}), gazetteer per class = gold spans, dictionary form derived",
            eval_iob2,
        ),
    ];
    for (texts, heading, eval) in runs {
        if texts.is_empty() {
            continue;
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        out.push_str(&heading.replace("{lang}", lang.tag()));
        out.push('\n');
        let report = eval(lang, &refs);
        out.push_str(&report.to_string());
        if verbose {
            for e in &report.errors {
                out.push_str(e);
                out.push('\n');
            }
        }
    }
    write_stdout(&out)
}

/// The articles the site ships: the repository's `static/articles/`.
const SHIPPED_ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles");

fn cmd_search(
    lang: Lang,
    articles: Option<&Path>,
    (all_languages, prefix, list_files): (bool, bool, bool),
    text: &str,
) -> Result<(), String> {
    use courtview::search::{
        self,
        session::{Engine, Request},
    };
    let mut dirs = vec![PathBuf::from(SHIPPED_ARTICLES)];
    if let Some(dir) = articles {
        if !dir.is_dir() {
            return Err(format!("{}: not a folder of articles", dir.display()));
        }
        dirs.push(dir.to_owned());
    }
    let catalog = courtview::content::Catalog::load(&dirs).map_err(|e| e.join("\n"))?;
    for error in catalog.errors() {
        eprintln!("warning: {error}");
    }
    let catalog = courtview::site::annotated(catalog);
    // Each language's index is built as the site generator builds it; the search page's own
    // engine then reads it from those bytes, file by file, as the page fetches them.
    let files = search::files(&catalog);
    let request = Request {
        id: 0,
        text: text.to_owned(),
        lang,
        all: all_languages,
        prefix,
        limit: search::MAX_RESULTS as u32,
        script: courtview::script::Script::Cyrl,
    };
    let reply = Engine::new().answer(&request, |path| {
        let bytes = files
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{path}: no such file in the index"))?;
        if list_files && path != search::INDEX_FILE {
            eprintln!("fetch {path} {}", bytes.len());
        }
        Ok(bytes)
    });
    if let Some(error) = reply.error {
        return Err(format!("search index: {error}"));
    }
    let mut out = String::new();
    for found in reply.results {
        out.push_str("{\"slug\":");
        json_string(&mut out, &found.slug);
        out.push_str(&format!(
            ",\"lang\":\"{}\",\"paragraph\":{},\"title\":",
            found.lang, found.paragraph
        ));
        json_string(&mut out, &found.title);
        let d = found.date;
        out.push_str(&format!(
            ",\"date\":\"{:04}-{:02}-{:02}\",\"score\":{:.3},\"snippet\":",
            d.year, d.month, d.day, found.score
        ));
        json_string(&mut out, &found.snippet);
        let marks: Vec<String> = found
            .marks
            .iter()
            .map(|(s, e)| format!("[{s},{e}]"))
            .collect();
        out.push_str(&format!(",\"marks\":[{}]}}\n", marks.join(",")));
    }
    write_stdout(&out)
}

fn cmd_eval_search(lang: Lang, upos: &str, verbose: bool, files: &[PathBuf]) -> Result<(), String> {
    let mut texts = Vec::new();
    for path in files {
        texts.push(read_input(Some(path), None)?.1);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let upos: Vec<&str> = upos
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let report = courtview::search::eval::eval_conllu(lang, &refs, &upos);
    let mut out = format!(
        "search keys ({lang}), queries = lemmas of {} and each of their forms\n{report}",
        upos.join(",")
    );
    if verbose {
        for e in &report.errors {
            out.push_str(e);
            out.push('\n');
        }
    }
    write_stdout(&out)
}

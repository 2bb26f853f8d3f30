//! `courtview`: the editor's command-line tool. Native only.

#[cfg(target_arch = "wasm32")]
compile_error!("the courtview CLI is a native program; build the viewer with `cargo xtask dist`");

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use courtview::Lang;
use courtview::content::Article;
use courtview::document::markdown;
use courtview::entities::EntityType;
use courtview::entities::annotate::Gazetteer;
use courtview::ingest::{IngestOptions, ingest};

const HELP: &str = "\
courtview — the editor's tool for courtview articles

USAGE:
    courtview <COMMAND> [ARGS]

COMMANDS:
    ingest FILE [--lead-last]      Turn text extracted from a PDF into an article's Markdown
                                   body (stdout). `-` reads stdin. --lead-last moves the last
                                   paragraph (the printed lead) to the front.
    check [DIR]                    Check every article under DIR (default static/articles):
                                   front matter, body, same paragraph count in every language.
    render --lang <kk|ru|en> [FILE]
                                   Print an article's HTML exactly as the app renders it.
                                   Reads stdin without FILE. Front matter, if present, is
                                   checked and left out of the output.
    match --lang <kk|ru|en> [--names FILE] [--year YYYY]
                                   Find entity mentions in stdin, one document per line; print
                                   one JSON object per mention: {\"line\":1,\"start\":0,\"end\":24,
                                   \"id\":\"kazakhstan\",\"text\":\"Қазақстанның\"} (line from 1,
                                   start/end byte offsets in that line). --names takes TSV lines
                                   `id<TAB>name` (dictionary form) and uses only those; without
                                   it, the shipped knowledge base. Dates are mentions too, with
                                   their ISO date as id (2025-11-17/2025-11-19); a date
                                   without a year gets --year, else the first year (1900-2099)
                                   written anywhere in the input (an article's `date:`), else
                                   the current year.
    eval --lang <kk|ru|en> [--format conllu|iob2] [--errors] FILE...
                                   Measure the matcher on annotated corpora: precision, recall
                                   and F1, inflected and uninflected mentions apart, per entity
                                   class for IOB2. The gazetteer comes from the corpus (CoNLL-U:
                                   PROPN runs' lemmas; IOB2: gold spans). The format is guessed
                                   from the extension or content when not given. --errors
                                   lists every miss and false mention after the table.
    help                           This text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ingest") => cmd_ingest(&args[1..]),
        Some("check") => cmd_check(&args[1..]),
        Some("render") => cmd_render(&args[1..]),
        Some("match") => cmd_match(&args[1..]),
        Some("eval") => cmd_eval(&args[1..]),
        Some("help" | "--help" | "-h") | None => write_stdout(HELP),
        Some("--version" | "-V") => {
            write_stdout(&format!("courtview {}\n", env!("CARGO_PKG_VERSION")))
        }
        Some(other) => Err(format!("unknown command `{other}`; see `courtview help`")),
    };
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
/// that is not UTF-8.
fn read_input(file: Option<&str>, limit: Option<u64>) -> Result<(String, String), String> {
    let mut bytes = Vec::new();
    let name = match file {
        None | Some("-") => {
            let stdin = std::io::stdin().lock();
            stdin
                .take(limit.map_or(u64::MAX, |l| l + 1))
                .read_to_end(&mut bytes)
                .map_err(|e| format!("stdin: cannot read: {e}"))?;
            "stdin".to_owned()
        }
        Some(path) => {
            let file =
                std::fs::File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
            let meta = file
                .metadata()
                .map_err(|e| format!("{path}: cannot read: {e}"))?;
            if meta.is_dir() {
                return Err(format!("{path}: is a folder, not a file"));
            }
            if let Some(limit) = limit
                && meta.len() > limit
            {
                return Err(format!(
                    "{path}: too large for an article: {:.1} MiB (courtview reads articles up to {} MiB)",
                    meta.len() as f64 / (1024.0 * 1024.0),
                    limit / (1024 * 1024)
                ));
            }
            file.take(limit.map_or(u64::MAX, |l| l + 1))
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{path}: cannot read: {e}"))?;
            path.to_owned()
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

fn cmd_ingest(args: &[String]) -> Result<(), String> {
    let mut options = IngestOptions::default();
    let mut file = None;
    for arg in args {
        match arg.as_str() {
            "--lead-last" => options.lead_last = true,
            flag if flag.starts_with("--") => {
                return Err(format!("ingest: unknown option `{flag}`"));
            }
            path if file.is_none() => file = Some(path),
            extra => return Err(format!("ingest: unexpected argument `{extra}`")),
        }
    }
    let file = file.ok_or("ingest: which file? usage: courtview ingest FILE [--lead-last]")?;
    let (name, text) = read_input(Some(file), Some(MAX_ARTICLE_BYTES))?;
    let body = ingest(&text, options).map_err(|e| format!("{name}: {e}"))?;
    write_stdout(&body)
}

/// The value of `--lang` for command `cmd`, with a message that says what is wrong.
fn lang_value(cmd: &str, value: Option<&String>) -> Result<Lang, String> {
    let value = value.ok_or_else(|| format!("{cmd}: --lang needs a value: kk, ru or en"))?;
    value.parse::<Lang>().map_err(|e| format!("{cmd}: {e}"))
}

fn cmd_render(args: &[String]) -> Result<(), String> {
    let mut lang = None;
    let mut file = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => lang = Some(lang_value("render", iter.next())?),
            flag if flag.starts_with("--") => {
                return Err(format!("render: unknown option `{flag}`"));
            }
            path if file.is_none() => file = Some(path),
            extra => return Err(format!("render: unexpected argument `{extra}`")),
        }
    }
    let lang = lang.ok_or("render: --lang is required (kk, ru or en)")?;
    let (name, text) = read_input(file, Some(MAX_ARTICLE_BYTES))?;
    // Dates without a year ("17-19 қараша") take the article's year; a bare body, this year.
    let (document, year) = if text.trim_start_matches('\u{feff}').starts_with("---") {
        let slug = slug_of(&name);
        let article = Article::parse(&text, &slug, lang, &name).map_err(|e| e.to_string())?;
        (article.document, article.meta.date.year)
    } else {
        (markdown::parse(&text), current_year())
    };
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

fn cmd_check(args: &[String]) -> Result<(), String> {
    let dir = PathBuf::from(
        args.first()
            .map(String::as_str)
            .unwrap_or("static/articles"),
    );
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&dir)
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
        for lang in Lang::ALL {
            let path = folder.join(format!("{lang}.md"));
            if !path.exists() {
                continue;
            }
            let shown = path.display().to_string();
            match read_input(Some(&shown), Some(MAX_ARTICLE_BYTES)).and_then(|(_, text)| {
                Article::parse(&text, &slug, lang, &shown).map_err(|e| e.to_string())
            }) {
                Ok(article) => {
                    counts.insert(lang, article.document.paragraph_count());
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

fn cmd_match(args: &[String]) -> Result<(), String> {
    let mut lang = None;
    let mut names_file = None;
    let mut year = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => lang = Some(lang_value("match", iter.next())?),
            "--names" => {
                names_file = Some(iter.next().ok_or("match: --names needs a file")?.clone());
            }
            "--year" => {
                let value = iter.next().ok_or("match: --year needs a value")?;
                year = Some(
                    value
                        .parse::<u16>()
                        .ok()
                        .filter(|y| (1000..=9999).contains(y))
                        .ok_or_else(|| format!("match: --year `{value}` is not a year"))?,
                );
            }
            other => return Err(format!("match: unexpected argument `{other}`")),
        }
    }
    let lang = lang.ok_or("match: --lang is required (kk, ru or en)")?;
    let pairs: Option<Vec<(String, String)>> = match &names_file {
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

fn cmd_eval(args: &[String]) -> Result<(), String> {
    use courtview::entities::eval::{Format, eval_conllu, eval_iob2};
    let mut lang = None;
    let mut format = None;
    let mut verbose = false;
    let mut files = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => lang = Some(lang_value("eval", iter.next())?),
            "--format" => {
                let value = iter.next().ok_or("eval: --format needs conllu or iob2")?;
                format =
                    Some(Format::from_name(value).ok_or_else(|| {
                        format!("eval: unknown format `{value}` (conllu or iob2)")
                    })?);
            }
            "--errors" => verbose = true,
            flag if flag.starts_with("--") => return Err(format!("eval: unknown option `{flag}`")),
            path => files.push(path.to_owned()),
        }
    }
    let lang = lang.ok_or("eval: --lang is required (kk, ru or en)")?;
    if files.is_empty() {
        return Err("eval: which files? usage: courtview eval --lang kk FILE...".to_owned());
    }
    let mut conllu = Vec::new();
    let mut iob2 = Vec::new();
    for path in &files {
        let (_, text) = read_input(Some(path), None)?;
        match format.unwrap_or_else(|| Format::guess(path, &text)) {
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

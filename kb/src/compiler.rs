//! The knowledge-base compiler, run by the model's `build.rs` (and by the app's
//! `tests/knowledge_base.rs`): reads `static/entities/*.toml`, validates every entity and
//! writes the Rust source of `ENTITIES: &[EntityRecord]`, which the model's
//! `src/entities.rs` includes.
//!
//! Every problem is reported as `FILE:LINE: message`, with FILE relative to the project root
//! (the folder that holds `static/`):
//! - TOML syntax errors, unknown keys (a typo'd key) and wrongly typed values;
//! - an unknown `type`, a missing `id`/`type`, an id that is not lowercase a–z, digits and
//!   single hyphens (the slug rule, [`crate::slug`]), a duplicate id;
//! - a missing `[entity.kk]`, `[entity.ru]` or `[entity.en]` table, or a missing or empty
//!   `name` or `description` in one;
//! - a name with stray whitespace, a name listed twice by one entity, and one name claimed by
//!   two entities in the same language (compared case-folded, with `ё` as `е` and runs of
//!   whitespace as one space);
//! - a `url` that is not an `https://` address;
//! - a `date` on an entity that is not a `date`, a `date` entity without one, a malformed date;
//! - an explicit annotation `[text](entity:ID)` in `static/articles/**/*.md` whose ID is not
//!   `-` and not a known id (reported at the article's file and line).
//!
//! It uses only std, serde and the toml crate, and only this crate's feature `compiler` builds
//! it: the model's build script does, the model itself (in the browser) does not.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::LANG_TAGS;
use crate::slug::is_valid_slug;

/// Type tags and the `EntityType` variants they stand for.
const TYPES: [(&str, &str); 6] = [
    ("person", "Person"),
    ("org", "Org"),
    ("place", "Place"),
    ("date", "Date"),
    ("event", "Event"),
    ("law", "Law"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    entity: Vec<Spanned<RawEntity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Option<Spanned<String>>,
    #[serde(rename = "type")]
    kind: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    kk: Option<Spanned<RawLang>>,
    ru: Option<Spanned<RawLang>>,
    en: Option<Spanned<RawLang>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLang {
    name: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    abbreviations: Vec<Spanned<String>>,
    description: Option<Spanned<String>>,
}

/// One validated entity, ready to be written out.
struct Entity {
    id: String,
    variant: &'static str,
    canonical: [String; 3],
    names: [Vec<String>; 3],
    description: [String; 3],
    url: Option<String>,
    date: Option<String>,
}

/// Where a name or id was first seen: the entity and `FILE:LINE`.
struct Seen {
    id: String,
    at: String,
}

/// One TOML file being checked: its path for messages and its text for line numbers.
struct Source<'a> {
    rel: &'a str,
    text: &'a str,
}

impl Source<'_> {
    fn at(&self, span: Range<usize>) -> String {
        let end = span.start.min(self.text.len());
        let line = 1 + self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        format!("{}:{line}", self.rel)
    }
}

/// Compiles the knowledge base in `dir` (normally `static/entities`) into Rust source that
/// defines `pub(crate) static ENTITIES: &[EntityRecord]`, written to be `include!`d inside
/// the model's `src/entities.rs`. Entities come in file-name order, then in the order of each
/// file.
///
/// Also checks that every explicit annotation `[text](entity:ID)` in the Markdown files under
/// the sibling `articles` folder (`static/articles`) names a known id or `-`.
///
/// On any problem, returns every message found, each `FILE:LINE: …`.
pub fn compile(dir: &Path) -> Result<String, Vec<String>> {
    let root = dir
        .parent()
        .and_then(Path::parent)
        .unwrap_or_else(|| Path::new(""));
    let mut errors = Vec::new();
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
            .collect(),
        Err(e) => {
            return Err(vec![format!(
                "{}: cannot read the folder: {e}",
                relative(root, dir)
            )]);
        }
    };
    files.sort();

    let mut entities = Vec::new();
    let mut ids: HashMap<String, Seen> = HashMap::new();
    let mut names: [HashMap<String, Seen>; 3] = Default::default();
    for file in &files {
        let rel = relative(root, file);
        let text = match fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("{rel}: cannot read as UTF-8 text: {e}"));
                continue;
            }
        };
        let src = Source {
            rel: &rel,
            text: &text,
        };
        let raw: RawFile = match toml::from_str(&text) {
            Ok(raw) => raw,
            Err(e) => {
                let at = e.span().map_or_else(|| rel.clone(), |s| src.at(s));
                errors.push(format!("{at}: {}", e.message().trim_end()));
                continue;
            }
        };
        for raw in raw.entity {
            if let Some(entity) = check_entity(&src, raw, &mut ids, &mut names, &mut errors) {
                entities.push(entity);
            }
        }
    }

    let articles = dir.parent().map(|p| p.join("articles"));
    if let Some(articles) = articles.filter(|a| a.is_dir()) {
        check_annotations(root, &articles, &ids, &mut errors);
    }

    if errors.is_empty() {
        Ok(render(&entities))
    } else {
        Err(errors)
    }
}

fn check_entity(
    src: &Source,
    raw: Spanned<RawEntity>,
    ids: &mut HashMap<String, Seen>,
    names: &mut [HashMap<String, Seen>; 3],
    errors: &mut Vec<String>,
) -> Option<Entity> {
    let header = src.at(raw.span());
    let raw = raw.into_inner();
    let before = errors.len();

    let Some(id) = raw.id else {
        errors.push(format!("{header}: entity without an `id`"));
        return None;
    };
    let id_at = src.at(id.span());
    let id = id.into_inner();
    if !is_valid_slug(&id) {
        errors.push(format!(
            "{id_at}: entity \"{id}\": the id must be lowercase a-z, digits and single hyphens"
        ));
    }
    if let Some(first) = ids.get(&id) {
        errors.push(format!(
            "{id_at}: entity \"{id}\": duplicate id (first defined at {})",
            first.at
        ));
    } else {
        ids.insert(
            id.clone(),
            Seen {
                id: id.clone(),
                at: id_at.clone(),
            },
        );
    }

    let variant = match &raw.kind {
        None => {
            errors.push(format!("{id_at}: entity \"{id}\": missing `type`"));
            None
        }
        Some(kind) => {
            let found = TYPES.iter().find(|(tag, _)| tag == kind.get_ref());
            if found.is_none() {
                let tags: Vec<&str> = TYPES.iter().map(|(tag, _)| *tag).collect();
                errors.push(format!(
                    "{}: entity \"{id}\": unknown type \"{}\" (expected one of {})",
                    src.at(kind.span()),
                    kind.get_ref(),
                    tags.join(", ")
                ));
            }
            found.map(|(_, variant)| *variant)
        }
    };
    let is_date = variant == Some("Date");

    let url = raw.url.map(|url| {
        if !is_https_url(url.get_ref()) {
            errors.push(format!(
                "{}: entity \"{id}\": url \"{}\" must be an https:// address",
                src.at(url.span()),
                url.get_ref()
            ));
        }
        url.into_inner()
    });

    let date = match raw.date {
        Some(date) => {
            let at = src.at(date.span());
            if variant.is_some() && !is_date {
                errors.push(format!(
                    "{at}: entity \"{id}\": `date` is only for entities of type \"date\""
                ));
            } else if let Err(why) = check_date(date.get_ref()) {
                errors.push(format!(
                    "{at}: entity \"{id}\": date \"{}\": {why}",
                    date.get_ref()
                ));
            }
            Some(date.into_inner())
        }
        None => {
            if is_date {
                errors.push(format!(
                    "{id_at}: entity \"{id}\": a date entity needs `date = \"YYYY-MM-DD\"` or \"YYYY-MM-DD/YYYY-MM-DD\""
                ));
            }
            None
        }
    };

    let mut canonical: [String; 3] = Default::default();
    let mut description: [String; 3] = Default::default();
    let mut all_names: [Vec<String>; 3] = Default::default();
    for (i, (lang, table)) in LANG_TAGS
        .into_iter()
        .zip([raw.kk, raw.ru, raw.en])
        .enumerate()
    {
        let Some(table) = table else {
            errors.push(format!(
                "{header}: entity \"{id}\": missing the [entity.{lang}] table"
            ));
            continue;
        };
        let table_at = src.at(table.span());
        let table = table.into_inner();
        match &table.name {
            Some(name) if !name.get_ref().trim().is_empty() => {
                canonical[i] = name.get_ref().clone();
            }
            Some(name) => errors.push(format!(
                "{}: entity \"{id}\": empty `name` ({lang})",
                src.at(name.span())
            )),
            None => errors.push(format!(
                "{table_at}: entity \"{id}\": missing `name` in [entity.{lang}]"
            )),
        }
        match table.description {
            Some(d) if !d.get_ref().trim().is_empty() => description[i] = d.into_inner(),
            Some(d) => errors.push(format!(
                "{}: entity \"{id}\": empty `description` ({lang})",
                src.at(d.span())
            )),
            None => errors.push(format!(
                "{table_at}: entity \"{id}\": missing `description` in [entity.{lang}]"
            )),
        }

        // The canonical name is searched for, except a date's: the date finder finds dates.
        // (An empty one was reported above.)
        let searched_canonical = table
            .name
            .filter(|name| !is_date && !name.get_ref().trim().is_empty());
        let mut own: Vec<String> = Vec::new();
        for name in searched_canonical
            .into_iter()
            .chain(table.aliases)
            .chain(table.abbreviations)
        {
            let at = src.at(name.span());
            let name = name.into_inner();
            if name.trim().is_empty() {
                errors.push(format!("{at}: entity \"{id}\": empty name ({lang})"));
                continue;
            }
            if normalise_space(&name) != name {
                errors.push(format!(
                    "{at}: entity \"{id}\": name \"{name}\" ({lang}) has stray whitespace"
                ));
            }
            if own.contains(&name) {
                errors.push(format!(
                    "{at}: entity \"{id}\": name \"{name}\" ({lang}) is listed twice"
                ));
                continue;
            }
            let key = fold(&name);
            match names[i].get(&key) {
                Some(other) if other.id != id => errors.push(format!(
                    "{at}: entity \"{id}\": name \"{name}\" ({lang}) is also a name of \"{}\" ({})",
                    other.id, other.at
                )),
                Some(_) => {} // the same entity, another capitalisation: allowed
                None => {
                    names[i].insert(key, Seen { id: id.clone(), at });
                }
            }
            own.push(name);
        }
        all_names[i] = own;
    }

    if errors.len() > before {
        return None;
    }
    Some(Entity {
        id,
        variant: variant?,
        canonical,
        names: all_names,
        description,
        url,
        date,
    })
}

fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !url.chars().any(char::is_whitespace)
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// `YYYY-MM-DD` or a range `YYYY-MM-DD/YYYY-MM-DD` whose end is after its start.
fn check_date(date: &str) -> Result<(), String> {
    let mut parts = date.split('/');
    let start = parts.next().unwrap_or("");
    let end = parts.next();
    if parts.next().is_some() {
        return Err("expected YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD".into());
    }
    let start = parse_date(start)?;
    if let Some(end) = end
        && parse_date(end)? <= start
    {
        return Err("the end of the range must be after its start".into());
    }
    Ok(())
}

fn parse_date(s: &str) -> Result<(u32, u32, u32), String> {
    let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: Range<usize>| {
        let part = &s[r];
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse::<u32>().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("`{s}`: no month {m}")),
    };
    if d == 0 || d > days {
        return Err(format!("`{s}`: no day {d} in that month"));
    }
    Ok((y, m, d))
}

fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key under which two names count as the same: case-folded, `ё` as `е`, whitespace runs
/// as one space.
fn fold(name: &str) -> String {
    normalise_space(name).to_lowercase().replace('ё', "е")
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Checks `[text](entity:ID)` in every Markdown file under `articles`, outside code.
fn check_annotations(
    root: &Path,
    articles: &Path,
    ids: &HashMap<String, Seen>,
    errors: &mut Vec<String>,
) {
    let mut files = Vec::new();
    markdown_files(articles, &mut files);
    files.sort();
    for file in files {
        let rel = relative(root, &file);
        let Ok(text) = fs::read_to_string(&file) else {
            continue; // the catalogue (`Catalog::load`) reports unreadable articles
        };
        let mut fence: Option<String> = None;
        for (n, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if let Some(open) = &fence {
                if trimmed.starts_with(open.as_str()) {
                    fence = None;
                }
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                fence = Some(trimmed[..3].to_owned());
                continue;
            }
            for id in annotated_ids(line) {
                if id == "-" || ids.contains_key(id) {
                    continue;
                }
                let why = if is_valid_slug(id) {
                    "unknown entity id"
                } else {
                    "malformed entity id"
                };
                errors.push(format!(
                    "{rel}:{}: annotation `(entity:{id})`: {why} \"{id}\"",
                    n + 1
                ));
            }
        }
    }
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for path in rd.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The ids of the `](entity:ID)` link targets on one line, skipping inline code spans.
fn annotated_ids(line: &str) -> Vec<&str> {
    const MARK: &str = "](entity:";
    let mut ids = Vec::new();
    let mut in_code = false;
    let mut code_ticks = 0;
    let mut i = 0;
    let bytes = line.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            if !in_code {
                in_code = true;
                code_ticks = run;
            } else if run == code_ticks {
                in_code = false;
            }
            i += run;
            continue;
        }
        if !in_code && bytes[i..].starts_with(MARK.as_bytes()) {
            let rest = &line[i + MARK.len()..];
            let end = rest
                .find(|c: char| c == ')' || c.is_whitespace())
                .unwrap_or(rest.len());
            ids.push(&rest[..end]);
            i += MARK.len() + end;
            continue;
        }
        i += 1;
    }
    ids
}

fn render(entities: &[Entity]) -> String {
    let mut out = String::from(
        "/// The knowledge base, generated by build.rs from `static/entities/*.toml`.\n\
         pub(crate) static ENTITIES: &[crate::entities::EntityRecord] = &[\n",
    );
    for e in entities {
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|s| format!("{s:?}")).collect();
            format!("&[{}]", items.join(", "))
        };
        let opt = |v: &Option<String>| v.as_ref().map_or("None".into(), |s| format!("Some({s:?})"));
        let _ = writeln!(
            out,
            "    crate::entities::EntityRecord {{\n        \
             id: {:?},\n        \
             kind: crate::entities::EntityType::{},\n        \
             canonical: [{:?}, {:?}, {:?}],\n        \
             names: [{}, {}, {}],\n        \
             description: [{:?}, {:?}, {:?}],\n        \
             url: {},\n        \
             date: {},\n    \
             }},",
            e.id,
            e.variant,
            e.canonical[0],
            e.canonical[1],
            e.canonical[2],
            list(&e.names[0]),
            list(&e.names[1]),
            list(&e.names[2]),
            e.description[0],
            e.description[1],
            e.description[2],
            opt(&e.url),
            opt(&e.date),
        );
    }
    out.push_str("];\n");
    out
}

//! A small, strict reader for the HTML that `DocumentView` renders natively (`courtview
//! render`, the prerender), and the allow-lists it must keep to. Used by `tests/hostile.rs`,
//! `tests/robustness.rs` and the `render_html` fuzz target.
//!
//! Strict means it accepts only what Yew's server renderer writes: `<name attr="value">`
//! start tags (double-quoted values, no valueless or repeated attributes), `</name>` end tags
//! that close what is open, text with `&`, `<` and `>` escaped, and character references from
//! a short list. Anything else — a comment, a doctype, a `/>`, an unquoted value, a stray `<`
//! — is an error, so markup that slips through the renderer cannot hide from the checks.
//!
//! The allow-lists are derived from `src/ui/components/document_view.rs`: every element it
//! can produce, and for each the attributes it sets ([`allowed`], from
//! `tests/fixtures/html-allow.json`, the file the browser test reads as well). Beyond that,
//! URLs are checked the way a browser reads them, and every link that leaves the site must
//! carry `rel="noopener noreferrer"`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use courtview::Lang;
use courtview::entities::EntityType;

/// What a checked fragment contained.
#[derive(Debug, Default)]
pub struct Summary {
    /// Every element, by tag name, in document order.
    pub elements: Vec<String>,
    /// The number of `<mark class="entity">` elements.
    pub marks: usize,
    /// The text content, references decoded.
    pub text: String,
}

/// `tests/fixtures/html-allow.json`: one file for the native checks and the browser's.
const ALLOW_FILE: &str = include_str!("../../fixtures/html-allow.json");

/// The shape of [`ALLOW_FILE`].
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowFile {
    /// What the file is, for people (JSON has no comments); required, so it stays.
    #[serde(rename = "about")]
    _about: String,
    elements: BTreeMap<String, Vec<String>>,
}

/// The elements `DocumentView` renders, each with the attributes it may carry, as
/// `tests/fixtures/html-allow.json` lists them.
pub fn allowed() -> &'static BTreeMap<String, Vec<String>> {
    static ALLOWED: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    ALLOWED.get_or_init(|| {
        let file: AllowFile = serde_json::from_str(ALLOW_FILE)
            .unwrap_or_else(|e| panic!("tests/fixtures/html-allow.json: {e}"));
        file.elements
    })
}

/// Elements without content or end tag.
const VOID: &[&str] = &["img", "br", "hr", "source"];

/// Class names `DocumentView` uses (plus `cv-hide-<type>` and `language-<word>`).
const CLASSES: &[&str] = &[
    "cv-prose",
    "cv-hl-off",
    "cv-lead",
    "cv-raw",
    "cv-table-wrap",
    "cv-align-left",
    "cv-align-center",
    "cv-align-right",
    "cv-figure",
    "entity",
    "is-current",
];

/// Checks `html`: one `<article>` element and nothing else (a final newline aside), every
/// element and attribute allowed, every URL safe, every off-site link `noopener noreferrer`.
pub fn check(html: &str) -> Result<Summary, String> {
    let html = html.strip_suffix('\n').unwrap_or(html);
    let mut summary = Summary::default();
    let mut open: Vec<String> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = html;
    while !rest.is_empty() {
        let at = html.len() - rest.len();
        let here = |what: String| format!("at byte {at}: {what}");
        if let Some(after) = rest.strip_prefix("</") {
            let Some(end) = after.find('>') else {
                return Err(here("an end tag that does not end".into()));
            };
            let name = &after[..end];
            match open.pop() {
                Some(top) if top == name => {}
                top => return Err(here(format!("</{name}> closes {top:?}"))),
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let (tag, used) = start_tag(after).map_err(here)?;
            if open.is_empty() {
                roots += 1;
                if tag.name != "article" || roots > 1 {
                    return Err(here(format!("<{}> outside the one <article>", tag.name)));
                }
            }
            check_element(&tag, &mut ids).map_err(here)?;
            if tag.name == "mark" {
                summary.marks += 1;
            }
            summary.elements.push(tag.name.clone());
            if !VOID.contains(&tag.name.as_str()) {
                open.push(tag.name);
            }
            rest = &after[used..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            if open.is_empty() {
                return Err(here(format!(
                    "text outside the <article>: {:?}",
                    &rest[..end]
                )));
            }
            let text = decode(&rest[..end], false).map_err(here)?;
            summary.text.push_str(&text);
            rest = &rest[end..];
        }
    }
    if let Some(top) = open.last() {
        return Err(format!("<{top}> is never closed"));
    }
    if roots != 1 {
        return Err("no <article>".into());
    }
    Ok(summary)
}

/// A start tag: its name and attributes, values decoded.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Reads a start tag after its `<`; returns it and the bytes used (through the `>`).
fn start_tag(s: &str) -> Result<(Tag, usize), String> {
    let name_len = s
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .unwrap_or(s.len());
    let name = &s[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(format!("`<` not followed by a tag name: {:?}", head(s)));
    }
    let mut tag = Tag {
        name: name.to_owned(),
        attrs: Vec::new(),
    };
    let mut i = name_len;
    loop {
        let rest = &s[i..];
        if rest.starts_with('>') {
            return Ok((tag, i + 1));
        }
        let Some(rest) = rest.strip_prefix(' ') else {
            return Err(format!("<{name}>: expected ` ` or `>`: {:?}", head(rest)));
        };
        i += 1;
        let attr_len = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(rest.len());
        let attr = &rest[..attr_len];
        if attr.is_empty() {
            return Err(format!("<{name}>: expected an attribute: {:?}", head(rest)));
        }
        let Some(value) = rest[attr_len..].strip_prefix("=\"") else {
            return Err(format!("<{name} {attr}>: value not double-quoted"));
        };
        let Some(end) = value.find('"') else {
            return Err(format!("<{name} {attr}>: value never ends"));
        };
        let raw = &value[..end];
        if raw.contains(['<', '>']) {
            return Err(format!("<{name} {attr}>: unescaped < or > in {raw:?}"));
        }
        if tag.attrs.iter().any(|(a, _)| a == attr) {
            return Err(format!("<{name}>: {attr} twice"));
        }
        tag.attrs.push((
            attr.to_owned(),
            decode(raw, true).map_err(|e| format!("<{name} {attr}>: {e}"))?,
        ));
        i += attr_len + 2 + end + 1;
    }
}

fn head(s: &str) -> &str {
    let mut end = s.len().min(40);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Decodes the character references Yew writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, numeric
/// ones); any other `&` is an error, as is `>` in text.
fn decode(s: &str, attribute: bool) -> Result<String, String> {
    if !attribute && s.contains('>') {
        return Err(format!("unescaped `>` in text {:?}", head(s)));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(end) = after.find(';') else {
            return Err(format!("a bare `&` in {:?}", head(s)));
        };
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "#39" | "#x27" => '\'',
            _ => return Err(format!("unexpected reference `&{name};`")),
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The element and its attributes are on the allow-lists, and their values make sense.
fn check_element(tag: &Tag, ids: &mut Vec<String>) -> Result<(), String> {
    let name = tag.name.as_str();
    let Some(allowed) = allowed().get(name) else {
        return Err(format!("element <{name}> is not allowed"));
    };
    for (attr, value) in &tag.attrs {
        if attr.starts_with("on") {
            return Err(format!("event handler {attr}={value:?} on <{name}>"));
        }
        if !allowed.contains(attr) {
            return Err(format!(
                "attribute {attr}={value:?} is not allowed on <{name}>"
            ));
        }
        let ok = match attr.as_str() {
            "class" => value.split(' ').all(|c| {
                CLASSES.contains(&c)
                    || c.strip_prefix("cv-hide-").is_some_and(is_type)
                    || c.strip_prefix("language-")
                        .is_some_and(|l| !l.is_empty() && !l.contains(char::is_whitespace))
            }),
            "lang" => Lang::from_tag(value).is_some(),
            "id" => {
                let prefix = if name == "mark" { "m-" } else { "p-" };
                let ok = value.strip_prefix(prefix).is_some_and(is_number);
                if ids.contains(value) {
                    return Err(format!("id {value:?} twice"));
                }
                ids.push(value.clone());
                ok
            }
            "start" => is_number(value),
            "tabindex" => value == "0",
            "loading" => value == "lazy" || value == "eager",
            "decoding" => value == "async",
            "type" => value == "image/webp",
            "width" | "height" => is_number(value),
            "sizes" => !value.contains(['<', '>', '"']),
            // `url 480w, url 960w`: every URL safe, every descriptor a width.
            "srcset" => {
                for candidate in value.split(", ") {
                    let (url, width) = candidate.rsplit_once(' ').unwrap_or((candidate, ""));
                    check_url(url).map_err(|e| format!("<{name} srcset={value:?}>: {e}"))?;
                    if !width.strip_suffix('w').is_some_and(is_number) {
                        return Err(format!("<{name} srcset={value:?}>: not `url NNNw`"));
                    }
                }
                true
            }
            "rel" => value == "noopener noreferrer",
            "data-type" => is_type(value),
            // Any id the knowledge base (or `--names`) holds; escaping keeps it inside.
            "data-entity" => !value.is_empty(),
            "href" | "src" => {
                check_url(value).map_err(|e| format!("<{name} {attr}={value:?}>: {e}"))?;
                true
            }
            "title" | "alt" => true,
            _ => false,
        };
        if !ok {
            return Err(format!("<{name} {attr}={value:?}>: unexpected value"));
        }
    }
    let get = |a: &str| {
        tag.attrs
            .iter()
            .find(|(n, _)| n == a)
            .map(|(_, v)| v.as_str())
    };
    match name {
        "a" => {
            let href = get("href").ok_or("<a> without href")?;
            if leaves_site(href) && get("rel") != Some("noopener noreferrer") {
                return Err(format!(
                    "<a href={href:?}> leaves the site without rel=\"noopener noreferrer\""
                ));
            }
        }
        "img" => {
            get("src").ok_or("<img> without src")?;
            get("alt").ok_or("<img> without alt")?;
        }
        "mark" => {
            for a in ["data-entity", "data-type", "id"] {
                get(a).ok_or(format!("<mark> without {a}"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// An entity type's tag, as `data-type` and in `cv-hide-<type>`.
fn is_type(tag: &str) -> bool {
    EntityType::from_tag(tag).is_some()
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A link or image URL (references decoded): after removing every white-space and control
/// character, its scheme, if it has one, is http, https or mailto; so it starts with none of
/// `javascript:`, `data:`, `vbscript:`, in any case or spelling.
pub fn check_url(url: &str) -> Result<(), String> {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    for bad in ["javascript:", "data:", "vbscript:"] {
        if squeezed.starts_with(bad) {
            return Err(format!("a {bad} URL"));
        }
    }
    let end = squeezed.find([':', '/', '\\', '?', '#']);
    if let Some(end) = end
        && squeezed.as_bytes()[end] == b':'
    {
        let scheme = &squeezed[..end];
        if !["http", "https", "mailto"].contains(&scheme) {
            return Err(format!("scheme {scheme:?}"));
        }
    }
    Ok(())
}

/// Whether a browser would take a link to `href` off the site: after the URL parser's clean-up
/// (C0 controls and spaces trimmed, tabs and newlines removed), an http(s) URL or one that
/// starts with two slashes or backslashes.
pub fn leaves_site(href: &str) -> bool {
    let cleaned: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("http:")
        || cleaned.starts_with("https:")
        || cleaned.starts_with("//")
        || cleaned.starts_with("\\\\")
        || cleaned.starts_with("/\\")
        || cleaned.starts_with("\\/")
}

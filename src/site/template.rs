//! Trunk's `index.html` made into every page: its start-up script moved into a file, its
//! `<base>` made a `<meta>`, each page's head and markup put in, and the fallback script and
//! notice added. The page is read as tags ([`tags`]), not searched as text: the app's root is
//! found by its `id` and closed where its own `</div>` stands, however many `<div>`s Trunk or
//! the prerender put inside or after it.

use std::ops::Range;

use crate::display::{DISPLAY_KEY, Display, TextSize};
use crate::embed::{Theme, escape_html as escape};
use crate::head::PageHead;
use crate::i18n::Msg;
use crate::lang::Lang;
use crate::locale::Locale;
use crate::markup::{
    APP_ROOT_ID, BASE_META_NAME, OFFLINE_NOTICE_ID, PAGE_FILES_ATTR, PRERENDERED_ATTR,
    SEARCH_WORKER_META_NAME, SIZE_ATTR, STATE_ATTR, STATE_FAILED, STATE_INTERACTIVE, THEME_ATTR,
};
use crate::script::Script;
use crate::store::PageFiles;

/// One tag of a page, as [`tags`] finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tag<'a> {
    /// Where it stands in the page, from its `<` to just after its `>`, in bytes.
    span: (usize, usize),
    /// Its name as written (compared ignoring ASCII case).
    name: &'a str,
    /// Whether it is an end tag (`</div>`).
    closing: bool,
    /// What stands between its name and its `>`: its attributes.
    attrs: &'a str,
}

impl<'a> Tag<'a> {
    /// Whether it is a start tag named `name`.
    fn opens(&self, name: &str) -> bool {
        !self.closing && self.name.eq_ignore_ascii_case(name)
    }

    /// Whether it is an end tag named `name`.
    fn closes(&self, name: &str) -> bool {
        self.closing && self.name.eq_ignore_ascii_case(name)
    }

    /// Its bytes in the page.
    fn range(&self) -> Range<usize> {
        self.span.0..self.span.1
    }

    /// The value of its attribute `name`, without quotes; `Some("")` for one written without a
    /// value (`data-prerendered`).
    fn attr(&self, name: &str) -> Option<&'a str> {
        let mut rest = self.attrs;
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() {
                return None;
            }
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
                .unwrap_or(rest.len());
            let (key, after) = rest.split_at(end);
            let after = after.trim_start();
            let (value, next) = match after.strip_prefix('=') {
                Some(v) => attr_value(v.trim_start()),
                None => ("", after),
            };
            if key.eq_ignore_ascii_case(name) {
                return Some(value);
            }
            rest = next;
        }
    }
}

/// An attribute's value at the start of `text` (quoted or not), and what follows it.
fn attr_value(text: &str) -> (&str, &str) {
    match text.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let body = &text[1..];
            match body.find(quote) {
                Some(i) => (&body[..i], &body[i + 1..]),
                None => (body, ""),
            }
        }
        _ => {
            let end = text
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(text.len());
            text.split_at(end)
        }
    }
}

/// Elements whose content is text, not markup, though it may look like a tag.
const RAW_TEXT: [&str; 4] = ["script", "style", "title", "textarea"];

/// The tags of `page`, in order. Comments (Yew's hydration markers among them), the doctype
/// and the content of [`RAW_TEXT`] elements are passed over; a `<` that starts no tag is text.
fn tags(page: &str) -> Tags<'_> {
    Tags { page, at: 0 }
}

/// The iterator [`tags`] returns.
struct Tags<'a> {
    page: &'a str,
    at: usize,
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let page = self.page;
        loop {
            let start = self.at + page.get(self.at..)?.find('<')?;
            let after = &page[start + 1..];
            if let Some(comment) = after.strip_prefix("!--") {
                // A comment ends at the first `-->`; one never closed, at the end of the page.
                self.at = comment
                    .find("-->")
                    .map_or(page.len(), |i| start + 4 + i + 3);
                continue;
            }
            if after.starts_with(['!', '?']) {
                self.at = after.find('>').map_or(page.len(), |i| start + 1 + i + 1);
                continue;
            }
            let closing = after.starts_with('/');
            let name_at = start + 1 + usize::from(closing);
            let name_len = page[name_at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(page.len() - name_at);
            if !page[name_at..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                self.at = start + 1;
                continue;
            }
            let attrs_at = name_at + name_len;
            // An unfinished tag ends the page's markup.
            let end = attrs_at + tag_end(&page[attrs_at..])?;
            let tag = Tag {
                span: (start, end),
                name: &page[name_at..attrs_at],
                closing,
                attrs: &page[attrs_at..end - 1],
            };
            self.at = end;
            if !closing
                && RAW_TEXT
                    .iter()
                    .any(|raw| tag.name.eq_ignore_ascii_case(raw))
            {
                self.at = end_tag_at(page, end, tag.name).unwrap_or(page.len());
            }
            return Some(tag);
        }
    }
}

/// Where the tag whose attributes `text` starts with ends: just after its `>`, skipping any `>`
/// inside a quoted value.
fn tag_end(text: &str) -> Option<usize> {
    let mut rest = text;
    loop {
        let i = rest.find(['>', '='])?;
        if rest.as_bytes()[i] == b'>' {
            return Some(text.len() - rest.len() + i + 1);
        }
        rest = attr_value(rest[i + 1..].trim_start()).1;
    }
}

/// The start of the first `</name` at or after `from` (any ASCII case).
fn end_tag_at(page: &str, from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let i = at + page[at..].find("</")?;
        let candidate = page.get(i + 2..i + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return Some(i);
        }
        at = i + 2;
    }
}

/// Where `<div id="app">` stands in a page: its start tag and its matching end tag.
#[derive(Clone, Debug, PartialEq, Eq)]
struct AppRoot {
    /// The start tag, `<div id="app" …>`.
    open: Range<usize>,
    /// Its `</div>`.
    close: Range<usize>,
    /// Whether the start tag carries [`PRERENDERED_ATTR`].
    prerendered: bool,
}

/// Finds the app's root: the first `<div>` whose `id` is [`APP_ROOT_ID`], closed by the
/// `</div>` that balances it, counting the `<div>`s opened and closed inside it.
fn app_root(page: &str) -> Result<AppRoot, String> {
    let mut tags = tags(page);
    let open = tags
        .by_ref()
        .find(|t| t.opens("div") && t.attr("id") == Some(APP_ROOT_ID))
        .ok_or_else(|| format!(r#"no <div id="{APP_ROOT_ID}">"#))?;
    let mut depth = 0usize;
    for tag in tags {
        if tag.opens("div") {
            depth += 1;
        } else if tag.closes("div") {
            if depth == 0 {
                return Ok(AppRoot {
                    open: open.range(),
                    close: tag.range(),
                    prerendered: open.attr(PRERENDERED_ATTR).is_some(),
                });
            }
            depth -= 1;
        }
    }
    Err(format!(r#"no closing tag for <div id="{APP_ROOT_ID}">"#))
}

/// Whether `page` is one the site generator wrote (its root is marked [`PRERENDERED_ATTR`]),
/// not Trunk's template.
pub fn is_prerendered(page: &str) -> bool {
    app_root(page).is_ok_and(|root| root.prerendered)
}

/// Puts a prerendered page into the built `index.html`: the page's language on `<html>`, its
/// head in place of the generic `<title>` and description, and its markup inside
/// `<div id="app">`. A page with data `files` (the page's own first) preloads its own, names
/// them all on the root ([`PAGE_FILES_ATTR`], read by the app) and is marked
/// [`PRERENDERED_ATTR`] so that the app hydrates it; without (the not-found page, whose
/// language is the visitor's), the app renders afresh. Fails, naming what is missing, on a
/// template that lacks any of these.
pub fn fill_template(
    template: &str,
    head: &PageHead,
    site: &str,
    body: &str,
    files: Option<&PageFiles>,
) -> Result<String, String> {
    let missing = |what: &str| format!("the built index.html has no {what}");
    let html = tags(template)
        .find(|t| t.opens("html"))
        .ok_or_else(|| missing("<html> tag"))?;
    let mut after_title = tags(template);
    let title = after_title
        .by_ref()
        .find(|t| t.opens("title"))
        .ok_or_else(|| missing("<title>"))?;
    let title_end = after_title
        .next()
        .filter(|t| t.closes("title"))
        .ok_or_else(|| missing("</title>"))?
        .span
        .1;
    let app = app_root(template).map_err(|e| format!("the built index.html has {e}"))?;
    // The generic description goes: the page's own replaces it.
    let generic = tags(template)
        .take_while(|t| t.span.0 < title.span.0)
        .find(|t| t.opens("meta") && t.attr("name") == Some("description"))
        .map(|t| t.span);
    let mut out = String::with_capacity(template.len() + body.len() + 2048);
    out.push_str(&template[..html.span.0]);
    // `kk-Latn` for a Latin twin: the app reads it to hydrate the page in Latin.
    out.push_str(&format!(r#"<html lang="{}">"#, head.tag()));
    let mut rest_start = html.span.1;
    if let Some((a, b)) = generic {
        // The generic description's whole line goes.
        out.push_str(template[rest_start..a].trim_end_matches([' ', '\t']));
        rest_start = b + usize::from(template[b..].starts_with('\n'));
    }
    out.push_str(template[rest_start..title.span.0].trim_end_matches([' ', '\t']));
    out.push_str("  ");
    out.push_str(&head.to_html(site));
    // The page's own data starts loading with the page, in parallel with the wasm; `crossorigin`
    // makes the preload match the app's `fetch` (same-origin credentials), so it is used.
    if let Some((_, own)) = files.and_then(|f| f.0.first()) {
        out.push_str(&format!(
            "\n  <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin>",
            escape(own)
        ));
    }
    out.push_str(&template[title_end..app.open.start]);
    match files {
        Some(files) => out.push_str(&format!(
            r#"<div id="{APP_ROOT_ID}" {PRERENDERED_ATTR} {PAGE_FILES_ATTR}="{}">"#,
            escape(&files.to_attr())
        )),
        None => out.push_str(&template[app.open.clone()]),
    }
    out.push_str(body);
    out.push_str(&template[app.close.start..]);
    Ok(out)
}

/// Moves Trunk's inline start-up script (`<script type="module">…</script>`, which imports
/// the wasm-bindgen glue and starts the app) out of the page into a file, so that pages work
/// under a Content-Security-Policy without `'unsafe-inline'` scripts. Returns the page with
/// `<script type="module" src="…">` in its place, and the file's name and contents; `None`
/// when the page has no inline module script (already moved). The name carries a hash of the
/// contents, like Trunk's own files, so it may be cached for long.
pub fn extract_start_script(page: &str) -> Option<(String, String, String)> {
    let mut after = tags(page);
    let open = after.by_ref().find(|t| {
        t.opens("script") && t.attr("type") == Some("module") && t.attr("src").is_none()
    })?;
    let close = after.next().filter(|t| t.closes("script"))?;
    let script = page[open.span.1..close.span.0].trim().to_owned() + "\n";
    let name = hashed_name("start", &script);
    let tag = format!(
        r#"<script type="module" src="{}{name}"></script>"#,
        escape(&base_of(page))
    );
    let page = format!("{}{tag}{}", &page[..open.span.0], &page[close.span.1..]);
    Some((page, name, script))
}

/// `<stem>-<hash of contents>.js`: a name that changes when the contents do, so the file may
/// be cached for long.
pub fn hashed_name(stem: &str, contents: &str) -> String {
    format!("{stem}-{:016x}.js", fnv1a(contents.as_bytes()))
}

/// The public URL prefix a built page names, in `<base href>` or, once [`replace_base`] has
/// run, in `<meta name="courtview-base">`; `/` when neither is there.
pub fn base_of(page: &str) -> String {
    let base = || tags(page).find_map(|t| t.opens("base").then(|| t.attr("href")).flatten());
    let meta = || {
        tags(page).find_map(|t| {
            (t.opens("meta") && t.attr("name") == Some(BASE_META_NAME))
                .then(|| t.attr("content"))
                .flatten()
        })
    };
    base().or_else(meta).unwrap_or("/").to_owned()
}

/// Replaces the page's `<base href="X">` with `<meta name="courtview-base" content="X">`:
/// a strict Content-Security-Policy (`base-uri 'none'`) refuses any `<base>`, and the app
/// only needs X as its router's base path (Trunk's asset URLs are absolute already). Returns
/// the page and X (`/` when the page has no `<base href>`).
pub fn replace_base(page: &str) -> (String, String) {
    let found = tags(page).find_map(|t| {
        let href = t.attr("href").filter(|_| t.opens("base"))?;
        Some((t.range(), href.to_owned()))
    });
    let Some((tag, base)) = found else {
        return (page.to_owned(), "/".to_owned());
    };
    // The value is copied as written, entities and all: it is already HTML.
    let meta = format!(r#"<meta name="{BASE_META_NAME}" content="{base}">"#);
    (
        format!("{}{meta}{}", &page[..tag.start], &page[tag.end..]),
        base,
    )
}

/// The search worker's Cargo binary. Trunk writes a worker under fixed names (`<bin>.js`,
/// `<bin>_bg.wasm`: a worker's script is named at run time), which [`search_worker_files`]
/// turns into names that change with the contents, as every other script's.
pub const SEARCH_WORKER_BIN: &str = "search-worker";

/// The search worker as the site serves it, from wasm-bindgen's `no-modules` glue and the
/// wasm: `(script's name, script, wasm's name)`. The script is the glue followed by the call
/// that loads the wasm, named relative to the script, so it works under any public prefix.
pub fn search_worker_files(glue: &str, wasm: &[u8]) -> (String, String, String) {
    let wasm_name = format!("{SEARCH_WORKER_BIN}-{:016x}_bg.wasm", fnv1a(wasm));
    let script = format!(
        "{}\nwasm_bindgen({{ module_or_path: \"./{wasm_name}\" }});\n",
        glue.trim_end()
    );
    let name = hashed_name(SEARCH_WORKER_BIN, &script);
    (name, script, wasm_name)
}

/// Names the search worker's script in the page (`<meta name="courtview-search-worker">`,
/// before `</head>`), where the search page finds it.
pub fn add_search_worker(page: &str, src: &str) -> String {
    let Some(close) = tags(page).find(|t| t.closes("head")) else {
        return page.to_owned();
    };
    let at = close.span.0;
    format!(
        "{}  <meta name=\"{SEARCH_WORKER_META_NAME}\" content=\"{}\">\n{}",
        &page[..at],
        escape(src),
        &page[at..]
    )
}

/// The 64-bit FNV-1a hash: enough to tell file versions apart in a name.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The fallback script: `static/fallback.js` (a function), called with the names it shares
/// with the page and the app, so that they are written only in [`crate::markup`]. It shows the
/// [`offline_notice`] when the app cannot start.
pub fn fallback_script() -> String {
    // The names are ASCII without quotes or backslashes (crate::markup pins them), so they
    // need no escaping inside a JavaScript string.
    format!(
        "{}({{ notice: '{OFFLINE_NOTICE_ID}', state: '{STATE_ATTR}', \
         interactive: '{STATE_INTERACTIVE}', failed: '{STATE_FAILED}' }});\n",
        without_comments(include_str!("../../static/fallback.js"))
    )
}

/// A script as it is sent: without its whole-line comments (they explain the source, and every
/// visitor would download them) and the indentation, which is all that would be left of them.
fn without_comments(script: &str) -> String {
    script
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The app after the page's first paint (issue 14: nothing the first paint does not need is
/// fetched before what it needs). Trunk preloads the wasm from the head, at the stylesheet's
/// and the fonts' priority, and its start-up script fetches it as soon as the page is parsed:
/// on a slow network the 150 KB of wasm then share the line with the fonts the text waits
/// for. The wasm's preload goes, the app's small script is preloaded at low priority, and the
/// start-up script first waits for a frame to be painted.
pub fn app_after_first_paint(page: &str, start_script: &str) -> (String, String) {
    let mut out = String::with_capacity(page.len());
    let mut last = 0;
    for tag in tags(page) {
        if !tag.opens("link") {
            continue;
        }
        let wasm =
            tag.attr("rel") == Some("preload") && tag.attr("type") == Some("application/wasm");
        let script =
            tag.attr("rel") == Some("modulepreload") && tag.attr("fetchpriority").is_none();
        if wasm {
            out.push_str(&page[last..tag.span.0]);
            last = tag.span.1;
        } else if script {
            let end = tag.span.1;
            let close = if page[..end].ends_with("/>") {
                end - 2
            } else {
                end - 1
            };
            out.push_str(&page[last..close]);
            out.push_str(" fetchpriority=\"low\"");
            last = close;
        }
    }
    out.push_str(&page[last..]);
    let wait =
        "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n";
    let script = if start_script.contains(wait) {
        start_script.to_owned()
    } else {
        // After the imports (a module's imports are hoisted anyway), before anything runs.
        format!("{wait}{start_script}")
    };
    (out, script)
}

/// The prepaint script: `static/prepaint.js` (a function), called with the names and values of
/// [`crate::display`] and [`crate::markup`], so that they are written once. It applies the
/// reader's theme and text size before the first paint.
pub fn prepaint_script() -> String {
    let list = |tags: Vec<&str>| {
        tags.iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let default = Display::default();
    // Tags and names are ASCII words (pinned by their tests): no escaping is needed.
    format!(
        "{}({{ key: '{DISPLAY_KEY}', themeAttr: '{THEME_ATTR}', sizeAttr: '{SIZE_ATTR}', \
         themes: [{}], sizes: [{}], theme: '{}', size: '{}', embedTheme: '{}', \
         embed: /\\/embed\\/(?:{})\\// }});\n",
        without_comments(include_str!("../../static/prepaint.js")),
        list(Theme::ALL.iter().map(|t| t.tag()).collect()),
        list(TextSize::ALL.iter().map(|s| s.tag()).collect()),
        default.theme.tag(),
        default.size.tag(),
        Theme::default().tag(),
        Lang::ALL.map(|l| l.tag()).join("|"),
    )
}

/// Adds `<script src>` of the prepaint script to a page's head, before its first stylesheet,
/// so that the theme is set before anything is painted with it. Unchanged when the page has
/// it already or has no stylesheet.
pub fn add_prepaint(page: &str, script_src: &str) -> String {
    let tag = format!("<script src=\"{}\"></script>", escape(script_src));
    if page.contains(&tag) {
        return page.to_owned();
    }
    let Some(css) = tags(page).find(|t| t.opens("link") && t.attr("rel") == Some("stylesheet"))
    else {
        return page.to_owned();
    };
    let at = css.span.0;
    format!("{}{tag}\n  {}", &page[..at], &page[at..])
}

/// The notice a page carries after `<div id="app">`, hidden until `fallback.js` (the app could
/// not start) or the app's panic hook (it stopped) shows it; in `lang`, or in all three
/// languages for a page whose language is the visitor's; Kazakh in `script` (Latin on a
/// Latin twin).
pub fn offline_notice(lang: Option<Lang>, script: Script) -> String {
    let said = |locale: Locale| escape(&locale.text(Msg::AppUnavailable));
    let text = match lang {
        Some(lang) => said(Locale::new(lang, script)),
        None => Lang::ALL
            .iter()
            .map(|&l| {
                let locale = Locale::new(l, script);
                format!(r#"<span lang="{}">{}</span>"#, locale.tag(), said(locale))
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    format!(r#"<p id="{OFFLINE_NOTICE_ID}" class="cv-offline" role="alert" hidden>{text}</p>"#)
}

/// Adds the fallback script and the offline notice to a page: `<script defer src>` before
/// the app's start-up script (so its listeners are in place first) and the notice after
/// `<div id="app">…</div>`. `script_src` is the script's URL; `lang` and `script` the
/// notice's ([`offline_notice`]). Unchanged when either is already there or the page lacks
/// the places for them (a start-up script before the app's root).
pub fn add_fallback(page: &str, script_src: &str, lang: Option<Lang>, script: Script) -> String {
    if tags(page).any(|t| t.attr("id") == Some(OFFLINE_NOTICE_ID)) {
        return page.to_owned();
    }
    let start = tags(page).find(|t| t.opens("script") && t.attr("type") == Some("module"));
    let (Some(start), Ok(app)) = (start, app_root(page)) else {
        return page.to_owned();
    };
    let (start, app_close) = (start.span.0, app.close.end);
    if start > app_close {
        return page.to_owned();
    }
    format!(
        "{}<script defer src=\"{}\"></script>\n{}\n  {}{}",
        &page[..start],
        escape(script_src),
        &page[start..app_close],
        offline_notice(lang, script),
        &page[app_close..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Catalog;
    use crate::head::page_head;
    use crate::route::Route;

    #[test]
    fn tags_skip_comments_raw_text_and_quoted_brackets() {
        let page = "<!doctype html><!-- <div> --><script>if (a<b) x('</div>')</script>\
                    <p title='a > b' data-x=\"<div>\">t < u</p><!--<[Yew]>-->";
        let found: Vec<(&str, bool)> = tags(page).map(|t| (t.name, t.closing)).collect();
        assert_eq!(
            found,
            [
                ("script", false),
                ("script", true),
                ("p", false),
                ("p", true)
            ]
        );
        let p = tags(page).find(|t| t.opens("p")).unwrap();
        assert_eq!(p.attr("title"), Some("a > b"));
        assert_eq!(p.attr("DATA-X"), Some("<div>"));
        assert_eq!(p.attr("id"), None);
        let bare = tags("<div id=app data-prerendered class = 'x'>")
            .next()
            .unwrap();
        assert_eq!(bare.attr("id"), Some("app"));
        assert_eq!(bare.attr(PRERENDERED_ATTR), Some(""));
        assert_eq!(bare.attr("class"), Some("x"));
        assert_eq!(tags("<div").count(), 0, "an unfinished tag is not one");
    }

    #[test]
    fn the_app_root_closes_where_its_divs_balance() {
        let page = "<body><div id=\"app\"><div><div></div></div><!-- </div> -->\
                    <pre>&lt;/div&gt;</pre></div>\n<div id=\"after\"></div>\n</body>";
        let root = app_root(page).unwrap();
        assert_eq!(&page[root.open.clone()], "<div id=\"app\">");
        assert_eq!(
            &page[root.close.start..],
            "</div>\n<div id=\"after\"></div>\n</body>"
        );
        assert!(!root.prerendered);
        // Another <div> after the root's is no longer taken for its end, as `rfind` took it.
        assert!(app_root("<div id=\"app\"><div></div>").is_err());
        assert!(app_root("<div id=\"other\"></div>").is_err());
        assert!(app_root("<div id=\"apps\"></div>").is_err());
    }

    #[test]
    fn template_gets_language_head_and_body() {
        let template = "<!doctype html>\n<html lang=\"kk\">\n<head>\n  <meta name=\"description\" content=\"generic\">\n  <title>courtview</title>\n  <base href=\"/\">\n</head>\n<body>\n  <div id=\"app\">\n    <noscript>x</noscript>\n  </div>\n  <div class=\"host\"></div>\n</body>\n</html>\n";
        let route = Route::parse("/en/iaca-2025-dubai/");
        let entry = Catalog::shipped().entry("iaca-2025-dubai").unwrap();
        let data = crate::site::article_data(entry, Lang::En);
        let files = PageFiles(vec![
            (
                "/en/iaca-2025-dubai/".into(),
                "/data/0123456789abcdef.bin".into(),
            ),
            (
                "/kk/iaca-2025-dubai/".into(),
                "/data/fedcba9876543210.bin".into(),
            ),
        ]);
        let page = fill_template(
            template,
            &page_head(&route, Some(&data)),
            "https://h",
            "<p>body</p>",
            Some(&files),
        )
        .unwrap();
        assert!(page.contains("<html lang=\"en\">"));
        assert!(!page.contains("generic") && !page.contains("<noscript>"));
        assert!(page.contains(&format!(
            "<div id=\"{APP_ROOT_ID}\" {PRERENDERED_ATTR} {PAGE_FILES_ATTR}=\"/en/iaca-2025-dubai/ /data/0123456789abcdef.bin /kk/iaca-2025-dubai/ /data/fedcba9876543210.bin\"><p>body</p></div>\n  <div class=\"host\"></div>\n</body>"
        )));
        assert!(is_prerendered(&page) && !is_prerendered(template));
        assert!(page.contains(
            "<link rel=\"preload\" href=\"/data/0123456789abcdef.bin\" as=\"fetch\" crossorigin>"
        ));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://h/en/iaca-2025-dubai/\">"));
        assert!(page.contains("<base href=\"/\">"));
        let err = fill_template(
            "<html><body></body></html>",
            &page_head(&route, Some(&data)),
            "",
            "",
            None,
        );
        assert!(err.unwrap_err().contains("<title>"));
    }

    #[test]
    fn fallback_goes_before_the_app_and_the_notice_after() {
        let page = "<head><script type=\"module\" src=\"/s.js\"></script></head>\n<body>\n  <div id=\"app\"><p>x</p></div>\n  <div></div>\n</body>";
        let out = add_fallback(page, "/fallback-1.js", Some(Lang::Ru), Script::Latn);
        let script = out
            .find("<script defer src=\"/fallback-1.js\"></script>")
            .unwrap();
        assert!(script < out.find("<script type=\"module\"").unwrap());
        let notice = out.find(&format!("id=\"{OFFLINE_NOTICE_ID}\"")).unwrap();
        let app_end = out.find("<p>x</p></div>").unwrap() + "<p>x</p></div>".len();
        assert_eq!(notice, app_end + "\n  <p ".len());
        assert!(out.contains("Интерактивные функции недоступны"));
        assert_eq!(add_fallback(&out, "/f.js", None, Script::Cyrl), out);
        assert_eq!(
            offline_notice(None, Script::Cyrl)
                .matches("<span lang=")
                .count(),
            3
        );
        let latin = offline_notice(Some(Lang::Kk), Script::Latn);
        assert!(latin.contains("İnteraktivtı"), "{latin}");
        // The not-found page's Latin twin says it in all three, Kazakh in Latin.
        let all = offline_notice(None, Script::Latn);
        assert!(
            all.contains(r#"<span lang="kk-Latn">İnteraktivtı"#),
            "{all}"
        );
        assert!(all.contains(r#"<span lang="ru">Интерактивные"#), "{all}");
    }

    #[test]
    fn the_fallback_script_is_called_with_the_shared_names() {
        let script = fallback_script();
        assert!(script.starts_with("(function (names) {"));
        assert!(script.ends_with(&format!(
            "}})({{ notice: '{OFFLINE_NOTICE_ID}', state: '{STATE_ATTR}', \
             interactive: '{STATE_INTERACTIVE}', failed: '{STATE_FAILED}' }});\n"
        )));
    }

    #[test]
    fn scripts_are_sent_without_their_comments() {
        assert_eq!(
            without_comments("// Why.\n(function (o) {\n  // How.\n  var a = 1; // kept\n\n})\n"),
            "(function (o) {\nvar a = 1; // kept\n})"
        );
        for script in [fallback_script(), prepaint_script()] {
            assert!(!script.contains("\n//"), "{script}");
        }
    }

    #[test]
    fn the_app_waits_for_the_first_paint() {
        let page = "<head><link rel=\"stylesheet\" href=\"/m.css\">\n\
                    <link rel=\"modulepreload\" href=\"/app.js\" crossorigin=\"anonymous\">\
                    <link rel=\"preload\" href=\"/app_bg.wasm\" crossorigin=\"anonymous\" \
                    as=\"fetch\" type=\"application/wasm\"></head>";
        let start = "import init from '/app.js';\nawait init();\n";
        let (page, script) = app_after_first_paint(page, start);
        assert!(!page.contains("app_bg.wasm"), "{page}");
        assert!(page.contains(
            "<link rel=\"modulepreload\" href=\"/app.js\" crossorigin=\"anonymous\" fetchpriority=\"low\">"
        ));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/m.css\">"));
        assert!(script.starts_with("await new Promise((painted) => requestAnimationFrame("));
        assert!(script.ends_with(start));
        // Twice is once.
        assert_eq!(
            app_after_first_paint(&page, &script),
            (page.clone(), script.clone())
        );
    }

    #[test]
    fn prepaint_goes_before_the_stylesheet_once() {
        let page = "<html><head><meta charset=\"utf-8\">\n  <link rel=\"stylesheet\" href=\"/m.css\">\n</head></html>";
        let once = add_prepaint(page, "/prepaint-1.js");
        assert!(
            once.contains("<script src=\"/prepaint-1.js\"></script>\n  <link rel=\"stylesheet\"")
        );
        assert_eq!(add_prepaint(&once, "/prepaint-1.js"), once);
        assert_eq!(add_prepaint("<html></html>", "/p.js"), "<html></html>");
        let script = prepaint_script();
        for name in [
            DISPLAY_KEY,
            THEME_ATTR,
            SIZE_ATTR,
            "'sepia'",
            "'large'",
            "kk|ru|en",
        ] {
            assert!(script.contains(name), "{name}");
        }
    }

    #[test]
    fn base_becomes_a_meta() {
        let (page, base) = replace_base("<head>\n  <base href=\"/cv/\">\n  <link>");
        assert_eq!(base, "/cv/");
        assert_eq!(
            page,
            format!("<head>\n  <meta name=\"{BASE_META_NAME}\" content=\"/cv/\">\n  <link>")
        );
        assert_eq!(base_of(&page), "/cv/");
        assert_eq!(replace_base("<head>").1, "/");
        assert_eq!(base_of("<head>"), "/");
    }

    #[test]
    fn start_script_moves_to_a_file() {
        let page = "<head><base href=\"/cv/\">\n<script type=\"module\">\nimport init from '/cv/app.js';\nawait init();\n</script>\n</head>";
        let (out, name, script) = extract_start_script(page).unwrap();
        assert!(name.starts_with("start-") && name.ends_with(".js"));
        assert_eq!(script, "import init from '/cv/app.js';\nawait init();\n");
        assert!(out.contains(&format!(
            "<script type=\"module\" src=\"/cv/{name}\"></script>"
        )));
        assert!(!out.contains("await init"));
        assert!(extract_start_script(&out).is_none());
    }
}

//! The loader (`static/embed/embed.js`) and the app describe the same embed in two languages.
//! Rather than search the loader's text for the app's constants, this writes what the app's
//! [`EmbedSpec`] says for a set of embeds (the snippet a partner pastes, and the iframe it
//! must become) to `tests/fixtures/embed-loader.json`; the browser test `embed.test.mjs` runs
//! the real loader on those snippets in Chromium and compares the iframes it builds. Also:
//! the loader stays small, plain and shipped.

use std::fs;
use std::path::Path;

use courtview::Lang;
use courtview::content::is_valid_slug;
use courtview::embed::{ELEMENT, EmbedOptions, EmbedSpec, LOADER, RESIZE_MESSAGE, SANDBOX};
use courtview::i18n::Msg;
use serde::Serialize;

fn read(rel: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// The fixture the browser test reads, from the repository's root.
const CONTRACT: &str = "tests/fixtures/embed-loader.json";

/// The viewer's address in the fixture: the browser test puts its own server's in its place.
const BASE: &str = "https://courtview.invalid";

/// What the loader must do with each snippet; the fixture's shape.
#[derive(Serialize)]
struct Contract {
    about: &'static str,
    /// Replaced by the test's viewer address in every snippet and `src`.
    base: &'static str,
    /// The custom element's name.
    element: &'static str,
    /// The `type` of the embed view's height messages, which the loader listens for.
    resize_message: &'static str,
    cases: Vec<Case>,
}

/// One embed: the loader snippet, and the iframe the loader must build from it (none when the
/// slug is not one, so that the fallback link stays).
#[derive(Serialize)]
struct Case {
    name: String,
    snippet: String,
    frame: Option<Frame>,
}

/// The loader's iframe, attribute by attribute, as the DOM reports it.
#[derive(Serialize)]
struct Frame {
    src: String,
    title: String,
    lang: &'static str,
    sandbox: &'static str,
    loading: &'static str,
}

fn case(name: String, spec: &EmbedSpec) -> Case {
    // The frame is named by the fallback link's text (the article's title), or, with none, by
    // the app's generic title in the embed's language.
    let title = match spec.title.trim() {
        "" => Msg::EmbedFrameTitle.text(spec.lang),
        title => title,
    };
    Case {
        name,
        snippet: spec.loader_snippet(),
        frame: is_valid_slug(spec.slug).then(|| Frame {
            src: spec.embed_url(),
            title: title.to_owned(),
            lang: spec.lang.tag(),
            sandbox: SANDBOX,
            loading: "lazy",
        }),
    }
}

/// Every language with and without a title, every option the dialog writes, and slugs the
/// slug rule accepts and refuses.
fn contract() -> Contract {
    const SLUG: &str = "iaca-2025-dubai";
    let plain = EmbedOptions::default();
    let mut cases = Vec::new();
    for lang in Lang::ALL {
        // Quotes, an ampersand and markup in the title: the snippet escapes them and the
        // loader must read them back from the fallback link as text.
        let title = format!("«{}» & \"{}\" <b>", lang.native_name(), lang.tag());
        for (what, title) in [("titled", title.as_str()), ("untitled", "")] {
            let spec = EmbedSpec {
                base: BASE,
                lang,
                slug: SLUG,
                title,
                options: &plain,
            };
            cases.push(case(format!("{lang}, {what}"), &spec));
        }
    }
    for query in [
        "types=person,org&theme=dark&highlight=0&p=3",
        "theme=auto",
        "types=law",
        "highlight=0&p=12",
        "script=latn",
        "theme=dark&script=latn&p=2",
        "with=en",
        "theme=sepia&script=latn&with=kk&p=4",
    ] {
        let options = EmbedOptions::parse(query);
        assert_eq!(options.to_query(), query, "a query the dialog writes");
        let spec = EmbedSpec {
            base: BASE,
            lang: Lang::Ru,
            slug: SLUG,
            title: "T",
            options: &options,
        };
        cases.push(case(format!("ru, {query}"), &spec));
    }
    let longest = "a".repeat(100);
    let too_long = "a".repeat(101);
    for slug in [
        "a",
        "2025",
        longest.as_str(),
        too_long.as_str(),
        "",
        "A",
        "a--b",
        "-a",
        "a-",
        "a_b",
        "a/b",
        "қ",
    ] {
        let spec = EmbedSpec {
            base: BASE,
            lang: Lang::En,
            slug,
            title: "T",
            options: &plain,
        };
        cases.push(case(format!("slug {slug:?}"), &spec));
    }
    Contract {
        about: "What the app's EmbedSpec says for a set of embeds: the loader snippet a partner \
                pastes, and the iframe static/embed/embed.js must build from it (null: none). \
                Written by tests/embed.rs (COURTVIEW_BLESS=1 cargo test --test embed), read by \
                tests/browser/embed.test.mjs.",
        base: BASE,
        element: ELEMENT,
        resize_message: RESIZE_MESSAGE,
        cases,
    }
}

/// The fixture holds what [`EmbedSpec`] says today. After an intended change, regenerate it
/// with `COURTVIEW_BLESS=1 cargo test --test embed` and read the diff.
#[test]
fn the_loader_contract_is_what_embed_spec_says() {
    let json = serde_json::to_string_pretty(&contract()).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CONTRACT);
    if std::env::var_os("COURTVIEW_BLESS").is_some() {
        fs::write(&path, &json).unwrap();
        return;
    }
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == json,
        "{CONTRACT} is not what EmbedSpec says: regenerate it with \
         `COURTVIEW_BLESS=1 cargo test --test embed`, and read the diff"
    );
}

#[test]
fn the_loader_is_plain_ascii_javascript_without_eval() {
    let source = read("static/embed/embed.js");
    assert!(
        source.is_ascii(),
        "non-ASCII text is escaped for pages in any encoding"
    );
    for banned in ["eval(", "new Function", "import(", "document.write"] {
        assert!(!source.contains(banned), "embed.js uses {banned}");
    }
    // The budget is 3 KB gzipped; the browser tests measure that on dist/embed.js. Raw size
    // is a cheap early warning here.
    assert!(
        source.len() < 8 * 1024,
        "embed.js is {} bytes",
        source.len()
    );
}

#[test]
fn trunk_copies_the_loader_to_the_site_root() {
    let index = read("index.html");
    assert!(
        index.contains(r#"<link data-trunk rel="copy-file" href="static/embed/embed.js">"#),
        "index.html copies the loader (to dist/{LOADER})"
    );
}

/// The article body as the embed view renders it: the target paragraph marked, images from
/// other origins turned into links, so the embed loads nothing from anywhere else, and links
/// that open a new tab instead of navigating the partner's frame.
#[test]
fn the_embed_body_marks_its_paragraph_and_is_a_good_guest() {
    use courtview::document::markdown::parse;
    use courtview::ui::{DocumentView, DocumentViewProps};

    let source = "First, [see](/en/other/).\n\nSecond ![map](https://maps.example/m.png) and ![](/local.png).\n";
    let render = |embedded: bool, target: Option<u32>| {
        // The props are built on the renderer's side: an Rc cannot cross to it.
        let renderer = yew::ServerRenderer::<DocumentView>::with_props(move || {
            yew::props!(DocumentViewProps {
                document: std::rc::Rc::new(parse(source)),
                lang: courtview::Lang::En,
                embedded,
                target,
            })
        })
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    };
    let embed = render(true, Some(2));
    assert!(
        embed.contains(r#"<p id="p-2" class="cv-p--target">"#),
        "{embed}"
    );
    assert!(!embed.contains("<img src=\"https://"), "{embed}");
    assert!(
        embed.contains(r#"<a href="https://maps.example/m.png""#),
        "{embed}"
    );
    assert!(embed.contains(r#"<img src="/local.png""#), "{embed}");
    assert!(
        embed.contains(r#"<a href="/en/other/" rel="noopener" target="_blank">"#),
        "{embed}"
    );
    let site = render(false, None);
    assert!(site.contains(r#"<img src="https://maps.example/m.png""#));
    assert!(site.contains(r#"<a href="/en/other/">"#), "{site}");
    assert!(!site.contains("cv-p--target"));
}

//! The loader (`static/embed/embed.js`) and the app describe the same embed in two languages:
//! these checks keep them in step (sandbox, message type, element name, frame titles), and
//! keep the loader small, plain and shipped. The browser tests check the built file and its
//! behaviour.

use std::fs;
use std::path::Path;

use courtview::embed::{ELEMENT, LOADER, RESIZE_MESSAGE, SANDBOX};
use courtview::i18n::Msg;

fn read(rel: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// The loader's source with its `\uXXXX` escapes decoded.
fn loader() -> String {
    let source = read("static/embed/embed.js");
    let mut out = String::new();
    let mut rest = source.as_str();
    while let Some(i) = rest.find("\\u") {
        out.push_str(&rest[..i]);
        let hex = &rest[i + 2..i + 6];
        match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => out.push_str(&rest[i..i + 6]),
        }
        rest = &rest[i + 6..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_loader_and_the_app_agree() {
    let js = loader();
    assert!(js.contains(&format!("'{SANDBOX}'")), "sandbox");
    assert!(js.contains(&format!("'{RESIZE_MESSAGE}'")), "message type");
    assert!(js.contains(&format!("'{ELEMENT}'")), "element name");
    // The frame titles the loader falls back on are the app's, in all three languages.
    for text in Msg::EmbedFrameTitle.texts() {
        assert!(js.contains(&format!("'{text}'")), "{text}");
    }
    // It passes every query option through, under the same names.
    assert!(js.contains("['types', 'theme', 'highlight', 'script', 'p']"));
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

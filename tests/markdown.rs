//! Markdown → document model → HTML, on fixture pairs `tests/fixtures/markdown/NAME.md` /
//! `NAME.html`. The HTML is what `courtview render` and the app produce for the model, so a
//! fixture pins both the parser and the renderer. After an intended change, regenerate with
//! `COURTVIEW_BLESS=1 cargo test --test markdown` and read the diff.

use std::fs;
use std::path::Path;

use courtview::Lang;
use courtview::document::markdown::parse;
use courtview::document::{Block, Inline};
use courtview::ui::render_document_html;

#[test]
fn fixtures_render_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown");
    let bless = std::env::var_os("COURTVIEW_BLESS").is_some();
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "fixtures missing in {}", dir.display());
    let mut failures = Vec::new();
    for md in names {
        let html_path = md.with_extension("html");
        let source = fs::read_to_string(&md).unwrap();
        let mut actual = render_document_html(parse(&source), Lang::En);
        actual.push('\n');
        if bless {
            fs::write(&html_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&html_path)
            .unwrap_or_else(|_| panic!("{} has no expected .html", md.display()));
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                md.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn paragraphs_are_numbered_in_reading_order_including_nested_ones() {
    let doc = parse("One\n\n> Two\n\n- three\n\n- four\n\nFive\n");
    let mut numbers = Vec::new();
    fn walk(blocks: &[Block], out: &mut Vec<u32>) {
        for b in blocks {
            match b {
                Block::Paragraph { number, .. } => out.push(*number),
                Block::BlockQuote(inner) => walk(inner, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
    }
    walk(&doc.blocks, &mut numbers);
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(doc.paragraph_count(), 5);
}

#[test]
fn text_is_kept_whole_and_unaltered() {
    let doc = parse("Қазақстанның \\*ХСӘҚ-ның\\* &amp; «сот»\n");
    assert_eq!(
        doc.blocks,
        [Block::Paragraph {
            number: 1,
            inlines: vec![Inline::Text("Қазақстанның *ХСӘҚ-ның* & «сот»".into())],
        }]
    );
}

#[test]
fn raw_html_and_unsafe_links_keep_their_text() {
    let doc = parse("<b>x</b> [click](javascript:alert(1))\n");
    assert_eq!(doc.plain_text(), "<b>x</b> click");
    let html = render_document_html(doc, Lang::Kk);
    assert!(
        !html.contains("<b>") && !html.contains("javascript"),
        "{html}"
    );
}

#[test]
fn any_input_parses() {
    for src in [
        "", "\n\n", "[", "<", "|a|\n|-|", "```", "> > > >", "\u{0}", "*_*_~~`",
    ] {
        let doc = parse(src);
        render_document_html(doc, Lang::En);
    }
}

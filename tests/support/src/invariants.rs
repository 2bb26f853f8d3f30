//! What must hold for any input to the pure pipeline (parse → annotate → render), checked by
//! the bounded proptests in `tests/robustness.rs` and by the cargo-fuzz targets in `fuzz/`.
//!
//! Each check returns a message instead of panicking, so proptest can shrink and the fuzzers
//! can say what broke.

use courtview::Lang;
use courtview::content::Catalog;
use courtview::content::page_data::{self, PageData};
use courtview::document::markdown::{MAX_NESTING, safe_url};
use courtview::document::{Block, Document, Inline};
use courtview::entities::annotate::{Found, Gazetteer, annotate_by, mentions_by_run};
use courtview::ui::render_document_html;

/// A parsed document: containers nest at most [`MAX_NESTING`] deep, paragraphs are numbered
/// 1, 2, 3… in reading order, and every link and image URL is one [`safe_url`] allows.
pub fn parsed(doc: &Document) -> Result<(), String> {
    let depth = nesting(doc);
    if depth > MAX_NESTING {
        return Err(format!(
            "containers nest {depth} deep (limit {MAX_NESTING})"
        ));
    }
    let mut numbers = Vec::new();
    paragraph_numbers(&doc.blocks, &mut numbers);
    if numbers.iter().copied().ne(1..=numbers.len() as u32) {
        return Err(format!("paragraphs numbered {numbers:?}"));
    }
    if doc.paragraph_count() as usize != numbers.len() {
        return Err("paragraph_count disagrees with the paragraphs".into());
    }
    let mut bad = None;
    each_inline(&doc.blocks, &mut |i| match i {
        Inline::Link { dest, .. } if !safe_url(dest) || dest.starts_with("entity:") => {
            bad = Some(format!("a link to {dest:?}"))
        }
        Inline::Image { src, .. } if !safe_url(src) => bad = Some(format!("an image from {src:?}")),
        _ => {}
    });
    let mut figures = Vec::new();
    each_block(&doc.blocks, &mut |b| {
        if let Block::Figure(f) = b {
            figures.push(f.src.clone());
        }
    });
    if let Some(src) = figures.iter().find(|s| !safe_url(s)) {
        bad = Some(format!("a photo from {src:?}"));
    }
    bad.map_or(Ok(()), Err)
}

/// `after` is `before` annotated: the same text, the same blocks and paragraphs, and no
/// mention inside another (so mentions never overlap).
pub fn annotated(before: &Document, after: &Document) -> Result<(), String> {
    if before.plain_text() != after.plain_text() {
        return Err(format!(
            "annotation changed the text:\n{:?}\n{:?}",
            before.plain_text(),
            after.plain_text()
        ));
    }
    if before.blocks.len() != after.blocks.len()
        || before.paragraph_count() != after.paragraph_count()
    {
        return Err("annotation changed the blocks".into());
    }
    let mut nested = false;
    each_inline(&after.blocks, &mut |i| {
        if let Inline::Entity { children, .. } = i {
            let mut inner = false;
            each_inline_in(children, &mut |c| {
                inner |= matches!(c, Inline::Entity { .. })
            });
            nested |= inner;
        }
    });
    if nested {
        return Err("a mention inside a mention".into());
    }
    if nesting(after) > MAX_NESTING + 1 {
        return Err("annotation nests deeper than a mention's one level".into());
    }
    Ok(())
}

/// Mentions found in `text`: sorted, non-empty, non-overlapping, on char boundaries.
pub fn spans(text: &str, found: &[Found]) -> Result<(), String> {
    let mut last = 0;
    for m in found {
        if m.start < last || m.start >= m.end || m.end > text.len() {
            return Err(format!("bad span {m:?} after {last} in {text:?}"));
        }
        if !text.is_char_boundary(m.start) || !text.is_char_boundary(m.end) {
            return Err(format!("span {m:?} not on char boundaries in {text:?}"));
        }
        last = m.end;
    }
    Ok(())
}

/// The whole pure pipeline on `markdown` for `lang`: parse, find mentions run by run (each
/// run's mentions checked), annotate by replaying them (what the browser does) and directly
/// (what the build does) — the two must agree —, render natively and check the HTML against
/// the allow-lists, with one `<mark>` per mention. Returns the rendered HTML.
pub fn pipeline(markdown: &str, lang: Lang, year: u16) -> Result<String, String> {
    let doc = courtview::document::markdown::parse(markdown);
    parsed(&doc)?;
    let gazetteer = Gazetteer::shipped(lang);
    let runs = mentions_by_run(&doc, gazetteer, year);
    let annotated_doc = courtview::entities::annotate::annotate_with(&doc, gazetteer, year);
    let mut replay = runs.iter();
    let mut run_error = None;
    let replayed = annotate_by(&doc, &mut |text| {
        let found = replay
            .next()
            .filter(|(len, _)| *len == text.len())
            .map(|(_, f)| f.clone())
            .unwrap_or_default();
        if let Err(e) = spans(text, &found) {
            run_error.get_or_insert(e);
        }
        found
    });
    if let Some(e) = run_error {
        return Err(e);
    }
    if replayed != annotated_doc {
        return Err("replaying the recorded mentions differs from annotating".into());
    }
    annotated(&doc, &annotated_doc)?;
    let mentions = annotated_doc.mentions().len();
    let html = render_document_html(annotated_doc, lang);
    let summary = crate::html_allow::check(&html).map_err(|e| format!("{e}\n{html}"))?;
    if summary.marks != mentions {
        return Err(format!("{} marks for {mentions} mentions", summary.marks));
    }
    Ok(html)
}

/// Every article page of a catalogue survives the data files' form ([`page_data::encode`],
/// [`page_data::decode`]) unchanged.
pub fn data_round_trips(catalog: &Catalog) -> Result<(), String> {
    for entry in catalog.entries() {
        for lang in Lang::ALL {
            encodes(&courtview::site::article_data(entry, lang))?;
        }
    }
    Ok(())
}

/// `data` decodes from its bytes to itself.
pub fn encodes(data: &PageData) -> Result<(), String> {
    let back = page_data::decode(&page_data::encode(data)).map_err(|e| e.to_string())?;
    if back != *data {
        return Err(format!("{data:?} came back as {back:?}"));
    }
    Ok(())
}

/// Two catalogues hold the same entries, in the same order, with equal versions.
pub fn same_catalog(a: &Catalog, b: &Catalog) -> Result<(), String> {
    if a.entries().len() != b.entries().len() {
        return Err("a different number of entries".into());
    }
    for (x, y) in a.entries().iter().zip(b.entries()) {
        if x.slug != y.slug {
            return Err(format!("slug {:?} became {:?}", x.slug, y.slug));
        }
        for lang in Lang::ALL {
            if x.version(lang) != y.version(lang) {
                return Err(format!("{} ({lang}) changed", x.slug));
            }
        }
    }
    Ok(())
}

/// How deep containers nest: block quotes, list items, emphasis, links, mentions…
pub fn nesting(doc: &Document) -> u32 {
    fn blocks(v: &[Block]) -> u32 {
        v.iter()
            .map(|b| match b {
                Block::Paragraph { inlines: i, .. }
                | Block::Plain(i)
                | Block::Heading { inlines: i, .. } => inlines(i),
                Block::BlockQuote(inner) => 1 + blocks(inner),
                Block::List { items, .. } => items.iter().map(|i| 1 + blocks(i)).max().unwrap_or(0),
                Block::Table { head, rows, .. } => head
                    .iter()
                    .chain(rows.iter().flatten())
                    .map(|c| inlines(c))
                    .max()
                    .unwrap_or(0),
                Block::Figure(f) => inlines(&f.caption),
                Block::CodeBlock { .. } | Block::Rule | Block::RawHtml(_) => 0,
            })
            .max()
            .unwrap_or(0)
    }
    fn inlines(v: &[Inline]) -> u32 {
        v.iter()
            .map(|i| match i {
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Strikethrough(c)
                | Inline::NoEntity(c)
                | Inline::Link { children: c, .. }
                | Inline::Entity { children: c, .. }
                | Inline::EntityRef { children: c, .. } => 1 + inlines(c),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    blocks(&doc.blocks)
}

fn paragraph_numbers(v: &[Block], out: &mut Vec<u32>) {
    for b in v {
        match b {
            Block::Paragraph { number, .. } => out.push(*number),
            Block::BlockQuote(inner) => paragraph_numbers(inner, out),
            Block::List { items, .. } => items.iter().for_each(|i| paragraph_numbers(i, out)),
            _ => {}
        }
    }
}

/// Calls `f` on every block of `v`, outermost first: quotes' and list items' blocks too.
pub fn each_block(v: &[Block], f: &mut dyn FnMut(&Block)) {
    for b in v {
        f(b);
        match b {
            Block::BlockQuote(inner) => each_block(inner, f),
            Block::List { items, .. } => items.iter().for_each(|i| each_block(i, f)),
            _ => {}
        }
    }
}

/// Calls `f` on every inline of `v`, outermost first: paragraphs', headings' and table
/// cells', nested ones included.
pub fn each_inline(v: &[Block], f: &mut dyn FnMut(&Inline)) {
    each_block(v, &mut |b| match b {
        Block::Paragraph { inlines: i, .. }
        | Block::Plain(i)
        | Block::Heading { inlines: i, .. } => each_inline_in(i, f),
        Block::Table { head, rows, .. } => head
            .iter()
            .chain(rows.iter().flatten())
            .for_each(|c| each_inline_in(c, f)),
        Block::Figure(figure) => each_inline_in(&figure.caption, f),
        _ => {}
    });
}

fn each_inline_in(v: &[Inline], f: &mut dyn FnMut(&Inline)) {
    for i in v {
        f(i);
        match i {
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Strikethrough(c)
            | Inline::NoEntity(c)
            | Inline::Link { children: c, .. }
            | Inline::Entity { children: c, .. }
            | Inline::EntityRef { children: c, .. } => each_inline_in(c, f),
            _ => {}
        }
    }
}

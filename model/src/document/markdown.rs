//! Markdown → [`Document`]. The only module that imports pulldown-cmark.
//!
//! Everything CommonMark defines is kept, plus GFM tables and strikethrough. The one deliberate
//! difference from a browser-facing Markdown renderer: raw HTML becomes [`Inline::RawHtml`] /
//! [`Block::RawHtml`], which the UI shows as text. Links and images whose URL is not http,
//! https, mailto or relative lose their link but keep their text. The URLs that stay are
//! percent-encoded as CommonMark's reference renderer writes them ([`percent_encode`]), and an
//! email autolink (`<press@sud.kz>`) links to `mailto:`.
//!
//! A paragraph that holds one image and nothing else is a photo, [`Block::Figure`], with the
//! image's title as its caption; it takes no paragraph number (docs/content.md, "Photos").
//!
//! Containers nest at most [`MAX_NESTING`] deep (block quotes, lists, emphasis, links…):
//! deeper ones keep their content, flattened into the container at the limit. Every pass over
//! a document (annotation, rendering, even dropping it) recurses once per level, so a hostile
//! `> > > …` or `*****…` would otherwise overflow the stack.

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, LinkType, OffsetIter, Options, Parser, Tag, TagEnd,
};

use super::{Align, Block, Document, Figure, Inline};

pub use super::url::{percent_encode, safe_url};

/// How deep containers may nest in a parsed [`Document`], block and inline levels together.
/// Real articles use three or four; the limit only stops hostile input.
pub const MAX_NESTING: u32 = 32;

/// Parses a Markdown body (front matter already removed) into a [`Document`].
///
/// Markdown has no syntax errors, so this cannot fail: any input is some document. A leading
/// byte-order mark is dropped.
///
/// A paragraph that holds nothing but one image is a photo, [`Block::Figure`], its title the
/// caption; it takes no paragraph number.
pub fn parse(markdown: &str) -> Document {
    parse_with_figure_lines(markdown).0
}

/// [`parse`], and the 1-based line of each photo ([`Document::figures`] order), for messages
/// about them.
pub fn parse_with_figure_lines(markdown: &str) -> (Document, Vec<usize>) {
    // A byte-order mark is how some editors start a UTF-8 file, not text.
    let body = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events = Events {
        inner: Parser::new_ext(body, options).into_offset_iter(),
        offset: 0,
        figures: Vec::new(),
    };
    let mut numbering = 0;
    let blocks = blocks_until_end(&mut events, &mut numbering, 0);
    let lines = events
        .figures
        .iter()
        .map(|&at| body[..at].matches('\n').count() + 1)
        .collect();
    (Document { blocks }, lines)
}

/// pulldown-cmark's events, remembering where the last one started so that a photo's line
/// can be told.
struct Events<'a> {
    inner: OffsetIter<'a>,
    /// The byte offset of the last event returned.
    offset: usize,
    /// The byte offset of each photo's paragraph, in reading order.
    figures: Vec<usize>,
}

impl<'a> Iterator for Events<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let (event, range) = self.inner.next()?;
        self.offset = range.start;
        Some(event)
    }
}

/// Reads blocks until the end event of the enclosing container (or the end of input), at
/// nesting `depth`. Inline events that appear directly in a container (tight list items)
/// become [`Block::Plain`]. At [`MAX_NESTING`], containers are not opened: their content is
/// read in place.
fn blocks_until_end(events: &mut Events<'_>, numbering: &mut u32, depth: u32) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut loose = Vec::new();
    // Containers past the limit whose content is being read in place.
    let mut flat = 0u32;
    while let Some(event) = events.next() {
        let block = match event {
            Event::End(_) if flat == 0 => break,
            Event::End(end) => {
                flat -= 1;
                // The text of flattened list items stays in blocks of its own.
                if !is_inline_end(&end) {
                    flush(&mut blocks, &mut loose);
                }
                None
            }
            Event::Start(tag) if depth >= MAX_NESTING && !is_leaf_block(&tag) => {
                flat += 1;
                if is_block(&tag) {
                    flush(&mut blocks, &mut loose);
                }
                None
            }
            Event::Start(tag) if is_block(&tag) => block(tag, events, numbering, depth),
            Event::Rule => Some(Block::Rule),
            Event::Html(html) => Some(Block::RawHtml(html.into_string())),
            other => {
                inline_event(other, events, &mut loose, depth);
                None
            }
        };
        if let Some(block) = block {
            flush(&mut blocks, &mut loose);
            blocks.push(block);
        }
    }
    flush(&mut blocks, &mut loose);
    blocks
}

/// Moves loose inline content, if any, into a [`Block::Plain`].
fn flush(blocks: &mut Vec<Block>, loose: &mut Vec<Inline>) {
    if !loose.is_empty() {
        blocks.push(Block::Plain(std::mem::take(loose)));
    }
}

/// The end of an inline container.
fn is_inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Blocks that hold inline content or text, not other blocks: read at any depth.
fn is_leaf_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Table(_)
            | Tag::MetadataBlock(_)
    )
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

/// The block that `tag` starts, at nesting `depth`.
fn block(tag: Tag<'_>, events: &mut Events<'_>, numbering: &mut u32, depth: u32) -> Option<Block> {
    Some(match tag {
        Tag::Paragraph => {
            let at = events.offset;
            let inlines = inlines_until_end(events, depth);
            match lone_image(inlines) {
                Ok(figure) => {
                    events.figures.push(at);
                    Block::Figure(figure)
                }
                Err(inlines) => {
                    *numbering += 1;
                    Block::Paragraph {
                        number: *numbering,
                        inlines,
                    }
                }
            }
        }
        Tag::Heading { level, .. } => Block::Heading {
            level: level as u8,
            inlines: inlines_until_end(events, depth),
        },
        Tag::BlockQuote(_) => Block::BlockQuote(blocks_until_end(events, numbering, depth + 1)),
        Tag::CodeBlock(kind) => {
            let lang = match kind {
                CodeBlockKind::Fenced(info) => {
                    info.split_whitespace().next().unwrap_or("").to_owned()
                }
                CodeBlockKind::Indented => String::new(),
            };
            Block::CodeBlock {
                lang,
                text: text_until_end(events),
            }
        }
        Tag::HtmlBlock => Block::RawHtml(text_until_end(events)),
        Tag::List(start) => {
            let mut items = Vec::new();
            while let Some(event) = events.next() {
                match event {
                    Event::Start(Tag::Item) => {
                        items.push(blocks_until_end(events, numbering, depth + 1))
                    }
                    Event::End(_) => break,
                    // pulldown-cmark puts nothing else directly in a list; be lenient anyway.
                    _ => {}
                }
            }
            Block::List { start, items }
        }
        Tag::Table(aligns) => table(aligns, events, depth),
        Tag::MetadataBlock(_) => {
            // Not enabled in our options; if it ever appears, show it rather than lose it.
            Block::CodeBlock {
                lang: String::new(),
                text: text_until_end(events),
            }
        }
        // Items, cells and the like outside their parents, footnotes and definition lists (not
        // enabled): keep their content as plain blocks so no text is lost.
        _ => {
            let inner = blocks_until_end(events, numbering, depth + 1);
            return match inner.len() {
                0 => None,
                1 => inner.into_iter().next(),
                _ => Some(Block::BlockQuote(inner)),
            };
        }
    })
}

/// The photo a paragraph's `inlines` are when they are one image and nothing else (white space
/// aside); else the inlines back.
fn lone_image(inlines: Vec<Inline>) -> Result<Figure, Vec<Inline>> {
    let blank = |i: &Inline| match i {
        Inline::Text(t) => t.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => true,
        _ => false,
    };
    let mut content = inlines.iter().filter(|i| !blank(i));
    match (content.next(), content.next()) {
        (Some(Inline::Image { src, title, alt }), None) => {
            let caption = title.trim();
            Ok(Figure {
                src: src.clone(),
                alt: alt.clone(),
                caption: if caption.is_empty() {
                    Vec::new()
                } else {
                    vec![Inline::Text(caption.to_owned())]
                },
                picture: None,
            })
        }
        _ => Err(inlines),
    }
}

fn table(aligns: Vec<Alignment>, events: &mut Events<'_>, depth: u32) -> Block {
    let aligns = aligns
        .into_iter()
        .map(|a| match a {
            Alignment::None => Align::None,
            Alignment::Left => Align::Left,
            Alignment::Center => Align::Center,
            Alignment::Right => Align::Right,
        })
        .collect();
    let mut head = Vec::new();
    let mut rows = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => head = cells_until_end(events, depth),
            Event::Start(Tag::TableRow) => rows.push(cells_until_end(events, depth)),
            Event::End(_) => break,
            _ => {}
        }
    }
    Block::Table { aligns, head, rows }
}

fn cells_until_end(events: &mut Events<'_>, depth: u32) -> Vec<Vec<Inline>> {
    let mut cells = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => cells.push(inlines_until_end(events, depth)),
            Event::End(_) => break,
            _ => {}
        }
    }
    cells
}

/// Concatenates the text of a code or HTML block up to its end event.
fn text_until_end(events: &mut Events<'_>) -> String {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::End(_) => break,
            Event::Text(t) | Event::Html(t) | Event::Code(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            _ => {}
        }
    }
    text
}

/// Reads inline content up to the end event of the enclosing tag, at nesting `depth`. At
/// [`MAX_NESTING`], containers (emphasis, links…) are not opened: their content is read in
/// place.
fn inlines_until_end(events: &mut Events<'_>, depth: u32) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut flat = 0u32;
    while let Some(event) = events.next() {
        match event {
            Event::End(_) if flat == 0 => break,
            Event::End(_) => flat -= 1,
            Event::Start(_) if depth >= MAX_NESTING => flat += 1,
            event => inline_event(event, events, &mut out, depth),
        }
    }
    out
}

/// Turns one inline-level event (reading further events for containers) into inlines, at
/// nesting `depth`.
fn inline_event(event: Event<'_>, events: &mut Events<'_>, out: &mut Vec<Inline>, depth: u32) {
    let inner = depth + 1;
    match event {
        Event::Text(t) => push_text(out, &t),
        Event::Code(t) => out.push(Inline::Code(t.into_string())),
        Event::InlineHtml(t) | Event::Html(t) => out.push(Inline::RawHtml(t.into_string())),
        Event::SoftBreak => out.push(Inline::SoftBreak),
        Event::HardBreak => out.push(Inline::HardBreak),
        Event::InlineMath(t) | Event::DisplayMath(t) => push_text(out, &t),
        Event::FootnoteReference(label) => push_text(out, &format!("[^{label}]")),
        Event::TaskListMarker(done) => push_text(out, if done { "[x] " } else { "[ ] " }),
        Event::Rule => {}
        Event::Start(tag) => match tag {
            Tag::Emphasis => out.push(Inline::Emphasis(inlines_until_end(events, inner))),
            Tag::Strong => out.push(Inline::Strong(inlines_until_end(events, inner))),
            Tag::Strikethrough => out.push(Inline::Strikethrough(inlines_until_end(events, inner))),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let children = inlines_until_end(events, inner);
                // Explicit entity annotation: `[text](entity:id)`, `[text](entity:-)`.
                if let Some(id) = dest_url.strip_prefix("entity:") {
                    out.push(match id {
                        "-" => Inline::NoEntity(children),
                        id => Inline::EntityRef {
                            id: id.to_owned(),
                            children,
                        },
                    });
                } else if let Some(dest) = link_url(&dest_url, link_type) {
                    out.push(Inline::Link {
                        dest,
                        title: title.into_string(),
                        children,
                    });
                } else {
                    // Keep the words, drop the link.
                    children.into_iter().for_each(|c| push_inline(out, c));
                }
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let alt = super::plain_text(&inlines_until_end(events, inner));
                if let Some(src) = link_url(&dest_url, LinkType::Inline) {
                    out.push(Inline::Image {
                        src,
                        title: title.into_string(),
                        alt,
                    });
                } else {
                    push_text(out, &alt);
                }
            }
            // Any other tag inside inline content: keep its content.
            _ => inlines_until_end(events, inner)
                .into_iter()
                .for_each(|c| push_inline(out, c)),
        },
        Event::End(_) => {}
    }
}

/// The URL a link or image of `link_type` to `dest` gets, percent-encoded; `None` when it may
/// not be used ([`safe_url`]). An email autolink's destination is the bare address, which a
/// browser would read as a relative path: it gets its `mailto:`.
fn link_url(dest: &str, link_type: LinkType) -> Option<String> {
    let dest = match link_type {
        LinkType::Email => format!("mailto:{dest}"),
        _ => dest.to_owned(),
    };
    let encoded = percent_encode(&dest);
    // The rule is about what the editor wrote; the browser gets the encoded form. Encoding
    // never turns a refused URL into an allowed one (its `%XX` cannot spell a scheme), but
    // checking both keeps that a fact of this line rather than of `percent_encode`.
    (safe_url(&dest) && safe_url(&encoded)).then_some(encoded)
}

/// Pushes text, merging with a preceding text run: pulldown-cmark splits text at escapes and
/// references, and later passes (entity matching) want whole runs.
fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

fn push_inline(out: &mut Vec<Inline>, inline: Inline) {
    match inline {
        Inline::Text(t) => push_text(out, &t),
        other => out.push(other),
    }
}

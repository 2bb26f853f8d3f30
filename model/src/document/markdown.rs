//! Markdown → [`Document`]. The only module that imports pulldown-cmark.
//!
//! Everything CommonMark defines is kept, plus GFM tables and strikethrough. The one deliberate
//! difference from a browser-facing Markdown renderer: raw HTML becomes [`Inline::RawHtml`] /
//! [`Block::RawHtml`], which the UI shows as text. Links and images whose URL is not http,
//! https, mailto or relative lose their link but keep their text.

use std::iter::Peekable;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag};

use super::{Align, Block, Document, Inline};

/// Parses a Markdown body (front matter already removed) into a [`Document`].
///
/// Markdown has no syntax errors, so this cannot fail: any input is some document.
pub fn parse(markdown: &str) -> Document {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events = Parser::new_ext(markdown, options).peekable();
    let mut numbering = 0;
    let blocks = blocks_until_end(&mut events, &mut numbering);
    Document { blocks }
}

/// Whether `url` may become a link or image source: `http:`, `https:`, `mailto:`, or no scheme
/// at all (a relative URL). Anything else — `javascript:`, `data:`, `vbscript:`, `file:`,
/// unknown schemes — is refused, however it is spelled: the scheme is read the way a browser
/// reads it, after dropping the control characters and white space a browser ignores.
pub fn safe_url(url: &str) -> bool {
    // Browsers strip leading/trailing C0 controls and spaces, and remove tabs and newlines
    // anywhere in the URL before finding the scheme.
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match scheme(&cleaned) {
        None => true,
        Some(s) => ["http", "https", "mailto"]
            .iter()
            .any(|ok| s.eq_ignore_ascii_case(ok)),
    }
}

/// The part before the first `:` when that colon comes before any `/`, `?` or `#`, else `None`
/// (a relative reference). A colon-prefix that is not scheme-shaped (`:x`, `ä:x`) is returned
/// too, so that anything odd is refused rather than guessed about.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    (url.as_bytes()[end] == b':').then(|| &url[..end])
}

type Events<'a> = Peekable<Parser<'a>>;

/// Reads blocks until the end event of the enclosing container (or the end of input).
/// Inline events that appear directly in a container (tight list items) become
/// [`Block::Plain`].
fn blocks_until_end(events: &mut Events<'_>, numbering: &mut u32) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut loose = Vec::new();
    while let Some(event) = events.next() {
        let block = match event {
            Event::End(_) => break,
            Event::Start(tag) if is_block(&tag) => block(tag, events, numbering),
            Event::Rule => Some(Block::Rule),
            Event::Html(html) => Some(Block::RawHtml(html.into_string())),
            other => {
                inline_event(other, events, &mut loose);
                None
            }
        };
        if let Some(block) = block {
            if !loose.is_empty() {
                blocks.push(Block::Plain(std::mem::take(&mut loose)));
            }
            blocks.push(block);
        }
    }
    if !loose.is_empty() {
        blocks.push(Block::Plain(loose));
    }
    blocks
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

fn block(tag: Tag<'_>, events: &mut Events<'_>, numbering: &mut u32) -> Option<Block> {
    Some(match tag {
        Tag::Paragraph => {
            *numbering += 1;
            let number = *numbering;
            Block::Paragraph {
                number,
                inlines: inlines_until_end(events),
            }
        }
        Tag::Heading { level, .. } => Block::Heading {
            level: level as u8,
            inlines: inlines_until_end(events),
        },
        Tag::BlockQuote(_) => Block::BlockQuote(blocks_until_end(events, numbering)),
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
                    Event::Start(Tag::Item) => items.push(blocks_until_end(events, numbering)),
                    Event::End(_) => break,
                    // pulldown-cmark puts nothing else directly in a list; be lenient anyway.
                    _ => {}
                }
            }
            Block::List { start, items }
        }
        Tag::Table(aligns) => table(aligns, events),
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
            let inner = blocks_until_end(events, numbering);
            return match inner.len() {
                0 => None,
                1 => inner.into_iter().next(),
                _ => Some(Block::BlockQuote(inner)),
            };
        }
    })
}

fn table(aligns: Vec<Alignment>, events: &mut Events<'_>) -> Block {
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
            Event::Start(Tag::TableHead) => head = cells_until_end(events),
            Event::Start(Tag::TableRow) => rows.push(cells_until_end(events)),
            Event::End(_) => break,
            _ => {}
        }
    }
    Block::Table { aligns, head, rows }
}

fn cells_until_end(events: &mut Events<'_>) -> Vec<Vec<Inline>> {
    let mut cells = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => cells.push(inlines_until_end(events)),
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

/// Reads inline content up to the end event of the enclosing tag.
fn inlines_until_end(events: &mut Events<'_>) -> Vec<Inline> {
    let mut out = Vec::new();
    while let Some(event) = events.next() {
        if let Event::End(_) = event {
            break;
        }
        inline_event(event, events, &mut out);
    }
    out
}

/// Turns one inline-level event (reading further events for containers) into inlines.
fn inline_event(event: Event<'_>, events: &mut Events<'_>, out: &mut Vec<Inline>) {
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
            Tag::Emphasis => out.push(Inline::Emphasis(inlines_until_end(events))),
            Tag::Strong => out.push(Inline::Strong(inlines_until_end(events))),
            Tag::Strikethrough => out.push(Inline::Strikethrough(inlines_until_end(events))),
            Tag::Link {
                dest_url, title, ..
            } => {
                let children = inlines_until_end(events);
                // Explicit entity annotation: `[text](entity:id)`, `[text](entity:-)`.
                if let Some(id) = dest_url.strip_prefix("entity:") {
                    out.push(match id {
                        "-" => Inline::NoEntity(children),
                        id => Inline::EntityRef {
                            id: id.to_owned(),
                            children,
                        },
                    });
                } else if safe_url(&dest_url) {
                    out.push(Inline::Link {
                        dest: dest_url.into_string(),
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
                let alt = super::plain_text(&inlines_until_end(events));
                if safe_url(&dest_url) {
                    out.push(Inline::Image {
                        src: dest_url.into_string(),
                        title: title.into_string(),
                        alt,
                    });
                } else {
                    push_text(out, &alt);
                }
            }
            // Any other tag inside inline content: keep its content.
            _ => inlines_until_end(events)
                .into_iter()
                .for_each(|c| push_inline(out, c)),
        },
        Event::End(_) => {}
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_urls() {
        for ok in [
            "https://example.org/a",
            "HTTP://x",
            "mailto:press@sud.kz",
            "/kk/",
            "../a.png",
            "#p-2",
            "?q=1",
            "a/b:c",
            "",
        ] {
            assert!(safe_url(ok), "{ok:?} should be allowed");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "entity:kazakhstan",
            ":nothing",
        ] {
            assert!(!safe_url(bad), "{bad:?} should be refused");
        }
    }
}

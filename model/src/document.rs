//! courtview's own document model: what an article body is, independent of Markdown and HTML.
//!
//! [`markdown::parse`] builds it; the UI renders it. Keeping an owned, comparable model between
//! the two is what lets us test parsing natively, add passes such as entity annotation, and
//! render without ever handing HTML strings to the browser.

pub mod markdown;
pub mod url;

use std::ops::Range;

use crate::entities::EntityType;

/// An article body: a sequence of blocks in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// The top-level blocks.
    pub blocks: Vec<Block>,
}

/// A block-level element.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// A paragraph. `number` counts paragraphs from 1 in reading order across the whole
    /// document (nested ones included); it becomes the `id="p-<n>"` that aligns languages.
    Paragraph {
        /// The paragraph's number, from 1.
        number: u32,
        /// Its content.
        inlines: Vec<Inline>,
    },
    /// Inline content that is not a paragraph of its own: the text of a tight list item.
    Plain(Vec<Inline>),
    /// A heading of level 1 to 6.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its content.
        inlines: Vec<Inline>,
    },
    /// A block quote.
    BlockQuote(Vec<Block>),
    /// A bulleted (`start: None`) or numbered list.
    List {
        /// The first number of an ordered list; `None` for a bulleted one.
        start: Option<u64>,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// Preformatted code.
    CodeBlock {
        /// The info string's first word (the language), possibly empty.
        lang: String,
        /// The code, verbatim.
        text: String,
    },
    /// A thematic break (`---`).
    Rule,
    /// A GFM table.
    Table {
        /// Column alignments.
        aligns: Vec<Align>,
        /// The header row's cells.
        head: Vec<Vec<Inline>>,
        /// The body rows' cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Raw HTML an editor typed as a block: shown as text, never interpreted.
    RawHtml(String),
    /// A photo with its caption: a paragraph that held nothing but an image. Not a numbered
    /// paragraph, so adding a photo to every language keeps paragraph *n* aligned.
    Figure(Figure),
}

/// A photo: `![alt](file.jpg "caption")` alone in its paragraph.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// The source as written, percent-encoded like a link's; for an article, the name of a
    /// file in its folder ([`is_photo_name`], checked when the article is read).
    pub src: String,
    /// The alternative text (the image description's plain text); an article's may not be
    /// empty.
    pub alt: String,
    /// The caption (the image's title); empty for none.
    pub caption: Vec<Inline>,
    /// The resized files, once the site generator has made them; `None` in a document just
    /// parsed, which is then shown from `src` as written.
    pub picture: Option<Picture>,
}

/// A photo resized at build time: the same image at a few widths, in WebP and in JPEG, the
/// fallback every browser reads. The lists are kept as the `srcset` text the page writes, so
/// that the browser's app only copies strings.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Picture {
    /// The largest file's width in pixels: the `<img>`'s `width`, which with `height`
    /// reserves the box before the file arrives.
    pub width: u32,
    /// The largest file's height in pixels.
    pub height: u32,
    /// The `<img>`'s `src`, for a browser that ignores `srcset`: the JPEG closest to 960
    /// pixels wide, what a phone or a laptop would pick anyway.
    pub src: String,
    /// The WebP files, narrowest first, as a `srcset`: `URL 480w, URL 960w`.
    pub webp: String,
    /// The JPEG files, the same way.
    pub jpeg: String,
}

impl Picture {
    /// A picture of the files `(url, width)` in WebP and in JPEG (the same widths, narrowest
    /// first), the largest `width` × `height` pixels.
    pub fn new(width: u32, height: u32, webp: &[(String, u32)], jpeg: &[(String, u32)]) -> Picture {
        let srcset = |files: &[(String, u32)]| {
            let list: Vec<String> = files.iter().map(|(u, w)| format!("{u} {w}w")).collect();
            list.join(", ")
        };
        let src = jpeg
            .iter()
            .min_by_key(|(_, w)| w.abs_diff(960))
            .map_or_else(String::new, |(u, _)| u.clone());
        Picture {
            width,
            height,
            src,
            webp: srcset(webp),
            jpeg: srcset(jpeg),
        }
    }
}

/// Whether `src` names a photo file in an article's own folder: a plain file name of ASCII
/// letters, digits, `.`, `_` and `-`, not starting with a dot, ending in `.jpg`, `.jpeg` or
/// `.png` (any case). No slash, so no other folder, no scheme and no host can be named.
pub fn is_photo_name(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    let ext_ok = [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|e| lower.len() > e.len() && lower.ends_with(e));
    ext_ok
        && !src.starts_with('.')
        && src
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A table column's alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Align {
    /// No alignment given.
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Inline {
    /// Text, with escapes and character references already resolved.
    Text(String),
    /// Inline code, verbatim.
    Code(String),
    /// `*emphasis*`
    Emphasis(Vec<Inline>),
    /// `**strong**`
    Strong(Vec<Inline>),
    /// `~~strikethrough~~`
    Strikethrough(Vec<Inline>),
    /// A link whose destination passed [`markdown::safe_url`].
    Link {
        /// The destination as written (character references resolved), `mailto:` added to an
        /// email autolink, then percent-encoded ([`markdown::percent_encode`]).
        dest: String,
        /// The optional title.
        title: String,
        /// The link text.
        children: Vec<Inline>,
    },
    /// An image whose source passed [`markdown::safe_url`].
    Image {
        /// The source URL, percent-encoded like a link's.
        src: String,
        /// The optional title.
        title: String,
        /// The alternative text (the image description's plain text).
        alt: String,
    },
    /// A line break inside a paragraph that the browser treats as a space.
    SoftBreak,
    /// A forced line break.
    HardBreak,
    /// Raw inline HTML an editor typed: shown as text, never interpreted.
    RawHtml(String),
    /// A mention of a known entity: found by the matcher, or marked by the editor.
    Entity {
        /// The entity's id in the knowledge base (for an unlisted date, its ISO form).
        id: String,
        /// The entity's type.
        kind: EntityType,
        /// The mention's text, exactly as the article has it.
        children: Vec<Inline>,
    },
    /// `[text](entity:id)` as written, before the id is looked up in the knowledge base.
    EntityRef {
        /// The id the editor named.
        id: String,
        /// The text.
        children: Vec<Inline>,
    },
    /// `[text](entity:-)`: text the matcher must leave alone.
    NoEntity(Vec<Inline>),
}

impl Inline {
    /// Appends the text a reader sees in this inline to `out` (breaks become spaces).
    pub fn push_plain_text(&self, out: &mut String) {
        match self {
            Inline::Text(t) | Inline::Code(t) | Inline::RawHtml(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                c.iter().for_each(|i| i.push_plain_text(out))
            }
            Inline::Link { children, .. }
            | Inline::Entity { children, .. }
            | Inline::EntityRef { children, .. }
            | Inline::NoEntity(children) => children.iter().for_each(|i| i.push_plain_text(out)),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}

/// The plain text of a run of inlines.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    inlines.iter().for_each(|i| i.push_plain_text(&mut out));
    out
}

impl Block {
    /// Appends the text a reader sees in this block to `out`, blocks separated by newlines.
    pub fn push_plain_text(&self, out: &mut String) {
        let sep = |out: &mut String| {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        };
        match self {
            Block::Paragraph { inlines, .. }
            | Block::Plain(inlines)
            | Block::Heading { inlines, .. } => {
                sep(out);
                inlines.iter().for_each(|i| i.push_plain_text(out));
            }
            Block::BlockQuote(blocks) => blocks.iter().for_each(|b| b.push_plain_text(out)),
            Block::List { items, .. } => {
                items.iter().flatten().for_each(|b| b.push_plain_text(out))
            }
            Block::CodeBlock { text, .. } | Block::RawHtml(text) => {
                sep(out);
                out.push_str(text);
            }
            Block::Rule => {}
            Block::Figure(figure) => {
                sep(out);
                figure.caption.iter().for_each(|i| i.push_plain_text(out));
            }
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    sep(out);
                    cell.iter().for_each(|i| i.push_plain_text(out));
                }
            }
        }
    }
}

impl Document {
    /// Everything a reader sees, as plain text.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.blocks.iter().for_each(|b| b.push_plain_text(&mut out));
        out
    }

    /// How many numbered paragraphs the document has.
    pub fn paragraph_count(&self) -> u32 {
        fn count(blocks: &[Block]) -> u32 {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph { .. } => 1,
                    Block::BlockQuote(inner) => count(inner),
                    Block::List { items, .. } => items.iter().map(|i| count(i)).sum(),
                    _ => 0,
                })
                .sum()
        }
        count(&self.blocks)
    }

    /// The first paragraph's inlines, if the document has one: the lead shown in article lists.
    pub fn first_paragraph(&self) -> Option<&[Inline]> {
        self.blocks.iter().find_map(|b| match b {
            Block::Paragraph { inlines, .. } => Some(inlines.as_slice()),
            _ => None,
        })
    }

    /// How many words a reader reads: whitespace-separated runs of the plain text.
    pub fn word_count(&self) -> usize {
        self.plain_text().split_whitespace().count()
    }
}

/// The first numbered paragraph in `block` or inside it, if any.
fn first_paragraph_number(block: &Block) -> Option<u32> {
    match block {
        Block::Paragraph { number, .. } => Some(*number),
        Block::BlockQuote(inner) => inner.iter().find_map(first_paragraph_number),
        Block::List { items, .. } => items.iter().flatten().find_map(first_paragraph_number),
        _ => None,
    }
}

/// The document's top-level blocks cut into sections, each keyed by the number of the first
/// paragraph it holds: a section starts at a block with a numbered paragraph and runs over
/// the blocks that have none (a heading, a rule, a table) up to the next. What comes before
/// the first paragraph is section 0.
fn sections(blocks: &[Block]) -> Vec<(u32, Range<usize>)> {
    let mut out: Vec<(u32, Range<usize>)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match (first_paragraph_number(block), out.last_mut()) {
            (None, Some(last)) => last.1.end = i + 1,
            (number, _) => out.push((number.unwrap_or(0), i..i + 1)),
        }
    }
    out
}

/// Two translations' top-level blocks side by side: pairs of ranges of `a`'s and `b`'s
/// blocks, in reading order, where paragraph *n* of one is in the same pair as paragraph *n*
/// of the other (paragraphs align across languages). A section only one of them has is
/// paired with an empty range, so nothing is ever left out.
pub fn align(a: &Document, b: &Document) -> Vec<(Range<usize>, Range<usize>)> {
    let (mut a, mut b) = (
        sections(&a.blocks).into_iter().peekable(),
        sections(&b.blocks).into_iter().peekable(),
    );
    let mut out = Vec::new();
    loop {
        let pair = match (a.peek(), b.peek()) {
            (None, None) => return out,
            (Some(x), Some(y)) if x.0 == y.0 => (a.next(), b.next()),
            (Some(x), Some(y)) if x.0 > y.0 => (None, b.next()),
            (Some(_), _) => (a.next(), None),
            (None, _) => (None, b.next()),
        };
        out.push((pair.0.map_or(0..0, |s| s.1), pair.1.map_or(0..0, |s| s.1)));
    }
}

/// One entity mention, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionInfo {
    /// The entity's id.
    pub id: String,
    /// Its type.
    pub kind: EntityType,
    /// The number of the paragraph it is in; 0 outside numbered paragraphs.
    pub paragraph: u32,
}

impl Document {
    /// Every entity mention, in reading order: mention `k` here is the `k`-th `<mark>`.
    pub fn mentions(&self) -> Vec<MentionInfo> {
        fn inlines(v: &[Inline], paragraph: u32, out: &mut Vec<MentionInfo>) {
            for i in v {
                match i {
                    Inline::Entity { id, kind, .. } => out.push(MentionInfo {
                        id: id.clone(),
                        kind: *kind,
                        paragraph,
                    }),
                    Inline::Emphasis(c)
                    | Inline::Strong(c)
                    | Inline::Strikethrough(c)
                    | Inline::NoEntity(c)
                    | Inline::Link { children: c, .. }
                    | Inline::EntityRef { children: c, .. } => inlines(c, paragraph, out),
                    _ => {}
                }
            }
        }
        fn blocks(v: &[Block], out: &mut Vec<MentionInfo>) {
            for b in v {
                match b {
                    Block::Paragraph { number, inlines: i } => inlines(i, *number, out),
                    Block::Plain(i) | Block::Heading { inlines: i, .. } => inlines(i, 0, out),
                    Block::BlockQuote(inner) => blocks(inner, out),
                    Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                    Block::Table { head, rows, .. } => head
                        .iter()
                        .chain(rows.iter().flatten())
                        .for_each(|c| inlines(c, 0, out)),
                    Block::CodeBlock { .. }
                    | Block::Rule
                    | Block::RawHtml(_)
                    | Block::Figure(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        blocks(&self.blocks, &mut out);
        out
    }

    /// Every photo, in reading order, with the number of paragraphs read before it: its place,
    /// which must be the same in every language (`courtview check`).
    pub fn figures(&self) -> Vec<(u32, &Figure)> {
        fn walk<'a>(blocks: &'a [Block], seen: &mut u32, out: &mut Vec<(u32, &'a Figure)>) {
            for b in blocks {
                match b {
                    Block::Paragraph { number, .. } => *seen = *number,
                    Block::Figure(f) => out.push((*seen, f)),
                    Block::BlockQuote(inner) => walk(inner, seen, out),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, seen, out)),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut 0, &mut out);
        out
    }

    /// Every photo, in reading order, to change in place (the site generator fills in each
    /// one's [`Picture`]).
    pub fn figures_mut(&mut self) -> Vec<&mut Figure> {
        fn walk<'a>(blocks: &'a mut [Block], out: &mut Vec<&'a mut Figure>) {
            for b in blocks {
                match b {
                    Block::Figure(f) => out.push(f),
                    Block::BlockQuote(inner) => walk(inner, out),
                    Block::List { items, .. } => items.iter_mut().for_each(|i| walk(i, out)),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&mut self.blocks, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::markdown::parse;
    use super::*;

    #[test]
    fn translations_align_paragraph_by_paragraph() {
        // A heading before the first paragraph, a rule and a heading after paragraphs, a list
        // whose paragraphs are numbered inside it.
        let a =
            parse("# T\n\nOne.\n\n---\n\n## H\n\nTwo.\n\n- x\n\n  Three.\n\n  Four.\n\nFive.\n");
        let b =
            parse("# T\n\nEin.\n\n---\n\n## H\n\nZwei.\n\n- x\n\n  Drei.\n\n  Vier.\n\nFünf.\n");
        let pairs = align(&a, &b);
        assert_eq!(pairs.len(), 5, "{pairs:?}");
        assert!(pairs.iter().all(|(x, y)| x == y));
        assert_eq!(pairs[0].0, 0..1);
        assert_eq!(pairs[1].0, 1..4);
        // Every block of each, once, in order.
        let covered: Vec<usize> = pairs.iter().flat_map(|p| p.0.clone()).collect();
        assert_eq!(covered, (0..a.blocks.len()).collect::<Vec<_>>());
    }

    #[test]
    fn a_section_only_one_side_has_is_kept_alone() {
        let a = parse("One.\n\nTwo.\n\nThree.\n");
        let b = parse("## Lead\n\nEins.\n\nZwei.\n");
        assert_eq!(
            align(&a, &b),
            [(0..0, 0..1), (0..1, 1..2), (1..2, 2..3), (2..3, 0..0)]
        );
        assert_eq!(align(&a, &Document::default()).len(), 3);
        assert!(align(&Document::default(), &Document::default()).is_empty());
    }
}

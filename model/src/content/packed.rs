//! A compact byte form of a [`Catalog`]: the app's build script parses the shipped articles
//! natively and embeds them in this form, so the browser decodes documents instead of parsing
//! Markdown and pulldown-cmark is not in the WebAssembly. [`encode`] and [`decode`] are exact
//! inverses (tested over every shipped article and the Markdown fixtures).
//!
//! The format: unsigned LEB128 numbers; a string is its byte length then its UTF-8 bytes; a
//! list is its length then its items; an optional value is 0 (none) or 1 then the value; each
//! enum variant is one tag byte followed by its fields in declaration order.
//!
//! [`decode`] refuses lists nested deeper than [`MAX_DEPTH`], so that bytes it is handed
//! cannot make it (or whatever walks the result) recurse without bound. Parsed documents nest
//! far less (see [`crate::document::markdown::MAX_NESTING`]).

use super::{Article, ArticleMeta, Catalog, Date, Entry};
use crate::document::{Align, Block, Document, Inline};
use crate::entities::EntityType;
use crate::error::ContentError;
use crate::lang::Lang;

/// How deeply block and inline lists may nest in bytes [`decode`] accepts.
pub const MAX_DEPTH: u32 = 4 * crate::document::markdown::MAX_NESTING;

/// The catalog in packed form.
pub fn encode(catalog: &Catalog) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.len(catalog.entries().len());
    for entry in catalog.entries() {
        w.str(&entry.slug);
        for lang in Lang::ALL {
            match entry.version(lang) {
                None => w.u(0),
                Some(Ok(article)) => {
                    w.u(1);
                    w.article(article);
                }
                Some(Err(error)) => {
                    w.u(2);
                    w.error(error);
                }
            }
        }
    }
    w.0
}

/// The catalog `bytes` encodes, in the order it was encoded; `None` when `bytes` is not
/// something [`encode`] wrote (truncated, or a tag or string that makes no sense).
pub fn decode(bytes: &[u8]) -> Option<Catalog> {
    let mut r = Reader {
        bytes,
        at: 0,
        depth: 0,
    };
    let n = r.len()?;
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        let slug = r.str()?;
        let mut versions: [Option<Result<Article, ContentError>>; 3] = [None, None, None];
        for version in &mut versions {
            *version = match r.u()? {
                0 => None,
                1 => Some(Ok(r.article()?)),
                2 => Some(Err(r.error()?)),
                _ => return None,
            };
        }
        entries.push(Entry { slug, versions });
    }
    (r.at == bytes.len()).then_some(Catalog { entries })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn len(&mut self, n: usize) {
        self.u(n as u64);
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u(0),
            Some(s) => {
                self.u(1);
                self.str(s);
            }
        }
    }
    fn opt_u(&mut self, n: Option<u64>) {
        match n {
            None => self.u(0),
            Some(n) => {
                self.u(1);
                self.u(n);
            }
        }
    }
    fn lang(&mut self, lang: Lang) {
        self.len(lang.index());
    }
    fn article(&mut self, a: &Article) {
        self.str(&a.slug);
        self.lang(a.lang);
        let m = &a.meta;
        self.str(&m.title);
        self.u(m.date.year.into());
        self.u(m.date.month.into());
        self.u(m.date.day.into());
        self.opt_str(m.lede.as_deref());
        self.opt_str(m.source.as_deref());
        self.len(m.tags.len());
        m.tags.iter().for_each(|t| self.str(t));
        self.blocks(&a.document.blocks);
    }
    fn error(&mut self, e: &ContentError) {
        self.str(&e.path);
        self.opt_u(e.line.map(|l| l as u64));
        self.str(&e.slug);
        self.opt_u(e.lang.map(|l| l.index() as u64));
        self.str(&e.message);
    }
    fn blocks(&mut self, blocks: &[Block]) {
        self.len(blocks.len());
        for b in blocks {
            match b {
                Block::Paragraph { number, inlines } => {
                    self.u(0);
                    self.u((*number).into());
                    self.inlines(inlines);
                }
                Block::Plain(v) => {
                    self.u(1);
                    self.inlines(v);
                }
                Block::Heading { level, inlines } => {
                    self.u(2);
                    self.u((*level).into());
                    self.inlines(inlines);
                }
                Block::BlockQuote(v) => {
                    self.u(3);
                    self.blocks(v);
                }
                Block::List { start, items } => {
                    self.u(4);
                    self.opt_u(*start);
                    self.len(items.len());
                    items.iter().for_each(|i| self.blocks(i));
                }
                Block::CodeBlock { lang, text } => {
                    self.u(5);
                    self.str(lang);
                    self.str(text);
                }
                Block::Rule => self.u(6),
                Block::Table { aligns, head, rows } => {
                    self.u(7);
                    self.len(aligns.len());
                    for a in aligns {
                        self.u(*a as u64);
                    }
                    self.len(head.len());
                    head.iter().for_each(|c| self.inlines(c));
                    self.len(rows.len());
                    for row in rows {
                        self.len(row.len());
                        row.iter().for_each(|c| self.inlines(c));
                    }
                }
                Block::RawHtml(s) => {
                    self.u(8);
                    self.str(s);
                }
            }
        }
    }
    fn inlines(&mut self, inlines: &[Inline]) {
        self.len(inlines.len());
        for i in inlines {
            match i {
                Inline::Text(s) => {
                    self.u(0);
                    self.str(s);
                }
                Inline::Code(s) => {
                    self.u(1);
                    self.str(s);
                }
                Inline::Emphasis(v) => {
                    self.u(2);
                    self.inlines(v);
                }
                Inline::Strong(v) => {
                    self.u(3);
                    self.inlines(v);
                }
                Inline::Strikethrough(v) => {
                    self.u(4);
                    self.inlines(v);
                }
                Inline::Link {
                    dest,
                    title,
                    children,
                } => {
                    self.u(5);
                    self.str(dest);
                    self.str(title);
                    self.inlines(children);
                }
                Inline::Image { src, title, alt } => {
                    self.u(6);
                    self.str(src);
                    self.str(title);
                    self.str(alt);
                }
                Inline::SoftBreak => self.u(7),
                Inline::HardBreak => self.u(8),
                Inline::RawHtml(s) => {
                    self.u(9);
                    self.str(s);
                }
                Inline::Entity { id, kind, children } => {
                    self.u(10);
                    self.str(id);
                    self.str(kind.tag());
                    self.inlines(children);
                }
                Inline::EntityRef { id, children } => {
                    self.u(11);
                    self.str(id);
                    self.inlines(children);
                }
                Inline::NoEntity(v) => {
                    self.u(12);
                    self.inlines(v);
                }
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// How many block or inline lists enclose the one being read.
    depth: u32,
}

impl Reader<'_> {
    fn u(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u()?).ok()?;
        // No list or string is longer than what is left: refuses absurd lengths early.
        (n <= self.bytes.len() - self.at).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).ok()?;
        self.at += n;
        Some(s.to_owned())
    }
    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u()? {
            0 => Some(None),
            1 => f(self).map(Some),
            _ => None,
        }
    }
    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        (0..n).map(|_| f(self)).collect()
    }
    fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.u()?).ok()
    }
    fn lang(&mut self) -> Option<Lang> {
        Lang::ALL.get(self.len()?).copied()
    }
    fn article(&mut self) -> Option<Article> {
        let slug = self.str()?;
        let lang = self.lang()?;
        let title = self.str()?;
        let date = Date {
            year: self.small()?,
            month: self.small()?,
            day: self.small()?,
        };
        let lede = self.opt(Self::str)?;
        let source = self.opt(Self::str)?;
        let tags = self.list(Self::str)?;
        let blocks = self.blocks()?;
        Some(Article {
            slug,
            lang,
            meta: ArticleMeta {
                title,
                date,
                lede,
                source,
                tags,
            },
            document: Document { blocks },
        })
    }
    fn error(&mut self) -> Option<ContentError> {
        Some(ContentError {
            path: self.str()?,
            line: self.opt(Self::small)?,
            slug: self.str()?,
            lang: self.opt(Self::lang)?,
            message: self.str()?,
        })
    }
    /// Runs `f` one nesting level deeper; `None` past [`MAX_DEPTH`].
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let value = f(self);
        self.depth -= 1;
        value
    }
    fn blocks(&mut self) -> Option<Vec<Block>> {
        self.nested(Self::blocks_here)
    }
    fn blocks_here(&mut self) -> Option<Vec<Block>> {
        self.list(|r| {
            Some(match r.u()? {
                0 => Block::Paragraph {
                    number: r.small()?,
                    inlines: r.inlines()?,
                },
                1 => Block::Plain(r.inlines()?),
                2 => Block::Heading {
                    level: r.small()?,
                    inlines: r.inlines()?,
                },
                3 => Block::BlockQuote(r.blocks()?),
                4 => Block::List {
                    start: r.opt(Self::u)?,
                    items: r.list(Self::blocks)?,
                },
                5 => Block::CodeBlock {
                    lang: r.str()?,
                    text: r.str()?,
                },
                6 => Block::Rule,
                7 => Block::Table {
                    aligns: r.list(|r| {
                        Some(match r.u()? {
                            0 => Align::None,
                            1 => Align::Left,
                            2 => Align::Center,
                            3 => Align::Right,
                            _ => return None,
                        })
                    })?,
                    head: r.list(Self::inlines)?,
                    rows: r.list(|r| r.list(Self::inlines))?,
                },
                8 => Block::RawHtml(r.str()?),
                _ => return None,
            })
        })
    }
    fn inlines(&mut self) -> Option<Vec<Inline>> {
        self.nested(Self::inlines_here)
    }
    fn inlines_here(&mut self) -> Option<Vec<Inline>> {
        self.list(|r| {
            Some(match r.u()? {
                0 => Inline::Text(r.str()?),
                1 => Inline::Code(r.str()?),
                2 => Inline::Emphasis(r.inlines()?),
                3 => Inline::Strong(r.inlines()?),
                4 => Inline::Strikethrough(r.inlines()?),
                5 => Inline::Link {
                    dest: r.str()?,
                    title: r.str()?,
                    children: r.inlines()?,
                },
                6 => Inline::Image {
                    src: r.str()?,
                    title: r.str()?,
                    alt: r.str()?,
                },
                7 => Inline::SoftBreak,
                8 => Inline::HardBreak,
                9 => Inline::RawHtml(r.str()?),
                10 => Inline::Entity {
                    id: r.str()?,
                    kind: EntityType::from_tag(&r.str()?)?,
                    children: r.inlines()?,
                },
                11 => Inline::EntityRef {
                    id: r.str()?,
                    children: r.inlines()?,
                },
                12 => Inline::NoEntity(r.inlines()?),
                _ => return None,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalog_round_trips() {
        let catalog = Catalog::shipped();
        let bytes = encode(catalog);
        let back = decode(&bytes).expect("decodes");
        assert_eq!(back.entries().len(), catalog.entries().len());
        for (a, b) in catalog.entries().iter().zip(back.entries()) {
            assert_eq!(a.slug, b.slug);
            for lang in Lang::ALL {
                assert_eq!(a.version(lang), b.version(lang));
            }
        }
    }

    #[test]
    fn every_variant_and_errors_round_trip() {
        let text = "# H\n\n> q\n\n1. a\n2. *b* **c** ~~d~~ `e`\n\n```rs\nx\n```\n\n---\n\n| a | b |\n|:-|-:|\n| [l](https://x \"t\") | ![i](p.png) |\n\nline  \nbreak <b>raw</b>\n\n<div>x</div>\n\n[K](entity:kazakhstan) [n](entity:-)\n";
        // Sources are 'static, as the embedded ones are.
        let source: &'static str =
            format!("---\ntitle: T\ndate: 2025-01-02\ntags: [a, b]\n---\n{text}").leak();
        let broken = "---\ntitle: T\n---\nbody";
        let catalog = Catalog::from_sources(&[
            ("s", "kk", "s/kk.md", source),
            ("s", "ru", "s/ru.md", broken),
        ]);
        let back = decode(&encode(&catalog)).expect("decodes");
        let (a, b) = (&catalog.entries()[0], &back.entries()[0]);
        for lang in Lang::ALL {
            assert_eq!(a.version(lang), b.version(lang));
        }
        assert!(matches!(b.version(Lang::Ru), Some(Err(_))));
        let mut doc = match a.version(Lang::Kk) {
            Some(Ok(article)) => article.clone(),
            _ => panic!("the Kazakh version parses"),
        };
        doc.document = crate::entities::annotate::annotate(&doc.document, Lang::Kk, 2025);
        assert!(!doc.document.mentions().is_empty());
    }

    #[test]
    fn garbage_is_refused_not_a_panic() {
        let bytes = encode(Catalog::shipped());
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_none() || cut == 0 && bytes.is_empty());
        }
        assert!(decode(&[0xff; 12]).is_none());
        assert!(decode(&[1, 200, 1]).is_none());
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        // One entry, slug "s": a Kazakh article "s" (title "", 2025-01-01, no lede, source or
        // tags) whose body is a block quote in a block quote in… `depth` deep; no ru, no en.
        let nested = |depth: usize| {
            let mut bytes = vec![1, 1, b's', 1, 1, b's', 0, 0, 0xe9, 0x0f, 1, 1, 0, 0, 0];
            for _ in 0..depth {
                bytes.extend([1, 3]);
            }
            bytes.extend([0, 0, 0]);
            bytes
        };
        let shallow = decode(&nested(10)).expect("10 levels decode");
        assert!(matches!(
            shallow.entries()[0].version(Lang::Kk),
            Some(Ok(_))
        ));
        assert!(decode(&nested(MAX_DEPTH as usize)).is_none());
        assert!(decode(&nested(100_000)).is_none());
    }
}

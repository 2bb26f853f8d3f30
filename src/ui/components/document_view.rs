//! Renders a [`Document`] as HTML elements. Never `inner_html`: every node is built from the
//! model, so text is always text. With a translation [`Beside`] it, the two are rendered in
//! pairs of sections, paragraph *n* beside paragraph *n* ([`align`]); the stylesheet lays the
//! pairs out as rows of two columns, or one under the other on phones.

use std::rc::Rc;

use yew::prelude::*;

use crate::document::url::is_external;
use crate::document::{Align, Block, Document, Figure, Inline, align};
use crate::entities::EntityType;
use crate::i18n;
use crate::lang::Lang;
use crate::locale::Locale;
use crate::markup::{mention_id, paragraph_id};
use crate::script::Script;
use crate::ui::dom;

/// Props for [`DocumentView`].
#[derive(Properties, PartialEq, Clone)]
pub struct DocumentViewProps {
    /// The body to render.
    pub document: Rc<Document>,
    /// The body's language: the `lang` of the `<article>`.
    pub lang: Lang,
    /// The script the body is written in (the caller transliterates it,
    /// [`crate::script::document_to_latin`]): `kk-Latn` for Latin Kazakh.
    #[prop_or_default]
    pub script: Script,
    /// Whether entity mentions are highlighted.
    #[prop_or(true)]
    pub highlight: bool,
    /// Entity types not highlighted.
    #[prop_or_default]
    pub hidden: Vec<EntityType>,
    /// The mention (by reading-order index) whose card is open.
    #[prop_or_default]
    pub current: Option<usize>,
    /// Called with a mention's index when it is hovered, focused or tapped.
    #[prop_or_default]
    pub onmention: Option<Callback<usize>>,
    /// A paragraph to mark as the reader's target (the embed's `p=<n>`).
    #[prop_or_default]
    pub target: Option<u32>,
    /// Rendered in the embed view, inside a partner's page: an image from another origin
    /// becomes a link to it (the embed loads nothing from elsewhere), and every link opens a
    /// new tab instead of taking the partner's frame away from the article.
    #[prop_or_default]
    pub embedded: bool,
    /// A link at the end of each numbered paragraph, to itself (`#p-<n>`): a plain link
    /// without the app; with it, a click calls this with the paragraph's number instead (the
    /// article page copies the paragraph's address).
    #[prop_or_default]
    pub paragraph_links: Option<ParagraphLinks>,
    /// A translation shown beside the body, paragraph by paragraph (`?with=`).
    #[prop_or_default]
    pub beside: Option<Beside>,
}

/// A translation shown beside the body. Its highlights follow the body's; its paragraphs and
/// mentions carry their language in their ids (`en-p-3`, `en-m-0`), so that the body's own
/// stay unique and are the ones links and the reader's place refer to.
#[derive(Clone, PartialEq)]
pub struct Beside {
    /// The translation, in the body's script.
    pub document: Rc<Document>,
    /// Its language.
    pub lang: Lang,
    /// Its mention (by reading-order index) that matches the open card's.
    pub current: Option<usize>,
    /// Called with one of its mentions' index when it is hovered, focused or tapped.
    pub onmention: Callback<usize>,
}

/// What a paragraph's link needs: the interface's locale (its accessible name) and what a
/// click does.
#[derive(Clone, PartialEq)]
pub struct ParagraphLinks {
    /// The interface's language and script.
    pub ui: Locale,
    /// Called with the paragraph's number on a plain click.
    pub onclick: Callback<u32>,
}

/// An article body: `<article class="cv-prose" lang="…">` with numbered paragraphs and
/// `<mark class="entity">` mentions.
#[component]
pub fn DocumentView(props: &DocumentViewProps) -> Html {
    // The pairs of sections side by side, once per pair of documents, not on every render (a
    // hover re-renders the view). The documents are shared: comparing them is a pointer test.
    let pairs = use_memo(
        (
            props.document.clone(),
            props.beside.as_ref().map(|b| b.document.clone()),
        ),
        |(own, theirs)| theirs.as_ref().map(|t| align(own, t)).unwrap_or_default(),
    );
    let blocks = &props.document.blocks;
    let mut ctx = Ctx {
        props,
        next: 0,
        beside: None,
    };
    // Hidden types and "highlighting off" are classes on the article: the marks stay, so the
    // text and the mention numbering never change; only their look does.
    let mut classes = classes!("cv-prose");
    if !props.highlight {
        classes.push("cv-hl-off");
    }
    for kind in &props.hidden {
        classes.push(format!("cv-hide-{}", kind.tag()));
    }
    let children: Html = match &props.beside {
        None => blocks
            .iter()
            .enumerate()
            .map(|(index, block)| render_block(block, Some(index), &mut ctx))
            .collect(),
        Some(beside) => {
            classes.push("cv-prose--with");
            let lang = Locale::new(beside.lang, props.script).tag();
            let mut other = Ctx {
                props,
                next: 0,
                beside: Some(beside),
            };
            pairs
                .iter()
                .cloned()
                .map(|(own, theirs)| {
                    let own: Html = own
                        .map(|i| render_block(&blocks[i], Some(i), &mut ctx))
                        .collect();
                    let theirs: Html = theirs
                        .map(|i| render_block(&beside.document.blocks[i], Some(i), &mut other))
                        .collect();
                    html! {
                        <div class="cv-pair">
                            <div class="cv-pair__own">{ own }</div>
                            <div class="cv-pair__with" {lang}>{ theirs }</div>
                        </div>
                    }
                })
                .collect()
        }
    };
    html! {
        <article class={classes} lang={Locale::new(props.lang, props.script).tag()}>
            { children }
        </article>
    }
}

/// Rendering state threaded through the recursion: the props, the next mention's index, and
/// for the translation beside the body, that translation.
struct Ctx<'a> {
    props: &'a DocumentViewProps,
    next: usize,
    beside: Option<&'a Beside>,
}

impl Ctx<'_> {
    /// An id as the body has it, or prefixed with the translation's language beside it.
    fn id(&self, id: String) -> String {
        match self.beside {
            Some(beside) => format!("{}-{id}", beside.lang.tag()),
            None => id,
        }
    }
}

/// Renders `block`; `top` is its index when it is a top-level block (the first screen's).
fn render_block(block: &Block, top: Option<usize>, ctx: &mut Ctx<'_>) -> Html {
    let is_first = top == Some(0);
    match block {
        Block::Paragraph { number, inlines } => {
            // The article's opening paragraph is its lead (standfirst), set larger like in print.
            let own = ctx.beside.is_none();
            let class = classes!(
                (is_first && *number == 1).then_some("cv-lead"),
                (own && ctx.props.target == Some(*number)).then_some("cv-p--target")
            );
            // The translation's paragraphs have no link: the body's is the paragraph's address.
            let links = ctx.props.paragraph_links.as_ref().filter(|_| own);
            let link = links.map(|links| {
                let (n, onclick) = (*number, links.onclick.clone());
                let onclick = Callback::from(move |e: MouseEvent| {
                    // A new tab or window gets the plain link.
                    if dom::page::is_plain_click(&e) {
                        e.prevent_default();
                        onclick.emit(n);
                    }
                });
                // Empty: the paragraph's text stays exactly the article's; the mark is drawn
                // by the stylesheet and the name is the label.
                html! {
                    <a class="cv-plink" href={format!("#{}", paragraph_id(n))}
                        aria-label={links.ui.write(i18n::paragraph_link_label(n, links.ui.lang))}
                        data-testid="paragraph-link" {onclick}></a>
                }
            });
            html! {
                <p id={ctx.id(paragraph_id(*number))} {class}>
                    { render_inlines(inlines, ctx) }{ link.unwrap_or_default() }
                </p>
            }
        }
        Block::Plain(inlines) => render_inlines(inlines, ctx),
        Block::Heading { level, inlines } => {
            let tag = format!("h{}", (*level).clamp(1, 6));
            html! { <@{tag}>{ render_inlines(inlines, ctx) }</@> }
        }
        Block::BlockQuote(blocks) => {
            html! { <blockquote>{ for blocks.iter().map(|b| render_block(b, None, ctx)) }</blockquote> }
        }
        Block::List { start, items } => {
            let items = items.iter().map(|item| {
                html! { <li>{ for item.iter().map(|b| render_block(b, None, ctx)) }</li> }
            });
            match start {
                None => html! { <ul>{ for items }</ul> },
                Some(1) => html! { <ol>{ for items }</ol> },
                Some(n) => html! { <ol start={n.to_string()}>{ for items }</ol> },
            }
        }
        Block::CodeBlock { lang, text } => {
            let class = (!lang.is_empty()).then(|| format!("language-{lang}"));
            html! { <pre><code {class}>{ text.clone() }</code></pre> }
        }
        Block::Rule => html! { <hr /> },
        Block::Table { aligns, head, rows } => {
            let cell_align = |i: usize| match aligns.get(i).copied().unwrap_or(Align::None) {
                Align::None => None,
                Align::Left => Some("cv-align-left"),
                Align::Center => Some("cv-align-center"),
                Align::Right => Some("cv-align-right"),
            };
            html! {
                <div class="cv-table-wrap">
                    <table>
                        <thead><tr>
                            for (i, cell) in head.iter().enumerate() {
                                <th class={cell_align(i)}>{ render_inlines(cell, ctx) }</th>
                            }
                        </tr></thead>
                        <tbody>
                            for row in rows {
                                <tr>
                                    for (i, cell) in row.iter().enumerate() {
                                        <td class={cell_align(i)}>{ render_inlines(cell, ctx) }</td>
                                    }
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
        }
        Block::RawHtml(text) => html! { <pre class="cv-raw">{ text.clone() }</pre> },
        // A photo in the first two blocks is on the first screen: loaded at once. Any later
        // one waits until the reader scrolls near it.
        Block::Figure(figure) => render_figure(figure, top.is_some_and(|i| i < 2), ctx),
    }
}

/// The column a photo fills: the whole width of a phone, the article column (43rem) on a wider
/// screen; the browser picks the file from `srcset` by it.
const PHOTO_SIZES: &str = "(min-width: 46rem) 43rem, 100vw";

/// A photo: `<figure>` with a `<picture>` (WebP, and JPEG for the rest) whose `width` and
/// `height` reserve its box before the file arrives, and its caption. Not resized
/// (`courtview render`), it is the file as the editor named it.
fn render_figure(figure: &Figure, eager: bool, ctx: &mut Ctx<'_>) -> Html {
    let p = figure.picture.as_ref();
    html! {
        <figure class="cv-figure">
            <picture>
                if let Some(p) = p {
                    <source type="image/webp" srcset={p.webp.clone()} sizes={PHOTO_SIZES} />
                }
                <img src={p.map_or(&figure.src, |p| &p.src).clone()}
                    srcset={p.map(|p| p.jpeg.clone())} sizes={p.map(|_| PHOTO_SIZES)}
                    width={p.map(|p| p.width.to_string())} height={p.map(|p| p.height.to_string())}
                    alt={figure.alt.clone()} loading={if eager { "eager" } else { "lazy" }}
                    decoding="async" />
            </picture>
            if !figure.caption.is_empty() {
                <figcaption>{ render_inlines(&figure.caption, ctx) }</figcaption>
            }
        </figure>
    }
}

fn render_inlines(inlines: &[Inline], ctx: &mut Ctx<'_>) -> Html {
    inlines.iter().map(|i| render_inline(i, ctx)).collect()
}

fn render_inline(inline: &Inline, ctx: &mut Ctx<'_>) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Code(text) => html! { <code>{ text.clone() }</code> },
        Inline::Emphasis(c) => html! { <em>{ render_inlines(c, ctx) }</em> },
        Inline::Strong(c) => html! { <strong>{ render_inlines(c, ctx) }</strong> },
        Inline::Strikethrough(c) => html! { <del>{ render_inlines(c, ctx) }</del> },
        Inline::Link {
            dest,
            title,
            children,
        } => {
            let title = (!title.is_empty()).then(|| title.clone());
            // Links that leave the site must not hand the new page a handle on this one. The
            // URL is read as the browser reads it (`/\\host` and ` //host` leave the site too).
            // In the embed view every link opens a new tab, out of the partner's frame.
            let external = is_external(dest);
            let embedded = ctx.props.embedded;
            let rel = match (external, embedded) {
                (true, _) => Some("noopener noreferrer"),
                (false, true) => Some("noopener"),
                (false, false) => None,
            };
            let target = embedded.then_some("_blank");
            html! { <a href={dest.clone()} {title} {rel} {target}>{ render_inlines(children, ctx) }</a> }
        }
        Inline::Image { src, title, alt } => {
            let title = (!title.is_empty()).then(|| title.clone());
            if ctx.props.embedded && is_external(src) {
                let text = if alt.is_empty() {
                    src.clone()
                } else {
                    alt.clone()
                };
                return html! {
                    <a href={src.clone()} {title} rel="noopener noreferrer" target="_blank">{ text }</a>
                };
            }
            html! { <img src={src.clone()} alt={alt.clone()} {title} loading="lazy" /> }
        }
        // A soft break is a space in the rendered text; keep the newline so copy-paste and
        // `courtview render` show the editor's line.
        Inline::SoftBreak => html! { "\n" },
        Inline::HardBreak => html! { <br /> },
        Inline::RawHtml(text) => html! { <span class="cv-raw">{ text.clone() }</span> },
        Inline::Entity { id, kind, children } => {
            let index = ctx.next;
            ctx.next += 1;
            let props = ctx.props;
            let shown = props.highlight && !props.hidden.contains(kind);
            let (current, onmention) = match ctx.beside {
                Some(beside) => (beside.current, Some(&beside.onmention)),
                None => (props.current, props.onmention.as_ref()),
            };
            let current = current == Some(index);
            let class = classes!("entity", current.then_some("is-current"));
            // Only a highlighted mention is a control; a hidden one is plain text to the reader.
            let tabindex = shown.then_some("0");
            let open = onmention.map(|cb| cb.reform(move |_: ()| index));
            let onmouseenter = open.clone().map(|cb| cb.reform(|_: MouseEvent| ()));
            let onclick = open.clone().map(|cb| cb.reform(|_: MouseEvent| ()));
            let onfocus = open.map(|cb| cb.reform(|_: FocusEvent| ()));
            html! {
                <mark {class} data-entity={id.clone()} data-type={kind.tag()}
                    id={ctx.id(mention_id(index))} {tabindex} {onmouseenter} {onclick} {onfocus}>
                    { render_inlines(children, ctx) }
                </mark>
            }
        }
        Inline::EntityRef { children, .. } | Inline::NoEntity(children) => {
            render_inlines(children, ctx)
        }
    }
}

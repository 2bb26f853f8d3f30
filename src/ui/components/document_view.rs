//! Renders a [`Document`] as HTML elements. Never `inner_html`: every node is built from the
//! model, so text is always text.

use std::rc::Rc;

use yew::prelude::*;

use crate::document::{Align, Block, Document, Inline};
use crate::lang::Lang;

/// Props for [`DocumentView`].
#[derive(Properties, PartialEq, Clone)]
pub struct DocumentViewProps {
    /// The body to render.
    pub document: Rc<Document>,
    /// The body's language: the `lang` of the `<article>`.
    pub lang: Lang,
}

/// An article body: `<article class="cv-prose" lang="…">` with numbered paragraphs.
#[component]
pub fn DocumentView(props: &DocumentViewProps) -> Html {
    let blocks = &props.document.blocks;
    html! {
        <article class="cv-prose" lang={props.lang.tag()}>
            for (index, block) in blocks.iter().enumerate() {
                { render_block(block, index == 0) }
            }
        </article>
    }
}

fn render_block(block: &Block, is_first: bool) -> Html {
    match block {
        Block::Paragraph { number, inlines } => {
            // The article's opening paragraph is its lead (standfirst), set larger like in print.
            let class = (is_first && *number == 1).then_some("cv-lead");
            html! { <p id={format!("p-{number}")} {class}>{ render_inlines(inlines) }</p> }
        }
        Block::Plain(inlines) => render_inlines(inlines),
        Block::Heading { level, inlines } => {
            let tag = format!("h{}", (*level).clamp(1, 6));
            html! { <@{tag}>{ render_inlines(inlines) }</@> }
        }
        Block::BlockQuote(blocks) => {
            html! { <blockquote>{ for blocks.iter().map(|b| render_block(b, false)) }</blockquote> }
        }
        Block::List { start, items } => {
            let items = items.iter().map(|item| {
                html! { <li>{ for item.iter().map(|b| render_block(b, false)) }</li> }
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
                                <th class={cell_align(i)}>{ render_inlines(cell) }</th>
                            }
                        </tr></thead>
                        <tbody>
                            for row in rows {
                                <tr>
                                    for (i, cell) in row.iter().enumerate() {
                                        <td class={cell_align(i)}>{ render_inlines(cell) }</td>
                                    }
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
        }
        Block::RawHtml(text) => html! { <pre class="cv-raw">{ text.clone() }</pre> },
    }
}

fn render_inlines(inlines: &[Inline]) -> Html {
    html! { for inline in inlines { { render_inline(inline) } } }
}

fn render_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Code(text) => html! { <code>{ text.clone() }</code> },
        Inline::Emphasis(c) => html! { <em>{ render_inlines(c) }</em> },
        Inline::Strong(c) => html! { <strong>{ render_inlines(c) }</strong> },
        Inline::Strikethrough(c) => html! { <del>{ render_inlines(c) }</del> },
        Inline::Link {
            dest,
            title,
            children,
        } => {
            let title = (!title.is_empty()).then(|| title.clone());
            // Links that leave the site must not hand the new page a handle on this one.
            let external = is_absolute(dest);
            let rel = external.then_some("noopener noreferrer");
            html! { <a href={dest.clone()} {title} {rel}>{ render_inlines(children) }</a> }
        }
        Inline::Image { src, title, alt } => {
            let title = (!title.is_empty()).then(|| title.clone());
            html! { <img src={src.clone()} alt={alt.clone()} {title} loading="lazy" /> }
        }
        // A soft break is a space in the rendered text; keep the newline so copy-paste and
        // `courtview render` show the editor's line.
        Inline::SoftBreak => html! { "\n" },
        Inline::HardBreak => html! { <br /> },
        Inline::RawHtml(text) => html! { <span class="cv-raw">{ text.clone() }</span> },
    }
}

fn is_absolute(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

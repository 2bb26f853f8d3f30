//! `/<lang>/<slug>/`: one article; also the body of the embed view (`/embed/<lang>/<slug>/`),
//! where it leaves out the breadcrumb and the embed button and stores nothing. With `?with=`,
//! the same article in a second language beside it, paragraph by paragraph.

use std::rc::Rc;

use yew::prelude::*;

use super::not_found::NotFoundPage;
use crate::content::page_data::PageData;
use crate::document::{Document, MentionInfo};
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::Locale;
use crate::route::{Listing, Route};
use crate::script::{Script, document_to_latin};
use crate::store;
use crate::ui::components::article_meta::article_meta;
use crate::ui::components::document_view::{Beside, DocumentView, ParagraphLinks};
use crate::ui::components::embed_dialog::EmbedDialog;
use crate::ui::components::entity_card::{EntityCard, focus_of, locate};
use crate::ui::components::entity_legend::EntityLegend;
use crate::ui::components::page_link::PageLink;
use crate::ui::dom;
use crate::ui::nav::use_nav;
use crate::ui::state::{Action, Reader, use_embed_options, use_locale, use_reader};

/// What a mention of `mentions` does when hovered, focused or tapped: opens its entity's card,
/// if its type is highlighted.
fn open_card(reader: &Reader, mentions: Rc<Vec<MentionInfo>>) -> Callback<usize> {
    let reader = reader.clone();
    Callback::from(move |index: usize| {
        let shown = mentions.get(index).is_some_and(|m| reader.shows(m.kind));
        if let (true, Some(focus)) = (shown, focus_of(&mentions, index)) {
            reader.dispatch(Action::Open(focus));
        }
    })
}

/// A body's language, the body as shown, and its mentions.
type Body = (Lang, Rc<Document>, Rc<Vec<MentionInfo>>);

/// Props for [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The language asked for.
    pub lang: Lang,
    /// The article's slug.
    pub slug: AttrValue,
}

/// An article in the language asked for, or in the nearest one with a notice; the not-found
/// page for an unknown slug; an error panel naming the file and line for a broken file.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let lang = props.lang;
    let embed = use_embed_options();
    let embedded = embed.is_some();
    let route = Route::Article {
        lang,
        slug: props.slug.to_string(),
    };
    // The embed view holds its data under its own route (see crate::store).
    let route = if embedded {
        Route::Embed {
            lang,
            slug: props.slug.to_string(),
        }
    } else {
        route
    };
    let data = store::get(&route);
    let article_data = match data.as_deref() {
        Some(PageData::Article(data)) => Some(data),
        _ => None,
    };
    let resolved = article_data.map(|d| &d.version);
    let address = article_data.map_or_else(String::new, |d| d.address.clone());
    let tag_slugs = article_data.map_or(&[][..], |d| d.tag_slugs.as_slice());
    // The interface in the language asked for; the article's own text in its language (the
    // nearest one, when the one asked for is missing), both in the script shown.
    let ui = use_locale(lang);
    let title = match &resolved {
        Some(Ok(article)) => Locale::new(article.lang, ui.script)
            .write(article.meta.title.as_str())
            .into_owned(),
        Some(Err(_)) => ui.text(Msg::ContentErrorHeading).into_owned(),
        None => ui.text(Msg::NotFoundHeading).into_owned(),
    };
    // The language beside (`?with=`), never the page's own. The address's language is set
    // once its data is in the store, or could not be had (crate::ui::nav).
    let with = use_nav().with.filter(|&w| w != lang);
    let with_data = with.and_then(|w| store::get(&route.with_lang(w)));
    // The open card's entity, from the article's data (a card opens only for an entity the
    // article's own text names: see `card_focus`).
    let card_of = |id: &str| article_data.and_then(|d| d.card(id)).cloned();
    // The body and its mentions (which the site generator marked) are taken once per article,
    // language and script shown, not on every render. In Latin the body is transliterated
    // node by node: its mentions and paragraphs are the same, so highlights, the open card
    // and the reader's paragraph carry over.
    // The translation beside it has a memo of its own, so that choosing one keeps the body's.
    let shown = {
        let data = data.clone();
        use_memo(
            (props.slug.clone(), lang, ui.script),
            move |(_, _, script)| body(data.as_deref(), *script, None),
        )
    };
    let shown_beside = {
        let with_data = with_data.clone();
        use_memo(
            (props.slug.clone(), ui.script, with, with_data.is_some()),
            // Only the translation asked for, not the fallback a missing one gives.
            move |(_, script, with, _)| body(with_data.as_deref(), *script, *with),
        )
    };
    let reader = use_reader();
    // What the last copy or share said, announced and shown for a few seconds; the counter
    // keeps an older message's timer from hiding a newer one.
    let status = use_state(|| None::<Msg>);
    let said = use_mut_ref(|| 0_u32);
    // In the embed, `p=<n>` marks the paragraph to open at (the full site uses `#p-<n>`).
    let target = embed.as_ref().and_then(|o| o.paragraph);
    use_effect_with((ui.tag(), title.clone()), |(tag, title)| {
        dom::page::set_lang_and_title(tag, &i18n::page_title(title));
    });
    use_effect_with((lang, props.slug.clone()), move |(lang, _)| {
        if embedded {
            dom::scroll::after_embed_navigation(target);
        } else {
            dom::storage::save_lang(*lang);
            dom::scroll::after_navigation();
        }
    });

    let article = match resolved {
        None => return html! { <NotFoundPage {lang} {embedded} /> },
        Some(Err(error)) => {
            return html! {
                <div class="cv-error" role="alert">
                    <h1 class="cv-page-title">{ ui.text(Msg::ContentErrorHeading) }</h1>
                    <p>{ ui.text(Msg::ContentErrorText) }</p>
                    <pre>{ error.to_string() }</pre>
                </div>
            };
        }
        Some(Ok(article)) => article,
    };
    let own = Locale::new(article.lang, ui.script);
    let Some((_, document, mentions)) = (*shown).clone() else {
        return Html::default();
    };
    let beside = (*shown_beside).clone();
    let current = reader.focus.as_ref().and_then(|f| locate(&mentions, f));
    // The translation beside, unless it is the language the article is shown in (a fallback,
    // which is no failure: nothing is said). Asked for but not to be had (the article lacks
    // that language, or it could not be fetched), it is said so.
    let unavailable = with.is_some_and(|w| w != article.lang) && beside.is_none();
    let beside = beside.filter(|b| b.0 != article.lang);
    let beside = beside.map(|(lang, document, theirs)| Beside {
        current: reader.focus.as_ref().and_then(|f| locate(&theirs, f)),
        onmention: open_card(&reader, theirs),
        document,
        lang,
    });
    let onmention = open_card(&reader, mentions.clone());
    let say = {
        let status = status.clone();
        move |msg: Msg| {
            let turn = {
                let mut said = said.borrow_mut();
                *said += 1;
                *said
            };
            status.set(Some(msg));
            let (status, said) = (status.clone(), said.clone());
            dom::timing::after(4000, move || {
                if *said.borrow() == turn {
                    status.set(None);
                }
            });
        }
    };
    // Copies a link to the clipboard and says how that went.
    let copy_link = move |url: String| {
        let say = say.clone();
        dom::clipboard::copy_text(url, move |outcome| {
            say(match outcome {
                dom::clipboard::CopyOutcome::Copied => Msg::LinkCopied,
                _ => Msg::LinkCopyFailed,
            })
        });
    };
    // A paragraph's link copies its address on the full site (the page's canonical address,
    // which the data carries: also right in the embed view).
    let paragraph_links = {
        let (address, copy_link) = (address.clone(), copy_link.clone());
        ParagraphLinks {
            ui,
            onclick: Callback::from(move |n: u32| {
                copy_link(format!("{address}#{}", crate::markup::paragraph_id(n)))
            }),
        }
    };
    // The system's share sheet, else the link copied.
    let share = {
        let (address, title) = (address.clone(), title.clone());
        Callback::from(move |_: MouseEvent| {
            let (url, copy_link) = (address.clone(), copy_link.clone());
            dom::clipboard::share(title.clone(), address.clone(), move |shared| {
                if !shared {
                    copy_link(url);
                }
            });
        })
    };
    let (highlight, hidden) = (reader.highlight, reader.hidden.clone());
    let card_focus = reader.focus.clone().filter(|_| current.is_some());
    html! {
        <div class="cv-article-page">
            if !embedded {
                <nav class="cv-breadcrumb" aria-label={ui.text(Msg::Breadcrumb)}>
                    <PageLink to={Route::list(lang)}>{ "← " }{ ui.text(Msg::AllNews) }</PageLink>
                </nav>
            }
            if article.lang != lang {
                <p class="cv-notice" role="status" data-testid="fallback-notice">
                    { ui.write(i18n::fallback_notice(lang, article.lang)) }
                </p>
            }
            <header class="cv-article-head" lang={own.tag()}>
                <h1 class="cv-title">{ title.clone() }</h1>
                { article_meta(article.meta.date, article.reading_minutes(), ui) }
            </header>
            if !embedded {
                <EmbedDialog {lang} slug={props.slug.clone()} mentions={mentions.clone()}
                    paragraphs={article.document.paragraph_count()}>
                    if !address.is_empty() {
                        <button type="button" class="cv-embed-button cv-share-button"
                            data-testid="share-button" onclick={share}>
                            <span class="cv-embed-button__icon" aria-hidden="true">{ "↗" }</span>
                            { ui.text(Msg::Share) }
                        </button>
                    }
                </EmbedDialog>
            }
            <EntityLegend {lang} mentions={mentions.clone()} />
            if unavailable {
                <p class="cv-notice" role="status" data-testid="with-notice">
                    { ui.text(Msg::WithUnavailable) }
                </p>
            }
            <DocumentView {document} lang={article.lang} script={ui.script} {highlight} {hidden} {current} {onmention}
                {target} {embedded} {beside}
                paragraph_links={(!address.is_empty()).then_some(paragraph_links)} />
            <footer class="cv-article-foot" lang={own.tag()}>
                if let Some(source) = &article.meta.source {
                    <p class="cv-source">
                        <span class="cv-source__label">{ ui.text(Msg::SourceLabel) }</span>
                        { " " }{ own.write(source.as_str()).into_owned() }
                    </p>
                }
                // Shown only on paper (main.css, @media print), where the page's address is
                // otherwise lost; from the page's data, so the prerender and the app agree.
                if !address.is_empty() {
                    <p class="cv-print-address" data-testid="print-address">{ address }</p>
                }
                if !article.meta.tags.is_empty() {
                    <ul class="cv-tags" aria-label={ui.text(Msg::TagsLabel)}>
                        for (i, tag) in article.meta.tags.iter().enumerate() {
                            <li class="cv-tag">{ tag_link(tag, tag_slugs.get(i).cloned().flatten(), lang, own, embedded) }</li>
                        }
                    </ul>
                }
            </footer>
            if let Some(focus) = card_focus {
                <EntityCard {lang} {mentions} card={card_of(&focus.id)} {focus} {current} />
            }
            <p class="cv-toast" role="status" data-testid="link-status">
                // Nothing at all while silent: an empty text node would be one more node than
                // the prerendered page has.
                if let Some(msg) = *status {
                    { ui.text(msg) }
                }
            </p>
        </div>
    }
}

/// An article's body as shown, in `script`, with its mentions, and its language; `None` for a
/// page with no article, or when it is not in `only` (a fallback in place of a missing one).
fn body(data: Option<&PageData>, script: Script, only: Option<Lang>) -> Option<Body> {
    let Some(PageData::Article(data)) = data else {
        return None;
    };
    let a = data.version.as_ref().ok()?;
    if only.is_some_and(|only| only != a.lang) {
        return None;
    }
    let document = if Locale::new(a.lang, script).is_latin() {
        document_to_latin(&a.document)
    } else {
        a.document.clone()
    };
    Some((a.lang, Rc::new(document), Rc::new(a.document.mentions())))
}

/// A tag, as a link to the list of its articles on the full site (none in the embed view, which
/// sends the reader nowhere but the article's own page).
/// The tag's text is the article's, in `own`'s script; its list's address is `slug`, the tag
/// as written in its URL form (from the data file).
fn tag_link(tag: &str, slug: Option<String>, lang: Lang, own: Locale, embedded: bool) -> Html {
    let text = own.write(tag).into_owned();
    match slug {
        Some(slug) if !embedded => html! {
            <PageLink to={Route::List { lang, listing: Listing::Tag(slug), page: 1 }}
                classes="cv-tag__link">
                { text }
            </PageLink>
        },
        _ => html! { { text } },
    }
}

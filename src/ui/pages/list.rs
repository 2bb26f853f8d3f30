//! A page of an article list: `/<lang>/` and its pages, a year's, a tag's, an entity's (its
//! card above the articles that name it). Newest first, 20 a page, with links to the other
//! pages and to each year.

use yew::prelude::*;

use crate::content::page_data::{ListData, ListItem, ListKind, PageData, page_window};
use crate::entities::record;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::{Listing, Route};
use crate::store;
use crate::ui::components::article_meta::article_meta;
use crate::ui::components::page_link::PageLink;
use crate::ui::dom;

/// Props for [`ListPage`].
#[derive(Properties, PartialEq)]
pub struct ListPageProps {
    /// The list's language.
    pub lang: Lang,
    /// Which articles.
    pub listing: Listing,
    /// The page, from 1.
    pub page: u32,
}

/// The page of the list the route names, from its data file.
#[component]
pub fn ListPage(props: &ListPageProps) -> Html {
    let lang = props.lang;
    let route = Route::List {
        lang,
        listing: props.listing.clone(),
        page: props.page,
    };
    let data = store::get(&route);
    let list = match data.as_deref() {
        Some(PageData::List(list)) => Some(list),
        _ => None,
    };
    let title = list.map_or_else(
        || Msg::NewsHeading.text(lang).to_owned(),
        |l| i18n::list_title(&l.kind, l.page, lang),
    );
    use_effect_with(route.clone(), move |_| {
        dom::storage::save_lang(lang);
        dom::page::set_lang_and_title(lang, &i18n::page_title(&title));
        dom::scroll::after_navigation();
    });
    let Some(list) = list else {
        // The shell reloads a page whose data it lacks; this is only ever seen for a moment.
        return Html::default();
    };
    let cards = list.items.iter().map(|item| card(item, lang));
    let empty = match list.kind {
        ListKind::Entity { .. } => Msg::NoArticlesNameIt,
        _ => Msg::NoArticles,
    };
    html! {
        <section class="cv-list-page" data-testid="article-list">
            if let ListKind::Entity { id } = &list.kind {
                { entity_header(id, lang) }
            } else {
                <h1 class="cv-page-title">{ i18n::list_heading(&list.kind, lang) }</h1>
            }
            if list.items.is_empty() {
                <p class="cv-empty">{ empty.text(lang) }</p>
            } else {
                <ol class="cv-cards">{ for cards }</ol>
            }
            { pagination(list, &route, lang) }
            { years(list, lang) }
        </section>
    }
}

/// One article of the list.
fn card(item: &ListItem, lang: Lang) -> Html {
    let to = Route::Article {
        lang,
        slug: item.slug.clone(),
    };
    html! {
        <li class="cv-card" data-testid="article-card">
            <article class="cv-card__inner" lang={item.lang.tag()}>
                <h2 class="cv-card__title">
                    <PageLink {to}>{ item.title.clone() }</PageLink>
                </h2>
                { article_meta(item.date, item.minutes, lang) }
                if let Some(lead) = &item.lead {
                    <p class="cv-card__lead">{ lead.clone() }</p>
                }
                if let Some(n) = item.mentions {
                    <p class="cv-card__mentions" data-testid="mention-count" lang={lang.tag()}>
                        { i18n::mention_count(n as usize, lang) }
                    </p>
                }
            </article>
        </li>
    }
}

/// An entity's page opens with its card: type, name, description, official site, and the way
/// back to every entity.
fn entity_header(id: &str, lang: Lang) -> Html {
    let entity = record(id);
    let kind = entity.map(|e| format!("cv-type-{}", e.kind.tag()));
    html! {
        <header class={classes!("cv-entity-page", kind)} data-testid="entity-page"
            data-entity={id.to_owned()}>
            <p class="cv-entity-page__up">
                <PageLink to={Route::Entities { lang }}>{ Msg::EntitiesHeading.text(lang) }</PageLink>
            </p>
            if let Some(entity) = entity {
                <p class="cv-entity-page__type">
                    { i18n::type_name(entity.kind, false, lang) }
                </p>
            }
            <h1 class="cv-page-title">{ i18n::entity_name(id, lang) }</h1>
            if let Some(entity) = entity {
                <p class="cv-entity-page__desc">{ entity.description[lang.index()] }</p>
                if let Some(url) = entity.url {
                    <p class="cv-entity-page__link">
                        <a href={url} rel="noopener noreferrer">{ Msg::OfficialSite.text(lang) }</a>
                    </p>
                }
            }
        </header>
    }
}

/// Previous, the page numbers, next; nothing for a list of one page.
fn pagination(list: &ListData, route: &Route, lang: Lang) -> Html {
    if list.pages <= 1 {
        return Html::default();
    }
    let Route::List { listing, .. } = route else {
        return Html::default();
    };
    let at = |page: u32| Route::List {
        lang,
        listing: listing.clone(),
        page,
    };
    let numbers = page_window(list.page, list.pages)
        .into_iter()
        .map(|n| match n {
            Some(n) if n == list.page => html! {
                <li><span class="cv-pages__current" aria-current="page">{ n }</span></li>
            },
            Some(n) => html! {
                <li>
                    <PageLink to={at(n)} classes="cv-pages__link">
                        <span class="cv-visually-hidden">{ i18n::page_number(n, lang) }</span>
                        <span aria-hidden="true">{ n }</span>
                    </PageLink>
                </li>
            },
            None => html! { <li class="cv-pages__gap" aria-hidden="true">{ "…" }</li> },
        });
    html! {
        <nav class="cv-pages" aria-label={Msg::Pagination.text(lang)} data-testid="pagination">
            if list.page > 1 {
                <PageLink to={at(list.page - 1)} classes="cv-pages__step" rel="prev">
                    { "← " }{ Msg::PreviousPage.text(lang) }
                </PageLink>
            }
            <ol class="cv-pages__list">{ for numbers }</ol>
            if list.page < list.pages {
                <PageLink to={at(list.page + 1)} classes="cv-pages__step cv-pages__step--next"
                    rel="next">
                    { Msg::NextPage.text(lang) }{ " →" }
                </PageLink>
            }
        </nav>
    }
}

/// Links to each year's list, the one shown marked.
fn years(list: &ListData, lang: Lang) -> Html {
    if list.years.is_empty() {
        return Html::default();
    }
    let shown = match list.kind {
        ListKind::Year(year) => Some(year),
        _ => None,
    };
    html! {
        <nav class="cv-years" aria-labelledby="cv-years-heading">
            <h2 class="cv-years__heading" id="cv-years-heading">{ Msg::ArchiveByYear.text(lang) }</h2>
            <ul class="cv-years__list">
                for year in list.years.iter().copied() {
                    <li>
                        if shown == Some(year) {
                            <span class="cv-years__current" aria-current="page">{ year }</span>
                        } else {
                            <PageLink to={Route::List { lang, listing: Listing::Year(year), page: 1 }}>
                                { year }
                            </PageLink>
                        }
                    </li>
                }
            </ul>
        </nav>
    }
}

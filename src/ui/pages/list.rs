//! A page of an article list: `/<lang>/` and its pages, a year's, a tag's, an entity's (its
//! card above the articles that name it). Newest first, 20 a page, with links to the other
//! pages and to each year.

use yew::prelude::*;

use crate::content::page_data::{Card, ListData, ListItem, ListKind, PageData, page_window};
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::Locale;
use crate::route::{Listing, Route};
use crate::store;
use crate::ui::components::article_meta::article_meta;
use crate::ui::components::page_link::PageLink;
use crate::ui::dom;
use crate::ui::state::use_locale;

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
    let ui = use_locale(lang);
    let data = store::get(&route);
    let list = match data.as_deref() {
        Some(PageData::List(list)) => Some(list),
        _ => None,
    };
    let title: String = list.map_or_else(
        || Msg::NewsHeading.text(lang).to_owned(),
        |l| i18n::list_title(&l.kind, l.page, lang),
    );
    let title = ui.write(title).into_owned();
    use_effect_with((ui.tag(), title), |(tag, title)| {
        dom::page::set_lang_and_title(tag, &i18n::page_title(title));
    });
    use_effect_with(route.clone(), move |_| {
        dom::storage::save_lang(lang);
        dom::scroll::after_navigation();
    });
    let Some(list) = list else {
        // The shell reloads a page whose data it lacks; this is only ever seen for a moment.
        return Html::default();
    };
    let cards = list.items.iter().map(|item| card(item, ui));
    let empty = match list.kind {
        ListKind::Entity { .. } => Msg::NoArticlesNameIt,
        _ => Msg::NoArticles,
    };
    html! {
        <section class="cv-list-page" data-testid="article-list">
            if let ListKind::Entity { card } = &list.kind {
                { entity_header(card, ui) }
            } else {
                <h1 class="cv-page-title">{ ui.write(i18n::list_heading(&list.kind, lang)) }</h1>
            }
            if list.items.is_empty() {
                <p class="cv-empty">{ ui.text(empty) }</p>
            } else {
                <ol class="cv-cards">{ for cards }</ol>
            }
            { pagination(list, &route, ui) }
            { years(list, ui) }
        </section>
    }
}

/// One article of the list: its title and lead in the article's language (the nearest one
/// to `ui`'s, when that is missing), the rest in `ui`'s.
fn card(item: &ListItem, ui: Locale) -> Html {
    let lang = ui.lang;
    let own = Locale::new(item.lang, ui.script);
    let to = Route::Article {
        lang,
        slug: item.slug.clone(),
    };
    html! {
        <li class="cv-card" data-testid="article-card">
            <article class="cv-card__inner" lang={own.tag()}>
                <h2 class="cv-card__title">
                    <PageLink {to}>{ own.write(item.title.as_str()).into_owned() }</PageLink>
                </h2>
                { article_meta(item.date, item.minutes, ui) }
                if let Some(lead) = &item.lead {
                    <p class="cv-card__lead">{ own.write(lead.as_str()).into_owned() }</p>
                }
                if let Some(n) = item.mentions {
                    <p class="cv-card__mentions" data-testid="mention-count" lang={ui.tag()}>
                        { ui.write(i18n::mention_count(n as usize, lang)) }
                    </p>
                }
            </article>
        </li>
    }
}

/// An entity's page opens with its card: type, name, description, official site, and the way
/// back to every entity.
fn entity_header(card: &Card, ui: Locale) -> Html {
    let lang = ui.lang;
    let named = &card.named;
    html! {
        <header class={classes!("cv-entity-page", format!("cv-type-{}", named.kind.tag()))}
            data-testid="entity-page" data-entity={named.id.clone()}>
            <p class="cv-entity-page__up">
                <PageLink to={Route::Entities { lang }}>{ ui.text(Msg::EntitiesHeading) }</PageLink>
            </p>
            <p class="cv-entity-page__type">
                { ui.write(i18n::type_name(named.kind, false, lang)) }
            </p>
            <h1 class="cv-page-title">{ ui.write(named.name.as_str()).into_owned() }</h1>
            <p class="cv-entity-page__desc">{ ui.write(card.description.as_str()).into_owned() }</p>
            if let Some(url) = &card.url {
                <p class="cv-entity-page__link">
                    <a href={url.clone()} rel="noopener noreferrer">{ ui.text(Msg::OfficialSite) }</a>
                </p>
            }
        </header>
    }
}

/// Previous, the page numbers, next; nothing for a list of one page.
fn pagination(list: &ListData, route: &Route, ui: Locale) -> Html {
    let lang = ui.lang;
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
                        <span class="cv-visually-hidden">{ ui.write(i18n::page_number(n, lang)) }</span>
                        <span aria-hidden="true">{ n }</span>
                    </PageLink>
                </li>
            },
            None => html! { <li class="cv-pages__gap" aria-hidden="true">{ "…" }</li> },
        });
    html! {
        <nav class="cv-pages" aria-label={ui.text(Msg::Pagination)} data-testid="pagination">
            if list.page > 1 {
                <PageLink to={at(list.page - 1)} classes="cv-pages__step" rel="prev">
                    { "← " }{ ui.text(Msg::PreviousPage) }
                </PageLink>
            }
            <ol class="cv-pages__list">{ for numbers }</ol>
            if list.page < list.pages {
                <PageLink to={at(list.page + 1)} classes="cv-pages__step cv-pages__step--next"
                    rel="next">
                    { ui.text(Msg::NextPage) }{ " →" }
                </PageLink>
            }
        </nav>
    }
}

/// Links to each year's list, the one shown marked.
fn years(list: &ListData, ui: Locale) -> Html {
    let lang = ui.lang;
    if list.years.is_empty() {
        return Html::default();
    }
    let shown = match list.kind {
        ListKind::Year(year) => Some(year),
        _ => None,
    };
    html! {
        <nav class="cv-years" aria-labelledby="cv-years-heading">
            <h2 class="cv-years__heading" id="cv-years-heading">{ ui.text(Msg::ArchiveByYear) }</h2>
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

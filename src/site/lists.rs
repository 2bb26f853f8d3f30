//! Every page of every article list: all articles, each year's, each tag's, each entity's, in
//! each language, newest first, [`PAGE_SIZE`] a page; and the page of every entity.

use std::collections::{BTreeMap, HashMap};

use crate::content::Catalog;
use crate::content::page_data::{
    Card, EntitiesData, ListData, ListItem, ListKind, Named, PAGE_SIZE, PageData, tag_slug,
};
use crate::entities::{EntityType, records};
use crate::lang::Lang;
use crate::route::{Listing, Route};

/// The list pages of a site.
pub struct Lists {
    /// Each page's route and data.
    pub pages: Vec<(Route, PageData)>,
}

/// Every list page of `catalog`. An article is listed in every language, in that language's
/// version or else the nearest one; a broken one is left out (its own page explains the
/// error). Every list has at least one page, so `/<lang>/` exists even with no article.
pub fn lists(catalog: &Catalog) -> Lists {
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        // (item, its tags), newest first, as the catalogue is sorted; and for each entity, the
        // items of the versions that name it, with how often.
        let mut items: Vec<(ListItem, Vec<String>)> = Vec::new();
        let mut naming: HashMap<String, Vec<ListItem>> = HashMap::new();
        for entry in catalog.entries() {
            let Ok(resolved) = entry.resolve(lang) else {
                continue;
            };
            let item = ListItem::of(resolved.article);
            let mut counts: BTreeMap<String, u32> = BTreeMap::new();
            for mention in resolved.article.document.mentions() {
                *counts.entry(mention.id).or_default() += 1;
            }
            for (id, n) in counts {
                naming.entry(id).or_default().push(ListItem {
                    mentions: Some(n),
                    ..item.clone()
                });
            }
            items.push((item, resolved.article.meta.tags.clone()));
        }
        let mut years: Vec<u16> = items.iter().map(|(i, _)| i.date.year).collect();
        years.dedup();
        let all: Vec<&ListItem> = items.iter().map(|(i, _)| i).collect();
        paginate(&mut pages, lang, Listing::All, ListKind::All, &all, &years);
        for &year in &years {
            let of_year: Vec<&ListItem> = all
                .iter()
                .copied()
                .filter(|i| i.date.year == year)
                .collect();
            paginate(
                &mut pages,
                lang,
                Listing::Year(year),
                ListKind::Year(year),
                &of_year,
                &years,
            );
        }
        // Tag slug → (the tag as first written, its articles).
        let mut tags: BTreeMap<String, (String, Vec<&ListItem>)> = BTreeMap::new();
        for (item, names) in &items {
            for name in names {
                if let Some(slug) = tag_slug(name) {
                    let (_, list) = tags
                        .entry(slug)
                        .or_insert_with(|| (name.clone(), Vec::new()));
                    if list.last().is_none_or(|last| last.slug != item.slug) {
                        list.push(item);
                    }
                }
            }
        }
        for (slug, (name, tagged)) in tags {
            paginate(
                &mut pages,
                lang,
                Listing::Tag(slug),
                ListKind::Tag { name },
                &tagged,
                &years,
            );
        }
        // Every entity of the knowledge base has its page, even one no article names yet
        // (the card in an article links to it; it says there is nothing yet).
        let mut entities: Vec<(Named, u32)> = Vec::new();
        let mut known = records().to_vec();
        known.sort_by_cached_key(|r| (type_rank(r.kind), r.canonical[lang.index()].to_lowercase()));
        for record in known {
            let named: Vec<&ListItem> = naming.get(record.id).into_iter().flatten().collect();
            entities.push((Named::of(&record, lang), named.len() as u32));
            paginate(
                &mut pages,
                lang,
                Listing::Entity(record.id.to_owned()),
                ListKind::Entity {
                    card: Card::of(&record, lang),
                },
                &named,
                &years,
            );
        }
        pages.push((
            Route::Entities { lang },
            PageData::Entities(EntitiesData { entities }),
        ));
    }
    Lists { pages }
}

/// Where a type comes in the legend's order ([`EntityType::ALL`]), which the page of every
/// entity follows.
fn type_rank(kind: EntityType) -> usize {
    EntityType::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(usize::MAX)
}

/// The pages of one list.
fn paginate(
    out: &mut Vec<(Route, PageData)>,
    lang: Lang,
    listing: Listing,
    kind: ListKind,
    items: &[&ListItem],
    years: &[u16],
) {
    let pages = items.len().div_ceil(PAGE_SIZE).max(1);
    for page in 1..=pages {
        let chunk = items
            .iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(|&i| i.clone())
            .collect();
        out.push((
            Route::List {
                lang,
                listing: listing.clone(),
                page: page as u32,
            },
            PageData::List(ListData {
                kind: kind.clone(),
                page: page as u32,
                pages: pages as u32,
                items: chunk,
                years: years.to_vec(),
            }),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Article;

    /// The data of the page at `path`, if the lists have one.
    fn page_at<'a>(lists: &'a Lists, path: &str) -> Option<&'a PageData> {
        lists
            .pages
            .iter()
            .find(|(r, _)| r.path() == path)
            .map(|(_, d)| d)
    }

    fn article(date: &str, tags: &str) -> String {
        format!("---\ntitle: T {date}\ndate: {date}\ntags: [{tags}]\n---\nText.\n")
    }

    #[test]
    fn lists_paginate_by_twenty_and_group_years_and_tags() {
        let texts: Vec<(String, String)> = (0..45)
            .map(|i| {
                let year = if i < 25 { 2025 } else { 2024 };
                let slug = format!("a-{i:02}");
                let date = format!("{year}-01-{:02}", 28 - (i % 28));
                let tags = if i % 3 == 0 {
                    "Суд, Закон"
                } else {
                    "Суд"
                };
                (slug, article(&date, tags))
            })
            .collect();
        let articles = texts
            .iter()
            .map(|(slug, text)| Article::parse(text, slug, Lang::Ru, "x.md").expect("parses"));
        let catalog = Catalog::from_articles(articles);
        let lists = lists(&catalog);
        let find = |path: &str| match page_at(&lists, path) {
            Some(PageData::List(l)) => Some(l.clone()),
            _ => None,
        };
        let first = find("/ru/").unwrap();
        assert_eq!((first.page, first.pages, first.items.len()), (1, 3, 20));
        assert_eq!(first.years, [2025, 2024]);
        assert_eq!(find("/ru/page/3/").unwrap().items.len(), 5);
        assert!(find("/ru/page/4/").is_none());
        assert_eq!(find("/ru/2025/").unwrap().pages, 2);
        assert_eq!(find("/ru/2024/").unwrap().items.len(), 20);
        assert_eq!(find("/ru/tags/закон/").unwrap().items.len(), 15);
        assert_eq!(find("/ru/tags/суд/page/3/").unwrap().items.len(), 5);
        // The Kazakh and English lists show the Russian versions.
        let kk = find("/kk/").unwrap();
        assert_eq!(kk.items[0].lang, Lang::Ru);
        assert!(find("/kk/tags/суд/").is_some());
        // Newest first, on every page.
        let dates: Vec<_> = (1..=3)
            .flat_map(|p| {
                let path = if p == 1 {
                    "/ru/".to_owned()
                } else {
                    format!("/ru/page/{p}/")
                };
                find(&path).unwrap().items
            })
            .map(|i| i.date)
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn every_entity_has_a_page_listing_the_articles_that_name_it() {
        let catalog = crate::site::annotated(Catalog::shipped().clone());
        let lists = lists(&catalog);
        let find = |path: &str| page_at(&lists, path).cloned();
        for lang in Lang::ALL {
            let Some(PageData::Entities(all)) = find(&format!("/{lang}/entities/")) else {
                panic!("{lang}: no page of every entity");
            };
            assert_eq!(all.entities.len(), records().len());
            // By type, in the legend's order.
            let ranks: Vec<usize> = all
                .entities
                .iter()
                .map(|(named, _)| type_rank(named.kind))
                .collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{lang}: {ranks:?}");
            let article = &catalog.entries()[0].resolve(lang).unwrap().article;
            let mentions = article.document.mentions();
            for (named, count) in &all.entities {
                let id = &named.id;
                let Some(PageData::List(list)) = find(&format!("/{lang}/entities/{id}/")) else {
                    panic!("{lang}: no page for {id}");
                };
                let card = Card::find(id, lang).unwrap();
                assert_eq!(named, &card.named);
                assert_eq!(list.kind, ListKind::Entity { card });
                assert_eq!(list.items.len() as u32, *count, "{lang}: {id}");
                let named = mentions.iter().filter(|m| &m.id == id).count() as u32;
                match list.items.first() {
                    Some(item) => assert_eq!(item.mentions, Some(named), "{lang}: {id}"),
                    None => assert_eq!(named, 0, "{lang}: {id}"),
                }
            }
            // The shipped article names Kazakhstan in every language.
            assert!(
                all.entities
                    .iter()
                    .any(|(named, n)| named.id == "kazakhstan" && *n == 1)
            );
        }
    }

    #[test]
    fn an_empty_site_still_has_its_lists_and_entity_pages() {
        let lists = lists(&Catalog::default());
        // Per language: the list of all, each entity's page and the page of every entity.
        assert_eq!(lists.pages.len(), 3 * (2 + records().len()));
        assert!(
            lists
                .pages
                .iter()
                .all(|(r, _)| matches!(r, Route::List { page: 1, .. } | Route::Entities { .. }))
        );
    }
}

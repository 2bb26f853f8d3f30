//! Every page of every article list: all articles, each year's, each tag's, in each language,
//! newest first, [`PAGE_SIZE`] a page.

use std::collections::BTreeMap;

use crate::content::Catalog;
use crate::content::page_data::{ListData, ListItem, ListKind, PAGE_SIZE, PageData, tag_slug};
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
        // (item, its tags), newest first, as the catalogue is sorted.
        let items: Vec<(ListItem, Vec<String>)> = catalog
            .entries()
            .iter()
            .filter_map(|entry| entry.resolve(lang).ok())
            .map(|r| (ListItem::of(r.article), r.article.meta.tags.clone()))
            .collect();
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
    }
    Lists { pages }
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
        let find = |path: &str| {
            lists
                .pages
                .iter()
                .find(|(r, _)| r.path() == path)
                .map(|(_, d)| match d {
                    PageData::List(l) => l.clone(),
                    PageData::Article(_) => unreachable!(),
                })
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
    fn an_empty_site_still_has_its_lists() {
        let lists = lists(&Catalog::default());
        assert_eq!(lists.pages.len(), 3);
        assert!(
            lists
                .pages
                .iter()
                .all(|(r, _)| matches!(r, Route::List { page: 1, .. }))
        );
    }
}

//! The page data the app holds: each page's own, read before the app starts, and the same
//! page in the other languages, read in idle time afterwards (see
//! [`crate::content::page_data`]). Pages render from here synchronously, in the browser and in
//! the site generator alike, so hydration meets the tree the prerender wrote.
//!
//! Keyed by the route's path: an embed view has its own keys (`/embed/ru/x/`), though it
//! reads the same file as the article (`/ru/x/`). Pure: the browser's fetching is in
//! `ui::dom::page`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::content::page_data::PageData;
use crate::route::Route;

thread_local! {
    static PAGES: RefCell<HashMap<String, Rc<PageData>>> = RefCell::new(HashMap::new());
    static FILES: RefCell<PageFiles> = RefCell::new(PageFiles::default());
}

/// Keeps the data files the page names (the browser's start-up reads them from the page).
pub fn set_files(files: PageFiles) {
    FILES.with(|f| *f.borrow_mut() = files);
}

/// The data files the page names.
pub fn files() -> PageFiles {
    FILES.with(|f| f.borrow().clone())
}

/// The URL of the data file of `route`, if the page names one.
pub fn url_of(route: &Route) -> Option<String> {
    let path = route.path();
    FILES.with(|f| {
        f.borrow()
            .0
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, url)| url.clone())
    })
}

/// Keeps `data` as the data of `route`.
pub fn insert(route: &Route, data: PageData) {
    PAGES.with(|p| p.borrow_mut().insert(route.path(), Rc::new(data)));
}

/// The data of `route`, if it is held.
pub fn get(route: &Route) -> Option<Rc<PageData>> {
    PAGES.with(|p| p.borrow().get(&route.path()).cloned())
}

/// Whether the data of `route` is held: a page can then be shown without the network.
pub fn has(route: &Route) -> bool {
    PAGES.with(|p| p.borrow().contains_key(&route.path()))
}

/// Forgets everything (the site generator, between pages).
pub fn clear() {
    PAGES.with(|p| p.borrow_mut().clear());
}

/// The data files a page names: the route of each language's version of the page and the
/// URL of its data file, the page's own first. Written by the site generator into the page
/// as one attribute ([`crate::markup::PAGE_FILES_ATTR`], in the form [`PageFiles::to_attr`]
/// gives) and read back by the app ([`PageFiles::parse`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageFiles(pub Vec<(String, String)>);

impl PageFiles {
    /// `path url path url …`: paths and URLs hold no spaces (slugs, tags and hashes do not).
    pub fn to_attr(&self) -> String {
        self.0
            .iter()
            .map(|(path, url)| format!("{path} {url}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Reads [`PageFiles::to_attr`]'s form; pairs that are not a path and a URL are dropped.
    pub fn parse(attr: &str) -> PageFiles {
        let words: Vec<&str> = attr.split_ascii_whitespace().collect();
        PageFiles(
            words
                .chunks_exact(2)
                .filter(|pair| pair[0].starts_with('/'))
                .map(|pair| (pair[0].to_owned(), pair[1].to_owned()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::page_data::{ListData, ListKind};
    use crate::lang::Lang;

    #[test]
    fn holds_pages_by_route() {
        let route = Route::list(Lang::Ru);
        assert!(!has(&route));
        let data = PageData::List(ListData {
            kind: ListKind::All,
            page: 1,
            pages: 1,
            items: Vec::new(),
            years: Vec::new(),
        });
        insert(&route, data.clone());
        assert_eq!(get(&Route::parse("/ru")).as_deref(), Some(&data));
        clear();
        assert!(get(&route).is_none());
    }

    #[test]
    fn the_pages_files_name_their_urls() {
        set_files(PageFiles(vec![("/kk/a/".into(), "/data/1.bin".into())]));
        assert_eq!(
            url_of(&Route::parse("/kk/a")).as_deref(),
            Some("/data/1.bin")
        );
        assert_eq!(url_of(&Route::parse("/ru/a/")), None);
        assert_eq!(files().0.len(), 1);
    }

    #[test]
    fn page_files_round_trip_and_drop_junk() {
        let files = PageFiles(vec![
            ("/kk/a/".into(), "/data/0123456789abcdef.bin".into()),
            ("/ru/a/".into(), "/cv/data/fedcba9876543210.bin".into()),
        ]);
        assert_eq!(PageFiles::parse(&files.to_attr()), files);
        assert_eq!(PageFiles::parse("x y /kk/ "), PageFiles::default());
    }
}

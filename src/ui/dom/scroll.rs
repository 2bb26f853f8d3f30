//! Where the reader is in the page, and where a newly shown page puts them: at the paragraph a
//! language switch was at, else at the URL's `#fragment`, else at the top.

#[cfg(target_arch = "wasm32")]
use std::cell::Cell;

#[cfg(target_arch = "wasm32")]
use gloo::utils::{document, window};

#[cfg(target_arch = "wasm32")]
use crate::markup::{PARAGRAPH_ID_PREFIX, paragraph_id};

/// Where the reader is in an article: a paragraph and how far its top is from the viewport's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    /// The paragraph number (`id="p-<n>"`).
    pub paragraph: u32,
    /// Its top edge relative to the viewport's top, in CSS pixels.
    pub offset: f64,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The anchor a language switch wants restored once the new language has rendered.
    static PENDING: Cell<Option<Anchor>> = const { Cell::new(None) };
    /// Whether no page has been shown yet (see `after_navigation`).
    static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
}

/// The paragraph the reader is at, if an article is on screen (natively, none).
pub fn reading_anchor() -> Option<Anchor> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let selector = format!("article [id^='{PARAGRAPH_ID_PREFIX}']");
        let list = document().query_selector_all(&selector).ok()?;
        // The sticky header covers the top of the viewport: what is under it is not being read.
        let covered = document()
            .query_selector(".cv-header")
            .ok()
            .flatten()
            .map_or(0.0, |h| h.get_bounding_client_rect().bottom().max(0.0));
        let paragraphs = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
            .filter_map(|el| {
                let paragraph = el.id().strip_prefix(PARAGRAPH_ID_PREFIX)?.parse().ok()?;
                Some(Anchor {
                    paragraph,
                    offset: el.get_bounding_client_rect().top(),
                })
            });
        // The reader is at the first paragraph that starts in the visible area; if none does
        // (one long paragraph fills the screen), at the last one that started above it.
        let bottom = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX);
        let mut above = None;
        for anchor in paragraphs {
            if anchor.offset >= covered - 1.0 {
                let starts_on_screen = anchor.offset < bottom;
                return if starts_on_screen {
                    Some(anchor)
                } else {
                    above.or(Some(anchor))
                };
            }
            above = Some(anchor);
        }
        above
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Asks the next [`after_navigation`] (or [`after_embed_navigation`]) to bring this paragraph
/// back to the same place.
pub fn set_pending_anchor(anchor: Option<Anchor>) {
    #[cfg(target_arch = "wasm32")]
    PENDING.with(|p| p.set(anchor));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = anchor;
}

/// Brings the paragraph [`set_pending_anchor`] asked for back to where it was, scrolling only
/// this document's window; true if one was asked for, even if the page lacks that paragraph
/// (e.g. a list page), where the scroll position stays.
#[cfg(target_arch = "wasm32")]
fn restore_pending_anchor() -> bool {
    let Some(anchor) = PENDING.with(Cell::take) else {
        return false;
    };
    if let Some(el) = document().get_element_by_id(&paragraph_id(anchor.paragraph)) {
        let top = el.get_bounding_client_rect().top();
        window().scroll_by_with_x_and_y(0.0, top - anchor.offset);
    }
    true
}

/// After the same page has been rendered again in another script or with another language
/// beside it: brings the paragraph
/// [`set_pending_anchor`] asked for back to where it was (nothing if none was asked for).
pub fn after_script_switch() {
    #[cfg(target_arch = "wasm32")]
    restore_pending_anchor();
}

/// Scrolls after a page has rendered: to the paragraph a language switch was at, else to the
/// URL's `#fragment`, else to the top. The first page, when it was prerendered, is left where
/// the browser put it (at the `#` target, or where a reload left the reader).
pub fn after_navigation() {
    #[cfg(target_arch = "wasm32")]
    {
        // A prerendered first page is the one the browser loaded: it has already placed the
        // reader, and scrolling now would undo that and force a layout during start-up. A
        // page rendered here afresh had no target to scroll to yet, so it goes on below.
        if FIRST_PAGE.with(|first| first.replace(false)) && super::page::is_prerendered() {
            return;
        }
        if restore_pending_anchor() {
            return;
        }
        let hash = super::page::location_hash();
        let target = hash.strip_prefix('#').filter(|h| !h.is_empty());
        match target.and_then(|id| document().get_element_by_id(id)) {
            Some(el) => el.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    }
}

/// On a phone the entity card is a sheet over the lower part of the screen: when mention
/// `mention` is under it, scrolls the page just enough for the mention to show above it, so
/// that the reader still sees which words the card explains. Only for the sheet, which spans
/// the screen's width: the floating card of wider screens also opens on hover, and the page
/// must not move under the pointer. Not while a switch of language or script places the
/// reader (a pending anchor): the reader's paragraph stays where it was, not the mention.
pub fn clear_of_sheet(card: &yew::NodeRef, mention: usize) {
    #[cfg(target_arch = "wasm32")]
    {
        // The card's effects run before the page's, which restores the anchor.
        if PENDING.with(Cell::get).is_some() {
            return;
        }
        let Some(card) = card.cast::<web_sys::Element>() else {
            return;
        };
        let Some(mark) = document().get_element_by_id(&crate::markup::mention_id(mention)) else {
            return;
        };
        let c = card.get_bounding_client_rect();
        if c.left() > 0.5 {
            return;
        }
        const GAP: f64 = 12.0;
        let m = mark.get_bounding_client_rect();
        // Never so far that the mention's first line leaves the top of the screen.
        let by = (m.bottom() + GAP - c.top()).min(m.top());
        if by > 0.0 {
            window().scroll_by_with_x_and_y(0.0, by);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (card, mention);
}

/// [`after_navigation`] for the embed view: back to the paragraph a language switch was at,
/// else to paragraph `paragraph`, else to the top, scrolling only the frame itself.
pub fn after_embed_navigation(paragraph: Option<u32>) {
    #[cfg(target_arch = "wasm32")]
    {
        // Only this frame's own window scrolls: never scrollIntoView, which would scroll the
        // partner's page too. Under the loader the frame is as tall as its content, so these
        // are no-ops there; in a fixed-height iframe they place the reader.
        if restore_pending_anchor() {
            return;
        }
        let target = paragraph.and_then(|n| document().get_element_by_id(&paragraph_id(n)));
        let y = target.map_or(0.0, |el| {
            el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0) - 8.0
        });
        window().scroll_to_with_x_and_y(0.0, y.max(0.0));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = paragraph;
}

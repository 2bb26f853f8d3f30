//! The embed view's own document, inside a partner's frame: its height as the parent page's
//! loader needs it, and where its entity card opens. (Its theme is set as the full site's
//! is, by `page::set_theme`.)

#[cfg(target_arch = "wasm32")]
use std::cell::Cell;

#[cfg(target_arch = "wasm32")]
use gloo::utils::{document, window};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Keeps the embed view reporting its height to the parent page; dropping it stops.
pub struct HeightReporter {
    #[cfg(target_arch = "wasm32")]
    observer: web_sys::ResizeObserver,
    #[cfg(target_arch = "wasm32")]
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

#[cfg(target_arch = "wasm32")]
impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The height last posted, so that an unchanged height is not posted again.
    static POSTED: Cell<f64> = const { Cell::new(-1.0) };
}

/// Whether this document is inside a frame (natively, no).
pub fn is_framed() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        match window().parent() {
            Ok(Some(parent)) => JsValue::from(parent) != JsValue::from(window()),
            _ => false,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// The embed's content height: its `<html>` box, which has no minimum height in the embed, so
/// it shrinks with its content instead of following the frame.
#[cfg(target_arch = "wasm32")]
fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |root| root.get_bounding_client_rect().height().ceil())
}

/// Posts the content's height to the parent window, unless it is the height last posted.
#[cfg(target_arch = "wasm32")]
fn post_height() {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let height = content_height();
    if POSTED.with(|p| p.replace(height)) == height {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &"type".into(),
        &crate::embed::RESIZE_MESSAGE.into(),
    );
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // The target origin is "*": the embed cannot know the partner's origin, and a height is
    // not a secret. The loader checks the origin of what it receives.
    let _ = parent.post_message(&message, "*");
}

/// Posts `{"type":"courtview:resize","height":N}` to the parent window now and whenever the
/// content's height changes, until the reporter is dropped. `None`, and nothing posted, when
/// the document is not framed (and natively).
pub fn report_height() -> Option<HeightReporter> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        if !is_framed() {
            return None;
        }
        let root = document().document_element()?;
        POSTED.with(|p| p.set(-1.0));
        let callback = Closure::<dyn FnMut()>::new(post_height);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        // Observing <html> catches text reflowing at a new width, web fonts arriving, a
        // language switch, a card opening in the flow, anything that changes the height.
        observer.observe(&root);
        post_height();
        Some(HeightReporter {
            observer,
            _callback: callback,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Places the embed view's entity card (absolutely positioned) next to mention `mention`:
/// below it, or above it when below would run past the end of the page.
pub fn anchor_card(card: &NodeRef, mention: usize) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(card) = card.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let Some(mark) = document().get_element_by_id(&crate::markup::mention_id(mention)) else {
            return;
        };
        let Some(root) = document().document_element() else {
            return;
        };
        let (scroll_x, scroll_y) = (
            window().scroll_x().unwrap_or(0.0),
            window().scroll_y().unwrap_or(0.0),
        );
        let m = mark.get_bounding_client_rect();
        let (card_w, card_h) = (
            f64::from(card.offset_width()),
            f64::from(card.offset_height()),
        );
        let page_h = root.get_bounding_client_rect().height();
        let page_w = f64::from(root.client_width());
        const GAP: f64 = 6.0;
        const EDGE: f64 = 8.0;
        // Below the mention if the card fits inside the page, else above it: a card that
        // stuck out of the page would grow the frame, and shrink it again on closing.
        let below = m.bottom() + scroll_y + GAP;
        let top = if below + card_h <= page_h {
            below
        } else {
            (m.top() + scroll_y - GAP - card_h).max(0.0)
        };
        let left = (m.left() + scroll_x).min(page_w - card_w - EDGE).max(EDGE);
        let style = card.style();
        // Whole pixels: formatting an f64 would link the float formatter (about 11 KB of
        // wasm) for a precision nobody sees.
        let _ = style.set_property("top", &format!("{}px", top.round() as i64));
        let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (card, mention);
}

//! Keyboard focus, and the modal dialog that keeps it: moving focus, Escape, Tab kept inside a
//! dialog, and the values of the dialog's form controls.

#[cfg(target_arch = "wasm32")]
use gloo::utils::document;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

/// Keeps a browser event listener alive; dropping it removes the listener.
pub struct ListenerGuard {
    #[cfg(target_arch = "wasm32")]
    _listener: gloo::events::EventListener,
}

impl ListenerGuard {
    /// Keeps `listener` until the guard is dropped.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn new(listener: gloo::events::EventListener) -> ListenerGuard {
        ListenerGuard {
            _listener: listener,
        }
    }
}

/// Calls `f` when the reader presses Escape, until the guard is dropped (natively, never).
pub fn on_escape(f: impl Fn() + 'static) -> Option<ListenerGuard> {
    #[cfg(target_arch = "wasm32")]
    {
        let listener = gloo::events::EventListener::new(&document(), "keydown", move |e| {
            if e.dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|e| e.key() == "Escape")
            {
                f();
            }
        });
        Some(ListenerGuard {
            _listener: listener,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = f;
        None
    }
}

/// Moves keyboard focus to mention `index` (`id="m-<index>"`), which scrolls it into view.
pub fn focus_mention(index: usize) {
    #[cfg(target_arch = "wasm32")]
    {
        let el = document().get_element_by_id(&crate::markup::mention_id(index));
        if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = index;
}

/// Moves keyboard focus to an element.
pub fn focus(el: &NodeRef) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = el.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = el;
}

/// Opens a `<dialog>` as a modal: the rest of the page becomes inert, and Escape closes it.
pub fn show_modal(dialog: &NodeRef) {
    #[cfg(target_arch = "wasm32")]
    if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>()
        && !dialog.open()
    {
        let _ = dialog.show_modal();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = dialog;
}

/// Closes a `<dialog>` (which fires its `close` event).
pub fn close_dialog(dialog: &NodeRef) {
    #[cfg(target_arch = "wasm32")]
    if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
        dialog.close();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = dialog;
}

/// Elements that take focus from the Tab key.
#[cfg(target_arch = "wasm32")]
const TABBABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex='-1'])";

/// For a Tab key press in `container`: if focus would leave it (Tab on its last focusable
/// element, Shift+Tab on its first, or focus already outside), wraps focus to the other end
/// and returns true, so that the caller cancels the key's default.
pub fn keep_focus_inside(container: &NodeRef, backwards: bool) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(container) = container.cast::<web_sys::Element>() else {
            return false;
        };
        let Ok(list) = container.query_selector_all(TABBABLE) else {
            return false;
        };
        let items: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return false;
        };
        let active = document().active_element();
        let at = |el: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| JsValue::from(a) == JsValue::from(el))
        };
        let outside = active.as_ref().is_none_or(|a| !container.contains(Some(a)));
        let target = match (backwards, outside) {
            (false, _) if at(last) || outside => first,
            (true, _) if at(first) || outside => last,
            _ => return false,
        };
        let _ = target.focus();
        true
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (container, backwards);
        false
    }
}

/// The `value` of the form control an event came from (a `<select>`, an `<input>`).
pub fn control_value(e: &yew::Event) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        e.target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = e;
        String::new()
    }
}

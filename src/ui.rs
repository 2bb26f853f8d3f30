//! Every Yew component. The only part of the library, with `main.rs`, that may name yew,
//! web-sys, gloo or wasm-bindgen; browser calls are further confined to [`dom`].

pub mod app;
pub mod components;
pub mod dom;
pub mod pages;
pub mod state;

pub use app::App;
pub use components::document_view::{DocumentView, DocumentViewProps};

/// Starts the viewer in the browser: installs the panic hook, then renders [`App`] into
/// `<div id="app">` (or the body, if a host page lacks it).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    dom::install_panic_hook();
    let renderer = match gloo::utils::document().get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root),
        None => yew::Renderer::<App>::new(),
    };
    renderer.render();
}

/// Renders an article body to HTML natively, with the same component the browser uses: what
/// `courtview render` prints and the prerender will write.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_document_html(document: crate::document::Document, lang: crate::Lang) -> String {
    // `props!` fills in the same defaults `html!` would: highlighting on, no card open.
    let renderer = yew::ServerRenderer::<DocumentView>::with_props(move || {
        yew::props!(DocumentViewProps {
            document: std::rc::Rc::new(document),
            lang
        })
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

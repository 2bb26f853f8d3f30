//! Every Yew component. The only part of the library, with `main.rs`, that may name yew,
//! web-sys, gloo or wasm-bindgen; browser calls are further confined to [`dom`].

pub mod app;
pub mod components;
pub mod dom;
pub mod loader;
pub mod nav;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;

pub use app::App;
pub use components::document_view::{DocumentView, DocumentViewProps};

/// Starts the viewer in the browser: installs the panic hook now; reads the page's own data
/// file (which the page preloads, so it usually has arrived with the wasm); then, in a task of
/// its own, brings [`App`] to life in `<div id="app">` (or the body, if a host page lacks it);
/// then, in idle time, reads the same page's data in the other languages, so that a switch
/// needs no network.
///
/// A page the site generator wrote (`data-prerendered` on the root) is hydrated: its nodes are
/// kept and given their listeners, with no flash. Any other page (the shell, the not-found
/// page, whose language is the visitor's) is rendered afresh in an emptied root. Should the
/// page's own data not arrive, the page stays as written, readable, with its notice that
/// interactive features are unavailable.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    dom::page::install_panic_hook();
    loader::start(|| {
        // The wasm was compiled and instantiated in an earlier task; the first render (most
        // of it the browser compiling each function on its first call) goes in a task of its
        // own, so that neither blocks input as long as both would.
        dom::timing::in_next_task(|| {
            render();
            loader::prefetch_in_idle();
        });
    });
}

/// Hydrates or renders [`App`], as [`start`] says.
#[cfg(target_arch = "wasm32")]
fn render() {
    match dom::page::take_app_root() {
        dom::page::AppRoot::Prerendered(root) => {
            dom::timing::mark(crate::markup::HYDRATING_MARK);
            yew::Renderer::<App>::with_root(root).hydrate();
        }
        dom::page::AppRoot::Emptied(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        dom::page::AppRoot::Missing => {
            yew::Renderer::<App>::new().render();
        }
    }
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

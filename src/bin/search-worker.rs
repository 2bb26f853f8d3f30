//! The search worker: a second WebAssembly module, loaded by the search page alone (see
//! `courtview::ui::dom::search`). Trunk builds it (`data-type="worker"` in index.html) and the
//! site generator names it by its contents.

fn main() {
    #[cfg(target_arch = "wasm32")]
    courtview::ui::dom::search::serve();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The search worker runs in the browser, started by the search page.");
}

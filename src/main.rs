//! The viewer's entry point: everything lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    courtview::ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The viewer runs in the browser: `cargo xtask serve`. The CLI is `courtview`.");
}

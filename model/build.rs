//! Compiles the knowledge base (`static/entities/*.toml`, in the repository's root) into the
//! model crate, so that the matcher and the app's entity cards need no file at run time.
//! Articles are not compiled in: the site generator reads them from disk
//! (`Catalog::load`), so the app is the same for one article or ten thousand.

use std::path::Path;
use std::{fs, process};

fn main() {
    // The knowledge base lives in the repository's `static/`: one level up from this crate.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the model crate sits in the repository");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("entities.rs");
    println!("cargo:rerun-if-changed=../static/entities");
    match courtview_kb::compile(&root.join("static/entities")) {
        Ok(source) => fs::write(&out, source).expect("OUT_DIR is writable"),
        Err(errors) => fail(&errors),
    }
}

fn fail(errors: &[String]) -> ! {
    for e in errors {
        eprintln!("error: {e}");
    }
    process::exit(1);
}

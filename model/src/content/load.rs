//! Reading article folders from disk, with the structural checks that must hold for a site to
//! make sense: slug-shaped folder names, only `kk`/`ru`/`en` Markdown files, UTF-8 text, a front
//! matter block, no slug twice. What the files say (front matter, body) is parsed afterwards,
//! into the catalogue's entries, so a broken article becomes a page that explains its error;
//! a structural problem stops the build, naming the path.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Catalog, is_article_slug};
use crate::lang::Lang;

/// One article file read from disk: slug, language tag, path as shown in messages, text.
type Read = (String, &'static str, String, String);

impl Catalog {
    /// Every article folder in each of `dirs`, parsed. `Err` lists every structural problem
    /// found (one line each, naming the path); content errors are kept in the entries.
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog, Vec<String>> {
        let mut errors = Vec::new();
        let mut files: Vec<Read> = Vec::new();
        let mut slugs: Vec<String> = Vec::new();
        for dir in dirs {
            scan(dir, &mut files, &mut slugs, &mut errors);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let sources: Vec<(&str, &str, &str, &str)> = files
            .iter()
            .map(|(slug, tag, path, text)| (slug.as_str(), *tag, path.as_str(), text.as_str()))
            .collect();
        Ok(Catalog::from_sources(&sources))
    }

    /// The repository's own `static/articles/`, read from the source tree on first call: for
    /// tests and tools that run inside the repository. The app never calls it (its articles
    /// come from the data files the site generator writes).
    ///
    /// # Panics
    /// When the folder has a structural problem; the message names it.
    pub fn shipped() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../static/articles");
            Catalog::load(&[dir]).unwrap_or_else(|errors| panic!("{}", errors.join("\n")))
        })
    }
}

/// Checks and reads every article folder in `dir`.
fn scan(dir: &Path, files: &mut Vec<Read>, slugs: &mut Vec<String>, errors: &mut Vec<String>) {
    let shown = dir.display().to_string();
    let mut folders: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            errors.push(format!("{shown}: cannot read the folder: {e}"));
            return;
        }
    };
    folders.sort();
    for folder in folders {
        let Some(slug) = folder
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_owned)
        else {
            errors.push(format!("{}: folder name is not UTF-8", folder.display()));
            continue;
        };
        let rel = format!("{shown}/{slug}");
        if !folder.is_dir() {
            errors.push(format!("{rel}: expected only article folders in {shown}"));
            continue;
        }
        if !is_article_slug(&slug) {
            errors.push(format!(
                "{rel}: `{slug}` is not a valid slug (lowercase a-z, digits, single hyphens; \
                 not only digits, not page, tags, search, entities)"
            ));
            continue;
        }
        if slugs.contains(&slug) {
            errors.push(format!("{rel}: article `{slug}` exists twice"));
            continue;
        }
        slugs.push(slug.clone());
        let mut found = 0;
        let mut entries: Vec<PathBuf> = fs::read_dir(&folder)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for file in entries {
            if file.extension().and_then(|e| e.to_str()) != Some("md") {
                continue; // images and notes may live beside the text
            }
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let rel_file = format!("{rel}/{stem}.md");
            let Some(lang) = Lang::from_tag(stem).filter(|l| l.tag() == stem) else {
                errors.push(format!(
                    "{rel_file}: article `{slug}`: unknown language `{stem}` (files are kk.md, ru.md, en.md)"
                ));
                continue;
            };
            match fs::read_to_string(&file) {
                Err(e) => errors.push(format!(
                    "{rel_file}: article `{slug}` ({stem}): cannot read as UTF-8 text: {e}"
                )),
                Ok(text)
                    if text
                        .trim_start_matches('\u{feff}')
                        .lines()
                        .next()
                        .map(str::trim_end)
                        != Some("---") =>
                {
                    errors.push(format!(
                        "{rel_file}:1: article `{slug}` ({stem}): the file must start with a front matter block opened by `---`"
                    ))
                }
                Ok(text) => {
                    found += 1;
                    files.push((slug.clone(), lang.tag(), rel_file, text));
                }
            }
        }
        if found == 0 {
            errors.push(format!(
                "{rel}: article `{slug}` has no kk.md, ru.md or en.md"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cv-load-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn loads_folders_and_names_structural_problems() {
        let ok = tree(
            "ok",
            &[("a/kk.md", "---\ntitle: T\ndate: 2025-01-02\n---\nМәтін\n")],
        );
        let catalog = Catalog::load(std::slice::from_ref(&ok)).unwrap();
        assert_eq!(catalog.entries().len(), 1);
        assert!(
            catalog
                .entry("a")
                .unwrap()
                .version(Lang::Kk)
                .unwrap()
                .is_ok()
        );
        let bad = tree(
            "bad",
            &[
                ("Bad/kk.md", "---\n"),
                ("b/de.md", "---\n"),
                ("c/kk.md", "no front matter"),
                ("2025/kk.md", "---\n"),
            ],
        );
        let errors = Catalog::load(&[bad, ok.clone(), ok]).unwrap_err();
        let all = errors.join("\n");
        assert!(all.contains("`Bad` is not a valid slug"), "{all}");
        assert!(all.contains("`2025` is not a valid slug"), "{all}");
        assert!(
            all.contains("b/de.md: article `b`: unknown language `de`"),
            "{all}"
        );
        assert!(all.contains("c/kk.md:1: article `c` (kk)"), "{all}");
        assert!(all.contains("article `a` exists twice"), "{all}");
    }
}

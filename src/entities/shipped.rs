//! The names the `match` command uses without `--names`: the shipped knowledge base.

use super::records;
use crate::Lang;

/// Every `(entity id, name)` pair of the shipped knowledge base for one language, names in
/// dictionary form (canonical names, aliases and abbreviations).
pub fn shipped_names(lang: Lang) -> Vec<(&'static str, &'static str)> {
    records()
        .iter()
        .flat_map(|r| r.names[lang.index()].iter().map(move |&name| (r.id, name)))
        .collect()
}

//! How well the search keys find the forms of a word (`courtview eval-search`): recall and
//! precision on lemmatised corpora (Universal Dependencies CoNLL-U).
//!
//! The corpus's tokens are the documents. For every lemma of a word of the classes measured
//! (nouns and proper nouns by default), two kinds of query are made:
//!
//! - **lemma queries**: the lemma itself, as a reader types the dictionary form;
//! - **form queries**: each distinct form of it in the corpus, as a reader types any form.
//!
//! A token is *found* by a query when their keys meet ([`meet`](super::text::meet)),
//! exactly as the index matches a query word with a text word. It is *relevant* when its lemma is the query's lemma (any
//! part of speech: `стали` the verb counts against `сталь`). Precision = relevant found / found;
//! recall = relevant found / relevant, summed over all queries (micro), and averaged per query
//! (macro). Homographs of two lemmas (`суда`: `суд` or `судно`) cannot be told apart from the
//! word alone and count as errors both ways.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::text::{keys, words};
use crate::Lang;
use crate::entities::morphology::fold;

/// Totals over a kind of query.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// Queries run.
    pub queries: usize,
    /// Relevant tokens found, summed over queries.
    pub relevant_found: usize,
    /// Tokens found.
    pub found: usize,
    /// Relevant tokens.
    pub relevant: usize,
    /// Per-query precision, summed (queries that found nothing count as 1).
    precision_sum: f64,
    /// Per-query recall, summed.
    recall_sum: f64,
}

impl Counts {
    /// Micro-averaged precision.
    pub fn precision(&self) -> f64 {
        ratio(self.relevant_found, self.found)
    }
    /// Micro-averaged recall.
    pub fn recall(&self) -> f64 {
        ratio(self.relevant_found, self.relevant)
    }
    /// Precision averaged per query.
    pub fn macro_precision(&self) -> f64 {
        self.precision_sum / self.queries.max(1) as f64
    }
    /// Recall averaged per query.
    pub fn macro_recall(&self) -> f64 {
        self.recall_sum / self.queries.max(1) as f64
    }
    fn add(&mut self, relevant_found: usize, found: usize, relevant: usize) {
        self.queries += 1;
        self.relevant_found += relevant_found;
        self.found += found;
        self.relevant += relevant;
        self.precision_sum += if found == 0 {
            1.0
        } else {
            ratio(relevant_found, found)
        };
        self.recall_sum += ratio(relevant_found, relevant);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Tokens read (words only).
    pub tokens: usize,
    /// Lemma queries.
    pub lemma: Counts,
    /// Form queries.
    pub form: Counts,
    /// The largest misses and false finds of the lemma queries, for `--errors`.
    pub errors: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} tokens", self.tokens)?;
        writeln!(
            f,
            "{:<14} {:>8} {:>10} {:>10} {:>10} {:>10}",
            "queries", "count", "precision", "recall", "macro P", "macro R"
        )?;
        for (name, c) in [("lemma", &self.lemma), ("every form", &self.form)] {
            writeln!(
                f,
                "{:<14} {:>8} {:>10.3} {:>10.3} {:>10.3} {:>10.3}",
                name,
                c.queries,
                c.precision(),
                c.recall(),
                c.macro_precision(),
                c.macro_recall()
            )?;
        }
        Ok(())
    }
}

/// One token of a corpus: its folded form and lemma, and its part of speech.
struct Token {
    form: String,
    lemma: String,
    upos: String,
}

fn parse_conllu(content: &str, out: &mut Vec<Token>) {
    for line in content.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        // Multiword-token ranges (1-2) and empty nodes (1.1) are not words of their own.
        if cols.len() < 4 || cols[0].contains(['-', '.']) {
            continue;
        }
        // A form the index would read as one word; others (punctuation, "10 000") are skipped.
        let ws = words(cols[1]);
        let [w] = ws.as_slice() else {
            continue;
        };
        // The lemma as a query reads it: cut into words like any query (`@screened-18`, a
        // hashtag's `#`, lose their signs); a lemma of several words stays as it is.
        let lemma = match words(cols[2]).as_slice() {
            [l] => l.folded.clone(),
            _ => fold(cols[2]),
        };
        out.push(Token {
            form: w.folded.clone(),
            lemma,
            upos: cols[3].to_owned(),
        });
    }
}

/// Evaluates the keys of `lang` on CoNLL-U `contents`, querying the lemmas of the parts of
/// speech `upos` (e.g. `["NOUN", "PROPN"]`).
pub fn eval_conllu(lang: Lang, contents: &[&str], upos: &[&str]) -> Report {
    let mut tokens = Vec::new();
    for c in contents {
        parse_conllu(c, &mut tokens);
    }
    // Distinct forms, their keys, and the index from key to forms.
    let mut form_ids: HashMap<&str, usize> = HashMap::new();
    let mut forms: Vec<&str> = Vec::new();
    for t in &tokens {
        form_ids.entry(&t.form).or_insert_with(|| {
            forms.push(&t.form);
            forms.len() - 1
        });
    }
    let form_keys: Vec<Vec<String>> = forms.iter().map(|f| keys(lang, f)).collect();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, ks) in form_keys.iter().enumerate() {
        for k in ks {
            by_key.entry(k).or_default().push(i);
        }
    }
    // Token counts per form, per (form, lemma), per lemma.
    let mut per_form = vec![0usize; forms.len()];
    let mut per_form_lemma: HashMap<(usize, &str), usize> = HashMap::new();
    let mut per_lemma: BTreeMap<&str, usize> = BTreeMap::new();
    // The lemmas queried, with their distinct forms (of the measured classes).
    let mut queried: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for t in &tokens {
        let f = form_ids[t.form.as_str()];
        per_form[f] += 1;
        *per_form_lemma.entry((f, &t.lemma)).or_default() += 1;
        *per_lemma.entry(&t.lemma).or_default() += 1;
        if upos.contains(&t.upos.as_str()) && words(&t.lemma).len() == 1 {
            let fs = queried.entry(&t.lemma).or_default();
            if !fs.contains(&f) {
                fs.push(f);
            }
        }
    }
    let mut report = Report {
        tokens: tokens.len(),
        ..Report::default()
    };
    let mut misses: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut false_finds: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (&lemma, lemma_forms) in &queried {
        let relevant = per_lemma[lemma];
        let run = |query_keys: &[String]| -> Vec<usize> {
            let mut found: Vec<usize> = query_keys
                .iter()
                .filter_map(|k| by_key.get(k.as_str()))
                .flatten()
                .copied()
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        };
        let score = |found: &[usize]| -> (usize, usize) {
            let hit = found
                .iter()
                .map(|&f| per_form_lemma.get(&(f, lemma)).copied().unwrap_or(0))
                .sum();
            let all = found.iter().map(|&f| per_form[f]).sum();
            (hit, all)
        };
        let found = run(&keys(lang, lemma));
        let (hit, all) = score(&found);
        report.lemma.add(hit, all, relevant);
        for (&(f, l), &n) in &per_form_lemma {
            if l == lemma && !found.contains(&f) {
                *misses.entry((lemma, forms[f])).or_default() += n;
            }
        }
        for &f in &found {
            let other = per_form[f] - per_form_lemma.get(&(f, lemma)).copied().unwrap_or(0);
            if other > 0 {
                *false_finds.entry((lemma, forms[f])).or_default() += other;
            }
        }
        for &f in lemma_forms {
            let found = run(&form_keys[f]);
            let (hit, all) = score(&found);
            report.form.add(hit, all, relevant);
        }
    }
    let mut misses: Vec<_> = misses.into_iter().collect();
    misses.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut false_finds: Vec<_> = false_finds.into_iter().collect();
    false_finds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((lemma, form), n) in misses.into_iter().take(60) {
        report
            .errors
            .push(format!("miss  {lemma} -> {form} ({n} tokens)"));
    }
    for ((lemma, form), n) in false_finds.into_iter().take(60) {
        report.errors.push(format!(
            "false {lemma} -> {form} ({n} tokens of another lemma)"
        ));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_corpus_is_measured() {
        let conllu = "# text = x\n\
            1\tСуд\tсуд\tNOUN\t_\t_\t0\troot\t_\t_\n\
            2\tсуда\tсуд\tNOUN\t_\t_\t1\tnmod\t_\t_\n\
            3\tсудно\tсудно\tNOUN\t_\t_\t1\tnmod\t_\t_\n\
            4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n";
        let r = eval_conllu(Lang::Ru, &[conllu], &["NOUN"]);
        assert_eq!(r.tokens, 3);
        assert_eq!(r.lemma.queries, 2);
        assert_eq!(r.lemma.recall(), 1.0);
        assert_eq!(r.lemma.precision(), 1.0);
    }
}

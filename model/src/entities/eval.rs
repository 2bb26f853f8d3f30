//! Measuring the matcher against annotated corpora (`courtview eval`): precision, recall and
//! F1, for inflected and uninflected mentions separately, per entity class where the corpus
//! has classes.
//!
//! The gazetteer is built from the corpus itself, as issue 3 specifies, so that what is
//! measured is the matcher's handling of inflection, capitalisation and word boundaries, not
//! the coverage of a knowledge base:
//!
//! - **CoNLL-U** (Universal Dependencies): a gold mention is a run of consecutive `PROPN` words
//!   of one name (joined when one depends on another or by a `flat`/`compound` relation); its
//!   id is the words' lemmas joined by spaces; its span is located in the sentence's
//!   `# text =` (multiword tokens and `SpaceAfter=No` handled by locating each surface token in
//!   order). The name given to the matcher is the lemma with the **capitalisation pattern of
//!   the gold surface restored** word by word (Russian UD lower-cases multiword lemmas:
//!   `Верховного суда` → `верховный суд` → name `Верховный суд`), because the matcher's
//!   capitalisation rule would otherwise treat every lower-cased lemma as a common phrase.
//!   Several surfaces of one id give several names (aliases) of that id.
//! - **IOB2** (KazNERD, UniversalNER): per entity class, each gold span is a mention; as the
//!   corpus has surface forms only, its dictionary form is derived by stripping Kazakh case and
//!   plural endings from the span's last token with the matcher's own tables
//!   ([`kazakh_lemma`]: the longest ending the remaining stem can take, never a bare
//!   possessive, at least two letters kept). In Russian and English IOB2 the surface is used.
//!   Id = class + derived form.
//!
//! A predicted mention is correct when it overlaps a gold mention with the same id (ids that
//! fold alike, as the matcher folds, are the same id). A mention
//! is *inflected* when its surface, case-folded, differs from its dictionary form.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::Lang;
use crate::entities::matcher::Matcher;
use crate::entities::morphology::{fold, kazakh_lemma};

/// An annotated corpus format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Universal Dependencies CoNLL-U.
    Conllu,
    /// One `token TAG` per line, blank lines between sentences (KazNERD, UniversalNER).
    Iob2,
}

impl Format {
    /// Parses `conllu` or `iob2`.
    pub fn from_name(s: &str) -> Option<Format> {
        match s {
            "conllu" => Some(Format::Conllu),
            "iob2" | "iob" => Some(Format::Iob2),
            _ => None,
        }
    }

    /// Guesses the format from the file name, else from the content (a `# text =` line or
    /// ten tab-separated columns mean CoNLL-U).
    pub fn guess(path: &str, content: &str) -> Format {
        if path.ends_with(".conllu") {
            return Format::Conllu;
        }
        if path.ends_with(".iob2") || path.ends_with(".iob") {
            return Format::Iob2;
        }
        let conllu = content
            .lines()
            .take(200)
            .any(|l| l.starts_with("# text =") || l.split('\t').count() == 10);
        if conllu { Format::Conllu } else { Format::Iob2 }
    }
}

/// Counts for one subset of mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold mentions.
    pub gold: usize,
    /// Gold mentions overlapped by a correct prediction.
    pub found: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predicted mentions that overlap a gold mention with the same id.
    pub correct: usize,
}

impl Counts {
    /// correct / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// found / gold (1 when there is no gold mention).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The result of an evaluation: counts per class (`all` first) and per subset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Sentences read.
    pub sentences: usize,
    /// `(class, [all, inflected, uninflected])`; class `all` covers every class.
    pub rows: Vec<(String, [Counts; 3])>,
    /// The errors, for inspection: `miss` (gold not found) and `false` (wrong prediction)
    /// lines with the text and the id.
    pub errors: Vec<String>,
}

impl Report {
    /// The counts for a class (`all` for everything) and subset (0 all, 1 inflected,
    /// 2 uninflected).
    pub fn get(&self, class: &str, subset: usize) -> Option<Counts> {
        self.rows
            .iter()
            .find(|(c, _)| c == class)
            .map(|(_, s)| s[subset])
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentences: {}", self.sentences)?;
        writeln!(
            f,
            "{:<16} {:<12} {:>6} {:>6} {:>6} {:>7} {:>6} {:>6} {:>6}",
            "class", "subset", "gold", "found", "pred", "correct", "P", "R", "F1"
        )?;
        for (class, subsets) in &self.rows {
            for (name, c) in ["all", "inflected", "uninflected"].iter().zip(subsets) {
                writeln!(
                    f,
                    "{:<16} {:<12} {:>6} {:>6} {:>6} {:>7} {:>6.3} {:>6.3} {:>6.3}",
                    class,
                    name,
                    c.gold,
                    c.found,
                    c.predicted,
                    c.correct,
                    c.precision(),
                    c.recall(),
                    c.f1()
                )?;
            }
        }
        Ok(())
    }
}

/// One gold mention.
#[derive(Clone, Debug)]
struct Gold {
    start: usize,
    end: usize,
    id: String,
    inflected: bool,
}

/// A sentence with its gold mentions.
#[derive(Clone, Debug, Default)]
struct Sentence {
    text: String,
    gold: Vec<Gold>,
}

/// Restores `surface`'s capitalisation pattern on `lemma`: all caps, capitalised, or lower.
fn restore_case(lemma: &str, surface: &str) -> String {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return lemma.to_uppercase();
    }
    let mut chars = lemma.chars();
    match (chars.next(), surface.chars().next()) {
        (Some(first), Some(s)) if s.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        (Some(first), Some(s)) if s.is_lowercase() => first.to_lowercase().chain(chars).collect(),
        _ => lemma.to_owned(),
    }
}

struct Word<'a> {
    id: usize,
    form: &'a str,
    lemma: &'a str,
    upos: &'a str,
    head: usize,
    deprel: &'a str,
    /// Index of the surface unit (token) it belongs to.
    unit: usize,
}

/// Parses CoNLL-U into sentences with PROPN-run gold mentions, and the names (id, name)
/// those runs give.
fn parse_conllu<'a>(content: &'a str, names: &mut Vec<(String, String)>) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in content.split("\n\n") {
        let mut text = None;
        let mut units: Vec<&str> = Vec::new();
        let mut words: Vec<Word<'a>> = Vec::new();
        let mut range_end = 0usize;
        for line in block.lines() {
            let line = line.trim_end_matches('\r');
            if let Some(t) = line.strip_prefix("# text =") {
                text = Some(t.trim());
                continue;
            }
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 8 {
                continue;
            }
            if let Some((a, b)) = cols[0].split_once('-') {
                if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                    units.push(cols[1]);
                    range_end = b;
                }
                continue;
            }
            let Ok(id) = cols[0].parse::<usize>() else {
                continue; // empty nodes (8.1)
            };
            if id > range_end {
                units.push(cols[1]);
            }
            words.push(Word {
                id,
                form: cols[1],
                lemma: cols[2],
                upos: cols[3],
                head: cols[6].parse().unwrap_or(0),
                deprel: cols[7],
                unit: units.len().saturating_sub(1),
            });
        }
        let Some(text) = text else { continue };
        // Locate every unit in the text, in order.
        let mut spans: Vec<Option<(usize, usize)>> = Vec::with_capacity(units.len());
        let mut at = 0;
        for u in &units {
            let found = text[at..].find(u).map(|i| at + i);
            match found {
                Some(i) => {
                    spans.push(Some((i, i + u.len())));
                    at = i + u.len();
                }
                None => spans.push(None),
            }
        }
        // PROPN runs.
        let mut sentence = Sentence {
            text: text.to_owned(),
            gold: Vec::new(),
        };
        let mut i = 0;
        while i < words.len() {
            if words[i].upos != "PROPN" {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len()
                && words[j].upos == "PROPN"
                && words[j].id == words[j - 1].id + 1
                && (words[j].deprel.starts_with("flat")
                    || words[j].deprel.starts_with("compound")
                    || words[i..j].iter().any(|w| w.id == words[j].head)
                    || words[i..j].iter().any(|w| w.head == words[j].id))
            {
                j += 1;
            }
            let run = &words[i..j];
            i = j;
            let (Some(Some(first)), Some(Some(last))) =
                (spans.get(run[0].unit), spans.get(run[run.len() - 1].unit))
            else {
                continue;
            };
            let (start, end) = (first.0, last.1);
            // Lemmas trimmed of edge punctuation (#Вьетнам is Вьетнам); an initial keeps its
            // full stop in the name (И. Е. Репин), so the name reads as the text does.
            let trim = |l: &'a str| {
                let t = l.trim_matches(|c: char| !c.is_alphanumeric());
                if t.is_empty() { l } else { t }
            };
            let id = run
                .iter()
                .map(|w| trim(w.lemma))
                .collect::<Vec<_>>()
                .join(" ");
            let name = run
                .iter()
                .map(|w| {
                    let mut n = restore_case(trim(w.lemma), trim(w.form));
                    if w.form.ends_with('.') && !n.ends_with('.') {
                        n.push('.');
                    }
                    n
                })
                .collect::<Vec<_>>()
                .join(" ");
            if id.trim().is_empty() || id == "_" {
                continue;
            }
            let inflected = fold(&text[start..end]) != fold(&name);
            names.push((id.clone(), name));
            sentence.gold.push(Gold {
                start,
                end,
                id,
                inflected,
            });
        }
        out.push(sentence);
    }
    out
}

/// Parses IOB2 into per-class sentences with gold spans; ids are derived dictionary forms.
fn parse_iob2(
    content: &str,
    lang: Lang,
    per_class: &mut BTreeMap<String, Vec<(String, String)>>,
) -> Vec<(Sentence, Vec<String>)> {
    let mut out = Vec::new();
    for block in content.split("\n\n") {
        let mut text = String::new();
        let mut spans: Vec<(String, usize, usize, usize, usize)> = Vec::new(); // class, start, end, first tok, last tok
        let mut tokens: Vec<(usize, usize)> = Vec::new();
        for line in block.lines() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') {
                continue;
            }
            // `token TAG` (KazNERD) or `index<TAB>token<TAB>TAG<TAB>…` (UniversalNER).
            let tabbed: Vec<&str> = line.split('\t').collect();
            let (tok, tag) = if tabbed.len() >= 3 && tabbed[0].parse::<usize>().is_ok() {
                (tabbed[1], tabbed[2])
            } else {
                let mut cols = line.split_whitespace();
                let (Some(tok), Some(tag)) = (cols.next(), cols.next_back()) else {
                    continue;
                };
                (tok, tag)
            };
            if !text.is_empty() {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(tok);
            tokens.push((s, text.len()));
            let t = tokens.len() - 1;
            if let Some(class) = tag.strip_prefix("B-") {
                spans.push((class.to_owned(), s, text.len(), t, t));
            } else if let Some(class) = tag.strip_prefix("I-") {
                match spans.last_mut() {
                    Some(last) if last.0 == class && last.4 + 1 == t => {
                        last.2 = text.len();
                        last.4 = t;
                    }
                    _ => spans.push((class.to_owned(), s, text.len(), t, t)),
                }
            }
        }
        if tokens.is_empty() {
            continue;
        }
        let mut sentence = Sentence {
            text: text.clone(),
            gold: Vec::new(),
        };
        let mut classes = Vec::new();
        for (class, start, end, first, last) in spans {
            let head = &text[tokens[first].0..tokens[last].0];
            let last_tok = &text[tokens[last].0..tokens[last].1];
            let lemma_last = match lang {
                Lang::Kk => kazakh_lemma(last_tok),
                _ => last_tok,
            };
            let name = format!("{head}{lemma_last}");
            let inflected = fold(&text[start..end]) != fold(&name);
            per_class
                .entry(class.clone())
                .or_default()
                .push((format!("{class}:{name}"), name.clone()));
            sentence.gold.push(Gold {
                start,
                end,
                id: format!("{class}:{name}"),
                inflected,
            });
            classes.push(class);
        }
        out.push((sentence, classes));
    }
    out
}

/// A gazetteer: distinct names, each with the id it stands for, and a matcher over them.
struct Gazetteer {
    matcher: Matcher,
    names: Vec<(String, String)>,
}

impl Gazetteer {
    fn new(lang: Lang, mut pairs: Vec<(String, String)>) -> Gazetteer {
        pairs.sort();
        pairs.dedup();
        // One id per name string: the first (a name shared by two ids cannot tell them apart).
        let mut seen = HashMap::new();
        pairs.retain(|(_, name)| seen.insert(name.clone(), ()).is_none());
        let refs: Vec<&str> = pairs.iter().map(|(_, n)| n.as_str()).collect();
        Gazetteer {
            matcher: Matcher::new(lang, &refs),
            names: pairs,
        }
    }
}

/// Scores one sentence's predictions against its gold mentions, into `counts`
/// (`[all, inflected, uninflected]`).
fn score(
    gaz: &Gazetteer,
    sentence: &Sentence,
    gold: &[&Gold],
    counts: &mut [Counts; 3],
    errors: &mut Vec<String>,
) {
    let predictions = gaz.matcher.find(&sentence.text);
    let mut found = vec![false; gold.len()];
    for m in &predictions {
        let (id, name) = &gaz.names[m.name];
        let mut correct = None;
        for (k, g) in gold.iter().enumerate() {
            // Ids that fold alike are one spelling (Cаенс typed with a Latin С).
            if g.start < m.end && m.start < g.end && (g.id == *id || fold(&g.id) == fold(id)) {
                correct = correct.or(Some(g.inflected));
                found[k] = true;
            }
        }
        // A correct prediction is counted in its gold mention's subset; a wrong one by its
        // own surface.
        let inflected =
            correct.unwrap_or_else(|| fold(&sentence.text[m.start..m.end]) != fold(name));
        let correct = correct.is_some();
        if !correct {
            errors.push(format!(
                "false\t{}\t{id}\t{}",
                &sentence.text[m.start..m.end],
                sentence.text
            ));
        }
        for idx in [0, if inflected { 1 } else { 2 }] {
            counts[idx].predicted += 1;
            counts[idx].correct += usize::from(correct);
        }
    }
    for (g, f) in gold.iter().zip(found) {
        if !f {
            errors.push(format!(
                "miss\t{}\t{}\t{}",
                &sentence.text[g.start..g.end],
                g.id,
                sentence.text
            ));
        }
        for idx in [0, if g.inflected { 1 } else { 2 }] {
            counts[idx].gold += 1;
            counts[idx].found += usize::from(f);
        }
    }
}

/// Evaluates the matcher on CoNLL-U files (their contents), the gazetteer being every PROPN
/// run's lemma.
pub fn eval_conllu(lang: Lang, contents: &[&str]) -> Report {
    let mut names = Vec::new();
    let sentences: Vec<Sentence> = contents
        .iter()
        .flat_map(|c| parse_conllu(c, &mut names))
        .collect();
    let gaz = Gazetteer::new(lang, names);
    let mut counts = [Counts::default(); 3];
    let mut errors = Vec::new();
    for s in &sentences {
        let gold: Vec<&Gold> = s.gold.iter().collect();
        score(&gaz, s, &gold, &mut counts, &mut errors);
    }
    Report {
        sentences: sentences.len(),
        rows: vec![("all".to_owned(), counts)],
        errors,
    }
}

/// Evaluates the matcher on IOB2 files, per entity class, each class's gazetteer built from
/// its gold spans (dictionary forms derived as the module documentation says).
pub fn eval_iob2(lang: Lang, contents: &[&str]) -> Report {
    let mut per_class = BTreeMap::new();
    let sentences: Vec<(Sentence, Vec<String>)> = contents
        .iter()
        .flat_map(|c| parse_iob2(c, lang, &mut per_class))
        .collect();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut total = [Counts::default(); 3];
    for (class, names) in per_class {
        let gaz = Gazetteer::new(lang, names);
        let mut counts = [Counts::default(); 3];
        for (s, classes) in &sentences {
            let gold: Vec<&Gold> = s
                .gold
                .iter()
                .zip(classes)
                .filter(|(_, c)| **c == class)
                .map(|(g, _)| g)
                .collect();
            score(&gaz, s, &gold, &mut counts, &mut errors);
        }
        for (t, c) in total.iter_mut().zip(&counts) {
            t.gold += c.gold;
            t.found += c.found;
            t.predicted += c.predicted;
            t.correct += c.correct;
        }
        rows.push((class, counts));
    }
    rows.insert(0, ("all".to_owned(), total));
    Report {
        sentences: sentences.len(),
        rows,
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_case() {
        assert_eq!(restore_case("верховный", "Верховного"), "Верховный");
        assert_eq!(restore_case("оаэ", "ОАЭ"), "ОАЭ");
        assert_eq!(restore_case("Путин", "путина"), "путин");
    }
}

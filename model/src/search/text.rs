//! Words and their search keys: how a text (an article at build time, a query in the browser)
//! is cut into words, and which keys each word is indexed or looked up under.
//!
//! A word's keys are the word itself (folded) and every stem that a closed set of
//! *inflectional* endings of its language leaves when cut off: Kazakh case, plural and
//! possessive suffixes with their harmony and assimilation (the matcher's own tables, see
//! `docs/morphology.md` §1), Russian noun and adjective endings, the English plural and
//! possessive. Two words match when their key sets meet. As derivational suffixes are in no
//! set, `сотқар` never yields the key `сот`, nor `судно` the key `суд`, nor `қазақстандық`
//! the key `қазақстан`; but `соттың`, `сотқа`, `соттарының` all yield `сот`, and `суда`,
//! `судом`, `судах` all yield `суд`.
//!
//! Why key *sets* rather than one stem per word: a word often reads two ways (`Алматы` is a
//! name, or `Алмат` with a possessive; `суда` is `суд` in the genitive, or `суда` itself), and
//! no single choice keeps every form of a paradigm on the same stem. Indexing every reading
//! and matching on any shared one keeps paradigms together; the cost is that two words meet
//! when one of them is a form of the other, which is what the reader asks for.

use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, OnceLock};

use crate::Lang;
use crate::entities::morphology::{
    Final, Harmony, KazakhOptions, fold, is_joiner, is_word_char, kazakh_all_suffixes,
    kazakh_finals, kazakh_harmony, kazakh_suffixes_for, kazakh_voiced_px3_suffixes,
};

/// One word of a text: its byte range and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where it starts, in bytes.
    pub start: usize,
    /// Where it ends, in bytes.
    pub end: usize,
    /// The word folded as the matcher folds names (`docs/morphology.md` §3.1).
    pub folded: String,
}

/// A combining accent (U+0300–U+036F): part of the word it follows (stress marks in Russian
/// teaching texts, decomposed letters).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The words of `text`, in order: runs of letters and digits, with the hyphens and apostrophes
/// *inside* a word kept (`ХСӘҚ-ның`, `Алма-Ата`, `court's`), so that a suffix after a joiner
/// stays with its stem. The same function cuts articles and queries, so word positions agree.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inside = is_word_char(c)
            || (start.is_some() && is_mark(c))
            || (start.is_some()
                && is_joiner(c)
                && chars.peek().is_some_and(|&(_, n)| is_word_char(n)));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word {
    Word {
        start,
        end,
        folded: fold(&text[start..end])
            .chars()
            .filter(|&c| !is_mark(c))
            .collect(),
    }
}

/// The keys of a folded word in `lang`: the word itself first, then every stem its endings
/// leave, without repeats.
pub fn keys(lang: Lang, folded: &str) -> Vec<String> {
    let mut out = vec![folded.to_owned()];
    match lang {
        Lang::Kk => kazakh_stems(folded, &mut out),
        Lang::Ru => russian_stems(folded, &mut out),
        Lang::En => english_stems(folded, &mut out),
    }
    let mut seen = BTreeSet::new();
    out.retain(|k| !k.is_empty() && seen.insert(k.clone()));
    out
}

/// The fewest characters a stem keeps: one-letter stems would tie unrelated short words.
const MIN_STEM: usize = 2;

// ---------------------------------------------------------------------------------------
// Kazakh
// ---------------------------------------------------------------------------------------

/// The longest Kazakh suffix chain the tables make (`-тарындағы`, `-ларыменен`), in chars.
const KK_MAX_SUFFIX: usize = 10;

type SuffixKey = (Vec<Final>, Harmony, bool);

/// The suffix set of one stem class. Sets depend only on the stem's final-sound classes, its
/// harmony and whether it ends in ы/і, so there are a few dozen; each is built once.
fn kazakh_set(finals: Vec<Final>, harmony: Harmony, high: bool) -> Arc<BTreeSet<String>> {
    static SETS: OnceLock<Mutex<BTreeMap<SuffixKey, Arc<BTreeSet<String>>>>> = OnceLock::new();
    let sets = SETS.get_or_init(Default::default);
    let mut sets = sets.lock().unwrap_or_else(|e| e.into_inner());
    sets.entry((finals, harmony, high))
        .or_insert_with_key(|(finals, harmony, high)| {
            // A stem may carry a possessive it does not show (Соты, Сотының: "its court"), and
            // a stem in ы/і may be a possessive already (облысы|нда): the search wants both,
            // being about words rather than about names.
            let opts = KazakhOptions {
                px3_form: *high,
                allow_px3: true,
            };
            Arc::new(kazakh_suffixes_for(finals, *harmony, opts, *high))
        })
        .clone()
}

fn kazakh_stems(word: &str, out: &mut Vec<String>) {
    // An abbreviation or a foreign name with its suffix after a joiner (ХСӘҚ-ның, IACA-ға):
    // the part before is the stem, whatever the suffix's allomorph (§1.6).
    if let Some((j, c)) = word.char_indices().rev().find(|&(_, c)| is_joiner(c)) {
        let suffix = &word[j + c.len_utf8()..];
        static ALL: OnceLock<BTreeSet<String>> = OnceLock::new();
        if ALL.get_or_init(kazakh_all_suffixes).contains(suffix) {
            out.push(word[..j].to_owned());
        }
        return;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = chars.len();
    if !chars.iter().all(|&(_, c)| c.is_alphabetic()) {
        return;
    }
    for k in MIN_STEM.max(n.saturating_sub(KK_MAX_SUFFIX))..n {
        let at = chars[k].0;
        let (stem, rest) = word.split_at(at);
        // A toponym's -стан is never an ablative (Қазақстан is not қазақс + тан).
        if stem.ends_with('с') && rest.starts_with("тан") {
            continue;
        }
        let high = stem.ends_with(['ы', 'і']);
        let harmony = kazakh_harmony(stem);
        if kazakh_set(kazakh_finals(stem), harmony, high).contains(rest) {
            out.push(stem.to_owned());
        }
        // к/қ/п voiced to г/ғ/б before the possessive's vowel: Одағының → одақ (§1.7).
        let last = chars[k - 1].1;
        if matches!(last, 'г' | 'ғ' | 'б') {
            let devoiced = match last {
                'г' => 'к',
                'ғ' => 'қ',
                _ => 'п',
            };
            let base: String = stem.chars().take(k - 1).chain([devoiced]).collect();
            if kazakh_voiced_px3_suffixes(kazakh_harmony(&base)).contains(rest) {
                out.push(base);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Russian
// ---------------------------------------------------------------------------------------

/// Every noun and adjective ending of `docs/morphology.md` §2.1–2.5 (folded: ё is е), in one
/// set. Not here, on purpose: `-ья` and its cases (братья), which would make `судья` a form of
/// `суд`; suffixes of any kind (`-н-о`, `-ск-`, `-ость`).
const RU_ENDINGS: &[&str] = &[
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "ом", "ем", "ой", "ей", "ою", "ею", "ам",
    "ям", "ах", "ях", "ами", "ями", "ов", "ев", "ью", "ий", "ый", "ая", "яя", "ое", "ее", "ые",
    "ие", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми", "ими", "ую", "юю",
];

fn is_ru_consonant(c: char) -> bool {
    "бвгджзклмнпрстфхцчшщ".contains(c)
}

fn russian_stems(word: &str, out: &mut Vec<String>) {
    if !word.chars().all(|c| c == '-' || ('а'..='я').contains(&c)) {
        return;
    }
    let n = word.chars().count();
    // The stems the endings leave, with the bare word (the null ending) first.
    let mut stems = vec![(word.to_owned(), "")];
    for e in RU_ENDINGS {
        if let Some(stem) = word.strip_suffix(e)
            && stem.chars().count() >= MIN_STEM
            && !stem.ends_with('-')
        {
            stems.push((stem.to_owned(), e));
        }
    }
    for (stem, ending) in stems {
        let chars: Vec<char> = stem.chars().collect();
        let m = chars.len();
        // A fleeting vowel: рынок → рынк(а), отец → отц(а), день → дн(я), Павел → Павл(а).
        // Only from the dictionary form (no ending, or -ь), so that the shortened stem is
        // what the oblique forms show.
        let from_dictionary = ending.is_empty() && m >= 4 || ending == "ь" && m >= 3;
        if from_dictionary
            && matches!(chars[m - 2], 'е' | 'о')
            && is_ru_consonant(chars[m - 3])
            && is_ru_consonant(chars[m - 1])
        {
            let short: String = chars[..m - 2].iter().chain([&chars[m - 1]]).collect();
            out.push(short);
        }
        // Nouns in -мя: время, времени, временем → врем.
        if stem.ends_with("мен") && !ending.is_empty() && n > 4 {
            out.push(chars[..m - 2].iter().collect());
        }
        if !ending.is_empty() {
            out.push(stem);
        }
    }
}

// ---------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------

fn english_stems(word: &str, out: &mut Vec<String>) {
    let n = word.chars().count();
    if let Some(stem) = word.strip_suffix("'s") {
        out.push(stem.to_owned());
        return;
    }
    if n <= 3 || !word.ends_with('s') || word.ends_with("ss") || word.ends_with("us") {
        return;
    }
    if word.ends_with("is") {
        return;
    }
    if let Some(stem) = word.strip_suffix("ies")
        && n > 4
    {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es")
        && ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| stem.ends_with(e))
    {
        out.push(stem.to_owned());
    }
    out.push(word[..word.len() - 1].to_owned());
}

/// Whether two key sets meet: the one test that decides if two words are forms of each other.
pub fn meet(a: &[String], b: &[String]) -> bool {
    a.iter().any(|k| b.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(lang: Lang, a: &str, b: &str) -> bool {
        meet(&keys(lang, &fold(a)), &keys(lang, &fold(b)))
    }

    #[test]
    fn words_keep_inner_joiners_only() {
        let w: Vec<String> = words("ХСӘҚ-ның «Сот» court's - judges' Алма-Ата.")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(w, ["хсәқ-ның", "сот", "court's", "judges", "алма-ата"]);
    }

    #[test]
    fn kazakh_forms_meet_and_derivatives_do_not() {
        for form in ["соттың", "сотқа", "соттарының", "Соты", "сотта", "соттан"]
        {
            assert!(same(Lang::Kk, "сот", form), "{form}");
        }
        assert!(!same(Lang::Kk, "сот", "сотқар"));
        assert!(!same(Lang::Kk, "сот", "сотқарлар"));
        assert!(same(Lang::Kk, "Қазақстан", "Қазақстанның"));
        assert!(same(Lang::Kk, "Қазақстанда", "Қазақстанның"));
        assert!(!same(Lang::Kk, "Қазақстан", "қазақстандық"));
        assert!(same(Lang::Kk, "Одақ", "Одағының"));
        assert!(same(Lang::Kk, "облыс", "облысында"));
        assert!(same(Lang::Kk, "ХСӘҚ", "ХСӘҚ-ның"));
        assert!(same(Lang::Kk, "Мерғалиев", "Мерғалиевтің"));
    }

    #[test]
    fn russian_forms_meet_and_derivatives_do_not() {
        for form in ["суда", "суду", "судом", "суде", "суды", "судов", "судах"]
        {
            assert!(same(Lang::Ru, "суд", form), "{form}");
        }
        for other in ["судно", "судья", "судебный", "судьи"] {
            assert!(!same(Lang::Ru, "суд", other), "{other}");
        }
        assert!(same(Lang::Ru, "рынок", "рынка"));
        assert!(same(Lang::Ru, "день", "дня"));
        assert!(same(Lang::Ru, "время", "времени"));
        assert!(same(Lang::Ru, "Верховный", "Верховного"));
        assert!(same(Lang::Ru, "Мергалиев", "Мергалиевым"));
    }

    #[test]
    fn english_plurals_and_possessives() {
        assert!(same(Lang::En, "court", "courts"));
        assert!(same(Lang::En, "court", "court's"));
        assert!(same(Lang::En, "court", "Court’s"));
        assert!(same(Lang::En, "judge", "judges"));
        assert!(same(Lang::En, "city", "cities"));
        assert!(same(Lang::En, "box", "boxes"));
        assert!(!same(Lang::En, "court", "courtroom"));
        assert!(!same(Lang::En, "bus", "bu"));
    }
}

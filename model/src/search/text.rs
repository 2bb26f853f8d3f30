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

/// The function words of each language that the index leaves out: each is in nearly every
/// article, so its postings would be the largest shard of the index (`the` alone was 31.7 KB
/// gzipped at 1,000 articles, a fifth of a first search's budget) and would narrow no search.
/// Conservative on purpose: no word that is also a name or an abbreviation (`it`, `us`, `who`),
/// nothing that carries meaning (`не`, `емес`).
const STOP_WORDS: [&[&str]; 3] = [
    // kk
    &["бен", "да", "де", "және", "мен", "пен", "та", "те"],
    // ru
    &[
        "а", "в", "во", "для", "и", "из", "к", "на", "о", "об", "от", "по", "с", "со", "у",
    ],
    // en
    &[
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "of", "on",
        "or", "the", "to", "was", "were", "with",
    ],
];

/// Whether the folded word is one of `lang`'s function words that the index leaves out (see
/// [`STOP_WORDS`]). A query skips them too; a phrase lets any word stand in their place.
pub fn is_stop_word(lang: Lang, folded: &str) -> bool {
    STOP_WORDS[lang.index()].contains(&folded)
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

/// The fewest characters a Kazakh stem keeps: one-letter stems would tie unrelated short words.
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
        } else {
            // A hyphenated name inflects its last part: Ас-Саудтың, Брютон-Стриттегі.
            let head = &word[..j + c.len_utf8()];
            let mut tail = vec![suffix.to_owned()];
            kazakh_stems(suffix, &mut tail);
            out.extend(tail.into_iter().skip(1).map(|t| format!("{head}{t}")));
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
            // A high vowel between the last two consonants drops before the possessive's
            // vowel: орын → орны(на), ауыз → аузы(мен), мұрын → мұрны (§1.7.2).
            if rest.starts_with(['ы', 'і']) && k >= 3 {
                let (c1, c2) = (chars[k - 2].1, chars[k - 1].1);
                let consonant = |c: char| !"аәеоөұүыіэяюёи".contains(c);
                if consonant(c1) && consonant(c2) {
                    let i = if rest.starts_with('ы') { 'ы' } else { 'і' };
                    let full: String = stem.chars().take(k - 1).chain([i, c2]).collect();
                    out.push(full);
                }
            }
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

/// Noun endings (`docs/morphology.md` §2.1–2.3), folded (ё is е). Not here, on purpose: `-ья`
/// and its cases (братья), which would make `судья` a form of `суд`; suffixes of any kind
/// (`-н-о`, `-ск-`, `-ость`).
const RU_NOUN: &[&str] = &[
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "ом", "ем", "ой", "ей", "ою", "ею", "ам",
    "ям", "ах", "ях", "ами", "ями", "ов", "ев", "ью",
];

/// Adjective endings (§2.5). The stem they leave is a key of its own, marked with
/// [`ADJECTIVE`], so that an adjective's forms meet each other but not a noun that happens to
/// share the stem (`других` is not `друг`, `более` not `боль`, `назначение` not `назначен`).
const RU_ADJECTIVE: &[&str] = &[
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
    "ом", "ем", "ых", "их", "ыми", "ими", "ую", "юю", "ей", "ою", "ею",
];

/// The mark of an adjective stem's key.
const ADJECTIVE: char = '~';

/// The mark of a function word's key: it meets only itself, never a stem that happens to be
/// spelt alike (`при` and `прием`, `был` and `быль`, `тем` and `тема`).
const FUNCTION: char = '=';

/// Russian function words (prepositions, conjunctions, particles, pronouns, forms of быть and
/// frequent adverbs), folded. Their forms are not inflected nouns: a search for a noun whose
/// stem they spell must not find them. Measured on UD Russian (docs/search.md).
const RU_FUNCTION: &[&str] = &[
    "а",
    "без",
    "более",
    "бы",
    "был",
    "была",
    "были",
    "было",
    "быть",
    "в",
    "вам",
    "вас",
    "ведь",
    "во",
    "вот",
    "все",
    "всего",
    "всей",
    "всем",
    "всех",
    "всю",
    "вы",
    "где",
    "да",
    "даже",
    "для",
    "до",
    "его",
    "ее",
    "ей",
    "ему",
    "если",
    "есть",
    "еще",
    "же",
    "за",
    "здесь",
    "и",
    "из",
    "или",
    "им",
    "ими",
    "их",
    "к",
    "как",
    "ко",
    "когда",
    "кто",
    "ли",
    "либо",
    "мне",
    "меня",
    "менее",
    "мы",
    "на",
    "над",
    "нам",
    "нас",
    "не",
    "него",
    "нее",
    "ней",
    "нем",
    "ним",
    "них",
    "но",
    "ну",
    "о",
    "об",
    "однако",
    "он",
    "она",
    "они",
    "оно",
    "от",
    "очень",
    "по",
    "под",
    "поэтому",
    "при",
    "про",
    "ранее",
    "рядом",
    "с",
    "сам",
    "себе",
    "себя",
    "со",
    "среди",
    "так",
    "также",
    "там",
    "те",
    "тем",
    "теперь",
    "то",
    "тогда",
    "того",
    "тоже",
    "той",
    "только",
    "том",
    "ту",
    "тут",
    "ты",
    "у",
    "уже",
    "чем",
    "что",
    "чтобы",
    "эта",
    "эти",
    "это",
    "этого",
    "этой",
    "этом",
    "этот",
    "эту",
    "я",
    "далее",
    "часто",
    "кругом",
    "ладно",
    "весь",
    "вся",
];

/// Suppletive and irregular forms no ending rule reaches: the form and the key of its
/// dictionary form (`людей` is a form of `человек`, `лет` of `год`).
const RU_SUPPLETIVE: &[(&str, &str)] = &[
    ("люди", "человек"),
    ("людей", "человек"),
    ("людям", "человек"),
    ("людьми", "человек"),
    ("людях", "человек"),
    ("дети", "ребенок"),
    ("детей", "ребенок"),
    ("детям", "ребенок"),
    ("детьми", "ребенок"),
    ("детях", "ребенок"),
    ("лет", "год"),
    ("мать", "матер"),
    ("дочь", "дочер"),
];

fn is_ru_consonant(c: char) -> bool {
    "бвгджзклмнпрстфхцчшщ".contains(c)
}

fn is_ru_vowel(c: char) -> bool {
    "аеиоуыэюя".contains(c)
}

/// A stem an ending leaves is long enough: three letters, or two consonants (the stems of
/// words with a fleeting vowel: `сна`, `дня`, `пса`). Shorter ones tie unrelated words (`им`
/// from `имя` and `имам`).
fn ru_stem_ok(stem: &str) -> bool {
    let chars: Vec<char> = stem.chars().collect();
    chars.len() >= 3 || chars.len() == 2 && chars.iter().all(|&c| is_ru_consonant(c))
}

fn russian_stems(word: &str, out: &mut Vec<String>) {
    if !word.chars().all(|c| c == '-' || ('а'..='я').contains(&c)) {
        return;
    }
    if RU_FUNCTION.contains(&word) {
        out[0].push(FUNCTION);
        return;
    }
    for (form, key) in RU_SUPPLETIVE {
        if word == *form {
            out.push((*key).to_owned());
        }
    }
    let ok = |stem: &str| ru_stem_ok(stem) && !stem.ends_with('-');
    // The stems the endings leave, with the bare word (the null ending) first.
    let mut stems = vec![(word.to_owned(), "")];
    for e in RU_NOUN {
        if let Some(stem) = word.strip_suffix(e)
            && ok(stem)
        {
            stems.push((stem.to_owned(), e));
        }
    }
    for e in RU_ADJECTIVE {
        if let Some(stem) = word.strip_suffix(e)
            && ok(stem)
        {
            out.push(format!("{stem}{ADJECTIVE}"));
            // Surnames in -ов/-ев/-ин take the adjective's -ым, -ых, -ыми (Мергалиевым).
            if matches!(*e, "ым" | "ых" | "ыми")
                && ["ов", "ев", "ин", "ын"].iter().any(|s| stem.ends_with(s))
            {
                stems.push((stem.to_owned(), e));
            }
        }
    }
    for (stem, ending) in stems {
        let chars: Vec<char> = stem.chars().collect();
        let m = chars.len();
        // A fleeting vowel: рынок → рынк(а), отец → отц(а), сон → сн(а), Павел → Павл(а);
        // in -ь nouns only before н (день → дн(я), огонь → огн(я)): король, Игорь keep it.
        // Only from the dictionary form, so that the shortened stem is what the oblique forms
        // show.
        let fleeting = m >= 3
            && matches!(chars[m - 2], 'е' | 'о')
            && is_ru_consonant(chars[m - 3])
            && is_ru_consonant(chars[m - 1])
            && (ending.is_empty() && m >= 4 || ending == "ь" && chars[m - 1] == 'н');
        if fleeting {
            let short: String = chars[..m - 2].iter().chain([&chars[m - 1]]).collect();
            out.push(short);
        }
        // After л the fleeting е leaves a soft sign: палец → пальц(ем), лед → льд(а).
        if ending.is_empty() && m >= 3 && chars[m - 2] == 'е' && chars[m - 3] == 'л' {
            let short: String = chars[..m - 2]
                .iter()
                .chain(['ь', chars[m - 1]].iter())
                .collect();
            out.push(short);
        }
        // -ей after a consonant: воробей → воробь(я), муравей → муравь(и).
        if ending.is_empty() && m >= 5 && stem.ends_with("ей") && is_ru_consonant(chars[m - 3]) {
            out.push(format!("{}ь", &stem[..stem.len() - "ей".len()]));
        }
        // -ец after a vowel: китаец → китайц(ы), боец → бойц(а).
        if ending.is_empty() && m >= 4 && stem.ends_with("ец") && is_ru_vowel(chars[m - 3]) {
            out.push(format!("{}йц", &stem[..stem.len() - "ец".len()]));
        }
        // -анин/-янин drops -ин in the plural: гражданин → граждан(е).
        if ending.is_empty() && (stem.ends_with("анин") || stem.ends_with("янин")) {
            out.push(stem[..stem.len() - "ин".len()].to_owned());
        }
        // Nouns in -мя: времени, временем, времен → время; имени → имя.
        if stem.ends_with("мен") && m >= 4 && (!ending.is_empty() || m >= 5) {
            out.push(format!("{}мя", &stem[..stem.len() - "мен".len()]));
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
        assert!(same(Lang::Kk, "орын", "орнына"));
        assert!(same(Lang::Kk, "Ас-Сауд", "Ас-Саудтың"));
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
        assert!(same(Lang::Ru, "палец", "пальцем"));
        assert!(same(Lang::Ru, "китаец", "китайцев"));
        assert!(same(Lang::Ru, "человек", "людей"));
        // Function words meet only themselves.
        assert!(!same(Lang::Ru, "прием", "при"));
        assert!(same(Lang::Ru, "при", "при"));
        // Adjectives meet each other, not the noun that shares their stem.
        assert!(same(Lang::Ru, "другой", "других"));
        assert!(!same(Lang::Ru, "друг", "других"));
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

//! Inflectional endings per language: the closed sets of endings the matcher accepts after a
//! name's stem (see `docs/morphology.md` §1 for Kazakh, §2 for Russian).
//!
//! The matcher never stems the text. It finds a name's stem and then asks: is the rest of the
//! word an ending this stem can take? A closed "stem + allowed ending" grammar is used because
//! generic stemmers are inconsistent on proper nouns (docs/morphology.md §2.7), and because the
//! sets here exclude derivational suffixes (қазақстандық, казахстанский, Kazakhstani), which
//! therefore never count as mentions.
//!
//! Where the sources disagree or the reading is unknowable (harmony of -ев surnames, voicing
//! of final ж, how an abbreviation is read aloud), both variants are accepted: a wrong
//! allomorph glued to a proper-name stem is not a real word of another meaning, so accepting
//! it costs no precision.

use std::collections::BTreeSet;

/// The one-character case fold used on both names and text, so that a folded string has
/// exactly one `char` per original `char` (offsets map back one to one).
///
/// Lower-cases (taking the first char of a multi-char lowercase, e.g. `İ` → `i`), folds `ё`
/// to `е` (Russian texts mostly omit the dots), every hyphen/dash-like joiner to `-`, every
/// apostrophe to `'`, and every kind of white space to a plain space.
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    // Fast path for Cyrillic (U+0400–U+04FF), the bulk of kk/ru text: the generic Unicode
    // lowercase lookup is several times slower. Equivalence is tested below.
    let u = c as u32;
    if (0x400..=0x4FF).contains(&u) {
        return char::from_u32(fold_cyrillic(u)).unwrap_or(c);
    }
    match c {
        'ё' | 'Ё' => 'е',
        '\u{2010}' | '\u{2011}' => '-',
        '\u{2019}' | '\u{02BC}' | '\u{2018}' => '\'',
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// [`fold_char`] for a code point of the Cyrillic block (U+0400–U+04FF). The result stays in
/// the block, so its UTF-8 form keeps two bytes: the matcher folds Cyrillic text byte pair for
/// byte pair without decoding to `char` (see `Folded::new` in the matcher).
#[inline]
pub const fn fold_cyrillic(u: u32) -> u32 {
    match u {
        0x401 | 0x451 => 0x435, // ё → е
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => u | 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        _ => u,
    }
}

/// [`fold_cyrillic`] as a table from `u - 0x400` to the folded char's two UTF-8 bytes: the
/// matcher's folding loop spends most of its time on Cyrillic, and a lookup beats the range
/// match there several times over.
pub static FOLD_CYRILLIC_UTF8: [[u8; 2]; 256] = {
    let mut t = [[0u8; 2]; 256];
    let mut k = 0;
    while k < 256 {
        let l = fold_cyrillic(0x400 + k as u32);
        t[k] = [0xC0 | (l >> 6) as u8, 0x80 | (l & 0x3F) as u8];
        k += 1;
    }
    t
};

/// [`is_word_char`] for a code point of the Cyrillic block: every one is a letter except the
/// signs U+0482–U+0489.
#[inline]
pub fn is_cyrillic_word_char(u: u32) -> bool {
    !(0x482..=0x489).contains(&u)
}

/// Folds a whole string with [`fold_char`]; in a word that mixes Latin and Cyrillic letters
/// each Latin look-alike is read as its Cyrillic letter first (see [`cyrillic_look_alike`]),
/// as the matcher does with the text.
pub fn fold(s: &str) -> String {
    let mixed = mixed_script_words(s);
    let mut mixed = mixed.iter().peekable();
    s.char_indices()
        .map(|(i, c)| {
            while mixed.next_if(|r| r.1 <= i).is_some() {}
            match mixed.peek() {
                Some(r) if r.0 <= i => fold_char(cyrillic_look_alike(c).unwrap_or(c)),
                _ => fold_char(c),
            }
        })
        .collect()
}

/// The byte ranges of the words (runs of [`is_word_char`]; combining marks inside are part
/// of the word) that mix Latin and Cyrillic letters.
pub fn mixed_script_words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // (start, has Latin, has Cyrillic) of the word being read.
    let mut cur: Option<(usize, bool, bool)> = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if i < s.len() && is_word_char(c) {
            let (a, l, k) = cur.unwrap_or((i, false, false));
            let cyrillic = ('\u{400}'..='\u{4FF}').contains(&c);
            cur = Some((a, l || c.is_ascii_alphabetic(), k || cyrillic));
        } else if let Some((a, l, k)) = cur.take()
            && l
            && k
        {
            out.push((a, i));
        }
    }
    out
}

/// The Cyrillic letter a Latin letter is mistaken for when typed inside a Cyrillic word: the
/// shapes are identical in most fonts (Bаpвapа), and Kazakh і is often typed as Latin i.
pub fn cyrillic_look_alike(c: char) -> Option<char> {
    const PAIRS: &[(char, char)] = &[
        ('A', 'А'),
        ('a', 'а'),
        ('B', 'В'),
        ('C', 'С'),
        ('c', 'с'),
        ('E', 'Е'),
        ('e', 'е'),
        ('H', 'Н'),
        ('I', 'І'),
        ('i', 'і'),
        ('K', 'К'),
        ('M', 'М'),
        ('O', 'О'),
        ('o', 'о'),
        ('P', 'Р'),
        ('p', 'р'),
        ('T', 'Т'),
        ('X', 'Х'),
        ('x', 'х'),
        ('y', 'у'),
        ('Y', 'У'),
    ];
    PAIRS.iter().find(|p| p.0 == c).map(|p| p.1)
}

/// A letter or digit: what words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Cyrillic block: every code point is a letter except the signs U+0482–U+0489.
    let u = c as u32;
    if (0x400..=0x4FF).contains(&u) {
        return is_cyrillic_word_char(u);
    }
    c.is_alphanumeric()
}

/// Joiners allowed between an abbreviation (or a Latin-script name in Kazakh text) and its
/// suffix: the hyphen and its look-alikes and, tolerated, apostrophes (docs/morphology.md §1.6).
#[inline]
pub fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\'' | '\u{2019}' | '\u{02BC}'
    )
}

/// True when the word is an all-capitals abbreviation: at least two letters, every letter
/// upper case (digits allowed: G20).
pub fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
}

/// True when every letter of the word is Latin script.
pub fn is_latin(word: &str) -> bool {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_ascii_alphabetic())
}

// ---------------------------------------------------------------------------------------
// Kazakh
// ---------------------------------------------------------------------------------------

/// Which vowel series a Kazakh stem's suffixes take (docs/morphology.md §1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Harmony {
    /// а о ұ ы: suffixes with а/ы.
    Back,
    /// ә е і ө ү э: suffixes with е/і.
    Front,
    /// Uncertain (-ев surnames, loans ending in к/г, abbreviations, a last vowel и after a
    /// back vowel): accept both.
    Both,
}

/// The class of a Kazakh stem's last sound, which selects the suffix's first consonant
/// (docs/morphology.md §1.3 table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Final {
    /// A vowel.
    Vowel,
    /// м н ң.
    Nasal,
    /// р й у и (у/и behave as consonants word-finally).
    Sonorant,
    /// л (takes -дар in the plural, otherwise like the sonorants).
    L,
    /// ж з.
    Voiced,
    /// Voiceless consonants and the devoiced loan finals б в г д ғ.
    Voiceless,
}

const KK_BACK: &[char] = &['а', 'о', 'ұ', 'ы', 'я', 'ё'];
const KK_FRONT: &[char] = &['ә', 'е', 'і', 'ө', 'ү', 'э'];

/// The harmony of a folded Kazakh stem: its last unambiguous vowel decides; Russian-type
/// surnames in -ев/-ов/-ин, loans ending in к/г/ь, Latin-script stems and stems without a
/// decisive vowel take both series (docs/morphology.md §1.2: the corpus has Назарбаевтың and
/// Медведевтің side by side).
///
/// и (and у, ю) is not decisive, but when и is the stem's last vowel it does count: a loan's
/// и is a front vowel, whatever comes before it (Мадридтегі, Париждегі, Джоковичті,
/// Каспийден, Ғанидің), while a naturalised Arabic loan reads it as ый and stays back
/// (тарихта, мұхиты). So и after a back vowel takes both series; after a front one, front
/// (Уәлиді, сәбидің), as before. In KazNERD valid such stems take front endings 117 times
/// (карантинде, журналистер, Мадридтегі) and back ones 8 times, all тарих and мұхит. A final
/// я stays back (Францияда, Германияның), as я decides before the и; so does a last у
/// (Коронавирустың).
pub fn kazakh_harmony(stem: &str) -> Harmony {
    if is_latin(stem)
        || stem.ends_with("ев")
        || stem.ends_with("ов")
        || stem.ends_with("ин")
        || stem.ends_with('к')
        || stem.ends_with('г')
        || stem.ends_with('ь')
    {
        return Harmony::Both;
    }
    // Whether the last of the undecisive vowels и, у, ю, if any comes after the decisive one,
    // is и: Коронавирустың keeps its back harmony, its last vowel being у.
    let mut last_is_i = None;
    for c in stem.chars().rev() {
        if KK_BACK.contains(&c) {
            return if last_is_i == Some(true) {
                Harmony::Both
            } else {
                Harmony::Back
            };
        }
        if KK_FRONT.contains(&c) {
            return Harmony::Front;
        }
        if matches!(c, 'и' | 'у' | 'ю') && last_is_i.is_none() {
            last_is_i = Some(c == 'и');
        }
    }
    Harmony::Both
}

/// The final-sound classes of a folded Kazakh stem (several when sources disagree: ж; or
/// when у/и may be read as vowels; or for Latin script and digits, whose reading is unknown).
pub fn kazakh_finals(stem: &str) -> Vec<Final> {
    let mut rev = stem.chars().rev().skip_while(|&c| c == 'ь');
    let Some(last) = rev.next() else {
        return ALL_FINALS.to_vec();
    };
    match last {
        'а' | 'ә' | 'е' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'я' | 'ю' | 'ё' => {
            vec![Final::Vowel]
        }
        'м' | 'н' | 'ң' => vec![Final::Nasal],
        'р' | 'й' => vec![Final::Sonorant],
        'у' | 'и' => vec![Final::Sonorant, Final::Vowel],
        'л' => vec![Final::L],
        'з' => vec![Final::Voiced],
        'ж' => vec![Final::Voiced, Final::Voiceless],
        'к' | 'қ' | 'п' | 'с' | 'т' | 'ш' | 'ф' | 'х' | 'ц' | 'ч' | 'щ' | 'һ' | 'б' | 'в' | 'г'
        | 'д' | 'ғ' => vec![Final::Voiceless],
        _ => ALL_FINALS.to_vec(),
    }
}

const ALL_FINALS: [Final; 6] = [
    Final::Vowel,
    Final::Nasal,
    Final::Sonorant,
    Final::L,
    Final::Voiced,
    Final::Voiceless,
];

/// What a Kazakh stem may take besides the plain cases and the plural.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KazakhOptions {
    /// The name already ends in a 3rd-person possessive (…қауымдастығы, …Ұйымы, Әбішұлы): its
    /// cases take the pronominal н (-ның, -на, -н, -нда, -нан, -мен, -ндағы).
    pub px3_form: bool,
    /// The name may gain a 3rd-person possessive (Жоғарғы Сот → Жоғарғы Соты, Сотының), as
    /// organisation names do after a genitive owner (docs/morphology.md §1.5).
    pub allow_px3: bool,
}

/// The suffixes after a 3rd-person possessive (docs/morphology.md §1.4 table).
fn post_px3(back: bool, out: &mut BTreeSet<String>) {
    let (a, i) = if back { ('а', 'ы') } else { ('е', 'і') };
    let gy = if back { "ғы" } else { "гі" };
    for s in [
        String::new(),
        format!("н{i}ң"),
        format!("н{a}"),
        "н".to_owned(),
        format!("нд{a}"),
        format!("н{a}н"),
        "мен".to_owned(),
        "менен".to_owned(),
        format!("нд{a}{gy}"),
    ] {
        out.insert(s);
    }
}

/// The seven cases, the attributive locative, the similative and the substantive genitive for
/// one final class and harmony series.
fn cases(fin: Final, back: bool, out: &mut BTreeSet<String>) {
    use Final::*;
    let (a, i) = if back { ('а', 'ы') } else { ('е', 'і') };
    let gy = if back { "ғы" } else { "гі" };
    let t = fin == Voiceless;
    // GEN
    out.insert(match fin {
        Vowel | Nasal => format!("н{i}ң"),
        Voiceless => format!("т{i}ң"),
        _ => format!("д{i}ң"),
    });
    // ACC
    out.insert(match fin {
        Vowel => format!("н{i}"),
        Voiceless => format!("т{i}"),
        _ => format!("д{i}"),
    });
    // DAT
    out.insert(match (t, back) {
        (true, true) => "қа".to_owned(),
        (true, false) => "ке".to_owned(),
        (false, true) => "ға".to_owned(),
        (false, false) => "ге".to_owned(),
    });
    // LOC, LOC+ГЫ, similative
    let d = if t { 'т' } else { 'д' };
    out.insert(format!("{d}{a}"));
    out.insert(format!("{d}{a}{gy}"));
    out.insert(format!("{d}{a}й"));
    // ABL
    out.insert(match fin {
        Nasal => format!("н{a}н"),
        Voiceless => format!("т{a}н"),
        _ => format!("д{a}н"),
    });
    // INS (no harmony; the long form is analysis-only in apertium but occurs in text)
    let m = match fin {
        Voiced => 'б',
        Voiceless => 'п',
        _ => 'м',
    };
    out.insert(format!("{m}ен"));
    out.insert(format!("{m}енен"));
    // GEN.SUBST (vowel invariantly front)
    out.insert(match fin {
        Vowel | Nasal => "нікі".to_owned(),
        Voiceless => "тікі".to_owned(),
        _ => "дікі".to_owned(),
    });
}

/// The plural allomorph (docs/morphology.md §1.3, last row).
fn plural(fin: Final, back: bool) -> String {
    use Final::*;
    let a = if back { 'а' } else { 'е' };
    let c = match fin {
        Vowel | Sonorant => 'л',
        Nasal | L | Voiced => 'д',
        Voiceless => 'т',
    };
    format!("{c}{a}р")
}

/// Every suffix string a folded Kazakh stem may take: ∅, cases, plural (+ case, + PX3 + case),
/// and, per `opts`, the post-possessive cases or a gained possessive. Derivational suffixes
/// (-лық/-дық/-тық, -ша "language/manner") are deliberately absent.
pub fn kazakh_suffixes(stem: &str, opts: KazakhOptions) -> BTreeSet<String> {
    kazakh_suffixes_for(
        &kazakh_finals(stem),
        kazakh_harmony(stem),
        opts,
        stem.ends_with(['ы', 'і']),
    )
}

/// [`kazakh_suffixes`] from precomputed classes (the matcher caches one set per class).
pub fn kazakh_suffixes_for(
    finals: &[Final],
    harmony: Harmony,
    opts: KazakhOptions,
    ends_in_high_vowel: bool,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert(String::new());
    let series: &[bool] = match harmony {
        Harmony::Back => &[true],
        Harmony::Front => &[false],
        Harmony::Both => &[true, false],
    };
    for &back in series {
        for &fin in finals {
            cases(fin, back, &mut out);
            let pl = plural(fin, back);
            let mut after_pl = BTreeSet::new();
            cases(Final::Sonorant, back, &mut after_pl);
            // PL + PX3 (-лары/-лері) + its cases.
            let mut after_pl_px = BTreeSet::new();
            post_px3(back, &mut after_pl_px);
            let i = if back { 'ы' } else { 'і' };
            for s in &after_pl {
                out.insert(format!("{pl}{s}"));
            }
            for s in &after_pl_px {
                out.insert(format!("{pl}{i}{s}"));
            }
            out.insert(pl);
            if opts.allow_px3 {
                let px = if fin == Final::Vowel {
                    format!("с{i}")
                } else {
                    i.to_string()
                };
                let mut after = BTreeSet::new();
                post_px3(back, &mut after);
                for s in after {
                    out.insert(format!("{px}{s}"));
                }
            }
        }
        if opts.px3_form && ends_in_high_vowel {
            post_px3(back, &mut out);
        }
    }
    out
}

/// The suffixes that may follow the stem-final к/қ/п voiced to г/ғ/б when a possessive is
/// added (Одақ → Одағы, Одағының): PX3 and its cases only.
pub fn kazakh_voiced_px3_suffixes(harmony: Harmony) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let series: &[bool] = match harmony {
        Harmony::Back => &[true],
        Harmony::Front => &[false],
        Harmony::Both => &[true, false],
    };
    for &back in series {
        let i = if back { 'ы' } else { 'і' };
        let mut after = BTreeSet::new();
        post_px3(back, &mut after);
        for s in after {
            out.insert(format!("{i}{s}"));
        }
    }
    out
}

/// Every allomorph of every case and plural suffix, both harmony series, every final class:
/// what may follow an abbreviation's hyphen, since the suffix follows how the abbreviation is
/// read aloud (ХСӘҚ-ның or ХСӘҚ-тың; БАӘ-нің or БАӘ-да), which the text does not say.
pub fn kazakh_all_suffixes() -> BTreeSet<String> {
    let mut out = kazakh_suffixes_for(&ALL_FINALS, Harmony::Both, KazakhOptions::default(), false);
    out.remove("");
    out
}

/// The dictionary form of an inflected Kazakh word (for corpora that give surface forms only,
/// such as KazNERD): strips a case/plural ending that the remaining stem can take by
/// [`kazakh_suffixes`] (preferring a stem in a possessive, else the shortest ending), never a bare possessive (…Республикасы keeps its -сы, because the
/// possessive is usually part of the name), and keeps at least two letters of stem.
pub fn kazakh_lemma(word: &str) -> &str {
    let folded: Vec<char> = word.chars().map(fold_char).collect();
    let bytes: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    // Cheap prefilter: every suffix is at most 9 chars long.
    let min_k = folded.len().saturating_sub(9).max(2);
    // Every split whose ending the stem can take; then prefer a stem in a possessive
    // (облысы|нда, not облысын|да), else the shortest ending. A toponym's -стан is never an
    // ablative (Қазақстан, Өзбекстан).
    let mut best: Option<(usize, bool)> = None;
    for k in (min_k..folded.len()).rev() {
        if !folded[..k].iter().all(|c| c.is_alphabetic()) {
            continue;
        }
        let stem: String = folded[..k].iter().collect();
        let rest: String = folded[k..].iter().collect();
        if !rest.chars().all(char::is_alphabetic) {
            continue;
        }
        if stem.ends_with('с') && rest.starts_with("тан") {
            continue;
        }
        let px3_form = stem.ends_with(['ы', 'і']);
        let opts = KazakhOptions {
            px3_form,
            allow_px3: false,
        };
        if kazakh_suffixes(&stem, opts).contains(&rest) {
            match best {
                None => best = Some((k, px3_form)),
                Some((_, false)) if px3_form => best = Some((k, true)),
                _ => {}
            }
        }
    }
    if let Some((k, _)) = best {
        return &word[..bytes[k]];
    }
    word
}

// ---------------------------------------------------------------------------------------
// Russian
// ---------------------------------------------------------------------------------------

// Ending sets, folded (ё → е). Each set includes the dictionary ending itself. Sets are the
// union over the genders/animacy a word of that shape may have; forms that only a different
// gender would produce are not real words with another meaning, so they cost no precision.
const RU_HARD: &[&str] = &["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"];
const RU_SIBILANT: &[&str] = &[
    "", "а", "у", "ом", "ем", "е", "и", "ы", "ей", "ов", "ев", "ам", "ами", "ах",
];
// Russian-type surnames (-ов/-ев/-ин/-ын): masculine and plural; -ом for foreign -ин (Дарвином).
// Feminine -ой is deliberately absent: Мергалиевой is not a mention of Мергалиев.
const RU_SURNAME: &[&str] = &["", "а", "у", "ым", "ом", "е", "ы", "ых", "ыми"];
const RU_J: &[&str] = &["й", "я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях"];
const RU_SOFT: &[&str] = &["ь", "я", "ю", "ем", "е", "и", "ью", "ей", "ям", "ями", "ях"];
const RU_A: &[&str] = &[
    "а", "ы", "и", "е", "у", "ой", "ою", "ей", "ею", "ам", "ами", "ах",
];
const RU_YA: &[&str] = &["я", "и", "е", "ю", "ей", "ею", "ям", "ями", "ях"];
// -я after a consonant also takes -ь: the genitive plural (недель) and the colloquial
// vocative of given names (Коля → Коль, Катюня → Катюнь).
const RU_YA_CONS: &[&str] = &["я", "и", "е", "ю", "ей", "ею", "ям", "ями", "ях", "ь"];
// -а after a sibilant also takes the bare stem: the genitive plural and the vocative
// (Маша → Маш, Саша → Саш). Other -а stems do not get it: the bare stem of Мира, Света is
// another word (Мир, Свет).
const RU_A_SIBILANT: &[&str] = &[
    "", "а", "ы", "и", "е", "у", "ой", "ою", "ей", "ею", "ам", "ами", "ах",
];
/// Stems no rule derives: words whose oblique stem drops or changes more than a fleeting
/// vowel, and which name people, bodies or feasts (Христос → Христа, Лев → Льва,
/// Церковь → Церкви, Господь → Господа). Folded.
const RU_IRREGULAR: &[(&str, &str, &[&str])] = &[
    ("христос", "христ", RU_FLEETING),
    ("лев", "льв", RU_FLEETING),
    ("церковь", "церкв", RU_SOFT),
    ("господь", "господ", RU_HARD),
];
const RU_ADJ: &[&str] = &[
    "ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ая", "яя", "ую", "юю",
    "ей", "ое", "ее", "ые", "ие", "ых", "их", "ыми", "ими",
];
const RU_PLURAL: &[&str] = &[
    "ы", "и", "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях",
];
const RU_NEUTER_O: &[&str] = &["о", "а", "у", "ом", "е"];
const RU_NEUTER_E: &[&str] = &["е", "я", "ю", "ем", "и"];
const RU_FLEETING: &[&str] = &[
    "а", "у", "ом", "ем", "е", "ы", "и", "ов", "ев", "ам", "ами", "ах",
];
const RU_ABBR_DECL: &[&str] = &["", "а", "у", "ом", "е"];
/// The indeclinable set: the dictionary form only.
pub const RU_NONE: &[&str] = &[""];

/// One way a word may decline: a folded stem and the endings it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paradigm {
    /// The folded stem every form starts with.
    pub stem: String,
    /// The endings that may follow it (`""` = the bare stem).
    pub endings: &'static [&'static str],
}

/// The paradigms of one Russian word of a name (`word` in its original case, dictionary
/// form). Every word of a multiword name declines (Верховного Суда, Памелы Харрис) while
/// genitive complements stay frozen (Республики Казахстан); the matcher accepts the
/// dictionary form of every word too, which covers both.
///
/// Classes by shape (docs/morphology.md §2.1–2.5): all-caps abbreviations and Latin-script words
/// are indeclinable (ОАЭ, МАСА, IACA; consonant-final abbreviations may take a solid
/// lower-case ending: МИДа); adjectives in -ый/-ой/-ий/-ая/-ое/-ые; nouns by final letter;
/// surnames in -ов/-ев/-ин/-ын with the mixed declension; foreign words in -о/-е/-и/-у/-ю/-э
/// (Алматы is covered by the plural-shaped set, whose extra forms are not real words).
pub fn russian_paradigms(word: &str) -> Vec<Paradigm> {
    let folded = fold(word);
    let chars: Vec<char> = folded.chars().collect();
    let n = chars.len();
    let cut = |k: usize| -> String { chars[..n.saturating_sub(k)].iter().collect() };
    let p = |k: usize, endings: &'static [&'static str]| Paradigm {
        stem: cut(k),
        endings,
    };
    if n == 0 || !folded.chars().all(|c| c.is_alphabetic() || c == '-') {
        return vec![p(0, RU_NONE)];
    }
    if is_abbreviation(word) {
        let last = chars[n - 1];
        return if is_ru_consonant(last) && !is_latin(word) {
            vec![p(0, RU_ABBR_DECL)]
        } else {
            vec![p(0, RU_NONE)]
        };
    }
    if is_latin(word) {
        return vec![p(0, RU_NONE)];
    }
    let mut out = russian_by_shape(&chars);
    if let Some(&(_, stem, endings)) = RU_IRREGULAR.iter().find(|(w, _, _)| *w == folded) {
        // The regular paradigm stays: it carries the dictionary form.
        out.insert(
            0,
            Paradigm {
                stem: stem.to_owned(),
                endings,
            },
        );
    }
    out
}

/// The paradigms of a folded, all-letter, lower-case Russian word, by its final letters.
fn russian_by_shape(chars: &[char]) -> Vec<Paradigm> {
    let n = chars.len();
    let cut = |k: usize| -> String { chars[..n.saturating_sub(k)].iter().collect() };
    let p = |k: usize, endings: &'static [&'static str]| Paradigm {
        stem: cut(k),
        endings,
    };
    let last = chars[n - 1];
    let last2: String = chars[n.saturating_sub(2)..].iter().collect();
    if n >= 4 {
        match last2.as_str() {
            "ый" | "ой" | "ая" | "яя" | "ое" | "ые" => return vec![p(2, RU_ADJ)],
            "ий" => return vec![p(2, RU_ADJ), p(1, RU_J)],
            "ее" => return vec![p(2, RU_ADJ), p(0, RU_NONE)],
            // Adjective plural or neuter noun in -ие (Приморие is rare, Закавказье below).
            "ие" => return vec![p(2, RU_ADJ), p(1, RU_NEUTER_E)],
            _ => {}
        }
    }
    if last2 == "ия" {
        return vec![p(1, RU_YA)];
    }
    match last {
        'а' if n >= 2 && matches!(chars[n - 2], 'ж' | 'ш' | 'ч' | 'щ') => {
            vec![p(1, RU_A_SIBILANT)]
        }
        'а' => vec![p(1, RU_A)],
        'я' if n >= 2 && is_ru_consonant(chars[n - 2]) => vec![p(1, RU_YA_CONS)],
        'я' => vec![p(1, RU_YA)],
        'й' => vec![p(1, RU_J)],
        'ь' => vec![p(1, RU_SOFT)],
        'ы' | 'и' => vec![p(1, RU_PLURAL)],
        'о' => vec![p(1, RU_NEUTER_O)],
        // Neuter nouns in -ье (Полесье → Полесья); otherwise foreign, indeclinable (Актобе).
        'е' if last2 == "ье" => vec![p(1, RU_NEUTER_E)],
        'е' | 'у' | 'ю' | 'э' => vec![p(0, RU_NONE)],
        c if is_ru_consonant(c) => {
            let mut out = Vec::new();
            if matches!(last2.as_str(), "ов" | "ев" | "ин" | "ын") {
                out.push(p(0, RU_SURNAME));
                out.push(p(0, RU_HARD));
            } else if matches!(c, 'ж' | 'ш' | 'ч' | 'щ' | 'ц') {
                out.push(p(0, RU_SIBILANT));
            } else {
                out.push(p(0, RU_HARD));
            }
            // Fleeting vowel: Павел → Павла, Кравец → Кравца, Египет → Египта. Only the
            // oblique endings go with the shortened stem, so the bare stem never matches.
            let fleeting =
                n >= 4 && matches!(chars[n - 2], 'е' | 'о') && is_ru_consonant(chars[n - 3]);
            if fleeting {
                let mut stem: Vec<char> = chars[..n - 2].to_vec();
                stem.push(c);
                out.push(Paradigm {
                    stem: stem.into_iter().collect(),
                    endings: RU_FLEETING,
                });
            }
            out
        }
        _ => vec![p(0, RU_NONE)],
    }
}

fn is_ru_consonant(c: char) -> bool {
    "бвгджзйклмнпрстфхцчшщ".contains(c)
}

// ---------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------

/// English endings after a multiword name's last word, folded (’ → '): none besides the
/// possessive `'s` (handled as a joined ending). A plural would turn one body's name into
/// another's (Court → "DIFC Courts").
pub const EN_ENDINGS: &[&str] = &[""];

/// English endings after a single-word name: the plural -s too, which is sensible for
/// demonyms and families (Israelis, the Mergaliyevs) and harmless for places.
pub const EN_ENDINGS_SINGLE: &[&str] = &["", "s"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_fast_paths_agree_with_unicode() {
        for u in 0x400..=0x4FF_u32 {
            let c = char::from_u32(u).unwrap();
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c} U+{u:04X}");
            let want = match c {
                'ё' | 'Ё' => 'е',
                c => c.to_lowercase().next().unwrap(),
            };
            assert_eq!(fold_char(c), want, "{c} U+{u:04X}");
            let mut buf = [0; 4];
            assert_eq!(
                FOLD_CYRILLIC_UTF8[(u - 0x400) as usize],
                want.encode_utf8(&mut buf).as_bytes(),
                "{c} U+{u:04X}"
            );
        }
    }

    #[test]
    fn harmony_and_finals() {
        use Harmony::*;
        for (stem, harmony) in [
            ("қазақстан", Back),
            ("шымкент", Front),
            ("мерғалиев", Both),
            // A last и after a back vowel: both; after a front one: front.
            ("мадрид", Both),
            ("тарих", Both),
            ("каспий", Both),
            ("аутизм", Both),
            ("уәли", Front),
            ("египет", Front),
            // и that is not the last vowel: the usual rule.
            ("франция", Back),
            ("әлихан", Back),
            ("коронавирус", Back),
        ] {
            assert_eq!(kazakh_harmony(stem), harmony, "{stem}");
        }
        assert_eq!(kazakh_finals("дубай"), vec![Final::Sonorant]);
        assert_eq!(kazakh_finals("бағдад"), vec![Final::Voiceless]);
    }

    #[test]
    fn worked_examples_are_generated() {
        let s = kazakh_suffixes("қазақстан", KazakhOptions::default());
        for e in ["ның", "ға", "ды", "да", "нан", "мен", "дағы", "дар"] {
            assert!(s.contains(e), "{e}");
        }
        assert!(!s.contains("дық"));
        assert!(!s.contains("ша"));
        let s = kazakh_suffixes("шымкент", KazakhOptions::default());
        for e in ["тің", "ке", "ті", "те", "тен", "пен", "тегі"] {
            assert!(s.contains(e), "{e}");
        }
    }

    #[test]
    fn lemma_strips_case_endings_only() {
        assert_eq!(kazakh_lemma("Қазақстанның"), "Қазақстан");
        assert_eq!(kazakh_lemma("Дубайда"), "Дубай");
        assert_eq!(kazakh_lemma("Республикасының"), "Республикасы");
        assert_eq!(kazakh_lemma("Астана"), "Астана");
        assert_eq!(kazakh_lemma("Алматыдағы"), "Алматы");
        assert_eq!(kazakh_lemma("Қазақстан"), "Қазақстан");
        assert_eq!(kazakh_lemma("облысында"), "облысы");
    }

    #[test]
    fn russian_classes() {
        let p = russian_paradigms("Верховный");
        assert_eq!(p[0].stem, "верховн");
        assert!(p[0].endings.contains(&"ого"));
        assert_eq!(russian_paradigms("ОАЭ")[0].endings, RU_NONE);
        assert!(russian_paradigms("Мергалиев")[0].endings.contains(&"ым"));
        assert!(!russian_paradigms("Мергалиев")[0].endings.contains(&"ой"));
        let p = russian_paradigms("Павел");
        assert!(p.iter().any(|p| p.stem == "павл"));
    }
}

//! Kazakh in the 2021 Latin alphabet: one deterministic transliterator from Cyrillic.
//!
//! The letters and the choices are those of `docs/morphology.md` §4 (the 31-letter alphabet
//! the government presented in January 2021: `A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş
//! T U Ū Ü V Y Z`). The mapping is letter by letter, with no lexicon, so the letters the 2021
//! rules spell "by word" get one fixed rendering each, kept together in the table's last rows
//! ([`TABLE`]):
//!
//! - Ё → `io`, Ю → `iu`, Я → `ia` (not ö, ü, ä: choosing those needs the word's origin);
//! - Ц → `ts` and Ч → `ş` (the first of the two spellings the 2021 summaries give for each; Ç
//!   is not a letter of the 2021 alphabet), Щ → `şş`;
//! - Ъ and Ь are dropped, Э → `e`, В → `v`, Ф → `f`, Х and Һ → `h`.
//!
//! It is not reversible: И and Й both become `i`, Х and Һ `h`, Е and Э `e`, Ч and Ш `ş`.
//!
//! **Case.** Every letter is cased from the table, never by Unicode's case mapping: the Turkic
//! pairs are İ/i (from И, Й) and I/ı (from І), and `char::to_uppercase` would turn `i` into `I`
//! and `İ` into `i̇` (two characters). A letter that becomes two (Я → `ia`) is written in
//! title case (`İa`) unless its word is written in capitals, where it is all capitals: a word
//! of at least two letters with no lower-case letter (`ЯНВАРЬ` → `İANVAR`, `ХСӘҚ` → `HSÄQ`).
//! A word is a run of letters, so `ХСӘҚ-ның` is two words and becomes `HSÄQ-nyñ`.
//!
//! **Offsets.** Mentions are byte ranges in the Cyrillic text; [`Transliteration`] keeps where
//! each Cyrillic character's rendering starts, so a range maps onto the same words in the Latin
//! text ([`Transliteration::range`]), and paragraph ids, which do not depend on the text, stay.
//!
//! Characters that are not Cyrillic letters (Latin letters, digits, punctuation, spaces) are
//! copied unchanged. The input is expected in NFC, as the Markdown reader hands it over.

use core::ops::Range;

use crate::document::{Block, Document, Inline};

/// The language tag of Kazakh written in Latin script (`lang="kk-Latn"`).
pub const KK_LATN: &str = "kk-Latn";

/// The script Kazakh is shown in: as written (Cyrillic), or in the 2021 Latin alphabet. Only
/// Kazakh text changes with it; Russian and English read the same in both.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Script {
    /// Cyrillic, as the articles and the interface are written.
    #[default]
    Cyrl,
    /// The 2021 Latin alphabet, through [`to_latin`].
    Latn,
}

impl Script {
    /// Both scripts, Cyrillic first.
    pub const ALL: [Script; 2] = [Script::Cyrl, Script::Latn];

    /// The value of the `script=` query option: `cyrl` or `latn`.
    pub const fn tag(self) -> &'static str {
        match self {
            Script::Cyrl => "cyrl",
            Script::Latn => "latn",
        }
    }

    /// The `script=` value an address carries to ask for this script: none for Cyrillic,
    /// which an address leaves unsaid (the default), so that its links stay as they were.
    pub const fn query_value(self) -> Option<&'static str> {
        match self {
            Script::Cyrl => None,
            Script::Latn => Some(self.tag()),
        }
    }

    /// Reads a `script=` value, ignoring ASCII case and surrounding spaces.
    pub fn from_tag(tag: &str) -> Option<Script> {
        Script::ALL
            .into_iter()
            .find(|s| s.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// Whether Kazakh is written in Latin letters.
    pub const fn is_latin(self) -> bool {
        matches!(self, Script::Latn)
    }

    /// Whether text in `lang` is written in Latin letters where it was Cyrillic: Kazakh in the
    /// Latin script. Russian stays Cyrillic in either script.
    pub const fn latinises(self, lang: crate::Lang) -> bool {
        matches!(lang, crate::Lang::Kk) && self.is_latin()
    }
}

/// One Cyrillic letter: its lower and upper case, and its Latin rendering in lower case, in
/// title case (an upper-case letter in a word not written in capitals) and in capitals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Letter {
    /// The Cyrillic lower-case letter.
    pub lower: char,
    /// The Cyrillic upper-case letter.
    pub upper: char,
    /// The Latin rendering of `lower`.
    pub latin: &'static str,
    /// The Latin rendering of `upper` inside a word that is not all capitals.
    pub title: &'static str,
    /// The Latin rendering of `upper` inside a word written in capitals.
    pub caps: &'static str,
}

const fn l(
    lower: char,
    upper: char,
    latin: &'static str,
    title: &'static str,
    caps: &'static str,
) -> Letter {
    Letter {
        lower,
        upper,
        latin,
        title,
        caps,
    }
}

/// The 42 letters of the Kazakh Cyrillic alphabet, then three old variants of Ң and Ғ that
/// older texts and fonts use. Every case is written out by hand (see the module's docs).
pub const TABLE: [Letter; 45] = [
    l('а', 'А', "a", "A", "A"),
    l('ә', 'Ә', "ä", "Ä", "Ä"),
    l('б', 'Б', "b", "B", "B"),
    l('в', 'В', "v", "V", "V"),
    l('г', 'Г', "g", "G", "G"),
    l('ғ', 'Ғ', "ğ", "Ğ", "Ğ"),
    l('д', 'Д', "d", "D", "D"),
    l('е', 'Е', "e", "E", "E"),
    l('ж', 'Ж', "j", "J", "J"),
    l('з', 'З', "z", "Z", "Z"),
    l('и', 'И', "i", "İ", "İ"),
    l('й', 'Й', "i", "İ", "İ"),
    l('к', 'К', "k", "K", "K"),
    l('қ', 'Қ', "q", "Q", "Q"),
    l('л', 'Л', "l", "L", "L"),
    l('м', 'М', "m", "M", "M"),
    l('н', 'Н', "n", "N", "N"),
    l('ң', 'Ң', "ñ", "Ñ", "Ñ"),
    l('о', 'О', "o", "O", "O"),
    l('ө', 'Ө', "ö", "Ö", "Ö"),
    l('п', 'П', "p", "P", "P"),
    l('р', 'Р', "r", "R", "R"),
    l('с', 'С', "s", "S", "S"),
    l('т', 'Т', "t", "T", "T"),
    l('у', 'У', "u", "U", "U"),
    l('ұ', 'Ұ', "ū", "Ū", "Ū"),
    l('ү', 'Ү', "ü", "Ü", "Ü"),
    l('ф', 'Ф', "f", "F", "F"),
    l('х', 'Х', "h", "H", "H"),
    l('һ', 'Һ', "h", "H", "H"),
    l('ш', 'Ш', "ş", "Ş", "Ş"),
    l('ы', 'Ы', "y", "Y", "Y"),
    l('і', 'І', "ı", "I", "I"),
    l('э', 'Э', "e", "E", "E"),
    l('ъ', 'Ъ', "", "", ""),
    l('ь', 'Ь', "", "", ""),
    // Letters of Russian loans that the 2021 rules spell by word; one fixed choice each.
    l('ё', 'Ё', "io", "İo", "İO"),
    l('ю', 'Ю', "iu", "İu", "İU"),
    l('я', 'Я', "ia", "İa", "İA"),
    l('ц', 'Ц', "ts", "Ts", "TS"),
    l('ч', 'Ч', "ş", "Ş", "Ş"),
    l('щ', 'Щ', "şş", "Şş", "ŞŞ"),
    // Old forms of Ң (with a tail or a hook) and of Ғ (with a hook).
    l('ӊ', 'Ӊ', "ñ", "Ñ", "Ñ"),
    l('ҥ', 'Ҥ', "ñ", "Ñ", "Ñ"),
    l('ӻ', 'Ӻ', "ğ", "Ğ", "Ğ"),
];

/// The table's entry for `c`, and whether `c` is its upper-case form.
fn letter(c: char) -> Option<(&'static Letter, bool)> {
    // Cyrillic (U+0400–U+04FF) only: a quick exit for ASCII and everything else.
    if !('\u{0400}'..='\u{04FF}').contains(&c) {
        return None;
    }
    TABLE.iter().find_map(|entry| {
        if entry.lower == c {
            Some((entry, false))
        } else if entry.upper == c {
            Some((entry, true))
        } else {
            None
        }
    })
}

/// Whether `c` is a letter, for cutting text into words: ASCII and Cyrillic letters (the
/// Cyrillic block, where nearly every character is one), and the Latin letters with marks
/// (U+00C0–U+024F but × and ÷). Not Unicode's full `is_alphabetic`, whose tables would
/// weigh on every page's wasm; a letter of another script is copied as punctuation is, and
/// only the capitals rule of a word holding one can differ.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{0400}'..='\u{04FF}').contains(&c)
        || (('\u{00C0}'..='\u{024F}').contains(&c) && c != '×' && c != '÷')
}

/// Whether `c` is a capital, and whether a small letter, by the table and ASCII alone (see
/// [`is_letter`]); other letters are neither.
fn case_of(c: char) -> (bool, bool) {
    match letter(c) {
        Some((_, upper)) => (upper, !upper),
        None => (c.is_ascii_uppercase(), c.is_ascii_lowercase()),
    }
}

/// Whether `c` is a capital of the ASCII or the Kazakh (and so Russian) Cyrillic alphabet, by
/// the table, without Unicode's case tables.
pub fn is_capital(c: char) -> bool {
    case_of(c).0
}

/// Whether `word` (a run of letters) is written in capitals: two letters or more, none of them
/// lower case. A single capital is a word's first letter, not an abbreviation.
fn in_capitals(word: &str) -> bool {
    let mut upper = 0;
    for c in word.chars() {
        let (is_upper, is_lower) = case_of(c);
        if is_lower {
            return false;
        }
        if is_upper {
            upper += 1;
        }
    }
    upper >= 2
}

/// Transliterates `text`, calling `at(cyrillic, latin)` with the byte offset of every
/// character of `text` and that of its rendering in `out`, and once more with both lengths.
fn transliterate(text: &str, out: &mut String, mut at: impl FnMut(usize, usize)) {
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if !is_letter(c) {
            at(i, out.len());
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let end = text[i..]
            .char_indices()
            .find(|&(_, c)| !is_letter(c))
            .map_or(text.len(), |(j, _)| i + j);
        let word = &text[i..end];
        let caps = in_capitals(word);
        for (j, c) in word.char_indices() {
            at(i + j, out.len());
            match letter(c) {
                Some((entry, false)) => out.push_str(entry.latin),
                Some((entry, true)) if caps => out.push_str(entry.caps),
                Some((entry, true)) => out.push_str(entry.title),
                None => out.push(c),
            }
        }
        i = end;
    }
    at(text.len(), out.len());
}

/// A lower-case word written in the 2021 Latin alphabet, read back into Cyrillic, for search:
/// `None` when it holds anything else (another letter, a digit, a capital). The way back is
/// not unique ([`to_latin`] writes И and Й as `i`, Е and Э as `e`, Х and Һ as `h`, Ч and Ш as
/// `ş`), so this gives the spelling of a Kazakh word: `i` after a vowel is Й, else И; `io`,
/// `iu`, `ia` are Ё, Ю, Я; `e` is Е, `h` Х and `ş` Ш. `joğarğy` → `жоғарғы`, `saiasi` →
/// `саяси`, `qoiylğan` → `қойылған`.
pub fn from_latin(word: &str) -> Option<String> {
    const VOWELS: &str = "aäeıioöuūüy";
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == 'i' && matches!(next, Some('o' | 'u' | 'a')) {
            out.push(match next {
                Some('o') => 'ё',
                Some('u') => 'ю',
                _ => 'я',
            });
            i += 2;
            continue;
        }
        let after_vowel = i > 0 && VOWELS.contains(chars[i - 1]);
        out.push(match c {
            'i' if after_vowel => 'й',
            'e' => 'е',
            'h' => 'х',
            'ş' => 'ш',
            _ => {
                TABLE
                    .iter()
                    .find(|l| l.latin.len() == c.len_utf8() && l.latin.starts_with(c))?
                    .lower
            }
        });
        i += 1;
    }
    Some(out)
}

/// `text` in the 2021 Latin alphabet.
pub fn to_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    transliterate(text, &mut out, |_, _| {});
    out
}

/// `text` in the 2021 Latin alphabet, with `ranges` (byte ranges in `text`, such as mentions)
/// moved onto the same characters of the result. A range whose ends are not character
/// boundaries of `text` (or lie beyond it) comes back as `None`.
pub fn to_latin_with_ranges(
    text: &str,
    ranges: &[Range<usize>],
) -> (String, Vec<Option<Range<usize>>>) {
    let t = Transliteration::new(text);
    let moved = ranges.iter().map(|r| t.range(r.clone())).collect();
    (t.text, moved)
}

/// `document` with every text a reader sees in the 2021 Latin alphabet: text, code, raw HTML
/// shown as text, link and image titles, images' and photos' alternative text, captions. Its
/// shape stays: the same blocks, paragraph numbers and entity mentions (ids, types, what they
/// enclose), so that highlights, paragraph ids and a reader's place carry over. URLs and ids
/// are not text and are copied.
pub fn document_to_latin(document: &Document) -> Document {
    // A copy changed in place: smaller code than building every node anew, which matters in
    // the browser's app.
    let mut latin = document.clone();
    blocks_to_latin(&mut latin.blocks);
    latin
}

fn text_to_latin(text: &mut String) {
    *text = to_latin(text);
}

fn blocks_to_latin(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { inlines, .. }
            | Block::Plain(inlines)
            | Block::Heading { inlines, .. } => inlines_to_latin(inlines),
            Block::BlockQuote(blocks) => blocks_to_latin(blocks),
            Block::List { items, .. } => items.iter_mut().for_each(|b| blocks_to_latin(b)),
            Block::CodeBlock { text, .. } | Block::RawHtml(text) => text_to_latin(text),
            Block::Table { head, rows, .. } => head
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(|cell| inlines_to_latin(cell)),
            Block::Figure(figure) => {
                text_to_latin(&mut figure.alt);
                inlines_to_latin(&mut figure.caption);
            }
            Block::Rule => {}
        }
    }
}

fn inlines_to_latin(inlines: &mut [Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::RawHtml(text) => text_to_latin(text),
            Inline::Link {
                title, children, ..
            } => {
                text_to_latin(title);
                inlines_to_latin(children);
            }
            Inline::Image { title, alt, .. } => {
                text_to_latin(title);
                text_to_latin(alt);
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children)
            | Inline::NoEntity(children)
            | Inline::Entity { children, .. }
            | Inline::EntityRef { children, .. } => inlines_to_latin(children),
            Inline::SoftBreak | Inline::HardBreak => {}
        }
    }
}

/// A text in the 2021 Latin alphabet that remembers where each character of its Cyrillic
/// original went, so that byte offsets into the original (mentions, a reader's selection) can
/// be carried over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transliteration {
    text: String,
    /// `(cyrillic, latin)` byte offsets of the start of every character of the original, in
    /// order, then both lengths. Both columns only grow (Ъ and Ь leave the second one still).
    starts: Vec<(usize, usize)>,
}

impl Transliteration {
    /// Transliterates `cyrillic`, keeping the map of its offsets.
    pub fn new(cyrillic: &str) -> Self {
        let mut text = String::with_capacity(cyrillic.len());
        let mut starts = Vec::with_capacity(cyrillic.len() / 2 + 1);
        transliterate(cyrillic, &mut text, |c, l| starts.push((c, l)));
        Self { text, starts }
    }

    /// The Latin text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The Latin text, the map dropped.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Where the character at byte `cyrillic` of the original starts in the Latin text (for
    /// the original's length, the Latin text's length); `None` if `cyrillic` is not a
    /// character boundary of the original.
    pub fn offset(&self, cyrillic: usize) -> Option<usize> {
        self.starts
            .binary_search_by_key(&cyrillic, |&(c, _)| c)
            .ok()
            .map(|i| self.starts[i].1)
    }

    /// The Latin bytes that render the original's bytes `range`; `None` if either end is not
    /// a character boundary of the original or the range is reversed.
    pub fn range(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.start > range.end {
            return None;
        }
        Some(self.offset(range.start)?..self.offset(range.end)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_words_typed_in_latin_read_back_into_cyrillic() {
        for word in [
            "жоғарғы",
            "соттарының",
            "саяси",
            "қойылған",
            "мерғалиев",
            "қазақстанның",
            "әділет",
            "төрағасы",
            "ұлттық",
            "үкімет",
            "шешімі",
            "байланыс",
            "ойын",
            "аудан",
        ] {
            assert_eq!(from_latin(&to_latin(word)).as_deref(), Some(word), "{word}");
        }
        for not_latin in ["court", "x", "сот", "Sot", "2025"] {
            assert_eq!(from_latin(not_latin), None, "{not_latin}");
        }
    }

    #[test]
    fn the_table_is_cased_consistently() {
        for entry in TABLE {
            assert!(
                entry.lower.is_lowercase() && entry.upper.is_uppercase(),
                "{entry:?}"
            );
            // Title and capitals differ only for two-letter renderings.
            if entry.latin.chars().count() < 2 {
                assert_eq!(entry.title, entry.caps, "{entry:?}");
            }
            for s in [entry.latin, entry.title, entry.caps] {
                assert!(s.chars().all(|c| !('\u{0400}'..='\u{04FF}').contains(&c)));
            }
        }
    }

    #[test]
    fn scripts_read_their_tags() {
        for script in Script::ALL {
            assert_eq!(Script::from_tag(script.tag()), Some(script));
        }
        assert_eq!(Script::from_tag(" LATN "), Some(Script::Latn));
        assert_eq!(Script::from_tag("latin"), None);
        assert_eq!(Script::default(), Script::Cyrl);
        assert!(Script::Latn.is_latin() && !Script::Cyrl.is_latin());
        // An address names only the script that is not the default, by its tag.
        assert_eq!(Script::Cyrl.query_value(), None);
        assert_eq!(
            Script::Latn.query_value().and_then(Script::from_tag),
            Some(Script::Latn)
        );
    }

    #[test]
    fn offsets_follow_the_characters() {
        let t = Transliteration::new("Ақ ЯЬ");
        assert_eq!(t.text(), "Aq İA");
        assert_eq!(t.offset(0), Some(0));
        assert_eq!(t.offset(1), None);
        assert_eq!(t.offset(2), Some(1));
        assert_eq!(t.offset(5), Some(3));
        assert_eq!(t.range(5..9), Some(3..6));
        assert_eq!(t.range(9..9), Some(6..6));
        assert_eq!(t.range(Range { start: 2, end: 0 }), None);
        assert_eq!(t.range(0..99), None);
    }
}

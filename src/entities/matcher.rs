//! The name matcher: finds the inflected mentions of names given in dictionary form.
//!
//! How it works, and why:
//! 1. The text is case-folded one `char` for one `char` ([`fold_char`]) into a buffer, with a
//!    map from each folded byte back to the original byte offset, and the positions where
//!    words start. Folding char-for-char keeps the map trivial and never splits a character.
//! 2. Every name contributes one pattern to a single aho-corasick automaton: the shortest stem
//!    of its first word (Russian stems lose their ending: Верховный → верховн; Kazakh and
//!    English stems are the whole word). At each word start the automaton runs *anchored*, so
//!    a hit can only be a word start; the longest pattern found there carries, precomputed,
//!    every name whose pattern is a prefix of it.
//! 3. Each candidate name is verified word by word against the folded text: stem, then the
//!    rest of the word must be an ending of the closed set from [`morphology`], then white
//!    space and the next word. Capitalisation is checked on the original text.
//! 4. The longest verified candidate at the leftmost word start wins; scanning resumes after
//!    it, so mentions never overlap.
//!
//! Titles: inside a quoted title («Сот әкімшілігінің жаһандық перспективалары», “Global
//! Perspectives on Court Administration”) a multiword name (a body's name) is not a mention
//! unless it covers the whole title. Single-word names (places, people) still count there
//! («Кому на Руси жить хорошо» mentions Русь). A quotation with sentence punctuation or more
//! than twelve words is taken for speech, not a title.

use std::collections::{BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::Lang;
use crate::entities::morphology::{
    self, EN_ENDINGS, EN_ENDINGS_SINGLE, Final, Harmony, KazakhOptions, RU_NONE, fold, fold_char,
    is_abbreviation, is_latin, is_word_char, kazakh_finals, kazakh_harmony,
};

/// A mention found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// Byte offset of the mention's first character in the original text.
    pub start: usize,
    /// Byte offset just past the mention's last character.
    pub end: usize,
    /// Index into the names passed to [`Matcher::new`].
    pub name: usize,
}

/// How a name's word constrains the capitalisation of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// Written in lower case: any case matches (rare for names).
    Lower,
    /// Starts with a capital: the text's word must too (where it is the name's first word).
    Capital,
    /// An all-caps abbreviation (ХСӘҚ, IACA, ОАЭ): only capitals match.
    Caps,
}

/// One way a word of a name may appear: a folded stem and the index of its ending set.
#[derive(Clone, Debug)]
struct Alt {
    stem: Box<str>,
    endings: u32,
}

#[derive(Clone, Debug)]
struct WordPat {
    alts: Vec<Alt>,
    case: Case,
    /// Endings allowed after a joiner (hyphen, apostrophe): ХСӘҚ-ның, Kazakhstan’s.
    joined: Option<u32>,
    /// Number of chars of the shortest stem, over which capitalisation is checked.
    case_chars: usize,
    /// A joiner followed by a lower-case non-ending rules the word out (Kazakh).
    strict_joiner: bool,
}

#[derive(Clone, Debug)]
struct Compiled {
    name: usize,
    words: Vec<WordPat>,
    /// Initials (А.А.) before the first word belong to the mention.
    initials: bool,
}

/// Finds mentions of a fixed set of names, inflected, in text of one language.
///
/// Build it once per language (it compiles an automaton) and reuse it.
#[derive(Clone, Debug)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// Per automaton pattern: the names to verify when it is the longest hit at a word start.
    candidates: Vec<Vec<u32>>,
    compiled: Vec<Compiled>,
    /// Interned ending sets, each sorted for binary search.
    endings: Vec<Vec<Box<str>>>,
}

/// Interns ending sets while a matcher is built, so that 10,000 names share a few dozen sets.
#[derive(Default)]
struct Interner {
    sets: Vec<Vec<Box<str>>>,
    by_content: HashMap<Vec<Box<str>>, u32>,
    by_static: HashMap<usize, u32>,
    by_kazakh: HashMap<(Vec<Final>, Harmony, KazakhOptions, bool), u32>,
    kazakh_all: Option<u32>,
    kazakh_voiced: HashMap<Harmony, u32>,
}

impl Interner {
    fn intern(&mut self, set: BTreeSet<String>) -> u32 {
        let v: Vec<Box<str>> = set.into_iter().map(String::into_boxed_str).collect();
        if let Some(&i) = self.by_content.get(&v) {
            return i;
        }
        let i = self.sets.len() as u32;
        self.sets.push(v.clone());
        self.by_content.insert(v, i);
        i
    }

    fn intern_static(&mut self, set: &'static [&'static str]) -> u32 {
        let key = set.as_ptr() as usize;
        if let Some(&i) = self.by_static.get(&key) {
            return i;
        }
        let i = self.intern(set.iter().map(|s| (*s).to_owned()).collect());
        self.by_static.insert(key, i);
        i
    }

    fn kazakh(&mut self, stem: &str, opts: KazakhOptions) -> u32 {
        let key = (
            kazakh_finals(stem),
            kazakh_harmony(stem),
            opts,
            stem.ends_with(['ы', 'і']),
        );
        if let Some(&i) = self.by_kazakh.get(&key) {
            return i;
        }
        let set = morphology::kazakh_suffixes_for(&key.0, key.1, opts, key.3);
        let i = self.intern(set);
        self.by_kazakh.insert(key, i);
        i
    }

    fn kazakh_all(&mut self, with_empty: bool) -> u32 {
        if !with_empty {
            if let Some(i) = self.kazakh_all {
                return i;
            }
            let i = self.intern(morphology::kazakh_all_suffixes());
            self.kazakh_all = Some(i);
            return i;
        }
        let mut set = morphology::kazakh_all_suffixes();
        set.insert(String::new());
        self.intern(set)
    }

    fn kazakh_voiced(&mut self, h: Harmony) -> u32 {
        if let Some(&i) = self.kazakh_voiced.get(&h) {
            return i;
        }
        let i = self.intern(morphology::kazakh_voiced_px3_suffixes(h));
        self.kazakh_voiced.insert(h, i);
        i
    }
}

fn word_case(word: &str) -> Case {
    if is_abbreviation(word) {
        Case::Caps
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        Case::Capital
    } else {
        Case::Lower
    }
}

fn compile_word(
    lang: Lang,
    word: &str,
    is_last: bool,
    multiword: bool,
    interner: &mut Interner,
) -> WordPat {
    let folded = fold(word);
    let case = word_case(word);
    let exact = interner.intern_static(RU_NONE);
    let mut alts = Vec::new();
    let mut joined = None;
    match lang {
        Lang::Kk => {
            if !is_last {
                alts.push(Alt {
                    stem: folded.clone().into(),
                    endings: exact,
                });
            } else if case == Case::Caps || is_latin(word) || !word.chars().all(char::is_alphabetic)
            {
                // Abbreviations and Latin-script names: any allomorph after a joiner (its
                // choice depends on how the name is read aloud), or written solid.
                alts.push(Alt {
                    stem: folded.clone().into(),
                    endings: interner.kazakh_all(true),
                });
                joined = Some(interner.kazakh_all(false));
            } else {
                let px3_form = folded.ends_with(['ы', 'і']);
                let opts = KazakhOptions {
                    px3_form,
                    allow_px3: multiword && !px3_form,
                };
                alts.push(Alt {
                    stem: folded.clone().into(),
                    endings: interner.kazakh(&folded, opts),
                });
                // к/қ/п voice before the possessive's vowel: Одақ → Одағы.
                if opts.allow_px3 {
                    let mut chars: Vec<char> = folded.chars().collect();
                    let voiced = match chars.last() {
                        Some('к') => Some('г'),
                        Some('қ') => Some('ғ'),
                        Some('п') => Some('б'),
                        _ => None,
                    };
                    if let Some(v) = voiced {
                        chars.pop();
                        chars.push(v);
                        alts.push(Alt {
                            stem: chars.into_iter().collect::<String>().into(),
                            endings: interner.kazakh_voiced(kazakh_harmony(&folded)),
                        });
                    }
                }
            }
        }
        Lang::Ru => {
            for p in morphology::russian_paradigms(word) {
                if p.stem.is_empty() {
                    continue;
                }
                alts.push(Alt {
                    stem: p.stem.into(),
                    endings: interner.intern_static(p.endings),
                });
            }
            // The dictionary form is always accepted: frozen genitive complements
            // (Республики Казахстан) and indeclinable feminine surnames (Памелы Харрис).
            alts.push(Alt {
                stem: folded.clone().into(),
                endings: exact,
            });
        }
        Lang::En => {
            alts.push(Alt {
                stem: folded.clone().into(),
                endings: interner.intern_static(match (is_last, multiword) {
                    (false, _) => RU_NONE,
                    (true, true) => EN_ENDINGS,
                    (true, false) if case == Case::Caps => RU_NONE,
                    (true, false) => EN_ENDINGS_SINGLE,
                }),
            });
            if is_last {
                let mut s = BTreeSet::new();
                s.insert("s".to_owned());
                joined = Some(interner.intern(s));
            }
        }
    }
    let case_chars = alts
        .iter()
        .map(|a| a.stem.chars().count())
        .min()
        .unwrap_or(0);
    WordPat {
        alts,
        case,
        joined,
        case_chars,
        strict_joiner: lang == Lang::Kk,
    }
}

impl Matcher {
    /// Compiles the names (dictionary forms, possibly several words) of one language.
    /// Empty names, or names without a letter or digit, never match.
    pub fn new(lang: Lang, names: &[&str]) -> Matcher {
        let mut interner = Interner::default();
        let mut compiled = Vec::with_capacity(names.len());
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_ids: HashMap<String, u32> = HashMap::new();
        let mut names_of_pattern: Vec<Vec<u32>> = Vec::new();
        for (index, raw) in names.iter().enumerate() {
            let trimmed = raw.trim_matches(|c: char| !is_word_char(c));
            let words: Vec<&str> = trimmed.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            let multiword = words.len() > 1;
            let pats: Vec<WordPat> = words
                .iter()
                .enumerate()
                .map(|(i, w)| compile_word(lang, w, i + 1 == words.len(), multiword, &mut interner))
                .collect();
            // The automaton's pattern is what every form of the first word starts with: the
            // longest common prefix of its stems (Харьков/Харькова/Харькову → харьк…).
            let key = common_prefix(pats[0].alts.iter().map(|a| &*a.stem));
            if key.is_empty() {
                continue;
            }
            let initials = pats[0].case == Case::Capital;
            let c = compiled.len() as u32;
            compiled.push(Compiled {
                name: index,
                words: pats,
                initials,
            });
            let id = *pattern_ids.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                names_of_pattern.push(Vec::new());
                (patterns.len() - 1) as u32
            });
            names_of_pattern[id as usize].push(c);
        }
        // The anchored leftmost-longest search reports only the longest pattern at a word
        // start; give it the names of every pattern that is a prefix of it as well.
        let candidates: Vec<Vec<u32>> = patterns
            .iter()
            .map(|p| {
                let mut all = Vec::new();
                for (k, _) in p.char_indices().skip(1).chain([(p.len(), ' ')]) {
                    if let Some(&id) = pattern_ids.get(&p[..k]) {
                        all.extend_from_slice(&names_of_pattern[id as usize]);
                    }
                }
                all.sort_unstable();
                all.dedup();
                all
            })
            .collect();
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&patterns)
                .ok()
        };
        Matcher {
            ac,
            candidates,
            compiled,
            endings: interner.sets,
        }
    }

    /// Finds the mentions in `text`: sorted, non-overlapping, leftmost-longest, on char
    /// boundaries, each covering the whole inflected word(s) and any initials before a
    /// person's surname.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else {
            return out;
        };
        let folded = Folded::new(text);
        let mut titles = title_regions(text);
        titles.sort_unstable();
        // The titles around the current position: quotation pairs nest, so the ones that
        // contain a position form a stack; walking forward keeps `in_title` O(depth).
        let mut next_title = 0;
        let mut open_titles: Vec<(usize, usize)> = Vec::new();
        let mut last_end = 0usize; // in folded bytes
        let mut last_orig_end = 0usize;
        for &s in &folded.starts {
            let s = s as usize;
            if s < last_end {
                continue;
            }
            let input = Input::new(folded.text.as_str())
                .span(s..folded.text.len())
                .anchored(Anchored::Yes);
            let Some(hit) = ac.find(input) else {
                continue;
            };
            let here = folded.orig(s);
            while next_title < titles.len() && titles[next_title].0 <= here {
                open_titles.push(titles[next_title]);
                next_title += 1;
            }
            open_titles.retain(|&(_, to)| to > here);
            let mut best: Option<(usize, usize, usize)> = None; // (end, name, compiled)
            for &c in &self.candidates[hit.pattern().as_usize()] {
                let comp = &self.compiled[c as usize];
                if let Some(end) = self.verify(comp, &folded, text, s) {
                    let a = folded.orig(s);
                    let b = folded.orig(end);
                    if comp.words.len() > 1 && in_title(&open_titles, text, a, b) {
                        continue;
                    }
                    let better = match best {
                        None => true,
                        Some((e, n, _)) => end > e || (end == e && comp.name < n),
                    };
                    if better {
                        best = Some((end, comp.name, c as usize));
                    }
                }
            }
            if let Some((end, name, c)) = best {
                let mut start = folded.orig(s);
                if self.compiled[c].initials {
                    start = initials_start(text, start, last_orig_end);
                }
                let end_orig = folded.orig(end);
                out.push(Match {
                    start,
                    end: end_orig,
                    name,
                });
                last_end = end;
                last_orig_end = end_orig;
            }
        }
        out
    }

    fn contains(&self, set: u32, rest: &str) -> bool {
        self.endings[set as usize]
            .binary_search_by(|e| (**e).cmp(rest))
            .is_ok()
    }

    /// Verifies one name at folded byte `s`; returns the folded end of the mention.
    fn verify(&self, comp: &Compiled, f: &Folded, text: &str, s: usize) -> Option<usize> {
        let t = f.text.as_str();
        let mut pos = s;
        let mut sentence_start = None;
        for (wi, w) in comp.words.iter().enumerate() {
            if wi > 0 {
                let spaces = t[pos..].bytes().take_while(|&b| b == b' ').count();
                // Initials may be written solid: В.Г.Губарев.
                let solid_ok = t[..pos].ends_with('.');
                if (spaces == 0 && !solid_ok) || spaces > 3 {
                    return None;
                }
                pos += spaces;
            }
            let mut end = None;
            for alt in &w.alts {
                if !t[pos..].starts_with(&*alt.stem) {
                    continue;
                }
                let a = pos + alt.stem.len();
                let b = word_end(t, a);
                let mut bare_ok = self.contains(alt.endings, &t[a..b]);
                if a == b
                    && let Some(joined) = w.joined
                    && let Some(j) = t[b..].chars().next().filter(|&c| is_joiner(c))
                {
                    let c = b + j.len_utf8();
                    let d = word_end(t, c);
                    if d > c && self.contains(joined, &t[c..d]) {
                        end = end.max(Some(d));
                    } else if d > c && w.strict_joiner {
                        // ХСӘҚ-шылар: a lower-case word glued by a hyphen that is not an
                        // inflection makes a derived word, not a mention.
                        let orig = text[f.orig(c)..].chars().next();
                        if orig.is_some_and(char::is_lowercase) {
                            bare_ok = false;
                        }
                    }
                }
                if bare_ok {
                    end = end.max(Some(b));
                }
            }
            let end = end?;
            // Capitalisation, on the original text.
            match w.case {
                Case::Lower => {}
                Case::Caps => {
                    let a = f.orig(pos);
                    if !text[a..]
                        .chars()
                        .take(w.case_chars)
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                    {
                        return None;
                    }
                }
                Case::Capital => {
                    let a = f.orig(pos);
                    let upper = text[a..].chars().next().is_some_and(char::is_uppercase);
                    if wi == 0 {
                        if !upper {
                            return None;
                        }
                    } else {
                        // Inner words may be written either way (Верховного суда), except
                        // where the first word's capital proves nothing: at a sentence start.
                        let at_start = *sentence_start
                            .get_or_insert_with(|| is_sentence_start(text, f.orig(s)));
                        if at_start && !upper {
                            return None;
                        }
                    }
                }
            }
            pos = end;
        }
        Some(pos)
    }
}

/// The longest common prefix of the strings, on a char boundary.
fn common_prefix<'a>(mut stems: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = stems.next() else {
        return String::new();
    };
    let mut len = first.len();
    for s in stems {
        len = first
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    first[..len].to_owned()
}

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2013}')
}

/// The end of the run of word characters starting at `a`.
#[inline]
fn word_end(t: &str, a: usize) -> usize {
    t[a..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(t.len(), |(i, _)| a + i)
}

/// The case-folded text with its map back to original offsets and its word starts.
struct Folded {
    text: String,
    /// Original byte offset of each folded byte's char, plus one entry for the end.
    map: Vec<u32>,
    /// Folded byte offsets where a word starts.
    starts: Vec<u32>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut folded = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut starts = Vec::with_capacity(text.len() / 6);
        let mut prev_word = false;
        for (i, c) in text.char_indices() {
            // Combining marks (the stress accents of dictionaries and Wikipedia: Тюме́нь)
            // are left out of the folded text, so they neither break a word nor a stem; they
            // stay in the mention through the map.
            if is_combining_mark(c) {
                continue;
            }
            let w = is_word_char(c);
            if w && !prev_word {
                starts.push(folded.len() as u32);
            }
            prev_word = w;
            let f = fold_char(c);
            for _ in 0..f.len_utf8() {
                map.push(i as u32);
            }
            folded.push(f);
        }
        map.push(text.len() as u32);
        Folded {
            text: folded,
            map,
            starts,
        }
    }

    #[inline]
    fn orig(&self, folded: usize) -> usize {
        self.map[folded] as usize
    }
}

/// Combining diacritics (U+0300–U+036F): stress marks in Russian reference texts.
#[inline]
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Extends a mention's start over initials written before it: "А.А. ", "Н. Р. ", "A.A.".
/// Each initial is one capital letter at a word start followed by a full stop.
fn initials_start(text: &str, start: usize, floor: usize) -> usize {
    let mut best = start;
    let mut i = start;
    for _ in 0..3 {
        let before = &text[floor.min(i)..i];
        let mut it = before.char_indices().rev().peekable();
        // Optional white space (at most two chars) between initials and what follows.
        let mut skipped = 0;
        while let Some(&(_, c)) = it.peek() {
            if c.is_whitespace() && skipped < 2 {
                it.next();
                skipped += 1;
            } else {
                break;
            }
        }
        let Some((_, '.')) = it.next() else { break };
        let Some((li, letter)) = it.next() else { break };
        if !letter.is_uppercase() || !letter.is_alphabetic() {
            break;
        }
        if it.next().is_some_and(|(_, c)| is_word_char(c)) {
            break;
        }
        i = floor.min(i) + li;
        best = i;
    }
    best
}

/// True when the word at `at` begins a sentence: only white space, opening quotes or brackets
/// and dashes separate it from the start of the text or from . ! ? …
fn is_sentence_start(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        if c.is_whitespace() || "«“„\"'([{–—-".contains(c) {
            continue;
        }
        return ".!?…".contains(c);
    }
    true
}

/// The contents of quotations that look like titles: «…», “…”, „…“ and "…" with at most
/// twelve words and no sentence punctuation (a quoted sentence of speech is not a title and
/// its names still count). Byte ranges of the text between the marks.
fn title_regions(text: &str) -> Vec<(usize, usize)> {
    if !text.contains(['«', '“', '"', '„']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let close = match c {
            '»' => Some('«'),
            '”' => Some('“'),
            '“' if stack.last().is_some_and(|&(o, _)| o == '„') => Some('„'),
            '"' if stack.last().is_some_and(|&(o, _)| o == '"') => Some('"'),
            _ => None,
        };
        if let Some(open) = close {
            if let Some(pos) = stack.iter().rposition(|&(o, _)| o == open) {
                let (_, from) = stack[pos];
                stack.truncate(pos);
                let content = &text[from..i];
                let words = content.split_whitespace().count();
                if words <= 12 && !content.contains(['.', ',', '!', '?', ';', ':', '…']) {
                    out.push((from, i));
                }
            }
            continue;
        }
        if matches!(c, '«' | '“' | '„' | '"') {
            stack.push((c, i + c.len_utf8()));
        }
    }
    out
}

/// True when `[a, b)` lies inside a title without covering all of it.
fn in_title(titles: &[(usize, usize)], text: &str, a: usize, b: usize) -> bool {
    titles.iter().any(|&(from, to)| {
        if a < from || b > to {
            return false;
        }
        let inner = text[from..to].trim();
        let inner_start = from + (text[from..to].len() - text[from..to].trim_start().len());
        !(a <= inner_start && b >= inner_start + inner.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans<'a>(lang: Lang, names: &[&str], text: &'a str) -> Vec<&'a str> {
        Matcher::new(lang, names)
            .find(text)
            .into_iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn smoke() {
        assert_eq!(
            spans(
                Lang::Kk,
                &["Қазақстан"],
                "Қазақстанның тәжірибесі, қазақстандық"
            ),
            ["Қазақстанның"]
        );
        assert_eq!(
            spans(
                Lang::Ru,
                &["Верховный Суд"],
                "Председатель Верховного Суда А.А."
            ),
            ["Верховного Суда"]
        );
    }
}

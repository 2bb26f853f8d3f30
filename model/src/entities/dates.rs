//! Dates in running text: a day or a range of days with a month name, in Kazakh, Russian and
//! English, resolved to ISO dates.
//!
//! Forms found (`-`, `–` or `—` in ranges):
//! - Kazakh: `19 қараша`, `17-19 қараша`, `2025 жылғы 19 қараша`, with case endings on the
//!   month (`қарашада`, `қарашадан`, `қарашаның`) and an optional `2025 ж.`/`2025 жыл` after;
//! - Russian: `19 ноября`, `17–19 ноября`, `19 ноября 2025 г.` (`г.`, `года`, `год`);
//! - English: `19 November`, `17–19 November 2025`, `November 19, 2025`, `November 17–19`.
//!
//! A year written in the text wins; otherwise the caller's year (the article's) is used.
//! Impossible days (31 November) are not dates.

use crate::Lang;
use crate::entities::morphology::{KazakhOptions, fold, kazakh_suffixes};

/// A date mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of the mention's first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// `2025-11-19`, or `2025-11-17/2025-11-19` for a range.
    pub iso: String,
}

// The month names are the ones `Date::format` writes, so what the app prints it also finds.
use crate::content::date::{EN_MONTHS, KK_MONTHS, RU_MONTHS_GENITIVE as RU_MONTHS};

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A small cursor over the text with the helpers the three grammars need.
#[derive(Clone, Copy)]
struct Cur<'a> {
    t: &'a str,
    i: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        &self.t[self.i..]
    }
    /// 1–4 ASCII digits not followed by another digit or letter.
    fn number(&mut self, max_digits: usize) -> Option<u32> {
        let r = self.rest();
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > max_digits {
            return None;
        }
        if r[n..].chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let v = r[..n].parse().ok()?;
        self.i += n;
        Some(v)
    }
    /// At least one (at most three) spaces, including no-break spaces.
    fn spaces(&mut self) -> bool {
        let mut n = 0;
        for c in self.rest().chars() {
            if c == ' ' || c == '\u{a0}' || c == '\u{202f}' {
                self.i += c.len_utf8();
                n += 1;
                if n == 3 {
                    break;
                }
            } else {
                break;
            }
        }
        n > 0
    }
    fn opt_spaces(&mut self) {
        let _ = self.spaces();
    }
    fn dash(&mut self) -> bool {
        let mut c = *self;
        c.opt_spaces();
        match c.rest().chars().next() {
            Some(d @ ('-' | '–' | '—' | '\u{2011}')) => {
                c.i += d.len_utf8();
                c.opt_spaces();
                *self = c;
                true
            }
            _ => false,
        }
    }
    /// The next word (letters only) and its folded form.
    fn word(&mut self) -> Option<String> {
        let r = self.rest();
        let n = r
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(r.len(), |(i, _)| i);
        if n == 0 {
            return None;
        }
        self.i += n;
        Some(fold(&r[..n]))
    }
    fn lit(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.i += s.len();
            true
        } else {
            false
        }
    }
}

fn kk_month(word: &str) -> Option<u8> {
    KK_MONTHS
        .iter()
        .position(|m| {
            word.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || month_suffix_ok(m, rest))
        })
        .map(|i| i as u8 + 1)
}

fn month_suffix_ok(month: &str, rest: &str) -> bool {
    kazakh_suffixes(month, KazakhOptions::default()).contains(rest)
}

/// Optional year after a date, `2025`, with the year word that may follow it: Kazakh
/// `ж.`, `жыл`, `жылы`, `жылғы`; Russian `г.`, `год`, `года`, `году`.
fn year_after(c: &mut Cur, lang: Lang) -> Option<u16> {
    let mut k = *c;
    if !k.spaces() {
        return None;
    }
    let y = k.number(4).filter(|y| *y >= 1000)? as u16;
    let mut w = k;
    w.opt_spaces();
    let word = w.word();
    let (abbreviation, words): (&str, &[&str]) = match lang {
        Lang::Kk => ("ж", &["жыл", "жылы", "жылғы"]),
        Lang::Ru => ("г", &["год", "года", "году"]),
        Lang::En => ("", &[]),
    };
    match word.as_deref() {
        // Kazakh writes `2025 ж.` with its full stop; Russian `2025 г` may drop it.
        Some(a) if a == abbreviation && (w.lit(".") || lang == Lang::Ru) => k = w,
        Some(full) if words.contains(&full) => k = w,
        _ => {}
    }
    *c = k;
    Some(y)
}

fn en_year_after(c: &mut Cur) -> Option<u16> {
    let mut k = *c;
    k.lit(",");
    if !k.spaces() {
        return None;
    }
    let y = k.number(4).filter(|y| *y >= 1000)? as u16;
    *c = k;
    Some(y)
}

/// `D` or `D-D`.
fn days(c: &mut Cur) -> Option<(u32, Option<u32>)> {
    let d1 = c.number(2)?;
    let mut k = *c;
    if k.dash()
        && let Some(d2) = k.number(2)
    {
        *c = k;
        return Some((d1, Some(d2)));
    }
    Some((d1, None))
}

fn iso(year: u16, month: u8, d1: u32, d2: Option<u32>) -> Option<String> {
    let max = u32::from(days_in_month(year, month));
    let ok = |d: u32| (1..=max).contains(&d);
    if !ok(d1) {
        return None;
    }
    match d2 {
        Some(d2) if ok(d2) && d2 > d1 => Some(format!(
            "{year:04}-{month:02}-{d1:02}/{year:04}-{month:02}-{d2:02}"
        )),
        Some(_) => None,
        None => Some(format!("{year:04}-{month:02}-{d1:02}")),
    }
}

/// Tries a date starting at byte `i` (a digit or letter at a word start).
fn date_at(text: &str, i: usize, lang: Lang, year: u16) -> Option<DateMatch> {
    let mut c = Cur { t: text, i };
    let (y0, (d1, d2), month) = match lang {
        Lang::Kk => {
            // (YYYY жылғы)? D(-D)? month(suffix)? (YYYY ж.)?
            let mut y0 = None;
            let mut k = c;
            if let Some(y) = k.number(4).filter(|y| *y >= 1000)
                && k.spaces()
                && matches!(k.word().as_deref(), Some("жылғы" | "жылы"))
                && k.spaces()
            {
                y0 = Some(y as u16);
                c = k;
            }
            let ds = days(&mut c)?;
            if !c.spaces() {
                return None;
            }
            let m = kk_month(&c.word()?)?;
            let y1 = if y0.is_none() {
                year_after(&mut c, Lang::Kk)
            } else {
                None
            };
            (y0.or(y1), ds, m)
        }
        Lang::Ru => {
            let ds = days(&mut c)?;
            if !c.spaces() {
                return None;
            }
            let w = c.word()?;
            let m = RU_MONTHS.iter().position(|m| *m == w)? as u8 + 1;
            (year_after(&mut c, Lang::Ru), ds, m)
        }
        Lang::En => {
            if text[i..].starts_with(|ch: char| ch.is_ascii_digit()) {
                let ds = days(&mut c)?;
                if !c.spaces() {
                    return None;
                }
                let w = c.word()?;
                let m = EN_MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&w))? as u8 + 1;
                (en_year_after(&mut c), ds, m)
            } else {
                let w = c.word()?;
                let m = EN_MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&w))? as u8 + 1;
                if !c.spaces() {
                    return None;
                }
                let ds = days(&mut c)?;
                (en_year_after(&mut c), ds, m)
            }
        }
    };
    let iso = iso(y0.unwrap_or(year), month, d1, d2)?;
    Some(DateMatch {
        start: i,
        end: c.i,
        iso,
    })
}

/// Finds the dates in `text`, in order, without overlaps. `year` is used when the text does
/// not give one (an article's year).
pub fn find_dates(text: &str, lang: Lang, year: u16) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (i, ch) in text.char_indices() {
        let before = prev.replace(ch);
        // Cheap ASCII tests first: classifying every Cyrillic letter with Unicode tables
        // would dominate the time, and dates only start at a digit (or an English month).
        let candidate = ch.is_ascii_digit() || (lang == Lang::En && ch.is_ascii_uppercase());
        if !candidate || i < skip_to || before.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(m) = date_at(text, i, lang, year) {
            skip_to = m.end;
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic() {
        let d = find_dates("17-19 қараша аралығында", Lang::Kk, 2025);
        assert_eq!(d[0].iso, "2025-11-17/2025-11-19");
        assert_eq!(
            &"17-19 қараша аралығында"[d[0].start..d[0].end],
            "17-19 қараша"
        );
    }
}

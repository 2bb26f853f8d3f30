//! Calendar dates as articles carry them, and how each language writes them.

use std::fmt;

use crate::lang::Lang;

/// A calendar date (proleptic Gregorian), as in an article's front matter.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting days that do not exist (`2025-02-30`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let date = Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        };
        (year >= 1900 && (1..=12).contains(&month) && day >= 1 && date.day <= date.days_in_month())
            .then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if self.year.is_multiple_of(4)
                && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => 31,
        }
    }

    /// The date as that language's readers write it in running text:
    /// `2025 жылғы 19 қараша`, `19 ноября 2025 г.`, `19 November 2025`.
    pub fn format(self, lang: Lang) -> String {
        let m = usize::from(self.month - 1);
        match lang {
            Lang::Kk => format!("{} жылғы {} {}", self.year, self.day, KK_MONTHS[m]),
            Lang::Ru => format!("{} {} {} г.", self.day, RU_MONTHS_GENITIVE[m], self.year),
            Lang::En => format!("{} {} {}", self.day, EN_MONTHS[m], self.year),
        }
    }
}

impl fmt::Display for Date {
    /// ISO 8601, as in `<time datetime>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Month names as running text writes them (Russian in the genitive).
pub(crate) const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
/// Month names as running text writes them (Russian in the genitive).
pub(crate) const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Month names as running text writes them (Russian in the genitive).
pub(crate) const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let d = Date::parse_iso("2025-11-19").unwrap();
        assert_eq!(d.to_string(), "2025-11-19");
        assert_eq!(d.format(Lang::Kk), "2025 жылғы 19 қараша");
        assert_eq!(d.format(Lang::Ru), "19 ноября 2025 г.");
        assert_eq!(d.format(Lang::En), "19 November 2025");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-1",
            "20251119",
            "2025-11-19x",
            "２０２５-11-19",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2024-02-29").is_some());
    }
}

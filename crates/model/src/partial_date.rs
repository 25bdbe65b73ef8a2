use serde::{Deserialize, Serialize};

use crate::Date;

/// A calendar date known to the year, the month or the day: the date part of a TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl PartialDate {
    pub fn day(date: Date) -> Self {
        PartialDate { year: date.year(), month: Some(date.month()), day: Some(date.day()) }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also a TIMEX3 value with a time part, which is ignored).
    /// Anything else, such as `P3Y`, `XXXX-WXX-3` or `2023-W11`, gives `None`.
    pub fn parse(value: &str) -> Option<Self> {
        let date_part = value.split('T').next()?;
        let mut parts = date_part.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(parse_digits(m, 2).filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(parse_digits(d, 2)?),
        };
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate { year: year as i16, month: month.map(|m| m as i8), day: day.map(|d| d as i8) };
        if let (Some(m), Some(d)) = (date.month, date.day) {
            Date::new(date.year, m, d).ok()?;
        }
        Some(date)
    }

    /// The full date, when the day is known.
    pub fn to_date(self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?).ok()
    }

    /// First and last day covered.
    pub fn range(self) -> (Date, Date) {
        let first = Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN);
        let last = match (self.month, self.day) {
            (Some(_), Some(_)) => first,
            (Some(_), None) => first.last_of_month(),
            _ => Date::new(self.year, 12, 31).unwrap_or(Date::MAX),
        };
        (first, last)
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_timex_date_values() {
        assert_eq!(PartialDate::parse("2011").unwrap().to_string(), "2011");
        assert_eq!(PartialDate::parse("2022-12").unwrap().to_string(), "2022-12");
        assert_eq!(PartialDate::parse("2023-03-15T17:00").unwrap().to_string(), "2023-03-15");
        assert_eq!(PartialDate::parse("P3Y"), None);
        assert_eq!(PartialDate::parse("XXXX-WXX-3"), None);
        assert_eq!(PartialDate::parse("2023-W11"), None);
        assert_eq!(PartialDate::parse("2023-02-30"), None);
    }

    #[test]
    fn ranges_cover_the_period() {
        let (a, b) = PartialDate::parse("2024-02").unwrap().range();
        assert_eq!((a.to_string(), b.to_string()), ("2024-02-01".into(), "2024-02-29".into()));
    }
}

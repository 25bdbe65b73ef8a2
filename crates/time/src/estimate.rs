//! Estimates when an undated article was written, from the dates it mentions.
//!
//! Three news conventions carry the estimate:
//! - what a past-tense clause reports happened before the writing, so its dates bound the writing date from below;
//!   what a future-tense clause announces is still to come, so its dates bound it from above;
//! - a month in the year of writing is written without its year ("on February 6"), a month of an earlier year with
//!   it ("in September 2021"), so yearless dates fall in years after every month-and-year date of the text (bare
//!   years such as "in 2011", and full dates in a text that writes recent dates in full, say less: the yearless
//!   dates fall in or after them);
//! - yearless dates are recent: they are placed in the shortest stretch of the calendar that holds them all, or in
//!   the year up to the latest day the text writes in full.
//!
//! The best guess is a day: the latest day the past dates reach, moved on to the latest past weekday the text
//! names, and only when that day is a yearless (recent) one or the text tells of the days around its writing
//! ("today", "yesterday", "on Monday"); otherwise the estimate is a range.

use chronicle_model::{Date, PartialDate, Span};

use crate::calendar::{add_days, weekday};
use crate::expr::{DayOf, Expr, Which};
use crate::lang::{Tense, Unit};

/// When an undated article was probably written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateEstimate {
    /// The most likely day, when the text pins it down to a day.
    pub best: Option<Date>,
    /// The article was written on or after this day.
    pub earliest: Date,
    /// The article was written on or before this day, when the text names a later date as still to come.
    pub latest: Option<Date>,
}

/// A yearless month (and day) the text mentions.
#[derive(Debug, Clone, Copy)]
struct Yearless {
    month: i8,
    day: Option<i8>,
    future: bool,
}

impl Yearless {
    /// Position in the year, in days from 1 January of a 31-day-month calendar.
    fn position(self) -> i32 {
        i32::from(self.month - 1) * 31 + i32::from(self.day.unwrap_or(1) - 1)
    }

    fn in_year(self, year: i16) -> PartialDate {
        PartialDate { year, month: Some(self.month), day: self.day }
    }
}

/// Estimates when an undated article was written, from its own explicit dates and weekday references: a best
/// guess plus an honest range, or `None` when the text gives nothing to go on.
pub fn estimate_dct(text: &str, sentences: &[Span]) -> Option<DateEstimate> {
    let mut bounds = Bounds::default();
    let mut full_year: Option<i16> = None;
    let mut latest_full: Option<(i16, i8, i8)> = None;
    let mut month_year: Option<i16> = None;
    let mut bare_year: Option<i16> = None;
    let mut yearless = Vec::new();
    let mut weekdays = Vec::new();
    let mut named_months = Vec::new();
    let mut days_near = false;
    // The latest day written without its year: news writes recent days so ("on June 3").
    let mut recent_day = None;
    crate::scan(text, sentences, |m, _, tense| match (m.expr, tense) {
        (Expr::Calendar { year: Some(_), month: Some(month), .. }, _)
            if !matches!(tense, Some(Tense::Past | Tense::Future)) =>
        {
            named_months.push(month);
        }
        (Expr::Calendar { year: Some(year), month, day, .. }, Some(Tense::Past | Tense::Future)) => {
            named_months.extend(month);
            let date = PartialDate { year, month, day };
            bounds.add(date, tense == Some(Tense::Future));
            if tense == Some(Tense::Past) {
                let seen = match (month, day) {
                    (Some(month), Some(day)) => {
                        latest_full = latest_full.max(Some((year, month, day)));
                        &mut full_year
                    }
                    (Some(_), None) => &mut month_year,
                    _ => &mut bare_year,
                };
                *seen = (*seen).max(Some(year));
            }
        }
        (Expr::Calendar { year: None, month: Some(month), day, which: Which::ByTense }, _) => {
            yearless.push(Yearless { month, day, future: tense == Some(Tense::Future) });
        }
        (Expr::Weekday { weekday, which: Which::ByTense }, Some(Tense::Past)) => weekdays.push(weekday),
        (Expr::Deictic { unit: Unit::Day, .. } | Expr::PartOfDay { day: DayOf::Deictic(_), .. }, _) => days_near = true,
        _ => {}
    });
    // A yearless month that the text also names with a year is that month again ("since November").
    yearless.retain(|m| !named_months.contains(&m.month));
    // A text that writes recent dates in full ("March 12, 2009") does not follow the convention.
    let first_year = match (full_year, month_year) {
        (Some(full), Some(month)) if full >= month => Some(full),
        (_, Some(month)) => Some(month + 1),
        (full, None) => full.or(bare_year),
    };
    if let Some(first_year) = first_year {
        let anchor = latest_full.filter(|f| f.0 == first_year).map(|(_, month, day)| Yearless {
            month,
            day: Some(day),
            future: false,
        });
        for (date, future) in place(&yearless, first_year, anchor) {
            bounds.add(date, future);
            if !future && date.day.is_some() {
                recent_day = recent_day.max(Some(date.range().0));
            }
        }
    }
    let (earliest, to_the_day) = bounds.earliest?;
    let latest = bounds.latest.filter(|l| *l >= earliest);
    let after_weekdays =
        weekdays.iter().filter_map(|&w| add_days(earliest, i64::from((w - weekday(earliest)).rem_euclid(7)))).max();
    // Only a bound known to the day gives a best guess, when it is a recent day or the text tells of the days
    // around its writing ("today", "on Monday").
    let near = days_near || !weekdays.is_empty() || recent_day == Some(earliest);
    let best =
        (to_the_day && near).then(|| after_weekdays.unwrap_or(earliest)).filter(|b| latest.is_none_or(|l| *b <= l));
    Some(DateEstimate { best, earliest, latest })
}

/// The bounds the dates of a text put on its writing date.
#[derive(Default)]
struct Bounds {
    /// The latest first day of a past date, and whether that date was known to the day.
    earliest: Option<(Date, bool)>,
    /// The earliest last day of a future date.
    latest: Option<Date>,
}

impl Bounds {
    fn add(&mut self, date: PartialDate, future: bool) {
        let (first, last) = date.range();
        if future {
            self.latest = Some(self.latest.map_or(last, |l| l.min(last)));
        } else if self.earliest.is_none_or(|(e, _)| first > e) {
            self.earliest = Some((first, date.day.is_some()));
        }
    }
}

/// Places the yearless mentions in the shortest stretch of the calendar whose past mentions all fall in
/// `first_year` or later; future mentions follow the last past one. When the text writes a day of `first_year` in
/// full (`anchor`), the yearless mentions lie within a year of that day: past ones up to it, future ones after it.
fn place(mentions: &[Yearless], first_year: i16, anchor: Option<Yearless>) -> Vec<(PartialDate, bool)> {
    if let Some(anchor) = anchor {
        let year = |m: &Yearless| match (m.future, m.position().cmp(&anchor.position())) {
            (false, std::cmp::Ordering::Greater) => first_year - 1,
            (true, std::cmp::Ordering::Less) => first_year + 1,
            _ => first_year,
        };
        return mentions.iter().map(|m| (m.in_year(year(m)), m.future)).collect();
    }
    let past: Vec<Yearless> = mentions.iter().copied().filter(|m| !m.future).collect();
    let spread = |last: &Yearless| past.iter().map(|m| (last.position() - m.position()).rem_euclid(372)).max();
    let last = past.iter().min_by_key(|m| (spread(m), -m.position())).copied();
    let last_position = last.map_or(0, Yearless::position);
    let wraps = past.iter().any(|m| m.position() > last_position);
    let year = first_year + i16::from(wraps);
    mentions
        .iter()
        .map(|m| {
            let y = match (m.future, m.position() > last_position) {
                (false, true) => year - 1,
                (true, false) if last.is_some() => year + 1,
                _ => year,
            };
            (m.in_year(y), m.future)
        })
        .collect()
}

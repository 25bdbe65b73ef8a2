//! Turns the meaning of an expression into a TIMEX3 type and value, against the document creation time, the tense
//! of its clause and the last date the text named.

use std::cmp::Ordering;

use chronicle_model::{Date, TimeType};
use jiff::civil::{ISOWeekDate, Weekday};

use crate::calendar::{
    add_days, add_months, day_value, duration_value, feast_day, quarter_of, season_index, season_of, week_value,
    weekday,
};
use crate::expr::{Amount, DayOf, Expr, SetValue, Which};
use crate::lang::{Feast, Tense, Unit};

/// Resolves the expressions of one document, in text order.
pub struct Resolver {
    dct: Option<Date>,
    /// The last day the text named, for "the next day" and clock times; starts at the document date.
    anchor: Option<Date>,
    /// The last calendar period the text named (`2009-02`, `2009-Q3`), for "the same period last year".
    period: Option<String>,
}

impl Resolver {
    pub fn new(dct: Option<Date>) -> Self {
        Resolver { dct, anchor: dct, period: None }
    }

    /// The TIMEX3 type and value of `expr`, said in a clause of the given tense.
    pub fn resolve(&mut self, expr: Expr, tense: Option<Tense>) -> (TimeType, String) {
        match expr {
            Expr::Clock { hour, minute, utc, day } => {
                let date = match day {
                    Some(day) => self.day_of(day, tense),
                    None => self.anchor,
                };
                let day = date.map_or_else(|| "XXXX-XX-XX".to_string(), |d| self.named_day(d));
                (TimeType::Time, format!("{day}T{hour:02}:{minute:02}{}", if utc { "Z" } else { "" }))
            }
            Expr::PartOfDay { day, part } => {
                let day = self.day_of(day, tense).map_or_else(|| "XXXX-XX-XX".to_string(), |d| self.named_day(d));
                (TimeType::Time, format!("{day}T{part}"))
            }
            Expr::Duration { amount, unit } => (TimeType::Duration, duration_value(amount, unit)),
            Expr::Set(set) => (TimeType::Set, set_value(set)),
            Expr::SamePeriod { years, unit } => (TimeType::Date, self.same_period(years, unit)),
            _ => {
                let value = self.date(expr, tense);
                let year = value.strip_prefix("FY").unwrap_or(&value).get(..4);
                if year.is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())) {
                    self.period = Some(value.clone());
                }
                (TimeType::Date, value)
            }
        }
    }

    /// The last period named, moved by `years`. With a unit, the period of that unit which holds the last one
    /// named, else the document's.
    fn same_period(&mut self, years: i32, unit: Option<Unit>) -> String {
        let dct = self.dct;
        let period = match (self.period.clone(), unit) {
            (Some(last), None) => Some(last),
            (Some(last), Some(unit)) => match period_of(&last) {
                Some((named, _)) if named == unit => Some(last),
                Some((named, start)) if named < unit => self.deictic(start, unit, 0),
                _ => dct.and_then(|d| self.deictic(d, unit, 0)),
            },
            (None, unit) => dct.and_then(|d| self.deictic(d, unit.unwrap_or(Unit::Year), 0)),
        };
        // A fiscal year keeps its prefix: "FY2006".
        let (fiscal, period) = match period.as_deref() {
            Some(p) => p.strip_prefix("FY").map_or(("", Some(p)), |rest| ("FY", Some(rest))),
            None => ("", None),
        };
        let named = period.and_then(|p| Some((p.get(..4)?.parse::<i32>().ok()?, p.get(4..)?)));
        match named {
            Some((year, rest)) => format!("{fiscal}{:04}{rest}", year + years),
            None => "XXXX".into(),
        }
    }

    fn day_of(&self, day: DayOf, tense: Option<Tense>) -> Option<Date> {
        match day {
            DayOf::Deictic(offset) => self.dct.and_then(|d| add_days(d, offset.into())),
            DayOf::Weekday(w) => self.dct.and_then(|d| weekday_near(d, w, Which::ByTense, tense)),
            DayOf::Anchor(offset) => self.anchor.and_then(|d| add_days(d, offset.into())),
            DayOf::Date { year, month, day } => {
                let year = year.or_else(|| self.year_of(month, Some(day), Which::ByTense, tense))?;
                Date::new(year, month, day).ok()
            }
        }
    }

    /// Records `date` as the last day named and formats it.
    fn named_day(&mut self, date: Date) -> String {
        self.anchor = Some(date);
        day_value(date)
    }

    fn date(&mut self, expr: Expr, tense: Option<Tense>) -> String {
        let dct = self.dct;
        match expr {
            Expr::Calendar { year, month, day, which } => self.calendar(year, month, day, which, tense),
            Expr::MonthWeek { year, month, last } => {
                let year = year.or_else(|| self.year_of(month, None, Which::ByTense, tense));
                let first = year.and_then(|y| Date::new(y, month, 1).ok());
                // The week of the month's first Monday, or of its last Sunday.
                let day = first.and_then(|d| match last {
                    false => add_days(d, i64::from((8 - weekday(d)) % 7)),
                    true => add_days(d.last_of_month(), -i64::from(weekday(d.last_of_month()) % 7)),
                });
                day.map_or_else(|| format!("{}-WXX", year_or_x(year)), week_value)
            }
            Expr::Numeric { first, second, year } => self.numeric(first, second, year),
            Expr::Weekday { weekday: w, which } => match dct.and_then(|d| weekday_near(d, w, which, tense)) {
                Some(date) => self.named_day(date),
                None => format!("XXXX-WXX-{w}"),
            },
            Expr::AnchoredWeekday { weekday: w, offset } => {
                let (which, tense) = match offset.cmp(&0) {
                    Ordering::Greater => (Which::Next, None),
                    Ordering::Less => (Which::Last, None),
                    Ordering::Equal => (Which::ByTense, Some(Tense::Present)),
                };
                match self.anchor.and_then(|a| weekday_near(a, w, which, tense)) {
                    Some(date) => self.named_day(date),
                    None => format!("XXXX-WXX-{w}"),
                }
            }
            Expr::Weekend => match dct.and_then(|d| weekday_near(d, 6, Which::ByTense, tense)) {
                Some(saturday) => format!("{}-WE", week_value(saturday)),
                None => "XXXX-WXX-WE".into(),
            },
            Expr::Era { prefix, century } => {
                if century {
                    format!("{prefix:02}")
                } else {
                    format!("{prefix:03}")
                }
            }
            Expr::Season { year, season, which } => {
                let year = year.or_else(|| {
                    let d = dct?;
                    Some(d.year() + shift_year(season_index(season).cmp(&season_of(d.month())), which, tense))
                });
                format!("{}-{season}", year_or_x(year))
            }
            Expr::Quarter { year, quarter, half, which } => {
                let year = year.or_else(|| {
                    let d = dct?;
                    let current = if half { u8::from(d.month() > 6) + 1 } else { quarter_of(d.month()) };
                    let shift = match (which, tense) {
                        // Past quarters are over; any other is most often the one whose results are due.
                        (Which::ByTense, None | Some(Tense::Present | Tense::Future)) => {
                            nearest_period(quarter, current, half)
                        }
                        _ => shift_year(quarter.cmp(&current), which, tense),
                    };
                    Some(d.year() + shift)
                });
                format!("{}-{}{quarter}", year_or_x(year), if half { "H" } else { "Q" })
            }
            Expr::Deictic { unit, offset } => match dct {
                Some(d) => self.deictic(d, unit, offset).unwrap_or_else(|| reference(offset)),
                None => reference(offset),
            },
            Expr::Ago { amount: Amount::Exactly(n), unit } => match dct {
                Some(d) => {
                    // A number of weeks ago is a day; of decades or centuries, a year.
                    let (unit, n) = match unit {
                        Unit::Week => (Unit::Day, 7.0 * n),
                        Unit::Decade => (Unit::Year, 10.0 * n),
                        Unit::Century => (Unit::Year, 100.0 * n),
                        _ => (unit, n),
                    };
                    self.deictic(d, unit, -(n.round() as i32)).unwrap_or_else(|| reference(-1))
                }
                None => reference(-1),
            },
            Expr::Ago { .. } => reference(-1),
            Expr::Anaphoric { unit, offset } => {
                // A week, month, quarter or year counts from the last period named when that is no longer.
                let last = self.period.as_deref().and_then(period_of);
                let start = last.filter(|(named, _)| unit >= Unit::Week && *named <= unit).map(|(_, start)| start);
                match start.or(self.anchor) {
                    Some(d) => self.deictic(d, unit, offset).unwrap_or_else(|| "XXXX-XX-XX".into()),
                    None => "XXXX-XX-XX".into(),
                }
            }
            Expr::Fiscal { year, shift } => {
                let year = year.map(i32::from).or_else(|| Some(i32::from(dct?.year()) + shift));
                year.map_or_else(|| "FYXXXX".into(), |y| format!("FY{y:04}"))
            }
            Expr::Ref(tense) => match tense {
                Tense::Past => "PAST_REF",
                Tense::Present => "PRESENT_REF",
                Tense::Future => "FUTURE_REF",
            }
            .into(),
            Expr::Clock { .. }
            | Expr::PartOfDay { .. }
            | Expr::Duration { .. }
            | Expr::Set(_)
            | Expr::SamePeriod { .. } => String::new(),
            Expr::Feast { feast, year } => match self.feast(feast, year, tense) {
                Some(date) => self.named_day(date),
                None => year_or_x(year),
            },
        }
    }

    fn calendar(
        &mut self,
        year: Option<i16>,
        month: Option<i8>,
        day: Option<i8>,
        which: Which,
        t: Option<Tense>,
    ) -> String {
        let Some(month) = month else { return year_or_x(year) };
        let year = year.or_else(|| self.year_of(month, day, which, t));
        match (year, day) {
            (Some(y), Some(day)) => match Date::new(y, month, day) {
                Ok(date) => self.named_day(date),
                Err(_) => format!("{y:04}-{month:02}-{day:02}"),
            },
            (None, Some(day)) => format!("XXXX-{month:02}-{day:02}"),
            (y, None) => format!("{}-{month:02}", year_or_x(y)),
        }
    }

    /// The day of a holiday: in the year given, else the last one in the past tense, the next one in the future,
    /// and otherwise the nearer.
    fn feast(&self, feast: Feast, year: Option<i16>, tense: Option<Tense>) -> Option<Date> {
        if let Some(year) = year {
            return feast_day(feast, year);
        }
        let dct = self.dct?;
        let days = |d: &Date| dct.until(*d).map_or(i32::MAX, |span| span.get_days());
        let candidates = [-1, 0, 1].map(|shift| dct.year().checked_add(shift).and_then(|y| feast_day(feast, y)));
        let candidates = candidates.into_iter().flatten();
        match tense {
            Some(Tense::Past) => candidates.filter(|d| days(d) <= 0).max(),
            Some(Tense::Future) => candidates.filter(|d| days(d) >= 0).min(),
            _ => candidates.min_by_key(|d| days(d).saturating_abs()),
        }
    }

    /// The year of a yearless month (and day), from the document date, the words and the tense.
    fn year_of(&self, month: i8, day: Option<i8>, which: Which, t: Option<Tense>) -> Option<i16> {
        let d = self.dct?;
        let order = match day {
            Some(day) => (month, day).cmp(&(d.month(), d.day())),
            None => month.cmp(&d.month()),
        };
        let shift = match (which, t) {
            (Which::ByTense | Which::OnWeekday(_), None | Some(Tense::Present)) => nearest_year(d, month, day),
            // A day within weeks of the document date is that one, whatever the tense says ("will travel a week
            // after the vote on March 12", written on March 20).
            (Which::ByTense | Which::OnWeekday(_), _) if day.is_some_and(|day| near_dct(d, month, day)) => 0,
            _ => shift_year(order, which, t),
        };
        let year = d.year() + shift;
        let Which::OnWeekday(w) = which else { return Some(year) };
        // The weekday settles the year when the tense guessed wrong ("will announce it on Wednesday, March 20").
        let falls_on = |y: i16| day.and_then(|day| Date::new(y, month, day).ok()).is_some_and(|d| weekday(d) == w);
        Some([year, year - 1, year + 1].into_iter().find(|&y| falls_on(y)).unwrap_or(year))
    }

    /// A digits-only date: day/month or month/day, whichever is valid, else whichever is nearer the document date,
    /// else month first.
    fn numeric(&mut self, first: i8, second: i8, year: i16) -> String {
        let month_first = Date::new(year, first, second).ok();
        let day_first = Date::new(year, second, first).ok();
        let chosen = match (month_first, day_first, self.dct) {
            (Some(a), Some(b), Some(d)) => {
                let distance = |x: Date| d.until(x).map_or(i32::MAX, |span| span.get_days().saturating_abs());
                if distance(b) < distance(a) {
                    b
                } else {
                    a
                }
            }
            (Some(a), _, _) => a,
            (None, Some(b), _) => b,
            (None, None, _) => return format!("{year:04}"),
        };
        self.named_day(chosen)
    }

    /// The period `offset` units from `date`, at the unit's granularity.
    fn deictic(&mut self, date: Date, unit: Unit, offset: i32) -> Option<String> {
        let offset = i64::from(offset);
        Some(match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
                let days = if unit == Unit::Day { offset } else { 0 };
                let day = add_days(date, days)?;
                self.named_day(day)
            }
            Unit::Week => week_value(add_days(date, 7 * offset)?),
            Unit::Weekend => format!("{}-WE", week_value(add_days(date, 7 * offset)?)),
            Unit::Month => {
                let d = add_months(date, offset)?;
                format!("{:04}-{:02}", d.year(), d.month())
            }
            Unit::Quarter => {
                let d = add_months(date, 3 * offset)?;
                format!("{:04}-Q{}", d.year(), quarter_of(d.month()))
            }
            Unit::Year => format!("{:04}", i64::from(date.year()) + offset),
            Unit::Decade => format!("{:03}", i64::from(date.year()) / 10 + offset),
            Unit::Century => format!("{:02}", i64::from(date.year()) / 100 + offset),
        })
    }
}

/// How many years from the document year a named period lies, given how it orders against the document date's
/// own period within the year.
fn shift_year(order: Ordering, which: Which, tense: Option<Tense>) -> i16 {
    match (which, tense) {
        (Which::Last, _) => -i16::from(order != Ordering::Less),
        (Which::Next, _) => i16::from(order != Ordering::Greater),
        (Which::This, _) => 0,
        (Which::InYear(shift), _) => shift,
        (Which::ByTense | Which::OnWeekday(_), Some(Tense::Past)) => -i16::from(order == Ordering::Greater),
        (Which::ByTense | Which::OnWeekday(_), Some(Tense::Future)) => i16::from(order == Ordering::Less),
        (Which::ByTense | Which::OnWeekday(_), _) => 0,
    }
}

/// How many days from the document date a yearless day may lie against the tense of its clause and still be the
/// one of the document's year.
const NEAR_DAYS: i32 = 21;

/// Whether `month`/`day` of the document's year lies within [`NEAR_DAYS`] of the document date.
fn near_dct(dct: Date, month: i8, day: i8) -> bool {
    Date::new(dct.year(), month, day)
        .ok()
        .and_then(|date| dct.until(date).ok())
        .is_some_and(|span| span.get_days().abs() <= NEAR_DAYS)
}

/// The year shift that puts a month (and day) nearest the document date.
fn nearest_year(dct: Date, month: i8, day: Option<i8>) -> i16 {
    let months = f64::from(month - dct.month()) + f64::from(day.map_or(0, |d| d - dct.day())) / 31.0;
    if months > 6.0 {
        -1
    } else if months < -6.0 {
        1
    } else {
        0
    }
}

/// The year shift that puts a quarter (or a half) nearest the document's own ("fourth-quarter results" in
/// February are last year's); a tie keeps the document year.
fn nearest_period(period: u8, current: u8, half: bool) -> i16 {
    let per_year = if half { 2 } else { 4 };
    let ahead = i16::from(period) - i16::from(current);
    if 2 * ahead > per_year {
        -1
    } else if 2 * ahead < -per_year {
        1
    } else {
        0
    }
}

/// The weekday `w` nearest `dct` in the direction the words or the tense give: on or before the document date in
/// the past (and without a tense), on or after it in the future, whichever is nearer in the present ("an
/// announcement is expected Friday").
fn weekday_near(dct: Date, w: i8, which: Which, tense: Option<Tense>) -> Option<Date> {
    let today = weekday(dct);
    let back = i64::from((today - w).rem_euclid(7));
    let ahead = i64::from((w - today).rem_euclid(7));
    let days = match (which, tense) {
        (Which::Last, _) => -(if back == 0 { 7 } else { back }),
        (Which::Next, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Which::This, _) => i64::from(w - today),
        (Which::ByTense, Some(Tense::Future)) => ahead,
        (Which::ByTense, Some(Tense::Present)) if ahead < back => ahead,
        (Which::ByTense | Which::InYear(_) | Which::OnWeekday(_), _) => -back,
    };
    add_days(dct, days)
}

/// The unit of a TIMEX3 date value and its first day: `2009` (or fiscal `FY2009`) a year, `2009-02` a month,
/// `2009-Q3` a quarter, `2009-W05` a week, `2009-02-03` a day.
fn period_of(value: &str) -> Option<(Unit, Date)> {
    let value = value.strip_prefix("FY").unwrap_or(value);
    let year: i16 = value.get(..4)?.parse().ok()?;
    let rest = value.get(4..)?;
    let number = |from: usize, to: usize| rest.get(from..to)?.parse::<i8>().ok();
    match (rest.len(), rest.get(..2).unwrap_or_default()) {
        (0, _) => Some((Unit::Year, Date::new(year, 1, 1).ok()?)),
        (3, "-Q") => {
            let quarter = number(2, 3).filter(|q| (1..=4).contains(q))?;
            Some((Unit::Quarter, Date::new(year, 3 * quarter - 2, 1).ok()?))
        }
        (4, "-W") => Some((Unit::Week, ISOWeekDate::new(year, number(2, 4)?, Weekday::Monday).ok()?.date())),
        (3, _) => Some((Unit::Month, Date::new(year, number(1, 3)?, 1).ok()?)),
        (6, _) => Some((Unit::Day, Date::new(year, number(1, 3)?, number(4, 6)?).ok()?)),
        _ => None,
    }
}

fn year_or_x(year: Option<i16>) -> String {
    year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

fn reference(offset: i32) -> String {
    match offset.cmp(&0) {
        Ordering::Less => "PAST_REF",
        Ordering::Equal => "PRESENT_REF",
        Ordering::Greater => "FUTURE_REF",
    }
    .into()
}

fn set_value(set: SetValue) -> String {
    match set {
        SetValue::Fixed(value) => value.into(),
        SetValue::Every(amount, unit) => duration_value(amount, unit),
        SetValue::Weekday(w) => format!("XXXX-WXX-{w}"),
        SetValue::Month(m) => format!("XXXX-{m:02}"),
        SetValue::PartOfDay(part) => format!("XXXX-XX-XXT{part}"),
    }
}

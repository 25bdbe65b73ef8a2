//! Calendar arithmetic and TIMEX3 value formatting.

use chronicle_model::Date;
use jiff::ToSpan;

use crate::expr::Amount;
use crate::lang::{Feast, Unit};

/// `date` moved by `days`, or `None` past the calendar's ends.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(days.days()).ok()
}

/// `date` moved by `months`, or `None` past the calendar's ends.
pub fn add_months(date: Date, months: i64) -> Option<Date> {
    date.checked_add(months.months()).ok()
}

/// Monday = 1 … Sunday = 7.
pub fn weekday(date: Date) -> i8 {
    date.weekday().to_monday_one_offset()
}

/// The day of `feast` in `year`.
pub fn feast_day(feast: Feast, year: i16) -> Option<Date> {
    match feast {
        Feast::Fixed(month, day) => Date::new(year, month, day).ok(),
        Feast::Easter(days) => add_days(easter(year)?, days.into()),
        Feast::Nth { month, weekday: w, n } => {
            let first = Date::new(year, month, 1).ok()?;
            let date = if n > 0 {
                add_days(first, i64::from((w - weekday(first)).rem_euclid(7) + 7 * (n - 1)))?
            } else {
                let last = first.last_of_month();
                add_days(last, -i64::from((weekday(last) - w).rem_euclid(7)))?
            };
            (date.month() == month).then_some(date)
        }
    }
}

/// Easter Sunday of a Gregorian year (the Meeus/Jones/Butcher computus).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y.rem_euclid(19), y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    Date::new(year, i8::try_from(n.div_euclid(31)).ok()?, i8::try_from(n.rem_euclid(31) + 1).ok()?).ok()
}

/// `YYYY-MM-DD`.
pub fn day_value(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `YYYY-Www`: the ISO week of `date`.
pub fn week_value(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// The quarter (1–4) a month falls in.
pub fn quarter_of(month: i8) -> u8 {
    ((month - 1) / 3 + 1) as u8
}

/// The season index of a month: spring 1, summer 2, autumn 3, winter 4 (December to February).
pub fn season_of(month: i8) -> u8 {
    match month {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 4,
    }
}

/// The season index of a TIMEX3 season code.
pub fn season_index(code: &str) -> u8 {
    match code {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    }
}

/// A TIMEX3 duration: `P3Y`, `PT3H`, `P2.5Y`, `PXY`, `PXDE`.
pub fn duration_value(amount: Amount, unit: Unit) -> String {
    let (scale, code, time) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Weekend => (1.0, "WE", false),
        Unit::Week => (1.0, "W", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
    };
    let t = if time { "T" } else { "" };
    // "half an hour": fractions of an hour in minutes.
    if let (Amount::Exactly(n), Unit::Hour) = (amount, unit) {
        if n.fract() != 0.0 && (n * 60.0).fract() == 0.0 {
            return format!("PT{}M", number(n * 60.0));
        }
    }
    match amount {
        Amount::Exactly(n) => format!("P{t}{}{code}", number(n * scale)),
        Amount::Unspecified => {
            let code = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => code,
            };
            format!("P{t}X{code}")
        }
    }
}

/// A number as TIMEX3 writes it: no trailing zeros.
fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_durations() {
        assert_eq!(duration_value(Amount::Exactly(3.0), Unit::Hour), "PT3H");
        assert_eq!(duration_value(Amount::Exactly(2.5), Unit::Year), "P2.5Y");
        assert_eq!(duration_value(Amount::Exactly(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Amount::Exactly(1.5), Unit::Hour), "PT90M");
        assert_eq!(duration_value(Amount::Exactly(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Amount::Unspecified, Unit::Decade), "PXDE");
        assert_eq!(duration_value(Amount::Unspecified, Unit::Month), "PXM");
    }

    #[test]
    fn finds_holidays() {
        let day = |feast, year| feast_day(feast, year).map(|d| d.to_string());
        assert_eq!(day(Feast::Easter(0), 2013).as_deref(), Some("2013-03-31"));
        assert_eq!(day(Feast::Easter(-2), 2024).as_deref(), Some("2024-03-29"));
        assert_eq!(day(Feast::Easter(0), 2000).as_deref(), Some("2000-04-23"));
        assert_eq!(day(Feast::Nth { month: 11, weekday: 4, n: 4 }, 2012).as_deref(), Some("2012-11-22"));
        assert_eq!(day(Feast::Nth { month: 5, weekday: 1, n: -1 }, 2013).as_deref(), Some("2013-05-27"));
        assert_eq!(day(Feast::Nth { month: 2, weekday: 1, n: 5 }, 2013), None);
        assert_eq!(day(Feast::Fixed(2, 30), 2013), None);
    }

    #[test]
    fn formats_weeks() {
        assert_eq!(week_value(Date::constant(2023, 3, 8)), "2023-W10");
        assert_eq!(week_value(Date::constant(2021, 1, 2)), "2020-W53");
    }
}

//! Calendar arithmetic and TIMEX3 value formatting.

use chronicle_model::Date;
use jiff::ToSpan;

use crate::expr::Amount;
use crate::lang::Unit;

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
        assert_eq!(duration_value(Amount::Exactly(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Amount::Unspecified, Unit::Decade), "PXDE");
        assert_eq!(duration_value(Amount::Unspecified, Unit::Month), "PXM");
    }

    #[test]
    fn formats_weeks() {
        assert_eq!(week_value(Date::constant(2023, 3, 8)), "2023-W10");
        assert_eq!(week_value(Date::constant(2021, 1, 2)), "2020-W53");
    }
}

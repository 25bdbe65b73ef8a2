//! What a recognised time expression means, before it is resolved against a date.

use crate::lang::Unit;

/// A count in a duration: a number, or unspecified ("several years").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Exactly(f64),
    Unspecified,
}

/// Which occurrence of a named period is meant: "last February", "this spring", "next Wednesday", or the one the
/// tense of the sentence points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    ByTense,
    Last,
    This,
    Next,
    /// The one in the year this many years from the document's: "October of next year", "the first quarter of
    /// last year".
    InYear(i16),
    /// The one the tense points to, or the year before or after it, whose day falls on this weekday (1 = Monday):
    /// "Wednesday, March 20".
    OnWeekday(i8),
}

impl Which {
    /// The occurrence a shift word points to: "last" (-1), "this" (0), "next" (+1).
    pub fn from_shift(shift: i32) -> Self {
        match shift {
            ..=-1 => Which::Last,
            0 => Which::This,
            _ => Which::Next,
        }
    }
}

/// The meaning of a time expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expr {
    /// A calendar date known to the year, the month or the day; a missing year comes from the context.
    Calendar { year: Option<i16>, month: Option<i8>, day: Option<i8>, which: Which },
    /// A date written in digits whose day and month order is open ("12/03/2023"): first, second and year.
    Numeric { first: i8, second: i8, year: i16 },
    /// A weekday, 1 = Monday.
    Weekday { weekday: i8, which: Which },
    /// A weekday counted from the last day the text named: "the following Monday" (+1), "the previous Friday" (-1),
    /// "that Monday" (0, the nearer one).
    AnchoredWeekday { weekday: i8, offset: i32 },
    /// "the weekend": the last one in the past tense, else the coming one.
    Weekend,
    /// A decade ("the 1990s": 199) or, with `century`, a century ("the 21st century": 20).
    Era { prefix: i32, century: bool },
    /// A season (`SP`…) of a year, or of the year the context gives.
    Season { year: Option<i16>, season: &'static str, which: Which },
    /// The first or the last week of a month: "the last week of March" (the week of its last Sunday).
    MonthWeek { year: Option<i16>, month: i8, last: bool },
    /// A quarter (1–4), or a half (`half` set, 1–2), of a year.
    Quarter { year: Option<i16>, quarter: u8, half: bool, which: Which },
    /// A period counted from the document date: "yesterday" (Day, -1), "last week" (Week, -1).
    Deictic { unit: Unit, offset: i32 },
    /// A point counted back from the document date: "two years ago".
    Ago { amount: Amount, unit: Unit },
    /// A period counted from the last date the text gave: "the next day", "that day", "two days later".
    Anaphoric { unit: Unit, offset: i32 },
    /// The period the text last named, moved by whole years: "the same period last year" (-1), "that time" (0).
    /// With a unit ("the same month a year ago"), a period of that unit: the document's if the last one named is
    /// not.
    SamePeriod { years: i32, unit: Option<Unit> },
    /// A fiscal year: "fiscal 2009"; without a year, the document's moved by `shift` ("last fiscal year").
    Fiscal { year: Option<i16>, shift: i32 },
    /// The past, the present or the future as a whole.
    Ref(crate::lang::Tense),
    /// A clock time, on the day it names or else the day the context gives.
    Clock { hour: u8, minute: u8, utc: bool, day: Option<DayOf> },
    /// A part of a day ("Friday morning", "this morning", "tonight"): the day as an expression of its own.
    PartOfDay { day: DayOf, part: &'static str },
    /// A length of time.
    Duration { amount: Amount, unit: Unit },
    /// A recurrence, with its TIMEX3 value.
    Set(SetValue),
    /// A holiday, of a year or of the one the tense points to.
    Feast { feast: crate::lang::Feast, year: Option<i16> },
}

impl Expr {
    /// Whether the expression counts from a date the text named rather than from the document date.
    pub fn is_anaphoric(&self) -> bool {
        matches!(
            self,
            Expr::Anaphoric { .. } | Expr::AnchoredWeekday { .. } | Expr::PartOfDay { day: DayOf::Anchor(_), .. }
        )
    }
}

/// The day a part of a day belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DayOf {
    /// Counted from the document date (0 = today).
    Deictic(i32),
    Weekday(i8),
    /// Counted from the last day the text named ("that night" 0, "the next morning" 1).
    Anchor(i32),
    /// A day of a month, of a year or of the year the context gives.
    Date {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
}

/// The value of a SET expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SetValue {
    /// A fixed value from the lexicon ("P1W").
    Fixed(&'static str),
    /// Every n units.
    Every(Amount, Unit),
    /// Every given weekday.
    Weekday(i8),
    /// Every given month.
    Month(i8),
    /// Every given part of the day.
    PartOfDay(&'static str),
}

//! Estimates when an undated article was written, from the dates it mentions.
//!
//! Three news conventions carry the estimate, each read so that the range stays honest:
//! - a date that a past-tense clause reports lies before the writing, and one that a future-tense clause announces
//!   lies after it; a sentence that hedges ("had hoped", "is anticipated") bounds nothing, and a bare year counts
//!   only after a preposition ("in 2004", not "the 2011 version");
//! - a date written without its year is recent: when it comes within a season after the latest date the text
//!   reports with its year, it is that later day;
//! - a weekday said in the past tense lies in the week before the writing.
//!
//! The best guess is a day: the latest day the past dates reach, moved on to the latest past weekday the text
//! names. It is given only when that day dates an event (not "its November 20, 2008 low") and the text tells of
//! the days around its writing ("today", "on Monday"); otherwise the estimate is a range.
//!
//! A date line (a line that is nothing but a full date, a clock time and words such as "Published:") gives the day
//! itself, unless the text reports a later day.

use chronicle_model::{Date, PartialDate, Span};

use crate::calendar::{add_days, weekday};
use crate::expr::{DayOf, Expr, Which};
use crate::lang::{Index, Tense, Unit, Word};
use crate::recognize::Match;
use crate::token::{Kind, Token};

/// How many months after the latest dated report a yearless date may be taken as later news.
const SEASON_MONTHS: i32 = 3;

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

/// Estimates when an undated article was written, from its own explicit dates and weekday references: a best
/// guess plus an honest range, or `None` when the text gives nothing to go on.
pub fn estimate_dct(text: &str, sentences: &[Span]) -> Option<DateEstimate> {
    let index = Index::english();
    let mut evidence = Evidence::default();
    crate::scan(text, sentences, |m, toks, tense| {
        if evidence.dateline.is_none() && is_dateline(text, toks, m, index) {
            evidence.dateline = full_date(m.expr);
        }
        let before = m.first.checked_sub(1).and_then(|i| toks.get(i));
        let word_before = before.map_or("", |t| &text[t.start..t.end]);
        let listed = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(word_before));
        let said = Said {
            tense: tense.filter(|t| {
                *t != Tense::Future || !listed(index.lexicon.deadlines) && !listed(index.lexicon.open_deadlines)
            }),
            hedged: toks.iter().any(|t| index.is_hedge(&text[t.start..t.end])),
            after_preposition: before
                .is_some_and(|t| matches!(t.kind, Kind::Word(Some(Word::YearPreposition | Word::Relation)))),
            describes_noun: listed(index.lexicon.determiners),
        };
        evidence.add(m.expr, said);
    });
    evidence.estimate()
}

/// How the text says a date.
struct Said {
    /// The tense of its clause; a date after a deadline preposition ("barred until April 2009") is not taken as
    /// still to come, since the clause may tell of a past state.
    tense: Option<Tense>,
    /// Whether its sentence hedges ("had hoped", "is anticipated").
    hedged: bool,
    /// Whether a preposition comes before it ("in 2004").
    after_preposition: bool,
    /// Whether a determiner comes before it, making it describe a thing rather than date an event ("its November
    /// 20, 2008 low", "a July 16 press conference").
    describes_noun: bool,
}

/// A day reported as past, and whether it dates an event the text tells of.
type Reported = (Date, bool);

/// What the dates of a text say about when it was written.
#[derive(Default)]
struct Evidence {
    /// Dates written with their year that a past-tense clause reports: first day and whether it dates an event.
    past: Vec<Reported>,
    /// Last days of dates written with their year that a future-tense clause announces.
    future: Vec<Date>,
    /// Months (and days) written without their year in a past or present clause, and whether each dates an event.
    yearless: Vec<(i8, Option<i8>, bool)>,
    /// Weekdays said in the past tense.
    weekdays: Vec<i8>,
    /// Whether the text tells of the days around its writing ("today", "yesterday morning", "on Monday").
    days_near: bool,
    /// The day of the first date line.
    dateline: Option<Date>,
}

impl Evidence {
    fn add(&mut self, expr: Expr, said: Said) {
        match (expr, said.tense) {
            (Expr::Calendar { year: Some(year), month, day, .. }, Some(Tense::Future)) => {
                self.future.push(PartialDate { year, month, day }.range().1);
            }
            (Expr::Calendar { year: Some(year), month, day, .. }, Some(Tense::Past))
                if !said.hedged && (month.is_some() || said.after_preposition) =>
            {
                let first = PartialDate { year, month, day }.range().0;
                self.past.push((first, day.is_some() && !said.describes_noun));
            }
            (
                Expr::Calendar { year: None, month: Some(month), day, which: Which::ByTense | Which::OnWeekday(_) },
                Some(tense),
            ) if tense != Tense::Future && !said.hedged => {
                self.yearless.push((month, day, day.is_some() && !said.describes_noun));
            }
            (Expr::Weekday { weekday, which: Which::ByTense }, Some(Tense::Past)) => {
                self.weekdays.push(weekday);
                self.days_near = true;
            }
            (Expr::Deictic { unit: Unit::Day, .. } | Expr::PartOfDay { day: DayOf::Deictic(_), .. }, _) => {
                self.days_near = true;
            }
            _ => {}
        }
    }

    /// The latest day reported as past, moved on to a yearless date soon after it, which is later news.
    fn reported(&self) -> Option<Reported> {
        let reported = self.past.iter().copied().max()?;
        let recent = self.yearless.iter().filter_map(|&(month, day, event)| soon_after(reported.0, month, day, event));
        Some(recent.max().unwrap_or(reported))
    }

    fn estimate(&self) -> Option<DateEstimate> {
        let reported = self.reported();
        // A date line dates the text unless the text reports a later day.
        if let Some(day) = self.dateline.filter(|d| reported.is_none_or(|(r, _)| r <= *d)) {
            let latest = self.future.iter().copied().min().filter(|l| *l >= day);
            return Some(DateEstimate { best: Some(day), earliest: day, latest });
        }
        let (earliest, dates_event) = reported?;
        let latest = self.future.iter().copied().min().filter(|l| *l >= earliest);
        let after_weekdays = self
            .weekdays
            .iter()
            .filter_map(|&w| add_days(earliest, i64::from((w - weekday(earliest)).rem_euclid(7))))
            .max();
        let best = (dates_event && self.days_near)
            .then(|| after_weekdays.unwrap_or(earliest))
            .filter(|b| latest.is_none_or(|l| *b <= l));
        Some(DateEstimate { best, earliest, latest })
    }
}

/// Whether match `m` makes its segment `toks` a date line: a full date, with nothing else but punctuation, numbers,
/// words of time expressions and the lexicon's date line words ("Published: May 24, 2005 9:09 AM").
fn is_dateline(text: &str, toks: &[Token], m: &Match, index: &Index) -> bool {
    full_date(m.expr).is_some()
        && toks.iter().enumerate().all(|(i, t)| {
            let plain = matches!(t.kind, Kind::Word(None | Some(Word::FeastName)));
            !plain || (m.first..m.end).contains(&i) || index.is_dateline_word(&text[t.start..t.end])
        })
}

/// The day of a date written in full, with its year.
fn full_date(expr: Expr) -> Option<Date> {
    match expr {
        Expr::Calendar { year: Some(year), month: Some(month), day: Some(day), .. } => Date::new(year, month, day).ok(),
        _ => None,
    }
}

/// The first day of `month` (and `day`) after `from` when it comes within a season of it, with `event`. A yearless
/// date further on is as likely an older one, and bounds nothing.
fn soon_after(from: Date, month: i8, day: Option<i8>, event: bool) -> Option<Reported> {
    let in_year = |year: i16| Date::new(year, month, day.unwrap_or(1)).ok().filter(|d| *d > from);
    let date = in_year(from.year()).or_else(|| in_year(from.year().checked_add(1)?))?;
    let months = |d: Date| i32::from(d.year()) * 12 + i32::from(d.month());
    (months(date) - months(from) <= SEASON_MONTHS).then_some((date, event))
}

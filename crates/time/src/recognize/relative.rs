//! Expressions relative to the document date or to a date named earlier.

use super::{Found, Matcher};
use crate::expr::{Amount, DayOf, Expr, Which};
use crate::lang::{Tense, Unit, Word};
use crate::token::Kind;

impl Matcher<'_> {
    /// Periods and named days shifted from now: "last week", "this year", "the last quarter", "earlier this
    /// month", "last February", "next Wednesday", "this morning", "the past decade", "the next four years".
    pub(super) fn shifted(&self, i: usize) -> Found {
        let the = self.is(i, Word::The);
        let mut j = self.the(i);
        if self.is(j, Word::Earlier) && !the {
            j += 1;
        }
        let shift = match self.word(j)? {
            Word::Shift(s) => Some(s),
            Word::Past => None,
            _ => return None,
        };
        let k = j + 1;
        // "the past decade", "the next four years", "the past several months": durations.
        let past = shift.is_none() || shift == Some(-1) && the;
        if past || shift == Some(1) && the {
            if let Some((end, amount)) = self.amount(k) {
                let end = self.described_unit(k, end);
                if let Some((unit, _)) = self.unit(end) {
                    if amount != Amount::Exactly(1.0) || self.is(k, Word::A) {
                        return Some((end + 1, Expr::Duration { amount, unit }));
                    }
                }
            }
            match self.unit(k) {
                Some((unit, true)) => return Some((k + 1, Expr::Duration { amount: Amount::Unspecified, unit })),
                Some((unit, false)) if past && (shift.is_none() || unit >= Unit::Decade) => {
                    return Some((k + 1, Expr::Duration { amount: Amount::Exactly(1.0), unit }));
                }
                Some((Unit::Day, false)) if shift == Some(1) => {
                    return Some((k + 1, Expr::Anaphoric { unit: Unit::Day, offset: 1 }));
                }
                _ => {}
            }
        }
        let shift = shift?;
        let which = Which::from_shift(shift);
        match self.word(k)? {
            Word::Unit(unit) if unit > Unit::Day => Some((k + 1, Expr::Deictic { unit, offset: shift })),
            Word::Month(m) | Word::AmbiguousMonth(m) if self.capitalized(k) => {
                Some((k + 1, Expr::Calendar { year: None, month: Some(m), day: None, which }))
            }
            Word::Weekday(weekday) if self.capitalized(k) => Some((k + 1, Expr::Weekday { weekday, which })),
            Word::PartOfDay(part) if shift == 0 && !the => {
                Some((k + 1, Expr::PartOfDay { day: DayOf::Deictic(0), part }))
            }
            Word::PartOfDay("NI") if shift == -1 && !the => {
                Some((k + 1, Expr::PartOfDay { day: DayOf::Deictic(-1), part: "NI" }))
            }
            Word::Season(_) => self.season(j),
            _ => None,
        }
    }

    /// "today", "yesterday morning", "earlier today", "tonight".
    pub(super) fn day_deixis(&self, i: usize) -> Found {
        let j = if self.is(i, Word::Earlier) { i + 1 } else { i };
        match self.word(j)? {
            Word::Tonight => Some((j + 1, Expr::PartOfDay { day: DayOf::Deictic(0), part: "NI" })),
            Word::DayDeixis(offset) => match self.word(j + 1) {
                Some(Word::PartOfDay(part)) => Some((j + 2, Expr::PartOfDay { day: DayOf::Deictic(offset), part })),
                _ => Some((j + 1, Expr::Deictic { unit: Unit::Day, offset })),
            },
            _ => None,
        }
    }

    /// A weekday, with an optional part of the day: "Wednesday", "Friday morning".
    pub(super) fn weekday(&self, i: usize) -> Found {
        let Some(Word::Weekday(weekday)) = self.word(i) else { return None };
        if !self.capitalized(i) {
            return None;
        }
        match self.word(i + 1) {
            Some(Word::PartOfDay(part)) => Some((i + 2, Expr::PartOfDay { day: DayOf::Weekday(weekday), part })),
            _ => Some((i + 1, Expr::Weekday { weekday, which: Which::ByTense })),
        }
    }

    /// Periods counted from the last date in the text: "the following week", "the previous year", "that day", "the
    /// same day", "the day" (as in "ended the day higher"); and "the weekend".
    pub(super) fn anaphoric(&self, i: usize) -> Found {
        let j = self.the(i);
        if j > i && self.unit(j) == Some((Unit::Weekend, false)) {
            return Some((j + 1, Expr::Weekend));
        }
        // "end the day at 7,114", "for the day": the day the text is about.
        if j > i && self.unit(j) == Some((Unit::Day, false)) {
            let ends_phrase = !matches!(self.toks.get(j + 1).map(|t| t.kind), Some(Kind::Word(_)))
                || self.is(j + 1, Word::YearPreposition);
            return ends_phrase.then_some((j + 1, Expr::Anaphoric { unit: Unit::Day, offset: 0 }));
        }
        let offset = match self.word(j)? {
            Word::Anaphoric(o) if j > i => o,
            Word::That => 0,
            _ => return None,
        };
        match self.unit(j + 1)? {
            (unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false) => {
                Some((j + 2, Expr::Anaphoric { unit, offset }))
            }
            _ => None,
        }
    }

    /// "recently", "now", "currently", "the past", "the future".
    pub(super) fn reference(&self, i: usize) -> Found {
        match self.word(i)? {
            Word::Ref(tense) => Some((i + 1, Expr::Ref(tense))),
            Word::Recent => Some((i + 1, Expr::Ref(Tense::Past))),
            Word::The => match self.word(i + 1)? {
                Word::Future => Some((i + 2, Expr::Ref(Tense::Future))),
                Word::Past => Some((i + 2, Expr::Ref(Tense::Past))),
                _ => None,
            },
            _ => None,
        }
    }
}

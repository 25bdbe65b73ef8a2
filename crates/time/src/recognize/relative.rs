//! Expressions relative to the document date or to a date named earlier.

use super::{Found, Matcher};
use crate::expr::{Amount, DayOf, Expr, Which};
use crate::lang::{Tense, Unit, Word};
use crate::token::Kind;

impl Matcher<'_> {
    /// Periods and named days shifted from now: "last week", "this year", "the last quarter", "earlier this
    /// month", "last February", "next Wednesday", "this morning", "this past weekend", "the past decade", "the next
    /// four years", "the first nine months".
    pub(super) fn shifted(&self, i: usize) -> Found {
        let the = self.is(i, Word::The);
        let mut j = self.the(i);
        if self.is(j, Word::Earlier) && !the {
            j += 1;
        }
        if the && self.is(j, Word::Ordinal(1)) {
            let (end, amount) = self.amount(j + 1)?;
            let end = self.described_unit(j + 1, end);
            let (unit, true) = self.unit(end)? else { return None };
            return Some((end + 1, Expr::Duration { amount, unit }));
        }
        if self.is(j, Word::Shift(0)) && self.is(j + 1, Word::Past) {
            let (unit, false) = self.unit(j + 2)? else { return None };
            return (unit > Unit::Day).then_some((j + 3, Expr::Deictic { unit, offset: -1 }));
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
                Some((unit, false)) if past && (shift.is_none() && the || unit >= Unit::Decade) => {
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
        if !self.capitalized(i) || self.named_day(i) {
            return None;
        }
        match self.word(i + 1) {
            Some(Word::PartOfDay(part)) => Some((i + 2, Expr::PartOfDay { day: DayOf::Weekday(weekday), part })),
            _ => Some((i + 1, Expr::Weekday { weekday, which: Which::ByTense })),
        }
    }

    /// Whether the weekday at `i` ends the name of a day in history, quoted or after "the": "'Black Monday'".
    fn named_day(&self, i: usize) -> bool {
        let opens = |k: usize| matches!(self.punct(k), Some('\'' | '`' | '"' | '‘' | '“')) || self.is(k, Word::The);
        i >= 2 && self.plain_word(i - 1) && self.capitalized(i - 1) && opens(i - 2)
    }

    /// Periods counted from the last date in the text: "the following week", "the previous year", "that day", "the
    /// same day", "the following Monday", "the day" (as in "ended the day higher"), "that night", "the next
    /// morning", "in the afternoon", "in morning trading"; and "the weekend".
    pub(super) fn anaphoric(&self, i: usize) -> Found {
        let j = self.the(i);
        if j > i && self.unit(j) == Some((Unit::Weekend, false)) {
            return Some((j + 1, Expr::Weekend));
        }
        // "late in the day": the day the text is about, late.
        let part_of_day = self.is(i, Word::Part) && self.str(i + 1) == "in";
        if part_of_day && self.is(i + 2, Word::The) && self.unit(i + 3) == Some((Unit::Day, false)) {
            return Some((i + 4, Expr::Anaphoric { unit: Unit::Day, offset: 0 }));
        }
        // "in the morning", "during the night", "in morning trading": a part of the day the text is about; "the
        // night of May 29": of that day.
        if let Some(Word::PartOfDay(part)) = self.word(j) {
            if self.is(j + 1, Word::Of) {
                let day = match self.word(j + 2) {
                    Some(Word::Weekday(w)) if self.capitalized(j + 2) => Some((j + 3, DayOf::Weekday(w))),
                    _ => match self.date(j + 2) {
                        Some((end, Expr::Calendar { year, month: Some(month), day: Some(day), .. })) => {
                            Some((end, DayOf::Date { year, month, day }))
                        }
                        _ => None,
                    },
                };
                return day.filter(|_| j > i).map(|(end, day)| (end, Expr::PartOfDay { day, part }));
            }
            let after_preposition = i > 0 && self.is(i - 1, Word::YearPreposition);
            let describes = j == i && self.lowercase_word(j + 1) && self.plain_word(j + 1);
            return (after_preposition && (j > i || describes))
                .then_some((j + 1, Expr::PartOfDay { day: DayOf::Anchor(0), part }));
        }
        // "end the day at 7,114", "for the day", "ended the day down": the day the text is about.
        if j > i && self.unit(j) == Some((Unit::Day, false)) {
            let ends_phrase = !matches!(self.toks.get(j + 1).map(|t| t.kind), Some(Kind::Word(_)))
                || self.is(j + 1, Word::YearPreposition);
            let verb = i.checked_sub(1).is_some_and(|v| self.index.lexicon.day_verbs.iter().any(|w| self.str(v) == *w));
            let about = ends_phrase || verb && !self.is(j + 1, Word::Relation);
            return about.then_some((j + 1, Expr::Anaphoric { unit: Unit::Day, offset: 0 }));
        }
        // "for the year", "in the quarter", "during the week", "for the entire year": the period the text is about.
        let whole = j > i && self.is(j, Word::Whole);
        let j = j + usize::from(whole);
        if let Some((unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false)) = self.unit(j) {
            let lexicon = self.index.lexicon;
            let described = matches!(self.word(j + 1), Some(Word::Of | Word::Relation | Word::Earlier | Word::Ago))
                || lexicon.period_describers.iter().any(|w| self.str(j + 1).eq_ignore_ascii_case(w))
                || matches!(self.punct(j + 1), Some('-'));
            let after_preposition =
                i.checked_sub(1).is_some_and(|p| lexicon.period_prepositions.iter().any(|w| self.str(p) == *w));
            let about = j > i && !described && after_preposition && !self.capitalized(j);
            return about.then_some((j + 1, Expr::Anaphoric { unit, offset: 0 }));
        }
        let offset = match self.word(j)? {
            Word::Anaphoric(o) | Word::Shift(o @ 1) if j > i => o,
            Word::That => 0,
            _ => return None,
        };
        if let Some(Word::PartOfDay(part)) = self.word(j + 1) {
            return Some((j + 2, Expr::PartOfDay { day: DayOf::Anchor(offset), part }));
        }
        if self.is(j, Word::Shift(1)) {
            return None;
        }
        if let Some(Word::Weekday(weekday)) = self.word(j + 1).filter(|_| self.capitalized(j + 1)) {
            return Some((j + 2, Expr::AnchoredWeekday { weekday, offset }));
        }
        match self.unit(j + 1)? {
            (unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false) => {
                Some((j + 2, Expr::Anaphoric { unit, offset }))
            }
            _ => None,
        }
    }

    /// "recently", "now", "currently", "the past", "the future", "the near future", "the recent past", "the long
    /// term", "the time being"; not in a compound ("the soon-to-open terminal", "the now-defunct firm", "the long
    /// term-debt") nor before a relation ("soon after").
    pub(super) fn reference(&self, i: usize) -> Found {
        for &(phrase, tense) in self.index.lexicon.ref_phrases {
            let end = i + phrase.len();
            let said = phrase.iter().enumerate().all(|(k, w)| self.str(i + k).eq_ignore_ascii_case(w));
            if said && (0..phrase.len()).all(|k| self.word_token(i + k)) && self.punct(end) != Some('-') {
                return Some((end, Expr::Ref(tense)));
            }
        }
        match self.word(i)? {
            Word::Ref(_) if self.joined(i) && self.punct(i + 1) == Some('-') => None,
            // "soon after we moved": a relation to an event, not the future.
            Word::Ref(_) if self.is(i + 1, Word::Relation) => None,
            Word::Ref(tense) => Some((i + 1, Expr::Ref(tense))),
            Word::Recent => Some((i + 1, Expr::Ref(Tense::Past))),
            Word::The => {
                let described = self.lowercase_word(i + 1) && (self.plain_word(i + 1) || self.is(i + 1, Word::Recent));
                let j = i + 1 + usize::from(described);
                match self.word(j)? {
                    Word::Future => Some((j + 1, Expr::Ref(Tense::Future))),
                    Word::Past => Some((j + 1, Expr::Ref(Tense::Past))),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The period the text last named, or that period a year before: "the same period last year", "the same month
    /// a year ago", "the same quarter of the previous year", "that time", "the same period" (but not "the same
    /// time", which says "simultaneously").
    pub(super) fn same_period(&self, i: usize) -> Found {
        let j = self.the(i);
        // "the year-earlier period", "the year-ago quarter".
        let unit = |k: usize| match self.unit(k) {
            Some((unit, false)) => Some(Some(unit)),
            _ => self.is(k, Word::Period).then_some(None),
        };
        if j > i && self.unit(j) == Some((Unit::Year, false)) && self.punct(j + 1) == Some('-') && self.joined(j) {
            let years = self.away(j + 2)?;
            return Some((j + 4, Expr::SamePeriod { years, unit: unit(j + 3)? }));
        }
        if !self.is(j, Word::That) {
            return None;
        }
        let k = j + 1;
        let time = self.is(k, Word::Time);
        let named = unit(k);
        if !time && named.is_none() {
            return None;
        }
        if let Some((end, years)) = self.year_away(k + 1) {
            return Some((end, Expr::SamePeriod { years, unit: named.flatten() }));
        }
        let after_the = i > 0 && self.is(i - 1, Word::The);
        let alone = self.is(k, Word::Period) || time && j == i && !after_the;
        alone.then_some((k + 1, Expr::SamePeriod { years: 0, unit: None }))
    }

    /// A year before or after: "last year", "of the previous year", "a year ago", "a year earlier", "a year
    /// later". The token after it and the shift in years.
    fn year_away(&self, i: usize) -> Option<(usize, i32)> {
        let i = if matches!(self.word(i), Some(Word::Of | Word::YearPreposition)) { i + 1 } else { i };
        let j = self.the(i);
        let year = |k: usize| self.unit(k) == Some((Unit::Year, false));
        match self.word(j)? {
            Word::Shift(-1) | Word::Anaphoric(-1) if year(j + 1) => Some((j + 2, -1)),
            Word::A if j == i && year(j + 1) => Some((j + 3, self.away(j + 2)?)),
            _ => None,
        }
    }

    /// The direction of "ago", "earlier" (-1) or "later" (+1).
    fn away(&self, i: usize) -> Option<i32> {
        match self.word(i)? {
            Word::Ago => Some(-1),
            Word::Earlier if self.str(i).eq_ignore_ascii_case("earlier") => Some(-1),
            Word::Earlier => Some(1),
            _ => None,
        }
    }
}

//! Counts of time: durations and recurrences.

use super::{Found, Matcher};
use crate::expr::{Amount, Expr, SetValue};
use crate::lang::{Unit, Word};
use crate::token::Kind;

impl Matcher<'_> {
    /// Durations, and points counted from them: "about three hours", "12-year", "two and a half years",
    /// "decades", "recent years", "two years ago", "three days later".
    pub(super) fn duration(&self, i: usize) -> Found {
        let mut j = i;
        loop {
            match self.word(j) {
                Some(Word::Approx) => j += 1,
                Some(Word::Bound) if self.is(j + 1, Word::Bound) => j += 2,
                // "at least", "at most".
                Some(Word::YearPreposition)
                    if j == i && self.is(j + 1, Word::Bound) && !self.is(j + 2, Word::Bound) =>
                {
                    j += 2
                }
                _ => break,
            }
        }
        if self.is(j, Word::Recent) {
            if let Some((unit, true)) = self.unit(j + 1) {
                return Some((j + 2, Expr::Duration { amount: Amount::Unspecified, unit }));
            }
            return None;
        }
        let (unit_at, amount) = match self.amount(j) {
            Some((k, amount)) if self.punct(k) == Some('-') && self.joined(k - 1) && self.joined(k) => (k + 1, amount),
            Some((k, amount)) => (k, amount),
            None => (j, Amount::Unspecified),
        };
        let counted_at = unit_at;
        let unit_at = if unit_at > j { self.described_unit(j, unit_at) } else { unit_at };
        let Some((unit, plural)) = self.unit(unit_at) else {
            // "60 to 90 days", "three or four years": the first count takes the unit of the second.
            let (end, Amount::Exactly(_)) = self.amount(j)? else { return None };
            return self.range_unit(end).map(|unit| (end, Expr::Duration { amount, unit }));
        };
        // "the early hours of Sunday", "the final months of 2012": a part of that date, not a length.
        let of_date = self.is(unit_at + 1, Word::Of)
            && (self.year(unit_at + 2).is_some()
                || matches!(self.word(unit_at + 2), Some(Word::Weekday(_) | Word::Month(_))));
        // "the 2006 second-overall pick": a year before a singular unit counts nothing.
        let year_before = !plural && matches!(self.number(j), Some((_, 4))) && !self.joined(j);
        if amount == Amount::Unspecified && (!plural || of_date)
            || year_before
            || unit_at == j && self.after_name(j)
            || unit == Unit::Quarter && (self.is(j, Word::A) || self.is(unit_at + 1, Word::Of) && counted_at == unit_at)
            || unit == Unit::Second && !plural && self.is(j, Word::A)
            || unit_at == j && (unit < Unit::Minute || unit == Unit::Weekend || unit == Unit::Quarter || j > i)
            || j == i && unit_at > j && self.rate_before(j)
        {
            return None;
        }
        let mut end = unit_at + 1;
        let mut amount = amount;
        // "a year and a half".
        if let Amount::Exactly(n) = amount {
            if self.is(end, Word::And) && self.is(end + 1, Word::A) && self.is(end + 2, Word::Half) {
                amount = Amount::Exactly(n + 0.5);
                end += 3;
            }
        }
        match (self.word(end), amount) {
            (Some(Word::Ago), _) => Some((end + 1, Expr::Ago { amount, unit })),
            (Some(Word::Earlier), Amount::Exactly(n)) if n.fract() == 0.0 => {
                let sign = if self.str(end).eq_ignore_ascii_case("earlier") { -1 } else { 1 };
                Some((end + 1, Expr::Anaphoric { unit, offset: sign * n as i32 }))
            }
            // "45 years old": an age.
            _ => Some((end + usize::from(self.is(end, Word::Old)), Expr::Duration { amount, unit })),
        }
    }

    /// Recurrences: "daily", "weekly", "every year", "each week", "every Monday", "twice a year".
    pub(super) fn set(&self, i: usize) -> Found {
        match self.word(i)? {
            // "the Daily News", "Us Weekly" are names.
            Word::Frequency(_) if self.capitalized(i) && self.capitalized(i + 1) && self.plain_word(i + 1) => None,
            Word::Frequency(_) if self.after_name(i) => None,
            Word::Frequency(value) => Some((i + 1, Expr::Set(SetValue::Fixed(value)))),
            Word::Every => {
                let j = if self.str(i + 1).eq_ignore_ascii_case("other") { i + 1 } else { i };
                let every = if j > i { 2.0 } else { 1.0 };
                match self.word(j + 1)? {
                    Word::Unit(unit) => Some((j + 2, Expr::Set(SetValue::Every(Amount::Exactly(every), unit)))),
                    Word::Weekday(w) => Some((j + 2, Expr::Set(SetValue::Weekday(w)))),
                    Word::Month(m) | Word::AmbiguousMonth(m) => Some((j + 2, Expr::Set(SetValue::Month(m)))),
                    Word::PartOfDay(part) => Some((j + 2, Expr::Set(SetValue::PartOfDay(part)))),
                    _ => {
                        let (k, amount) = self.amount(j + 1)?;
                        let (unit, true) = self.unit(k)? else { return None };
                        Some((k + 1, Expr::Set(SetValue::Every(amount, unit))))
                    }
                }
            }
            Word::A if self.rate_before(i) => match self.unit(i + 1)? {
                (unit, false) => Some((i + 2, Expr::Set(SetValue::Every(Amount::Exactly(1.0), unit)))),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether "a" at `i` opens the unit of a rate: after "twice" or "times", or after an amount, a percentage or
    /// a plural unit ("$28 an hour", "3% a year", "seven days a week"), unless a relation follows ("a year ago").
    fn rate_before(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else { return false };
        let relative = matches!(self.word(i + 2), Some(Word::Ago | Word::Earlier | Word::Relation));
        let year = self.number(before).is_some_and(|(v, d)| d == 4 && (1900..=2099).contains(&v));
        let amount = self.number(before).is_some() && !year
            || self.punct(before) == Some('%')
            || matches!(self.unit(before), Some((_, true)));
        self.is(i, Word::A) && (self.is(before, Word::Rate) || amount && !relative)
    }

    /// A count: digits, number words ("twenty-five"), "a"/"one", "half a", "a couple (of)", "several", optionally "and
    /// a half".
    pub(super) fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let (mut j, mut n) = match self.toks.get(i)?.kind {
            Kind::Number(v, d) if d <= 4 => {
                if self.punct(i + 1) == Some('.') && self.joined(i) && self.joined(i + 1) {
                    let (f, fd) = self.number(i + 2)?;
                    (i + 3, v as f64 + f as f64 / 10f64.powi(fd.min(9) as i32))
                } else {
                    (i + 1, v as f64)
                }
            }
            Kind::Word(Some(Word::Number(v))) => {
                let unit = |k: usize| match self.word(k) {
                    Some(Word::Number(u)) if u < 10 => Some(u),
                    Some(Word::A) if self.str(k).eq_ignore_ascii_case("one") => Some(1),
                    _ => None,
                };
                if (20..100).contains(&v) && self.punct(i + 1) == Some('-') && self.joined(i) {
                    match unit(i + 2) {
                        Some(u) => (i + 3, (v + u) as f64),
                        None => (i + 1, v as f64),
                    }
                } else if (20..100).contains(&v) {
                    match unit(i + 1) {
                        Some(u) => (i + 2, (v + u) as f64),
                        None => (i + 1, v as f64),
                    }
                } else {
                    (i + 1, v as f64)
                }
            }
            Kind::Word(Some(Word::A)) if self.is(i + 1, Word::Some) => return Some((i + 2, Amount::Unspecified)),
            // "a couple of days", "a couple hours".
            Kind::Word(Some(Word::A)) if self.is(i + 1, Word::Couple) => {
                return Some((i + 2 + usize::from(self.is(i + 2, Word::Of)), Amount::Exactly(2.0)));
            }
            // "half a century", "half an hour".
            Kind::Word(Some(Word::Half)) if self.is(i + 1, Word::A) && !self.str(i + 1).eq_ignore_ascii_case("one") => {
                return Some((i + 2, Amount::Exactly(0.5)));
            }
            Kind::Word(Some(Word::A)) => (i + 1, 1.0),
            Kind::Word(Some(Word::Some)) => return Some((i + 1, Amount::Unspecified)),
            _ => return None,
        };
        if self.is(j, Word::And) && self.is(j + 1, Word::A) && self.is(j + 2, Word::Half) {
            n += 0.5;
            j += 3;
        }
        Some((j, Amount::Exactly(n)))
    }

    /// Where the unit of the count at `count` (which ends at `after`) is: at `after`, or one further when a describing
    /// word comes between a number and a plural unit ("six straight days", "five trading days", "two fiscal years").
    pub(super) fn described_unit(&self, count: usize, after: usize) -> usize {
        let counted =
            matches!(self.number(count), Some((_, 1..=2))) || matches!(self.word(count), Some(Word::Number(_)));
        let described = counted
            && (self.plain_word(after) || self.is(after, Word::Fiscal))
            && self.lowercase_word(after)
            && matches!(self.unit(after + 1), Some((_, true)));
        after + usize::from(described)
    }

    /// The plural unit of the count that follows a range word or dash at `i` ("to 90 days", "-90 days").
    fn range_unit(&self, i: usize) -> Option<Unit> {
        let joins = matches!(self.punct(i), Some('-' | '–'))
            || self.index.lexicon.ranges.iter().any(|w| w.eq_ignore_ascii_case(self.str(i)));
        let (end, Amount::Exactly(_)) = self.amount(i + 1).filter(|_| joins)? else { return None };
        match self.unit(self.described_unit(i + 1, end))? {
            (unit, true) => Some(unit),
            _ => None,
        }
    }

    /// A unit word, singular or plural, with whether it was plural.
    pub(super) fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.word(i)? {
            Word::Unit(u) => Some((u, false)),
            Word::Units(u) => Some((u, true)),
            _ => None,
        }
    }
}

//! Calendar dates, partial dates, decades, quarters and seasons.

use super::{Found, Matcher};
use crate::expr::{Expr, Which};
use crate::lang::{Unit, Word};
use crate::token::Kind;

impl Matcher<'_> {
    /// Full and partial calendar dates: "15 March 2023", "Wednesday, March 15, 2023", "September 2021", "February
    /// 6", "December", "2011", "2023-03-15", "12/03/2023", "'82".
    pub(super) fn calendar(&self, i: usize) -> Found {
        if let Some(Word::Weekday(weekday)) = self.word(i) {
            let j = if self.punct(i + 1) == Some(',') { i + 2 } else { i + 1 };
            return match self.date(j)? {
                (end, Expr::Calendar { year: None, month, day: day @ Some(_), .. }) => {
                    Some((end, Expr::Calendar { year: None, month, day, which: Which::OnWeekday(weekday) }))
                }
                found @ (_, Expr::Calendar { day: Some(_), .. }) => Some(found),
                _ => None,
            };
        }
        self.date(i)
    }

    /// A calendar date without a weekday before it.
    pub(super) fn date(&self, i: usize) -> Found {
        let calendar = |year, month, day| Expr::Calendar { year, month, day, which: Which::ByTense };
        // Holidays: "Christmas", "Christmas Eve", "Christmas Day", "Christmas 2008".
        if let Some(Word::Holiday(month, day)) = self.word(i).filter(|_| self.capitalized(i)) {
            let eve = self.is(i + 1, Word::Eve) && self.capitalized(i + 1);
            // "Christmas Day".
            let named_day = !eve && self.unit(i + 1) == Some((Unit::Day, false)) && self.capitalized(i + 1);
            let j = i + 1 + usize::from(eve || named_day);
            let (end, year) = self.year(j).map_or((j, None), |(end, year)| (end, Some(year)));
            return Some((end, calendar(year, Some(month), Some(day - i8::from(eve)))));
        }
        // Month first: "March 15, 2023", "March 15", "September 2021", "December".
        if let Some((j, month, ambiguous)) = self.month(i) {
            if let Some((k, day)) = self.day(j) {
                let y = if self.punct(k) == Some(',') { k + 1 } else { k };
                if let Some((end, year)) = self.year(y) {
                    return Some((end, calendar(Some(year), Some(month), Some(day))));
                }
                return Some((k, calendar(None, Some(month), Some(day))));
            }
            let y = if self.is(j, Word::Of) { j + 1 } else { j };
            if let Some((end, year)) = self.year(y) {
                return Some((end, calendar(Some(year), Some(month), None)));
            }
            if let Some((end, shift)) = self.of_shifted_year(j) {
                let which = Which::InYear(shift);
                return Some((end, Expr::Calendar { year: None, month: Some(month), day: None, which }));
            }
            // "May" and "March" need a preposition; any month before a name is a name ("June Carter").
            let name = self.capitalized(j) && self.plain_word(j);
            if (ambiguous || name) && !self.licensed(i) {
                return None;
            }
            return Some((j, calendar(None, Some(month), None)));
        }
        // Day first: "15 March 2023", "15th of March".
        if let Some((j, day)) = self.day(i) {
            let m = if self.is(j, Word::Of) { j + 1 } else { j };
            if let Some((k, month, _)) = self.month(m) {
                let y = if self.punct(k) == Some(',') { k + 1 } else { k };
                if let Some((end, year)) = self.year(y) {
                    return Some((end, calendar(Some(year), Some(month), Some(day))));
                }
                return Some((k, calendar(None, Some(month), Some(day))));
            }
        }
        if let Some(found) = self.numeric_date(i) {
            return Some(found);
        }
        // "'82", but not the version in a name ("iLife '11").
        if matches!(self.punct(i), Some('\'' | '’')) && self.joined(i) {
            let (v, 2) = self.number(i + 1)? else { return None };
            let glued_word = self.joined(i + 1) && matches!(self.toks.get(i + 2).map(|t| t.kind), Some(Kind::Word(_)));
            let name = i > 0 && self.plain_word(i - 1) && self.str(i - 1).chars().any(char::is_uppercase);
            if glued_word || name {
                return None;
            }
            let year = if v <= 30 { 2000 + v } else { 1900 + v };
            return Some((i + 2, calendar(Some(year as i16), None, None)));
        }
        let (end, year) = self.year(i)?;
        let counts_nothing =
            (!self.lowercase_word(end) || self.index.may_follow_year(self.str(end))) && self.unit(end).is_none();
        // "the Russell 2000 Index": a number inside a name.
        let in_name =
            i > 0 && self.capitalized(i - 1) && self.plain_word(i - 1) && self.capitalized(end) && self.plain_word(end);
        let modern = (1900..=2099).contains(&year);
        let standalone = (self.licensed(i) || self.closes_year_range(i)) && (modern || counts_nothing)
            || modern && (counts_nothing && !in_name || self.dates_noun(i));
        standalone.then_some((end, calendar(Some(year), None, None)))
    }

    /// Holidays of the lexicon, optionally with a year: "New Year's Day", "Easter 2012", "Good Friday",
    /// "Thanksgiving". The longest one said wins; the punctuation inside a name is skipped.
    pub(super) fn holiday(&self, i: usize) -> Found {
        if !self.capitalized(i) || !self.is(i, Word::FeastName) {
            return None;
        }
        let said = |phrase: &[&str]| {
            let mut k = i;
            for word in phrase {
                while matches!(self.punct(k), Some('\'' | '’' | '.')) && k > i {
                    k += 1;
                }
                if !self.word_token(k) || !self.str(k).eq_ignore_ascii_case(word) {
                    return None;
                }
                k += 1;
            }
            Some(k)
        };
        let (end, feast) = self
            .index
            .lexicon
            .holidays
            .iter()
            .filter_map(|&(phrase, feast)| Some((said(phrase)?, feast)))
            .max_by_key(|(end, _)| *end)?;
        // "Easter Sunday, April 8, 2012": the date given settles the day.
        let date = if self.punct(end) == Some(',') { end + 1 } else { end };
        if let Some(found @ (_, Expr::Calendar { day: Some(_), .. })) = self.date(date) {
            return Some(found);
        }
        let (end, year) = self.year(end).map_or((end, None), |(e, year)| (e, Some(year)));
        Some((end, Expr::Feast { feast, year }))
    }

    /// ISO dates ("2023-03-15", "2023-03") and slashed dates ("12/03/2023", "7/8/07").
    pub(super) fn numeric_date(&self, i: usize) -> Found {
        let (a, da) = self.number(i)?;
        let sep = self.punct(i + 1)?;
        if !(self.joined(i) && self.joined(i + 1)) {
            return None;
        }
        let (b, db) = self.number(i + 2)?;
        // "the 2010-11 season" spans two years.
        let next_year = b == (a + 1) % 100;
        if sep == '-' && da == 4 && db == 2 && (1..=12).contains(&b) && !next_year {
            let year = Some(a as i16);
            let month = Some(b as i8);
            if self.punct(i + 3) == Some('-') && self.joined(i + 2) && self.joined(i + 3) {
                let (d, 2) = self.number(i + 4)? else { return None };
                let valid = jiff::civil::Date::new(a as i16, b as i8, d as i8).is_ok();
                return valid
                    .then_some((i + 5, Expr::Calendar { year, month, day: Some(d as i8), which: Which::ByTense }));
            }
            return Some((i + 3, Expr::Calendar { year, month, day: None, which: Which::ByTense }));
        }
        if sep != '/'
            || da > 2
            || db > 2
            || self.punct(i + 3) != Some('/')
            || !self.joined(i + 2)
            || !self.joined(i + 3)
        {
            return None;
        }
        let (y, dy) = self.number(i + 4)?;
        let year = match dy {
            4 => y as i16,
            2 if y <= 30 => 2000 + y as i16,
            2 => 1900 + y as i16,
            _ => return None,
        };
        if !(1..=31).contains(&a) || !(1..=31).contains(&b) || a > 12 && b > 12 {
            return None;
        }
        Some((i + 5, Expr::Numeric { first: a as i8, second: b as i8, year }))
    }

    /// A period with a part or edge: "late December", "the early 2000s", "mid-2020", "the end of December",
    /// "the beginning of the year", "late last year", "late yesterday", "early Tuesday", "year-end".
    pub(super) fn partial(&self, i: usize) -> Found {
        let j = self.the(i);
        // "year-end", "by year end": the end of the document's year.
        let e = if self.punct(j + 1) == Some('-') && self.joined(j) { j + 2 } else { j + 1 };
        let year_end = self.is(e, Word::PeriodPart) && self.index.modifier(self.str(e)) == Some("END");
        if year_end && self.unit(j) == Some((Unit::Year, false)) {
            return Some((e + 1, Expr::Deictic { unit: Unit::Year, offset: 0 }));
        }
        let core = if self.is(j, Word::Part) {
            if self.punct(j + 1) == Some('-') && self.joined(j) {
                j + 2
            } else {
                j + 1
            }
        } else if self.is(j, Word::PeriodPart) && self.is(j + 1, Word::Of) {
            j + 2
        } else {
            return None;
        };
        if let Some((end, Expr::Calendar { year, month, day: None, which })) = self.calendar(core) {
            return Some((end, Expr::Calendar { year, month, day: None, which }));
        }
        if let Some((j, month, _)) = self.month(core) {
            return Some((j, Expr::Calendar { year: None, month: Some(month), day: None, which: Which::ByTense }));
        }
        if let Some(found) = self
            .fiscal(core)
            .or_else(|| self.era(core))
            .or_else(|| self.season(core))
            .or_else(|| self.shifted(core))
            .or_else(|| self.anaphoric(core))
            .or_else(|| self.day_deixis(core))
            .or_else(|| self.weekday(core))
        {
            return Some(found);
        }
        let k = self.the(core);
        match self.unit(k) {
            Some((
                unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century),
                false,
            )) if k > core => Some((k + 1, Expr::Deictic { unit, offset: 0 })),
            _ => None,
        }
    }

    /// Fiscal years: "fiscal 2009", "fiscal year 2009", "the financial year", "last fiscal year".
    pub(super) fn fiscal(&self, i: usize) -> Found {
        let mut j = self.the(i);
        let mut shift = 0;
        if let Some(Word::Shift(s)) = self.word(j) {
            shift = s;
            j += 1;
        }
        if !self.is(j, Word::Fiscal) {
            return None;
        }
        let named = self.unit(j + 1) == Some((Unit::Year, false));
        let k = j + 1 + usize::from(named);
        if let Some((end, year)) = self.year(k) {
            return Some((end, Expr::Fiscal { year: Some(year), shift: 0 }));
        }
        (named && j > i).then_some((k, Expr::Fiscal { year: None, shift }))
    }

    /// Decades and centuries: "the 1990s", "the '90s", "the 1980's", "the 21st century".
    pub(super) fn era(&self, i: usize) -> Found {
        let the = self.is(i, Word::The);
        let j = self.the(i);
        let j = if self.is(j, Word::Part) { j + 1 } else { j };
        let apostrophe = matches!(self.punct(j), Some('\'' | '’')) && self.joined(j);
        let n = if apostrophe { j + 1 } else { j };
        let (v, d) = self.number(n)?;
        if !self.joined(n) {
            return None;
        }
        // "1980's": the apostrophe before the plural "s".
        let s = if matches!(self.punct(n + 1), Some('\'' | '’')) && self.joined(n + 1) { n + 2 } else { n + 1 };
        let suffix = self.str(s);
        if suffix == "s" && v % 10 == 0 && (d == 4 || d == 2 && (apostrophe || the || j > i || self.after_decade(i))) {
            let prefix = if d == 4 {
                v / 10
            } else if v <= 20 {
                200 + v / 10
            } else {
                190 + v / 10
            };
            return Some((s + 1, Expr::Era { prefix: prefix as i32, century: false }));
        }
        if d <= 2 && self.index.is_ordinal_suffix(suffix) && self.unit(n + 2) == Some((Unit::Century, false)) && v >= 1
        {
            return Some((n + 3, Expr::Era { prefix: v as i32 - 1, century: true }));
        }
        None
    }

    /// Whether the number at `i` follows a determiner other than "the" and so dates the noun after it: "a 2005
    /// peace deal", "its 2012 guidance" (but "the 2000 people" counts them).
    fn dates_noun(&self, i: usize) -> bool {
        let Some(k) = i.checked_sub(1) else { return false };
        !self.is(k, Word::The) && self.index.lexicon.determiners.iter().any(|d| d.eq_ignore_ascii_case(self.str(k)))
    }

    /// Whether token `i` closes a range opened by a year: "2016" in "between 2014 and 2016", "2009-2011".
    fn closes_year_range(&self, i: usize) -> bool {
        let joins = |k: usize| {
            matches!(self.punct(k), Some('-' | '–'))
                || self.index.lexicon.ranges.iter().any(|r| self.str(k).eq_ignore_ascii_case(r))
        };
        i >= 2 && joins(i - 1) && self.year(i - 2).is_some()
    }

    /// Whether token `i` follows a decade and a range word, as "80s" in "the 70s and 80s".
    fn after_decade(&self, i: usize) -> bool {
        let range = i.checked_sub(1).is_some_and(|k| self.index.lexicon.ranges.iter().any(|r| self.str(k) == *r));
        range && i >= 3 && self.str(i - 2) == "s" && self.number(i - 3).is_some_and(|(v, _)| v % 10 == 0)
    }

    /// Quarters and halves: "the third quarter of 2009", "third-quarter", "Q3 2023", "the first half of 2009".
    pub(super) fn quarter(&self, i: usize) -> Found {
        if self.str(i) == "Q" && self.joined(i) {
            let (q, 1) = self.number(i + 1)? else { return None };
            if !(1..=4).contains(&q) || self.joined(i + 1) {
                return None;
            }
            let (end, year) = self.year(i + 2).map_or((i + 2, None), |(e, y)| (e, Some(y)));
            return Some((end, Expr::Quarter { year, quarter: q as u8, half: false, which: Which::ByTense }));
        }
        let j = self.the(i);
        let ordinal = match self.word(j)? {
            Word::Ordinal(n) => n,
            Word::Unit(Unit::Second) => 2,
            _ => return None,
        };
        let k = if self.punct(j + 1) == Some('-') && self.joined(j) { j + 2 } else { j + 1 };
        let half = match self.word(k)? {
            Word::Unit(Unit::Quarter) if ordinal <= 4 => false,
            Word::Half if ordinal <= 2 => true,
            _ => return None,
        };
        let quarter = if half && ordinal == 4 { 2 } else { ordinal as u8 };
        let mut expr = Expr::Quarter { year: None, quarter, half, which: Which::ByTense };
        let mut end = k + 1;
        if self.is(end, Word::Of) {
            if let Some((e, year)) = self.year(self.the(end + 1)) {
                expr = Expr::Quarter { year: Some(year), quarter, half, which: Which::ByTense };
                end = e;
            } else if let Some((e, shift)) = self.of_shifted_year(end) {
                expr = Expr::Quarter { year: None, quarter, half, which: Which::InYear(shift) };
                end = e;
            }
        } else if let Some((e, year)) = self.year(end) {
            // "fourth-quarter 2006 growth".
            expr = Expr::Quarter { year: Some(year), quarter, half, which: Which::ByTense };
            end = e;
        }
        // A half on its own is a game's ("left in the first half"), not a year's.
        (!half || end > k + 1).then_some((end, expr))
    }

    /// "the first week of March", "the last week of December 2008".
    pub(super) fn month_week(&self, i: usize) -> Found {
        let j = self.the(i);
        let last = match self.word(j)? {
            Word::Ordinal(1) => false,
            Word::Shift(-1) => true,
            _ => return None,
        };
        if j == i || self.unit(j + 1) != Some((Unit::Week, false)) || !self.is(j + 2, Word::Of) {
            return None;
        }
        match self.date(j + 3)? {
            (end, Expr::Calendar { year, month: Some(month), day: None, .. }) => {
                Some((end, Expr::MonthWeek { year, month, last }))
            }
            _ => None,
        }
    }

    /// "of last year", "of the year": the token after it and the year's shift from the document's.
    fn of_shifted_year(&self, i: usize) -> Option<(usize, i16)> {
        if !self.is(i, Word::Of) || self.unit(i + 2) != Some((Unit::Year, false)) {
            return None;
        }
        match self.word(i + 1)? {
            Word::Shift(s) => Some((i + 3, s.clamp(-1, 1) as i16)),
            Word::The => Some((i + 3, 0)),
            _ => None,
        }
    }

    /// Seasons: "spring", "the summer of 2010", "last autumn", "winter 2023".
    pub(super) fn season(&self, i: usize) -> Found {
        let mut j = self.the(i);
        let mut which = Which::ByTense;
        if let Some(Word::Shift(s)) = self.word(j) {
            which = Which::from_shift(s);
            j += 1;
        }
        let Some(Word::Season(season)) = self.word(j) else { return None };
        let y = if self.is(j + 1, Word::Of) { j + 2 } else { j + 1 };
        if let Some((end, year)) = self.year(y) {
            return Some((end, Expr::Season { year: Some(year), season, which: Which::ByTense }));
        }
        // "fall" is a verb unless a year or a shift says otherwise; "Arab Spring" is a name.
        let verb = self.str(j).eq_ignore_ascii_case("fall") && which == Which::ByTense;
        let named = j == i && i > 0 && self.capitalized(i) && self.capitalized(i - 1) && self.plain_word(i - 1);
        if verb || named {
            return None;
        }
        Some((j + 1, Expr::Season { year: None, season, which }))
    }

    /// A day of the month: 1–31, optionally with an ordinal suffix ("15th").
    pub(super) fn day(&self, i: usize) -> Option<(usize, i8)> {
        let (v, d) = self.number(i)?;
        if d > 2 || !(1..=31).contains(&v) || matches!(self.punct(i + 1), Some(':' | '%')) && self.joined(i) {
            return None;
        }
        if self.joined(i) && self.index.is_ordinal_suffix(self.str(i + 1)) {
            return Some((i + 2, v as i8));
        }
        if self.joined(i) && matches!(self.toks.get(i + 1).map(|t| t.kind), Some(Kind::Word(_))) {
            return None;
        }
        Some((i + 1, v as i8))
    }

    /// A four-digit year, not part of a larger number.
    pub(super) fn year(&self, i: usize) -> Option<(usize, i16)> {
        let (v, d) = self.number(i)?;
        if d != 4 || !(1000..=2199).contains(&v) {
            return None;
        }
        let glued_number = self.joined(i + 1) && self.number(i + 2).is_some();
        if self.joined(i)
            && (matches!(self.toks.get(i + 1).map(|t| t.kind), Some(Kind::Word(_) | Kind::Number(..)))
                || self.punct(i + 1) == Some('%')
                || matches!(self.punct(i + 1), Some(':' | ',' | '.')) && glued_number)
        {
            return None;
        }
        if i > 0 && self.joined(i - 1) && matches!(self.punct(i - 1), Some('$' | '€' | '£' | '#' | ',' | '.')) {
            return None;
        }
        // "the 1000-member church": a count in a compound.
        if self.joined(i) && self.punct(i + 1) == Some('-') && self.joined(i + 1) && self.lowercase_word(i + 2) {
            return None;
        }
        Some((i + 1, v as i16))
    }

    /// A month name, with a flag saying whether it needs a day, a year or a preposition to count.
    pub(super) fn month(&self, i: usize) -> Option<(usize, i8, bool)> {
        if !self.capitalized(i) {
            return None;
        }
        match self.word(i)? {
            Word::Month(m) => Some((i + 1, m, false)),
            Word::AmbiguousMonth(m) => Some((i + 1, m, true)),
            Word::MonthAbbr(m) if self.punct(i + 1) == Some('.') && self.joined(i) => Some((i + 2, m, true)),
            Word::MonthAbbr(m) => Some((i + 1, m, true)),
            _ => None,
        }
    }

    /// Whether the token before `i` lets an ambiguous month or a bare year stand alone ("in May", "since 2011").
    pub(super) fn licensed(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.word(i - 1),
                Some(
                    Word::YearPreposition
                        | Word::Relation
                        | Word::Part
                        | Word::Shift(_)
                        | Word::Of
                        | Word::Every
                        | Word::Earlier
                        | Word::The
                )
            )
    }
}

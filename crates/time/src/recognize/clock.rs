//! Clock times.

use super::{Found, Matcher};
use crate::expr::{DayOf, Expr};
use crate::lang::Word;
use crate::token::Kind;

impl Matcher<'_> {
    /// Clock times: "17:00 Moscow time", "14:00 GMT", "3 p.m.", "0800 UTC", "noon".
    pub(super) fn clock(&self, i: usize) -> Found {
        let (hour, minute, end) = if let Some(Word::Clock(h)) = self.word(i) {
            (h, 0, i + 1)
        } else {
            let (h, dh) = self.number(i)?;
            if self.punct(i + 1) == Some(':') && self.joined(i) && self.joined(i + 1) {
                let (m, 2) = self.number(i + 2)? else { return None };
                if dh > 2 || h > 24 || m > 59 {
                    return None;
                }
                (h as u8, m as u8, i + 3)
            } else if dh == 4 && (h / 100) < 24 && h % 100 < 60 && self.is(i + 1, Word::Utc) {
                ((h / 100) as u8, (h % 100) as u8, i + 1)
            } else if self.punct(i + 1) == Some('.') && self.joined(i) && self.joined(i + 1) {
                // "10.30am": a dot between hours and minutes only before a meridiem.
                let (m, 2) = self.number(i + 2)? else { return None };
                if dh > 2 || m > 59 || self.meridiem(i + 3).is_none() {
                    return None;
                }
                (h as u8, m as u8, i + 3)
            } else if dh <= 2 && (1..=12).contains(&h) && self.meridiem(i + 1).is_some() {
                (h as u8, 0, i + 1)
            } else {
                return None;
            }
        };
        let mut hour = hour;
        let mut end = end;
        if let Some((after, pm)) = self.meridiem(end) {
            if hour == 0 || hour > 12 {
                return None;
            }
            hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            end = after;
        }
        // "with 4:48 remaining", "the 2:15 mark": a game clock, not a time of day.
        let countdown = self.index.lexicon.countdowns.iter().any(|w| w.eq_ignore_ascii_case(self.str(end)));
        if countdown && self.punct(i + 1) == Some(':') {
            return None;
        }
        let (zone_end, utc) = self.zone(end).unwrap_or((end, false));
        if zone_end > end {
            end = zone_end;
        } else if self.is(end + 1, Word::Time) && matches!(self.toks.get(end).map(|t| t.kind), Some(Kind::Word(_))) {
            end += 2;
        }
        // "12:00 UTC Monday", "16:00 UTC today".
        let day = match self.word(end) {
            Some(Word::Weekday(w)) if self.capitalized(end) => Some(DayOf::Weekday(w)),
            Some(Word::DayDeixis(offset)) => Some(DayOf::Deictic(offset)),
            _ => None,
        };
        Some((end + usize::from(day.is_some()), Expr::Clock { hour, minute, utc, day }))
    }

    /// A time zone at `i`: "GMT", "EST", "GMT+8", "(UTC -5)". The token after it and whether the clock time is in
    /// UTC (a zone with an offset is local time: its value keeps the clock as written).
    fn zone(&self, i: usize) -> Option<(usize, bool)> {
        let open = self.punct(i) == Some('(');
        let z = i + usize::from(open);
        let utc = self.is(z, Word::Utc);
        if !utc && !self.is(z, Word::Zone) {
            return None;
        }
        let offset =
            matches!(self.punct(z + 1), Some('+' | '-' | '−')) && self.number(z + 2).is_some_and(|(_, d)| d <= 4);
        let end = z + 1 + if offset { 2 } else { 0 };
        match (open, self.punct(end)) {
            (false, _) => Some((end, utc && !offset)),
            (true, Some(')')) => Some((end + 1, utc && !offset)),
            (true, _) => None,
        }
    }

    /// "am"/"pm"/"a.m."/"p.m." at `i`: the token after it and whether it is afternoon.
    pub(super) fn meridiem(&self, i: usize) -> Option<(usize, bool)> {
        let s = self.str(i);
        let pm = if s.eq_ignore_ascii_case("pm") || s.eq_ignore_ascii_case("p") {
            true
        } else if s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("a") {
            false
        } else {
            return None;
        };
        if s.len() == 2 {
            return Some((i + 1, pm));
        }
        let dotted = self.punct(i + 1) == Some('.')
            && self.str(i + 2).eq_ignore_ascii_case("m")
            && self.joined(i)
            && self.joined(i + 1);
        if !dotted {
            return None;
        }
        let end = if self.punct(i + 3) == Some('.') && self.joined(i + 2) { i + 4 } else { i + 3 };
        Some((end, pm))
    }
}

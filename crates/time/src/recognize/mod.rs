//! Finds time expressions in a tokenised sentence and says what each means.
//!
//! At every token the rules of the submodules are tried and the longest match wins (the first rule listed, on a tie);
//! matching then resumes after it. Each rule reads the token classes the lexicon gave, so the rules hold the grammar
//! and the lexicon holds the words.

mod amounts;
mod clock;
mod dates;
mod relative;

use crate::expr::{DayOf, Expr, Which};
use crate::lang::{Index, Unit, Word};
use crate::token::{Kind, Token};

/// A recognised expression: tokens `first..end` of the sentence and their meaning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
}

/// Appends the time expressions of one sentence's tokens to `out` (cleared first).
pub fn recognize(text: &str, toks: &[Token], index: &Index, out: &mut Vec<Match>) {
    out.clear();
    let m = Matcher { text, toks, index };
    let mut i = 0;
    while i < toks.len() {
        // An intensifier joins the expression it opens: "very soon".
        let from = if m.is(i, Word::Intensifier) { i + 1 } else { i };
        match m.longest_at(from) {
            Some((end, expr)) if end > from => {
                out.push(Match { first: i, end, expr });
                i = end;
            }
            _ => i += 1,
        }
    }
    m.date_clock_times(out);
    m.coordinate_weekdays(out);
}

/// A rule's match: the token after it and its meaning.
type Found = Option<(usize, Expr)>;

struct Matcher<'a> {
    text: &'a str,
    toks: &'a [Token],
    index: &'a Index,
}

impl Matcher<'_> {
    /// Gives a clock time the day named right after it: "14:00 GMT on Wednesday", "16:00 UTC, today".
    fn date_clock_times(&self, matches: &mut [Match]) {
        for k in 1..matches.len() {
            let (before, after) = matches.split_at_mut(k);
            let (clock, next) = (&mut before[k - 1], &after[0]);
            let Expr::Clock { day: day @ None, .. } = &mut clock.expr else { continue };
            let gap = clock.end..next.first;
            if gap.len() > 1 || gap.clone().any(|g| self.punct(g) != Some(',') && !self.is(g, Word::YearPreposition)) {
                continue;
            }
            *day = match next.expr {
                Expr::Weekday { weekday, which: Which::ByTense } => Some(DayOf::Weekday(weekday)),
                Expr::Deictic { unit: Unit::Day, offset } => Some(DayOf::Deictic(offset)),
                Expr::Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                    which: Which::ByTense | Which::OnWeekday(_),
                } => Some(DayOf::Date { year, month, day }),
                _ => None,
            };
        }
    }

    /// Gives a weekday joined to a shifted one the same shift: "next Thursday and Friday", "last Monday or
    /// Tuesday".
    fn coordinate_weekdays(&self, matches: &mut [Match]) {
        for k in 1..matches.len() {
            let (before, after) = matches.split_at_mut(k);
            let (first, next) = (&before[k - 1], &mut after[0]);
            let (Expr::Weekday { which, .. }, Expr::Weekday { which: next_which @ Which::ByTense, .. }) =
                (first.expr, &mut next.expr)
            else {
                continue;
            };
            let joined = next.first == first.end + 1
                && self.index.lexicon.ranges.iter().any(|w| self.str(first.end).eq_ignore_ascii_case(w));
            if joined {
                *next_which = which;
            }
        }
    }

    fn longest_at(&self, i: usize) -> Found {
        let starts = match self.toks[i].kind {
            Kind::Word(Some(Word::YearPreposition)) => self.is(i + 1, Word::Bound),
            Kind::Word(Some(Word::Half)) => self.is(i + 1, Word::A),
            Kind::Word(Some(Word::FeastName)) => self.capitalized(i),
            Kind::Word(Some(
                Word::Relation
                | Word::Of
                | Word::And
                | Word::Rate
                | Word::Time
                | Word::Utc
                | Word::Zone
                | Word::Ago
                | Word::Intensifier,
            )) => false,
            Kind::Word(Some(_)) | Kind::Number(..) => true,
            Kind::Punct(c) => c == '\'' || c == '’',
            Kind::Word(None) => self.str(i) == "Q",
        };
        if !starts {
            return None;
        }
        let rules: [fn(&Self, usize) -> Found; 17] = [
            Self::calendar,
            Self::holiday,
            Self::fiscal,
            Self::partial,
            Self::era,
            Self::quarter,
            Self::month_week,
            Self::season,
            Self::shifted,
            Self::day_deixis,
            Self::weekday,
            Self::same_period,
            Self::anaphoric,
            Self::duration,
            Self::reference,
            Self::clock,
            Self::set,
        ];
        // The longest match wins; on a tie, the rule listed first.
        rules.iter().filter_map(|rule| rule(self, i)).fold(None, |best, found| match best {
            Some(b) if b.0 >= found.0 => Some(b),
            _ => Some(found),
        })
    }

    fn word(&self, i: usize) -> Option<Word> {
        match self.toks.get(i)?.kind {
            Kind::Word(w) => w,
            _ => None,
        }
    }

    fn is(&self, i: usize, w: Word) -> bool {
        self.word(i) == Some(w)
    }

    fn number(&self, i: usize) -> Option<(u32, u8)> {
        match self.toks.get(i)?.kind {
            Kind::Number(v, d) => Some((v, d)),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn str(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Whether token `i` ends where token `i + 1` starts.
    fn joined(&self, i: usize) -> bool {
        matches!((self.toks.get(i), self.toks.get(i + 1)), (Some(a), Some(b)) if a.end == b.start)
    }

    /// Whether the capitalised word at `i` continues a name: it follows a capitalised plain word ("Tony Weeks").
    fn after_name(&self, i: usize) -> bool {
        i > 0 && self.capitalized(i) && self.capitalized(i - 1) && self.plain_word(i - 1)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn lowercase_word(&self, i: usize) -> bool {
        self.word_token(i) && self.str(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Whether token `i` is a word.
    fn word_token(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Word(_)))
    }

    /// Whether token `i` is a word with no role in time expressions, or only that of a describing word ("full").
    fn plain_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Word(None | Some(Word::FeastName | Word::Whole))))
    }

    /// Skips an optional "the" (or "the very").
    fn the(&self, i: usize) -> usize {
        if !self.is(i, Word::The) {
            i
        } else if self.is(i + 1, Word::Intensifier) {
            i + 2
        } else {
            i + 1
        }
    }
}

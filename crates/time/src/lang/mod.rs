//! Per-language word lists. A language is one data file: the words that name months, weekdays, units, numbers,
//! modifiers and tense cues, each with its role.

mod en;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub use en::ENGLISH;

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A tense, as signalled by a cue word near a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// How a holiday's day is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feast {
    /// A fixed month and day ("New Year's Day").
    Fixed(i8, i8),
    /// Days from Easter Sunday ("Good Friday" is -2).
    Easter(i8),
    /// The `n`th (−1: the last) weekday (1 = Monday) of a month ("Thanksgiving": the fourth Thursday of November).
    Nth { month: i8, weekday: i8, n: i8 },
}

/// The role a word plays in time expressions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// A month name (1–12) that may stand alone ("December").
    Month(i8),
    /// A month name that is also a common word ("May", "March"): a month only with a day, a year or a preposition.
    AmbiguousMonth(i8),
    /// An abbreviated month ("Sept"): a month only before a day or a year, or after a preposition.
    MonthAbbr(i8),
    /// A weekday, 1 = Monday … 7 = Sunday.
    Weekday(i8),
    /// A unit in singular form ("year").
    Unit(Unit),
    /// A unit in plural form ("years").
    Units(Unit),
    /// A cardinal number word ("three", "twelve", "twenty").
    Number(u32),
    /// An ordinal number word ("third").
    Ordinal(u32),
    /// An unspecified quantity ("several", "few").
    Some,
    /// A season: `SP`, `SU`, `FA`, `WI`.
    Season(&'static str),
    /// A part of the day: `MO`, `AF`, `EV`, `NI`.
    PartOfDay(&'static str),
    /// A day named relative to today ("yesterday" = -1).
    DayDeixis(i32),
    /// "tonight": today's night.
    Tonight,
    /// A word that shifts a named period: "last" = -1, "this" = 0, "next" = +1.
    Shift(i32),
    /// A word that shifts from a date given earlier in the text ("following" = +1, "previous" = -1).
    Anaphoric(i32),
    /// "past": "the past decade" is a duration that ends now.
    Past,
    /// The part of a period: "early", "late", "mid".
    Part,
    /// "earlier"/"later" before "this month".
    Earlier,
    /// A word that makes a quantity approximate ("about", "nearly").
    Approx,
    /// "ago".
    Ago,
    /// A reference to the past, present or future as a whole ("recently", "now").
    Ref(Tense),
    /// A frequency adverb or adjective, with its TIMEX3 SET value ("weekly" → `P1W`).
    Frequency(&'static str),
    /// "every", "each", "per".
    Every,
    /// A word after which a bare number is a year ("in", "since").
    YearPreposition,
    /// "before", "after": a preposition after which a bare number is a year, and which makes "the day before" a
    /// relation rather than a date.
    Relation,
    /// A noun for the part of a period: "end", "beginning", "start", "middle".
    PeriodPart,
    /// A time zone that is UTC ("GMT", "UTC").
    Utc,
    /// Another time zone ("EST", "CET"): part of a clock time, kept out of its value.
    Zone,
    /// "noon" (12:00) or "midnight" (00:00).
    Clock(u8),
    /// "the".
    The,
    /// "a", "an", "one" as a count of one.
    A,
    /// "of".
    Of,
    /// "and" (as in "two and a half").
    And,
    /// "half".
    Half,
    /// "that", "same": "that day" is the day the text last named.
    That,
    /// "future": "the future".
    Future,
    /// "recent": "recent years", or the recent past.
    Recent,
    /// "time": "17:00 Moscow time", "that time".
    Time,
    /// "period": a stretch of time whose extent the context gives ("the same period last year").
    Period,
    /// "fiscal", "financial": "fiscal 2009", "the financial year".
    Fiscal,
    /// "old": "45 years old" is an age.
    Old,
    /// A holiday on a fixed day: month and day ("Christmas" is 12, 25).
    Holiday(i8, i8),
    /// "eve": "Christmas Eve" is the day before.
    Eve,
    /// The first word of a holiday's name in `Lexicon::holidays` ("Easter", "Good" in "Good Friday"); otherwise a
    /// plain word. The index gives it this role.
    FeastName,
    /// "more", "less", "than", "least": "more than three years".
    Bound,
    /// "times", "once", "twice": a following "a year" is a frequency.
    Rate,
    /// "couple": "a couple of days" counts two.
    Couple,
    /// "entire", "whole", "full": "for the entire year" is the period the text is about.
    Whole,
    /// "very": it joins the expression it opens ("very soon", "the very beginning of the year").
    Intensifier,
}

/// The words of one language, with their roles.
pub struct Lexicon {
    /// Lower-case words and their roles.
    pub words: &'static [(&'static str, Word)],
    /// Lower-case words that set the tense of their clause ("will", "said").
    pub cues: &'static [(&'static str, Tense)],
    /// Future cues that count only right after a present form of "be" ("is due to meet", not "cancelled due to
    /// rain"; "is set to begin", not "was set on Monday").
    pub after_be: &'static [&'static str],
    /// The present forms of "be" (and the negation that may follow them).
    pub be: &'static [&'static str],
    /// Prepositions of deadlines: an expression right after one is still to come ("closed until Friday").
    pub deadlines: &'static [&'static str],
    /// Prepositions of deadlines that a past-tense clause may have met: "cut by 2012" is to come, "had been
    /// infected by Saturday" is past.
    pub open_deadlines: &'static [&'static str],
    /// The infinitive marker: in a clause with no other cue, "to" before a verb is the future of headlines
    /// ("Putin to hold talks on Wednesday").
    pub infinitive: &'static str,
    /// Word endings of a present participle ("ing"): after a present form of "be" listed in
    /// `progressive_auxiliaries`, it states an arrangement to come ("is holding talks on Thursday").
    pub progressive_suffixes: &'static [&'static str],
    /// The present forms of "be" that make a progressive an arrangement ("is", "are").
    pub progressive_auxiliaries: &'static [&'static str],
    /// Word endings that mark a past-tense verb ("ed"), for words not listed in `cues`.
    pub past_suffixes: &'static [&'static str],
    /// Lower-case words that may follow a bare year ("2011 has strained"); other lower-case words make the number a
    /// count ("2000 people").
    pub year_followers: &'static [&'static str],
    /// Lower-case words after which a clock reading is a game clock ("4:48 remaining", "the 2:15 mark").
    pub countdowns: &'static [&'static str],
    /// Suffixes that make a digit run an ordinal ("15th").
    pub ordinal_suffixes: &'static [&'static str],
    /// Lower-case words that join the two ends of a range of counts ("60 to 90 days", "three or four years").
    pub ranges: &'static [&'static str],
    /// Lower-case words that open an expression and give its TIMEX3 `mod` ("late" → `END`, "about" → `APPROX`).
    pub modifiers: &'static [(&'static str, &'static str)],
    /// Lower-case prepositions after which "the year", "the quarter", "the month" or "the week" is the period the
    /// text is about ("profit for the year", "sales in the quarter").
    pub period_prepositions: &'static [&'static str],
    /// Lower-case words after which such a period is one the text describes, not the one it is about ("the year
    /// when", "the year ahead").
    pub period_describers: &'static [&'static str],
    /// Lower-case verbs after which "the day" is the day the text is about ("ended the day higher").
    pub day_verbs: &'static [&'static str],
    /// Lower-case determiners: a date after one describes a noun ("its November 20 low", "a July 16 report").
    pub determiners: &'static [&'static str],
    /// Lower-case words that make a sentence's dates no evidence of when it was written: hopes, plans and
    /// conditions ("had hoped to ship in 2012", "is anticipated for 2020").
    pub hedges: &'static [&'static str],
    /// Lower-case words that may stand beside the date of a date line ("published", "updated", "am").
    pub dateline_words: &'static [&'static str],
    /// Holidays as lower-case words, the punctuation inside them left out ("new year s day" for "New Year's Day").
    pub holidays: &'static [(&'static [&'static str], Feast)],
    /// Lower-case phrases that refer to the present or future as a whole ("the near term" → future).
    pub ref_phrases: &'static [(&'static [&'static str], Tense)],
}

/// A lexicon's words in hash maps keyed by their lower-case form.
pub struct Index {
    words: FxHashMap<&'static str, Word>,
    cues: FxHashMap<&'static str, Tense>,
    modifiers: FxHashMap<&'static str, &'static str>,
    pub lexicon: &'static Lexicon,
}

impl Index {
    /// The English index, built once.
    pub fn english() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| Index::new(&ENGLISH))
    }

    fn new(lexicon: &'static Lexicon) -> Self {
        let mut words: FxHashMap<&'static str, Word> = lexicon.words.iter().copied().collect();
        for (phrase, _) in lexicon.holidays {
            if let Some(first) = phrase.first() {
                words.entry(first).or_insert(Word::FeastName);
            }
        }
        let cues = lexicon.cues.iter().copied().collect();
        let modifiers = lexicon.modifiers.iter().copied().collect();
        Index { words, cues, modifiers, lexicon }
    }

    /// The role of `word`, compared case-insensitively; `None` for words with no role in time expressions.
    pub fn lookup(&self, word: &str) -> Option<Word> {
        find(&self.words, word)
    }

    /// The TIMEX3 `mod` that `word` gives an expression it opens.
    pub fn modifier(&self, word: &str) -> Option<&'static str> {
        find(&self.modifiers, word)
    }

    /// The tense `word` signals after the word `before`: a listed cue, a past-tense ending, or a progressive
    /// after a present "be" (an arrangement to come); a past form after the infinitive marker is none.
    pub fn cue(&self, word: &str, before: Option<&str>) -> Option<Tense> {
        let listed = |words: &[&str], w: &str| words.iter().any(|l| l.eq_ignore_ascii_case(w));
        if listed(self.lexicon.after_be, word) && !before.is_some_and(|b| listed(self.lexicon.be, b)) {
            return None;
        }
        let progressive = || {
            before.is_some_and(|b| listed(self.lexicon.progressive_auxiliaries, b))
                && ends_with_any(word, self.lexicon.progressive_suffixes)
        };
        let tense = find(&self.cues, word)
            .or_else(|| ends_with_any(word, self.lexicon.past_suffixes).then_some(Tense::Past))
            .or_else(|| progressive().then_some(Tense::Future));
        // "to cut" is an infinitive, not the past "cut".
        let infinitive = before.is_some_and(|b| b.eq_ignore_ascii_case(self.lexicon.infinitive));
        tense.filter(|t| !(infinitive && *t == Tense::Past))
    }

    /// Whether `word` hedges the dates of its sentence.
    pub fn is_hedge(&self, word: &str) -> bool {
        self.lexicon.hedges.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether `word` may stand beside the date of a date line.
    pub fn is_dateline_word(&self, word: &str) -> bool {
        self.lexicon.dateline_words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether a bare year may be followed by this lower-case word.
    pub fn may_follow_year(&self, word: &str) -> bool {
        self.lexicon.year_followers.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether `word` is an ordinal suffix ("st", "nd", "th").
    pub fn is_ordinal_suffix(&self, word: &str) -> bool {
        self.lexicon.ordinal_suffixes.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// Whether `word` (of five letters or more) ends with one of `suffixes`, compared case-insensitively.
fn ends_with_any(word: &str, suffixes: &[&str]) -> bool {
    word.len() >= 5
        && suffixes.iter().any(|s| {
            word.len() > s.len()
                && word.is_char_boundary(word.len() - s.len())
                && word[word.len() - s.len()..].eq_ignore_ascii_case(s)
        })
}

/// The entry for `word` in a table keyed by lower-case words, compared case-insensitively.
fn find<T: Copy>(table: &FxHashMap<&'static str, T>, word: &str) -> Option<T> {
    let search = |lower: &str| table.get(lower).copied();
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if !word.is_ascii() || bytes.len() > buf.len() {
        return search(&word.to_lowercase());
    }
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    search(std::str::from_utf8(&buf[..bytes.len()]).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_tables_are_lower_case_and_unique() {
        let index = Index::english();
        let tables = [
            index.lexicon.words.iter().map(|w| w.0).collect::<Vec<_>>(),
            index.lexicon.cues.iter().map(|c| c.0).collect(),
            index.lexicon.modifiers.iter().map(|m| m.0).collect(),
        ];
        for mut table in tables {
            assert!(table.iter().all(|w| *w == w.to_lowercase()), "keys are lower case");
            table.sort_unstable();
            assert!(table.windows(2).all(|w| w[0] < w[1]), "keys are unique: {table:?}");
        }
        assert_eq!(index.lookup("DECEMBER"), Some(Word::Month(12)));
        assert_eq!(index.lookup("Türkiye"), None);
        assert_eq!(index.cue("announced", None), Some(Tense::Past));
        assert_eq!(index.cue("Will", None), Some(Tense::Future));
        assert_eq!(index.cue("need", None), None);
        assert_eq!(index.cue("due", Some("is")), Some(Tense::Future));
        assert_eq!(index.cue("due", Some("cancelled")), None);
        let holiday_words = index.lexicon.holidays.iter().flat_map(|(phrase, _)| phrase.iter());
        assert!(holiday_words.into_iter().all(|w| *w == w.to_lowercase()), "holiday words are lower case");
        assert_eq!((index.lookup("Good"), index.lookup("EASTER")), (Some(Word::FeastName), Some(Word::FeastName)));
        assert_eq!(index.lookup("Christmas"), Some(Word::Holiday(12, 25)));
        assert_eq!(index.cue("holding", Some("is")), Some(Tense::Future));
        assert_eq!(index.cue("holding", Some("was")), None);
        assert_eq!((index.cue("cut", Some("to")), index.cue("cut", Some("they"))), (None, Some(Tense::Past)));
    }
}

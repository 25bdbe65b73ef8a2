//! Numeric claims: how many were killed, injured, displaced…, and by what.
//!
//! A claim is a quantity phrase ("more than 50,000", "tens of thousands", "around half a million") next to a
//! counting verb or noun ("killed", "dead", "displaced") in one sentence. Its subject is the nearest cause named
//! before it ("earthquake", "war"), so that figures for the same thing can be compared across sources.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chronicle_model::{Claim, Span};

/// Counting words and the measure they report.
const MEASURES: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("kills", "killed"),
    ("dead", "killed"),
    ("deaths", "killed"),
    ("died", "killed"),
    ("fatalities", "killed"),
    ("lives", "killed"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("wounded", "injured"),
    ("wounding", "injured"),
    ("displaced", "displaced"),
    ("displacing", "displaced"),
    ("refugees", "displaced"),
    ("evacuated", "evacuated"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("missing", "missing"),
];

/// Causes a count can be about, with the key they are compared under.
const SUBJECTS: &[(&str, &str)] = &[
    ("earthquake", "earthquake"),
    ("quake", "earthquake"),
    ("tremor", "earthquake"),
    ("war", "war"),
    ("conflict", "war"),
    ("fighting", "war"),
    ("uprising", "war"),
    ("attack", "attack"),
    ("attacks", "attack"),
    ("bombing", "attack"),
    ("explosion", "explosion"),
    ("blast", "explosion"),
    ("flood", "flood"),
    ("floods", "flood"),
    ("flooding", "flood"),
    ("storm", "storm"),
    ("hurricane", "storm"),
    ("typhoon", "storm"),
    ("cyclone", "storm"),
    ("fire", "fire"),
    ("wildfire", "fire"),
    ("crash", "crash"),
    ("shooting", "shooting"),
    ("epidemic", "epidemic"),
    ("pandemic", "epidemic"),
    ("outbreak", "epidemic"),
];

/// Vague quantities and their ranges.
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["hundreds", "of", "thousands"], 100_000.0, 999_999.0),
    (&["tens", "of", "thousands"], 10_000.0, 99_999.0),
    (&["half", "a", "million"], 500_000.0, 500_000.0),
    (&["a", "million"], 1_000_000.0, 1_000_000.0),
    (&["millions"], 1_000_000.0, 999_999_999.0),
    (&["thousands"], 1_000.0, 9_999.0),
    (&["hundreds"], 100.0, 999.0),
    (&["dozens"], 24.0, 99.0),
];

const SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9)];

const SMALL_NUMBERS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// How a modifier before a number bounds it: (words, low factor, high factor or None for open-ended).
const MODIFIERS: &[(&[&str], f64, Option<f64>)] = &[
    (&["more", "than"], 1.0, None),
    (&["at", "least"], 1.0, None),
    (&["over"], 1.0, None),
    (&["nearly"], 0.9, Some(1.0)),
    (&["almost"], 0.9, Some(1.0)),
    (&["around"], 0.9, Some(1.1)),
    (&["about"], 0.9, Some(1.1)),
    (&["roughly"], 0.9, Some(1.1)),
    (&["some"], 0.9, Some(1.1)),
    (&["an", "estimated"], 0.9, Some(1.1)),
    (&["up", "to"], 0.0, Some(1.0)),
    (&["fewer", "than"], 0.0, Some(1.0)),
    (&["less", "than"], 0.0, Some(1.0)),
];

/// A word of a sentence with its byte span in the text.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    span: Span,
}

/// Finds any counting word of [`MEASURES`] inside a text, in any case: a sentence without one holds no claim.
static MEASURE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = MEASURES.iter().map(|(word, _)| word);
    AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("fixed words build a matcher")
});

/// Numeric claims in the given sentences of `text`.
pub fn find(text: &str, sentences: &[Span]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for sentence in sentences.iter().filter(|s| MEASURE_WORDS.is_match(s.slice(text))) {
        let words = words(text, *sentence);
        let mut i = 0;
        while i < words.len() {
            match quantity(&words, i) {
                Some(q) => {
                    if let Some(measure) = measure_near(&words, q.first, q.last) {
                        claims.push(Claim {
                            span: Span::new(words[q.first].span.start, words[q.last].span.end),
                            sentence: *sentence,
                            measure: measure.to_string(),
                            subject: subject_before(&words, q.first).map(str::to_string),
                            low: q.low,
                            high: q.high,
                        });
                    }
                    i = q.last + 1;
                }
                None => i += 1,
            }
        }
    }
    claims
}

fn words(text: &str, sentence: Span) -> Vec<Word<'_>> {
    let s = sentence.slice(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let in_word = c.is_alphanumeric() || (start.is_some() && matches!(c, ',' | '.') && next_is_digit(s, i));
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(b), false) => {
                out.push(Word { text: &s[b..i], span: Span::new(sentence.start + b, sentence.start + i) });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn next_is_digit(s: &str, i: usize) -> bool {
    s[i..].chars().nth(1).is_some_and(|c| c.is_ascii_digit()) && s[..i].ends_with(|c: char| c.is_ascii_digit())
}

struct Quantity {
    first: usize,
    last: usize,
    low: f64,
    high: Option<f64>,
}

/// A quantity phrase starting at word `i` (with its modifier), if any.
fn quantity(words: &[Word], i: usize) -> Option<Quantity> {
    let (modifier, at) =
        MODIFIERS.iter().find(|(m, ..)| matches_words(words, i, m)).map_or((None, i), |m| (Some(m), i + m.0.len()));
    let (low, high, last) = number(words, at)?;
    let (low, high) = match modifier {
        Some((_, lo, hi)) => (low * lo, hi.map(|h| high * h)),
        None => (low, Some(high)),
    };
    Some(Quantity { first: i, last, low, high })
}

/// A number at word `i`: digits with an optional scale word, a small number word, or a vague quantity.
fn number(words: &[Word], i: usize) -> Option<(f64, f64, usize)> {
    let word = words.get(i)?;
    if let Some(value) = parse_digits(word.text) {
        if is_date_part(words, i, value) {
            return None;
        }
        let scale = words.get(i + 1).and_then(|w| SCALES.iter().find(|(s, _)| w.text.eq_ignore_ascii_case(s)));
        return Some(match scale {
            Some((_, factor)) => (value * factor, value * factor, i + 1),
            None => (value, value, i),
        });
    }
    if let Some(n) = SMALL_NUMBERS.iter().position(|w| word.text.eq_ignore_ascii_case(w)) {
        let value = (n + 1) as f64;
        return Some((value, value, i));
    }
    VAGUE
        .iter()
        .find(|(phrase, ..)| matches_words(words, i, phrase))
        .map(|(phrase, low, high)| (*low, *high, i + phrase.len() - 1))
}

/// Whether the number at word `i` is part of a date: a day after a month name ("February 6") or a year.
fn is_date_part(words: &[Word], i: usize, value: f64) -> bool {
    let after_month = i.checked_sub(1).is_some_and(|p| MONTHS.iter().any(|m| words[p].text.eq_ignore_ascii_case(m)));
    let year = words[i].text.len() == 4 && (1000.0..=2100.0).contains(&value);
    after_month || year
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

fn parse_digits(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let plain: String = word.chars().filter(|c| *c != ',').collect();
    plain.parse().ok()
}

fn matches_words(words: &[Word], i: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, p)| words.get(i + k).is_some_and(|w| w.text.eq_ignore_ascii_case(p)))
}

/// The measure reported by a counting word right before the quantity or within three words after it.
fn measure_near(words: &[Word], first: usize, last: usize) -> Option<&'static str> {
    let before = first.checked_sub(1).and_then(|b| words.get(b));
    let after = words.iter().skip(last + 1).take(3);
    before.into_iter().chain(after).find_map(|w| measure_of(w.text))
}

fn measure_of(word: &str) -> Option<&'static str> {
    MEASURES.iter().find(|(w, _)| word.eq_ignore_ascii_case(w)).map(|(_, m)| *m)
}

/// The nearest cause named before the quantity.
fn subject_before(words: &[Word], first: usize) -> Option<&'static str> {
    words[..first].iter().rev().find_map(|w| SUBJECTS.iter().find(|(s, _)| w.text.eq_ignore_ascii_case(s)).map(|x| x.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quantity, measure, subject, low, high) of each claim.
    type Found = (String, String, Option<String>, f64, Option<f64>);

    fn claims(text: &str) -> Vec<Found> {
        find(text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|c| (c.span.slice(text).to_string(), c.measure, c.subject, c.low, c.high))
            .collect()
    }

    #[test]
    fn vague_and_bounded_tolls() {
        let a = claims("He has received aid after a February earthquake that killed tens of thousands in Turkey.");
        assert_eq!(
            a,
            [("tens of thousands".into(), "killed".into(), Some("earthquake".into()), 10_000.0, Some(99_999.0))]
        );
        let b = claims("The earthquake that struck Türkiye and Syria last February, killing more than 50,000 people.");
        assert_eq!(b, [("more than 50,000".into(), "killed".into(), Some("earthquake".into()), 50_000.0, None)]);
    }

    #[test]
    fn several_measures_in_one_sentence() {
        let c = claims("The war has killed around half a million people and displaced millions more since 2011.");
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].0.as_str(), c[0].1.as_str(), c[0].2.as_deref()),
            ("around half a million", "killed", Some("war"))
        );
        assert_eq!((c[1].0.as_str(), c[1].1.as_str()), ("millions", "displaced"));
    }

    #[test]
    fn counting_words_match_in_any_case() {
        let c = claims("FLOODS: AT LEAST 12 DEAD AND HUNDREDS MISSING.");
        let found: Vec<(&str, &str)> = c.iter().map(|c| (c.0.as_str(), c.1.as_str())).collect();
        assert_eq!(found, [("AT LEAST 12", "killed"), ("HUNDREDS", "missing")]);
        assert_eq!(c[0].2.as_deref(), Some("flood"));
    }

    #[test]
    fn numbers_without_a_counting_word_are_not_claims() {
        assert!(claims("The summit talks lasted about three hours, after 17:00 Moscow time in 2023.").is_empty());
    }

    #[test]
    fn days_and_years_are_not_quantities() {
        let c = claims("Aid came after a February 6 earthquake that killed tens of thousands in 2023.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].0, "tens of thousands");
        assert!(claims("The war that began in 2011 killed many.").is_empty());
    }

    #[test]
    fn scaled_numbers() {
        let c = claims("Floods left 1.2 million displaced.");
        assert_eq!((c[0].3, c[0].1.as_str(), c[0].2.as_deref()), (1_200_000.0, "displaced", Some("flood")));
    }
}

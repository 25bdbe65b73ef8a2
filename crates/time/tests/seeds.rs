//! The seed articles: every expected expression is found with its value, resolved against the publication date.

use chronicle_model::{Date, Span, TimeType, Timex};
use chronicle_time::{estimate_dct, tag};

struct Seed {
    id: String,
    published: Date,
    text: String,
}

fn seeds() -> Vec<Seed> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds/seeds.jsonl");
    let data = std::fs::read_to_string(path).expect("seeds.jsonl");
    data.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            Seed {
                id: v["id"].as_str().expect("id").to_string(),
                published: v["published"].as_str().expect("published").parse().expect("date"),
                text: v["text"].as_str().expect("text").to_string(),
            }
        })
        .collect()
}

fn seed(prefix: &str) -> Seed {
    seeds().into_iter().find(|s| s.id.starts_with(prefix)).expect("seed")
}

/// Splits at line breaks and after sentence-final punctuation followed by a space.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end = match b {
            b'\n' => Some(i),
            b' ' if i > 0 && matches!(bytes[i - 1], b'.' | b'?' | b'!') => Some(i),
            _ => None,
        };
        if let Some(end) = end {
            if end > start {
                out.push(Span::new(start, end));
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn tagged(prefix: &str) -> (Seed, Vec<Timex>) {
    let s = seed(prefix);
    let times = tag(&s.text, &sentences(&s.text), Some(s.published));
    (s, times)
}

/// Asserts that the `nth` (0-based) occurrence of `phrase` is tagged with exactly that span and `value`.
fn expect(seed: &Seed, times: &[Timex], phrase: &str, nth: usize, kind: TimeType, value: &str) {
    let start = seed.text.match_indices(phrase).nth(nth).map(|(i, _)| i).expect("phrase in the seed");
    let span = Span::new(start, start + phrase.len());
    let found: Vec<(&str, &str)> = times.iter().map(|t| (t.span.slice(&seed.text), t.value.as_str())).collect();
    let t = times
        .iter()
        .find(|t| t.span == span)
        .unwrap_or_else(|| panic!("{phrase:?} not tagged in {}: {found:?}", seed.id));
    assert_eq!((t.kind, t.value.as_str()), (kind, value), "{phrase:?} in {}", seed.id);
}

#[test]
fn seed_000() {
    let (s, t) = tagged("000");
    expect(&s, &t, "Wednesday", 0, TimeType::Date, "2023-03-15");
    expect(&s, &t, "late December", 0, TimeType::Date, "2022-12");
    expect(&s, &t, "last week", 0, TimeType::Date, "2023-W10");
    expect(&s, &t, "2011", 0, TimeType::Date, "2011");
    expect(&s, &t, "2015", 0, TimeType::Date, "2015");
    expect(&s, &t, "September 2021", 0, TimeType::Date, "2021-09");
    expect(&s, &t, "this week", 0, TimeType::Date, "2023-W11");
    expect(&s, &t, "February", 0, TimeType::Date, "2023-02");
    expect(&s, &t, "recently", 0, TimeType::Date, "PAST_REF");
}

#[test]
fn seed_001() {
    let (s, t) = tagged("001");
    expect(&s, &t, "Wednesday", 0, TimeType::Date, "2023-03-15");
    expect(&s, &t, "Wednesday", 1, TimeType::Date, "2023-03-15");
    expect(&s, &t, "Tuesday", 0, TimeType::Date, "2023-03-14");
    expect(&s, &t, "February 6", 0, TimeType::Date, "2023-02-06");
    expect(&s, &t, "December", 0, TimeType::Date, "2022-12");
    expect(&s, &t, "January", 0, TimeType::Date, "2023-01");
    expect(&s, &t, "Friday", 0, TimeType::Date, "2023-03-10");
    expect(&s, &t, "2015", 0, TimeType::Date, "2015");
}

#[test]
fn seed_003() {
    let (s, t) = tagged("003");
    expect(&s, &t, "about three hours", 0, TimeType::Duration, "PT3H");
    expect(&s, &t, "17:00 Moscow time", 0, TimeType::Time, "2023-03-15T17:00");
    expect(&s, &t, "14:00 GMT", 0, TimeType::Time, "2023-03-15T14:00Z");
    expect(&s, &t, "last February", 0, TimeType::Date, "2023-02");
    expect(&s, &t, "the end of December", 0, TimeType::Date, "2022-12");
    expect(&s, &t, "November", 0, TimeType::Date, "2022-11");
    expect(&s, &t, "2016", 0, TimeType::Date, "2016");
    expect(&s, &t, "early March", 0, TimeType::Date, "2023-03");
    expect(&s, &t, "the early 2000s", 0, TimeType::Date, "200");
    expect(&s, &t, "Wednesday", 0, TimeType::Date, "2023-03-15");
    expect(&s, &t, "recent years", 0, TimeType::Duration, "PXY");
    expect(&s, &t, "recent months", 0, TimeType::Duration, "PXM");
    expect(&s, &t, "decades", 0, TimeType::Duration, "PXDE");
}

#[test]
fn seed_002_and_004() {
    let (s, t) = tagged("002");
    expect(&s, &t, "Thursday", 0, TimeType::Date, "2024-07-25");
    expect(&s, &t, "Wednesday", 0, TimeType::Date, "2024-07-24");
    expect(&s, &t, "March 2023", 0, TimeType::Date, "2023-03");
    expect(&s, &t, "12-year", 0, TimeType::Duration, "P12Y");
    expect(&s, &t, "2011", 0, TimeType::Date, "2011");
    let (s, t) = tagged("004");
    expect(&s, &t, "Thursday", 0, TimeType::Date, "2024-07-25");
    expect(&s, &t, "Wednesday", 0, TimeType::Date, "2024-07-24");
    expect(&s, &t, "March 2023", 0, TimeType::Date, "2023-03");
    expect(&s, &t, "July 15", 0, TimeType::Date, "2024-07-15");
    expect(&s, &t, "December 2022", 0, TimeType::Date, "2022-12");
    expect(&s, &t, "last year", 0, TimeType::Date, "2023");
    expect(&s, &t, "last week", 0, TimeType::Date, "2024-W29");
    expect(&s, &t, "August", 0, TimeType::Date, "2024-08");
    expect(&s, &t, "earlier this month", 0, TimeType::Date, "2024-07");
    expect(&s, &t, "September 2015", 0, TimeType::Date, "2015-09");
}

#[test]
fn undated_seeds_get_honest_estimates() {
    for s in seeds() {
        let estimate = estimate_dct(&s.text, &sentences(&s.text)).expect("every seed names dates");
        assert!(estimate.earliest <= s.published, "{}: earliest {} after publication", s.id, estimate.earliest);
        assert!(estimate.latest.is_none_or(|l| l >= s.published), "{}: latest {:?}", s.id, estimate.latest);
    }
    let bound = |prefix: &str| {
        let s = seed(prefix);
        estimate_dct(&s.text, &sentences(&s.text)).expect("estimate")
    };
    // The latest dates reported with their year bound the writing; "July 15" and "February 6" are of a year the
    // texts do not give, so no seed is pinned to a day.
    let e004 = bound("004");
    assert_eq!((e004.earliest.to_string(), e004.best), ("2023-03-01".to_string(), None), "March 2023");
    assert!(bound("001").earliest >= "2021-12-01".parse().expect("date"), "September 2021, then December");
}

#[test]
fn seed_modifiers_follow_timeml() {
    let modifier = |prefix: &str, phrase: &str| {
        let (s, t) = tagged(prefix);
        let found = t.iter().find(|t| t.span.slice(&s.text) == phrase);
        found.unwrap_or_else(|| panic!("{phrase:?} not tagged in {}", s.id)).modifier.clone()
    };
    assert_eq!(modifier("000", "late December").as_deref(), Some("END"));
    assert_eq!(modifier("003", "about three hours").as_deref(), Some("APPROX"));
    assert_eq!(modifier("003", "early March").as_deref(), Some("START"));
    assert_eq!(modifier("003", "the end of December").as_deref(), Some("END"));
    assert_eq!(modifier("000", "last week"), None);
}

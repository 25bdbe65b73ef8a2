//! When the reported event happened, voted from an article's resolved time expressions.
//!
//! Only day-precise dates vote, and in an article without a publication date only those that write out their
//! year (relative ones hang on an estimated document date that may be far off). A date attached to a reporting or publishing verb ("said on Tuesday", "Russian
//! TV on Thursday published") is a report time and does not vote, nor does one inside a quotation, which is
//! relative to when the words were spoken. Dates in the lead, in sentences that share an
//! event word with the headline, and near the document date weigh more.

use std::collections::{BTreeMap, HashSet};

use chronicle_model::{AnalyzedArticle, Date, PartialDate, Span, TimeType};

use crate::text::{words, Term};

/// Words that make a nearby date the time of a report rather than of the event.
const REPORT_CUES: &[&str] = &[
    "according",
    "added",
    "announced",
    "announcement",
    "announces",
    "confirmed",
    "confirms",
    "declared",
    "published",
    "publishes",
    "quoted",
    "released",
    "releases",
    "report",
    "reported",
    "reports",
    "said",
    "say",
    "says",
    "statement",
    "stated",
    "tells",
    "told",
    "tweeted",
    "wrote",
];
/// Common irregular past-tense verbs: a verb between the date and a cue binds the date to itself.
const PAST_VERBS: &[&str] = &[
    "began", "brought", "came", "died", "fell", "fought", "gave", "held", "hit", "kept", "led", "left", "lost", "made",
    "met", "ran", "rose", "sent", "shot", "sold", "stood", "struck", "took", "went", "won",
];
/// Words looked at before the date, back to the start of its clause.
const LOOK_BACK: usize = 7;
/// Words looked at after the date.
const LOOK_AHEAD: usize = 2;
/// Sentences of the body that make the lead.
const LEAD_SENTENCES: usize = 3;

/// Each day the article's event may have happened on, with a weight; weights sum to 1 (empty if none).
/// `sentence_terms[n]` are the terms of `sentences[n]`; `triggers` the terms of the headline's event words.
pub fn date_votes(
    item: &AnalyzedArticle,
    sentences: &[Span],
    sentence_terms: &[Vec<Term>],
    triggers: &HashSet<Term>,
) -> Vec<(Date, f32)> {
    let text = &item.article.text;
    let dct = item.analysis.dct.or(item.article.published);
    let mut votes: BTreeMap<Date, f32> = BTreeMap::new();
    let quotes: Vec<Span> = item.analysis.quotes.iter().map(|q| q.span).collect();
    for timex in item.analysis.times.iter().filter(|t| matches!(t.kind, TimeType::Date | TimeType::Time)) {
        let Some(day) = PartialDate::parse(&timex.value).and_then(PartialDate::to_date) else { continue };
        if item.article.published.is_none() && !names_year(timex.span.slice(text)) {
            continue;
        }
        if timex.span.overlaps_any(&quotes) {
            continue;
        }
        let index = sentences.partition_point(|s| s.end < timex.span.end);
        if !sentences.get(index).is_some_and(|s| s.contains(timex.span)) {
            continue;
        }
        let sentence = sentences[index];
        let before = text.get(sentence.start..timex.span.start).unwrap_or("");
        let after = text.get(timex.span.end..sentence.end).unwrap_or("");
        if is_report_time(before, after) {
            continue;
        }
        let mut weight = 1.0;
        if index < LEAD_SENTENCES {
            weight *= 2.0;
        }
        if sentence_terms.get(index).is_some_and(|terms| terms.iter().any(|t| triggers.contains(t))) {
            weight *= 1.5;
        }
        if let Some(dct) = dct {
            match i64::from((day - dct).get_days()).abs() {
                0..=7 => weight *= 1.5,
                8..=60 => {}
                _ => weight *= 0.3,
            }
        }
        *votes.entry(day).or_default() += weight;
    }
    let total: f32 = votes.values().sum();
    votes.into_iter().map(|(d, w)| (d, w / total)).collect()
}

/// The day with the most votes (the earliest of equals).
pub fn best(votes: &[(Date, f32)]) -> Option<Date> {
    votes
        .iter()
        .fold(None, |best: Option<(Date, f32)>, &(d, w)| match best {
            Some((_, bw)) if bw >= w => best,
            _ => Some((d, w)),
        })
        .map(|(d, _)| d)
}

/// Event words of a headline: its lowercase words of four letters or more (names are actors, not events;
/// shorter words are mostly function words), joined by spaces.
pub fn event_words(headline: &str) -> String {
    let words: Vec<&str> = words(headline, 0)
        .into_iter()
        .map(|(_, w)| w)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && w.chars().count() > 3)
        .collect();
    words.join(" ")
}

/// Whether a time expression writes out its year ("July 7, 2012"): its value then does not hang on a
/// document date that, for an undated article, is only estimated.
fn names_year(expression: &str) -> bool {
    words(expression, 0).iter().any(|(_, w)| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

fn is_report_time(before: &str, after: &str) -> bool {
    let clause = before.rfind([',', ';', ':', '“', '”', '"', '(', ')', '—']).map_or(before, |i| &before[i..]);
    for (_, word) in words(clause, 0).iter().rev().take(LOOK_BACK) {
        let word = word.to_lowercase();
        if REPORT_CUES.contains(&word.as_str()) {
            return true;
        }
        if PAST_VERBS.contains(&word.as_str()) || (word.len() > 4 && word.ends_with("ed")) {
            return false;
        }
    }
    words(after, 0).iter().take(LOOK_AHEAD).any(|(_, w)| REPORT_CUES.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(sentence: &str, date: &str) -> bool {
        let at = sentence.find(date).unwrap();
        is_report_time(&sentence[..at], &sentence[at + date.len()..])
    }

    #[test]
    fn tells_report_times_from_event_times() {
        assert!(report("Russian TV on Thursday published a video of the meeting.", "on Thursday"));
        assert!(report("The Kremlin said in a statement on Tuesday.", "on Tuesday"));
        assert!(report("Kremlin spokesman Dmitry Peskov said Wednesday that relations will improve.", "Wednesday"));
        assert!(report(
            "The meeting was shown in a video released by the Kremlin’s press service on Thursday.",
            "on Thursday"
        ));
        assert!(!report("The Kremlin said the meeting took place on Wednesday.", "on Wednesday"));
        assert!(!report(
            "Putin will hold talks with Syria's leader Bashar al-Assad in Moscow on Wednesday, the Kremlin said.",
            "on Wednesday"
        ));
        assert!(!report("The quake struck on Friday, officials in Jakarta announced.", "on Friday"));
    }

    #[test]
    fn best_prefers_weight_then_earliest() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(best(&[(d("2024-07-24"), 0.5), (d("2024-07-25"), 0.5)]), Some(d("2024-07-24")));
        assert_eq!(best(&[(d("2024-07-24"), 0.2), (d("2024-07-25"), 0.8)]), Some(d("2024-07-25")));
        assert_eq!(best(&[]), None);
    }
}

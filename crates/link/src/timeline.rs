//! Dated facts drawn from the articles, merged across sources.
//!
//! Every body sentence with a resolved DATE time expression (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) states a fact
//! dated by it. A date introduced by "since" in a sentence that names another date is the anchor of a duration
//! ("met … for the first time since 2011"), not what the sentence is about, and yields no entry; alone in its
//! sentence ("involved in Syria since September 2015") it dates the state the sentence describes and is kept.
//! Facts of the same date with similar wording are one entry citing every source.

use std::collections::{BTreeMap, HashMap};

use chronicle_model::{AnalyzedArticle, Citation, PartialDate, Span, TimeType, TimelineEntry};
use rayon::prelude::*;

use crate::text::{jaccard, terms, words};

/// Sentences longer than this (bytes) are cut to the clause around the date.
const LONG_SENTENCE: usize = 240;
/// Words a clause must have to stand alone.
const MIN_CLAUSE_WORDS: usize = 8;
/// Term Jaccard from which two facts of the same date are the same fact.
const SAME_FACT: f64 = 0.3;

/// One dated fact as one article states it.
struct Fact {
    date: PartialDate,
    text: String,
    terms: Vec<String>,
    citation: Citation,
}

/// Dated facts drawn from all articles: every body sentence with a resolved DATE time expression is a
/// candidate; near-identical facts across articles (same date, similar wording) are merged and cite every
/// source. Sorted by date then text.
pub fn timeline(articles: &[AnalyzedArticle]) -> Vec<TimelineEntry> {
    let mut ordered: Vec<&AnalyzedArticle> = articles.iter().collect();
    ordered.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let mut timeline = Timeline::default();
    timeline.extend(&ordered);
    timeline.entries()
}

/// A timeline built one article at a time, holding only its facts: the first statement of a fact gives its
/// wording, so the order articles are added in is part of the result.
#[derive(Default)]
pub struct Timeline {
    by_date: BTreeMap<PartialDate, SameDate>,
}

impl Timeline {
    /// Adds the dated facts of articles, in their order (drawn from the articles in parallel).
    pub fn extend(&mut self, items: &[&AnalyzedArticle]) {
        let facts: Vec<Vec<Fact>> = items.par_iter().map(|item| facts(item)).collect();
        for fact in facts.into_iter().flatten() {
            self.by_date.entry(fact.date).or_default().add(fact);
        }
    }

    /// The entries, sorted by date then text, each citing its articles once.
    pub fn entries(self) -> Vec<TimelineEntry> {
        let mut out: Vec<TimelineEntry> = self
            .by_date
            .into_iter()
            .flat_map(|(date, same)| {
                same.entries.into_iter().map(move |(fact, mut citations)| {
                    citations.sort_by(|a, b| (&a.article, a.span).cmp(&(&b.article, b.span)));
                    citations.dedup_by(|a, b| a.article == b.article);
                    let mut ids: Vec<String> = citations.iter().map(|c| c.article.clone()).collect();
                    ids.dedup();
                    TimelineEntry { date: date.to_string(), text: fact.text, articles: ids, citations }
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.date, &a.text).cmp(&(&b.date, &b.text)));
        out
    }
}

/// The entries of one date: each the first statement of a fact and the citations of all its statements, with
/// the entries holding each term (a fact can only match an entry it shares a term with).
#[derive(Default)]
struct SameDate {
    entries: Vec<(Fact, Vec<Citation>)>,
    by_term: HashMap<String, Vec<usize>>,
}

impl SameDate {
    /// Cites `fact` in the first entry it restates, else makes it a new entry.
    fn add(&mut self, fact: Fact) {
        let mut candidates: Vec<usize> =
            fact.terms.iter().filter_map(|t| self.by_term.get(t)).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        match candidates.into_iter().find(|&e| jaccard(&self.entries[e].0.terms, &fact.terms) >= SAME_FACT) {
            Some(e) => self.entries[e].1.push(fact.citation),
            None => {
                for term in &fact.terms {
                    self.by_term.entry(term.clone()).or_default().push(self.entries.len());
                }
                let citation = fact.citation.clone();
                self.entries.push((fact, vec![citation]));
            }
        }
    }
}

/// The dated facts one article states: one per sentence and distinct date.
fn facts(item: &AnalyzedArticle) -> Vec<Fact> {
    let text = &item.article.text;
    let mut out = Vec::new();
    for sentence in item.body_sentences() {
        let dated: Vec<(Span, PartialDate)> = sentence
            .select(&item.analysis.times, |t| t.span)
            .filter(|t| t.kind == TimeType::Date)
            .filter_map(|t| Some((t.span, PartialDate::parse(&t.value)?)))
            .collect();
        let distinct_dates = {
            let mut d: Vec<PartialDate> = dated.iter().map(|(_, d)| *d).collect();
            d.sort();
            d.dedup();
            d.len()
        };
        let mut seen: Vec<PartialDate> = Vec::new();
        for &(span, date) in &dated {
            if seen.contains(&date) || is_anchor(text, sentence, span, distinct_dates > 1) {
                continue;
            }
            seen.push(date);
            let clause_text = clause_around(text, sentence, span);
            out.push(Fact {
                date,
                terms: terms(clause_text),
                text: clause_text.split_whitespace().collect::<Vec<_>>().join(" "),
                citation: Citation { article: item.article.id.clone(), span: trim(sentence.slice(text), sentence).0 },
            });
        }
    }
    out
}

/// Whether the time expression only anchors a duration: introduced by "since" in a sentence that names
/// another date or counts a first time ("the first talks since 2011").
fn is_anchor(text: &str, sentence: Span, timex: Span, other_dates: bool) -> bool {
    let before = words(text.get(sentence.start..timex.start).unwrap_or(""));
    let since = timex.slice(text).to_lowercase().starts_with("since ")
        || before.last().is_some_and(|(_, w)| w.eq_ignore_ascii_case("since"));
    since && (other_dates || before.iter().any(|(_, w)| w.eq_ignore_ascii_case("first")))
}

/// The sentence, trimmed; or, for a long sentence, the clause around the time expression, grown by the clauses
/// before it (where the subject usually is), then after it, until it has enough words.
fn clause_around(text: &str, sentence: Span, timex: Span) -> &str {
    let s = sentence.slice(text);
    if s.len() <= LONG_SENTENCE || !sentence.contains(timex) {
        return trim(s, sentence).1;
    }
    let mut cuts: Vec<usize> = vec![0];
    for (i, c) in s.char_indices() {
        if matches!(c, ';' | ':' | '—') || (c == ',' && s[i..].starts_with(", ")) {
            cuts.push(i + c.len_utf8());
        }
    }
    cuts.push(s.len());
    let (at_start, at_end) = (timex.start - sentence.start, timex.end - sentence.start);
    let mut lo = cuts.iter().rposition(|&c| c <= at_start).unwrap_or(0);
    let mut hi = cuts.iter().position(|&c| c >= at_end).unwrap_or(cuts.len() - 1);
    let short = |lo: usize, hi: usize| words(&s[cuts[lo]..cuts[hi]]).len() < MIN_CLAUSE_WORDS;
    while short(lo, hi) && lo > 0 {
        lo -= 1;
    }
    while short(lo, hi) && hi + 1 < cuts.len() {
        hi += 1;
    }
    trim(&s[cuts[lo]..cuts[hi]], sentence).1
}

/// A text and its span (`span` covers `s`) without surrounding whitespace, bullets and clause punctuation.
fn trim(s: &str, span: Span) -> (Span, &str) {
    let junk = |c: char| c.is_whitespace() || matches!(c, '•' | '·' | '*' | ',' | ';' | ':' | '—' | '-');
    let start = s.len() - s.trim_start_matches(junk).len();
    let t = s[start..].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—'));
    (Span::new(span.start + start, span.start + start + t.len()), t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Span {
        Span::new(0, text.len())
    }

    fn at(text: &str, expression: &str) -> Span {
        let start = text.find(expression).unwrap();
        Span::new(start, start + expression.len())
    }

    #[test]
    fn since_anchors_a_duration_only_beside_another_date_or_a_first() {
        let s = "At the end of December, the ministers met in Moscow, for the first time since 2011.";
        assert!(is_anchor(s, whole(s), at(s, "2011"), true));
        let s = "This was the first meeting at this level between the two countries since 2011.";
        assert!(is_anchor(s, whole(s), at(s, "2011"), false));
        let s = "Russia has been involved in a military campaign in Syria since September 2015.";
        assert!(!is_anchor(s, whole(s), at(s, "September 2015"), false));
        let s = "They cut ties in 2011 when large protests turned into a civil war.";
        assert!(!is_anchor(s, whole(s), at(s, "2011"), true));
    }

    #[test]
    fn long_sentences_are_cut_to_the_clause_around_the_date() {
        let s = "Russian President Vladimir Putin received his Syrian counterpart, Bashar al Assad, in Moscow on \
                 Wednesday, in light of the Kremlin’s intensified efforts to achieve reconciliation between Ankara \
                 and Damascus and to assert its diplomatic weight despite the isolation it faces.";
        assert_eq!(
            clause_around(s, whole(s), at(s, "on Wednesday")),
            "Russian President Vladimir Putin received his Syrian counterpart, Bashar al Assad, in Moscow on Wednesday"
        );
        let short = "  • Assad last visited Moscow in September 2021.  ";
        assert_eq!(
            clause_around(short, whole(short), at(short, "September 2021")),
            "Assad last visited Moscow in September 2021."
        );
    }
}

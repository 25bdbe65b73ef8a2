//! Rewrites: the same facts in other words, found by matching sentences on content words, entities and dates.

use chronicle_model::{AnalyzedArticle, Date, PartialDate, Span, TimeType};

use crate::candidates::distinct;
use crate::text::ContentWords;

/// Content words two sentences must share to match.
const MIN_SHARED_WORDS: usize = 4;
/// Shared content words over those of the shorter sentence for a match.
const MIN_SENTENCE_OVERLAP: f64 = 0.5;
/// Geometric mean of both articles' fractions of content (by words) in matching sentences for a paraphrase.
const MIN_COVERAGE: f64 = 0.25;
/// Reports more than this many days apart do not retell the same story.
const MAX_DAYS_APART: i64 = 7;

/// A sentence's content words (hashed, distinct) and the days it names. Days count only in articles with a
/// publication date: without one, relative dates are resolved against an estimate and may be far off.
struct Sentence {
    words: Vec<u64>,
    days: Vec<Date>,
}

/// What paraphrase detection needs of an article.
pub struct Profile {
    sentences: Vec<Sentence>,
    /// Each content word with a sentence that holds it, sorted.
    postings: Vec<(u64, usize)>,
    /// Distinct content-word hashes of the whole body: the keys for candidate pairs.
    pub keys: Vec<u64>,
    entities: Vec<String>,
    /// The publication date (an estimated document date is too loose to compare).
    date: Option<Date>,
}

impl Profile {
    pub fn new(item: &AnalyzedArticle, content: &mut ContentWords) -> Self {
        let (article, analysis) = (&item.article, &item.analysis);
        let body = article.body_or_text();
        let spans: Vec<Span> = if analysis.sentences.is_empty() {
            body.clone()
        } else {
            analysis.sentences.iter().copied().filter(|s| s.overlaps_any(&body)).collect()
        };
        let dated = article.published.is_some();
        let sentences: Vec<Sentence> = spans
            .iter()
            .map(|s| Sentence {
                words: distinct(content.of(s.slice(&article.text))),
                days: s
                    .select(&analysis.times, |t| t.span)
                    .filter(|t| dated && t.kind == TimeType::Date)
                    .filter_map(|t| PartialDate::parse(&t.value)?.to_date())
                    .collect(),
            })
            .collect();
        let mut postings: Vec<(u64, usize)> =
            sentences.iter().enumerate().flat_map(|(n, s)| s.words.iter().map(move |&w| (w, n))).collect();
        postings.sort_unstable();
        let mut keys: Vec<u64> = postings.iter().map(|&(word, _)| word).collect();
        keys.dedup();
        let mut entities: Vec<&str> = body
            .iter()
            .flat_map(|b| b.select(&analysis.entities, |m| m.span))
            .filter(|m| m.kind != chronicle_model::EntityKind::Other)
            .map(|m| m.id.as_str())
            .collect();
        entities.sort_unstable();
        entities.dedup();
        let entities = entities.into_iter().map(str::to_string).collect();
        Profile { sentences, postings, keys, entities, date: article.published }
    }
}

/// The fractions of `a`'s and `b`'s content retold by the other, when the two are rewrites of one story.
pub fn paraphrase(a: &Profile, b: &Profile) -> Option<(f64, f64)> {
    if let (Some(x), Some(y)) = (a.date, b.date) {
        if i64::from((x - y).get_days()).abs() > MAX_DAYS_APART {
            return None;
        }
    }
    if !a.entities.is_empty()
        && !b.entities.is_empty()
        && !a.entities.iter().any(|e| b.entities.binary_search(e).is_ok())
    {
        return None;
    }
    let (cover_a, cover_b) = (coverage(a, b), coverage(b, a));
    ((cover_a * cover_b).sqrt() >= MIN_COVERAGE).then_some((cover_a, cover_b))
}

/// Fraction of `a`'s content words that lie in sentences matching some sentence of `b`.
fn coverage(a: &Profile, b: &Profile) -> f64 {
    let total: usize = a.sentences.iter().map(|s| s.words.len()).sum();
    if total == 0 {
        return 0.0;
    }
    let mut shared = vec![0usize; b.sentences.len()];
    let mut matched = 0;
    for s in &a.sentences {
        shared.iter_mut().for_each(|c| *c = 0);
        for w in &s.words {
            let from = b.postings.partition_point(|&(word, _)| word < *w);
            b.postings[from..].iter().take_while(|&&(word, _)| word == *w).for_each(|&(_, t)| shared[t] += 1);
        }
        if shared.iter().zip(&b.sentences).any(|(&n, t)| sentences_match(s, t, n)) {
            matched += s.words.len();
        }
    }
    matched as f64 / total as f64
}

/// Whether two sentences sharing `shared` content words say the same: enough shared words, most of the shorter
/// sentence's, and no clash of dates.
fn sentences_match(a: &Sentence, b: &Sentence, shared: usize) -> bool {
    let shorter = a.words.len().min(b.words.len());
    let dates_agree = a.days.is_empty() || b.days.is_empty() || a.days.iter().any(|d| b.days.contains(d));
    shared >= MIN_SHARED_WORDS && shared as f64 >= MIN_SENTENCE_OVERLAP * shorter as f64 && dates_agree
}

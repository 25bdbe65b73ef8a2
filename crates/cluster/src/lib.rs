//! Groups analysed articles into real-world events, online and in time order.
//!
//! One pass over the articles in time order (publication date, else the analysis's document date, then id):
//! each article is scored against the events active in a time window — TF-IDF cosine of headline and lead and
//! of the body (stemmed content words, IDF over the input), overlap of canonical entities weighed by kind,
//! agreement of event dates, and a bonus for copied, reused or retold text — and joins the best one when the
//! score clears a threshold, else founds a new event. A second look then moves each article to the event it fits
//! best (scored without itself), and merges events founded near each other whose centroids agree strongly.
//!
//! Calibrated on ECB+ (`src/bin/eval-cluster.rs`), whose topics each hold two events of the same kind.

mod describe;
mod event_date;
mod features;
mod online;
mod text;
mod tfidf;

use chronicle_dedup::ReuseGraph;
use chronicle_model::{AnalyzedArticle, Date, Event};

pub use online::JOIN_THRESHOLD;

/// Groups articles into events: one online pass in time order (publication date, else analysis.dct, then id),
/// with a bounded look-back over events active in a time window. Deterministic: the same input gives the same
/// events and ids (id = "ev-" + short stable hash of the founding article id).
pub fn cluster(articles: &[AnalyzedArticle], reuse: &ReuseGraph) -> Vec<Event> {
    cluster_with_threshold(articles, reuse, JOIN_THRESHOLD)
}

/// [`cluster`] with another join threshold, for calibration.
pub fn cluster_with_threshold(articles: &[AnalyzedArticle], reuse: &ReuseGraph, threshold: f32) -> Vec<Event> {
    let mut corpus = features::Corpus::new(articles);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    let key = |i: usize| -> (Date, &str) {
        let a = &articles[i];
        (a.article.published.or(a.analysis.dct).unwrap_or(Date::MAX), &a.article.id)
    };
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    online::assign(&order, articles, &corpus.features, reuse, threshold)
        .iter()
        .map(|members| describe::describe(members, articles, &mut corpus, reuse))
        .collect()
}

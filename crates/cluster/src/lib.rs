//! Groups analysed articles into real-world events, online and in time order.
//!
//! One pass over the articles in time order (publication date, else the analysis's document date, then id):
//! each article is scored against the events active in a time window — TF-IDF cosine of headline and lead and
//! of the body (stemmed content words, IDF over the input), overlap of canonical entities weighed by kind,
//! agreement of the protagonists (the entities of the headline and first sentences: two events of one kind
//! differ in who and where), agreement of event dates, a bonus for copied, largely reused or retold text, and a prior
//! for larger events — and joins the best one when the score clears a threshold, else founds a new event.
//! Second looks (a few passes, each rescoring only what changed) then move each article to the event it fits
//! best (scored without itself), and events founded near each other whose centroids agree strongly merge.
//!
//! Calibrated on ECB+ (`src/bin/eval-cluster.rs`), whose topics each hold two events of the same kind.

mod centroids;
mod describe;
mod event_date;
mod features;
mod online;
pub mod score;
mod text;
mod tfidf;

use chronicle_dedup::ReuseGraph;
use chronicle_model::{AnalyzedArticle, Date, Event};
use rayon::prelude::*;

use crate::text::Terms;

pub use online::JOIN_THRESHOLD;

/// Groups articles into events: one online pass in time order (publication date, else analysis.dct, then id),
/// with a bounded look-back over events active in a time window. Deterministic: the same input gives the same
/// events and ids (id = "ev-" + short stable hash of the founding article id).
pub fn cluster(articles: &[AnalyzedArticle], reuse: &ReuseGraph) -> Vec<Event> {
    cluster_with_threshold(articles, reuse, JOIN_THRESHOLD)
}

/// [`cluster`] with another join threshold, for calibration.
pub fn cluster_with_threshold(articles: &[AnalyzedArticle], reuse: &ReuseGraph, threshold: f32) -> Vec<Event> {
    let corpus = features::Corpus::new(articles);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    let key = |i: usize| -> (Date, &str) {
        let a = &articles[i];
        (a.article.published.or(a.analysis.dct).unwrap_or(Date::MAX), &a.article.id)
    };
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    online::assign(&order, articles, &corpus.features, reuse, threshold)
        .par_iter()
        .map_init(Terms::default, |terms, members| describe::describe(members, articles, &corpus, terms, reuse))
        .collect()
}

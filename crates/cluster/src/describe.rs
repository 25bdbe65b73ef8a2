//! What an event says: its title, date, salient entities and an extractive, cited summary.

use std::collections::{BTreeMap, HashMap};

use chronicle_dedup::ReuseGraph;
use chronicle_model::{
    AnalyzedArticle, Citation, Date, EntityKind, EntityRef, Event, PartialDate, Span, SummarySentence,
};
use xxhash_rust::xxh3::xxh3_64;

use crate::event_date::best;
use crate::features::{headline, Corpus};
use crate::text::{word_count, Terms};
use crate::tfidf::{dot, Centroid, Sparse};

/// Entities listed on an event.
const MAX_ENTITIES: usize = 10;
/// Sentences in a summary.
const MAX_SUMMARY: usize = 5;
/// Words a summary sentence may have.
const SUMMARY_WORDS: std::ops::RangeInclusive<usize> = 6..=60;
/// Share of content terms from which two sentences say the same.
const SAME_SENTENCE: f32 = 0.5;
/// Sentences of the body that make the lead.
const LEAD_SENTENCES: usize = 3;

/// The event made of `members` (article indices in time order).
pub fn describe(
    members: &[usize],
    articles: &[AnalyzedArticle],
    corpus: &Corpus,
    terms: &mut Terms,
    reuse: &ReuseGraph,
) -> Event {
    let ids: Vec<String> = members.iter().map(|&i| articles[i].article.id.clone()).collect();
    let mut body = Centroid::default();
    let mut votes: BTreeMap<chronicle_model::Date, f32> = BTreeMap::new();
    for &i in members {
        body.add(&corpus.features[i].body, 1.0);
        for &(d, w) in &corpus.features[i].votes {
            *votes.entry(d).or_default() += w;
        }
    }
    let sentences = sentence_vectors(members, articles, corpus);
    let date = best(&votes.into_iter().collect::<Vec<_>>());
    Event {
        id: format!("ev-{:012x}", xxh3_64(ids.first().map_or("", String::as_str).as_bytes()) >> 16),
        title: title(members, articles, corpus, terms, &body, date),
        date,
        independent_sources: reuse.independent_sources(&ids),
        entities: entities(members, articles, corpus),
        summary: summary(&sentences, articles, &body, date),
        articles: ids,
        story: None,
    }
}

/// The member headline closest to the event's body, else the most central lead sentence. Real headlines come
/// first, and among them those of reports published once the event had happened (not announcements of it).
fn title(
    members: &[usize],
    articles: &[AnalyzedArticle],
    corpus: &Corpus,
    terms: &mut Terms,
    body: &Centroid,
    date: Option<Date>,
) -> String {
    let mut best: Option<(f32, String)> = None;
    for &i in members {
        let article = &articles[i].article;
        let text = headline(&articles[i], &corpus.features[i].sentences);
        let counts = corpus.words.known(&corpus.terms(terms, i, &text));
        let headline_bonus = if article.title.is_some() { 1.0 } else { 0.0 };
        let reported_after = matches!((article.published, date), (Some(p), Some(d)) if p >= d);
        let report_bonus = if reported_after { 0.5 } else { 0.0 };
        let score = body.cosine(&corpus.words.weigh(&counts)) + headline_bonus + report_bonus;
        if best.as_ref().is_none_or(|(s, _)| score > *s) && !text.is_empty() {
            best = Some((score, text));
        }
    }
    best.map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// The most salient entities: mentions weighed by kind and by lying in the lead, damped per article.
fn entities(members: &[usize], articles: &[AnalyzedArticle], corpus: &Corpus) -> Vec<EntityRef> {
    let mut salience: BTreeMap<&str, f32> = BTreeMap::new();
    let mut names: BTreeMap<&str, BTreeMap<(&str, EntityKind), usize>> = BTreeMap::new();
    for &i in members {
        let lead_end = corpus.features[i].sentences.get(LEAD_SENTENCES - 1).map_or(usize::MAX, |s| s.end);
        let mut counts: BTreeMap<&str, f32> = BTreeMap::new();
        for m in articles[i].analysis.entities.iter().filter(|m| m.kind != EntityKind::Other) {
            let weight = if m.span.end <= lead_end { 2.0 } else { 1.0 };
            *counts.entry(&m.id).or_default() += weight * kind_weight(m.kind);
            *names.entry(&m.id).or_default().entry((&m.name, m.kind)).or_default() += 1;
        }
        for (id, c) in counts {
            *salience.entry(id).or_default() += (1.0 + c).ln();
        }
    }
    let mut ranked: Vec<(&str, f32)> = salience.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(MAX_ENTITIES)
        .filter_map(|(id, _)| {
            let ((name, kind), _) = names.get(id)?.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some(EntityRef { id: id.to_string(), name: name.to_string(), kind: *kind })
        })
        .collect()
}

fn kind_weight(kind: EntityKind) -> f32 {
    match kind {
        EntityKind::Person | EntityKind::Event | EntityKind::Organization => 1.0,
        EntityKind::Place | EntityKind::Group => 0.6,
        EntityKind::Other => 0.0,
    }
}

/// A body sentence of a member, with its TF-IDF vector and the distinct terms that tell near-copies.
struct Candidate {
    article: usize,
    position: usize,
    span: Span,
    vector: Sparse,
}

fn sentence_vectors(members: &[usize], articles: &[AnalyzedArticle], corpus: &Corpus) -> Vec<Candidate> {
    let mut out = Vec::new();
    for &i in members {
        let text = &articles[i].article.text;
        let features = &corpus.features[i];
        for (position, (&span, counts)) in features.sentences.iter().zip(&features.sentence_counts).enumerate() {
            out.push(Candidate {
                article: i,
                position,
                span: trim_span(text, span),
                vector: corpus.words.weigh(counts),
            });
        }
    }
    out
}

/// Up to five central sentences, most central first, without near-duplicates, each citing every member that
/// says it or a near-copy of it.
fn summary(
    candidates: &[Candidate],
    articles: &[AnalyzedArticle],
    body: &Centroid,
    date: Option<Date>,
) -> Vec<SummarySentence> {
    let mut ranked: Vec<(f32, &Candidate)> = candidates
        .iter()
        .filter(|c| SUMMARY_WORDS.contains(&word_count(c.span.slice(&articles[c.article].article.text))))
        .filter(|c| !c.span.slice(&articles[c.article].article.text).trim_end().ends_with('?'))
        .map(|c| (body.cosine(&c.vector) * lead_boost(c.position) * date_boost(&articles[c.article], c.span, date), c))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1.article, a.1.position).cmp(&(b.1.article, b.1.position))));
    // Members in the order they were read, by the index of their first sentence.
    let mut first_sentence: HashMap<usize, usize> = HashMap::new();
    for (k, c) in candidates.iter().enumerate() {
        first_sentence.entry(c.article).or_insert(k);
    }
    let mut chosen: Vec<&Candidate> = Vec::new();
    for (_, c) in ranked {
        if chosen.len() == MAX_SUMMARY {
            break;
        }
        if !chosen.iter().any(|k| same_sentence(&k.vector, &c.vector)) {
            chosen.push(c);
        }
    }
    chosen
        .into_iter()
        .map(|c| {
            let mut sources: HashMap<usize, &Candidate> = HashMap::new();
            for other in candidates.iter().filter(|o| same_sentence(&o.vector, &c.vector)) {
                let best = sources.entry(other.article).or_insert(other);
                if dot(&other.vector, &c.vector) > dot(&best.vector, &c.vector) {
                    *best = other;
                }
            }
            sources.insert(c.article, c);
            let mut cited: Vec<&Candidate> = sources.into_values().collect();
            cited.sort_by_key(|o| first_sentence.get(&o.article));
            SummarySentence {
                text: c.span.slice(&articles[c.article].article.text).split_whitespace().collect::<Vec<_>>().join(" "),
                articles: cited.iter().map(|o| articles[o.article].article.id.clone()).collect(),
                citations: cited
                    .iter()
                    .map(|o| Citation { article: articles[o.article].article.id.clone(), span: o.span })
                    .collect(),
            }
        })
        .collect()
}

/// News puts the gist first: the first sentence counts half as much again, the rest of the lead a fifth more.
fn lead_boost(position: usize) -> f32 {
    match position {
        0 => 1.5,
        p if p < LEAD_SENTENCES => 1.2,
        _ => 1.0,
    }
}

/// A sentence that names the day the event happened is about the event, not its background: it counts half as
/// much again.
fn date_boost(item: &AnalyzedArticle, sentence: Span, date: Option<Date>) -> f32 {
    let Some(date) = date else { return 1.0 };
    let names_the_day = sentence
        .select(&item.analysis.times, |t| t.span)
        .any(|t| PartialDate::parse(&t.value).and_then(PartialDate::to_date) == Some(date));
    if names_the_day {
        1.5
    } else {
        1.0
    }
}

/// The span without surrounding whitespace and list bullets.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let junk = |c: char| c.is_whitespace() || matches!(c, '•' | '·' | '*' | '-' | '–' | '—');
    let start = span.start + (s.len() - s.trim_start_matches(junk).len());
    let end = span.start + s.trim_end().len();
    Span::new(start.min(end), end)
}

/// Whether two sentences share most of their content terms (Jaccard over distinct terms).
fn same_sentence(a: &Sparse, b: &Sparse) -> bool {
    // At most the shorter is shared, at least the longer is in the union.
    if (a.len().min(b.len()) as f32) < SAME_SENTENCE * a.len().max(b.len()) as f32 {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    union > 0 && shared as f32 >= SAME_SENTENCE * union as f32
}

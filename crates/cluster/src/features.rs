//! What the clustering compares of each article: TF-IDF of headline and lead, of the body, weighted
//! entities, and votes for the event's date.

use chronicle_model::{AnalyzedArticle, EntityKind, Span};
use std::collections::HashSet;

use crate::event_date::{date_votes, event_words};
use crate::text::{Term, Terms};
use crate::tfidf::{counts, normalize, Sparse, Vocabulary};
use chronicle_model::Date;
use rayon::prelude::*;

/// Sentences of the body read with the headline.
const LEAD_SENTENCES: usize = 3;
/// Sentences of the body whose entities, with the headline's, are the article's protagonists.
const PROTAGONIST_SENTENCES: usize = 2;

/// One article's comparable features.
pub struct Features {
    pub headline: Sparse,
    pub body: Sparse,
    pub entities: Sparse,
    /// Entities of the headline and the first sentences: who and where the article is about.
    pub protagonists: Sparse,
    pub votes: Vec<(Date, f32)>,
    pub sentences: Vec<Span>,
    /// Raw term counts of each body sentence.
    pub sentence_counts: Vec<Sparse>,
}

/// The features of every article, with the vocabularies that weigh them.
pub struct Corpus {
    pub features: Vec<Features>,
    pub words: Vocabulary,
    languages: Vec<Option<String>>,
}

/// What one article gives before the vocabularies weigh it.
struct Parts {
    headline: Vec<Term>,
    sentences: Vec<Span>,
    sentence_terms: Vec<Vec<Term>>,
    /// The ids and kinds of the entities mentioned (all but `Other`), and which of them are protagonists.
    mentions: Vec<(String, EntityKind)>,
    protagonists: Vec<String>,
    votes: Vec<(Date, f32)>,
}

impl Corpus {
    pub fn new(articles: &[AnalyzedArticle]) -> Self {
        let languages: Vec<Option<String>> = articles.iter().map(|a| language(a).map(str::to_string)).collect();
        let parts: Vec<Parts> = articles
            .par_iter()
            .zip(&languages)
            .map_init(Terms::default, |terms, (item, language)| parts(item, language.as_deref(), terms))
            .collect();
        let mut words = Vocabulary::default();
        let mut entity_ids = Vocabulary::default();
        let mut kind_weights: Vec<f32> = Vec::new();
        let mut weighable = Vec::with_capacity(articles.len());
        for part in parts {
            let headline = words.count(&part.headline);
            let sentence_ids: Vec<Vec<u32>> = part.sentence_terms.iter().map(|t| words.intern(t)).collect();
            let body = counts(sentence_ids.iter().flatten().copied());
            words.record(&body);
            let sentence_counts: Vec<Sparse> = sentence_ids.into_iter().map(counts).collect();
            let ids: Vec<String> = part.mentions.iter().map(|(id, _)| id.clone()).collect();
            let entities = entity_ids.add_document(&ids);
            let protagonists = entity_ids.count(&part.protagonists);
            for (id, kind) in &part.mentions {
                if let Some(id) = entity_ids.id(id) {
                    kind_weights.resize(kind_weights.len().max(id as usize + 1), 0.0);
                    kind_weights[id as usize] = kind_weights[id as usize].max(kind_weight(*kind));
                }
            }
            weighable.push((headline, body, entities, protagonists, part.votes, part.sentences, sentence_counts));
        }
        let weigh_entities = |counts: &Sparse| {
            let mut v = entity_ids.weigh(counts);
            v.iter_mut().for_each(|(id, w)| *w *= kind_weights.get(*id as usize).copied().unwrap_or(0.0));
            normalize(&mut v);
            v
        };
        let features = weighable
            .into_iter()
            .map(|(headline, body, entities, protagonists, votes, sentences, sentence_counts)| Features {
                headline: words.weigh(&headline),
                body: words.weigh(&body),
                entities: weigh_entities(&entities),
                protagonists: weigh_entities(&protagonists),
                votes,
                sentences,
                sentence_counts,
            })
            .collect();
        Corpus { features, words, languages }
    }

    /// The terms of a text of article `i`, in its language.
    pub fn terms(&self, terms: &mut Terms, i: usize, text: &str) -> Vec<Term> {
        terms.of(self.languages.get(i).and_then(Option::as_deref), text)
    }
}

/// One article's terms, entities and date votes.
fn parts(item: &AnalyzedArticle, language: Option<&str>, terms: &mut Terms) -> Parts {
    let text = &item.article.text;
    let sentences = item.body_sentences();
    let headline_text = headline(item, &sentences);
    let lead: Vec<&str> = sentences.iter().take(LEAD_SENTENCES).map(|s| s.slice(text)).collect();
    let headline = terms.of(language, &format!("{headline_text} {}", lead.join(" ")));
    let sentence_terms: Vec<Vec<Term>> = sentences.iter().map(|s| terms.of(language, s.slice(text))).collect();
    let mentions: Vec<_> = item.analysis.entities.iter().filter(|m| m.kind != EntityKind::Other).collect();
    let lead_end = sentences.get(PROTAGONIST_SENTENCES - 1).map_or(usize::MAX, |s| s.end);
    let protagonists = mentions.iter().filter(|m| m.span.end <= lead_end).map(|m| m.id.clone()).collect();
    let triggers: HashSet<Term> = terms.of(language, &event_words(&headline_text)).into_iter().collect();
    let votes = date_votes(item, &sentences, &sentence_terms, &triggers);
    Parts {
        headline,
        sentences,
        sentence_terms,
        mentions: mentions.iter().map(|m| (m.id.clone(), m.kind)).collect(),
        protagonists,
        votes,
    }
}

/// The article's headline: its title, else its first sentence.
pub fn headline(item: &AnalyzedArticle, sentences: &[Span]) -> String {
    match item.article.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => title.to_string(),
        None => sentences.first().map(|s| s.slice(&item.article.text).trim().to_string()).unwrap_or_default(),
    }
}

fn language(item: &AnalyzedArticle) -> Option<&str> {
    item.analysis.language.as_deref().or(item.article.language.as_deref())
}

/// How much sharing an entity of this kind says about sharing an event.
fn kind_weight(kind: EntityKind) -> f32 {
    match kind {
        EntityKind::Person | EntityKind::Event => 1.0,
        EntityKind::Organization => 0.8,
        EntityKind::Place => 0.6,
        EntityKind::Group => 0.4,
        EntityKind::Other => 0.0,
    }
}

//! The JSON shapes of the CLI contract. Field names and meanings are stable; new fields may be added.

use std::collections::BTreeMap;

use chronicle_model::{Analysis, AnalyzedArticle, Date, ReuseLink, TimelineEntry};
use serde::Serialize;

/// An article as `chronicle articles --json` lists it.
#[derive(Debug, Serialize)]
pub struct ArticleView {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The clean body.
    pub text: String,
    pub reuse: Vec<ReuseLink>,
}

impl ArticleView {
    pub fn new(article: &AnalyzedArticle, reuse: Vec<ReuseLink>) -> Self {
        let a = &article.article;
        ArticleView {
            id: a.id.clone(),
            title: a.title.clone(),
            published: a.published,
            source: a.source.clone(),
            url: a.url.clone(),
            language: a.language.clone().or_else(|| article.analysis.language.clone()),
            text: a.clean_text(),
            reuse,
        }
    }
}

/// One document's analysis as `chronicle analyze --json` prints it. Offsets are byte offsets into `text`.
#[derive(Debug, Serialize)]
pub struct AnalysisView<'a> {
    pub text: &'a str,
    pub language: Option<&'a str>,
    pub dct: Option<Date>,
    pub entities: Vec<EntityView<'a>>,
    pub times: Vec<TimeView<'a>>,
    pub quotes: Vec<QuoteView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct EntityView<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Debug, Serialize)]
pub struct TimeView<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: chronicle_model::TimeType,
    pub value: &'a str,
}

#[derive(Debug, Serialize)]
pub struct QuoteView<'a> {
    pub start: usize,
    pub end: usize,
    /// The speaker's canonical name, when attributed.
    pub speaker: Option<&'a str>,
    /// The speaker's entity id, when attributed.
    pub speaker_id: Option<&'a str>,
}

impl<'a> AnalysisView<'a> {
    pub fn new(text: &'a str, analysis: &'a Analysis) -> Self {
        AnalysisView {
            text,
            language: analysis.language.as_deref(),
            dct: analysis.dct,
            entities: analysis
                .entities
                .iter()
                .map(|m| EntityView {
                    start: m.span.start,
                    end: m.span.end,
                    kind: m.kind.as_str(),
                    id: &m.id,
                    name: &m.name,
                })
                .collect(),
            times: analysis
                .times
                .iter()
                .map(|t| TimeView { start: t.span.start, end: t.span.end, kind: t.kind, value: &t.value })
                .collect(),
            quotes: analysis
                .quotes
                .iter()
                .map(|q| QuoteView {
                    start: q.span.start,
                    end: q.span.end,
                    speaker: q.speaker_name.as_deref(),
                    speaker_id: q.speaker.as_deref(),
                })
                .collect(),
        }
    }
}

/// An entity with everything said of it, as `chronicle entities --json` lists it.
#[derive(Debug, Serialize)]
pub struct EntitySummary {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// Articles that mention it, sorted.
    pub articles: Vec<String>,
    /// Distinct surface forms, sorted.
    pub mentions: Vec<String>,
}

impl EntitySummary {
    /// Every entity mentioned in `articles`, most mentioned first, then by id.
    pub fn collect(articles: &[AnalyzedArticle]) -> Vec<EntitySummary> {
        let mut by_id: BTreeMap<&str, (EntitySummary, usize)> = BTreeMap::new();
        for a in articles {
            for m in &a.analysis.entities {
                let (entity, count) = by_id.entry(&m.id).or_insert_with(|| {
                    let summary = EntitySummary {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        kind: m.kind.as_str(),
                        articles: vec![],
                        mentions: vec![],
                    };
                    (summary, 0)
                });
                *count += 1;
                insert_sorted(&mut entity.articles, &a.article.id);
                insert_sorted(&mut entity.mentions, m.span.slice(&a.article.text));
            }
        }
        let mut entities: Vec<_> = by_id.into_values().collect();
        entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
        entities.into_iter().map(|(e, _)| e).collect()
    }
}

/// A quotation as `chronicle quotes --json` lists it.
#[derive(Debug, Serialize)]
pub struct QuoteSummary {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
}

impl QuoteSummary {
    /// Every quotation in `articles`, in article order.
    pub fn collect(articles: &[AnalyzedArticle]) -> Vec<QuoteSummary> {
        let quotes = articles.iter().flat_map(|a| a.analysis.quotes.iter().map(move |q| (a, q)));
        quotes
            .map(|(a, q)| QuoteSummary {
                article: a.article.id.clone(),
                start: q.span.start,
                end: q.span.end,
                text: q.span.slice(&a.article.text).to_string(),
                speaker: q.speaker_name.clone(),
                speaker_id: q.speaker.clone(),
            })
            .collect()
    }
}

fn insert_sorted(list: &mut Vec<String>, value: &str) {
    if let Err(at) = list.binary_search_by(|v| v.as_str().cmp(value)) {
        list.insert(at, value.to_string());
    }
}

/// Timeline entries whose text contains every word of `query`, ignoring case; all entries for an empty query.
pub fn matching_timeline(entries: Vec<TimelineEntry>, query: &str) -> Vec<TimelineEntry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    entries
        .into_iter()
        .filter(|e| {
            let text = e.text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> TimelineEntry {
        TimelineEntry { date: "2011".into(), text: text.into(), articles: vec!["a".into()], citations: vec![] }
    }

    #[test]
    fn timeline_query_needs_every_word() {
        let entries = vec![entry("Turkey severed ties with Syria."), entry("Russia intervened in Syria.")];
        let found = matching_timeline(entries.clone(), "syria TURKEY");
        assert_eq!(found, vec![entries[0].clone()]);
        assert_eq!(matching_timeline(entries.clone(), "  ").len(), 2);
    }
}

//! Where sources disagree: numeric claims about the same thing, in articles of one event, that give different
//! figures ("tens of thousands" killed by the earthquake in one source, "more than 50,000" in another).

use std::collections::BTreeMap;

use chronicle_model::{AnalyzedArticle, Citation, Disagreement, Event, Figure};

/// The figures stated for one subject and measure, keyed by their range (bounds as bits; open-ended = MAX).
type FiguresByRange = BTreeMap<(u64, u64), Figure>;

/// Claims of the same subject and measure, within each event, whose figures differ across its articles.
pub fn disagreements(events: &[Event], articles: &[AnalyzedArticle]) -> Vec<Disagreement> {
    let by_id: BTreeMap<&str, &AnalyzedArticle> = articles.iter().map(|a| (a.article.id.as_str(), a)).collect();
    let mut out = Vec::new();
    for event in events {
        let mut groups: BTreeMap<(&str, &str), FiguresByRange> = BTreeMap::new();
        for item in event.articles.iter().filter_map(|id| by_id.get(id.as_str())) {
            for claim in &item.analysis.claims {
                let Some(subject) = claim.subject.as_deref() else { continue };
                let range = (claim.low.to_bits(), claim.high.map_or(u64::MAX, f64::to_bits));
                let figure =
                    groups.entry((subject, &claim.measure)).or_default().entry(range).or_insert_with(|| Figure {
                        text: claim.span.slice(&item.article.text).to_string(),
                        low: claim.low,
                        high: claim.high,
                        citations: Vec::new(),
                    });
                figure.citations.push(Citation { article: item.article.id.clone(), span: claim.span });
            }
        }
        for ((subject, measure), figures) in groups {
            let mut figures: Vec<Figure> = figures.into_values().collect();
            let sources = |f: &Figure| f.citations.iter().map(|c| c.article.clone()).collect::<Vec<_>>();
            let from_several_sources =
                figures.iter().flat_map(sources).collect::<std::collections::BTreeSet<_>>().len() > 1;
            if figures.len() > 1 && from_several_sources {
                figures.sort_by(|a, b| a.low.total_cmp(&b.low).then_with(|| a.text.cmp(&b.text)));
                out.push(Disagreement {
                    event: event.id.clone(),
                    subject: subject.to_string(),
                    measure: measure.to_string(),
                    figures,
                });
            }
        }
    }
    out
}

//! Analysis of the five seed articles, with their publication dates.

use chronicle_analyze::Analyzer;
use chronicle_model::{AnalyzedArticle, Article, Span};

fn seeds() -> Vec<AnalyzedArticle> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds/seeds.jsonl");
    let analyzer = Analyzer::new();
    std::fs::read_to_string(path)
        .expect("seeds.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let text = v["text"].as_str().expect("text").to_string();
            let article = Article {
                id: v["id"].as_str().expect("id")[..3].to_string(),
                url: None,
                title: None,
                published: v["published"].as_str().and_then(|d| d.parse().ok()),
                source: None,
                author: None,
                language: None,
                body: vec![Span::new(0, text.len())],
                text,
            };
            let analysis = analyzer.analyze(&article);
            AnalyzedArticle { article, analysis }
        })
        .collect()
}

#[test]
fn quotes_of_the_four_leaders_are_attributed() {
    let mut articles = seeds();
    chronicle_analyze::unify_entities(&mut articles);
    let quote = |id: &str, start: &str| {
        let a = articles.iter().find(|a| a.article.id == id).expect("seed");
        let q = a.analysis.quotes.iter().find(|q| q.span.slice(&a.article.text).starts_with(start));
        q.unwrap_or_else(|| panic!("no quote {start:?} in {id}")).speaker_name.clone()
    };
    assert_eq!(quote("000", "Dear Mr President").as_deref(), Some("Vladimir Putin"));
    assert_eq!(quote("000", "At the forefront").as_deref(), Some("Dmitry Peskov"));
    assert_eq!(quote("002", "Now we have come").as_deref(), Some("Recep Tayyip Erdogan"));
    assert_eq!(quote("002", "Considering all the events").as_deref(), Some("Bashar al-Assad"));
    assert_eq!(quote("003", "this visit will pave the way").as_deref(), Some("Bashar al-Assad"));
    assert_eq!(quote("004", "I want to know your opinion").as_deref(), Some("Vladimir Putin"));
}

#[test]
fn earthquake_tolls_are_claims_that_differ() {
    let articles = seeds();
    let tolls: Vec<(String, String)> = articles
        .iter()
        .flat_map(|a| {
            a.analysis
                .claims
                .iter()
                .filter(|c| c.subject.as_deref() == Some("earthquake") && c.measure == "killed")
                .map(|c| (a.article.id.clone(), c.span.slice(&a.article.text).to_string()))
        })
        .collect();
    assert!(tolls.contains(&("000".into(), "tens of thousands".into())), "{tolls:?}");
    assert!(tolls.contains(&("003".into(), "more than 50,000".into())), "{tolls:?}");
}

#[test]
fn spans_lie_in_the_text_and_times_resolve_against_publication() {
    for a in seeds() {
        let text = &a.article.text;
        let spans = a.analysis.entities.iter().map(|m| m.span).chain(a.analysis.times.iter().map(|t| t.span));
        for span in spans.chain(a.analysis.quotes.iter().map(|q| q.span)) {
            assert!(text.get(span.start..span.end).is_some_and(|s| !s.is_empty()), "{span:?} in {}", a.article.id);
        }
        assert_eq!(a.analysis.dct, a.article.published);
        assert_eq!(a.analysis.language.as_deref(), Some("en"));
    }
}

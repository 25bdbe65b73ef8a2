//! Test helpers shared by the dedup, cluster and link tests: the seed articles (and any text) run through the
//! real extraction and analysis.
#![allow(dead_code)]

use chronicle_analyze::{unify_entities, Analyzer};
use chronicle_model::{AnalyzedArticle, Article, Date, RawDocument, RawFormat, Span};

pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");

/// The seeds from `seeds.jsonl` (with publication dates) or from the bare `.txt` files (without).
pub fn seeds(jsonl: bool) -> Vec<AnalyzedArticle> {
    let mut raw: Vec<(String, Option<Date>, String)> = Vec::new();
    if jsonl {
        let text = std::fs::read_to_string(format!("{SEEDS}/seeds.jsonl")).expect("seeds.jsonl");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let published = v["published"].as_str().and_then(|d| d.parse().ok());
            raw.push((v["id"].as_str().unwrap().into(), published, v["text"].as_str().unwrap().into()));
        }
    } else {
        let mut paths: Vec<_> = std::fs::read_dir(SEEDS).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            raw.push((id, None, std::fs::read_to_string(&p).unwrap()));
        }
    }
    analyze_all(raw.into_iter().map(|(id, published, text)| article(&id, published, &text)).collect())
}

/// A plain-text article as extraction makes it; the whole text as body when extraction finds none.
pub fn article(id: &str, published: Option<Date>, text: &str) -> Article {
    let raw = RawDocument {
        id: id.into(),
        origin: id.into(),
        format: RawFormat::Text,
        content: text.into(),
        url: None,
        title: None,
        published,
        source: None,
        language: None,
    };
    chronicle_extract::extract(raw).unwrap_or_else(|_| Article {
        id: id.into(),
        url: None,
        title: None,
        published,
        source: None,
        author: None,
        language: None,
        text: text.into(),
        body: vec![Span::new(0, text.len())],
    })
}

/// Analyses articles as the pipeline does, with entity ids unified across them.
pub fn analyze_all(articles: Vec<Article>) -> Vec<AnalyzedArticle> {
    let analyzer = Analyzer::new();
    let mut out: Vec<AnalyzedArticle> =
        articles.into_iter().map(|article| AnalyzedArticle { analysis: analyzer.analyze(&article), article }).collect();
    unify_entities(&mut out);
    out
}

/// The id of the seed whose id starts with `prefix` ("000"…).
pub fn id(articles: &[AnalyzedArticle], prefix: &str) -> String {
    articles.iter().find(|a| a.article.id.starts_with(prefix)).expect("seed").article.id.clone()
}

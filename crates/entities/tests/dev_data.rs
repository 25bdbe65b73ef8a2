//! The recogniser on real development articles: valid, ordered, deterministic output.

use chronicle_entities::{unify, Recognizer};
use chronicle_model::{EntityKind, Mention};

const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ecbplus-dev/articles.jsonl");

fn articles() -> Vec<String> {
    let Ok(data) = std::fs::read_to_string(ARTICLES) else {
        panic!("development data missing: {ARTICLES}");
    };
    data.lines()
        .take(60)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn mentions_are_valid_ordered_and_deterministic_on_real_articles() {
    let recognizer = Recognizer::new();
    let texts = articles();
    assert!(texts.len() >= 50);
    let mut documents: Vec<Vec<Mention>> = Vec::new();
    for text in &texts {
        let mentions = recognizer.recognize(text, &[], None);
        assert_eq!(mentions, recognizer.recognize(text, &[], None));
        for pair in mentions.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "overlap in {text}");
        }
        for m in &mentions {
            let surface = text.get(m.span.start..m.span.end).unwrap_or("");
            assert!(!surface.is_empty() && surface.trim() == surface, "bad span {:?}", m.span);
            assert!(["chr:", "iso:", "geo:"].iter().any(|p| m.id.starts_with(p)) && m.id.len() > 4);
            assert!(!m.name.is_empty());
            let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
            let numbered = surface.split([' ', '-']).any(number);
            assert!(!(numbered && m.kind == EntityKind::Person), "a person named with a number: {surface}");
        }
        documents.push(mentions);
    }
    let people = documents.iter().flatten().filter(|m| m.kind == EntityKind::Person).count();
    let places = documents.iter().flatten().filter(|m| m.kind == EntityKind::Place).count();
    assert!(people > 100 && places > 100, "people {people}, places {places}");

    let geographic = |documents: &[Vec<Mention>]| -> Vec<String> {
        documents.iter().flatten().filter(|m| !m.id.starts_with("chr:")).map(|m| m.id.clone()).collect()
    };
    let places_before = geographic(&documents);
    let mut lists: Vec<&mut Vec<Mention>> = documents.iter_mut().collect();
    unify(&mut lists);
    assert_eq!(geographic(&documents), places_before, "unify changed knowledge-base places");
    let once = documents.clone();
    let mut lists: Vec<&mut Vec<Mention>> = documents.iter_mut().collect();
    unify(&mut lists);
    assert_eq!(documents, once, "unify is not idempotent");
}

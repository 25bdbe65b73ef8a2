#[path = "../../dedup/tests/support/mod.rs"]
mod support;

use chronicle_cluster::cluster;
use chronicle_dedup::find_reuse;
use chronicle_model::{AnalyzedArticle, Event};

fn events_of(articles: &[AnalyzedArticle]) -> Vec<Event> {
    cluster(articles, &find_reuse(articles))
}

fn members(events: &[Event]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let mut ids: Vec<String> = e.articles.iter().map(|a| a[..3].to_string()).collect();
            ids.sort();
            ids
        })
        .collect();
    groups.sort();
    groups
}

#[test]
fn seeds_from_jsonl_make_the_two_meetings_with_their_dates() {
    let articles = support::seeds(true);
    let events = events_of(&articles);
    assert_eq!(members(&events), [vec!["000", "001", "003"], vec!["002", "004"]]);
    let by_first = |p: &str| events.iter().find(|e| e.articles.iter().any(|a| a.starts_with(p))).unwrap();
    let (talks, kremlin) = (by_first("000"), by_first("002"));
    // The Kremlin's announcement of Tuesday 14 March speaks of talks "on Wednesday"; Russian TV "on Thursday
    // published" the 2024 video of a meeting that "took place on Wednesday".
    assert_eq!(talks.date.map(|d| d.to_string()).as_deref(), Some("2023-03-15"));
    assert_eq!(kremlin.date.map(|d| d.to_string()).as_deref(), Some("2024-07-24"));
    // Publication order: the announcement (14 March) comes first.
    assert!(talks.articles[0].starts_with("001"));
    // Agency copy: the 2023 articles share AFP passages, 004 retells 002's story.
    assert!(talks.independent_sources < 3 && kremlin.independent_sources < 2);
    for event in [talks, kremlin] {
        assert!(event.id.starts_with("ev-") && event.story.is_none());
        assert!(!event.title.is_empty());
        let ids: Vec<&str> = event.entities.iter().map(|e| e.id.as_str()).collect();
        assert!(ids[..4].contains(&"chr:bashar-assad") && ids[..4].contains(&"chr:vladimir-putin"), "{ids:?}");
        assert!((3..=5).contains(&event.summary.len()));
        for sentence in &event.summary {
            assert_eq!(sentence.articles.len(), sentence.citations.len());
            for citation in &sentence.citations {
                assert!(event.articles.contains(&citation.article));
                let article = articles.iter().find(|a| a.article.id == citation.article).unwrap();
                let cited = citation.span.slice(&article.article.text);
                assert!(!cited.is_empty() && !cited.starts_with('•'));
            }
        }
    }
    // The passage 000 and 001 share is cited from both.
    assert!(talks.summary.iter().any(|s| s.articles.len() >= 2));
}

#[test]
fn bare_text_seeds_make_the_same_two_events() {
    let events = events_of(&support::seeds(false));
    assert_eq!(members(&events), [vec!["000", "001", "003"], vec!["002", "004"]]);
}

#[test]
fn clustering_is_deterministic_and_independent_of_input_order() {
    let articles = support::seeds(true);
    let events = events_of(&articles);
    assert_eq!(events, events_of(&articles));
    let reversed: Vec<AnalyzedArticle> = articles.iter().rev().cloned().collect();
    assert_eq!(events, events_of(&reversed));
}

#[test]
fn odd_inputs_make_no_or_single_events() {
    assert!(events_of(&[]).is_empty());
    let articles = support::analyze_all(vec![
        support::article("empty", None, ""),
        support::article("emoji", None, "🙂🙂 … ¿? 🙂"),
        support::article("fr", "2024-01-02".parse().ok(), "Le président a rencontré son homologue à Paris mardi."),
    ]);
    let events = events_of(&articles);
    assert_eq!(events.iter().map(|e| e.articles.len()).sum::<usize>(), 3);
    assert!(events.iter().all(|e| e.summary.len() <= 5 && e.independent_sources >= 1));
}

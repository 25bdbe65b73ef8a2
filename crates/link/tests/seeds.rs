#[path = "../../dedup/tests/support/mod.rs"]
mod support;

use chronicle_cluster::cluster;
use chronicle_dedup::find_reuse;
use chronicle_link::{link_stories, themes, timeline};
use chronicle_model::{AnalyzedArticle, TimelineEntry};

#[test]
fn both_meetings_make_one_story() {
    for jsonl in [true, false] {
        let articles = support::seeds(jsonl);
        let mut events = cluster(&articles, &find_reuse(&articles));
        assert_eq!(events.len(), 2);
        let event_themes = themes(&events, &articles);
        let stories = link_stories(&mut events, &event_themes);
        assert_eq!(stories.len(), 1);
        let story = &stories[0];
        assert!(story.id.starts_with("st-") && !story.title.is_empty());
        assert!(events.iter().all(|e| e.story.as_ref() == Some(&story.id)));
        if jsonl {
            // Date order: the 2023 talks, then the 2024 Kremlin meeting.
            let first = events.iter().find(|e| e.id == story.events[0]).unwrap();
            assert!(first.articles.iter().any(|a| a.starts_with("000")));
        }
    }
}

/// The entry of `date` whose text holds `words`, if any.
fn find<'a>(entries: &'a [TimelineEntry], date: &str, words: &str) -> Option<&'a TimelineEntry> {
    entries.iter().find(|e| e.date == date && e.text.contains(words))
}

fn check_citations(entries: &[TimelineEntry], articles: &[AnalyzedArticle]) {
    for entry in entries {
        assert_eq!(entry.articles.len(), entry.citations.len());
        for c in &entry.citations {
            let article = articles.iter().find(|a| a.article.id == c.article).unwrap();
            assert!(!c.span.slice(&article.article.text).trim().is_empty());
        }
    }
    let keys: Vec<(&str, &str)> = entries.iter().map(|e| (e.date.as_str(), e.text.as_str())).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "sorted by date then text");
}

#[test]
fn seed_timeline_holds_the_dated_facts() {
    let articles = support::seeds(true);
    let entries = timeline(&articles);
    check_citations(&entries, &articles);
    let facts = [
        ("2011", "cut ties"),
        ("2015-09", "military campaign"),
        ("2021-09", "visit"),
        ("2022-12", "defen"),
        ("2023-02-06", "earthquake"),
        ("2023-03-10", "Saudi Arabia and Iran"),
        ("2023-03-15", "talks"),
        ("2024-07-15", "Assad said"),
        ("2024-07-24", "took place"),
    ];
    let found: Vec<_> = facts.iter().filter(|(d, w)| find(&entries, d, w).is_some()).collect();
    assert!(found.len() >= 7, "found only {found:?}");
    // Assad's 2021 visit is told by 000 and 001 in near-identical words: one entry citing both.
    let visit = find(&entries, "2021-09", "visit").unwrap();
    assert!(visit.articles.len() >= 2, "{visit:?}");
    // "for the first time since 2011" only anchors a duration: no 2011 entry of that sentence.
    assert!(entries.iter().all(|e| !(e.date == "2011" && e.text.contains("first"))));
}

#[test]
fn timeline_of_nothing_is_empty() {
    assert!(timeline(&[]).is_empty());
    let articles = support::analyze_all(vec![support::article("empty", None, "")]);
    assert!(timeline(&articles).is_empty());
}

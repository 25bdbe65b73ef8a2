//! Scores event clustering and story linking on ECB+ (`shared/data/ecbplus-dev`): B³ and pairwise precision,
//! recall and F1 over articles, at the event level (gold `event`) and the story level (gold `topic`), for the
//! default thresholds and around them.
//!
//! `cargo run --release -p chronicle-cluster --features eval --bin eval-cluster [DATA_DIR]`; with `EVAL_DUMP=PATH`
//! it also writes each article's event id, story id and event title to PATH (tab-separated).

use std::collections::HashMap;

use chronicle_analyze::{unify_entities, Analyzer};
use chronicle_cluster::score::score;
use chronicle_cluster::{cluster_with_threshold, JOIN_THRESHOLD};
use chronicle_link::{link_stories_with_threshold, themes, STORY_THRESHOLD};
use chronicle_model::{AnalyzedArticle, Article, RawDocument, RawFormat, Span};

const DEFAULT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ecbplus-dev");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| DEFAULT_DATA.to_string());
    let mut gold: HashMap<String, (String, String)> = HashMap::new();
    for line in std::fs::read_to_string(format!("{dir}/gold.tsv"))?.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [id, event, topic] = cols[..] {
            gold.insert(id.to_string(), (event.to_string(), topic.to_string()));
        }
    }
    let analyzer = Analyzer::new();
    let started = std::time::Instant::now();
    let mut articles: Vec<AnalyzedArticle> = Vec::new();
    for line in std::fs::read_to_string(format!("{dir}/articles.jsonl"))?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let article = article(v["id"].as_str().unwrap_or_default(), v["text"].as_str().unwrap_or_default());
        articles.push(AnalyzedArticle { analysis: analyzer.analyze(&article), article });
    }
    unify_entities(&mut articles);
    let analysed = started.elapsed();
    let started = std::time::Instant::now();
    let reuse = chronicle_dedup::find_reuse(&articles);
    let deduped = started.elapsed();
    let started = std::time::Instant::now();
    let mut events = cluster_with_threshold(&articles, &reuse, JOIN_THRESHOLD);
    let clustered = started.elapsed();
    let started = std::time::Instant::now();
    let event_themes = themes(&events, &articles);
    let stories = link_stories_with_threshold(&mut events, &event_themes, STORY_THRESHOLD);
    let timeline = chronicle_link::timeline(&articles);
    let linked = started.elapsed();
    if let Ok(path) = std::env::var("EVAL_DUMP") {
        let mut out = String::new();
        for e in &events {
            for a in &e.articles {
                out.push_str(&format!("{a}\t{}\t{}\t{}\n", e.id, e.story.clone().unwrap_or_default(), e.title));
            }
        }
        std::fs::write(path, out)?;
    }
    println!(
        "{} articles: analysis {:.2?}, dedup {:.2?}, clustering {:.2?}, stories and timeline {:.2?}; {} events, {} \
         stories, {} timeline entries (gold: {} events)",
        articles.len(),
        analysed,
        deduped,
        clustered,
        linked,
        events.len(),
        stories.len(),
        timeline.len(),
        gold.values().map(|(e, _)| e).collect::<std::collections::BTreeSet<_>>().len()
    );
    let event_gold: HashMap<&str, &str> = gold.iter().map(|(id, (e, _))| (id.as_str(), e.as_str())).collect();
    let topic_gold: HashMap<&str, &str> = gold.iter().map(|(id, (_, t))| (id.as_str(), t.as_str())).collect();
    println!(
        "join threshold  event B3 P/R/F1        event pairwise F1 | story threshold  story B3 P/R/F1   pairwise F1"
    );
    for join in
        [JOIN_THRESHOLD - 0.1, JOIN_THRESHOLD - 0.05, JOIN_THRESHOLD, JOIN_THRESHOLD + 0.05, JOIN_THRESHOLD + 0.1]
    {
        let mut events = cluster_with_threshold(&articles, &reuse, join);
        let predicted: HashMap<&str, String> =
            events.iter().flat_map(|e| e.articles.iter().map(move |a| (a.as_str(), e.id.clone()))).collect();
        let events_score = score(&predicted, &event_gold);
        let (b3, pw) = (events_score.b_cubed, events_score.pairwise.f1);
        let event_themes = themes(&events, &articles);
        for story in [STORY_THRESHOLD - 0.05, STORY_THRESHOLD, STORY_THRESHOLD + 0.05] {
            link_stories_with_threshold(&mut events, &event_themes, story);
            let story_of: HashMap<&str, String> = events
                .iter()
                .flat_map(|e| e.articles.iter().map(move |a| (a.as_str(), e.story.clone().unwrap_or_default())))
                .collect();
            let stories_score = score(&story_of, &topic_gold);
            let (sb3, spw) = (stories_score.b_cubed, stories_score.pairwise.f1);
            println!(
                "{join:14.2}  {:.3}/{:.3}/{:.3}  {:.3}             | {story:15.2}  {:.3}/{:.3}/{:.3}  {:.3}",
                b3.precision, b3.recall, b3.f1, pw, sb3.precision, sb3.recall, sb3.f1, spw
            );
        }
    }
    Ok(())
}

fn article(id: &str, text: &str) -> Article {
    let raw = RawDocument {
        id: id.into(),
        origin: id.into(),
        format: RawFormat::Text,
        content: text.into(),
        url: None,
        title: None,
        published: None,
        source: None,
        language: None,
    };
    chronicle_extract::extract(raw).unwrap_or_else(|_| Article {
        id: id.into(),
        url: None,
        title: None,
        published: None,
        source: None,
        author: None,
        language: None,
        text: text.into(),
        body: vec![Span::new(0, text.len())],
    })
}

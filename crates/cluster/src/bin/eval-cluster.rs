//! Scores event clustering and story linking on ECB+ (`shared/data/ecbplus-dev`): B³ and pairwise precision,
//! recall and F1 over articles, at the event level (gold `event`) and the story level (gold `topic`), for the
//! default thresholds and around them.
//!
//! `cargo run --release -p chronicle-cluster --features eval --bin eval-cluster [DATA_DIR]`; with `EVAL_DUMP=PATH`
//! it also writes each article's event id, story id and event title to PATH (tab-separated).

use std::collections::{BTreeMap, HashMap};

use chronicle_analyze::{unify_entities, Analyzer};
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
        let (b3, pw) = (b_cubed(&predicted, &event_gold), pairwise(&predicted, &event_gold));
        let event_themes = themes(&events, &articles);
        for story in [STORY_THRESHOLD - 0.05, STORY_THRESHOLD, STORY_THRESHOLD + 0.05] {
            link_stories_with_threshold(&mut events, &event_themes, story);
            let story_of: HashMap<&str, String> = events
                .iter()
                .flat_map(|e| e.articles.iter().map(move |a| (a.as_str(), e.story.clone().unwrap_or_default())))
                .collect();
            let (sb3, spw) = (b_cubed(&story_of, &topic_gold), pairwise(&story_of, &topic_gold));
            println!(
                "{join:14.2}  {:.3}/{:.3}/{:.3}  {:.3}             | {story:15.2}  {:.3}/{:.3}/{:.3}  {:.3}",
                b3.0, b3.1, b3.2, pw, sb3.0, sb3.1, sb3.2, spw
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

/// B³ precision, recall and F1 over the articles that have a gold label.
fn b_cubed(predicted: &HashMap<&str, String>, gold: &HashMap<&str, &str>) -> (f64, f64, f64) {
    let items: Vec<&str> = gold.keys().copied().filter(|id| predicted.contains_key(id)).collect();
    let mut by_pred: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_gold: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for &id in &items {
        by_pred.entry(predicted[id].as_str()).or_default().push(id);
        by_gold.entry(gold[id]).or_default().push(id);
    }
    let (mut p, mut r) = (0.0, 0.0);
    for &id in &items {
        let pred = &by_pred[predicted[id].as_str()];
        let truth = &by_gold[gold[id]];
        let both = pred.iter().filter(|o| gold[**o] == gold[id]).count() as f64;
        p += both / pred.len() as f64;
        r += both / truth.len() as f64;
    }
    let n = items.len().max(1) as f64;
    let (p, r) = (p / n, r / n);
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Pairwise F1: pairs of articles placed together, against pairs that belong together.
fn pairwise(predicted: &HashMap<&str, String>, gold: &HashMap<&str, &str>) -> f64 {
    let mut items: Vec<&str> = gold.keys().copied().filter(|id| predicted.contains_key(id)).collect();
    items.sort_unstable();
    let (mut both, mut pred, mut truth) = (0usize, 0usize, 0usize);
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            let same_pred = predicted[a] == predicted[b];
            let same_gold = gold[a] == gold[b];
            both += usize::from(same_pred && same_gold);
            pred += usize::from(same_pred);
            truth += usize::from(same_gold);
        }
    }
    let (p, r) = (both as f64 / pred.max(1) as f64, both as f64 / truth.max(1) as f64);
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

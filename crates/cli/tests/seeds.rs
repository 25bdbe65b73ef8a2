//! The foundation's acceptance, end to end on the five seed articles.

mod common;

use common::*;
use serde_json::Value;

fn ingest_jsonl() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let out = ingest(&db, &[&seeds_dir().join("seeds.jsonl")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, db)
}

/// (article short ids, date) of every event, sorted.
fn event_groups(db: &std::path::Path) -> Vec<(Vec<String>, Value)> {
    let mut groups: Vec<_> = json(db, &["events", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (short_ids(&e["articles"]), e["date"].clone()))
        .collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups
}

#[test]
fn seeds_jsonl_give_two_dated_events() {
    let (_dir, db) = ingest_jsonl();
    assert_eq!(
        event_groups(&db),
        [
            (vec!["000".into(), "001".into(), "003".into()], Value::from("2023-03-15")),
            (vec!["002".into(), "004".into()], Value::from("2024-07-24")),
        ]
    );
}

#[test]
fn bare_text_files_give_the_same_two_groups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bare.db");
    let files = seed_texts();
    let paths: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    let out = ingest(&db, &paths);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let groups: Vec<Vec<String>> = event_groups(&db).into_iter().map(|g| g.0).collect();
    assert_eq!(groups, [vec!["000", "001", "003"], vec!["002", "004"]]);
}

#[test]
fn every_event_has_a_title_summary_entities_and_story() {
    let (_dir, db) = ingest_jsonl();
    let events = json(&db, &["events", "--json"]);
    let events = events.as_array().unwrap();
    for event in events {
        assert!(!event["title"].as_str().unwrap().is_empty());
        let summary = event["summary"].as_array().unwrap();
        assert!(!summary.is_empty());
        for sentence in summary {
            assert!(!sentence["articles"].as_array().unwrap().is_empty(), "uncited: {sentence}");
        }
        assert!(!event["entities"].as_array().unwrap().is_empty());
        let sources = event["independent_sources"].as_u64().unwrap() as usize;
        assert!(sources >= 1 && sources < event["articles"].as_array().unwrap().len(), "{event}");
    }
    assert_eq!(events[0]["story"], events[1]["story"], "both meetings belong to one story");
    assert!(events[0]["story"].is_string());
    let shown = json(&db, &["show", events[0]["id"].as_str().unwrap(), "--json"]);
    assert_eq!(shown, events[0]);
}

#[test]
fn no_furniture_in_article_text() {
    let (_dir, db) = ingest_jsonl();
    let furniture = [
        "Share",
        "2 min read",
        "Skip to main content",
        "Leave a Reply",
        "Your email address will not be published.",
        "Latest from Blog",
        "SPEEDREAD",
        "MORE FROM THE POST",
    ];
    let articles = json(&db, &["articles", "--json"]);
    assert_eq!(articles.as_array().unwrap().len(), 5);
    for article in articles.as_array().unwrap() {
        let text = article["text"].as_str().unwrap();
        for line in text.lines().map(str::trim) {
            assert!(!furniture.contains(&line), "furniture {line:?} in {}", article["id"]);
        }
        assert!(!text.is_empty());
    }
    // The repeated headline of 002 is its title, not its body.
    let a002 = articles.as_array().unwrap().iter().find(|a| a["id"].as_str().unwrap().starts_with("002")).unwrap();
    assert_eq!(a002["title"], "Syria's Assad meets Putin in Moscow");
    assert!(!a002["text"].as_str().unwrap().contains("Syria's Assad meets Putin in Moscow"));
}

#[test]
fn reuse_is_found_within_events_and_not_across() {
    let (_dir, db) = ingest_jsonl();
    let articles = json(&db, &["articles", "--json"]);
    let mut pairs = Vec::new();
    for article in articles.as_array().unwrap() {
        let id = &article["id"].as_str().unwrap()[..3];
        for link in article["reuse"].as_array().unwrap() {
            let other = &link["article"].as_str().unwrap()[..3];
            let shared = link["shared"].as_f64().unwrap();
            assert!(shared > 0.0 && shared <= 1.0);
            assert!(["copy", "reuse", "paraphrase"].contains(&link["kind"].as_str().unwrap()));
            let mut pair = [id.to_string(), other.to_string()];
            pair.sort();
            pairs.push(pair);
        }
    }
    for expected in [["000", "001"], ["000", "003"], ["002", "004"]] {
        assert!(pairs.iter().any(|p| p == &expected), "no reuse between {expected:?}: {pairs:?}");
    }
    let first = ["000", "001", "003"];
    for [a, b] in &pairs {
        assert_eq!(first.contains(&a.as_str()), first.contains(&b.as_str()), "reuse across events: {a}–{b}");
    }
}

#[test]
fn timeline_holds_the_dated_facts() {
    let (_dir, db) = ingest_jsonl();
    let timeline = json(&db, &["timeline", "--json"]);
    let entries = timeline.as_array().unwrap();
    let facts: [(&str, &[&str]); 9] = [
        ("2011", &["severed", "cut ties"]),
        ("2015-09", &["since September 2015"]),
        ("2021-09", &["visited", "last visit"]),
        ("2022-12", &["defence ministers", "defense ministers"]),
        ("2023-02-06", &["earthquake"]),
        ("2023-03-10", &["Saudi"]),
        ("2023-03-15", &["talks", "meeting"]),
        ("2024-07-15", &["Assad said"]),
        ("2024-07-24", &["meeting"]),
    ];
    let found: Vec<&str> = facts
        .iter()
        .filter(|(date, words)| {
            entries.iter().any(|e| {
                e["date"] == *date
                    && words.iter().any(|w| e["text"].as_str().unwrap().contains(w))
                    && !e["articles"].as_array().unwrap().is_empty()
            })
        })
        .map(|(date, _)| *date)
        .collect();
    assert!(found.len() >= 7, "only {found:?} of the nine facts are on the timeline");
    let filtered = json(&db, &["timeline", "earthquake", "--json"]);
    assert!(filtered.as_array().unwrap().iter().all(|e| e["text"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("earthquake")));
}

#[test]
fn leaders_are_one_entity_each_across_articles() {
    let (_dir, db) = ingest_jsonl();
    let entities = json(&db, &["entities", "--json"]);
    for (surname, canonical) in [
        ("Assad", "Bashar al-Assad"),
        ("Putin", "Vladimir Putin"),
        ("Erdogan", "Recep Tayyip Erdogan"),
        ("Peskov", "Dmitry Peskov"),
    ] {
        let matching: Vec<&Value> = entities
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["mentions"].as_array().unwrap().iter().any(|m| m.as_str().unwrap().contains(surname)))
            .collect();
        assert_eq!(matching.len(), 1, "{surname} is {} entities: {matching:?}", matching.len());
        assert_eq!(matching[0]["name"], canonical);
        assert_eq!(matching[0]["kind"], "person");
    }
}

#[test]
fn ingesting_twice_changes_nothing() {
    let (_dir, db) = ingest_jsonl();
    let listings =
        |db: &std::path::Path| ["articles", "events", "timeline", "stories"].map(|c| json(db, &[c, "--json"]));
    let before = listings(&db);
    let out = chronicle(&db, &["ingest", "--json", seeds_dir().join("seeds.jsonl").to_str().unwrap()]);
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["stored"].as_u64(), report["unchanged"].as_u64()), (Some(0), Some(5)));
    assert_eq!(listings(&db), before);
}

#[test]
fn analyze_prints_offsets_into_the_input() {
    let path = seeds_dir().join("001_2b0db2286eddf792.txt");
    let dir = tempfile::tempdir().unwrap();
    let analysis =
        json(&dir.path().join("unused.db"), &["analyze", "--dct", "2023-03-14", path.to_str().unwrap(), "--json"]);
    let input = std::fs::read_to_string(&path).unwrap();
    assert_eq!(analysis["text"], input.as_str());
    let slice = |v: &Value| &input[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize];
    let times = analysis["times"].as_array().unwrap();
    assert!(times.iter().any(|t| slice(t).contains("Wednesday") && t["value"] == "2023-03-15" && t["type"] == "DATE"));
    let entities = analysis["entities"].as_array().unwrap();
    assert!(entities.iter().any(|e| slice(e) == "Bashar al-Assad" && e["kind"] == "person"));
    for e in entities {
        assert!(["person", "organization", "place", "group", "event", "other"].contains(&e["kind"].as_str().unwrap()));
    }
    assert!(!dir.path().join("unused.db").exists(), "analyze must not touch the store");
}

#[test]
fn quotes_are_attributed_to_their_speakers() {
    let (_dir, db) = ingest_jsonl();
    let quotes = json(&db, &["quotes", "--json"]);
    for speaker in ["Vladimir Putin", "Bashar al-Assad", "Dmitry Peskov", "Recep Tayyip Erdogan"] {
        assert!(quotes.as_array().unwrap().iter().any(|q| q["speaker"] == speaker), "no quote attributed to {speaker}");
    }
    let welcome =
        quotes.as_array().unwrap().iter().find(|q| q["text"].as_str().unwrap().starts_with("Dear Mr President"));
    assert_eq!(welcome.expect("Putin's welcome is quoted")["speaker"], "Vladimir Putin");
}

#[test]
fn differing_death_tolls_are_flagged() {
    let (_dir, db) = ingest_jsonl();
    let figures = json(&db, &["figures", "--json"]);
    let quake = figures
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["subject"] == "earthquake" && d["measure"] == "killed")
        .expect("the earthquake toll differs between sources");
    let texts: Vec<&str> = quake["figures"].as_array().unwrap().iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["tens of thousands", "more than 50,000"]);
    let digest = chronicle(&db, &["digest"]);
    assert!(String::from_utf8_lossy(&digest.stdout).contains("sources differ on earthquake killed"));
}

#[test]
fn the_same_id_with_new_content_updates_the_article() {
    let (dir, db) = ingest_jsonl();
    let text = "Update: the talks ended after about three hours, the Kremlin said on Wednesday.";
    let line = serde_json::json!({"id": "000_075b59d9bae29bd8", "published": "2023-03-15", "text": text});
    let path = dir.path().join("update.jsonl");
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let out = chronicle(&db, &["ingest", "--json", path.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["stored"].as_u64(), report["unchanged"].as_u64()), (Some(1), Some(0)));
    let articles = json(&db, &["articles", "--json"]);
    assert_eq!(articles.as_array().unwrap().len(), 5);
    let updated = articles.as_array().unwrap().iter().find(|a| a["id"] == "000_075b59d9bae29bd8").unwrap();
    assert_eq!(updated["text"], text);
}

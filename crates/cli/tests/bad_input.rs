//! Bad input never panics and never loses data: each bad input gets an error naming it and the reason, the rest
//! of the batch goes on, what was stored stays intact, and the exit code says something failed.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// The exit code for "some inputs failed, the rest were processed" (docs/cli.md).
const SOME_INPUTS_FAILED: i32 = 3;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn article_ids(db: &Path) -> Vec<String> {
    json(db, &["articles", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

const GOOD_PARAGRAPH: &str = "The city council approved the new budget on Monday after a long debate about transport.";

#[test]
fn a_batch_of_bad_inputs_keeps_stored_data_and_reports_each_failure() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bad.db");
    assert!(ingest(&db, &[&seeds_dir().join("seeds.jsonl")]).status.success());
    let events_before = json(&db, &["events", "--json"]);

    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let binary = write(dir.path(), "binary.txt", &junk);
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.html", b"   \n\t ");
    let jsonl = write(
        dir.path(),
        "mixed.jsonl",
        format!(
            "{{\"id\": \"good-1\", \"text\": \"{GOOD_PARAGRAPH}\"}}\n{{\"id\": \"broken\", \"text\": \n[1, 2]\n{{\"id\": \"good-2\", \"text\": \"{GOOD_PARAGRAPH} Again.\"}}\n{{\"id\": \"no-text\"}}\n"
        )
        .as_bytes(),
    );
    let missing = dir.path().join("does-not-exist.txt");
    let out = ingest(&db, &[&binary, &empty, &blank, &jsonl, &missing]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(SOME_INPUTS_FAILED), "{stderr}");
    for name in [
        "binary.txt",
        "empty.txt",
        "blank.html",
        "mixed.jsonl:2",
        "mixed.jsonl:3",
        "mixed.jsonl:5",
        "does-not-exist.txt",
    ] {
        assert!(stderr.contains(name), "no error names {name}: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");

    let ids = article_ids(&db);
    assert!(ids.contains(&"good-1".to_string()) && ids.contains(&"good-2".to_string()), "{ids:?}");
    assert_eq!(ids.iter().filter(|id| id.starts_with("00")).count(), 5, "seed articles lost: {ids:?}");
    // New articles may refine summaries, but the stored events keep their ids, members and dates.
    let key = |e: &Value| (e["id"].clone(), e["articles"].clone(), e["date"].clone());
    let events_after: Vec<_> = json(&db, &["events", "--json"]).as_array().unwrap().iter().map(key).collect();
    for event in events_before.as_array().unwrap() {
        assert!(events_after.contains(&key(event)), "event changed: {event}");
    }
}

#[test]
fn legacy_encodings_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("enc.db");
    // "Le café de la Plaça d’Espanya a été fermé." in Windows-1252 (é = E9, ’ = 92).
    let mut latin = b"Le caf\xe9 de la Pla\xe7a d\x92Espanya a \xe9t\xe9 ferm\xe9 par la mairie lundi soir.\n".to_vec();
    latin.extend_from_slice(b"Les habitants du quartier ont protest\xe9 devant la mairie mardi matin.\n");
    let latin = write(dir.path(), "latin1.txt", &latin);
    // Mostly UTF-8 with a stray invalid byte sequence.
    let mut broken = GOOD_PARAGRAPH.as_bytes().to_vec();
    broken.extend_from_slice(b" Caf\xc3 ends \xff here.\n");
    let broken = write(dir.path(), "invalid-utf8.txt", &broken);
    let out = ingest(&db, &[&latin, &broken]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let articles = json(&db, &["articles", "--json"]);
    let latin = articles.as_array().unwrap().iter().find(|a| a["id"] == "latin1").expect("Latin-1 article stored");
    assert!(latin["text"].as_str().unwrap().contains("Le café de la Plaça d’Espanya"), "{}", latin["text"]);
    // Invalid UTF-8 is either decoded as a legacy encoding or rejected with a reason naming the file.
    let stored = articles.as_array().unwrap().iter().any(|a| a["id"] == "invalid-utf8");
    assert!(stored || stderr.contains("invalid-utf8.txt"), "{stderr}");
}

#[test]
fn hostile_html_does_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("html.db");
    let mut nested = "<html><body>".to_string();
    nested.push_str(&"<div>".repeat(100_000));
    nested.push_str(&format!("<p>{GOOD_PARAGRAPH}</p>"));
    nested.push_str(&"</div>".repeat(100_000));
    let nested = write(dir.path(), "nested.html", nested.as_bytes());
    let truncated =
        format!("<html><head><title>Budget</title></head><body><article><p>{GOOD_PARAGRAPH}</p><p>The vote was");
    let truncated = write(dir.path(), "truncated.html", truncated.as_bytes());
    let out = ingest(&db, &[&nested, &truncated]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() == Some(0) || out.status.code() == Some(SOME_INPUTS_FAILED), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{stderr}");
    let articles = json(&db, &["articles", "--json"]);
    for a in articles.as_array().unwrap() {
        assert!(a["text"].as_str().unwrap().contains("city council approved"), "{a}");
    }
    let truncated = articles.as_array().unwrap().iter().find(|a| a["id"] == "truncated").expect("truncated page kept");
    assert_eq!(truncated["title"], "Budget");
}

#[test]
fn a_60_mb_file_is_refused_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("huge.db");
    // 60 MB in one plain-text document: more than any article, refused before analysis.
    let huge = format!("{GOOD_PARAGRAPH}\n").repeat(60_000_000 / GOOD_PARAGRAPH.len());
    let huge = write(dir.path(), "huge.txt", huge.as_bytes());
    // 60 MB of JSONL: a good line, a 60 MB line, a good line.
    let giant = "x".repeat(60_000_000);
    let jsonl = format!(
        "{{\"id\": \"before\", \"text\": \"{GOOD_PARAGRAPH}\"}}\n{{\"id\": \"giant\", \"text\": \"{giant}\"}}\n{{\"id\": \"after\", \"text\": \"{GOOD_PARAGRAPH} Again.\"}}\n"
    );
    let jsonl = write(dir.path(), "giant.jsonl", jsonl.as_bytes());
    let out = chronicle(&db, &["ingest", "--json", huge.to_str().unwrap(), jsonl.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(SOME_INPUTS_FAILED), "{stderr}");
    assert!(stderr.contains("huge.txt") && stderr.contains("giant.jsonl:2"), "{stderr}");
    assert!(stderr.contains("16 MiB"), "the reason names the limit: {stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON summary");
    assert_eq!(report["stored"], 2);
    assert_eq!(article_ids(&db), ["after", "before"]);
}

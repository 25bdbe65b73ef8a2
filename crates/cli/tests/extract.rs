//! `chronicle extract --json`: one line per document, in input order, with the contract's fields.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

#[test]
fn extract_prints_one_line_per_document_in_input_order() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../extract/tests/fixtures");
    let mut pages: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let seed = seeds_dir().join("002_d1354a31a5cb210c.txt");
    let mut args = vec!["extract".to_string(), "--json".to_string(), seed.display().to_string()];
    args.extend(pages.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let dir = tempfile::tempdir().unwrap();
    let out = chronicle(&dir.path().join("unused.db"), &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), pages.len() + 1);
    assert_eq!(lines[0]["title"], "Syria's Assad meets Putin in Moscow");
    assert!(lines[0].get("confidence").is_none(), "plain text has no HTML details");
    for (line, page) in lines[1..].iter().zip(&pages) {
        assert_eq!(line["path"], page.display().to_string());
        for field in ["title", "text", "published", "author", "site", "url", "language"] {
            assert!(line.get(field).is_some(), "{field} missing in {line}");
        }
        assert!(!line["text"].as_str().unwrap().is_empty());
        let confidence = line["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        assert!(line["sources"].is_object());
    }
}

//! Helpers shared by the end-to-end tests: run the `chronicle` binary against a temporary database.

#![allow(dead_code)] // each test file uses its own subset of the helpers

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")
}

pub fn seed_texts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("examples/seeds exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Runs `chronicle --db DB ARGS...`.
pub fn chronicle(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("chronicle runs")
}

/// Runs a command that must succeed and parses its JSON output.
pub fn json(db: &Path, args: &[&str]) -> Value {
    let out = chronicle(db, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

pub fn ingest(db: &Path, paths: &[&Path]) -> Output {
    let mut args = vec!["ingest".to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    chronicle(db, &args)
}

/// The short ids ("000") of a JSON array of article ids, sorted.
pub fn short_ids(ids: &Value) -> Vec<String> {
    let mut ids: Vec<String> =
        ids.as_array().expect("array").iter().map(|v| v.as_str().expect("string")[..3].to_string()).collect();
    ids.sort();
    ids
}

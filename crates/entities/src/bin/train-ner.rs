//! Trains the statistical name tagger and writes its weight file.
//!
//! Usage: `train-ner --out FILE [--epochs N] [--fold K/N] [--gold EXPORT.jsonl] SILVER.jsonl`
//! SILVER lines are `{"source", "id", "text", "names": [[start, end, kind]]}` (byte offsets), as
//! `scripts/ner/silver.py` writes them; EXPORT lines, as `eval-entities --export` writes them, carry MEANTIME's gold
//! names, which win over the silver names they overlap. Leading articles are dropped from names, as CoNLL-style
//! annotation writes them, and every ASCII document is also learnt with every third line in capitals. With
//! `--fold K/N`, the MEANTIME documents of fold K (those whose index in the export is K modulo N) are left out, so
//! that `eval-entities --folds` can test on them.

use std::collections::HashMap;

use chronicle_entities::{Labelled, Tagger};
use chronicle_model::{EntityKind, Span};
use serde_json::Value;

/// Weights smaller than this (in perceptron updates) are dropped from the file: a smaller table is faster to read,
/// and the weights under it do not change the MEANTIME k-fold F1.
const PRUNE: f32 = 3.0;

fn names(value: &Value, text: &str) -> Vec<(Span, EntityKind)> {
    let Some(list) = value.as_array() else { return Vec::new() };
    list.iter()
        .filter_map(|n| {
            let span = Span::new(n[0].as_u64()? as usize, n[1].as_u64()? as usize);
            text.get(span.start..span.end)?;
            Some((span, EntityKind::parse(n[2].as_str()?)?))
        })
        .collect()
}

/// A gold name without a leading article, as CoNLL-style annotation writes names ("the iPhone" → "iPhone").
fn without_article(text: &str, (span, kind): (Span, EntityKind)) -> (Span, EntityKind) {
    let surface = span.slice(text);
    let start =
        ["the ", "The "].iter().find(|a| surface.starts_with(*a) && surface.len() > a.len()).map_or(0, |a| a.len());
    (Span::new(span.start + start, span.end), kind)
}

/// A copy of an ASCII text with its first line and every third line in capitals, as headlines and datelines are
/// written: the same names at the same offsets.
fn capitals_copy(text: &str) -> Option<String> {
    text.is_ascii().then(|| {
        let lines: Vec<String> = text
            .split('\n')
            .enumerate()
            .map(|(i, line)| if i % 3 == 0 { line.to_ascii_uppercase() } else { line.to_string() })
            .collect();
        lines.join("\n")
    })
}

fn read_lines(path: &str) -> Vec<Value> {
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    data.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

fn main() {
    let mut options: HashMap<String, String> = HashMap::new();
    let mut silver = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.strip_prefix("--") {
            Some(name) => {
                options.insert(name.to_string(), args.next().unwrap_or_default());
            }
            None => silver.push(arg),
        }
    }
    let option = |name: &str| options.get(name).cloned();
    let Some(out) = option("out") else {
        eprintln!("usage: train-ner --out FILE [--epochs N] [--fold K/N] [--gold EXPORT.jsonl] SILVER.jsonl");
        std::process::exit(2);
    };
    let epochs = option("epochs").and_then(|e| e.parse().ok()).unwrap_or(6);
    let fold = option("fold").and_then(|f| {
        let (k, n) = f.split_once('/')?;
        Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?.max(1)))
    });

    let mut gold: HashMap<String, (usize, Vec<(Span, EntityKind)>)> = HashMap::new();
    if let Some(path) = option("gold") {
        for (index, doc) in read_lines(&path).iter().enumerate() {
            let (Some(id), Some(text)) = (doc["id"].as_str(), doc["text"].as_str()) else { continue };
            gold.insert(id.to_string(), (index, names(&doc["gold"], text)));
        }
    }
    let mut documents = Vec::new();
    for path in &silver {
        for doc in read_lines(path) {
            let (Some(id), Some(text)) = (doc["id"].as_str(), doc["text"].as_str()) else { continue };
            let mut labelled = names(&doc["names"], text);
            if let Some((index, names)) = gold.get(id).filter(|_| doc["source"] == "meantime") {
                if fold.is_some_and(|(k, n)| index % n == k) {
                    continue;
                }
                labelled.retain(|(s, _)| !names.iter().any(|(g, _)| g.overlaps(*s)));
                labelled.extend(names.iter().copied());
            }
            let labelled: Vec<_> = labelled.into_iter().map(|n| without_article(text, n)).collect();
            if let Some(shouted) = capitals_copy(text) {
                documents.push(Labelled { text: shouted, names: labelled.clone() });
            }
            documents.push(Labelled { text: text.to_string(), names: labelled });
        }
    }
    let tagger = Tagger::train(&documents, epochs, 0x5eed);
    let bytes = tagger.to_bytes(PRUNE);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    }
    println!("trained on {} documents, {epochs} epochs: {} bytes → {out}", documents.len(), bytes.len());
}

//! Scores the recogniser on MEANTIME (CAT XML): span and type precision, recall and F1 over named mentions
//! (`syntactic_type="NAM"`), and throughput on one core.
//!
//! Usage: `eval-entities [--errors] [MEANTIME_DIR]` (default: the English intra-document annotation beside the
//! repository); `--errors` lists the gold mentions missed or typed otherwise, and the
//! predictions that overlap no gold mention.
//! MEANTIME annotates the entities of selected events only, so its recall says more than its precision.
//! Type mapping: PER → person, ORG → organization, LOC → place, PRO/FIN/MIX → other. Predicted groups and events
//! have no MEANTIME type and are left out of the scoring.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chronicle_entities::Recognizer;
use chronicle_model::{EntityKind, Span};

const DEFAULT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime/intra-doc_annotation");

/// One MEANTIME document, rebuilt as text: tokens joined by spaces, sentences by line breaks.
struct Document {
    text: String,
    sentences: Vec<Span>,
    tokens: usize,
    gold: Vec<(Span, EntityKind)>,
}

/// The attribute `name` of a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The opening tags and bodies of the elements called `name`.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name} ");
    let close = format!("</{name}>");
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let (body, next) = if tag.ends_with('/') {
            ("", tag_end + 1)
        } else {
            match after.find(&close) {
                Some(end) => (&after[tag_end + 1..end], end + close.len()),
                None => ("", tag_end + 1),
            }
        };
        found.push((tag, body));
        rest = &after[next..];
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn kind_of(meantime_type: &str) -> Option<EntityKind> {
    match meantime_type {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Place),
        "PRO" | "FIN" | "MIX" => Some(EntityKind::Other),
        _ => None,
    }
}

fn parse(xml: &str) -> Document {
    let mut text = String::new();
    let mut sentences: Vec<Span> = Vec::new();
    let mut offsets: HashMap<&str, Span> = HashMap::new();
    let mut sentence = None;
    for (tag, body) in elements(xml, "token") {
        let (Some(id), Some(number)) = (attribute(tag, "t_id"), attribute(tag, "sentence")) else { continue };
        if sentence != Some(number) {
            if let Some(last) = sentences.last_mut() {
                last.end = text.len();
                text.push('\n');
            }
            sentences.push(Span::new(text.len(), text.len()));
            sentence = Some(number);
        } else {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&unescape(body));
        offsets.insert(id, Span::new(start, text.len()));
    }
    if let Some(last) = sentences.last_mut() {
        last.end = text.len();
    }
    let types: HashMap<&str, &str> = elements(xml, "ENTITY")
        .into_iter()
        .filter_map(|(tag, _)| Some((attribute(tag, "m_id")?, attribute(tag, "ent_type")?)))
        .collect();
    let mut refers: HashMap<&str, &str> = HashMap::new();
    for (_, body) in elements(xml, "REFERS_TO") {
        let target = elements(body, "target").first().and_then(|(tag, _)| attribute(tag, "m_id"));
        for (tag, _) in elements(body, "source") {
            if let (Some(source), Some(target)) = (attribute(tag, "m_id"), target) {
                refers.insert(source, target);
            }
        }
    }
    let mut gold = Vec::new();
    for (tag, body) in elements(xml, "ENTITY_MENTION") {
        if attribute(tag, "syntactic_type") != Some("NAM") {
            continue;
        }
        let kind =
            attribute(tag, "m_id").and_then(|m| refers.get(m)).and_then(|e| types.get(e)).and_then(|t| kind_of(t));
        let spans: Vec<Span> = elements(body, "token_anchor")
            .iter()
            .filter_map(|(t, _)| offsets.get(attribute(t, "t_id")?))
            .copied()
            .collect();
        if let (Some(kind), Some(start), Some(end)) =
            (kind, spans.iter().map(|s| s.start).min(), spans.iter().map(|s| s.end).max())
        {
            gold.push((Span::new(start, end), kind));
        }
    }
    Document { tokens: offsets.len(), text, sentences, gold }
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn line(&self, label: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("{label:<28} P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {}, fp {}, fn {})", self.tp, self.fp, self.fn_)
    }
}

/// Matches predictions to gold one to one: exactly or by overlap, with or without the type.
fn score(gold: &[(Span, EntityKind)], predicted: &[(Span, EntityKind)], exact: bool, typed: bool) -> Score {
    let mut used = vec![false; gold.len()];
    let mut s = Score::default();
    for (span, kind) in predicted {
        let hit = gold.iter().enumerate().position(|(i, (g, k))| {
            !used[i] && (!typed || k == kind) && if exact { g == span } else { g.overlaps(*span) }
        });
        match hit {
            Some(i) => {
                used[i] = true;
                s.tp += 1;
            }
            None => s.fp += 1,
        }
    }
    s.fn_ = gold.len() - s.tp;
    s
}

fn add(a: Score, b: Score) -> Score {
    Score { tp: a.tp + b.tp, fp: a.fp + b.fp, fn_: a.fn_ + b.fn_ }
}

fn documents(dir: &Path) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "xml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|xml| parse(&xml)).collect()
}

/// Gold mentions no prediction overlaps, or only with another type.
fn print_errors(doc: &Document, predicted: &[(Span, EntityKind)]) {
    for (span, kind) in &doc.gold {
        let overlapping: Vec<String> = predicted
            .iter()
            .filter(|(p, _)| p.overlaps(*span))
            .map(|(p, k)| format!("{}:{}", p.slice(&doc.text), k.as_str()))
            .collect();
        if !predicted.iter().any(|(p, k)| p.overlaps(*span) && k == kind) {
            println!("miss {}:{}\t{}", span.slice(&doc.text), kind.as_str(), overlapping.join(" | "));
        }
    }
    for (span, kind) in predicted.iter().filter(|(p, _)| !doc.gold.iter().any(|(g, _)| g.overlaps(*p))) {
        println!("extra {}:{}", span.slice(&doc.text), kind.as_str());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let dir = args.iter().find(|a| !a.starts_with("--")).map_or_else(|| PathBuf::from(DEFAULT_DIR), PathBuf::from);
    let docs = documents(&dir);
    if docs.is_empty() {
        eprintln!("no MEANTIME documents under {}", dir.display());
        std::process::exit(1);
    }
    let loading = Instant::now();
    let recognizer = Recognizer::new();
    let load_seconds = loading.elapsed().as_secs_f64();
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    for doc in &docs {
        let predicted: Vec<(Span, EntityKind)> = recognizer
            .recognize(&doc.text, &doc.sentences, None)
            .into_iter()
            .filter(|m| kinds.contains(&m.kind))
            .map(|m| (m.span, m.kind))
            .collect();
        if errors {
            print_errors(doc, &predicted);
        }
        for (label, exact, typed) in [
            ("exact span + type", true, true),
            ("exact span", true, false),
            ("overlapping span + type", false, true),
            ("overlapping span", false, false),
        ] {
            let s = score(&doc.gold, &predicted, exact, typed);
            totals.insert(label, add(totals.get(label).copied().unwrap_or_default(), s));
        }
        for kind in kinds {
            let g: Vec<_> = doc.gold.iter().filter(|(_, k)| *k == kind).copied().collect();
            let p: Vec<_> = predicted.iter().filter(|(_, k)| *k == kind).copied().collect();
            let label = match kind {
                EntityKind::Person => "  person (overlap)",
                EntityKind::Organization => "  organization (overlap)",
                EntityKind::Place => "  place (overlap)",
                _ => "  other (overlap)",
            };
            totals.insert(label, add(totals.get(label).copied().unwrap_or_default(), score(&g, &p, false, true)));
        }
    }
    let gold: usize = docs.iter().map(|d| d.gold.len()).sum();
    println!("knowledge base loaded in {load_seconds:.3} s");
    println!("MEANTIME {}: {} documents, {} named gold mentions", dir.display(), docs.len(), gold);
    for label in ["exact span + type", "exact span", "overlapping span + type", "overlapping span"] {
        println!("{}", totals[label].line(label));
    }
    for (label, s) in totals.iter().filter(|(l, _)| l.starts_with("  ")) {
        println!("{}", s.line(label));
    }

    let tokens: usize = docs.iter().map(|d| d.tokens).sum();
    let rounds = 20;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for doc in &docs {
            found += recognizer.recognize(&doc.text, &doc.sentences, None).len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "throughput: {:.0} tokens/s ({} tokens x {rounds} rounds in {seconds:.2} s, {found} mentions, one thread)",
        (tokens * rounds) as f64 / seconds,
        tokens
    );
}

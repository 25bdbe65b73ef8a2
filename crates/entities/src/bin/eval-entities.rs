//! Scores the recogniser on MEANTIME (CAT XML) beside spaCy's en_core_web_sm: span and type precision, recall
//! and F1 over named mentions (`syntactic_type="NAM"`), linking accuracy, and throughput on one core.
//!
//! Usage: `eval-entities [--errors] [--tagger-only] [--capitals] [--spacy SILVER.jsonl] [--folds DIR]
//! [--export FILE --source NAME] [DIR]`
//! (DIR: the English intra-document annotation beside the repository by default).
//! - `--errors` lists the gold mentions missed or typed otherwise, and the predictions that overlap no gold mention.
//! - `--spacy` scores spaCy's names for the same texts too (the lines of source `meantime` that
//!   `scripts/ner/silver.py` writes).
//! - `--folds DIR` tests every document with the tagger trained without its fold (`DIR/fold{K}.bin`, document
//!   index K modulo the number of files), not with the shipped weights.
//! - `--tagger-only` scores the statistical tagger alone, without the rules and the knowledge base.
//! - `--capitals` scores the documents written in capitals (ASCII letters upper-cased, offsets unchanged), as
//!   headlines and wire copy are: a check of what the tagger makes of names without their case.
//! - `--export FILE` writes the documents as JSON lines (`source`, `id`, `text`, `gold`) and exits.
//!
//! MEANTIME annotates the entities of selected events only, so its recall says more than its precision.
//! Type mapping: PER → person, ORG → organization, LOC → place, PRO/FIN/MIX → other. Predicted groups and events
//! have no MEANTIME type and are left out of the scoring. Linking accuracy: of the gold mentions whose DBpedia
//! title is a knowledge-base name, the share that a prediction overlaps with that entity's id.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use chronicle_entities::meantime::{documents, Document};
use chronicle_entities::{Recognizer, Tagger};
use chronicle_model::{EntityKind, Span};
use serde_json::{json, Value};

const DEFAULT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime/intra-doc_annotation");
const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];

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
        format!("{label:<40} P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {}, fp {}, fn {})", self.tp, self.fp, self.fn_)
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

/// Scores of one system over all documents, by label.
#[derive(Default)]
struct Totals(BTreeMap<&'static str, Score>);

impl Totals {
    fn add(&mut self, label: &'static str, s: Score) {
        let t = self.0.entry(label).or_default();
        *t = add(*t, s);
    }

    fn document(&mut self, text: &str, gold: &[(Span, EntityKind)], predicted: &[(Span, EntityKind)]) {
        let bare: Vec<(Span, EntityKind)> = gold.iter().map(|&(s, k)| (without_article(text, s), k)).collect();
        self.add("exact span + type, gold without article", score(&bare, predicted, true, true));
        for (label, exact, typed) in [
            ("exact span + type", true, true),
            ("exact span", true, false),
            ("overlapping span + type", false, true),
            ("overlapping span", false, false),
        ] {
            self.add(label, score(gold, predicted, exact, typed));
        }
        for kind in KINDS {
            let g: Vec<_> = gold.iter().filter(|(_, k)| *k == kind).copied().collect();
            let p: Vec<_> = predicted.iter().filter(|(_, k)| *k == kind).copied().collect();
            let label = match kind {
                EntityKind::Person => "  person (overlap)",
                EntityKind::Organization => "  organization (overlap)",
                EntityKind::Place => "  place (overlap)",
                _ => "  other (overlap)",
            };
            self.add(label, score(&g, &p, false, true));
        }
    }

    fn print(&self, system: &str) {
        println!("{system}:");
        for label in [
            "exact span + type",
            "exact span + type, gold without article",
            "exact span",
            "overlapping span + type",
            "overlapping span",
        ] {
            println!("  {}", self.0.get(label).copied().unwrap_or_default().line(label));
        }
        for (label, s) in self.0.iter().filter(|(l, _)| l.starts_with("  ")) {
            println!("  {}", s.line(label));
        }
    }
}

/// A gold span without a leading article, as CoNLL-style annotation writes names ("the iPhone" → "iPhone").
fn without_article(text: &str, span: Span) -> Span {
    let surface = span.slice(text);
    let article = surface.len() > 4 && surface.get(..4).is_some_and(|a| a.eq_ignore_ascii_case("the "));
    Span::new(span.start + if article { 4 } else { 0 }, span.end)
}

fn kind_named(name: &str) -> Option<EntityKind> {
    KINDS.into_iter().find(|k| k.as_str() == name)
}

/// spaCy's names of the MEANTIME documents, by document id.
fn spacy_names(path: &str) -> HashMap<String, Vec<(Span, EntityKind)>> {
    let data = std::fs::read_to_string(path).unwrap_or_default();
    let mut names = HashMap::new();
    for doc in data.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()) {
        let (Some(id), Some(list)) = (doc["id"].as_str(), doc["names"].as_array()) else { continue };
        if doc["source"] != "meantime" {
            continue;
        }
        let found = list
            .iter()
            .filter_map(|n| {
                Some((Span::new(n[0].as_u64()? as usize, n[1].as_u64()? as usize), kind_named(n[2].as_str()?)?))
            })
            .collect();
        names.insert(id.to_string(), found);
    }
    names
}

/// The taggers trained without each fold, in fold order.
fn fold_taggers(dir: &str) -> Vec<&'static Tagger> {
    (0..)
        .map_while(|k| std::fs::read(format!("{dir}/fold{k}.bin")).ok())
        .filter_map(|bytes| Tagger::from_bytes(&bytes))
        .map(|t| &*Box::leak(Box::new(t)))
        .collect()
}

fn export(docs: &[Document], source: &str, path: &str) {
    let lines: Vec<String> = docs
        .iter()
        .map(|d| {
            let gold: Vec<Value> = d.gold.iter().map(|(s, k)| json!([s.start, s.end, k.as_str()])).collect();
            json!({"source": source, "id": d.id, "text": d.text, "gold": gold}).to_string()
        })
        .collect();
    if let Err(e) = std::fs::write(path, lines.join("\n") + "\n") {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
    println!("exported {} documents to {path}", docs.len());
}

fn main() {
    let mut options: HashMap<String, String> = HashMap::new();
    let mut errors = false;
    let mut tagger_only = false;
    let mut capitals = false;
    let mut dir = PathBuf::from(DEFAULT_DIR);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.strip_prefix("--") {
            Some("errors") => errors = true,
            Some("tagger-only") => tagger_only = true,
            Some("capitals") => capitals = true,
            Some(name) => {
                options.insert(name.to_string(), args.next().unwrap_or_default());
            }
            None => dir = PathBuf::from(arg),
        }
    }
    let mut docs = documents(&dir);
    if capitals {
        docs.iter_mut().for_each(|d| d.text.make_ascii_uppercase());
    }
    if docs.is_empty() {
        eprintln!("no MEANTIME documents under {}", dir.display());
        std::process::exit(1);
    }
    if let Some(path) = options.get("export") {
        export(&docs, options.get("source").map_or("meantime", String::as_str), path);
        return;
    }
    let loading = Instant::now();
    let shipped = Recognizer::new();
    let load_seconds = loading.elapsed().as_secs_f64();
    let folds = options.get("folds").map(|d| fold_taggers(d)).unwrap_or_default();
    let recognizers: Vec<Recognizer> = folds.iter().map(|t| Recognizer::with_tagger(t)).collect();
    let spacy = options.get("spacy").map(|p| spacy_names(p));

    let (mut ours, mut theirs) = (Totals::default(), Totals::default());
    let (mut linkable, mut linked) = (0, 0);
    for (i, doc) in docs.iter().enumerate() {
        let recognizer = recognizers.get(i % recognizers.len().max(1)).unwrap_or(&shipped);
        let mentions = recognizer.recognize(&doc.text, &doc.sentences, None);
        let mut predicted: Vec<(Span, EntityKind)> =
            mentions.iter().filter(|m| KINDS.contains(&m.kind)).map(|m| (m.span, m.kind)).collect();
        if tagger_only {
            let tagger = folds.get(i % folds.len().max(1)).copied().unwrap_or(Tagger::shipped());
            predicted = tagger.find(&doc.text).into_iter().filter(|(_, k)| KINDS.contains(k)).collect();
        }
        if errors {
            print_errors(doc, &predicted);
        }
        ours.document(&doc.text, &doc.gold, &predicted);
        if let Some(names) = spacy.as_ref().and_then(|s| s.get(&doc.id)) {
            theirs.document(&doc.text, &doc.gold, names);
        }
        for (span, title) in &doc.links {
            let Some(id) = recognizer.known_id(title) else { continue };
            linkable += 1;
            linked += usize::from(mentions.iter().any(|m| m.span.overlaps(*span) && m.id == id));
        }
    }
    let gold: usize = docs.iter().map(|d| d.gold.len()).sum();
    println!("knowledge base and tagger loaded in {load_seconds:.3} s");
    println!("MEANTIME {}: {} documents, {} named gold mentions", dir.display(), docs.len(), gold);
    let mode = if recognizers.is_empty() {
        "shipped weights".to_string()
    } else {
        format!("{}-fold: each document tested with the tagger trained without its fold", recognizers.len())
    };
    ours.print(&format!("chronicle ({mode})"));
    if spacy.is_some() {
        theirs.print("spaCy en_core_web_sm (same texts)");
    }
    println!(
        "linking accuracy: {:.3} ({linked} of {linkable} gold mentions whose DBpedia title is a KB name)",
        linked as f64 / linkable.max(1) as f64
    );

    let tokens: usize = docs.iter().map(|d| d.tokens).sum();
    let rounds = 20;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for doc in &docs {
            found += shipped.recognize(&doc.text, &doc.sentences, None).len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "throughput: {:.0} tokens/s ({} tokens x {rounds} rounds in {seconds:.2} s, {found} mentions, one thread)",
        (tokens * rounds) as f64 / seconds,
        tokens
    );
}

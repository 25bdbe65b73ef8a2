//! Scores main-text extraction on the article-extraction benchmark pages (aeb-dev) and prints precision, recall,
//! F1, pages per second (extraction alone, after reading and decoding) and the share of pages given a publication date.
//!
//! Usage: `cargo run --release -p chronicle-extract --example eval-extract [AEB_DIR] [--verbose]`

use std::path::{Path, PathBuf};
use std::time::Instant;

use chronicle_extract::extract_html;
use chronicle_extract::score::{mean_precision_recall_f1, precision_recall_f1, Counts};
use chronicle_source::{read, Input};

const DEFAULT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/aeb-dev");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|arg| arg == "--verbose");
    let dir = args.iter().find(|arg| !arg.starts_with("--")).map_or_else(|| PathBuf::from(DEFAULT_DIR), PathBuf::from);
    let truth = match ground_truth(&dir) {
        Ok(truth) => truth,
        Err(error) => {
            eprintln!("cannot read {}: {error}", dir.display());
            std::process::exit(1);
        }
    };
    let mut pages = Vec::new();
    let mut dated = 0;
    let mut extracting = std::time::Duration::ZERO;
    for (id, body) in &truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let Some(Ok(doc)) = read(&Input::File(path.clone())).next() else {
            eprintln!("cannot read {}", path.display());
            continue;
        };
        let started = Instant::now();
        let extracted = extract_html(&doc.content, None);
        extracting += started.elapsed();
        let counts = Counts::of(body, &extracted.text);
        if verbose {
            println!("{id:.12} tp {:.3} fp {:.3} fn {:.3} {:?}", counts.tp, counts.fp, counts.fn_, extracted.published);
        }
        dated += usize::from(extracted.published.is_some());
        pages.push(counts);
    }
    let seconds = extracting.as_secs_f64();
    let (precision, recall, f1) = precision_recall_f1(&pages);
    println!(
        "pages {}  precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}  (benchmark: summed counts)",
        pages.len()
    );
    let (precision, recall, f1) = mean_precision_recall_f1(&pages);
    println!("pages {}  precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}  (per-page means)", pages.len());
    println!(
        "pages/s {:.1}  dated {:.1}%",
        pages.len() as f64 / seconds,
        100.0 * dated as f64 / pages.len().max(1) as f64
    );
}

/// The pages' ids and true article bodies, sorted by id.
fn ground_truth(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let json = std::fs::read_to_string(dir.join("ground-truth.json")).map_err(|error| error.to_string())?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|error| error.to_string())?;
    let object = value.as_object().ok_or("ground truth is not an object")?;
    let mut truth: Vec<(String, String)> = object
        .iter()
        .filter_map(|(id, page)| Some((id.clone(), page.get("articleBody")?.as_str()?.to_string())))
        .collect();
    truth.sort();
    Ok(truth)
}

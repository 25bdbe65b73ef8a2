//! Scores main-text extraction on the article-extraction benchmark pages (aeb-dev): precision, recall, F1, pages
//! per second (extraction alone, after reading and decoding; the median of several passes, per second of wall-clock
//! time and per second of CPU time, which a busy machine disturbs less) and the share of pages given a publication
//! date; the speed is also measured on the multilingual fixture pages. With `--compare FILE` (written by
//! `eval/extract/trafilatura_run.py`, see `eval/extract/compare.sh`) trafilatura's results are scored the same way
//! and printed beside ours.
//!
//! Usage: `cargo run --release -p chronicle-extract --example eval-extract [AEB_DIR] [--verbose] [--passes N]
//! [--compare FILE]`

use std::path::{Path, PathBuf};
use std::time::Instant;

use chronicle_extract::extract_html;
use chronicle_extract::score::{mean_precision_recall_f1, precision_recall_f1, Counts};
use chronicle_source::{read, Input};
use serde_json::Value;

const DEFAULT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/aeb-dev");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// One tool's results: scores, dating and speed.
struct Row {
    name: String,
    pages: Vec<Counts>,
    dated: usize,
    pages_per_second: f64,
    pages_per_cpu_second: f64,
    fixture_pages_per_second: f64,
}

/// Seconds of wall-clock time and of CPU time.
#[derive(Clone, Copy)]
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    fn start() -> Self {
        Clock { wall: Instant::now(), cpu: cpu_seconds() }
    }

    fn elapsed(self) -> (f64, f64) {
        let cpu = cpu_seconds().zip(self.cpu).map_or(f64::NAN, |(now, then)| now - then);
        (self.wall.elapsed().as_secs_f64(), cpu)
    }
}

/// The CPU time of this thread so far (Linux: `/proc/thread-self/schedstat`, nanoseconds on the CPU).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(stat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str| args.iter().position(|arg| arg == name).and_then(|at| args.get(at + 1));
    let verbose = args.iter().any(|arg| arg == "--verbose");
    let passes: usize = option("--passes").and_then(|passes| passes.parse().ok()).unwrap_or(3).max(1);
    let values: Vec<&String> = [option("--passes"), option("--compare")].into_iter().flatten().collect();
    let dir = args
        .iter()
        .find(|arg| !arg.starts_with("--") && !values.contains(arg))
        .map_or_else(|| PathBuf::from(DEFAULT_DIR), PathBuf::from);
    let result = ground_truth(&dir).and_then(|truth| {
        let ours = evaluate_ours(&dir, &truth, passes, verbose)?;
        let theirs = option("--compare").map(|file| evaluate_trafilatura(Path::new(file), &truth)).transpose()?;
        Ok((ours, theirs))
    });
    match result {
        Ok((ours, theirs)) => print_table(&[Some(ours), theirs].into_iter().flatten().collect::<Vec<_>>(), passes),
        Err(error) => {
            eprintln!("cannot evaluate on {}: {error}", dir.display());
            std::process::exit(1);
        }
    }
}

fn evaluate_ours(dir: &Path, truth: &[(String, String)], passes: usize, verbose: bool) -> Result<Row, String> {
    let html_dir = dir.join("html");
    let pages = load(truth.iter().map(|(id, _)| html_dir.join(format!("{id}.html.gz"))))?;
    let fixtures = load(fixture_paths()?)?;
    let extracted: Vec<_> = pages.iter().map(|html| extract_html(html, None)).collect();
    let mut counts = Vec::new();
    for ((id, body), extracted) in truth.iter().zip(&extracted) {
        let page = Counts::of(body, &extracted.text);
        if verbose {
            println!("{id:.12} tp {:.3} fp {:.3} fn {:.3} {:?}", page.tp, page.fp, page.fn_, extracted.published);
        }
        counts.push(page);
    }
    let time = |pages: &[String]| {
        let (wall, cpu): (Vec<f64>, Vec<f64>) = (0..passes)
            .map(|_| {
                let clock = Clock::start();
                pages.iter().for_each(|html| drop(extract_html(html, None)));
                clock.elapsed()
            })
            .unzip();
        (pages.len() as f64 / median(wall), pages.len() as f64 / median(cpu))
    };
    let (pages_per_second, pages_per_cpu_second) = time(&pages);
    Ok(Row {
        name: "chronicle".to_string(),
        dated: extracted.iter().filter(|extracted| extracted.published.is_some()).count(),
        pages: counts,
        pages_per_second,
        pages_per_cpu_second,
        fixture_pages_per_second: time(&fixtures).0,
    })
}

fn evaluate_trafilatura(file: &Path, truth: &[(String, String)]) -> Result<Row, String> {
    let report: Value = serde_json::from_str(&std::fs::read_to_string(file).map_err(|e| e.to_string())?)
        .map_err(|error| error.to_string())?;
    let page = |id: &str| &report["pages"][id];
    let pages = truth.iter().map(|(id, body)| Counts::of(body, page(id)["text"].as_str().unwrap_or(""))).collect();
    let dated = truth.iter().filter(|(id, _)| page(id)["date"].is_string()).count();
    let speed = |seconds: &str, count: usize| {
        let seconds: Vec<f64> = report[seconds].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        count as f64 / median(seconds)
    };
    Ok(Row {
        name: format!("trafilatura {}", report["version"].as_str().unwrap_or("?")),
        pages,
        dated,
        pages_per_second: speed("seconds", truth.len()),
        pages_per_cpu_second: speed("cpu_seconds", truth.len()),
        fixture_pages_per_second: speed("fixture_seconds", report["fixture_pages"].as_u64().unwrap_or(0) as usize),
    })
}

fn print_table(rows: &[Row], passes: usize) {
    println!("pages {}, median of {passes} passes", rows.first().map_or(0, |row| row.pages.len()));
    println!(
        "{:<20} {:>6} {:>9} {:>6} {:>8} {:>7} {:>8} {:>12} {:>16}",
        "extractor", "F1", "precision", "recall", "mean F1", "dated", "pages/s", "pages/CPU-s", "fixture pages/s"
    );
    for row in rows {
        let (precision, recall, f1) = precision_recall_f1(&row.pages);
        let (_, _, mean_f1) = mean_precision_recall_f1(&row.pages);
        let dated = 100.0 * row.dated as f64 / row.pages.len().max(1) as f64;
        println!(
            "{:<20} {f1:>6.3} {precision:>9.3} {recall:>6.3} {mean_f1:>8.3} {dated:>6.1}% {:>8.1} {:>12.1} {:>16.1}",
            row.name, row.pages_per_second, row.pages_per_cpu_second, row.fixture_pages_per_second
        );
    }
    if let [ours, theirs] = rows {
        let ratio = |ours: f64, theirs: f64| ours / theirs;
        println!(
            "speed ratio: {:.1}x per wall-clock second, {:.1}x per CPU second",
            ratio(ours.pages_per_second, theirs.pages_per_second),
            ratio(ours.pages_per_cpu_second, theirs.pages_per_cpu_second)
        );
    }
}

/// Reads and decodes pages, before any timing.
fn load(paths: impl Iterator<Item = PathBuf>) -> Result<Vec<String>, String> {
    paths
        .map(|path| match read(&Input::File(path.clone())).next() {
            Some(Ok(doc)) => Ok(doc.content),
            _ => Err(format!("cannot read {}", path.display())),
        })
        .collect()
}

fn fixture_paths() -> Result<impl Iterator<Item = PathBuf>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .map_err(|error| error.to_string())?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "html"))
        .collect();
    paths.sort();
    Ok(paths.into_iter())
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The pages' ids and true article bodies, sorted by id.
fn ground_truth(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let json = std::fs::read_to_string(dir.join("ground-truth.json")).map_err(|error| error.to_string())?;
    let value: Value = serde_json::from_str(&json).map_err(|error| error.to_string())?;
    let object = value.as_object().ok_or("ground truth is not an object")?;
    let mut truth: Vec<(String, String)> = object
        .iter()
        .filter_map(|(id, page)| Some((id.clone(), page.get("articleBody")?.as_str()?.to_string())))
        .collect();
    truth.sort();
    Ok(truth)
}

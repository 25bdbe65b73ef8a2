//! Benchmark of `find_reuse` over one derive window: reads the first N documents of a JSONL stream with
//! chronicle-source, extracts and analyses them (in parallel, untimed) and unifies their entities as derive
//! does, then times `find_reuse` over them R times and prints the median wall-clock and process CPU seconds.
//! A fingerprint of the links (each article's links: other article, kind, shared fraction rounded to 1e-6,
//! passages) shows whether a change altered what dedup finds.
//!
//! Usage: `cargo run --release -p chronicle-dedup --example bench-dedup -- [STREAM.jsonl] [--articles N]
//! [--runs R]` (defaults: `target/stream-20000.jsonl`, 3,000 articles, 5 runs).

use std::error::Error;
use std::path::PathBuf;
use std::time::Instant;

use chronicle_analyze::{unify_entities, Analyzer};
use chronicle_dedup::{find_reuse, ReuseGraph};
use chronicle_model::{AnalyzedArticle, RawDocument, ReuseKind};
use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const USAGE: &str = "usage: bench-dedup [STREAM.jsonl] [--articles N] [--runs R]";

struct Options {
    stream: PathBuf,
    articles: usize,
    runs: usize,
}

fn main() {
    if let Err(error) = parse_options(std::env::args().skip(1)).and_then(|options| run(&options)) {
        eprintln!("bench-dedup: {error}");
        std::process::exit(1);
    }
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options> {
    let mut options = Options { stream: PathBuf::from("target/stream-20000.jsonl"), articles: 3_000, runs: 5 };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--articles" => options.articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?,
            "--runs" => options.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n{USAGE}").into()),
            _ => options.stream = PathBuf::from(arg),
        }
    }
    if options.articles == 0 || options.runs == 0 {
        return Err(format!("--articles and --runs must be positive\n{USAGE}").into());
    }
    Ok(options)
}

fn run(options: &Options) -> Result<()> {
    let articles = load(options)?;
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    let mut graph = ReuseGraph::default();
    for _ in 0..options.runs {
        let (start, cpu_start) = (Instant::now(), process_cpu_seconds());
        graph = find_reuse(&articles);
        walls.push(start.elapsed().as_secs_f64());
        cpus.push(process_cpu_seconds() - cpu_start);
    }
    walls.sort_by(f64::total_cmp);
    cpus.sort_by(f64::total_cmp);
    let (wall, cpu) = (walls[walls.len() / 2], cpus[cpus.len() / 2]);
    let mut kinds = std::collections::BTreeMap::new();
    for item in &articles {
        for link in graph.links(&item.article.id) {
            *kinds.entry(kind_name(link.kind)).or_insert(0) += 1;
        }
    }
    println!(
        "{} articles from {}, {} threads, {} runs: find_reuse median {wall:.3} s wall (min {:.3} s), {cpu:.3} s CPU",
        articles.len(),
        options.stream.display(),
        rayon::current_num_threads(),
        options.runs,
        walls[0],
    );
    println!("links: {kinds:?}");
    println!("links fingerprint: {:016x}", fingerprint(&articles, &graph));
    Ok(())
}

/// The CPU time all threads of this process have used so far (0 where the system does not tell it).
fn process_cpu_seconds() -> f64 {
    let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `time` is a valid timespec for clock_gettime to write into.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut time) };
    if status == 0 {
        time.tv_sec as f64 + time.tv_nsec as f64 / 1e9
    } else {
        0.0
    }
}

/// The first N documents of the stream, extracted, analysed and with entities unified, as a derive window.
fn load(options: &Options) -> Result<Vec<AnalyzedArticle>> {
    let (inputs, _) = chronicle_source::discover(std::slice::from_ref(&options.stream));
    let docs = inputs.iter().flat_map(chronicle_source::read).filter_map(|doc| doc.ok());
    let docs: Vec<RawDocument> = docs.take(options.articles).collect();
    if docs.is_empty() {
        return Err(format!("no documents in {}", options.stream.display()).into());
    }
    let analyzer = Analyzer::new();
    let mut articles: Vec<AnalyzedArticle> = docs
        .into_par_iter()
        .filter_map(|doc| chronicle_extract::extract(doc).ok())
        .map(|article| AnalyzedArticle { analysis: analyzer.analyze(&article), article })
        .collect();
    unify_entities(&mut articles);
    Ok(articles)
}

/// A hash of every article's links in article order: equal links give equal fingerprints.
fn fingerprint(articles: &[AnalyzedArticle], graph: &ReuseGraph) -> u64 {
    let mut hasher = Xxh3::new();
    for item in articles {
        hasher.update(item.article.id.as_bytes());
        for link in graph.links(&item.article.id) {
            let kind = kind_name(link.kind);
            let shared = (link.shared * 1e6).round() as u64;
            hasher.update(format!("|{} {kind} {shared}", link.article).as_bytes());
            for passage in &link.passages {
                let (a, b) = (passage.span, passage.other_span);
                hasher.update(format!(" {}-{}:{}-{}", a.start, a.end, b.start, b.end).as_bytes());
            }
        }
        hasher.update(b"\n");
    }
    hasher.digest()
}

fn kind_name(kind: ReuseKind) -> &'static str {
    match kind {
        ReuseKind::Copy => "copy",
        ReuseKind::Reuse => "reuse",
        ReuseKind::Paraphrase => "paraphrase",
    }
}

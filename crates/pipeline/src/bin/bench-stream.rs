//! Streaming ingest benchmark: ingests the first N articles of a JSONL stream (made by `scripts/make_stream.py`)
//! into a fresh SQLite store, for each N, R times, and prints a markdown table of median time, articles/s and peak
//! RSS, and the time ratio of the largest to the smallest N. With `--derive`, also times one more derivation of
//! events, stories and the timeline over the last store of each N. When the stream's gold file lies beside it
//! (`<stem>.gold.tsv`, written by the same script), it also scores the events against the gold stories (B³ and
//! pairwise F1).
//!
//! Usage: `bench-stream [STREAM.jsonl] [--runs R] [--sizes 10000,20000] [--derive]`
//! (defaults: `target/stream-20000.jsonl`, 3 runs, 10,000 and 20,000 articles). Run it with `--release`.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use std::collections::HashMap;

use chronicle_cluster::score::{score, Scores};
use chronicle_pipeline::{derive, Pipeline};
use chronicle_source::Input;
use chronicle_store::{SqliteStore, Store};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const USAGE: &str = "usage: bench-stream [STREAM.jsonl] [--runs R] [--sizes 10000,20000] [--derive]";

/// What to measure.
struct Options {
    stream: PathBuf,
    runs: usize,
    sizes: Vec<usize>,
    derive: bool,
}

/// The measures for one stream prefix.
struct Measure {
    articles: usize,
    seconds: Vec<f64>,
    /// Seconds of one more derivation after the last run, if asked for.
    derive_seconds: Option<f64>,
    events: usize,
    /// The events of the last run scored against the gold stories, if the stream has them.
    scores: Option<Scores>,
    peak_rss_kib: Option<u64>,
}

fn main() {
    if let Err(error) = parse_options(std::env::args().skip(1)).and_then(|options| run(&options)) {
        eprintln!("bench-stream: {error}");
        std::process::exit(1);
    }
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options> {
    let mut options = Options {
        stream: PathBuf::from("target/stream-20000.jsonl"),
        runs: 3,
        sizes: vec![10_000, 20_000],
        derive: false,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--runs" => options.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--sizes" => {
                options.sizes = value()?
                    .split(',')
                    .map(|size| size.trim().parse::<usize>())
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|e| format!("--sizes: {e}"))?
            }
            "--derive" => options.derive = true,
            "-h" | "--help" => return Err(USAGE.into()),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n{USAGE}").into()),
            _ => options.stream = PathBuf::from(arg),
        }
    }
    if options.runs == 0 || options.sizes.is_empty() || options.sizes.contains(&0) {
        return Err(format!("runs and sizes must be positive\n{USAGE}").into());
    }
    Ok(options)
}

fn run(options: &Options) -> Result<()> {
    let scratch = ScratchDir::create()?;
    let prefixes = write_prefixes(options, scratch.path())?;
    let gold = read_gold(&options.stream)?;
    let started = Instant::now();
    let pipeline = Pipeline::new();
    let setup = started.elapsed().as_secs_f64();
    let mut measures = Vec::new();
    for (&size, prefix) in options.sizes.iter().zip(&prefixes) {
        measures.push(measure(&pipeline, prefix, size, options, scratch.path(), &gold)?);
    }
    print_table(options, setup, &measures);
    Ok(())
}

/// Writes the first N lines of the stream to a file in `scratch`, for each size N, before anything is measured.
fn write_prefixes(options: &Options, scratch: &Path) -> Result<Vec<PathBuf>> {
    let text = fs::read_to_string(&options.stream).map_err(|e| format!("{}: {e}", options.stream.display()))?;
    let lines: Vec<&str> = text.lines().filter(|line| !line.trim().is_empty()).collect();
    let mut prefixes = Vec::new();
    for &size in &options.sizes {
        let head = lines
            .get(..size)
            .ok_or_else(|| format!("{} holds {} articles, fewer than {size}", options.stream.display(), lines.len()))?;
        let prefix = scratch.join(format!("stream-{size}.jsonl"));
        fs::write(&prefix, head.join("\n") + "\n")?;
        prefixes.push(prefix);
    }
    Ok(prefixes)
}

/// Ingests `stream` (holding `articles` articles) into a fresh store for each run; if asked, times one more
/// derivation over the last run's store.
fn measure(
    pipeline: &Pipeline,
    stream: &Path,
    articles: usize,
    options: &Options,
    scratch: &Path,
    gold: &HashMap<String, String>,
) -> Result<Measure> {
    let inputs = [Input::File(stream.to_path_buf())];
    let mut seconds = Vec::with_capacity(options.runs);
    let (mut derive_seconds, mut events, mut scores) = (None, 0, None);
    for run in 1..=options.runs {
        let db = scratch.join(format!("store-{articles}-{run}.db"));
        let mut store = SqliteStore::open(&db)?;
        let started = Instant::now();
        let report = pipeline.ingest(&inputs, &mut store, &mut |_progress| {})?;
        let elapsed = started.elapsed().as_secs_f64();
        seconds.push(elapsed);
        eprintln!(
            "{articles} articles, run {run}: {elapsed:.2} s, {} stored, {} failed, {} events",
            report.stored,
            report.failed.len(),
            report.events
        );
        if let Some(failure) = report.failed.first() {
            eprintln!("  first failure: {}: {}", failure.input, failure.reason);
        }
        events = report.events;
        if run == options.runs && options.derive {
            let started = Instant::now();
            derive(&mut store)?;
            derive_seconds = Some(started.elapsed().as_secs_f64());
        }
        if run == options.runs && !gold.is_empty() {
            let events = store.events()?;
            let predicted: HashMap<&str, String> =
                events.iter().flat_map(|e| e.articles.iter().map(|a| (a.as_str(), e.id.clone()))).collect();
            let gold: HashMap<&str, &str> = gold.iter().map(|(id, story)| (id.as_str(), story.as_str())).collect();
            scores = Some(score(&predicted, &gold));
        }
        drop(store);
        remove_store(&db);
    }
    Ok(Measure { articles, seconds, derive_seconds, events, scores, peak_rss_kib: peak_rss_kib() })
}

/// The gold story of each article, from `<stem>.gold.tsv` beside the stream (id, story, kind); empty if absent.
fn read_gold(stream: &Path) -> Result<HashMap<String, String>> {
    let path = stream.with_extension("gold.tsv");
    let Ok(text) = fs::read_to_string(&path) else { return Ok(HashMap::new()) };
    let mut gold = HashMap::new();
    for line in text.lines().skip(1) {
        let mut columns = line.split('\t');
        match (columns.next(), columns.next()) {
            (Some(id), Some(story)) => gold.insert(id.to_string(), story.to_string()),
            _ => return Err(format!("{}: not an id, story, kind line: {line:?}", path.display()).into()),
        };
    }
    Ok(gold)
}

fn print_table(options: &Options, setup: f64, measures: &[Measure]) {
    println!("Stream `{}`, {} runs each, fresh SQLite store per run.\n", options.stream.display(), options.runs);
    println!("| articles | median s | articles/s | runs s | events | peak RSS MiB | derive s (share) | B³ P/R/F1 | pairwise F1 |");
    println!("|---:|---:|---:|---|---:|---:|---:|---|---:|");
    for m in measures {
        let median = median(&m.seconds);
        let runs: Vec<String> = m.seconds.iter().map(|s| format!("{s:.2}")).collect();
        let rss = m.peak_rss_kib.map_or("n/a".to_string(), |kib| format!("{:.0}", kib as f64 / 1024.0));
        let derive = m.derive_seconds.map_or("-".to_string(), |s| format!("{s:.2} ({:.0}%)", 100.0 * s / median));
        let (b3, pairwise) = m.scores.map_or(("-".to_string(), "-".to_string()), |s| {
            let b = s.b_cubed;
            (format!("{:.3}/{:.3}/{:.3}", b.precision, b.recall, b.f1), format!("{:.3}", s.pairwise.f1))
        });
        println!(
            "| {} | {median:.2} | {:.0} | {} | {} | {rss} | {derive} | {b3} | {pairwise} |",
            m.articles,
            m.articles as f64 / median,
            runs.join(", "),
            m.events,
        );
    }
    if let (Some(first), Some(last)) = (measures.first(), measures.last()) {
        if last.articles != first.articles {
            let ratio = median(&last.seconds) / median(&first.seconds);
            println!("\ntime({})/time({}) = {ratio:.2}", last.articles, first.articles);
        }
    }
    println!("\nPipeline set-up (not in the times): {setup:.2} s. Peak RSS is the process-wide high-water mark");
    println!("(VmHWM) after each size, so it includes every smaller size run before it. \"derive s\" (with --derive)");
    println!("times one more derivation of events, stories and the timeline over the last store; ingest includes one.");
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 0 => (sorted[middle - 1] + sorted[middle]) / 2.0,
        _ => sorted[middle],
    }
}

/// The process's peak resident set size in KiB (`VmHWM` in /proc/self/status), where Linux provides it.
fn peak_rss_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn remove_store(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.as_os_str().to_owned();
        path.push(suffix);
        let _ = fs::remove_file(path);
    }
}

/// A folder under the system temp dir, unique to this process, removed with everything in it when dropped.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn create() -> Result<Self> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("chronicle-bench-stream-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&path)?;
        Ok(ScratchDir(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options> {
        parse_options(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn reads_options_and_rejects_bad_ones() {
        let options = parse(&["s.jsonl", "--runs", "5", "--sizes", "100, 200", "--derive"]).unwrap();
        assert_eq!(
            (options.stream, options.runs, options.sizes, options.derive),
            ("s.jsonl".into(), 5, vec![100, 200], true)
        );
        let defaults = parse(&[]).unwrap();
        assert_eq!((defaults.runs, defaults.sizes, defaults.derive), (3, vec![10_000, 20_000], false));
        for bad in [&["--runs", "0"][..], &["--runs"], &["--sizes", "10,x"], &["--sizes", "0"], &["--fast"]] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn writes_stream_prefixes_and_refuses_short_streams() {
        let scratch = ScratchDir::create().unwrap();
        let stream = scratch.path().join("stream.jsonl");
        fs::write(&stream, "{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": \"b\", \"text\": \"y\"}\n").unwrap();
        let options = Options { stream: stream.clone(), runs: 1, sizes: vec![1, 2], derive: false };
        let prefixes = write_prefixes(&options, scratch.path()).unwrap();
        let read = |path: &Path| fs::read_to_string(path).unwrap();
        assert_eq!(read(&prefixes[0]), "{\"id\": \"a\", \"text\": \"x\"}\n");
        assert_eq!(read(&prefixes[1]).lines().count(), 2);
        let too_many = Options { sizes: vec![3], ..options };
        assert!(write_prefixes(&too_many, scratch.path()).unwrap_err().to_string().contains("fewer than 3"));
        let path = scratch.path().to_path_buf();
        drop(scratch);
        assert!(!path.exists());
    }
}

//! Per-stage benchmark of per-article processing: reads the first N documents of a JSONL stream with
//! chronicle-source, then runs each stage (read, extract, language, sentences, times, entities, quotes, claims) over
//! all of them on one thread, R times, and prints a markdown table of the median seconds and articles/s per stage.
//! Besides wall-clock time it reports the thread's CPU time, which other jobs on a busy machine disturb much less;
//! articles/s is computed from it when it is available.
//! A fingerprint of each stage's output (a hash of its JSON) shows whether a change altered what a stage finds.
//!
//! Usage: `cargo run --release -p chronicle-analyze --example bench-analyze -- [STREAM.jsonl | FOLDER]
//! [--articles N] [--runs R]` (defaults: `target/stream-20000.jsonl`, 2,000 articles, 5 runs). A folder is read
//! like the CLI reads it (HTML, text, gzip…), e.g. `../shared/data/aeb-dev/html`.

use std::error::Error;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use chronicle_analyze::{claims, language, quotes, sentences};
use chronicle_entities::Recognizer;
use chronicle_model::{Article, Date, Mention, RawDocument, Span};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const USAGE: &str = "usage: bench-analyze [STREAM.jsonl | FOLDER] [--articles N] [--runs R]";

const STAGES: [&str; 8] = ["read", "extract", "language", "sentences", "times", "entities", "quotes", "claims"];

struct Options {
    stream: PathBuf,
    articles: usize,
    runs: usize,
}

fn main() {
    if let Err(error) = parse_options(std::env::args().skip(1)).and_then(|options| run(&options)) {
        eprintln!("bench-analyze: {error}");
        std::process::exit(1);
    }
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options> {
    let mut options = Options { stream: PathBuf::from("target/stream-20000.jsonl"), articles: 2_000, runs: 5 };
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

/// Every stage's output over all articles, for the fingerprints.
#[derive(Default)]
struct Outputs {
    docs: Vec<RawDocument>,
    articles: Vec<Article>,
    languages: Vec<Option<String>>,
    sentences: Vec<Vec<Span>>,
    dcts: Vec<Option<Date>>,
    times: Vec<Vec<chronicle_model::Timex>>,
    entities: Vec<Vec<Mention>>,
    quotes: Vec<Vec<chronicle_model::Quote>>,
    claims: Vec<Vec<chronicle_model::Claim>>,
}

fn run(options: &Options) -> Result<()> {
    let recognizer = Recognizer::new();
    let mut seconds: Vec<Vec<Seconds>> = vec![Vec::new(); STAGES.len()];
    let mut outputs = Outputs::default();
    for _ in 0..options.runs {
        let mut timer = StageTimer { seconds: &mut seconds, stage: 0 };
        outputs = timer.time(|| read(options))?;
        let docs = outputs.docs.clone();
        outputs.articles =
            timer.time(|| docs.into_iter().filter_map(|doc| chronicle_extract::extract(doc).ok()).collect());
        let articles = &outputs.articles;
        outputs.languages = timer.time(|| articles.iter().map(|a| language::detect_body(&a.text, &a.body)).collect());
        outputs.sentences = timer.time(|| articles.iter().map(|a| sentences::split(&a.text, &a.body)).collect());
        let sentences = &outputs.sentences;
        (outputs.dcts, outputs.times) = timer.time(|| {
            articles
                .iter()
                .zip(sentences)
                .map(|(a, s)| {
                    let dct = a.published.or_else(|| chronicle_time::estimate_dct(&a.text, s).and_then(|e| e.best));
                    (dct, chronicle_time::tag(&a.text, s, dct))
                })
                .unzip()
        });
        let dcts = &outputs.dcts;
        outputs.entities = timer.time(|| {
            articles.iter().zip(sentences).zip(dcts).map(|((a, s), d)| recognizer.recognize(&a.text, s, *d)).collect()
        });
        let entities = &outputs.entities;
        outputs.quotes = timer.time(|| {
            articles
                .iter()
                .zip(sentences)
                .zip(entities)
                .map(|((a, s), m)| quotes::find(&a.text, &a.body, s, m))
                .collect()
        });
        outputs.claims = timer.time(|| articles.iter().zip(sentences).map(|(a, s)| claims::find(&a.text, s)).collect());
    }
    print_table(options, &seconds, &outputs);
    Ok(())
}

/// The wall-clock and CPU time of one stage run.
#[derive(Clone, Copy)]
struct Seconds {
    wall: f64,
    cpu: Option<f64>,
}

/// Times stages in the order of [`STAGES`], one call per stage.
struct StageTimer<'a> {
    seconds: &'a mut [Vec<Seconds>],
    stage: usize,
}

impl StageTimer<'_> {
    fn time<T>(&mut self, stage: impl FnOnce() -> T) -> T {
        let (start, cpu_start) = (Instant::now(), thread_cpu_seconds());
        let result = stage();
        let cpu = thread_cpu_seconds().zip(cpu_start).map(|(end, start)| end - start);
        self.seconds[self.stage].push(Seconds { wall: start.elapsed().as_secs_f64(), cpu });
        self.stage += 1;
        result
    }
}

/// The CPU time this thread has used so far, where the system tells it.
fn thread_cpu_seconds() -> Option<f64> {
    let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `time` is a valid timespec for clock_gettime to write into.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    (status == 0).then(|| time.tv_sec as f64 + time.tv_nsec as f64 / 1e9)
}

/// The first N documents of the stream (or of the files under a folder), read by chronicle-source.
fn read(options: &Options) -> Result<Outputs> {
    let (inputs, _) = chronicle_source::discover(std::slice::from_ref(&options.stream));
    let docs = inputs.iter().flat_map(chronicle_source::read).filter_map(|doc| doc.ok());
    let docs: Vec<RawDocument> = docs.take(options.articles).collect();
    if docs.is_empty() {
        return Err(format!("no documents in {}", options.stream.display()).into());
    }
    Ok(Outputs { docs, ..Outputs::default() })
}

fn print_table(options: &Options, seconds: &[Vec<Seconds>], outputs: &Outputs) {
    let articles = outputs.articles.len();
    let bytes: usize = outputs.articles.iter().map(|a| a.text.len()).sum();
    println!(
        "{} articles ({} bytes of text each on average) from {}, median of {} runs, one thread\n",
        articles,
        bytes / articles.max(1),
        options.stream.display(),
        options.runs
    );
    println!("| stage | median wall s | median CPU s | articles/s | share | output fingerprint |");
    println!("|---|---:|---:|---:|---:|---|");
    let walls: Vec<f64> = seconds.iter().map(|runs| median(runs.iter().map(|s| s.wall))).collect();
    let cpus: Vec<Option<f64>> =
        seconds.iter().map(|runs| runs.iter().map(|s| s.cpu).collect::<Option<Vec<f64>>>().map(median)).collect();
    let measured: Vec<f64> = walls.iter().zip(&cpus).map(|(wall, cpu)| cpu.unwrap_or(*wall)).collect();
    let total: f64 = measured.iter().sum();
    let fingerprints = [
        fingerprint(&outputs.docs),
        fingerprint(&outputs.articles),
        fingerprint(&outputs.languages),
        fingerprint(&outputs.sentences),
        fingerprint(&(&outputs.dcts, &outputs.times)),
        fingerprint(&outputs.entities),
        fingerprint(&outputs.quotes),
        fingerprint(&outputs.claims),
    ];
    for (index, stage) in STAGES.iter().enumerate() {
        let (wall, cpu, time) = (walls[index], cpus[index].map_or("-".into(), |s| format!("{s:.4}")), measured[index]);
        let (rate, share, print) = (articles as f64 / time, 100.0 * time / total, &fingerprints[index]);
        println!("| {stage} | {wall:.4} | {cpu} | {rate:.0} | {share:.1}% | {print} |");
    }
    let wall: f64 = walls.iter().sum();
    println!("| total | {wall:.4} | {total:.4} | {:.0} | 100% | |", articles as f64 / total);
}

fn median(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut sorted: Vec<f64> = values.into_iter().collect();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// A hash of a stage's output as JSON: equal outputs give equal fingerprints.
fn fingerprint(output: &impl serde::Serialize) -> String {
    let mut hasher = DefaultHasher::new();
    serde_json::to_string(output).unwrap_or_default().hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

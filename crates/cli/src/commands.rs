//! One function per command: open what it needs, call the libraries, print.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chronicle_model::AnalyzedArticle;
use chronicle_pipeline::{IngestReport, Pipeline, Progress};
use chronicle_report::digest::Digest;
use chronicle_report::views::{matching_timeline, AnalysisView, ArticleView, EntitySummary, QuoteSummary};
use chronicle_source::Input;
use chronicle_store::{SqliteStore, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::cli::{Cli, Command};

/// How a command ended, when it did not fail outright.
pub enum Outcome {
    Done,
    SomeInputsFailed,
}

pub fn run(cli: Cli) -> Result<Outcome> {
    let db = cli.db.as_path();
    match cli.command {
        Command::Ingest { paths, json } => ingest(db, &paths, json),
        Command::Articles { json } => articles(db, json),
        Command::Events { json } => events(db, json),
        Command::Show { event, json } => show(db, &event, json),
        Command::Entities { json } => entities(db, json),
        Command::Quotes { json } => quotes(db, json),
        Command::Figures { json } => figures(db, json),
        Command::Stories { json } => stories(db, json),
        Command::Timeline { query, json } => timeline(db, query.as_deref().unwrap_or(""), json),
        Command::Search { query, limit, json } => search(db, &query, limit, json),
        Command::Analyze { input, dct, json } => analyze(&input, dct, json),
        Command::Extract { inputs, json } => extract(&inputs, json),
        Command::Digest => digest(db),
    }
}

fn open(db: &Path) -> Result<SqliteStore> {
    Ok(SqliteStore::open(db)?)
}

fn ingest(db: &Path, paths: &[PathBuf], json: bool) -> Result<Outcome> {
    let mut store = open(db)?;
    let (inputs, missing) = chronicle_source::discover(paths);
    let bar = progress_bar(inputs.len() as u64);
    let mut report = Pipeline::new().ingest(&inputs, &mut store, &mut |p: Progress| {
        bar.set_position(p.inputs_done as u64);
        bar.set_message(format!("{} documents", p.documents));
    })?;
    bar.finish_and_clear();
    report.failed.splice(0..0, missing);
    for error in &report.failed {
        eprintln!("chronicle: {error}");
    }
    if json {
        print_json(&report)?;
    } else {
        print_summary(&report)?;
    }
    Ok(if report.failed.is_empty() { Outcome::Done } else { Outcome::SomeInputsFailed })
}

fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} inputs, {msg} [{elapsed_precise}]")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn print_summary(report: &IngestReport) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "read {}, stored {}, unchanged {}, failed {}, events {}",
        report.read,
        report.stored,
        report.unchanged,
        report.failed.len(),
        report.events
    )?;
    Ok(())
}

fn articles(db: &Path, json: bool) -> Result<Outcome> {
    let store = open(db)?;
    let mut views = Vec::new();
    for article in store.articles()? {
        let reuse = store.reuse(&article.article.id)?;
        views.push(ArticleView::new(&article, reuse));
    }
    if json {
        return print_json(&views);
    }
    let mut out = std::io::stdout().lock();
    for v in &views {
        let date = v.published.map_or_else(|| "undated".into(), |d| d.to_string());
        writeln!(out, "{}  {:<10}  {}", v.id, date, v.title.as_deref().unwrap_or("(untitled)"))?;
    }
    Ok(Outcome::Done)
}

fn events(db: &Path, json: bool) -> Result<Outcome> {
    let events = open(db)?.events()?;
    if json {
        return print_json(&events);
    }
    let mut out = std::io::stdout().lock();
    for e in &events {
        let date = e.date.map_or_else(|| "undated".into(), |d| d.to_string());
        writeln!(out, "{}  {:<10}  {:>3} articles  {}", e.id, date, e.articles.len(), e.title)?;
    }
    Ok(Outcome::Done)
}

fn show(db: &Path, id: &str, json: bool) -> Result<Outcome> {
    let store = open(db)?;
    let Some(event) = store.event(id)? else { bail!("no event with id {id}") };
    if json {
        return print_json(&event);
    }
    let articles: Vec<AnalyzedArticle> =
        event.articles.iter().filter_map(|a| store.article(a).transpose()).collect::<Result<_, _>>()?;
    let events = std::slice::from_ref(&event);
    let disagreements = chronicle_link::disagreements(events, &articles);
    let digest = Digest { articles: &articles, events, stories: &[], timeline: &[], disagreements: &disagreements };
    print_text(&digest.render_event(&event))
}

/// All stored articles, with entity ids made canonical across them.
fn unified_articles(db: &Path) -> Result<Vec<AnalyzedArticle>> {
    let mut articles = open(db)?.articles()?;
    chronicle_analyze::unify_entities(&mut articles);
    Ok(articles)
}

fn entities(db: &Path, json: bool) -> Result<Outcome> {
    let entities = EntitySummary::collect(&unified_articles(db)?);
    if json {
        return print_json(&entities);
    }
    let mut out = std::io::stdout().lock();
    for e in &entities {
        writeln!(out, "{:<32}  {:<12}  {:>3} articles  {}", e.id, e.kind, e.articles.len(), e.name)?;
    }
    Ok(Outcome::Done)
}

fn quotes(db: &Path, json: bool) -> Result<Outcome> {
    let quotes = QuoteSummary::collect(&unified_articles(db)?);
    if json {
        return print_json(&quotes);
    }
    let mut out = std::io::stdout().lock();
    for q in &quotes {
        writeln!(out, "{}  {}: “{}”", q.article, q.speaker.as_deref().unwrap_or("(unattributed)"), q.text)?;
    }
    Ok(Outcome::Done)
}

fn figures(db: &Path, json: bool) -> Result<Outcome> {
    let store = open(db)?;
    let disagreements = chronicle_link::disagreements(&store.events()?, &store.articles()?);
    if json {
        return print_json(&disagreements);
    }
    let mut out = std::io::stdout().lock();
    for d in &disagreements {
        let figures: Vec<&str> = d.figures.iter().map(|f| f.text.as_str()).collect();
        writeln!(out, "{}  {} {}: {}", d.event, d.subject, d.measure, figures.join(" vs "))?;
    }
    Ok(Outcome::Done)
}

fn stories(db: &Path, json: bool) -> Result<Outcome> {
    let stories = open(db)?.stories()?;
    if json {
        return print_json(&stories);
    }
    let mut out = std::io::stdout().lock();
    for s in &stories {
        writeln!(out, "{}  {:>3} events  {}", s.id, s.events.len(), s.title)?;
    }
    Ok(Outcome::Done)
}

fn timeline(db: &Path, query: &str, json: bool) -> Result<Outcome> {
    let entries = matching_timeline(open(db)?.timeline()?, query);
    if json {
        return print_json(&entries);
    }
    let mut out = std::io::stdout().lock();
    for e in &entries {
        writeln!(out, "{:<10}  {}  [{}]", e.date, e.text, e.articles.join(", "))?;
    }
    Ok(Outcome::Done)
}

fn search(db: &Path, query: &str, limit: usize, json: bool) -> Result<Outcome> {
    let hits = open(db)?.search(query, limit)?;
    if json {
        return print_json(&hits);
    }
    let mut out = std::io::stdout().lock();
    for h in &hits {
        writeln!(out, "{}  {}\n    {}", h.article, h.title.as_deref().unwrap_or("(untitled)"), h.snippet)?;
    }
    Ok(Outcome::Done)
}

/// Reads the one document an `analyze` or `extract` input holds, or the first of several.
fn read_documents(path: &Path) -> Vec<Result<chronicle_model::RawDocument, chronicle_model::InputError>> {
    let input = if path.as_os_str() == "-" { Input::Stdin } else { Input::File(path.to_path_buf()) };
    chronicle_source::read(&input).collect()
}

fn analyze(path: &Path, dct: Option<jiff::civil::Date>, json: bool) -> Result<Outcome> {
    let Some(doc) = read_documents(path).into_iter().next() else { bail!("{}: no document", path.display()) };
    let mut doc = doc?;
    if dct.is_some() {
        doc.published = dct;
    }
    let analyzed = Pipeline::new().process(doc)?;
    let view = AnalysisView::new(&analyzed.article.text, &analyzed.analysis);
    if json {
        return print_json(&view);
    }
    let text = &analyzed.article.text;
    let mut out = std::io::stdout().lock();
    writeln!(out, "language: {}", view.language.unwrap_or("unknown"))?;
    for e in &view.entities {
        writeln!(out, "entity  {:<12} {:<40} {}", e.kind, &text[e.start..e.end], e.name)?;
    }
    for t in &view.times {
        writeln!(out, "time    {:<12} {:<40} {}", format!("{:?}", t.kind), &text[t.start..t.end], t.value)?;
    }
    for q in &view.quotes {
        writeln!(out, "quote   {:<12} {}", q.speaker.unwrap_or("?"), &text[q.start..q.end])?;
    }
    Ok(Outcome::Done)
}

/// One line of `chronicle extract --json`.
#[derive(Serialize)]
struct ExtractLine {
    path: String,
    title: Option<String>,
    text: String,
    published: Option<jiff::civil::Date>,
    author: Option<String>,
    site: Option<String>,
    url: Option<String>,
    language: Option<String>,
    /// HTML only: the last modification date, where each metadata field came from, and a confidence in [0, 1].
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<jiff::civil::Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<std::collections::BTreeMap<&'static str, &'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
}

fn extract(paths: &[PathBuf], json: bool) -> Result<Outcome> {
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for path in paths {
        for doc in read_documents(path) {
            let line = doc.and_then(|doc| {
                let origin = doc.origin.clone();
                let (article, details) = chronicle_extract::extract_with_details(doc)?;
                let language =
                    article.language.clone().or_else(|| chronicle_analyze::language::detect(&article.clean_text()));
                Ok(ExtractLine {
                    path: origin,
                    title: article.title.clone(),
                    text: article.clean_text(),
                    published: article.published,
                    author: article.author.clone(),
                    site: article.source.clone(),
                    url: article.url.clone(),
                    language,
                    modified: details.as_ref().and_then(|d| d.modified),
                    confidence: details.as_ref().map(|d| d.confidence),
                    sources: details.map(|d| d.sources),
                })
            });
            match line {
                Ok(line) if json => writeln!(out, "{}", serde_json::to_string(&line)?)?,
                Ok(line) => writeln!(out, "== {}\n{}\n", line.path, line.text)?,
                Err(e) => {
                    eprintln!("chronicle: {e}");
                    failed = true;
                }
            }
        }
    }
    Ok(if failed { Outcome::SomeInputsFailed } else { Outcome::Done })
}

fn digest(db: &Path) -> Result<Outcome> {
    let store = open(db)?;
    let articles = store.articles()?;
    let events = store.events()?;
    let stories = store.stories()?;
    let timeline = store.timeline()?;
    let disagreements = chronicle_link::disagreements(&events, &articles);
    let digest = Digest {
        articles: &articles,
        events: &events,
        stories: &stories,
        timeline: &timeline,
        disagreements: &disagreements,
    };
    print_text(&digest.render())
}

fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<Outcome> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).context("writing JSON")?;
    writeln!(out)?;
    Ok(Outcome::Done)
}

fn print_text(text: &str) -> Result<Outcome> {
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Done)
}

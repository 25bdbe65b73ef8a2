//! Command-line arguments: the contract documented in `docs/cli.md`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Chronicle turns a stream of news articles into a sourced record of events.
#[derive(Debug, Parser)]
#[command(name = "chronicle", version, about)]
pub struct Cli {
    /// The database file.
    #[arg(long, global = true, env = "CHRONICLE_DB", default_value = "chronicle.db")]
    pub db: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, folders (recursively) or `-` (standard input) into the store.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List stored articles with their clean text and reuse links.
    Articles {
        #[arg(long)]
        json: bool,
    },
    /// List events.
    Events {
        #[arg(long)]
        json: bool,
    },
    /// Show one event in full.
    Show {
        event: String,
        #[arg(long)]
        json: bool,
    },
    /// List entities across all articles, with their surface forms.
    Entities {
        #[arg(long)]
        json: bool,
    },
    /// List quotations with their speakers.
    Quotes {
        #[arg(long)]
        json: bool,
    },
    /// List figures that differ between the sources of an event (death tolls, counts).
    Figures {
        #[arg(long)]
        json: bool,
    },
    /// List stories: events linked over time.
    Stories {
        #[arg(long)]
        json: bool,
    },
    /// Dated facts from all articles, optionally only those matching QUERY.
    Timeline {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over stored articles.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Analyse one document without storing it.
    Analyze {
        /// A file, or `-` for standard input.
        input: PathBuf,
        /// Document creation time (YYYY-MM-DD) that time expressions are resolved against.
        #[arg(long)]
        dct: Option<jiff::civil::Date>,
        #[arg(long)]
        json: bool,
    },
    /// Extract main text and metadata from documents, one JSON object a line.
    Extract {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// A report for people to read: stories, events with summaries and sources, then the timeline.
    Digest,
}

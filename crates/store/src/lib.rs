//! Persists articles, events, stories and timelines behind a [`Store`] trait; SQLite is the embedded default.
//!
//! # Schema
//!
//! One SQLite database file (WAL journal, foreign keys on), versioned by `PRAGMA user_version` and built by the
//! ordered migrations in `migrations/NNN_name.sql`. Every `record` column holds the full JSON of the model value,
//! which is what the store reads back; the other columns and tables index it so that SQL can query it.
//!
//! | table | one row per | key columns |
//! |---|---|---|
//! | `articles` | analysed article | `id`, `doc` (search rowid), `url`, `title`, `published`, `sort_date`, `source`, `language`, `content_hash`, `record`, `clean_text` |
//! | `reuse_links` | link from `article` to `other` | `kind`, `shared`, `record` (with the shared passages) |
//! | `events` | event | `title`, `date`, `story`, `independent_sources`, `record` |
//! | `event_articles` | member article of an event | `event`, `position`, `article` |
//! | `event_entities` | entity taking part in an event | `event`, `position`, `entity`, `name`, `kind` |
//! | `stories` | story | `title`, `position`, `record` |
//! | `story_events` | event of a story | `story`, `position`, `event` |
//! | `timeline_entries` | dated fact | `position`, `date`, `text`, `record` |
//! | `timeline_citations` | supporting span of a fact | `entry`, `position`, `article`, `span_start`, `span_end` |
//! | `meta` | fact about the store | `key`, `value` (the hash of the derived records last written) |
//! | `article_fts` | SQLite only: FTS5 index over `articles.title` and `articles.clean_text` | `rowid` = `articles.doc` |
//!
//! Article references in derived tables are foreign keys: derived records may only cite stored articles.

mod articles;
mod derived;
mod error;
mod record;
mod search;
mod sqlite;

use std::collections::BTreeMap;

use chronicle_model::{AnalyzedArticle, Event, ReuseLink, Story, TimelineEntry};
use serde::{Deserialize, Serialize};

pub use error::StoreError;
pub use sqlite::SqliteStore;

/// Persistence of Chronicle's records. SQL stays portable so that a PostgreSQL store can follow.
pub trait Store {
    /// Inserts or updates a batch of analysed articles in one transaction. Same id and same content (hash of the
    /// serialized record) is unchanged and nothing is written; same id and new content is updated.
    fn put_articles(&mut self, batch: &[AnalyzedArticle]) -> Result<Vec<PutOutcome>, StoreError>;
    /// Visits every article, one at a time (memory stays bounded), ordered by publication date (else the
    /// analysis's `dct`; undated last), then id.
    fn each_article(&self, visit: &mut dyn FnMut(AnalyzedArticle)) -> Result<(), StoreError>;
    /// All articles, in the order of [`Store::each_article`].
    fn articles(&self) -> Result<Vec<AnalyzedArticle>, StoreError> {
        let mut all = Vec::new();
        self.each_article(&mut |article| all.push(article))?;
        Ok(all)
    }
    fn article(&self, id: &str) -> Result<Option<AnalyzedArticle>, StoreError>;
    fn article_count(&self) -> Result<usize, StoreError>;
    /// Replaces all derived records (reuse links, events, stories, timeline) in one transaction; writing the same
    /// derived records again writes nothing.
    fn put_derived(&mut self, derived: &Derived) -> Result<(), StoreError>;
    /// The reuse links from one article, in the order they were given.
    fn reuse(&self, article: &str) -> Result<Vec<ReuseLink>, StoreError>;
    /// All events, ordered by date (undated last), then id.
    fn events(&self) -> Result<Vec<Event>, StoreError>;
    fn event(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// All stories, in the order they were given.
    fn stories(&self) -> Result<Vec<Story>, StoreError>;
    /// The timeline, ordered by date, then text.
    fn timeline(&self) -> Result<Vec<TimelineEntry>, StoreError>;
    /// Full-text search over article titles and clean bodies, best first. Every word of the query must occur;
    /// a word ending in `*` matches as a prefix; any other search syntax is taken literally.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;
}

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PutOutcome {
    Inserted,
    Updated,
    Unchanged,
}

/// The records derived from the whole set of articles, replaced together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    /// Reuse links by the id of the article they start from.
    pub reuse: BTreeMap<String, Vec<ReuseLink>>,
    pub events: Vec<Event>,
    pub stories: Vec<Story>,
    pub timeline: Vec<TimelineEntry>,
}

/// An article found by a full-text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: String,
    pub title: Option<String>,
    /// A passage of the clean body around the matches, on one line, the matches marked `[like this]`.
    pub snippet: String,
    /// The event the article belongs to (the first by id if several).
    pub event: Option<String>,
    /// Relevance: higher is better (negated BM25, title matches weigh more).
    pub score: f64,
}

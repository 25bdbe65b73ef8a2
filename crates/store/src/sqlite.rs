//! The SQLite store: opening, configuration and schema migrations.

use std::path::Path;
use std::time::Duration;

use chronicle_model::{AnalyzedArticle, Event, ReuseLink, Story, TimelineEntry};
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::error::Fault;
use crate::{articles, derived, search, Derived, PutOutcome, SearchHit, Store, StoreError};

/// The migrations, in order: the schema version is the number applied.
const MIGRATIONS: [(&str, &str); 2] = [
    ("001_schema", include_str!("../migrations/001_schema.sql")),
    ("002_search", include_str!("../migrations/002_search.sql")),
];

/// How long a writer waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A store in one SQLite database file (or in memory).
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: String,
}

impl SqliteStore {
    /// Opens or creates the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| Fault::from(e).context("cannot open").at(&name))?;
        Self::set_up(conn, name)
    }

    /// Opens an empty store in memory.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let name = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|e| Fault::from(e).at(&name))?;
        Self::set_up(conn, name)
    }

    fn set_up(mut conn: Connection, path: String) -> Result<Self, StoreError> {
        configure(&conn).and_then(|()| migrate(&mut conn)).map_err(|f| f.at(&path))?;
        Ok(SqliteStore { conn, path })
    }

    fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T, Fault>) -> Result<T, StoreError> {
        work(&self.conn).map_err(|f| f.at(&self.path))
    }

    /// Runs `work` in one transaction: all of it is written, or nothing.
    fn write<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T, Fault>) -> Result<T, StoreError> {
        transact(&mut self.conn, work).map_err(|f| f.at(&self.path))
    }
}

/// Runs `work` in an immediate transaction (taking the write lock up front, waiting for it up to the busy
/// timeout) and commits it; on any error the transaction rolls back.
fn transact<T>(conn: &mut Connection, work: impl FnOnce(&Transaction) -> Result<T, Fault>) -> Result<T, Fault> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = work(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Checks that the file is a SQLite database, then sets the busy timeout, WAL journal and foreign keys.
fn configure(conn: &Connection) -> Result<(), Fault> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    schema_version(conn).map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Fault::new("not a SQLite database"),
        _ => Fault::from(e).context("cannot read the database"),
    })?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies the pending migrations in one transaction; refuses a database newer than this code.
fn migrate(conn: &mut Connection) -> Result<(), Fault> {
    if supported(schema_version(conn)?)? == MIGRATIONS.len() {
        return Ok(());
    }
    transact(conn, |tx| {
        // Read again under the write lock: another process may have migrated meanwhile.
        let version = supported(schema_version(tx)?)?;
        for (name, sql) in &MIGRATIONS[version..] {
            tx.execute_batch(sql).map_err(|e| Fault::from(e).context(format!("migration {name}")))?;
        }
        tx.pragma_update(None, "user_version", MIGRATIONS.len())?;
        Ok(())
    })
}

/// The schema version, unless it is newer than this code knows.
fn supported(version: usize) -> Result<usize, Fault> {
    let latest = MIGRATIONS.len();
    if version > latest {
        return Err(Fault::new(format!(
            "schema version {version} is newer than this build of Chronicle supports ({latest}); upgrade Chronicle"
        )));
    }
    Ok(version)
}

impl Store for SqliteStore {
    fn put_articles(&mut self, batch: &[AnalyzedArticle]) -> Result<Vec<PutOutcome>, StoreError> {
        self.write(|tx| articles::put(tx, batch))
    }

    fn each_article(&self, visit: &mut dyn FnMut(AnalyzedArticle)) -> Result<(), StoreError> {
        self.read(|conn| articles::each(conn, visit))
    }

    fn article(&self, id: &str) -> Result<Option<AnalyzedArticle>, StoreError> {
        self.read(|conn| articles::one(conn, id))
    }

    fn article_count(&self) -> Result<usize, StoreError> {
        self.read(articles::count)
    }

    fn put_derived(&mut self, records: &Derived) -> Result<(), StoreError> {
        self.write(|tx| derived::put(tx, records))
    }

    fn reuse(&self, article: &str) -> Result<Vec<ReuseLink>, StoreError> {
        self.read(|conn| derived::reuse(conn, article))
    }

    fn events(&self) -> Result<Vec<Event>, StoreError> {
        self.read(derived::events)
    }

    fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        self.read(|conn| derived::event(conn, id))
    }

    fn stories(&self) -> Result<Vec<Story>, StoreError> {
        self.read(derived::stories)
    }

    fn timeline(&self) -> Result<Vec<TimelineEntry>, StoreError> {
        self.read(derived::timeline)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        self.read(|conn| search::search(conn, query, limit))
    }
}

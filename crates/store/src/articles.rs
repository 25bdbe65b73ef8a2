//! The `articles` table.

use chronicle_model::AnalyzedArticle;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Fault;
use crate::record::{check_reads_back, content_hash, decode};
use crate::PutOutcome;

const INSERT: &str = "INSERT INTO articles
    (id, doc, url, title, published, sort_date, source, language, content_hash, record, clean_text)
    VALUES (?1, (SELECT COALESCE(MAX(doc), 0) + 1 FROM articles), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

const UPDATE: &str = "UPDATE articles SET url = ?2, title = ?3, published = ?4, sort_date = ?5, source = ?6,
    language = ?7, content_hash = ?8, record = ?9, clean_text = ?10 WHERE id = ?1";

/// Inserts or updates each article, unless its stored record has the same content hash.
pub(crate) fn put(conn: &Connection, batch: &[AnalyzedArticle]) -> Result<Vec<PutOutcome>, Fault> {
    batch
        .iter()
        .map(|item| put_one(conn, item).map_err(|f| f.context(format!("article {}", item.article.id))))
        .collect()
}

fn put_one(conn: &Connection, item: &AnalyzedArticle) -> Result<PutOutcome, Fault> {
    let record = serde_json::to_string(item)?;
    let hash = content_hash(&record);
    let stored: Option<String> = conn
        .prepare_cached("SELECT content_hash FROM articles WHERE id = ?1")?
        .query_row([&item.article.id], |row| row.get(0))
        .optional()?;
    let (sql, outcome) = match stored {
        Some(old) if old == hash => return Ok(PutOutcome::Unchanged),
        Some(_) => (UPDATE, PutOutcome::Updated),
        None => (INSERT, PutOutcome::Inserted),
    };
    check_reads_back(item, &record)?;
    let article = &item.article;
    let published = article.published.map(|d| d.to_string());
    let sort_date = article.published.or(item.analysis.dct).map(|d| d.to_string());
    let language = article.language.as_ref().or(item.analysis.language.as_ref());
    conn.prepare_cached(sql)?.execute(params![
        article.id,
        article.url,
        article.title,
        published,
        sort_date,
        article.source,
        language,
        hash,
        record,
        article.clean_text(),
    ])?;
    Ok(outcome)
}

/// Visits every article by date (undated last), then id, decoding one row at a time.
pub(crate) fn each(conn: &Connection, visit: &mut dyn FnMut(AnalyzedArticle)) -> Result<(), Fault> {
    let mut statement = conn.prepare_cached("SELECT id, record FROM articles ORDER BY sort_date NULLS LAST, id")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (id, record): (String, String) = (row.get(0)?, row.get(1)?);
        visit(decode(&record).map_err(|f| f.context(format!("article {id}")))?);
    }
    Ok(())
}

pub(crate) fn one(conn: &Connection, id: &str) -> Result<Option<AnalyzedArticle>, Fault> {
    let record: Option<String> = conn
        .prepare_cached("SELECT record FROM articles WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    record.map(|r| decode(&r).map_err(|f| f.context(format!("article {id}")))).transpose()
}

pub(crate) fn count(conn: &Connection) -> Result<usize, Fault> {
    Ok(conn.query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))?)
}

//! Full-text search (SQLite FTS5): the only SQLite-specific queries.

use rusqlite::{params, Connection};

use crate::error::Fault;
use crate::SearchHit;

/// Title matches weigh this many times a body match in the ranking.
const TITLE_WEIGHT: f64 = 5.0;

/// Words of context in a snippet.
const SNIPPET_WORDS: i64 = 16;

const SEARCH: &str = "SELECT a.id, a.title, snippet(article_fts, 1, '[', ']', '…', ?3), bm25(article_fts, ?4, 1.0),
        (SELECT MIN(m.event) FROM event_articles m WHERE m.article = a.id)
    FROM article_fts JOIN articles a ON a.doc = article_fts.rowid
    WHERE article_fts MATCH ?1
    ORDER BY 4, a.id
    LIMIT ?2";

/// The articles matching every word of `query`, best first.
pub(crate) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>, Fault> {
    let Some(expression) = fts_expression(query) else {
        return Ok(Vec::new());
    };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut statement = conn.prepare_cached(SEARCH)?;
    let rows = statement.query_map(params![expression, limit, SNIPPET_WORDS, TITLE_WEIGHT], |row| {
        Ok(SearchHit {
            article: row.get(0)?,
            title: row.get(1)?,
            snippet: one_line(&row.get::<_, Option<String>>(2)?.unwrap_or_default()),
            score: -row.get::<_, f64>(3)?,
            event: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Joins the lines of a snippet, collapsing runs of white space.
fn one_line(snippet: &str) -> String {
    snippet.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Turns a user query into an FTS5 expression of quoted terms, all required, so that no character of the query
/// is read as search syntax; a word ending in `*` stays a prefix search. `None` if no word has a letter or digit.
fn fts_expression(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| {
            let stem = word.trim_end_matches('*');
            let star = if stem.len() < word.len() { "*" } else { "" };
            format!("\"{}\"{star}", stem.replace('"', "\"\""))
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_expression;

    #[test]
    fn quotes_every_word_and_keeps_prefixes() {
        assert_eq!(fts_expression("Putin  Assad*").as_deref(), Some("\"Putin\" \"Assad\"*"));
        assert_eq!(fts_expression("say \"hi\" NOT-x").as_deref(), Some("\"say\" \"\"\"hi\"\"\" \"NOT-x\""));
        assert_eq!(fts_expression(" - * : \" "), None);
    }
}

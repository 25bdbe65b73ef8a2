//! Derived records: reuse links, events, stories and the timeline, replaced together.

use chronicle_model::{Event, ReuseKind, ReuseLink, Story, TimelineEntry};
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;

use crate::error::Fault;
use crate::record::{content_hash, decode, encode};
use crate::Derived;

/// The `meta` key of the hash of the derived records last written.
const DERIVED_HASH: &str = "derived_hash";

/// Children before parents, so that no foreign key is left dangling.
const CLEAR: &str = "DELETE FROM story_events; DELETE FROM event_entities; DELETE FROM event_articles;
    DELETE FROM events; DELETE FROM stories; DELETE FROM reuse_links;
    DELETE FROM timeline_citations; DELETE FROM timeline_entries;";

/// Replaces the derived records, unless they equal those last written.
pub(crate) fn put(conn: &Connection, derived: &Derived) -> Result<(), Fault> {
    let hash = content_hash(&serde_json::to_string(derived)?);
    let stored: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [DERIVED_HASH], |row| row.get(0)).optional()?;
    if stored.as_ref() == Some(&hash) {
        return Ok(());
    }
    conn.execute_batch(CLEAR)?;
    for (position, story) in derived.stories.iter().enumerate() {
        put_story(conn, position, story).map_err(|f| f.context(format!("story {}", story.id)))?;
    }
    for event in &derived.events {
        put_event(conn, event).map_err(|f| f.context(format!("event {}", event.id)))?;
    }
    for story in &derived.stories {
        put_story_events(conn, story).map_err(|f| f.context(format!("story {}", story.id)))?;
    }
    for (article, links) in &derived.reuse {
        put_links(conn, article, links).map_err(|f| f.context(format!("reuse links of article {article}")))?;
    }
    for (position, entry) in derived.timeline.iter().enumerate() {
        put_entry(conn, position, entry)
            .map_err(|f| f.context(format!("timeline entry {} {:?}", entry.date, entry.text)))?;
    }
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [DERIVED_HASH, &hash],
    )?;
    Ok(())
}

fn put_story(conn: &Connection, position: usize, story: &Story) -> Result<(), Fault> {
    conn.prepare_cached("INSERT INTO stories (id, position, title, record) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![story.id, position, story.title, encode(story)?])?;
    Ok(())
}

fn put_story_events(conn: &Connection, story: &Story) -> Result<(), Fault> {
    let mut insert = conn.prepare_cached("INSERT INTO story_events (story, position, event) VALUES (?1, ?2, ?3)")?;
    for (position, event) in story.events.iter().enumerate() {
        insert.execute(params![story.id, position, event])?;
    }
    Ok(())
}

fn put_event(conn: &Connection, event: &Event) -> Result<(), Fault> {
    conn.prepare_cached(
        "INSERT INTO events (id, title, date, story, independent_sources, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        event.id,
        event.title,
        event.date.map(|d| d.to_string()),
        event.story,
        event.independent_sources,
        encode(event)?,
    ])?;
    let mut member =
        conn.prepare_cached("INSERT INTO event_articles (event, position, article) VALUES (?1, ?2, ?3)")?;
    for (position, article) in event.articles.iter().enumerate() {
        member.execute(params![event.id, position, article])?;
    }
    let mut entity = conn.prepare_cached(
        "INSERT INTO event_entities (event, position, entity, name, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, e) in event.entities.iter().enumerate() {
        entity.execute(params![event.id, position, e.id, e.name, e.kind.as_str()])?;
    }
    Ok(())
}

fn put_links(conn: &Connection, article: &str, links: &[ReuseLink]) -> Result<(), Fault> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO reuse_links (article, position, other, kind, shared, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, link) in links.iter().enumerate() {
        insert.execute(params![article, position, link.article, kind_name(link.kind), link.shared, encode(link)?])?;
    }
    Ok(())
}

/// The name of a reuse kind, as in its JSON.
fn kind_name(kind: ReuseKind) -> &'static str {
    match kind {
        ReuseKind::Copy => "copy",
        ReuseKind::Reuse => "reuse",
        ReuseKind::Paraphrase => "paraphrase",
    }
}

fn put_entry(conn: &Connection, position: usize, entry: &TimelineEntry) -> Result<(), Fault> {
    conn.prepare_cached("INSERT INTO timeline_entries (position, date, text, record) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![position, entry.date, entry.text, encode(entry)?])?;
    let mut cite = conn.prepare_cached(
        "INSERT INTO timeline_citations (entry, position, article, span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (index, citation) in entry.citations.iter().enumerate() {
        cite.execute(params![position, index, citation.article, citation.span.start, citation.span.end])?;
    }
    Ok(())
}

pub(crate) fn reuse(conn: &Connection, article: &str) -> Result<Vec<ReuseLink>, Fault> {
    records(conn, "SELECT record FROM reuse_links WHERE article = ?1 ORDER BY position", [article])
}

pub(crate) fn events(conn: &Connection) -> Result<Vec<Event>, Fault> {
    records(conn, "SELECT record FROM events ORDER BY date NULLS LAST, id", [])
}

pub(crate) fn event(conn: &Connection, id: &str) -> Result<Option<Event>, Fault> {
    Ok(records(conn, "SELECT record FROM events WHERE id = ?1", [id])?.pop())
}

pub(crate) fn stories(conn: &Connection) -> Result<Vec<Story>, Fault> {
    records(conn, "SELECT record FROM stories ORDER BY position", [])
}

pub(crate) fn timeline(conn: &Connection) -> Result<Vec<TimelineEntry>, Fault> {
    records(conn, "SELECT record FROM timeline_entries ORDER BY date, text, position", [])
}

/// Reads the JSON records a query selects, in its order.
fn records<T: DeserializeOwned>(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<T>, Fault> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows = statement.query_map(args, |row| row.get::<_, String>(0))?;
    rows.map(|record| decode(&record?)).collect()
}

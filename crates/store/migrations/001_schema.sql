-- Chronicle's relational schema. Portable SQL: no SQLite-only syntax here (full-text search lives in 002).
-- Every `record` column holds the full JSON of the model value; the other columns and tables index it for SQL.

CREATE TABLE articles (
    id           TEXT PRIMARY KEY CHECK (id <> ''),
    -- Stable integer key of the article's full-text document (the search index's rowid).
    doc          INTEGER NOT NULL UNIQUE,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    -- The publication date, else the analysis's document creation time: what articles are ordered by.
    sort_date    TEXT,
    source       TEXT,
    language     TEXT,
    content_hash TEXT NOT NULL,
    record       TEXT NOT NULL,
    clean_text   TEXT NOT NULL
);
CREATE INDEX articles_by_date ON articles (sort_date, id);

CREATE TABLE reuse_links (
    article  TEXT NOT NULL REFERENCES articles (id),
    position INTEGER NOT NULL,
    other    TEXT NOT NULL REFERENCES articles (id),
    kind     TEXT NOT NULL,
    shared   DOUBLE PRECISION NOT NULL,
    record   TEXT NOT NULL,
    PRIMARY KEY (article, position)
);
CREATE INDEX reuse_links_by_other ON reuse_links (other);

CREATE TABLE stories (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title    TEXT NOT NULL,
    record   TEXT NOT NULL
);

CREATE TABLE events (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL,
    date                TEXT,
    story               TEXT REFERENCES stories (id),
    independent_sources INTEGER NOT NULL,
    record              TEXT NOT NULL
);
CREATE INDEX events_by_date ON events (date, id);

CREATE TABLE event_articles (
    event    TEXT NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    article  TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (event, position)
);
CREATE INDEX event_articles_by_article ON event_articles (article);

CREATE TABLE event_entities (
    event    TEXT NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    entity   TEXT NOT NULL,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    PRIMARY KEY (event, position)
);
CREATE INDEX event_entities_by_entity ON event_entities (entity);

CREATE TABLE story_events (
    story    TEXT NOT NULL REFERENCES stories (id),
    position INTEGER NOT NULL,
    event    TEXT NOT NULL REFERENCES events (id),
    PRIMARY KEY (story, position)
);

CREATE TABLE timeline_entries (
    position INTEGER PRIMARY KEY,
    date     TEXT NOT NULL,
    text     TEXT NOT NULL,
    record   TEXT NOT NULL
);
CREATE INDEX timeline_entries_by_date ON timeline_entries (date, text);

CREATE TABLE timeline_citations (
    entry      INTEGER NOT NULL REFERENCES timeline_entries (position),
    position   INTEGER NOT NULL,
    article    TEXT NOT NULL REFERENCES articles (id),
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    PRIMARY KEY (entry, position)
);
CREATE INDEX timeline_citations_by_article ON timeline_citations (article);

-- Small facts about the store as a whole, such as the hash of the derived records last written.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- SQLite-only: full-text search over article titles and clean bodies (FTS5, external content on `articles`),
-- kept in sync by triggers. Diacritics are folded so that "Turkiye" finds "Türkiye".

CREATE VIRTUAL TABLE article_fts USING fts5 (
    title,
    clean_text,
    content = 'articles',
    content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, clean_text) VALUES (new.doc, new.title, new.clean_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, clean_text) VALUES ('delete', old.doc, old.title, old.clean_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, clean_text) VALUES ('delete', old.doc, old.title, old.clean_text);
    INSERT INTO article_fts (rowid, title, clean_text) VALUES (new.doc, new.title, new.clean_text);
END;

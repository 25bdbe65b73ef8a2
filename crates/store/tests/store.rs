//! The SQLite store on the seed articles: round trips, change detection, migrations, failures and search.

mod fixtures;

use std::path::{Path, PathBuf};

use chronicle_model::{AnalyzedArticle, Claim, Span};
use chronicle_store::{Derived, PutOutcome, SqliteStore, Store};
use fixtures::{by_id, derived, seeds};
use rusqlite::Connection;

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("chronicle.db");
    (dir, path)
}

fn seeded(path: &Path) -> (SqliteStore, Vec<AnalyzedArticle>) {
    let mut store = SqliteStore::open(path).expect("the store opens");
    let articles = seeds();
    store.put_articles(&articles).expect("the seeds are stored");
    (store, articles)
}

/// The bytes of the database file and its write-ahead log.
fn disk(path: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    (std::fs::read(path).expect("the database"), std::fs::read(wal).unwrap_or_default())
}

/// FTS5's own check that the search index agrees with the `articles` rows it indexes.
fn assert_search_index_matches_articles(path: &Path) {
    let sql = Connection::open(path).unwrap();
    sql.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
}

fn ids(articles: &[AnalyzedArticle]) -> Vec<&str> {
    articles.iter().map(|a| a.article.id.as_str()).collect()
}

#[test]
fn articles_round_trip_in_date_order() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut articles = seeds();
    let mut undated = articles[0].clone();
    undated.article.id = "undated".into();
    undated.article.published = None;
    undated.analysis.dct = None;
    let mut estimated = articles[1].clone();
    estimated.article.id = "estimated".into();
    estimated.article.published = None;
    estimated.analysis.dct = Some("2020-01-01".parse().unwrap());
    articles.insert(0, undated);
    articles.push(estimated);

    let outcomes = store.put_articles(&articles).unwrap();
    assert_eq!(outcomes, vec![PutOutcome::Inserted; 7]);
    assert_eq!(store.article_count().unwrap(), 7);

    let stored = store.articles().unwrap();
    let expected = ["estimated", "001_", "000_", "003_", "002_", "004_", "undated"];
    assert_eq!(stored.len(), expected.len());
    for (article, prefix) in stored.iter().zip(expected) {
        assert!(article.article.id.starts_with(prefix), "{} where {prefix} was expected", article.article.id);
    }
    for article in &articles {
        assert_eq!(store.article(&article.article.id).unwrap().as_ref(), Some(article));
        assert!(stored.contains(article));
    }
    assert_eq!(store.article("no such article").unwrap(), None);
}

#[test]
fn same_content_is_unchanged_and_writes_nothing_while_new_content_updates() {
    let (_dir, path) = temp_db();
    let (mut store, mut articles) = seeded(&path);
    let before = disk(&path);
    assert_eq!(store.put_articles(&articles).unwrap(), vec![PutOutcome::Unchanged; 5]);
    assert_eq!(disk(&path), before, "an unchanged batch must not touch the disk");

    articles[2].article.title = Some("Assad and Putin discuss regional escalation".into());
    let mut renamed = articles[0].clone();
    renamed.article.id = "copy-of-000".into();
    let batch = [articles[2].clone(), articles[3].clone(), renamed];
    assert_eq!(
        store.put_articles(&batch).unwrap(),
        vec![PutOutcome::Updated, PutOutcome::Unchanged, PutOutcome::Inserted]
    );
    assert_eq!(store.article(&articles[2].article.id).unwrap(), Some(articles[2].clone()));
    assert_eq!(store.article_count().unwrap(), 6);
    // The search index follows the update.
    let hits = store.search("escalation regional", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.article.as_str()).collect::<Vec<_>>(), [articles[2].article.id.as_str()]);
    assert_search_index_matches_articles(&path);
}

#[test]
fn derived_records_round_trip_in_their_orders() {
    let (_dir, path) = temp_db();
    let (mut store, articles) = seeded(&path);
    let derived = derived(&articles);
    store.put_derived(&derived).unwrap();

    let events = store.events().unwrap();
    let event_ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(event_ids, ["event-2023-03-15-moscow", "event-2024-07-24-kremlin", "event-undated"]);
    for event in &derived.events {
        assert_eq!(store.event(&event.id).unwrap().as_ref(), Some(event));
        assert!(events.contains(event));
    }
    assert_eq!(store.event("no such event").unwrap(), None);
    assert_eq!(store.stories().unwrap(), derived.stories);

    let timeline = store.timeline().unwrap();
    let dated: Vec<(&str, &str)> = timeline.iter().map(|t| (t.date.as_str(), t.text.as_str())).collect();
    assert_eq!(
        dated,
        [
            ("2011", "Ankara backs rebel groups opposed to Assad"),
            ("2011", "Syria's civil war breaks out"),
            ("2015", "Russia intervenes in the Syrian conflict"),
            ("2023-03-15", "Putin and Assad meet in Moscow"),
        ]
    );
    for entry in &derived.timeline {
        assert!(timeline.contains(entry));
    }
    for (article, links) in &derived.reuse {
        assert_eq!(&store.reuse(article).unwrap(), links);
    }
    assert_eq!(store.reuse(&by_id(&articles, "002").article.id).unwrap(), Vec::new());

    // The relational tables answer SQL questions about the same records.
    let sql = Connection::open(&path).unwrap();
    let members: Vec<String> = sql
        .prepare("SELECT article FROM event_articles WHERE event = 'event-2023-03-15-moscow' ORDER BY position")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(members, derived.events[2].articles);
    let with_erdogan: String =
        sql.query_row("SELECT event FROM event_entities WHERE name = 'Erdogan'", [], |row| row.get(0)).unwrap();
    assert_eq!(with_erdogan, "event-2024-07-24-kremlin");
    let (start, end): (usize, usize) = sql
        .query_row(
            "SELECT c.span_start, c.span_end FROM timeline_citations c JOIN timeline_entries t ON t.position = c.entry
             WHERE t.date = '2015'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    let a000 = by_id(&articles, "000");
    assert_eq!(Span::new(start, end).slice(&a000.article.text), "intervened in the Syrian conflict in 2015");
}

#[test]
fn writing_the_same_derived_records_again_changes_nothing_on_disk() {
    let (_dir, path) = temp_db();
    let (mut store, articles) = seeded(&path);
    let derived = derived(&articles);
    store.put_derived(&derived).unwrap();
    let before = disk(&path);
    store.put_derived(&derived).unwrap();
    assert_eq!(disk(&path), before);

    // New derived records replace the old ones entirely.
    let mut fewer = derived.clone();
    fewer.events.retain(|e| e.date.is_some());
    fewer.reuse.clear();
    fewer.timeline.truncate(1);
    store.put_derived(&fewer).unwrap();
    assert_eq!(store.events().unwrap().len(), 2);
    assert_eq!(store.reuse(&by_id(&articles, "000").article.id).unwrap(), Vec::new());
    assert_eq!(store.timeline().unwrap(), fewer.timeline);
    store.put_derived(&Derived::default()).unwrap();
    assert_eq!((store.events().unwrap(), store.stories().unwrap(), store.timeline().unwrap()), Default::default());
}

#[test]
fn a_reopened_store_holds_what_was_written() {
    let (_dir, path) = temp_db();
    let (mut store, articles) = seeded(&path);
    let derived = derived(&articles);
    store.put_derived(&derived).unwrap();
    let (stored, events) = (store.articles().unwrap(), store.events().unwrap());
    drop(store);

    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.articles().unwrap(), stored);
    assert_eq!(store.events().unwrap(), events);
    assert_eq!(store.put_articles(&articles).unwrap(), vec![PutOutcome::Unchanged; 5]);
}

#[test]
fn an_empty_file_is_migrated_to_the_current_schema() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.article_count().unwrap(), 0);
    assert_eq!(store.search("Putin", 5).unwrap(), Vec::new());
    let sql = Connection::open(&path).unwrap();
    let version: i64 = sql.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap();
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations")).unwrap().count();
    assert_eq!(version, migrations as i64);
    let journal: String = sql.pragma_query_value(None, "journal_mode", |row| row.get(0)).unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn a_database_newer_than_the_code_is_refused() {
    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).unwrap());
    Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let error = SqliteStore::open(&path).expect_err("a newer schema is refused");
    let message = error.to_string();
    assert!(message.starts_with(&path.display().to_string()), "{message}");
    assert!(message.contains("schema version 99 is newer"), "{message}");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let (_dir, path) = temp_db();
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds/000_075b59d9bae29bd8.txt");
    std::fs::copy(seed, &path).unwrap();
    let error = SqliteStore::open(&path).expect_err("a text file is not a database");
    assert_eq!(error.path, path.display().to_string());
    assert!(error.to_string().contains("not a SQLite database"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(seed).unwrap());

    let missing = path.join("no/such/dir.db");
    let error = SqliteStore::open(&missing).expect_err("a missing directory cannot hold a database");
    assert!(error.to_string().starts_with(&missing.display().to_string()), "{error}");
}

#[test]
fn a_failing_article_batch_rolls_back_entirely() {
    let (_dir, path) = temp_db();
    let mut store = SqliteStore::open(&path).unwrap();
    let articles = seeds();
    store.put_articles(&articles[..3]).unwrap();
    let before = store.articles().unwrap();

    let mut retitled = articles[0].clone();
    retitled.article.title = Some("A title that must not survive".into());
    let mut broken = articles[4].clone();
    // Built from JSON so that optional fields added to the model later need no change here.
    let claim =
        r#"{"span": {"start": 0, "end": 4}, "sentence": {"start": 0, "end": 10}, "measure": "killed", "low": 1}"#;
    let mut claim: Claim = serde_json::from_str(claim).unwrap();
    claim.low = f64::NAN;
    broken.analysis.claims.push(claim);
    let error = store.put_articles(&[retitled.clone(), articles[3].clone(), broken]).expect_err("NaN is refused");
    assert!(error.to_string().contains(&articles[4].article.id), "{error}");
    assert_eq!(store.articles().unwrap(), before);
    assert_eq!(store.search("survive", 5).unwrap(), Vec::new());
    assert_search_index_matches_articles(&path);

    let mut nameless = articles[4].clone();
    nameless.article.id = String::new();
    assert!(store.put_articles(&[retitled, articles[3].clone(), nameless]).is_err());
    assert_eq!(store.articles().unwrap(), before);
}

#[test]
fn a_failing_derived_write_keeps_the_previous_records() {
    let (_dir, path) = temp_db();
    let (mut store, articles) = seeded(&path);
    let good = derived(&articles);
    store.put_derived(&good).unwrap();
    let (events, timeline) = (store.events().unwrap(), store.timeline().unwrap());

    let mut bad = good.clone();
    bad.events.retain(|e| e.date.is_some());
    bad.timeline[3].citations[0].article = "an article never stored".into();
    let error = store.put_derived(&bad).expect_err("a citation of an unknown article is refused");
    assert!(error.to_string().contains("timeline entry 2011"), "{error}");
    assert_eq!(store.events().unwrap(), events);
    assert_eq!(store.timeline().unwrap(), timeline);
    assert_eq!(
        store.reuse(&by_id(&articles, "000").article.id).unwrap(),
        good.reuse[&by_id(&articles, "000").article.id]
    );
}

#[test]
fn search_ranks_matches_and_names_their_event() {
    let (_dir, path) = temp_db();
    let (mut store, articles) = seeded(&path);
    store.put_derived(&derived(&articles)).unwrap();

    for name in fixtures::PEOPLE {
        let hits = store.search(name, 10).unwrap();
        let mut found: Vec<&str> = hits.iter().map(|h| h.article.as_str()).collect();
        found.sort_unstable();
        let expected: Vec<&str> = ids(&articles)
            .into_iter()
            .filter(|id| {
                let article = &store.article(id).unwrap().unwrap().article;
                article.clean_text().contains(name) || article.title.as_deref().unwrap_or("").contains(name)
            })
            .collect();
        assert_eq!(found, expected, "{name}");
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "{name}: best first");
        assert!(hits.iter().all(|h| h.snippet.contains(&format!("[{name}]"))), "{name}: snippets mark the match");
        assert!(hits.iter().all(|h| !h.snippet.contains('\n')), "{name}: snippets are one line");
    }

    // A title match outweighs the same word in a body: 000 is the only seed with "ties" in its headline, 004
    // says "ties" as often in a body of about the same length.
    let hits = store.search("ties", 10).unwrap();
    let ranked: Vec<&str> = hits.iter().map(|h| &h.article[..3]).collect();
    assert_eq!(ranked[0], "000", "{hits:?}");
    assert_eq!(hits[0].event.as_deref(), Some("event-2023-03-15-moscow"));
    assert_eq!(store.search("ties", 1).unwrap(), hits[..1]);

    // Diacritics fold, hyphenated names match their spaced spelling, prefixes work.
    let turkiye: Vec<String> = store.search("Turkiye", 10).unwrap().into_iter().map(|h| h.article).collect();
    assert_eq!(turkiye, [by_id(&articles, "003").article.id.clone()]);
    let al_assad: Vec<String> = store.search("al-Assad", 10).unwrap().into_iter().map(|h| h.article).collect();
    assert!(al_assad.contains(&by_id(&articles, "003").article.id), "{al_assad:?}");
    assert_eq!(store.search("Pesk*", 10).unwrap(), store.search("Peskov", 10).unwrap());
    assert_eq!(store.search("Putin Zanzibar", 10).unwrap(), Vec::new());
}

#[test]
fn search_syntax_in_a_query_is_taken_literally() {
    let (_dir, path) = temp_db();
    let (store, _) = seeded(&path);
    let queries = [
        "\"",
        "\"Putin",
        "Putin\"",
        "-Assad",
        "Assad -Putin",
        "*",
        "Pu*tin",
        ":",
        "title:Putin",
        "Putin AND",
        "OR",
        "NOT Putin",
        "NEAR(Putin Assad)",
        "(",
        ")",
        "^Putin",
        "{title}: Putin",
        "'",
        "+",
        "Putin;",
        "",
        "  ",
    ];
    for query in queries {
        assert!(store.search(query, 10).is_ok(), "{query:?} errors");
    }
    assert_eq!(store.search("Assad -Putin", 10).unwrap(), store.search("Assad Putin", 10).unwrap(), "no exclusion");
    assert_eq!(store.search("Putin\"", 10).unwrap(), store.search("Putin", 10).unwrap());
}

#[test]
fn the_same_input_gives_byte_identical_results() {
    let render = |reverse: bool| {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let mut articles = seeds();
        if reverse {
            articles.reverse();
        }
        for article in &articles {
            store.put_articles(std::slice::from_ref(article)).unwrap();
        }
        store.put_derived(&derived(&articles)).unwrap();
        serde_json::to_string(&(
            store.articles().unwrap(),
            store.events().unwrap(),
            store.timeline().unwrap(),
            store.search("Assad", 10).unwrap(),
        ))
        .unwrap()
    };
    let forward = render(false);
    assert_eq!(render(false), forward);
    // Orders and search scores depend on the records, not on the order they were stored in.
    assert_eq!(render(true), forward);
}

#[test]
fn two_stores_on_one_file_can_write_at_the_same_time() {
    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).unwrap());
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|writer| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = SqliteStore::open(&path).unwrap();
                for (round, mut article) in seeds().into_iter().cycle().take(40).enumerate() {
                    article.article.id = format!("{writer}-{round}");
                    store.put_articles(&[article]).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("no writer fails");
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.article_count().unwrap(), 80);
    assert_search_index_matches_articles(&path);
}

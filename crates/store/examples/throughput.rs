//! Measures the SQLite store on copies of the seed articles:
//! `cargo run --release -p chronicle-store --example throughput [ARTICLES]` (default 10000).

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::time::Instant;

use chronicle_store::{SqliteStore, Store};

const BATCH: usize = 500;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map(|n| n.parse()).transpose()?.unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("chronicle.db");
    let mut store = SqliteStore::open(&path)?;
    let seeds = fixtures::seeds();
    let copies: Vec<_> = (0..count)
        .map(|i| {
            let mut copy = seeds[i % seeds.len()].clone();
            copy.article.id = format!("copy-{i:08}");
            copy
        })
        .collect();

    for pass in ["insert", "unchanged"] {
        let start = Instant::now();
        for batch in copies.chunks(BATCH) {
            store.put_articles(batch)?;
        }
        let seconds = start.elapsed().as_secs_f64();
        println!("put_articles {pass}: {count} in {seconds:.2} s = {:.0} articles/s", count as f64 / seconds);
    }
    let start = Instant::now();
    let read = store.articles()?.len();
    println!("articles(): {read} in {:.2} s", start.elapsed().as_secs_f64());

    let queries = ["Putin", "Assad Moscow", "Erdogan ties", "Pesk*", "Turkiye"];
    let start = Instant::now();
    for query in queries {
        store.search(query, 20)?;
    }
    println!("search (limit 20): {:.1} ms per query", start.elapsed().as_secs_f64() * 1000.0 / queries.len() as f64);

    store.put_articles(&seeds)?;
    let derived = fixtures::derived(&seeds);
    let start = Instant::now();
    store.put_derived(&derived)?;
    store.put_derived(&derived)?;
    println!("put_derived twice: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    println!("database: {:.0} MB", std::fs::metadata(&path)?.len() as f64 / 1e6);
    Ok(())
}

use std::path::Path;

use chronicle_extract::{extract, furniture::is_furniture_line};
use chronicle_model::Article;
use chronicle_source::{read, Input};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");

fn seed(stem: &str) -> Article {
    let path = Path::new(SEEDS).join(format!("{stem}.txt"));
    let doc = read(&Input::File(path)).next().unwrap().unwrap();
    extract(doc).unwrap()
}

const STEMS: [&str; 5] = [
    "000_075b59d9bae29bd8",
    "001_2b0db2286eddf792",
    "002_d1354a31a5cb210c",
    "003_619534da5f39729e",
    "004_8f2f36f26c026f28",
];

#[test]
fn seeds_keep_their_text_and_lose_their_furniture() {
    for stem in STEMS {
        let article = seed(stem);
        let raw = std::fs::read_to_string(Path::new(SEEDS).join(format!("{stem}.txt"))).unwrap();
        assert_eq!(article.text, raw, "{stem}: the text is kept exactly");
        assert!(article.body.windows(2).all(|pair| pair[0].end <= pair[1].start), "{stem}: spans in order");
        for span in &article.body {
            assert!(article.text.get(span.start..span.end).is_some(), "{stem}: span on char boundaries");
        }
        let clean = article.clean_text();
        for line in clean.lines().filter(|line| !line.trim().is_empty()) {
            assert!(!is_furniture_line(line), "{stem}: furniture line {line:?} left in the body");
        }
        for furniture in
            ["Share", "2 min read", "Skip to main content", "Leave a Reply", "SPEEDREAD", "MORE FROM THE POST"]
        {
            assert!(!clean.lines().any(|line| line.trim() == furniture), "{stem}: {furniture:?} left");
        }
        assert!(!clean.contains("Your email address will not be published") && !clean.contains("Latest from Blog"));
    }
}

#[test]
fn seed_titles_are_detected_and_left_out_of_the_body() {
    let expected = [
        ("000_075b59d9bae29bd8", "Bashar al-Assad meets Putin in Russia to discuss Syria-Turkey ties"),
        ("001_2b0db2286eddf792", "Putin to hold talks with Syria's Assad on Wednesday: Kremlin"),
        ("002_d1354a31a5cb210c", "Syria's Assad meets Putin in Moscow"),
    ];
    for (stem, title) in expected {
        let article = seed(stem);
        assert_eq!(article.title.as_deref(), Some(title), "{stem}");
        assert!(!article.clean_text().contains("Assad meets Putin in"), "{stem}: title repeated in the body");
    }
    let repeated = seed("002_d1354a31a5cb210c");
    assert!(repeated.clean_text().starts_with("The Syrian president voiced his concerns"));
    assert!(repeated.clean_text().contains("\n\nWhat do we know about the meeting?\n\n"), "in-body heading kept");
    assert!(repeated.clean_text().ends_with("The pair last met in person in March 2023, also in Moscow."));
}

#[test]
fn seeds_without_a_title_keep_their_first_paragraph() {
    let article = seed("003_619534da5f39729e");
    assert_eq!(article.title, None);
    assert!(article.clean_text().starts_with("Russian President Vladimir Putin received his Syrian counterpart"));
    assert_eq!(article.body.len(), 32, "one paragraph a line");
    let article = seed("004_8f2f36f26c026f28");
    assert_eq!(article.title, None);
    assert!(article.clean_text().starts_with("BTN News: Russian President Vladimir Putin met with Syrian President"));
}

#[test]
fn seed_000_keeps_its_caption_bullets_and_body() {
    let article = seed("000_075b59d9bae29bd8");
    let clean = article.clean_text();
    assert!(clean
        .starts_with("Damascus is a staunch ally of Moscow, which intervened in the Syrian conflict in 2015. (AFP)"));
    assert!(clean.contains("\n\n• The outbreak of Syria's civil war in 2011"));
    assert!(clean.ends_with("Assad last visited Moscow in September 2021 when he also met Putin."));
}

#[test]
fn jsonl_metadata_wins_over_the_text() {
    let path = Path::new(SEEDS).join("seeds.jsonl");
    let articles: Vec<Article> = read(&Input::File(path)).map(|doc| extract(doc.unwrap()).unwrap()).collect();
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[2].published.unwrap().to_string(), "2024-07-25");
    assert_eq!(articles[1].title.as_deref(), Some("Putin to hold talks with Syria's Assad on Wednesday: Kremlin"));
}

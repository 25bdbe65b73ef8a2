//! Language identification on real articles: the seeds and the article-extraction benchmark's pages.

use chronicle_analyze::language::{detect, detect_body};
use chronicle_model::Article;
use chronicle_source::{discover, read};

fn articles(path: &str) -> Vec<Article> {
    let (inputs, errors) = discover(&[path.into()]);
    assert!(errors.is_empty() && !inputs.is_empty(), "{path}: {errors:?}");
    let docs = inputs.iter().flat_map(read).map(|doc| doc.expect("a readable document"));
    docs.map(|doc| chronicle_extract::extract(doc).expect("an article")).collect()
}

#[test]
fn the_seeds_are_english() {
    let seeds = articles(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds"));
    assert_eq!(seeds.len(), 10);
    for article in &seeds {
        assert_eq!(detect_body(&article.text, &article.body).as_deref(), Some("en"), "{}", article.id);
    }
}

#[test]
fn body_sample_agrees_with_the_clean_text_and_the_pages_own_language() {
    let pages = articles(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/aeb-dev/html"));
    assert_eq!(pages.len(), 85);
    let (mut declared, mut agree) = (0, 0);
    let mut found: Vec<String> = Vec::new();
    for page in &pages {
        let language = detect_body(&page.text, &page.body);
        assert_eq!(language, detect(&page.clean_text()), "{}", page.id);
        let Some(language) = language else { continue };
        if let Some(own) = &page.language {
            declared += 1;
            agree += usize::from(own.split(['-', '_']).next().is_some_and(|own| own.eq_ignore_ascii_case(&language)));
        }
        found.push(language);
    }
    found.sort();
    found.dedup();
    assert!(found.len() >= 5, "languages found: {found:?}");
    assert!(declared >= 60 && agree * 10 >= declared * 9, "{agree} of {declared} pages agree with their lang");
}

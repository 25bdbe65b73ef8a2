mod support;

use chronicle_dedup::find_reuse;
use chronicle_model::{AnalyzedArticle, ReuseKind};

fn kind(graph: &chronicle_dedup::ReuseGraph, from: &str, to: &str) -> Option<ReuseKind> {
    graph.links(from).iter().find(|l| l.article == to).map(|l| l.kind)
}

fn check_seeds(articles: &[AnalyzedArticle]) {
    let graph = find_reuse(articles);
    let id = |p| support::id(articles, p);
    let (a0, a1, a2, a3, a4) = (id("000"), id("001"), id("002"), id("003"), id("004"));
    assert_eq!(kind(&graph, &a0, &a1), Some(ReuseKind::Reuse));
    assert_eq!(kind(&graph, &a1, &a0), Some(ReuseKind::Reuse));
    assert_eq!(kind(&graph, &a0, &a3), Some(ReuseKind::Reuse));
    assert!(kind(&graph, &a2, &a4).is_some());
    for early in [&a0, &a1, &a3] {
        for late in [&a2, &a4] {
            assert_eq!(kind(&graph, early, late), None, "{early} {late}");
            assert_eq!(kind(&graph, late, early), None, "{late} {early}");
        }
    }
    assert_eq!(graph.independent_sources(&[a0.clone(), a1.clone(), a3.clone()]), 1);
    assert_eq!(graph.independent_sources(&[a2.clone(), a4.clone()]), 1);
    assert_eq!(graph.independent_sources(&[a0.clone(), a2.clone()]), 2);

    // The AFP paragraph on Moscow's intervention is shared, and its spans point at the same words in both.
    let link = graph.links(&a0).iter().find(|l| l.article == a1).unwrap();
    assert!(link.shared > 0.2 && link.shared < 0.6, "{}", link.shared);
    let (t0, t1) = (&articles[0].article.text, &articles[1].article.text);
    assert!(link.passages.iter().any(|p| p.span.slice(t0).contains("staunch ally of Moscow")
        && p.other_span.slice(t1).contains("staunch ally of Moscow")));
    for article in articles {
        for link in graph.links(&article.article.id) {
            assert!(link.passages.iter().all(|p| !p.span.slice(&article.article.text).is_empty()));
        }
    }
}

#[test]
fn seeds_from_jsonl_share_agency_passages_within_each_event_only() {
    let articles = support::seeds(true);
    check_seeds(&articles);
    let graph = find_reuse(&articles);
    // With publication dates the canonical article of the 2023 group is the Kremlin's announcement of Tuesday.
    assert_eq!(graph.canonical(&support::id(&articles, "003")), support::id(&articles, "001"));
}

#[test]
fn bare_text_seeds_give_the_same_links() {
    check_seeds(&support::seeds(false));
}

#[test]
fn exact_duplicates_are_copies_sharing_everything() {
    let mut articles = support::seeds(true);
    let mut twin = articles[2].clone();
    twin.article.id = "twin".into();
    twin.article.published = None;
    articles.push(twin);
    let graph = find_reuse(&articles);
    let original = support::id(&articles, "002");
    let link = graph.links("twin").iter().find(|l| l.article == original).unwrap();
    assert_eq!((link.kind, link.shared), (ReuseKind::Copy, 1.0));
    // Same day as 002 and 004, but 004 is the most complete of the group.
    assert_eq!(graph.canonical("twin"), support::id(&articles, "004"));
    assert_eq!(graph.independent_sources(&["twin".into(), original.clone(), support::id(&articles, "004")]), 1);
}

#[test]
fn odd_inputs_give_no_links_and_no_panic() {
    let articles = vec![
        support::article("empty", None, ""),
        support::article("blank", None, "   \n\n  "),
        support::article("short", None, "Ça va? Très bien, merci beaucoup à vous tous."),
        support::article("short2", None, "Ça va? Très bien, merci beaucoup à vous tous."),
    ];
    let articles = support::analyze_all(articles);
    let graph = find_reuse(&articles);
    assert!(graph.links("empty").is_empty() && graph.links("blank").is_empty());
    assert_eq!(graph.links("short")[0].kind, ReuseKind::Copy);
    assert!(graph.links("unknown").is_empty());
    assert_eq!(graph.canonical("unknown"), "unknown");
    assert_eq!(graph.independent_sources(&["empty".into(), "blank".into(), "short".into(), "short2".into()]), 3);
    assert_eq!(find_reuse(&[]).independent_sources(&[]), 0);
}

#[test]
fn a_family_of_copies_links_each_copy_to_its_canonical_only() {
    let mut articles = support::seeds(true);
    let original = support::id(&articles, "000");
    let copies: Vec<String> = (0..6).map(|n| format!("copy{n}")).collect();
    for id in &copies {
        let mut copy = articles[0].clone();
        copy.article.id = id.clone();
        articles.push(copy);
    }
    let graph = find_reuse(&articles);
    // The copies have the original's date and length: the smallest id, the original's, is the family's canonical.
    let canonical = original.clone();
    let family: Vec<String> = copies.iter().cloned().chain([original.clone()]).collect();
    for id in family.iter().filter(|id| **id != canonical) {
        let within: Vec<&str> =
            graph.links(id).iter().filter(|l| family.contains(&l.article)).map(|l| l.article.as_str()).collect();
        assert_eq!(within, [canonical.as_str()], "{id}");
        assert_eq!(kind(&graph, id, &canonical), Some(ReuseKind::Copy));
        assert_eq!(kind(&graph, &canonical, id), Some(ReuseKind::Copy));
    }
    assert_eq!(graph.independent_sources(&family), 1);
    assert_eq!(graph.links(&canonical).iter().filter(|l| copies.contains(&l.article)).count(), copies.len());
    // Shared agency passages with the other articles of the event still link through the canonical article.
    assert_eq!(kind(&graph, &canonical, &support::id(&articles, "001")), Some(ReuseKind::Reuse));
}

#[test]
fn links_do_not_depend_on_the_number_of_threads() {
    let mut articles = support::seeds(true);
    // Copies make families, so every stage (copies, passages, rewrites) has work to split.
    for n in 0..4 {
        let mut copy = articles[n].clone();
        copy.article.id = format!("copy{n}");
        articles.push(copy);
    }
    let run = |threads| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| find_reuse(&articles))
    };
    let (one, four) = (run(1), run(4));
    for article in &articles {
        let id = &article.article.id;
        assert!(!one.links(id).is_empty(), "{id}");
        assert_eq!(one.links(id), four.links(id), "{id}");
        assert_eq!(one.canonical(id), four.canonical(id));
    }
}

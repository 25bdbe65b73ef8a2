//! Acceptance on the five seed articles.

use std::collections::BTreeSet;

use chronicle_entities::{unify, Recognizer};
use chronicle_model::{Date, EntityKind, Mention, Span};

const SEEDS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds/seeds.jsonl"));

struct Seed {
    text: String,
    mentions: Vec<Mention>,
}

/// Sentence spans as a plain splitter gives them: after ". ", "! ", "? " and at line breaks.
fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let next = text[i + c.len_utf8()..].chars().next();
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' if next.is_none_or(|n| n == ' ') => Some(i + 1),
            _ => None,
        };
        if let Some(end) = end {
            if end > start {
                spans.push(Span::new(start, end));
            }
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

fn seeds() -> Vec<Seed> {
    let recognizer = Recognizer::new();
    let mut seeds: Vec<Seed> = SEEDS
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("seed line is JSON");
            let text = value["text"].as_str().unwrap_or_default().to_string();
            let dct = value["published"].as_str().and_then(|d| d.parse::<Date>().ok());
            let mentions = recognizer.recognize(&text, &sentences(&text), dct);
            Seed { text, mentions }
        })
        .collect();
    let mut lists: Vec<&mut Vec<Mention>> = seeds.iter_mut().map(|s| &mut s.mentions).collect();
    unify(&mut lists);
    seeds
}

/// Ids and kinds of the mentions whose text passes `test`, over all seeds.
fn entities_where(seeds: &[Seed], test: impl Fn(&str) -> bool) -> BTreeSet<(String, EntityKind)> {
    seeds
        .iter()
        .flat_map(|s| s.mentions.iter().filter(|m| test(m.span.slice(&s.text))))
        .map(|m| (m.id.clone(), m.kind))
        .collect()
}

fn entities_of(seeds: &[Seed], needle: &str) -> BTreeSet<(String, EntityKind)> {
    entities_where(seeds, |surface| surface.contains(needle))
}

fn entities_named(seeds: &[Seed], name: &str) -> BTreeSet<(String, EntityKind)> {
    entities_where(seeds, |surface| surface == name)
}

#[test]
fn people_are_one_entity_each_across_the_seeds() {
    let seeds = seeds();
    for (needle, id) in [
        ("Assad", "chr:bashar-assad"),
        ("Putin", "chr:vladimir-putin"),
        ("Erdogan", "chr:recep-tayyip-erdogan"),
        ("Peskov", "chr:dmitry-peskov"),
    ] {
        let found = entities_of(&seeds, needle);
        assert_eq!(found, BTreeSet::from([(id.to_string(), EntityKind::Person)]), "{needle}");
    }
}

#[test]
fn countries_cities_and_nationalities_are_linked() {
    let seeds = seeds();
    for (needle, id, kind) in [
        ("Turkey", "iso:TR", EntityKind::Place),
        ("Türkiye", "iso:TR", EntityKind::Place),
        ("Russia", "iso:RU", EntityKind::Place),
        ("Iran", "iso:IR", EntityKind::Place),
        ("Saudi Arabia", "iso:SA", EntityKind::Place),
        ("Damascus", "geo:170654", EntityKind::Place),
        ("Ankara", "geo:323786", EntityKind::Place),
        ("Moscow", "geo:524901", EntityKind::Place),
    ] {
        let found = entities_named(&seeds, needle);
        assert_eq!(found, BTreeSet::from([(id.to_string(), kind)]), "{needle}");
    }
    assert_eq!(entities_named(&seeds, "Syria"), BTreeSet::from([("iso:SY".to_string(), EntityKind::Place)]));
    assert_eq!(entities_named(&seeds, "Syrian"), BTreeSet::from([("chr:syrian".to_string(), EntityKind::Group)]));
    assert_eq!(
        entities_named(&seeds, "Kremlin"),
        BTreeSet::from([("chr:kremlin".to_string(), EntityKind::Organization)])
    );
}

#[test]
fn office_phrases_name_the_holder_on_the_publication_day() {
    let seeds = seeds();
    let turkish_president = entities_where(&seeds, |s| s.eq_ignore_ascii_case("Turkish president"));
    assert_eq!(turkish_president, BTreeSet::from([("chr:recep-tayyip-erdogan".to_string(), EntityKind::Person)]));
    let syrian_president = entities_where(&seeds, |s| s.eq_ignore_ascii_case("Syrian president"));
    assert_eq!(syrian_president, BTreeSet::from([("chr:bashar-assad".to_string(), EntityKind::Person)]));
}

#[test]
fn titles_and_headlines_give_no_junk_names() {
    let seeds = seeds();
    let surfaces: BTreeSet<&str> =
        seeds.iter().flat_map(|s| s.mentions.iter().map(|m| m.span.slice(&s.text))).collect();
    for junk in ["President", "Mr", "Share", "SPEEDREAD", "I", "The", "Dear", "President Vladimir Putin"] {
        assert!(!surfaces.contains(junk), "{junk}");
    }
    assert!(seeds.iter().all(|s| s.mentions.iter().all(|m| s.text.get(m.span.start..m.span.end).is_some())));
}

//! The statistical tagger: names outside the knowledge base, headlines and datelines, training, its weight file,
//! and a floor on MEANTIME.

use std::path::Path;

use chronicle_entities::meantime::documents;
use chronicle_entities::{Labelled, Recognizer, Tagger};
use chronicle_model::{EntityKind, Span};

const MEANTIME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime/intra-doc_annotation");

/// (surface, kind, id) of every mention.
fn found(text: &str) -> Vec<(String, EntityKind, String)> {
    Recognizer::new()
        .recognize(text, &[], None)
        .into_iter()
        .map(|m| (m.span.slice(text).to_string(), m.kind, m.id))
        .collect()
}

#[test]
fn names_outside_the_knowledge_base_get_kinds_from_the_tagger() {
    let recognizer = Recognizer::new();
    let text = "Shares of Zynga fell on Tuesday after analysts at Wedbush cut their rating, said Kowalczyk Marenko.";
    let mentions = found(text);
    for (name, kind) in [("Zynga", EntityKind::Organization), ("Wedbush", EntityKind::Organization)] {
        assert!(recognizer.known_id(name).is_none(), "{name} is in the knowledge base");
        let mention = mentions.iter().find(|m| m.0 == name);
        assert_eq!(mention.map(|m| (m.1, m.2.as_str())), Some((kind, format!("chr:{}", name.to_lowercase()).as_str())));
    }
}

#[test]
fn datelines_and_capitals_headlines_give_places_and_people() {
    let text = "MOSCOW (AFP) — Russian President Vladimir Putin hosted Syrian leader Bashar al-Assad on Wednesday.";
    let mentions = found(text);
    assert_eq!(mentions[0], ("MOSCOW".to_string(), EntityKind::Place, "geo:524901".to_string()));
    assert!(mentions.iter().any(|m| m.0 == "Vladimir Putin" && m.1 == EntityKind::Person));

    let headline =
        "PUTIN HOSTS ASSAD IN MOSCOW\n\nPresident Vladimir Putin met Bashar al-Assad in Moscow on Wednesday.";
    let ids: Vec<String> =
        found(headline).into_iter().filter(|m| m.0.chars().all(|c| !c.is_lowercase())).map(|m| m.2).collect();
    assert!(ids.contains(&"geo:524901".to_string()), "{ids:?}");
    assert!(ids.contains(&"chr:vladimir-putin".to_string()), "{ids:?}");
}

#[test]
fn training_learns_names_from_their_context() {
    let sentence = |name: &str| format!("Yesterday {name} said the talks would go on.\nThe talks began in May.");
    let documents: Vec<Labelled> = ["Qorvath Delune", "Mirela Ostrun", "Tavo Brenik", "Sule Aramat"]
        .iter()
        .map(|name| Labelled {
            text: sentence(name),
            names: vec![(Span::new(10, 10 + name.len()), EntityKind::Person)],
        })
        .collect();
    let tagger = Tagger::train(&documents, 5, 7);
    let text = sentence("Ilka Voronet");
    assert_eq!(tagger.find(&text), [(Span::new(10, 22), EntityKind::Person)]);
    assert!(Tagger::default().find(&text).is_empty());
}

#[test]
fn weight_files_round_trip_and_bad_ones_are_refused() {
    let text = "Yesterday Ilka Voronet said the talks would go on.";
    let documents = [Labelled { text: text.to_string(), names: vec![(Span::new(10, 22), EntityKind::Person)] }];
    let tagger = Tagger::train(&documents, 3, 1);
    let reread = Tagger::from_bytes(&tagger.to_bytes(0.0)).expect("a weight file it wrote");
    assert_eq!(reread.find(text), tagger.find(text));
    assert!(Tagger::from_bytes(b"not weights").is_none());
    assert!(Tagger::from_bytes(&[]).is_none());
}

/// Overlap-and-type recall over MEANTIME's named mentions. The shipped weights saw MEANTIME in training, so this is
/// a floor against regressions; the held-out k-fold numbers come from `scripts/train_ner.sh`.
#[test]
fn meantime_recall_stays_above_a_floor() {
    let docs = documents(Path::new(MEANTIME));
    assert_eq!(docs.len(), 120, "MEANTIME missing under {MEANTIME}");
    let recognizer = Recognizer::new();
    let (mut hit, mut gold) = (0, 0);
    for doc in &docs {
        let mentions = recognizer.recognize(&doc.text, &doc.sentences, None);
        gold += doc.gold.len();
        hit += doc.gold.iter().filter(|(g, k)| mentions.iter().any(|m| m.span.overlaps(*g) && m.kind == *k)).count();
    }
    let recall = hit as f64 / gold as f64;
    assert!(recall > 0.70, "recall {recall:.3} ({hit} of {gold})");
}

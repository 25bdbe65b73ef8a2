//! Behaviour of the recogniser on news sentences and on bad input.

use chronicle_entities::Recognizer;
use chronicle_model::{Date, EntityKind, Mention, Span};

fn recognize(text: &str, dct: Option<&str>) -> Vec<Mention> {
    let dct = dct.and_then(|d| d.parse::<Date>().ok());
    Recognizer::new().recognize(text, &[], dct)
}

/// (surface, kind, id) of every mention.
fn found(text: &str, dct: Option<&str>) -> Vec<(String, EntityKind, String)> {
    recognize(text, dct).into_iter().map(|m| (m.span.slice(text).to_string(), m.kind, m.id)).collect()
}

fn triple(surface: &str, kind: EntityKind, id: &str) -> (String, EntityKind, String) {
    (surface.to_string(), kind, id.to_string())
}

#[test]
fn titles_and_roles_are_not_part_of_names() {
    let text = "Russian President Vladimir Putin met Kremlin spokesman Dmitry Peskov in Moscow.";
    assert_eq!(
        found(text, Some("2023-03-15")),
        [
            triple("Russian", EntityKind::Group, "chr:russian"),
            triple("Vladimir Putin", EntityKind::Person, "chr:vladimir-putin"),
            triple("Kremlin", EntityKind::Organization, "chr:kremlin"),
            triple("Dmitry Peskov", EntityKind::Person, "chr:dmitry-peskov"),
            triple("Moscow", EntityKind::Place, "geo:524901"),
        ]
    );
}

#[test]
fn title_case_headlines_give_only_names_the_article_confirms() {
    let text = "Putin Meets Assad In Moscow To Discuss Ties\n\nPresident Putin received Bashar al-Assad on Wednesday.";
    let names: Vec<String> = found(text, Some("2023-03-15")).into_iter().map(|(s, _, _)| s).collect();
    assert_eq!(names, ["Putin", "Assad", "Moscow", "Putin", "Bashar al-Assad"]);
    let sentence = "Gurmu Tesfaye met Abebe Kebede.";
    let names: Vec<String> = found(sentence, None).into_iter().map(|(s, _, _)| s).collect();
    assert_eq!(names, ["Gurmu Tesfaye", "Abebe Kebede"], "a sentence full of names is no headline");
}

#[test]
fn unknown_names_get_kinds_from_titles_first_names_words_and_surnames() {
    let text = "The Lumbro Party said on Monday that Mr. Gurmu Tesfaye, a trader who lives in Qarbuz, was arrested. \
                Tesfaye denied it. Later, Abdullah Zerhouni of the Kasimo Bank said Lake Varnoo was closed.";
    let mentions = found(text, None);
    let kind_of = |surface: &str| mentions.iter().find(|m| m.0 == surface).map(|m| (m.1, m.2.clone()));
    assert_eq!(kind_of("Lumbro Party"), Some((EntityKind::Organization, "chr:lumbro-party".into())));
    assert_eq!(kind_of("Gurmu Tesfaye"), Some((EntityKind::Person, "chr:gurmu-tesfaye".into())));
    assert_eq!(kind_of("Tesfaye"), Some((EntityKind::Person, "chr:gurmu-tesfaye".into())));
    assert_eq!(kind_of("Qarbuz"), Some((EntityKind::Place, "chr:qarbuz".into())));
    assert_eq!(kind_of("Abdullah Zerhouni"), Some((EntityKind::Person, "chr:abdullah-zerhouni".into())));
    assert_eq!(kind_of("Kasimo Bank"), Some((EntityKind::Organization, "chr:kasimo-bank".into())));
    assert_eq!(kind_of("Lake Varnoo"), Some((EntityKind::Place, "chr:lake-varnoo".into())));
    assert!(kind_of("Monday").is_none() && kind_of("Later").is_none() && kind_of("The").is_none());
}

#[test]
fn offices_resolve_to_their_holder_on_the_day() {
    let text = "The Turkish president said talks would go on.";
    let on = |day: &str| recognize(text, Some(day)).into_iter().map(|m| m.name).collect::<Vec<_>>();
    assert_eq!(on("2023-03-15"), ["Recep Tayyip Erdogan"]);
    assert_eq!(on("2010-06-01"), ["Abdullah Gul"]);
    let named = recognize("Turkish President Recep Tayyip Erdogan said so.", Some("2010-06-01"));
    assert_eq!(named.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Turkish", "Recep Tayyip Erdogan"]);
}

#[test]
fn a_surname_alone_needs_support_to_name_a_known_person() {
    let kinds = |text: &str, dct| found(text, dct).into_iter().map(|(_, k, id)| (k, id)).collect::<Vec<_>>();
    assert_eq!(
        kinds("Analysts said Putin would attend.", Some("2023-03-15")),
        [(EntityKind::Person, "chr:vladimir-putin".into())]
    );
    assert_ne!(kinds("Analysts said Ford would cut jobs.", Some("2023-03-15"))[0].1, "chr:gerald-r-ford");
}

#[test]
fn variants_of_one_name_get_one_id() {
    let ids: Vec<String> = ["Bashar al-Assad", "Bashar al Assad", "Bashar Assad", "Türkiye", "Turkey"]
        .iter()
        .map(|name| recognize(&format!("Officials said {name} agreed."), None).remove(0).id)
        .collect();
    assert_eq!(ids, ["chr:bashar-assad", "chr:bashar-assad", "chr:bashar-assad", "iso:TR", "iso:TR"]);
}

#[test]
fn bad_input_gives_valid_spans_or_nothing() {
    let recognizer = Recognizer::new();
    assert!(recognizer.recognize("", &[], None).is_empty());
    assert!(recognizer.recognize("...,;!? — “ ”", &[], None).is_empty());
    let text = "Ünïcödé Éé Moscow’s 東京 Assad-";
    let bad =
        [Span { start: 2, end: 1 }, Span { start: 1, end: 5 }, Span { start: 0, end: 999 }, Span::new(0, text.len())];
    for mention in recognizer.recognize(text, &bad, None) {
        assert!(text.get(mention.span.start..mention.span.end).is_some_and(|s| !s.is_empty()));
    }
    let long = "Al ".repeat(10_000) + &"Xy-".repeat(10_000);
    let mentions = recognizer.recognize(&long, &[], None);
    assert!(mentions.iter().all(|m| long.get(m.span.start..m.span.end).is_some()));
}

#[test]
fn the_recognizer_is_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Recognizer>();
    let recognizer = Recognizer::new();
    let text = "Syrian President Bashar al-Assad arrived in Moscow.";
    let alone = recognizer.recognize(text, &[], None);
    let threaded = std::thread::scope(|s| s.spawn(|| recognizer.recognize(text, &[], None)).join().ok());
    assert_eq!(threaded, Some(alone));
}

#[test]
fn the_knowledge_base_records_countries_of_places_people_and_institutions() {
    let recognizer = Recognizer::new();
    let countries: Vec<Option<&str>> =
        ["chr:kremlin", "geo:170654", "chr:syrian", "chr:recep-tayyip-erdogan", "iso:TR"]
            .iter()
            .map(|id| recognizer.country(id))
            .collect();
    assert_eq!(countries, [Some("RU"), Some("SY"), Some("SY"), Some("TR"), Some("TR")]);
    assert_eq!(recognizer.country("chr:no-such-entity"), None);
}

#[test]
fn named_events_and_nationalities_have_their_kinds() {
    let text = "Syrians fled after the Arab Spring, before the Olympics, said Kurdish and Syrian officials.";
    let kinds: Vec<(String, EntityKind)> = found(text, None).into_iter().map(|(s, k, _)| (s, k)).collect();
    let expected = [
        ("Syrians", EntityKind::Group),
        ("Arab Spring", EntityKind::Event),
        ("Olympics", EntityKind::Event),
        ("Kurdish", EntityKind::Group),
        ("Syrian", EntityKind::Group),
    ];
    assert_eq!(kinds, expected.map(|(s, k)| (s.to_string(), k)));
}

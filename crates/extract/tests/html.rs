use chronicle_extract::{extract, extract_html, Extracted};
use chronicle_model::{RawDocument, RawFormat};

fn fixture(name: &str) -> Extracted {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/").to_string() + name;
    extract_html(&std::fs::read_to_string(path).unwrap(), None)
}

fn paragraphs(extracted: &Extracted) -> Vec<&str> {
    extracted.paragraphs.iter().map(|span| span.slice(&extracted.text)).collect()
}

fn assert_excludes(extracted: &Extracted, furniture: &[&str]) {
    for phrase in furniture {
        assert!(!extracted.text.contains(phrase), "{phrase:?} left in:\n{}", extracted.text);
    }
}

#[test]
fn english_page_keeps_the_article_and_drops_the_furniture() {
    let page = fixture("en.html");
    let paragraphs = paragraphs(&page);
    assert!(paragraphs[0].starts_with("Russian President Vladimir Putin and Syrian leader Bashar al-Assad began talks"));
    assert!(paragraphs.contains(&"A decade of strained ties"), "in-body heading kept");
    assert!(paragraphs.contains(&"Diplomats from Russia, Turkey, Syria and Iran are due to meet in Moscow this week."));
    assert_eq!(paragraphs.last(), Some(&"Assad last visited Moscow in September 2021, when he also met Putin."));
    assert_eq!(paragraphs.len(), 8, "{paragraphs:#?}");
    assert_excludes(
        &page,
        &[
            "Skip to",
            "Business",
            "cookies",
            "Facebook",
            "Related",
            "Earthquake toll",
            "Comments",
            "interesting meeting",
        ],
    );
    assert_excludes(&page, &["Leave a Reply", "Most read", "All rights reserved", "Photo: Reuters", "Jane Reporter"]);
    assert_eq!(page.title.as_deref(), Some("Putin hosts Assad for talks in Moscow"));
    assert_eq!(page.published.map(|date| date.to_string()).as_deref(), Some("2023-03-15"));
    assert_eq!(page.author.as_deref(), Some("Jane Reporter"));
    assert_eq!(page.site.as_deref(), Some("Example World News"));
    assert_eq!(page.url.as_deref(), Some("https://news.example.org/world/putin-hosts-assad"));
    assert_eq!(page.language.as_deref(), Some("en"));
}

#[test]
fn german_page_reads_json_ld_and_drops_consent_and_comments() {
    let page = fixture("de.html");
    let paragraphs = paragraphs(&page);
    assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Der russische Präsident Wladimir Putin hat den syrischen Machthaber"));
    assert_eq!(paragraphs[2], "Annäherung an die Türkei");
    assert_excludes(&page, &["Cookies", "Politik", "Lesezeit", "Teilen", "Mehr zum Thema", "Theater", "Impressum"]);
    assert_eq!(page.title.as_deref(), Some("Putin empfängt Assad im Kreml"));
    assert_eq!(page.published.map(|date| date.to_string()).as_deref(), Some("2024-07-25"));
    assert_eq!(page.author.as_deref(), Some("Max Mustermann"));
    assert_eq!(page.site.as_deref(), Some("Beispiel Zeitung"));
    assert_eq!(page.language.as_deref(), Some("de"));
}

#[test]
fn french_page_without_class_hints_is_found_by_density() {
    let page = fixture("fr.html");
    let paragraphs = paragraphs(&page);
    assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Le président russe Vladimir Poutine a reçu mercredi à Moscou"));
    assert_eq!(paragraphs[3], "Bachar al-Assad ne s'était plus rendu à Moscou depuis septembre 2021.");
    assert_excludes(&page, &["cookies", "Accueil", "Partager", "Lire aussi", "Séisme", "commentaire", "droits"]);
    assert_eq!(page.title.as_deref(), Some("Poutine reçoit Assad à Moscou"));
    assert_eq!(page.published.map(|date| date.to_string()).as_deref(), Some("2023-03-15"));
    assert_eq!(page.site.as_deref(), Some("Le Quotidien d'Exemple"));
    assert_eq!(page.language.as_deref(), Some("fr"));
}

#[test]
fn spanish_table_layout_keeps_the_article_cell() {
    let page = fixture("es.html");
    let paragraphs = paragraphs(&page);
    assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("El presidente ruso, Vladímir Putin, recibió en el Kremlin"));
    assert_excludes(
        &page,
        &["cookies", "Inicio", "lectura", "Compartir", "Lo más leído", "boletín", "lector", "derechos"],
    );
    assert_eq!(page.title.as_deref(), Some("Putin recibe a Al Asad en el Kremlin"));
    assert_eq!(page.published.map(|date| date.to_string()).as_deref(), Some("2024-07-25"));
    assert_eq!(page.language.as_deref(), Some("es"));
}

#[test]
fn raw_document_metadata_wins_over_the_page() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/en.html")).unwrap();
    let doc = RawDocument {
        id: "x".into(),
        origin: "x.html".into(),
        format: RawFormat::Html,
        content: html,
        url: Some("https://mirror.example.net/x".into()),
        title: Some("Given title".into()),
        published: Some(jiff::civil::date(2023, 3, 16)),
        source: None,
        language: None,
    };
    let article = extract(doc).unwrap();
    assert_eq!(article.title.as_deref(), Some("Given title"));
    assert_eq!(article.url.as_deref(), Some("https://mirror.example.net/x"));
    assert_eq!(article.published.map(|date| date.to_string()).as_deref(), Some("2023-03-16"));
    assert_eq!(article.source.as_deref(), Some("Example World News"));
    assert_eq!(article.language.as_deref(), Some("en"));
    assert!(article.clean_text().starts_with("Russian President Vladimir Putin and Syrian leader"));
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Deep inside, Putin and Assad met in Moscow on Wednesday, the Kremlin said.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let page = extract_html(&html, None);
    assert_eq!(page.text, "Deep inside, Putin and Assad met in Moscow on Wednesday, the Kremlin said.");
}

#[test]
fn truncated_html_keeps_what_was_there() {
    let html = "<html><head><title>Talks</title></head><body><article><p>Putin and Assad met in Moscow on Wednesday, \
                the Kremlin said, after months of preparation.</p><p>The talks lasted three hours, according to the Kre";
    let page = extract_html(html, None);
    assert_eq!(
        paragraphs(&page),
        [
            "Putin and Assad met in Moscow on Wednesday, the Kremlin said, after months of preparation.",
            "The talks lasted three hours, according to the Kre"
        ]
    );
    assert!(extract_html("<html><body><div class=", None).text.is_empty());
    assert!(extract_html("", None).text.is_empty());
}

#[test]
fn a_10_mb_page_is_extracted() {
    let paragraph = "<p>Russian President Vladimir Putin received his Syrian counterpart in Moscow on Wednesday, \
                     and the two leaders discussed relations with Turkey, the Kremlin said.</p>\n";
    let links = "<ul class=\"related\"><li><a href=\"/a\">Another story</a></li></ul>\n";
    let script =
        format!("<script>var state = [{}];</script>\n", "{\"id\": 1, \"html\": \"<div>x</div>\"}, ".repeat(30_000));
    let body = (paragraph.to_string() + links).repeat(10_000);
    let html =
        format!("<html><head>{}</head><body><article>{body}</article>{}</body></html>", script.repeat(8), script);
    assert!(html.len() > 10_000_000, "{}", html.len());
    let page = extract_html(&html, None);
    assert_eq!(page.paragraphs.len(), 10_000);
    assert!(!page.text.contains("Another story") && !page.text.contains("state"));
}

#[test]
fn html_without_text_is_an_error_for_extract() {
    let doc = RawDocument {
        id: "empty".into(),
        origin: "empty.html".into(),
        format: RawFormat::Html,
        content: "<html><body><nav><a href=\"/\">Home</a></nav><script>var x = 1;</script></body></html>".into(),
        url: None,
        title: None,
        published: None,
        source: None,
        language: None,
    };
    let error = extract(doc).unwrap_err();
    assert_eq!(error.input, "empty.html");
}

#[test]
fn lists_under_a_furniture_heading_are_dropped_and_other_lists_kept() {
    let html = "<html><body><article>\
        <p>Russian President Vladimir Putin received Bashar al-Assad in Moscow on Wednesday, the Kremlin said.</p>\
        <p>The two leaders discussed the war in Syria, relations with Turkey, and the reconstruction of the country.</p>\
        <ul><li>Talks lasted about three hours.</li><li>Ministers joined the first session.</li></ul>\
        <h3>More Great Stories</h3>\
        <ul><li>Why the plague is back, <a href=\"/a\">and what it means</a></li><li>Ten things <a href=\"/b\">to know</a></li></ul>\
        </article></body></html>";
    let page = extract_html(html, None);
    assert_eq!(page.paragraphs.len(), 4, "{}", page.text);
    assert!(page.text.contains("Ministers joined the first session."));
    assert!(!page.text.contains("plague") && !page.text.contains("More Great"));
}

#[test]
fn metadata_fields_name_their_source() {
    let en = fixture("en.html");
    assert_eq!(en.sources.get("published"), Some(&"meta"));
    assert_eq!(en.sources.get("url"), Some(&"link"));
    assert_eq!(en.sources.get("language"), Some(&"lang"));
    let de = fixture("de.html");
    assert_eq!(de.sources.get("published"), Some(&"json-ld"));
    assert_eq!(de.sources.get("author"), Some(&"json-ld"));
    assert_eq!(fixture("fr.html").sources.get("title"), Some(&"title"));
    assert_eq!(en.sources.get("modified"), None);
    assert_eq!(en.modified, None);
}

#[test]
fn modification_dates_are_read_from_json_ld_and_meta_tags() {
    let body = "<body><article><p>Assad met Putin in Moscow on Wednesday, the Kremlin said.</p></article></body>";
    let json_ld = format!(
        r#"<head><script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2023-03-15T08:00:00Z",
        "dateModified": "2023-03-16T09:30:00Z"}}</script></head>{body}"#
    );
    let page = extract_html(&json_ld, None);
    assert_eq!(page.published.map(|date| date.to_string()).as_deref(), Some("2023-03-15"));
    assert_eq!(page.modified.map(|date| date.to_string()).as_deref(), Some("2023-03-16"));
    assert_eq!(page.sources.get("modified"), Some(&"json-ld"));
    let meta =
        format!(r#"<head><meta property="article:modified_time" content="2024-07-26T10:00:00+03:00"></head>{body}"#);
    let page = extract_html(&meta, None);
    assert_eq!(page.modified.map(|date| date.to_string()).as_deref(), Some("2024-07-26"));
    assert_eq!((page.sources.get("modified"), page.published), (Some(&"meta"), None));
}

#[test]
fn the_crawl_date_of_a_warc_record_is_the_date_of_last_resort() {
    let dir = tempfile::tempdir().unwrap();
    let record = |body: &str| {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2023-03-17T01:02:03Z\r\n\
             WARC-Target-URI: https://news.example.com/world/talks\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            body.len(),
            block.len()
        )
    };
    let undated = "<html><body><article><p>Assad met Putin in Moscow on Wednesday, the Kremlin said.</p></article>";
    let dated =
        r#"<html><head><meta property="article:published_time" content="2023-03-15"></head><body><p>Talks.</p>"#;
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, record(undated) + &record(dated)).unwrap();
    let docs: Vec<RawDocument> =
        chronicle_source::read(&chronicle_source::Input::File(path)).map(Result::unwrap).collect();
    let undated = extract_html(&docs[0].content, docs[0].url.as_deref());
    assert_eq!(undated.published.map(|date| date.to_string()).as_deref(), Some("2023-03-17"));
    assert_eq!(undated.sources.get("published"), Some(&"fetched"));
    assert_eq!(undated.text, "Assad met Putin in Moscow on Wednesday, the Kremlin said.");
    let dated = extract_html(&docs[1].content, docs[1].url.as_deref());
    assert_eq!(dated.published.map(|date| date.to_string()).as_deref(), Some("2023-03-15"));
    assert_eq!(dated.sources.get("published"), Some(&"meta"));
    let article = extract(docs[0].clone()).unwrap();
    assert_eq!(article.published.map(|date| date.to_string()).as_deref(), Some("2023-03-17"));
    assert_eq!(article.url.as_deref(), Some("https://news.example.com/world/talks"));
}

#[test]
fn confidence_is_high_for_articles_and_low_for_scraps() {
    for name in ["en.html", "de.html", "fr.html", "es.html"] {
        let page = fixture(name);
        assert!((0.6..=1.0).contains(&page.confidence), "{name}: {}", page.confidence);
    }
    let scrap =
        extract_html("<html><body><p>Subscribe to read the full story.</p><a href=/>Home</a></body></html>", None);
    assert!(scrap.confidence < 0.3, "{}", scrap.confidence);
    assert_eq!(extract_html("", None).confidence, 0.0);
}

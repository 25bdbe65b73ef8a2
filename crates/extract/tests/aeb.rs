//! Smoke test on the article-extraction benchmark's development pages.

use std::path::Path;

use chronicle_extract::extract_html;
use chronicle_extract::score::{precision_recall_f1, Counts};
use chronicle_source::{read, Input};

const AEB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/aeb-dev");

#[test]
fn aeb_dev_f1_stays_above_the_floor() {
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(AEB).join("ground-truth.json")).unwrap()).unwrap();
    let truth = truth.as_object().unwrap();
    let mut pages = Vec::new();
    let mut dated = 0;
    for (id, page) in truth {
        let path = Path::new(AEB).join("html").join(format!("{id}.html.gz"));
        let doc = read(&Input::File(path)).next().unwrap().unwrap();
        let extracted = extract_html(&doc.content, None);
        dated += usize::from(extracted.published.is_some());
        assert_eq!(extracted.published.is_some(), extracted.sources.contains_key("published"), "{id}");
        pages.push(Counts::of(page["articleBody"].as_str().unwrap(), &extracted.text));
    }
    assert_eq!(pages.len(), 85);
    let (precision, recall, f1) = precision_recall_f1(&pages);
    assert!(f1 > 0.95, "precision {precision:.3} recall {recall:.3} F1 {f1:.3}");
    assert!(dated * 10 > pages.len() * 9, "{dated} of {} pages dated", pages.len());
}

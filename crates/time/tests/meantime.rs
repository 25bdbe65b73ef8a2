//! MEANTIME (Wikinews, TIMEX3 gold): the tagger keeps its measured quality. Floors sit a little under the numbers
//! `eval-time` reports, so a regression fails here.

#[path = "../src/bin/eval-time/meantime.rs"]
mod meantime;

use std::path::Path;

#[test]
fn meantime_scores_stay_above_floors() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime/intra-doc_annotation"));
    let docs = meantime::load(dir).expect("MEANTIME beside the repository");
    assert_eq!(docs.len(), 120);
    let score = meantime::evaluate(&docs, true, false);
    assert!(score.gold > 450, "gold timexes: {}", score.gold);
    let (strict, relaxed, value) = (score.strict_f1(), score.relaxed_f1(), score.value_f1());
    let types = score.type_ok as f64 / score.relaxed as f64;
    println!("strict {strict:.3} relaxed {relaxed:.3} value {value:.3} types {types:.3}");
    assert!(strict >= 0.87, "strict span F1 {strict:.3}");
    assert!(relaxed >= 0.92, "relaxed span F1 {relaxed:.3}");
    assert!(value >= 0.83, "value F1 {value:.3}");
    assert!(types >= 0.94, "type accuracy {types:.3}");

    // The date lines are easy; the rest of the text must hold up on its own.
    let body = meantime::evaluate(&docs, false, false);
    assert!(body.gold > 350 && body.gold < score.gold, "gold timexes outside date lines: {}", body.gold);
    assert!(body.value_f1() >= 0.79, "value F1 without date lines {:.3}", body.value_f1());
    assert!(body.relaxed_f1() >= 0.89, "relaxed span F1 without date lines {:.3}", body.relaxed_f1());

    let e = meantime::estimate(&docs, false);
    println!(
        "estimated {} of {}: honest {}, best within 7/31 days {}/{}",
        e.estimated, e.dated, e.honest, e.within_week, e.within_month
    );
    assert!(e.estimated >= 40, "documents estimated without their dateline: {}", e.estimated);
    assert!(e.honest as f64 >= 0.7 * e.estimated as f64, "ranges holding the DCT: {} of {}", e.honest, e.estimated);
}

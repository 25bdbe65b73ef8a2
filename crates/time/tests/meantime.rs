//! MEANTIME (Wikinews, TIMEX3 gold): the tagger keeps its measured quality. Floors sit a little under the numbers
//! `eval-time` reports, so a regression fails here.

#[path = "../src/bin/eval-time/meantime.rs"]
mod meantime;
#[path = "../src/bin/eval-time/timeml.rs"]
mod timeml;

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
    assert!(strict >= 0.91, "strict span F1 {strict:.3}");
    assert!(relaxed >= 0.945, "relaxed span F1 {relaxed:.3}");
    assert!(value >= 0.878, "value F1 {value:.3}");
    assert!(types >= 0.95, "type accuracy {types:.3}");

    // The date lines are easy; the rest of the text must hold up on its own.
    let body = meantime::evaluate(&docs, false, false);
    assert!(body.gold > 350 && body.gold < score.gold, "gold timexes outside date lines: {}", body.gold);
    assert!(body.value_f1() >= 0.845, "value F1 without date lines {:.3}", body.value_f1());
    assert!(body.relaxed_f1() >= 0.925, "relaxed span F1 without date lines {:.3}", body.relaxed_f1());

    let e = meantime::estimate(&docs, true, false);
    println!(
        "estimated {} of {}: honest {}, best within 7/31 days {}/{}",
        e.estimated, e.dated, e.honest, e.within_week, e.within_month
    );
    assert!(e.estimated >= 35, "documents estimated without their dateline: {}", e.estimated);
    assert!(e.honest as f64 >= 0.95 * e.estimated as f64, "ranges holding the DCT: {} of {}", e.honest, e.estimated);
    assert!(e.within_week >= 1 && e.within_week == e.best, "best guesses {}, within a week {}", e.best, e.within_week);
    // With the date line kept, it dates the text.
    let kept = meantime::estimate(&docs, false, false);
    assert_eq!((kept.estimated, kept.honest), (120, 120));
    assert!(kept.within_day >= 115, "best guesses within a day with the date line kept: {}", kept.within_day);
}

#[test]
fn timeml_documents_give_text_gold_and_dct() {
    let xml = concat!(
        r#"<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" "#,
        r#"functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>"#,
        r#"<TEXT>Shares of AT&amp;T fell <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3>, "#,
        r#"after <EVENT eid="e1">falling</EVENT> for "#,
        r#"<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT></TimeML>"#,
    );
    let doc = timeml::parse("wire".into(), xml);
    assert_eq!(doc.dct, Some("1998-02-06".parse().expect("date")));
    assert_eq!(doc.text, "Shares of AT&T fell Thursday, after falling for two weeks.");
    let gold: Vec<(&str, &str, &str)> =
        doc.gold.iter().map(|g| (g.span.slice(&doc.text), g.kind.as_str(), g.value.as_str())).collect();
    assert_eq!(gold, [("Thursday", "DATE", "1998-02-05"), ("two weeks", "DURATION", "P2W")]);
    let score = meantime::evaluate(&[doc], true, false);
    assert_eq!((score.gold, score.system, score.strict, score.value), (2, 2, 2, 2));
    let plain =
        "<TimeML><DCT><TIMEX3 value=\"2013-03-22\">x</TIMEX3></DCT><TEXT>Mr. Obama met Abbas. On Friday he flies \
                 to Jordan.\nSen. Kerry said: \"We won.\" Talks end Sunday.</TEXT></TimeML>";
    let doc = timeml::parse("plain".into(), plain);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.slice(&doc.text)).collect();
    assert_eq!(
        sentences,
        ["Mr. Obama met Abbas.", "On Friday he flies to Jordan.", "Sen. Kerry said: \"We won.\"", "Talks end Sunday."]
    );
    let empty = r#"<TimeML><TEXT><TIMEX3 tid="t9" type="DURATION" value="P1D"/>On <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3></TEXT></TimeML>"#;
    let doc = timeml::parse("empty".into(), empty);
    assert_eq!(doc.gold.iter().map(|g| g.span.slice(&doc.text)).collect::<Vec<_>>(), ["Monday"]);
    let broken = timeml::parse("broken".into(), "<TimeML><TEXT>On <TIMEX3 type=\"DATE\">Monday & <s");
    assert!(broken.gold.is_empty() && broken.dct.is_none());
}

/// The SemEval-2015 Task 4 TimeML files are the MEANTIME texts with the document creation time as their only
/// TIMEX3 (outside the text): they check the reader and the date lines, not the tagger's recall.
#[test]
fn semeval_timeml_date_lines_resolve_to_their_dct() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/semeval2015-t4-timeline/Corpus-trial-data_task4_TimeML"
    ));
    let docs = timeml::load(dir).expect("SemEval-2015 Task 4 beside the repository");
    assert_eq!(docs.len(), 30);
    assert!(docs.iter().all(|d| d.dct.is_some() && d.gold.is_empty() && d.sentences.len() > 3));
    let resolved = docs
        .iter()
        .filter(|d| {
            let first = chronicle_time::tag(&d.text, &d.sentences[..1], None);
            first.first().is_some_and(|t| Some(t.value.as_str()) == d.dct.map(|x| x.to_string()).as_deref())
        })
        .count();
    assert!(resolved >= 29, "date lines read as the DCT: {resolved} of 30");
}

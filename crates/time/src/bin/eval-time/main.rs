//! Scores `chronicle_time::tag` on MEANTIME (CAT XML) and on TimeML folders (TempEval-3 style): strict and relaxed
//! span P/R/F1, TempEval-3 value F1 and type accuracy, and throughput on one core.
//!
//! Usage: `eval-time [MEANTIME_DIR] [--timeml DIR]… [--passes N] [--errors] [--dump]`. The MEANTIME directory
//! defaults to the development copy beside the repository; each `--timeml` folder of `*.tml` files gets a table of
//! its own; `--errors` lists every miss and wrong value; `--dump` lists every expression found in the whole
//! MEANTIME texts, annotated or not, to review precision.

mod meantime;
mod timeml;

use std::path::PathBuf;
use std::time::Instant;

use meantime::{evaluate, load, Score};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime/intra-doc_annotation"));
    let mut passes = 5;
    let mut errors = false;
    let mut dump = false;
    let mut timeml_dirs = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--passes" => passes = args.next().and_then(|n| n.parse().ok()).unwrap_or(passes),
            "--errors" => errors = true,
            "--dump" => dump = true,
            "--timeml" => timeml_dirs.extend(args.next().map(PathBuf::from)),
            _ => dir = PathBuf::from(arg),
        }
    }
    let docs = match load(&dir) {
        Ok(docs) if !docs.is_empty() => docs,
        Ok(_) => return eprintln!("no MEANTIME documents under {}", dir.display()),
        Err(e) => return eprintln!("{}: {e}", dir.display()),
    };
    if dump {
        for doc in &docs {
            let dct = doc.dct.map(|d| d.to_string()).unwrap_or_default();
            for t in chronicle_time::tag(&doc.text, &doc.sentences, doc.dct) {
                let sentence = doc.sentences.iter().find(|s| s.contains(t.span)).map_or("", |s| s.slice(&doc.text));
                println!("TAG   {dct} {:?} {:?} {}\n      in: {sentence}", t.span.slice(&doc.text), t.kind, t.value);
            }
        }
    }
    for (label, datelines) in [("MEANTIME, all timexes", true), ("MEANTIME, without date lines", false)] {
        print_table(label, &evaluate(&docs, datelines, errors && datelines));
    }
    for dir in &timeml_dirs {
        match timeml::load(dir) {
            Ok(timeml_docs) => {
                let label = format!("TimeML {} ({} documents)", dir.display(), timeml_docs.len());
                print_table(&label, &evaluate(&timeml_docs, true, errors));
            }
            Err(e) => eprintln!("{}: {e}", dir.display()),
        }
    }
    for (label, blank) in [("without their dateline", true), ("with their dateline", false)] {
        let e = meantime::estimate(&docs, blank, errors && blank);
        println!(
            "estimate_dct  {} of {} dated docs estimated {label}: range holds the DCT in {}; a best guess in {}: \
             within 1 day of the DCT in {}, 7 days in {}, 31 days in {}",
            e.estimated, e.dated, e.honest, e.best, e.within_day, e.within_week, e.within_month
        );
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut times: Vec<f64> = (0..passes.max(1))
        .map(|_| {
            let start = Instant::now();
            let n: usize = docs.iter().map(|d| chronicle_time::tag(&d.text, &d.sentences, d.dct).len()).sum();
            std::hint::black_box(n);
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("throughput    {:.1} MB/s ({bytes} bytes, median of {} passes)", bytes as f64 / median / 1e6, times.len());
}

fn print_table(label: &str, score: &Score) {
    println!("{label}: gold {}  system {}", score.gold, score.system);
    println!("  strict span   P {:.3}  R {:.3}  F1 {:.3}", score.strict_p(), score.strict_r(), score.strict_f1());
    println!("  relaxed span  P {:.3}  R {:.3}  F1 {:.3}", score.relaxed_p(), score.relaxed_r(), score.relaxed_f1());
    println!("  value         P {:.3}  R {:.3}  F1 {:.3}", score.value_p(), score.value_r(), score.value_f1());
    println!("  type accuracy {:.3} (of relaxed matches)", score.type_ok as f64 / score.relaxed.max(1) as f64);
}

//! Recognises time expressions and resolves them to TIMEX3 values against the document creation time.
//!
//! [`tag`] finds TIMEX3 expressions (dates, times, durations, sets) sentence by sentence and resolves each against
//! the document creation time, the tense of its clause and the last date the text named. [`estimate_dct`] guesses
//! when an undated text was written from the dates it mentions.

mod calendar;
mod estimate;
mod expr;
mod lang;
mod modifier;
mod recognize;
mod resolve;
mod segment;
mod tense;
mod token;

use chronicle_model::{Date, Span, Timex};

pub use estimate::{estimate_dct, DateEstimate};

use lang::{Index, Tense};
use recognize::{recognize, Match};
use resolve::Resolver;
use token::Token;

/// Tags TIMEX3 expressions in `text` and resolves them against `dct` (document creation time). `sentences` are
/// byte spans of sentences (used for tense and for anaphora; expressions never cross a sentence); text outside
/// them is read line by line. Spans are byte offsets into `text`. Each expression carries its TimeML `mod` when its
/// opening words give one ("late December" → `END`, "about three hours" → `APPROX`). Without a dct, relative
/// expressions keep underspecified values (`XXXX-WXX-3`, `XXXX-12`) or `PAST_REF`/`PRESENT_REF`/`FUTURE_REF`.
pub fn tag(text: &str, sentences: &[Span], dct: Option<Date>) -> Vec<Timex> {
    let mut resolver = Resolver::new(dct);
    let mut out = Vec::new();
    scan(text, sentences, |m, toks, tense| {
        let (kind, value) = resolver.resolve(m.expr, tense);
        let modifier = modifier::modifier(text, &toks[m.first..m.end], Index::english()).map(str::to_string);
        out.push(Timex { span: Span::new(toks[m.first].start, toks[m.end - 1].end), kind, value, modifier });
    });
    out
}

/// Calls `found` with every expression in `text`, in order, with its sentence's tokens and its clause's tense.
fn scan(text: &str, sentences: &[Span], mut found: impl FnMut(&Match, &[Token], Option<Tense>)) {
    let index = Index::english();
    let mut toks = Vec::new();
    let mut matches = Vec::new();
    for (start, end) in segment::segments(text, sentences) {
        token::tokenize(text, start, end, index, &mut toks);
        recognize(text, &toks, index, &mut matches);
        for m in &matches {
            let inside = |i: usize| matches.iter().any(|o| o.expr.is_anaphoric() && (o.first..o.end).contains(&i));
            found(m, &toks, tense::tense_around(text, &toks, m.first, m.end, index, inside));
        }
    }
}

//! Words, content terms and body sentences.

use std::cell::RefCell;

use chronicle_model::stopwords::is_stopword;
use chronicle_model::Span;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// The words of `text` (maximal runs of alphanumerics with inner apostrophes and hyphens) and their byte spans.
pub fn words(text: &str) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let inner = start.is_some() && matches!(c, '\'' | '’' | '-');
        match (c.is_alphanumeric() || inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = text[s..i].trim_end_matches(['\'', '’', '-']);
                out.push((Span::new(s, s + word.len()), word));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Words whose terms each thread remembers; past this many it starts afresh, so memory stays bounded.
const REMEMBERED_WORDS: usize = 200_000;

thread_local! {
    /// Each word's term (none for function words and numbers), worked out once per thread.
    static TERMS: RefCell<(Stemmer, FxHashMap<String, Option<String>>)> =
        RefCell::new((Stemmer::create(Algorithm::English), FxHashMap::default()));
}

/// Distinct stemmed lowercase content terms of `text`, sorted.
pub fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = TERMS.with_borrow_mut(|(stemmer, known)| {
        if known.len() > REMEMBERED_WORDS {
            known.clear();
        }
        let mut term_of = |word: &str| {
            if let Some(term) = known.get(word) {
                return term.clone();
            }
            let term = term_of(stemmer, word);
            known.insert(word.to_string(), term.clone());
            term
        };
        words(text).into_iter().filter_map(|(_, w)| term_of(w)).collect()
    });
    out.sort();
    out.dedup();
    out
}

/// The term of one word: its stem if it is a content word.
fn term_of(stemmer: &Stemmer, word: &str) -> Option<String> {
    let lower = word.to_lowercase().replace('’', "'");
    let w = lower.strip_suffix("'s").unwrap_or(&lower);
    let content = w.chars().count() > 1 && !w.chars().all(char::is_numeric) && !is_stopword(w);
    content.then(|| stemmer.stem(w).into_owned())
}

/// Jaccard similarity of two sorted term lists.
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_wording_has_high_jaccard() {
        let a = terms("Assad last visited Moscow in September 2021 when he also met Putin.");
        let b = terms("Assad has not visited Moscow since September 2021, when he also met Putin.");
        assert!(jaccard(&a, &b) > 0.6);
        assert!(jaccard(&a, &terms("The earthquake killed tens of thousands.")) < 0.1);
    }
}

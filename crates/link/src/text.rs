//! Words, content terms and body sentences.

use chronicle_model::stopwords::is_stopword;
use chronicle_model::Span;
use rust_stemmers::{Algorithm, Stemmer};

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

/// Distinct stemmed lowercase content terms of `text`, sorted.
pub fn terms(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out: Vec<String> = words(text)
        .into_iter()
        .map(|(_, w)| w.to_lowercase().replace('’', "'"))
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
        .filter(|w| w.chars().count() > 1 && !w.chars().all(char::is_numeric))
        .filter(|w| !is_stopword(w))
        .map(|w| stemmer.stem(&w).into_owned())
        .collect();
    out.sort();
    out.dedup();
    out
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

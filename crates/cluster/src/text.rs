//! Words, content terms and body sentences of an article.

use chronicle_model::stopwords::is_stopword;
use chronicle_model::Span;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// A word: a maximal run of alphanumerics, apostrophes and hyphens inside it, with its byte span.
pub fn words(text: &str, offset: usize) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes_end = text.len();
    for (i, c) in text.char_indices().chain(std::iter::once((bytes_end, ' '))) {
        let inner = start.is_some() && matches!(c, '\'' | '’' | '-');
        match (c.is_alphanumeric() || inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = text[s..i].trim_end_matches(['\'', '’', '-']);
                out.push((Span::new(offset + s, offset + s + word.len()), word));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The number of [`words`] in `text`, counted without collecting them.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut inside = false;
    for c in text.chars() {
        let inner = inside && matches!(c, '\'' | '’' | '-');
        let word = c.is_alphanumeric() || inner;
        count += usize::from(word && !inside);
        inside = word;
    }
    count
}

/// The stemming algorithm for an ISO 639-1 language code; English when unknown.
fn algorithm(language: &str) -> Algorithm {
    match language {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => Algorithm::English,
    }
}

/// A term, shared by every occurrence of its word.
pub type Term = Arc<str>;

/// Turns text into terms: stemmed lowercase content words (no function words, no bare numbers, at least two
/// characters), with the stemmer of the text's language; each word's term is worked out once.
#[derive(Default)]
pub struct Terms {
    by_language: FxHashMap<String, (Stemmer, FxHashMap<String, Option<Term>>)>,
}

impl Terms {
    /// The terms of `text`, written in `language` (ISO 639-1; English when unknown).
    pub fn of(&mut self, language: Option<&str>, text: &str) -> Vec<Term> {
        let language = language.unwrap_or("en");
        let (stemmer, cache) = self
            .by_language
            .entry(language.to_string())
            .or_insert_with(|| (Stemmer::create(algorithm(language)), FxHashMap::default()));
        words(text, 0)
            .into_iter()
            .filter_map(|(_, word)| {
                if let Some(term) = cache.get(word) {
                    return term.clone();
                }
                let term = term_of(stemmer, word);
                cache.insert(word.to_string(), term.clone());
                term
            })
            .collect()
    }
}

fn term_of(stemmer: &Stemmer, word: &str) -> Option<Term> {
    let lower = word.to_lowercase().replace('’', "'");
    let w = lower.strip_suffix("'s").unwrap_or(&lower);
    let content = w.chars().count() > 1 && !w.chars().all(|c| c.is_numeric() || c == '-') && !is_stopword(w);
    content.then(|| Term::from(stemmer.stem(w).as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_stemmed_content_words() {
        let mut terms = Terms::default();
        let mut of = |language, text| terms.of(language, text).iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let text = "Syria’s talks were held in 2023 — al-Assad's meetings";
        assert_eq!(of(None, text), ["syria", "talk", "held", "al-assad", "meet"]);
        assert_eq!(of(Some("en"), text), of(None, text));
        assert_eq!(of(Some("fr"), "les négociations"), ["le", "négoci"]);
    }

    #[test]
    fn words_keep_inner_apostrophes_and_spans() {
        let text = "“Kremlin’s ‘press’ service-";
        let w = words(text, 10);
        let found: Vec<&str> = w.iter().map(|(_, w)| *w).collect();
        assert_eq!(found, ["Kremlin’s", "press", "service"]);
        assert_eq!(w[2].0, Span::new(10 + text.find("service").unwrap(), 10 + text.len() - 1));
        for text in [text, "a -- b ''c' d-e 2023", "", "  ’s", "Syria’s al-Assad met Putin’s envoy."] {
            assert_eq!(word_count(text), words(text, 0).len(), "{text}");
        }
    }
}

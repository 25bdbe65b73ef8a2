//! Words of an article's body, as byte spans, with their hashes.

use chronicle_model::stopwords::is_stopword;
use chronicle_model::Span;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// A word of the body: its byte span in `Article::text` and the hash of its lowercase form.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub span: Span,
    pub hash: u64,
}

/// The words (maximal alphanumeric runs) inside `spans`, in text order.
pub fn words(text: &str, spans: &[Span]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for span in spans {
        let Some(slice) = text.get(span.start..span.end) else { continue };
        let mut start = None;
        for (i, c) in slice.char_indices().chain(std::iter::once((slice.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let piece = &slice[s..i];
                    lower.clear();
                    if piece.is_ascii() {
                        lower.push_str(piece);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.extend(piece.chars().flat_map(char::to_lowercase));
                    }
                    let after_apostrophe = slice[..s].ends_with(['\'', '’']);
                    let word = if after_apostrophe { expand_clitic(&lower) } else { Some(lower.as_str()) };
                    if let Some(word) = word {
                        out.push(Word {
                            span: Span::new(span.start + s, span.start + i),
                            hash: xxh3_64(word.as_bytes()),
                        });
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// The full word for an English clitic after an apostrophe ("we're" reads as "we are"); `None` drops the
/// possessive or "is" `'s`, which texts write either way.
fn expand_clitic(clitic: &str) -> Option<&str> {
    match clitic {
        "s" => None,
        "re" => Some("are"),
        "ve" => Some("have"),
        "ll" => Some("will"),
        "m" => Some("am"),
        "d" => Some("would"),
        other => Some(other),
    }
}

/// Turns text into its content words, hashed: stemmed lowercase words without function words and numbers, of
/// at least two letters. Each distinct word is stemmed once.
pub struct ContentWords {
    stemmer: Stemmer,
    cache: FxHashMap<String, Option<u64>>,
}

impl ContentWords {
    pub fn english() -> Self {
        ContentWords { stemmer: Stemmer::create(Algorithm::English), cache: FxHashMap::default() }
    }

    /// The hashes of the content words of `text`, in order.
    pub fn of(&mut self, text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if let Some(known) = self.cache.get(word) {
                out.extend(*known);
                continue;
            }
            let lower = word.to_lowercase();
            let content = lower.chars().count() > 1 && !lower.chars().all(char::is_numeric) && !is_stopword(&lower);
            let hash = content.then(|| xxh3_64(self.stemmer.stem(&lower).as_bytes()));
            self.cache.insert(word.to_string(), hash);
            out.extend(hash);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_case_insensitive_and_span_the_text() {
        let text = "Putin’s talks; PUTIN's Talks.";
        let w = words(text, &[Span::new(0, text.len())]);
        let slices: Vec<&str> = w.iter().map(|w| w.span.slice(text)).collect();
        assert_eq!(slices, ["Putin", "talks", "PUTIN", "Talks"]);
        assert_eq!(w[0].hash, w[2].hash);
        assert_eq!(w[1].hash, w[3].hash);
        let (a, b) = ("we’re here", "We are here");
        let hashes = |t: &str| words(t, &[Span::new(0, t.len())]).iter().map(|w| w.hash).collect::<Vec<_>>();
        assert_eq!(hashes(a), hashes(b));
    }

    #[test]
    fn content_words_drop_function_words_and_stem() {
        let mut content = ContentWords::english();
        let expected: Vec<u64> = ["talk", "held", "leader"].iter().map(|w| xxh3_64(w.as_bytes())).collect();
        assert_eq!(content.of("The talks were held in 2023 by the leaders"), expected);
        assert_eq!(content.of("THE Talk, held; LEADERS!"), expected);
    }
}

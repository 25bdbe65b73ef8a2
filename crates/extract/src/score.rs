//! The article-extraction benchmark's measure (Scrapinghub's article-extraction-benchmark): each text becomes a
//! multiset of 4-token shingles over `\w+` tokens; a page's true positives, false positives and false negatives are
//! normalised to sum to 1, summed over pages, and give precision, recall and their harmonic mean.

use std::collections::HashMap;

/// Tokens per shingle.
const SHINGLE: usize = 4;

/// One page's normalised true positives, false positives and false negatives (summing to 1, or all 0 when both
/// texts are empty).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl Counts {
    /// Compares a predicted text with the true one.
    pub fn of(truth: &str, predicted: &str) -> Self {
        let truth = shingles(truth);
        let mut predicted = shingles(predicted);
        let (mut tp, mut fn_) = (0usize, 0usize);
        for (shingle, true_count) in truth {
            let predicted_count = predicted.remove(&shingle).unwrap_or(0);
            tp += true_count.min(predicted_count);
            fn_ += true_count.saturating_sub(predicted_count);
            if predicted_count > true_count {
                predicted.insert(shingle, predicted_count - true_count);
            }
        }
        let fp: usize = predicted.values().sum();
        let total = (tp + fp + fn_) as f64;
        if total == 0.0 {
            return Counts::default();
        }
        Counts { tp: tp as f64 / total, fp: fp as f64 / total, fn_: fn_ as f64 / total }
    }
}

/// Precision, recall and F1 over pages, as the benchmark computes them: from the normalised counts summed.
pub fn precision_recall_f1(pages: &[Counts]) -> (f64, f64, f64) {
    let tp: f64 = pages.iter().map(|page| page.tp).sum();
    let fp: f64 = pages.iter().map(|page| page.fp).sum();
    let fn_: f64 = pages.iter().map(|page| page.fn_).sum();
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    (precision, recall, harmonic_mean(precision, recall))
}

/// Precision and recall of each page averaged over pages (a page without predicted text has precision 0), and
/// the harmonic mean of the two averages.
pub fn mean_precision_recall_f1(pages: &[Counts]) -> (f64, f64, f64) {
    let ratio = |part: f64, rest: f64| if part + rest > 0.0 { part / (part + rest) } else { 0.0 };
    let count = pages.len().max(1) as f64;
    let precision = pages.iter().map(|page| ratio(page.tp, page.fp)).sum::<f64>() / count;
    let recall = pages.iter().map(|page| ratio(page.tp, page.fn_)).sum::<f64>() / count;
    (precision, recall, harmonic_mean(precision, recall))
}

fn harmonic_mean(a: f64, b: f64) -> f64 {
    if a + b > 0.0 {
        2.0 * a * b / (a + b)
    } else {
        0.0
    }
}

/// The text's 4-token shingles with their counts; a text of fewer tokens is one shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> =
        text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|token| !token.is_empty()).collect();
    let mut counts = HashMap::new();
    let windows = tokens.len().saturating_sub(SHINGLE - 1).max(1);
    for start in 0..windows {
        let end = (start + SHINGLE).min(tokens.len());
        *counts.entry(tokens[start..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_shingle_overlap() {
        let exact = Counts::of("Putin met Assad in Moscow.", "Putin met Assad in Moscow");
        assert_eq!(exact, Counts { tp: 1.0, fp: 0.0, fn_: 0.0 });
        let half = Counts::of("a b c d e", "a b c d x");
        assert_eq!(half, Counts { tp: 1.0 / 3.0, fp: 1.0 / 3.0, fn_: 1.0 / 3.0 });
        let (precision, recall, f1) = precision_recall_f1(&[exact, half]);
        assert!((precision - 0.8).abs() < 1e-9 && (recall - 0.8).abs() < 1e-9 && (f1 - 0.8).abs() < 1e-9);
        let (precision, recall, _) = mean_precision_recall_f1(&[exact, Counts::of("a b c d e", "a b x")]);
        assert!((precision - 0.5).abs() < 1e-9 && (recall - 0.5).abs() < 1e-9);
        let missed = Counts::of("a b c d e f", "");
        assert_eq!(missed, Counts { tp: 0.0, fp: 0.25, fn_: 0.75 });
    }
}

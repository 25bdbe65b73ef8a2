//! Scores a clustering against gold groups: B³ and pairwise precision, recall and F1 over the items both name.

use std::collections::HashMap;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }
}

/// B³ and pairwise scores of a clustering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub b_cubed: Prf,
    pub pairwise: Prf,
}

/// Scores `predicted` (item → cluster) against `gold` (item → gold group), over the items in both. Linear in the
/// number of items: both measures are sums over the cells of the contingency table.
pub fn score(predicted: &HashMap<&str, String>, gold: &HashMap<&str, &str>) -> Scores {
    let mut cells: HashMap<(&str, &str), f64> = HashMap::new();
    let mut clusters: HashMap<&str, f64> = HashMap::new();
    let mut groups: HashMap<&str, f64> = HashMap::new();
    for (item, &group) in gold {
        let Some(cluster) = predicted.get(item) else { continue };
        *cells.entry((cluster.as_str(), group)).or_default() += 1.0;
        *clusters.entry(cluster.as_str()).or_default() += 1.0;
        *groups.entry(group).or_default() += 1.0;
    }
    let items: f64 = clusters.values().sum::<f64>().max(1.0);
    let pairs = |n: f64| n * (n - 1.0) / 2.0;
    let (mut precision, mut recall, mut both) = (0.0, 0.0, 0.0);
    for (&(cluster, group), &n) in &cells {
        precision += n * n / clusters[cluster];
        recall += n * n / groups[group];
        both += pairs(n);
    }
    let predicted_pairs: f64 = clusters.values().map(|&n| pairs(n)).sum();
    let gold_pairs: f64 = groups.values().map(|&n| pairs(n)).sum();
    Scores {
        b_cubed: Prf::new(precision / items, recall / items),
        pairwise: Prf::new(both / predicted_pairs.max(1.0), both / gold_pairs.max(1.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_split_and_merged_clusterings() {
        let gold: HashMap<&str, &str> = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")].into();
        let perfect: HashMap<&str, String> = gold.iter().map(|(&i, &g)| (i, g.to_string())).collect();
        let s = score(&perfect, &gold);
        assert_eq!((s.b_cubed.f1, s.pairwise.f1), (1.0, 1.0));
        let merged: HashMap<&str, String> = gold.keys().map(|&i| (i, "one".to_string())).collect();
        let s = score(&merged, &gold);
        assert_eq!((s.b_cubed.precision, s.b_cubed.recall), (0.5, 1.0));
        assert_eq!((s.pairwise.precision, s.pairwise.recall), (2.0 / 6.0, 1.0));
        let split: HashMap<&str, String> = gold.keys().map(|&i| (i, i.to_string())).collect();
        let s = score(&split, &gold);
        assert_eq!((s.b_cubed.precision, s.b_cubed.recall, s.pairwise.f1), (1.0, 0.5, 0.0));
    }
}

//! Candidate pairs from an inverted index of rare keys: near-linear, since common keys are skipped.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Pairs `(i, j)`, `i < j`, of `pairable` documents sharing at least `min_shared` keys that occur in at most
/// `max_df` documents (counted over all documents), sorted, with the number of keys they share. `keys[d]` are
/// document `d`'s keys, in any order and with repeats.
pub fn rare_key_pairs(
    keys: &[impl AsRef<[u64]> + Sync],
    max_df: usize,
    min_shared: usize,
    pairable: impl Fn(usize) -> bool,
) -> Vec<((usize, usize), usize)> {
    let mut postings: Vec<(u64, usize)> =
        keys.iter().enumerate().flat_map(|(doc, k)| k.as_ref().iter().map(move |&key| (key, doc))).collect();
    postings.par_sort_unstable();
    postings.dedup();
    let mut counts: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut docs = Vec::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0).filter(|r| r.len() >= 2 && r.len() <= max_df) {
        docs.clear();
        docs.extend(run.iter().map(|&(_, doc)| doc).filter(|&doc| pairable(doc)));
        for (n, &a) in docs.iter().enumerate() {
            for &b in &docs[n + 1..] {
                *counts.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = counts.into_iter().filter(|&(_, c)| c >= min_shared).collect();
    pairs.sort_unstable();
    pairs
}

/// The pairs among `pairs` that rank in the `k` best (most shared keys, then first) of either document, sorted.
pub fn best_per_document(pairs: &[((usize, usize), usize)], k: usize) -> Vec<(usize, usize)> {
    let mut ranked: Vec<&((usize, usize), usize)> = pairs.iter().collect();
    ranked.sort_by_key(|&&(pair, count)| (std::cmp::Reverse(count), pair));
    let mut taken: FxHashMap<usize, usize> = FxHashMap::default();
    let mut out = Vec::new();
    for &&((a, b), _) in &ranked {
        let (ta, tb) = (taken.get(&a).copied().unwrap_or(0), taken.get(&b).copied().unwrap_or(0));
        if ta < k || tb < k {
            out.push((a, b));
            *taken.entry(a).or_default() += 1;
            *taken.entry(b).or_default() += 1;
        }
    }
    out.sort_unstable();
    out
}

/// Sorted distinct values.
pub fn distinct(mut values: Vec<u64>) -> Vec<u64> {
    values.sort_unstable();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_share_enough_rare_keys() {
        let keys = vec![vec![1, 2, 3, 9], vec![9, 3, 2, 1, 1], vec![3, 4, 9], vec![9]];
        let all = |_| true;
        assert_eq!(rare_key_pairs(&keys, 3, 2, all), vec![((0, 1), 3)]);
        assert_eq!(rare_key_pairs(&keys, 3, 1, all), vec![((0, 1), 3), ((0, 2), 1), ((1, 2), 1)]);
        assert_eq!(rare_key_pairs(&keys, 4, 2, all), vec![((0, 1), 4), ((0, 2), 2), ((1, 2), 2)]);
    }

    #[test]
    fn common_keys_count_over_all_documents_but_pair_only_pairable_ones() {
        let keys = vec![vec![1, 2, 3], vec![1, 2, 3], vec![1, 2, 3], vec![3]];
        // Key 3 is in four documents: too common even though document 3 cannot be paired.
        assert_eq!(rare_key_pairs(&keys, 3, 1, |d| d != 3), vec![((0, 1), 2), ((0, 2), 2), ((1, 2), 2)]);
        assert_eq!(rare_key_pairs(&keys, 3, 1, |d| d != 1), vec![((0, 2), 2)]);
    }

    #[test]
    fn keeps_each_documents_best_pairs() {
        let pairs = vec![((0, 1), 9), ((0, 2), 5), ((0, 3), 7), ((2, 3), 1)];
        // (2, 3) is neither 2 nor 3's best: 0 is better matched to both.
        assert_eq!(best_per_document(&pairs, 1), vec![(0, 1), (0, 2), (0, 3)]);
        assert_eq!(best_per_document(&pairs, 3).len(), 4);
    }
}

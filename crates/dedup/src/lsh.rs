//! LSH banding over MinHash signatures: candidate pairs of near copies.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::shingles::PERMUTATIONS;

/// Rows per band: 32 bands of 4 rows make pairs with Jaccard above about 0.42 likely candidates.
const ROWS: usize = 4;

/// Pairs `(i, j)`, `i < j`, whose signatures agree on all rows of at least one band, sorted.
pub fn candidate_pairs(signatures: &[[u64; PERMUTATIONS]]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (band, start) in (0..PERMUTATIONS).step_by(ROWS).enumerate() {
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
        for (doc, sig) in signatures.iter().enumerate().filter(|(_, s)| s[0] != u64::MAX) {
            let bytes: Vec<u8> = sig[start..start + ROWS].iter().flat_map(|v| v.to_le_bytes()).collect();
            buckets.entry(xxh3_64_with_seed(&bytes, band as u64)).or_default().push(doc);
        }
        for docs in buckets.values() {
            for (n, &a) in docs.iter().enumerate() {
                pairs.extend(docs[n + 1..].iter().map(|&b| (a, b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

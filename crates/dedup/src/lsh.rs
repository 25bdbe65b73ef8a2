//! LSH banding over MinHash signatures: candidate pairs of near copies.

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::shingles::PERMUTATIONS;

/// Rows per band: 32 bands of 4 rows make pairs with Jaccard above about 0.42 likely candidates.
const ROWS: usize = 4;

/// Pairs `(i, j)`, `i < j`, whose signatures agree on all rows of at least one band, sorted. Fewer than 2³²
/// signatures.
pub fn candidate_pairs(signatures: &[[u64; PERMUTATIONS]]) -> Vec<(usize, usize)> {
    // A family of copies fills the same bucket in most bands: its pairs are listed once.
    let mut buckets: Vec<Vec<usize>> =
        (0..PERMUTATIONS / ROWS).into_par_iter().flat_map_iter(|band| buckets(signatures, band)).collect();
    buckets.par_sort_unstable();
    buckets.dedup();
    // Pairs packed in one integer (first document in the high half) sort several times faster than tuples.
    let mut packed: Vec<u64> = buckets
        .par_iter()
        .flat_map_iter(|docs| {
            docs.iter().enumerate().flat_map(|(n, &a)| docs[n + 1..].iter().map(move |&b| (a as u64) << 32 | b as u64))
        })
        .collect();
    packed.par_sort_unstable();
    packed.dedup();
    packed.into_iter().map(|pair| ((pair >> 32) as usize, (pair & u64::from(u32::MAX)) as usize)).collect()
}

/// The buckets of `band` holding two or more non-empty signatures: the documents in each, ascending.
fn buckets(signatures: &[[u64; PERMUTATIONS]], band: usize) -> Vec<Vec<usize>> {
    let mut keyed: Vec<(u64, usize)> = signatures
        .iter()
        .enumerate()
        .filter(|(_, s)| s[0] != u64::MAX)
        .map(|(doc, sig)| {
            let mut bytes = [0u8; ROWS * 8];
            for (chunk, value) in bytes.chunks_exact_mut(8).zip(&sig[band * ROWS..(band + 1) * ROWS]) {
                chunk.copy_from_slice(&value.to_le_bytes());
            }
            (xxh3_64_with_seed(&bytes, band as u64), doc)
        })
        .collect();
    keyed.sort_unstable();
    keyed
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|bucket| bucket.len() >= 2)
        .map(|bucket| bucket.iter().map(|&(_, doc)| doc).collect())
        .collect()
}

//! Word 5-shingles and their MinHash signatures.

use xxhash_rust::xxh3::xxh3_64;

use crate::text::Word;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// MinHash permutations.
pub const PERMUTATIONS: usize = 128;

/// Hashes of the word shingles of `words`: shingle `i` covers words `i..i + SHINGLE_WORDS`. A text shorter
/// than a shingle gives one shingle of all its words; an empty text gives none.
pub fn shingles(words: &[Word]) -> Vec<u64> {
    let width = SHINGLE_WORDS.min(words.len());
    if width == 0 {
        return Vec::new();
    }
    let mut bytes = Vec::with_capacity(width * 8);
    words
        .windows(width)
        .map(|window| {
            bytes.clear();
            window.iter().for_each(|w| bytes.extend_from_slice(&w.hash.to_le_bytes()));
            xxh3_64(&bytes)
        })
        .collect()
}

/// The MinHash signature of a set of shingle hashes (all `u64::MAX` for an empty set). Permutation `p` of a
/// hash is `a + p·b` for two independent mixes `a`, `b` of it (Kirsch–Mitzenmacher), one multiply-add each.
/// Compiled for AVX-512 or AVX2 too, used where the CPU has them (detected at run time); the result is the same.
pub fn signature(shingles: &[u64]) -> [u64; PERMUTATIONS] {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512vl") {
            // SAFETY: the only requirement of `min_hashes_avx512`, AVX-512F and VL, was just detected.
            return unsafe { min_hashes_avx512(shingles) };
        }
        if is_x86_feature_detected!("avx2") {
            // SAFETY: the only requirement of `min_hashes_avx2`, AVX2, was just detected.
            return unsafe { min_hashes_avx2(shingles) };
        }
    }
    min_hashes(shingles)
}

/// [`min_hashes`] compiled for AVX-512, which compares eight slots at once.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl")]
unsafe fn min_hashes_avx512(shingles: &[u64]) -> [u64; PERMUTATIONS] {
    min_hashes(shingles)
}

/// [`min_hashes`] compiled for AVX2, which compares four slots at once.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn min_hashes_avx2(shingles: &[u64]) -> [u64; PERMUTATIONS] {
    min_hashes(shingles)
}

/// The signature of [`signature`] in portable code. Shingles go through in blocks of four (a short block
/// repeats its first), so each slot is read and written once per block.
#[inline(always)]
fn min_hashes(shingles: &[u64]) -> [u64; PERMUTATIONS] {
    let mut sig = [u64::MAX; PERMUTATIONS];
    for block in shingles.chunks(4) {
        let hash = |k: usize| block.get(k).unwrap_or(&block[0]);
        let mut values: [u64; 4] = std::array::from_fn(|k| mix(*hash(k)));
        let steps: [u64; 4] = std::array::from_fn(|k| mix(hash(k) ^ 0x5851_F42D_4C95_7F2D) | 1);
        for slot in sig.iter_mut() {
            *slot = (*slot).min(values[0]).min(values[1]).min(values[2]).min(values[3]);
            for (value, step) in values.iter_mut().zip(&steps) {
                *value = value.wrapping_add(*step);
            }
        }
    }
    sig
}

/// The estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn jaccard(a: &[u64; PERMUTATIONS], b: &[u64; PERMUTATIONS]) -> f64 {
    if a[0] == u64::MAX || b[0] == u64::MAX {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / PERMUTATIONS as f64
}

/// The SplitMix64 finaliser.
fn mix(h: u64) -> u64 {
    let mut z = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;
    use chronicle_model::Span;

    fn shingles_of(text: &str) -> Vec<u64> {
        shingles(&words(text, &[Span::new(0, text.len())]))
    }

    #[test]
    fn counts_shingles_and_handles_short_texts() {
        assert_eq!(shingles_of("one two three four five six seven").len(), 3);
        assert_eq!(shingles_of("just three words").len(), 1);
        assert!(shingles_of("  … ").is_empty());
    }

    #[test]
    fn jaccard_estimate_tracks_overlap() {
        let a = shingles_of(&(0..200).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" "));
        let b = shingles_of(&(100..300).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" "));
        let j = jaccard(&signature(&a), &signature(&b));
        // True Jaccard: 96 shared of 296 distinct shingles.
        assert!((j - 96.0 / 296.0).abs() < 0.12, "{j}");
        assert_eq!(jaccard(&signature(&a), &signature(&a)), 1.0);
        assert_eq!(jaccard(&signature(&[]), &signature(&[])), 0.0);
    }

    #[test]
    fn vector_and_portable_signatures_agree_on_the_seeds() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");
        let mut paths: Vec<_> = std::fs::read_dir(seeds).unwrap().map(|e| e.unwrap().path()).collect();
        paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        assert_eq!(paths.len(), 5);
        for path in paths {
            let all = shingles_of(&std::fs::read_to_string(&path).unwrap());
            // Every length modulo the block of four, so short last blocks are covered too.
            for n in [all.len(), all.len() - 1, all.len() - 2, all.len() - 3, 2, 1, 0] {
                assert_eq!(signature(&all[..n]), reference_signature(&all[..n]), "{}", path.display());
            }
        }
    }

    /// The signature computed the plain way, one shingle and one slot at a time.
    fn reference_signature(shingles: &[u64]) -> [u64; PERMUTATIONS] {
        let mut sig = [u64::MAX; PERMUTATIONS];
        for &h in shingles {
            let (a, b) = (mix(h), mix(h ^ 0x5851_F42D_4C95_7F2D) | 1);
            for (p, slot) in sig.iter_mut().enumerate() {
                *slot = (*slot).min(a.wrapping_add((p as u64).wrapping_mul(b)));
            }
        }
        sig
    }
}

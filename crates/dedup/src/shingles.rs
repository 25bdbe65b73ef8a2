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
pub fn signature(shingles: &[u64]) -> [u64; PERMUTATIONS] {
    let mut sig = [u64::MAX; PERMUTATIONS];
    for &h in shingles {
        let (a, b) = (mix(h), mix(h ^ 0x5851_F42D_4C95_7F2D) | 1);
        let mut value = a;
        for slot in sig.iter_mut() {
            *slot = (*slot).min(value);
            value = value.wrapping_add(b);
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
}

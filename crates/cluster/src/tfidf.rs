//! Sparse TF-IDF vectors over an interned vocabulary, and event centroids.

use rustc_hash::FxHashMap;

/// A sparse vector: `(term id, weight)` sorted by term id.
pub type Sparse = Vec<(u32, f32)>;

/// Interns terms and counts in how many documents each occurs.
#[derive(Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
}

impl Vocabulary {
    /// Term counts of one document, as a sparse vector of raw counts; records its document frequencies.
    pub fn add_document(&mut self, terms: &[impl AsRef<str>]) -> Sparse {
        let counts = self.count(terms);
        self.record(&counts);
        counts
    }

    /// Records the raw counts of one document for document frequencies.
    pub fn record(&mut self, counts: &Sparse) {
        self.docs += 1;
        for &(id, _) in counts {
            self.df[id as usize] += 1;
        }
    }

    /// The id of a known term.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// The ids of terms, interning the new ones.
    pub fn intern(&mut self, terms: &[impl AsRef<str>]) -> Vec<u32> {
        terms
            .iter()
            .map(|term| match self.ids.get(term.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.ids.len() as u32;
                    self.ids.insert(term.as_ref().to_string(), id);
                    self.df.push(0);
                    id
                }
            })
            .collect()
    }

    /// Term counts of a text that is not a document of the corpus (a title, a sentence).
    pub fn count(&mut self, terms: &[impl AsRef<str>]) -> Sparse {
        counts(self.intern(terms))
    }

    /// Term counts of a text, leaving out the terms the vocabulary does not know.
    pub fn known(&self, terms: &[impl AsRef<str>]) -> Sparse {
        counts(terms.iter().filter_map(|term| self.id(term.as_ref())))
    }

    /// The unit-length TF-IDF vector of raw counts: `(1 + ln tf) · ln((N + 1) / df)`.
    pub fn weigh(&self, counts: &Sparse) -> Sparse {
        let docs = self.docs.max(1) as f32;
        let mut v: Sparse = counts
            .iter()
            .map(|&(id, tf)| {
                let df = self.df.get(id as usize).copied().unwrap_or(0).max(1) as f32;
                (id, (1.0 + tf.ln()) * ((docs + 1.0) / df).ln())
            })
            .collect();
        normalize(&mut v);
        v
    }
}

/// Raw counts of term ids, as a sparse vector.
pub fn counts(ids: impl IntoIterator<Item = u32>) -> Sparse {
    let mut counts: FxHashMap<u32, f32> = FxHashMap::default();
    for id in ids {
        *counts.entry(id).or_default() += 1.0;
    }
    let mut v: Sparse = counts.into_iter().collect();
    v.sort_unstable_by_key(|&(id, _)| id);
    v
}

/// Scales a vector to unit length (a zero vector stays zero).
pub fn normalize(v: &mut Sparse) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// Cosine of two unit-length sparse vectors.
pub fn dot(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The sum of the member vectors of an event.
#[derive(Default, Clone)]
pub struct Centroid {
    weights: FxHashMap<u32, f32>,
    norm_sq: f32,
}

impl Centroid {
    /// Adds `scale` times a vector (a negative scale takes it back out).
    pub fn add(&mut self, v: &Sparse, scale: f32) {
        for &(id, w) in v {
            let w = w * scale;
            let slot = self.weights.entry(id).or_default();
            self.norm_sq += (*slot + w) * (*slot + w) - *slot * *slot;
            *slot += w;
        }
    }

    /// Cosine between a unit-length vector and the centroid.
    pub fn cosine(&self, v: &Sparse) -> f32 {
        if self.norm_sq <= 0.0 {
            return 0.0;
        }
        v.iter().map(|(id, w)| w * self.weights.get(id).copied().unwrap_or(0.0)).sum::<f32>() / self.norm_sq.sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn rare_terms_weigh_more_and_centroids_measure_cosine() {
        let mut vocab = Vocabulary::default();
        let a = vocab.add_document(&terms("quake indonesia common"));
        let b = vocab.add_document(&terms("quake chile common"));
        let c = vocab.add_document(&terms("vote common"));
        let (a, b, c) = (vocab.weigh(&a), vocab.weigh(&b), vocab.weigh(&c));
        assert!((dot(&a, &a) - 1.0).abs() < 1e-5);
        assert!(dot(&a, &b) > dot(&a, &c));
        let mut centroid = Centroid::default();
        centroid.add(&a, 1.0);
        assert!((centroid.cosine(&a) - 1.0).abs() < 1e-5);
        centroid.add(&b, 1.0);
        assert!(centroid.cosine(&a) > centroid.cosine(&c));
        centroid.add(&b, -1.0);
        assert!((centroid.cosine(&a) - 1.0).abs() < 1e-4);
        assert_eq!(Centroid::default().cosine(&a), 0.0);
    }
}

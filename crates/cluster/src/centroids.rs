//! The centroids of every event for one feature, kept as an inverted index: scoring an article against all
//! events touches only the events that share a term with it, not every term of every event.

use crate::tfidf::Sparse;

/// The sums of the member vectors of each event (events are numbered from 0).
#[derive(Default)]
pub struct Centroids {
    /// Per term id: the events whose centroid holds the term, with its weight there, sorted by event.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per event: the terms its centroid holds.
    terms: Vec<Vec<u32>>,
    /// Per event: the squared norm of its centroid.
    norm_sq: Vec<f32>,
}

impl Centroids {
    /// Adds `scale` times a vector to an event's centroid (a negative scale takes it back out).
    pub fn add(&mut self, event: usize, v: &Sparse, scale: f32) {
        if self.norm_sq.len() <= event {
            self.norm_sq.resize(event + 1, 0.0);
            self.terms.resize_with(event + 1, Vec::new);
        }
        let key = event as u32;
        for &(term, w) in v {
            let t = term as usize;
            if self.postings.len() <= t {
                self.postings.resize_with(t + 1, Vec::new);
            }
            let list = &mut self.postings[t];
            let at = list.binary_search_by_key(&key, |&(e, _)| e).unwrap_or_else(|at| {
                list.insert(at, (key, 0.0));
                self.terms[event].push(term);
                at
            });
            let (old, w) = (list[at].1, w * scale);
            self.norm_sq[event] += (old + w) * (old + w) - old * old;
            list[at].1 = old + w;
        }
    }

    /// Whether an event's centroid is empty (nothing, or only zero vectors, was added).
    pub fn is_empty(&self, event: usize) -> bool {
        self.norm_sq.get(event).is_none_or(|&n| n <= 1e-6)
    }

    /// The dot products of a vector with every event's centroid, one slot per event, into `dots`.
    pub fn dots(&self, v: &Sparse, dots: &mut Vec<f32>) {
        dots.clear();
        dots.resize(self.norm_sq.len(), 0.0);
        for &(term, w) in v {
            for &(event, c) in self.postings.get(term as usize).map_or(&[][..], Vec::as_slice) {
                dots[event as usize] += w * c;
            }
        }
    }

    /// The cosine between a unit-length vector and an event's centroid, from their dot product (see [`Self::dots`]).
    pub fn cosine(&self, event: usize, dots: &[f32]) -> f32 {
        match (self.norm_sq.get(event), dots.get(event)) {
            (Some(&norm_sq), Some(&dot)) if norm_sq > 0.0 => dot / norm_sq.sqrt(),
            _ => 0.0,
        }
    }

    /// The cosine between two events' centroids.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        let (Some(&na), Some(&nb)) = (self.norm_sq.get(a), self.norm_sq.get(b)) else { return 0.0 };
        let norms = (na * nb).sqrt();
        if norms <= 0.0 {
            return 0.0;
        }
        let (small, large) = if self.terms[a].len() <= self.terms[b].len() { (a, b) } else { (b, a) };
        let dot: f32 = self.terms[small].iter().map(|&t| self.weight(t, small) * self.weight(t, large)).sum();
        dot / norms
    }

    /// The weight of a term in an event's centroid.
    fn weight(&self, term: u32, event: usize) -> f32 {
        let list = self.postings.get(term as usize).map_or(&[][..], Vec::as_slice);
        list.binary_search_by_key(&(event as u32), |&(e, _)| e).map_or(0.0, |at| list[at].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tfidf::{dot, Vocabulary};

    fn terms(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn the_index_gives_each_event_its_cosine_and_forgets_what_is_taken_out() {
        let mut vocab = Vocabulary::default();
        let docs = ["quake indonesia toll", "quake chile toll", "vote parliament", "quake indonesia rescue"];
        let counts: Vec<Sparse> = docs.iter().map(|d| vocab.add_document(&terms(d))).collect();
        let v: Vec<Sparse> = counts.iter().map(|c| vocab.weigh(c)).collect();
        let mut centroids = Centroids::default();
        centroids.add(0, &v[0], 1.0);
        centroids.add(1, &v[1], 1.0);
        centroids.add(2, &v[2], 1.0);
        let mut dots = Vec::new();
        centroids.dots(&v[3], &mut dots);
        for event in 0..3 {
            assert!((centroids.cosine(event, &dots) - dot(&v[3], &v[event])).abs() < 1e-6);
        }
        assert_eq!(centroids.cosine(2, &dots), 0.0, "no shared term");
        assert!((centroids.similarity(0, 1) - dot(&v[0], &v[1])).abs() < 1e-6);
        centroids.add(0, &v[3], 1.0);
        centroids.add(0, &v[3], -1.0);
        centroids.dots(&v[0], &mut dots);
        assert!((centroids.cosine(0, &dots) - 1.0).abs() < 1e-5, "taking a vector out restores the centroid");
        centroids.add(2, &v[2], -1.0);
        assert!(centroids.is_empty(2) && centroids.is_empty(7) && !centroids.is_empty(1));
        assert_eq!(centroids.cosine(7, &dots), 0.0);
    }
}

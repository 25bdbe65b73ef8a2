//! The centroids of every event for one feature, kept as an inverted index: scoring an article against all
//! events touches only the events that share a term with it, not every term of every event.

use std::ops::Range;

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

    /// The cosines between an event's centroid and those of the events in `others`, one slot per event of
    /// `others`, into `cosines`.
    pub fn similarities(&self, event: usize, others: Range<usize>, cosines: &mut Vec<f32>) {
        cosines.clear();
        cosines.resize(others.len(), 0.0);
        let Some(&norm_sq) = self.norm_sq.get(event).filter(|&&n| n > 0.0) else { return };
        for &term in &self.terms[event] {
            let list = &self.postings[term as usize];
            let w = self.weight(term, event);
            let from = list.partition_point(|&(e, _)| (e as usize) < others.start);
            for &(e, c) in list[from..].iter().take_while(|&&(e, _)| (e as usize) < others.end) {
                cosines[e as usize - others.start] += w * c;
            }
        }
        for (slot, other) in cosines.iter_mut().zip(others) {
            let norms = (norm_sq * self.norm_sq[other]).sqrt();
            *slot = if norms > 0.0 { *slot / norms } else { 0.0 };
        }
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
        let mut cosines = Vec::new();
        centroids.similarities(0, 1..3, &mut cosines);
        assert!((cosines[0] - dot(&v[0], &v[1])).abs() < 1e-6 && cosines[1] == 0.0);
        centroids.add(0, &v[3], 1.0);
        centroids.add(0, &v[3], -1.0);
        centroids.dots(&v[0], &mut dots);
        assert!((centroids.cosine(0, &dots) - 1.0).abs() < 1e-5, "taking a vector out restores the centroid");
        centroids.add(2, &v[2], -1.0);
        assert!(centroids.is_empty(2) && centroids.is_empty(7) && !centroids.is_empty(1));
        assert_eq!(centroids.cosine(7, &dots), 0.0);
    }
}

//! Shared passages between two articles: maximal runs of shingles that follow each other in both.

use std::collections::HashMap;

use chronicle_model::{SharedPassage, Span};

use crate::shingles::SHINGLE_WORDS;
use crate::text::Word;

/// The fewest shingles in a run that makes a passage (8 words).
const MIN_RUN: usize = 4;
/// Positions of a shingle in the other article tried per hit (repeated boilerplate stays cheap).
const MAX_TRIES: usize = 8;

/// An article prepared for alignment: its words, shingles and where each shingle occurs.
pub struct Aligned<'a> {
    pub words: &'a [Word],
    pub shingles: &'a [u64],
    pub positions: HashMap<u64, Vec<usize>>,
}

impl<'a> Aligned<'a> {
    pub fn new(words: &'a [Word], shingles: &'a [u64]) -> Self {
        let mut positions: HashMap<u64, Vec<usize>> = HashMap::new();
        for (j, h) in shingles.iter().enumerate() {
            positions.entry(*h).or_default().push(j);
        }
        Aligned { words, shingles, positions }
    }
}

/// The passages of `a` found in `b`, in `a`'s order, and the number of `a`'s words they cover.
pub fn shared_passages(a: &Aligned, b: &Aligned) -> (Vec<SharedPassage>, usize) {
    if width_of(a) != width_of(b) {
        return (Vec::new(), 0);
    }
    let width = width_of(a);
    let mut passages = Vec::new();
    let mut covered = 0;
    let mut i = 0;
    while i < a.shingles.len() {
        let best = b
            .positions
            .get(&a.shingles[i])
            .into_iter()
            .flatten()
            .take(MAX_TRIES)
            .map(|&j| (run_length(a.shingles, b.shingles, i, j), j))
            .max_by_key(|&(len, j)| (len, std::cmp::Reverse(j)));
        match best {
            Some((len, j)) if len >= MIN_RUN.min(a.shingles.len()).min(b.shingles.len()) => {
                let words = len - 1 + width;
                passages.push(SharedPassage {
                    span: cover(&a.words[i..i + words]),
                    other_span: cover(&b.words[j..j + words]),
                });
                covered += words;
                i += len + width - 1;
            }
            _ => i += 1,
        }
    }
    (passages, covered)
}

fn width_of(a: &Aligned) -> usize {
    SHINGLE_WORDS.min(a.words.len())
}

fn run_length(a: &[u64], b: &[u64], i: usize, j: usize) -> usize {
    a[i..].iter().zip(&b[j..]).take_while(|(x, y)| x == y).count()
}

fn cover(words: &[Word]) -> Span {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::new(0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingles::shingles;
    use crate::text::words;

    #[test]
    fn finds_the_shared_run_in_both_texts() {
        let a = "Intro words here. Damascus is a staunch ally of Moscow, which intervened in the Syrian conflict.";
        let b = "Other start! Damascus is a staunch ally of Moscow which intervened in the Syrian conflict in 2015.";
        let (wa, wb) = (words(a, &[Span::new(0, a.len())]), words(b, &[Span::new(0, b.len())]));
        let (sa, sb) = (shingles(&wa), shingles(&wb));
        let (passages, covered) = shared_passages(&Aligned::new(&wa, &sa), &Aligned::new(&wb, &sb));
        assert_eq!(passages.len(), 1);
        assert_eq!(
            passages[0].span.slice(a),
            "Damascus is a staunch ally of Moscow, which intervened in the Syrian conflict"
        );
        assert_eq!(
            passages[0].other_span.slice(b),
            "Damascus is a staunch ally of Moscow which intervened in the Syrian conflict"
        );
        assert_eq!(covered, 13);
    }
}

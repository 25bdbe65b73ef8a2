//! Shared passages between two articles: maximal runs of shingles that follow each other in both.

use std::ops::Range;

use chronicle_model::{SharedPassage, Span};

use crate::shingles::SHINGLE_WORDS;
use crate::text::Word;

/// The fewest shingles in a run that makes a passage (8 words).
const MIN_RUN: usize = 4;
/// Positions of a shingle in the other article tried per hit (repeated boilerplate stays cheap).
const MAX_TRIES: usize = 8;

/// An article prepared for alignment: its words, shingles and each shingle with its position, sorted.
pub struct Aligned<'a> {
    pub words: &'a [Word],
    pub shingles: &'a [u64],
    sorted: Vec<(u64, usize)>,
}

impl<'a> Aligned<'a> {
    pub fn new(words: &'a [Word], shingles: &'a [u64]) -> Self {
        let mut sorted: Vec<(u64, usize)> = shingles.iter().enumerate().map(|(j, &h)| (h, j)).collect();
        sorted.sort_unstable();
        Aligned { words, shingles, sorted }
    }
}

/// The shared passages of `a` found in `b` and of `b` found in `a`, each with the number of words they cover.
pub fn shared_passages_both(a: &Aligned, b: &Aligned) -> ((Vec<SharedPassage>, usize), (Vec<SharedPassage>, usize)) {
    let (in_b, in_a) = matches(a, b);
    (shared_passages(a, b, &in_b), shared_passages(b, a, &in_a))
}

/// For each shingle of `a`, the range of `b.sorted` holding its first `MAX_TRIES` positions in `b` (empty when
/// `b` lacks it); and the same for each shingle of `b` in `a`. One merge of both sorted shingle lists.
fn matches(a: &Aligned, b: &Aligned) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut in_b, mut in_a) = (vec![0..0; a.shingles.len()], vec![0..0; b.shingles.len()]);
    let (mut x, mut y) = (0, 0);
    while x < a.sorted.len() && y < b.sorted.len() {
        let (hash, other) = (a.sorted[x].0, b.sorted[y].0);
        if hash != other {
            // Branch-free steps: which list moves on is unpredictable.
            x += usize::from(hash < other);
            y += usize::from(hash > other);
        } else {
            let end_a = x + a.sorted[x..].iter().take_while(|e| e.0 == hash).count();
            let end_b = y + b.sorted[y..].iter().take_while(|e| e.0 == hash).count();
            a.sorted[x..end_a].iter().for_each(|&(_, i)| in_b[i] = y..end_b.min(y + MAX_TRIES));
            b.sorted[y..end_b].iter().for_each(|&(_, j)| in_a[j] = x..end_a.min(x + MAX_TRIES));
            (x, y) = (end_a, end_b);
        }
    }
    (in_b, in_a)
}

/// The passages of `a` found in `b`, in `a`'s order, and the number of `a`'s words they cover, given where
/// each shingle of `a` occurs in `b` (see [`matches`]).
fn shared_passages(a: &Aligned, b: &Aligned, in_b: &[Range<usize>]) -> (Vec<SharedPassage>, usize) {
    if width_of(a) != width_of(b) {
        return (Vec::new(), 0);
    }
    let width = width_of(a);
    let mut passages = Vec::new();
    let mut covered = 0;
    let mut i = 0;
    while i < a.shingles.len() {
        let best = b.sorted[in_b[i].clone()]
            .iter()
            .map(|&(_, j)| (run_length(a.shingles, b.shingles, i, j), j))
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
        let ((passages, covered), (other, _)) = shared_passages_both(&Aligned::new(&wa, &sa), &Aligned::new(&wb, &sb));
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
        assert_eq!(other.len(), 1);
        assert_eq!(other[0].span, passages[0].other_span);
    }
}

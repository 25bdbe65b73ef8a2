//! Copy families: articles joined by near-copy candidate pairs, each represented by its canonical article, so
//! that a family of `k` copies costs `k` links rather than `k²`.

use crate::graph::{precedes, root, Rank};

/// The canonical article of each article's copy family, given the pairs judged near copies.
pub fn canonicals(ranks: &[Rank], copies: impl IntoIterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..ranks.len()).collect();
    for (i, j) in copies {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        parent[ri.max(rj)] = ri.min(rj);
    }
    let mut best: Vec<usize> = (0..ranks.len()).collect();
    for i in 0..ranks.len() {
        let r = root(&mut parent, i);
        if precedes(&ranks[i], &ranks[best[r]]) {
            best[r] = i;
        }
    }
    (0..ranks.len()).map(|i| best[root(&mut parent, i)]).collect()
}

/// The pairs worth comparing once families are known, sorted and distinct: within a family, each member with
/// its canonical article; across families, the two canonical articles.
pub fn representative_pairs(pairs: &[(usize, usize)], canonical: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = pairs
        .iter()
        .filter_map(|&(i, j)| {
            let (ci, cj) = (canonical[i], canonical[j]);
            if ci == cj {
                (i == ci || j == cj).then_some((i, j))
            } else {
                Some((ci.min(cj), ci.max(cj)))
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(id: &str) -> Rank<'_> {
        Rank { id, date: None, body_words: 100 }
    }

    #[test]
    fn families_link_to_their_canonical_and_to_each_other_once() {
        let ids = ["d", "a", "c", "b", "e"];
        let ranks: Vec<Rank> = ids.iter().map(|id| rank(id)).collect();
        // Family {0, 1, 2} (canonical 1: "a"), family {3} and {4} alone.
        let canonical = canonicals(&ranks, [(0, 2), (1, 2)]);
        assert_eq!(canonical, [1, 1, 1, 3, 4]);
        let pairs = [(0, 1), (0, 2), (1, 2), (0, 3), (2, 3), (3, 4)];
        assert_eq!(representative_pairs(&pairs, &canonical), [(0, 1), (1, 2), (1, 3), (3, 4)]);
    }
}

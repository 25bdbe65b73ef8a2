//! Finds copies, shared passages and rewrites between articles.
//!
//! Every article is kept; only links are added. Near copies come from MinHash (word 5-shingles, 128
//! permutations) with LSH banding; shared passages from aligning the shingles of pairs that share rare
//! shingles; rewrites from sentence-level overlap of content words, entities and dates. Near copies form
//! families represented by their canonical article, so links and comparisons grow linearly with family size.

mod align;
mod candidates;
mod families;
mod graph;
mod lsh;
mod paraphrase;
mod shingles;
mod text;

use chronicle_model::{AnalyzedArticle, ReuseKind, ReuseLink};
use rayon::prelude::*;

pub use graph::ReuseGraph;

use align::{shared_passages_both, Aligned};
use candidates::{best_per_document, rare_key_pairs};
use graph::Rank;
use paraphrase::Profile;
use text::Word;

/// Shingles shared by more articles than this are boilerplate, not passages.
const MAX_SHINGLE_DF: usize = 64;
/// Rare shingles a pair must share to be aligned.
const MIN_SHARED_SHINGLES: usize = 4;
/// Content words in more articles than this do not propose rewrite candidates.
const MAX_WORD_DF: usize = 32;
/// Rare content words a pair must share to be compared sentence by sentence.
const MIN_SHARED_WORDS: usize = 8;
/// Rewrite candidates compared per article (those sharing the most rare words).
const MAX_REWRITE_CANDIDATES: usize = 16;
/// Estimated shingle Jaccard, or aligned share of both bodies, from which two articles are copies.
const COPY_SIMILARITY: f64 = 0.8;
/// Aligned words from which shared passages make a reuse link.
const MIN_REUSED_WORDS: usize = 10;

/// Finds copies, shared passages and rewrites among articles (every article kept; only links are added).
///
/// Near copies form families: each member is linked to the family's canonical article (earliest, then most
/// complete), and families are linked through their canonical articles, so links grow linearly with articles.
/// Per-article and per-pair work runs in parallel; the output does not depend on the number of threads.
pub fn find_reuse(articles: &[AnalyzedArticle]) -> ReuseGraph {
    let words: Vec<Vec<Word>> =
        articles.par_iter().map(|a| text::words(&a.article.text, &a.article.body_or_text())).collect();
    let shingles: Vec<Vec<u64>> = words.par_iter().map(|w| shingles::shingles(w)).collect();
    let signatures: Vec<_> = shingles.par_iter().map(|s| shingles::signature(s)).collect();
    let ranks: Vec<Rank> = articles
        .iter()
        .zip(&words)
        .map(|(a, w)| Rank { id: &a.article.id, date: a.article.published.or(a.analysis.dct), body_words: w.len() })
        .collect();
    let near = lsh::candidate_pairs(&signatures);
    let copies =
        near.iter().copied().filter(|&(i, j)| shingles::jaccard(&signatures[i], &signatures[j]) >= COPY_SIMILARITY);
    let canonical = families::canonicals(&ranks, copies);
    // Members of a family share their canonical article's passages: only canonical articles look for more,
    // with rare shingles counted over all articles.
    let rare = rare_key_pairs(&shingles, MAX_SHINGLE_DF, MIN_SHARED_SHINGLES, |i| canonical[i] == i);
    let mut pairs = near;
    pairs.extend(rare.into_iter().map(|(pair, _)| pair));
    let pairs = families::representative_pairs(&pairs, &canonical);
    let reused = passage_links(articles, &words, &shingles, &signatures, &pairs);
    let linked: Vec<(usize, usize)> = reused.iter().map(|&(pair, ..)| pair).collect();
    let rewritten = rewrite_links(articles, &canonical, &linked);
    let mut links: Vec<Vec<ReuseLink>> = vec![Vec::new(); articles.len()];
    for ((i, j), to_j, to_i) in reused.into_iter().chain(rewritten) {
        links[i].push(to_j);
        links[j].push(to_i);
    }
    ReuseGraph::new(&ranks, links)
}

/// Two linked articles `(i, j)`, the link from `i` to `j` and the link from `j` to `i`.
type LinkPair = ((usize, usize), ReuseLink, ReuseLink);

/// The copy and reuse links of the `pairs` whose aligned passages are long enough, in the order of `pairs`.
fn passage_links(
    articles: &[AnalyzedArticle],
    words: &[Vec<Word>],
    shingles: &[Vec<u64>],
    signatures: &[[u64; shingles::PERMUTATIONS]],
    pairs: &[(usize, usize)],
) -> Vec<LinkPair> {
    let mut in_pairs = vec![false; articles.len()];
    pairs.iter().for_each(|&(i, j)| (in_pairs[i], in_pairs[j]) = (true, true));
    let aligned: Vec<Aligned> = (0..articles.len())
        .into_par_iter()
        .map(|i| if in_pairs[i] { Aligned::new(&words[i], &shingles[i]) } else { Aligned::new(&[], &[]) })
        .collect();
    pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            let ((from_i, covered_i), (from_j, covered_j)) = shared_passages_both(&aligned[i], &aligned[j]);
            if covered_i.min(covered_j) < MIN_REUSED_WORDS.min(words[i].len()).min(words[j].len()).max(1) {
                return None;
            }
            let (share_i, share_j) = (fraction(covered_i, words[i].len()), fraction(covered_j, words[j].len()));
            let jaccard = shingles::jaccard(&signatures[i], &signatures[j]);
            let kind = if jaccard >= COPY_SIMILARITY || share_i.min(share_j) >= COPY_SIMILARITY {
                ReuseKind::Copy
            } else {
                ReuseKind::Reuse
            };
            let link = |to: usize, shared, passages| ReuseLink {
                article: articles[to].article.id.clone(),
                kind,
                shared,
                passages,
            };
            Some(((i, j), link(j, share_i, from_i), link(i, share_j, from_j)))
        })
        .collect()
}

/// The paraphrase links between canonical articles that retell each other, leaving out the `linked` pairs
/// (sorted), which already share passages.
fn rewrite_links(articles: &[AnalyzedArticle], canonical: &[usize], linked: &[(usize, usize)]) -> Vec<LinkPair> {
    let profiles: Vec<Option<Profile>> = articles
        .par_iter()
        .enumerate()
        .map_init(text::ContentWords::english, |content, (i, a)| (canonical[i] == i).then(|| Profile::new(a, content)))
        .collect();
    let keys: Vec<&[u64]> = profiles.iter().map(|p| p.as_ref().map_or(&[][..], |p| &p.keys)).collect();
    let candidates =
        best_per_document(&rare_key_pairs(&keys, MAX_WORD_DF, MIN_SHARED_WORDS, |_| true), MAX_REWRITE_CANDIDATES);
    candidates
        .par_iter()
        .filter(|pair| linked.binary_search(pair).is_err())
        .filter_map(|&(i, j)| {
            let (Some(a), Some(b)) = (&profiles[i], &profiles[j]) else { return None };
            let (share_i, share_j) = paraphrase::paraphrase(a, b)?;
            let link = |to: usize, shared| ReuseLink {
                article: articles[to].article.id.clone(),
                kind: ReuseKind::Paraphrase,
                shared,
                passages: Vec::new(),
            };
            Some(((i, j), link(j, share_i), link(i, share_j)))
        })
        .collect()
}

fn fraction(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).min(1.0)
    }
}

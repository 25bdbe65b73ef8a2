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

pub use graph::ReuseGraph;

use align::{shared_passages, Aligned};
use candidates::{best_per_document, distinct, rare_key_pairs, without_common};
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
pub fn find_reuse(articles: &[AnalyzedArticle]) -> ReuseGraph {
    let words: Vec<Vec<Word>> =
        articles.iter().map(|a| text::words(&a.article.text, &a.article.body_or_text())).collect();
    let shingles: Vec<Vec<u64>> = words.iter().map(|w| shingles::shingles(w)).collect();
    let signatures: Vec<_> = shingles.iter().map(|s| shingles::signature(s)).collect();
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
    let sets: Vec<Vec<u64>> = shingles.iter().map(|s| distinct(s.clone())).collect();
    let rare: Vec<Vec<u64>> = without_common(&sets, MAX_SHINGLE_DF)
        .into_iter()
        .enumerate()
        .map(|(i, keys)| if canonical[i] == i { keys } else { Vec::new() })
        .collect();
    let mut pairs = near;
    pairs.extend(rare_key_pairs(&rare, usize::MAX, MIN_SHARED_SHINGLES).into_iter().map(|(pair, _)| pair));
    let pairs = families::representative_pairs(&pairs, &canonical);
    let mut in_pairs = vec![false; articles.len()];
    pairs.iter().for_each(|&(i, j)| (in_pairs[i], in_pairs[j]) = (true, true));
    let aligned: Vec<Aligned> = (0..articles.len())
        .map(|i| if in_pairs[i] { Aligned::new(&words[i], &shingles[i]) } else { Aligned::new(&[], &[]) })
        .collect();
    let mut links: Vec<Vec<ReuseLink>> = vec![Vec::new(); articles.len()];
    let mut linked = std::collections::HashSet::new();
    for &(i, j) in &pairs {
        let (a, b) = (&aligned[i], &aligned[j]);
        let (from_a, covered_a) = shared_passages(a, b);
        let (from_b, covered_b) = shared_passages(b, a);
        if covered_a.min(covered_b) < MIN_REUSED_WORDS.min(words[i].len()).min(words[j].len()).max(1) {
            continue;
        }
        let (share_a, share_b) = (fraction(covered_a, words[i].len()), fraction(covered_b, words[j].len()));
        let jaccard = shingles::jaccard(&signatures[i], &signatures[j]);
        let kind = if jaccard >= COPY_SIMILARITY || share_a.min(share_b) >= COPY_SIMILARITY {
            ReuseKind::Copy
        } else {
            ReuseKind::Reuse
        };
        links[i].push(ReuseLink { article: articles[j].article.id.clone(), kind, shared: share_a, passages: from_a });
        links[j].push(ReuseLink { article: articles[i].article.id.clone(), kind, shared: share_b, passages: from_b });
        linked.insert((i, j));
    }
    let mut content = text::ContentWords::english();
    let profiles: Vec<Option<Profile>> =
        articles.iter().enumerate().map(|(i, a)| (canonical[i] == i).then(|| Profile::new(a, &mut content))).collect();
    let keys: Vec<Vec<u64>> = profiles.iter().map(|p| p.as_ref().map_or_else(Vec::new, |p| p.keys.clone())).collect();
    let rewrite_pairs =
        best_per_document(&rare_key_pairs(&keys, MAX_WORD_DF, MIN_SHARED_WORDS), MAX_REWRITE_CANDIDATES);
    for (i, j) in rewrite_pairs {
        let (Some(a), Some(b)) = (&profiles[i], &profiles[j]) else { continue };
        if linked.contains(&(i, j)) {
            continue;
        }
        if let Some((share_a, share_b)) = paraphrase::paraphrase(a, b) {
            let link = |id: &str, shared| ReuseLink {
                article: id.to_string(),
                kind: ReuseKind::Paraphrase,
                shared,
                passages: Vec::new(),
            };
            links[i].push(link(&articles[j].article.id, share_a));
            links[j].push(link(&articles[i].article.id, share_b));
        }
    }
    ReuseGraph::new(&ranks, links)
}

fn fraction(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).min(1.0)
    }
}

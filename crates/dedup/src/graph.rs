//! The reuse graph: links between articles and the copy groups they form.

use std::collections::HashMap;

use chronicle_model::{Date, ReuseLink};

/// Reuse links between articles, and the copy groups they join.
#[derive(Debug, Clone, Default)]
pub struct ReuseGraph {
    index: HashMap<String, usize>,
    ids: Vec<String>,
    links: Vec<Vec<ReuseLink>>,
    /// The canonical article (index) of each article's copy group.
    canonical: Vec<usize>,
}

/// What decides the canonical article of a copy group: earliest published, then longest body, then id.
pub struct Rank<'a> {
    pub id: &'a str,
    pub date: Option<Date>,
    pub body_words: usize,
}

impl ReuseGraph {
    /// Builds the graph from each article's links (`links[i]` belong to `ranks[i]`); every link joins a group.
    pub fn new(ranks: &[Rank], mut links: Vec<Vec<ReuseLink>>) -> Self {
        let index: HashMap<String, usize> = ranks.iter().enumerate().map(|(i, r)| (r.id.to_string(), i)).collect();
        let mut parent: Vec<usize> = (0..ranks.len()).collect();
        for (i, out) in links.iter_mut().enumerate() {
            out.sort_by(|x, y| x.article.cmp(&y.article));
            for link in out.iter() {
                if let Some(&j) = index.get(&link.article) {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
        let mut best: HashMap<usize, usize> = HashMap::new();
        for i in 0..ranks.len() {
            let r = root(&mut parent, i);
            let current = best.entry(r).or_insert(i);
            if precedes(&ranks[i], &ranks[*current]) {
                *current = i;
            }
        }
        let canonical = (0..ranks.len()).map(|i| best[&root(&mut parent, i)]).collect();
        ReuseGraph { index, ids: ranks.iter().map(|r| r.id.to_string()).collect(), links, canonical }
    }

    /// Links from an article, sorted by article id: kind copy|reuse|paraphrase, `shared` = fraction of this
    /// article's body found in the other, `passages` = the shared spans in both. Empty for an unknown id.
    pub fn links(&self, article: &str) -> &[ReuseLink] {
        self.index.get(article).map_or(&[], |&i| &self.links[i])
    }

    /// Copy groups among `ids` (articles joined by copy, reuse or paraphrase links): each group counts once,
    /// as does each unknown id.
    pub fn independent_sources(&self, ids: &[String]) -> usize {
        let mut groups: Vec<&str> = ids.iter().map(|id| self.canonical(id)).collect();
        groups.sort_unstable();
        groups.dedup();
        groups.len()
    }

    /// The canonical article of the copy group containing `id` (earliest published, then most complete, then
    /// smallest id); `id` itself when unknown.
    pub fn canonical<'a>(&'a self, id: &'a str) -> &'a str {
        self.index.get(id).map_or(id, |&i| &self.ids[self.canonical[i]])
    }
}

/// The root of `i` in a union-find forest, halving the path on the way.
pub fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Whether `a` comes before `b` as the canonical article of a group.
pub fn precedes(a: &Rank, b: &Rank) -> bool {
    let date = |r: &Rank| r.date.unwrap_or(Date::MAX);
    (date(a), std::cmp::Reverse(a.body_words), a.id) < (date(b), std::cmp::Reverse(b.body_words), b.id)
}

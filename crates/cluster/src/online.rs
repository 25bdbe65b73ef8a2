//! The online pass: each article, in time order, joins the most similar active event or founds a new one;
//! then a second look moves articles that fit another event better, and events that prove to be one merge.

use std::collections::{BTreeMap, HashMap};

use chronicle_dedup::ReuseGraph;
use chronicle_model::{AnalyzedArticle, Date, ReuseKind};
use rayon::prelude::*;

use crate::event_date::best;
use crate::features::Features;
use crate::tfidf::Centroid;

/// Weights of the similarity parts: headline and lead, body, entities.
const HEADLINE_WEIGHT: f32 = 0.3;
const BODY_WEIGHT: f32 = 0.4;
const ENTITY_WEIGHT: f32 = 0.3;
/// How much the protagonists' cosine counts, and the cosine that is neutral (below it, a penalty).
const PROTAGONIST_WEIGHT: f32 = 0.2;
const PROTAGONIST_NEUTRAL: f32 = 0.2;
/// The weight of an event's size in an article's choice (see [`size_prior`]).
const SIZE_PRIOR: f32 = 0.015;
/// Bonus for the same event day; event days up to a week apart are neutral (follow-ups, loose resolution),
/// beyond that each day apart costs a penalty, up to a cap reached two months apart.
const SAME_DAY_BONUS: f32 = 0.1;
const SAME_WEEK: i64 = 7;
const DAY_APART_PENALTY: f32 = 0.01;
const MAX_DATE_PENALTY: f32 = 0.6;
/// Bonus for a copy or a rewrite of a member. Shared passages earn it only when they make up much of the article,
/// from `REUSE_FROM` of its body and fully at `FULL_REUSE`: agencies' background paragraphs recur in reports of
/// different events.
const COPY_BONUS: f32 = 0.6;
const PARAPHRASE_BONUS: f32 = 0.15;
const REUSE_FROM: f32 = 0.3;
const FULL_REUSE: f32 = 0.7;
/// The best score from which an article joins an event rather than founding one.
pub const JOIN_THRESHOLD: f32 = 0.25;
/// Events whose last article is older than this many days are closed.
const ACTIVE_DAYS: i64 = 30;
/// How much more two whole events must score to merge than an article to join (centroids of several
/// articles agree more than single articles do).
const MERGE_MARGIN: f32 = 0.4;
/// The most the weighted text similarities can add up to (with a margin for rounding).
const MAX_TEXT_SCORE: f32 = HEADLINE_WEIGHT + BODY_WEIGHT + ENTITY_WEIGHT + PROTAGONIST_WEIGHT + 0.01;
/// The most second looks at every article (they stop sooner once no article moves).
const REFINE_PASSES: usize = 2;
/// The most events compared with each article.
const MAX_LOOK_BACK: usize = 1000;

/// An event being built: its members and the sums of their features.
#[derive(Default)]
struct Group {
    members: Vec<usize>,
    headline: Centroid,
    body: Centroid,
    entities: Centroid,
    protagonists: Centroid,
    /// The members' date votes and the winner.
    votes: BTreeMap<Date, f32>,
    date: Option<Date>,
    last_seen: Option<Date>,
    /// When a second look last changed the members (see [`SecondLooks`]).
    changed: u64,
}

/// Groups article indices into events; `order` is the time order. Each group lists its members in that order.
pub fn assign(
    order: &[usize],
    articles: &[AnalyzedArticle],
    features: &[Features],
    reuse: &ReuseGraph,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for &i in order {
        let item = &articles[i];
        let seen = item.article.published.or(item.analysis.dct);
        if let Some(now) = item.article.published {
            active
                .retain(|&g| groups[g].last_seen.is_none_or(|last| i64::from((now - last).get_days()) <= ACTIVE_DAYS));
        }
        let f = &features[i];
        let date = best(&f.votes);
        let bonus = reuse_bonus(reuse, &item.article.id, &group_of);
        let looked_at: Vec<usize> = active.iter().rev().take(MAX_LOOK_BACK).copied().collect();
        let chosen = best_of(&looked_at, |g| score(f, date, &groups[g]) + bonus.get(&g).copied().unwrap_or(0.0));
        let g = match chosen {
            Some((g, s)) if s >= threshold => g,
            _ => {
                groups.push(Group::default());
                active.push(groups.len() - 1);
                groups.len() - 1
            }
        };
        groups[g].add(i, f, seen, 1.0);
        group_of.insert(&item.article.id, g);
    }
    let mut second_looks =
        SecondLooks { order, articles, features, reuse, threshold, looks: vec![None; articles.len()], clock: 0 };
    for _ in 0..REFINE_PASSES {
        if second_looks.pass(&mut groups, &mut group_of) == 0 {
            break;
        }
    }
    merge(&mut groups, threshold + MERGE_MARGIN);
    let mut rank = vec![0; articles.len()];
    order.iter().enumerate().for_each(|(r, &i)| rank[i] = r);
    let mut out: Vec<Vec<usize>> = groups.into_iter().map(|g| g.members).filter(|m| !m.is_empty()).collect();
    out.iter_mut().for_each(|m| m.sort_by_key(|&i| rank[i]));
    out.sort_by_key(|m| rank[m[0]]);
    out
}

/// Second looks at every article, now that all events have formed: each moves to the event it fits best if that
/// clears the join threshold and beats the event it is in (both scored without the article itself). A look
/// remembers the best other event it found, so later passes rescore only the events that changed since.
struct SecondLooks<'a> {
    order: &'a [usize],
    articles: &'a [AnalyzedArticle],
    features: &'a [Features],
    reuse: &'a ReuseGraph,
    threshold: f32,
    /// Per article, its last look (none before the first, or after a move).
    looks: Vec<Option<Look>>,
    /// Counts looks; an event's `changed` is the look that last moved an article in or out of it.
    clock: u64,
}

/// What a look found: when it was taken, and the best event other than the article's own then.
#[derive(Clone, Copy)]
struct Look {
    at: u64,
    best: Option<(usize, f32)>,
}

impl<'a> SecondLooks<'a> {
    /// One pass over the articles in time order; returns how many moved.
    fn pass(&mut self, groups: &mut [Group], group_of: &mut HashMap<&'a str, usize>) -> usize {
        let mut moved = 0;
        for &i in self.order {
            let item = &self.articles[i];
            let Some(&home) = group_of.get(item.article.id.as_str()) else { continue };
            let (f, seen) = (&self.features[i], item.article.published.or(item.analysis.dct));
            let date = best(&f.votes);
            self.clock += 1;
            groups[home].add(i, f, seen, -1.0);
            let bonus = reuse_bonus(self.reuse, &item.article.id, &*group_of);
            let score_of =
                |g: usize, groups: &[Group]| score(f, date, &groups[g]) + bonus.get(&g).copied().unwrap_or(0.0);
            let stay = if groups[home].members.is_empty() { f32::MIN } else { score_of(home, groups) };
            // The last look stands for the events unchanged since, if the best of them is one.
            let last = self.looks[i].filter(|look| look.best.is_none_or(|(g, _)| groups[g].changed <= look.at));
            // Events are founded in time order: those founded near this article's own are the ones active with it.
            let near = home.saturating_sub(MAX_LOOK_BACK / 2)..(home + MAX_LOOK_BACK / 2).min(groups.len());
            let candidates: Vec<usize> = near
                .filter(|&g| g != home && !groups[g].members.is_empty())
                .filter(|&g| last.is_none_or(|look| groups[g].changed > look.at))
                .collect();
            let chosen = match (best_of(&candidates, |g| score_of(g, groups)), last.and_then(|look| look.best)) {
                (Some((g, s)), Some((h, t))) if t > s || (t == s && h < g) => Some((h, t)),
                (None, kept) => kept,
                (fresh, _) => fresh,
            };
            let target = match chosen {
                Some((g, s)) if s >= self.threshold && s > stay => g,
                _ => home,
            };
            groups[target].add(i, f, seen, 1.0);
            group_of.insert(&item.article.id, target);
            // Taking an article out and putting it back leaves an event as it was (but for rounding).
            self.looks[i] = if target == home {
                Some(Look { at: self.clock, best: chosen })
            } else {
                moved += 1;
                groups[home].changed = self.clock;
                groups[target].changed = self.clock;
                None
            };
        }
        moved
    }
}

/// The first of `candidates` with the highest score, with that score; scored in parallel, chosen in order.
fn best_of(candidates: &[usize], score: impl Fn(usize) -> f32 + Sync) -> Option<(usize, f32)> {
    let scores: Vec<f32> = candidates.par_iter().map(|&g| score(g)).collect();
    candidates.iter().copied().zip(scores).fold(None, |acc, (g, s)| match acc {
        Some((_, best)) if best >= s => acc,
        _ => Some((g, s)),
    })
}

impl Group {
    /// Adds article `i` (or, with `scale` -1, takes it back out).
    fn add(&mut self, i: usize, f: &Features, seen: Option<Date>, scale: f32) {
        if scale > 0.0 {
            self.members.push(i);
        } else {
            self.members.retain(|&m| m != i);
        }
        self.headline.add(&f.headline, scale);
        self.body.add(&f.body, scale);
        self.entities.add(&f.entities, scale);
        self.protagonists.add(&f.protagonists, scale);
        for &(d, w) in &f.votes {
            *self.votes.entry(d).or_default() += w * scale;
        }
        self.votes.retain(|_, w| *w > 1e-4);
        self.date = best(&self.votes.iter().map(|(d, w)| (*d, *w)).collect::<Vec<_>>());
        self.last_seen = self.last_seen.max(seen);
    }
}

/// Joins events that prove to be one: events founded near each other in time whose centroids score at least
/// `threshold` against each other (single link over the pairs, each scored once).
fn merge(groups: &mut [Group], threshold: f32) {
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for a in 0..groups.len() {
        for b in a + 1..groups.len().min(a + 1 + MAX_LOOK_BACK / 2) {
            let (x, y) = (&groups[a], &groups[b]);
            let dates = date_agreement(x.date, y.date);
            // The text part is a weighted sum of cosines, at most 1: dates too far apart rule a merge out.
            if x.members.is_empty() || y.members.is_empty() || MAX_TEXT_SCORE + dates < threshold {
                continue;
            }
            let protagonists = (!x.protagonists.is_empty() && !y.protagonists.is_empty())
                .then(|| x.protagonists.similarity(&y.protagonists));
            let text = HEADLINE_WEIGHT * x.headline.similarity(&y.headline)
                + BODY_WEIGHT * x.body.similarity(&y.body)
                + ENTITY_WEIGHT * x.entities.similarity(&y.entities)
                + protagonist_agreement(protagonists);
            if text + dates >= threshold {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    for g in 0..groups.len() {
        let r = root(&mut parent, g);
        if r != g {
            let members = std::mem::take(&mut groups[g].members);
            groups[r].members.extend(members);
        }
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn score(f: &Features, date: Option<Date>, group: &Group) -> f32 {
    let text = HEADLINE_WEIGHT * group.headline.cosine(&f.headline)
        + BODY_WEIGHT * group.body.cosine(&f.body)
        + ENTITY_WEIGHT * group.entities.cosine(&f.entities);
    let protagonists = (!f.protagonists.is_empty() && !group.protagonists.is_empty())
        .then(|| group.protagonists.cosine(&f.protagonists));
    text + date_agreement(date, group.date) + protagonist_agreement(protagonists) + size_prior(group.members.len())
}

/// The prior for joining an event of `members` articles: events that drew more reports draw more, by the log of
/// their size (as in a Chinese restaurant process), which keeps stray articles from founding events of their own.
fn size_prior(members: usize) -> f32 {
    SIZE_PRIOR * (members.max(1) as f32).ln()
}

/// The bonus or penalty for the cosine of two articles' (or events') protagonists, when both have some.
fn protagonist_agreement(cosine: Option<f32>) -> f32 {
    cosine.map_or(0.0, |c| PROTAGONIST_WEIGHT * (c - PROTAGONIST_NEUTRAL))
}

/// The bonus or penalty for two event dates: the same day, up to a week apart, or further.
fn date_agreement(a: Option<Date>, b: Option<Date>) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) => match i64::from((a - b).get_days()).abs() {
            0 => SAME_DAY_BONUS,
            days if days <= SAME_WEEK => 0.0,
            days => -(DAY_APART_PENALTY * days as f32).min(MAX_DATE_PENALTY),
        },
        _ => 0.0,
    }
}

/// The bonus towards each event holding an article that the article copies, largely reuses or retells. The reuse graph
/// links each copy to its family's canonical article only, so a copy stands for its whole family: the links of
/// the articles it copies count as its own, and a link to an article reaches that article's copies too.
fn reuse_bonus(reuse: &ReuseGraph, id: &str, group_of: &HashMap<&str, usize>) -> HashMap<usize, f32> {
    let mut bonus: HashMap<usize, f32> = HashMap::new();
    let copies_of = |article: &str| reuse.links(article).iter().filter(|l| l.kind == ReuseKind::Copy);
    let family = copies_of(id).flat_map(|l| reuse.links(&l.article)).filter(|l| l.article != id);
    for link in reuse.links(id).iter().chain(family) {
        let b = match link.kind {
            ReuseKind::Copy => COPY_BONUS,
            ReuseKind::Paraphrase => PARAPHRASE_BONUS,
            ReuseKind::Reuse => {
                COPY_BONUS * ((link.shared as f32 - REUSE_FROM) / (FULL_REUSE - REUSE_FROM)).clamp(0.0, 1.0)
            }
        };
        let targets =
            std::iter::once(link.article.as_str()).chain(copies_of(&link.article).map(|l| l.article.as_str()));
        for g in targets.filter(|&a| a != id).filter_map(|a| group_of.get(a).copied()) {
            let slot = bonus.entry(g).or_default();
            *slot = slot.max(b);
        }
    }
    bonus
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_favour_larger_events_shared_protagonists_and_close_dates() {
        assert_eq!(size_prior(0), 0.0);
        assert!(size_prior(1) < size_prior(2) && size_prior(2) < size_prior(20));
        assert!(size_prior(20) < JOIN_THRESHOLD / 2.0, "size alone never makes an article join");
        assert_eq!(protagonist_agreement(None), 0.0);
        assert!(protagonist_agreement(Some(0.0)) < 0.0 && protagonist_agreement(Some(1.0)) > 0.0);
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(date_agreement(d("2024-07-24"), d("2024-07-24")), SAME_DAY_BONUS);
        assert_eq!(date_agreement(d("2013-05-02"), d("2013-05-08")), 0.0);
        assert!(date_agreement(d("2013-05-02"), d("2013-06-13")) < 0.0);
        assert_eq!(date_agreement(d("2023-03-15"), d("2024-07-24")), -MAX_DATE_PENALTY);
        assert_eq!(date_agreement(None, d("2024-07-24")), 0.0);
    }
}

//! The online pass: each article, in time order, joins the most similar active event or founds a new one;
//! then a second look moves articles that fit another event better, and events that prove to be one merge.

use std::collections::{BTreeMap, HashMap};

use chronicle_dedup::ReuseGraph;
use chronicle_model::{AnalyzedArticle, Date, ReuseKind, ReuseLink};
use rayon::prelude::*;

use crate::centroids::Centroids;
use crate::event_date::best;
use crate::features::Features;

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
const MERGE_MARGIN: f32 = 0.35;
/// The most the weighted text similarities can add up to (with a margin for rounding).
const MAX_TEXT_SCORE: f32 = HEADLINE_WEIGHT + BODY_WEIGHT + ENTITY_WEIGHT + PROTAGONIST_WEIGHT + 0.01;
/// The most second looks at every article (they stop sooner once no article moves).
const REFINE_PASSES: usize = 2;
/// The most events compared with each article.
const MAX_LOOK_BACK: usize = 1000;

/// An event being built: its members, their date votes and when it was last reported. The sums of the members'
/// features are kept, for all events together, in [`Events`].
#[derive(Default)]
struct Group {
    members: Vec<usize>,
    /// The members' date votes and the winner.
    votes: BTreeMap<Date, f32>,
    date: Option<Date>,
    last_seen: Option<Date>,
    /// When a second look last changed the members (see [`SecondLooks`]).
    changed: u64,
}

/// The events being built, with the centroids of their members' features.
#[derive(Default)]
struct Events {
    groups: Vec<Group>,
    headline: Centroids,
    body: Centroids,
    entities: Centroids,
    protagonists: Centroids,
}

/// One article's dot products with every event's centroids, per feature (see [`Events::measure`]).
#[derive(Default)]
struct Dots {
    headline: Vec<f32>,
    body: Vec<f32>,
    entities: Vec<f32>,
    protagonists: Vec<f32>,
}

/// Groups article indices into events; `order` is the time order. Each group lists its members in that order.
pub fn assign(
    order: &[usize],
    articles: &[AnalyzedArticle],
    features: &[Features],
    reuse: &ReuseGraph,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let reused = reused_articles(articles, reuse);
    let mut events = Events::default();
    let mut active: Vec<usize> = Vec::new();
    let mut event_of: Vec<Option<usize>> = vec![None; articles.len()];
    let mut dots = Dots::default();
    for &i in order {
        let item = &articles[i];
        let seen = item.article.published.or(item.analysis.dct);
        if let Some(now) = item.article.published {
            let groups = &events.groups;
            active
                .retain(|&g| groups[g].last_seen.is_none_or(|last| i64::from((now - last).get_days()) <= ACTIVE_DAYS));
        }
        let f = &features[i];
        let date = best(&f.votes);
        let bonus = reuse_bonus(&reused[i], &event_of);
        events.measure(f, &mut dots);
        let looked_at = active.iter().rev().take(MAX_LOOK_BACK).copied();
        let chosen = best_of(looked_at, |g| events.score(g, f, date, &dots) + bonus_for(&bonus, g));
        let g = match chosen {
            Some((g, s)) if s >= threshold => g,
            _ => {
                events.groups.push(Group::default());
                active.push(events.groups.len() - 1);
                events.groups.len() - 1
            }
        };
        events.add(g, i, f, seen, 1.0);
        event_of[i] = Some(g);
    }
    let mut second_looks =
        SecondLooks { order, articles, features, reused, threshold, looks: vec![None; articles.len()], clock: 0 };
    for _ in 0..REFINE_PASSES {
        if second_looks.pass(&mut events, &mut event_of) == 0 {
            break;
        }
    }
    merge(&mut events, threshold + MERGE_MARGIN);
    let mut rank = vec![0; articles.len()];
    order.iter().enumerate().for_each(|(r, &i)| rank[i] = r);
    let mut out: Vec<Vec<usize>> = events.groups.into_iter().map(|g| g.members).filter(|m| !m.is_empty()).collect();
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
    /// Per article, the articles it reuses (see [`reused_articles`]).
    reused: Vec<Vec<(usize, f32)>>,
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

impl SecondLooks<'_> {
    /// One pass over the articles in time order; returns how many moved.
    fn pass(&mut self, events: &mut Events, event_of: &mut [Option<usize>]) -> usize {
        let mut moved = 0;
        let mut dots = Dots::default();
        for &i in self.order {
            let item = &self.articles[i];
            let Some(home) = event_of[i] else { continue };
            let (f, seen) = (&self.features[i], item.article.published.or(item.analysis.dct));
            let date = best(&f.votes);
            self.clock += 1;
            events.add(home, i, f, seen, -1.0);
            let bonus = reuse_bonus(&self.reused[i], event_of);
            events.measure(f, &mut dots);
            let score_of = |g: usize| events.score(g, f, date, &dots) + bonus_for(&bonus, g);
            let groups = &events.groups;
            let stay = if groups[home].members.is_empty() { f32::MIN } else { score_of(home) };
            // The last look stands for the events unchanged since, if the best of them is one.
            let last = self.looks[i].filter(|look| look.best.is_none_or(|(g, _)| groups[g].changed <= look.at));
            // Events are founded in time order: those founded near this article's own are the ones active with it.
            let near = home.saturating_sub(MAX_LOOK_BACK / 2)..(home + MAX_LOOK_BACK / 2).min(groups.len());
            let candidates = near
                .filter(|&g| g != home && !groups[g].members.is_empty())
                .filter(|&g| last.is_none_or(|look| groups[g].changed > look.at));
            let chosen = match (best_of(candidates, score_of), last.and_then(|look| look.best)) {
                (Some((g, s)), Some((h, t))) if t > s || (t == s && h < g) => Some((h, t)),
                (None, kept) => kept,
                (fresh, _) => fresh,
            };
            let target = match chosen {
                Some((g, s)) if s >= self.threshold && s > stay => g,
                _ => home,
            };
            events.add(target, i, f, seen, 1.0);
            event_of[i] = Some(target);
            // Taking an article out and putting it back leaves an event as it was (but for rounding).
            self.looks[i] = if target == home {
                Some(Look { at: self.clock, best: chosen })
            } else {
                moved += 1;
                events.groups[home].changed = self.clock;
                events.groups[target].changed = self.clock;
                None
            };
        }
        moved
    }
}

/// The first of `candidates` with the highest score, with that score.
fn best_of(candidates: impl Iterator<Item = usize>, score: impl Fn(usize) -> f32) -> Option<(usize, f32)> {
    candidates.map(|g| (g, score(g))).fold(None, |acc, (g, s)| match acc {
        Some((_, best)) if best >= s => acc,
        _ => Some((g, s)),
    })
}

impl Events {
    /// Adds article `i` to event `g` (or, with `scale` -1, takes it back out).
    fn add(&mut self, g: usize, i: usize, f: &Features, seen: Option<Date>, scale: f32) {
        let group = &mut self.groups[g];
        if scale > 0.0 {
            group.members.push(i);
        } else {
            group.members.retain(|&m| m != i);
        }
        self.headline.add(g, &f.headline, scale);
        self.body.add(g, &f.body, scale);
        self.entities.add(g, &f.entities, scale);
        self.protagonists.add(g, &f.protagonists, scale);
        for &(d, w) in &f.votes {
            *group.votes.entry(d).or_default() += w * scale;
        }
        group.votes.retain(|_, w| *w > 1e-4);
        group.date = best(&group.votes.iter().map(|(d, w)| (*d, *w)).collect::<Vec<_>>());
        group.last_seen = group.last_seen.max(seen);
    }

    /// An article's dot products with every event's centroids, for [`Self::score`].
    fn measure(&self, f: &Features, dots: &mut Dots) {
        self.headline.dots(&f.headline, &mut dots.headline);
        self.body.dots(&f.body, &mut dots.body);
        self.entities.dots(&f.entities, &mut dots.entities);
        self.protagonists.dots(&f.protagonists, &mut dots.protagonists);
    }

    /// How well an article (its features, event date, and dot products with the events) fits event `g`.
    fn score(&self, g: usize, f: &Features, date: Option<Date>, dots: &Dots) -> f32 {
        let text = HEADLINE_WEIGHT * self.headline.cosine(g, &dots.headline)
            + BODY_WEIGHT * self.body.cosine(g, &dots.body)
            + ENTITY_WEIGHT * self.entities.cosine(g, &dots.entities);
        let protagonists = (!f.protagonists.is_empty() && !self.protagonists.is_empty(g))
            .then(|| self.protagonists.cosine(g, &dots.protagonists));
        let group = &self.groups[g];
        text + date_agreement(date, group.date) + protagonist_agreement(protagonists) + size_prior(group.members.len())
    }
}

/// Joins events that prove to be one: events founded near each other in time whose centroids score at least
/// `threshold` against each other (single link over the pairs, each scored once).
fn merge(events: &mut Events, threshold: f32) {
    let groups = &events.groups;
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let (mut headline, mut body, mut entities, mut protagonists) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for a in 0..groups.len() {
        let near = a + 1..groups.len().min(a + 1 + MAX_LOOK_BACK / 2);
        // The text part is a weighted sum of cosines, at most 1: dates too far apart rule a merge out.
        let mergeable = |b: usize| {
            !groups[b].members.is_empty()
                && MAX_TEXT_SCORE + date_agreement(groups[a].date, groups[b].date) >= threshold
        };
        if groups[a].members.is_empty() || !near.clone().any(mergeable) {
            continue;
        }
        events.headline.similarities(a, near.clone(), &mut headline);
        events.body.similarities(a, near.clone(), &mut body);
        events.entities.similarities(a, near.clone(), &mut entities);
        events.protagonists.similarities(a, near.clone(), &mut protagonists);
        for (k, b) in near.enumerate().filter(|&(_, b)| mergeable(b)) {
            let both_protagonists = !events.protagonists.is_empty(a) && !events.protagonists.is_empty(b);
            let text = HEADLINE_WEIGHT * headline[k]
                + BODY_WEIGHT * body[k]
                + ENTITY_WEIGHT * entities[k]
                + protagonist_agreement(both_protagonists.then_some(protagonists[k]));
            if text + date_agreement(groups[a].date, groups[b].date) >= threshold {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    for g in 0..events.groups.len() {
        let r = root(&mut parent, g);
        if r != g {
            let members = std::mem::take(&mut events.groups[g].members);
            events.groups[r].members.extend(members);
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

/// Per article, the articles it copies, largely reuses or retells, each with the bonus towards its event. The
/// reuse graph links each copy to its family's canonical article only, so a copy stands for its whole family: the
/// links of the articles it copies count as its own, and a link to an article reaches that article's copies too.
fn reused_articles(articles: &[AnalyzedArticle], reuse: &ReuseGraph) -> Vec<Vec<(usize, f32)>> {
    let index: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.article.id.as_str(), i)).collect();
    // The reuse links by article index: the linked article, the bonus, whether it is a copy.
    let links: Vec<Vec<(usize, f32, bool)>> = articles
        .iter()
        .map(|item| {
            let links = reuse.links(&item.article.id).iter();
            links.filter_map(|l| index.get(l.article.as_str()).map(|&a| (a, link_bonus(l), l.kind == ReuseKind::Copy)))
        })
        .map(Iterator::collect)
        .collect();
    let copies_of = |a: usize| links[a].iter().filter(|l| l.2).map(|l| l.0);
    (0..articles.len())
        .into_par_iter()
        .map(|x| {
            let family = copies_of(x).flat_map(|c| &links[c]).filter(|l| l.0 != x);
            let mut reused: Vec<(usize, f32)> = Vec::new();
            for &(a, bonus, _) in links[x].iter().chain(family) {
                let targets = std::iter::once(a).chain(copies_of(a)).filter(|&t| t != x);
                reused.extend(targets.map(|t| (t, bonus)));
            }
            reused.sort_by(|p, q| p.0.cmp(&q.0).then(q.1.total_cmp(&p.1)));
            reused.dedup_by_key(|&mut (a, _)| a);
            reused
        })
        .collect()
}

/// The bonus a reuse link earns: copies and rewrites a fixed one, shared passages by how much of the body they make.
fn link_bonus(link: &ReuseLink) -> f32 {
    match link.kind {
        ReuseKind::Copy => COPY_BONUS,
        ReuseKind::Paraphrase => PARAPHRASE_BONUS,
        ReuseKind::Reuse => {
            COPY_BONUS * ((link.shared as f32 - REUSE_FROM) / (FULL_REUSE - REUSE_FROM)).clamp(0.0, 1.0)
        }
    }
}

/// The bonus towards each event holding an article that an article reuses (`reused`, see [`reused_articles`]).
fn reuse_bonus(reused: &[(usize, f32)], event_of: &[Option<usize>]) -> Vec<(usize, f32)> {
    let mut bonus: Vec<(usize, f32)> = Vec::new();
    for &(article, b) in reused {
        let Some(g) = event_of[article] else { continue };
        match bonus.iter_mut().find(|(e, _)| *e == g) {
            Some(slot) => slot.1 = slot.1.max(b),
            None => bonus.push((g, b)),
        }
    }
    bonus
}

/// The bonus towards event `g`.
fn bonus_for(bonus: &[(usize, f32)], g: usize) -> f32 {
    bonus.iter().find(|(e, _)| *e == g).map_or(0.0, |&(_, b)| b)
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

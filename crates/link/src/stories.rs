//! Stories: events joined by shared actors and theme, over any span of time.

use std::collections::{BTreeMap, BTreeSet};

use chronicle_model::{AnalyzedArticle, Date, EntityKind, Event, Story};
use xxhash_rust::xxh3::xxh3_64;

use crate::text::terms;

/// Sentences of each member read for an event's theme, after its headline.
const THEME_SENTENCES: usize = 3;
/// Weight of shared actors against shared theme words in the likeness of two events.
const ACTOR_WEIGHT: f64 = 0.3;
/// Theme terms of each event that propose candidate pairs.
const TOP_THEME_TERMS: usize = 10;
/// Keys held by more events than this propose no pairs.
const MAX_POSTINGS: usize = 500;
/// Likeness from which two events belong to one story.
pub const STORY_THRESHOLD: f64 = 0.15;

/// What a story compares of an event: its actors (weighted entity ids) and its theme (TF-IDF of the terms of
/// its title and its members' leads, unit length).
struct Profile {
    actors: BTreeMap<String, f64>,
    theme: BTreeMap<String, f64>,
}

/// What story linking reads of an event's member articles: the terms of their leads and when the first was
/// published. Built one member at a time, so that events can be linked after their articles are gone.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    terms: BTreeMap<String, f64>,
    first_seen: Option<Date>,
}

impl Theme {
    /// Reads one member article.
    pub fn add(&mut self, item: &AnalyzedArticle) {
        for sentence in item.body_sentences().iter().take(THEME_SENTENCES) {
            terms(sentence.slice(&item.article.text))
                .into_iter()
                .for_each(|t| *self.terms.entry(t).or_default() += 1.0);
        }
        if let Some(published) = item.article.published {
            self.first_seen = Some(self.first_seen.map_or(published, |seen| seen.min(published)));
        }
    }
}

/// The theme of each event, read from its member articles among `articles`.
pub fn themes(events: &[Event], articles: &[AnalyzedArticle]) -> Vec<Theme> {
    let by_id: BTreeMap<&str, &AnalyzedArticle> = articles.iter().map(|a| (a.article.id.as_str(), a)).collect();
    events
        .iter()
        .map(|event| {
            let mut theme = Theme::default();
            event.articles.iter().filter_map(|id| by_id.get(id.as_str())).for_each(|item| theme.add(item));
            theme
        })
        .collect()
}

/// Links events into stories by shared actors and theme over time (`themes[i]` is the theme of `events[i]`, an
/// event without one is linked by its actors and title);
/// sets each event's `story`. Story id = "st-" + stable hash of its earliest event id.
pub fn link_stories(events: &mut [Event], themes: &[Theme]) -> Vec<Story> {
    link_stories_with_threshold(events, themes, STORY_THRESHOLD)
}

/// [`link_stories`] with another threshold, for calibration.
pub fn link_stories_with_threshold(events: &mut [Event], themes: &[Theme], threshold: f64) -> Vec<Story> {
    let no_theme = Theme::default();
    let mut profiles: Vec<Profile> =
        events.iter().enumerate().map(|(i, e)| profile(e, themes.get(i).unwrap_or(&no_theme))).collect();
    weigh_themes(&mut profiles);
    let mut parent: Vec<usize> = (0..events.len()).collect();
    for (i, j) in candidate_pairs(&profiles) {
        if likeness(&profiles[i], &profiles[j]) >= threshold {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..events.len() {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let when: Vec<(Date, String)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.date.or(themes.get(i).and_then(|t| t.first_seen)).unwrap_or(Date::MAX), e.id.clone()))
        .collect();
    let mut stories: Vec<Story> = groups
        .into_values()
        .map(|mut members| {
            members.sort_by(|&a, &b| when[a].cmp(&when[b]));
            let main = members.iter().copied().max_by_key(|&i| (events[i].articles.len(), std::cmp::Reverse(&when[i])));
            let first = events[members[0]].id.clone();
            let id = format!("st-{:012x}", xxh3_64(first.as_bytes()) >> 16);
            for &i in &members {
                events[i].story = Some(id.clone());
            }
            Story {
                id,
                title: main.map(|i| events[i].title.clone()).unwrap_or_default(),
                events: members.iter().map(|&i| events[i].id.clone()).collect(),
            }
        })
        .collect();
    stories.sort_by(|a, b| a.id.cmp(&b.id));
    stories
}

fn profile(event: &Event, theme: &Theme) -> Profile {
    let actors = event
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind != EntityKind::Place)
        .map(|(rank, e)| (e.id.clone(), 1.0 / (1.0 + rank as f64)))
        .collect();
    let mut theme = theme.terms.clone();
    terms(&event.title).into_iter().for_each(|t| *theme.entry(t).or_default() += 1.0);
    Profile { actors, theme }
}

/// Turns theme term counts into unit-length TF-IDF vectors, with IDF over the events.
fn weigh_themes(profiles: &mut [Profile]) {
    let mut df: BTreeMap<String, f64> = BTreeMap::new();
    for p in profiles.iter() {
        p.theme.keys().for_each(|t| *df.entry(t.clone()).or_default() += 1.0);
    }
    let events = profiles.len() as f64;
    for p in profiles.iter_mut() {
        for (term, w) in p.theme.iter_mut() {
            *w = (1.0 + w.ln()) * ((events + 1.0) / df.get(term).copied().unwrap_or(1.0)).ln();
        }
        let norm = p.theme.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            p.theme.values_mut().for_each(|w| *w /= norm);
        }
    }
}

/// Pairs of events that share an actor or one of their top theme terms (keys shared by very many events are
/// skipped), so that linking stays near-linear in the number of events.
fn candidate_pairs(profiles: &[Profile]) -> BTreeSet<(usize, usize)> {
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in profiles.iter().enumerate() {
        let mut top: Vec<(&String, &f64)> = p.theme.iter().collect();
        top.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let keys = p.actors.keys().chain(top.into_iter().take(TOP_THEME_TERMS).map(|(t, _)| t));
        keys.for_each(|k| postings.entry(k.as_str()).or_default().push(i));
    }
    let mut pairs = BTreeSet::new();
    for events in postings.values().filter(|e| e.len() <= MAX_POSTINGS) {
        for (n, &a) in events.iter().enumerate() {
            pairs.extend(events[n + 1..].iter().map(|&b| (a.min(b), a.max(b))).filter(|(a, b)| a != b));
        }
    }
    pairs
}

fn cosine(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter_map(|(t, w)| Some(w * large.get(t)?)).sum()
}

/// How alike two events are: weighted overlap of actors and cosine of themes.
fn likeness(a: &Profile, b: &Profile) -> f64 {
    let shared: f64 = a.actors.iter().filter_map(|(id, w)| Some(w.min(*b.actors.get(id)?))).sum();
    let total: f64 = a.actors.values().sum::<f64>().min(b.actors.values().sum::<f64>());
    let actors = if total > 0.0 { shared / total } else { 0.0 };
    ACTOR_WEIGHT * actors + (1.0 - ACTOR_WEIGHT) * cosine(&a.theme, &b.theme)
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

//! The events found so far, grown window by window.
//!
//! Each window is clustered as a whole, context included. A found event that holds context articles continues
//! the event those articles already belong to (the one holding most of them; the earliest on a tie); one without
//! them is a new event. Articles never move once placed, so event ids stay stable as windows pass.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chronicle_dedup::ReuseGraph;
use chronicle_link::Theme;
use chronicle_model::{AnalyzedArticle, Event};

/// One event and what is kept to grow and link it without its articles.
struct Entry {
    event: Event,
    theme: Theme,
    /// The canonical article of each member's copy group, as the last window that held the member saw it.
    sources: BTreeMap<String, String>,
    /// Members of the window whose description the event carries.
    described_by: usize,
}

/// Every event found so far, and which event each article of the current context belongs to.
#[derive(Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    event_of: HashMap<String, usize>,
}

impl Ledger {
    /// Records the events found in one window: `found` are the window's events, `new` the ids of its new
    /// (non-context) articles, `articles` the window's articles.
    pub fn record(
        &mut self,
        found: Vec<Event>,
        new: &BTreeSet<&str>,
        articles: &[AnalyzedArticle],
        reuse: &ReuseGraph,
    ) {
        let by_id: HashMap<&str, &AnalyzedArticle> = articles.iter().map(|a| (a.article.id.as_str(), a)).collect();
        for found in found {
            let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
            found
                .articles
                .iter()
                .filter_map(|id| self.event_of.get(id))
                .for_each(|&e| *votes.entry(e).or_default() += 1);
            let joined: Vec<String> = found.articles.iter().filter(|id| new.contains(id.as_str())).cloned().collect();
            if joined.is_empty() {
                continue;
            }
            let window_members = found.articles.len();
            let continued = votes.into_iter().max_by_key(|&(e, n)| (n, std::cmp::Reverse(e))).map(|(e, _)| e);
            let index = match continued {
                Some(index) => index,
                None => {
                    self.entries.push(Entry {
                        event: Event { articles: Vec::new(), ..found.clone() },
                        theme: Theme::default(),
                        sources: BTreeMap::new(),
                        described_by: 0,
                    });
                    self.entries.len() - 1
                }
            };
            let entry = &mut self.entries[index];
            entry.event.articles.extend(joined.iter().cloned());
            for id in &joined {
                if let Some(item) = by_id.get(id.as_str()) {
                    entry.theme.add(item);
                }
                self.event_of.insert(id.clone(), index);
            }
            for id in found.articles.iter().filter(|id| self.event_of.get(id.as_str()) == Some(&index)) {
                entry.sources.insert(id.clone(), reuse.canonical(id).to_string());
            }
            entry.event.independent_sources = entry.sources.values().collect::<BTreeSet<_>>().len();
            if window_members >= entry.described_by {
                entry.described_by = window_members;
                describe(&mut entry.event, found);
            }
        }
    }

    /// Forgets which event the articles outside `context` belong to: they will not be seen again.
    pub fn keep_context(&mut self, context: &[AnalyzedArticle]) {
        let keep: BTreeSet<&str> = context.iter().map(|a| a.article.id.as_str()).collect();
        self.event_of.retain(|id, _| keep.contains(id.as_str()));
    }

    /// The events and the themes they are linked into stories by.
    pub fn finish(self) -> (Vec<Event>, Vec<Theme>) {
        self.entries.into_iter().map(|e| (e.event, e.theme)).unzip()
    }
}

/// Takes the title, entities and summary of `found`, the same event seen in a later window, citing only the
/// event's members; the date it happened stays the first one found.
fn describe(event: &mut Event, found: Event) {
    let members: BTreeSet<&str> = event.articles.iter().map(String::as_str).collect();
    event.title = found.title;
    event.entities = found.entities;
    event.date = event.date.or(found.date);
    event.summary = found
        .summary
        .into_iter()
        .filter_map(|mut sentence| {
            sentence.citations.retain(|c| members.contains(c.article.as_str()));
            sentence.articles.retain(|a| members.contains(a.as_str()));
            (!sentence.citations.is_empty()).then_some(sentence)
        })
        .collect();
}

//! Derivation: reuse links, events, stories and the timeline, from the stored articles, in one pass over time.
//!
//! The stored articles are read in time order and cut into windows (`window`): each block of new articles is
//! unified, deduplicated and clustered together with the recent articles before it, and its events are recorded
//! (`ledger`). Each window is deduplicated while the one before it is clustered, so the two stages share the
//! cores. At most two windows of articles are in memory at any time; what outlives them is compact: the events,
//! their themes, the reuse links and the timeline's facts. Stories are linked once every event is known.

use std::collections::{BTreeMap, BTreeSet};

use chronicle_dedup::ReuseGraph;
use chronicle_link::Timeline;
use chronicle_model::{AnalyzedArticle, ReuseLink};
use chronicle_store::{Derived, Store, StoreError};

use crate::ledger::Ledger;
use crate::window::{Window, Windows, BLOCK};

/// Re-derives reuse links, events, stories and the timeline from every stored article, and stores them in one
/// transaction. Returns the number of events.
pub fn derive(store: &mut dyn Store) -> Result<usize, StoreError> {
    derive_in_blocks(store, BLOCK)
}

/// [`derive`] with blocks of `block` new articles.
fn derive_in_blocks(store: &mut dyn Store, block: usize) -> Result<usize, StoreError> {
    let mut state = State::default();
    let mut windows = Windows::new(block);
    let mut pending: Option<Deduplicated> = None;
    store.each_article(&mut |item| {
        if let Some(window) = windows.push(item) {
            windows.keep_context(&window);
            pending = Some(state.step(pending.take(), window));
        }
    })?;
    if let Some(window) = windows.finish() {
        pending = Some(state.step(pending.take(), window));
    }
    if let Some(last) = pending {
        state.record(last);
    }
    let (mut events, themes) = state.ledger.finish();
    let stories = chronicle_link::link_stories(&mut events, &themes);
    let count = events.len();
    let derived = Derived { reuse: state.reuse, events, stories, timeline: state.timeline.entries() };
    store.put_derived(&derived)?;
    Ok(count)
}

/// A window whose reuse links are found, waiting to be clustered.
struct Deduplicated {
    window: Window,
    reuse: ReuseGraph,
}

/// What derivation carries from window to window.
#[derive(Default)]
struct State {
    ledger: Ledger,
    reuse: BTreeMap<String, Vec<ReuseLink>>,
    timeline: Timeline,
}

impl State {
    /// Records the pending window while finding the reuse links of the next one.
    fn step(&mut self, pending: Option<Deduplicated>, mut next: Window) -> Deduplicated {
        chronicle_analyze::unify_entities(&mut next.articles);
        let record = || pending.map(|p| self.record(p));
        let (_, reuse) = rayon::join(record, || chronicle_dedup::find_reuse(&next.articles));
        self.ledger.keep_context(next.context());
        Deduplicated { window: next, reuse }
    }

    /// Clusters one window, records the events and reuse links of its new articles, and adds their facts to the
    /// timeline.
    fn record(&mut self, Deduplicated { window, reuse }: Deduplicated) {
        let found = chronicle_cluster::cluster(&window.articles, &reuse);
        let new: BTreeSet<&str> = window.new_articles().iter().map(|a| a.article.id.as_str()).collect();
        self.ledger.record(found, &new, &window.articles, &reuse);
        for item in window.new_articles() {
            self.reuse.insert(item.article.id.clone(), reuse.links(&item.article.id).to_vec());
        }
        for item in window.context() {
            let to_new = reuse.links(&item.article.id).iter().filter(|l| new.contains(l.article.as_str()));
            let links = self.reuse.entry(item.article.id.clone()).or_default();
            links.extend(to_new.cloned());
            links.sort_by(|a, b| a.article.cmp(&b.article));
        }
        let mut ordered: Vec<&AnalyzedArticle> = window.new_articles().iter().collect();
        ordered.sort_by(|a, b| a.article.id.cmp(&b.article.id));
        self.timeline.extend(&ordered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use chronicle_source::Input;
    use chronicle_store::SqliteStore;

    const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds/seeds.jsonl");

    fn seeds() -> SqliteStore {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let inputs = [Input::File(SEEDS.into())];
        Pipeline::new().ingest(&inputs, &mut store, &mut |_| ()).unwrap();
        store
    }

    #[test]
    fn events_grow_across_windows_with_stable_ids() {
        let mut store = seeds();
        let whole = store.events().unwrap();
        let groups = |events: &[chronicle_model::Event]| -> Vec<Vec<String>> {
            let mut groups: Vec<Vec<String>> =
                events.iter().map(|e| e.articles.iter().map(|a| a[..3].to_string()).collect()).collect();
            groups.iter_mut().for_each(|g| g.sort());
            groups
        };
        assert_eq!(groups(&whole), [vec!["000", "001", "003"], vec!["002", "004"]]);
        // One article per block: every event after its first article grows through the context.
        assert_eq!(derive_in_blocks(&mut store, 1).unwrap(), 2);
        let windowed = store.events().unwrap();
        assert_eq!(groups(&windowed), groups(&whole));
        let ids = |events: &[chronicle_model::Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&windowed), ids(&whole));
        assert_eq!(windowed.iter().map(|e| e.independent_sources).collect::<Vec<_>>(), [1, 1]);
        assert_eq!(store.stories().unwrap().len(), 1);
        // Facts are merged greedily in the order articles come, so wording may differ; the dates may not.
        let dates =
            |store: &SqliteStore| store.timeline().unwrap().into_iter().map(|e| e.date).collect::<BTreeSet<_>>();
        assert_eq!(dates(&store), dates(&seeds()));
    }

    #[test]
    fn late_articles_give_the_events_of_an_ingest_in_order() {
        // The 2024 meeting arrives first, then the 2023 talks, the Kremlin's announcement last of all.
        let lines: Vec<String> = std::fs::read_to_string(SEEDS).unwrap().lines().map(String::from).collect();
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Vec::new();
        for (name, picked) in [("2024", [2, 4].as_slice()), ("2023", &[0, 3]), ("announcement", &[1])] {
            let path = dir.path().join(format!("{name}.jsonl"));
            std::fs::write(&path, picked.iter().map(|&i| format!("{}\n", lines[i])).collect::<String>()).unwrap();
            inputs.push(Input::File(path));
        }
        let mut store = SqliteStore::open_in_memory().unwrap();
        let pipeline = Pipeline::new();
        for input in inputs {
            pipeline.ingest(&[input], &mut store, &mut |_| ()).unwrap();
        }
        assert_eq!(store.events().unwrap(), seeds().events().unwrap());
        assert_eq!(store.stories().unwrap(), seeds().stories().unwrap());
    }
}

//! Runs Chronicle's pipeline: source → extract → analyze → store, then dedup → cluster → link over the stored
//! articles.
//!
//! Two invariants keep ingest safe and repeatable:
//! - a stored article is a pure function of its input, so ingesting the same input twice changes nothing;
//! - derived records (reuse links, events, stories, timeline) are a pure function of all stored articles, and are
//!   replaced in one transaction after each ingest. They are derived in one pass over time that holds only a
//!   window of articles in memory (`derive`).
//!
//! Bad input never stops a batch: each failure is reported as an [`InputError`] naming the input, and the rest goes
//! on. Only a store failure aborts, and then the batch in flight is rolled back.

mod derive;
mod ledger;
mod window;

use chronicle_analyze::Analyzer;
use chronicle_model::{AnalyzedArticle, InputError, RawDocument};
use chronicle_source::Input;
use chronicle_store::{PutOutcome, Store, StoreError};
use rayon::prelude::*;

pub use derive::derive;

/// Documents analysed and stored together, in one transaction.
const BATCH: usize = 256;

/// What an ingest did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IngestReport {
    /// Documents read from the inputs.
    pub read: usize,
    /// Articles written: new, or changed since they were last stored.
    pub stored: usize,
    /// Articles already stored with the same content.
    pub unchanged: usize,
    /// Inputs or documents that could not be read, each with the reason.
    pub failed: Vec<InputError>,
    /// Events in the store after this ingest.
    pub events: usize,
}

/// Where an ingest stands, for progress displays.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub inputs_done: usize,
    pub inputs_total: usize,
    pub documents: usize,
}

/// The pipeline: build once, it loads the analysis models.
#[derive(Default)]
pub struct Pipeline {
    analyzer: Analyzer,
}

impl Pipeline {
    pub fn new() -> Self {
        Self::default()
    }

    /// Extracts and analyses one raw document.
    pub fn process(&self, doc: RawDocument) -> Result<AnalyzedArticle, InputError> {
        let article = chronicle_extract::extract(doc)?;
        let analysis = self.analyzer.analyze(&article);
        Ok(AnalyzedArticle { article, analysis })
    }

    /// Reads, analyses and stores `inputs`, then re-derives events, stories and the timeline.
    pub fn ingest(
        &self,
        inputs: &[Input],
        store: &mut dyn Store,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let mut batch = Vec::with_capacity(BATCH);
        for (done, input) in inputs.iter().enumerate() {
            for doc in chronicle_source::read(input) {
                report.read += 1;
                match doc {
                    Ok(doc) => batch.push(doc),
                    Err(e) => report.failed.push(e),
                }
                if batch.len() == BATCH {
                    self.store_batch(std::mem::take(&mut batch), store, &mut report)?;
                }
            }
            progress(Progress { inputs_done: done + 1, inputs_total: inputs.len(), documents: report.read });
        }
        self.store_batch(batch, store, &mut report)?;
        report.events = derive(store)?;
        Ok(report)
    }

    fn store_batch(
        &self,
        batch: Vec<RawDocument>,
        store: &mut dyn Store,
        report: &mut IngestReport,
    ) -> Result<(), StoreError> {
        let results: Vec<_> = batch.into_par_iter().map(|doc| self.process(doc)).collect();
        let mut articles = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(article) => articles.push(article),
                Err(e) => report.failed.push(e),
            }
        }
        for outcome in store.put_articles(&articles)? {
            match outcome {
                PutOutcome::Unchanged => report.unchanged += 1,
                PutOutcome::Inserted | PutOutcome::Updated => report.stored += 1,
            }
        }
        Ok(())
    }
}

//! Chronicle's shared data model.
//!
//! Every pipeline stage speaks these types: `source` yields [`RawDocument`]s, `extract` turns them into
//! [`Article`]s, `analyze` adds an [`Analysis`], `dedup` finds [`ReuseLink`]s, `cluster` groups articles into
//! [`Event`]s and `link` joins events into [`Story`]s and a [`TimelineEntry`] list.
//!
//! Provenance invariant: every span in this crate is a byte range into [`Article::text`] of the article it
//! belongs to, so anything derived from text can be traced back to the exact bytes it came from.

mod analysis;
mod article;
mod event;
mod partial_date;
mod span;
pub mod stopwords;

pub use analysis::{Analysis, Claim, EntityKind, Mention, Quote, TimeType, Timex};
pub use article::{Article, InputError, RawDocument, RawFormat};
pub use event::{
    Citation, Disagreement, EntityRef, Event, Figure, ReuseKind, ReuseLink, SharedPassage, Story, SummarySentence,
    TimelineEntry,
};
pub use partial_date::PartialDate;
pub use span::Span;

/// A calendar date without time zone (publication dates, event dates).
pub type Date = jiff::civil::Date;

/// An analysed article: the unit that flows from `analyze` to `dedup`, `cluster` and the store.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AnalyzedArticle {
    pub article: Article,
    pub analysis: Analysis,
}

impl AnalyzedArticle {
    /// The analysed sentences that lie in the body, in order; the body spans when there are none.
    pub fn body_sentences(&self) -> Vec<Span> {
        let body = self.article.body_or_text();
        let in_body = |s: &Span| body.get(body.partition_point(|b| b.end < s.end)).is_some_and(|b| b.contains(*s));
        let sentences: Vec<Span> = self.analysis.sentences.iter().copied().filter(in_body).collect();
        if sentences.is_empty() {
            body
        } else {
            sentences
        }
    }
}

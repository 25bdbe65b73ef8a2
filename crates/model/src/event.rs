use serde::{Deserialize, Serialize};

use crate::{Date, EntityKind, Span};

/// How an article's text relates to another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReuseKind {
    /// The same text, give or take furniture and light edits.
    Copy,
    /// Shared passages inside otherwise different articles.
    Reuse,
    /// The same facts retold in other words.
    Paraphrase,
}

/// A passage two articles share, as byte spans into each article's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    pub span: Span,
    pub other_span: Span,
}

/// A link from one article to another that reuses or retells its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReuseLink {
    /// The other article's id.
    pub article: String,
    pub kind: ReuseKind,
    /// Fraction of this article's body found in the other, in `[0, 1]`.
    pub shared: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<SharedPassage>,
}

/// A pointer to the exact bytes that support a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    pub article: String,
    pub span: Span,
}

/// An entity as listed on an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
}

/// A summary sentence and the articles that say it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub text: String,
    pub articles: Vec<String>,
    pub citations: Vec<Citation>,
}

/// A real-world event: the articles that report it, when it happened, who took part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Deterministic id, stable as data arrives.
    pub id: String,
    pub title: String,
    /// When it happened (not when it was reported), if known.
    pub date: Option<Date>,
    /// Member article ids, in publication order.
    pub articles: Vec<String>,
    /// Number of copy groups among the articles: wire copies count once.
    pub independent_sources: usize,
    pub entities: Vec<EntityRef>,
    pub summary: Vec<SummarySentence>,
    /// The id of the story this event belongs to.
    pub story: Option<String>,
}

/// Events linked over time by shared actors and theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// Event ids in date order.
    pub events: Vec<String>,
}

/// A dated fact, with the sources that state it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub text: String,
    pub articles: Vec<String>,
    pub citations: Vec<Citation>,
}

/// One figure as a source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The quantity as written ("more than 50,000").
    pub text: String,
    pub low: f64,
    pub high: Option<f64>,
    /// Every place that states it.
    pub citations: Vec<Citation>,
}

/// Differing figures for one measure of one subject within an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub event: String,
    /// What the figures are about ("earthquake").
    pub subject: String,
    /// What they count ("killed").
    pub measure: String,
    /// The distinct figures, lowest first.
    pub figures: Vec<Figure>,
}

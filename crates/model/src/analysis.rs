use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// What the analysis of one article found. Analysis never fails: an empty text gives an empty analysis.
/// Every list is ordered by span start.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The document creation time the times were resolved against: the publication date, else an estimate
    /// from the text, else `None`.
    pub dct: Option<Date>,
    /// ISO 639-1 code, if detected.
    pub language: Option<String>,
    /// Sentences of the body, in order.
    pub sentences: Vec<Span>,
    pub entities: Vec<Mention>,
    pub times: Vec<Timex>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Nationalities and ethnic, religious or political groups ("Kurdish forces", "Syrian").
    Group,
    /// Named events.
    Event,
    Other,
}

impl EntityKind {
    /// The kind named by [`EntityKind::as_str`]'s word, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "person" => EntityKind::Person,
            "organization" => EntityKind::Organization,
            "place" => EntityKind::Place,
            "group" => EntityKind::Group,
            "event" => EntityKind::Event,
            "other" => EntityKind::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
}

/// A mention of a named entity, linked to its canonical entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// Canonical entity id: a GeoNames id or ISO code where one exists (`geo:…`, `iso:…`), else a Chronicle id.
    pub id: String,
    /// Canonical name ("Bashar al-Assad" for a mention "Assad").
    pub name: String,
}

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression with its TIMEX3 value, resolved against the document creation time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value: `2023-03-15`, `2022-12`, `2011`, `P3Y`, `XXXX-WXX-3`, `PRESENT_REF`…
    pub value: String,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `MORE_THAN`… ("late December" is `2022-12` with `END`).
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Canonical entity id of the speaker, when attributed.
    pub speaker: Option<String>,
    /// Canonical name of the speaker, when attributed.
    pub speaker_name: Option<String>,
    /// The mention of the speaker in the attribution ("Putin" in "…,” Putin said").
    pub speaker_span: Option<Span>,
}

/// A numeric claim: a quantity said of something ("killed more than 50,000 people").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The quantity phrase ("more than 50,000", "tens of thousands").
    pub span: Span,
    /// The sentence that makes the claim.
    pub sentence: Span,
    /// What is counted, as a normalised key ("killed", "displaced").
    pub measure: String,
    /// What the claim is about, when the sentence names it: the cause or subject ("earthquake", "war").
    pub subject: Option<String>,
    /// Lower and upper bounds of the quantity, as far as the phrase says.
    pub low: f64,
    pub high: Option<f64>,
}

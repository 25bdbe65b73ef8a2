use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// How a raw document's content is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawFormat {
    Text,
    Html,
}

/// One document as read from an input, decoded to UTF-8, before extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDocument {
    /// The article id: the JSONL `id`, else the file's stem.
    pub id: String,
    /// Where it came from, for messages: a path, `path:line` for JSONL, or `-` for standard input.
    pub origin: String,
    pub format: RawFormat,
    /// The decoded content (plain text or HTML).
    pub content: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub source: Option<String>,
    pub language: Option<String>,
}

/// An input that could not be read or parsed: it names the input and the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// The input: a path, `path:line`, or `-`.
    pub input: String,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.input, self.reason)
    }
}

impl std::error::Error for InputError {}

/// An article: its text and metadata after extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    /// The article's text: plain-text input exactly as given, or the text extracted from HTML.
    /// Every span of the analysis points into it.
    pub text: String,
    /// The parts of `text` that are the article body, in order; site furniture lies outside them.
    pub body: Vec<Span>,
}

impl Article {
    /// The body spans, or the whole text when no body was marked.
    pub fn body_or_text(&self) -> Vec<Span> {
        if self.body.is_empty() {
            vec![Span::new(0, self.text.len())]
        } else {
            self.body.clone()
        }
    }

    /// The clean body: the body spans joined by blank lines.
    pub fn clean_text(&self) -> String {
        let parts: Vec<&str> = self.body.iter().map(|s| s.slice(&self.text).trim()).filter(|s| !s.is_empty()).collect();
        parts.join("\n\n")
    }
}

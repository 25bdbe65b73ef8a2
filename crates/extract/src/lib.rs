//! Turns raw documents into articles: main text and metadata from HTML, furniture removed from plain text.
//!
//! Plain text is kept exactly as given, with body spans that leave the site furniture out ("Share", "2 min read",
//! "Leave a Reply"…) along with the title line and its repeats. HTML goes through main-text extraction: the
//! article's text is the extracted main text and its body the extracted paragraphs.

mod dates;
pub mod furniture;
mod html;
pub mod score;
mod text;

use std::collections::BTreeMap;

use chronicle_model::{Article, Date, InputError, RawDocument, RawFormat, Span};

pub use html::extract_html;

/// What HTML extraction found: the main text, its paragraphs as spans into it, and the page's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    /// The main text: paragraphs separated by blank lines.
    pub text: String,
    /// The paragraphs, as byte spans into `text`.
    pub paragraphs: Vec<Span>,
    pub published: Option<Date>,
    /// The date of the last modification, when the page gives one.
    pub modified: Option<Date>,
    pub author: Option<String>,
    /// The site's name (`og:site_name`).
    pub site: Option<String>,
    /// The canonical URL, else the URL given.
    pub url: Option<String>,
    /// ISO 639 code from `<html lang>` or the page's metadata.
    pub language: Option<String>,
    /// Where each metadata field found was read: field ("title", "published", "modified", "author", "site", "url",
    /// "language") → source ("json-ld", "meta", "link", "title", "h1", "time", "text", "url", "lang", "given",
    /// "fetched": the crawl date a WARC record carries).
    pub sources: BTreeMap<&'static str, &'static str>,
    /// How much the extraction looks like an article's text, in [0, 1] (a heuristic: text length, its share of the
    /// page's prose, title and date found).
    pub confidence: f32,
}

/// What HTML extraction says about itself, beyond the article: for people checking an extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub modified: Option<Date>,
    /// Where each metadata field was read (see [`Extracted::sources`]).
    pub sources: BTreeMap<&'static str, &'static str>,
    pub confidence: f32,
}

/// Extracts an article: plain text is cleaned of site furniture (body spans exclude furniture lines; text kept
/// exactly as given), HTML goes through main-text extraction (text = extracted main text, body = its paragraphs).
/// Metadata from the RawDocument wins over metadata found in the content. A document with no body text left is
/// an error.
pub fn extract(doc: RawDocument) -> Result<Article, InputError> {
    extract_with_details(doc).map(|(article, _)| article)
}

/// [`extract`], with the extraction's [`Details`] for HTML documents.
pub fn extract_with_details(doc: RawDocument) -> Result<(Article, Option<Details>), InputError> {
    let mut details = None;
    let article = match doc.format {
        RawFormat::Text => {
            let layout = text::layout(&doc.content);
            Article {
                id: doc.id,
                url: doc.url,
                title: doc.title.or(layout.title),
                published: doc.published.or(layout.published),
                source: doc.source,
                author: None,
                language: doc.language,
                text: doc.content,
                body: layout.body,
            }
        }
        RawFormat::Html => {
            let extracted = extract_html(&doc.content, doc.url.as_deref());
            details = Some(Details {
                modified: extracted.modified,
                sources: extracted.sources,
                confidence: extracted.confidence,
            });
            Article {
                id: doc.id,
                url: doc.url.or(extracted.url),
                title: doc.title.or(extracted.title),
                published: doc.published.or(extracted.published),
                source: doc.source.or(extracted.site),
                author: extracted.author,
                language: doc.language.or(extracted.language),
                text: extracted.text,
                body: extracted.paragraphs,
            }
        }
    };
    if article.body.is_empty() {
        return Err(InputError { input: doc.origin, reason: "no article text found".to_string() });
    }
    Ok((article, details))
}

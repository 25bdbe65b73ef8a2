//! HTML: main-text extraction and metadata.

mod main_text;
mod metadata;
mod prune;
mod walk;

use chronicle_model::Span;
use scraper::Html;

use crate::furniture::{normalise, normalises_to};
use crate::Extracted;

/// Deeper markup is flattened before parsing (real pages nest a few dozen levels).
const MAX_NESTING: usize = 512;

/// Extracts the main text and metadata of an HTML page.
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    let document = Html::parse_document(&prune::prune(html, MAX_NESTING));
    let metadata = metadata::read(&document, url);
    let page = walk::walk(&document).without_furniture_boxes();
    let page_prose = page.elements.first().map_or(0, |html| html.text_bytes.saturating_sub(html.link_bytes));
    let mut paragraphs: Vec<String> =
        main_text::main_chunks(&page).into_iter().map(|chunk| chunk.text.trim().to_string()).collect();
    if let Some(title) = metadata.title.as_deref() {
        let key = normalise(title);
        paragraphs.retain(|paragraph| paragraph.len() > 2 * title.len() || !normalises_to(paragraph, &key));
    }
    let (text, spans) = join(&paragraphs);
    let confidence = confidence(&text, page_prose, &metadata);
    Extracted {
        title: metadata.title,
        text,
        paragraphs: spans,
        published: metadata.published,
        modified: metadata.modified,
        author: metadata.author,
        site: metadata.site,
        url: metadata.url,
        language: metadata.language,
        sources: metadata.sources,
        confidence,
    }
}

/// Characters of main text from which its length no longer lowers the confidence.
const CONFIDENT_CHARS: f32 = 1500.0;
/// The share of the page's prose from which the main text counts as the page's substance.
const CONFIDENT_SHARE: f32 = 0.3;

/// How much the extraction looks like an article's text, in [0, 1]: half from its length, a fifth from its share
/// of the page's prose (a small part of a wordy page may be the wrong part), and the rest from a title and a
/// publication date being found.
fn confidence(text: &str, page_prose: usize, metadata: &metadata::Metadata) -> f32 {
    let length = (text.chars().count() as f32 / CONFIDENT_CHARS).min(1.0);
    let share = (text.len() as f32 / page_prose.max(1) as f32 / CONFIDENT_SHARE).min(1.0);
    let found = |present: bool| if present { 1.0 } else { 0.0 };
    0.5 * length + 0.2 * share + 0.15 * found(metadata.title.is_some()) + 0.15 * found(metadata.published.is_some())
}

/// Joins paragraphs with blank lines, and the span of each.
fn join(paragraphs: &[String]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        spans.push(Span::new(text.len(), text.len() + paragraph.len()));
        text.push_str(paragraph);
    }
    (text, spans)
}

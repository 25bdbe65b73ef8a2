//! HTML: main-text extraction and metadata.

mod main_text;
mod metadata;
mod nesting;
mod walk;

use chronicle_model::Span;
use scraper::Html;

use crate::furniture::normalise;
use crate::Extracted;

/// Deeper markup is flattened before parsing (real pages nest a few dozen levels).
const MAX_NESTING: usize = 512;

/// Extracts the main text and metadata of an HTML page.
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    let document = Html::parse_document(&nesting::limit_nesting(html, MAX_NESTING));
    let metadata = metadata::read(&document, url);
    let page = walk::walk(&document).without_furniture_boxes();
    let mut paragraphs: Vec<String> =
        main_text::main_chunks(&page).into_iter().map(|chunk| chunk.text.trim().to_string()).collect();
    if let Some(title) = metadata.title.as_deref() {
        let key = normalise(title);
        paragraphs.retain(|paragraph| paragraph.len() > 2 * title.len() || normalise(paragraph) != key);
    }
    let (text, spans) = join(&paragraphs);
    Extracted {
        title: metadata.title,
        text,
        paragraphs: spans,
        published: metadata.published,
        author: metadata.author,
        site: metadata.site,
        url: metadata.url,
        language: metadata.language,
    }
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

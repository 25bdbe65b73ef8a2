//! Page metadata: title, publication date, author, site, canonical URL and language, from meta tags, JSON-LD,
//! `<title>`, `<h1>`, `<time>`, `<html lang>` and the URL.

use std::collections::BTreeMap;

use chronicle_model::Date;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::dates::{date_in_url, parse_date};

/// Meta names (`name`, `property`, `itemprop`) that carry the publication date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "citation_date",
    "og:pubdate",
];

/// The longest text read for a date from an element named like one.
const MAX_DATE_TEXT: usize = 120;

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « "];

/// Meta names that carry the date of the last modification, best first.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
];

/// The meta tag through which a reader passes the date a page was fetched (`chronicle_source` adds it to WARC
/// records): the publication date of last resort.
const FETCHED_META: &str = "chronicle:fetched";

/// What a page says about itself, and where each field was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub modified: Option<Date>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// Field name → source ("json-ld", "meta", "link", "title", "h1", "time", "text", "url", "lang", "fetched").
    pub sources: BTreeMap<&'static str, &'static str>,
}

/// The first candidate with a value, and the value with its source recorded under the field's name.
fn first<T>(
    sources: &mut BTreeMap<&'static str, &'static str>,
    field: &'static str,
    candidates: impl IntoIterator<Item = (&'static str, Option<T>)>,
) -> Option<T> {
    let (source, value) = candidates.into_iter().find_map(|(source, value)| Some((source, value?)))?;
    sources.insert(field, source);
    Some(value)
}

/// The raw metadata found in one pass over the page.
#[derive(Default)]
struct Found {
    lang: Option<String>,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    /// The first `itemprop="datePublished"` or `<time pubdate>` outside meta tags: its datetime, content or text.
    marked_published: Option<String>,
    /// The first date in an element whose class or id speaks of a date ("article-publish-date", "byline-date").
    class_date: Option<Date>,
    time_first: Option<String>,
    linked_data: LinkedData,
}

/// What JSON-LD says.
#[derive(Default)]
struct LinkedData {
    published: Option<String>,
    modified: Option<String>,
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
}

/// Reads the metadata of a parsed page; `url` is where the page came from, if known.
pub(crate) fn read(document: &Html, url: Option<&str>) -> Metadata {
    let found = find(document);
    let data = &found.linked_data;
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|key| found.metas.iter().find(|(name, _)| name == key).map(|(_, content)| clean(content)))
    };
    let date = |value: Option<&String>| value.and_then(|value| parse_date(value));
    let mut sources = BTreeMap::new();
    let site = first(
        &mut sources,
        "site",
        [("meta", meta(&["og:site_name", "application-name"])), ("json-ld", data.publisher.clone())],
    );
    let title = first(
        &mut sources,
        "title",
        [
            ("meta", meta(&["og:title", "twitter:title"])),
            ("json-ld", data.headline.as_deref().map(clean)),
            ("title", found.title.as_deref().map(|title| strip_site_name(&clean(title), site.as_deref()))),
            ("h1", found.h1.as_deref().map(clean)),
        ]
        .map(|(source, title)| (source, title.filter(|title| !title.is_empty()))),
    );
    let canonical = [("link", found.canonical.clone()), ("meta", meta(&["og:url"]))]
        .map(|(source, link)| (source, link.filter(|link| link.starts_with("http"))));
    let page_url = url.map(str::to_string).or(canonical.iter().find_map(|(_, link)| link.clone()));
    let meta_dates = DATE_META
        .iter()
        .filter_map(|key| meta(&[key]))
        .chain(found.metas.iter().filter(|(key, _)| is_publication_date_key(key)).map(|(_, value)| value.clone()))
        .find_map(|value| parse_date(&value));
    let published = first(
        &mut sources,
        "published",
        [
            ("json-ld", date(data.published.as_ref())),
            ("meta", meta_dates),
            ("time", date(found.marked_published.as_ref())),
            ("url", page_url.as_deref().and_then(date_in_url)),
            ("text", found.class_date),
            ("time", date(found.time_first.as_ref())),
            ("fetched", date(meta(&[FETCHED_META]).as_ref())),
        ],
    );
    let modified = first(
        &mut sources,
        "modified",
        [
            ("json-ld", date(data.modified.as_ref())),
            ("meta", MODIFIED_META.iter().filter_map(|key| meta(&[key])).find_map(|value| parse_date(&value))),
        ],
    );
    let author_name = |author: Option<String>| {
        author
            .map(|author| clean(author.strip_prefix("By ").or(author.strip_prefix("by ")).unwrap_or(&author)))
            .filter(|author| !author.is_empty() && !author.starts_with("http"))
    };
    let author = first(
        &mut sources,
        "author",
        [
            (
                "meta",
                author_name(meta(&[
                    "author",
                    "article:author",
                    "byl",
                    "parsely-author",
                    "sailthru.author",
                    "dc.creator",
                ])),
            ),
            ("json-ld", author_name(data.author.clone())),
        ],
    );
    let language = first(
        &mut sources,
        "language",
        [
            ("lang", found.lang.as_deref().and_then(language_code)),
            ("meta", meta(&["content-language", "language", "og:locale"]).as_deref().and_then(language_code)),
            ("json-ld", data.language.as_deref().and_then(language_code)),
        ],
    );
    let given = ("given", url.map(str::to_string));
    let url = first(&mut sources, "url", canonical.into_iter().chain([given]));
    Metadata { title, published, modified, author, site, url, language, sources }
}

fn find(document: &Html) -> Found {
    let mut found = Found::default();
    for edge in document.tree.root().traverse() {
        let Edge::Open(node) = edge else { continue };
        let Node::Element(element) = node.value() else { continue };
        let attr = |name: &str| element.attrs().find(|(key, _)| *key == name).map(|(_, value)| value.to_string());
        let text = || ElementRef::wrap(node).map(|element| element.text().collect::<String>());
        let tag = element.name();
        let (mut marked, mut date_named) = (false, false);
        for (name, value) in element.attrs() {
            match name {
                "pubdate" => marked = true,
                "itemprop" => marked |= value.eq_ignore_ascii_case("datepublished"),
                "class" | "id" => date_named |= names_a_date(value),
                _ => {}
            }
        }
        if marked && tag != "meta" && found.marked_published.is_none() {
            found.marked_published = attr("datetime").or(attr("content")).or_else(text);
        }
        if found.class_date.is_none() && date_named {
            found.class_date = short_text(node).and_then(|text| parse_date(&text));
        }
        match tag {
            "html" if found.lang.is_none() => found.lang = attr("lang").or(attr("xml:lang")),
            "meta" => {
                let key = attr("property").or(attr("name")).or(attr("itemprop")).or(attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    found.metas.push((key.to_ascii_lowercase(), content));
                }
            }
            "link" if found.canonical.is_none() && attr("rel").is_some_and(|rel| is_canonical(&rel)) => {
                found.canonical = attr("href")
            }
            "title" if found.title.is_none() => found.title = text(),
            "h1" if found.h1.is_none() => found.h1 = text(),
            "time" if found.time_first.is_none() => found.time_first = attr("datetime"),
            "script" if attr("type").is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json")) => {
                if let Some(Ok(value)) = text().map(|json| serde_json::from_str::<Value>(&json)) {
                    read_linked_data(&value, &mut found.linked_data);
                }
            }
            _ => {}
        }
    }
    found
}

/// Reads schema.org fields from JSON-LD, iteratively through nested objects and arrays (`@graph`).
fn read_linked_data(root: &Value, data: &mut LinkedData) {
    let mut stack = vec![root];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(object) => {
                let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_string);
                if data.published.is_none() {
                    data.published = text("datePublished");
                }
                if data.modified.is_none() {
                    data.modified = text("dateModified");
                }
                if data.headline.is_none() {
                    data.headline = text("headline");
                }
                if data.language.is_none() {
                    data.language = text("inLanguage");
                }
                if data.author.is_none() {
                    data.author = object.get("author").and_then(name_of);
                }
                if data.publisher.is_none() {
                    data.publisher = object.get("publisher").and_then(name_of);
                }
                stack.extend(object.values().filter(|value| value.is_array() || value.is_object()));
            }
            _ => {}
        }
    }
}

/// A name given as a string, as an object's `name`, or as the first of an array of those.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(name.clone()),
        Value::Object(object) => object.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => items.first().and_then(|first| match first {
            Value::String(name) => Some(name.clone()),
            Value::Object(object) => object.get("name").and_then(Value::as_str).map(str::to_string),
            _ => None,
        }),
        _ => None,
    }
}

/// The text inside an element, if it is no longer than [`MAX_DATE_TEXT`] (read no further than that).
fn short_text(node: ego_tree::NodeRef<'_, Node>) -> Option<String> {
    let mut text = String::new();
    for piece in ElementRef::wrap(node)?.text() {
        text.push_str(piece);
        if text.len() > MAX_DATE_TEXT {
            return None;
        }
    }
    Some(text)
}

/// A meta name for a publication date not listed in [`DATE_META`] ("sn-post-date", "article.created").
fn is_publication_date_key(key: &str) -> bool {
    (key.contains("date") || key.contains("time"))
        && ["pub", "post", "creat", "issue", "release"].iter().any(|kind| key.contains(kind))
}

/// Whether a class or id speaks of a publication date.
fn names_a_date(names: &str) -> bool {
    contains_ignoring_case(names, "date") || contains_ignoring_case(names, "publish")
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_canonical(rel: &str) -> bool {
    rel.split_whitespace().any(|kind| kind.eq_ignore_ascii_case("canonical"))
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Site" → "Headline": cuts the site's name, or the last part after a separator when the rest is longer.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site.filter(|site| !site.is_empty()) {
        for separator in TITLE_SEPARATORS {
            if let Some(headline) = title.strip_suffix(site).and_then(|rest| rest.strip_suffix(separator)) {
                return headline.trim().to_string();
            }
        }
    }
    let cut = TITLE_SEPARATORS.iter().filter_map(|separator| title.rfind(separator)).max();
    match cut {
        Some(cut) if cut * 2 > title.len() => title[..cut].trim().to_string(),
        _ => title.to_string(),
    }
}

/// The ISO 639 code of a language tag: `en-US` → `en`, `pt_BR` → `pt`.
fn language_code(tag: &str) -> Option<String> {
    let code = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_names_from_titles() {
        assert_eq!(strip_site_name("Putin meets Assad | Example News", Some("Example News")), "Putin meets Assad");
        assert_eq!(strip_site_name("Putin meets Assad in Moscow - The Daily", None), "Putin meets Assad in Moscow");
        assert_eq!(
            strip_site_name("Q&A - What the talks mean for Syria and Turkey", None),
            "Q&A - What the talks mean for Syria and Turkey"
        );
    }

    #[test]
    fn reads_language_codes() {
        assert_eq!(language_code("en-US").as_deref(), Some("en"));
        assert_eq!(language_code("de_DE").as_deref(), Some("de"));
        assert_eq!(language_code("x1"), None);
    }
}

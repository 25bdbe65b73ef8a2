//! MEANTIME and SemEval-2015 Task 4 documents (CAT XML): text rebuilt from the tokens, named mentions with kinds
//! (PER → person, ORG → organization, LOC → place, PRO/FIN/MIX → other) and DBpedia links.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chronicle_model::{EntityKind, Span};

const DBPEDIA: &str = "http://dbpedia.org/resource/";

/// One MEANTIME document, rebuilt as text: tokens joined by spaces, sentences by line breaks.
pub struct Document {
    /// The file's path under the corpus folder.
    pub id: String,
    pub text: String,
    pub sentences: Vec<Span>,
    /// Number of tokens.
    pub tokens: usize,
    /// Named mentions (`syntactic_type="NAM"`) with their kinds.
    pub gold: Vec<(Span, EntityKind)>,
    /// Gold mentions with a DBpedia link: span and the linked title.
    pub links: Vec<(Span, String)>,
}

/// The attribute `name` of a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The opening tags and bodies of the elements called `name`.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name} ");
    let close = format!("</{name}>");
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let (body, next) = if tag.ends_with('/') {
            ("", tag_end + 1)
        } else {
            match after.find(&close) {
                Some(end) => (&after[tag_end + 1..end], end + close.len()),
                None => ("", tag_end + 1),
            }
        };
        found.push((tag, body));
        rest = &after[next..];
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn kind_of(meantime_type: &str) -> Option<EntityKind> {
    match meantime_type {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Place),
        "PRO" | "FIN" | "MIX" => Some(EntityKind::Other),
        _ => None,
    }
}

/// Reads one CAT XML document.
pub fn parse(xml: &str) -> Document {
    let xml = &xml.replace("%28", "(").replace("%29", ")");
    let mut text = String::new();
    let mut sentences: Vec<Span> = Vec::new();
    let mut offsets: HashMap<&str, Span> = HashMap::new();
    let mut sentence = None;
    for (tag, body) in elements(xml, "token") {
        let (Some(id), Some(number)) = (attribute(tag, "t_id"), attribute(tag, "sentence")) else { continue };
        if sentence != Some(number) {
            if let Some(last) = sentences.last_mut() {
                last.end = text.len();
                text.push('\n');
            }
            sentences.push(Span::new(text.len(), text.len()));
            sentence = Some(number);
        } else {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&unescape(body));
        offsets.insert(id, Span::new(start, text.len()));
    }
    if let Some(last) = sentences.last_mut() {
        last.end = text.len();
    }
    let entities: HashMap<&str, &str> =
        elements(xml, "ENTITY").into_iter().filter_map(|(tag, _)| Some((attribute(tag, "m_id")?, tag))).collect();
    let mut refers: HashMap<&str, &str> = HashMap::new();
    for (_, body) in elements(xml, "REFERS_TO") {
        let target = elements(body, "target").first().and_then(|(tag, _)| attribute(tag, "m_id"));
        for (tag, _) in elements(body, "source") {
            if let (Some(source), Some(target)) = (attribute(tag, "m_id"), target) {
                refers.insert(source, target);
            }
        }
    }
    let mut gold = Vec::new();
    let mut links = Vec::new();
    for (tag, body) in elements(xml, "ENTITY_MENTION") {
        if attribute(tag, "syntactic_type") != Some("NAM") {
            continue;
        }
        let entity = attribute(tag, "m_id").and_then(|m| refers.get(m)).and_then(|e| entities.get(e));
        let kind = entity.and_then(|e| attribute(e, "ent_type")).and_then(kind_of);
        let link = entity.and_then(|e| attribute(e, "external_ref")).and_then(|r| r.strip_prefix(DBPEDIA));
        let spans: Vec<Span> = elements(body, "token_anchor")
            .iter()
            .filter_map(|(t, _)| offsets.get(attribute(t, "t_id")?))
            .copied()
            .collect();
        if let (Some(kind), Some(start), Some(end)) =
            (kind, spans.iter().map(|s| s.start).min(), spans.iter().map(|s| s.end).max())
        {
            gold.push((Span::new(start, end), kind));
            if let Some(link) = link {
                links.push((Span::new(start, end), link.split(" (").next().unwrap_or(link).replace('_', " ")));
            }
        }
    }
    Document { id: String::new(), tokens: offsets.len(), text, sentences, gold, links }
}

/// The documents of the CAT XML files under `dir`, in path order.
pub fn documents(dir: &Path) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "xml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let id = |p: &Path| p.strip_prefix(dir).unwrap_or(p).display().to_string();
    paths.iter().filter_map(|p| Some(Document { id: id(p), ..parse(&std::fs::read_to_string(p).ok()?) })).collect()
}

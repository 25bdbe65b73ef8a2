//! Picks the main text of a page, readability-style: paragraphs score by length and commas, the score goes up to
//! their ancestors and is discounted by link density; the best container climbs to an ancestor when the article is
//! split over several, and its siblings that score alike or hold prose join it. Inside, furniture lines, link
//! lists and lists under furniture headings are left out.

use crate::furniture::{is_furniture_line, is_furniture_name};
use crate::html::walk::{BlockKind, Chunk, Page};

/// Paragraphs shorter than this (in characters) add nothing to a container's score.
const MIN_SCORED_CHARS: usize = 25;
/// How a paragraph's score is divided as it goes up to its parent, grandparent and further ancestors.
const ANCESTOR_DIVIDERS: [f64; 5] = [1.0, 2.0, 6.0, 9.0, 12.0];
/// How many runner-up containers are weighed against the best, and how many must share an ancestor with it.
const ALTERNATIVES: usize = 4;
const MIN_ALTERNATIVES: usize = 3;
/// Class and id fragments of containers that usually hold an article's text.
const BODY_HINTS: &[&str] = &["article", "body", "content", "entry", "main", "post", "story", "text", "blog"];

/// The chunks of the page's main text, in reading order, without furniture lines and link lists.
pub(crate) fn main_chunks<'p>(page: &'p Page<'_>) -> Vec<&'p Chunk> {
    let scores = scores(page);
    let Some(top) = best(&scores) else {
        return content(page.chunks.iter());
    };
    let top = only_child_wrapper(page, promote(page, &scores, top));
    let ranges: Vec<(usize, usize)> =
        selected(page, &scores, top).into_iter().map(|element| (element, page.elements[element].last)).collect();
    content(page.chunks.iter().filter(|chunk| within(&ranges, chunk.element)))
}

/// Whether an element lies in one of the subtrees, given as sorted, disjoint `(first, last)` ranges.
fn within(ranges: &[(usize, usize)], element: usize) -> bool {
    let after = ranges.partition_point(|&(first, _)| first <= element);
    after > 0 && element <= ranges[after - 1].1
}

/// The chunks worth keeping: not furniture lines, not mostly links, and not the items of a list that a furniture
/// heading introduces ("More Great WIRED Stories", then teasers).
fn content<'a>(chunks: impl Iterator<Item = &'a Chunk>) -> Vec<&'a Chunk> {
    let mut after_furniture = false;
    chunks
        .filter(|chunk| {
            let furniture = is_furniture_line(&chunk.text);
            let is_item = chunk.kind == BlockKind::ListItem;
            let listed_under_furniture = is_item && after_furniture;
            if !is_item {
                after_furniture = furniture;
            }
            !furniture && !listed_under_furniture && chunk.link_bytes * 2 <= chunk.text.len()
        })
        .collect()
}

/// Each element's score as a main container, discounted by its link density (`None`: not a candidate).
fn scores(page: &Page) -> Vec<Option<f64>> {
    let mut scores: Vec<Option<f64>> = vec![None; page.elements.len()];
    for chunk in &page.chunks {
        let chars = chunk.text.chars().count();
        if chunk.kind == BlockKind::Heading || chars < MIN_SCORED_CHARS || chunk.link_bytes * 2 > chunk.text.len() {
            continue;
        }
        let commas = chunk.text.matches([',', '，', '、', '،']).count();
        let points = 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
        let mut ancestor = page.elements[chunk.element].parent;
        for divider in ANCESTOR_DIVIDERS {
            let Some(element) = ancestor else { break };
            let score = scores[element].get_or_insert_with(|| initial_score(page, element));
            *score += points / divider;
            ancestor = page.elements[element].parent;
        }
    }
    for (element, score) in scores.iter_mut().enumerate() {
        if let Some(score) = score {
            let info = &page.elements[element];
            let link_density = info.link_bytes as f64 / info.text_bytes.max(1) as f64;
            *score *= 1.0 - link_density;
        }
    }
    scores
}

/// A container's score before its paragraphs count: by tag, and by what its class and id say.
fn initial_score(page: &Page, element: usize) -> f64 {
    let info = &page.elements[element];
    let by_tag = match info.tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + name_weight(info.class) + name_weight(info.id)
}

fn name_weight(name: &str) -> f64 {
    let name = name.to_ascii_lowercase();
    let mut weight = 0.0;
    if is_furniture_name(&name) {
        weight -= 25.0;
    }
    if BODY_HINTS.iter().any(|hint| name.contains(hint)) {
        weight += 25.0;
    }
    weight
}

/// The best-scoring element; the first in document order on a tie.
fn best(scores: &[Option<f64>]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (element, score) in scores.iter().enumerate() {
        if let Some(score) = *score {
            if best.is_none_or(|(_, top)| score > top) {
                best = Some((element, score));
            }
        }
    }
    best.map(|(element, _)| element)
}

/// Readability's climb from the best container to an ancestor when the article is split into several containers:
/// an ancestor holding three of the next best (scoring at least 3/4 as well), or a parent that scores higher.
fn promote(page: &Page, scores: &[Option<f64>], top: usize) -> usize {
    let top_score = scores[top].unwrap_or(0.0);
    let mut ranked: Vec<(usize, f64)> =
        scores.iter().enumerate().filter_map(|(element, score)| Some((element, (*score)?))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let alternatives: Vec<usize> = ranked
        .iter()
        .skip(1)
        .take(ALTERNATIVES)
        .filter(|(_, score)| *score >= 0.75 * top_score)
        .map(|&(element, _)| element)
        .collect();
    let below_body = |element: &usize| page.elements[*element].tag != "body";
    let ancestors = |element: usize| std::iter::successors(page.elements[element].parent, |&a| page.elements[a].parent);
    if alternatives.len() >= MIN_ALTERNATIVES {
        let holding = ancestors(top).take_while(below_body).find(|&ancestor| {
            let last = page.elements[ancestor].last;
            alternatives.iter().filter(|&&other| (ancestor..=last).contains(&other)).count() >= MIN_ALTERNATIVES
        });
        if let Some(ancestor) = holding {
            return ancestor;
        }
    }
    let mut last_score = top_score;
    for parent in ancestors(top).take_while(below_body) {
        let Some(score) = scores[parent] else { continue };
        if score < top_score / 3.0 {
            break;
        }
        if score > last_score {
            return parent;
        }
        last_score = score;
    }
    top
}

/// The outermost ancestor (below `<body>`) of which the container is the only element inside, through single-child
/// wrappers: its siblings are the container's siblings.
fn only_child_wrapper(page: &Page, container: usize) -> usize {
    let mut children = vec![0usize; page.elements.len()];
    for info in &page.elements {
        if let Some(parent) = info.parent {
            children[parent] += 1;
        }
    }
    let mut wrapper = container;
    while let Some(parent) = page.elements[wrapper].parent {
        if children[parent] != 1 || page.elements[parent].tag == "body" {
            break;
        }
        wrapper = parent;
    }
    wrapper
}

/// The top container and those of its siblings that score close to it or hold a paragraph of prose.
fn selected(page: &Page, scores: &[Option<f64>], top: usize) -> Vec<usize> {
    let Some(parent) = page.elements[top].parent else { return vec![top] };
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let names = |element: usize| (page.elements[element].class.trim(), page.elements[element].id.trim());
    let top_names = names(top);
    (parent + 1..=page.elements[parent].last)
        .filter(|&element| page.elements[element].parent == Some(parent))
        .filter(|&element| {
            let named_alike = top_names != ("", "") && names(element) == top_names;
            let bonus = if named_alike { top_score * 0.2 } else { 0.0 };
            element == top
                || scores[element].is_some_and(|score| score + bonus >= threshold)
                || is_prose_paragraph(page, element)
        })
        .collect()
}

/// A paragraph of prose: long, with few links.
fn is_prose_paragraph(page: &Page, element: usize) -> bool {
    let info = &page.elements[element];
    info.tag == "p" && info.text_bytes > 80 && info.link_bytes * 4 < info.text_bytes
}

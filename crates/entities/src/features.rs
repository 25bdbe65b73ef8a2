//! The features of each word of a line for the statistical tagger: the word, its shape and affixes, its
//! neighbours, the gap before and after it, the line's casing, knowledge-base and word-list matches, and what the
//! whole document says about the word.

use std::collections::HashSet;

use chronicle_model::EntityKind;

use crate::kb::{KnowledgeBase, MAX_NAME_TOKENS};
use crate::lexicon;
use crate::normalize::key;
use crate::tokens::Token;

/// Feature hashes of one word, before the features of the previous tags are added.
pub type WordFeatures = Vec<u32>;

/// How a line is written: running text, a Title Case headline or all capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    Text,
    TitleCase,
    Capitals,
}

/// What the whole document says about its words (lower-cased).
#[derive(Debug, Default)]
pub struct DocumentWords {
    /// Words written in lower case somewhere.
    pub lower: HashSet<String>,
    /// Words written with a capital inside running text, not first in a sentence.
    pub capitalised: HashSet<String>,
}

impl DocumentWords {
    /// Collects the evidence of the lines of one document.
    pub fn collect<'a>(text: &str, lines: impl Iterator<Item = (&'a [Token], Casing)>) -> Self {
        let mut words = DocumentWords::default();
        for (tokens, casing) in lines {
            for token in tokens {
                let word = token.text(text);
                if word.starts_with(char::is_lowercase) {
                    words.lower.insert(word.to_string());
                } else if casing == Casing::Text && !token.initial && word.chars().skip(1).any(char::is_lowercase) {
                    words.capitalised.insert(word.to_lowercase());
                }
            }
        }
        words
    }
}

/// FNV-1a over a template number and its value: stable across builds and platforms.
struct Hasher(u64);

impl Hasher {
    fn new(template: u8) -> Self {
        let mut h = Hasher(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }

    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }

    fn str(mut self, s: &str) -> Self {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }

    fn finish(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

/// The hash of a feature made of a template number and values.
pub fn feature(template: u8, values: &[&str]) -> u32 {
    values.iter().fold(Hasher::new(template), |h, v| h.str(v)).finish()
}

/// The hash of a feature made of a template number and other hashes.
pub fn mix(template: u8, parts: &[u32]) -> u32 {
    let mut h = Hasher::new(template);
    for b in parts.iter().flat_map(|p| p.to_le_bytes()) {
        h.byte(b);
    }
    h.finish()
}

/// The shape of a word: character classes with repeats collapsed ("Putin" → "Xx", "U.S." → "X.X.", "F-16" → "X-d").
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// A class of the characters between two words.
fn gap_class(gap: &str) -> &'static str {
    if gap.contains('\n') {
        "nl"
    } else if gap.contains(['(', ')', '[', ']']) {
        "paren"
    } else if gap.contains(['"', '“', '”', '‘', '«', '»']) || gap.contains("'") {
        "quote"
    } else if gap.contains(['—', '–']) || gap.contains(" - ") {
        "dash"
    } else if gap.contains(',') {
        "comma"
    } else if gap.contains(['.', '!', '?']) {
        "stop"
    } else if gap.contains([':', ';']) {
        "colon"
    } else if gap == "-" {
        "hyphen"
    } else if gap.trim().is_empty() {
        "space"
    } else {
        "other"
    }
}

/// The knowledge-base match of every word of a line, longest names first: "B-kind", "I-kind" or "".
fn kb_tags(kb: &KnowledgeBase, text: &str, tokens: &[Token]) -> Vec<&'static str> {
    const B: [&str; 6] = ["B-person", "B-organization", "B-place", "B-group", "B-event", "B-other"];
    const I: [&str; 6] = ["I-person", "I-organization", "I-place", "I-group", "I-event", "I-other"];
    let index = |kind: EntityKind| match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Group => 3,
        EntityKind::Event => 4,
        _ => 5,
    };
    let mut tags = vec![""; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let first = tokens[i].text(text);
        if !first.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) {
            i += 1;
            continue;
        }
        let last = tokens.len().min(i + MAX_NAME_TOKENS);
        let found = (i + 1..=last).rev().find_map(|end| {
            tokens[end - 1].text(text).starts_with(|c: char| c.is_uppercase() || c.is_numeric()).then_some(())?;
            let surface = text.get(tokens[i].start..tokens[end - 1].end)?;
            let entry = kb.lookup(&key(surface))?;
            let lower = surface.chars().any(char::is_lowercase);
            let common = end == i + 1 && kb.is_common_word(&surface.to_lowercase());
            (!(common || entry.acronym && lower)).then(|| (end, index(kb.entity(entry.entity).kind)))
        });
        match found {
            Some((end, kind)) => {
                tags[i] = B[kind];
                for tag in &mut tags[i + 1..end] {
                    *tag = I[kind];
                }
                i = end;
            }
            None => i += 1,
        }
    }
    tags
}

/// The value at index `i`, if there is one.
fn at(values: &[String], i: isize) -> &str {
    usize::try_from(i).ok().and_then(|i| values.get(i)).map_or("<none>", String::as_str)
}

/// The features of every word of one line.
pub fn line_features(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &[Token],
    casing: Casing,
    document: &DocumentWords,
) -> Vec<WordFeatures> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let gaps: Vec<&str> = (0..=tokens.len())
        .map(|i| {
            let start = if i == 0 { tokens.first().map_or(0, |t| t.start) } else { tokens[i - 1].end };
            let end = tokens.get(i).map_or(start, |t| t.start);
            let gap = text.get(start..end).unwrap_or("");
            if i == 0 || i == tokens.len() {
                "edge"
            } else {
                gap_class(gap)
            }
        })
        .collect();
    let matches = kb_tags(kb, text, tokens);
    let casing = match casing {
        Casing::Text => "text",
        Casing::TitleCase => "title",
        Casing::Capitals => "caps",
    };
    let mut all = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let w = words[i];
        let l = lower[i].as_str();
        let s = shapes[i].as_str();
        let j = i as isize;
        let prefix = &l[..l.char_indices().nth(3).map_or(l.len(), |(b, _)| b)];
        let suffix = |n: usize| &l[l.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b)..];
        let initial = if token.initial { "initial" } else { "inside" };
        let kb_at = |k: isize| usize::try_from(k).ok().and_then(|k| matches.get(k)).copied().unwrap_or("<none>");
        let seen = match (document.lower.contains(l), document.capitalised.contains(l)) {
            (true, true) => "both",
            (true, false) => "lower",
            (false, true) => "capitalised",
            (false, false) => "neither",
        };
        let word_list = if lexicon::is_title(w) {
            "title"
        } else if lexicon::is_organization_tail(w) {
            "org-tail"
        } else if lexicon::is_place_tail(w) {
            "place-tail"
        } else if lexicon::is_calendar_word(w) {
            "calendar"
        } else if kb.is_first_name(l) {
            "first-name"
        } else if kb.is_common_word(l) {
            "common"
        } else {
            "-"
        };
        let features = vec![
            feature(0, &[]),
            feature(1, &[l]),
            feature(2, &[s]),
            feature(3, &[prefix]),
            feature(4, &[suffix(2)]),
            feature(5, &[suffix(3)]),
            feature(6, &[suffix(4)]),
            feature(7, &[at(&lower, j - 1)]),
            feature(8, &[at(&lower, j + 1)]),
            feature(9, &[at(&lower, j - 2)]),
            feature(10, &[at(&lower, j + 2)]),
            feature(11, &[at(&shapes, j - 1)]),
            feature(12, &[at(&shapes, j + 1)]),
            feature(13, &[at(&lower, j - 1), l]),
            feature(14, &[l, at(&lower, j + 1)]),
            feature(15, &[initial, s]),
            feature(16, &[casing, s]),
            feature(17, &[casing, l]),
            feature(18, &[gaps[i]]),
            feature(19, &[gaps[i + 1]]),
            feature(20, &[gaps[i], s]),
            feature(21, &[kb_at(j)]),
            feature(22, &[kb_at(j - 1), kb_at(j), kb_at(j + 1)]),
            feature(23, &[word_list, s]),
            feature(24, &[seen, s, casing]),
            feature(25, &[at(&shapes, j - 1), s, at(&shapes, j + 1)]),
            feature(26, &[w]),
        ];
        all.push(features);
    }
    all
}

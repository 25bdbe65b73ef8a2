//! The features of each word of a line for the statistical tagger: the word, its shape and affixes, its
//! neighbours, the gap before and after it, the line's casing and whether it is a table row, knowledge-base and
//! word-list matches, and what the whole document says about the word.
//!
//! Every string is hashed once per word; a feature is the hash of its template number and those hashes, so that
//! computing the features of a word costs a few multiplications each.

use std::borrow::Cow;
use std::hash::Hasher;

use chronicle_model::EntityKind;

use crate::fasthash::{FastHashSet, FxHasher};
use crate::kb::{KnowledgeBase, MAX_NAME_TOKENS};
use crate::normalize::key;
use crate::tokens::Token;

/// How many features [`line_features`] gives each word.
pub const WORD_FEATURES: usize = 28;

/// Feature hashes of one word, before the features of the previous tags are added.
pub type WordFeatures = [u32; WORD_FEATURES];

/// How a line is written: running text, a Title Case headline or all capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    Text,
    TitleCase,
    Capitals,
}

/// What the whole document says about its words (hashes of their lower-case forms).
#[derive(Debug, Default)]
pub struct DocumentWords {
    /// Words written in lower case somewhere.
    lower: FastHashSet<u64>,
    /// Words written with a capital inside running text, not first in a sentence.
    capitalised: FastHashSet<u64>,
}

impl DocumentWords {
    /// Collects the evidence of the lines of one document.
    pub fn collect<'a>(text: &str, lines: impl Iterator<Item = (&'a [Token], Casing)>) -> Self {
        let mut words = DocumentWords::default();
        for (tokens, casing) in lines {
            for token in tokens {
                let word = token.text(text);
                if word.starts_with(char::is_lowercase) {
                    words.lower.insert(hash_str(word));
                } else if casing == Casing::Text && !token.initial && word.chars().skip(1).any(char::is_lowercase) {
                    words.capitalised.insert(hash_str(&lowercase(word)));
                }
            }
        }
        words
    }

    /// What the document says about a word, by the hash of its lower-case form: 0 nothing, 1 written in lower
    /// case, 2 capitalised in running text, 3 both.
    fn seen(&self, lower: u64) -> u64 {
        u64::from(self.lower.contains(&lower)) | u64::from(self.capitalised.contains(&lower)) << 1
    }
}

/// Finalises a 64-bit hash (MurmurHash3's mixer), so that every bit depends on every input bit.
fn finalise(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hash of a string: stable across builds and platforms.
fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    finalise(h.finish())
}

/// The hash of a feature made of a template number and the hashes (or small codes) of its values.
pub fn feature(template: u8, values: &[u64]) -> u32 {
    let mut h = u64::from(template).wrapping_add(0x9e37_79b9_7f4a_7c15);
    for &v in values {
        h = (h.rotate_left(23) ^ v).wrapping_mul(0x2127_599b_f432_5c37);
    }
    let h = finalise(h);
    (h ^ (h >> 32)) as u32
}

/// A word in lower case, borrowed when it is already.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Appends the shape of a word to `out`: character classes with repeats collapsed ("Putin" → "Xx", "U.S." →
/// "X.X.", "F-16" → "X-d").
fn push_shape(word: &str, out: &mut String) {
    let start = out.len();
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
        if !out[start..].ends_with(class) {
            out.push(class);
        }
    }
}

/// The code of the characters between two words: 0 the edge of the line, then a line break, brackets, quotes, a
/// dash, a comma, a full stop, a colon, a hyphen, spaces and anything else.
fn gap_class(gap: &str) -> u64 {
    if gap.contains('\n') {
        1
    } else if gap.contains(['(', ')', '[', ']']) {
        2
    } else if gap.contains(['"', '“', '”', '‘', '«', '»']) || gap.contains("'") {
        3
    } else if gap.contains(['—', '–']) || gap.contains(" - ") {
        4
    } else if gap.contains(',') {
        5
    } else if gap.contains(['.', '!', '?']) {
        6
    } else if gap.contains([':', ';']) {
        7
    } else if gap == "-" {
        8
    } else if gap.trim().is_empty() {
        9
    } else {
        10
    }
}

/// The knowledge-base match of every word of a line, longest names first: 0 none, 1 + kind for the first word of a
/// name, 7 + kind for the others (kinds in [`EntityKind`] order: person, organisation, place, group, event, other).
fn kb_tags(kb: &KnowledgeBase, text: &str, tokens: &[Token]) -> Vec<u64> {
    let index = |kind: EntityKind| match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Group => 3,
        EntityKind::Event => 4,
        _ => 5,
    };
    let mut tags = vec![0; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let first = tokens[i].text(text);
        if !first.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) {
            i += 1;
            continue;
        }
        let last = kb.name_end_bound(text, tokens, i, tokens.len().min(i + MAX_NAME_TOKENS));
        let found = (i + 1..=last).rev().find_map(|end| {
            tokens[end - 1].text(text).starts_with(|c: char| c.is_uppercase() || c.is_numeric()).then_some(())?;
            let surface = text.get(tokens[i].start..tokens[end - 1].end)?;
            let entry = kb.lookup(&key(surface))?;
            let lower = surface.chars().any(char::is_lowercase);
            let common = end == i + 1 && kb.is_common_word(&lowercase(surface));
            (!(common || entry.acronym && lower)).then(|| (end, index(kb.entity(entry.entity).kind)))
        });
        match found {
            Some((end, kind)) => {
                tags[i] = 1 + kind;
                for tag in &mut tags[i + 1..end] {
                    *tag = 7 + kind;
                }
                i = end;
            }
            None => i += 1,
        }
    }
    tags
}

/// Whether a line reads like a row of a sports or market table: at least two numbers, a third of its words or more.
fn is_table_row(words: &[&str]) -> bool {
    let numbers = words.iter().filter(|w| w.starts_with(|c: char| c.is_ascii_digit())).count();
    numbers >= 2 && 3 * numbers >= words.len()
}

/// The value of a word's neighbour at index `i`, or a code of its own past either end of the line.
fn at(values: &[u64], i: isize) -> u64 {
    const NONE: u64 = 0x6e6f_6e65;
    usize::try_from(i).ok().and_then(|i| values.get(i)).copied().unwrap_or(NONE)
}

/// The features of every word of one line, into `out` (cleared first).
pub fn line_features(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &[Token],
    casing: Casing,
    document: &DocumentWords,
    out: &mut Vec<WordFeatures>,
) {
    out.clear();
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let lower: Vec<Cow<str>> = words.iter().map(|w| lowercase(w)).collect();
    let lower_hashes: Vec<u64> = lower.iter().map(|l| hash_str(l)).collect();
    let mut shape = String::new();
    let shapes: Vec<u64> = words
        .iter()
        .map(|w| {
            shape.clear();
            push_shape(w, &mut shape);
            hash_str(&shape)
        })
        .collect();
    let gaps: Vec<u64> = (0..=tokens.len())
        .map(|i| {
            if i == 0 || i == tokens.len() {
                0
            } else {
                gap_class(text.get(tokens[i - 1].end..tokens[i].start).unwrap_or(""))
            }
        })
        .collect();
    let matches = kb_tags(kb, text, tokens);
    let casing = casing as u64;
    let table = u64::from(is_table_row(&words));
    for (i, token) in tokens.iter().enumerate() {
        let l = lower[i].as_ref();
        let (lh, s) = (lower_hashes[i], shapes[i]);
        let j = i as isize;
        let prefix = &l[..l.char_indices().nth(3).map_or(l.len(), |(b, _)| b)];
        let suffix = |n: usize| hash_str(&l[l.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b)..]);
        let initial = u64::from(token.initial);
        out.push([
            feature(0, &[]),
            feature(1, &[lh]),
            feature(2, &[s]),
            feature(3, &[hash_str(prefix)]),
            feature(4, &[suffix(2)]),
            feature(5, &[suffix(3)]),
            feature(6, &[suffix(4)]),
            feature(7, &[at(&lower_hashes, j - 1)]),
            feature(8, &[at(&lower_hashes, j + 1)]),
            feature(9, &[at(&lower_hashes, j - 2)]),
            feature(10, &[at(&lower_hashes, j + 2)]),
            feature(11, &[at(&shapes, j - 1)]),
            feature(12, &[at(&shapes, j + 1)]),
            feature(13, &[at(&lower_hashes, j - 1), lh]),
            feature(14, &[lh, at(&lower_hashes, j + 1)]),
            feature(15, &[initial, s]),
            feature(16, &[casing, s]),
            feature(17, &[casing, lh]),
            feature(18, &[gaps[i]]),
            feature(19, &[gaps[i + 1]]),
            feature(20, &[gaps[i], s]),
            feature(21, &[at(&matches, j)]),
            feature(22, &[at(&matches, j - 1), matches[i], at(&matches, j + 1)]),
            feature(23, &[u64::from(kb.word_list(l)), s]),
            feature(24, &[document.seen(lh), s, casing]),
            feature(25, &[at(&shapes, j - 1), s, at(&shapes, j + 1)]),
            feature(26, &[hash_str(words[i])]),
            feature(27, &[table, casing, s]),
        ]);
    }
}

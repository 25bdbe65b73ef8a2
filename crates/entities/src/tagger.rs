//! The statistical name tagger: an averaged perceptron over BIO tags of the six entity kinds, decoded greedily
//! left to right, with its training and its compact weight file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chronicle_model::{EntityKind, Span};

use crate::features::{line_features, mix, DocumentWords, WordFeatures};
use crate::kb::KnowledgeBase;
use crate::lexicon;
use crate::recognizer::{lines, Line};
use crate::tokens::Token;

/// The entity kinds the tagger knows, in tag order.
const KINDS: [EntityKind; 6] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Group,
    EntityKind::Event,
    EntityKind::Other,
];

/// Outside, then Begin and Inside of every kind.
const TAGS: usize = 1 + 2 * KINDS.len();

const MAGIC: &[u8; 8] = b"CHRNER1\n";

/// The committed weights (`scripts/train_ner.sh` makes them).
const WEIGHTS: &[u8] = include_bytes!("../../../data/ner/weights.bin");

fn begin(kind: usize) -> usize {
    1 + 2 * kind
}

fn kind_of(tag: usize) -> Option<usize> {
    tag.checked_sub(1).map(|t| t / 2)
}

fn is_inside(tag: usize) -> bool {
    tag > 0 && tag & 1 == 0
}

/// A document with its names, to train on.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub text: String,
    /// Names as byte spans of `text`, with their kinds.
    pub names: Vec<(Span, EntityKind)>,
}

/// Hashes feature hashes by passing them through: they are hashes already.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n);
    }
}

type Weights = HashMap<u32, [f32; TAGS], BuildHasherDefault<Identity>>;

/// The tagger's weights: feature hash → one weight per tag.
#[derive(Debug, Default)]
pub struct Tagger {
    weights: Weights,
}

/// The features that depend on the tags before a word.
fn history(previous: usize, before: usize, word: &WordFeatures) -> [u32; 4] {
    let (p, b) = (previous as u32, before as u32);
    [mix(40, &[p]), mix(41, &[b, p]), mix(42, &[p, word[1]]), mix(43, &[p, word[2]])]
}

impl Tagger {
    /// The tagger of the committed weights; an empty tagger (no names) if they cannot be read.
    pub fn shipped() -> &'static Tagger {
        static SHIPPED: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| Tagger::from_bytes(WEIGHTS).unwrap_or_default())
    }

    /// Reads a weight file written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Option<Tagger> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let scale = f32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let mut weights = Weights::default();
        for entry in rest.get(4..)?.chunks_exact(7) {
            let hash = u32::from_le_bytes(entry[..4].try_into().ok()?);
            let tag = usize::from(entry[4]);
            let value = i16::from_le_bytes(entry[5..7].try_into().ok()?);
            *weights.entry(hash).or_insert([0.0; TAGS]).get_mut(tag)? = f32::from(value) * scale;
        }
        Some(Tagger { weights })
    }

    /// The weights as a compact file: weights under `prune` (absolute) dropped, the rest quantised to 16 bits.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let max = self.weights.values().flatten().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let mut entries: Vec<(u32, u8, i16)> = Vec::new();
        for (&hash, weights) in &self.weights {
            for (tag, &w) in weights.iter().enumerate() {
                let q = (w / scale).round() as i16;
                if w.abs() >= prune && q != 0 {
                    entries.push((hash, tag as u8, q));
                }
            }
        }
        entries.sort_unstable();
        let mut bytes = MAGIC.to_vec();
        bytes.extend(scale.to_le_bytes());
        for (hash, tag, q) in entries {
            bytes.extend(hash.to_le_bytes());
            bytes.push(tag);
            bytes.extend(q.to_le_bytes());
        }
        bytes
    }

    fn scores(&self, features: &[u32], history: &[u32]) -> [f32; TAGS] {
        let mut scores = [0f32; TAGS];
        for f in features.iter().chain(history) {
            if let Some(w) = self.weights.get(f) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
        scores
    }

    /// The best tag of each word, left to right; an Inside tag only continues a name of its kind.
    fn decode(&self, words: &[WordFeatures]) -> Vec<usize> {
        let mut tags: Vec<usize> = Vec::with_capacity(words.len());
        for word in words {
            let previous = tags.last().copied().unwrap_or(0);
            let before = tags.len().checked_sub(2).map_or(0, |i| tags[i]);
            let scores = self.scores(word, &history(previous, before, word));
            tags.push(best(&scores, previous));
        }
        tags
    }

    /// The names of one document's lines: byte spans and kinds.
    pub(crate) fn names(&self, kb: &KnowledgeBase, text: &str, lines: &[Line]) -> Vec<(Span, EntityKind)> {
        let words = DocumentWords::collect(text, lines.iter().map(|l| (&l.tokens[..], l.casing)));
        let mut names = Vec::new();
        for line in lines {
            let features = line_features(kb, text, &line.tokens, line.casing, &words);
            let tags = self.decode(&features);
            names.extend(spans(text, &line.tokens, &tags));
        }
        names
    }

    /// The names the tagger finds in `text`, which it reads as sentences and lines (no sentence spans needed).
    pub fn find(&self, text: &str) -> Vec<(Span, EntityKind)> {
        self.names(KnowledgeBase::shared(), text, &lines(text, &[]))
    }

    /// Trains an averaged perceptron on `documents` for `epochs` passes, in an order shuffled by `seed`.
    pub fn train(documents: &[Labelled], epochs: usize, seed: u64) -> Tagger {
        let kb = KnowledgeBase::shared();
        let mut examples: Vec<(Vec<WordFeatures>, Vec<usize>)> = Vec::new();
        for document in documents {
            let lines = lines(&document.text, &[]);
            let words = DocumentWords::collect(&document.text, lines.iter().map(|l| (&l.tokens[..], l.casing)));
            for line in &lines {
                let features = line_features(kb, &document.text, &line.tokens, line.casing, &words);
                examples.push((features, gold_tags(&line.tokens, &document.names)));
            }
        }
        let mut training = Training::default();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = seed | 1;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
            for &e in &order {
                training.learn(&examples[e].0, &examples[e].1);
            }
        }
        training.average()
    }
}

/// The best-scoring tag allowed after `previous`.
fn best(scores: &[f32; TAGS], previous: usize) -> usize {
    let mut best = 0;
    for tag in 1..TAGS {
        let allowed = !is_inside(tag) || kind_of(previous) == kind_of(tag);
        if allowed && scores[tag] > scores[best] {
            best = tag;
        }
    }
    best
}

/// The BIO tags of a line's words under the gold names: a word inside a name is tagged with its kind.
fn gold_tags(tokens: &[Token], names: &[(Span, EntityKind)]) -> Vec<usize> {
    let mut tags = vec![0; tokens.len()];
    for (span, kind) in names {
        let Some(k) = KINDS.iter().position(|x| x == kind) else { continue };
        let mut first = true;
        for (i, token) in tokens.iter().enumerate() {
            if token.start >= span.start && token.end <= span.end {
                tags[i] = if first { begin(k) } else { begin(k) + 1 };
                first = false;
            }
        }
    }
    tags
}

/// The names of a tagged line; a name neither starts with "the" nor ends on a word that starts in lower case ("Bank
/// of America", not "Putin and"), and titles are not part of names ("Turkish | President | Recep Tayyip Erdogan").
fn spans(text: &str, tokens: &[Token], tags: &[usize]) -> Vec<(Span, EntityKind)> {
    let mut names: Vec<(Span, EntityKind)> = Vec::new();
    let mut open = false;
    for (token, &tag) in tokens.iter().zip(tags) {
        let word = token.text(text);
        let Some(kind) = kind_of(tag).filter(|_| !lexicon::is_title(word)) else {
            open = false;
            continue;
        };
        let lower = word.starts_with(char::is_lowercase);
        if lower && lexicon::is_determiner(word) {
            continue;
        }
        match names.last_mut() {
            Some((span, _)) if open && is_inside(tag) => {
                if !lower {
                    span.end = token.end;
                }
            }
            _ => names.push((Span::new(token.start, token.end), KINDS[kind])),
        }
        open = true;
    }
    names
}

/// One weight under training, with what averaging needs.
#[derive(Default, Clone, Copy)]
struct Parameter {
    weight: f32,
    total: f64,
    updated: u64,
}

#[derive(Default)]
struct Training {
    parameters: HashMap<u32, [Parameter; TAGS], BuildHasherDefault<Identity>>,
    step: u64,
}

impl Training {
    fn update(&mut self, feature: u32, tag: usize, delta: f32) {
        let step = self.step;
        let p = &mut self.parameters.entry(feature).or_insert([Parameter::default(); TAGS])[tag];
        p.total += (step - p.updated) as f64 * f64::from(p.weight);
        p.updated = step;
        p.weight += delta;
    }

    /// One greedy pass over a line, updating on every wrong tag (with the gold history, as in training with
    /// an oracle).
    fn learn(&mut self, words: &[WordFeatures], gold: &[usize]) {
        let mut predicted: Vec<usize> = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            self.step += 1;
            let previous = predicted.last().copied().unwrap_or(0);
            let before = i.checked_sub(2).map_or(0, |j| predicted[j]);
            let history = history(previous, before, word);
            let mut scores = [0f32; TAGS];
            for f in word.iter().chain(&history) {
                if let Some(parameters) = self.parameters.get(f) {
                    for (score, p) in scores.iter_mut().zip(parameters) {
                        *score += p.weight;
                    }
                }
            }
            let guess = best(&scores, previous);
            if guess != gold[i] {
                for &f in word.iter().chain(&history) {
                    self.update(f, gold[i], 1.0);
                    self.update(f, guess, -1.0);
                }
            }
            predicted.push(guess);
        }
    }

    fn average(self) -> Tagger {
        let mut weights = Weights::default();
        for (feature, parameters) in self.parameters {
            let mut averages = [0f32; TAGS];
            for (average, p) in averages.iter_mut().zip(parameters) {
                let total = p.total + (self.step - p.updated) as f64 * f64::from(p.weight);
                *average = (total / self.step.max(1) as f64) as f32;
            }
            weights.insert(feature, averages);
        }
        Tagger { weights }
    }
}

//! The statistical name tagger: an averaged perceptron over BIO tags of the six entity kinds, decoded greedily
//! left to right, with its training and its compact weight file.

use chronicle_model::{EntityKind, Span};

use crate::fasthash::FastHashMap;
use crate::features::{feature, line_features, DocumentWords, WordFeatures, WORD_FEATURES};
use crate::kb::KnowledgeBase;
use crate::lexicon;
use crate::recognizer::{lines, Line};
use crate::table::{self, Table};
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

const MAGIC: &[u8; 8] = b"CHRNER2\n";

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

/// The quantised weights of one feature, one per tag: the weight is the value times the tagger's scale.
type Row = table::Row<TAGS>;

/// The tagger's weights: feature hash → one quantised weight per tag.
#[derive(Debug)]
pub struct Tagger {
    scale: f32,
    /// The rows by feature, sorted.
    rows: Vec<(u32, Row)>,
    table: Table<TAGS>,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::with_rows(1.0, Vec::new())
    }
}

/// The features that depend on the tags before a word.
fn history(previous: usize, before: usize, word: &WordFeatures) -> [u32; 4] {
    let (p, b) = (previous as u64, before as u64);
    let (w, s) = (u64::from(word[1]), u64::from(word[2]));
    [feature(40, &[p]), feature(41, &[b, p]), feature(42, &[p, w]), feature(43, &[p, s])]
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
        let mut rows: FastHashMap<u32, Row> = FastHashMap::default();
        for entry in rest.get(4..)?.chunks_exact(7) {
            let hash = u32::from_le_bytes(entry[..4].try_into().ok()?);
            let tag = usize::from(entry[4]);
            let value = i16::from_le_bytes(entry[5..7].try_into().ok()?);
            *rows.entry(hash).or_insert([0; TAGS]).get_mut(tag)? = value;
        }
        Some(Tagger::with_rows(scale, rows.into_iter().collect()))
    }

    fn with_rows(scale: f32, mut rows: Vec<(u32, Row)>) -> Tagger {
        rows.sort_unstable_by_key(|&(feature, _)| feature);
        let table = Table::new(&rows);
        Tagger { scale, rows, table }
    }

    /// Quantises weights to 16 bits, the largest to `i16::MAX`.
    fn quantised(weights: FastHashMap<u32, [f32; TAGS]>) -> Tagger {
        let max = weights.values().flatten().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let rows = weights.into_iter().map(|(f, w)| (f, w.map(|w| (w / scale).round() as i16))).collect();
        Tagger::with_rows(scale, rows)
    }

    /// The weights as a compact file: weights under `prune` (absolute) dropped, the rest in 16 bits.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(self.scale.to_le_bytes());
        for (hash, row) in &self.rows {
            for (tag, &q) in row.iter().enumerate() {
                if q != 0 && (f32::from(q) * self.scale).abs() >= prune {
                    bytes.extend(hash.to_le_bytes());
                    bytes.push(tag as u8);
                    bytes.extend(q.to_le_bytes());
                }
            }
        }
        bytes
    }

    /// Adds the quantised weights of the features to `scores` (exact integer sums: the scale is common to all). The
    /// entries are found first and summed after, so that the memory reads of one word overlap.
    fn add_weights(&self, features: &[u32], scores: &mut [i32; TAGS]) {
        let mut entries = [0usize; WORD_FEATURES];
        for (entry, &f) in entries.iter_mut().zip(features) {
            *entry = self.table.index(f);
        }
        for &entry in &entries[..features.len().min(WORD_FEATURES)] {
            self.table.add(entry, scores);
        }
    }

    /// The best tag of each word, left to right, into `tags`; an Inside tag only continues a name of its kind.
    fn decode(&self, words: &[WordFeatures], tags: &mut Vec<usize>) {
        tags.clear();
        for word in words {
            let previous = tags.last().copied().unwrap_or(0);
            let before = tags.len().checked_sub(2).map_or(0, |i| tags[i]);
            let mut scores = [0i32; TAGS];
            self.add_weights(word, &mut scores);
            self.add_weights(&history(previous, before, word), &mut scores);
            tags.push(best(&scores, previous));
        }
    }

    /// The names of one document's lines: byte spans and kinds.
    pub(crate) fn names(&self, kb: &KnowledgeBase, text: &str, lines: &[Line]) -> Vec<(Span, EntityKind)> {
        let words = DocumentWords::collect(text, lines.iter().map(|l| (&l.tokens[..], l.casing)));
        let (mut names, mut features, mut tags) = (Vec::new(), Vec::new(), Vec::new());
        for line in lines {
            line_features(kb, text, &line.tokens, line.casing, &words, &mut features);
            self.decode(&features, &mut tags);
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
                let mut features = Vec::new();
                line_features(kb, &document.text, &line.tokens, line.casing, &words, &mut features);
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
        Tagger::quantised(training.average())
    }
}

/// The best-scoring tag allowed after `previous`.
fn best<S: PartialOrd>(scores: &[S; TAGS], previous: usize) -> usize {
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

/// The names of a tagged line, as news names are written: a name starts with a word that has a capital ("Bank",
/// "iPhone"; not "the", not a number), takes in lower-case words only as connectors and ends on a word that does
/// not start in lower case ("Bank of America", not "Putin and", not "Davis Cup player"), holds numbers only when it
/// names a thing or an event ("Boeing 787", "787 Dreamliner", not "Ivanisevic 6"), and titles are not part of names ("Turkish | President |
/// Recep Tayyip Erdogan").
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
        let number = word.chars().all(|c| c.is_ascii_digit());
        let numbered = |kind: EntityKind| matches!(kind, EntityKind::Other | EntityKind::Event);
        match names.last_mut() {
            Some((span, named)) if open && is_inside(tag) => {
                if lower && !lexicon::is_connector(word) || number && !numbered(*named) {
                    open = false;
                    continue;
                }
                if !lower {
                    span.end = token.end;
                }
            }
            _ if number && !numbered(KINDS[kind]) || lower && !word.chars().any(char::is_uppercase) => {
                open = false;
                continue;
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
    parameters: FastHashMap<u32, [Parameter; TAGS]>,
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

    fn average(self) -> FastHashMap<u32, [f32; TAGS]> {
        let mut weights = FastHashMap::default();
        for (feature, parameters) in self.parameters {
            let mut averages = [0f32; TAGS];
            for (average, p) in averages.iter_mut().zip(parameters) {
                let total = p.total + (self.step - p.updated) as f64 * f64::from(p.weight);
                *average = (total / self.step.max(1) as f64) as f32;
            }
            weights.insert(feature, averages);
        }
        weights
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// The names `spans` makes of `text` under one tag per word, given as "O", "B-0", "I-0" (kind index).
    fn names(text: &str, tags: &str) -> Vec<(String, EntityKind)> {
        let tags: Vec<usize> = tags
            .split(' ')
            .map(|t| match t.split_once('-') {
                Some((bio, kind)) => begin(kind.parse().unwrap_or(0)) + usize::from(bio == "I"),
                None => 0,
            })
            .collect();
        let tokens = tokenize(text, 0, text.len());
        spans(text, &tokens, &tags).into_iter().map(|(s, k)| (s.slice(text).to_string(), k)).collect()
    }

    #[test]
    fn names_follow_news_conventions() {
        let person = |s: &str| (s.to_string(), EntityKind::Person);
        assert_eq!(names("Goran Ivanisevic 6-3", "B-0 I-0 I-0 I-0"), [person("Goran Ivanisevic")]);
        assert_eq!(
            names("German Davis Cup player Boris Becker", "B-3 I-3 I-3 I-3 I-3 I-3"),
            [("German Davis Cup".to_string(), EntityKind::Group), ("Boris Becker".to_string(), EntityKind::Group)]
        );
        assert_eq!(
            names("the Bank of America", "B-1 I-1 I-1 I-1"),
            [("Bank of America".to_string(), EntityKind::Organization)]
        );
        assert_eq!(
            names("Boeing 787 and 787 Dreamliner", "B-5 I-5 O B-5 I-5"),
            [("Boeing 787".to_string(), EntityKind::Other), ("787 Dreamliner".to_string(), EntityKind::Other)]
        );
        assert_eq!(names("beat 7 President Putin", "B-1 B-0 B-0 I-0"), [person("Putin")]);
    }
}

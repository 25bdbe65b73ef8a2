//! Recognises named entities and links them to canonical entities in a shipped knowledge base.
//!
//! [`Recognizer::recognize`] finds the names of one document and makes them canonical within it: a statistical
//! [`Tagger`] (averaged perceptron, weights in `data/ner/`, trained by `scripts/train_ner.sh`) proposes names and
//! kinds, the knowledge base of `data/kb/` links the names it knows and keeps their kinds, and rules over
//! capitalised words add titles, offices and name words ("Lake …", "… Bank"); [`unify`] makes the ids of entities
//! outside the knowledge base canonical across documents.

mod document;
mod fasthash;
mod features;
mod kb;
mod lexicon;
pub mod meantime;
mod normalize;
mod recognizer;
mod table;
mod tagger;
mod tokens;
mod unify;

pub use normalize::slug;
pub use recognizer::Recognizer;
pub use tagger::{Labelled, Tagger};
pub use unify::unify;

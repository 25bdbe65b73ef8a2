//! Recognises named entities and links them to canonical entities in a shipped knowledge base.
//!
//! [`Recognizer::recognize`] finds the names of one document (capitalised token sequences, looked up in the
//! knowledge base of `data/kb/`, with heuristics for unknown names) and makes them canonical within it;
//! [`unify`] makes the ids of entities outside the knowledge base canonical across documents.

mod document;
mod kb;
mod lexicon;
mod normalize;
mod recognizer;
mod tokens;
mod unify;

pub use normalize::slug;
pub use recognizer::Recognizer;
pub use unify::unify;

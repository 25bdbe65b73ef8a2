//! Reads articles from files, folders, standard input, JSONL, WARC and gzip, decoding any encoding to UTF-8.
//!
//! [`discover`] expands the paths given on a command line into [`Input`]s, [`read`] turns one input into a stream of
//! [`RawDocument`]s (one per file, JSONL line or WARC response record) and [`decode`] turns bytes in any encoding into UTF-8.
//! Errors are per input or per document, so one bad file or line never stops the others.

mod decode;
mod discover;
mod jsonl;
mod read;
mod warc;

pub use chronicle_model::{InputError, RawDocument, RawFormat};
pub use decode::decode;
pub use discover::discover;
pub use read::{read, MAX_DOCUMENT_BYTES};

use std::path::PathBuf;

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The name used in messages and origins: the path, or `-` for standard input.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

fn input_error(input: impl Into<String>, reason: impl Into<String>) -> InputError {
    InputError { input: input.into(), reason: reason.into() }
}

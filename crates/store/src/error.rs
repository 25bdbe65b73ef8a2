use std::fmt;

/// A store operation that failed: names the database and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError {
    /// The database file, or `:memory:`.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for StoreError {}

/// Why an operation failed, before the database path is known to the message.
#[derive(Debug)]
pub(crate) struct Fault(String);

impl Fault {
    pub(crate) fn new(reason: impl fmt::Display) -> Self {
        Fault(reason.to_string())
    }

    /// Prefixes the reason with what was being done (`event e1`, `migration 001_schema`).
    pub(crate) fn context(self, what: impl fmt::Display) -> Self {
        Fault(format!("{what}: {}", self.0))
    }

    pub(crate) fn at(self, path: &str) -> StoreError {
        StoreError { path: path.to_string(), reason: self.0 }
    }
}

impl From<rusqlite::Error> for Fault {
    fn from(error: rusqlite::Error) -> Self {
        Fault::new(error)
    }
}

impl From<serde_json::Error> for Fault {
    fn from(error: serde_json::Error) -> Self {
        Fault::new(error)
    }
}

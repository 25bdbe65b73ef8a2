//! JSON records: what the `record` columns hold.

use serde::{de::DeserializeOwned, Serialize};
use xxhash_rust::xxh3::xxh3_128;

use crate::error::Fault;

/// Serializes a value, refusing one that would not read back equal (a non-finite number becomes `null`).
pub(crate) fn encode<T: Serialize + DeserializeOwned + PartialEq>(value: &T) -> Result<String, Fault> {
    let json = serde_json::to_string(value)?;
    check_reads_back(value, &json)?;
    Ok(json)
}

/// Refuses a serialization that would not read back as `value`.
pub(crate) fn check_reads_back<T: DeserializeOwned + PartialEq>(value: &T, json: &str) -> Result<(), Fault> {
    match serde_json::from_str::<T>(json) {
        Ok(back) if back == *value => Ok(()),
        _ => Err(Fault::new("the record does not read back as written (is a number not finite?)")),
    }
}

/// Reads a stored record.
pub(crate) fn decode<T: DeserializeOwned>(json: &str) -> Result<T, Fault> {
    serde_json::from_str(json).map_err(|e| Fault::new(format!("stored record is unreadable: {e}")))
}

/// The content hash of a serialized record, as 32 hex digits.
pub(crate) fn content_hash(json: &str) -> String {
    format!("{:032x}", xxh3_128(json.as_bytes()))
}

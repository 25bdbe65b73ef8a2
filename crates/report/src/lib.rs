//! Renders Chronicle's records: JSON views that are the CLI's stable contract (see `docs/cli.md`), and the digest,
//! a report for people to read.

pub mod digest;
pub mod views;

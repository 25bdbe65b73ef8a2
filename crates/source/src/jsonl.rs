use std::io::{BufRead, Read};

use chronicle_model::Date;
use jiff::{civil::DateTime, tz::TimeZone, Timestamp};
use serde::Deserialize;

use crate::read::{read_reason, MAX_DOCUMENT_BYTES};
use crate::{input_error, InputError, RawDocument, RawFormat};

/// The documents of a JSONL input, one per non-blank line, read line by line.
pub(crate) struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    name: String,
    line: usize,
    done: bool,
    /// The current line's bytes, kept between lines to save reallocations.
    bytes: Vec<u8>,
}

impl JsonLines {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, name: String) -> Self {
        JsonLines { reader, name, line: 0, done: false, bytes: Vec::new() }
    }
}

impl Iterator for JsonLines {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let bytes = &mut self.bytes;
            bytes.clear();
            let read = (&mut self.reader).take(MAX_DOCUMENT_BYTES + 1).read_until(b'\n', bytes);
            self.line += 1;
            let origin = format!("{}:{}", self.name, self.line);
            match read {
                Ok(0) => self.done = true,
                Err(error) => {
                    self.done = true;
                    return Some(Err(input_error(&self.name, read_reason(error))));
                }
                Ok(_) if bytes.len() as u64 > MAX_DOCUMENT_BYTES => {
                    *bytes = Vec::new(); // a line that long is not kept
                    self.done = skip_line(&mut self.reader).is_err();
                    let reason = format!("line longer than the limit of {} MiB", MAX_DOCUMENT_BYTES >> 20);
                    return Some(Err(input_error(origin, reason)));
                }
                Ok(_) if bytes.iter().all(u8::is_ascii_whitespace) => {}
                Ok(_) => return Some(parse_line(bytes, origin)),
            }
        }
        None
    }
}

/// One JSONL line: `id`, `text` or `html`, and optional `url`, `title`, `published`, `source`, `language`.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<Id>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
    language: Option<String>,
}

/// An id may be written as a string or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

fn parse_line(bytes: &[u8], origin: String) -> Result<RawDocument, InputError> {
    let line = std::str::from_utf8(bytes).map_err(|_| input_error(&origin, "invalid UTF-8 (JSONL must be UTF-8)"))?;
    let line = line.trim_start_matches('\u{feff}');
    let article: JsonArticle =
        serde_json::from_str(line).map_err(|error| input_error(&origin, format!("malformed JSON: {error}")))?;
    let id = match article.id {
        Some(Id::Text(id)) => id.trim().to_string(),
        Some(Id::Number(id)) => id.to_string(),
        None => String::new(),
    };
    if id.is_empty() {
        return Err(input_error(origin, "missing or empty \"id\""));
    }
    let (format, content) = match (article.text, article.html) {
        (Some(text), _) if !text.trim().is_empty() => (RawFormat::Text, text),
        (_, Some(html)) if !html.trim().is_empty() => (RawFormat::Html, html),
        (None, None) => return Err(input_error(origin, "neither \"text\" nor \"html\"")),
        _ => return Err(input_error(origin, "empty document")),
    };
    let published = match non_empty(article.published) {
        Some(value) => Some(parse_published(&value).map_err(|reason| input_error(&origin, reason))?),
        None => None,
    };
    Ok(RawDocument {
        id,
        origin,
        format,
        content,
        url: non_empty(article.url),
        title: non_empty(article.title),
        published,
        source: non_empty(article.source),
        language: non_empty(article.language),
    })
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|value| value.trim().to_string()).filter(|value| !value.is_empty())
}

/// An ISO date or date-time: the date as written, or the UTC date of an instant written with `Z`.
fn parse_published(value: &str) -> Result<Date, String> {
    value
        .parse::<Date>()
        .or_else(|_| value.parse::<DateTime>().map(|datetime| datetime.date()))
        .or_else(|_| value.parse::<Timestamp>().map(|instant| instant.to_zoned(TimeZone::UTC).date()))
        .map_err(|_| format!("bad \"published\" date {value:?} (expected an ISO date or date-time)"))
}

/// Consumes the rest of the current line without keeping it.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|b| *b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                reader.consume(all);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_date_times() {
        let day = |s: &str| parse_published(s).map(|d| d.to_string());
        assert_eq!(day("2023-03-15").unwrap(), "2023-03-15");
        assert_eq!(day("2023-03-15T23:30:00").unwrap(), "2023-03-15");
        assert_eq!(day("2023-03-15T23:30:00-05:00").unwrap(), "2023-03-15");
        assert_eq!(day("2023-03-15T23:30:00Z").unwrap(), "2023-03-15");
        assert!(day("15/03/2023").is_err());
        assert!(day("2023-02-30").is_err());
    }

    #[test]
    fn reads_metadata_and_rejects_incomplete_lines() {
        let line =
            br#"{"id": 7, "html": "<p>x</p>", "url": "https://a.example/x", "published": "2024-07-25", "source": ""}"#;
        let doc = parse_line(line, "f:1".into()).unwrap();
        assert_eq!((doc.id.as_str(), doc.format), ("7", RawFormat::Html));
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2024-07-25"));
        assert_eq!(doc.source, None);
        let reason = |line: &[u8]| parse_line(line, "f:2".into()).unwrap_err().reason;
        assert!(reason(br#"{"id": "a"}"#).contains("neither"));
        assert!(reason(br#"{"id": " ", "text": "x"}"#).contains("id"));
        assert!(reason(br#"{"id": "a", "text": "  "}"#).contains("empty document"));
        assert!(reason(br#"{"id": "a", "text": "x", "published": "yesterday"}"#).contains("published"));
        assert!(reason(b"{\"id\": \"a\", \"text\": \"\xff\"}").contains("UTF-8"));
    }
}

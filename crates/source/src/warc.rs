//! WARC files (CC-NEWS): the `response` records with an HTML payload, read one record at a time.
//!
//! Each record becomes a document with the `WARC-Record-ID` as id, `WARC-Target-URI` as url and origin
//! `path:record N`. The HTTP response inside is parsed: status (2xx only), `Content-Type` (HTML only, its charset
//! used for decoding), chunked transfer encoding and gzip/deflate content encoding. Other records (warcinfo, request,
//! metadata, redirects, images…) are skipped. A malformed record is an [`InputError`] and the reader moves on to
//! the next record; a truncated file ends the stream with an error naming the record.

use std::io::{self, BufRead, Read};

use chronicle_model::Date;
use flate2::read::{MultiGzDecoder, ZlibDecoder};
use jiff::{tz::TimeZone, Timestamp};

use crate::decode::decode_declared;
use crate::read::{read_reason, GZIP_MAGIC, MAX_DOCUMENT_BYTES};
use crate::{input_error, InputError, RawDocument, RawFormat};

/// The longest header line read (WARC or HTTP).
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// The most header lines a record may have.
const MAX_HEADER_LINES: usize = 1000;
/// The meta tag added at the end of a record's HTML to carry the crawl date (`WARC-Date`): extraction reads it as the
/// publication date of last resort (`chronicle_extract` knows the name).
const FETCHED_META: &str = "chronicle:fetched";

/// The documents of a WARC input, one per HTML response record.
pub(crate) struct WarcRecords {
    reader: Box<dyn BufRead + Send>,
    name: String,
    record: usize,
    /// After a malformed header, lines are skipped up to the next `WARC/` version line.
    resync: bool,
    done: bool,
}

/// Why a record was not read, and whether the rest of the input is lost with it (truncated or unreadable data).
struct Failure {
    reason: String,
    fatal: bool,
}

impl From<String> for Failure {
    fn from(reason: String) -> Self {
        Failure { reason, fatal: false }
    }
}

impl From<&str> for Failure {
    fn from(reason: &str) -> Self {
        Failure::from(reason.to_string())
    }
}

fn fatal(reason: String) -> Failure {
    Failure { reason, fatal: true }
}

/// A record's WARC header: its named fields, lower-cased names.
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

impl WarcRecords {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, name: String) -> Self {
        WarcRecords { reader, name, record: 0, resync: false, done: false }
    }

    /// The next record's header, `None` at the end of the input.
    fn header(&mut self) -> Result<Option<Header>, Failure> {
        let mut version = loop {
            let Some(line) = self.line()? else { return Ok(None) };
            let skip = line.is_empty() || (self.resync && !line.starts_with("WARC/"));
            if !skip {
                break line;
            }
        };
        self.resync = false;
        self.record += 1;
        if !version.starts_with("WARC/") {
            self.resync = true;
            version.truncate(40);
            return Err(format!("not a WARC record (starts with {version:?})").into());
        }
        let mut fields = Vec::new();
        loop {
            let Some(line) = self.line()? else { return Err(fatal("truncated record header".to_string())) };
            if line.is_empty() {
                return Ok(Some(Header { fields }));
            }
            if fields.len() == MAX_HEADER_LINES {
                self.resync = true;
                return Err("too many header lines".into());
            }
            if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }

    /// One header line without its line ending, `None` at the end of the input.
    fn line(&mut self) -> Result<Option<String>, Failure> {
        let mut bytes = Vec::new();
        (&mut self.reader)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', &mut bytes)
            .map_err(|error| fatal(read_reason(error)))?;
        if bytes.is_empty() {
            return Ok(None);
        }
        if bytes.last() != Some(&b'\n') && bytes.len() as u64 == MAX_LINE_BYTES {
            self.resync = true;
            return Err("header line too long".into());
        }
        while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            bytes.pop();
        }
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Reads a record's block; one larger than the limit is skipped, with an error.
    fn block(&mut self, length: u64) -> Result<Vec<u8>, Failure> {
        if length > MAX_DOCUMENT_BYTES {
            self.skip(length)?;
            return Err(format!("record larger than the limit of {} MiB", MAX_DOCUMENT_BYTES >> 20).into());
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.reader).take(length).read_to_end(&mut block).map_err(|error| fatal(read_reason(error)))?;
        if (block.len() as u64) < length {
            return Err(fatal(format!("truncated record ({} of {length} bytes)", block.len())));
        }
        Ok(block)
    }

    /// Skips a record's block without keeping it.
    fn skip(&mut self, length: u64) -> Result<(), Failure> {
        let skipped = io::copy(&mut (&mut self.reader).take(length), &mut io::sink())
            .map_err(|error| fatal(read_reason(error)))?;
        if skipped < length {
            return Err(fatal(format!("truncated record ({skipped} of {length} bytes)")));
        }
        Ok(())
    }

    /// The next record as a document: `None` when it is not an HTML response.
    fn next_record(&mut self) -> Result<Option<Option<RawDocument>>, Failure> {
        let Some(header) = self.header()? else { return Ok(None) };
        let length = header.get("content-length").and_then(|length| length.parse::<u64>().ok());
        let Some(length) = length else {
            self.resync = true;
            return Err("missing or bad Content-Length".into());
        };
        if !header.get("warc-type").is_some_and(|kind| kind.eq_ignore_ascii_case("response")) {
            self.skip(length)?;
            return Ok(Some(None));
        }
        let block = self.block(length)?;
        let Some(response) = http_response(&block)? else { return Ok(Some(None)) };
        let body = response.body()?;
        let content = decode_declared(&body, true, response.charset.as_deref())?;
        if content.trim().is_empty() {
            return Err("empty document".into());
        }
        let id = header.get("warc-record-id").map(record_id).filter(|id| !id.is_empty());
        let id = id.ok_or("missing WARC-Record-ID")?.to_string();
        let fetched = header.get("warc-date").and_then(warc_date);
        let content = match fetched {
            Some(date) => format!("{content}\n<meta name=\"{FETCHED_META}\" content=\"{date}\">"),
            None => content,
        };
        Ok(Some(Some(RawDocument {
            id,
            origin: self.origin(),
            format: RawFormat::Html,
            content,
            url: header.get("warc-target-uri").map(str::to_string).filter(|url| !url.is_empty()),
            title: None,
            published: None,
            source: None,
            language: None,
        })))
    }

    fn origin(&self) -> String {
        format!("{}:record {}", self.name, self.record)
    }
}

impl Iterator for WarcRecords {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => {}
                Ok(Some(Some(document))) => return Some(Ok(document)),
                Err(failure) => {
                    self.done = failure.fatal;
                    return Some(Err(input_error(self.origin(), failure.reason)));
                }
            }
        }
        None
    }
}

/// `<urn:uuid:…>` → `…`.
fn record_id(value: &str) -> &str {
    let value = value.trim().trim_start_matches('<').trim_end_matches('>');
    value.strip_prefix("urn:uuid:").unwrap_or(value)
}

/// The UTC date of a `WARC-Date` (`2023-03-15T10:00:00Z`).
fn warc_date(value: &str) -> Option<Date> {
    Some(value.parse::<Timestamp>().ok()?.to_zoned(TimeZone::UTC).date())
}

/// An HTML response: its body as sent, and how it is encoded.
struct Response<'a> {
    body: &'a [u8],
    chunked: bool,
    content_encoding: Option<String>,
    charset: Option<String>,
}

/// The HTTP response in a record's block, `None` when it is not a successful HTML response.
fn http_response(block: &[u8]) -> Result<Option<Response<'_>>, String> {
    let (head_end, body_start) = match find(block, b"\r\n\r\n") {
        Some(end) => (end, end + 4),
        None => find(block, b"\n\n").map(|end| (end, end + 2)).ok_or("HTTP header without an end")?,
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut status = status_line.split_whitespace();
    if !status.next().is_some_and(|version| version.starts_with("HTTP/")) {
        return Err("not an HTTP response".to_string());
    }
    let code: u16 = status.next().and_then(|code| code.parse().ok()).ok_or("bad HTTP status line")?;
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut response = Response { body: &block[body_start..], chunked: false, content_encoding: None, charset: None };
    let mut html = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                html = Some(value.contains("html"));
                response.charset = charset(&value);
            }
            "transfer-encoding" => response.chunked = value.contains("chunked"),
            "content-encoding" if value != "identity" => response.content_encoding = Some(value),
            _ => {}
        }
    }
    Ok(html.unwrap_or(true).then_some(response))
}

impl Response<'_> {
    /// The body with the transfer and content encodings undone.
    fn body(&self) -> Result<Vec<u8>, String> {
        let body = if self.chunked { dechunk(self.body)? } else { self.body.to_vec() };
        let mut decoded = Vec::new();
        let limit = MAX_DOCUMENT_BYTES + 1;
        let result = match self.content_encoding.as_deref() {
            // Crawlers often store the payload decoded but keep the header: only gzip data is decompressed.
            Some("gzip" | "x-gzip") if !body.starts_with(&GZIP_MAGIC) => return Ok(body),
            None => return Ok(body),
            Some("gzip" | "x-gzip") => MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut decoded),
            Some("deflate") => ZlibDecoder::new(&body[..]).take(limit).read_to_end(&mut decoded),
            Some(other) => return Err(format!("unsupported content encoding {other:?}")),
        };
        result.map_err(|error| format!("bad {} content ({error})", self.content_encoding.as_deref().unwrap_or("")))?;
        if decoded.len() as u64 >= limit {
            return Err(format!("larger than the limit of {} MiB", MAX_DOCUMENT_BYTES >> 20));
        }
        Ok(decoded)
    }
}

/// The `charset` parameter of a content type.
fn charset(content_type: &str) -> Option<String> {
    let (_, rest) = content_type.split_once("charset=")?;
    let label = rest.trim_start_matches(['"', '\'']);
    let label: String = label.chars().take_while(|c| !matches!(c, ';' | '"' | '\'' | ' ')).collect();
    (!label.is_empty()).then_some(label)
}

/// A chunked body joined: hexadecimal sizes, each chunk followed by a line ending, up to the zero-size chunk.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut joined = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\n").ok_or("bad chunked encoding (no chunk size)")?;
        let size_line = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| "bad chunked encoding (bad chunk size)")?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Ok(joined);
        }
        let chunk = body.get(..size).ok_or("bad chunked encoding (truncated chunk)")?;
        joined.extend_from_slice(chunk);
        body = &body[size..];
        body = body.strip_prefix(b"\r").unwrap_or(body);
        body = body.strip_prefix(b"\n").unwrap_or(body);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_record_ids_and_dates() {
        assert_eq!(
            record_id("<urn:uuid:6d1f0c2e-1a7b-4e4c-9d55-0a5b3c1e2f10>"),
            "6d1f0c2e-1a7b-4e4c-9d55-0a5b3c1e2f10"
        );
        assert_eq!(warc_date("2023-03-15T23:59:59Z").map(|date| date.to_string()).as_deref(), Some("2023-03-15"));
        assert_eq!(warc_date("yesterday"), None);
    }

    #[test]
    fn joins_chunks_and_rejects_bad_ones() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert!(dechunk(b"zz\r\nWiki").is_err());
        assert!(dechunk(b"10\r\nWiki").is_err());
    }

    #[test]
    fn reads_http_headers() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>caf\xE9</p>";
        let response = http_response(block).unwrap().unwrap();
        assert_eq!(response.charset.as_deref(), Some("iso-8859-1"));
        assert_eq!(response.body, b"<p>caf\xE9</p>");
        assert!(http_response(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").unwrap().is_none());
        assert!(http_response(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8").unwrap().is_none());
        assert!(http_response(b"GET / HTTP/1.1\r\n\r\n").is_err());
    }
}

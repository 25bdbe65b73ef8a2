use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;
use xxhash_rust::xxh3::xxh3_64;

use crate::jsonl::JsonLines;
use crate::warc::WarcRecords;
use crate::{decode, input_error, Input, InputError, RawDocument, RawFormat};

/// The largest document read (a text or HTML file after decompression, one JSONL line, one WARC record): 16 MiB.
/// A news article, even a 10 MB page, fits with room to spare; anything larger is rejected, not analysed.
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What an input holds, from its name or, failing that, its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
    Warc,
}

/// Reads one input: yields its documents (one for a text or HTML file, one per JSONL line, one per HTML response
/// record of a WARC file), streaming, with errors per document: a malformed JSONL line is an [`InputError`] naming
/// `path:LINE`, a malformed WARC record one naming `path:record N`, and the next ones go on.
pub fn read(input: &Input) -> Box<dyn Iterator<Item = Result<RawDocument, InputError>> + Send> {
    let name = input.name();
    let opened = open(input).and_then(|mut reader| {
        let kind = match input {
            Input::File(path) => kind_from_name(path),
            Input::Stdin => None,
        };
        let kind = match kind {
            Some(kind) => kind,
            None => sniff(reader.fill_buf()?, matches!(input, Input::Stdin)),
        };
        Ok((reader, kind))
    });
    match opened {
        Ok((reader, Kind::Jsonl)) => Box::new(JsonLines::new(reader, name)),
        Ok((reader, Kind::Warc)) => Box::new(WarcRecords::new(reader, name)),
        Ok((reader, kind)) => Box::new(std::iter::once(read_whole(reader, input, kind))),
        Err(error) => Box::new(std::iter::once(Err(input_error(name, error.to_string())))),
    }
}

/// Opens the input, decompressing gzip (recognised by its magic bytes) on the fly.
fn open(input: &Input) -> io::Result<Box<dyn BufRead + Send>> {
    let mut reader: Box<dyn BufRead + Send> = match input {
        Input::File(path) => Box::new(BufReader::new(File::open(path)?)),
        Input::Stdin => Box::new(BufReader::new(io::stdin())),
    };
    if reader.fill_buf()?.starts_with(&GZIP_MAGIC) {
        reader = Box::new(BufReader::new(MultiGzDecoder::new(reader)));
    }
    Ok(reader)
}

/// The file's name without a `.gz` suffix.
fn inner_name(path: &Path) -> String {
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    match name.len().checked_sub(3) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".gz") => name[..cut].to_string(),
        _ => name,
    }
}

fn kind_from_name(path: &Path) -> Option<Kind> {
    let name = inner_name(path);
    let extension = Path::new(&name).extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        "warc" => Some(Kind::Warc),
        _ => None,
    }
}

/// WARC if the content starts with `WARC/`, HTML if with `<` (after a BOM and whitespace), JSONL (standard input only)
/// if with `{`.
fn sniff(start: &[u8], allow_jsonl: bool) -> Kind {
    if start.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => Kind::Html,
        Some(b'{') if allow_jsonl => Kind::Jsonl,
        _ => Kind::Text,
    }
}

/// The article id of a whole-file input: the file's stem (`a.html.gz` → `a`), or for standard input `stdin-` and a
/// hash of the content, so that different documents piped in keep apart and the same one keeps its id.
fn document_id(input: &Input, content: &str) -> String {
    match input {
        Input::File(path) => {
            let name = inner_name(path);
            Path::new(&name).file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or(name)
        }
        Input::Stdin => format!("stdin-{:012x}", xxh3_64(content.as_bytes()) >> 16),
    }
}

fn read_whole(reader: Box<dyn BufRead + Send>, input: &Input, kind: Kind) -> Result<RawDocument, InputError> {
    let name = input.name();
    let mut bytes = Vec::new();
    reader
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| input_error(&name, read_reason(error)))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(input_error(name, format!("larger than the limit of {} MiB", MAX_DOCUMENT_BYTES >> 20)));
    }
    let html = kind == Kind::Html;
    let content = decode(&bytes, html).map_err(|reason| input_error(&name, reason))?;
    if content.trim().is_empty() {
        return Err(input_error(name, "empty document"));
    }
    Ok(RawDocument {
        id: document_id(input, &content),
        origin: name,
        format: if html { RawFormat::Html } else { RawFormat::Text },
        content,
        url: None,
        title: None,
        published: None,
        source: None,
        language: None,
    })
}

/// A read error as a reason: a truncated gzip stream says so.
pub(crate) fn read_reason(error: io::Error) -> String {
    match error.kind() {
        io::ErrorKind::UnexpectedEof => format!("truncated or corrupt compressed data ({error})"),
        _ => format!("read error: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_content() {
        assert_eq!(sniff(b"\xEF\xBB\xBF\n  <html>", false), Kind::Html);
        assert_eq!(sniff(b"\n{\"id\": 1}", true), Kind::Jsonl);
        assert_eq!(sniff(b"{\"id\": 1}", false), Kind::Text);
        assert_eq!(sniff(b"Moscow (AFP)", true), Kind::Text);
        assert_eq!(sniff(b"WARC/1.0\r\n", false), Kind::Warc);
    }

    #[test]
    fn ids_are_file_stems_without_gz() {
        let id = |path: &str| document_id(&Input::File(path.into()), "text");
        assert_eq!(id("seeds/000_075b59d9bae29bd8.txt"), "000_075b59d9bae29bd8");
        assert_eq!(id("a.html.gz"), "a");
        assert_eq!(id("README"), "README");
        assert_eq!(kind_from_name(Path::new("x.JSONL.GZ")), Some(Kind::Jsonl));
        assert_eq!(kind_from_name(Path::new("CC-NEWS-20230315.warc.gz")), Some(Kind::Warc));
    }

    #[test]
    fn stdin_ids_follow_the_content() {
        let a = document_id(&Input::Stdin, "one page");
        assert!(a.starts_with("stdin-") && a.len() == "stdin-".len() + 12, "{a}");
        assert_eq!(a, document_id(&Input::Stdin, "one page"));
        assert_ne!(a, document_id(&Input::Stdin, "another page"));
    }
}

use std::io::Write;
use std::path::{Path, PathBuf};

use chronicle_source::{discover, read, Input, InputError, RawDocument, RawFormat};
use flate2::{write::GzEncoder, Compression};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");

fn read_path(path: &Path) -> Vec<Result<RawDocument, InputError>> {
    read(&Input::File(path.to_path_buf())).collect()
}

fn read_one(path: &Path) -> Result<RawDocument, InputError> {
    let mut results = read_path(path);
    assert_eq!(results.len(), 1, "one document expected from {}", path.display());
    results.remove(0)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn discovers_the_seed_folder_in_order() {
    let (inputs, errors) = discover(&[PathBuf::from(SEEDS)]);
    assert!(errors.is_empty());
    let names: Vec<String> =
        inputs.iter().map(|input| Path::new(&input.name()).file_name().unwrap().to_string_lossy().into()).collect();
    assert_eq!(names[0], "000_075b59d9bae29bd8.txt");
    assert_eq!(names[4], "004_8f2f36f26c026f28.txt");
    assert!(names.contains(&"seeds.jsonl".to_string()));
    assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn reads_seed_text_files() {
    let doc = read_one(&Path::new(SEEDS).join("002_d1354a31a5cb210c.txt")).unwrap();
    assert_eq!(doc.id, "002_d1354a31a5cb210c");
    assert_eq!(doc.format, RawFormat::Text);
    assert!(doc.origin.ends_with("002_d1354a31a5cb210c.txt"));
    assert!(doc.content.starts_with("Syria's Assad meets Putin in Moscow\n"));
    assert_eq!(doc.published, None);
}

#[test]
fn reads_seeds_jsonl_with_metadata() {
    let path = Path::new(SEEDS).join("seeds.jsonl");
    let docs: Vec<RawDocument> = read_path(&path).into_iter().map(Result::unwrap).collect();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[3].id, "003_619534da5f39729e");
    assert_eq!(docs[3].origin, format!("{}:4", path.display()));
    assert_eq!(docs[0].published.unwrap().to_string(), "2023-03-15");
    let file = read_one(&Path::new(SEEDS).join("001_2b0db2286eddf792.txt")).unwrap();
    assert_eq!(docs[1].content, file.content);
}

#[test]
fn a_malformed_line_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let lines =
        "{\"id\": \"a\", \"text\": \"First.\"}\n{\"id\": \"b\", \"text\": \n\n{\"id\": \"c\", \"text\": \"Third.\"}\n";
    let path = write(dir.path(), "x.jsonl", lines.as_bytes());
    let results = read_path(&path);
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap().id, "a");
    let error = results[1].as_ref().unwrap_err();
    assert_eq!(error.input, format!("{}:2", path.display()));
    assert!(error.reason.contains("JSON"), "{error}");
    assert_eq!(results[2].as_ref().unwrap().origin, format!("{}:4", path.display()));
}

#[test]
fn reads_gzipped_inputs_by_name_and_by_magic_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = gzip(b"{\"id\": \"n1\", \"html\": \"<p>Hello</p>\"}\n{\"id\": \"n2\", \"text\": \"Bye.\"}\n");
    let docs = read_path(&write(dir.path(), "x.jsonl.gz", &jsonl));
    let ids: Vec<&str> = docs.iter().map(|doc| doc.as_ref().unwrap().id.as_str()).collect();
    assert_eq!(ids, ["n1", "n2"]);
    let html = read_one(&write(dir.path(), "a.html.gz", &gzip(b"<html><p>Body</p></html>"))).unwrap();
    assert_eq!((html.id.as_str(), html.format), ("a", RawFormat::Html));
    let sniffed = read_one(&write(dir.path(), "page.dat", &gzip(b"  <!doctype html><p>x</p>"))).unwrap();
    assert_eq!(
        (sniffed.id.as_str(), sniffed.format, sniffed.content.trim_start()),
        ("page", RawFormat::Html, "<!doctype html><p>x</p>")
    );
}

#[test]
fn truncated_gzip_is_an_error_naming_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let compressed = gzip("Assad met Putin in Moscow. ".repeat(2000).as_bytes());
    let path = write(dir.path(), "cut.txt.gz", &compressed[..compressed.len() / 2]);
    let error = read_one(&path).unwrap_err();
    assert_eq!(error.input, path.display().to_string());
    assert!(error.reason.contains("truncated"), "{error}");
}

#[test]
fn decodes_legacy_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let latin = b"Le pr\xE9sident turc a d\xE9clar\xE9 qu\x92il rencontrerait son homologue \xE0 Moscou.";
    let doc = read_one(&write(dir.path(), "fr.txt", latin)).unwrap();
    assert_eq!(doc.content, "Le président turc a déclaré qu’il rencontrerait son homologue à Moscou.");
    let html = b"<html><head><meta charset=windows-1252><title>Caf\xE9</title></head><body>\x93Oui\x94</body></html>";
    let doc = read_one(&write(dir.path(), "fr.html", html)).unwrap();
    assert!(doc.content.contains("<title>Café</title>") && doc.content.contains("“Oui”"));
}

#[test]
fn rejects_binary_empty_and_missing_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(read_one(&write(dir.path(), "junk.bin", &junk)).unwrap_err().reason.contains("binary"));
    assert_eq!(read_one(&write(dir.path(), "empty.txt", b"")).unwrap_err().reason, "empty document");
    assert_eq!(read_one(&write(dir.path(), "blank.html", b" \n\t\n")).unwrap_err().reason, "empty document");
    let missing = dir.path().join("missing.txt");
    let (inputs, errors) = discover(&[missing.clone(), dir.path().join("empty.txt")]);
    assert_eq!(inputs, [Input::File(dir.path().join("empty.txt"))]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].input, missing.display().to_string());
    assert!(read_one(&missing).is_err());
}

#[test]
fn folders_skip_hidden_files_and_keep_nested_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b/.git")).unwrap();
    write(dir.path(), "b/.git/config", b"x");
    write(dir.path(), ".hidden.txt", b"x");
    write(dir.path(), "b/two.txt", b"x");
    write(dir.path(), "a.txt", b"x");
    let (inputs, errors) = discover(&[dir.path().to_path_buf(), PathBuf::from("-")]);
    assert!(errors.is_empty());
    assert_eq!(
        inputs,
        [Input::File(dir.path().join("a.txt")), Input::File(dir.path().join("b/two.txt")), Input::Stdin]
    );
    assert_eq!(Input::Stdin.name(), "-");
}

#[test]
fn size_limit_accepts_10_mb_and_rejects_60_mb() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Russian President Vladimir Putin received his Syrian counterpart in Moscow on Wednesday.\n";
    let big = line.repeat(10_000_000 / line.len());
    let doc = read_one(&write(dir.path(), "big.txt.gz", &gzip(big.as_bytes()))).unwrap();
    assert_eq!(doc.content.len(), big.len());
    let huge = line.repeat(60_000_000 / line.len());
    let error = read_one(&write(dir.path(), "huge.txt.gz", &gzip(huge.as_bytes()))).unwrap_err();
    assert!(error.reason.contains("16 MiB"), "{error}");
}

#[test]
fn an_overlong_jsonl_line_is_skipped_and_the_next_lines_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "x".repeat(17 << 20);
    let jsonl = format!(
        "{{\"id\": \"a\", \"text\": \"First.\"}}\n{{\"id\": \"big\", \"text\": \"{huge}\"}}\n{{\"id\": \"b\", \"text\": \"Last.\"}}\n"
    );
    let path = write(dir.path(), "mixed.jsonl", jsonl.as_bytes());
    let results: Vec<_> = read(&Input::File(path)).collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap().id, "a");
    let error = results[1].as_ref().unwrap_err();
    assert!(error.input.ends_with("mixed.jsonl:2") && error.reason.contains("16 MiB"), "{error}");
    assert_eq!(results[2].as_ref().unwrap().id, "b");
}

/// A WARC record built in code: its type, extra header fields and block.
fn warc_record(kind: &str, fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut record = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
    for (name, value) in fields {
        record.push_str(&format!("{name}: {value}\r\n"));
    }
    record.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut bytes = record.into_bytes();
    bytes.extend_from_slice(block);
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes
}

/// An HTML response record as CC-NEWS writes them.
fn warc_response(uuid: &str, url: &str, http_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{http_headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    let id = format!("<urn:uuid:{uuid}>");
    let fields = [
        ("WARC-Record-ID", id.as_str()),
        ("WARC-Target-URI", url),
        ("WARC-Date", "2023-03-16T04:05:06Z"),
        ("Content-Type", "application/http; msgtype=response"),
    ];
    warc_record("response", &fields, &block)
}

/// Records gzipped one by one and concatenated, as CC-NEWS does.
fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|record| gzip(record)).collect()
}

fn article_html(sentence: &str) -> String {
    format!("<html><head><title>T</title></head><body><article><p>{sentence}</p></article></body></html>")
}

#[test]
fn reads_html_responses_from_gzipped_warc_records() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = b"<html><body><p>Le pr\xE9sident a d\xE9clar\xE9 qu'il viendrait.</p></body></html>";
    let chunked: String = ["<html><body><p>Assad met Putin in Moscow.", "</p></body></html>", ""]
        .iter()
        .map(|chunk| format!("{:x}\r\n{chunk}\r\n", chunk.len()))
        .collect();
    let records = [
        warc_record("warcinfo", &[("WARC-Record-ID", "<urn:uuid:info>")], b"software: test\r\n"),
        warc_record("request", &[("WARC-Target-URI", "https://a.example/1")], b"GET /1 HTTP/1.1\r\n\r\n"),
        warc_response(
            "0001",
            "https://a.example/1",
            "Content-Type: text/html; charset=utf-8\r\n",
            article_html("Erdogan spoke.").as_bytes(),
        ),
        warc_response("0002", "https://b.example/2", "Content-Type: text/html; charset=ISO-8859-1\r\n", latin1),
        warc_response("0003", "https://c.example/3", "Content-Type: image/png\r\n", b"\x89PNG"),
        warc_response(
            "0004",
            "https://d.example/4",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            chunked.as_bytes(),
        ),
        warc_response(
            "0005",
            "https://e.example/5",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &gzip(article_html("Peskov said so.").as_bytes()),
        ),
        warc_response("0006", "https://f.example/6", "Content-Encoding: gzip\r\n", article_html("Decoded.").as_bytes()),
    ];
    let path = write(dir.path(), "CC-NEWS-test.warc.gz", &warc_gz(&records));
    let docs: Vec<RawDocument> = read_path(&path).into_iter().map(Result::unwrap).collect();
    let ids: Vec<&str> = docs.iter().map(|doc| doc.id.as_str()).collect();
    assert_eq!(ids, ["0001", "0002", "0004", "0005", "0006"]);
    assert_eq!(docs[0].url.as_deref(), Some("https://a.example/1"));
    assert_eq!(docs[0].origin, format!("{}:record 3", path.display()));
    assert_eq!(docs[0].format, RawFormat::Html);
    assert!(docs[0].content.contains("<p>Erdogan spoke.</p>"));
    assert!(docs[0].content.contains("2023-03-16"), "the crawl date travels with the page");
    assert!(docs[1].content.contains("Le président a déclaré"));
    assert!(docs[2].content.contains("Assad met Putin in Moscow.</p>"));
    assert!(docs[3].content.contains("Peskov said so."));
    assert!(docs[4].content.contains("Decoded."), "a payload stored decoded under a gzip header is read as is");
    let unnamed = write(dir.path(), "stream.bin", &warc_gz(&records[2..3]));
    assert_eq!(read_one(&unnamed).unwrap().id, "0001", "WARC is recognised by its first bytes");
}

#[test]
fn a_malformed_warc_record_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good =
        |n: &str| warc_response(n, "https://a.example/", "Content-Type: text/html\r\n", article_html(n).as_bytes());
    let no_length = b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n".to_vec();
    let bad_chunks = warc_response("bad", "https://a.example/", "Transfer-Encoding: chunked\r\n", b"zz\r\n<p>");
    let not_http = warc_record("response", &[("WARC-Record-ID", "<urn:uuid:x>")], b"<p>no status line</p>");
    let records = [good("a"), no_length, good("b"), bad_chunks, not_http, good("c")];
    let path = write(dir.path(), "mixed.warc", &records.concat());
    let results = read_path(&path);
    let ids: Vec<&str> = results.iter().filter_map(|result| result.as_ref().ok()).map(|doc| doc.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let errors: Vec<&InputError> = results.iter().filter_map(|result| result.as_ref().err()).collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!(errors[0].input, format!("{}:record 2", path.display()));
    assert!(errors[0].reason.contains("Content-Length"));
    assert!(errors[1].reason.contains("chunked") && errors[1].input.ends_with(":record 4"));
    assert!(errors[2].reason.contains("HTTP"));
}

#[test]
fn a_truncated_warc_ends_with_an_error_naming_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = |n: &str| warc_response(n, "https://a.example/", "", article_html(n).as_bytes());
    let mut bytes = warc_gz(&[record("a"), record("b")]);
    bytes.truncate(bytes.len() - 30);
    let results = read_path(&write(dir.path(), "cut.warc.gz", &bytes));
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].as_ref().unwrap().id, "a");
    let error = results[1].as_ref().unwrap_err();
    assert!(error.input.ends_with("cut.warc.gz:record 2"), "{error:?}");
    assert!(error.reason.contains("truncated"), "{error:?}");
}

#[test]
fn warc_records_stream_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let page = article_html(&"Assad met Putin in Moscow. ".repeat(2000));
    let records: Vec<Vec<u8>> =
        (0..300).map(|n| warc_response(&n.to_string(), "https://a.example/", "", page.as_bytes())).collect();
    let path = write(dir.path(), "many.warc.gz", &warc_gz(&records));
    let mut documents = read(&Input::File(path));
    assert_eq!(documents.next().unwrap().unwrap().id, "0");
    assert_eq!(documents.count(), 299);
}

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes are searched for an HTML charset declaration.
const CHARSET_SCAN_BYTES: usize = 4096;

/// Decodes bytes to UTF-8: BOM, else valid UTF-8, else (for HTML) the `<meta charset>`/http-equiv charset, else a
/// detected legacy encoding. Binary data (NUL bytes or many control characters) is an error with the reason.
pub fn decode(bytes: &[u8], html: bool) -> Result<String, String> {
    decode_declared(bytes, html, None)
}

/// [`decode`] with the charset declared by the transport (an HTTP `Content-Type`), which comes after the BOM and
/// valid UTF-8 but before the document's own declaration.
pub(crate) fn decode_declared(bytes: &[u8], html: bool, charset: Option<&str>) -> Result<String, String> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Ok(text.into_owned());
    }
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let transport = charset.and_then(|label| Encoding::for_label(label.as_bytes())).filter(|&e| is_legacy(e));
    let declared = transport.or_else(|| if html { declared_charset(bytes) } else { None });
    let encoding = declared.unwrap_or_else(|| {
        let mut detector = EncodingDetector::new();
        detector.feed(bytes, true);
        detector.guess(None, true)
    });
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(text.into_owned())
}

/// Rejects data that is not text: any NUL byte, or more than 1 in 20 bytes a control character.
fn check_not_binary(bytes: &[u8]) -> Result<(), String> {
    if bytes.contains(&0) {
        return Err("binary data, not text (NUL bytes)".to_string());
    }
    let controls = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if controls * 20 > bytes.len() {
        return Err("binary data, not text (control characters)".to_string());
    }
    Ok(())
}

/// The encoding named by the first `charset=` in the document's head (`<meta charset>` or http-equiv).
/// UTF-16 labels are ignored: a document that reached this point is not UTF-16.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(CHARSET_SCAN_BYTES)].to_ascii_lowercase();
    let marker = b"charset=";
    let start = head.windows(marker.len()).position(|window| window == marker)? + marker.len();
    let label: Vec<u8> = head[start..]
        .iter()
        .copied()
        .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    Encoding::for_label(&label).filter(|&encoding| is_legacy(encoding))
}

/// Neither UTF-8 (already ruled out) nor UTF-16 (which has NUL bytes, ruled out as binary without a BOM).
fn is_legacy(encoding: &'static Encoding) -> bool {
    encoding != UTF_16LE && encoding != UTF_16BE && encoding != UTF_8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_valid_utf8() {
        assert_eq!(decode("Türkiye — “quoted”".as_bytes(), false).unwrap(), "Türkiye — “quoted”");
    }

    #[test]
    fn strips_boms() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9", false).unwrap(), "café");
        assert_eq!(decode(b"\xFF\xFEa\x00\xE9\x00", false).unwrap(), "aé");
    }

    #[test]
    fn detects_windows_1252() {
        let bytes = b"Le pr\xE9sident a d\xE9clar\xE9 qu\x92il viendrait \xE0 Moscou, selon l\x92agence.";
        assert_eq!(decode(bytes, false).unwrap(), "Le président a déclaré qu’il viendrait à Moscou, selon l’agence.");
    }

    #[test]
    fn follows_html_charset_declarations() {
        let meta = b"<html><head><meta charset=\"iso-8859-7\"></head><body>\xE1\xE8\xDE\xED\xE1</body></html>";
        assert!(decode(meta, true).unwrap().contains("αθήνα"));
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"><p>\xED\xCF\xD3\xCB\xD7\xC1</p>";
        assert!(decode(http_equiv, true).unwrap().contains("Москва"));
    }

    #[test]
    fn transport_charset_comes_before_the_documents_own() {
        let page = b"<meta charset=\"iso-8859-7\"><p>\xE1\xE8\xDE\xED\xE1</p>";
        assert!(decode_declared(page, true, Some("koi8-r")).unwrap().contains("АХчМА"));
        assert!(decode_declared(page, true, Some("no-such-charset")).unwrap().contains("αθήνα"));
    }

    #[test]
    fn rejects_binary_data() {
        assert!(decode(b"PK\x03\x04\x00\x00binary", false).unwrap_err().contains("NUL"));
        assert!(decode(b"\x01\x02\x03\x04\x05abc", false).unwrap_err().contains("control"));
    }

    #[test]
    fn invalid_utf8_is_decoded_without_loss_of_the_rest() {
        let text = decode(b"Assad met Putin \xFF in Moscow", false).unwrap();
        assert!(text.starts_with("Assad met Putin ") && text.ends_with(" in Moscow"));
    }
}

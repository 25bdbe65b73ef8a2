//! Prunes HTML before parsing, in one scan. What extraction never reads is cut: the content of scripts (except
//! JSON-LD metadata), styles and `<noscript>`, and comments; on news pages that is over half the bytes, which the
//! parser then need not tokenise. And the nesting depth is capped: the parser's scope checks walk the stack of open
//! elements, so pathologically deep markup (100,000 nested `<div>`s) costs quadratic time; tags opened beyond the
//! cap, and the end tags that close them, are removed, and their text stays in place.

use std::borrow::Cow;

/// Elements without content, which never open a level.
const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Raw-text elements whose content extraction never reads (scripts are kept when they hold JSON-LD).
const UNREAD_TAGS: &[&str] = &["script", "style", "noscript"];

/// Elements whose content is raw text, where `<` does not open a tag.
const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed"];

/// Tags whose end tag may be left out, so that a missing one does not count as a level.
const OPTIONAL_END_TAGS: &[&str] =
    &["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp"];

/// One piece of markup found by the scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A start tag that opens a level.
    Open,
    /// An end tag that closes one.
    Close,
    /// A comment, or a raw-text element whose content is never read: the content starts at the byte given.
    Unread(usize),
    /// Anything else: void, self-closing or optional-end tags, other raw-text elements with their content,
    /// doctypes, a stray `<`.
    Other,
}

/// The HTML without unread content and with tags nested deeper than `max_depth` removed (unchanged, and not
/// copied, when there is nothing to remove).
pub(crate) fn prune(html: &str, max_depth: usize) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut removed_open = 0usize;
    let mut copied_to = 0;
    let mut position = 0;
    while let Some(offset) = html[position..].find('<') {
        let start = position + offset;
        let (token, end) = scan_markup(html, start);
        position = end;
        let cut = match token {
            Token::Open if depth >= max_depth => {
                removed_open += 1;
                Some(start)
            }
            Token::Open => {
                depth += 1;
                None
            }
            Token::Close if removed_open > 0 => {
                removed_open -= 1;
                Some(start)
            }
            Token::Close => {
                depth = depth.saturating_sub(1);
                None
            }
            Token::Unread(content) if content < end => Some(content),
            Token::Unread(_) | Token::Other => None,
        };
        if let Some(cut) = cut {
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buffer.push_str(&html[copied_to..cut]);
            copied_to = end;
        }
    }
    match out {
        Some(mut buffer) => {
            buffer.push_str(&html[copied_to..]);
            Cow::Owned(buffer)
        }
        None => Cow::Borrowed(html),
    }
}

/// The markup starting at `start` (a `<`) and the byte after it (always past `start`).
fn scan_markup(html: &str, start: usize) -> (Token, usize) {
    let rest = &html[start..];
    if rest.starts_with("<!--") {
        return (Token::Unread(start), rest.find("-->").map_or(html.len(), |end| start + end + 3));
    }
    let bytes = rest.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        let end = if matches!(bytes.get(1), Some(b'!' | b'?')) { tag_end(html, start) } else { start + 1 };
        return (Token::Other, end);
    }
    let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
    let name = &rest[name_start..name_start + name_len];
    let is = |tags: &[&str]| tags.iter().any(|tag| tag.eq_ignore_ascii_case(name));
    let end = tag_end(html, start);
    if is(RAW_TEXT_TAGS) {
        if closing {
            return (Token::Other, end);
        }
        let content_end = raw_text_end(html, end, name);
        let unread = is(UNREAD_TAGS) && !contains_ignoring_case(&html.as_bytes()[start..end], b"ld+json");
        return (if unread { Token::Unread(end) } else { Token::Other }, content_end);
    }
    let counted = !is(VOID_TAGS) && !is(OPTIONAL_END_TAGS);
    let token = match (counted && !html[..end].ends_with("/>"), closing) {
        (false, _) => Token::Other,
        (true, true) => Token::Close,
        (true, false) => Token::Open,
    };
    (token, end)
}

fn contains_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle))
}

/// The byte after the `>` that ends the tag starting at `start`, skipping quoted attribute values.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote = None;
    for (offset, &byte) in html.as_bytes()[start..].iter().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'>') => return start + offset + 1,
            _ => {}
        }
    }
    html.len()
}

/// Where the content of a raw-text element (`<script>`…) ends: at its end tag `</name`, in any case.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut position = from;
    while let Some(offset) = html[position..].find("</") {
        let tag = position + offset + 2;
        if bytes.get(tag..tag + name.len()).is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes())) {
            return position + offset;
        }
        position = tag;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_ordinary_pages_alone() {
        let html = "<html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x><script></script></div>";
        assert!(matches!(prune(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn removes_tags_beyond_the_cap() {
        let html = "<div><div><div><div>deep</div></div></div></div><p>after</p>";
        assert_eq!(prune(html, 2), "<div><div>deep</div></div><p>after</p>");
    }

    #[test]
    fn cuts_scripts_styles_and_comments_but_keeps_json_ld() {
        let html = concat!(
            "<head><script>if (a < b) { x('</p>'); }</script><STYLE>p { color: red }</STYLE>",
            "<script type=\"application/ld+json\">{\"datePublished\": \"2023-03-15\"}</script></head>",
            "<body><!-- <p>hidden</p> --><p>Text</p><noscript><img src=x></noscript></body>"
        );
        assert_eq!(
            prune(html, 100),
            concat!(
                "<head><script></script><STYLE></STYLE>",
                "<script type=\"application/ld+json\">{\"datePublished\": \"2023-03-15\"}</script></head>",
                "<body><p>Text</p><noscript></noscript></body>"
            )
        );
    }
}

//! Any text as HTML: extraction must not panic, and every paragraph span must lie on char boundaries of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let extracted = chronicle_extract::extract_html(html, Some("https://example.com/2023/03/15/story"));
    for span in &extracted.paragraphs {
        assert!(extracted.text.get(span.start..span.end).is_some(), "span {span:?} off the text");
    }
});

//! Any bytes, as text or HTML: decoding must not panic, and what it accepts must extract without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for html in [false, true] {
        if let Ok(text) = chronicle_source::decode(bytes, html) {
            if html {
                chronicle_extract::extract_html(&text, None);
            }
        }
    }
});

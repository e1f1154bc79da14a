#![no_main]
//! Listing pages: the blob path and (without a blob) the card path.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(listing) = hf_papers::Listing::from_html(&text) {
        common::check_listing(&listing);
    }
    // The same input inside a blob attribute, so that mutations reach the JSON reader.
    let escaped = text.replace('&', "&amp;").replace('"', "&quot;");
    let page = format!(r#"<div data-target="DailyPapers" data-props="{escaped}"></div>"#);
    if let Ok(listing) = hf_papers::Listing::from_html(&page) {
        common::check_listing(&listing);
    }
});

#![no_main]
//! Text and markdown captures: never a panic; what parses is consistent and carries coverage.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(listing) = hf_papers::Listing::from_text(&text) {
        common::check_listing(&listing);
        for paper in &listing.papers {
            assert!(paper.coverage.is_some(), "a text paper without coverage");
        }
        for paper in &listing.unidentified {
            assert!(!paper.title.trim().is_empty(), "an unidentified paper without a title");
        }
    }
});

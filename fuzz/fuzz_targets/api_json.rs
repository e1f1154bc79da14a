#![no_main]
//! API responses: arrays of entries and single paper objects, lenient and strict.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lenient = hf_papers::Listing::from_api_json(text);
    if let Ok(listing) = &lenient {
        common::check_listing(listing);
    }
    // Strict mode accepts exactly the inputs lenient mode reads without warnings.
    let strict =
        hf_papers::Listing::from_api_json_with(text, &hf_papers::ParseOptions::new().strict(true));
    match (&lenient, &strict) {
        (Ok(l), Ok(s)) => assert_eq!(l, s),
        (Ok(l), Err(_)) => assert!(!l.warnings.is_empty()),
        (Err(_), Ok(_)) => panic!("strict accepted what lenient refused"),
        (Err(_), Err(_)) => {}
    }
    if let Ok(page) = hf_papers::PaperPage::from_api_json(text) {
        common::check_page(&page);
    }
});

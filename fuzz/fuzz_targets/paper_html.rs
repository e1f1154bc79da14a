#![no_main]
//! Paper pages: the PaperContent blob and the visible page.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(page) = hf_papers::PaperPage::from_html(&text) {
        common::check_page(&page);
    }
});

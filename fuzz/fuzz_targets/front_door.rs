#![no_main]
//! Any bytes through the front door: never a panic, and what parses is consistent.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = hf_papers::parse_bytes(data) {
        common::check_document(&document);
    }
});

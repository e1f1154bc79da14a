#![no_main]
//! The normalizers' laws on arbitrary strings.

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    // ArxivId: display parses back to the same value, and display is a fixed point.
    if let Ok(id) = s.parse::<hf_papers::ArxivId>() {
        let shown = id.to_string();
        let again: hf_papers::ArxivId = shown.parse().expect("display parses");
        assert_eq!(again, id);
        assert_eq!(again.to_string(), shown);
        assert_eq!(id.without_version().version(), None);
    }
    // Text: idempotent, trimmed, no double spaces.
    let once = hf_papers::clean_text(s).into_owned();
    assert_eq!(hf_papers::clean_text(&once), once.as_str());
    assert_eq!(once.trim(), once);
    assert!(!once.contains("  "));
    // Counts, timestamps, page dates: no panic; a parsed count prints back.
    if let Some(n) = hf_papers::parse_count(s) {
        assert_eq!(hf_papers::parse_count(&n.to_string()), Some(n));
    }
    if let Some(t) = hf_papers::parse_timestamp(s) {
        assert_eq!(hf_papers::parse_timestamp(&t.to_rfc3339()), Some(t));
    }
    let reference = NaiveDate::from_ymd_opt(2026, 7, 2).expect("valid");
    let _ = hf_papers::parse_display_date(s, reference);
    // URLs: idempotent.
    if let Some(url) = hf_papers::absolute_url(s) {
        assert_eq!(hf_papers::absolute_url(&url), Some(url.clone()));
    }
});

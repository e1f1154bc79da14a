//! One test per bug found (by fuzzing or otherwise), with the input that showed it.

/// Fuzzing (normalizers target): `clean_text` was not idempotent when NFC turned U+037E
/// (Greek question mark) into `;` and so completed an entity left after decoding.
#[test]
fn clean_text_nfc_completing_an_entity() {
    let input = "A\0\0\0\u{1}\0\0\0\0<script> &amp;q&amp;q &amp;q&amp;quot\u{37e}\u{34e}";
    let once = hf_papers::clean_text(input).into_owned();
    assert_eq!(hf_papers::clean_text(&once), once.as_str());
    assert!(once.ends_with("&q&q &q\"\u{34e}"), "{once:?}");
}

/// Fuzzing (normalizers target): chrono's lenient formats read `-2026-07-0200:00: 00.0` as a
/// timestamp in year -2026, which then did not print back as RFC 3339.
#[test]
fn parse_timestamp_negative_year_and_stray_spaces() {
    assert_eq!(hf_papers::parse_timestamp("-2026-07-0200:00: 00.0"), None);
    let t = hf_papers::parse_timestamp("2026-07-02 00:00:00.0").expect("one space is fine");
    assert_eq!(hf_papers::parse_timestamp(&t.to_rfc3339()), Some(t));
}

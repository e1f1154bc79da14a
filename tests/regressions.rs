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

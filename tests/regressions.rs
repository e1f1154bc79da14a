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

/// A key written twice in one entry failed the whole listing ("duplicate field `title`"):
/// serde's derived visitors refuse a repeated key. The wire objects keep the last value, as
/// the site's JavaScript does, and every other entry is read.
#[test]
fn a_repeated_key_costs_nothing_else() {
    let entries = r#"[{"paper": {"id": "2607.01234", "title": "First Made-Up Title",
        "title": "Second Made-Up Title", "upvotes": 3, "upvotes": 4}},
        {"paper": {"id": "2607.04321", "title": "Another Made-Up Paper", "upvotes": 5}}]"#;
    for listing in read_both_ways(entries) {
        let read: Vec<_> = listing
            .papers
            .iter()
            .map(|p| (p.title.as_deref(), p.upvotes))
            .collect();
        assert_eq!(
            read,
            [
                (Some("Second Made-Up Title"), Some(4)),
                (Some("Another Made-Up Paper"), Some(5))
            ]
        );
    }
}

/// A repeated object or list key starts its value afresh: nothing of the first value stays
/// (values are read in place, into the field they stay in).
#[test]
fn a_repeated_object_key_keeps_nothing_of_the_first() {
    let entries = r#"[{"paper": {"id": "2607.01234", "title": "Made-Up Title", "upvotes": 9,
        "authors": [{"name": "Ada Example"}, {"name": "Bo Example"}]},
        "paper": {"id": "2607.04321", "authors": [{"name": "Cy Example"}]}},
        {"paper": {"id": "2607.05555", "authors": [{"name": "Di Example"}], "authors": 5,
        "submittedOnDailyBy": {"user": "ada", "fullname": "Ada"}, "submittedOnDailyBy": {}}}]"#;
    for listing in read_both_ways(entries) {
        let [first, second] = listing.papers.as_slice() else {
            panic!("two papers, not {}", listing.papers.len())
        };
        assert_eq!(first.id.to_string(), "2607.04321");
        assert_eq!((first.title.as_deref(), first.upvotes), (None, None));
        let names: Vec<_> = first.authors.iter().flatten().map(|a| &a.name).collect();
        assert_eq!(names, ["Cy Example"]);
        assert_eq!(second.authors, None);
        assert_eq!(
            second.submitted_by.as_ref().map(|u| u.username.as_deref()),
            Some(None)
        );
        assert!(
            listing
                .warnings
                .iter()
                .any(|w| w.path.ends_with("authors") && w.message.contains("a number")),
            "{:?}",
            listing.warnings
        );
    }
}

/// `entries` (a JSON array of listing entries) read as an API response and as the blob of a
/// page: the two readers (serde_json, and the page's own attribute reader).
fn read_both_ways(entries: &str) -> [hf_papers::Listing; 2] {
    let api = hf_papers::Listing::from_api_json(entries).expect("the API array read");
    let blob = format!(
        r#"{{"dateString":"2026-07-02","periodType":"day","dailyPapers":{}}}"#,
        entries.replace('\n', " ")
    );
    let page = format!(
        r#"<html><body><div data-target="DailyPapers" data-props="{}"></div></body></html>"#,
        blob.replace('&', "&amp;").replace('"', "&quot;")
    );
    let html = hf_papers::Listing::from_html(&page).expect("the page read");
    [api, html]
}

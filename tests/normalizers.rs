//! Property and table tests of the public normalizers: counts, timestamps, page dates, the
//! feed's day, URLs and people. (`ArxivId` has its own file, `tests/arxiv_id.rs`; text and
//! periods are also covered in `tests/properties.rs`.)

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use hf_papers::{
    ARCHIVE_START, ClaimStatus, Listing, absolute_url, clean_text, feed_day, parse_count,
    parse_display_date, parse_timestamp,
};
use proptest::prelude::*;

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (1_600_000_000i64..2_000_000_000)
        .prop_map(|s| Utc.timestamp_opt(s, 0).single().expect("in range"))
}

fn day() -> impl Strategy<Value = NaiveDate> {
    instant().prop_map(|t| t.date_naive())
}

proptest! {
    #[test]
    fn parse_count_never_panics(s in any::<String>()) {
        let _ = parse_count(&s);
    }

    #[test]
    fn parse_count_k_suffix(thousands in 0u32..4_000_000, tenth in 0u32..10) {
        let text = format!("{thousands}.{tenth}k");
        prop_assert_eq!(parse_count(&text), Some(thousands * 1000 + tenth * 100));
    }

    #[test]
    fn timestamps_round_trip_through_rfc3339(t in instant(), millis in 0u32..1000) {
        let t = t + Duration::milliseconds(i64::from(millis));
        prop_assert_eq!(parse_timestamp(&t.to_rfc3339()), Some(t));
        // The site's own spelling, and the same without its zone.
        let site = t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        prop_assert_eq!(parse_timestamp(&site), Some(t));
        prop_assert_eq!(parse_timestamp(site.trim_end_matches('Z')), Some(t));
    }

    #[test]
    fn parse_timestamp_never_panics(s in any::<String>()) {
        let _ = parse_timestamp(&s);
    }

    #[test]
    fn display_dates_round_trip(date in day(), ahead in 0i64..300) {
        let reference = date + Duration::days(ahead);
        let without_year = date.format("%b %-d").to_string();
        prop_assert_eq!(parse_display_date(&without_year, reference), Some(date));
        let with_year = date.format("%b %-d, %Y").to_string();
        prop_assert_eq!(parse_display_date(&with_year, NaiveDate::MIN), Some(date));
    }

    #[test]
    fn parse_display_date_never_panics(s in any::<String>(), reference in day()) {
        let _ = parse_display_date(&s, reference);
    }

    #[test]
    fn feed_day_never_goes_back_and_moves_by_one(t in instant(), step in 1i64..86_400) {
        let a = feed_day(t);
        let b = feed_day(t + Duration::seconds(step));
        prop_assert!(a <= b);
        if let (Some(a), Some(b)) = (a, b) {
            prop_assert!(b - a <= Duration::days(1));
            prop_assert!(a >= ARCHIVE_START);
        }
    }

    #[test]
    fn feed_day_is_within_a_day_of_the_utc_date(t in instant()) {
        if let Some(d) = feed_day(t) {
            let utc = t.date_naive();
            prop_assert!(d == utc || d == utc.pred_opt().expect("day before") || d == utc.succ_opt().expect("day after"));
        }
    }

    #[test]
    fn absolute_url_is_idempotent_and_absolute(s in "[a-zA-Z0-9/._:?#=-]{0,40}") {
        if let Some(url) = absolute_url(&s) {
            prop_assert_eq!(absolute_url(&url), Some(url.clone()));
            prop_assert!(url.to_ascii_lowercase().starts_with("http"));
        }
    }

    #[test]
    fn claim_status_keeps_every_value(s in "[a-z_]{1,20}") {
        let status: ClaimStatus = s.parse().expect("infallible");
        prop_assert_eq!(status.to_string(), s.clone());
        let json = serde_json::to_string(&status).expect("serializes");
        prop_assert_eq!(serde_json::from_str::<ClaimStatus>(&json).expect("deserializes"), status);
    }
}

/// Spellings the site and saved pages really use (values only: no capture content).
#[test]
fn real_spellings() {
    for (text, want) in [
        ("1,056", Some(1056)),
        ("-", Some(0)),
        ("11.3k", Some(11_300)),
        ("3.29k", Some(3290)),
        ("0", Some(0)),
    ] {
        assert_eq!(parse_count(text), want, "{text:?}");
    }
    for text in [
        "2026-07-02T00:00:00.000Z",
        "2024-03-12T12:07:28.322Z",
        "2026-07-02T00:00:00.000",
        "2026-07-02T00:00:00",
    ] {
        assert!(parse_timestamp(text).is_some(), "{text:?}");
    }
    let reference = NaiveDate::from_ymd_opt(2026, 10, 10).expect("date");
    assert_eq!(
        parse_display_date("Published on Oct 4, 2026", reference),
        NaiveDate::from_ymd_opt(2026, 10, 4)
    );
    assert_eq!(
        parse_display_date("May 30", reference),
        NaiveDate::from_ymd_opt(2026, 5, 30)
    );
    assert_eq!(
        parse_display_date("Mar 8, 2024", reference),
        NaiveDate::from_ymd_opt(2024, 3, 8)
    );
    assert_eq!(clean_text("Title\n  continued"), "Title continued");
}

/// Usernames come from `user` or `name`; hidden authors are kept and flagged; claim statuses
/// the crate does not know are kept.
#[test]
fn people() {
    let json = r#"[{"paper": {"id": "2607.01234", "authors": [
        {"_id": "a1", "name": "Ada Example", "hidden": false,
         "user": {"_id": "u1", "user": "ada-ex", "fullname": "Ada", "avatarUrl": "/avatars/a.svg"},
         "status": "claimed_verified"},
        {"_id": "a2", "name": "Hidden Person", "hidden": true, "status": "some_future_status"},
        {"_id": "a3", "name": "Bo Example", "hidden": false, "user": {"id": "u3", "name": "bo-ex"}}
    ]}, "submittedBy": {"_id": "u1", "name": "ada-ex", "avatarUrl": "/avatars/a.svg"}}]"#;
    let listing = Listing::from_api_json(json).expect("parses");
    let paper = &listing.papers[0];
    let authors = paper.authors.as_ref().expect("authors");
    assert_eq!(authors.len(), 3);
    assert_eq!(authors[0].username(), Some("ada-ex"));
    assert_eq!(
        authors[0]
            .user
            .as_ref()
            .and_then(|u| u.avatar_url.as_deref()),
        Some("https://huggingface.co/avatars/a.svg")
    );
    assert_eq!(authors[0].claim_status, Some(ClaimStatus::ClaimedVerified));
    assert_eq!(authors[1].hidden, Some(true));
    assert_eq!(
        authors[1].claim_status.as_ref().map(ClaimStatus::as_str),
        Some("some_future_status")
    );
    assert_eq!(authors[2].username(), Some("bo-ex"));
    assert_eq!(
        authors[2].user.as_ref().and_then(|u| u.id.as_deref()),
        Some("u3")
    );
    let submitter = paper.submitted_by.as_ref().expect("submitter");
    assert_eq!(submitter.username.as_deref(), Some("ada-ex"));
}

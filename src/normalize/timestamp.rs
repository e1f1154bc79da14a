use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Parses a timestamp as the site writes it.
///
/// Accepts RFC 3339 with `Z` or an offset and a fraction of any length
/// (`2026-07-02T00:00:00.000Z`), the same without a zone (read as UTC: older pages drop the
/// `Z`), a space instead of the `T`, and a bare date (`2026-07-02`, midnight UTC).
///
/// ```
/// use hf_papers::parse_timestamp;
/// let a = parse_timestamp("2026-07-02T23:10:41.512Z").unwrap();
/// let b = parse_timestamp("2026-07-02T23:10:41.512").unwrap();
/// assert_eq!(a, b);
/// assert_eq!(a.date_naive().to_string(), "2026-07-02");
/// assert!(parse_timestamp("yesterday").is_none());
/// ```
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if t.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, format) {
            return Some(naive.and_utc());
        }
    }
    if let Ok(dt) = DateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f%:z") {
        return Some(dt.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|naive| naive.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_of_any_length() {
        for s in [
            "2026-07-02T01:02:03Z",
            "2026-07-02T01:02:03.5Z",
            "2026-07-02T01:02:03.123456789Z",
            "2026-07-02T01:02:03.123456",
        ] {
            let t = parse_timestamp(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(t.date_naive().to_string(), "2026-07-02");
        }
    }

    #[test]
    fn offsets_convert_to_utc() {
        let t = parse_timestamp("2026-07-02T23:30:00-04:00").unwrap();
        assert_eq!(t.date_naive().to_string(), "2026-07-03");
    }

    #[test]
    fn rejects() {
        for s in ["", "yesterday", "2026-13-01", "2026-02-30T00:00:00Z"] {
            assert!(parse_timestamp(s).is_none(), "{s}");
        }
    }
}

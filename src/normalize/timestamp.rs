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
    // chrono's formats are lenient about signs and spaces (`-2026-07-0200:00: 00`); the site
    // writes a four-digit year and one separator, so the shape is checked first.
    if !has_timestamp_shape(t) {
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

/// `YYYY-MM-DD`, then nothing, or `T`/`t`/one space and the time with no further spaces.
fn has_timestamp_shape(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    t.len() <= 64
        && digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && match b.get(10) {
            None => true,
            Some(b'T' | b't' | b' ') => digits(11..13) && !t[11..].contains(char::is_whitespace),
            Some(_) => false,
        }
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
        // The last two were found by fuzzing: chrono alone accepted them.
        for s in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30T00:00:00Z",
            "-2026-07-0200:00: 00.0",
            "2026-07-0200:00:00",
        ] {
            assert!(parse_timestamp(s).is_none(), "{s}");
        }
    }
}

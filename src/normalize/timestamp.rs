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
    let t = super::trim(text);
    if let Some(exact) = site_timestamp(t) {
        return Some(exact);
    }
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

/// The site's own format, `YYYY-MM-DDTHH:MM:SS.mmmZ`, read directly: a listing holds a few
/// hundred of them, and chrono's general parser costs several times more. Anything else
/// (including a leap second) is left to the general rules.
fn site_timestamp(t: &str) -> Option<DateTime<Utc>> {
    let b: &[u8; 24] = t.as_bytes().try_into().ok()?;
    let shape = b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z';
    if !shape {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )?;
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if second > 59 {
        return None;
    }
    let time = date.and_hms_milli_opt(hour, minute, second, number(20..23)?)?;
    Some(time.and_utc())
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
    fn site_format_agrees_with_chrono() {
        for s in [
            "2026-07-02T23:10:41.512Z",
            "2024-02-29T00:00:00.000Z",
            "2026-12-31T23:59:59.999Z",
            "0001-01-01T00:00:00.000Z",
        ] {
            let chrono = DateTime::parse_from_rfc3339(s)
                .map(|d| d.with_timezone(&Utc))
                .ok();
            assert_eq!(site_timestamp(s), chrono, "{s}");
        }
        for s in [
            "2026-02-30T00:00:00.000Z",
            "2026-07-02T24:00:00.000Z",
            "2026-07-02T23:60:00.000Z",
            "2026-07-02T23:59:60.000Z",
            "2026-07-02T23:59:59.+00Z",
            "+026-07-02T23:59:59.000Z",
        ] {
            assert_eq!(site_timestamp(s), None, "{s}");
        }
        // A leap second is left to chrono, which reads it.
        assert!(parse_timestamp("2016-12-31T23:59:60.000Z").is_some());
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

/// Why a count could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountError {
    /// A negative number.
    #[error("count is negative")]
    Negative,
    /// A number with a fractional part, or not a finite number.
    #[error("count is not a whole number")]
    NotWhole,
    /// More than `u32::MAX`.
    #[error("count is too large")]
    TooLarge,
}

/// A count from a JSON integer.
///
/// ```
/// use hf_papers::{CountError, count_from_i64};
/// assert_eq!(count_from_i64(12), Ok(12));
/// assert_eq!(count_from_i64(-3), Err(CountError::Negative));
/// ```
///
/// # Errors
/// [`CountError::Negative`] below zero, [`CountError::TooLarge`] above `u32::MAX`.
pub fn count_from_i64(n: i64) -> Result<u32, CountError> {
    if n < 0 {
        return Err(CountError::Negative);
    }
    u32::try_from(n).map_err(|_| CountError::TooLarge)
}

/// A count from a JSON float: the site sometimes writes `12.0`.
///
/// ```
/// use hf_papers::{CountError, count_from_f64};
/// assert_eq!(count_from_f64(12.0), Ok(12));
/// assert_eq!(count_from_f64(1.5), Err(CountError::NotWhole));
/// ```
///
/// # Errors
/// [`CountError::NotWhole`] for a fraction, NaN or infinity, [`CountError::Negative`] and
/// [`CountError::TooLarge`] as for integers.
pub fn count_from_f64(n: f64) -> Result<u32, CountError> {
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(CountError::NotWhole);
    }
    if n < 0.0 {
        return Err(CountError::Negative);
    }
    if n > f64::from(u32::MAX) {
        return Err(CountError::TooLarge);
    }
    // Whole, in range: the cast is exact.
    Ok(n as u32)
}

/// A count as a page shows it, by these rules:
///
/// | text | count |
/// |---|---|
/// | `"12"`, `" 12 "` | 12 |
/// | `"1,056"` (groups of three) | 1056 |
/// | `"12.0"` | 12 |
/// | `"1.2k"`, `"1.2K"`, `"3M"` | 1200, 1200, 3000000 (rounded down) |
/// | `"-"`, `"–"`, `"—"` (the site's zero) | 0 |
/// | `""`, `"1,05"`, `"1.5"`, `"abc"`, `"-3"` | `None` |
/// | more than `u32::MAX` | `None` |
///
/// ```
/// use hf_papers::parse_count;
/// assert_eq!(parse_count("1,056"), Some(1056));
/// assert_eq!(parse_count("1.2k"), Some(1200));
/// assert_eq!(parse_count("-"), Some(0));
/// assert_eq!(parse_count(""), None);
/// ```
pub fn parse_count(text: &str) -> Option<u32> {
    let t = text.trim();
    if matches!(t, "-" | "\u{2013}" | "\u{2014}") {
        return Some(0);
    }
    let (number, multiplier) = match t.as_bytes().last()? {
        b'k' | b'K' => (&t[..t.len() - 1], 1_000u64),
        b'm' | b'M' => (&t[..t.len() - 1], 1_000_000u64),
        _ => (t, 1),
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, f),
        None => (number, ""),
    };
    let whole = parse_grouped_digits(whole)?;
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 9 {
        return None;
    }
    // Scale the fraction exactly in integers: "1.25k" is 1250.
    let frac_digits = fraction.len() as u32;
    let frac_value: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let scale = 10u64.pow(frac_digits);
    let frac_part = frac_value.checked_mul(multiplier)? / scale;
    if multiplier == 1 && frac_value != 0 {
        return None; // "1.5" upvotes is not a count
    }
    let total = whole.checked_mul(multiplier)?.checked_add(frac_part)?;
    u32::try_from(total).ok()
}

/// Digits, optionally grouped by commas in threes (`1,056`, `12,345,678`).
fn parse_grouped_digits(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut groups = s.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 20 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: u64 = first.parse().ok()?;
    let mut grouped = false;
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        grouped = true;
        value = value.checked_mul(1000)?.checked_add(group.parse().ok()?)?;
    }
    if grouped && first.len() > 3 {
        return None;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("0", Some(0)),
            ("12", Some(12)),
            (" 12 ", Some(12)),
            ("1,056", Some(1056)),
            ("12,345,678", Some(12_345_678)),
            ("1,05", None),
            ("1056,", None),
            (",056", None),
            ("12.0", Some(12)),
            ("1.5", None),
            ("1.2k", Some(1200)),
            ("1.25K", Some(1250)),
            ("3M", Some(3_000_000)),
            ("11.3k", Some(11_300)),
            ("-", Some(0)),
            ("\u{2013}", Some(0)),
            ("", None),
            ("k", None),
            ("-3", None),
            ("abc", None),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", None),
            ("99999999999999999999999", None),
            ("5000M", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text), want, "{text:?}");
        }
    }

    #[test]
    fn floats() {
        assert_eq!(count_from_f64(f64::NAN), Err(CountError::NotWhole));
        assert_eq!(count_from_f64(-1.0), Err(CountError::Negative));
        assert_eq!(count_from_f64(5e9), Err(CountError::TooLarge));
        assert_eq!(count_from_f64(0.0), Ok(0));
    }
}

use chrono::{Datelike, NaiveDate};

/// Parses a date as pages show it: `Mar 14`, `Mar 14, 2023`, `March 14, 2023`, `14 Mar 2023`,
/// or ISO `2023-03-14`.
///
/// Pages leave the year out when it is the current one ("Published on Mar 14"), so a date
/// without a year takes the year of `reference` (the capture date, or the latest full date
/// on the same page), or the year before when that would put it more than a day after the
/// reference (a "Dec 30" seen on Jan 2). `Published on` and `Submitted on` prefixes are
/// accepted.
///
/// ```
/// use chrono::NaiveDate;
/// use hf_papers::parse_display_date;
/// let reference = NaiveDate::from_ymd_opt(2026, 7, 2).unwrap();
/// assert_eq!(parse_display_date("Mar 14", reference), NaiveDate::from_ymd_opt(2026, 3, 14));
/// assert_eq!(parse_display_date("Published on Mar 14, 2023", reference), NaiveDate::from_ymd_opt(2023, 3, 14));
/// let jan = NaiveDate::from_ymd_opt(2027, 1, 2).unwrap();
/// assert_eq!(parse_display_date("Dec 30", jan), NaiveDate::from_ymd_opt(2026, 12, 30));
/// assert_eq!(parse_display_date("Feb 30", reference), None);
/// ```
pub fn parse_display_date(text: &str, reference: NaiveDate) -> Option<NaiveDate> {
    let mut t = text.trim().trim_start_matches(['·', ' ']);
    for prefix in [
        "Published on",
        "Submitted on",
        "published on",
        "submitted on",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest;
        }
    }
    let t = t.trim();
    if t.len() > 40 {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Some(d);
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // "Mar 14" or "14 Mar", with or without a year after them.
    let (first, second, year) = match words.as_slice() {
        [a, b] => (*a, *b, None),
        [a, b, y] => (*a, *b, Some(year_number(y)?)),
        _ => return None,
    };
    let (month, day) = match (month_number(first), month_number(second)) {
        (Some(m), None) => (m, day_number(second)?),
        (None, Some(m)) => (m, day_number(first)?),
        _ => return None,
    };
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => {
            let this_year = NaiveDate::from_ymd_opt(reference.year(), month, day);
            match this_year {
                Some(d) if d <= reference + chrono::Duration::days(1) => Some(d),
                // A date that would be in the future is last year's.
                Some(_) => NaiveDate::from_ymd_opt(reference.year() - 1, month, day),
                // Feb 29 in a year without one.
                None => None,
            }
        }
    }
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let lower = if lower == "sept" {
        "sep".to_owned()
    } else {
        lower
    };
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| FULL.iter().position(|m| *m == lower))
        .map(|i| i as u32 + 1)
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // "14th"
    (digits.len() <= 2 && !digits.is_empty())
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table() {
        let r = d(2026, 7, 2);
        let cases = [
            ("Mar 14", Some(d(2026, 3, 14))),
            ("Jul 3", Some(d(2026, 7, 3))), // a day of slack for time zones
            ("Jul 4", Some(d(2025, 7, 4))),
            ("March 14, 2023", Some(d(2023, 3, 14))),
            ("14 Mar 2023", Some(d(2023, 3, 14))),
            ("Sept. 2", Some(d(2025, 9, 2))),
            ("· Published on Oct 4, 2026", Some(d(2026, 10, 4))),
            ("2024-02-29", Some(d(2024, 2, 29))),
            ("Feb 29", None), // 2026 and 2025 have none
            ("Foo 14", None),
            ("Mar 32", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_display_date(text, r), want, "{text:?}");
        }
        assert_eq!(
            parse_display_date("Feb 29", d(2024, 7, 1)),
            Some(d(2024, 2, 29))
        );
    }
}

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

/// The first day of the Daily Papers archive: there are no lists before it.
pub const ARCHIVE_START: NaiveDate = match NaiveDate::from_ymd_opt(2023, 5, 4) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The feed's day at an instant: which day's list the site calls "today" then.
///
/// The site's day rolls over at 21:30 New York time (so in the evening in New York the feed
/// already shows the next day's list). Returns `None` before the archive starts
/// ([`ARCHIVE_START`]). Lists can be partial early in the day, and weekends can have entries.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use hf_papers::feed_day;
/// // 21:29 in New York (EDT, UTC-4) is still the same day...
/// let before = Utc.with_ymd_and_hms(2026, 7, 3, 1, 29, 0).unwrap();
/// assert_eq!(feed_day(before).unwrap().to_string(), "2026-07-02");
/// // ...and 21:30 is already the next.
/// let after = Utc.with_ymd_and_hms(2026, 7, 3, 1, 30, 0).unwrap();
/// assert_eq!(feed_day(after).unwrap().to_string(), "2026-07-03");
/// ```
pub fn feed_day(at: DateTime<Utc>) -> Option<NaiveDate> {
    let local = at.naive_utc() + Duration::hours(new_york_offset_hours(at));
    let rollover = NaiveTime::from_hms_opt(21, 30, 0)?;
    let day = if local.time() >= rollover {
        local.date().succ_opt()?
    } else {
        local.date()
    };
    (day >= ARCHIVE_START).then_some(day)
}

/// New York's offset from UTC at an instant, in hours: -4 in daylight saving time, else -5.
///
/// US rules in force since 2007 (the archive starts in 2023): daylight time runs from the
/// second Sunday of March at 02:00 local (07:00 UTC) to the first Sunday of November at 02:00
/// local (06:00 UTC). Written out rather than pulling in a time-zone database for one zone.
fn new_york_offset_hours(at: DateTime<Utc>) -> i64 {
    let year = at.year();
    let (Some(start), Some(end)) = (
        nth_sunday(year, 3, 2).and_then(|d| d.and_hms_opt(7, 0, 0)),
        nth_sunday(year, 11, 1).and_then(|d| d.and_hms_opt(6, 0, 0)),
    ) else {
        return -5;
    };
    let t = at.naive_utc();
    if t >= start && t < end { -4 } else { -5 }
}

fn nth_sunday(year: i32, month: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn rollover_in_winter_is_0230_utc() {
        assert_eq!(
            feed_day(utc(2026, 1, 15, 2, 29)).unwrap().to_string(),
            "2026-01-14"
        );
        assert_eq!(
            feed_day(utc(2026, 1, 15, 2, 30)).unwrap().to_string(),
            "2026-01-15"
        );
    }

    #[test]
    fn dst_edges_2026() {
        // DST starts 2026-03-08 07:00 UTC and ends 2026-11-01 06:00 UTC.
        assert_eq!(new_york_offset_hours(utc(2026, 3, 8, 6, 59)), -5);
        assert_eq!(new_york_offset_hours(utc(2026, 3, 8, 7, 0)), -4);
        assert_eq!(new_york_offset_hours(utc(2026, 11, 1, 5, 59)), -4);
        assert_eq!(new_york_offset_hours(utc(2026, 11, 1, 6, 0)), -5);
    }

    #[test]
    fn archive_start() {
        assert_eq!(feed_day(utc(2023, 5, 3, 12, 0)), None);
        assert_eq!(feed_day(utc(2023, 5, 4, 12, 0)), Some(ARCHIVE_START));
    }
}

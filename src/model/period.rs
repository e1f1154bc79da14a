use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which list a listing holds.
///
/// The URL a page was fetched from does not say (the site redirects bad, future and empty
/// dates to another period), so this is read from the page's own data. Serialized with a
/// `kind` tag: `{"kind": "day", "date": "2026-07-02"}`, `{"kind": "week", "week": "2026-W27"}`,
/// `{"kind": "month", "month": "2026-06"}`, `{"kind": "trending"}`,
/// `{"kind": "search", "query": "..."}`, `{"kind": "unspecified"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// One day's list.
    Day {
        /// The list's day.
        date: NaiveDate,
    },
    /// One ISO week's list.
    Week {
        /// The list's week.
        week: Week,
    },
    /// One month's list.
    Month {
        /// The list's month.
        month: Month,
    },
    /// The trending list.
    Trending,
    /// Search results.
    Search {
        /// The query, when the source carries it (API responses don't).
        query: Option<String>,
    },
    /// The source does not say: an `/api/daily_papers` array, for instance, which may span
    /// several days.
    Unspecified,
}

/// An ISO 8601 week, written `2026-W27`.
///
/// ```
/// use hf_papers::Week;
/// let week: Week = "2026-W27".parse().unwrap();
/// assert_eq!(week.to_string(), "2026-W27");
/// assert_eq!(week.first_day().to_string(), "2026-06-29");
/// assert_eq!(week.last_day().to_string(), "2026-07-05");
/// assert!("2025-W53".parse::<Week>().is_err()); // 2025 has 52 weeks
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Week {
    year: i32,
    week: u32,
}

impl Week {
    /// The week `week` (1-based) of ISO year `year`, if that year has such a week.
    pub fn new(year: i32, week: u32) -> Option<Week> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| Week { year, week })
    }

    /// The ISO week a day falls in (which may belong to the previous or next year).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    /// assert_eq!(hf_papers::Week::containing(day).to_string(), "2026-W53");
    /// ```
    pub fn containing(date: NaiveDate) -> Week {
        let iso = date.iso_week();
        Week {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// The ISO year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The week number, 1 to 53.
    pub fn week(&self) -> u32 {
        self.week
    }

    /// The Monday that starts the week.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
    }

    /// The Sunday that ends the week.
    pub fn last_day(&self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Sun).unwrap_or(NaiveDate::MIN)
    }

    /// Whether the week holds `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        Week::containing(date) == *self
    }
}

/// A calendar month, written `2026-06`.
///
/// ```
/// use hf_papers::Month;
/// let month: Month = "2024-02".parse().unwrap();
/// assert_eq!(month.last_day().to_string(), "2024-02-29");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// Month `month` (1 to 12) of `year`, for years 1 to 9999.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// The month a day falls in.
    pub fn containing(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month number, 1 to 12.
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The month's first day.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The month's last day.
    pub fn last_day(&self) -> NaiveDate {
        let (y, m) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MIN)
    }

    /// Whether the month holds `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        Month::containing(date) == *self
    }
}

/// Why a week or month string did not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} {input:?}: expected {expected}")]
pub struct PeriodParseError {
    what: &'static str,
    expected: &'static str,
    input: String,
}

impl PeriodParseError {
    fn new(what: &'static str, expected: &'static str, input: &str) -> Self {
        PeriodParseError {
            what,
            expected,
            input: input.chars().take(64).collect(),
        }
    }
}

/// Parses exactly `digits` ASCII digits.
fn fixed_digits(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl FromStr for Week {
    type Err = PeriodParseError;

    /// Parses `YYYY-Www` (the `W` in either case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodParseError::new("week", "an ISO week such as 2026-W27", s);
        let t = s.trim();
        let (year, week) = t.split_once(['-']).ok_or_else(err)?;
        let week = week.strip_prefix(['W', 'w']).ok_or_else(err)?;
        let year = fixed_digits(year, 4).ok_or_else(err)?;
        let week = fixed_digits(week, 2).ok_or_else(err)?;
        Week::new(year as i32, week).ok_or_else(err)
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for Month {
    type Err = PeriodParseError;

    /// Parses `YYYY-MM`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodParseError::new("month", "a month such as 2026-06", s);
        let (year, month) = s.trim().split_once('-').ok_or_else(err)?;
        let year = fixed_digits(year, 4).ok_or_else(err)?;
        let month = fixed_digits(month, 2).ok_or_else(err)?;
        Month::new(year as i32, month).ok_or_else(err)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

macro_rules! serde_via_string {
    ($($ty:ty),+) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )+};
}
serde_via_string!(Week, Month);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_53_exists_only_in_long_years() {
        assert!("2026-W53".parse::<Week>().is_ok());
        assert!("2020-W53".parse::<Week>().is_ok());
        assert!("2025-W53".parse::<Week>().is_err());
        assert!("2026-W00".parse::<Week>().is_err());
    }

    #[test]
    fn week_year_edges() {
        let w: Week = "2026-W01".parse().unwrap();
        assert_eq!(w.first_day().to_string(), "2025-12-29");
        let d = NaiveDate::from_ymd_opt(2025, 12, 29).unwrap();
        assert_eq!(Week::containing(d), w);
    }

    #[test]
    fn month_bounds() {
        let m: Month = "2026-12".parse().unwrap();
        assert_eq!(m.first_day().to_string(), "2026-12-01");
        assert_eq!(m.last_day().to_string(), "2026-12-31");
        assert!("2026-13".parse::<Month>().is_err());
        assert!("26-01".parse::<Month>().is_err());
    }

    #[test]
    fn period_serializes_with_kind_tag() {
        let p = Period::Week {
            week: "2026-W27".parse().unwrap(),
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"kind":"week","week":"2026-W27"}"#);
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
    }
}

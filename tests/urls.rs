//! The URL builders of `hf_papers::urls`: exact outputs, and properties over arbitrary input
//! (query strings round-trip through a URL parser, periods parse back from their page URL,
//! `DailyPapersRequest` puts exactly its settings in the query).

use chrono::{Datelike, NaiveDate};
use hf_papers::urls::{self, DailyPapersRequest, Sort};
use hf_papers::{ArxivId, Month, Period, Week};
use proptest::prelude::*;
use url::Url;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a valid date")
}

fn id(s: &str) -> ArxivId {
    ArxivId::parse(s).expect("a valid arXiv id")
}

fn week(s: &str) -> Week {
    s.parse().expect("a valid week")
}

fn month(s: &str) -> Month {
    s.parse().expect("a valid month")
}

#[test]
fn every_builder_gives_its_exact_url() {
    let v2 = id("2503.02130v2");
    let old = id("math.GT/0309136v1");
    let cases: Vec<(String, &str)> = vec![
        // Pages.
        (
            urls::day(date("2026-07-02")),
            "https://huggingface.co/papers/date/2026-07-02",
        ),
        (
            urls::day(date("2023-05-04")),
            "https://huggingface.co/papers/date/2023-05-04",
        ),
        (
            urls::week(week("2026-W27")),
            "https://huggingface.co/papers/week/2026-W27",
        ),
        (
            urls::week(week("2026-W01")),
            "https://huggingface.co/papers/week/2026-W01",
        ),
        (
            urls::month(month("2026-06")),
            "https://huggingface.co/papers/month/2026-06",
        ),
        (urls::trending(), "https://huggingface.co/papers/trending"),
        (
            urls::search("sparse attention"),
            "https://huggingface.co/papers?q=sparse+attention",
        ),
        (urls::search(""), "https://huggingface.co/papers?q="),
        (
            urls::search("a&b=c"),
            "https://huggingface.co/papers?q=a%26b%3Dc",
        ),
        (
            urls::search("C# + C++"),
            "https://huggingface.co/papers?q=C%23+%2B+C%2B%2B",
        ),
        (
            urls::search("100% sûr/?"),
            "https://huggingface.co/papers?q=100%25+s%C3%BBr%2F%3F",
        ),
        (
            urls::search("注意力"),
            "https://huggingface.co/papers?q=%E6%B3%A8%E6%84%8F%E5%8A%9B",
        ),
        (
            urls::search(" padded "),
            "https://huggingface.co/papers?q=+padded+",
        ),
        (urls::paper(&v2), "https://huggingface.co/papers/2503.02130"),
        (
            urls::paper(&id("1412.6980")),
            "https://huggingface.co/papers/1412.6980",
        ),
        (
            urls::paper(&old),
            "https://huggingface.co/papers/math/0309136",
        ),
        (
            urls::paper_markdown(&v2),
            "https://huggingface.co/papers/2503.02130.md",
        ),
        (
            urls::paper_community(&v2),
            "https://huggingface.co/papers/2503.02130#community",
        ),
        // API.
        (
            urls::api_paper(&v2),
            "https://huggingface.co/api/papers/2503.02130",
        ),
        (
            urls::api_search("sparse attention"),
            "https://huggingface.co/api/papers/search?q=sparse+attention",
        ),
        (
            urls::api_search("a&b#c+d"),
            "https://huggingface.co/api/papers/search?q=a%26b%23c%2Bd",
        ),
        (
            urls::api_linked_repos(&v2),
            "https://huggingface.co/api/arxiv/2503.02130/repos",
        ),
        (
            DailyPapersRequest::new().url(),
            "https://huggingface.co/api/daily_papers",
        ),
        (
            DailyPapersRequest::default().url(),
            "https://huggingface.co/api/daily_papers",
        ),
        (
            DailyPapersRequest::new().date(date("2026-07-02")).url(),
            "https://huggingface.co/api/daily_papers?date=2026-07-02",
        ),
        (
            DailyPapersRequest::new().week(week("2026-W27")).url(),
            "https://huggingface.co/api/daily_papers?week=2026-W27",
        ),
        (
            DailyPapersRequest::new().month(month("2026-06")).url(),
            "https://huggingface.co/api/daily_papers?month=2026-06",
        ),
        (
            DailyPapersRequest::new().submitter("akhaliq").url(),
            "https://huggingface.co/api/daily_papers?submitter=akhaliq",
        ),
        (
            DailyPapersRequest::new().submitter("a b&c").url(),
            "https://huggingface.co/api/daily_papers?submitter=a+b%26c",
        ),
        (
            DailyPapersRequest::new().sort(Sort::PublishedAt).url(),
            "https://huggingface.co/api/daily_papers?sort=publishedAt",
        ),
        (
            DailyPapersRequest::new().sort(Sort::Trending).url(),
            "https://huggingface.co/api/daily_papers?sort=trending",
        ),
        (
            DailyPapersRequest::new().page(0).url(),
            "https://huggingface.co/api/daily_papers?p=0",
        ),
        (
            DailyPapersRequest::new().page(u32::MAX).url(),
            "https://huggingface.co/api/daily_papers?p=4294967295",
        ),
        (
            DailyPapersRequest::new().limit(25).url(),
            "https://huggingface.co/api/daily_papers?limit=25",
        ),
        (
            DailyPapersRequest::new().limit(0).url(),
            "https://huggingface.co/api/daily_papers?limit=1",
        ),
        (
            DailyPapersRequest::new().limit(1).url(),
            "https://huggingface.co/api/daily_papers?limit=1",
        ),
        (
            DailyPapersRequest::new().limit(100).url(),
            "https://huggingface.co/api/daily_papers?limit=100",
        ),
        (
            DailyPapersRequest::new().limit(101).url(),
            "https://huggingface.co/api/daily_papers?limit=100",
        ),
        (
            DailyPapersRequest::new().limit(u32::MAX).url(),
            "https://huggingface.co/api/daily_papers?limit=100",
        ),
        // Setters in any order: the URL keeps the documented order; the last period wins.
        (
            DailyPapersRequest::new()
                .limit(10)
                .page(2)
                .sort(Sort::Trending)
                .submitter("akhaliq")
                .month(month("2026-06"))
                .date(date("2026-07-02"))
                .url(),
            "https://huggingface.co/api/daily_papers?date=2026-07-02&submitter=akhaliq&sort=trending&p=2&limit=10",
        ),
        (
            DailyPapersRequest::new()
                .date(date("2026-07-02"))
                .week(week("2026-W27"))
                .limit(5)
                .limit(500)
                .url(),
            "https://huggingface.co/api/daily_papers?week=2026-W27&limit=100",
        ),
        // arXiv side, on ArxivId.
        (v2.html_url(), "https://arxiv.org/html/2503.02130v2"),
        (
            id("2503.02130").html_url(),
            "https://arxiv.org/html/2503.02130",
        ),
    ];
    for (got, want) in &cases {
        assert_eq!(got, want);
        Url::parse(got).expect("every builder gives a valid URL");
    }
}

#[test]
fn period_url_gives_the_page_or_none() {
    let cases = [
        (
            Period::Day {
                date: date("2026-07-02"),
            },
            Some("https://huggingface.co/papers/date/2026-07-02"),
        ),
        (
            Period::Week {
                week: week("2026-W27"),
            },
            Some("https://huggingface.co/papers/week/2026-W27"),
        ),
        (
            Period::Month {
                month: month("2026-06"),
            },
            Some("https://huggingface.co/papers/month/2026-06"),
        ),
        (
            Period::Trending,
            Some("https://huggingface.co/papers/trending"),
        ),
        (
            Period::Search {
                query: Some("sparse attention".to_owned()),
            },
            Some("https://huggingface.co/papers?q=sparse+attention"),
        ),
        (Period::Search { query: None }, None),
        (Period::Unspecified, None),
    ];
    for (period, want) in cases {
        assert_eq!(period.url().as_deref(), want, "{period:?}");
    }
}

#[test]
fn paper_urls_agree_with_arxiv_id() {
    let v3 = id("https://arxiv.org/abs/2503.02130v3");
    assert_eq!(urls::paper(&v3), v3.hf_url());
    // Page links found on the site parse back with `ArxivId::parse`.
    for url in [urls::paper(&v3), urls::paper_community(&v3)] {
        assert_eq!(ArxivId::parse(&url), Ok(v3.without_version()), "{url}");
    }
}

#[test]
fn sort_wire_values() {
    assert_eq!(Sort::PublishedAt.as_str(), "publishedAt");
    assert_eq!(Sort::Trending.as_str(), "trending");
}

#[test]
fn limit_bounds_are_the_api_s() {
    assert_eq!(DailyPapersRequest::MIN_LIMIT, 1);
    assert_eq!(DailyPapersRequest::MAX_LIMIT, 100);
}

#[test]
fn url_types_are_send_sync() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<DailyPapersRequest>();
    check::<Sort>();
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// Every day chrono can represent.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).expect("within chrono's range"))
}

/// Weeks that `Week`'s `FromStr` reads (four-digit years).
fn any_week() -> impl Strategy<Value = Week> {
    (0i32..=9999, 1u32..=53).prop_map(|(year, w)| {
        Week::new(year, w)
            .or_else(|| Week::new(year, 52))
            .expect("every year has 52 weeks")
    })
}

/// Months that `Month` holds (years 1 to 9999).
fn any_month() -> impl Strategy<Value = Month> {
    (1i32..=9999, 1u32..=12)
        .prop_map(|(year, m)| Month::new(year, m).expect("a valid year and month"))
}

/// Query text: arbitrary Unicode, and text dense in characters that need encoding.
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9&#+=%?/;:,.!~*'()\\[\\]@$\\\\\"<>{}|^`\\t\\n\\r\\x00é注\u{1F600}-]{0,40}",
    ]
}

fn new_style_id() -> impl Strategy<Value = ArxivId> {
    (
        7u16..=99,
        1u16..=12,
        1u32..=99_999,
        proptest::option::of(1u32..=20),
    )
        .prop_filter_map("new-style ids start in 0704", |(yy, mm, n, version)| {
            let yymm = yy * 100 + mm;
            let number = if yymm <= 1412 {
                format!("{:04}", n % 9_999 + 1)
            } else {
                format!("{n:05}")
            };
            let version = version.map(|v| format!("v{v}")).unwrap_or_default();
            ArxivId::parse(&format!("{yymm:04}.{number}{version}")).ok()
        })
}

#[derive(Clone, Debug)]
enum Setting {
    Date(NaiveDate),
    Week(Week),
    Month(Month),
    Submitter(String),
    Sort(Sort),
    Page(u32),
    Limit(u32),
}

fn any_setting() -> impl Strategy<Value = Setting> {
    prop_oneof![
        any_date().prop_map(Setting::Date),
        any_week().prop_map(Setting::Week),
        any_month().prop_map(Setting::Month),
        any_query().prop_map(Setting::Submitter),
        prop_oneof![Just(Sort::PublishedAt), Just(Sort::Trending)].prop_map(Setting::Sort),
        any::<u32>().prop_map(Setting::Page),
        prop_oneof![0u32..=120, any::<u32>()].prop_map(Setting::Limit),
    ]
}

/// The pairs of a URL's query, decoded, in order.
fn decoded_pairs(url: &Url) -> Vec<(String, String)> {
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn last_segment(url: &str) -> String {
    let parsed = Url::parse(url).expect("a valid URL");
    parsed
        .path_segments()
        .and_then(|mut segments| segments.next_back())
        .expect("a path with segments")
        .to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn search_query_round_trips(q in any_query()) {
        for (built, path) in [(urls::search(&q), "/papers"), (urls::api_search(&q), "/api/papers/search")] {
            let url = Url::parse(&built).expect("search URLs parse");
            prop_assert_eq!(url.scheme(), "https");
            prop_assert_eq!(url.host_str(), Some("huggingface.co"));
            prop_assert_eq!(url.path(), path);
            prop_assert_eq!(url.fragment(), None);
            prop_assert_eq!(decoded_pairs(&url), vec![("q".to_owned(), q.clone())]);
        }
        let period = Period::Search { query: Some(q.clone()) };
        prop_assert_eq!(period.url(), Some(urls::search(&q)));
    }

    #[test]
    fn day_url_parses_back(d in any_date()) {
        let built = urls::day(d);
        prop_assert!(built.starts_with("https://huggingface.co/papers/date/"));
        let back: NaiveDate = last_segment(&built).parse().expect("the segment is a date");
        prop_assert_eq!(back, d);
        prop_assert_eq!(Period::Day { date: d }.url(), Some(built));
    }

    #[test]
    fn week_url_parses_back(w in any_week()) {
        let built = urls::week(w);
        prop_assert!(built.starts_with("https://huggingface.co/papers/week/"));
        let back: Week = last_segment(&built).parse().expect("the segment is a week");
        prop_assert_eq!(back, w);
        prop_assert_eq!(Period::Week { week: w }.url(), Some(built));
    }

    #[test]
    fn month_url_parses_back(m in any_month()) {
        let built = urls::month(m);
        prop_assert!(built.starts_with("https://huggingface.co/papers/month/"));
        let back: Month = last_segment(&built).parse().expect("the segment is a month");
        prop_assert_eq!(back, m);
        prop_assert_eq!(Period::Month { month: m }.url(), Some(built));
    }

    #[test]
    fn week_urls_never_panic(year in any::<i32>(), w in any::<u32>()) {
        if let Some(w) = Week::new(year, w) {
            Url::parse(&urls::week(w)).expect("week URLs parse");
            Url::parse(&DailyPapersRequest::new().week(w).url()).expect("request URLs parse");
        }
    }

    #[test]
    fn paper_urls_carry_the_unversioned_id(paper_id in new_style_id()) {
        let bare = paper_id.without_version();
        let page = urls::paper(&paper_id);
        prop_assert_eq!(&page, &format!("https://huggingface.co/papers/{bare}"));
        prop_assert_eq!(urls::paper_markdown(&paper_id), format!("{page}.md"));
        prop_assert_eq!(urls::paper_community(&paper_id), format!("{page}#community"));
        prop_assert_eq!(urls::api_paper(&paper_id), format!("https://huggingface.co/api/papers/{bare}"));
        prop_assert_eq!(
            urls::api_linked_repos(&paper_id),
            format!("https://huggingface.co/api/arxiv/{bare}/repos")
        );
        let back = ArxivId::parse(&last_segment(&page)).expect("the segment is an id");
        prop_assert_eq!(back, bare);
        prop_assert_eq!(paper_id.html_url(), format!("https://arxiv.org/html/{paper_id}"));
    }

    #[test]
    fn daily_papers_query_matches_settings(settings in proptest::collection::vec(any_setting(), 0..8)) {
        let mut request = DailyPapersRequest::new();
        let (mut period, mut submitter, mut sort, mut page, mut limit) = (None, None, None, None, None);
        for setting in &settings {
            request = match setting.clone() {
                Setting::Date(d) => {
                    period = Some(("date", d.to_string()));
                    request.date(d)
                }
                Setting::Week(w) => {
                    period = Some(("week", w.to_string()));
                    request.week(w)
                }
                Setting::Month(m) => {
                    period = Some(("month", m.to_string()));
                    request.month(m)
                }
                Setting::Submitter(s) => {
                    submitter = Some(s.clone());
                    request.submitter(&s)
                }
                Setting::Sort(s) => {
                    sort = Some(s.as_str());
                    request.sort(s)
                }
                Setting::Page(p) => {
                    page = Some(p);
                    request.page(p)
                }
                Setting::Limit(l) => {
                    limit = Some(l.clamp(1, 100));
                    request.limit(l)
                }
            };
        }
        let mut expected: Vec<(String, String)> = Vec::new();
        if let Some((name, value)) = period {
            expected.push((name.to_owned(), value));
        }
        if let Some(s) = submitter {
            expected.push(("submitter".to_owned(), s));
        }
        if let Some(s) = sort {
            expected.push(("sort".to_owned(), s.to_owned()));
        }
        if let Some(p) = page {
            expected.push(("p".to_owned(), p.to_string()));
        }
        if let Some(l) = limit {
            expected.push(("limit".to_owned(), l.to_string()));
        }

        let built = request.url();
        let url = Url::parse(&built).expect("request URLs parse");
        prop_assert_eq!(url.host_str(), Some("huggingface.co"));
        prop_assert_eq!(url.path(), "/api/daily_papers");
        prop_assert_eq!(url.fragment(), None);
        prop_assert_eq!(url.query().is_none(), expected.is_empty());
        let pairs = decoded_pairs(&url);
        if let Some((_, l)) = pairs.iter().find(|(name, _)| name == "limit") {
            let l: u32 = l.parse().expect("limit is a number");
            prop_assert!((1..=100).contains(&l));
        }
        prop_assert_eq!(pairs, expected);
        prop_assert_eq!(request.clone(), request);
    }
}

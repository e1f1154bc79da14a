//! URLs of the site's pages and API endpoints.
//!
//! This crate does no I/O. These builders are for users who fetch pages and API responses
//! themselves and then hand the text to [`Listing`](crate::Listing),
//! [`PaperPage`](crate::PaperPage) or [`parse`](crate::parse). Every builder returns an
//! absolute `https://huggingface.co/...` URL as a `String`; query strings are encoded with the
//! [`url`] crate's `application/x-www-form-urlencoded` serializer, so any query text (`&`, `#`,
//! `+`, non-ASCII) round-trips.
//!
//! | builder | gives |
//! |---|---|
//! | [`day`]`(date)` | `https://huggingface.co/papers/date/2026-07-02` |
//! | [`week`]`(week)` | `https://huggingface.co/papers/week/2026-W27` |
//! | [`month`]`(month)` | `https://huggingface.co/papers/month/2026-06` |
//! | [`trending`]`()` | `https://huggingface.co/papers/trending` |
//! | [`search`]`("sparse attention")` | `https://huggingface.co/papers?q=sparse+attention` |
//! | [`paper`]`(&id)` | `https://huggingface.co/papers/2503.02130` |
//! | [`paper_markdown`]`(&id)` | `https://huggingface.co/papers/2503.02130.md` |
//! | [`paper_community`]`(&id)` | `https://huggingface.co/papers/2503.02130#community` |
//! | [`Period::url`] | the page of a [`Period`], when it has one |
//! | [`DailyPapersRequest`] | `https://huggingface.co/api/daily_papers?date=2026-07-02&limit=10` |
//! | [`api_paper`]`(&id)` | `https://huggingface.co/api/papers/2503.02130` |
//! | [`api_search`]`("sparse attention")` | `https://huggingface.co/api/papers/search?q=sparse+attention` |
//! | [`api_linked_repos`]`(&id)` | `https://huggingface.co/api/arxiv/2503.02130/repos` |
//!
//! Paper URLs use the unversioned id: the site has one page per paper, whatever its version.
//! The arXiv side is on [`ArxivId`] itself: [`ArxivId::abs_url`], [`ArxivId::pdf_url`],
//! [`ArxivId::html_url`] (and [`ArxivId::hf_url`], the same as [`paper`]).
//!
//! The site redirects bad, future and empty dates to another period, so the URL a page was
//! fetched from does not tell which list it holds: the parsed [`Listing`](crate::Listing)
//! says. To make a link found on a page (`/papers/2503.02130`, `/avatars/x.svg`) absolute,
//! use [`absolute_url`](crate::absolute_url).
//!
//! ```
//! use chrono::NaiveDate;
//! use hf_papers::ArxivId;
//! use hf_papers::urls::{self, DailyPapersRequest, Sort};
//!
//! let day = NaiveDate::from_ymd_opt(2026, 7, 2).expect("a valid date");
//! assert_eq!(urls::day(day), "https://huggingface.co/papers/date/2026-07-02");
//!
//! let id = ArxivId::parse("https://arxiv.org/abs/2503.02130v2")?;
//! assert_eq!(urls::paper(&id), "https://huggingface.co/papers/2503.02130");
//!
//! let request = DailyPapersRequest::new().date(day).sort(Sort::Trending).limit(10);
//! assert_eq!(
//!     request.url(),
//!     "https://huggingface.co/api/daily_papers?date=2026-07-02&sort=trending&limit=10"
//! );
//! # Ok::<(), hf_papers::ArxivIdError>(())
//! ```

use chrono::NaiveDate;
use url::form_urlencoded;

use crate::{ArxivId, Month, Period, SITE, Week};

/// Encodes `pairs` as an `application/x-www-form-urlencoded` query string.
fn query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The page of one day's list: `https://huggingface.co/papers/date/YYYY-MM-DD`.
///
/// (Older pages used `/papers?date=YYYY-MM-DD`; the site now serves this form.)
///
/// ```
/// use chrono::NaiveDate;
/// let date = NaiveDate::from_ymd_opt(2026, 7, 2).expect("a valid date");
/// assert_eq!(hf_papers::urls::day(date), "https://huggingface.co/papers/date/2026-07-02");
/// ```
#[must_use]
pub fn day(date: NaiveDate) -> String {
    format!("{SITE}/papers/date/{date}")
}

/// The page of one ISO week's list: `https://huggingface.co/papers/week/YYYY-Www`.
///
/// ```
/// use hf_papers::Week;
/// let week = Week::new(2026, 27).expect("a valid week");
/// assert_eq!(hf_papers::urls::week(week), "https://huggingface.co/papers/week/2026-W27");
/// ```
#[must_use]
pub fn week(week: Week) -> String {
    format!("{SITE}/papers/week/{week}")
}

/// The page of one month's list: `https://huggingface.co/papers/month/YYYY-MM`.
///
/// ```
/// use hf_papers::Month;
/// let month = Month::new(2026, 6).expect("a valid month");
/// assert_eq!(hf_papers::urls::month(month), "https://huggingface.co/papers/month/2026-06");
/// ```
#[must_use]
pub fn month(month: Month) -> String {
    format!("{SITE}/papers/month/{month}")
}

/// The trending page: `https://huggingface.co/papers/trending`.
///
/// ```
/// assert_eq!(hf_papers::urls::trending(), "https://huggingface.co/papers/trending");
/// ```
#[must_use]
pub fn trending() -> String {
    format!("{SITE}/papers/trending")
}

/// The search page for `query`: `https://huggingface.co/papers?q=...`.
///
/// The query is form-encoded as given (not trimmed): spaces become `+`, and `&`, `#`, `+`,
/// `=` and non-ASCII text are percent-encoded.
///
/// ```
/// use hf_papers::urls::search;
/// assert_eq!(search("sparse attention"), "https://huggingface.co/papers?q=sparse+attention");
/// assert_eq!(search("R&D #1 + é"), "https://huggingface.co/papers?q=R%26D+%231+%2B+%C3%A9");
/// ```
#[must_use]
pub fn search(query_text: &str) -> String {
    format!("{SITE}/papers?{}", query([("q", query_text)]))
}

/// A paper's page: `https://huggingface.co/papers/<id>`, with the unversioned id.
///
/// The same as [`ArxivId::hf_url`]. (The site indexes new-style ids only; for an old-style
/// id such as `hep-th/9901001` the URL is built the same way but the page is unlikely to
/// exist.)
///
/// ```
/// use hf_papers::ArxivId;
/// let id = ArxivId::parse("2503.02130v2")?;
/// assert_eq!(hf_papers::urls::paper(&id), "https://huggingface.co/papers/2503.02130");
/// # Ok::<(), hf_papers::ArxivIdError>(())
/// ```
#[must_use]
pub fn paper(id: &ArxivId) -> String {
    id.hf_url()
}

/// The markdown rendering of a paper's page: `https://huggingface.co/papers/<id>.md`.
///
/// The site serves a markdown rendering of the paper's page at this address, for text tools
/// and language models. It carries no hydration data: for records, fetch [`paper`] or
/// [`api_paper`] instead.
///
/// ```
/// use hf_papers::ArxivId;
/// let id = ArxivId::parse("2503.02130")?;
/// assert_eq!(
///     hf_papers::urls::paper_markdown(&id),
///     "https://huggingface.co/papers/2503.02130.md"
/// );
/// # Ok::<(), hf_papers::ArxivIdError>(())
/// ```
#[must_use]
pub fn paper_markdown(id: &ArxivId) -> String {
    format!("{SITE}/papers/{}.md", id.without_version())
}

/// The discussion section of a paper's page: `https://huggingface.co/papers/<id>#community`.
///
/// The fragment is not sent to the server: fetching this URL fetches the paper page.
///
/// ```
/// use hf_papers::ArxivId;
/// let id = ArxivId::parse("2503.02130")?;
/// assert_eq!(
///     hf_papers::urls::paper_community(&id),
///     "https://huggingface.co/papers/2503.02130#community"
/// );
/// # Ok::<(), hf_papers::ArxivIdError>(())
/// ```
#[must_use]
pub fn paper_community(id: &ArxivId) -> String {
    format!("{SITE}/papers/{}#community", id.without_version())
}

impl Period {
    /// The page that lists this period, if it has one.
    ///
    /// [`Day`](Period::Day), [`Week`](Period::Week), [`Month`](Period::Month),
    /// [`Trending`](Period::Trending) and a [`Search`](Period::Search) with a query give
    /// their page (see [`urls`](crate::urls)); a search without a query and
    /// [`Unspecified`](Period::Unspecified) give `None`.
    ///
    /// ```
    /// use hf_papers::Period;
    ///
    /// let week = Period::Week { week: "2026-W27".parse().expect("a valid week") };
    /// assert_eq!(week.url().as_deref(), Some("https://huggingface.co/papers/week/2026-W27"));
    /// let found = Period::Search { query: Some("sparse attention".into()) };
    /// assert_eq!(found.url().as_deref(), Some("https://huggingface.co/papers?q=sparse+attention"));
    /// assert_eq!(Period::Search { query: None }.url(), None);
    /// assert_eq!(Period::Unspecified.url(), None);
    /// ```
    #[must_use]
    pub fn url(&self) -> Option<String> {
        match self {
            Period::Day { date } => Some(day(*date)),
            Period::Week { week: w } => Some(week(*w)),
            Period::Month { month: m } => Some(month(*m)),
            Period::Trending => Some(trending()),
            Period::Search { query: Some(q) } => Some(search(q)),
            Period::Search { query: None } | Period::Unspecified => None,
        }
    }
}

/// The API's paper object: `https://huggingface.co/api/papers/<id>`, with the unversioned id.
///
/// Parse the response with [`PaperPage::from_api_json`](crate::PaperPage::from_api_json) or
/// [`Paper::from_api_json`](crate::Paper::from_api_json).
///
/// ```
/// use hf_papers::ArxivId;
/// let id = ArxivId::parse("2503.02130v3")?;
/// assert_eq!(hf_papers::urls::api_paper(&id), "https://huggingface.co/api/papers/2503.02130");
/// # Ok::<(), hf_papers::ArxivIdError>(())
/// ```
#[must_use]
pub fn api_paper(id: &ArxivId) -> String {
    format!("{SITE}/api/papers/{}", id.without_version())
}

/// The API's search: `https://huggingface.co/api/papers/search?q=...`.
///
/// The query is form-encoded as given, as in [`search`]. Parse the response with
/// [`Listing::from_api_json`](crate::Listing::from_api_json).
///
/// ```
/// assert_eq!(
///     hf_papers::urls::api_search("sparse attention"),
///     "https://huggingface.co/api/papers/search?q=sparse+attention"
/// );
/// ```
#[must_use]
pub fn api_search(query_text: &str) -> String {
    format!("{SITE}/api/papers/search?{}", query([("q", query_text)]))
}

/// The API's models, datasets and Spaces that cite a paper:
/// `https://huggingface.co/api/arxiv/<id>/repos`, with the unversioned id.
///
/// ```
/// use hf_papers::ArxivId;
/// let id = ArxivId::parse("2503.02130")?;
/// assert_eq!(
///     hf_papers::urls::api_linked_repos(&id),
///     "https://huggingface.co/api/arxiv/2503.02130/repos"
/// );
/// # Ok::<(), hf_papers::ArxivIdError>(())
/// ```
#[must_use]
pub fn api_linked_repos(id: &ArxivId) -> String {
    format!("{SITE}/api/arxiv/{}/repos", id.without_version())
}

/// The order of [`DailyPapersRequest`] results (the API's `sort` parameter).
///
/// ```
/// use hf_papers::urls::Sort;
/// assert_eq!(Sort::PublishedAt.as_str(), "publishedAt");
/// assert_eq!(Sort::Trending.as_str(), "trending");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Sort {
    /// By date (`publishedAt`).
    PublishedAt,
    /// By trending score (`trending`).
    Trending,
}

impl Sort {
    /// The value the API takes: `publishedAt` or `trending`.
    ///
    /// ```
    /// assert_eq!(hf_papers::urls::Sort::Trending.as_str(), "trending");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Sort::PublishedAt => "publishedAt",
            Sort::Trending => "trending",
        }
    }
}

/// The period a [`DailyPapersRequest`] asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RequestPeriod {
    Date(NaiveDate),
    Week(Week),
    Month(Month),
}

/// A request to `GET https://huggingface.co/api/daily_papers`, which answers with a bare
/// array of list entries (parse it with [`Listing::from_api_json`](crate::Listing::from_api_json)).
///
/// Each setter consumes and returns the builder. Parameters appear in [`url`](Self::url) only
/// when set, always in this order:
///
/// | setter | parameter |
/// |---|---|
/// | [`date`](Self::date), [`week`](Self::week) or [`month`](Self::month) (at most one) | `date=2026-07-02`, `week=2026-W27` or `month=2026-06` |
/// | [`submitter`](Self::submitter) | `submitter=<username>` |
/// | [`sort`](Self::sort) | `sort=publishedAt` or `sort=trending` |
/// | [`page`](Self::page) | `p=<page>` (0-based) |
/// | [`limit`](Self::limit) | `limit=<1 to 100>` |
///
/// The API's own defaults apply to what is not set (the latest list, 50 entries per page).
///
/// ```
/// use chrono::NaiveDate;
/// use hf_papers::Week;
/// use hf_papers::urls::{DailyPapersRequest, Sort};
///
/// assert_eq!(DailyPapersRequest::new().url(), "https://huggingface.co/api/daily_papers");
///
/// let request = DailyPapersRequest::new()
///     .limit(500) // clamped to 100
///     .page(2)
///     .sort(Sort::PublishedAt)
///     .submitter("akhaliq")
///     .date(NaiveDate::from_ymd_opt(2026, 7, 2).expect("a valid date"))
///     .week(Week::new(2026, 27).expect("a valid week")); // replaces the date
/// assert_eq!(
///     request.url(),
///     "https://huggingface.co/api/daily_papers\
///      ?week=2026-W27&submitter=akhaliq&sort=publishedAt&p=2&limit=100"
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct DailyPapersRequest {
    period: Option<RequestPeriod>,
    submitter: Option<String>,
    sort: Option<Sort>,
    page: Option<u32>,
    limit: Option<u32>,
}

impl DailyPapersRequest {
    /// The smallest `limit` the API accepts.
    pub const MIN_LIMIT: u32 = 1;
    /// The largest `limit` the API accepts.
    pub const MAX_LIMIT: u32 = 100;

    /// A request with no parameters: the API's latest list, first page, default limit.
    ///
    /// ```
    /// use hf_papers::urls::DailyPapersRequest;
    /// assert_eq!(DailyPapersRequest::new(), DailyPapersRequest::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for one day's list (`date=YYYY-MM-DD`), replacing any week or month.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hf_papers::urls::DailyPapersRequest;
    /// let date = NaiveDate::from_ymd_opt(2026, 7, 2).expect("a valid date");
    /// assert_eq!(
    ///     DailyPapersRequest::new().date(date).url(),
    ///     "https://huggingface.co/api/daily_papers?date=2026-07-02"
    /// );
    /// ```
    pub fn date(mut self, date: NaiveDate) -> Self {
        self.period = Some(RequestPeriod::Date(date));
        self
    }

    /// Asks for one ISO week's list (`week=YYYY-Www`), replacing any date or month.
    ///
    /// ```
    /// use hf_papers::Week;
    /// use hf_papers::urls::DailyPapersRequest;
    /// let week = Week::new(2026, 27).expect("a valid week");
    /// assert_eq!(
    ///     DailyPapersRequest::new().week(week).url(),
    ///     "https://huggingface.co/api/daily_papers?week=2026-W27"
    /// );
    /// ```
    pub fn week(mut self, week: Week) -> Self {
        self.period = Some(RequestPeriod::Week(week));
        self
    }

    /// Asks for one month's list (`month=YYYY-MM`), replacing any date or week.
    ///
    /// ```
    /// use hf_papers::Month;
    /// use hf_papers::urls::DailyPapersRequest;
    /// let month = Month::new(2026, 6).expect("a valid month");
    /// assert_eq!(
    ///     DailyPapersRequest::new().month(month).url(),
    ///     "https://huggingface.co/api/daily_papers?month=2026-06"
    /// );
    /// ```
    pub fn month(mut self, month: Month) -> Self {
        self.period = Some(RequestPeriod::Month(month));
        self
    }

    /// Keeps only papers submitted by this user (`submitter=<username>`), form-encoded as
    /// given.
    ///
    /// ```
    /// use hf_papers::urls::DailyPapersRequest;
    /// assert_eq!(
    ///     DailyPapersRequest::new().submitter("akhaliq").url(),
    ///     "https://huggingface.co/api/daily_papers?submitter=akhaliq"
    /// );
    /// ```
    pub fn submitter(mut self, username: &str) -> Self {
        self.submitter = Some(username.to_owned());
        self
    }

    /// Sets the order (`sort=publishedAt` or `sort=trending`).
    ///
    /// ```
    /// use hf_papers::urls::{DailyPapersRequest, Sort};
    /// assert_eq!(
    ///     DailyPapersRequest::new().sort(Sort::Trending).url(),
    ///     "https://huggingface.co/api/daily_papers?sort=trending"
    /// );
    /// ```
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// Asks for one page of results (`p=<page>`); pages are 0-based.
    ///
    /// ```
    /// use hf_papers::urls::DailyPapersRequest;
    /// assert_eq!(
    ///     DailyPapersRequest::new().page(0).url(),
    ///     "https://huggingface.co/api/daily_papers?p=0"
    /// );
    /// ```
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets how many entries a page holds (`limit=<n>`).
    ///
    /// The API accepts 1 to 100 ([`MIN_LIMIT`](Self::MIN_LIMIT) to
    /// [`MAX_LIMIT`](Self::MAX_LIMIT)); `limit` is clamped into that range, so `0` asks for 1
    /// and `500` for 100. Without a limit the API sends 50.
    ///
    /// ```
    /// use hf_papers::urls::DailyPapersRequest;
    /// assert_eq!(DailyPapersRequest::new().limit(20).url(), "https://huggingface.co/api/daily_papers?limit=20");
    /// assert_eq!(DailyPapersRequest::new().limit(0).url(), "https://huggingface.co/api/daily_papers?limit=1");
    /// assert_eq!(DailyPapersRequest::new().limit(500).url(), "https://huggingface.co/api/daily_papers?limit=100");
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit.clamp(Self::MIN_LIMIT, Self::MAX_LIMIT));
        self
    }

    /// The request's URL, with the set parameters in the order given on
    /// [`DailyPapersRequest`].
    ///
    /// ```
    /// use hf_papers::urls::DailyPapersRequest;
    /// assert_eq!(
    ///     DailyPapersRequest::new().limit(10).page(3).url(),
    ///     "https://huggingface.co/api/daily_papers?p=3&limit=10"
    /// );
    /// ```
    #[must_use]
    pub fn url(&self) -> String {
        let period = self.period.map(|period| match period {
            RequestPeriod::Date(date) => ("date", date.to_string()),
            RequestPeriod::Week(week) => ("week", week.to_string()),
            RequestPeriod::Month(month) => ("month", month.to_string()),
        });
        let page = self.page.map(|page| page.to_string());
        let limit = self.limit.map(|limit| limit.to_string());
        let pairs = [
            period.as_ref().map(|(name, value)| (*name, value.as_str())),
            self.submitter.as_deref().map(|name| ("submitter", name)),
            self.sort.map(|sort| ("sort", sort.as_str())),
            page.as_deref().map(|page| ("p", page)),
            limit.as_deref().map(|limit| ("limit", limit)),
        ];
        let encoded = query(pairs.into_iter().flatten());
        if encoded.is_empty() {
            format!("{SITE}/api/daily_papers")
        } else {
            format!("{SITE}/api/daily_papers?{encoded}")
        }
    }
}

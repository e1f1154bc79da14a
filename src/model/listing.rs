use serde::{Deserialize, Serialize};

use super::{Paper, Period, UnidentifiedPaper};
use crate::Warning;

/// A list of papers: a day, week, month, trending or search page, or an API response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Listing {
    /// Which list this is, read from the page's own data.
    pub period: Period,
    /// The papers, in the source's order.
    pub papers: Vec<Paper>,
    /// Papers of a text capture that has no link to them, so no arXiv id: kept with what the
    /// text shows instead of being lost. Always empty for other sources.
    pub unidentified: Vec<UnidentifiedPaper>,
    /// Which extractor produced the papers.
    pub source: Source,
    /// The page's `<link rel="canonical">` in its head, when it has one (one after the
    /// `<body>` tag does not count: HTML allows it only in the head, and search engines ignore
    /// it in the body).
    pub canonical_url: Option<String>,
    /// The date as a text capture shows it (such as `Mar 14`), kept as written because a
    /// capture rarely says the year. Only text and markdown captures set it.
    pub date_text: Option<String>,
    /// The list before this one, as the page links it (`prevDate`): the previous day, week
    /// or month with data (weekends can be skipped).
    pub prev_period: Option<Period>,
    /// What was odd in the input and how it was handled: a wrong-typed field read as missing,
    /// an entry dropped for want of a usable id. Empty for clean input.
    pub warnings: Vec<Warning>,
}

impl Listing {
    pub(crate) fn new(period: Period, source: Source) -> Listing {
        Listing {
            period,
            papers: Vec::new(),
            unidentified: Vec::new(),
            source,
            canonical_url: None,
            date_text: None,
            prev_period: None,
            warnings: Vec::<Warning>::new(),
        }
    }
}

/// Which extractor read a record: the site's embedded data, its API, or a degraded source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// The page's hydration blob (`data-props` of the `DailyPapers` or `PaperContent`
    /// element): complete data.
    HydrationBlob,
    /// A JSON response of the site's API: complete data.
    ApiJson,
    /// The visible paper cards of a listing page, read when its blob is missing or
    /// unreadable: no abstracts, authors or dates.
    Cards,
    /// The visible content of a paper page whose blob is missing.
    VisiblePage,
    /// A listing kept as plain text, as a browser copies it.
    Text,
    /// A listing kept as markdown, as html-to-markdown tools write it.
    Markdown,
}

impl Source {
    /// Whether this source carries every field the site has (the blob or the API), as
    /// opposed to a degraded reading of what a page shows.
    pub fn is_complete(&self) -> bool {
        matches!(self, Source::HydrationBlob | Source::ApiJson)
    }
}

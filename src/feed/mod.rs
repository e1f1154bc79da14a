//! Feeds of papers: Atom, RSS 2.0 and JSON Feed 1.1 (the `feed` feature).
//!
//! Daily Papers has no feed; this module writes one from a [`Collection`]: one listing
//! (`Collection::from(&listing)`) or many merged. Atom and RSS are written with the
//! [`atom_syndication`](https://docs.rs/atom_syndication) and [`rss`](https://docs.rs/rss)
//! crates; JSON Feed with serde_json. The output is deterministic: the same papers and
//! options give the same bytes.
//!
//! ```
//! use hf_papers::feed::{self, FeedFormat, FeedOptions};
//! use hf_papers::{Collection, Listing};
//!
//! let listing = Listing::from_api_json(r#"[{"paper": {
//!     "id": "2607.01234", "title": "Sparse Lanterns", "upvotes": 12,
//!     "summary": "We study lanterns.",
//!     "authors": [{"name": "Ada Example", "hidden": false}],
//!     "submittedOnDailyAt": "2026-07-02T00:00:00.000Z"}}]"#)?;
//! let options = FeedOptions::new()
//!     .title("Daily Papers, 10 upvotes and more")
//!     .self_link("https://example.org/papers.atom")
//!     .min_upvotes(10);
//! let xml = feed::render(FeedFormat::Atom, &Collection::from(&listing), &options);
//! assert!(xml.contains("<id>https://huggingface.co/papers/2607.01234</id>"));
//! assert!(xml.contains("<updated>2026-07-02T00:00:00+00:00</updated>"));
//! # Ok::<(), hf_papers::Error>(())
//! ```
//!
//! # What each entry holds
//!
//! | | Atom | RSS 2.0 | JSON Feed |
//! |---|---|---|---|
//! | id: `https://huggingface.co/papers/<id>`, stable across runs and sources | `id` | `guid` (a permalink) | `id` |
//! | the paper's page on huggingface.co | `link rel="alternate"` | `link` | `url` |
//! | the arXiv abstract page | `link rel="related"` | `atom:link rel="related"` | `external_url` |
//! | the title (`arXiv:<id>` when the source had none) | `title` | `title` | `title` |
//! | the authors the site shows | `author` each | `dc:creator` each | `authors` |
//! | the abstract | `summary` | `description` | `summary`, `content_text` |
//! | the AI keywords | `category` each | `category` each | `tags` |
//! | first list date | `published` | `pubDate` | `date_published` |
//! | latest list date | `updated` | (none) | `date_modified` when it differs |
//!
//! **Dates.** An entry is dated by its list date, the day's list it is on, at midnight
//! UTC; when the paper has only the exact `submitted_on_daily_at`, that time. It is never
//! dated by the listing entry's own `publishedAt` ([`Paper::entry_published_at`]), which is
//! neither the list date nor the arXiv date. A paper on several days' lists (a
//! [collection](crate::collection) keeps them all) is published on the first and updated on
//! the latest. A paper with no list date at all (an `/api/papers/search` result, an old API
//! capture) is dated by its arXiv announcement ([`Paper::published_at`]) instead, and only
//! as its publication date (`published`, `pubDate`, `date_published`; Atom requires
//! `updated` too, so there it is repeated); the JSON Feed extension's empty `listed_on`
//! tells such entries apart. A paper with no date at all has none (Atom: the feed's).
//!
//! **Authors.** Authors the site marks hidden ([`Author::hidden`](crate::Author::hidden))
//! are left out of a feed, since the site does not show them; the JSON export keeps them.
//! An author linked to a huggingface.co account gets that account's page as their URL. The
//! feed itself names "Hugging Face Daily Papers" as its author, which Atom requires for
//! entries without authors.
//!
//! **Selection.** The papers are chosen by [`FeedOptions::query`] (default: every paper,
//! newest list date first, most upvoted first within a date), then kept if they have at
//! least [`min_upvotes`](FeedOptions::min_upvotes) upvotes, up to
//! [`max_entries`](FeedOptions::max_entries).

mod to_atom;
mod to_json;
mod to_rss;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::{CollectedPaper, Collection, Paper, Query, SortBy};

/// The three feed formats.
///
/// ```
/// use hf_papers::feed::FeedFormat;
/// let format: FeedFormat = "rss".parse().unwrap();
/// assert_eq!(format, FeedFormat::Rss);
/// assert_eq!(format.media_type(), "application/rss+xml");
/// assert_eq!(format.to_string(), "rss");
/// assert!("pdf".parse::<FeedFormat>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FeedFormat {
    /// Atom 1.0 (RFC 4287).
    Atom,
    /// RSS 2.0.
    Rss,
    /// JSON Feed 1.1.
    Json,
}

impl FeedFormat {
    /// The format's media type, for a `Content-Type` header or a `<link type>`.
    pub fn media_type(&self) -> &'static str {
        match self {
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Json => "application/feed+json",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            FeedFormat::Atom => "atom",
            FeedFormat::Rss => "rss",
            FeedFormat::Json => "json",
        }
    }
}

impl fmt::Display for FeedFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// The error of parsing a [`FeedFormat`] name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown feed format {0:?}: expected atom, rss or json")]
pub struct FeedFormatError(String);

impl FromStr for FeedFormat {
    type Err = FeedFormatError;

    /// Parses `atom`, `rss` or `json` (also `jsonfeed`, `json-feed`), ignoring case.
    fn from_str(s: &str) -> Result<FeedFormat, FeedFormatError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "atom" => Ok(FeedFormat::Atom),
            "rss" | "rss2" => Ok(FeedFormat::Rss),
            "json" | "jsonfeed" | "json-feed" => Ok(FeedFormat::Json),
            _ => Err(FeedFormatError(s.chars().take(32).collect())),
        }
    }
}

/// The feed's title, links, selection and date: a builder.
///
/// ```
/// use hf_papers::feed::FeedOptions;
/// use hf_papers::{Query, SortBy};
///
/// let options = FeedOptions::new()
///     .title("Sparse attention on Daily Papers")
///     .self_link("https://example.org/sparse.xml")
///     .query(Query::new().keyword("sparse attention").sort(SortBy::Upvotes))
///     .min_upvotes(5)
///     .max_entries(30);
/// assert_eq!(options.feed_id(), "https://example.org/sparse.xml");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FeedOptions {
    title: String,
    description: String,
    home_page: String,
    self_link: Option<String>,
    query: Query,
    min_upvotes: Option<u32>,
    max_entries: Option<usize>,
    updated: Option<DateTime<Utc>>,
}

impl Default for FeedOptions {
    fn default() -> FeedOptions {
        FeedOptions::new()
    }
}

impl FeedOptions {
    /// The defaults: title "Hugging Face Daily Papers", home page
    /// `https://huggingface.co/papers`, no self link, every paper newest first.
    pub fn new() -> FeedOptions {
        FeedOptions {
            title: "Hugging Face Daily Papers".to_owned(),
            description: "Papers from Hugging Face Daily Papers".to_owned(),
            home_page: "https://huggingface.co/papers".to_owned(),
            self_link: None,
            query: Query::new().sort(SortBy::Newest),
            min_upvotes: None,
            max_entries: None,
            updated: None,
        }
    }

    /// Sets the feed's title.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> FeedOptions {
        self.title = title.into();
        self
    }

    /// Sets the feed's description (Atom `subtitle`, RSS `description`, JSON Feed
    /// `description`).
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> FeedOptions {
        self.description = description.into();
        self
    }

    /// Sets the page the feed is about (default `https://huggingface.co/papers`).
    #[must_use]
    pub fn home_page(mut self, url: impl Into<String>) -> FeedOptions {
        self.home_page = url.into();
        self
    }

    /// Sets the URL the feed itself is served from (Atom `link rel="self"`, RSS
    /// `atom:link rel="self"`, JSON Feed `feed_url`). It is also the Atom feed's id.
    #[must_use]
    pub fn self_link(mut self, url: impl Into<String>) -> FeedOptions {
        self.self_link = Some(url.into());
        self
    }

    /// Chooses and orders the papers with a [`Query`] (default: all, [`SortBy::Newest`]).
    #[must_use]
    pub fn query(mut self, query: Query) -> FeedOptions {
        self.query = query;
        self
    }

    /// Keeps papers with at least `upvotes` upvotes (and a known count).
    #[must_use]
    pub fn min_upvotes(mut self, upvotes: u32) -> FeedOptions {
        self.min_upvotes = Some(upvotes);
        self
    }

    /// Keeps at most `n` entries, the first in the query's order.
    #[must_use]
    pub fn max_entries(mut self, n: usize) -> FeedOptions {
        self.max_entries = Some(n);
        self
    }

    /// Sets the feed's own update time. By default it is the latest entry date, which keeps
    /// the output deterministic (the Unix epoch for a feed without dated entries).
    #[must_use]
    pub fn updated(mut self, at: DateTime<Utc>) -> FeedOptions {
        self.updated = Some(at);
        self
    }

    /// The feed's id: the self link when set, else the home page.
    pub fn feed_id(&self) -> &str {
        self.self_link.as_deref().unwrap_or(&self.home_page)
    }
}

/// Writes the feed of `papers` in `format` as a string.
///
/// ```
/// use hf_papers::feed::{render, FeedFormat, FeedOptions};
/// let papers = hf_papers::Collection::new();
/// let json = render(FeedFormat::Json, &papers, &FeedOptions::new());
/// assert!(json.contains(r#""version": "https://jsonfeed.org/version/1.1""#));
/// ```
pub fn render(format: FeedFormat, papers: &Collection, options: &FeedOptions) -> String {
    let mut out = Vec::new();
    write(format, papers, options, &mut out).expect("writing a feed to memory does not fail");
    String::from_utf8(out).expect("feeds are written from UTF-8 text")
}

/// Writes the feed of `papers` in `format` to `writer`.
///
/// # Errors
/// The writer's I/O errors.
pub fn write<W: Write>(
    format: FeedFormat,
    papers: &Collection,
    options: &FeedOptions,
    writer: W,
) -> io::Result<()> {
    let entries = entries(papers, options);
    let updated = options.updated.unwrap_or_else(|| {
        entries
            .iter()
            .filter_map(|e| e.updated)
            .max()
            .unwrap_or(DateTime::UNIX_EPOCH)
    });
    let feed = Feed {
        options,
        entries,
        updated,
    };
    match format {
        FeedFormat::Atom => to_atom::write(&feed, writer),
        FeedFormat::Rss => to_rss::write(&feed, writer),
        FeedFormat::Json => to_json::write(&feed, writer),
    }
}

/// [`render`] in Atom.
pub fn atom(papers: &Collection, options: &FeedOptions) -> String {
    render(FeedFormat::Atom, papers, options)
}

/// [`render`] in RSS 2.0.
pub fn rss(papers: &Collection, options: &FeedOptions) -> String {
    render(FeedFormat::Rss, papers, options)
}

/// [`render`] in JSON Feed 1.1.
pub fn json_feed(papers: &Collection, options: &FeedOptions) -> String {
    render(FeedFormat::Json, papers, options)
}

/// What every format writes: the options, the chosen entries and the feed's date.
struct Feed<'a> {
    options: &'a FeedOptions,
    entries: Vec<Entry<'a>>,
    updated: DateTime<Utc>,
}

/// One entry, format-neutral.
struct Entry<'a> {
    paper: &'a Paper,
    /// The paper's page on huggingface.co: the id and the link.
    id: String,
    title: String,
    arxiv_url: String,
    published: Option<DateTime<Utc>>,
    updated: Option<DateTime<Utc>>,
    list_dates: Vec<NaiveDate>,
    /// The shown authors' names and account pages.
    authors: Vec<(&'a str, Option<String>)>,
}

fn entries<'a>(papers: &'a Collection, options: &FeedOptions) -> Vec<Entry<'a>> {
    options
        .query
        .apply(papers)
        .into_iter()
        .filter(|p| {
            options
                .min_upvotes
                .is_none_or(|min| p.paper.upvotes.is_some_and(|n| n >= min))
        })
        .take(options.max_entries.unwrap_or(usize::MAX))
        .map(entry)
        .collect()
}

fn entry(collected: &CollectedPaper) -> Entry<'_> {
    let paper = &collected.paper;
    let list_dates = collected.list_dates();
    let midnight = |date: &NaiveDate| date.and_time(NaiveTime::MIN).and_utc();
    let (published, updated) = match (list_dates.first(), list_dates.last()) {
        (Some(first), Some(last)) => (Some(midnight(first)), Some(midnight(last))),
        _ => {
            let at = paper.submitted_on_daily_at.or(paper.published_at);
            (at, at)
        }
    };
    let authors = paper
        .authors
        .iter()
        .flatten()
        .filter(|a| a.hidden != Some(true) && !a.name.trim().is_empty())
        .map(|a| (a.name.as_str(), a.user.as_ref().and_then(|u| u.url())))
        .collect();
    Entry {
        paper,
        id: paper.id.hf_url(),
        title: paper
            .title
            .clone()
            .unwrap_or_else(|| format!("arXiv:{}", paper.id)),
        arxiv_url: paper.arxiv_url(),
        published,
        updated,
        list_dates,
        authors,
    }
}

/// Text without the characters XML 1.0 forbids (most C0 controls, lone surrogates cannot
/// occur in a `str`, U+FFFE and U+FFFF), which would make the feed unreadable.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
                || c >= '\u{10000}'
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_drops_forbidden_characters_only() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\td\u{FFFE}é𝛼"), "abc\tdé𝛼");
    }

    #[test]
    fn feed_format_round_trips() {
        for format in [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json] {
            assert_eq!(format.to_string().parse::<FeedFormat>().unwrap(), format);
        }
    }
}

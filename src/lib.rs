//! Typed, normalized records from saved Hugging Face Daily Papers pages and API responses.
//!
//! `hf_papers` reads what people save from [huggingface.co/papers](https://huggingface.co/papers)
//! (day, week, month, trending and search pages, paper pages) and the site's JSON API
//! (`/api/daily_papers`, `/api/papers/search`, `/api/papers/<id>`) into one model:
//! [`Listing`]s of [`Paper`]s with their [`Author`]s, submitter ([`User`]) and
//! [`Organization`]. It does no I/O: you give it the text, it gives you records.
//!
//! ```
//! use hf_papers::{Listing, Period};
//!
//! let page = r#"<html><body>
//! <div class="SVELTE_HYDRATER contents" data-target="DailyPapers"
//!      data-props="{&quot;dateString&quot;:&quot;2026-07-02&quot;,&quot;periodType&quot;:&quot;day&quot;,
//! &quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2607.01234&quot;,
//! &quot;title&quot;:&quot;Sparse Lanterns:\n  A Made-Up Study&quot;,&quot;upvotes&quot;:12.0,
//! &quot;submittedOnDailyAt&quot;:&quot;2026-07-02T00:00:00.000Z&quot;},
//! &quot;publishedAt&quot;:&quot;2026-06-29T20:00:00.000Z&quot;,&quot;numComments&quot;:0}]}"></div>
//! </body></html>"#;
//!
//! let listing = Listing::from_html(page)?;
//! assert_eq!(listing.period, Period::Day { date: "2026-07-02".parse().unwrap() });
//! let paper = &listing.papers[0];
//! assert_eq!(paper.id.to_string(), "2607.01234");
//! assert_eq!(paper.title.as_deref(), Some("Sparse Lanterns: A Made-Up Study"));
//! assert_eq!(paper.upvotes, Some(12));
//! assert_eq!(paper.num_comments, Some(0)); // a real zero, not "missing"
//! assert_eq!(paper.listed_on.unwrap().to_string(), "2026-07-02");
//! # Ok::<(), hf_papers::Error>(())
//! ```
//!
//! Entry points: [`Listing::from_html`], [`Listing::from_api_json`],
//! [`PaperPage::from_html`], [`PaperPage::from_api_json`] (and [`Paper::from_api_json`]),
//! and [`parse`], which tells the input's kind itself. Each has a `_with` form taking
//! [`ParseOptions`] (strict mode, limits).
//!
//! Parsing is lenient by default: a field of the wrong type is read as missing and recorded
//! as a [`Warning`]; an entry without a usable arXiv id is left out with a warning; every
//! other entry is kept. Input that is not a papers page or response is an [`Error`], never
//! an empty listing.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod collection;
mod document;
mod error;
pub mod export;
mod extract;
#[cfg(feature = "feed")]
#[cfg_attr(docsrs, doc(cfg(feature = "feed")))]
pub mod feed;
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing;
mod model;
mod normalize;
mod options;
pub mod urls;
mod warning;
mod wire;

pub use collection::{Appearance, CollectedPaper, Collection, Query, SortBy};
pub use document::{Document, InputKind, detect, parse, parse_bytes, parse_bytes_with, parse_with};
pub use error::{Error, Result, Stage};
pub use model::{
    Author, ClaimStatus, Comment, Coverage, Highlight, HighlightKind, LinkedRepos, Listing, Month,
    Organization, Paper, PaperPage, Period, PeriodParseError, Source, UnidentifiedPaper, User,
    Week,
};
pub use normalize::{
    ARCHIVE_START, ArxivId, ArxivIdError, ArxivIdErrorKind, CountError, SITE, absolute_url,
    clean_text, count_from_f64, count_from_i64, feed_day, parse_count, parse_display_date,
    parse_timestamp,
};
pub use options::ParseOptions;
pub use warning::{Warning, WarningKind};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

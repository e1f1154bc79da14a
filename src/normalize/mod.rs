//! Normalizers: the rules that turn the site's raw values into clean ones.
//!
//! Every extractor uses these, and they are public so that users can apply the same rules to
//! values they hold: arXiv ids ([`ArxivId`]), text ([`clean_text`]), counts
//! ([`parse_count`]), timestamps ([`parse_timestamp`]), dates as pages show them
//! ([`parse_display_date`]), the feed's day ([`feed_day`]) and URLs ([`absolute_url`]).

mod arxiv_id;
mod count;
mod display_date;
mod feed_day;
mod text;
mod timestamp;
mod trim;
mod url;

pub use arxiv_id::{ArxivId, ArxivIdError, ArxivIdErrorKind};
pub use count::{CountError, count_from_f64, count_from_i64, parse_count};
pub use display_date::parse_display_date;
pub use feed_day::{ARCHIVE_START, feed_day};
pub use text::clean_text;
pub use timestamp::parse_timestamp;
pub(crate) use url::is_absolute_url;
pub use url::{SITE, absolute_url};

pub(crate) use trim::trim;

//! The public model: owned, serializable records.
//!
//! The serialized form (snake_case names) is a public contract documented in the README.
//! Every field a source may omit is an `Option`, so a real `0` or empty list stays distinct
//! from "the source did not say".

mod comment;
mod coverage;
mod listing;
mod organization;
mod paper;
mod paper_page;
mod period;
mod person;
mod unidentified;

pub use comment::Comment;
pub use coverage::Coverage;
pub use listing::{Listing, Source};
pub use organization::Organization;
pub use paper::{Highlight, HighlightKind, LinkedRepos, Paper};
pub use paper_page::PaperPage;
pub use period::{Month, Period, PeriodParseError, Week};
pub use person::{Author, ClaimStatus, User};
pub use unidentified::UnidentifiedPaper;

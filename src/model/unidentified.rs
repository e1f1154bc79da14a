use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Coverage;

/// A paper from a text capture that carries no link to it, so no arXiv id.
///
/// Text captures (a page copied from a browser, some html-to-markdown dumps) often drop the
/// links. Their papers are kept here rather than lost, with what the text shows; the crate
/// never makes an id up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnidentifiedPaper {
    /// The title, exactly as the capture shows it (hard wraps collapsed).
    pub title: String,
    /// The abstract or AI summary the capture shows under the title.
    pub summary: Option<String>,
    /// Upvotes, when the capture shows them.
    pub upvotes: Option<u32>,
    /// How many authors the capture says the paper has.
    pub num_authors: Option<u32>,
    /// The organization's display name, when the capture shows one.
    pub organization: Option<String>,
    /// The submitter's username, when the capture shows one.
    pub submitted_by: Option<String>,
    /// The paper's GitHub repository, when the capture links it.
    pub github_repo: Option<String>,
    /// The repository's stars, when the capture shows them.
    pub github_stars: Option<u32>,
    /// The publication date the capture shows, when its year is known.
    pub published_on: Option<NaiveDate>,
    /// Which fields the capture carried.
    pub coverage: Coverage,
}

impl UnidentifiedPaper {
    /// A paper known only by its title, read from `coverage.source`.
    pub fn new(title: String, coverage: Coverage) -> UnidentifiedPaper {
        UnidentifiedPaper {
            title,
            summary: None,
            upvotes: None,
            num_authors: None,
            organization: None,
            submitted_by: None,
            github_repo: None,
            github_stars: None,
            published_on: None,
            coverage,
        }
    }
}

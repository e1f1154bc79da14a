use serde::{Deserialize, Serialize};

use super::{Comment, Organization, Paper, Source, User};
use crate::Warning;

/// A single paper read from its own source: a paper page (`/papers/<id>`) or the
/// `/api/papers/<id>` response.
///
/// Serialized as an object with a `paper` key holding the paper (the same fields as in a
/// listing) and a `comments` key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaperPage {
    /// The paper.
    pub paper: Paper,
    /// The discussion's comments in page order, hidden ones included. `None` for sources
    /// without comments (the API).
    pub comments: Option<Vec<Comment>>,
    /// The accounts that upvoted, as far as the page lists them (a sample, not all).
    pub upvoters: Option<Vec<User>>,
    /// The paper's rank on its day's list, as a paper page shows it (1 is the top).
    pub daily_rank: Option<u32>,
    /// The organization of the account that submitted the paper, as a paper page shows it.
    pub submitter_organization: Option<Organization>,
    /// Which extractor produced the record.
    pub source: Source,
    /// What was odd in the input and how it was handled. Empty for clean input.
    pub warnings: Vec<Warning>,
}

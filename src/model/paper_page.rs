use serde::{Deserialize, Serialize};

use super::{Organization, Paper, Source};
use crate::Warning;

/// A single paper read from its own source: a paper page (`/papers/<id>`) or the
/// `/api/papers/<id>` response.
///
/// Serialized as an object with a `paper` key holding the paper (the same fields as in a
/// listing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaperPage {
    /// The paper.
    pub paper: Paper,
    /// The paper's rank on its day's list, as a paper page shows it (1 is the top).
    pub daily_rank: Option<u32>,
    /// The organization of the account that submitted the paper, as a paper page shows it.
    pub submitter_organization: Option<Organization>,
    /// Which extractor produced the record.
    pub source: Source,
    /// What was odd in the input and how it was handled. Empty for clean input.
    pub warnings: Vec<Warning>,
}

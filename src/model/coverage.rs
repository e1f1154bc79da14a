use serde::{Deserialize, Serialize};

use super::Source;

/// Which fields of a paper a degraded source could read.
///
/// Papers read from the page's data or the API carry every field the site has, and their
/// [`Paper::coverage`](super::Paper::coverage) is `None`. Papers read from visible cards or
/// from a text capture carry only some: `coverage` names them, so that an absent abstract or
/// author list reads as "not in this source", not as "empty".
///
/// ```
/// use hf_papers::{Coverage, Source};
/// let coverage = Coverage::new(Source::Cards, &["id", "title", "upvotes"]);
/// assert!(coverage.has("upvotes"));
/// assert!(!coverage.has("summary"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Coverage {
    /// Where the paper was read from.
    pub source: Source,
    /// The serialized names of the fields that source carries (`id`, `title`, `upvotes`, ...).
    pub fields: Vec<String>,
}

impl Coverage {
    /// Coverage of `fields` (serialized field names) read from `source`.
    pub fn new(source: Source, fields: &[&str]) -> Coverage {
        Coverage {
            source,
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        }
    }

    /// Whether the source carries the field with this serialized name.
    pub fn has(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f == field)
    }
}

use std::fmt;

use crate::Warning;

/// Everything that can stop a parse.
///
/// Each error says at which stage it happened and where: the JSON path and line and column
/// inside the JSON, the byte offset in the page, the entry index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a papers page or response; `found` says what it looked like.
    #[error("{stage}: not a papers page or response: {found}")]
    NotPapers {
        /// Where it was noticed.
        stage: Stage,
        /// What the input looked like instead.
        found: String,
    },
    /// The JSON is malformed (syntax, truncation, nesting deeper than 128 levels).
    #[error("{stage}: invalid JSON at {} (line {line}, column {column}{}): {message}",
        if path.is_empty() { "the top" } else { path },
        offset.map(|o| format!(", page byte {o}")).unwrap_or_default())]
    Json {
        /// Where it happened.
        stage: Stage,
        /// The JSON path of the value being read, such as `dailyPapers[4].paper.authors[2]`.
        path: String,
        /// The line in the JSON text (1-based).
        line: usize,
        /// The column in the JSON text (1-based).
        column: usize,
        /// For JSON embedded in a page: the byte offset in the page where the JSON starts.
        offset: Option<usize>,
        /// What was wrong.
        message: String,
    },
    /// The input's HTML breaks where the data is, such as an unterminated attribute.
    #[error("{stage}: malformed HTML at byte {offset}: {message}")]
    Html {
        /// Where it happened.
        stage: Stage,
        /// The byte offset in the page.
        offset: usize,
        /// What was wrong.
        message: String,
    },
    /// A limit from [`ParseOptions`](crate::ParseOptions) was exceeded.
    #[error("{stage}: {what} is {actual}, over the limit of {limit}")]
    LimitExceeded {
        /// Where it happened.
        stage: Stage,
        /// Which limit.
        what: &'static str,
        /// The limit.
        limit: usize,
        /// What the input had (at least).
        actual: usize,
    },
    /// Strict mode: a warning that lenient mode would have recorded.
    #[error("{stage}: {warning}")]
    Strict {
        /// Where it happened.
        stage: Stage,
        /// The warning.
        warning: Warning,
    },
}

impl Error {
    /// The stage the error happened at.
    pub fn stage(&self) -> Stage {
        match self {
            Error::NotPapers { stage, .. }
            | Error::Json { stage, .. }
            | Error::Html { stage, .. }
            | Error::LimitExceeded { stage, .. }
            | Error::Strict { stage, .. } => *stage,
        }
    }

    /// The index of the entry the error is in, when it is in one.
    pub fn entry(&self) -> Option<usize> {
        match self {
            Error::Strict { warning, .. } => warning.entry,
            Error::Json { path, .. } => first_index(path),
            _ => None,
        }
    }
}

/// The first `[N]` of a JSON path: the entry index.
fn first_index(path: &str) -> Option<usize> {
    let start = path.find('[')? + 1;
    let end = start + path[start..].find(']')?;
    path[start..end].parse().ok()
}

/// The parsing stages an [`Error`] can come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// Telling what kind of input it is.
    Detect,
    /// Scanning a page's HTML for the hydration element.
    Html,
    /// Reading the JSON of a page's hydration blob.
    HydrationBlob,
    /// Reading an API JSON response.
    ApiJson,
    /// Reading a text or markdown capture.
    Text,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Detect => "detecting the input",
            Stage::Html => "reading the page",
            Stage::HydrationBlob => "reading the page's data blob",
            Stage::ApiJson => "reading the API response",
            Stage::Text => "reading the text capture",
        })
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

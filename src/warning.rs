use std::fmt;

use serde::{Deserialize, Serialize};

/// Something odd in the input that did not stop the parse, and how it was handled.
///
/// In the default, lenient mode a listing carries its warnings beside its papers; in strict
/// mode ([`ParseOptions::strict`](crate::ParseOptions::strict)) the first one is an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warning {
    /// What kind of problem it was.
    pub kind: WarningKind,
    /// The index of the entry in the source's list, when the problem is in one.
    pub entry: Option<usize>,
    /// Where in the source's JSON, such as `dailyPapers[3].paper.upvotes`.
    pub path: String,
    /// What was found and what was done, in words.
    pub message: String,
}

/// The kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A value of the wrong JSON type; the field was read as missing.
    WrongType,
    /// A value of the right type that could not be used (a negative count, a bad date); the
    /// field was read as missing.
    InvalidValue,
    /// An entry without a usable id; it was left out, and the others kept.
    EntryDropped,
    /// A part of the page that says which list it holds could not be read.
    UnknownPeriod,
    /// A string longer than [`ParseOptions::max_field_bytes`](crate::ParseOptions::max_field_bytes);
    /// the field was read as missing.
    FieldTooLong,
    /// The input breaks off or is damaged part-way (a cut file); what came before the break
    /// was read, and the warning says where it broke.
    TruncatedInput,
    /// The input was not valid UTF-8; the bad bytes were replaced with U+FFFD and the rest
    /// read as usual.
    InvalidUtf8,
    /// With [`ParseOptions::cross_check`](crate::ParseOptions::cross_check): the page's
    /// visible cards disagree with its data blob about a paper's field (title, upvotes,
    /// comments, submitter, organization, GitHub stars), or about which papers the page
    /// holds and in what order. The listing keeps the blob's values.
    SourceDisagreement,
    /// The page's data blob was there but could not be read (malformed JSON, no
    /// `data-props`); the visible page was read instead, and the warning quotes the error.
    BlobUnreadable,
}

impl Warning {
    pub(crate) fn new(
        kind: WarningKind,
        entry: Option<usize>,
        path: String,
        message: String,
    ) -> Warning {
        Warning {
            kind,
            entry,
            path,
            message,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at {}: {}", self.path, self.message)
        }
    }
}

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::User;

/// A comment in a paper's discussion, as a paper page carries it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comment {
    /// The site's id of the comment.
    pub id: Option<String>,
    /// Who wrote it.
    pub author: Option<User>,
    /// When it was written.
    pub created_at: Option<DateTime<Utc>>,
    /// When its latest version was saved.
    pub updated_at: Option<DateTime<Utc>>,
    /// The text as written (markdown), exactly as given: line breaks are kept.
    pub text: Option<String>,
    /// The text as the site renders it (HTML).
    pub html: Option<String>,
    /// Whether it was edited.
    pub edited: Option<bool>,
    /// How many times it was edited.
    pub num_edits: Option<u32>,
    /// Whether a moderator or the author hid it (its `text` is then a placeholder).
    pub hidden: Option<bool>,
    /// Who hid it.
    pub hidden_by: Option<String>,
    /// Why it was hidden, as the site says (such as `Off-Topic`).
    pub hidden_reason: Option<String>,
    /// The language the site detected, as a code such as `en`.
    pub language: Option<String>,
}

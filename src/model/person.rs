use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A huggingface.co account: a paper's submitter, or the account an author claimed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The site's internal object id (`_id`, or `id` in some 2024 objects).
    pub id: Option<String>,
    /// The handle, as in `https://huggingface.co/<username>` (the site's `user` or `name`).
    pub username: Option<String>,
    /// The display name.
    pub fullname: Option<String>,
    /// The avatar, as an absolute URL (the site gives some as `/avatars/...`).
    pub avatar_url: Option<String>,
    /// The account type the site reports, such as `user` or `org`.
    pub kind: Option<String>,
    /// Whether the account is a PRO subscriber.
    pub is_pro: Option<bool>,
    /// Whether the account belongs to Hugging Face staff.
    pub is_hf: Option<bool>,
    /// Whether the account is a Hugging Face admin.
    pub is_hf_admin: Option<bool>,
    /// Whether the account is a moderator.
    pub is_mod: Option<bool>,
    /// How many followers the account has.
    pub follower_count: Option<u32>,
}

impl User {
    /// The account's page on huggingface.co, when its username is known.
    ///
    /// ```
    /// let mut user = hf_papers::User::default();
    /// user.username = Some("ada".into());
    /// assert_eq!(user.url().as_deref(), Some("https://huggingface.co/ada"));
    /// ```
    pub fn url(&self) -> Option<String> {
        self.username
            .as_deref()
            .map(|name| format!("https://huggingface.co/{name}"))
    }
}

/// One author of a paper, as the paper lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Author {
    /// The name as printed on the paper.
    pub name: String,
    /// The site's internal object id of this authorship (`_id`).
    pub id: Option<String>,
    /// Whether the author is hidden on the site. Hidden authors are kept, and flagged here.
    pub hidden: Option<bool>,
    /// The huggingface.co account linked to this author, if any.
    pub user: Option<User>,
    /// How the link to that account was made.
    pub claim_status: Option<ClaimStatus>,
    /// When the claim status last changed.
    pub claim_status_changed_at: Option<DateTime<Utc>>,
}

impl Author {
    /// The username of the linked huggingface.co account, if any.
    pub fn username(&self) -> Option<&str> {
        self.user.as_ref()?.username.as_deref()
    }
}

/// How an author's huggingface.co account came to be linked to the paper (`status`).
///
/// Values the crate does not know yet are kept in [`ClaimStatus::Other`], so nothing the site
/// adds is lost. Serialized as the site's own string.
///
/// ```
/// use hf_papers::ClaimStatus;
/// let s: ClaimStatus = "claimed_verified".parse().unwrap();
/// assert_eq!(s, ClaimStatus::ClaimedVerified);
/// assert_eq!("something_new".parse::<ClaimStatus>().unwrap().to_string(), "something_new");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClaimStatus {
    /// The author claimed the paper and the claim was verified (`claimed_verified`).
    ClaimedVerified,
    /// A site admin linked the account (`admin_assigned`).
    AdminAssigned,
    /// A value this version of the crate does not know.
    Other(String),
}

impl ClaimStatus {
    /// The site's own string for this status.
    pub fn as_str(&self) -> &str {
        match self {
            ClaimStatus::ClaimedVerified => "claimed_verified",
            ClaimStatus::AdminAssigned => "admin_assigned",
            ClaimStatus::Other(s) => s,
        }
    }
}

impl FromStr for ClaimStatus {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "claimed_verified" => ClaimStatus::ClaimedVerified,
            "admin_assigned" => ClaimStatus::AdminAssigned,
            other => ClaimStatus::Other(other.to_owned()),
        })
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ClaimStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ClaimStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "claimed_verified" => ClaimStatus::ClaimedVerified,
            "admin_assigned" => ClaimStatus::AdminAssigned,
            _ => ClaimStatus::Other(s),
        })
    }
}

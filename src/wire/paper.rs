//! One paper as the site's JSON carries it.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient::{Field, Num, lenient_object};

type Text<'a> = Field<Cow<'a, str>>;
type List<T> = Field<Vec<Field<T>>>;

/// A paper, a listing entry, or a flat search result.
///
/// Listing entries are an outer object with the paper nested under `paper`; `/api/papers/<id>`
/// and 2024 search results are the paper object alone. Both shapes share most keys, so one
/// struct holds the union and the mapping decides which object each value came from.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WirePaper<'a> {
    /// The nested paper of a listing entry.
    #[serde(borrow)]
    pub paper: Field<Box<WirePaper<'a>>>,

    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub title: Text<'a>,
    #[serde(borrow)]
    pub summary: Text<'a>,
    #[serde(borrow)]
    pub authors: List<WireAuthor<'a>>,
    /// On a paper: the arXiv announcement. On an outer entry: neither date that matters.
    #[serde(rename = "publishedAt", borrow)]
    pub published_at: Text<'a>,
    #[serde(rename = "submittedOnDailyAt", borrow)]
    pub submitted_on_daily_at: Text<'a>,
    #[serde(rename = "submittedOnDailyBy", borrow)]
    pub submitted_on_daily_by: Field<WireUser<'a>>,
    #[serde(rename = "submittedBy", borrow)]
    pub submitted_by: Field<WireUser<'a>>,
    pub upvotes: Field<Num>,
    #[serde(rename = "numComments")]
    pub num_comments: Field<Num>,
    #[serde(rename = "discussionId", borrow)]
    pub discussion_id: Text<'a>,
    #[serde(rename = "projectPage", borrow)]
    pub project_page: Text<'a>,
    #[serde(rename = "githubRepo", borrow)]
    pub github_repo: Text<'a>,
    #[serde(rename = "githubRepoAddedBy", borrow)]
    pub github_repo_added_by: Text<'a>,
    #[serde(rename = "githubStars")]
    pub github_stars: Field<Num>,
    #[serde(borrow)]
    pub ai_summary: Text<'a>,
    #[serde(borrow)]
    pub ai_keywords: List<Cow<'a, str>>,
    #[serde(borrow)]
    pub ai_summary_model: Text<'a>,
    #[serde(borrow)]
    pub organization: Field<WireOrganization<'a>>,
    #[serde(borrow)]
    pub thumbnail: Text<'a>,
    #[serde(rename = "mediaUrls", borrow)]
    pub media_urls: List<Cow<'a, str>>,
    /// 2024 responses: one media URL.
    #[serde(rename = "mediaUrl", borrow)]
    pub media_url: Text<'a>,
    #[serde(rename = "withdrawnAt", borrow)]
    pub withdrawn_at: Text<'a>,
    #[serde(rename = "isAuthorParticipating")]
    pub is_author_participating: Field<bool>,
    pub upvoted: Field<bool>,
    #[serde(rename = "highlightedTitle", borrow)]
    pub highlighted_title: List<WireHighlight<'a>>,
    #[serde(rename = "highlightedSummary", borrow)]
    pub highlighted_summary: List<WireHighlight<'a>>,
    #[serde(rename = "linkedModels", borrow)]
    pub linked_models: List<WireLinkedRepo<'a>>,
    #[serde(rename = "linkedDatasets", borrow)]
    pub linked_datasets: List<WireLinkedRepo<'a>>,
    #[serde(rename = "linkedSpaces", borrow)]
    pub linked_spaces: List<WireLinkedRepo<'a>>,
    #[serde(rename = "numTotalModels")]
    pub num_total_models: Field<Num>,
    #[serde(rename = "numTotalDatasets")]
    pub num_total_datasets: Field<Num>,
    #[serde(rename = "numTotalSpaces")]
    pub num_total_spaces: Field<Num>,
}

/// `paper.authors[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireAuthor<'a> {
    #[serde(rename = "_id", borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    pub hidden: Field<bool>,
    /// Boxed: most authors have no account, and a list of small authors grows cheaply.
    #[serde(borrow)]
    pub user: Field<Box<WireUser<'a>>>,
    #[serde(borrow)]
    pub status: Text<'a>,
    #[serde(rename = "statusLastChangedAt", borrow)]
    pub status_last_changed_at: Text<'a>,
}

/// A user object: `submittedBy`, `submittedOnDailyBy`, `authors[].user`, comment authors.
///
/// The id is `_id` (`id` in some 2024 objects) and the username is under `user` in some
/// objects and `name` in others.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireUser<'a> {
    #[serde(rename = "_id", borrow)]
    pub underscore_id: Text<'a>,
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub user: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub fullname: Text<'a>,
    #[serde(rename = "avatarUrl", borrow)]
    pub avatar_url: Text<'a>,
    #[serde(rename = "type", borrow)]
    pub kind: Text<'a>,
    #[serde(rename = "isPro")]
    pub is_pro: Field<bool>,
    #[serde(rename = "isHf")]
    pub is_hf: Field<bool>,
    #[serde(rename = "isHfAdmin")]
    pub is_hf_admin: Field<bool>,
    #[serde(rename = "isMod")]
    pub is_mod: Field<bool>,
    #[serde(rename = "followerCount")]
    pub follower_count: Field<Num>,
}

/// An organization object: `organization`, `paper.organization`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireOrganization<'a> {
    #[serde(rename = "_id", borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub fullname: Text<'a>,
    #[serde(borrow)]
    pub avatar: Text<'a>,
}

/// One run of a search result's highlighted title or summary.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireHighlight<'a> {
    #[serde(rename = "type", borrow)]
    pub kind: Text<'a>,
    #[serde(borrow)]
    pub text: Text<'a>,
}

/// A model, dataset or space linked to a paper (`/api/papers/<id>`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireLinkedRepo<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
}

lenient_object!(
    WirePaper,
    WireAuthor,
    WireUser,
    WireOrganization,
    WireHighlight,
    WireLinkedRepo
);

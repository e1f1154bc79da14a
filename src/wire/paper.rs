//! One paper as the site's JSON carries it.

use std::borrow::Cow;

use super::lenient::{Field, Num};
use super::object::wire_object;

type Text<'a> = Field<Cow<'a, str>>;
type List<T> = Field<Vec<Field<T>>>;

wire_object! {
    /// A paper, a listing entry, or a flat search result.
    ///
    /// Listing entries are an outer object with the paper nested under `paper`; `/api/papers/<id>`
    /// and 2024 search results are the paper object alone. Both shapes share most keys, so one
    /// struct holds the union and the mapping decides which object each value came from.
    pub(crate) struct WirePaper<'a> {
        /// The nested paper of a listing entry.
        "paper" => pub paper: Field<Box<WirePaper<'a>>>,

        "id" => pub id: Text<'a>,
        "title" => pub title: Text<'a>,
        "summary" => pub summary: Text<'a>,
        "authors" => pub authors: List<WireAuthor<'a>>,
        /// On a paper: the arXiv announcement. On an outer entry: neither date that matters.
        "publishedAt" => pub published_at: Text<'a>,
        "submittedOnDailyAt" => pub submitted_on_daily_at: Text<'a>,
        "submittedOnDailyBy" => pub submitted_on_daily_by: Field<WireUser<'a>>,
        "submittedBy" => pub submitted_by: Field<WireUser<'a>>,
        "upvotes" => pub upvotes: Field<Num>,
        "numComments" => pub num_comments: Field<Num>,
        "discussionId" => pub discussion_id: Text<'a>,
        "projectPage" => pub project_page: Text<'a>,
        "githubRepo" => pub github_repo: Text<'a>,
        "githubRepoAddedBy" => pub github_repo_added_by: Text<'a>,
        "githubStars" => pub github_stars: Field<Num>,
        "ai_summary" => pub ai_summary: Text<'a>,
        "ai_keywords" => pub ai_keywords: List<Cow<'a, str>>,
        "ai_summary_model" => pub ai_summary_model: Text<'a>,
        "organization" => pub organization: Field<WireOrganization<'a>>,
        "thumbnail" => pub thumbnail: Text<'a>,
        "mediaUrls" => pub media_urls: List<Cow<'a, str>>,
        /// 2024 responses: one media URL.
        "mediaUrl" => pub media_url: Text<'a>,
        "withdrawnAt" => pub withdrawn_at: Text<'a>,
        "isAuthorParticipating" => pub is_author_participating: Field<bool>,
        "upvoted" => pub upvoted: Field<bool>,
        "highlightedTitle" => pub highlighted_title: List<WireHighlight<'a>>,
        "highlightedSummary" => pub highlighted_summary: List<WireHighlight<'a>>,
        "linkedModels" => pub linked_models: List<WireLinkedRepo<'a>>,
        "linkedDatasets" => pub linked_datasets: List<WireLinkedRepo<'a>>,
        "linkedSpaces" => pub linked_spaces: List<WireLinkedRepo<'a>>,
        "numTotalModels" => pub num_total_models: Field<Num>,
        "numTotalDatasets" => pub num_total_datasets: Field<Num>,
        "numTotalSpaces" => pub num_total_spaces: Field<Num>,
    }
}

wire_object! {
    /// `paper.authors[]`.
    pub(crate) struct WireAuthor<'a> {
        "_id" => pub id: Text<'a>,
        "name" => pub name: Text<'a>,
        "hidden" => pub hidden: Field<bool>,
        /// Boxed: most authors have no account, and a list of small authors grows cheaply.
        "user" => pub user: Field<Box<WireUser<'a>>>,
        "status" => pub status: Text<'a>,
        "statusLastChangedAt" => pub status_last_changed_at: Text<'a>,
    }
}

wire_object! {
    /// A user object: `submittedBy`, `submittedOnDailyBy`, `authors[].user`, comment authors.
    ///
    /// The id is `_id` (`id` in some 2024 objects) and the username is under `user` in some
    /// objects and `name` in others.
    pub(crate) struct WireUser<'a> {
        "_id" => pub underscore_id: Text<'a>,
        "id" => pub id: Text<'a>,
        "user" => pub user: Text<'a>,
        "name" => pub name: Text<'a>,
        "fullname" => pub fullname: Text<'a>,
        "avatarUrl" => pub avatar_url: Text<'a>,
        "type" => pub kind: Text<'a>,
        "isPro" => pub is_pro: Field<bool>,
        "isHf" => pub is_hf: Field<bool>,
        "isHfAdmin" => pub is_hf_admin: Field<bool>,
        "isMod" => pub is_mod: Field<bool>,
        "followerCount" => pub follower_count: Field<Num>,
    }
}

wire_object! {
    /// An organization object: `organization`, `paper.organization`.
    pub(crate) struct WireOrganization<'a> {
        "_id" => pub id: Text<'a>,
        "name" => pub name: Text<'a>,
        "fullname" => pub fullname: Text<'a>,
        "avatar" => pub avatar: Text<'a>,
    }
}

wire_object! {
    /// One run of a search result's highlighted title or summary.
    pub(crate) struct WireHighlight<'a> {
        "type" => pub kind: Text<'a>,
        "text" => pub text: Text<'a>,
    }
}

wire_object! {
    /// A model, dataset or space linked to a paper (`/api/papers/<id>`).
    pub(crate) struct WireLinkedRepo<'a> {
        "id" => pub id: Text<'a>,
    }
}

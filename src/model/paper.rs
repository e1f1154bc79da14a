use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, Coverage, Organization, User};
use crate::ArxivId;

/// One paper on Hugging Face Daily Papers, with everything the source carried.
///
/// Three dates are kept apart on purpose:
/// - [`listed_on`](Paper::listed_on): the day's list the paper is on (the UTC date of the
///   site's `submittedOnDailyAt`);
/// - [`published_at`](Paper::published_at): the arXiv announcement;
/// - [`entry_published_at`](Paper::entry_published_at): the listing entry's own `publishedAt`,
///   which is neither (it can fall days before the list date) and is kept only so that
///   nothing is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paper {
    /// The arXiv id, unversioned as the site uses it. Serialized as a string.
    pub id: ArxivId,
    /// The paper's page on huggingface.co.
    pub url: String,
    /// The title, with arXiv hard wraps and runs of whitespace collapsed (LaTeX untouched).
    pub title: Option<String>,
    /// The abstract, normalized like the title.
    pub summary: Option<String>,
    /// The authors in paper order, hidden ones included. `None` when the source has no
    /// author list (which is not the same as an empty one).
    pub authors: Option<Vec<Author>>,
    /// How many authors a degraded source says the paper has, when it shows a count instead
    /// of names (cards, text captures). `None` when `authors` is the full list.
    pub num_authors: Option<u32>,
    /// Upvotes on huggingface.co.
    pub upvotes: Option<u32>,
    /// Comments in the paper's discussion.
    pub num_comments: Option<u32>,
    /// The day's list the paper is on: the UTC date of `submittedOnDailyAt`.
    pub listed_on: Option<NaiveDate>,
    /// The exact `submittedOnDailyAt` timestamp.
    pub submitted_on_daily_at: Option<DateTime<Utc>>,
    /// The arXiv announcement (the paper's `publishedAt`).
    pub published_at: Option<DateTime<Utc>>,
    /// The listing entry's own `publishedAt`: neither the list date nor the arXiv date.
    pub entry_published_at: Option<DateTime<Utc>>,
    /// Who submitted the paper to Daily Papers.
    pub submitted_by: Option<User>,
    /// The organization the paper is filed under.
    pub organization: Option<Organization>,
    /// The paper's code repository on GitHub.
    pub github_repo: Option<String>,
    /// Who added the GitHub repository (a username).
    pub github_repo_added_by: Option<String>,
    /// Stars of the GitHub repository.
    pub github_stars: Option<u32>,
    /// The paper's project page.
    pub project_page: Option<String>,
    /// The site's AI-written one-paragraph summary.
    pub ai_summary: Option<String>,
    /// The site's AI-extracted keywords.
    pub ai_keywords: Option<Vec<String>>,
    /// The model that wrote the AI summary.
    pub ai_summary_model: Option<String>,
    /// The social thumbnail image.
    pub thumbnail: Option<String>,
    /// Media (videos, images) attached to the entry, as absolute URLs.
    pub media_urls: Option<Vec<String>>,
    /// The id of the paper's discussion thread on huggingface.co.
    pub discussion_id: Option<String>,
    /// When the paper was withdrawn, if it was.
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Whether an author takes part in the discussion.
    pub is_author_participating: Option<bool>,
    /// Whether the account that saved the page upvoted the paper (`false` when logged out).
    pub upvoted: Option<bool>,
    /// A search result's title with the matched words marked.
    pub highlighted_title: Option<Vec<Highlight>>,
    /// A search result's abstract with the matched words marked.
    pub highlighted_summary: Option<Vec<Highlight>>,
    /// Models, datasets and spaces that cite the paper (`/api/papers/<id>`).
    pub linked: Option<LinkedRepos>,
    /// `None` when the paper was read from complete data (the page's blob or the API);
    /// otherwise which fields the degraded source (cards, text) carried.
    pub coverage: Option<Coverage>,
}

impl Paper {
    /// A paper with this id and nothing else known.
    ///
    /// ```
    /// let id: hf_papers::ArxivId = "2607.01234".parse().unwrap();
    /// let paper = hf_papers::Paper::new(id);
    /// assert_eq!(paper.url, "https://huggingface.co/papers/2607.01234");
    /// assert_eq!(paper.upvotes, None);
    /// ```
    pub fn new(id: ArxivId) -> Paper {
        Paper {
            url: id.hf_url(),
            id,
            title: None,
            summary: None,
            authors: None,
            num_authors: None,
            upvotes: None,
            num_comments: None,
            listed_on: None,
            submitted_on_daily_at: None,
            published_at: None,
            entry_published_at: None,
            submitted_by: None,
            organization: None,
            github_repo: None,
            github_repo_added_by: None,
            github_stars: None,
            project_page: None,
            ai_summary: None,
            ai_keywords: None,
            ai_summary_model: None,
            thumbnail: None,
            media_urls: None,
            discussion_id: None,
            withdrawn_at: None,
            is_author_participating: None,
            upvoted: None,
            highlighted_title: None,
            highlighted_summary: None,
            linked: None,
            coverage: None,
        }
    }

    /// The paper's abstract page on arXiv.
    pub fn arxiv_url(&self) -> String {
        self.id.abs_url()
    }
}

/// One run of a highlighted search-result text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Highlight {
    /// Whether the run matched the query.
    pub kind: HighlightKind,
    /// The run's text, exactly as given (spaces are significant between runs).
    pub text: String,
}

/// Whether a highlighted run matched the query.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HighlightKind {
    /// Plain text between matches.
    Text,
    /// A match.
    Highlight,
}

/// Repositories on huggingface.co that cite a paper, from `/api/papers/<id>`.
///
/// The API returns the first few of each with a total; the ids listed may be fewer than the
/// totals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkedRepos {
    /// Ids (`owner/name`) of linked models.
    pub models: Option<Vec<String>>,
    /// Ids of linked datasets.
    pub datasets: Option<Vec<String>>,
    /// Ids of linked spaces.
    pub spaces: Option<Vec<String>>,
    /// How many models cite the paper in all.
    pub num_models: Option<u32>,
    /// How many datasets cite the paper in all.
    pub num_datasets: Option<u32>,
    /// How many spaces cite the paper in all.
    pub num_spaces: Option<u32>,
}

//! CSV export (the `csv` feature).

use std::borrow::Borrow;
use std::io::{self, Write};

use chrono::{DateTime, SecondsFormat, Utc};

use crate::Paper;

/// The columns of [`write_csv`], in their order. The order is stable: new columns are only
/// ever added at the end.
///
/// | column | value |
/// |---|---|
/// | `id` | the arXiv id (`2607.01234`; a string, never a number) |
/// | `url` | the paper's page on huggingface.co |
/// | `arxiv_url` | the abstract page on arXiv |
/// | `title` | the title |
/// | `authors` | the authors the site shows (hidden ones left out), joined by `; ` |
/// | `upvotes` | upvotes |
/// | `num_comments` | comments |
/// | `listed_on` | the day's list the paper is on, `YYYY-MM-DD` |
/// | `published_at` | the arXiv announcement, RFC 3339 in UTC |
/// | `submitted_by` | the submitter's username (else display name) |
/// | `organization` | the organization's handle (else display name) |
/// | `github_repo` | the GitHub repository URL |
/// | `github_stars` | its stars |
/// | `project_page` | the project page URL |
/// | `ai_keywords` | the AI keywords, joined by `; ` |
/// | `summary` | the abstract |
///
/// A value the source did not carry is an empty cell (so a real `0` stays distinct from
/// "unknown"). Fields are quoted as CSV requires, so commas, quotes and line breaks inside
/// values are safe.
pub const CSV_COLUMNS: [&str; 16] = [
    "id",
    "url",
    "arxiv_url",
    "title",
    "authors",
    "upvotes",
    "num_comments",
    "listed_on",
    "published_at",
    "submitted_by",
    "organization",
    "github_repo",
    "github_stars",
    "project_page",
    "ai_keywords",
    "summary",
];

/// Writes papers as CSV: a header row of [`CSV_COLUMNS`], then one row a paper. Returns how
/// many papers were written. The writer is flushed at the end.
///
/// Pass a listing's papers (`&listing.papers`) or a collection's
/// (`collection.papers().iter().map(|c| &c.paper)`).
///
/// ```
/// let listing = hf_papers::Listing::from_api_json(r#"[{"paper": {
///     "id": "2607.01234", "title": "Sparse Lanterns, Revisited", "upvotes": 0,
///     "authors": [{"name": "Ada Example"}, {"name": "Bo Li"}]}}]"#)?;
/// let mut out = Vec::new();
/// hf_papers::export::write_csv(&mut out, &listing.papers)?;
/// let text = String::from_utf8(out).unwrap();
/// let mut lines = text.lines();
/// assert!(lines.next().unwrap().starts_with("id,url,arxiv_url,title,authors,upvotes,"));
/// assert!(lines.next().unwrap().starts_with(
///     "2607.01234,https://huggingface.co/papers/2607.01234,https://arxiv.org/abs/2607.01234,\
///      \"Sparse Lanterns, Revisited\",Ada Example; Bo Li,0,,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The writer's I/O errors.
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub fn write_csv<W, I>(writer: W, papers: I) -> io::Result<usize>
where
    W: Write,
    I: IntoIterator,
    I::Item: Borrow<Paper>,
{
    let mut out = ::csv::Writer::from_writer(writer);
    out.write_record(CSV_COLUMNS)?;
    let mut written = 0;
    for paper in papers {
        out.write_record(row(paper.borrow()))?;
        written += 1;
    }
    out.flush()?;
    Ok(written)
}

fn row(paper: &Paper) -> [String; 16] {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<u32>| value.map(|n| n.to_string()).unwrap_or_default();
    let authors = paper
        .authors
        .iter()
        .flatten()
        .filter(|author| author.hidden != Some(true))
        .map(|author| author.name.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let submitted_by = paper
        .submitted_by
        .as_ref()
        .and_then(|user| user.username.clone().or_else(|| user.fullname.clone()));
    let organization = paper
        .organization
        .as_ref()
        .and_then(|org| org.name.clone().or_else(|| org.fullname.clone()));
    [
        paper.id.to_string(),
        paper.url.clone(),
        paper.arxiv_url(),
        text(&paper.title),
        authors,
        number(paper.upvotes),
        number(paper.num_comments),
        paper.listed_on.map(|d| d.to_string()).unwrap_or_default(),
        paper.published_at.map(timestamp).unwrap_or_default(),
        submitted_by.unwrap_or_default(),
        organization.unwrap_or_default(),
        text(&paper.github_repo),
        number(paper.github_stars),
        text(&paper.project_page),
        paper
            .ai_keywords
            .as_ref()
            .map(|k| k.join("; "))
            .unwrap_or_default(),
        text(&paper.summary),
    ]
}

/// RFC 3339 in UTC, as the crate's JSON writes timestamps.
fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), written with serde_json.

use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use super::{Entry, Feed};

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed_url: Option<&'a str>,
    description: &'a str,
    authors: [JsonAuthor<'a>; 1],
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    external_url: &'a str,
    title: &'a str,
    content_text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    /// This crate's extension (JSON Feed allows keys starting with `_`).
    _hf_papers: Extension<'a>,
}

/// What a feed reader cannot know from the standard keys.
#[derive(Serialize)]
struct Extension<'a> {
    arxiv_id: String,
    upvotes: Option<u32>,
    num_comments: Option<u32>,
    /// Every list date, oldest first; empty when the entry is dated by arXiv.
    listed_on: &'a [NaiveDate],
    organization: Option<&'a str>,
    github_repo: Option<&'a str>,
}

pub(super) fn write<W: Write>(feed: &Feed<'_>, mut writer: W) -> io::Result<()> {
    let options = feed.options;
    let json = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &options.title,
        home_page_url: &options.home_page,
        feed_url: options.self_link.as_deref(),
        description: &options.description,
        authors: [JsonAuthor {
            name: "Hugging Face Daily Papers",
            url: Some("https://huggingface.co/papers"),
        }],
        items: feed.entries.iter().map(item).collect(),
    };
    serde_json::to_writer_pretty(&mut writer, &json).map_err(io::Error::from)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

fn item<'a>(e: &'a Entry<'a>) -> JsonItem<'a> {
    let paper = e.paper;
    let summary = paper.summary.as_deref();
    let modified = e.updated.filter(|at| Some(*at) != e.published);
    JsonItem {
        id: &e.id,
        url: &e.id,
        external_url: &e.arxiv_url,
        title: &e.title,
        content_text: summary.unwrap_or(&e.title),
        summary,
        date_published: e.published.map(rfc3339),
        date_modified: modified.map(rfc3339),
        authors: e
            .authors
            .iter()
            .map(|(name, url)| JsonAuthor {
                name,
                url: url.as_deref(),
            })
            .collect(),
        tags: paper.ai_keywords.as_deref().filter(|k| !k.is_empty()),
        image: paper.thumbnail.as_deref(),
        _hf_papers: Extension {
            arxiv_id: paper.id.to_string(),
            upvotes: paper.upvotes,
            num_comments: paper.num_comments,
            listed_on: &e.list_dates,
            organization: paper.organization.as_ref().and_then(|o| o.name.as_deref()),
            github_repo: paper.github_repo.as_deref(),
        },
    }
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

//! Feeds: each format is parsed back (atom_syndication, rss, serde_json) and every entry is
//! checked against the papers it came from.
#![cfg(feature = "feed")]

use std::path::Path;

use chrono::{DateTime, NaiveTime, Utc};
use hf_papers::feed::{self, FeedFormat, FeedOptions};
use hf_papers::{CollectedPaper, Collection, Document, Listing, Query, SortBy};

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    hf_papers::parse_bytes(&std::fs::read(&path).expect("fixture")).expect("parses")
}

/// Papers of many kinds: a day page and the paper API (a hidden author), a week, a search
/// page (a paper with no list date), a flat 2024 search response (no list dates at all),
/// a markdown capture (no abstracts, no authors) and a paper on two days' lists.
fn papers() -> Collection {
    let mut papers = Collection::new();
    for name in [
        "day-2026-server.html",
        "api-paper-2026.json",
        "week-2026-W27.html",
        "search-2026.html",
        "api-search-2024-flat.json",
        "text-day-once.md",
    ] {
        papers.add_document(&fixture(name));
    }
    let again = Listing::from_api_json(
        r#"[{"paper": {"id": "2607.00519", "upvotes": 30,
             "submittedOnDailyAt": "2026-07-05T00:00:00.000Z"}}]"#,
    )
    .expect("parses");
    papers.add(&again);
    papers
}

/// What an entry must say about a paper.
struct Expected {
    id: String,
    title: String,
    arxiv: String,
    published: Option<DateTime<Utc>>,
    updated: Option<DateTime<Utc>>,
    authors: Vec<String>,
    summary: Option<String>,
    keywords: Vec<String>,
}

fn expected(collected: &CollectedPaper) -> Expected {
    let paper = &collected.paper;
    let midnight = |d: chrono::NaiveDate| d.and_time(NaiveTime::MIN).and_utc();
    let dates = collected.list_dates();
    let (published, updated) = if dates.is_empty() {
        (paper.published_at, paper.published_at)
    } else {
        (
            dates.first().copied().map(midnight),
            dates.last().copied().map(midnight),
        )
    };
    Expected {
        id: format!("https://huggingface.co/papers/{}", paper.id),
        title: paper
            .title
            .clone()
            .unwrap_or_else(|| format!("arXiv:{}", paper.id)),
        arxiv: format!("https://arxiv.org/abs/{}", paper.id),
        published,
        updated,
        authors: paper
            .authors
            .iter()
            .flatten()
            .filter(|a| a.hidden != Some(true))
            .map(|a| a.name.clone())
            .collect(),
        summary: paper.summary.clone(),
        keywords: paper.ai_keywords.clone().unwrap_or_default(),
    }
}

/// The papers a feed with `options` must hold, in its order.
fn selection(papers: &Collection, min_upvotes: Option<u32>) -> Vec<&CollectedPaper> {
    papers
        .select(&Query::new().sort(SortBy::Newest))
        .into_iter()
        .filter(|p| min_upvotes.is_none_or(|min| p.paper.upvotes.is_some_and(|n| n >= min)))
        .collect()
}

fn check_atom(text: &str, want: &[&CollectedPaper]) {
    let parsed: atom_syndication::Feed = text.parse().expect("the Atom feed parses back");
    assert_eq!(parsed.entries().len(), want.len());
    for (entry, paper) in parsed.entries().iter().zip(want) {
        let e = expected(paper);
        assert_eq!(entry.id(), e.id);
        assert_eq!(entry.title().as_str(), e.title);
        let alternate = entry
            .links()
            .iter()
            .find(|l| l.rel() == "alternate")
            .expect("alternate link");
        assert_eq!(alternate.href(), e.id);
        let related = entry
            .links()
            .iter()
            .find(|l| l.rel() == "related")
            .expect("arXiv link");
        assert_eq!(related.href(), e.arxiv);
        assert_eq!(
            entry.published().map(|d| d.with_timezone(&Utc)),
            e.published,
            "{}",
            e.id
        );
        if let Some(updated) = e.updated {
            assert_eq!(entry.updated().with_timezone(&Utc), updated, "{}", e.id);
        }
        let authors: Vec<&str> = entry.authors().iter().map(|a| a.name()).collect();
        assert_eq!(authors, e.authors, "{}", e.id);
        assert_eq!(entry.summary().map(|s| s.as_str()), e.summary.as_deref());
        let terms: Vec<&str> = entry.categories().iter().map(|c| c.term()).collect();
        assert_eq!(terms, e.keywords);
    }
}

fn check_rss(text: &str, want: &[&CollectedPaper]) {
    let channel = rss::Channel::read_from(text.as_bytes()).expect("the RSS feed parses back");
    assert_eq!(channel.items().len(), want.len());
    for (item, paper) in channel.items().iter().zip(want) {
        let e = expected(paper);
        let guid = item.guid().expect("guid");
        assert_eq!(guid.value(), e.id);
        assert!(guid.is_permalink());
        assert_eq!(item.title(), Some(e.title.as_str()));
        assert_eq!(item.link(), Some(e.id.as_str()));
        let pub_date = item
            .pub_date()
            .map(|d| DateTime::parse_from_rfc2822(d).expect("RFC 2822 date"));
        assert_eq!(
            pub_date.map(|d| d.with_timezone(&Utc)),
            e.published,
            "{}",
            e.id
        );
        let creators: Vec<String> = item
            .dublin_core_ext()
            .map(|dc| dc.creators().to_vec())
            .unwrap_or_default();
        assert_eq!(creators, e.authors, "{}", e.id);
        assert_eq!(item.description(), e.summary.as_deref());
        let related = &item.extensions()["atom"]["link"][0];
        assert_eq!(related.attrs()["rel"], "related");
        assert_eq!(related.attrs()["href"], e.arxiv);
        let names: Vec<&str> = item.categories().iter().map(|c| c.name()).collect();
        assert_eq!(names, e.keywords);
    }
}

fn check_json(text: &str, want: &[&CollectedPaper]) {
    let feed: serde_json::Value = serde_json::from_str(text).expect("the JSON feed parses");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"].is_string());
    let items = feed["items"].as_array().expect("items");
    assert_eq!(items.len(), want.len());
    let date = |v: &serde_json::Value| {
        v.as_str().map(|s| {
            DateTime::parse_from_rfc3339(s)
                .expect("RFC 3339")
                .with_timezone(&Utc)
        })
    };
    for (item, paper) in items.iter().zip(want) {
        let e = expected(paper);
        assert_eq!(item["id"], e.id.as_str());
        assert_eq!(item["url"], e.id.as_str());
        assert_eq!(item["external_url"], e.arxiv.as_str());
        assert_eq!(item["title"], e.title.as_str());
        assert_eq!(date(&item["date_published"]), e.published, "{}", e.id);
        let modified = date(&item["date_modified"]).or(date(&item["date_published"]));
        assert_eq!(modified, e.updated, "{}", e.id);
        let authors: Vec<&str> = item["authors"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["name"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(authors, e.authors, "{}", e.id);
        assert_eq!(item["summary"].as_str(), e.summary.as_deref());
        assert!(item["content_text"].is_string(), "JSON Feed needs content");
        let tags: Vec<&str> = item["tags"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(tags, e.keywords);
        assert_eq!(item["_hf_papers"]["arxiv_id"], paper.paper.id.to_string());
        assert_eq!(
            item["_hf_papers"]["upvotes"].as_u64(),
            paper.paper.upvotes.map(u64::from)
        );
    }
}

#[test]
fn every_format_round_trips_with_every_entry() {
    let papers = papers();
    let want = selection(&papers, None);
    assert!(want.len() > 10);
    let options = FeedOptions::new();
    check_atom(&feed::atom(&papers, &options), &want);
    check_rss(&feed::rss(&papers, &options), &want);
    check_json(&feed::json_feed(&papers, &options), &want);
}

#[test]
fn the_upvote_threshold_and_entry_cap_apply() {
    let papers = papers();
    let want = selection(&papers, Some(20));
    assert!(!want.is_empty() && want.len() < papers.len());
    let options = FeedOptions::new().min_upvotes(20);
    check_atom(&feed::atom(&papers, &options), &want);
    check_rss(&feed::rss(&papers, &options), &want);
    check_json(&feed::json_feed(&papers, &options), &want);

    let options = FeedOptions::new().min_upvotes(20).max_entries(2);
    check_atom(&feed::atom(&papers, &options), &want[..2]);
    check_rss(&feed::rss(&papers, &options), &want[..2]);
    check_json(&feed::json_feed(&papers, &options), &want[..2]);
}

#[test]
fn a_query_chooses_and_orders_the_entries() {
    let papers = papers();
    let query = Query::new().keyword("attention").sort(SortBy::Upvotes);
    let want = papers.select(&query);
    assert!(want.len() >= 2);
    let options = FeedOptions::new().query(query);
    check_atom(&feed::atom(&papers, &options), &want);
    check_rss(&feed::rss(&papers, &options), &want);
    check_json(&feed::json_feed(&papers, &options), &want);
}

#[test]
fn entries_are_dated_by_the_list_date_never_the_entry_published_at() {
    let papers = papers();
    let xml = feed::atom(&papers, &FeedOptions::new());
    let parsed: atom_syndication::Feed = xml.parse().expect("parses");
    let entry = |id: &str| {
        parsed
            .entries()
            .iter()
            .find(|e| e.id() == format!("https://huggingface.co/papers/{id}"))
            .expect("entry")
    };
    // On the 2026-07-02 list; its entry's own publishedAt is 2026-06-29, the arXiv date
    // 2026-06-30.
    let tidal = entry("2607.01234");
    assert_eq!(tidal.updated().to_rfc3339(), "2026-07-02T00:00:00+00:00");
    assert_eq!(
        tidal.published().map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-07-02T00:00:00+00:00")
    );
    // Hidden authors are left out.
    assert!(
        !tidal
            .authors()
            .iter()
            .any(|a| a.name() == "Priya Castellane")
    );
    assert_eq!(tidal.authors().len(), 3);
    // On two days' lists: published on the first, updated on the latest.
    let twice = entry("2607.00519");
    assert_eq!(
        twice.published().map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-07-02T00:00:00+00:00")
    );
    assert_eq!(twice.updated().to_rfc3339(), "2026-07-05T00:00:00+00:00");
    // No list date: the arXiv date, as the publication date.
    let undated = entry("2511.06642");
    assert_eq!(
        undated.published().map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-11-10T00:00:00+00:00")
    );
    // The feed is as new as its newest entry.
    assert_eq!(parsed.updated().to_rfc3339(), "2026-07-09T00:00:00+00:00");
}

#[test]
fn feed_level_fields_and_self_links() {
    let papers = papers();
    let options = FeedOptions::new()
        .title("Lantern papers")
        .description("Only the bright ones")
        .self_link("https://example.org/feed");
    let atom: atom_syndication::Feed = feed::atom(&papers, &options).parse().expect("atom");
    assert_eq!(atom.title().as_str(), "Lantern papers");
    assert_eq!(atom.id(), "https://example.org/feed");
    assert!(
        atom.links()
            .iter()
            .any(|l| l.rel() == "self" && l.href() == "https://example.org/feed")
    );
    assert!(!atom.authors().is_empty(), "Atom needs a feed author");

    let channel = rss::Channel::read_from(feed::rss(&papers, &options).as_bytes()).expect("rss");
    assert_eq!(channel.title(), "Lantern papers");
    assert_eq!(channel.description(), "Only the bright ones");
    assert_eq!(channel.link(), "https://huggingface.co/papers");
    let own = &channel.extensions()["atom"]["link"][0];
    assert_eq!(own.attrs()["rel"], "self");
    assert_eq!(own.attrs()["href"], "https://example.org/feed");

    let json: serde_json::Value =
        serde_json::from_str(&feed::json_feed(&papers, &options)).expect("json");
    assert_eq!(json["feed_url"], "https://example.org/feed");
    assert_eq!(json["home_page_url"], "https://huggingface.co/papers");
    assert_eq!(json["description"], "Only the bright ones");
}

#[test]
fn output_is_deterministic_and_empty_feeds_are_valid() {
    let papers = papers();
    for format in [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json] {
        let options = FeedOptions::new();
        assert_eq!(
            feed::render(format, &papers, &options),
            feed::render(format, &papers, &options)
        );
        let mut written = Vec::new();
        feed::write(format, &papers, &options, &mut written).expect("writes");
        assert_eq!(written, feed::render(format, &papers, &options).as_bytes());
    }
    let empty = Collection::new();
    let options = FeedOptions::new();
    check_atom(&feed::atom(&empty, &options), &[]);
    check_rss(&feed::rss(&empty, &options), &[]);
    check_json(&feed::json_feed(&empty, &options), &[]);
}

#[test]
fn characters_xml_forbids_do_not_break_the_feed() {
    let listing = Listing::from_api_json(
        r#"[{"paper": {"id": "2607.01234", "title": "Bell\u0007 <and> & \"quotes\"",
             "summary": "Nul\u0000 here, and ]]> too.",
             "authors": [{"name": "Ada\u001b Example"}],
             "ai_keywords": ["a&b"],
             "submittedOnDailyAt": "2026-07-02T00:00:00.000Z"}}]"#,
    )
    .expect("parses");
    let papers = Collection::from(&listing);
    let options = FeedOptions::new();
    let atom: atom_syndication::Feed = feed::atom(&papers, &options).parse().expect("atom");
    let entry = &atom.entries()[0];
    assert!(entry.title().as_str().contains("<and> & \"quotes\""));
    assert!(!entry.title().as_str().contains('\u{7}'));
    assert!(entry.summary().expect("summary").as_str().contains("]]>"));
    let channel =
        rss::Channel::read_from(feed::rss(&papers, &options).as_bytes()).expect("rss parses");
    assert!(
        channel.items()[0]
            .description()
            .expect("description")
            .contains("]]>")
    );
    let _: serde_json::Value =
        serde_json::from_str(&feed::json_feed(&papers, &options)).expect("json");
}

struct Closed;

impl std::io::Write for Closed {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "closed",
        ))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_writers_error_reaches_the_caller_unchanged() {
    let papers = papers();
    for format in [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json] {
        let err = feed::write(format, &papers, &FeedOptions::new(), Closed).expect_err("fails");
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{format}");
    }
}

#[test]
fn feed_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<FeedOptions>();
    check::<FeedFormat>();
    check::<feed::FeedFormatError>();
}

//! Collections: merging listings into one deduplicated set, the merge rules, queries and
//! serialization.

use std::path::Path;

use chrono::NaiveDate;
use hf_papers::{
    ArxivId, CollectedPaper, Collection, Document, Listing, Period, Query, SortBy, Source,
};
use serde_json::json;

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    hf_papers::parse_bytes(&bytes).expect("fixture parses")
}

fn fixture_listing(name: &str) -> Listing {
    match fixture(name) {
        Document::Listing(listing) => listing,
        other => panic!("{name} is not a listing: {other:?}"),
    }
}

fn id(s: &str) -> ArxivId {
    s.parse().expect("arXiv id")
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// A listing written in the crate's own serialized schema: lets a test say exactly what
/// each source carried, degraded sources included.
fn listing(period: serde_json::Value, source: &str, papers: serde_json::Value) -> Listing {
    let mut papers = papers;
    for paper in papers.as_array_mut().expect("array") {
        let id = paper["id"].as_str().expect("id").to_owned();
        paper["url"] = json!(format!("https://huggingface.co/papers/{id}"));
    }
    serde_json::from_value(json!({
        "period": period,
        "papers": papers,
        "unidentified": [],
        "source": source,
        "canonical_url": null,
        "date_text": null,
        "prev_period": null,
        "warnings": [],
    }))
    .expect("a listing")
}

fn day(d: &str) -> serde_json::Value {
    json!({"kind": "day", "date": d})
}

fn ids(papers: &[&CollectedPaper]) -> Vec<String> {
    papers.iter().map(|p| p.paper.id.to_string()).collect()
}

#[test]
fn a_day_page_and_the_paper_api_share_one_paper() {
    let mut papers = Collection::new();
    papers.add_document(&fixture("day-2026-server.html"));
    papers.add_document(&fixture("api-paper-2026.json"));
    let day = fixture_listing("day-2026-server.html");
    assert_eq!(papers.len(), day.papers.len(), "2607.01234 is counted once");

    let shared = papers.get(&id("2607.01234")).expect("shared paper");
    // The day page gave it an appearance; the paper response added its linked repos.
    assert_eq!(shared.appearances.len(), 1);
    let seen = &shared.appearances[0];
    assert_eq!(seen.rank, 2);
    assert_eq!(seen.listed_on, Some(date("2026-07-02")));
    assert_eq!(seen.source, Source::HydrationBlob);
    assert!(matches!(seen.period, Period::Day { .. }));
    let linked = shared.paper.linked.as_ref().expect("linked repos kept");
    assert_eq!(linked.num_models, Some(14));
    assert_eq!(shared.paper.listed_on, Some(date("2026-07-02")));
    assert_eq!(shared.paper.coverage, None);
}

#[test]
fn every_fixture_merges_each_id_once_and_keeps_every_appearance() {
    let names = [
        "api-daily-2024-03.json",
        "api-daily-2024-08.json",
        "api-daily-2025-06.json",
        "api-daily-2026.json",
        "api-paper-2026.json",
        "api-search-2024-flat.json",
        "api-search-2025-wrapped.json",
        "day-2026-browser-saved.html",
        "day-2026-server.html",
        "day-bs4-prettified.html",
        "day-double-escaped.html",
        "day-empty.html",
        "day-unknown-keys.html",
        "month-2026-06.html",
        "search-2026.html",
        "text-day-browser.txt",
        "text-day-once.md",
        "text-search-refs.md",
        "text-trending-links.txt",
        "text-trending-twice.md",
        "trending-2026.html",
        "week-2026-W27.html",
    ];
    let mut papers = Collection::new();
    let mut entries = 0;
    let mut distinct = std::collections::BTreeSet::new();
    for name in names {
        let document = fixture(name);
        if let Document::Listing(listing) = &document {
            entries += listing.papers.len();
            distinct.extend(listing.papers.iter().map(|p| p.id.to_string()));
        }
        papers.add_document(&document);
    }
    assert_eq!(papers.len(), distinct.len());
    let appearances: usize = papers.papers().iter().map(|p| p.appearances.len()).sum();
    assert_eq!(appearances, entries, "one appearance per listing entry");
    for paper in papers.papers() {
        assert_eq!(
            papers.get(&paper.paper.id).map(|p| &p.paper.id),
            Some(&paper.paper.id)
        );
    }
    // Unidentified papers are kept, deduplicated by title: "Sparse Lanterns" is in both the
    // browser text capture and the search dump.
    let titles: Vec<String> = papers
        .unidentified()
        .iter()
        .map(|p| p.title.to_lowercase())
        .collect();
    let unique: std::collections::BTreeSet<_> = titles.iter().collect();
    assert_eq!(titles.len(), unique.len());
    assert!(
        titles
            .iter()
            .filter(|t| t.starts_with("sparse lanterns"))
            .count()
            == 1
    );
}

#[test]
fn adding_the_same_capture_twice_changes_nothing() {
    let day = fixture_listing("day-2026-server.html");
    let once = Collection::from(&day);
    let mut twice = Collection::from(&day);
    twice.add(&day);
    assert_eq!(once, twice);
}

#[test]
fn ranks_are_one_based_in_listing_order() {
    let week = fixture_listing("week-2026-W27.html");
    let papers = Collection::from(&week);
    for (index, paper) in week.papers.iter().enumerate() {
        let seen = &papers.get(&paper.id).expect("paper").appearances[0];
        assert_eq!(seen.rank, index + 1);
        // A week's list: the appearance carries the paper's own list date.
        assert_eq!(seen.listed_on, paper.listed_on);
        assert!(matches!(seen.period, Period::Week { .. }));
    }
}

#[test]
fn a_markdown_day_capture_takes_the_list_date() {
    let papers = Collection::from(&fixture_listing("text-day-once.md"));
    for paper in papers.papers() {
        assert_eq!(paper.paper.listed_on, Some(date("2026-07-09")));
        assert_eq!(paper.appearances[0].source, Source::Markdown);
        let coverage = paper.paper.coverage.as_ref().expect("still degraded");
        assert!(coverage.has("listed_on"));
    }
}

#[test]
fn complete_data_beats_degraded_field_by_field_in_either_order() {
    let blob = listing(
        day("2026-07-02"),
        "hydration_blob",
        json!([{
            "id": "2607.01234",
            "title": "Tidal Attention: $O(n \\log n)$ Mixing",
            "summary": "The abstract.",
            "authors": [{"name": "Katja Tovlin", "hidden": false}],
            "upvotes": 12,
            "listed_on": "2026-07-02",
        }]),
    );
    let text = listing(
        day("2026-07-02"),
        "markdown",
        json!([{
            "id": "2607.01234",
            "title": "Tidal Attention: O(n log n) Mixing",
            "num_authors": 3,
            "upvotes": 15,
            "github_repo": "https://github.com/example/tidal",
            "github_stars": 41,
            "coverage": {"source": "markdown",
                         "fields": ["id", "title", "num_authors", "upvotes", "github_repo", "github_stars"]},
        }]),
    );
    for order in [[&blob, &text], [&text, &blob]] {
        let papers: Collection = order.into_iter().collect();
        let merged = &papers.get(&id("2607.01234")).expect("paper").paper;
        // The blob's title wins whichever came first...
        assert_eq!(merged.title, blob.papers[0].title);
        assert_eq!(merged.summary.as_deref(), Some("The abstract."));
        // ...the text capture's extra fields are kept...
        assert_eq!(
            merged.github_repo.as_deref(),
            Some("https://github.com/example/tidal")
        );
        assert_eq!(merged.github_stars, Some(41));
        // ...the full author list makes the degraded count redundant...
        assert_eq!(merged.authors.as_ref().map(Vec::len), Some(1));
        assert_eq!(merged.num_authors, None);
        // ...and complete data contributed, so the paper is no longer "degraded".
        assert_eq!(merged.coverage, None);
    }
    // Counts follow the later capture of the same day, whatever its kind.
    let papers: Collection = [&blob, &text].into_iter().collect();
    assert_eq!(papers.papers()[0].paper.upvotes, Some(15));
    let papers: Collection = [&text, &blob].into_iter().collect();
    assert_eq!(papers.papers()[0].paper.upvotes, Some(12));
    assert_eq!(papers.papers()[0].appearances.len(), 2);
}

#[test]
fn counts_come_from_the_newest_list_whatever_the_order() {
    let earlier = listing(
        day("2026-07-02"),
        "api_json",
        json!([{"id": "2607.01234", "upvotes": 3, "num_comments": 0,
                "github_repo": "https://github.com/example/a", "listed_on": "2026-07-02"}]),
    );
    let later = listing(
        day("2026-07-09"),
        "api_json",
        json!([{"id": "2607.01234", "upvotes": 40, "listed_on": "2026-07-09"}]),
    );
    for order in [[&earlier, &later], [&later, &earlier]] {
        let papers: Collection = order.into_iter().collect();
        let merged = papers.get(&id("2607.01234")).expect("paper");
        assert_eq!(merged.paper.upvotes, Some(40));
        assert_eq!(
            merged.paper.num_comments,
            Some(0),
            "a field only one source had"
        );
        assert_eq!(
            merged.paper.github_repo.as_deref(),
            Some("https://github.com/example/a")
        );
        assert_eq!(merged.paper.listed_on, Some(date("2026-07-09")));
        assert_eq!(
            merged.list_dates(),
            [date("2026-07-02"), date("2026-07-09")]
        );
        assert_eq!(merged.first_listed_on(), Some(date("2026-07-02")));
        assert_eq!(merged.last_listed_on(), Some(date("2026-07-09")));
    }
}

#[test]
fn undated_sources_go_by_the_order_of_the_calls() {
    let first = listing(
        json!({"kind": "trending"}),
        "hydration_blob",
        json!([{"id": "2607.01234", "upvotes": 3}]),
    );
    let second = listing(
        json!({"kind": "trending"}),
        "hydration_blob",
        json!([{"id": "2607.01234", "upvotes": 7}]),
    );
    let papers: Collection = [&first, &second].into_iter().collect();
    assert_eq!(papers.papers()[0].paper.upvotes, Some(7));
    // Same period, same rank, same source: one appearance.
    assert_eq!(papers.papers()[0].appearances.len(), 1);
}

#[test]
fn the_submitter_is_completed_from_the_same_account() {
    let blob = listing(
        day("2026-07-02"),
        "hydration_blob",
        json!([{"id": "2607.01234",
                "submitted_by": {"username": "ada-ex", "fullname": "Ada Example"}}]),
    );
    let api = listing(
        day("2026-07-02"),
        "api_json",
        json!([{"id": "2607.01234",
                "submitted_by": {"username": "ada-ex", "avatar_url": "https://huggingface.co/avatars/a.svg"}}]),
    );
    let papers: Collection = [&blob, &api].into_iter().collect();
    let user = papers.papers()[0]
        .paper
        .submitted_by
        .clone()
        .expect("submitter");
    assert_eq!(user.fullname.as_deref(), Some("Ada Example"));
    assert_eq!(
        user.avatar_url.as_deref(),
        Some("https://huggingface.co/avatars/a.svg")
    );
}

#[test]
fn get_ignores_a_version_suffix() {
    let papers = Collection::from(&fixture_listing("day-2026-server.html"));
    assert!(papers.get(&id("2607.01234v3")).is_some());
    assert!(papers.get(&id("2607.99999")).is_none());
}

fn query_fixture() -> Collection {
    let api = listing(
        json!({"kind": "unspecified"}),
        "api_json",
        json!([
            {"id": "2607.00001", "title": "Sparse Lanterns", "upvotes": 5, "listed_on": "2026-07-01",
             "organization": {"name": "example-lab", "fullname": "Example Lab"}},
            {"id": "2607.00002", "title": "Dense Maps", "upvotes": 9, "listed_on": "2026-07-03",
             "ai_keywords": ["sparse attention", "maps"]},
            {"id": "2607.00003", "title": "Quiet Gradients", "upvotes": 5, "listed_on": "2026-07-03",
             "summary": "We detect dead units."},
            {"id": "2607.00004", "title": "No Count Yet", "listed_on": "2026-07-02"},
            {"id": "2607.00005", "title": "No Date", "upvotes": 1},
        ]),
    );
    Collection::from(&api)
}

#[test]
fn queries_sort_stably_with_unknowns_last() {
    let papers = query_fixture();
    let all = |sort| ids(&papers.select(&Query::new().sort(sort)));
    assert_eq!(
        all(SortBy::Added),
        [
            "2607.00001",
            "2607.00002",
            "2607.00003",
            "2607.00004",
            "2607.00005"
        ]
    );
    // Ties on upvotes: newest list date first, then the order added.
    assert_eq!(
        all(SortBy::Upvotes),
        [
            "2607.00002",
            "2607.00003",
            "2607.00001",
            "2607.00005",
            "2607.00004"
        ]
    );
    assert_eq!(
        all(SortBy::Newest),
        [
            "2607.00002",
            "2607.00003",
            "2607.00004",
            "2607.00001",
            "2607.00005"
        ]
    );
    assert_eq!(
        all(SortBy::Oldest),
        [
            "2607.00001",
            "2607.00004",
            "2607.00002",
            "2607.00003",
            "2607.00005"
        ]
    );
}

#[test]
fn queries_filter() {
    let papers = query_fixture();
    let select = |q: Query| ids(&papers.select(&q));
    assert_eq!(
        select(Query::new().min_upvotes(5)),
        ["2607.00001", "2607.00002", "2607.00003"]
    );
    assert_eq!(
        select(Query::new().organization("EXAMPLE-LAB")),
        ["2607.00001"]
    );
    assert_eq!(
        select(Query::new().organization("example lab")),
        ["2607.00001"]
    );
    // Title, abstract and AI keywords; ignoring case.
    assert_eq!(
        select(Query::new().keyword("Sparse")),
        ["2607.00001", "2607.00002"]
    );
    assert_eq!(select(Query::new().keyword("dead units")), ["2607.00003"]);
    assert_eq!(
        select(Query::new().keyword("sparse").keyword("maps")),
        ["2607.00002"]
    );
    assert_eq!(
        select(Query::new().listed_between(date("2026-07-02"), date("2026-07-03"))),
        ["2607.00002", "2607.00003", "2607.00004"]
    );
    assert_eq!(
        select(Query::new().listed_until(date("2026-07-01"))),
        ["2607.00001"]
    );
    assert_eq!(
        select(Query::new().sort(SortBy::Upvotes).limit(2)),
        ["2607.00002", "2607.00003"]
    );
    let query = Query::new().min_upvotes(6);
    assert!(query.matches(papers.get(&id("2607.00002")).expect("paper")));
    assert!(!query.matches(papers.get(&id("2607.00004")).expect("paper")));
}

#[test]
fn a_collection_round_trips_through_json() {
    let mut papers = Collection::new();
    for name in [
        "day-2026-server.html",
        "text-day-once.md",
        "text-day-browser.txt",
    ] {
        papers.add_document(&fixture(name));
    }
    let text = serde_json::to_string(&papers).expect("serializes");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    // A collected paper reads like a paper, plus its appearances.
    let first = &value["papers"][0];
    assert_eq!(first["id"], "2607.00519");
    assert_eq!(first["url"], "https://huggingface.co/papers/2607.00519");
    assert_eq!(first["appearances"][0]["period"]["kind"], "day");
    assert_eq!(value["unidentified"].as_array().map(Vec::len), Some(4));

    let mut back: Collection = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, papers);
    // The index is rebuilt: a later capture still merges.
    back.add(&fixture_listing("day-2026-server.html"));
    assert_eq!(back.len(), papers.len());
    assert!(back.get(&id("2607.01234")).is_some());
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Collection>();
    check::<CollectedPaper>();
    check::<hf_papers::Appearance>();
    check::<Query>();
    check::<SortBy>();
}

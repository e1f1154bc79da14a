//! Text captures: `Listing::from_text` on the `fixtures/text-*` captures (made-up content in
//! the real layouts), on small inline captures for single rules, on the real captures in
//! `$HF_PAPERS_CORPUS/text/` when that variable is set, and under proptest.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use hf_papers::{
    ArxivId, Error, Listing, Paper, ParseOptions, Period, Source, Stage, UnidentifiedPaper,
    WarningKind,
};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    fs::read_to_string(&path).expect("fixture is readable UTF-8")
}

fn parse(name: &str) -> Listing {
    Listing::from_text(&fixture(name)).expect("fixture parses")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn titles(papers: &[Paper]) -> Vec<&str> {
    papers
        .iter()
        .map(|p| p.title.as_deref().unwrap_or(""))
        .collect()
}

fn ids(papers: &[Paper]) -> Vec<String> {
    papers.iter().map(|p| p.id.to_string()).collect()
}

fn utitles(papers: &[UnidentifiedPaper]) -> Vec<&str> {
    papers.iter().map(|p| p.title.as_str()).collect()
}

fn fields(coverage: &hf_papers::Coverage) -> Vec<&str> {
    coverage.fields.iter().map(String::as_str).collect()
}

/// Strings of the page or of the capture tools that must never be part of a paper.
const CHROME: &[&str] = &[
    "Subscribe",
    "Get trending papers",
    "Trending Papers",
    "Daily Papers",
    "AK and the research community",
    "Submitted by",
    "Upvote",
    "arXiv Page",
    "[LINK:",
    "Content truncated",
    "```",
    "Web source",
    "**URL:**",
    "Page Title",
    "Captured (UTC)",
    "source-section",
    "图片",
    "Hugging Face's logo",
    "System theme",
    "](http",
    "][",
];

fn assert_no_chrome(name: &str, listing: &Listing) {
    let texts = listing
        .papers
        .iter()
        .flat_map(|p| [p.title.as_deref(), p.summary.as_deref()])
        .chain(
            listing
                .unidentified
                .iter()
                .flat_map(|p| [Some(p.title.as_str()), p.summary.as_deref()]),
        )
        .flatten();
    for text in texts {
        for chrome in CHROME {
            assert!(
                !text.contains(chrome),
                "{name}: {chrome:?} leaked into a paper: {text:?}"
            );
        }
    }
}

const TEXT_FIXTURES: &[&str] = &[
    "text-day-browser.txt",
    "text-day-once.md",
    "text-trending-twice.md",
    "text-search-refs.md",
    "text-trending-links.txt",
];

// ---------------------------------------------------------------------------------------------
// The fixtures
// ---------------------------------------------------------------------------------------------

#[test]
fn plain_browser_copy_of_a_day_page() {
    let listing = parse("text-day-browser.txt");
    assert_eq!(listing.source, Source::Text);
    assert_eq!(listing.date_text.as_deref(), Some("Mar 14"));
    assert_eq!(listing.period, Period::Unspecified, "no year is known");
    assert!(
        listing.papers.is_empty(),
        "plain text has no links, so no ids"
    );
    assert!(listing.warnings.is_empty(), "{:?}", listing.warnings);
    let papers = &listing.unidentified;
    assert_eq!(
        utitles(papers),
        [
            "Sparse Lanterns: Lighting Long Contexts with Few Tokens",
            "Tidal Planning: Agents That Wait for the Right Moment",
            "0",
            "Pebble Attention Without Any Abstract Shown",
        ]
    );
    assert_eq!(
        papers[0].summary.as_deref(),
        Some(
            r"We show that a made-up lantern mechanism lets a model attend to $O(\log n)$ tokens per step while keeping 98% of its accuracy on three invented benchmarks \cite{lantern2026}."
        )
    );
    assert_eq!(
        papers[1].summary.as_deref(),
        Some(
            "Tidal Planning teaches imaginary agents to defer actions until a learned \"tide\" signal rises, which halves wasted tool calls in a fictional kitchen simulator."
        )
    );
    assert!(papers[2].summary.as_deref().is_some_and(|s| {
        s.starts_with("An odd but real-style title: ") && s.ends_with("mostly cannot.")
    }));
    assert_eq!(papers[3].summary, None);
    let upvotes: Vec<_> = papers.iter().map(|p| p.upvotes).collect();
    assert_eq!(upvotes, [Some(42), Some(17), Some(0), Some(8)]);
    let authors: Vec<_> = papers.iter().map(|p| p.num_authors).collect();
    assert_eq!(authors, [None, Some(6), None, Some(12)]);
    let orgs: Vec<_> = papers.iter().map(|p| p.organization.as_deref()).collect();
    assert_eq!(
        orgs,
        [
            Some("Lumen Institute"),
            None,
            Some("Harbor Robotics Lab"),
            None
        ]
    );
    let submitters: Vec<_> = papers.iter().map(|p| p.submitted_by.as_deref()).collect();
    assert_eq!(
        submitters,
        [
            Some("quietfox"),
            Some("tidewright"),
            Some("mossbank"),
            Some("quietfox")
        ]
    );
    // "Published on Dec 30, 2025" has its year; nothing else shows a date.
    let published: Vec<_> = papers.iter().map(|p| p.published_on).collect();
    assert_eq!(published, [None, None, Some(date(2025, 12, 30)), None]);
    // The icon-only star and comment counts are not read as anything.
    assert!(papers.iter().all(|p| p.github_stars.is_none()));
    assert_eq!(papers[0].coverage.source, Source::Text);
    assert_eq!(
        fields(&papers[0].coverage),
        [
            "title",
            "summary",
            "upvotes",
            "submitted_by",
            "organization"
        ]
    );
    assert_eq!(
        fields(&papers[3].coverage),
        ["title", "num_authors", "upvotes", "submitted_by"]
    );
}

#[test]
fn markdown_day_page_with_each_paper_once() {
    let listing = parse("text-day-once.md");
    assert_eq!(listing.source, Source::Markdown);
    assert_eq!(listing.date_text.as_deref(), Some("Jul 9"));
    // The year comes from the capture header's URL; the date line says which day.
    assert_eq!(
        listing.period,
        Period::Day {
            date: date(2026, 7, 9)
        }
    );
    assert!(listing.unidentified.is_empty());
    assert!(listing.warnings.is_empty(), "{:?}", listing.warnings);
    let papers = &listing.papers;
    assert_eq!(ids(papers), ["2607.04321", "2607.00007", "2607.05555"]);
    assert_eq!(
        titles(papers),
        [
            "Sparse Lanterns: Lighting Long Contexts with Few Tokens",
            "0",
            "Tidal Planning: Agents That Wait for the Right Moment",
        ]
    );
    assert_eq!(
        papers[1].summary.as_deref(),
        Some(
            "A paper whose real-style title is the single character zero; its abstract says nothing else of note."
        )
    );
    assert_eq!(papers[0].url, "https://huggingface.co/papers/2607.04321");
    let upvotes: Vec<_> = papers.iter().map(|p| p.upvotes).collect();
    assert_eq!(upvotes, [Some(42), Some(0), Some(1056)]);
    let stars: Vec<_> = papers.iter().map(|p| p.github_stars).collect();
    assert_eq!(stars, [Some(1200), None, Some(12)]);
    assert_eq!(
        papers[0].github_repo.as_deref(),
        Some("https://github.com/lumen-institute/sparse-lanterns")
    );
    assert_eq!(papers[1].github_repo, None);
    let org = papers[0].organization.as_ref().expect("organization");
    assert_eq!(org.fullname.as_deref(), Some("Lumen Institute"));
    assert_eq!(org.name.as_deref(), Some("lumen-institute"));
    let submitters: Vec<_> = papers
        .iter()
        .map(|p| p.submitted_by.as_ref().and_then(|u| u.username.as_deref()))
        .collect();
    assert_eq!(submitters, [Some("quietfox"), Some("mossbank"), None]);
    let authors: Vec<_> = papers.iter().map(|p| p.num_authors).collect();
    assert_eq!(authors, [None, Some(2), Some(6)]);
    // "Jul 7" and "Jul 8" take their year from the page's day.
    let published: Vec<_> = papers
        .iter()
        .map(|p| p.published_at.map(|t| t.date_naive()))
        .collect();
    assert_eq!(
        published,
        [
            Some(date(2026, 7, 7)),
            Some(date(2025, 12, 30)),
            Some(date(2026, 7, 8))
        ]
    );
    let coverage = papers[1].coverage.as_ref().expect("coverage");
    assert_eq!(coverage.source, Source::Markdown);
    assert_eq!(
        fields(coverage),
        [
            "id",
            "title",
            "summary",
            "num_authors",
            "upvotes",
            "published_at",
            "submitted_by"
        ]
    );
    assert!(
        !coverage.has("authors"),
        "the author list itself is not shown"
    );
}

#[test]
fn markdown_trending_page_with_every_paper_twice() {
    let text = fixture("text-trending-twice.md");
    assert_eq!(
        text.matches("### [").count(),
        6,
        "the fixture shows each paper twice"
    );
    let listing = Listing::from_text(&text).expect("parses");
    assert_eq!(listing.source, Source::Markdown);
    assert_eq!(listing.period, Period::Trending);
    assert_eq!(listing.date_text, None);
    assert!(listing.unidentified.is_empty());
    assert!(listing.warnings.is_empty(), "{:?}", listing.warnings);
    let papers = &listing.papers;
    assert_eq!(ids(papers), ["2610.01234", "2309.01234", "2609.05415"]);
    assert_eq!(
        titles(papers),
        [
            "Lantern-7: Foundation Models for Quiet Video and Audio",
            "Efficient Paging for Made-Up Language Model Serving with PebbleCache",
            "Tidepool: Reading Long Inputs in Small Pools",
        ]
    );
    assert_eq!(
        papers[2].summary.as_deref(),
        Some(
            "Tidepool splits long made-up inputs into small pools and reads each one with a shared summary, so that fictional memory use stays flat as inputs grow."
        )
    );
    let upvotes: Vec<_> = papers.iter().map(|p| p.upvotes).collect();
    assert_eq!(upvotes, [Some(117), Some(149), Some(3)]);
    let stars: Vec<_> = papers.iter().map(|p| p.github_stars).collect();
    assert_eq!(stars, [Some(131), Some(110_000), Some(3290)]);
    let authors: Vec<_> = papers.iter().map(|p| p.num_authors).collect();
    assert_eq!(authors, [None, Some(4), None]);
    let orgs: Vec<_> = papers
        .iter()
        .map(|p| {
            p.organization
                .as_ref()
                .map(|o| (o.fullname.as_deref(), o.name.as_deref()))
        })
        .collect();
    assert_eq!(
        orgs,
        [
            Some((Some("Lantern Lab"), Some("lanternlab"))),
            None,
            Some((Some("Tidepool AI"), Some("tidepool-ai")))
        ]
    );
    let submitters: Vec<_> = papers
        .iter()
        .map(|p| p.submitted_by.as_ref().and_then(|u| u.username.as_deref()))
        .collect();
    assert_eq!(submitters, [Some("quietfox"), None, Some("mossbank")]);
    let published: Vec<_> = papers
        .iter()
        .map(|p| p.published_at.map(|t| t.date_naive()))
        .collect();
    assert_eq!(
        published,
        [
            Some(date(2026, 10, 4)),
            Some(date(2024, 12, 28)),
            Some(date(2026, 9, 4))
        ]
    );
}

#[test]
fn text_browser_search_dump_with_reference_links() {
    let listing = parse("text-search-refs.md");
    assert_eq!(listing.source, Source::Markdown);
    assert_eq!(
        listing.period,
        Period::Search {
            query: Some("Sparse lanterns!".to_owned())
        }
    );
    assert_eq!(listing.date_text.as_deref(), Some("Jun 29"));
    assert!(
        listing.papers.is_empty(),
        "reference numbers without definitions give no id"
    );
    assert!(listing.warnings.is_empty(), "{:?}", listing.warnings);
    let papers = &listing.unidentified;
    assert_eq!(
        utitles(papers),
        [
            "Sparse Lanterns: Lighting Long Contexts with Few Tokens",
            "Lantern Maps: Visualizing Where Made-Up Models Look When Reading Very Long Documents About Lighthouses and Harbors",
            "Dim Tokens Matter: A Rebuttal",
            "Lighthouse: A Benchmark for Very Long Inputs",
        ]
    );
    assert_eq!(
        papers[0].summary.as_deref(),
        Some(
            r"We show that a made-up lantern mechanism lets a model attend to $O(\log n)$ tokens per step while keeping 98% of its accuracy on three invented benchmarks. The lantern picks tokens by brightness, a score we define in Section 3, and we prove that dim tokens can be skipped with bounded loss."
        )
    );
    // The capture is cut mid-abstract: the last paper keeps what it has.
    assert_eq!(
        papers[3].summary.as_deref(),
        Some(
            "Recent advancements in made-up language models have significantly enhanced their capacity to process long inputs. Ho"
        )
    );
    // Each upvote box sits above its title.
    let upvotes: Vec<_> = papers.iter().map(|p| p.upvotes).collect();
    assert_eq!(upvotes, [Some(0), Some(65), Some(1), Some(2)]);
    let authors: Vec<_> = papers.iter().map(|p| p.num_authors).collect();
    assert_eq!(authors, [Some(3), Some(671), None, None]);
    assert_eq!(papers[2].organization.as_deref(), Some("Lumen Institute"));
    // Dates without a year take it from the capture time (2026-06-29).
    let published: Vec<_> = papers.iter().map(|p| p.published_on).collect();
    assert_eq!(
        published,
        [
            Some(date(2026, 5, 30)),
            Some(date(2024, 3, 8)),
            Some(date(2026, 3, 13)),
            None
        ]
    );
    assert_eq!(fields(&papers[3].coverage), ["title", "summary", "upvotes"]);
}

#[test]
fn trending_capture_with_link_lines() {
    let listing = parse("text-trending-links.txt");
    // `### ` headings and `[LINK: ...](...)` links: markdown, whatever the file's extension.
    assert_eq!(listing.source, Source::Markdown);
    assert_eq!(listing.period, Period::Trending);
    assert_eq!(listing.date_text, None);
    assert!(listing.papers.is_empty());
    let papers = &listing.unidentified;
    assert_eq!(
        utitles(papers),
        [
            "Driftwood: Training Agents on Beaches of Unlabeled Logs",
            "Kettle: A Whistling Scheduler for Mixture-of-Experts Inference",
            "Marmalade-VL: Reading Jars of Scanned Receipts",
        ]
    );
    assert_eq!(
        papers[1].summary.as_deref(),
        Some(
            r"Mixture-of-experts models waste memory bandwidth when experts are loaded too late. We present Kettle, an imaginary scheduler that predicts which experts will be needed one layer ahead and starts loading them early, so that loads hide behind compute. On fictional hardware Kettle serves a made-up 40B model at $2\times$ the throughput of a naive baseline."
        )
    );
    let stars: Vec<_> = papers.iter().map(|p| p.github_stars).collect();
    assert_eq!(stars, [Some(11_300), Some(842), Some(1_050_000)]);
    let repos: Vec<_> = papers.iter().map(|p| p.github_repo.as_deref()).collect();
    assert_eq!(
        repos,
        [
            Some("https://github.com/example-lab/driftwood"),
            Some("https://github.com/kettle-sched/kettle"),
            Some("https://github.com/marmalade/vl")
        ]
    );
    let authors: Vec<_> = papers.iter().map(|p| p.num_authors).collect();
    assert_eq!(authors, [Some(7), None, Some(1)]);
    assert!(papers.iter().all(|p| p.upvotes.is_none()));
}

#[test]
fn no_chrome_becomes_a_paper() {
    for name in TEXT_FIXTURES {
        assert_no_chrome(name, &parse(name));
    }
}

#[test]
fn a_capture_shown_once_equals_the_same_capture_shown_twice() {
    let twice = fixture("text-trending-links.txt");
    // Drop every second copy: blocks are separated by blank lines before `### `.
    let mut once = String::new();
    let mut copy = 0;
    let mut blocks = twice.split("\n### ");
    once.push_str(blocks.next().expect("header"));
    for block in blocks {
        copy += 1;
        if copy % 2 == 1 {
            once.push_str("\n### ");
            once.push_str(block);
        } else if let Some(end) = block.find("\n--------------------") {
            once.push_str(&block[end..]);
        }
    }
    assert_eq!(once.matches("\n### ").count(), 3);
    let once = Listing::from_text(&once).expect("parses");
    let twice = Listing::from_text(&twice).expect("parses");
    assert_eq!(once, twice);
}

#[test]
fn repeats_are_merged_only_when_consecutive() {
    let block = |title: &str| {
        format!(
            "### {title}\n\nA made-up summary of {title}, long enough to read as an abstract.\n- 2 authors\n[LINK: GitHub 5](https://github.com/example/x)\n\n"
        )
    };
    let text = format!(
        "## Trending Papers\n\n{}{}{}{}",
        block("Alpha"),
        block("Alpha"),
        block("Beta"),
        block("Alpha")
    );
    let listing = Listing::from_text(&text).expect("parses");
    assert_eq!(utitles(&listing.unidentified), ["Alpha", "Beta", "Alpha"]);
}

// ---------------------------------------------------------------------------------------------
// Single rules
// ---------------------------------------------------------------------------------------------

const BANNER: &str = "Get trending papers in your email inbox!\n\n# Daily Papers\n\n";

#[test]
fn ids_come_from_any_link_to_the_paper() {
    let text = format!(
        "{BANNER}\
### A Title Without a Link\n\nA made-up abstract that is long enough to be read as one, about nothing.\n\n\
[GitHub 7](https://github.com/example/a) [arXiv Page](https://arxiv.org/abs/2607.01111v2)\n\n\
### [Relative Link](/papers/2607.02222)\n\nAnother made-up abstract that is long enough to be read as one.\n\n\
### [Login Link Only][5]\n\nA third made-up abstract that is long enough to be read as an abstract.\n\n\
[Upvote\n\n4](https://huggingface.co/login?next=%2Fpapers%2F2607.03333)\n\n\
### [Resolved Reference][9]\n\nA fourth made-up abstract that is long enough to be read as an abstract.\n\n\
### [Not a Paper Link](https://example.com/papers/2607.04444)\n\nA fifth made-up abstract, long enough to be read as an abstract here.\n\n\
[9]: https://huggingface.co/papers/2607.05555\n"
    );
    let listing = Listing::from_text(&text).expect("parses");
    assert_eq!(
        ids(&listing.papers),
        ["2607.01111v2", "2607.02222", "2607.03333", "2607.05555"]
    );
    assert_eq!(listing.papers[2].upvotes, Some(4));
    assert_eq!(utitles(&listing.unidentified), ["Not a Paper Link"]);
}

#[test]
fn an_unreadable_count_is_a_warning_and_strict_mode_refuses_it() {
    let text = format!(
        "{BANNER}### [A Made-Up Paper](https://huggingface.co/papers/2607.01234)\n\nA made-up abstract that is long enough to read as one, about stars.\n\n[GitHub 1.2.3k](https://github.com/example/a)\n"
    );
    let listing = Listing::from_text(&text).expect("lenient parse");
    let paper = &listing.papers[0];
    assert_eq!(paper.github_stars, None);
    assert_eq!(
        paper.github_repo.as_deref(),
        Some("https://github.com/example/a")
    );
    assert!(
        !paper
            .coverage
            .as_ref()
            .expect("coverage")
            .has("github_stars")
    );
    assert_eq!(listing.warnings.len(), 1, "{:?}", listing.warnings);
    let warning = &listing.warnings[0];
    assert_eq!(warning.kind, WarningKind::InvalidValue);
    assert_eq!(warning.entry, Some(0));
    assert_eq!(warning.path, "line 9");
    assert!(warning.message.contains("1.2.3k"), "{}", warning.message);

    let err = Listing::from_text_with(&text, &ParseOptions::new().strict(true))
        .expect_err("strict mode refuses the warning");
    assert!(matches!(err, Error::Strict { .. }), "{err}");
    assert!(err.to_string().contains("1.2.3k"), "{err}");
}

#[test]
fn a_date_that_cannot_be_read_is_a_warning() {
    let text = format!(
        "{BANNER}### [A Made-Up Paper](https://huggingface.co/papers/2607.01234)\n\nA made-up abstract that is long enough to read as one, about dates.\n\n· Published on the day after tomorrow\n"
    );
    let listing = Listing::from_text(&text).expect("lenient parse");
    assert_eq!(listing.papers[0].published_at, None);
    assert_eq!(listing.warnings.len(), 1, "{:?}", listing.warnings);
    assert!(listing.warnings[0].message.contains("day after tomorrow"));
}

#[test]
fn the_paper_limit_counts_papers_once() {
    let text = fixture("text-trending-twice.md");
    let at_limit = ParseOptions::new().max_papers(3);
    assert_eq!(
        Listing::from_text_with(&text, &at_limit)
            .expect("3 unique papers")
            .papers
            .len(),
        3
    );
    let err = Listing::from_text_with(&text, &ParseOptions::new().max_papers(2))
        .expect_err("over the limit");
    match err {
        Error::LimitExceeded { limit, actual, .. } => assert_eq!((limit, actual), (2, 3)),
        other => panic!("unexpected {other}"),
    }
    let err = Listing::from_text_with(&text, &ParseOptions::new().max_input_bytes(100))
        .expect_err("input too large");
    assert!(matches!(err, Error::LimitExceeded { .. }), "{err}");
}

#[test]
fn a_year_from_the_capture_time_makes_a_day() {
    let text = "- URL: https://huggingface.co/papers\n- Captured (UTC): 2027-01-02T01:00:00Z\n\n\
Get trending papers in your email inbox!\nDaily Papers\nDaily\nWeekly\nMonthly\nJan 1\n\
Submitted by\nquietfox\n3\nA Made-Up Paper About New Year\n\
A made-up abstract that is long enough to be read as an abstract, about calendars.\n\
· Published on Dec 30\n";
    let listing = Listing::from_text(text).expect("parses");
    assert_eq!(listing.source, Source::Text);
    assert_eq!(listing.date_text.as_deref(), Some("Jan 1"));
    assert_eq!(
        listing.period,
        Period::Day {
            date: date(2027, 1, 1)
        }
    );
    // A "Dec 30" seen on Jan 2 is last year's.
    assert_eq!(
        listing.unidentified[0].published_on,
        Some(date(2026, 12, 30))
    );
}

#[test]
fn plain_copy_of_a_trending_page() {
    // The 2026 trending card in DOM order, as plain text: buttons below the abstract.
    let text = "Get trending papers in your email inbox!\nSubscribe\nTrending Papers\n\
by AK and the research community\nTrending Papers\n\
Submitted by\nquietfox\nLantern-7: Foundation Models for Quiet Video and Audio\n\
We present Lantern-7, a made-up family of diffusion models that generate short silent videos.\n\
Lantern Lab · Published on Oct 4, 2026\nUpvote\n117\nGitHub 131\narXiv Page\n\
Efficient Paging for Made-Up Language Model Serving with PebbleCache\n\
PebbleCache and an imaginary serving system improve the throughput of invented models.\n\
4 authors\n· Published on Dec 28, 2024\nUpvote\n149\narXiv Page\n";
    let listing = Listing::from_text(text).expect("parses");
    assert_eq!(listing.source, Source::Text);
    assert_eq!(listing.period, Period::Trending);
    let papers = &listing.unidentified;
    assert_eq!(
        utitles(papers),
        [
            "Lantern-7: Foundation Models for Quiet Video and Audio",
            "Efficient Paging for Made-Up Language Model Serving with PebbleCache"
        ]
    );
    let upvotes: Vec<_> = papers.iter().map(|p| p.upvotes).collect();
    assert_eq!(upvotes, [Some(117), Some(149)]);
    assert_eq!(papers[0].github_stars, Some(131));
    assert_eq!(papers[0].organization.as_deref(), Some("Lantern Lab"));
    assert_eq!(papers[0].submitted_by.as_deref(), Some("quietfox"));
    assert_eq!(papers[1].num_authors, Some(4));
    let published: Vec<_> = papers.iter().map(|p| p.published_on).collect();
    assert_eq!(
        published,
        [Some(date(2026, 10, 4)), Some(date(2024, 12, 28))]
    );
}

// ---------------------------------------------------------------------------------------------
// What is not a capture
// ---------------------------------------------------------------------------------------------

fn not_papers(input: &str) -> String {
    match Listing::from_text(input) {
        Err(Error::NotPapers { stage, found }) => {
            assert_eq!(stage, Stage::Detect);
            found
        }
        Err(other) => panic!("expected NotPapers for {input:?}, got {other}"),
        Ok(listing) => panic!("expected NotPapers for {input:?}, got {listing:?}"),
    }
}

#[test]
fn inputs_that_are_not_captures_are_refused() {
    assert!(not_papers(&fixture("text-not-papers.txt")).contains("Reading group"));
    assert_eq!(not_papers(""), "empty input");
    assert_eq!(not_papers("  \n\t\n"), "empty input");
    assert!(not_papers("The weather was fine and we walked to the harbor.").contains("text"));
    assert!(not_papers(r#"[{"paper": {"id": "2607.01234"}}]"#).contains("JSON"));
    assert!(not_papers(r#"{"dailyPapers": []}"#).contains("JSON"));
    assert!(not_papers("<!DOCTYPE html><html><body>Daily Papers</body></html>").contains("HTML"));
    let html = fixture("day-2026-server.html");
    assert!(not_papers(&html).contains("HTML"));
    // Page chrome with no paper in it.
    let chrome = "Get trending papers in your email inbox!\nSubscribe\nDaily Papers\nDaily\nWeekly\nMonthly\nMar 14\n";
    assert!(not_papers(chrome).contains("no paper"));
    // A heading that does not link a paper, with no page marks.
    not_papers(
        "### Notes\n\nSome notes that are long enough to be an abstract, but this is no page.\n",
    );
}

// ---------------------------------------------------------------------------------------------
// The real captures
// ---------------------------------------------------------------------------------------------

#[test]
fn corpus_text_captures() {
    let Some(dir) = std::env::var_os("HF_PAPERS_CORPUS") else {
        println!("text corpus: HF_PAPERS_CORPUS not set, skipped");
        return;
    };
    let dir = PathBuf::from(dir);
    let manifest = fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut header = manifest.lines().next().expect("header").split('\t');
    let count_column = header
        .position(|c| c == "papers_count")
        .expect("papers_count column");
    let expected_count = |file: &str| -> usize {
        manifest
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|cols| cols.first() == Some(&file))
            .and_then(|cols| cols.get(count_column).and_then(|c| c.parse().ok()))
            .unwrap_or_else(|| panic!("{file}: no papers_count in MANIFEST.tsv"))
    };
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("text"))
        .expect("text/ in the corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no text captures in the corpus");
    for path in &files {
        let name = format!(
            "text/{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 file name")
        );
        let text = fs::read_to_string(path).expect("capture is UTF-8");
        let listing = Listing::from_text(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let unique = listing.papers.len() + listing.unidentified.len();
        assert_eq!(unique, expected_count(&name), "{name}: paper count");
        assert!(
            listing.warnings.is_empty(),
            "{name}: {:?}",
            listing.warnings
        );
        for paper in &listing.papers {
            let title = paper.title.as_deref().unwrap_or("");
            assert!(!title.is_empty(), "{name}: {} has no title", paper.id);
            let again = ArxivId::parse(&paper.id.to_string()).expect("id parses back");
            assert_eq!(again, paper.id, "{name}: id round trip");
            assert!(
                !paper.id.is_old_style(),
                "{name}: the site indexes new-style ids only"
            );
        }
        for paper in &listing.unidentified {
            assert!(!paper.title.is_empty(), "{name}: empty title");
        }
        assert_no_chrome(&name, &listing);
        println!(
            "text corpus: {name}: {} papers with id, {} unidentified, date_text {:?}, period {:?}",
            listing.papers.len(),
            listing.unidentified.len(),
            listing.date_text,
            listing.period
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn outcome(input: &str) -> Result<Listing, String> {
    Listing::from_text(input).map_err(|e| e.to_string())
}

fn fixture_texts() -> Vec<String> {
    TEXT_FIXTURES.iter().map(|name| fixture(name)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_panic_on_arbitrary_text(input in any::<String>()) {
        let first = outcome(&input);
        prop_assert_eq!(first, outcome(&input));
    }

    #[test]
    fn no_panic_on_capture_like_text(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("[".to_owned()),
                Just("][3]".to_owned()),
                Just("### [".to_owned()),
                Just("Submitted by".to_owned()),
                Just("-".to_owned()),
                Just("[Upvote".to_owned()),
                Just("Daily Papers".to_owned()),
                Just("Mar 14".to_owned()),
                Just("· Published on".to_owned()),
                "[a-zA-Z0-9 \\[\\]()#·.,:/-]{0,40}",
            ],
            0..60,
        )
    ) {
        let input = lines.join("\n");
        let first = outcome(&input);
        prop_assert_eq!(first, outcome(&input));
    }

    #[test]
    fn no_panic_on_fixtures_cut_anywhere(which in 0usize..5, cut in any::<prop::sample::Index>(), from in any::<prop::sample::Index>()) {
        let texts = fixture_texts();
        let text = &texts[which % texts.len()];
        let mut end = cut.index(text.len() + 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut start = from.index(end + 1);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let head = &text[..end];
        prop_assert_eq!(outcome(head), outcome(head));
        let middle = &text[start..end];
        prop_assert_eq!(outcome(middle), outcome(middle));
    }
}

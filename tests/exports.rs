//! Exports: JSON Lines (always) and CSV (the `csv` feature), each read back and checked.

use std::io::{self, Write};
use std::path::Path;

use hf_papers::{CollectedPaper, Collection, Document, Listing, Paper};

fn fixture_listing(name: &str) -> Listing {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    match hf_papers::parse_bytes(&std::fs::read(&path).expect("fixture")).expect("parses") {
        Document::Listing(listing) => listing,
        other => panic!("{name} is not a listing: {other:?}"),
    }
}

const LISTINGS: [&str; 5] = [
    "day-2026-server.html",
    "api-daily-2026.json",
    "api-daily-2024-03.json",
    "text-day-once.md",
    "search-2026.html",
];

#[test]
fn jsonl_of_papers_reads_back_to_the_same_papers() {
    for name in LISTINGS {
        let listing = fixture_listing(name);
        let mut out = Vec::new();
        let n = hf_papers::export::write_jsonl(&mut out, &listing.papers).expect("writes");
        assert_eq!(n, listing.papers.len());
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text.lines().count(), listing.papers.len(), "{name}");
        for (line, paper) in text.lines().zip(&listing.papers) {
            let back: Paper = serde_json::from_str(line).expect("a paper a line");
            assert_eq!(&back, paper, "{name}");
        }
    }
}

#[test]
fn jsonl_of_a_collection_reads_back_to_the_same_collected_papers() {
    let listings: Vec<Listing> = LISTINGS.iter().map(|n| fixture_listing(n)).collect();
    let papers: Collection = listings.iter().collect();
    let mut out = Vec::new();
    hf_papers::export::write_jsonl(&mut out, papers.papers()).expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    let back: Vec<CollectedPaper> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("a collected paper a line"))
        .collect();
    assert_eq!(back, papers.papers());
    // Each line is a paper's fields plus `appearances`.
    let first: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("a line")).expect("JSON");
    assert!(first["id"].is_string() && first["appearances"].is_array());
    assert!(first.get("paper").is_none(), "flattened, not nested");
}

#[test]
fn jsonl_keeps_line_breaks_inside_values_on_one_line() {
    let listing = Listing::from_api_json(
        r#"[{"paper": {"id": "2607.01234", "ai_summary": "two\nlines\r\nand\u2028more"}}]"#,
    )
    .expect("parses");
    let mut out = Vec::new();
    hf_papers::export::write_jsonl(&mut out, &listing.papers).expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    assert_eq!(text.matches('\n').count(), 1);
    assert!(text.ends_with('\n'));
}

struct Broken;

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn jsonl_reports_the_writers_error() {
    let listing = fixture_listing("day-2026-server.html");
    let err = hf_papers::export::write_jsonl(Broken, &listing.papers).expect_err("fails");
    assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
}

#[cfg(feature = "csv")]
mod csv_export {
    use super::*;
    use hf_papers::export::{CSV_COLUMNS, write_csv};

    fn cell(paper: &Paper, column: &str) -> String {
        let opt = |v: Option<String>| v.unwrap_or_default();
        let num = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        match column {
            "id" => paper.id.to_string(),
            "url" => format!("https://huggingface.co/papers/{}", paper.id),
            "arxiv_url" => format!("https://arxiv.org/abs/{}", paper.id),
            "title" => opt(paper.title.clone()),
            "authors" => paper
                .authors
                .iter()
                .flatten()
                .filter(|a| a.hidden != Some(true))
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
            "upvotes" => num(paper.upvotes),
            "num_comments" => num(paper.num_comments),
            "listed_on" => opt(paper.listed_on.map(|d| d.to_string())),
            "published_at" => opt(paper.published_at.map(|d| {
                serde_json::to_value(d)
                    .expect("JSON")
                    .as_str()
                    .expect("string")
                    .to_owned()
            })),
            "submitted_by" => opt(paper
                .submitted_by
                .as_ref()
                .and_then(|u| u.username.clone().or(u.fullname.clone()))),
            "organization" => opt(paper
                .organization
                .as_ref()
                .and_then(|o| o.name.clone().or(o.fullname.clone()))),
            "github_repo" => opt(paper.github_repo.clone()),
            "github_stars" => num(paper.github_stars),
            "project_page" => opt(paper.project_page.clone()),
            "ai_keywords" => opt(paper.ai_keywords.as_ref().map(|k| k.join("; "))),
            "summary" => opt(paper.summary.clone()),
            other => panic!("unknown column {other}"),
        }
    }

    #[test]
    fn csv_reads_back_cell_by_cell() {
        let mut checked_columns = std::collections::BTreeSet::new();
        for name in LISTINGS {
            let listing = fixture_listing(name);
            let mut out = Vec::new();
            let n = write_csv(&mut out, &listing.papers).expect("writes");
            assert_eq!(n, listing.papers.len());
            let mut reader = csv::Reader::from_reader(out.as_slice());
            let headers: Vec<String> = reader
                .headers()
                .expect("header row")
                .iter()
                .map(str::to_owned)
                .collect();
            assert_eq!(headers, CSV_COLUMNS);
            let rows: Vec<csv::StringRecord> =
                reader.records().map(|r| r.expect("a row")).collect();
            assert_eq!(rows.len(), listing.papers.len(), "{name}");
            for (row, paper) in rows.iter().zip(&listing.papers) {
                assert_eq!(row.len(), CSV_COLUMNS.len());
                for (column, value) in CSV_COLUMNS.iter().zip(row.iter()) {
                    assert_eq!(value, cell(paper, column), "{name} {} {column}", paper.id);
                    if !value.is_empty() {
                        checked_columns.insert(*column);
                    }
                }
            }
        }
        // Every column held a value somewhere in the fixtures.
        assert_eq!(
            checked_columns.len(),
            CSV_COLUMNS.len(),
            "{checked_columns:?}"
        );
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_keeps_zero_apart_from_unknown() {
        let listing = Listing::from_api_json(
            r#"[{"paper": {"id": "2607.01234", "title": "Commas, \"quotes\"; and\nbreaks",
                 "upvotes": 0}},
                {"paper": {"id": "2607.04321"}}]"#,
        )
        .expect("parses");
        let mut out = Vec::new();
        write_csv(&mut out, &listing.papers).expect("writes");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let title = CSV_COLUMNS
            .iter()
            .position(|c| *c == "title")
            .expect("title");
        let upvotes = CSV_COLUMNS
            .iter()
            .position(|c| *c == "upvotes")
            .expect("upvotes");
        assert_eq!(&rows[0][title], "Commas, \"quotes\"; and breaks");
        assert_eq!(&rows[0][upvotes], "0");
        assert_eq!(&rows[1][upvotes], "");
    }

    #[test]
    fn csv_of_a_collection_and_of_nothing() {
        let papers = Collection::from(&fixture_listing("day-2026-server.html"));
        let mut out = Vec::new();
        let n = write_csv(&mut out, papers.papers().iter().map(|c| &c.paper)).expect("writes");
        assert_eq!(n, papers.len());

        let mut out = Vec::new();
        assert_eq!(write_csv(&mut out, Vec::<Paper>::new()).expect("writes"), 0);
        assert_eq!(
            String::from_utf8(out).expect("UTF-8").trim_end(),
            CSV_COLUMNS.join(",")
        );
    }
}

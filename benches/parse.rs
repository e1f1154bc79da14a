//! Throughput of every entry point, on the fixtures and (with `HF_PAPERS_CORPUS` set) on the
//! real captures, beside the baselines the crate is measured against.
//!
//! Each input is measured twice: group `mb_per_s` reports decimal megabytes per second of
//! input, group `papers_per_s` papers (complete typed records) per second. The baselines:
//! - `scraper+serde_json`: the usual Rust reading of a listing page (html5ever tree, a CSS
//!   selector for the `DailyPapers` element, its `data-props` into `serde_json::Value`, then
//!   each paper's id, title, upvotes and comment count);
//! - `scraper parse`: html5ever building the page's tree and nothing else, the yardstick for
//!   the pages read from their markup (a listing without its blob, a paper page);
//! - `serde_json::Value`: the same API response into a generic value, the yardstick for API
//!   JSON;
//! - `blob limit`: the limit the issue names for a listing page: the blob found with a byte
//!   search for the attributes as the site writes them, its entities decoded, its JSON parsed
//!   by serde_json into nothing (`IgnoredAny`). No record is built; measured in the same run,
//!   it shows how much of a figure is the machine's speed at the time.
//!
//! ```text
//! cargo bench --bench parse
//! HF_PAPERS_CORPUS=../shared/corpus cargo bench --bench parse
//! cargo bench --bench parse -- daily-2026-07-02     # one page
//! ```

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hf_papers::{Listing, PaperPage};
use scraper::{Html, Selector};
use serde_json::Value;

/// One input to measure: a file and how to read it.
struct Input {
    name: String,
    text: String,
    kind: Kind,
    /// Papers in the record, for papers per second.
    papers: u64,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A listing page with its `DailyPapers` blob.
    ListingHtml,
    /// A listing page without its blob: read from the visible cards.
    CardsHtml,
    PaperHtml,
    ApiJson,
    PaperJson,
    Text,
}

fn inputs() -> Vec<Input> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<(String, PathBuf)> = [
        "day-2026-server.html",
        "day-2026-browser-saved.html",
        "api-daily-2026.json",
        "api-paper-2026.json",
        "api-search-2025-wrapped.json",
        "text-day-browser.txt",
        "text-day-once.md",
        "text-search-refs.md",
        "text-trending-links.txt",
        "text-trending-twice.md",
    ]
    .iter()
    .map(|name| (format!("fixture/{name}"), fixtures.join(name)))
    .collect();
    if let Some(corpus) = std::env::var_os("HF_PAPERS_CORPUS") {
        let corpus = PathBuf::from(corpus);
        for name in [
            "html/daily-2026-07-02.html",
            "html/browser-rendered-daily-2026-09-28.html",
            "html/paper-2509.24002-bs4-prettified.html",
            "json/api-daily_papers-2026-05-08.json",
            "json/api-daily_papers-limit25-2026-07-13.json",
            "json/api-papers-search-q_llama3herd-2025-05-18.json",
            "text/trending-2026-01.txt",
            "text/trending-2026-10.md",
            "text/search-q_long-context-asr-2026-06-29.md",
        ] {
            files.push((format!("corpus/{name}"), corpus.join(name)));
        }
    }
    let mut inputs = Vec::new();
    for (name, path) in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping {name}: cannot read {}", path.display());
            continue;
        };
        let kind = if name.ends_with(".txt") || name.ends_with(".md") {
            Kind::Text
        } else {
            match hf_papers::detect(&text) {
                Some(hf_papers::InputKind::ListingHtml) => Kind::ListingHtml,
                Some(hf_papers::InputKind::PaperHtml) => Kind::PaperHtml,
                Some(hf_papers::InputKind::PaperJson) => Kind::PaperJson,
                _ => Kind::ApiJson,
            }
        };
        // The same real page with its blob gone (renamed, as some savers and proxies leave
        // it), so that it is read from its cards.
        if kind == Kind::ListingHtml && name.starts_with("corpus/") {
            let cards = text.replacen("data-target=\"DailyPapers\"", "data-target=\"Gone\"", 1);
            inputs.push(Input::new(
                format!("{name} (no blob: cards)"),
                cards,
                Kind::CardsHtml,
            ));
        }
        // A paper page with its blob gone, read from what it shows.
        if kind == Kind::PaperHtml && name.starts_with("corpus/") {
            let visible = text.replacen("data-target=\"PaperContent\"", "data-target=\"Gone\"", 1);
            inputs.push(Input::new(
                format!("{name} (no blob: visible)"),
                visible,
                Kind::PaperHtml,
            ));
        }
        inputs.push(Input::new(name, text, kind));
    }
    inputs
}

impl Input {
    fn new(name: String, text: String, kind: Kind) -> Input {
        let mut input = Input {
            name,
            text,
            kind,
            papers: 0,
        };
        input.papers = run(&input) as u64;
        input
    }
}

/// The crate's entry point for the input; returns the number of papers read.
fn run(input: &Input) -> usize {
    let text = input.text.as_str();
    match input.kind {
        Kind::ListingHtml | Kind::CardsHtml => {
            Listing::from_html(text).map_or(0, |l| l.papers.len())
        }
        Kind::PaperHtml => PaperPage::from_html(text).map_or(0, |_| 1),
        Kind::ApiJson => Listing::from_api_json(text).map_or(0, |l| l.papers.len()),
        Kind::PaperJson => PaperPage::from_api_json(text).map_or(0, |_| 1),
        // Text captures list papers without a link apart (`unidentified`): they count too.
        Kind::Text => Listing::from_text(text).map_or(0, |l| l.papers.len() + l.unidentified.len()),
    }
}

static HYDRATER: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"[data-target="DailyPapers"]"#).expect("a valid selector"));

/// What a typical scraper takes from each paper.
struct Extracted {
    _id: String,
    _title: String,
    _upvotes: u64,
    _comments: u64,
}

/// The usual Rust reading of a listing page: html5ever's tree, a selector, serde_json.
fn scraper_serde_json(html: &str) -> usize {
    let document = Html::parse_document(html);
    let Some(element) = document.select(&HYDRATER).next() else {
        return 0;
    };
    let Some(props) = element.value().attr("data-props") else {
        return 0;
    };
    let Ok(value) = serde_json::from_str::<Value>(props) else {
        return 0;
    };
    let entries = value["dailyPapers"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let papers: Vec<Extracted> = entries
        .iter()
        .map(|entry| Extracted {
            _id: entry["paper"]["id"].as_str().unwrap_or_default().to_owned(),
            _title: entry["paper"]["title"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            _upvotes: entry["paper"]["upvotes"].as_u64().unwrap_or_default(),
            _comments: entry["numComments"].as_u64().unwrap_or_default(),
        })
        .collect();
    papers.len()
}

/// The issue's limit for a listing page: no tree, no record; see the module documentation.
fn blob_limit(html: &str) -> usize {
    let Some(at) = memchr::memmem::find(html.as_bytes(), br#"data-target="DailyPapers""#) else {
        return 0;
    };
    let rest = &html[at..];
    let Some(open) = rest.find(r#"data-props=""#) else {
        return 0;
    };
    let value = &rest[open + r#"data-props=""#.len()..];
    let Some(close) = value.find('"') else {
        return 0;
    };
    let decoded = decode_blob_references(&value[..close]);
    serde_json::from_str::<serde::de::IgnoredAny>(&decoded).map_or(0, |_| 1)
}

/// The character references the site writes in a blob (`&quot;`, `&amp;`, `&lt;`, `&gt;`,
/// `&#39;`) decoded in one pass between `memchr` jumps, anything else copied as it is: as
/// fast as decoding gets for these pages (a general decoder, html_escape's, reads them at
/// about 0.25 GB/s), and not a correct one for every page.
fn decode_blob_references(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (text, used) = [
            ("&quot;", "\""),
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&#39;", "'"),
        ]
        .iter()
        .find(|(reference, _)| rest.starts_with(reference))
        .map_or(("&", 1), |(reference, text)| (*text, reference.len()));
        out.push_str(text);
        rest = &rest[used..];
    }
    out.push_str(rest);
    out
}

/// html5ever building the page's tree, and nothing else.
fn scraper_parse(html: &str) -> usize {
    Html::parse_document(html).tree.nodes().count()
}

/// The same JSON into `serde_json::Value`: the yardstick for API responses.
fn value_baseline(text: &str) -> usize {
    serde_json::from_str::<Value>(text).map_or(0, |v| v.as_array().map_or(1, Vec::len))
}

/// A baseline: its name, and the function that reads a page or response with it.
type Baseline = (&'static str, fn(&str) -> usize);

/// The baselines measured beside an input.
fn baselines(kind: Kind) -> &'static [Baseline] {
    match kind {
        Kind::ListingHtml => &[
            ("scraper+serde_json", scraper_serde_json),
            ("blob limit", blob_limit),
        ],
        Kind::CardsHtml | Kind::PaperHtml => &[("scraper parse", scraper_parse)],
        Kind::ApiJson | Kind::PaperJson => &[("serde_json::Value", value_baseline)],
        Kind::Text => &[],
    }
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    for input in &inputs {
        println!(
            "{}: {} bytes, {} papers",
            input.name,
            input.text.len(),
            input.papers
        );
    }
    // A baseline that read nothing would be fast for no reason.
    for input in inputs.iter().filter(|i| i.papers > 0) {
        for (baseline, f) in baselines(input.kind) {
            assert!(
                f(&input.text) > 0,
                "{baseline} reads nothing from {}",
                input.name
            );
        }
    }
    for group_name in ["mb_per_s", "papers_per_s"] {
        let mut group = c.benchmark_group(group_name);
        for input in &inputs {
            if group_name == "papers_per_s" && input.papers == 0 {
                continue; // nothing to count (a page the crate refuses)
            }
            group.throughput(match group_name {
                "mb_per_s" => Throughput::BytesDecimal(input.text.len() as u64),
                _ => Throughput::Elements(input.papers),
            });
            group.bench_function(&input.name, |b| b.iter(|| run(black_box(input))));
            for (baseline, f) in baselines(input.kind) {
                group.bench_function(format!("{} ({baseline})", input.name), |b| {
                    b.iter(|| f(black_box(&input.text)))
                });
            }
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_millis(1500));
    targets = bench
}
criterion_main!(benches);

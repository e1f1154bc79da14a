//! Throughput of every entry point, on the fixtures and (with `HF_PAPERS_CORPUS` set) on the
//! real captures. Each benchmark reports bytes per second; the papers per second figure is
//! printed once per input beside it.
//!
//! ```text
//! cargo bench --bench parse
//! HF_PAPERS_CORPUS=../shared/corpus cargo bench --bench parse
//! ```

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hf_papers::{Document, Listing, PaperPage};

/// One input to measure: a file and how to read it.
struct Input {
    name: String,
    text: String,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Kind {
    ListingHtml,
    PaperHtml,
    ApiJson,
    PaperJson,
}

fn inputs() -> Vec<Input> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for name in [
        "day-2026-server.html",
        "day-2026-browser-saved.html",
        "api-daily-2026.json",
        "api-paper-2026.json",
    ] {
        files.push((format!("fixture/{name}"), fixtures.join(name)));
    }
    if let Some(corpus) = std::env::var_os("HF_PAPERS_CORPUS") {
        let corpus = PathBuf::from(corpus);
        for name in [
            "html/daily-2026-07-02.html",
            "html/browser-rendered-daily-2026-09-28.html",
            "html/paper-2509.24002-bs4-prettified.html",
            "json/api-daily_papers-2026-05-08.json",
            "json/api-papers-search-q_llama3herd-2025-05-18.json",
        ] {
            files.push((format!("corpus/{name}"), corpus.join(name)));
        }
    }
    files
        .into_iter()
        .filter_map(|(name, path)| {
            let text = std::fs::read_to_string(&path).ok()?;
            let kind = match hf_papers::detect(&text)? {
                hf_papers::InputKind::ListingHtml => Kind::ListingHtml,
                hf_papers::InputKind::PaperHtml => Kind::PaperHtml,
                hf_papers::InputKind::PaperJson => Kind::PaperJson,
                _ => Kind::ApiJson,
            };
            Some(Input { name, text, kind })
        })
        .collect()
}

fn papers(input: &Input) -> usize {
    match hf_papers::parse(&input.text) {
        Ok(Document::Listing(l)) => l.papers.len(),
        Ok(Document::Paper(_)) => 1,
        _ => 0,
    }
}

fn run(input: &Input) -> usize {
    match input.kind {
        Kind::ListingHtml => Listing::from_html(&input.text).map_or(0, |l| l.papers.len()),
        Kind::PaperHtml => PaperPage::from_html(&input.text).map_or(0, |_| 1),
        Kind::ApiJson => Listing::from_api_json(&input.text).map_or(0, |l| l.papers.len()),
        Kind::PaperJson => PaperPage::from_api_json(&input.text).map_or(0, |_| 1),
    }
}

/// The same JSON into `serde_json::Value`: the yardstick for API responses.
fn value_baseline(text: &str) -> usize {
    serde_json::from_str::<serde_json::Value>(text).map_or(0, |v| v.as_array().map_or(1, Vec::len))
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for input in inputs() {
        let n = papers(&input);
        // A rough papers-per-second figure to print beside criterion's bytes per second.
        let start = Instant::now();
        let mut rounds = 0u32;
        while start.elapsed().as_millis() < 200 {
            black_box(run(&input));
            rounds += 1;
        }
        let per_run = start.elapsed().as_secs_f64() / f64::from(rounds);
        println!(
            "{}: {} bytes, {} papers, about {:.0} MB/s and {:.0} papers/s",
            input.name,
            input.text.len(),
            n,
            input.text.len() as f64 / per_run / 1e6,
            n as f64 / per_run
        );
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_function(&input.name, |b| b.iter(|| run(black_box(&input))));
        if matches!(input.kind, Kind::ApiJson | Kind::PaperJson) {
            group.bench_function(format!("{} (serde_json::Value)", input.name), |b| {
                b.iter(|| value_baseline(black_box(&input.text)))
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);

//! The Rust side of `scripts/compare.py`: times `hf_papers` and scraper + serde_json on each
//! page given, in-process, and prints one JSON line per tool and page (the timing and what
//! was extracted), as the Python and Node runners do.

use std::hint::black_box;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use serde_json::{Value, json};

/// One paper as every tool reports it: id, title, upvotes, comments.
type Record = (String, String, Option<u64>, Option<u64>);

fn crate_records(html: &str) -> Vec<Record> {
    let Ok(listing) = hf_papers::Listing::from_html(html) else {
        return Vec::new();
    };
    listing
        .papers
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                p.title.clone().unwrap_or_default(),
                p.upvotes.map(u64::from),
                p.num_comments.map(u64::from),
            )
        })
        .collect()
}

fn scraper_records(html: &str) -> Vec<Record> {
    let selector = Selector::parse(r#"[data-target="DailyPapers"]"#).expect("a valid selector");
    let document = Html::parse_document(html);
    let props = document
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr("data-props"));
    let Some(Ok(value)) = props.map(serde_json::from_str::<Value>) else {
        return Vec::new();
    };
    let entries = value["dailyPapers"].as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .map(|e| {
            (
                e["paper"]["id"].as_str().unwrap_or_default().to_owned(),
                e["paper"]["title"].as_str().unwrap_or_default().to_owned(),
                e["paper"]["upvotes"].as_f64().map(|n| n as u64),
                e["numComments"].as_f64().map(|n| n as u64),
            )
        })
        .collect()
}

/// Seconds per run: after a warm-up round, the runs repeated for about `budget` are split into
/// five rounds, and the lowest round median is kept, so that another process taking the CPU
/// for a moment does not count against the tool measured.
fn time(budget: Duration, mut f: impl FnMut() -> usize) -> f64 {
    let warm_up = Instant::now();
    while warm_up.elapsed() < budget / ROUNDS {
        black_box(f());
    }
    let mut best = f64::INFINITY;
    for _ in 0..ROUNDS {
        let mut runs = Vec::new();
        let start = Instant::now();
        while start.elapsed() < budget / ROUNDS || runs.len() < 3 {
            let t = Instant::now();
            black_box(f());
            runs.push(t.elapsed().as_secs_f64());
        }
        runs.sort_by(f64::total_cmp);
        best = best.min(runs[runs.len() / 2]);
    }
    best
}

const ROUNDS: u32 = 5;

fn main() {
    let mut args = std::env::args().skip(1);
    let budget = Duration::from_secs_f64(args.next().and_then(|s| s.parse().ok()).unwrap_or(2.0));
    for path in args {
        let html = std::fs::read_to_string(&path).expect("a readable UTF-8 page");
        let tools: [(&str, fn(&str) -> Vec<Record>); 2] = [
            ("hf_papers (Rust)", crate_records),
            ("scraper + serde_json (Rust)", scraper_records),
        ];
        for (tool, extract) in tools {
            let records = extract(&html);
            let seconds = time(budget, || extract(black_box(&html)).len());
            let line = json!({
                "tool": tool,
                "page": path,
                "bytes": html.len(),
                "seconds": seconds,
                "records": records,
            });
            println!("{line}");
        }
    }
}

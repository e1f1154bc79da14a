//! Runs one entry point on one file a given number of times: the workload for instruction
//! counts (callgrind), which do not depend on the machine's load as times do.
//!
//! ```text
//! cargo bench --bench parse_loop -- FILE RUNS [listing|paper|api|text|scraper]
//! scripts/instructions.sh FILE [MODE]     # instructions per parse, with callgrind
//! ```
//!
//! `scraper` is html5ever's own parse of the page, the yardstick of the tree fallbacks;
//! `value` is serde_json's parse into a `serde_json::Value`, the yardstick of API JSON.

use std::hint::black_box;
use std::process::ExitCode;

use hf_papers::{Listing, PaperPage};

const USAGE: &str = "usage: parse_loop FILE RUNS [listing|paper|api|paper-api|text|scraper|value]";

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` to every bench target; it is not ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.is_empty() {
        // A plain `cargo bench` runs every bench target: nothing to do without a file.
        println!("parse_loop: no FILE given, nothing to run ({USAGE})");
        return ExitCode::SUCCESS;
    }
    let [file, runs, rest @ ..] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let Ok(runs) = runs.parse::<usize>() else {
        eprintln!("parse_loop: RUNS must be a number, not {runs:?}");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("parse_loop: {file}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mode = rest.first().map_or("listing", String::as_str);
    let read: fn(&str) -> usize = match mode {
        "listing" => |t| Listing::from_html(t).map_or(0, |l| l.papers.len()),
        "paper" => |t| PaperPage::from_html(t).map_or(0, |_| 1),
        "api" => |t| Listing::from_api_json(t).map_or(0, |l| l.papers.len()),
        "text" => |t| Listing::from_text(t).map_or(0, |l| l.papers.len()),
        "paper-api" => |t| PaperPage::from_api_json(t).map_or(0, |_| 1),
        "scraper" => |t| scraper::Html::parse_document(t).tree.nodes().count(),
        "value" => |t| serde_json::from_str::<serde_json::Value>(t).map_or(0, |_| 1),
        other => {
            eprintln!("parse_loop: unknown mode {other:?}");
            return ExitCode::FAILURE;
        }
    };
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..runs {
        total += read(black_box(&text));
    }
    let took = start.elapsed();
    println!(
        "{mode}: {runs} runs, {total} records, {:?} per run",
        took / u32::try_from(runs.max(1)).unwrap_or(u32::MAX)
    );
    ExitCode::SUCCESS
}

//! Writes an Atom, RSS 2.0 or JSON Feed file from saved Daily Papers pages.
//!
//! ```text
//! cargo run --example feed --features feed -- --format atom PAGE...
//! cargo run --example feed --features feed -- --format rss --min-upvotes 10 --out papers.xml PAGE...
//! ```
//!
//! Options: `--format atom|rss|json` (default `atom`), `--min-upvotes N`, `--max-entries N`,
//! `--title TEXT`, `--self-link URL`, `--out FILE` (default: standard output). Each PAGE is
//! a saved listing page, paper page, API response or text capture (`-` reads standard
//! input); they are merged into one set of papers, each once, newest list first. On bad
//! input it prints one line to standard error and exits with status 1.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use hf_papers::Collection;
use hf_papers::feed::{self, FeedFormat, FeedOptions};

const USAGE: &str = "usage: feed [--format atom|rss|json] [--min-upvotes N] [--max-entries N] \
                     [--title TEXT] [--self-link URL] [--out FILE] PAGE...";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let line = message.replace(['\n', '\r'], " ");
            let _ = writeln!(io::stderr(), "feed: {line}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut format = FeedFormat::Atom;
    let mut options = FeedOptions::new();
    let mut out: Option<OsString> = None;
    let mut pages: Vec<OsString> = Vec::new();

    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let flag = arg.to_str().unwrap_or("");
        let mut value = |name: &str| -> Result<OsString, String> {
            args.next()
                .ok_or_else(|| format!("{name} needs a value; {USAGE}"))
        };
        match flag {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--format" => {
                let text = value(flag)?;
                format = text
                    .to_string_lossy()
                    .parse()
                    .map_err(|e: feed::FeedFormatError| e.to_string())?;
            }
            "--min-upvotes" => options = options.min_upvotes(number(flag, &value(flag)?)?),
            "--max-entries" => options = options.max_entries(number(flag, &value(flag)?)?),
            "--title" => options = options.title(value(flag)?.to_string_lossy()),
            "--self-link" => options = options.self_link(value(flag)?.to_string_lossy()),
            "--out" => out = Some(value(flag)?),
            _ if flag.starts_with("--") => return Err(format!("unknown option {flag}; {USAGE}")),
            _ => pages.push(arg),
        }
    }
    if pages.is_empty() {
        return Err(USAGE.to_owned());
    }

    let mut papers = Collection::new();
    for page in &pages {
        let bytes = read(page)?;
        let document = hf_papers::parse_bytes(&bytes)
            .map_err(|e| format!("{}: {e}", page.to_string_lossy()))?;
        papers.add_document(&document);
    }

    match &out {
        Some(path) => std::fs::File::create(path)
            .and_then(|file| feed::write(format, &papers, &options, io::BufWriter::new(file)))
            .map_err(|e| format!("{}: {e}", path.to_string_lossy())),
        None => {
            let stdout = io::stdout();
            match feed::write(format, &papers, &options, stdout.lock()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| format!("standard output: {e}")),
            }
        }
    }
}

fn number<T: std::str::FromStr>(flag: &str, text: &OsString) -> Result<T, String> {
    text.to_str()
        .and_then(|t| t.trim().parse().ok())
        .ok_or_else(|| {
            format!(
                "{flag} needs a whole number, not {:?}",
                text.to_string_lossy()
            )
        })
}

fn read(path: &OsString) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
    Ok(bytes)
}

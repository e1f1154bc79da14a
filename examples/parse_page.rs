//! Parses a saved Daily Papers page or API response and prints it as JSON.
//!
//! ```text
//! cargo run --release --example parse_page -- FILE        # pretty JSON of the whole record
//! cargo run --release --example parse_page -- --jsonl FILE # one paper per line
//! cargo run --release --example parse_page -- -           # read standard input
//! ```
//!
//! The input's kind (listing page, paper page, API JSON) is told from its content. On bad
//! input it prints one line to standard error and exits with status 1.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use hf_papers::Document;

const USAGE: &str = "usage: parse_page [--jsonl] FILE|-";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One line, whatever the error says.
            let line = message.replace(['\n', '\r'], " ");
            let _ = writeln!(io::stderr(), "parse_page: {line}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut jsonl = false;
    let mut path = None;
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--jsonl") => jsonl = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if path.is_none() => path = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_owned())?;

    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
    // Bytes, not text: invalid UTF-8 is read with a warning instead of refused.
    let document = hf_papers::parse_bytes(&bytes).map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if jsonl {
        let papers = match &document {
            Document::Listing(listing) => listing.papers.iter().collect::<Vec<_>>(),
            Document::Paper(page) => vec![&page.paper],
            _ => Vec::new(),
        };
        papers.into_iter().try_for_each(|paper| {
            serde_json::to_writer(&mut out, paper).map_err(io::Error::from)?;
            out.write_all(b"\n")
        })
    } else {
        serde_json::to_writer_pretty(&mut out, &document)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
    };
    written
        .and_then(|()| out.flush())
        .or_else(|e| {
            // A closed pipe (`| head`) is not an error worth reporting.
            if e.kind() == io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(e)
            }
        })
        .map_err(|e| format!("writing output: {e}"))
}

//! Merges a folder of saved Daily Papers pages into one deduplicated JSON Lines file.
//!
//! ```text
//! cargo run --release --example archive -- DIR OUT.jsonl
//! cargo run --release --example archive -- --progress-every 100 captures/ papers.jsonl
//! ```
//!
//! Reads every `.html`, `.htm`, `.json`, `.txt` and `.md` file directly in DIR, in name
//! order (name captures by date, oldest first: later files give the latest counts), with
//! `hf_papers::parse_bytes`, merges them into a `Collection` and writes one line a paper,
//! each arXiv id once: the paper's fields plus its `appearances` (list date, period, rank,
//! source). A file that cannot be read or parsed is reported on standard error and
//! skipped. A progress line goes to standard error every `--progress-every` files (default
//! 500), and every second on long runs; a summary line ends the run. Exits with
//! status 0 unless no file could be read, or on bad arguments (one line on standard error,
//! status 1).

use std::ffi::OsString;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use hf_papers::Collection;

const USAGE: &str = "usage: archive [--progress-every N] DIR OUT.jsonl";
const EXTENSIONS: [&str; 5] = ["html", "htm", "json", "txt", "md"];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            say(&message);
            ExitCode::FAILURE
        }
    }
}

/// One line on standard error, whatever the message holds.
fn say(message: &str) {
    let line = message.replace(['\n', '\r'], " ");
    let _ = writeln!(io::stderr(), "archive: {line}");
}

fn run() -> Result<(), String> {
    let mut every: usize = 500;
    let mut paths: Vec<OsString> = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str().unwrap_or("") {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--progress-every" => {
                every = args
                    .next()
                    .and_then(|v| v.to_str().and_then(|t| t.trim().parse().ok()))
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("--progress-every needs a positive number; {USAGE}"))?;
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}; {USAGE}"));
            }
            _ => paths.push(arg),
        }
    }
    let [dir, out] = <[OsString; 2]>::try_from(paths).map_err(|_| USAGE.to_owned())?;
    let (dir, out) = (PathBuf::from(dir), PathBuf::from(out));

    let files = list(&dir)?;
    if files.is_empty() {
        return Err(format!(
            "{}: no .html, .htm, .json, .txt or .md files",
            dir.display()
        ));
    }

    let started = Instant::now();
    let mut last_progress = started;
    let mut papers = Collection::new();
    let (mut read, mut skipped) = (0usize, 0usize);
    for (done, path) in files.iter().enumerate() {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let parsed = fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| hf_papers::parse_bytes(&bytes).map_err(|e| e.to_string()));
        match parsed {
            Ok(document) => {
                papers.add_document(&document);
                read += 1;
            }
            Err(error) => {
                say(&format!("skipped {name}: {error}"));
                skipped += 1;
            }
        }
        let done = done + 1;
        let now = Instant::now();
        if done < files.len()
            && (done % every == 0 || now.duration_since(last_progress) >= Duration::from_secs(1))
        {
            say(&format!(
                "{done}/{} files, {} papers so far ({:.1} s)",
                files.len(),
                papers.len(),
                now.duration_since(started).as_secs_f64()
            ));
            last_progress = now;
        }
    }
    if read == 0 {
        return Err(format!(
            "nothing could be read: all {} files in {} were skipped",
            files.len(),
            dir.display()
        ));
    }

    write(&out, &papers).map_err(|e| format!("{}: {e}", out.display()))?;
    let appearances: usize = papers.papers().iter().map(|p| p.appearances.len()).sum();
    let mut summary = format!(
        "read {read} of {} files ({skipped} skipped): {} papers, {appearances} appearances",
        files.len(),
        papers.len(),
    );
    if !papers.unidentified().is_empty() {
        summary.push_str(&format!(
            ", {} more without an arXiv id (not written)",
            papers.unidentified().len()
        ));
    }
    summary.push_str(&format!(
        "; wrote {} in {:.1} s",
        out.display(),
        started.elapsed().as_secs_f64()
    ));
    say(&summary);
    Ok(())
}

/// The readable files directly in `dir`, in name order.
fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if wanted && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Writes the papers to a temporary file beside `out`, then renames it: a run that fails
/// half-way never leaves a truncated archive.
fn write(out: &Path, papers: &Collection) -> io::Result<()> {
    let mut temporary = out.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    let result = fs::File::create(&temporary).and_then(|file| {
        let mut writer = BufWriter::new(file);
        hf_papers::export::write_jsonl(&mut writer, papers.papers())?;
        writer.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    match result.and_then(|()| fs::rename(&temporary, out)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            Err(e)
        }
    }
}

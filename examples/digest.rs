//! Prints a readable markdown digest of saved Daily Papers pages, top papers first.
//!
//! ```text
//! cargo run --example digest -- PAGE...
//! cargo run --example digest -- --top 5 fixtures/day-2026-server.html > digest.md
//! ```
//!
//! Each PAGE is a saved listing page, paper page, API response or text capture (`-` reads
//! standard input); several are merged, each paper once. Every paper gets its title (linked
//! to huggingface.co), upvotes, comments, links to arXiv, code and project page, its
//! authors, its organization and its abstract shortened at a sentence boundary. Papers that
//! a text capture shows without a link are listed at the end. On bad input it prints one
//! line to standard error and exits with status 1.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use hf_papers::{CollectedPaper, Collection, Period, Query, SortBy};

const USAGE: &str = "usage: digest [--top N] PAGE...";

/// About how long a shortened abstract may be, in characters.
const ABSTRACT_CHARS: usize = 320;
/// How many authors are named before "and N more".
const AUTHORS_SHOWN: usize = 5;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let line = message.replace(['\n', '\r'], " ");
            let _ = writeln!(io::stderr(), "digest: {line}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut top: Option<usize> = None;
    let mut pages: Vec<OsString> = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str().unwrap_or("") {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--top" => {
                let n = args
                    .next()
                    .and_then(|v| v.to_str().and_then(|t| t.trim().parse().ok()))
                    .ok_or_else(|| format!("--top needs a whole number; {USAGE}"))?;
                top = Some(n);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}; {USAGE}"));
            }
            _ => pages.push(arg),
        }
    }
    if pages.is_empty() {
        return Err(USAGE.to_owned());
    }

    let mut papers = Collection::new();
    let mut periods = Vec::new();
    for page in &pages {
        let bytes = read(page)?;
        let document = hf_papers::parse_bytes(&bytes)
            .map_err(|e| format!("{}: {e}", page.to_string_lossy()))?;
        if let hf_papers::Document::Listing(listing) = &document {
            periods.push((listing.period.clone(), listing.date_text.clone()));
        }
        papers.add_document(&document);
    }

    let digest = digest(&papers, &periods, top);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(digest.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("standard output: {e}")),
        _ => Ok(()),
    }
}

fn digest(papers: &Collection, periods: &[(Period, Option<String>)], top: Option<usize>) -> String {
    let mut query = Query::new().sort(SortBy::Upvotes);
    if let Some(n) = top {
        query = query.limit(n);
    }
    let selected = papers.select(&query);

    let (heading, one_day) = heading(papers, periods);
    let mut md = String::new();
    let _ = writeln!(md, "# Hugging Face Daily Papers: {heading}\n");
    let count = match papers.len() {
        1 => "1 paper".to_owned(),
        n => format!("{n} papers"),
    };
    if selected.len() < papers.len() {
        let _ = writeln!(
            md,
            "{count}; the top {}, most upvoted first.\n",
            selected.len()
        );
    } else if !papers.is_empty() {
        let _ = writeln!(md, "{count}, most upvoted first.\n");
    }
    for (rank, paper) in selected.iter().enumerate() {
        entry(&mut md, rank + 1, paper, !one_day);
    }

    let mut unidentified: Vec<_> = papers.unidentified().iter().collect();
    // Most upvoted first here too (a stable sort: ties keep the capture's order).
    unidentified.sort_by_key(|p| std::cmp::Reverse(p.upvotes));
    if !unidentified.is_empty() {
        let _ = writeln!(md, "## Also on the list (no link in the capture)\n");
        for paper in &unidentified {
            let _ = write!(md, "- {}", paper.title);
            if let Some(n) = paper.upvotes {
                let _ = write!(md, " · {}", plural(n, "upvote"));
            }
            md.push('\n');
        }
        md.push('\n');
    }
    if papers.is_empty() && unidentified.is_empty() {
        md.push_str("No papers.\n");
    }
    md
}

/// What the digest covers (the one list's period, else the range of list dates), and
/// whether that is a single day.
fn heading(papers: &Collection, periods: &[(Period, Option<String>)]) -> (String, bool) {
    let single = periods.first().filter(|p| periods.iter().all(|q| q == *p));
    let label = match single {
        Some((Period::Day { date }, _)) => Some(date.to_string()),
        Some((Period::Week { week }, _)) => Some(format!("week {week}")),
        Some((Period::Month { month }, _)) => Some(format!("month {month}")),
        Some((Period::Trending, _)) => Some("trending".to_owned()),
        Some((Period::Search { query: Some(q) }, _)) => Some(format!("search \u{201c}{q}\u{201d}")),
        Some((Period::Search { query: None }, _)) => Some("search results".to_owned()),
        // A text capture of an unknown list: the date as it shows it.
        Some((_, Some(date_text))) => Some(date_text.clone()),
        _ => None,
    };
    let dates: Vec<_> = papers
        .papers()
        .iter()
        .flat_map(|p| p.list_dates())
        .collect();
    let (first, last) = (dates.iter().min(), dates.iter().max());
    let one_day = first.is_some() && first == last;
    let label = label.unwrap_or_else(|| match (first, last) {
        (Some(first), Some(last)) if first == last => first.to_string(),
        (Some(first), Some(last)) => format!("{first} to {last}"),
        _ => "papers".to_owned(),
    });
    (label, one_day)
}

fn entry(md: &mut String, rank: usize, collected: &CollectedPaper, show_date: bool) {
    let paper = &collected.paper;
    let title = paper
        .title
        .clone()
        .unwrap_or_else(|| format!("arXiv:{}", paper.id));
    let _ = writeln!(md, "## {rank}. [{}]({})\n", link_text(&title), paper.url);

    let mut facts = Vec::new();
    if let Some(n) = paper.upvotes {
        facts.push(format!("**{}**", plural(n, "upvote")));
    }
    if let Some(n) = paper.num_comments.filter(|n| *n > 0) {
        facts.push(plural(n, "comment"));
    }
    facts.push(format!("[arXiv]({})", paper.arxiv_url()));
    if let Some(repo) = &paper.github_repo {
        match paper.github_stars {
            Some(stars) => facts.push(format!("[code]({repo}) ({stars} stars)")),
            None => facts.push(format!("[code]({repo})")),
        }
    }
    if let Some(page) = &paper.project_page {
        facts.push(format!("[project page]({page})"));
    }
    if let Some(date) = collected.last_listed_on().filter(|_| show_date) {
        facts.push(format!("listed {date}"));
    }
    let _ = writeln!(md, "{}\n", facts.join(" · "));

    let mut byline = Vec::new();
    let shown: Vec<&str> = paper
        .authors
        .iter()
        .flatten()
        .filter(|a| a.hidden != Some(true))
        .map(|a| a.name.as_str())
        .collect();
    if !shown.is_empty() {
        byline.push(authors(&shown));
    } else if let Some(n) = paper.num_authors {
        byline.push(plural(n, "author"));
    }
    if let Some(org) = &paper.organization {
        if let Some(name) = org.fullname.as_ref().or(org.name.as_ref()) {
            byline.push(name.clone());
        }
    }
    if !byline.is_empty() {
        let _ = writeln!(md, "*{}*\n", byline.join(" · "));
    }

    if let Some(text) = paper.summary.as_deref().or(paper.ai_summary.as_deref()) {
        let _ = writeln!(md, "{}\n", shorten(text, ABSTRACT_CHARS));
    }
}

fn authors(names: &[&str]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].to_owned(),
        n if n <= AUTHORS_SHOWN => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!(
            "{} and {} more",
            names[..AUTHORS_SHOWN].join(", "),
            n - AUTHORS_SHOWN
        ),
    }
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Square brackets would end a markdown link's text early.
fn link_text(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// The text cut to whole sentences of at most about `limit` characters (at least one
/// sentence; a first sentence far over the limit is cut at a word), with `…` when cut.
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let ends = sentence_ends(text);
    let within = |end: &&usize| text[..**end].chars().count() <= limit;
    if let Some(&end) = ends.iter().rev().find(within).or(ends.first()) {
        if text[..end].chars().count() <= limit * 2 {
            return format!("{} …", text[..end].trim_end());
        }
    }
    // No usable sentence end: cut at the last space within the limit.
    let byte_limit = text
        .char_indices()
        .nth(limit)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..byte_limit].rfind(' ').unwrap_or(byte_limit);
    format!("{} …", text[..cut].trim_end())
}

/// Byte offsets just past each sentence's final `.`, `!` or `?`: one followed by a space
/// and a word that does not start in lower case, and not ending a common abbreviation.
fn sentence_ends(text: &str) -> Vec<usize> {
    const ABBREVIATIONS: [&str; 9] = ["e.g", "i.e", "al", "vs", "etc", "cf", "Fig", "Eq", "Sec"];
    let mut ends = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + c.len_utf8();
        let mut rest = text[end..].chars();
        let spaced = rest.next().is_some_and(char::is_whitespace);
        let next = text[end..].trim_start().chars().next();
        if !spaced || next.is_none_or(char::is_lowercase) {
            continue;
        }
        let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
        if c == '.' && ABBREVIATIONS.contains(&word) {
            continue;
        }
        ends.push(end);
    }
    ends
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

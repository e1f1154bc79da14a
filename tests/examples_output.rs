//! Runs the `feed`, `digest` and `archive` examples as a user would, on the fixtures, and
//! checks what they write: the feed parses back, the digest puts the top paper first, the
//! archive holds each paper once. Bad input gives one line on stderr and exit status 1.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

use hf_papers::{Collection, Document, Query, SortBy};

/// Builds an example (once per test run) and returns its path.
fn example(name: &str) -> PathBuf {
    static BUILT: OnceLock<Mutex<BTreeMap<String, PathBuf>>> = OnceLock::new();
    let built = BUILT.get_or_init(|| Mutex::new(BTreeMap::new()));
    let mut built = built.lock().expect("lock");
    if let Some(path) = built.get(name) {
        return path.clone();
    }
    // tests run from target/<profile>/deps/; examples sit in target/<profile>/examples/.
    let exe = std::env::current_exe().expect("current exe");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    // The features this test was built with (so the library is not rebuilt), plus what
    // the example needs.
    let mut features = Vec::new();
    if cfg!(feature = "feed") || name == "feed" {
        features.push("feed");
    }
    if cfg!(feature = "csv") {
        features.push("csv");
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args(["build", "--quiet", "--example", name])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    if profile_dir.file_name().is_some_and(|n| n == "release") {
        command.arg("--release");
    }
    let status = command.status().expect("cargo runs");
    assert!(status.success(), "building the {name} example failed");
    let bin = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} not built", bin.display());
    built.insert(name.to_owned(), bin.clone());
    bin
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn fixture(name: &str) -> String {
    fixtures()
        .join(name)
        .to_str()
        .expect("UTF-8 path")
        .to_owned()
}

fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name))
        .args(args)
        .output()
        .expect("example runs")
}

/// A scratch folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hf-papers-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_one_line_error(name: &str, out: &Output) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{name} exit status: {err}");
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with(&format!("{name}: ")), "{err:?}");
    assert!(!err.contains("panicked"), "{err:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
}

fn collection(names: &[&str]) -> Collection {
    let mut papers = Collection::new();
    for name in names {
        let bytes = std::fs::read(fixtures().join(name)).expect("fixture");
        papers.add_document(&hf_papers::parse_bytes(&bytes).expect("parses"));
    }
    papers
}

// ---------------------------------------------------------------------------------- feed

#[cfg(feature = "feed")]
mod feed {
    use super::*;

    const PAGES: [&str; 4] = [
        "day-2026-server.html",
        "api-paper-2026.json",
        "week-2026-W27.html",
        "text-day-once.md",
    ];

    fn pages() -> Vec<String> {
        PAGES.iter().map(|n| fixture(n)).collect()
    }

    #[test]
    fn atom_to_a_file_validates_by_round_trip() {
        let dir = scratch("feed-atom");
        let out_file = dir.join("papers.atom");
        let mut args = vec![
            "--format",
            "atom",
            "--out",
            out_file.to_str().expect("UTF-8"),
        ];
        let pages = pages();
        args.extend(pages.iter().map(String::as_str));
        let out = run("feed", &args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
        let text = std::fs::read_to_string(&out_file).expect("feed file");
        let parsed: atom_syndication::Feed = text.parse().expect("Atom parses back");

        let papers = collection(&PAGES);
        let want = papers.select(&Query::new().sort(SortBy::Newest));
        assert_eq!(parsed.entries().len(), want.len());
        let ids: BTreeSet<&str> = parsed.entries().iter().map(|e| e.id()).collect();
        assert_eq!(ids.len(), want.len(), "each paper once");
        for (entry, paper) in parsed.entries().iter().zip(&want) {
            assert_eq!(entry.id(), paper.paper.id.hf_url());
            assert_eq!(
                Some(entry.title().as_str()),
                paper.paper.title.as_deref(),
                "{}",
                entry.id()
            );
            assert!(
                entry
                    .links()
                    .iter()
                    .any(|l| l.href() == paper.paper.arxiv_url())
            );
            let listed = paper
                .last_listed_on()
                .expect("every page here has list dates");
            assert_eq!(entry.updated().date_naive(), listed);
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn rss_to_stdout_with_a_threshold() {
        let mut args = vec!["--format", "rss", "--min-upvotes", "20"];
        let pages = pages();
        args.extend(pages.iter().map(String::as_str));
        let out = run("feed", &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let channel = rss::Channel::read_from(out.stdout.as_slice()).expect("RSS parses back");
        let papers = collection(&PAGES);
        let want: Vec<String> = papers
            .select(&Query::new().sort(SortBy::Newest).min_upvotes(20))
            .iter()
            .map(|p| p.paper.id.hf_url())
            .collect();
        assert!(!want.is_empty() && want.len() < papers.len());
        let got: Vec<&str> = channel
            .items()
            .iter()
            .map(|i| i.guid().expect("guid").value())
            .collect();
        assert_eq!(got, want);
        for item in channel.items() {
            assert!(item.pub_date().is_some());
            assert!(item.link().is_some() && item.title().is_some());
        }
    }

    #[test]
    fn json_feed_with_a_cap_and_a_self_link() {
        let mut args = vec![
            "--format",
            "json",
            "--max-entries",
            "3",
            "--title",
            "Top three",
            "--self-link",
            "https://example.org/top.json",
        ];
        let pages = pages();
        args.extend(pages.iter().map(String::as_str));
        let out = run("feed", &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(json["title"], "Top three");
        assert_eq!(json["feed_url"], "https://example.org/top.json");
        let items = json["items"].as_array().expect("items");
        assert_eq!(items.len(), 3);
        for item in items {
            assert!(
                item["id"]
                    .as_str()
                    .expect("id")
                    .starts_with("https://huggingface.co/papers/")
            );
            assert!(item["date_published"].is_string());
        }
    }

    #[test]
    fn bad_input_is_one_line_and_exit_1() {
        let day = fixture("day-2026-server.html");
        assert_one_line_error("feed", &run("feed", &[]));
        assert_one_line_error("feed", &run("feed", &["--format", "pdf", &day]));
        assert_one_line_error("feed", &run("feed", &["--min-upvotes", "many", &day]));
        assert_one_line_error("feed", &run("feed", &["--format"]));
        assert_one_line_error("feed", &run("feed", &["--frobnicate", &day]));
        assert_one_line_error("feed", &run("feed", &[&fixture("not-papers.html")]));
        assert_one_line_error("feed", &run("feed", &[&day, "/no/such/page.html"]));
        assert_one_line_error(
            "feed",
            &run("feed", &["--out", "/no/such/dir/feed.xml", &day]),
        );
    }
}

// -------------------------------------------------------------------------------- digest

#[test]
fn digest_lists_the_top_paper_first() {
    let out = run("digest", &[&fixture("day-2026-server.html")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.starts_with("# Hugging Face Daily Papers: 2026-07-02\n"));

    let papers = collection(&["day-2026-server.html"]);
    let ranked = papers.select(&Query::new().sort(SortBy::Upvotes));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), ranked.len());
    for (rank, (heading, paper)) in headings.iter().zip(&ranked).enumerate() {
        let title = paper.paper.title.as_deref().expect("title");
        assert_eq!(
            *heading,
            format!("## {}. [{title}]({})", rank + 1, paper.paper.url)
        );
    }
    let top = ranked[0];
    assert_eq!(
        top.paper.upvotes,
        papers.papers().iter().filter_map(|p| p.paper.upvotes).max()
    );
    // Upvotes, the arXiv link, authors (the hidden one left out), shortened abstracts.
    assert!(md.contains(&format!(
        "**{} upvotes**",
        top.paper.upvotes.expect("upvotes")
    )));
    assert!(md.contains("[arXiv](https://arxiv.org/abs/2607.01234)"));
    assert!(md.contains("Katja Tovlin, Anselm Brightwater and Duncan Oyelaran-Fisk"));
    assert!(!md.contains("Priya Castellane"));
    let tidal = papers
        .get(&"2607.01234".parse().expect("id"))
        .expect("paper");
    let abstract_ = tidal.paper.summary.as_deref().expect("abstract");
    assert!(!md.contains(abstract_), "a long abstract is shortened");
    let shortened = md
        .lines()
        .find(|l| l.starts_with("Self-attention costs"))
        .expect("shortened abstract");
    assert!(shortened.ends_with(". …"), "{shortened}");
    assert!(abstract_.starts_with(shortened.trim_end_matches(" …")));
}

#[test]
fn digest_merges_pages_and_keeps_unlinked_papers() {
    let out = run(
        "digest",
        &[
            "--top",
            "3",
            &fixture("day-2026-server.html"),
            &fixture("week-2026-W27.html"),
            &fixture("text-day-browser.txt"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    // The top three, then the text capture's unlinked papers.
    assert_eq!(headings.len(), 4, "{md}");
    assert!(headings[0].contains("Budgeted Tree Search"), "{md}");
    assert!(md.contains("## Also on the list (no link in the capture)"));
    assert!(md.contains("- Sparse Lanterns: Lighting Long Contexts with Few Tokens · 42 upvotes"));
}

#[test]
fn digest_bad_input_is_one_line_and_exit_1() {
    assert_one_line_error("digest", &run("digest", &[]));
    assert_one_line_error("digest", &run("digest", &[&fixture("not-papers.html")]));
    assert_one_line_error("digest", &run("digest", &[&fixture("text-not-papers.txt")]));
    assert_one_line_error("digest", &run("digest", &["/no/such/page.html"]));
    assert_one_line_error(
        "digest",
        &run("digest", &["--top", "x", &fixture("day-empty.html")]),
    );
}

// ------------------------------------------------------------------------------- archive

fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("archive file")
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect()
}

#[test]
fn archive_holds_each_paper_once_across_the_fixtures() {
    let dir = scratch("archive");
    let out_file = dir.join("papers.jsonl");
    let out = run(
        "archive",
        &[
            "--progress-every",
            "5",
            fixtures().to_str().expect("UTF-8"),
            out_file.to_str().expect("UTF-8"),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"));

    // The files that are not papers are reported and skipped, never fatal.
    for bad in ["README.md", "not-papers.html", "text-not-papers.txt"] {
        assert!(err.contains(&format!("archive: skipped {bad}: ")), "{err}");
    }
    assert!(
        err.lines()
            .any(|l| l.contains("files, ") && l.contains("papers so far"))
    );
    let summary = err.lines().last().expect("a summary line");
    assert!(summary.starts_with("archive: read "), "{summary}");
    assert!(summary.contains("(3 skipped)"), "{summary}");

    let lines = read_jsonl(&out_file);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().expect("id"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "each id once");
    // day-2026-server.html and api-paper-2026.json share 2607.01234.
    assert_eq!(ids.iter().filter(|id| **id == "2607.01234").count(), 1);

    // The same as merging the readable fixtures in name order with the library.
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            [".html", ".json", ".txt", ".md"]
                .iter()
                .any(|x| n.ends_with(x))
        })
        .collect();
    names.sort();
    let mut papers = Collection::new();
    for name in &names {
        let bytes = std::fs::read(fixtures().join(name)).expect("fixture");
        if let Ok(document) = hf_papers::parse_bytes(&bytes) {
            papers.add_document(&document);
        }
    }
    assert_eq!(lines.len(), papers.len());
    for (line, paper) in lines.iter().zip(papers.papers()) {
        assert_eq!(*line, serde_json::to_value(paper).expect("JSON"));
    }
    assert!(
        summary.contains(&format!("{} papers", papers.len())),
        "{summary}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn archive_keeps_every_appearance_of_a_shared_paper() {
    let dir = scratch("archive-shared");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).expect("pages folder");
    for name in ["day-2026-server.html", "api-paper-2026.json"] {
        std::fs::copy(fixtures().join(name), pages.join(name)).expect("copy");
    }
    // The same day saved twice, and once more as an API response of a later list.
    std::fs::copy(
        fixtures().join("day-2026-server.html"),
        pages.join("day-2026-server-again.html"),
    )
    .expect("copy");
    std::fs::write(
        pages.join("later.json"),
        r#"[{"paper": {"id": "2607.01234", "upvotes": 99,
             "submittedOnDailyAt": "2026-07-09T00:00:00.000Z"}}]"#,
    )
    .expect("write");
    let out_file = dir.join("out.jsonl");
    let out = run(
        "archive",
        &[
            pages.to_str().expect("UTF-8"),
            out_file.to_str().expect("UTF-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = read_jsonl(&out_file);
    let shared: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["id"] == "2607.01234").collect();
    assert_eq!(shared.len(), 1);
    let shared = shared[0];
    assert_eq!(shared["upvotes"], 99, "the latest list's counts");
    assert_eq!(shared["linked"]["num_models"], 14, "the paper API's fields");
    let dates: Vec<&str> = shared["appearances"]
        .as_array()
        .expect("appearances")
        .iter()
        .map(|a| a["listed_on"].as_str().expect("date"))
        .collect();
    assert_eq!(dates, ["2026-07-02", "2026-07-09"]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn archive_fails_only_when_nothing_could_be_read() {
    let dir = scratch("archive-bad");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).expect("pages folder");
    std::fs::copy(
        fixtures().join("not-papers.html"),
        pages.join("not-papers.html"),
    )
    .expect("copy");
    std::fs::write(pages.join("broken.json"), "[{\"paper\": ").expect("write");
    let out_file = dir.join("out.jsonl");
    let out = run(
        "archive",
        &[
            pages.to_str().expect("UTF-8"),
            out_file.to_str().expect("UTF-8"),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.lines().count(),
        3,
        "two skipped files and the failure: {err}"
    );
    assert!(
        err.lines()
            .last()
            .expect("line")
            .contains("nothing could be read")
    );
    assert!(!out_file.exists(), "no archive written");

    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("empty folder");
    let out_path = out_file.to_str().expect("UTF-8");
    assert_one_line_error(
        "archive",
        &run("archive", &[empty.to_str().expect("UTF-8"), out_path]),
    );
    assert_one_line_error("archive", &run("archive", &["/no/such/dir", out_path]));
    assert_one_line_error("archive", &run("archive", &[]));
    assert_one_line_error(
        "archive",
        &run("archive", &["--progress-every", "0", "a", "b"]),
    );
    assert_one_line_error("archive", &run("archive", &["a", "b", "c"]));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_document_of_each_kind_reaches_the_examples() {
    // Guard for the fixtures these tests lean on.
    let bytes = std::fs::read(fixtures().join("api-paper-2026.json")).expect("fixture");
    assert!(matches!(
        hf_papers::parse_bytes(&bytes).expect("parses"),
        Document::Paper(_)
    ));
}

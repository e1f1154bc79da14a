//! Runs the `parse_page` example as a user would: on fixtures, on standard input, with
//! `--jsonl`, and on bad input (one line on stderr, exit status 1, never a panic).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The example binary, built once for this test run.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "--example", "parse_page"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the example failed");
        // tests run from target/<profile>/deps/; the example sits in target/<profile>/examples/.
        let exe = std::env::current_exe().expect("current exe");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>");
        let bin = profile_dir
            .join("examples")
            .join(format!("parse_page{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.exists(), "{} not built", bin.display());
        bin
    })
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("example starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("example ends")
}

fn assert_one_line_error(out: &Output) {
    assert_eq!(out.status.code(), Some(1), "exit status");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr:?}");
    assert!(stderr.starts_with("parse_page: "), "{stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn prints_a_listing_page_as_json() {
    let path = fixture("day-2026-server.html");
    let out = run(&[path.to_str().expect("utf-8 path")], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let papers = doc["papers"].as_array().expect("papers");
    assert!(!papers.is_empty());
    assert_eq!(doc["period"]["kind"], "day");
    for paper in papers {
        assert!(paper["id"].is_string());
        assert!(
            paper["url"]
                .as_str()
                .expect("url")
                .starts_with("https://huggingface.co/papers/")
        );
    }
}

#[test]
fn jsonl_prints_one_paper_per_line() {
    let path = fixture("api-daily-2026.json");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let listing = hf_papers::Listing::from_api_json(&text).expect("parses");
    let out = run(&["--jsonl", path.to_str().expect("utf-8 path")], None);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), listing.papers.len());
    for (line, paper) in lines.iter().zip(&listing.papers) {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        assert_eq!(v["id"], paper.id.to_string());
    }
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read(fixture("api-search-2025-wrapped.json")).expect("fixture");
    let out = run(&["-"], Some(&text));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["period"]["kind"], "search");
}

#[test]
fn bad_input_is_one_line_and_exit_1() {
    for input in [
        &b"not a page at all"[..],
        b"",
        b"<html><body>hello</body></html>",
        b"{\"models\": [], \"datasets\": [], \"spaces\": []}",
        b"[{\"paper\": {\"id\": \"2607.01234\"",
        b"\xff\xfe\x00garbage",
    ] {
        assert_one_line_error(&run(&["-"], Some(input)));
    }
    assert_one_line_error(&run(&["/no/such/file.html"], None));
    assert_one_line_error(&run(&[], None));
}

/// The hostile inputs of `tests/hostile.rs`, through the binary: exit 0 with JSON, or one
/// line on stderr with exit 1; never a panic.
#[test]
fn hostile_input_through_the_binary() {
    let blob = r#"<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2607.01234&quot;}}]}"></div>"#;
    let cases: Vec<Vec<u8>> = vec![
        format!("{}{blob}", "<div>".repeat(100_000)).into_bytes(),
        format!("{}<article></article>", "<ul><li>".repeat(100_000)).into_bytes(),
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        br#"[{"paper": {"id": "2607.01234", "title": "cut"#.to_vec(),
        b"\xef\xbb\xbf[]".to_vec(),
        b"[{\"paper\": {\"id\": \"2607.01234\", \"title\": \"bad \xff byte\"}}]".to_vec(),
        b"\0\0\0".to_vec(),
        // A page cut inside its blob, after the first paper.
        {
            let page = std::fs::read(fixture("day-2026-server.html")).expect("fixture");
            let blob_at = page
                .windows(11)
                .position(|w| w == b"DailyPapers")
                .expect("blob");
            page[..blob_at + 15_000].to_vec()
        },
    ];
    for input in cases {
        let out = run(&["-"], Some(&input));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        match out.status.code() {
            Some(0) => {
                let _: serde_json::Value =
                    serde_json::from_slice(&out.stdout).expect("JSON on stdout");
            }
            Some(1) => assert_one_line_error(&out),
            other => panic!("exit status {other:?}: {stderr}"),
        }
    }
}

//! Golden tests: every fixture's parsed record (or error) against its expected output.
//!
//! Each `fixtures/NAME.html|json|txt|md` has `fixtures/expected/NAME.json`: the pretty JSON of what
//! `hf_papers::parse` returns, or `{"error": "..."}` for inputs that must be refused.
//! Regenerate on purpose with `UPDATE_GOLDEN=1 cargo test --test golden`, then review the
//! diff. Expected files are never deleted when the site changes: old layouts stay supported.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn inputs() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .expect("fixtures/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("html" | "json" | "txt" | "md")
            ) && !matches!(p.file_name().and_then(|n| n.to_str()), Some("README.md"))
        })
        .collect();
    paths.sort();
    paths
}

fn expected_path(input: &Path) -> PathBuf {
    let stem = input
        .file_name()
        .and_then(|n| n.to_str())
        .expect("utf-8 name");
    fixtures_dir().join("expected").join(format!("{stem}.json"))
}

/// What a fixture parses to, as the golden file holds it.
fn actual(input: &Path) -> String {
    let text = fs::read_to_string(input).expect("fixture is UTF-8");
    // Serialized straight from the record, so fields keep the model's order.
    let mut s = match hf_papers::parse(&text) {
        Ok(doc) => serde_json::to_string_pretty(&doc),
        Err(err) => serde_json::to_string_pretty(&serde_json::json!({ "error": err.to_string() })),
    }
    .expect("serializes");
    s.push('\n');
    s
}

#[test]
fn every_fixture_matches_its_golden_output() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let inputs = inputs();
    assert!(
        inputs.len() >= 10,
        "expected the fixture set, found {}",
        inputs.len()
    );
    let mut failures = Vec::new();
    for input in &inputs {
        let expected_path = expected_path(input);
        let got = actual(input);
        if update {
            fs::create_dir_all(expected_path.parent().expect("has parent")).expect("mkdir");
            fs::write(&expected_path, &got).expect("write golden");
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: output differs from {} (first difference at line {})",
                input.display(),
                expected_path.display(),
                want.lines()
                    .zip(got.lines())
                    .position(|(a, b)| a != b)
                    .map_or_else(
                        || want.lines().count().min(got.lines().count()) + 1,
                        |i| i + 1
                    ),
            )),
            Err(_) => failures.push(format!(
                "{}: no golden file {} (run with UPDATE_GOLDEN=1 and review it)",
                input.display(),
                expected_path.display()
            )),
        }
    }
    // Past the harness's capture, so the figure shows in a plain `cargo test` run.
    let _ = writeln!(
        std::io::stderr(),
        "golden: checked {} fixtures",
        inputs.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_golden_file_has_its_fixture() {
    let dir = fixtures_dir().join("expected");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    let inputs: Vec<PathBuf> = inputs().iter().map(|p| expected_path(p)).collect();
    for entry in entries.flatten() {
        assert!(
            inputs.contains(&entry.path()),
            "{} has no fixture: old layouts stay supported, so restore the fixture",
            entry.path().display()
        );
    }
}

//! Hostile input: each case asserts its outcome (the records, or the specific error) and
//! that it ends promptly. The bound on time is a generous hang detector for a debug build,
//! not a performance target (those are in `benches/`).

use std::time::{Duration, Instant};

use hf_papers::{
    Document, Error, Listing, PaperPage, ParseOptions, WarningKind, parse, parse_bytes,
};

/// Runs `f` and fails if it takes longer than a hang would.
fn promptly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(20), "{what} took {took:?}");
    out
}

fn entry(id: &str, title: &str) -> String {
    format!(
        r#"{{"paper":{{"id":"{id}","title":"{title}","upvotes":3,"submittedOnDailyAt":"2026-07-02T00:00:00.000Z"}},"numComments":1}}"#
    )
}

fn blob(entries: &[String]) -> String {
    let json = format!(
        r#"{{"dateString":"2026-07-02","periodType":"day","dailyPapers":[{}]}}"#,
        entries.join(",")
    );
    let escaped = json.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        r#"<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{escaped}"></div>"#
    )
}

fn listing(doc: Document) -> Listing {
    match doc {
        Document::Listing(l) => l,
        other => panic!("expected a listing, got {other:?}"),
    }
}

#[test]
fn deep_nesting_with_a_blob_is_read_without_a_tree() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}{}{}</body></html>",
        "<div>".repeat(depth),
        blob(&[entry("2607.01234", "Deep")]),
        "</div>".repeat(depth)
    );
    let l = promptly("100k nested divs with a blob", || Listing::from_html(&page)).expect("parses");
    assert_eq!(l.papers.len(), 1);
    let ul = format!(
        "{}{}",
        "<ul><li>".repeat(depth),
        blob(&[entry("2607.01234", "Deep")])
    );
    let l = promptly("100k nested ul/li with a blob", || Listing::from_html(&ul)).expect("parses");
    assert_eq!(l.papers.len(), 1);
}

#[test]
fn deep_nesting_without_a_blob_is_refused_promptly() {
    let page = format!(
        "<html><body>{}<article><h3><a href=\"/papers/2607.01234\">x</a></h3></article></body></html>",
        "<ul><li>".repeat(100_000)
    );
    let err = promptly("100k nested ul/li without a blob", || {
        Listing::from_html(&page)
    })
    .expect_err("no blob, too deep for cards");
    assert!(
        matches!(err, Error::LimitExceeded { .. } | Error::NotPapers { .. }),
        "{err}"
    );
}

#[test]
fn a_64_mib_attribute_elsewhere_is_skipped() {
    let huge = "a".repeat(64 * 1024 * 1024);
    let page = format!(
        r#"<html><head><meta name="x" content="{huge}"></head><body>{}</body></html>"#,
        blob(&[entry("2607.01234", "After a huge attribute")])
    );
    let l = promptly("64 MiB attribute", || Listing::from_html(&page)).expect("parses");
    assert_eq!(l.papers[0].title.as_deref(), Some("After a huge attribute"));
}

#[test]
fn a_64_mib_field_is_dropped_with_a_warning() {
    let huge = "b".repeat(64 * 1024 * 1024);
    let json = format!(
        "[{},{}]",
        entry("2607.01234", &huge),
        entry("2607.01235", "Fine")
    );
    let l = promptly("64 MiB title", || Listing::from_api_json(&json)).expect("parses");
    assert_eq!(l.papers.len(), 2);
    assert_eq!(l.papers[0].title, None);
    assert_eq!(l.papers[1].title.as_deref(), Some("Fine"));
    assert!(
        l.warnings
            .iter()
            .any(|w| w.kind == WarningKind::FieldTooLong && w.entry == Some(0))
    );
    let strict = Listing::from_api_json_with(&json, &ParseOptions::new().strict(true));
    assert!(matches!(strict, Err(Error::Strict { .. })));
}

#[test]
fn input_over_the_size_limit_is_refused_before_parsing() {
    let options = ParseOptions::new().max_input_bytes(1000);
    let json = format!("[{}]", entry("2607.01234", &"c".repeat(2000)));
    let err = Listing::from_api_json_with(&json, &options).expect_err("too big");
    assert!(
        matches!(err, Error::LimitExceeded { limit: 1000, .. }),
        "{err}"
    );
}

#[test]
fn thousands_of_entries() {
    let entries: Vec<String> = (0..20_000)
        .map(|i| entry(&format!("2607.{:05}", i + 1), &format!("Paper {i}")))
        .collect();
    let json = format!("[{}]", entries.join(","));
    let l = promptly("20k entries", || Listing::from_api_json(&json)).expect("parses");
    assert_eq!(l.papers.len(), 20_000);
    assert!(l.warnings.is_empty());
    let page = blob(&entries);
    let l = promptly("20k entries in a blob", || Listing::from_html(&page)).expect("parses");
    assert_eq!(l.papers.len(), 20_000);
    let capped = Listing::from_api_json_with(&json, &ParseOptions::new().max_papers(10_000));
    assert!(matches!(
        capped,
        Err(Error::LimitExceeded {
            limit: 10_000,
            actual: 20_000,
            ..
        })
    ));
}

#[test]
fn json_nested_10000_deep_never_overflows_the_stack() {
    // An array of arrays is skipped without recursion, and is not a list of papers.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let err = promptly("deep array", || Listing::from_api_json(&deep)).expect_err("no papers");
    assert!(matches!(err, Error::NotPapers { .. }), "{err}");
    // Deep inside an entry, in keys the crate skips: skipped without recursion, entry kept.
    let in_user = format!(
        r#"[{{"paper":{{"id":"2607.01234","authors":[{{"user":{}null{}}}]}}}}]"#,
        "{\"user\":".repeat(10_000),
        "}".repeat(10_000)
    );
    let read = promptly("deep users", || Listing::from_api_json(&in_user)).expect("skipped");
    assert_eq!(read.papers.len(), 1);
    let in_entry = format!(
        r#"[{{"paper":{{"id":"2607.01234","extra":{}1{}}}}}]"#,
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    let read = promptly("deep object in an entry", || {
        Listing::from_api_json(&in_entry)
    })
    .expect("skipped");
    assert_eq!(read.papers[0].id.to_string(), "2607.01234");
    // Malformed at the bottom: the error names the path down to it.
    let malformed = in_user.replace("null", "");
    let err = promptly("deep malformed", || Listing::from_api_json(&malformed)).expect_err("bad");
    assert!(
        matches!(&err, Error::Json { path, .. } if path.starts_with("[0].paper.authors[0].user")),
        "{err}"
    );
    // With a depth limit, any deeper JSON is refused before it is read, naming the limit.
    let options = ParseOptions::new().max_json_depth(64);
    for (what, result) in [
        (
            "api",
            Listing::from_api_json_with(&in_entry, &options).map(|_| ()),
        ),
        (
            "blob",
            Listing::from_html_with(
                &blob(&[in_entry[1..in_entry.len() - 1].to_owned()]),
                &options,
            )
            .map(|_| ()),
        ),
        (
            "paper",
            PaperPage::from_api_json_with(&in_entry[10..in_entry.len() - 2], &options).map(|_| ()),
        ),
    ] {
        let err = promptly(what, || result).expect_err("too deep");
        assert!(
            matches!(err, Error::LimitExceeded { limit: 64, .. }),
            "{what}: {err}"
        );
        assert!(err.to_string().contains("max_json_depth"), "{err}");
    }
    // Within the limit, read as usual; a limit above serde_json's own acts as its own.
    let shallow = format!(
        r#"[{{"paper":{{"id":"2607.01234","extra":{}1{}}}}}]"#,
        "[".repeat(60),
        "]".repeat(60)
    );
    assert!(Listing::from_api_json_with(&shallow, &options).is_ok());
    assert!(
        Listing::from_api_json_with(&in_entry, &ParseOptions::new().max_json_depth(1 << 20))
            .is_ok()
    );
    let page = format!(
        r#"<div data-target="DailyPapers" data-props="{}{}"></div>"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = promptly("deep blob", || Listing::from_html(&page)).expect_err("no papers");
    assert!(
        matches!(err, Error::NotPapers { .. } | Error::Json { .. }),
        "{err}"
    );
}

#[test]
fn truncation_at_every_point_never_panics() {
    let fixtures = [
        "day-2026-server.html",
        "api-daily-2026.json",
        "api-paper-2026.json",
        "search-2026.html",
    ];
    for name in fixtures {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name);
        let text = std::fs::read_to_string(&path).expect("fixture");
        let step = (text.len() / 400).max(1);
        promptly(name, || {
            let mut cut = 0;
            while cut < text.len() {
                if text.is_char_boundary(cut) {
                    match parse(&text[..cut]) {
                        Ok(doc) => {
                            let _ = serde_json::to_string(&doc).expect("serializes");
                        }
                        Err(err) => assert!(!err.to_string().is_empty()),
                    }
                }
                cut += step;
            }
        });
    }
}

#[test]
fn truncated_json_keeps_the_entries_before_the_break_and_says_where() {
    let json = format!(
        "[{},{},{}",
        entry("2607.01234", "One"),
        entry("2607.01235", "Two"),
        &entry("2607.01236", "Three")[..40]
    );
    // Lenient: the two complete entries, and a warning that says where it broke.
    let l = Listing::from_api_json(&json).expect("salvaged");
    assert_eq!(l.papers.len(), 2);
    assert_eq!(l.warnings.len(), 1);
    assert_eq!(l.warnings[0].kind, WarningKind::TruncatedInput);
    assert!(
        l.warnings[0].message.contains("[2]"),
        "{}",
        l.warnings[0].message
    );
    // Strict: the error, with the path, line and column of the break.
    match Listing::from_api_json_with(&json, &ParseOptions::new().strict(true)).expect_err("strict")
    {
        Error::Json {
            path, line, column, ..
        } => {
            assert!(path.starts_with("[2]"), "path {path:?}");
            assert_eq!(line, 1);
            assert!(column > 80);
        }
        other => panic!("{other}"),
    }
    // Nothing complete before the break: the error.
    let cut = &entry("2607.01234", "One")[..30];
    assert!(matches!(
        Listing::from_api_json(&format!("[{cut}")),
        Err(Error::Json { .. })
    ));
}

#[test]
fn a_page_cut_inside_its_blob_keeps_the_papers_before_the_cut() {
    for name in [
        "day-2026-server.html",
        "search-2026.html",
        "week-2026-W27.html",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name);
        let page = std::fs::read_to_string(&path).expect("fixture");
        let whole = Listing::from_html(&page).expect("whole page");
        assert!(whole.papers.len() >= 2, "{name}");
        let blob_start = page.find("data-target=\"DailyPapers\"").expect("blob");
        let blob_end = blob_start + page[blob_start..].find("\">").expect("blob end");
        // Cut at many points inside the blob: every paper read is one of the whole page's
        // papers, equal field for field, in order, and they are a prefix of the whole list.
        let mut most = 0;
        let mut cut = blob_start + 60;
        while cut < blob_end {
            if page.is_char_boundary(cut) {
                let cut_page = &page[..cut];
                match Listing::from_html(cut_page) {
                    Ok(listing) => {
                        let n = listing.papers.len();
                        assert_eq!(listing.papers[..], whole.papers[..n], "{name} cut at {cut}");
                        assert_eq!(listing.warnings[0].kind, WarningKind::TruncatedInput);
                        assert!(listing.warnings[0].message.contains(&cut.to_string()));
                        assert!(n >= most, "{name}: fewer papers for a longer page at {cut}");
                        most = n;
                    }
                    // Before the first paper is whole: an error that says where it broke.
                    Err(err) => {
                        assert_eq!(most, 0, "{name} cut at {cut}: {err}");
                        assert!(err.to_string().contains("truncated"), "{err}");
                    }
                }
                // Strict mode: the error, never a partial listing.
                let strict = Listing::from_html_with(cut_page, &ParseOptions::new().strict(true));
                assert!(strict.is_err(), "{name} cut at {cut}");
            }
            cut += 97;
        }
        // Just before the end of the blob every paper is whole.
        assert_eq!(most, whole.papers.len(), "{name}");
    }
}

#[test]
fn a_blob_broken_in_one_entry_keeps_the_entries_before_it_when_no_cards_show() {
    let broken = entry("2607.01236", "Three").replace(r#""upvotes":3"#, r#""upvotes":3 @"#);
    let page = blob(&[
        entry("2607.01234", "One"),
        // Line breaks between entries: the break is found by line and column.
        format!("\n{}\n", entry("2607.01235", "Two")),
        broken,
        entry("2607.01237", "Four"),
    ]);
    let listing = Listing::from_html(&page).expect("the entries before the break");
    let ids: Vec<String> = listing.papers.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(ids, ["2607.01234", "2607.01235"]);
    assert_eq!(listing.warnings.len(), 1, "{:?}", listing.warnings);
    assert_eq!(listing.warnings[0].kind, WarningKind::BlobUnreadable);
    assert!(
        listing.warnings[0].message.contains("column"),
        "{}",
        listing.warnings[0].message
    );
    // Strict mode: the error, where the JSON breaks.
    let err =
        Listing::from_html_with(&page, &ParseOptions::new().strict(true)).expect_err("strict");
    assert!(matches!(err, Error::Json { .. }), "{err}");
    // Broken in the first entry: nothing whole before it, the error.
    let first = entry("2607.01234", "One").replace(r#""upvotes":3"#, r#""upvotes":3 @"#);
    let err = Listing::from_html(&blob(&[first])).expect_err("nothing whole");
    assert!(matches!(err, Error::Json { .. }), "{err}");
}

#[test]
fn bom_nul_and_invalid_utf8() {
    let json = format!("\u{feff}[{}]", entry("2607.01234", "With a BOM"));
    assert_eq!(
        Listing::from_api_json(&json)
            .expect("BOM skipped")
            .papers
            .len(),
        1
    );
    let page = format!(
        "\u{feff}<!DOCTYPE html>{}",
        blob(&[entry("2607.01234", "BOM page")])
    );
    assert_eq!(
        Listing::from_html(&page).expect("BOM skipped").papers.len(),
        1
    );

    let nul = format!("[{}]", entry("2607.01234", "A\\u0000B"));
    let l = Listing::from_api_json(&nul).expect("NUL escaped in JSON");
    assert_eq!(l.papers[0].title.as_deref(), Some("A\0B"));
    let raw_nul = format!(
        "<html>\0\0{}\0</html>",
        blob(&[entry("2607.01234", "NUL page")])
    );
    assert_eq!(
        Listing::from_html(&raw_nul)
            .expect("NULs in markup")
            .papers
            .len(),
        1
    );

    let mut bytes = format!("[{}]", entry("2607.01234", "Bad byte here")).into_bytes();
    let at = bytes.iter().position(|&b| b == b'B').expect("B");
    bytes[at] = 0xFF;
    let l = listing(parse_bytes(&bytes).expect("lossy"));
    assert_eq!(l.papers[0].title.as_deref(), Some("\u{fffd}ad byte here"));
    assert_eq!(l.warnings[0].kind, WarningKind::InvalidUtf8);
    assert!(l.warnings[0].message.contains(&at.to_string()));
    assert!(parse_bytes(&[0xFF, 0xFE, b'[', 0, b']', 0]).is_err());
}

/// Every field of a full entry, replaced in turn by a value of each wrong type: the entry is
/// kept (unless it is the id), the field is missing, and a warning names its path.
#[test]
fn wrong_types_in_every_field() {
    let template: serde_json::Value = serde_json::from_str(
        r#"{"paper":{"id":"2607.01234","authors":[{"_id":"a1","name":"Ada","hidden":false,
        "user":{"_id":"u1","user":"ada","fullname":"Ada","avatarUrl":"/a.svg","isPro":false,"type":"user"},
        "status":"claimed_verified","statusLastChangedAt":"2026-07-01T00:00:00.000Z"}],
        "publishedAt":"2026-06-30T00:00:00.000Z","submittedOnDailyAt":"2026-07-02T00:00:00.000Z",
        "title":"T","summary":"S","upvotes":3,"discussionId":"d","projectPage":"https://p.example",
        "githubRepo":"https://github.com/a/b","githubRepoAddedBy":"ada","githubStars":4,
        "ai_summary":"A","ai_keywords":["k"],"ai_summary_model":"m","withdrawnAt":"2026-07-03T00:00:00.000Z",
        "organization":{"_id":"o1","name":"org","fullname":"Org","avatar":"/o.png"},
        "submittedOnDailyBy":{"_id":"u1","user":"ada"},"mediaUrls":["https://m.example/1.mp4"]},
        "publishedAt":"2026-06-29T20:00:00.000Z","title":"T","summary":"S","thumbnail":"https://t.example/t.png",
        "numComments":2,"submittedBy":{"_id":"u1","name":"ada"},"isAuthorParticipating":true,"upvoted":false,
        "mediaUrls":["https://m.example/1.mp4"],"mediaUrl":"https://m.example/1.mp4"}"#,
    )
    .expect("template");
    let wrong_values = [
        serde_json::json!(true),
        serde_json::json!(7),
        serde_json::json!("text"),
        serde_json::json!([1, [2]]),
        serde_json::json!({"x": {"y": 1}}),
    ];
    let mut cases = 0;
    for inner in [true, false] {
        let object = if inner { &template["paper"] } else { &template };
        for key in object.as_object().expect("object").keys() {
            if key == "paper" {
                continue;
            }
            for wrong in &wrong_values {
                let mut entry = template.clone();
                let target = if inner {
                    &mut entry["paper"]
                } else {
                    &mut entry
                };
                if target[key.as_str()].is_string() == wrong.is_string()
                    && target[key.as_str()].is_number() == wrong.is_number()
                    && target[key.as_str()].is_boolean() == wrong.is_boolean()
                    && target[key.as_str()].is_array() == wrong.is_array()
                    && target[key.as_str()].is_object() == wrong.is_object()
                {
                    continue; // same type: not a wrong type
                }
                target[key.as_str()] = wrong.clone();
                let json = serde_json::json!([entry, template]).to_string();
                let l = promptly(key, || Listing::from_api_json(&json)).expect("lenient parse");
                let id_broken = inner && key == "id";
                assert_eq!(
                    l.papers.len(),
                    if id_broken { 1 } else { 2 },
                    "{key} = {wrong}"
                );
                let path = if inner {
                    format!("[0].paper.{key}")
                } else {
                    format!("[0].{key}")
                };
                assert!(
                    l.warnings
                        .iter()
                        .any(|w| w.path.starts_with(&path) && w.entry == Some(0)),
                    "{key} = {wrong}: no warning at {path}: {:?}",
                    l.warnings
                );
                let strict = Listing::from_api_json_with(&json, &ParseOptions::new().strict(true));
                assert!(strict.is_err(), "{key} = {wrong}: strict accepted it");
                cases += 1;
            }
        }
    }
    assert!(cases > 100, "only {cases} cases");
}

#[test]
fn pages_that_are_not_papers_pages() {
    for input in [
        "",
        "   ",
        "hello world",
        "<html><body><h1>Models</h1></body></html>",
        r#"<div data-target="MainHeader" data-props="{}"></div>"#,
        r#"{"models": [], "datasets": [], "spaces": []}"#,
        r#"{"error": "Not found"}"#,
        "null",
        "42",
        r#""a string""#,
    ] {
        let err = promptly(input, || parse(input)).expect_err(input);
        assert!(matches!(err, Error::NotPapers { .. }), "{input:?}: {err}");
    }
    assert!(matches!(
        PaperPage::from_api_json("[]"),
        Err(Error::NotPapers { .. })
    ));
}

//! The degraded readers against the data blob.
//!
//! - A listing page's visible cards (the `DailyPapers` element removed from the input) agree
//!   with its blob on every field the cards carry, and each paper's `coverage` names exactly
//!   those fields: on every fixture with both, as a property over which fixture, which paper
//!   and how the markup is written, and on the real corpus pages when `HF_PAPERS_CORPUS` is
//!   set.
//! - A paper page's visible content agrees with its `PaperContent` blob on the fields both
//!   carry.
//! - The cross-check is silent on consistent pages and names each edited card value.
//! - Deep nesting is refused before any tree is built, and a page with a blob needs none.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hf_papers::{Error, Listing, Paper, PaperPage, ParseOptions, Period, Source, WarningKind};
use proptest::prelude::*;
use serde_json::Value;

/// Listing fixtures that have both a `DailyPapers` blob and visible cards.
const LISTING_FIXTURES: [&str; 9] = [
    "day-2026-server.html",
    "day-2026-browser-saved.html",
    "day-bs4-prettified.html",
    "day-double-escaped.html",
    "day-unknown-keys.html",
    "month-2026-06.html",
    "search-2026.html",
    "trending-2026.html",
    "week-2026-W27.html",
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture is readable UTF-8")
}

fn corpus_dir() -> Option<PathBuf> {
    std::env::var_os("HF_PAPERS_CORPUS").map(PathBuf::from)
}

fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The end of the tag that starts at `start` (the byte after its `>`), quotes respected.
fn tag_end(html: &str, start: usize) -> usize {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += 1;
                }
            }
            b'>' => return i + 1,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Removes the element whose `data-target` is `target`: its start tag and its matching end
/// tag. Its content stays, since the visible page is rendered inside it.
fn strip_blob(html: &str, target: &str) -> String {
    let marker = [
        format!("data-target=\"{target}\""),
        format!("data-target='{target}'"),
    ];
    let at = marker
        .iter()
        .filter_map(|m| html.find(m.as_str()))
        .min()
        .expect("the page has the element");
    let start = html[..at].rfind('<').expect("inside a tag");
    let end = tag_end(html, start);
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let lower = html.to_ascii_lowercase();
    let (open, close) = (format!("<{name}"), format!("</{name}"));
    let mut depth = 1;
    let mut i = end;
    while i < html.len() {
        let rest = &lower[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if rest.starts_with("<script") || rest.starts_with("<style") {
            let close_raw = if rest.starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            i += rest.find(close_raw).unwrap_or(rest.len()).max(1);
        } else if rest.starts_with(&close)
            && rest[close.len()..].starts_with(|c: char| c == '>' || c.is_whitespace())
        {
            depth -= 1;
            if depth == 0 {
                let close_end = tag_end(html, i);
                return format!("{}{}{}", &html[..start], &html[end..i], &html[close_end..]);
            }
            i += close.len();
        } else if rest.starts_with(&open)
            && rest[open.len()..].starts_with(|c: char| c == '>' || c.is_whitespace())
        {
            let e = tag_end(html, i);
            if !html[..e].ends_with("/>") {
                depth += 1;
            }
            i = e;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    panic!("no end tag for the {target} element");
}

/// The serialized fields a record carries (non-null), but its coverage.
fn carried(paper: &Paper) -> BTreeSet<String> {
    let Value::Object(map) = serde_json::to_value(paper).expect("serializes") else {
        panic!("a paper serializes to an object");
    };
    map.into_iter()
        .filter(|(k, v)| !v.is_null() && k != "coverage")
        .map(|(k, _)| k)
        .collect()
}

fn coverage(paper: &Paper) -> BTreeSet<String> {
    paper
        .coverage
        .as_ref()
        .expect("a degraded reading has coverage")
        .fields
        .iter()
        .cloned()
        .collect()
}

/// Whether `shown` agrees with `full` on what `shown` carries: objects key by key (only the
/// keys `shown` has), lists as subsets, anything else equal.
fn agrees(shown: &Value, full: &Value) -> bool {
    match (shown, full) {
        (Value::Object(s), Value::Object(f)) => s
            .iter()
            .filter(|(_, v)| !v.is_null())
            .all(|(k, v)| f.get(k).is_some_and(|fv| agrees(v, fv))),
        (Value::Array(s), Value::Array(f)) => s.iter().all(|v| f.iter().any(|fv| agrees(v, fv))),
        _ => shown == full,
    }
}

/// What a card reading gets wrong against the blob reading of the same paper; also checks
/// that its coverage names exactly the fields it carries. Returns the number of fields
/// compared.
fn card_mismatches(card: &Paper, blob: &Paper, mismatches: &mut Vec<String>) -> usize {
    let covered = coverage(card);
    let carried = carried(card);
    if covered != carried {
        mismatches.push(format!(
            "{}: coverage {covered:?} but the card carries {carried:?}",
            card.id
        ));
    }
    let card_json = serde_json::to_value(card).expect("serializes");
    let blob_json = serde_json::to_value(blob).expect("serializes");
    for field in &covered {
        let ok = match field.as_str() {
            "num_authors" => {
                card.num_authors.map(|n| n as usize) == blob.authors.as_ref().map(Vec::len)
            }
            _ => agrees(&card_json[field], &blob_json[field]),
        };
        if !ok {
            mismatches.push(format!(
                "{} {field}: card {} vs blob {}",
                card.id, card_json[field], blob_json[field]
            ));
        }
    }
    covered.len()
}

/// Reads a page both ways and compares every paper. Returns (papers, fields) compared.
fn compare_listing(name: &str, html: &str, mismatches: &mut Vec<String>) -> (usize, usize) {
    let blob = Listing::from_html(html).expect("the blob reads");
    assert_eq!(blob.source, Source::HydrationBlob, "{name}");
    let visible = strip_blob(html, "DailyPapers");
    assert!(!visible.contains("data-target=\"DailyPapers\""), "{name}");
    let cards = Listing::from_html(&visible).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(cards.source, Source::Cards, "{name}");
    let blob_ids: Vec<String> = blob.papers.iter().map(|p| p.id.to_string()).collect();
    let card_ids: Vec<String> = cards.papers.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(
        card_ids, blob_ids,
        "{name}: the cards show the blob's papers in order"
    );
    assert_eq!(cards.period, blob.period, "{name}: period");
    assert_eq!(cards.canonical_url, blob.canonical_url, "{name}: canonical");
    if cards.prev_period.is_some() {
        assert_eq!(
            cards.prev_period, blob.prev_period,
            "{name}: previous period"
        );
    }
    assert!(
        !cards
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::UnknownPeriod),
        "{name}: {:?}",
        cards.warnings
    );
    let mut fields = 0;
    for (card, paper) in cards.papers.iter().zip(&blob.papers) {
        let before = mismatches.len();
        fields += card_mismatches(card, paper, mismatches);
        for m in &mut mismatches[before..] {
            *m = format!("{name}: {m}");
        }
    }
    (cards.papers.len(), fields)
}

#[test]
fn every_listing_fixture_reads_the_same_from_its_cards() {
    let mut mismatches = Vec::new();
    let (mut papers, mut fields) = (0, 0);
    for name in LISTING_FIXTURES {
        let html = fixture(name);
        assert!(html.contains("<article"), "{name} has cards");
        let (p, f) = compare_listing(name, &html, &mut mismatches);
        papers += p;
        fields += f;
    }
    say(&format!(
        "cards: {} fixtures, {papers} papers, {fields} fields compared with the blob",
        LISTING_FIXTURES.len()
    ));
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn noblob_fixtures_are_their_originals_without_the_blob() {
    for (noblob, original) in [
        ("day-2026-server-noblob.html", "day-2026-server.html"),
        (
            "day-2026-browser-saved-noblob.html",
            "day-2026-browser-saved.html",
        ),
        ("paper-2026-noblob.html", "paper-2026.html"),
    ] {
        let target = if noblob.starts_with("paper") {
            "PaperContent"
        } else {
            "DailyPapers"
        };
        assert_eq!(
            fixture(noblob),
            strip_blob(&fixture(original), target),
            "{noblob}"
        );
    }
}

#[test]
fn a_broken_blob_falls_back_to_the_cards_and_says_why() {
    let listing = Listing::from_html(&fixture("day-2026-brokenblob.html")).expect("reads");
    assert_eq!(listing.source, Source::Cards);
    assert_eq!(listing.papers.len(), 4);
    let why = &listing.warnings[0];
    assert!(why.message.contains("data blob could not be read"), "{why}");
    assert!(why.message.contains("invalid JSON"), "{why}");
    assert!(why.message.contains("line 1"), "{why}");
    assert_eq!(
        listing.period,
        Period::Day {
            date: "2026-07-02".parse().expect("date")
        }
    );
    // Strict mode keeps the blob's own error.
    let strict = Listing::from_html_with(
        &fixture("day-2026-brokenblob.html"),
        &ParseOptions::new().strict(true),
    );
    assert!(matches!(strict, Err(Error::Json { .. })), "{strict:?}");
}

#[test]
fn a_blob_without_data_props_falls_back_too() {
    let html = fixture("day-2026-server.html");
    let start = html.find("data-props=\"{&quot;canSubmit").expect("blob");
    let end = start + html[start + 12..].find('"').expect("end") + 13;
    let html = format!("{}{}", &html[..start], &html[end..]);
    let listing = Listing::from_html(&html).expect("reads");
    assert_eq!(listing.source, Source::Cards);
    assert!(
        listing.warnings[0].message.contains("no data-props"),
        "{:?}",
        listing.warnings
    );
}

#[test]
fn a_page_with_neither_blob_nor_cards_is_not_a_listing() {
    let html = strip_blob(&fixture("day-empty.html"), "DailyPapers");
    let err = Listing::from_html(&html).expect_err("no papers");
    assert!(matches!(err, Error::NotPapers { .. }), "{err}");
    let err = Listing::from_html(&fixture("not-papers.html")).expect_err("not papers");
    assert!(matches!(err, Error::NotPapers { .. }), "{err}");
}

#[test]
fn cards_without_any_period_say_so() {
    let html = r#"<!doctype html><html><body><main>
        <article><h3><a href="/papers/2607.01234">A Made-Up Paper</a></h3>
        <a href="/login?next=%2Fpapers%2F2607.01234"><div><input type="checkbox"> <div>4</div></div></a>
        </article></main></body></html>"#;
    let listing = Listing::from_html(html).expect("reads");
    assert_eq!(listing.period, Period::Unspecified);
    assert_eq!(listing.warnings[0].kind, WarningKind::UnknownPeriod);
    assert_eq!(listing.papers[0].upvotes, Some(4));
    assert_eq!(listing.papers[0].num_comments, Some(0));
}

/// Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!--[0-->`, `<!---->`), as some
/// server renders have them and others do not.
fn strip_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 4..];
        let end = after.find("-->").map_or(after.len(), |e| e + 3);
        let body = &after[..end.saturating_sub(3)];
        let marker = body.is_empty()
            || body.starts_with('[') && body[1..].chars().all(|c| c == '-' || c.is_ascii_digit())
            || body == "]";
        if !marker {
            out.push_str(&rest[at..at + 4 + end]);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Writes void elements the way a browser saves them (`<img ...>`, not `<img .../>`).
fn open_voids(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let end = tag_end(rest, at);
        let tag = &rest[at..end];
        let name: String = tag[1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if ["img", "input", "meta", "link", "br", "hr", "source"].contains(&name.as_str())
            && tag.ends_with("/>")
        {
            out.push_str(tag[..tag.len() - 2].trim_end());
            out.push('>');
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Adds what a browser's DOM adds to a saved page: inline styles and extra attributes.
fn add_attributes(html: &str) -> String {
    html.replace(
        "<article ",
        "<article style=\"content-visibility: auto;\" data-v-1a2b ",
    )
    .replace("<a href=", "<a data-sveltekit-preload-data=\"hover\" href=")
    .replace("<img ", "<img style=\"opacity: 1;\" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_card_agrees_with_the_blob_however_the_page_is_written(
        which in 0..LISTING_FIXTURES.len(),
        paper in 0usize..16,
        markers in any::<bool>(),
        voids in any::<bool>(),
        attributes in any::<bool>(),
    ) {
        let name = LISTING_FIXTURES[which];
        let html = fixture(name);
        let blob = Listing::from_html(&html).expect("the blob reads");
        let mut visible = strip_blob(&html, "DailyPapers");
        if markers {
            visible = strip_markers(&visible);
        }
        if voids {
            visible = open_voids(&visible);
        }
        if attributes {
            visible = add_attributes(&visible);
        }
        let cards = Listing::from_html(&visible).expect("the cards read");
        prop_assert_eq!(cards.source, Source::Cards);
        prop_assert_eq!(cards.papers.len(), blob.papers.len());
        let i = paper % blob.papers.len();
        let mut mismatches = Vec::new();
        card_mismatches(&cards.papers[i], &blob.papers[i], &mut mismatches);
        prop_assert!(mismatches.is_empty(), "{}: {}", name, mismatches.join("\n"));
    }
}

#[test]
fn corpus_listing_pages_read_the_same_from_their_cards() {
    let Some(dir) = corpus_dir() else {
        say("cards: HF_PAPERS_CORPUS not set; corpus comparison skipped");
        return;
    };
    let mut mismatches = Vec::new();
    for name in [
        "html/daily-2026-07-02.html",
        "html/browser-rendered-daily-2026-09-28.html",
    ] {
        let html = std::fs::read_to_string(dir.join(name)).expect("corpus page");
        let (papers, fields) = compare_listing(name, &html, &mut mismatches);
        say(&format!(
            "cards: corpus {name}: {papers} papers, {fields} fields compared with the blob"
        ));
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Paper pages.

fn no_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text of a comment's HTML, tags dropped and entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    hf_papers::clean_text(&out).into_owned()
}

/// What the visible reading of a paper page gets wrong against its blob reading, on the
/// fields both carry. Returns the number of fields compared.
fn page_mismatches(visible: &PaperPage, blob: &PaperPage, out: &mut Vec<String>) -> usize {
    let (v, b) = (&visible.paper, &blob.paper);
    let covered = coverage(v);
    let carried = carried(v);
    if covered != carried {
        out.push(format!(
            "coverage {covered:?} but the page carries {carried:?}"
        ));
    }
    let mut compared = 0;
    let mut check = |field: &str, ok: bool, detail: String| {
        compared += 1;
        if !ok {
            out.push(format!("{field}: {detail}"));
        }
    };
    check("id", v.id == b.id, format!("{} vs {}", v.id, b.id));
    check(
        "title",
        v.title == b.title,
        format!("{:?} vs {:?}", v.title, b.title),
    );
    check(
        "summary",
        v.summary.as_deref().map(no_spaces) == b.summary.as_deref().map(no_spaces),
        format!("{:?} vs {:?}", v.summary, b.summary),
    );
    let shown_authors: Vec<(String, Option<String>)> = b
        .authors
        .iter()
        .flatten()
        .filter(|a| a.hidden != Some(true))
        .map(|a| (a.name.clone(), a.username().map(str::to_owned)))
        .collect();
    let read_authors: Vec<(String, Option<String>)> = v
        .authors
        .iter()
        .flatten()
        .map(|a| (a.name.clone(), a.username().map(str::to_owned)))
        .collect();
    check(
        "authors",
        read_authors.len() == shown_authors.len()
            && read_authors
                .iter()
                .zip(&shown_authors)
                .all(|(r, s)| r.0 == s.0 && (r.1.is_none() || r.1 == s.1)),
        format!("{read_authors:?} vs {shown_authors:?}"),
    );
    check(
        "upvotes",
        v.upvotes == b.upvotes,
        format!("{:?} vs {:?}", v.upvotes, b.upvotes),
    );
    check(
        "published_at",
        v.published_at.map(|t| t.date_naive()) == b.published_at.map(|t| t.date_naive()),
        format!("{:?} vs {:?}", v.published_at, b.published_at),
    );
    check(
        "listed_on",
        v.listed_on == b.listed_on,
        format!("{:?} vs {:?}", v.listed_on, b.listed_on),
    );
    check(
        "submitted_by",
        agrees(&json(&v.submitted_by), &json(&b.submitted_by)),
        format!("{:?} vs {:?}", v.submitted_by, b.submitted_by),
    );
    for (field, a, c) in [
        ("github_repo", &v.github_repo, &b.github_repo),
        ("project_page", &v.project_page, &b.project_page),
        ("ai_summary", &v.ai_summary, &b.ai_summary),
    ] {
        check(field, a == c, format!("{a:?} vs {c:?}"));
    }
    check(
        "github_stars",
        v.github_stars == b.github_stars,
        format!("{:?} vs {:?}", v.github_stars, b.github_stars),
    );
    check(
        "ai_keywords",
        v.ai_keywords
            .iter()
            .flatten()
            .all(|k| b.ai_keywords.iter().flatten().any(|bk| bk == k)),
        format!("{:?} not all in {:?}", v.ai_keywords, b.ai_keywords),
    );
    check(
        "daily_rank",
        visible.daily_rank == blob.daily_rank,
        format!("{:?} vs {:?}", visible.daily_rank, blob.daily_rank),
    );
    check(
        "submitter_organization",
        visible.submitter_organization.is_some()
            && agrees(
                &json(&visible.submitter_organization),
                &json(&blob.submitter_organization),
            ),
        format!(
            "{:?} vs {:?}",
            visible.submitter_organization, blob.submitter_organization
        ),
    );
    let shown_upvoters = visible.upvoters.as_deref().unwrap_or_default();
    let all_upvoters = blob.upvoters.as_deref().unwrap_or_default();
    check(
        "upvoters",
        !shown_upvoters.is_empty()
            && shown_upvoters.len() <= all_upvoters.len()
            && shown_upvoters
                .iter()
                .zip(all_upvoters)
                .all(|(s, a)| agrees(&json(s), &json(a))),
        format!("{shown_upvoters:?} vs {all_upvoters:?}"),
    );
    let read = visible.comments.as_deref().unwrap_or_default();
    let all = blob.comments.as_deref().unwrap_or_default();
    check(
        "comments",
        read.len() == all.len(),
        format!("{} vs {}", read.len(), all.len()),
    );
    for (r, a) in read.iter().zip(all) {
        let same_text = match (r.hidden, &r.text, &a.text, &a.html) {
            (Some(true), rt, at, _) => rt == at,
            (_, Some(rt), _, Some(ah)) => no_spaces(rt) == no_spaces(&html_text(ah)),
            _ => false,
        };
        check(
            "comment",
            r.id == a.id
                && r.created_at == a.created_at
                && r.hidden == a.hidden
                && r.hidden_reason == a.hidden_reason
                && (r.edited.is_none() || r.edited == a.edited)
                && r.author.as_ref().and_then(|u| u.username.as_ref())
                    == a.author.as_ref().and_then(|u| u.username.as_ref())
                && same_text,
            format!("{r:?} vs {a:?}"),
        );
    }
    compared
}

fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializes")
}

fn compare_paper_page(name: &str, html: &str) -> usize {
    let blob = PaperPage::from_html(html).expect("the blob reads");
    assert_eq!(blob.source, Source::HydrationBlob);
    let visible = PaperPage::from_html(&strip_blob(html, "PaperContent"))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(visible.source, Source::VisiblePage, "{name}");
    assert!(
        visible.warnings.is_empty(),
        "{name}: {:?}",
        visible.warnings
    );
    let mut mismatches = Vec::new();
    let compared = page_mismatches(&visible, &blob, &mut mismatches);
    assert!(mismatches.is_empty(), "{name}:\n{}", mismatches.join("\n"));
    compared
}

#[test]
fn the_paper_fixture_reads_the_same_from_its_visible_page() {
    let html = fixture("paper-2026.html");
    let compared = compare_paper_page("paper-2026.html", &html);
    say(&format!(
        "cards: paper-2026.html: {compared} fields compared with the blob"
    ));
    let page = PaperPage::from_html(&fixture("paper-2026-noblob.html")).expect("reads");
    assert_eq!(page.paper.linked.and_then(|l| l.num_models), Some(14));
    let comments = page.comments.expect("comments");
    assert_eq!(comments[0].edited, Some(true));
    assert_eq!(comments[1].hidden_reason.as_deref(), Some("Off-Topic"));
    // The two `<time datetime>` values: one without its `Z`, one with.
    assert_eq!(
        comments[0].created_at.map(|t| t.to_rfc3339()),
        Some("2026-07-02T09:12:44+00:00".to_owned())
    );
    assert_eq!(
        comments[1].created_at.map(|t| t.to_rfc3339()),
        Some("2026-07-03T16:40:10+00:00".to_owned())
    );
}

#[test]
fn a_broken_paper_blob_falls_back_to_the_visible_page() {
    let html = fixture("paper-2026.html").replacen(
        "{&quot;comments&quot;:[",
        "{&quot;comments&quot;:[[",
        1,
    );
    let page = PaperPage::from_html(&html).expect("reads");
    assert_eq!(page.source, Source::VisiblePage);
    assert!(
        page.warnings[0].message.contains("invalid JSON"),
        "{:?}",
        page.warnings
    );
    assert_eq!(page.paper.upvotes, Some(12));
}

#[test]
fn corpus_paper_page_reads_the_same_from_its_visible_page() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let name = "html/paper-2509.24002-bs4-prettified.html";
    let html = std::fs::read_to_string(dir.join(name)).expect("corpus page");
    let compared = compare_paper_page(name, &html);
    say(&format!(
        "cards: corpus {name}: {compared} fields compared with the blob"
    ));
}

// ---------------------------------------------------------------------------------------
// The cross-check.

fn cross_checked(html: &str) -> Listing {
    Listing::from_html_with(html, &ParseOptions::new().cross_check(true)).expect("reads")
}

fn disagreements(listing: &Listing) -> Vec<String> {
    listing
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::SourceDisagreement)
        .map(|w| format!("{} | {}", w.path, w.message))
        .collect()
}

#[test]
fn consistent_pages_cross_check_clean() {
    for name in LISTING_FIXTURES {
        let listing = cross_checked(&fixture(name));
        assert_eq!(listing.source, Source::HydrationBlob);
        assert!(
            disagreements(&listing).is_empty(),
            "{name}: {:?}",
            listing.warnings
        );
    }
    if let Some(dir) = corpus_dir() {
        for name in [
            "html/daily-2026-07-02.html",
            "html/browser-rendered-daily-2026-09-28.html",
        ] {
            let html = std::fs::read_to_string(dir.join(name)).expect("corpus page");
            let listing = cross_checked(&html);
            assert!(
                disagreements(&listing).is_empty(),
                "{name}: {:?}",
                listing.warnings
            );
        }
    }
}

#[test]
fn edited_cards_are_named() {
    let html = fixture("day-2026-server.html");
    // The second card's upvotes (12 in the blob), its title and its comment count.
    let upvotes = html.replacen(
        "<div class=\"leading-none\">12</div>",
        "<div class=\"leading-none\">13</div>",
        1,
    );
    assert_ne!(upvotes, html);
    let found = disagreements(&cross_checked(&upvotes));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("papers[1].upvotes |"), "{found:?}");
    assert!(
        found[0].contains("\"13\"") && found[0].contains("\"12\""),
        "{found:?}"
    );

    let title = html.replacen("Learned\n  Wave Kernels</a>", "Learned Wave Kernel</a>", 1);
    assert_ne!(title, html);
    let found = disagreements(&cross_checked(&title));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("papers[1].title |"), "{found:?}");

    let comments = html.replacen("#community\" class=\"flex translate-y-px items-center gap-1 rounded-md border border-blue-200", "#community\" data-x=\"1\" class=\"flex translate-y-px items-center gap-1 rounded-md border border-blue-200", 1)
        .replacen("<!----> 3</a>", "<!----> 4</a>", 1);
    let found = disagreements(&cross_checked(&comments));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("papers[1].num_comments |"),
        "{found:?}"
    );

    // A card removed: its paper is in the blob only.
    let first = html.find("<article").expect("card");
    let end = html[first..].find("</article>").expect("end") + first + "</article>".len();
    let removed = format!("{}{}", &html[..first], &html[end..]);
    let found = disagreements(&cross_checked(&removed));
    assert!(
        found
            .iter()
            .any(|f| f.contains("2607.00519 is in the data blob but has no card")),
        "{found:?}"
    );

    // Strict mode makes a disagreement an error.
    let strict = Listing::from_html_with(
        &upvotes,
        &ParseOptions::new().cross_check(true).strict(true),
    );
    assert!(matches!(strict, Err(Error::Strict { .. })), "{strict:?}");
}

// ---------------------------------------------------------------------------------------
// Nesting.

const DEEP: usize = 100_000;

/// A generous bound: the point is that nothing quadratic runs.
const PROMPTLY: Duration = Duration::from_secs(20);

fn blob_page(body: &str) -> String {
    format!(
        "<!doctype html><html><head><link rel=\"canonical\" href=\"https://huggingface.co/papers/date/2026-07-02\"></head><body>\
         <div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"{{&quot;dateString&quot;:&quot;2026-07-02&quot;,&quot;periodType&quot;:&quot;day&quot;,&quot;dailyPapers&quot;:[{{&quot;paper&quot;:{{&quot;id&quot;:&quot;2607.01234&quot;,&quot;upvotes&quot;:3}}}}]}}\"></div>\
         {body}</body></html>"
    )
}

const CARD: &str = "<article><h3><a href=\"/papers/2607.01234\">A Made-Up Paper</a></h3></article>";

fn is_depth_limit(result: &Result<Listing, Error>) -> bool {
    matches!(
        result,
        Err(Error::LimitExceeded {
            what: "element nesting depth",
            limit: 512,
            ..
        })
    )
}

#[test]
fn deep_nesting_with_a_blob_needs_no_tree() {
    let body = format!("{}{CARD}{}", "<div>".repeat(DEEP), "</div>".repeat(DEEP));
    let started = Instant::now();
    let listing = Listing::from_html(&blob_page(&body)).expect("the blob reads");
    assert_eq!(listing.papers.len(), 1);
    assert_eq!(listing.papers[0].upvotes, Some(3));
    assert!(started.elapsed() < PROMPTLY, "{:?}", started.elapsed());
    // Asking for the cross-check asks for a tree: refused.
    let checked =
        Listing::from_html_with(&blob_page(&body), &ParseOptions::new().cross_check(true));
    assert!(is_depth_limit(&checked), "{checked:?}");
}

#[test]
fn deep_nesting_without_a_blob_is_refused_before_any_tree() {
    for (open, close) in [("<div>", "</div>"), ("<ul><li>", "</li></ul>")] {
        let page = format!(
            "<!doctype html><html><body>{}{CARD}{}</body></html>",
            open.repeat(DEEP),
            close.repeat(DEEP)
        );
        let started = Instant::now();
        let result = Listing::from_html(&page);
        assert!(is_depth_limit(&result), "{open}: {result:?}");
        assert!(
            started.elapsed() < PROMPTLY,
            "{open}: {:?}",
            started.elapsed()
        );
    }
    // Without cards either, the bound comes first.
    let page = "<div>".repeat(DEEP);
    assert!(is_depth_limit(&Listing::from_html(&page)));
    // And for a paper page without its blob.
    let page = format!(
        "<html><head><link rel=canonical href=\"https://huggingface.co/papers/2607.01234\"></head><body>{}<h1>T</h1>",
        "<div>".repeat(DEEP)
    );
    let started = Instant::now();
    let result = PaperPage::from_html(&page);
    assert!(
        matches!(
            result,
            Err(Error::LimitExceeded {
                what: "element nesting depth",
                ..
            })
        ),
        "{result:?}"
    );
    assert!(started.elapsed() < PROMPTLY, "{:?}", started.elapsed());
}

#[test]
fn the_depth_limit_is_an_option() {
    let html = fixture("day-2026-server-noblob.html");
    assert!(Listing::from_html(&html).is_ok());
    let tight = Listing::from_html_with(&html, &ParseOptions::new().max_depth(10));
    assert!(
        matches!(
            tight,
            Err(Error::LimitExceeded {
                what: "element nesting depth",
                limit: 10,
                ..
            })
        ),
        "{tight:?}"
    );
}

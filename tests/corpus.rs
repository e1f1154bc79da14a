//! The real-capture corpus test.
//!
//! For every capture under `$HF_PAPERS_CORPUS` (`html/` and `json/`; `text/` is counted but
//! not read yet), the crate's parse is compared field by field with an independent reading of
//! the same capture: this file finds the hydration blob with its own tag scanner and entity
//! decoder, walks the JSON as `serde_json::Value`, and derives each model field by the rules
//! of FACTS.md (which object wins, how the submitter and organization objects merge, which
//! date is the list date, how text, URLs and counts are normalized).
//!
//! A pass proves that on real pages and API responses the crate keeps every entry, raises no
//! warning, and maps every wire field it models as documented. Without `HF_PAPERS_CORPUS` the
//! test is skipped; with it set to a missing or empty folder, it fails.

use std::collections::HashMap;
use std::fmt::{Debug, Display};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use hf_papers::{
    Author, Document, Highlight, HighlightKind, LinkedRepos, Listing, Month, Organization, Paper,
    PaperPage, Period, Source, User, Warning, Week, absolute_url, clean_text,
};
use serde_json::Value;

/// Mismatches shown per file before the rest are only counted.
const MAX_REPORTED: usize = 20;

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

#[test]
fn corpus_matches_an_independent_reading() {
    let Some(dir) = std::env::var_os("HF_PAPERS_CORPUS") else {
        say("corpus: HF_PAPERS_CORPUS not set, skipped");
        return;
    };
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "corpus: HF_PAPERS_CORPUS={} is not a directory (run from the crate root, or give an \
         absolute path)",
        dir.display()
    );
    let captures = find_captures(&dir);
    let manifest = read_manifest(&dir);

    let mut totals = Totals::default();
    let mut failures = Vec::new();
    for capture in &captures {
        if capture.kind == Kind::Text {
            totals.text_files += 1;
            match check_text_capture(capture, &manifest) {
                Ok((papers, fields)) => {
                    totals.text_papers += papers;
                    totals.fields += fields;
                }
                Err(problem) => failures.push(format!("{}: {problem}", capture.name)),
            }
            continue;
        }
        let report = check_capture(capture, &manifest);
        totals.files += 1;
        totals.papers += report.papers;
        totals.fields += report.fields;
        if !report.mismatches.is_empty() {
            failures.push(render_failures(&capture.name, &report.mismatches));
        }
    }
    assert!(
        totals.files > 0,
        "corpus: {} holds no captures the crate reads (expected files in html/ or json/; found \
         {} text files)",
        dir.display(),
        totals.text_files
    );

    say(&format!(
        "corpus: checked {} files, {} papers, {} fields, and {} text captures with {} papers",
        totals.files, totals.papers, totals.fields, totals.text_files, totals.text_papers
    ));
    assert!(
        failures.is_empty(),
        "corpus: {} of {} files disagree with the independent reading:\n\n{}",
        failures.len(),
        totals.files,
        failures.join("\n\n")
    );
}

/// Prints past the test harness's capture, so the figures show in a plain `cargo test` run.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[derive(Default)]
struct Totals {
    files: usize,
    papers: usize,
    fields: usize,
    text_files: usize,
    text_papers: usize,
}

fn render_failures(file: &str, mismatches: &[String]) -> String {
    let mut out = format!("{file}: {} mismatches", mismatches.len());
    for m in mismatches.iter().take(MAX_REPORTED) {
        out.push_str("\n  ");
        out.push_str(m);
    }
    if mismatches.len() > MAX_REPORTED {
        out.push_str(&format!(
            "\n  ... and {} more",
            mismatches.len() - MAX_REPORTED
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Finding the captures
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Html,
    Json,
    Text,
}

struct Capture {
    path: PathBuf,
    /// The path relative to the corpus folder, as MANIFEST.tsv names it (`json/x.json`).
    name: String,
    kind: Kind,
}

/// Every file of `html/`, `json/` and `text/`, sorted (hidden files left out).
fn find_captures(dir: &Path) -> Vec<Capture> {
    let mut captures = Vec::new();
    for (sub, kind) in [
        ("html", Kind::Html),
        ("json", Kind::Json),
        ("text", Kind::Text),
    ] {
        let folder = dir.join(sub);
        if !folder.is_dir() {
            continue;
        }
        let listing = fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("corpus: cannot list {}: {e}", folder.display()));
        let mut names: Vec<String> = listing
            .map(|item| item.expect("corpus: a folder entry should be readable"))
            .filter(|item| item.path().is_file())
            .map(|item| item.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        names.sort();
        captures.extend(names.into_iter().map(|name| Capture {
            path: folder.join(&name),
            name: format!("{sub}/{name}"),
            kind,
        }));
    }
    captures
}

/// `papers_count` by file, from MANIFEST.tsv when the corpus has one.
fn read_manifest(dir: &Path) -> HashMap<String, usize> {
    let Ok(text) = fs::read_to_string(dir.join("MANIFEST.tsv")) else {
        return HashMap::new();
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(file_col), Some(count_col)) = (column("file"), column("papers_count")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let count = cells.get(count_col)?.trim().parse().ok()?;
            Some((cells.get(file_col)?.trim().to_owned(), count))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Comparing one capture
// ---------------------------------------------------------------------------------------------

/// Counts comparisons and collects mismatches for one file.
#[derive(Default)]
struct Checker {
    /// Where the comparisons are, such as `entry 3 (2607.00248): `.
    context: String,
    papers: usize,
    fields: usize,
    mismatches: Vec<String>,
}

impl Checker {
    /// One field comparison.
    fn eq<T: PartialEq + Debug>(&mut self, field: &str, expected: T, actual: T) {
        self.fields += 1;
        if expected != actual {
            self.fail(
                field,
                format!(
                    "expected {}, found {}",
                    shorten(format!("{expected:?}")),
                    shorten(format!("{actual:?}"))
                ),
            );
        }
    }

    /// One comparison that `actual` is not `forbidden`.
    fn ne<T: PartialEq + Debug>(&mut self, field: &str, forbidden: T, actual: T) {
        self.fields += 1;
        if forbidden == actual {
            self.fail(field, format!("must not be {forbidden:?}"));
        }
    }

    fn fail(&mut self, field: &str, message: impl Display) {
        self.mismatches
            .push(format!("{}{field}: {message}", self.context));
    }

    fn no_warnings(&mut self, warnings: &[Warning]) {
        for w in warnings {
            let entry = w
                .entry
                .map_or_else(String::new, |i| format!(" (entry {i})"));
            self.fail("warnings", format!("unexpected {:?}{entry}: {w}", w.kind));
        }
    }
}

/// Long values (abstracts) cut to a readable length.
fn shorten(text: String) -> String {
    const MAX: usize = 240;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}... ({} chars)", &text[..cut], text.chars().count()),
        None => text,
    }
}

struct Report {
    papers: usize,
    fields: usize,
    mismatches: Vec<String>,
}

fn check_capture(capture: &Capture, manifest: &HashMap<String, usize>) -> Report {
    let text = fs::read_to_string(&capture.path)
        .unwrap_or_else(|e| panic!("corpus: cannot read {}: {e}", capture.path.display()));
    let mut ck = Checker::default();
    match read_raw(capture.kind, &text) {
        Err(why) => ck.fail("independent reading", why),
        Ok(raw) => {
            if let Some(&listed) = manifest.get(&capture.name) {
                // Guards the independent reading itself: it must see every entry.
                ck.eq(
                    "raw entries vs MANIFEST.tsv papers_count",
                    listed,
                    raw.entry_count(),
                );
            }
            match &raw {
                RawDoc::Listing(listing) => check_listing(&mut ck, capture.kind, &text, listing),
                RawDoc::Page(page) => check_page(&mut ck, capture.kind, &text, page),
            }
        }
    }
    Report {
        papers: ck.papers,
        fields: ck.fields,
        mismatches: ck.mismatches,
    }
}

fn check_listing(ck: &mut Checker, kind: Kind, text: &str, raw: &RawListing) {
    let parsed = match kind {
        Kind::Html => Listing::from_html(text),
        _ => Listing::from_api_json(text),
    };
    let listing = match parsed {
        Ok(listing) => listing,
        Err(e) => return ck.fail("parse", format!("the listing did not parse: {e}")),
    };
    match hf_papers::parse(text) {
        Ok(Document::Listing(same)) if same == listing => {}
        Ok(_) => ck.fail("hf_papers::parse", "differs from the listing entry point"),
        Err(e) => ck.fail("hf_papers::parse", e),
    }
    ck.no_warnings(&listing.warnings);

    ck.eq("source", raw.source, listing.source);
    ck.eq("period", &expected_period(raw), &listing.period);
    ck.eq(
        "prev_period",
        expected_prev_period(raw).as_ref(),
        listing.prev_period.as_ref(),
    );
    ck.eq(
        "canonical_url",
        raw.canonical.as_deref(),
        listing.canonical_url.as_deref(),
    );
    ck.eq("number of papers", raw.entries.len(), listing.papers.len());

    for (index, entry, paper) in align(&raw.entries, &listing.papers, ck) {
        ck.context = format!("entry {index} ({}): ", raw_id(entry).unwrap_or("?"));
        check_paper(ck, entry, None, paper);
        ck.papers += 1;
    }
    ck.context.clear();
}

/// Pairs raw entries with parsed papers: by position when none was dropped, else by id.
fn align<'a>(
    entries: &'a [Value],
    papers: &'a [Paper],
    ck: &mut Checker,
) -> Vec<(usize, &'a Value, &'a Paper)> {
    if entries.len() == papers.len() {
        return entries
            .iter()
            .zip(papers)
            .enumerate()
            .map(|(i, (e, p))| (i, e, p))
            .collect();
    }
    let mut pairs = Vec::new();
    let mut next = 0;
    for (i, entry) in entries.iter().enumerate() {
        let id = raw_id(entry).unwrap_or_default();
        match papers[next..].iter().position(|p| p.id.to_string() == id) {
            Some(offset) => {
                pairs.push((i, entry, &papers[next + offset]));
                next += offset + 1;
            }
            None => ck.fail(
                &format!("entry {i} ({id})"),
                "missing from the parsed listing (dropped)",
            ),
        }
    }
    pairs
}

fn check_page(ck: &mut Checker, kind: Kind, text: &str, raw: &RawPage) {
    let parsed = match kind {
        Kind::Html => PaperPage::from_html(text),
        _ => PaperPage::from_api_json(text),
    };
    let page = match parsed {
        Ok(page) => page,
        Err(e) => return ck.fail("parse", format!("the paper did not parse: {e}")),
    };
    match hf_papers::parse(text) {
        Ok(Document::Paper(same)) if *same == page => {}
        Ok(_) => ck.fail("hf_papers::parse", "differs from the paper entry point"),
        Err(e) => ck.fail("hf_papers::parse", e),
    }
    ck.no_warnings(&page.warnings);

    ck.eq("source", raw.source, page.source);
    let content = raw.content.as_ref();
    ck.eq(
        "daily_rank",
        content.and_then(|c| raw_count(c, "dailyPaperRank")),
        page.daily_rank,
    );
    check_org(
        ck,
        "submitter_organization",
        content.and_then(|c| expected_org(c, "submitterOrganization")),
        page.submitter_organization.as_ref(),
    );

    ck.context = format!("paper ({}): ", raw_id(&raw.paper).unwrap_or("?"));
    check_paper(ck, &raw.paper, content, &page.paper);
    ck.papers += 1;
    ck.context.clear();
}

/// Every field of one paper. `entry` is a listing entry (outer object with a nested `paper`)
/// or a flat paper; `page` is the `PaperContent` blob around a paper page's paper.
fn check_paper(ck: &mut Checker, entry: &Value, page: Option<&Value>, paper: &Paper) {
    let nested = entry.get("paper").filter(|p| p.is_object());
    // `p`: the paper object; `outer`: the entry around it; `e`: where entry-level keys live.
    let (p, outer) = match nested {
        Some(p) => (p, Some(entry)),
        None => (entry, None),
    };
    let e = outer.unwrap_or(p);

    let id = p.get("id").and_then(Value::as_str);
    ck.eq("id", id.map(str::to_owned), Some(paper.id.to_string()));
    ck.eq(
        "url",
        id.map(|id| format!("https://huggingface.co/papers/{id}")),
        Some(paper.url.clone()),
    );
    let either = |key: &str| raw_text(p, key).or_else(|| outer.and_then(|o| raw_text(o, key)));
    ck.eq("title", either("title"), paper.title.clone());
    ck.eq("summary", either("summary"), paper.summary.clone());
    check_authors(ck, expected_authors(p), paper.authors.as_deref());
    ck.eq("upvotes", raw_count(p, "upvotes"), paper.upvotes);
    ck.eq(
        "num_comments",
        raw_count(e, "numComments"),
        paper.num_comments,
    );
    check_dates(ck, p, outer, paper);

    let submitter = merge_users(
        expected_user(e, "submittedBy"),
        expected_user(p, "submittedOnDailyBy"),
    );
    check_user(
        ck,
        "submitted_by",
        submitter.as_ref(),
        paper.submitted_by.as_ref(),
    );
    let org = merge_orgs(
        outer.and_then(|o| expected_org(o, "organization")),
        expected_org(p, "organization"),
    );
    check_org(ck, "organization", org, paper.organization.as_ref());

    ck.eq(
        "github_repo",
        raw_str(p, "githubRepo"),
        paper.github_repo.clone(),
    );
    ck.eq(
        "github_repo_added_by",
        raw_str(p, "githubRepoAddedBy"),
        paper.github_repo_added_by.clone(),
    );
    ck.eq(
        "github_stars",
        raw_count(p, "githubStars"),
        paper.github_stars,
    );
    ck.eq(
        "project_page",
        raw_str(p, "projectPage"),
        paper.project_page.clone(),
    );
    ck.eq(
        "ai_summary",
        raw_text(p, "ai_summary"),
        paper.ai_summary.clone(),
    );
    ck.eq(
        "ai_keywords",
        expected_keywords(p),
        paper.ai_keywords.clone(),
    );
    ck.eq(
        "ai_summary_model",
        raw_str(p, "ai_summary_model"),
        paper.ai_summary_model.clone(),
    );
    let thumbnail = raw_url(e, "thumbnail").or_else(|| outer.and_then(|_| raw_url(p, "thumbnail")));
    ck.eq("thumbnail", thumbnail, paper.thumbnail.clone());
    ck.eq(
        "media_urls",
        expected_media(outer, p),
        paper.media_urls.clone(),
    );
    ck.eq(
        "discussion_id",
        raw_str(p, "discussionId"),
        paper.discussion_id.clone(),
    );
    ck.eq(
        "withdrawn_at",
        raw_time(p, "withdrawnAt"),
        paper.withdrawn_at,
    );
    ck.eq(
        "is_author_participating",
        raw_bool(e, "isAuthorParticipating"),
        paper.is_author_participating,
    );
    // A paper page says whether its saver upvoted next to `paper`, as a listing entry does
    // around its nested `paper`.
    let upvoted = raw_bool(e, "upvoted").or_else(|| page.and_then(|c| raw_bool(c, "upvoted")));
    ck.eq("upvoted", upvoted, paper.upvoted);
    check_highlights(
        ck,
        "highlighted_title",
        expected_highlights(e, "highlightedTitle"),
        paper.highlighted_title.as_deref(),
    );
    check_highlights(
        ck,
        "highlighted_summary",
        expected_highlights(e, "highlightedSummary"),
        paper.highlighted_summary.as_deref(),
    );
    check_linked(ck, p, paper.linked.as_ref());
}

/// The three dates, kept apart: the list date comes from `submittedOnDailyAt` only.
fn check_dates(ck: &mut Checker, p: &Value, outer: Option<&Value>, paper: &Paper) {
    let on_daily = raw_time(p, "submittedOnDailyAt");
    let entry_published = outer.and_then(|o| raw_time(o, "publishedAt"));
    ck.eq(
        "submitted_on_daily_at",
        on_daily,
        paper.submitted_on_daily_at,
    );
    ck.eq(
        "listed_on",
        on_daily.map(|t| t.date_naive()),
        paper.listed_on,
    );
    ck.eq(
        "published_at",
        raw_time(p, "publishedAt"),
        paper.published_at,
    );
    ck.eq(
        "entry_published_at",
        entry_published,
        paper.entry_published_at,
    );
    if let Some(outer_day) = entry_published.map(|t| t.date_naive()) {
        if on_daily.map(|t| t.date_naive()) != Some(outer_day) {
            ck.ne(
                "listed_on (taken from the outer publishedAt)",
                Some(outer_day),
                paper.listed_on,
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Expected values, derived from the raw JSON
// ---------------------------------------------------------------------------------------------

/// The listing's period, from `isTrending`, the search keys, `periodType` and `dateString`.
fn expected_period(raw: &RawListing) -> Period {
    let Some(props) = &raw.props else {
        // A bare API array: only search results say what they are.
        let searching = raw.entries.iter().any(|e| {
            e.get("highlightedTitle").is_some()
                || e.get("highlightedSummary").is_some()
                || (e.get("paper").is_none() && e.get("id").is_some())
        });
        return if searching {
            Period::Search { query: None }
        } else {
            Period::Unspecified
        };
    };
    let query = props
        .get("query")
        .and_then(|q| q.get("q"))
        .and_then(Value::as_str)
        .map(|q| q.trim().to_owned());
    let searching =
        props.get("searchResults").is_some() || query.as_deref().is_some_and(|q| !q.is_empty());
    if props.get("isTrending").and_then(Value::as_bool) == Some(true) {
        return Period::Trending;
    }
    if searching {
        return Period::Search { query };
    }
    match props.get("dateString").and_then(Value::as_str) {
        Some(date) => period_of(props, date),
        None => Period::Unspecified,
    }
}

/// The list before this one (`prevDate`, written like `dateString`), for a day, week or
/// month list.
fn expected_prev_period(raw: &RawListing) -> Option<Period> {
    let props = raw.props.as_ref()?;
    match expected_period(raw) {
        Period::Day { .. } | Period::Week { .. } | Period::Month { .. } => {}
        _ => return None,
    }
    let prev = period_of(props, props.get("prevDate")?.as_str()?);
    (prev != Period::Unspecified).then_some(prev)
}

/// The period that `periodType` and a date string name together.
fn period_of(props: &Value, date: &str) -> Period {
    let date = date.trim();
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let kind = props
        .get("periodType")
        .and_then(Value::as_str)
        .map(str::trim);
    let period = match kind {
        None | Some("day") => day.map(|date| Period::Day { date }),
        Some("week") => week_of(date)
            .or_else(|| day.map(Week::containing))
            .map(|week| Period::Week { week }),
        Some("month") => month_of(date)
            .or_else(|| day.map(Month::containing))
            .map(|month| Period::Month { month }),
        Some(_) => None,
    };
    period.unwrap_or(Period::Unspecified)
}

/// `2026-W27`.
fn week_of(text: &str) -> Option<Week> {
    let (year, week) = text.split_once('-')?;
    let week = week.strip_prefix(['W', 'w'])?;
    if year.len() != 4 || week.len() != 2 {
        return None;
    }
    Week::new(year.parse().ok()?, week.parse().ok()?)
}

/// `2026-06`.
fn month_of(text: &str) -> Option<Month> {
    let (year, month) = text.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    Month::new(year.parse().ok()?, month.parse().ok()?)
}

#[derive(Clone, Debug, Default, PartialEq)]
struct ExpUser {
    id: Option<String>,
    username: Option<String>,
    fullname: Option<String>,
    avatar_url: Option<String>,
    kind: Option<String>,
    is_pro: Option<bool>,
}

/// A user object: id under `_id` (2024: `id`), username under `user` or `name`.
fn user_from(v: &Value) -> Option<ExpUser> {
    v.is_object().then(|| ExpUser {
        id: raw_str(v, "_id").or_else(|| raw_str(v, "id")),
        username: raw_str(v, "user").or_else(|| raw_str(v, "name")),
        fullname: raw_text(v, "fullname"),
        avatar_url: raw_url(v, "avatarUrl"),
        kind: raw_str(v, "type"),
        is_pro: raw_bool(v, "isPro"),
    })
}

fn expected_user(obj: &Value, key: &str) -> Option<ExpUser> {
    user_from(get(obj, key)?)
}

/// The entry's `submittedBy`, completed from the paper's `submittedOnDailyBy` when both
/// describe the same account (same username; or, lacking one, the same id).
fn merge_users(first: Option<ExpUser>, second: Option<ExpUser>) -> Option<ExpUser> {
    let (mut first, second) = match (first, second) {
        (Some(first), Some(second)) => (first, second),
        (first, second) => return first.or(second),
    };
    let same = match (&first.username, &second.username) {
        (Some(a), Some(b)) => a == b,
        _ => first.id.is_some() && first.id == second.id,
    };
    if same {
        fill(&mut first.id, second.id);
        fill(&mut first.username, second.username);
        fill(&mut first.fullname, second.fullname);
        fill(&mut first.avatar_url, second.avatar_url);
        fill(&mut first.kind, second.kind);
        fill(&mut first.is_pro, second.is_pro);
    }
    Some(first)
}

fn fill<T>(slot: &mut Option<T>, other: Option<T>) {
    if slot.is_none() {
        *slot = other;
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
struct ExpOrg {
    id: Option<String>,
    name: Option<String>,
    fullname: Option<String>,
    avatar_url: Option<String>,
}

fn expected_org(obj: &Value, key: &str) -> Option<ExpOrg> {
    let v = get(obj, key)?;
    v.is_object().then(|| ExpOrg {
        id: raw_str(v, "_id"),
        name: raw_str(v, "name"),
        fullname: raw_text(v, "fullname"),
        avatar_url: raw_url(v, "avatar"),
    })
}

/// The entry's organization, completed from the paper's unless they name different ones.
fn merge_orgs(first: Option<ExpOrg>, second: Option<ExpOrg>) -> Option<ExpOrg> {
    let (mut first, second) = match (first, second) {
        (Some(first), Some(second)) => (first, second),
        (first, second) => return first.or(second),
    };
    let different = first.name.is_some() && second.name.is_some() && first.name != second.name;
    if !different {
        fill(&mut first.id, second.id);
        fill(&mut first.name, second.name);
        fill(&mut first.fullname, second.fullname);
        fill(&mut first.avatar_url, second.avatar_url);
    }
    Some(first)
}

#[derive(Debug)]
struct ExpAuthor {
    name: String,
    id: Option<String>,
    hidden: Option<bool>,
    status: Option<String>,
    status_changed_at: Option<DateTime<Utc>>,
    user: Option<ExpUser>,
}

/// `paper.authors`, in order; an author without any name cannot be kept.
fn expected_authors(p: &Value) -> Option<Vec<ExpAuthor>> {
    let list = get(p, "authors")?.as_array()?;
    let authors = list
        .iter()
        .filter(|a| a.is_object())
        .filter_map(|a| {
            let user = expected_user(a, "user");
            let name = raw_text(a, "name").or_else(|| user.as_ref()?.fullname.clone())?;
            Some(ExpAuthor {
                name,
                id: raw_str(a, "_id"),
                hidden: raw_bool(a, "hidden"),
                status: raw_str(a, "status"),
                status_changed_at: raw_time(a, "statusLastChangedAt"),
                user,
            })
        })
        .collect();
    Some(authors)
}

/// `ai_keywords`, each cleaned; empty keywords carry nothing and are left out.
fn expected_keywords(p: &Value) -> Option<Vec<String>> {
    let list = get(p, "ai_keywords")?.as_array()?;
    let keywords = list
        .iter()
        .filter_map(Value::as_str)
        .map(|k| clean_text(k).into_owned())
        .filter(|k| !k.is_empty())
        .collect();
    Some(keywords)
}

/// Every media URL of the entry, then of the paper (`mediaUrls`, 2024's `mediaUrl`),
/// absolutized, in order, without repeats. A present but empty list is an empty list.
fn expected_media(outer: Option<&Value>, p: &Value) -> Option<Vec<String>> {
    let mut all: Option<Vec<String>> = None;
    for obj in outer.into_iter().chain([p]) {
        let list = get(obj, "mediaUrls").and_then(Value::as_array);
        if list.is_some() {
            all.get_or_insert_with(Vec::new);
        }
        let urls = list
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter_map(absolute_url)
            .chain(raw_url(obj, "mediaUrl"));
        for url in urls {
            let seen = all.get_or_insert_with(Vec::new);
            if !seen.contains(&url) {
                seen.push(url);
            }
        }
    }
    all
}

/// A search result's highlighted runs: `type` `highlight` marks a match; text as given.
fn expected_highlights(obj: &Value, key: &str) -> Option<Vec<(HighlightKind, String)>> {
    let list = get(obj, key)?.as_array()?;
    let runs = list
        .iter()
        .filter_map(|run| {
            let text = run.get("text")?.as_str()?;
            let kind = match run.get("type").and_then(Value::as_str).map(str::trim) {
                Some("highlight") => HighlightKind::Highlight,
                _ => HighlightKind::Text,
            };
            Some((kind, text.to_owned()))
        })
        .collect();
    Some(runs)
}

// ---------------------------------------------------------------------------------------------
// Comparing the nested records
// ---------------------------------------------------------------------------------------------

fn check_user(ck: &mut Checker, field: &str, expected: Option<&ExpUser>, actual: Option<&User>) {
    ck.eq(
        &format!("{field} (present)"),
        expected.is_some(),
        actual.is_some(),
    );
    let (Some(e), Some(a)) = (expected, actual) else {
        return;
    };
    ck.eq(&format!("{field}.id"), e.id.as_deref(), a.id.as_deref());
    ck.eq(
        &format!("{field}.username"),
        e.username.as_deref(),
        a.username.as_deref(),
    );
    ck.eq(
        &format!("{field}.fullname"),
        e.fullname.as_deref(),
        a.fullname.as_deref(),
    );
    ck.eq(
        &format!("{field}.avatar_url"),
        e.avatar_url.as_deref(),
        a.avatar_url.as_deref(),
    );
    ck.eq(
        &format!("{field}.kind"),
        e.kind.as_deref(),
        a.kind.as_deref(),
    );
    ck.eq(&format!("{field}.is_pro"), e.is_pro, a.is_pro);
}

fn check_org(
    ck: &mut Checker,
    field: &str,
    expected: Option<ExpOrg>,
    actual: Option<&Organization>,
) {
    ck.eq(
        &format!("{field} (present)"),
        expected.is_some(),
        actual.is_some(),
    );
    let (Some(e), Some(a)) = (expected, actual) else {
        return;
    };
    ck.eq(&format!("{field}.id"), e.id.as_deref(), a.id.as_deref());
    ck.eq(
        &format!("{field}.name"),
        e.name.as_deref(),
        a.name.as_deref(),
    );
    ck.eq(
        &format!("{field}.fullname"),
        e.fullname.as_deref(),
        a.fullname.as_deref(),
    );
    ck.eq(
        &format!("{field}.avatar_url"),
        e.avatar_url.as_deref(),
        a.avatar_url.as_deref(),
    );
}

fn check_authors(ck: &mut Checker, expected: Option<Vec<ExpAuthor>>, actual: Option<&[Author]>) {
    ck.eq("authors (present)", expected.is_some(), actual.is_some());
    let (Some(expected), Some(actual)) = (expected, actual) else {
        return;
    };
    ck.eq("authors (count)", expected.len(), actual.len());
    for (i, (e, a)) in expected.iter().zip(actual).enumerate() {
        let at = format!("authors[{i}]");
        ck.eq(&format!("{at}.name"), e.name.as_str(), a.name.as_str());
        ck.eq(&format!("{at}.id"), e.id.as_deref(), a.id.as_deref());
        ck.eq(&format!("{at}.hidden"), e.hidden, a.hidden);
        ck.eq(
            &format!("{at}.claim_status"),
            e.status.as_deref(),
            a.claim_status.as_ref().map(|s| s.as_str()),
        );
        ck.eq(
            &format!("{at}.claim_status_changed_at"),
            e.status_changed_at,
            a.claim_status_changed_at,
        );
        check_user(ck, &format!("{at}.user"), e.user.as_ref(), a.user.as_ref());
    }
}

fn check_highlights(
    ck: &mut Checker,
    field: &str,
    expected: Option<Vec<(HighlightKind, String)>>,
    actual: Option<&[Highlight]>,
) {
    ck.eq(
        &format!("{field} (present)"),
        expected.is_some(),
        actual.is_some(),
    );
    let (Some(expected), Some(actual)) = (expected, actual) else {
        return;
    };
    ck.eq(&format!("{field} (count)"), expected.len(), actual.len());
    for (i, ((kind, text), a)) in expected.iter().zip(actual).enumerate() {
        ck.eq(&format!("{field}[{i}].kind"), kind, &a.kind);
        ck.eq(
            &format!("{field}[{i}].text"),
            text.as_str(),
            a.text.as_str(),
        );
    }
}

/// `/api/papers/<id>`'s linked repositories; `None` when the paper has none of those keys.
fn check_linked(ck: &mut Checker, p: &Value, actual: Option<&LinkedRepos>) {
    let ids = |key: &str| -> Option<Vec<String>> {
        let list = get(p, key)?.as_array()?;
        Some(list.iter().filter_map(|r| raw_str(r, "id")).collect())
    };
    let models = ids("linkedModels");
    let datasets = ids("linkedDatasets");
    let spaces = ids("linkedSpaces");
    let num_models = raw_count(p, "numTotalModels");
    let num_datasets = raw_count(p, "numTotalDatasets");
    let num_spaces = raw_count(p, "numTotalSpaces");
    let any = models.is_some()
        || datasets.is_some()
        || spaces.is_some()
        || num_models.is_some()
        || num_datasets.is_some()
        || num_spaces.is_some();
    ck.eq("linked (present)", any, actual.is_some());
    let Some(a) = actual else {
        return;
    };
    ck.eq("linked.models", models.as_ref(), a.models.as_ref());
    ck.eq("linked.datasets", datasets.as_ref(), a.datasets.as_ref());
    ck.eq("linked.spaces", spaces.as_ref(), a.spaces.as_ref());
    ck.eq("linked.num_models", num_models, a.num_models);
    ck.eq("linked.num_datasets", num_datasets, a.num_datasets);
    ck.eq("linked.num_spaces", num_spaces, a.num_spaces);
}

// ---------------------------------------------------------------------------------------------
// Raw JSON values
// ---------------------------------------------------------------------------------------------

/// A key's value; `null` counts as absent.
fn get<'a>(obj: &'a Value, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn raw_id(entry: &Value) -> Option<&str> {
    entry
        .get("paper")
        .filter(|p| p.is_object())
        .unwrap_or(entry)
        .get("id")
        .and_then(Value::as_str)
}

/// An id, handle or link: trimmed, empty read as absent.
fn raw_str(obj: &Value, key: &str) -> Option<String> {
    let s = get(obj, key)?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A title, abstract or name, through the crate's public `clean_text`.
fn raw_text(obj: &Value, key: &str) -> Option<String> {
    let cleaned = clean_text(get(obj, key)?.as_str()?);
    (!cleaned.is_empty()).then(|| cleaned.into_owned())
}

/// A link, through the crate's public `absolute_url`.
fn raw_url(obj: &Value, key: &str) -> Option<String> {
    absolute_url(get(obj, key)?.as_str()?)
}

fn raw_bool(obj: &Value, key: &str) -> Option<bool> {
    get(obj, key)?.as_bool()
}

/// A count: a non-negative integer, or a float with no fraction (`12.0`).
fn raw_count(obj: &Value, key: &str) -> Option<u32> {
    let n = get(obj, key)?;
    if let Some(whole) = n.as_u64() {
        return u32::try_from(whole).ok();
    }
    let f = n.as_f64()?;
    let whole = f.is_finite() && f.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&f);
    whole.then_some(f as u32)
}

/// A timestamp: RFC 3339, or the same without a zone (read as UTC).
fn raw_time(obj: &Value, key: &str) -> Option<DateTime<Utc>> {
    let s = get(obj, key)?.as_str()?.trim();
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc())
        })
}

// ---------------------------------------------------------------------------------------------
// The independent reading of a capture
// ---------------------------------------------------------------------------------------------

enum RawDoc {
    Listing(RawListing),
    Page(RawPage),
}

struct RawListing {
    /// The entries of the list.
    entries: Vec<Value>,
    /// The object around the list (the `DailyPapers` props), if any.
    props: Option<Value>,
    canonical: Option<String>,
    source: Source,
}

struct RawPage {
    /// The `PaperContent` props around a paper page's paper.
    content: Option<Value>,
    paper: Value,
    source: Source,
}

impl RawDoc {
    fn entry_count(&self) -> usize {
        match self {
            RawDoc::Listing(listing) => listing.entries.len(),
            RawDoc::Page(_) => 1,
        }
    }
}

fn read_raw(kind: Kind, text: &str) -> Result<RawDoc, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match kind {
        Kind::Html => read_raw_html(text),
        _ => read_raw_json(text),
    }
}

fn read_raw_html(html: &str) -> Result<RawDoc, String> {
    let tags = start_tags(html);
    let blob = |target: &str| -> Option<Result<Value, String>> {
        let tag = tags
            .iter()
            .find(|t| t.attr("data-target") == Some(target))?;
        let Some(props) = tag.attr("data-props") else {
            return Some(Err(format!("the {target} element has no data-props")));
        };
        Some(
            serde_json::from_str(&decode_entities(props))
                .map_err(|e| format!("the {target} data-props is not JSON: {e}")),
        )
    };
    if let Some(props) = blob("DailyPapers") {
        let canonical = tags
            .iter()
            .find(|t| {
                t.name == "link"
                    && t.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    })
            })
            .and_then(|t| t.attr("href"))
            .map(|href| decode_entities(href).trim().to_owned())
            .filter(|href| !href.is_empty());
        return listing_from_object(props?, canonical, Source::HydrationBlob);
    }
    if let Some(content) = blob("PaperContent") {
        let content = content?;
        let paper = get(&content, "paper")
            .filter(|p| p.is_object())
            .cloned()
            .ok_or("the PaperContent props have no paper object")?;
        return Ok(RawDoc::Page(RawPage {
            content: Some(content),
            paper,
            source: Source::HydrationBlob,
        }));
    }
    Err("no DailyPapers or PaperContent element with data-props".to_owned())
}

fn read_raw_json(text: &str) -> Result<RawDoc, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    match value {
        Value::Array(entries) => Ok(RawDoc::Listing(RawListing {
            entries,
            props: None,
            canonical: None,
            source: Source::ApiJson,
        })),
        Value::Object(ref obj)
            if obj.contains_key("dailyPapers") || obj.contains_key("searchResults") =>
        {
            listing_from_object(value, None, Source::ApiJson)
        }
        Value::Object(ref obj) if obj.contains_key("id") => Ok(RawDoc::Page(RawPage {
            content: None,
            paper: value,
            source: Source::ApiJson,
        })),
        _ => Err("neither a list of papers nor a paper object".to_owned()),
    }
}

/// A listing from the object around the list: `searchResults` when present, else
/// `dailyPapers`.
fn listing_from_object(
    props: Value,
    canonical: Option<String>,
    source: Source,
) -> Result<RawDoc, String> {
    let key = if props.get("searchResults").is_some() {
        "searchResults"
    } else {
        "dailyPapers"
    };
    let entries = props
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .ok_or_else(|| format!("the props have no {key} array"))?;
    Ok(RawDoc::Listing(RawListing {
        entries,
        props: Some(props),
        canonical,
        source,
    }))
}

// ---------------------------------------------------------------------------------------------
// A small HTML start-tag scanner and entity decoder
// ---------------------------------------------------------------------------------------------

/// A start tag: its lowercased name and its attributes (lowercased names, raw values).
struct StartTag<'a> {
    name: String,
    attrs: Vec<(String, &'a str)>,
}

impl StartTag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| *value)
    }
}

/// Every start tag of the page, skipping comments, end tags, doctypes and the raw text of
/// `<script>` and `<style>`. Attribute order and quote style do not matter.
fn start_tags(html: &str) -> Vec<StartTag<'_>> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(lt) = find_byte(bytes, b'<', i) {
        i = lt + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |end| i + end + 3);
            continue;
        }
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => {}
            Some(b'!' | b'/' | b'?') => {
                i = find_byte(bytes, b'>', i).map_or(bytes.len(), |end| end + 1);
                continue;
            }
            _ => continue,
        }
        let (tag, end) = read_start_tag(html, i);
        i = end;
        if tag.name == "script" || tag.name == "style" {
            let close = format!("</{}", tag.name);
            i = find_ignore_case(bytes, close.as_bytes(), i).unwrap_or(bytes.len());
        }
        tags.push(tag);
    }
    tags
}

/// Reads the tag whose name starts at `start`; returns it and the index after its `>`.
fn read_start_tag(html: &str, start: usize) -> (StartTag<'_>, usize) {
    let bytes = html.as_bytes();
    let ends_name = |b: u8| b.is_ascii_whitespace() || b == b'>' || b == b'/';
    let mut i = start;
    while i < bytes.len() && !ends_name(bytes[i]) {
        i += 1;
    }
    let name = html[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => break,
            Some(b'>') => {
                i += 1;
                break;
            }
            Some(_) => {}
        }
        let name_start = i;
        // A name has at least one character, even a stray `=`.
        i += html[i..].chars().next().map_or(1, char::len_utf8);
        while i < bytes.len() && !ends_name(bytes[i]) && bytes[i] != b'=' {
            i += 1;
        }
        let attr_name = html[name_start..i].to_ascii_lowercase();
        let mut j = skip_spaces(bytes, i);
        let mut value = "";
        if bytes.get(j) == Some(&b'=') {
            j = skip_spaces(bytes, j + 1);
            match bytes.get(j) {
                Some(&quote) if quote == b'"' || quote == b'\'' => {
                    let end = find_byte(bytes, quote, j + 1).unwrap_or(bytes.len());
                    value = &html[j + 1..end];
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    let value_start = j;
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    value = &html[value_start..j];
                    i = j;
                }
            }
        }
        attrs.push((attr_name, value));
    }
    (StartTag { name, attrs }, i)
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn find_byte(bytes: &[u8], needle: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|at| from + at)
}

fn find_ignore_case(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|at| from + at)
}

/// Decodes one level of character references: `&quot; &amp; &lt; &gt; &#39; &apos;`, and
/// `&#NN;` / `&#xHH;`. Anything else is kept as written.
fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_reference(rest) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The reference at the start of `s` (which starts with `&`): its character and length.
fn decode_reference(s: &str) -> Option<(char, usize)> {
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..semi];
    let c = match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, semi + 1))
}

/// A text capture, through the front door: it is read as a text or markdown listing whose
/// papers (with or without an id) are as many as MANIFEST.tsv says, each with a title, none
/// of them page chrome. (Its exact values are checked in `tests/text.rs`.)
fn check_text_capture(
    capture: &Capture,
    manifest: &HashMap<String, usize>,
) -> Result<(usize, usize), String> {
    let text = fs::read_to_string(&capture.path).map_err(|e| format!("unreadable: {e}"))?;
    let listing = match hf_papers::parse(&text) {
        Ok(hf_papers::Document::Listing(listing)) => listing,
        Ok(other) => return Err(format!("read as {other:?}, not a listing")),
        Err(err) => return Err(format!("not read: {err}")),
    };
    if !matches!(listing.source, Source::Text | Source::Markdown) {
        return Err(format!("source {:?}, not text or markdown", listing.source));
    }
    let mut fields = 0;
    let mut titles = Vec::new();
    for paper in &listing.papers {
        titles.push(paper.title.clone().unwrap_or_default());
        let coverage = paper
            .coverage
            .as_ref()
            .ok_or("a text paper without coverage")?;
        fields += coverage.fields.len();
    }
    for paper in &listing.unidentified {
        titles.push(paper.title.clone());
        fields += paper.coverage.fields.len();
    }
    const CHROME: [&str; 4] = [
        "Subscribe",
        "Get trending papers",
        "Trending Papers",
        "Daily Papers",
    ];
    for title in &titles {
        if title.trim().is_empty() || CHROME.iter().any(|c| title == c) {
            return Err(format!("a paper titled {title:?}"));
        }
    }
    if let Some(&want) = manifest.get(&capture.name) {
        if titles.len() != want {
            return Err(format!("{} papers, MANIFEST.tsv says {want}", titles.len()));
        }
    }
    if !listing.warnings.is_empty() {
        return Err(format!("warnings: {:?}", listing.warnings));
    }
    Ok((titles.len(), fields))
}

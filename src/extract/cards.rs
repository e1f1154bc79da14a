//! Listings from the visible paper cards, for pages whose `DailyPapers` blob is missing or
//! unreadable, and the cross-check of the cards against the blob.
//!
//! A card is an `<article>` that links to a paper (`/papers/<id>`). Inside it the reader goes
//! by structure first (the heading's link, the checkbox of the upvote button, the
//! `#community` link, the "Submitted by" badge, a one-segment link to an organization) and
//! uses the site's classes (`leading-none`) only as hints, since they change. Cards carry
//! no abstract, authors or dates: each paper's [`Coverage`] names what its card showed.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use scraper::{ElementRef, Html, Selector};

use super::dom::{
    self, ANCHORS, IMAGES, ReadAttr, ancestors, count, handle_link, image_url, is_leaf, paper_link,
    selector, site_path, text,
};
use super::html_scan::PageScan;
use crate::model::{Coverage, Listing, Month, Organization, Paper, Period, Source, User, Week};
use crate::normalize::{absolute_url, parse_display_date};
use crate::{ArxivId, Error, ParseOptions, Stage, Warning, WarningKind};

static ARTICLES: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static HEADINGS: LazyLock<Selector> = LazyLock::new(|| selector("h1, h2, h3, h4, h5, h6"));
static CHECKBOXES: LazyLock<Selector> = LazyLock::new(|| selector("input[type]"));
static LEADING_NONE: LazyLock<Selector> = LazyLock::new(|| selector(".leading-none"));
static VIDEOS: LazyLock<Selector> = LazyLock::new(|| selector("video"));
static SOURCES: LazyLock<Selector> = LazyLock::new(|| selector("source[src]"));
static SVGS: LazyLock<Selector> = LazyLock::new(|| selector("svg"));
static SVG_PATHS: LazyLock<Selector> = LazyLock::new(|| selector("path[d]"));
static SEARCH_INPUTS: LazyLock<Selector> = LazyLock::new(|| selector("input[type][value]"));
static ALL: LazyLock<Selector> = LazyLock::new(|| selector("*"));

/// The listing a page's cards show, or `None` when the page has no paper cards.
///
/// `canonical` is the page's `<link rel="canonical">`, already decoded.
pub(crate) fn listing(
    html: &str,
    scan: &PageScan<'_>,
    canonical: Option<String>,
    options: &ParseOptions,
) -> Result<Option<Listing>, Error> {
    let light = scan.without_props(html);
    // The nesting bound comes before anything else, so that a hostile page is refused the
    // same way whether or not it has cards.
    let html = dom::bounded_input(&light, options.max_depth)?;
    if !mentions_article(&html) {
        return Ok(None);
    }
    let doc = Html::parse_document(&html);
    let papers = read_cards(&doc);
    if papers.is_empty() {
        return Ok(None);
    }
    if papers.len() > options.max_papers {
        return Err(Error::LimitExceeded {
            stage: Stage::Html,
            what: "papers in one listing",
            limit: options.max_papers,
            actual: papers.len(),
        });
    }
    let (period, prev_period) = page_period(&doc, canonical.as_deref());
    let mut listing = Listing::new(period.clone(), Source::Cards);
    listing.papers = papers;
    listing.prev_period = prev_period;
    listing.canonical_url = canonical;
    if period == Period::Unspecified {
        listing.warnings.push(Warning::new(
            WarningKind::UnknownPeriod,
            None,
            String::new(),
            "the page has no data blob, and neither a canonical link nor its date navigation \
             says which list it holds; left unspecified"
                .to_owned(),
        ));
    }
    Ok(Some(listing))
}

/// Whether the page has an `<article>` tag at all (any letter case): without one there is
/// no card, and no tree to build.
pub(crate) fn mentions_article(html: &str) -> bool {
    let bytes = html.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|lt| {
        bytes
            .get(lt + 1..lt + 8)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"article"))
            && bytes
                .get(lt + 8)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
    })
}

/// Every paper card of the page, in page order. A card's paper is the one its heading
/// links to (or, failing that, any paper link in it); articles without one are not cards.
pub(crate) fn read_cards(doc: &Html) -> Vec<Paper> {
    let mut papers: Vec<Paper> = Vec::new();
    for article in doc.select(&ARTICLES) {
        // A card inside another card (never seen) is read as part of the outer one.
        if ancestors(article).any(|a| a.value().name() == "article") {
            continue;
        }
        if let Some(paper) = read_card(article) {
            papers.push(paper);
        }
    }
    papers
}

fn read_card(card: ElementRef<'_>) -> Option<Paper> {
    let heading = card.select(&HEADINGS).find(|h| {
        h.select(&ANCHORS)
            .any(|a| a.read_attr("href").and_then(paper_link).is_some())
    });
    let id = heading
        .and_then(|h| {
            h.select(&ANCHORS)
                .find_map(|a| a.read_attr("href").and_then(paper_link))
        })
        .or_else(|| {
            card.select(&ANCHORS)
                .find_map(|a| a.read_attr("href").and_then(paper_link))
        })?;

    let mut paper = Paper::new(id.clone());
    let mut fields = vec!["id", "url"];

    paper.title = heading.map(text).filter(|t| !t.is_empty());
    if paper.title.is_some() {
        fields.push("title");
    }
    paper.upvotes = upvotes(card);
    if paper.upvotes.is_some() {
        fields.push("upvotes");
    }
    paper.num_comments = comments(card, &id);
    if paper.num_comments.is_some() {
        fields.push("num_comments");
    }
    let badge = submitter_badge(card);
    paper.submitted_by = badge.and_then(submitter);
    if paper.submitted_by.is_some() {
        fields.push("submitted_by");
    }
    let pill = organization_pill(card, badge);
    paper.organization = pill.map(organization);
    if paper.organization.is_some() {
        fields.push("organization");
    }
    if let Some(stars) = github_badge(card, &id, heading, pill) {
        paper.github_stars = count(&text(stars));
        paper.github_repo = stars
            .read_attr("href")
            .filter(|h| is_github(h))
            .and_then(absolute_url);
    }
    if paper.github_stars.is_some() {
        fields.push("github_stars");
    }
    if paper.github_repo.is_some() {
        fields.push("github_repo");
    }
    paper.num_authors = author_count(card);
    if paper.num_authors.is_some() {
        fields.push("num_authors");
    }
    paper.thumbnail = thumbnail(card, badge, pill);
    if paper.thumbnail.is_some() {
        fields.push("thumbnail");
    }
    let videos = videos(card);
    if !videos.is_empty() {
        paper.media_urls = Some(videos);
        fields.push("media_urls");
    }
    paper.coverage = Some(Coverage::new(Source::Cards, &fields));
    Some(paper)
}

/// The upvote count: the count next to the upvote button's checkbox, else the first
/// `leading-none` element holding a count.
pub(crate) fn upvotes(card: ElementRef<'_>) -> Option<u32> {
    let by_checkbox = card
        .select(&CHECKBOXES)
        .filter(|input| {
            input
                .read_attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("checkbox"))
        })
        .filter_map(|input| input.parent().and_then(ElementRef::wrap))
        .find_map(|control| {
            control
                .descendent_elements()
                .filter(|e| is_leaf(*e) && e.value().name() != "input")
                .find_map(|e| count(&text(e)))
        });
    by_checkbox.or_else(|| {
        card.select(&LEADING_NONE)
            .filter(|e| is_leaf(*e))
            .find_map(|e| count(&text(e)))
    })
}

/// The comment count: the number in the link to the paper's `#community` section; no such
/// link means no comments.
fn comments(card: ElementRef<'_>, id: &ArxivId) -> Option<u32> {
    let link = card.select(&ANCHORS).find(|a| {
        a.read_attr("href").is_some_and(|href| {
            site_path(href).is_some_and(|p| p.ends_with("#community"))
                && paper_link(href).as_ref() == Some(id)
        })
    });
    match link {
        Some(link) => count(&text(link)),
        None => Some(0),
    }
}

/// The element whose own text starts with "Submitted by" (the username follows, as text
/// or as a link).
fn submitter_badge(card: ElementRef<'_>) -> Option<ElementRef<'_>> {
    card.select(&ALL).find(|e| {
        dom::own_text(*e)
            .get(..12)
            .is_some_and(|head| head.eq_ignore_ascii_case("submitted by"))
    })
}

fn submitter(badge: ElementRef<'_>) -> Option<User> {
    let from_link = badge
        .select(&ANCHORS)
        .find_map(|a| a.read_attr("href").and_then(handle_link))
        .map(str::to_owned);
    let shown = text(badge);
    let from_text = shown
        .get(12..)
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned);
    let username = from_link.or(from_text)?;
    Some(User {
        username: Some(username),
        avatar_url: badge.select(&IMAGES).find_map(image_url),
        ..User::default()
    })
}

/// The organization pill: a link to a one-segment path (`/lumen-sparse-lab`) outside the
/// submitter badge and the author list.
fn organization_pill<'a>(
    card: ElementRef<'a>,
    badge: Option<ElementRef<'a>>,
) -> Option<ElementRef<'a>> {
    card.select(&ANCHORS).find(|a| {
        a.read_attr("href").and_then(handle_link).is_some()
            && !badge.is_some_and(|b| dom::within(*a, b))
            && !ancestors(*a).any(|e| matches!(e.value().name(), "li" | "ul" | "ol"))
    })
}

fn organization(pill: ElementRef<'_>) -> Organization {
    Organization {
        name: pill
            .read_attr("href")
            .and_then(handle_link)
            .map(str::to_owned),
        fullname: Some(text(pill)).filter(|t| !t.is_empty()),
        avatar_url: pill.select(&IMAGES).find_map(image_url),
        ..Organization::default()
    }
}

pub(crate) fn is_github(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    [
        "https://github.com/",
        "http://github.com/",
        "https://www.github.com/",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// The GitHub-stars badge: a link showing a count, with GitHub's mark, a GitHub address or
/// a GitHub label, that is none of the card's other links.
fn github_badge<'a>(
    card: ElementRef<'a>,
    id: &ArxivId,
    heading: Option<ElementRef<'a>>,
    pill: Option<ElementRef<'a>>,
) -> Option<ElementRef<'a>> {
    card.select(&ANCHORS).find(|a| {
        let href = a.read_attr("href").unwrap_or_default();
        let other = site_path(href).is_some_and(|p| p.ends_with("#community"))
            || heading.is_some_and(|h| dom::within(*a, h))
            || pill.is_some_and(|p| p.id() == a.id())
            || a.select(&IMAGES).next().is_some()
            || a.select(&VIDEOS).next().is_some();
        if other || count(&text(*a)).is_none() {
            return false;
        }
        let labelled = ["title", "aria-label"].iter().any(|attr| {
            a.read_attr(attr)
                .is_some_and(|v| v.to_ascii_lowercase().contains("github"))
        });
        let to_paper = paper_link(href).as_ref() == Some(id);
        is_github(href) || labelled || (to_paper && has_github_mark(*a))
    })
}

/// Whether an element holds GitHub's mark (the octocat outline): its SVG's 256×250 view box
/// or the path that draws it.
fn has_github_mark(el: ElementRef<'_>) -> bool {
    el.select(&SVGS).any(|svg| {
        let view_box = svg
            .read_attr("viewBox")
            .or_else(|| svg.read_attr("viewbox"))
            .map(|v| v.split_whitespace().collect::<Vec<_>>());
        view_box.is_some_and(|v| v == ["0", "0", "256", "250"])
            || svg.select(&SVG_PATHS).any(|p| {
                p.read_attr("d")
                    .is_some_and(|d| d.starts_with("M128.001 0"))
            })
    })
}

/// "12 authors", as a card without an organization shows it under the author avatars.
fn author_count(card: ElementRef<'_>) -> Option<u32> {
    card.select(&ALL).find_map(|e| {
        let shown = dom::own_text(e);
        let shown = shown.trim_start_matches(['·', ' ']);
        shown
            .strip_suffix(" authors")
            .or_else(|| shown.strip_suffix(" author"))
            .and_then(count)
    })
}

/// The thumbnail: an image inside a link to the paper, not an avatar (the submitter's, the
/// organization's or the authors').
fn thumbnail(
    card: ElementRef<'_>,
    badge: Option<ElementRef<'_>>,
    pill: Option<ElementRef<'_>>,
) -> Option<String> {
    card.select(&IMAGES)
        .filter(|img| {
            !badge.is_some_and(|b| dom::within(*img, b))
                && !pill.is_some_and(|p| dom::within(*img, p))
                && !ancestors(*img).any(|e| matches!(e.value().name(), "li" | "ul" | "ol"))
                && ancestors(*img)
                    .find(|e| e.value().name() == "a")
                    .and_then(|a| a.read_attr("href"))
                    .and_then(paper_link)
                    .is_some()
        })
        .find_map(image_url)
}

/// Videos a card shows in place of its thumbnail (the entry's media).
fn videos(card: ElementRef<'_>) -> Vec<String> {
    let mut urls = Vec::new();
    for video in card.select(&VIDEOS) {
        let src = video
            .read_attr("src")
            .or_else(|| video.select(&SOURCES).find_map(|s| s.read_attr("src")));
        if let Some(url) = src.and_then(absolute_url) {
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
    }
    urls
}

// ---------------------------------------------------------------------------------------
// Which list the page holds.

/// The period a page without its blob shows: its canonical link, else its search box, its
/// heading ("Trending Papers") or its date navigation; and the previous period the
/// navigation links to.
fn page_period(doc: &Html, canonical: Option<&str>) -> (Period, Option<Period>) {
    let nav = date_navigation(doc);
    let prev = nav.as_ref().and_then(|n| n.prev.clone());
    if let Some(period) = canonical.and_then(period_of_url) {
        let prev = prev.filter(|_| is_dated(&period));
        return (period, prev);
    }
    let query = doc
        .select(&SEARCH_INPUTS)
        .filter(|i| {
            i.read_attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("search"))
        })
        .find_map(|i| i.read_attr("value"))
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty());
    if let Some(query) = query {
        return (Period::Search { query: Some(query) }, None);
    }
    let trending = doc
        .select(&HEADINGS)
        .filter(|h| h.value().name() == "h1")
        .any(|h| text(h).eq_ignore_ascii_case("trending papers"));
    if trending {
        return (Period::Trending, None);
    }
    match nav.and_then(|n| n.current) {
        Some(period) => (period, prev),
        None => (Period::Unspecified, None),
    }
}

fn is_dated(period: &Period) -> bool {
    matches!(
        period,
        Period::Day { .. } | Period::Week { .. } | Period::Month { .. }
    )
}

/// The period a listing URL names: `/papers/date/2026-07-02`, `/papers/week/2026-W27`,
/// `/papers/month/2026-06`, `/papers/trending`, `/papers?date=...`, `/papers?q=...`.
pub(crate) fn period_of_url(url: &str) -> Option<Period> {
    // Every such URL has `papers` in it (the URL parser decodes no path): most links on a
    // page do not, and need no parsing.
    if !url.contains("papers") {
        return None;
    }
    let base = url::Url::parse("https://huggingface.co/").ok()?;
    let url = base.join(url.trim()).ok()?;
    let path = url.path().trim_end_matches('/');
    if let Some(date) = path.strip_prefix("/papers/date/") {
        return NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .map(|date| Period::Day { date });
    }
    if let Some(week) = path.strip_prefix("/papers/week/") {
        return week.parse::<Week>().ok().map(|week| Period::Week { week });
    }
    if let Some(month) = path.strip_prefix("/papers/month/") {
        return month
            .parse::<Month>()
            .ok()
            .map(|month| Period::Month { month });
    }
    if path == "/papers/trending" {
        return Some(Period::Trending);
    }
    if path == "/papers" {
        for (key, value) in url.query_pairs() {
            match &*key {
                "q" if !value.trim().is_empty() => {
                    return Some(Period::Search {
                        query: Some(value.trim().to_owned()),
                    });
                }
                "date" => {
                    return NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                        .ok()
                        .map(|date| Period::Day { date });
                }
                _ => {}
            }
        }
    }
    None
}

struct Navigation {
    current: Option<Period>,
    prev: Option<Period>,
}

/// The date navigation above the cards: a link to the previous period, a label ("Jul 2",
/// "Week 27", "June 2026") and a link to the next one, side by side.
fn date_navigation(doc: &Html) -> Option<Navigation> {
    for link in doc.select(&ANCHORS) {
        if ancestors(link).any(|a| a.value().name() == "article") {
            continue;
        }
        let Some(linked) = link
            .read_attr("href")
            .and_then(period_of_url)
            .filter(is_dated)
        else {
            continue;
        };
        let Some(parent) = link.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let siblings: Vec<ElementRef<'_>> = parent.child_elements().collect();
        let Some(at) = siblings.iter().position(|s| s.id() == link.id()) else {
            continue;
        };
        // The label is the element after the previous-period link, or before the next one.
        let label_after = siblings.get(at + 1).filter(|e| e.value().name() != "a");
        let label_before = at
            .checked_sub(1)
            .and_then(|i| siblings.get(i))
            .filter(|e| e.value().name() != "a");
        let (label, is_prev) = match (label_after, label_before) {
            (Some(label), _) => (*label, true),
            (None, Some(label)) => (*label, false),
            (None, None) => continue,
        };
        let shown = text(label);
        if shown.is_empty() || shown.len() > 32 {
            continue;
        }
        let current = if is_prev {
            period_after(&linked, &shown)
        } else {
            period_before(&linked, &shown)
        };
        let prev = if is_prev {
            Some(linked)
        } else {
            // A next-period link: the previous one, if linked, comes before the label.
            label_before
                .and_then(|l| siblings.iter().position(|s| s.id() == l.id()))
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| siblings.get(i))
                .and_then(|a| a.read_attr("href"))
                .and_then(period_of_url)
                .filter(is_dated)
        };
        if current.is_some() {
            return Some(Navigation { current, prev });
        }
    }
    None
}

/// The period a label names, just after `prev` ("Jul 2" after 2026-07-01).
fn period_after(prev: &Period, label: &str) -> Option<Period> {
    match prev {
        Period::Day { date } => {
            // The first such day after `prev`: within the next 365 days.
            let found = parse_display_date(label, *date + Duration::days(364))?;
            (found > *date).then_some(Period::Day { date: found })
        }
        Period::Week { week } => {
            let n = week_number(label)?;
            let year = if n > week.week() {
                week.year()
            } else {
                week.year() + 1
            };
            Week::new(year, n).map(|week| Period::Week { week })
        }
        Period::Month { month } => {
            let (m, year) = month_of_label(label)?;
            let year = year.unwrap_or(if m > month.month() {
                month.year()
            } else {
                month.year() + 1
            });
            Month::new(year, m).map(|month| Period::Month { month })
        }
        _ => None,
    }
}

/// The period a label names, just before `next`.
fn period_before(next: &Period, label: &str) -> Option<Period> {
    match next {
        Period::Day { date } => {
            let found = parse_display_date(label, *date - Duration::days(2))?;
            (found < *date).then_some(Period::Day { date: found })
        }
        Period::Week { week } => {
            let n = week_number(label)?;
            let year = if n < week.week() {
                week.year()
            } else {
                week.year() - 1
            };
            Week::new(year, n).map(|week| Period::Week { week })
        }
        Period::Month { month } => {
            let (m, year) = month_of_label(label)?;
            let year = year.unwrap_or(if m < month.month() {
                month.year()
            } else {
                month.year() - 1
            });
            Month::new(year, m).map(|month| Period::Month { month })
        }
        _ => None,
    }
}

/// "Week 27" → 27.
fn week_number(label: &str) -> Option<u32> {
    let rest = label.trim().strip_prefix("Week")?.trim();
    rest.parse().ok().filter(|n| (1..=53).contains(n))
}

/// "June 2026" → (6, Some(2026)); "June" → (6, None).
fn month_of_label(label: &str) -> Option<(u32, Option<i32>)> {
    let any_year = NaiveDate::from_ymd_opt(2000, 12, 31)?;
    let with_day = format!("1 {}", label.trim());
    let date = parse_display_date(&with_day, any_year)?;
    let has_year = label
        .split_whitespace()
        .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    Some((date.month(), has_year.then_some(date.year())))
}

// ---------------------------------------------------------------------------------------
// The cross-check.

/// Every disagreement between the blob's papers and the cards: papers in one but not the
/// other, another order, and, for each paper both have, the fields the cards show (title,
/// upvotes, comments, submitter, organization, GitHub stars).
pub(crate) fn cross_check(blob: &[Paper], cards: &[Paper]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn = |entry: Option<usize>, path: String, message: String| {
        warnings.push(Warning::new(
            WarningKind::SourceDisagreement,
            entry,
            path,
            message,
        ));
    };
    let card_index = |id: &ArxivId| cards.iter().position(|c| &c.id == id);
    for (i, paper) in blob.iter().enumerate() {
        if card_index(&paper.id).is_none() {
            warn(
                Some(i),
                format!("papers[{i}]"),
                format!("paper {} is in the data blob but has no card", paper.id),
            );
        }
    }
    for (i, card) in cards.iter().enumerate() {
        if !blob.iter().any(|p| p.id == card.id) {
            warn(
                None,
                String::new(),
                format!(
                    "card {} (paper {}) has no entry in the data blob",
                    i + 1,
                    card.id
                ),
            );
        }
    }
    let blob_order: Vec<&ArxivId> = blob
        .iter()
        .map(|p| &p.id)
        .filter(|id| card_index(id).is_some())
        .collect();
    let card_order: Vec<&ArxivId> = cards
        .iter()
        .map(|c| &c.id)
        .filter(|id| blob.iter().any(|p| &p.id == *id))
        .collect();
    if let Some(at) = blob_order.iter().zip(&card_order).position(|(a, b)| a != b) {
        warn(
            None,
            String::new(),
            format!(
                "the cards show the papers in another order than the data blob: paper {} \
                 comes {} in the blob, paper {} in the cards",
                blob_order[at],
                ordinal(at + 1),
                card_order[at]
            ),
        );
    }
    for (i, paper) in blob.iter().enumerate() {
        let Some(card) = card_index(&paper.id).map(|c| &cards[c]) else {
            continue;
        };
        for (field, blob_value, card_value) in compared_fields(paper, card) {
            if blob_value != card_value {
                let show = |v: &Option<String>| match v {
                    Some(v) => format!("{v:?}"),
                    None => "nothing".to_owned(),
                };
                warn(
                    Some(i),
                    format!("papers[{i}].{field}"),
                    format!(
                        "paper {}: the card shows {} for {field}, the data blob {}",
                        paper.id,
                        show(&card_value),
                        show(&blob_value)
                    ),
                );
            }
        }
    }
    warnings
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The fields a card and the blob both speak to, as comparable text: (field, blob, card).
/// A card always shows its title, upvotes, comments and submitter; it shows the
/// organization and the stars when the paper has them, so their absence counts too.
fn compared_fields(
    blob: &Paper,
    card: &Paper,
) -> Vec<(&'static str, Option<String>, Option<String>)> {
    let covered = |field: &str| card.coverage.as_ref().is_some_and(|c| c.has(field));
    let mut out = Vec::new();
    if covered("title") {
        out.push(("title", blob.title.clone(), card.title.clone()));
    }
    if covered("upvotes") {
        out.push(("upvotes", number(blob.upvotes), number(card.upvotes)));
    }
    if covered("num_comments") {
        out.push((
            "num_comments",
            number(blob.num_comments),
            number(card.num_comments),
        ));
    }
    let username = |p: &Paper| p.submitted_by.as_ref().and_then(|u| u.username.clone());
    if covered("submitted_by") || username(blob).is_some() {
        out.push(("submitted_by", username(blob), username(card)));
    }
    let org = |p: &Paper| {
        p.organization.as_ref().map(|o| {
            format!(
                "{} ({})",
                o.name.as_deref().unwrap_or("?"),
                o.fullname.as_deref().unwrap_or("?")
            )
        })
    };
    out.push(("organization", org(blob), org(card)));
    out.push((
        "github_stars",
        number(blob.github_stars),
        number(card.github_stars),
    ));
    out
}

fn number(n: Option<u32>) -> Option<String> {
    n.map(|n| n.to_string())
}

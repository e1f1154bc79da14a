//! Paper pages read from what they show, for pages whose `PaperContent` blob is missing or
//! unreadable.
//!
//! The reader follows the page's structure: the `<h1>` title, the "Published on" and
//! "Submitted by" line, the "Authors:" list, the section after `<h2>Abstract</h2>` (with the
//! AI summary box and the keyword links), the GitHub and project-page buttons, the upvote
//! button and its avatars, the "... citing this paper N" headings and the comment threads.
//! Dates the page shows without a year ("Published on Mar 14") take it from the page's full
//! dates (`<time datetime>`, the day's list it links to).

use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

use super::cards;
use super::dom::{
    self, ANCHORS, IMAGES, ReadAttr, all_elements, ancestors, anchors, canonical_or_og_url, count,
    elements_named, handle_link, image_url, is_leaf, paper_link, selector, site_path, text,
};
use super::html_scan::PageScan;
use crate::model::{
    Author, Comment, Coverage, LinkedRepos, Organization, Paper, PaperPage, Source, User,
};
use crate::normalize::{absolute_url, clean_text, parse_display_date, parse_timestamp};
use crate::{ArxivId, Error, ParseOptions, Warning, WarningKind};

/// The headings the page's sections have (`h1, h2, h3, h4`).
const HEADING_NAMES: &[&str] = &["h1", "h2", "h3", "h4"];

static TIMES: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static ALL: LazyLock<Selector> = LazyLock::new(|| selector("*"));
static PARAGRAPHS: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static PROSE: LazyLock<Selector> = LazyLock::new(|| selector("[class*=prose]"));

/// The paper page the visible content shows, or `None` when the page is not a paper page
/// (no paper id in its canonical link, or no title and abstract).
pub(crate) fn paper_page(
    html: &str,
    scan: &PageScan<'_>,
    options: &ParseOptions,
) -> Result<Option<PaperPage>, Error> {
    let doc = dom::parse_bounded(&scan.without_props(html), options.max_depth)?;
    Ok(read_page(&doc))
}

fn read_page(doc: &Html) -> Option<PaperPage> {
    let title_el = elements_named(doc, &["h1"]).next();
    let abstract_heading =
        elements_named(doc, HEADING_NAMES).find(|h| text(*h).eq_ignore_ascii_case("abstract"));
    let id = canonical_or_og_url(doc)
        .as_deref()
        .and_then(paper_link)
        .or_else(|| {
            // Without a canonical link, only a page with a title and an abstract is a paper
            // page; its id is in its arXiv links or its `arxiv:<id>` badge.
            abstract_heading?;
            title_el?;
            arxiv_id(doc)
        })?;

    let mut paper = Paper::new(id.clone());
    let mut fields = vec!["id", "url"];
    let mut warnings = Vec::new();

    paper.title = title_el.map(text).filter(|t| !t.is_empty());
    if paper.title.is_some() {
        fields.push("title");
    }

    let reference = reference_date(doc);

    let labels = Labels::find(doc);
    if let Some(published) = labels.published {
        match dated(&published, reference) {
            Some(day) => {
                paper.published_at = day.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
                fields.push("published_at");
            }
            None => warnings.push(Warning::new(
                WarningKind::InvalidValue,
                None,
                "published_at".to_owned(),
                format!(
                    "{:?} has no year and the page shows no full date to take it from; \
                     read as missing",
                    clip(&published)
                ),
            )),
        }
    }

    let submitted = labels.submitted_by.and_then(submitted_line);
    if let Some(line) = &submitted {
        paper.submitted_by = line.user.clone();
        if paper.submitted_by.is_some() {
            fields.push("submitted_by");
        }
    }
    let rank = labels.rank.map(daily_rank);
    paper.listed_on = rank.as_ref().and_then(|r| r.day).or_else(|| {
        submitted
            .as_ref()
            .and_then(|s| s.on.as_deref())
            .and_then(|on| dated(on, reference))
    });
    if paper.listed_on.is_some() {
        fields.push("listed_on");
    }
    let organization = submitter_organization(doc, submitted.as_ref());

    paper.authors = labels.authors.and_then(authors);
    if paper.authors.is_some() {
        fields.push("authors");
    }

    if let Some(section) = abstract_heading.and_then(next_element) {
        let (summary, ai_summary, keywords) = abstract_section(section);
        paper.summary = summary;
        paper.ai_summary = ai_summary;
        // The page links only the keywords it finds in the abstract's text.
        paper.ai_keywords = keywords;
        for (field, present) in [
            ("summary", paper.summary.is_some()),
            ("ai_summary", paper.ai_summary.is_some()),
            ("ai_keywords", paper.ai_keywords.is_some()),
        ] {
            if present {
                fields.push(field);
            }
        }
    }

    paper.upvotes = upvote_count(doc);
    if paper.upvotes.is_some() {
        fields.push("upvotes");
    }

    if let Some(github) = github_button(doc) {
        paper.github_repo = github.read_attr("href").and_then(absolute_url);
        let label = text(github);
        paper.github_stars = label
            .strip_prefix("GitHub")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .and_then(count);
    }
    if paper.github_repo.is_some() {
        fields.push("github_repo");
    }
    if paper.github_stars.is_some() {
        fields.push("github_stars");
    }
    paper.project_page = anchors(doc)
        .find(|a| text(*a).eq_ignore_ascii_case("project page"))
        .and_then(|a| a.read_attr("href"))
        .and_then(absolute_url);
    if paper.project_page.is_some() {
        fields.push("project_page");
    }
    paper.linked = linked_counts(doc);
    if paper.linked.is_some() {
        fields.push("linked");
    }
    paper.coverage = Some(Coverage::new(Source::VisiblePage, &fields));

    Some(PaperPage {
        paper,
        comments: comments(doc),
        upvoters: upvoters(doc),
        daily_rank: rank.and_then(|r| r.rank),
        submitter_organization: organization,
        source: Source::VisiblePage,
        warnings,
    })
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The element after `el` among its siblings.
fn next_element(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    el.next_siblings().find_map(ElementRef::wrap)
}

/// The id in the page's arXiv links (`https://arxiv.org/abs/<id>`) or its `arxiv:<id>`
/// badge.
fn arxiv_id(doc: &Html) -> Option<ArxivId> {
    let from_link = anchors(doc).find_map(|a| {
        let href = a.read_attr("href")?;
        href.contains("arxiv.org/abs/")
            .then(|| ArxivId::parse(href).ok())
            .flatten()
    });
    from_link
        .or_else(|| {
            all_elements(doc)
                .filter(|e| is_leaf(*e) || !dom::own_text(*e).is_empty())
                .find_map(|e| {
                    let own = dom::own_text(e);
                    let rest = own.strip_prefix("arxiv:")?;
                    ArxivId::parse(rest.trim()).ok()
                })
        })
        .map(|id| id.without_version())
}

/// The latest full date the page shows: its `<time datetime>` values and the day's list it
/// links to; failing those, the latest date written with its year in the page's text.
fn reference_date(doc: &Html) -> Option<NaiveDate> {
    let times = elements_named(doc, &["time"])
        .filter_map(|t| t.read_attr("datetime"))
        .filter_map(parse_timestamp)
        .map(|t| t.date_naive());
    let lists = anchors(doc)
        .filter_map(|a| a.read_attr("href"))
        .filter_map(listed_day);
    let best = times.chain(lists).max();
    best.or_else(|| {
        let any = NaiveDate::from_ymd_opt(2000, 1, 1)?;
        doc.root_element()
            .descendants()
            .filter_map(|n| match n.value() {
                Node::Text(t) => Some(&**t),
                _ => None,
            })
            .filter(|t| t.trim().len() <= 40 && t.bytes().filter(u8::is_ascii_digit).count() >= 5)
            .filter(|t| {
                t.split(|c: char| !c.is_ascii_digit())
                    .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
            })
            .filter_map(|t| parse_display_date(t, any))
            .max()
    })
}

/// The day a link to a day's list names: `/papers?date=2026-07-02`, `/papers/date/...`.
fn listed_day(href: &str) -> Option<NaiveDate> {
    match cards::period_of_url(site_path(href)?)? {
        crate::Period::Day { date } => Some(date),
        _ => None,
    }
}

/// A date shown as "Mar 14" or "Oct 4, 2026", with the year taken from `reference` when
/// it is not shown.
fn dated(shown: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let shown = shown.trim();
    let shown = shown.strip_prefix("on ").unwrap_or(shown);
    let has_year = shown
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4);
    match reference {
        Some(reference) => parse_display_date(shown, reference),
        None if has_year => parse_display_date(shown, NaiveDate::from_ymd_opt(2000, 1, 1)?),
        None => None,
    }
}

/// The elements that carry the page's labelled lines, each the first in page order whose own
/// text is the label: found in one pass that reads each element's own text once, rather than
/// one pass per label.
#[derive(Default)]
struct Labels<'a> {
    /// The "Published on Mar 14" line's text.
    published: Option<String>,
    /// "Submitted by", outside the listing cards (`article`).
    submitted_by: Option<ElementRef<'a>>,
    /// "#3 Paper of the day".
    rank: Option<ElementRef<'a>>,
    /// "Authors:".
    authors: Option<ElementRef<'a>>,
}

impl<'a> Labels<'a> {
    fn find(doc: &'a Html) -> Labels<'a> {
        let mut labels = Labels::default();
        for e in all_elements(doc) {
            let own = dom::own_text(e);
            if labels.published.is_none() && own.starts_with("Published on") && own.len() <= 60 {
                labels.published = Some(own.to_string());
            }
            if labels.submitted_by.is_none()
                && own == "Submitted by"
                && !ancestors(e).any(|a| a.value().name() == "article")
            {
                labels.submitted_by = Some(e);
            }
            if labels.rank.is_none()
                && own.starts_with('#')
                && own.ends_with("Paper of the day")
                && own.len() <= 40
            {
                labels.rank = Some(e);
            }
            if labels.authors.is_none() && own == "Authors:" {
                labels.authors = Some(e);
            }
            if labels.published.is_some()
                && labels.submitted_by.is_some()
                && labels.rank.is_some()
                && labels.authors.is_some()
            {
                break;
            }
        }
        labels
    }
}

struct Submitted {
    user: Option<User>,
    /// "on Oct 1": the day it was submitted to the list.
    on: Option<String>,
}

/// The "Submitted by <user> on Oct 1" line: the link after the "Submitted by" label.
fn submitted_line(label: ElementRef<'_>) -> Option<Submitted> {
    let line = label.parent().and_then(ElementRef::wrap)?;
    let link = line
        .select(&ANCHORS)
        .find(|a| a.read_attr("href").and_then(handle_link).is_some());
    let user = link.map(|a| User {
        username: a.read_attr("href").and_then(handle_link).map(str::to_owned),
        fullname: Some(text(a)).filter(|t| !t.is_empty()),
        avatar_url: a.select(&IMAGES).find_map(image_url),
        ..User::default()
    });
    let on = line
        .child_elements()
        .map(text)
        .find(|t| t.starts_with("on ") && t.len() <= 24);
    Some(Submitted { user, on })
}

struct Rank {
    rank: Option<u32>,
    day: Option<NaiveDate>,
}

/// "#3 Paper of the day", and the day's list it links to.
fn daily_rank(el: ElementRef<'_>) -> Rank {
    let shown = dom::own_text(el);
    let rank = shown
        .trim_start_matches('#')
        .split_whitespace()
        .next()
        .and_then(count);
    let day = ancestors(el)
        .chain(std::iter::once(el))
        .find(|a| a.value().name() == "a")
        .and_then(|a| a.read_attr("href"))
        .and_then(listed_day);
    Rank { rank, day }
}

/// The organization pill beside the submitter: a link to a one-segment path with the
/// organization's logo (its `alt` is the handle) outside the "Submitted by" link.
fn submitter_organization(doc: &Html, submitted: Option<&Submitted>) -> Option<Organization> {
    let submitter = submitted
        .and_then(|s| s.user.as_ref())
        .and_then(|u| u.username.clone());
    let pill = anchors(doc).find(|a| {
        let Some(handle) = a.read_attr("href").and_then(handle_link) else {
            return false;
        };
        Some(handle) != submitter.as_deref()
            && a.select(&IMAGES)
                .any(|img| img.read_attr("alt").is_some_and(|alt| alt.trim() == handle))
            && !ancestors(*a).any(|e| matches!(e.value().name(), "li" | "article"))
    })?;
    Some(Organization {
        name: pill
            .read_attr("href")
            .and_then(handle_link)
            .map(str::to_owned),
        fullname: Some(text(pill)).filter(|t| !t.is_empty()),
        avatar_url: pill.select(&IMAGES).find_map(image_url),
        ..Organization::default()
    })
}

/// The "Authors:" list: each item's name, and the account its link names.
fn authors(label: ElementRef<'_>) -> Option<Vec<Author>> {
    let list = label.parent().and_then(ElementRef::wrap)?;
    let mut authors = Vec::new();
    for item in list.child_elements().filter(|c| c.id() != label.id()) {
        let name = text(item);
        let name = name.trim_end_matches(',').trim();
        if name.is_empty() {
            continue;
        }
        let account = item
            .select(&ANCHORS)
            .find_map(|a| a.read_attr("href").and_then(handle_link));
        authors.push(Author {
            name: clean_text(name).into_owned(),
            user: account.map(|handle| User {
                username: Some(handle.to_owned()),
                avatar_url: item.select(&IMAGES).find_map(image_url),
                ..User::default()
            }),
            ..Author::default()
        });
    }
    (!authors.is_empty()).then_some(authors)
}

/// The section after `<h2>Abstract</h2>`: the abstract, the AI summary (the box labelled
/// "AI-generated summary") and the keywords the abstract links (`/papers?q=...`).
fn abstract_section(
    section: ElementRef<'_>,
) -> (Option<String>, Option<String>, Option<Vec<String>>) {
    let ai_box = section
        .select(&ALL)
        .find(|e| dom::own_text(*e).eq_ignore_ascii_case("AI-generated summary"))
        .and_then(|label| label.parent().and_then(ElementRef::wrap));
    let ai_summary = ai_box
        .and_then(|b| b.select(&PARAGRAPHS).next())
        .map(text)
        .filter(|t| !t.is_empty());
    let paragraphs: Vec<ElementRef<'_>> = section
        .select(&PARAGRAPHS)
        .filter(|p| !ai_box.is_some_and(|b| dom::within(*p, b)))
        .collect();
    let joined: Vec<String> = paragraphs.iter().map(|p| text(*p)).collect();
    let summary = Some(clean_text(&joined.join(" ")).into_owned()).filter(|s| !s.is_empty());
    let mut keywords: Vec<String> = Vec::new();
    for p in &paragraphs {
        for a in p.select(&ANCHORS) {
            let is_keyword = a
                .read_attr("href")
                .and_then(site_path)
                .is_some_and(|path| path.starts_with("/papers?q="));
            let word = text(a);
            if is_keyword && !word.is_empty() && !keywords.contains(&word) {
                keywords.push(word);
            }
        }
    }
    let keywords = (!keywords.is_empty()).then_some(keywords);
    (summary, ai_summary, keywords)
}

/// The count beside the upvote button's checkbox.
fn upvote_count(doc: &Html) -> Option<u32> {
    cards::upvotes(doc.root_element())
}

/// The GitHub button: a link to github.com whose text starts with "GitHub" (the stars
/// follow), outside the comments.
fn github_button(doc: &Html) -> Option<ElementRef<'_>> {
    anchors(doc).find(|a| {
        a.read_attr("href").is_some_and(cards::is_github)
            && text(*a).starts_with("GitHub")
            && !in_comment(*a)
    })
}

/// Whether `el` is inside a comment's text: an element with a `prose*` class.
fn in_comment(el: ElementRef<'_>) -> bool {
    ancestors(el).any(is_prose)
}

fn is_prose(el: ElementRef<'_>) -> bool {
    // The class list as `Element::classes` splits it, without interning each class.
    el.read_attr("class").is_some_and(|classes| {
        classes
            .split_ascii_whitespace()
            .any(|c| c.starts_with("prose"))
    })
}

/// [`in_comment`] for `el` inside `outer`, given `outer_in_comment`: whether `outer` is a
/// comment's text or inside one. Only the ancestors below `outer` are looked at, not the
/// whole path to the root again for each element of a comment.
fn in_comment_below(el: ElementRef<'_>, outer: ElementRef<'_>, outer_in_comment: bool) -> bool {
    outer_in_comment
        || ancestors(el)
            .take_while(|a| a.id() != outer.id())
            .any(is_prose)
}

/// "Models citing this paper 12", "Datasets citing this paper 2", "Spaces citing this
/// paper 5".
fn linked_counts(doc: &Html) -> Option<LinkedRepos> {
    let mut linked = LinkedRepos::default();
    for heading in elements_named(doc, HEADING_NAMES) {
        let shown = text(heading);
        for (label, slot) in [
            ("Models citing this paper", &mut linked.num_models),
            ("Datasets citing this paper", &mut linked.num_datasets),
            ("Spaces citing this paper", &mut linked.num_spaces),
        ] {
            if slot.is_none() {
                if let Some(rest) = shown.strip_prefix(label) {
                    *slot = count(rest);
                }
            }
        }
    }
    (linked != LinkedRepos::default()).then_some(linked)
}

/// The accounts shown beside the upvote button: the longest list of avatars linking to
/// accounts.
fn upvoters(doc: &Html) -> Option<Vec<User>> {
    elements_named(doc, &["ul"])
        .filter(|ul| !ancestors(*ul).any(|a| a.value().name() == "article"))
        .map(|ul| {
            ul.child_elements()
                .filter(|li| li.value().name() == "li" && li.read_attr("title").is_some())
                .filter_map(|li| {
                    let a = li
                        .select(&ANCHORS)
                        .find(|a| a.read_attr("href").and_then(handle_link).is_some())?;
                    Some(User {
                        username: a.read_attr("href").and_then(handle_link).map(str::to_owned),
                        avatar_url: li.select(&IMAGES).find_map(image_url),
                        ..User::default()
                    })
                })
                .collect::<Vec<User>>()
        })
        .max_by_key(Vec::len)
        .filter(|users| !users.is_empty())
}

/// The discussion: every element whose `id` a link inside it points to (`#<id>`) and that
/// shows a `<time datetime>`, in page order.
fn comments(doc: &Html) -> Option<Vec<Comment>> {
    let community = elements_named(doc, HEADING_NAMES)
        .find(|h| h.read_attr("id") == Some("community") || text(*h) == "Community");
    let mut comments = Vec::new();
    for el in all_elements(doc).filter(|e| e.read_attr("id").is_some()) {
        let Some(id) = el.read_attr("id") else {
            continue;
        };
        let permalink = format!("#{id}");
        let Some(link) = el
            .select(&ANCHORS)
            .find(|a| a.read_attr("href") == Some(permalink.as_str()))
        else {
            continue;
        };
        let Some(time) = link.select(&TIMES).next() else {
            continue;
        };
        comments.push(comment(el, id, time));
    }
    if comments.is_empty() && community.is_none() {
        return None;
    }
    Some(comments)
}

fn comment(el: ElementRef<'_>, id: &str, time: ElementRef<'_>) -> Comment {
    let el_in_comment = is_prose(el) || in_comment(el);
    let author = el.select(&ANCHORS).find(|a| {
        a.read_attr("href").and_then(handle_link).is_some()
            && !in_comment_below(*a, el, el_in_comment)
    });
    let mut comment = Comment {
        id: Some(id.to_owned()),
        created_at: time.read_attr("datetime").and_then(parse_timestamp),
        author: author.map(|a| User {
            username: a.read_attr("href").and_then(handle_link).map(str::to_owned),
            avatar_url: a
                .parent()
                .and_then(ElementRef::wrap)
                .and_then(|p| p.select(&IMAGES).next())
                .and_then(image_url),
            ..User::default()
        }),
        ..Comment::default()
    };
    // One pass over the comment's elements, each one's own text read once: the first
    // "This comment has been hidden" note, and whether an "edited" mark shows outside the
    // comment's text.
    let mut hidden_note = None;
    let mut edited = false;
    for e in el.descendants().skip(1).filter_map(ElementRef::wrap) {
        let own = dom::own_text(e);
        if hidden_note.is_none() && own.starts_with("This comment has been hidden") {
            hidden_note = Some(e);
        }
        if !edited && is_edited_mark(&own) && !in_comment_below(e, el, el_in_comment) {
            edited = true;
        }
    }
    if let Some(note) = hidden_note {
        let shown = dom::own_text(note);
        comment.hidden = Some(true);
        let (placeholder, reason) = match shown.split_once('(') {
            Some((before, after)) => (
                before.trim().to_owned(),
                after
                    .trim_end_matches(')')
                    .trim()
                    .strip_prefix("marked as")
                    .map(|r| r.trim().to_owned())
                    .filter(|r| !r.is_empty()),
            ),
            None => (shown.into_owned(), None),
        };
        comment.text = Some(placeholder);
        comment.hidden_reason = reason;
    } else if let Some(body) = el.select(&PROSE).next() {
        comment.hidden = Some(false);
        comment.text = Some(block_text(body)).filter(|t| !t.is_empty());
    }
    if edited {
        comment.edited = Some(true);
    }
    comment
}

/// "edited", "(edited)", "· Edited": the mark of an edited comment.
fn is_edited_mark(own_text: &str) -> bool {
    own_text
        .trim_matches(|c: char| c == '·' || c == '(' || c == ')' || c.is_whitespace())
        .eq_ignore_ascii_case("edited")
}

/// The text of rendered HTML with its line structure: a line break for `<br>`, a blank
/// line between paragraphs and other blocks, runs of spaces collapsed inside lines.
fn block_text(el: ElementRef<'_>) -> String {
    const BLOCKS: [&str; 14] = [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "pre",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
    ];
    let mut out = String::new();
    let mut stack = vec![(*el, true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => {
                for c in t.chars() {
                    out.push(if c.is_whitespace() { ' ' } else { c });
                }
            }
            Node::Element(e) => {
                let block = BLOCKS.contains(&e.name());
                if entering {
                    if e.name() == "br" {
                        out.push('\n');
                    }
                    if block {
                        out.push_str("\n\n");
                    }
                    stack.push((node, false));
                    let children: Vec<_> = node.children().collect();
                    for child in children.into_iter().rev() {
                        stack.push((child, true));
                    }
                } else if block {
                    out.push_str("\n\n");
                }
            }
            _ => {}
        }
    }
    let lines: Vec<String> = out
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut text = String::new();
    let mut blank = 0;
    for line in lines {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank >= 2 { "\n\n" } else { "\n" });
        }
        text.push_str(&line);
        blank = 0;
    }
    text
}

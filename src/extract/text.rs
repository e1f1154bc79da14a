//! Listings from text captures: a papers page copied from a browser (plain text), or turned
//! into markdown by an html-to-markdown tool or a text browser.
//!
//! Two shapes exist, told apart by the papers' titles:
//!
//! - **markdown** ([`Source::Markdown`]): every title is an `### ` heading, either a link
//!   (`### [Title](https://huggingface.co/papers/<id>)`, or `### [Title][12]` with reference
//!   numbers from a text browser) or bare (`### Title`). Everything is anchored on them.
//! - **plain text** ([`Source::Text`]): no headings. After the page's header (the subscribe
//!   banner, `Daily Papers`, the tabs, the date line) each paper is its title line followed by
//!   its abstract line, with the card's other lines around them.
//!
//! The reader works in two passes, both linear in the input. The first turns lines into tokens:
//! one per line, one per paper heading (with its continuation lines), or one per multi-line
//! `[` ... `](url)` / `][N]` block (text browsers wrap abstracts, author counts and upvotes in
//! them). Each token is page chrome, a paper heading, a piece of card metadata (submitter,
//! upvotes, author count, organization, date, GitHub link, arXiv link, thumbnail) or text. The
//! second pass groups the tokens into papers. No regular expressions: hand-written scanning.
//!
//! Card items that the site renders *above* a title (the "Submitted by" badge and username, a
//! thumbnail link, the upvote box of search results) are held for the next paper; items below
//! a title (organization, author count, date, the "Upvote" button, GitHub and arXiv links)
//! belong to the current one.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use super::{describe_start, enforce_strict, prepare};
use crate::model::{
    Coverage, Listing, Organization, Paper, Period, Source, UnidentifiedPaper, User,
};
use crate::normalize::{absolute_url, clean_text, parse_count, parse_display_date};
use crate::{ArxivId, Error, ParseOptions, Stage, Warning, WarningKind};

/// The stage of "this is not a papers capture" errors.
const DETECT: Stage = Stage::Detect;
/// The stage of errors raised while reading a capture (limits, strict mode).
const READ: Stage = Stage::Text;

/// Continuation lines a title heading may take (a long title wraps onto one or two).
const MAX_TITLE_LINES: usize = 4;
/// A text line at least this long (in chars) reads as prose: an abstract, not a title.
const PROSE_CHARS: usize = 60;
/// Longest username read after "Submitted by".
const MAX_USERNAME: usize = 96;

impl Listing {
    /// Reads a listing kept as text: a papers page (day, trending, search) copied from a
    /// browser as plain text, or converted to markdown by an html-to-markdown tool or a text
    /// browser.
    ///
    /// Every paper's title and abstract come out through [`clean_text`](crate::clean_text)
    /// (hard wraps joined, whitespace collapsed, LaTeX untouched). A paper whose capture links
    /// it (`huggingface.co/papers/<id>`, `arxiv.org/abs/<id>`, a login link naming it) goes to
    /// [`Listing::papers`]; one without any link goes to [`Listing::unidentified`], since the
    /// crate never makes an id up. Each carries a [`Coverage`](crate::Coverage) naming the
    /// fields the capture showed. Captures that show every paper twice in a row give each once.
    ///
    /// The page's date line (`Mar 14`) is kept as written in [`Listing::date_text`]. The
    /// period is [`Period::Trending`] for the trending page, [`Period::Search`] when the
    /// capture's header names a `?q=` URL, [`Period::Day`] only when the date's year is known
    /// (written, or taken from the capture's timestamp), and otherwise
    /// [`Period::Unspecified`]. Dates shown without a year ("May 30") are read only when the
    /// capture's header gives its capture date.
    ///
    /// ```
    /// use hf_papers::{Listing, Period, Source};
    ///
    /// // A markdown capture (a line starting with `#` would be hidden in this example).
    /// let heading = "### [Quiet Lanterns: A Made-Up Study](https://huggingface.co/papers/2603.01234)";
    /// let capture = format!(
    ///     "Get trending papers in your email inbox!
    /// Subscribe
    /// Daily Papers
    /// by AK and the research community
    /// Mar 14
    ///
    /// {heading}
    ///
    /// We study lanterns that make no sound, and find
    /// that they are quiet.
    ///
    /// - 3 authors
    /// [GitHub 1.2k](https://github.com/example/lanterns)
    /// "
    /// );
    /// let listing = Listing::from_text(&capture)?;
    /// assert_eq!(listing.source, Source::Markdown);
    /// assert_eq!(listing.date_text.as_deref(), Some("Mar 14"));
    /// assert_eq!(listing.period, Period::Unspecified); // no year anywhere
    /// let paper = &listing.papers[0];
    /// assert_eq!(paper.id.to_string(), "2603.01234");
    /// assert_eq!(paper.title.as_deref(), Some("Quiet Lanterns: A Made-Up Study"));
    /// assert_eq!(
    ///     paper.summary.as_deref(),
    ///     Some("We study lanterns that make no sound, and find that they are quiet.")
    /// );
    /// assert_eq!((paper.num_authors, paper.github_stars), (Some(3), Some(1200)));
    ///
    /// assert!(Listing::from_text("Just some notes about papers.").is_err());
    /// # Ok::<(), hf_papers::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NotPapers`] (stage [`Stage::Detect`]) when the input is not a papers page
    /// capture: empty, prose, HTML, JSON, or a capture with page chrome but no paper in it.
    /// [`Error::LimitExceeded`] over the input-size or paper-count limit.
    pub fn from_text(text: &str) -> Result<Listing, Error> {
        Self::from_text_with(text, &ParseOptions::default())
    }

    /// [`Listing::from_text`] with options.
    ///
    /// # Errors
    /// As [`Listing::from_text`], and [`Error::Strict`] for the first warning in strict mode
    /// (an upvote, star or author count that cannot be read, a date that cannot be read).
    pub fn from_text_with(text: &str, options: &ParseOptions) -> Result<Listing, Error> {
        let text = prepare(text, options, DETECT)?;
        if let Some(found) = other_format(text) {
            return Err(Error::NotPapers {
                stage: DETECT,
                found,
            });
        }
        if !looks_like_text_capture(text) {
            let marked = text
                .split('\n')
                .any(|line| is_page_mark(mark_text(line.trim())));
            let what = if marked {
                "a papers page capture with no paper entries"
            } else {
                "text without the marks of a papers page capture"
            };
            return Err(Error::NotPapers {
                stage: DETECT,
                found: format!("{what} ({})", describe_start(text)),
            });
        }
        let lines = split_lines(text);
        let refs = reference_definitions(&lines);
        let tokens = tokenize(&lines, &refs);
        let markdown = tokens
            .iter()
            .any(|t| matches!(t.item, Item::Heading { .. }));
        let source = if markdown {
            Source::Markdown
        } else {
            Source::Text
        };
        let content_start = if markdown {
            tokens
                .iter()
                .position(|t| matches!(t.item, Item::Heading { .. }))
                .unwrap_or(tokens.len())
        } else {
            text_header_end(&tokens).map_or(0, |i| i + 1)
        };
        // The header is everything above the first title (markdown) or abstract (plain text).
        let first_content = tokens.iter().find(|t| match &t.item {
            Item::Heading { .. } | Item::BlockText { .. } => true,
            Item::Text(text) => !markdown && is_prose(text),
            _ => false,
        });
        let header_lines_end = first_content.map_or(lines.len(), |t| t.line.saturating_sub(1));
        let header = read_header(&lines[..header_lines_end.min(lines.len())]);
        let date_text = page_date(&tokens[..content_start]);

        let mut reader = Reader {
            source,
            reference: header.captured.or(header.url_date),
            options,
            warnings: Vec::new(),
            papers: Vec::new(),
            unidentified: Vec::new(),
            held: None,
            cards: 0,
        };
        if markdown {
            reader.read_markdown(&tokens)?;
        } else {
            reader.read_plain(&tokens, content_start)?;
        }
        reader.flush()?;
        if reader.papers.is_empty() && reader.unidentified.is_empty() {
            return Err(Error::NotPapers {
                stage: DETECT,
                found: format!(
                    "a papers page capture with no paper entries ({})",
                    describe_start(text)
                ),
            });
        }

        let period = header.period(date_text.as_deref(), reader.reference);
        let mut listing = Listing::new(period, source);
        listing.date_text = date_text;
        listing.papers = reader.papers;
        listing.unidentified = reader.unidentified;
        listing.warnings = reader.warnings;
        enforce_strict(&listing.warnings, options, READ)?;
        Ok(listing)
    }
}

/// Whether `text` has the shape of a papers page kept as text: markdown paper headings that
/// link to `huggingface.co/papers/<id>`, or the page's own lines ("Daily Papers", "Trending
/// Papers", "Get trending papers in your email inbox") followed by paper blocks (an `### `
/// heading, a card line such as "Submitted by" or "3 authors", or an abstract-length line).
///
/// Cheap: one pass over the lines, stopping at the first proof. It does not check that the
/// input is not HTML or JSON; callers try those first.
pub(crate) fn looks_like_text_capture(text: &str) -> bool {
    let mut marked = false;
    for line in text.split('\n') {
        let s = line.trim();
        if s.is_empty() {
            continue;
        }
        if let Some(rest) = heading_text(s) {
            let rest = rest.trim_start();
            if rest.starts_with('[')
                && (rest.contains("huggingface.co/papers/") || rest.contains("](/papers/"))
            {
                return true;
            }
            if marked && !rest.is_empty() && !is_chrome(&clean_text(rest)) {
                return true;
            }
        }
        let mark = mark_text(s);
        if is_page_mark(mark) {
            marked = true;
            continue;
        }
        if marked {
            let body = strip_bullet(s);
            let (body, _) = strip_dot(body);
            if body == "Submitted by"
                || body == "Upvote"
                || body.starts_with("Published on ")
                || authors_count(body).is_some()
                || body.starts_with("[LINK: GitHub")
                || body.starts_with("[GitHub")
                || (s.chars().count() >= PROSE_CHARS
                    && !s.starts_with(['<', '{', '[', '#', '*', '-']))
            {
                return true;
            }
        }
    }
    false
}

// -------------------------------------------------------------------------------------------
// Telling other inputs apart
// -------------------------------------------------------------------------------------------

/// What the input is when it is HTML or JSON rather than text.
fn other_format(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some("empty input".to_owned());
    }
    match trimmed.as_bytes()[0] {
        b'{' | b'[' if serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok() => {
            Some("JSON, not a text capture; read it with Listing::from_api_json".to_owned())
        }
        b'<' => {
            let head: String = trimmed
                .chars()
                .take(4096)
                .collect::<String>()
                .to_ascii_lowercase();
            ["<!doctype", "<html", "<head", "<body", "<div", "<meta"]
                .iter()
                .any(|tag| head.contains(tag))
                .then(|| "HTML, not a text capture; read it with Listing::from_html".to_owned())
        }
        _ => None,
    }
}

// -------------------------------------------------------------------------------------------
// Lines and markdown links
// -------------------------------------------------------------------------------------------

fn split_lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// Reference definitions, when the capture kept them: markdown `[12]: https://...` and a text
/// browser's `  12. https://...` list.
fn reference_definitions<'a>(lines: &[&'a str]) -> HashMap<&'a str, &'a str> {
    let mut refs = HashMap::new();
    for line in lines {
        if let Some((key, url)) = reference_definition(line.trim()) {
            refs.entry(key).or_insert(url);
        }
    }
    refs
}

fn reference_definition(s: &str) -> Option<(&str, &str)> {
    if let Some(rest) = s.strip_prefix('[') {
        let (key, url) = rest.split_once("]:")?;
        let url = url.split_whitespace().next()?;
        return (!key.is_empty() && !key.contains(['[', ']']) && is_link_url(url))
            .then_some((key, url));
    }
    let (number, url) = s.split_once(". ")?;
    let url = url.trim();
    (!number.is_empty()
        && number.len() <= 6
        && number.bytes().all(|b| b.is_ascii_digit())
        && is_link_url(url)
        && !url.contains(char::is_whitespace))
    .then_some((number, url))
}

fn is_link_url(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with('/')
}

/// A link's target as written: a URL, or a reference number to resolve.
#[derive(Clone, Copy, Debug)]
enum Target<'a> {
    Url(&'a str),
    Ref(&'a str),
}

impl<'a> Target<'a> {
    fn resolve(self, refs: &HashMap<&'a str, &'a str>) -> Option<&'a str> {
        match self {
            Target::Url(url) => Some(url.split_whitespace().next().unwrap_or(url)),
            Target::Ref(key) => refs.get(key.trim()).copied(),
        }
    }
}

/// A piece of a markdown line.
#[derive(Debug)]
enum Seg<'a> {
    Plain(&'a str),
    /// `[text](url)` or `[text][ref]`.
    Link {
        text: &'a str,
        target: Target<'a>,
    },
    /// `[text]` with no target: an image placeholder such as `[图片：无替代文本]`.
    Bracket,
    /// `![alt](src)`.
    Image,
}

/// Splits a line into plain text, links and bracketed text, matching nested brackets.
fn segments(s: &str) -> Vec<Seg<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    if !s.contains('[') {
        out.push(Seg::Plain(s));
        return out;
    }
    let partner = bracket_partners(b);
    let (mut i, mut plain_start) = (0, 0);
    while i < b.len() {
        if b[i] != b'[' || partner[i] == usize::MAX {
            i += 1;
            continue;
        }
        let j = partner[i];
        let image = i > 0 && b[i - 1] == b'!';
        let plain_end = if image { i - 1 } else { i };
        if plain_end > plain_start {
            out.push(Seg::Plain(&s[plain_start..plain_end]));
        }
        let text = &s[i + 1..j];
        let mut end = j + 1;
        let mut target = None;
        if b.get(j + 1) == Some(&b'(') {
            if let Some(k) = paren_close(b, j + 1) {
                target = Some(Target::Url(s[j + 2..k].trim()));
                end = k + 1;
            }
        } else if b.get(j + 1) == Some(&b'[') && partner[j + 1] != usize::MAX {
            let k = partner[j + 1];
            target = Some(Target::Ref(&s[j + 2..k]));
            end = k + 1;
        }
        out.push(match (image, target) {
            (true, _) => Seg::Image,
            (false, Some(target)) => Seg::Link { text, target },
            (false, None) => Seg::Bracket,
        });
        i = end;
        plain_start = end;
    }
    if plain_start < b.len() {
        out.push(Seg::Plain(&s[plain_start..]));
    }
    out
}

/// For each `[`, the index of its matching `]` (`usize::MAX` when unmatched).
fn bracket_partners(b: &[u8]) -> Vec<usize> {
    let mut partner = vec![usize::MAX; b.len()];
    let mut stack = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'[' => stack.push(i),
            b']' => {
                if let Some(open) = stack.pop() {
                    partner[open] = i;
                }
            }
            _ => {}
        }
    }
    partner
}

/// The `)` closing the `(` at `open`, allowing nested parentheses.
fn paren_close(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the line starts with a `[` that the line does not close: a multi-line block.
fn opens_block(s: &str) -> bool {
    if !s.starts_with('[') {
        return false;
    }
    let mut depth = 0usize;
    for c in s.bytes() {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Where a line closes an open block: its first unmatched `]`, followed by nothing, a
/// `(url)` or a `[ref]` that ends the line. Returns the text before the `]` and the target.
fn block_close(s: &str) -> Option<(&str, Option<Target<'_>>)> {
    let mut depth = 0usize;
    for (i, c) in s.bytes().enumerate() {
        match c {
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b']' => {
                let rest = s[i + 1..].trim();
                let target = if rest.is_empty() {
                    None
                } else if rest.len() >= 2 && rest.starts_with('(') && rest.ends_with(')') {
                    Some(Target::Url(rest[1..rest.len() - 1].trim()))
                } else if rest.len() >= 2 && rest.starts_with('[') && rest.ends_with(']') {
                    Some(Target::Ref(&rest[1..rest.len() - 1]))
                } else {
                    return None;
                };
                return Some((&s[..i], target));
            }
            _ => {}
        }
    }
    None
}

/// The text of an `### ` heading line (exactly three `#`).
fn heading_text(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("###")?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix([' ', '\t'])
}

// -------------------------------------------------------------------------------------------
// Page chrome
// -------------------------------------------------------------------------------------------

/// Lines of the page around the papers: navigation, banner, tabs, footer.
const CHROME: &[&str] = &[
    "About",
    "Blog",
    "Buckets",
    "Buckets new",
    "Collections",
    "Community",
    "Company",
    "Daily",
    "Daily Papers",
    "Datasets",
    "Discord",
    "Docs",
    "Enterprise",
    "Enterprise Support",
    "Forum",
    "GitHub",
    "Hugging Face",
    "Hugging Face PRO",
    "Hugging Face's logo",
    "HuggingChat",
    "Inference Endpoints",
    "Inference Providers",
    "Jobs",
    "Languages",
    "Learn",
    "Load more",
    "Log In",
    "Models",
    "Monthly",
    "Next",
    "Organizations",
    "Posts",
    "Previous",
    "Pricing",
    "Privacy",
    "Search",
    "Sign Up",
    "Solutions",
    "Spaces",
    "Storage Buckets",
    "Subscribe",
    "System theme",
    "TOS",
    "Tasks",
    "Team & Enterprise",
    "Trending Papers",
    "View arXiv page",
    "Website",
    "Weekly",
    "arXiv Page",
    "new",
];

/// Chrome of the page header, after which a plain-text capture's papers start.
const HEADER_CHROME: &[&str] = &[
    "Daily",
    "Daily Papers",
    "Monthly",
    "Subscribe",
    "Trending Papers",
    "Weekly",
    "new",
];

fn is_chrome(s: &str) -> bool {
    CHROME.contains(&s) || is_banner(s) || is_byline(s)
}

fn is_header_chrome(s: &str) -> bool {
    HEADER_CHROME.contains(&s) || is_banner(s) || is_byline(s)
}

fn is_banner(s: &str) -> bool {
    s.starts_with("Get trending papers in your email inbox")
}

/// "by AK and the research community", in any of its renderings.
fn is_byline(s: &str) -> bool {
    s.starts_with("by") && s.ends_with("and the research community")
}

/// Headers that capture tools write above the page text.
fn is_capture_header(s: &str) -> bool {
    let s = s.trim_start_matches(['-', '*', ' ']);
    [
        "URL:",
        "Title:",
        "Captured",
        "Page Title:",
        "Source HTML:",
        "Source SHA256:",
        "Source URL:",
        "Generated from:",
        "Extraction:",
    ]
    .iter()
    .any(|p| s.starts_with(p))
}

/// A line reduced to what page marks are compared with: no heading hashes, bold, bullets or
/// "Page Title:" label.
fn mark_text(s: &str) -> &str {
    let s = strip_bullet(s.trim_start_matches('#').trim());
    let s = ["**Page Title:**", "Page Title:", "**Title:**", "Title:"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    s.trim().trim_matches('*').trim()
}

/// The page's own lines, which say this is a papers page.
fn is_page_mark(mark: &str) -> bool {
    mark == "Daily Papers"
        || mark == "Trending Papers"
        || mark.starts_with("Daily Papers - Hugging Face")
        || mark.starts_with("Trending Papers - Hugging Face")
        || is_banner(mark)
        || is_byline(mark)
}

fn strip_bullet(s: &str) -> &str {
    for prefix in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    s
}

/// Strips a leading middle dot (the separator before a card's date or author count).
fn strip_dot(s: &str) -> (&str, bool) {
    match s.strip_prefix('·') {
        Some(rest) => (rest.trim_start(), true),
        None => (s, false),
    }
}

// -------------------------------------------------------------------------------------------
// Tokens
// -------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
struct Org {
    fullname: String,
    name: Option<String>,
}

/// What one line (or block) of a capture is.
#[derive(Debug)]
enum Item {
    Blank,
    /// Page chrome, a capture header, an image placeholder, a bullet, a rule: nothing to read.
    /// `header` marks the page header's own lines (banner, title, tabs).
    Chrome {
        header: bool,
    },
    /// The end of what was captured (`[Content truncated]`).
    Terminal,
    /// A paper's `### ` title.
    Heading {
        title: String,
        id: Option<ArxivId>,
    },
    SubmittedBy(Option<String>),
    /// The "Upvote" button, with its count when on the same line or in the same block.
    Upvote {
        count: Option<String>,
        id: Option<ArxivId>,
    },
    /// A bare count; `boxed` when it is a whole `[` N `]` block (a search result's upvotes).
    Count {
        text: String,
        boxed: bool,
    },
    /// A lone `-`: an empty bullet (tabs, author avatars), or the site's zero in a plain-text
    /// capture's upvote box.
    Dash,
    Authors(String),
    /// A date line; `strong` when the line says it is one ("·", "Published on", after an
    /// organization), `valid` when it reads as a date.
    Date {
        org: Option<Org>,
        text: String,
        strong: bool,
        valid: bool,
    },
    Org(Org),
    Github {
        repo: Option<String>,
        stars: Option<String>,
        id: Option<ArxivId>,
    },
    Arxiv(ArxivId),
    Thumbnail(ArxivId),
    Text(String),
    /// A multi-line `[` ... `]` block of text (a text browser's abstract).
    BlockText {
        text: String,
        id: Option<ArxivId>,
    },
}

#[derive(Debug)]
struct Token {
    item: Item,
    /// 1-based line number.
    line: usize,
}

/// Turns lines into tokens, in one pass.
fn tokenize(lines: &[&str], refs: &HashMap<&str, &str>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(lines.len());
    // Lines before this index hold no block closer (a failed search looked at them).
    let mut no_closer_before = 0;
    let mut i = 0;
    while i < lines.len() {
        let s = lines[i].trim();
        let line = i + 1;
        if let Some(rest) = heading_text(s) {
            let (item, next) = heading(lines, i, rest, refs);
            tokens.push(Token { item, line });
            i = next;
            continue;
        }
        if opens_block(s) {
            let (closer, stop) = if i + 1 < no_closer_before {
                (None, no_closer_before)
            } else {
                find_block_close(lines, i + 1)
            };
            if let Some(Closer {
                end,
                before,
                target,
            }) = closer
            {
                let mut content = String::from(&s[1..]);
                for inner in &lines[i + 1..end] {
                    content.push('\n');
                    content.push_str(inner.trim());
                }
                content.push('\n');
                content.push_str(before);
                let url = target.and_then(|t| t.resolve(refs));
                tokens.push(Token {
                    item: classify_block(&content, url),
                    line,
                });
                i = end + 1;
                continue;
            }
            no_closer_before = no_closer_before.max(stop);
            if s == "[" {
                // An abstract cut off with the rest of the capture: keep what it has.
                let content: Vec<&str> = lines[i + 1..stop].iter().map(|l| l.trim()).collect();
                tokens.push(Token {
                    item: classify_block(&content.join("\n"), None),
                    line,
                });
                i = stop;
                continue;
            }
        }
        tokens.push(Token {
            item: classify(s, refs),
            line,
        });
        i += 1;
    }
    tokens
}

/// The line closing a multi-line block.
struct Closer<'a> {
    /// Its index.
    end: usize,
    /// Its text before the closing `]`.
    before: &'a str,
    target: Option<Target<'a>>,
}

/// Searches lines from `from` for the line closing a block. Returns the closer, if any, and
/// the index where the search stopped: a heading, a new `[` block, the end of the capture.
fn find_block_close<'a>(lines: &[&'a str], from: usize) -> (Option<Closer<'a>>, usize) {
    for (k, raw) in lines.iter().enumerate().skip(from) {
        let s = raw.trim();
        if heading_text(s).is_some() || s == "[" || is_terminal(s) || s.starts_with("```") {
            return (None, k);
        }
        if let Some((before, target)) = block_close(s) {
            let closer = Closer {
                end: k,
                before,
                target,
            };
            return (Some(closer), k + 1);
        }
    }
    (None, lines.len())
}

fn is_terminal(s: &str) -> bool {
    s.eq_ignore_ascii_case("[Content truncated]") || s.eq_ignore_ascii_case("[truncated]")
}

/// A paper heading and the index of the line after it (titles may wrap onto more lines).
fn heading(lines: &[&str], i: usize, first: &str, refs: &HashMap<&str, &str>) -> (Item, usize) {
    let first = first.trim();
    let mut next = i + 1;
    let (title, url) = if first.starts_with('[') {
        let mut acc = first.to_owned();
        let split = |acc: &str| {
            split_link_title(acc).map(|(t, u)| {
                let url = u.and_then(|u| u.resolve(refs)).map(str::to_owned);
                (t.to_owned(), url)
            })
        };
        let mut found = split(&acc);
        while found.is_none() && next < lines.len() && next - i <= MAX_TITLE_LINES {
            let more = lines[next].trim();
            if more.is_empty() || more == "[" {
                break;
            }
            let more = heading_text(more).unwrap_or(more).trim();
            acc.push('\n');
            acc.push_str(more);
            next += 1;
            found = split(&acc);
        }
        match found {
            Some((title, url)) => (title, url),
            None => {
                next = i + 1;
                (first.trim_start_matches('[').to_owned(), None)
            }
        }
    } else {
        let mut title = first.to_owned();
        // `### Title` wraps onto indented lines.
        while next < lines.len() && next - i <= MAX_TITLE_LINES {
            let raw = lines[next];
            if !raw.starts_with([' ', '\t']) || raw.trim().is_empty() {
                break;
            }
            title.push('\n');
            title.push_str(raw.trim());
            next += 1;
        }
        (title, None)
    };
    let cleaned = clean_text(&title);
    if cleaned.is_empty() || is_chrome(&cleaned) {
        return (Item::Chrome { header: false }, next);
    }
    let id = url.as_deref().and_then(paper_id_from_url);
    (Item::Heading { title, id }, next)
}

/// `[Title](url)` or `[Title][ref]`, possibly over several lines: the title and target.
fn split_link_title(acc: &str) -> Option<(&str, Option<Target<'_>>)> {
    let b = acc.as_bytes();
    let partner = bracket_partners(b);
    let close = partner.first().copied().filter(|&j| j != usize::MAX);
    if let Some(j) = close {
        let rest = acc[j + 1..].trim();
        if rest.is_empty() {
            return Some((&acc[1..j], None));
        }
        if rest.starts_with('(') && rest.ends_with(')') {
            return Some((
                &acc[1..j],
                Some(Target::Url(rest[1..rest.len() - 1].trim())),
            ));
        }
        if rest.starts_with('[') && rest.ends_with(']') && rest.len() >= 2 {
            return Some((&acc[1..j], Some(Target::Ref(&rest[1..rest.len() - 1]))));
        }
    }
    // Unbalanced brackets inside the title: take the last link tail.
    let end = acc.trim_end();
    if end.ends_with(')') {
        let k = end.rfind("](")?;
        return Some((
            &acc[1..k],
            Some(Target::Url(end[k + 2..end.len() - 1].trim())),
        ));
    }
    if end.ends_with(']') {
        let k = end.rfind("][")?;
        return Some((&acc[1..k], Some(Target::Ref(&end[k + 2..end.len() - 1]))));
    }
    None
}

/// What a multi-line `[` ... `]` block holds.
fn classify_block(content: &str, url: Option<&str>) -> Item {
    let c = content.trim();
    let id = url.and_then(paper_id_from_url);
    if let Some(rest) = c.strip_prefix("Upvote") {
        let rest = rest.trim();
        return Item::Upvote {
            count: (!rest.is_empty()).then(|| rest.to_owned()),
            id,
        };
    }
    if is_bare_count(c) {
        return Item::Count {
            text: c.to_owned(),
            boxed: true,
        };
    }
    if let Some(n) = authors_count(strip_bullet(c)) {
        return Item::Authors(n.to_owned());
    }
    if c.is_empty() {
        return Item::Chrome { header: false };
    }
    Item::BlockText {
        text: c.to_owned(),
        id,
    }
}

fn is_bare_count(s: &str) -> bool {
    s.len() <= 16 && !s.contains(char::is_whitespace) && parse_count(s).is_some()
}

/// `8 authors`, `1 authors`, `1 author`: the count's text.
fn authors_count(s: &str) -> Option<&str> {
    let rest = s
        .strip_suffix(" authors")
        .or_else(|| s.strip_suffix(" author"))?
        .trim();
    (rest.len() <= 16
        && rest.as_bytes().first()?.is_ascii_digit()
        && !rest.contains(char::is_whitespace))
    .then_some(rest)
}

/// Classifies one line.
fn classify(s: &str, refs: &HashMap<&str, &str>) -> Item {
    if s.is_empty() {
        return Item::Blank;
    }
    if is_terminal(s) {
        return Item::Terminal;
    }
    let mark = mark_text(s);
    if is_header_chrome(mark) {
        return Item::Chrome { header: true };
    }
    if s.starts_with("```")
        || s.starts_with("~~~")
        || s.starts_with('#')
        || is_rule(s)
        || (s.starts_with('<') && s.ends_with('>'))
        || reference_definition(s).is_some()
        || (s.starts_with("**") && s.contains(":**"))
        || is_capture_header(s)
        || matches!(s, "*" | "+" | "·" | "•")
    {
        return Item::Chrome { header: false };
    }
    if s == "-" {
        return Item::Dash;
    }
    let body = strip_bullet(s);
    let (body, dotted) = strip_dot(body);
    if body.is_empty() || is_chrome(body) {
        return Item::Chrome { header: false };
    }
    if body == "Submitted by" {
        return Item::SubmittedBy(None);
    }
    if let Some(user) = body.strip_prefix("Submitted by ") {
        return Item::SubmittedBy(username(user.trim()).map(str::to_owned));
    }
    if body == "Upvote" {
        return Item::Upvote {
            count: None,
            id: None,
        };
    }
    if let Some(count) = body.strip_prefix("Upvote ") {
        return Item::Upvote {
            count: Some(count.trim().to_owned()),
            id: None,
        };
    }
    if let Some(n) = authors_count(body) {
        return Item::Authors(n.to_owned());
    }
    // A plain-text copy of the GitHub button: `GitHub 1.2k`.
    if let Some(stars) = body.strip_prefix("GitHub ") {
        let stars = stars.trim();
        if stars.starts_with(|c: char| c.is_ascii_digit()) && !stars.contains(' ') {
            return Item::Github {
                repo: None,
                stars: Some(stars.to_owned()),
                id: None,
            };
        }
    }
    if body.contains('[') {
        if let Some(item) = classify_links(body, refs) {
            return item;
        }
    } else if let Some(url) = bare_url(body) {
        if let Some(id) = paper_id_from_url(url) {
            return Item::Arxiv(id);
        }
    }
    if let Some(item) = date_item(body, dotted, None) {
        return item;
    }
    if let Some((org, date)) = body.rsplit_once(" · ") {
        let org = org.trim();
        if !org.is_empty() && org.chars().count() < 100 && !org.contains(['[', ']']) {
            if let Some(item) = date_item(date, true, Some(plain_org(org))) {
                return item;
            }
        }
    }
    if is_bare_count(body) && !dotted {
        return Item::Count {
            text: body.to_owned(),
            boxed: false,
        };
    }
    Item::Text(s.to_owned())
}

fn is_rule(s: &str) -> bool {
    s.len() >= 3
        && (s.bytes().all(|b| b == b'-')
            || s.bytes().all(|b| b == b'=')
            || s.bytes().all(|b| b == b'_')
            || s.bytes().all(|b| b == b'*'))
}

fn bare_url(s: &str) -> Option<&str> {
    (s.starts_with("http://") || s.starts_with("https://"))
        .then_some(s)
        .filter(|s| !s.contains(char::is_whitespace))
}

fn plain_org(fullname: &str) -> Org {
    Org {
        fullname: clean_text(fullname).into_owned(),
        name: None,
    }
}

/// A line with markdown links: a GitHub or arXiv link line, a thumbnail, an organization.
fn classify_links(body: &str, refs: &HashMap<&str, &str>) -> Option<Item> {
    let segs = segments(body);
    let mut github: Option<(Option<String>, Option<String>)> = None;
    let mut arxiv: Option<ArxivId> = None;
    let mut links = 0;
    let mut only_links = true;
    for seg in &segs {
        match seg {
            Seg::Link { text, target } => {
                links += 1;
                let label = text.trim();
                let label = label.strip_prefix("LINK:").unwrap_or(label).trim();
                let url = target.resolve(refs);
                if let Some(stars) = label.strip_prefix("GitHub") {
                    if stars.is_empty() || stars.starts_with(char::is_whitespace) {
                        let repo = url
                            .filter(|u| u.contains("github.com/"))
                            .and_then(absolute_url);
                        let stars = stars.trim();
                        github = Some((repo, (!stars.is_empty()).then(|| stars.to_owned())));
                        continue;
                    }
                }
                if label == "arXiv Page" || url.is_some_and(|u| u.contains("arxiv.org/")) {
                    if let Some(id) = url.and_then(paper_id_from_url) {
                        arxiv = Some(id);
                    }
                }
            }
            Seg::Plain(p) if p.trim().is_empty() => {}
            Seg::Bracket | Seg::Image => {}
            Seg::Plain(_) => only_links = false,
        }
    }
    if let Some((repo, stars)) = github {
        return Some(Item::Github {
            repo,
            stars,
            id: arxiv,
        });
    }
    if let Some(id) = arxiv {
        if only_links {
            return Some(Item::Arxiv(id));
        }
    }
    // An organization pill: `[[avatar] Name](https://huggingface.co/org)`, perhaps followed by
    // ` · Published on Oct 4, 2026`; or a thumbnail: `[[image]](https://huggingface.co/papers/<id>)`.
    if let Some(Seg::Link { text, target }) = segs.first() {
        let url = target.resolve(refs);
        let inner = segments(text);
        let has_avatar = matches!(inner.first(), Some(Seg::Bracket | Seg::Image));
        let name: String = inner
            .iter()
            .filter_map(|s| match s {
                Seg::Plain(p) => Some(*p),
                _ => None,
            })
            .collect();
        let name = clean_text(&name).into_owned();
        if name.is_empty() && has_avatar {
            if let Some(id) = url.and_then(paper_id_from_url) {
                return Some(Item::Thumbnail(id));
            }
        }
        let rest: String = segs[1..]
            .iter()
            .filter_map(|s| match s {
                Seg::Plain(p) => Some(*p),
                _ => None,
            })
            .collect();
        let rest = rest.trim();
        let is_other_link = url.is_some_and(|u| {
            paper_id_from_url(u).is_some() || u.contains("github.com") || u.contains("arxiv.org")
        });
        if !name.is_empty() && !is_other_link {
            let org = Org {
                fullname: name,
                name: url.and_then(hub_name),
            };
            if let Some(date) = rest.strip_prefix('·') {
                if let Some(item) = date_item(date.trim(), true, Some(org.clone())) {
                    return Some(item);
                }
            }
            if has_avatar && rest.is_empty() {
                return Some(Item::Org(org));
            }
        }
    }
    if only_links && links > 0 {
        // Navigation and other links with nothing to read.
        return Some(Item::Chrome { header: false });
    }
    if only_links {
        // Only image placeholders.
        return Some(Item::Chrome { header: false });
    }
    // A date followed by a small count badge: `Mar 8, 2024 [ 6][39]`.
    if let Some(k) = body.find('[') {
        let before = body[..k].trim();
        if !before.is_empty() {
            let (before, dotted) = strip_dot(before);
            if let Some(item) = date_item(before, dotted, None) {
                if matches!(item, Item::Date { valid: true, .. }) {
                    return Some(item);
                }
            }
        }
    }
    None
}

/// The name of a user or organization from its hub URL (`https://huggingface.co/kandinskylab`).
fn hub_name(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://huggingface.co/")
        .or_else(|| url.strip_prefix("http://huggingface.co/"))
        .or_else(|| url.strip_prefix('/'))?;
    let rest = rest.split(['?', '#']).next()?.trim_end_matches('/');
    const RESERVED: &[&str] = &[
        "api",
        "blog",
        "chat",
        "collections",
        "datasets",
        "docs",
        "enterprise",
        "join",
        "learn",
        "login",
        "models",
        "organizations",
        "papers",
        "posts",
        "pricing",
        "pro",
        "settings",
        "spaces",
        "storage",
        "support",
        "tasks",
    ];
    (!rest.is_empty()
        && !rest.contains('/')
        && !RESERVED.contains(&rest)
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
    .then(|| rest.to_owned())
}

/// The arXiv id a link names: a paper page, an arXiv page, or a login link back to a paper.
fn paper_id_from_url(url: &str) -> Option<ArxivId> {
    let url = url.trim();
    if url.contains("/login") || url.contains("/join") {
        let query = url.split_once('?')?.1;
        let next = url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "next")?
            .1;
        return next
            .contains("papers/")
            .then(|| ArxivId::parse(&next).ok())
            .flatten();
    }
    let is_paper_link = url.contains("huggingface.co/papers/")
        || url.starts_with("/papers/")
        || url.contains("arxiv.org/");
    is_paper_link.then(|| ArxivId::parse(url).ok()).flatten()
}

/// A username as the "Submitted by" badge shows it.
fn username(s: &str) -> Option<&str> {
    (!s.is_empty()
        && s.len() <= MAX_USERNAME
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    .then_some(s)
}

/// A date line: `May 30`, `Mar 8, 2024`, `Published on Oct 4, 2026`, `Oct 4, 2026` after a
/// middle dot. `strong` when the context says it is a date; a strong line that does not read
/// as a date is kept (invalid) so that a warning can be raised.
fn date_item(s: &str, strong: bool, org: Option<Org>) -> Option<Item> {
    let (s, dotted) = strip_dot(s.trim());
    let (s, labeled) = match s
        .strip_prefix("Published on")
        .or_else(|| s.strip_prefix("Submitted on"))
    {
        Some(rest) => (rest.trim(), true),
        None => (s, false),
    };
    let strong = strong || dotted || labeled || org.is_some();
    let valid = date_words(s).is_some();
    if !valid && (!labeled || s.is_empty()) {
        return None;
    }
    Some(Item::Date {
        org,
        text: s.to_owned(),
        strong,
        valid,
    })
}

/// `Mon D`, `Mon D, YYYY`, `D Mon YYYY` (month names in English): whether a year is written.
fn date_words(s: &str) -> Option<bool> {
    if s.len() > 40 {
        return None;
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (a, b, year) = match words.as_slice() {
        [a, b] => (*a, *b, None),
        [a, b, y] => (*a, *b, Some(*y)),
        _ => return None,
    };
    if let Some(y) = year {
        if y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let ok = (is_month(a) && is_day(b)) || (is_day(a) && is_month(b));
    ok.then_some(year.is_some())
}

fn is_month(w: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = w.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.contains(&lower.as_str()) || FULL.contains(&lower.as_str()) || lower == "sept"
}

fn is_day(w: &str) -> bool {
    (1..=2).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// A date as shown, read when its year is known: written, or from `reference`.
fn read_date(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let has_year = date_words(text)?;
    match (has_year, reference) {
        // The reference only matters for dates without a year.
        (true, _) => parse_display_date(text, NaiveDate::from_ymd_opt(2000, 1, 1)?),
        (false, Some(reference)) => parse_display_date(text, reference),
        (false, None) => None,
    }
}

// -------------------------------------------------------------------------------------------
// The page header
// -------------------------------------------------------------------------------------------

/// What the lines above the papers say about the page.
#[derive(Debug, Default)]
struct Header {
    /// `Some(query)` when a `/papers?q=` URL names the page (`None` inside: no query text).
    search: Option<Option<String>>,
    trending: bool,
    daily: bool,
    /// The capture's own timestamp (`Captured (UTC): 2026-06-29T16:31:22Z`).
    captured: Option<NaiveDate>,
    /// A day named by a `/papers/date/YYYY-MM-DD` or `?date=` URL.
    url_date: Option<NaiveDate>,
}

impl Header {
    fn period(&self, date_text: Option<&str>, reference: Option<NaiveDate>) -> Period {
        if let Some(query) = &self.search {
            return Period::Search {
                query: query.clone(),
            };
        }
        if self.trending {
            return Period::Trending;
        }
        if self.daily {
            if let Some(date) = date_text.and_then(|d| read_date(d, reference)) {
                return Period::Day { date };
            }
        }
        Period::Unspecified
    }
}

fn read_header(lines: &[&str]) -> Header {
    let mut header = Header::default();
    for line in lines {
        let s = line.trim();
        if s.is_empty() {
            continue;
        }
        let mark = mark_text(s);
        if mark == "Trending Papers" || mark.starts_with("Trending Papers - Hugging Face") {
            header.trending = true;
        }
        if mark == "Daily Papers" || mark.starts_with("Daily Papers - Hugging Face") {
            header.daily = true;
        }
        if header.captured.is_none() && s.contains("Captured") {
            header.captured = first_iso_date(s);
        }
        for word in s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '`'))
        {
            if word.starts_with("http://") || word.starts_with("https://") {
                header.read_url(word);
            }
        }
    }
    header
}

impl Header {
    fn read_url(&mut self, url: &str) {
        let Ok(parsed) = url::Url::parse(url) else {
            return;
        };
        if !matches!(
            parsed.host_str(),
            Some("huggingface.co" | "hf.co" | "www.huggingface.co")
        ) {
            return;
        }
        let path = parsed.path().trim_end_matches('/');
        if path == "/papers/trending" {
            self.trending = true;
        }
        if let Some(day) = path.strip_prefix("/papers/date/") {
            self.url_date = self
                .url_date
                .or_else(|| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
        }
        if path == "/papers" {
            for (key, value) in parsed.query_pairs() {
                match key.as_ref() {
                    "q" if self.search.is_none() => {
                        let q = clean_text(&value).into_owned();
                        self.search = Some((!q.is_empty()).then_some(q));
                    }
                    "date" => {
                        self.url_date = self
                            .url_date
                            .or_else(|| NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok());
                    }
                    _ => {}
                }
            }
        }
    }
}

fn first_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        if shape && (i == 0 || !b[i - 1].is_ascii_digit()) {
            NaiveDate::parse_from_str(std::str::from_utf8(w).ok()?, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

/// Where a plain-text capture's header ends: its last header line (banner, title, tabs, the
/// date line after them) before the first abstract.
fn text_header_end(tokens: &[Token]) -> Option<usize> {
    let mut end = None;
    let mut after_header = false;
    for (i, token) in tokens.iter().enumerate() {
        match &token.item {
            Item::Blank | Item::Dash | Item::Chrome { header: false } => {}
            Item::Chrome { header: true } => {
                end = Some(i);
                after_header = true;
            }
            Item::Date {
                org: None,
                strong: false,
                valid: true,
                ..
            } if after_header => {
                end = Some(i);
                after_header = false;
            }
            Item::Text(t) if is_prose(t) => break,
            Item::BlockText { .. } => break,
            _ => after_header = false,
        }
    }
    end
}

/// The page's date line (`Mar 14`): the first bare date right after the header's lines.
fn page_date(tokens: &[Token]) -> Option<String> {
    let mut after_header = false;
    for token in tokens {
        match &token.item {
            Item::Blank | Item::Dash | Item::Chrome { header: false } => {}
            Item::Chrome { header: true } => after_header = true,
            Item::Date {
                org: None,
                text,
                strong: false,
                valid: true,
            } if after_header => return Some(text.clone()),
            _ => after_header = false,
        }
    }
    None
}

fn is_prose(t: &str) -> bool {
    t.chars().count() >= PROSE_CHARS || t.ends_with('.') || t.contains(". ")
}

// -------------------------------------------------------------------------------------------
// Papers
// -------------------------------------------------------------------------------------------

/// What the site renders above a title, held for the next paper.
#[derive(Debug, Default)]
struct Head {
    submitted_by: Option<String>,
    upvotes: Option<u32>,
    id: Option<ArxivId>,
    /// After "Submitted by": the next one-word line is the username.
    await_username: bool,
    /// After the submitter (plain text): a bare count is the upvotes.
    await_count: bool,
    /// After the upvotes (plain text): the next line is the title, even one like `0`.
    await_title: bool,
}

/// A paper being read.
#[derive(Debug, Default)]
struct Card {
    ordinal: usize,
    title: String,
    summary: Vec<String>,
    id: Option<ArxivId>,
    other_id: Option<ArxivId>,
    upvotes: Option<u32>,
    num_authors: Option<u32>,
    org: Option<Org>,
    submitted_by: Option<String>,
    github_repo: Option<String>,
    github_stars: Option<u32>,
    published: Option<NaiveDate>,
    /// A metadata line was read: the abstract is over.
    meta: bool,
    /// An item of the next paper was read: nothing more is this paper's text.
    closed: bool,
    /// After the "Upvote" button: the next count is the upvotes.
    await_upvotes: bool,
}

/// A finished paper, held until the next one to merge a repeat.
#[derive(Debug)]
struct Entry {
    id: Option<ArxivId>,
    title: String,
    summary: Option<String>,
    upvotes: Option<u32>,
    num_authors: Option<u32>,
    org: Option<Org>,
    submitted_by: Option<String>,
    github_repo: Option<String>,
    github_stars: Option<u32>,
    published: Option<NaiveDate>,
}

impl Entry {
    fn same_paper(&self, other: &Entry) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a.without_version() == b.without_version(),
            (None, None) => self.title == other.title && self.summary == other.summary,
            _ => false,
        }
    }

    /// Fills what this copy lacks from a repeat of the same paper.
    fn merge(&mut self, other: Entry) {
        fn fill<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        fill(&mut self.summary, other.summary);
        fill(&mut self.upvotes, other.upvotes);
        fill(&mut self.num_authors, other.num_authors);
        fill(&mut self.org, other.org);
        fill(&mut self.submitted_by, other.submitted_by);
        fill(&mut self.github_repo, other.github_repo);
        fill(&mut self.github_stars, other.github_stars);
        fill(&mut self.published, other.published);
    }
}

struct Reader<'o> {
    source: Source,
    reference: Option<NaiveDate>,
    options: &'o ParseOptions,
    warnings: Vec<Warning>,
    papers: Vec<Paper>,
    unidentified: Vec<UnidentifiedPaper>,
    held: Option<Entry>,
    /// Papers seen in the capture, repeats included: the warnings' entry index.
    cards: usize,
}

impl Reader<'_> {
    fn new_card(&mut self, title: String, id: Option<ArxivId>, head: Head) -> Card {
        let card = Card {
            ordinal: self.cards,
            title,
            id,
            other_id: head.id,
            upvotes: head.upvotes,
            submitted_by: head.submitted_by,
            ..Card::default()
        };
        self.cards += 1;
        card
    }

    fn warn(&mut self, entry: Option<usize>, line: usize, message: String) {
        self.warnings.push(Warning::new(
            WarningKind::InvalidValue,
            entry,
            format!("line {line}"),
            message,
        ));
    }

    /// A count read as shown, or a warning.
    fn count(&mut self, text: &str, what: &str, card: Option<usize>, line: usize) -> Option<u32> {
        let count = parse_count(text);
        if count.is_none() {
            self.warn(
                card,
                line,
                format!("{what} {text:?} is not a count; read as missing"),
            );
        }
        count
    }

    /// Applies a metadata item to the current paper. Returns whether it was one.
    fn apply_meta(&mut self, card: &mut Card, item: &Item, line: usize) -> bool {
        let entry = Some(card.ordinal);
        match item {
            Item::Upvote { count, id } => {
                card.meta = true;
                if card.other_id.is_none() {
                    card.other_id.clone_from(id);
                }
                match count {
                    Some(text) => {
                        if card.upvotes.is_none() {
                            card.upvotes = self.count(text, "upvote count", entry, line);
                        }
                    }
                    None => card.await_upvotes = true,
                }
            }
            Item::Authors(text) => {
                card.meta = true;
                if card.num_authors.is_none() {
                    card.num_authors = self.count(text, "author count", entry, line);
                }
            }
            Item::Date {
                org, text, valid, ..
            } => {
                card.meta = true;
                if let Some(org) = org {
                    if card.org.is_none() {
                        card.org = Some(org.clone());
                    }
                }
                if !valid {
                    self.warn(
                        entry,
                        line,
                        format!("date {text:?} cannot be read; read as missing"),
                    );
                } else if card.published.is_none() {
                    card.published = read_date(text, self.reference);
                }
            }
            Item::Org(org) => {
                card.meta = true;
                if card.org.is_none() {
                    card.org = Some(org.clone());
                }
            }
            Item::Github { repo, stars, id } => {
                card.meta = true;
                if card.github_repo.is_none() {
                    card.github_repo.clone_from(repo);
                }
                if let Some(stars) = stars {
                    if card.github_stars.is_none() {
                        card.github_stars = self.count(stars, "GitHub star count", entry, line);
                    }
                }
                if card.other_id.is_none() {
                    card.other_id.clone_from(id);
                }
            }
            Item::Arxiv(id) => {
                if card.other_id.is_none() {
                    card.other_id = Some(id.clone());
                }
            }
            _ => return false,
        }
        true
    }

    /// Reads a markdown capture: papers anchored on their `### ` headings.
    fn read_markdown(&mut self, tokens: &[Token]) -> Result<(), Error> {
        let mut head = Head::default();
        let mut card: Option<Card> = None;
        let mut in_paragraph = false;
        for token in tokens {
            let item = &token.item;
            if matches!(item, Item::Terminal) {
                break;
            }
            if let Item::Heading { title, id } = item {
                if let Some(done) = card.take() {
                    self.finish(done)?;
                }
                card = Some(self.new_card(title.clone(), id.clone(), std::mem::take(&mut head)));
                in_paragraph = false;
                continue;
            }
            let count = match item {
                Item::Count { text, .. } => Some(text.as_str()),
                Item::Dash => Some("-"),
                _ => None,
            };
            if let (Some(c), Some(text)) = (card.as_mut(), count) {
                if c.await_upvotes {
                    c.await_upvotes = false;
                    c.upvotes = self.count(text, "upvote count", Some(c.ordinal), token.line);
                    continue;
                }
            }
            // Above a title: the submitter, a thumbnail, a search result's upvote box.
            if self.read_head(&mut head, item) {
                if let Some(c) = card.as_mut() {
                    c.closed = true;
                }
                in_paragraph = false;
                continue;
            }
            let Some(c) = card.as_mut() else {
                continue; // the page header
            };
            let open = !c.meta && !c.closed;
            match item {
                Item::Text(t) if open => {
                    c.summary.push(t.clone());
                    in_paragraph = true;
                    continue;
                }
                Item::BlockText { text, id } if open => {
                    c.summary.push(text.clone());
                    if c.other_id.is_none() {
                        c.other_id.clone_from(id);
                    }
                    in_paragraph = false;
                    continue;
                }
                // A line inside an abstract that happens to look like a count or a date.
                Item::Count { text, boxed: false } if open && in_paragraph => {
                    c.summary.push(text.clone());
                    continue;
                }
                Item::Date {
                    text,
                    strong: false,
                    org: None,
                    ..
                } if open && in_paragraph => {
                    c.summary.push(text.clone());
                    continue;
                }
                other => {
                    let _ = self.apply_meta(c, other, token.line);
                }
            }
            in_paragraph = false;
        }
        if let Some(done) = card.take() {
            self.finish(done)?;
        }
        Ok(())
    }

    /// Reads an item the site renders above a title into `head`. Returns whether it was one.
    fn read_head(&mut self, head: &mut Head, item: &Item) -> bool {
        match item {
            Item::SubmittedBy(user) => {
                *head = Head {
                    id: head.id.take(),
                    upvotes: head.upvotes.take(),
                    submitted_by: user.clone(),
                    await_username: user.is_none(),
                    await_count: user.is_some(),
                    await_title: false,
                };
                true
            }
            Item::Text(t) if head.await_username => {
                head.await_username = false;
                match username(t) {
                    Some(user) => {
                        head.submitted_by = Some(user.to_owned());
                        head.await_count = true;
                        true
                    }
                    None => false,
                }
            }
            Item::Thumbnail(id) => {
                head.id = Some(id.clone());
                true
            }
            Item::Count { text, boxed: true } => {
                head.upvotes = parse_count(text);
                true
            }
            Item::Blank | Item::Chrome { .. } | Item::Dash => false,
            _ => {
                head.await_username = false;
                false
            }
        }
    }

    /// Reads a plain-text capture from `start`: each paper is a title line, then (usually) its
    /// abstract line, with the card's other lines around them.
    fn read_plain(&mut self, tokens: &[Token], start: usize) -> Result<(), Error> {
        let mut head = Head::default();
        let mut card: Option<Card> = None;
        let significant: Vec<usize> = (start..tokens.len())
            .filter(|&i| !matches!(tokens[i].item, Item::Blank | Item::Chrome { .. }))
            .collect();
        for (k, &i) in significant.iter().enumerate() {
            let token = &tokens[i];
            let item = &token.item;
            if matches!(item, Item::Terminal) {
                break;
            }
            let next_is_meta = significant.get(k + 1).is_some_and(|&n| {
                matches!(
                    tokens[n].item,
                    Item::Count { .. }
                        | Item::Authors(_)
                        | Item::Date { .. }
                        | Item::Github { .. }
                        | Item::Upvote { .. }
                        | Item::Arxiv(_)
                )
            });
            let count = match item {
                Item::Count { text, .. } => Some(text.as_str()),
                Item::Dash => Some("-"),
                _ => None,
            };
            if let Some(text) = count {
                if head.await_count {
                    head.await_count = false;
                    head.await_title = true;
                    head.upvotes = self.count(text, "upvote count", Some(self.cards), token.line);
                    continue;
                }
            }
            if self.read_head(&mut head, item) {
                if let Some(c) = card.as_mut() {
                    c.closed = true;
                }
                continue;
            }
            head.await_count = false;
            let await_title = std::mem::take(&mut head.await_title);
            let text = match item {
                Item::Text(t) => Some(t.as_str()),
                Item::BlockText { text, .. } => Some(text.as_str()),
                Item::Count { text, .. } if await_title => Some(text.as_str()),
                _ => None,
            };
            if let Some(t) = text {
                let role = match card.as_ref() {
                    Some(c) if !c.closed && !await_title => {
                        if c.summary.is_empty() && !c.meta && is_prose(t) {
                            Role::Summary
                        } else if c.org.is_none() && next_is_meta && t.chars().count() < 100 {
                            Role::Org
                        } else {
                            Role::Title
                        }
                    }
                    _ => Role::Title,
                };
                match role {
                    Role::Summary => {
                        if let Some(c) = card.as_mut() {
                            c.summary.push(t.to_owned());
                        }
                    }
                    Role::Org => {
                        if let Some(c) = card.as_mut() {
                            c.org = Some(plain_org(t));
                            c.meta = true;
                        }
                    }
                    Role::Title => {
                        if let Some(done) = card.take() {
                            self.finish_plain(done)?;
                        }
                        card = Some(self.new_card(t.to_owned(), None, std::mem::take(&mut head)));
                    }
                }
                continue;
            }
            let Some(c) = card.as_mut() else {
                continue;
            };
            if let Some(text) = count {
                if c.await_upvotes {
                    c.await_upvotes = false;
                    c.upvotes = self.count(text, "upvote count", Some(c.ordinal), token.line);
                }
                // Other bare counts (GitHub stars, comments shown by icon only) say nothing.
                continue;
            }
            let _ = self.apply_meta(c, item, token.line);
        }
        if let Some(done) = card.take() {
            self.finish_plain(done)?;
        }
        Ok(())
    }

    /// A plain-text card is a paper only if something besides its title was read: a lone
    /// line is page chrome.
    fn finish_plain(&mut self, card: Card) -> Result<(), Error> {
        let has_more = !card.summary.is_empty()
            || card.meta
            || card.upvotes.is_some()
            || card.submitted_by.is_some()
            || card.other_id.is_some();
        if has_more {
            self.finish(card)?;
        }
        Ok(())
    }

    fn finish(&mut self, card: Card) -> Result<(), Error> {
        let title = clean_text(&card.title).into_owned();
        if title.is_empty() {
            return Ok(());
        }
        let summary = clean_text(&card.summary.join("\n")).into_owned();
        let entry = Entry {
            id: card.id.or(card.other_id),
            title,
            summary: (!summary.is_empty()).then_some(summary),
            upvotes: card.upvotes,
            num_authors: card.num_authors,
            org: card.org,
            submitted_by: card.submitted_by,
            github_repo: card.github_repo,
            github_stars: card.github_stars,
            published: card.published,
        };
        match &mut self.held {
            Some(held) if held.same_paper(&entry) => {
                held.merge(entry);
                Ok(())
            }
            _ => {
                self.flush()?;
                self.held = Some(entry);
                Ok(())
            }
        }
    }

    /// Moves the held paper into the listing.
    fn flush(&mut self) -> Result<(), Error> {
        let Some(entry) = self.held.take() else {
            return Ok(());
        };
        let total = self.papers.len() + self.unidentified.len() + 1;
        if total > self.options.max_papers {
            return Err(Error::LimitExceeded {
                stage: READ,
                what: "papers in one listing",
                limit: self.options.max_papers,
                actual: total,
            });
        }
        match entry.id.clone() {
            Some(id) => self.papers.push(self.paper(id, entry)),
            None => self.unidentified.push(self.unidentified_paper(entry)),
        }
        Ok(())
    }

    fn paper(&self, id: ArxivId, e: Entry) -> Paper {
        let mut fields = vec!["id", "title"];
        let mut paper = Paper::new(id);
        paper.title = Some(e.title);
        if e.summary.is_some() {
            fields.push("summary");
        }
        paper.summary = e.summary;
        if e.num_authors.is_some() {
            fields.push("num_authors");
        }
        paper.num_authors = e.num_authors;
        if e.upvotes.is_some() {
            fields.push("upvotes");
        }
        paper.upvotes = e.upvotes;
        paper.published_at = e.published.map(|d| d.and_time(NaiveTime::MIN).and_utc());
        if paper.published_at.is_some() {
            fields.push("published_at");
        }
        paper.submitted_by = e.submitted_by.map(|username| User {
            username: Some(username),
            ..User::default()
        });
        if paper.submitted_by.is_some() {
            fields.push("submitted_by");
        }
        paper.organization = e.org.map(|org| Organization {
            name: org.name,
            fullname: Some(org.fullname),
            ..Organization::default()
        });
        if paper.organization.is_some() {
            fields.push("organization");
        }
        if e.github_repo.is_some() {
            fields.push("github_repo");
        }
        paper.github_repo = e.github_repo;
        if e.github_stars.is_some() {
            fields.push("github_stars");
        }
        paper.github_stars = e.github_stars;
        paper.coverage = Some(Coverage::new(self.source, &fields));
        paper
    }

    fn unidentified_paper(&self, e: Entry) -> UnidentifiedPaper {
        let mut fields = vec!["title"];
        let present = [
            ("summary", e.summary.is_some()),
            ("num_authors", e.num_authors.is_some()),
            ("upvotes", e.upvotes.is_some()),
            ("published_on", e.published.is_some()),
            ("submitted_by", e.submitted_by.is_some()),
            ("organization", e.org.is_some()),
            ("github_repo", e.github_repo.is_some()),
            ("github_stars", e.github_stars.is_some()),
        ];
        fields.extend(present.iter().filter(|(_, p)| *p).map(|(f, _)| *f));
        let mut paper = UnidentifiedPaper::new(e.title, Coverage::new(self.source, &fields));
        paper.summary = e.summary;
        paper.upvotes = e.upvotes;
        paper.num_authors = e.num_authors;
        paper.organization = e.org.map(|o| o.fullname);
        paper.submitted_by = e.submitted_by;
        paper.github_repo = e.github_repo;
        paper.github_stars = e.github_stars;
        paper.published_on = e.published;
        paper
    }
}

/// What a text line of a plain-text capture is.
enum Role {
    Title,
    Summary,
    Org,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_links_and_placeholders() {
        let segs =
            segments("[[img] Kandinsky Lab](https://huggingface.co/k) · Published on Oct 4, 2026");
        assert!(matches!(
            segs[0],
            Seg::Link {
                text: "[img] Kandinsky Lab",
                ..
            }
        ));
        assert!(matches!(segs[1], Seg::Plain(" · Published on Oct 4, 2026")));
        let segs = segments("Mar 8, 2024 [ 6][39]");
        assert!(matches!(
            segs[1],
            Seg::Link {
                text: " 6",
                target: Target::Ref("39")
            }
        ));
        assert!(matches!(segments("[图片：无替代文本]")[0], Seg::Bracket));
    }

    #[test]
    fn blocks_open_and_close() {
        assert!(opens_block("["));
        assert!(opens_block("[Upvote"));
        assert!(!opens_block("[GitHub 1](https://github.com/a/b)"));
        assert!(matches!(
            block_close("][33]"),
            Some(("", Some(Target::Ref("33"))))
        ));
        assert!(matches!(
            block_close("117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)"),
            Some(("117", Some(Target::Url(_))))
        ));
        assert!(block_close("an interval (0, 1] of values").is_none());
    }

    #[test]
    fn ids_from_links() {
        let id = |u: &str| paper_id_from_url(u).map(|i| i.to_string());
        assert_eq!(
            id("https://huggingface.co/login?next=%2Fpapers%2F2610.05608").as_deref(),
            Some("2610.05608")
        );
        assert_eq!(
            id("https://arxiv.org/abs/2412.20138").as_deref(),
            Some("2412.20138")
        );
        assert_eq!(
            id("/papers/2607.01234#community").as_deref(),
            Some("2607.01234")
        );
        assert_eq!(id("https://huggingface.co/login?next=%2Fpapers"), None);
        assert_eq!(id("https://github.com/a/2607.01234"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(date_words("Mar 8, 2024"), Some(true));
        assert_eq!(date_words("May 30"), Some(false));
        assert_eq!(date_words("Monthly"), None);
        assert_eq!(date_words("May 2024"), None);
        let reference = NaiveDate::from_ymd_opt(2026, 6, 29);
        assert_eq!(
            read_date("May 30", reference),
            NaiveDate::from_ymd_opt(2026, 5, 30)
        );
        assert_eq!(read_date("May 30", None), None);
        assert_eq!(
            read_date("Oct 4, 2026", None),
            NaiveDate::from_ymd_opt(2026, 10, 4)
        );
    }

    #[test]
    fn detection() {
        assert!(!looks_like_text_capture(""));
        assert!(!looks_like_text_capture(
            "Daily Papers are great.\nI read them."
        ));
        assert!(looks_like_text_capture(
            "### [A Title](https://huggingface.co/papers/2607.01234)\n"
        ));
        assert!(looks_like_text_capture(
            "Daily Papers\nMar 14\nSubmitted by\nsomeone\n"
        ));
    }
}

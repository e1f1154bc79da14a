//! Tokens: one per line, paper heading or multi-line link block, each classified.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Org {
    pub(super) fullname: String,
    pub(super) name: Option<String>,
}

/// What one line (or block) of a capture is.
#[derive(Debug)]
pub(super) enum Item {
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
pub(super) struct Token {
    pub(super) item: Item,
    /// 1-based line number.
    pub(super) line: usize,
}

/// Turns lines into tokens, in one pass.
pub(super) fn tokenize(lines: &[&str], refs: &HashMap<&str, &str>) -> Vec<Token> {
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
pub(super) struct Closer<'a> {
    /// Its index.
    pub(super) end: usize,
    /// Its text before the closing `]`.
    pub(super) before: &'a str,
    pub(super) target: Option<Target<'a>>,
}

/// Searches lines from `from` for the line closing a block. Returns the closer, if any, and
/// the index where the search stopped: a heading, a new `[` block, the end of the capture.
pub(super) fn find_block_close<'a>(lines: &[&'a str], from: usize) -> (Option<Closer<'a>>, usize) {
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

pub(super) fn is_terminal(s: &str) -> bool {
    s.eq_ignore_ascii_case("[Content truncated]") || s.eq_ignore_ascii_case("[truncated]")
}

/// A paper heading and the index of the line after it (titles may wrap onto more lines).
pub(super) fn heading(
    lines: &[&str],
    i: usize,
    first: &str,
    refs: &HashMap<&str, &str>,
) -> (Item, usize) {
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
pub(super) fn split_link_title(acc: &str) -> Option<(&str, Option<Target<'_>>)> {
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
pub(super) fn classify_block(content: &str, url: Option<&str>) -> Item {
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

pub(super) fn is_bare_count(s: &str) -> bool {
    s.len() <= 16 && !s.contains(char::is_whitespace) && parse_count(s).is_some()
}

/// `8 authors`, `1 authors`, `1 author`: the count's text.
pub(super) fn authors_count(s: &str) -> Option<&str> {
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
pub(super) fn classify(s: &str, refs: &HashMap<&str, &str>) -> Item {
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

pub(super) fn is_rule(s: &str) -> bool {
    s.len() >= 3
        && (s.bytes().all(|b| b == b'-')
            || s.bytes().all(|b| b == b'=')
            || s.bytes().all(|b| b == b'_')
            || s.bytes().all(|b| b == b'*'))
}

pub(super) fn bare_url(s: &str) -> Option<&str> {
    (s.starts_with("http://") || s.starts_with("https://"))
        .then_some(s)
        .filter(|s| !s.contains(char::is_whitespace))
}

pub(super) fn plain_org(fullname: &str) -> Org {
    Org {
        fullname: clean_text(fullname).into_owned(),
        name: None,
    }
}

/// A line with markdown links: a GitHub or arXiv link line, a thumbnail, an organization.
pub(super) fn classify_links(body: &str, refs: &HashMap<&str, &str>) -> Option<Item> {
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
pub(super) fn hub_name(url: &str) -> Option<String> {
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
pub(super) fn paper_id_from_url(url: &str) -> Option<ArxivId> {
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
pub(super) fn username(s: &str) -> Option<&str> {
    (!s.is_empty()
        && s.len() <= MAX_USERNAME
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    .then_some(s)
}

/// A date line: `May 30`, `Mar 8, 2024`, `Published on Oct 4, 2026`, `Oct 4, 2026` after a
/// middle dot. `strong` when the context says it is a date; a strong line that does not read
/// as a date is kept (invalid) so that a warning can be raised.
pub(super) fn date_item(s: &str, strong: bool, org: Option<Org>) -> Option<Item> {
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
pub(super) fn date_words(s: &str) -> Option<bool> {
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

pub(super) fn is_month(w: &str) -> bool {
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

pub(super) fn is_day(w: &str) -> bool {
    (1..=2).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// A date as shown, read when its year is known: written, or from `reference`.
pub(super) fn read_date(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let has_year = date_words(text)?;
    match (has_year, reference) {
        // The reference only matters for dates without a year.
        (true, _) => parse_display_date(text, NaiveDate::from_ymd_opt(2000, 1, 1)?),
        (false, Some(reference)) => parse_display_date(text, reference),
        (false, None) => None,
    }
}

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

mod chrome;
mod header;
mod lines;
mod papers;
mod tokens;

use self::{chrome::*, header::*, lines::*, papers::*, tokens::*};

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

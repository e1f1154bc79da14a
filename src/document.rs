//! The front door: one function for any input the crate reads.

use serde::{Deserialize, Serialize};

use crate::extract::html_scan;
use crate::extract::listing::listing_from_scan;
use crate::extract::paper::paper_page_from_scan;
use crate::extract::text::looks_like_text_capture;
use crate::extract::{describe_start, json, prepare};
use crate::wire::listing::WireListing;
use crate::{Error, Listing, PaperPage, ParseOptions, Stage, Warning, WarningKind};

/// Any record the crate reads: what [`parse`] returns.
///
/// Serialized as the record itself, without a tag: a listing is an object with `papers`, a
/// paper page an object with `paper`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Document {
    /// A list of papers: a listing page or an `/api/daily_papers` or search response.
    Listing(Listing),
    /// One paper: a paper page or an `/api/papers/<id>` response.
    Paper(Box<PaperPage>),
}

/// The kinds of input [`parse`] tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputKind {
    /// A listing page's HTML (day, week, month, trending, search).
    ListingHtml,
    /// A paper page's HTML.
    PaperHtml,
    /// A JSON array of papers (`/api/daily_papers`, `/api/papers/search`).
    ListingJson,
    /// A JSON object holding a list of papers (a saved hydration blob, say).
    ListingObjectJson,
    /// A single paper object (`/api/papers/<id>`).
    PaperJson,
    /// A listing kept as text or markdown.
    TextCapture,
}

/// Reads any supported input, telling its kind from its content.
///
/// A page is a listing or a paper page by its first data blob (the `DailyPapers` or
/// `PaperContent` hydration element); a page without one is read from what it shows.
///
/// ```
/// use hf_papers::{parse, Document};
/// match parse(r#"[{"paper": {"id": "2607.01234"}}]"#)? {
///     Document::Listing(listing) => assert_eq!(listing.papers.len(), 1),
///     other => panic!("unexpected {other:?}"),
/// }
/// let err = parse("hello").unwrap_err();
/// assert!(err.to_string().contains("not a papers page"));
/// # Ok::<(), hf_papers::Error>(())
/// ```
///
/// # Errors
/// [`Error::NotPapers`] naming what the input looked like when it is none of the supported
/// kinds, and otherwise the errors of the matching extractor.
pub fn parse(input: &str) -> Result<Document, Error> {
    parse_with(input, &ParseOptions::default())
}

/// [`parse`] with options.
///
/// # Errors
/// As [`parse`], and [`Error::Strict`] for the first warning in strict mode.
pub fn parse_with(input: &str, options: &ParseOptions) -> Result<Document, Error> {
    let input = prepare(input, options, Stage::Detect)?;
    let structured = match input.trim_start().as_bytes().first() {
        Some(b'<') => parse_html(input, options),
        Some(b'[' | b'{') => parse_json(input, options),
        _ => Err(Error::NotPapers {
            stage: Stage::Detect,
            found: describe_start(input),
        }),
    };
    match structured {
        // Neither a papers page nor JSON: a text or markdown capture (some start with `<a id>`
        // or `[` link text), if it has the marks of one.
        Err(Error::NotPapers { .. } | Error::Json { .. }) if looks_like_text_capture(input) => {
            Listing::from_text_with(input, options).map(Document::Listing)
        }
        other => other,
    }
}

fn parse_html(input: &str, options: &ParseOptions) -> Result<Document, Error> {
    let scan = html_scan::scan(input);
    if scan.hydrater("PaperContent").is_some() {
        return paper_page_from_scan(input, &scan, options).map(|p| Document::Paper(Box::new(p)));
    }
    if scan.hydrater("DailyPapers").is_none() && is_paper_page(&scan, input) {
        // No listing blob, and the page says it is a paper's: read what it shows.
        if let Ok(page) = paper_page_from_scan(input, &scan, options) {
            return Ok(Document::Paper(Box::new(page)));
        }
    }
    // A listing page (from its blob, or its cards when the blob is gone); failing that, a
    // paper page read from what it shows.
    match listing_from_scan(input, &scan, options) {
        Err(not_a_listing @ Error::NotPapers { .. }) if scan.hydrater("DailyPapers").is_none() => {
            // The listing reader's error says best what the page is, if it is no paper page.
            paper_page_from_scan(input, &scan, options)
                .map(|p| Document::Paper(Box::new(p)))
                .map_err(|_| not_a_listing)
        }
        other => other.map(Document::Listing),
    }
}

/// Whether a page without its blob is a paper page rather than a listing, told without a
/// tree (so that only one is built): its canonical link names a paper, or it has no paper
/// cards (`<article>` elements) at all.
fn is_paper_page(scan: &html_scan::PageScan<'_>, input: &str) -> bool {
    match scan.canonical {
        Some(c) => c.value.parse::<crate::ArxivId>().is_ok(),
        None => {
            memchr::memmem::find(input.as_bytes(), b"<article").is_none()
                && memchr::memmem::find(input.as_bytes(), b"<ARTICLE").is_none()
        }
    }
}

fn parse_json(input: &str, options: &ParseOptions) -> Result<Document, Error> {
    if input.trim_start().starts_with('[') {
        return Listing::from_api_json_with(input, options).map(Document::Listing);
    }
    let probe: WireListing<'_> = json::from_str(input, Stage::ApiJson, None, options)?;
    let holds_list = probe.daily_papers.is_present() || probe.search_results.is_present();
    if !holds_list && probe.id.is_present() {
        PaperPage::from_api_json_with(input, options).map(|p| Document::Paper(Box::new(p)))
    } else {
        Listing::from_api_json_with(input, options).map(Document::Listing)
    }
}

/// Reads any supported input given as bytes, such as a file read from disk.
///
/// A UTF-8 byte-order mark is skipped. Bytes that are not valid UTF-8 are replaced with
/// U+FFFD and the rest is read as usual: the record then carries a warning
/// ([`WarningKind::InvalidUtf8`](crate::WarningKind::InvalidUtf8)) that says where the first
/// bad byte was, and strict mode makes that an error. UTF-16 text is refused with an error
/// that says so.
///
/// ```
/// let mut bytes = br#"[{"paper": {"id": "2607.01234", "title": "Caf"#.to_vec();
/// bytes.push(0xE9); // Latin-1, not UTF-8
/// bytes.extend_from_slice(br#""}}]"#);
/// let hf_papers::Document::Listing(listing) = hf_papers::parse_bytes(&bytes)? else { panic!() };
/// assert_eq!(listing.papers[0].title.as_deref(), Some("Caf\u{fffd}"));
/// assert_eq!(listing.warnings[0].kind, hf_papers::WarningKind::InvalidUtf8);
/// # Ok::<(), hf_papers::Error>(())
/// ```
///
/// # Errors
/// As [`parse`], and [`Error::NotPapers`] for UTF-16 input.
pub fn parse_bytes(input: &[u8]) -> Result<Document, Error> {
    parse_bytes_with(input, &ParseOptions::default())
}

/// [`parse_bytes`] with options.
///
/// # Errors
/// As [`parse_bytes`], and [`Error::Strict`] for the first warning in strict mode.
pub fn parse_bytes_with(input: &[u8], options: &ParseOptions) -> Result<Document, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::LimitExceeded {
            stage: Stage::Detect,
            what: "input size in bytes",
            limit: options.max_input_bytes,
            actual: input.len(),
        });
    }
    if input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::NotPapers {
            stage: Stage::Detect,
            found: "UTF-16 text; convert it to UTF-8 first".to_owned(),
        });
    }
    match std::str::from_utf8(input) {
        Ok(text) => parse_with(text, options),
        Err(err) => {
            let at = err.valid_up_to();
            let warning = Warning::new(
                WarningKind::InvalidUtf8,
                None,
                String::new(),
                format!("the input is not valid UTF-8 from byte {at}; bad bytes were replaced"),
            );
            if options.strict {
                return Err(Error::Strict {
                    stage: Stage::Detect,
                    warning,
                });
            }
            let text = String::from_utf8_lossy(input);
            let mut document = parse_with(&text, options)?;
            match &mut document {
                Document::Listing(listing) => listing.warnings.insert(0, warning),
                Document::Paper(page) => page.warnings.insert(0, warning),
            }
            Ok(document)
        }
    }
}

/// Tells the kind of an input without parsing it fully; `None` when it is none of them.
///
/// ```
/// use hf_papers::{detect, InputKind};
/// assert_eq!(detect("[]"), Some(InputKind::ListingJson));
/// assert_eq!(detect(r#"{"id": "2607.01234"}"#), Some(InputKind::PaperJson));
/// assert_eq!(detect("plain text"), None);
/// ```
pub fn detect(input: &str) -> Option<InputKind> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    match input.trim_start().as_bytes().first()? {
        b'<' => {
            let scan = html_scan::scan(input);
            if scan.hydrater("DailyPapers").is_some() {
                Some(InputKind::ListingHtml)
            } else if scan.hydrater("PaperContent").is_some() {
                Some(InputKind::PaperHtml)
            } else if is_paper_page(&scan, input) {
                // A paper page without its blob: read from what it shows.
                scan.canonical.is_some().then_some(InputKind::PaperHtml)
            } else {
                // A listing page without its blob: read from its cards.
                Some(InputKind::ListingHtml)
            }
        }
        b'[' if serde_json::from_str::<serde::de::IgnoredAny>(input).is_ok() => {
            Some(InputKind::ListingJson)
        }
        b'{' => {
            let probe: WireListing<'_> = serde_json::from_str(input).ok()?;
            if probe.daily_papers.is_present() || probe.search_results.is_present() {
                Some(InputKind::ListingObjectJson)
            } else if probe.id.is_present() {
                Some(InputKind::PaperJson)
            } else {
                None
            }
        }
        _ => None,
    }
    .or_else(|| looks_like_text_capture(input).then_some(InputKind::TextCapture))
}

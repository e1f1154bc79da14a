//! Listings from a page's `DailyPapers` blob and from API arrays.

use chrono::NaiveDate;

use super::html_scan::{self, Hydrater, PageScan};
use super::map::{At, Mapper, article};
use super::{cards, dom};
use super::{describe_start, enforce_strict, entities, json, prepare, props_json};
use crate::model::{Listing, Month, Period, Source, Week};
use crate::wire::lenient::Field;
use crate::wire::listing::WireListing;
use crate::wire::paper::WirePaper;
use crate::{Error, ParseOptions, Stage, Warning, WarningKind};

impl Listing {
    /// Reads a saved listing page: day, week, month, trending or search.
    ///
    /// The papers come from the page's `DailyPapers` hydration blob, found wherever it is in
    /// the page, with any attribute order or quote style.
    ///
    /// ```
    /// let page = r#"<div data-target="DailyPapers" data-props="{&quot;dateString&quot;:&quot;2026-07-02&quot;,&quot;periodType&quot;:&quot;day&quot;,&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2607.01234&quot;,&quot;title&quot;:&quot;A Made-Up Paper&quot;,&quot;upvotes&quot;:3}}]}"></div>"#;
    /// let listing = hf_papers::Listing::from_html(page)?;
    /// assert_eq!(listing.papers[0].id.to_string(), "2607.01234");
    /// assert_eq!(listing.papers[0].upvotes, Some(3));
    /// # Ok::<(), hf_papers::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NotPapers`] when the page has no `DailyPapers` element (a paper page, another
    /// site's page, not HTML), [`Error::Json`] when the blob's JSON is malformed,
    /// [`Error::LimitExceeded`] over a limit.
    pub fn from_html(html: &str) -> Result<Listing, Error> {
        Self::from_html_with(html, &ParseOptions::default())
    }

    /// [`Listing::from_html`] with options.
    ///
    /// # Errors
    /// As [`Listing::from_html`], and [`Error::Strict`] for the first warning in strict mode.
    pub fn from_html_with(html: &str, options: &ParseOptions) -> Result<Listing, Error> {
        let html = prepare(html, options, Stage::Html)?;
        let scan = html_scan::scan(html);
        listing_from_scan(html, &scan, options)
    }

    /// Reads an API response: `/api/daily_papers` (any date, week, month, sort or page) or
    /// `/api/papers/search`, in every shape seen since 2024 (entries with a nested `paper`,
    /// or flat paper objects).
    ///
    /// ```
    /// let json = r#"[{"paper": {"id": "2607.01234", "title": "A Made-Up Paper",
    ///     "submittedOnDailyAt": "2026-07-02T00:00:00.000Z"}, "publishedAt": "2026-06-30T20:00:00.000Z",
    ///     "numComments": 2}]"#;
    /// let listing = hf_papers::Listing::from_api_json(json)?;
    /// let paper = &listing.papers[0];
    /// assert_eq!(paper.listed_on.unwrap().to_string(), "2026-07-02"); // not the outer publishedAt
    /// assert_eq!(paper.num_comments, Some(2));
    /// # Ok::<(), hf_papers::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NotPapers`] for input that is not such a response (HTML, a single paper
    /// object, another JSON document), [`Error::Json`] for malformed JSON,
    /// [`Error::LimitExceeded`] over a limit.
    pub fn from_api_json(json: &str) -> Result<Listing, Error> {
        Self::from_api_json_with(json, &ParseOptions::default())
    }

    /// [`Listing::from_api_json`] with options.
    ///
    /// # Errors
    /// As [`Listing::from_api_json`], and [`Error::Strict`] for the first warning in strict
    /// mode.
    pub fn from_api_json_with(json: &str, options: &ParseOptions) -> Result<Listing, Error> {
        let json = prepare(json, options, Stage::ApiJson)?;
        match json.trim_start().as_bytes().first() {
            Some(b'[') => {
                let mut broken = None;
                // Read as a lenient list, whose entries are read in place.
                let entries: Vec<Field<WirePaper<'_>>> =
                    match json::from_str(json, Stage::ApiJson, None, options) {
                        Ok(Field::Value(entries)) => entries,
                        // Never for input that starts with `[`.
                        Ok(_) => {
                            return Err(Error::NotPapers {
                                stage: Stage::ApiJson,
                                found: describe_start(json),
                            });
                        }
                        // A cut or damaged response: keep the entries before the break. A
                        // limit hit stays an error.
                        Err(error @ Error::Json { .. }) if !options.strict => {
                            match json::salvage_array(json, Stage::ApiJson, options) {
                                Some(salvaged) if !salvaged.items.is_empty() => {
                                    broken = Some(salvaged.error);
                                    salvaged.items
                                }
                                _ => return Err(error),
                            }
                        }
                        Err(error) => return Err(error),
                    };
                let mut listing = Listing::new(Period::Unspecified, Source::ApiJson);
                if let Some(error) = broken {
                    listing.warnings.push(crate::Warning::new(
                        WarningKind::TruncatedInput,
                        None,
                        String::new(),
                        format!(
                            "the JSON breaks ({error}); the {} entries before the break were read, anything after it is lost",
                            entries.len()
                        ),
                    ));
                }
                if entries.iter().any(is_search_result) {
                    listing.period = Period::Search { query: None };
                }
                map_entries(
                    &mut listing,
                    &entries,
                    At::root(""),
                    options,
                    Stage::ApiJson,
                )?;
                enforce_strict(&listing.warnings, options, Stage::ApiJson)?;
                Ok(listing)
            }
            Some(b'{') => {
                let wire: WireListing<'_> = json::from_str(json, Stage::ApiJson, None, options)?;
                from_wire(&wire, Source::ApiJson, Stage::ApiJson, options)
            }
            Some(b'<') => Err(Error::NotPapers {
                stage: Stage::ApiJson,
                found: "HTML; read it with Listing::from_html".to_owned(),
            }),
            _ => Err(Error::NotPapers {
                stage: Stage::ApiJson,
                found: describe_start(json),
            }),
        }
    }
}

/// Search results carry highlights; 2024 ones are flat papers with no `paper` key.
fn is_search_result(entry: &Field<WirePaper<'_>>) -> bool {
    entry.value().is_some_and(|e| {
        e.highlighted_title.is_present()
            || e.highlighted_summary.is_present()
            || (!e.paper.is_present() && e.id.is_present())
    })
}

/// The listing in a scanned page.
pub(crate) fn listing_from_scan(
    html: &str,
    scan: &PageScan<'_>,
    options: &ParseOptions,
) -> Result<Listing, Error> {
    let canonical = scan
        .canonical
        .map(|c| entities::decode(c.value).trim().to_owned())
        .filter(|c| !c.is_empty());
    let Some(hydrater) = scan.hydrater("DailyPapers") else {
        // A page cut inside its blob: the papers before the cut are whole.
        if let Some(cut) = scan
            .cut_hydrater
            .as_ref()
            .filter(|h| h.target == "DailyPapers" && !options.strict)
        {
            if let Some(listing) = listing_from_cut_blob(html, cut, options)? {
                return Ok(listing);
            }
        }
        // No blob: read the visible cards, if the page has any.
        if scan.hydrater("PaperContent").is_some() || scan.tags == 0 {
            return Err(not_a_listing_page(html, scan));
        }
        return match cards::listing(html, scan, canonical, options)? {
            Some(listing) => {
                enforce_strict(&listing.warnings, options, Stage::Html)?;
                Ok(listing)
            }
            None => Err(not_a_listing_page(html, scan)),
        };
    };
    let from_blob = || -> Result<Listing, Error> {
        let Some(props) = hydrater.props else {
            return Err(Error::Html {
                stage: Stage::Html,
                offset: 0,
                message: "the DailyPapers element has no data-props attribute".to_owned(),
            });
        };
        let mut decoded = None;
        let wire: WireListing<'_> = props_json::read_blob(props, options, &mut decoded)?;
        from_wire(&wire, Source::HydrationBlob, Stage::HydrationBlob, options)
    };
    match from_blob() {
        Ok(mut listing) => {
            listing.canonical_url = canonical;
            if options.cross_check && cards::mentions_article(html) {
                let doc = dom::parse_bounded(&scan.without_props(html), options.max_depth)?;
                let shown = cards::read_cards(&doc);
                listing
                    .warnings
                    .extend(cards::cross_check(&listing.papers, &shown));
                enforce_strict(&listing.warnings, options, Stage::Html)?;
            }
            Ok(listing)
        }
        // A blob that is there but cannot be read (no data-props, broken JSON, not a list of
        // papers): the cards still show the papers. Strict mode keeps the blob's error.
        Err(err @ (Error::Html { .. } | Error::Json { .. } | Error::NotPapers { .. }))
            if !options.strict =>
        {
            match cards::listing(html, scan, canonical, options)? {
                Some(mut listing) => {
                    listing.warnings.insert(
                        0,
                        Warning::new(
                            WarningKind::BlobUnreadable,
                            None,
                            String::new(),
                            format!(
                                "the DailyPapers data blob could not be read ({err}); \
                                 read the visible cards instead"
                            ),
                        ),
                    );
                    Ok(listing)
                }
                // No cards either: the entries before the break.
                None => match listing_from_broken_blob(hydrater, &err, options)? {
                    Some(listing) => Ok(listing),
                    None => Err(err),
                },
            }
        }
        Err(err) => Err(err),
    }
}

/// The listing in a blob the page ends inside of, from its complete part; `None` when no
/// part of it is complete.
fn listing_from_cut_blob(
    html: &str,
    cut: &Hydrater<'_>,
    options: &ParseOptions,
) -> Result<Option<Listing>, Error> {
    let Some(props) = cut.props else {
        return Ok(None);
    };
    let decoded = entities::decode(props.value);
    let Some((mut listing, kept)) = listing_from_json_prefix(&decoded, props.offset, options)?
    else {
        return Ok(None);
    };
    listing.warnings.insert(
        0,
        Warning::new(
            WarningKind::TruncatedInput,
            None,
            String::new(),
            format!(
                "the page ends inside the DailyPapers data blob (it starts at byte {}, the \
                 page ends at byte {}); the {} papers complete before the cut were read, \
                 anything after them is lost ({kept} bytes of JSON kept)",
                props.offset,
                html.len(),
                listing.papers.len(),
            ),
        ),
    );
    Ok(Some(listing))
}

/// The listing in the part of a blob before the place its JSON breaks (a stray character in
/// one entry), for a page with no cards to fall back on; `None` when nothing before the
/// break is whole.
fn listing_from_broken_blob(
    hydrater: &Hydrater<'_>,
    broken: &Error,
    options: &ParseOptions,
) -> Result<Option<Listing>, Error> {
    let (Some(props), Error::Json { line, column, .. }) = (hydrater.props, broken) else {
        return Ok(None);
    };
    let decoded = entities::decode(props.value);
    // serde_json counts lines from 1 and columns in bytes from 1.
    let line_start: usize = decoded
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(decoded.len());
    while !decoded.is_char_boundary(at) {
        at -= 1;
    }
    let Some((mut listing, _)) = listing_from_json_prefix(&decoded[..at], props.offset, options)?
    else {
        return Ok(None);
    };
    listing.warnings.insert(
        0,
        Warning::new(
            WarningKind::BlobUnreadable,
            None,
            String::new(),
            format!(
                "the DailyPapers data blob breaks ({broken}) and the page shows no cards; \
                 the {} papers before the break were read, anything after it is lost",
                listing.papers.len()
            ),
        ),
    );
    Ok(Some(listing))
}

/// The listing in `json`, a blob object cut short, closed after its last whole part, with
/// the number of bytes kept; `None` when no part of it is whole or it holds no list.
fn listing_from_json_prefix(
    json: &str,
    offset: usize,
    options: &ParseOptions,
) -> Result<Option<(Listing, usize)>, Error> {
    let Some(closed) = json::close_cut_object(json) else {
        return Ok(None);
    };
    let wire: WireListing<'_> =
        match json::from_str(&closed.json, Stage::HydrationBlob, Some(offset), options) {
            Ok(wire) => wire,
            Err(Error::Json { .. }) => return Ok(None),
            Err(err) => return Err(err),
        };
    if !wire.daily_papers.is_present() && !wire.search_results.is_present() {
        return Ok(None);
    }
    let listing = from_wire(&wire, Source::HydrationBlob, Stage::HydrationBlob, options)?;
    Ok(Some((listing, closed.kept)))
}

fn not_a_listing_page(html: &str, scan: &PageScan<'_>) -> Error {
    let found = if scan.hydrater("PaperContent").is_some() {
        "a paper page (PaperContent); read it with PaperPage::from_html".to_owned()
    } else if let Some(offset) = scan.unterminated_at {
        return Error::Html {
            stage: Stage::Html,
            offset,
            message: "an attribute value is not terminated: the page is truncated".to_owned(),
        };
    } else if scan.tags == 0 {
        format!("not HTML: {}", describe_start(html))
    } else if scan.hydraters.is_empty() {
        "HTML without a DailyPapers element (no hydration data at all)".to_owned()
    } else {
        let targets: Vec<&str> = scan
            .hydraters
            .iter()
            .map(|h| h.target.as_str())
            .take(8)
            .collect();
        format!(
            "HTML without a DailyPapers element (hydration targets: {})",
            targets.join(", ")
        )
    };
    Error::NotPapers {
        stage: Stage::Html,
        found,
    }
}

/// A listing from the object around the list (the blob, or a saved JSON object).
fn from_wire(
    wire: &WireListing<'_>,
    source: Source,
    stage: Stage,
    options: &ParseOptions,
) -> Result<Listing, Error> {
    let mut listing = Listing::new(Period::Unspecified, source);
    let mut mapper = Mapper::with_options(&mut listing.warnings, options);
    let query = wire
        .query
        .value()
        .and_then(|q| q.q.value())
        .map(|q| q.trim().to_owned());
    let searching =
        wire.search_results.is_present() || query.as_deref().is_some_and(|q| !q.is_empty());

    let (list, list_key) = if searching && wire.search_results.is_present() {
        (&wire.search_results, "searchResults")
    } else {
        (&wire.daily_papers, "dailyPapers")
    };
    let Field::Value(entries) = list else {
        return Err(not_a_listing_object(wire, stage, list));
    };

    let kind = wire.period_type.value().map(|s| s.trim());
    listing.period = if wire.is_trending.value() == Some(&true) {
        Period::Trending
    } else if searching {
        Period::Search { query }
    } else {
        match wire.date_string.value() {
            Some(date) => read_period(kind, date.trim(), "dateString", &mut mapper),
            None => {
                if kind.is_some() {
                    mapper.warn(
                        WarningKind::UnknownPeriod,
                        At::root("dateString"),
                        "the page names a period type but no dateString".to_owned(),
                    );
                }
                Period::Unspecified
            }
        }
    };
    // `prevDate` is written like `dateString`: a day, a week or a month.
    if let (Some(prev), Period::Day { .. } | Period::Week { .. } | Period::Month { .. }) =
        (wire.prev_date.value(), &listing.period)
    {
        let prev = read_period(kind, prev.trim(), "prevDate", &mut mapper);
        listing.prev_period = (prev != Period::Unspecified).then_some(prev);
    }

    map_entries(&mut listing, entries, At::root(list_key), options, stage)?;
    enforce_strict(&listing.warnings, options, stage)?;
    Ok(listing)
}

fn not_a_listing_object(
    wire: &WireListing<'_>,
    stage: Stage,
    list: &Field<Vec<Field<WirePaper<'_>>>>,
) -> Error {
    let found = if let Field::Invalid(kind) = list {
        format!(
            "a papers object whose list is {} {}",
            if matches!(kind.name(), "array" | "object") {
                "an"
            } else {
                "a"
            },
            kind.name()
        )
    } else if wire.id.is_present() {
        "a single paper object (/api/papers/<id>); read it with PaperPage::from_api_json".to_owned()
    } else if wire.models.is_present() || wire.datasets.is_present() || wire.spaces.is_present() {
        "a linked-repos object (/api/arxiv/<id>/repos), which holds no papers".to_owned()
    } else {
        "a JSON object without dailyPapers or searchResults".to_owned()
    };
    Error::NotPapers { stage, found }
}

/// The period a `periodType` and a date string (`dateString`, `prevDate`) name.
fn read_period(kind: Option<&str>, date: &str, key: &str, mapper: &mut Mapper<'_>) -> Period {
    let as_date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let period = match kind {
        Some("day") | None => as_date.map(|date| Period::Day { date }),
        Some("week") => date
            .parse::<Week>()
            .ok()
            .or_else(|| as_date.map(Week::containing))
            .map(|week| Period::Week { week }),
        Some("month") => date
            .parse::<Month>()
            .ok()
            .or_else(|| as_date.map(Month::containing))
            .map(|month| Period::Month { month }),
        Some(_) => None,
    };
    period.unwrap_or_else(|| {
        let shown: String = date.chars().take(40).collect();
        mapper.warn(
            WarningKind::UnknownPeriod,
            At::root(key),
            format!(
                "{key} {shown:?} with periodType {:?} is not understood; left unspecified",
                kind.unwrap_or("")
            ),
        );
        Period::Unspecified
    })
}

/// Maps every entry; an entry without a usable id is dropped with a warning.
fn map_entries(
    listing: &mut Listing,
    entries: &[Field<WirePaper<'_>>],
    list_at: At<'_>,
    options: &ParseOptions,
    stage: Stage,
) -> Result<(), Error> {
    // A list with entries, none of them an object, is not a list of papers.
    let no_objects = entries.iter().all(|e| !matches!(e, Field::Value(_)));
    if let (Some(first), true) = (entries.first(), no_objects) {
        let found = match first {
            Field::Invalid(kind) => format!("{} {}", article(*kind), kind.name()),
            _ => "null".to_owned(),
        };
        return Err(Error::NotPapers {
            stage,
            found: format!(
                "a list of {} entries, none an object (the first is {found})",
                entries.len()
            ),
        });
    }
    if entries.len() > options.max_papers {
        return Err(Error::LimitExceeded {
            stage,
            what: "papers in one listing",
            limit: options.max_papers,
            actual: entries.len(),
        });
    }
    listing.papers.reserve(entries.len());
    let mut mapper = Mapper::with_options(&mut listing.warnings, options);
    for (index, entry) in entries.iter().enumerate() {
        let at = list_at.index(index);
        match entry {
            Field::Value(wire) => {
                if let Some(paper) = mapper.paper(wire, Some(index), at) {
                    listing.papers.push(paper);
                }
            }
            Field::Invalid(kind) => mapper.warn(
                WarningKind::EntryDropped,
                at,
                format!(
                    "entry dropped: expected an object, found {} {}",
                    article(*kind),
                    kind.name()
                ),
            ),
            Field::Null | Field::Absent => mapper.warn(
                WarningKind::EntryDropped,
                at,
                "entry dropped: null".to_owned(),
            ),
        }
    }
    Ok(())
}

//! Single papers: `/api/papers/<id>` responses and paper pages.

use super::html_scan::{self, PageScan};
use super::map::{At, Mapper};
use super::paper_visible;
use super::{describe_start, enforce_strict, json, prepare, props_json};
use crate::model::{Paper, PaperPage, Source};
use crate::wire::lenient::Field;
use crate::wire::paper::WirePaper;
use crate::wire::paper_page::WirePaperContent;
use crate::{Error, ParseOptions, Stage, Warning};

impl PaperPage {
    /// Reads an `/api/papers/<id>` response: one flat paper object, with the models, datasets
    /// and spaces that cite it.
    ///
    /// ```
    /// let json = r#"{"id": "2607.01234", "title": "A Made-Up\n  Paper", "upvotes": 7.0,
    ///     "numTotalModels": 3, "linkedModels": [{"id": "someone/a-model"}]}"#;
    /// let page = hf_papers::PaperPage::from_api_json(json)?;
    /// assert_eq!(page.paper.title.as_deref(), Some("A Made-Up Paper"));
    /// assert_eq!(page.paper.upvotes, Some(7));
    /// assert_eq!(page.paper.linked.as_ref().unwrap().num_models, Some(3));
    /// # Ok::<(), hf_papers::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NotPapers`] for input that is not a paper object (HTML, an array, an object
    /// without a usable id), [`Error::Json`] for malformed JSON, [`Error::LimitExceeded`] over
    /// a limit.
    pub fn from_api_json(json: &str) -> Result<PaperPage, Error> {
        Self::from_api_json_with(json, &ParseOptions::default())
    }

    /// [`PaperPage::from_api_json`] with options.
    ///
    /// # Errors
    /// As [`PaperPage::from_api_json`], and [`Error::Strict`] for the first warning in strict
    /// mode.
    pub fn from_api_json_with(json: &str, options: &ParseOptions) -> Result<PaperPage, Error> {
        let stage = Stage::ApiJson;
        let json = prepare(json, options, stage)?;
        match json.trim_start().as_bytes().first() {
            Some(b'{') => {}
            Some(b'[') => {
                return Err(Error::NotPapers {
                    stage,
                    found: "a JSON array (a list of papers); read it with Listing::from_api_json"
                        .to_owned(),
                });
            }
            _ => {
                return Err(Error::NotPapers {
                    stage,
                    found: describe_start(json),
                });
            }
        }
        let wire: WirePaper<'_> = json::from_str(json, stage, None, options)?;
        let mut warnings = Vec::new();
        let paper = single_paper(&wire, At::root(""), &mut warnings, stage)?;
        enforce_strict(&warnings, options, stage)?;
        Ok(PaperPage {
            paper,
            comments: None,
            upvoters: None,
            daily_rank: None,
            submitter_organization: None,
            source: Source::ApiJson,
            warnings,
        })
    }

    /// Reads a saved paper page (`/papers/<id>`) from its `PaperContent` hydration blob.
    ///
    /// # Errors
    /// [`Error::NotPapers`] when the page has no `PaperContent` element, [`Error::Json`] when
    /// its JSON is malformed, [`Error::LimitExceeded`] over a limit.
    pub fn from_html(html: &str) -> Result<PaperPage, Error> {
        Self::from_html_with(html, &ParseOptions::default())
    }

    /// [`PaperPage::from_html`] with options.
    ///
    /// # Errors
    /// As [`PaperPage::from_html`], and [`Error::Strict`] for the first warning in strict
    /// mode.
    pub fn from_html_with(html: &str, options: &ParseOptions) -> Result<PaperPage, Error> {
        let html = prepare(html, options, Stage::Html)?;
        let scan = html_scan::scan(html);
        paper_page_from_scan(html, &scan, options)
    }
}

impl Paper {
    /// Reads an `/api/papers/<id>` response into the paper alone.
    ///
    /// A shortcut for [`PaperPage::from_api_json`], which also returns the warnings.
    ///
    /// # Errors
    /// As [`PaperPage::from_api_json`].
    pub fn from_api_json(json: &str) -> Result<Paper, Error> {
        PaperPage::from_api_json(json).map(|page| page.paper)
    }
}

/// A paper that must be there: without a usable id there is nothing to return.
fn single_paper(
    wire: &WirePaper<'_>,
    at: At<'_>,
    warnings: &mut Vec<Warning>,
    stage: Stage,
) -> Result<Paper, Error> {
    let before = warnings.len();
    match Mapper::new(warnings).paper(wire, None, at) {
        Some(paper) => Ok(paper),
        None => {
            let why = warnings
                .drain(before..)
                .find(|w| w.kind == crate::WarningKind::EntryDropped)
                .map(|w| w.message)
                .unwrap_or_default();
            Err(Error::NotPapers {
                stage,
                found: format!("a JSON object without a usable paper id ({why})"),
            })
        }
    }
}

pub(crate) fn paper_page_from_scan(
    html: &str,
    scan: &PageScan<'_>,
    options: &ParseOptions,
) -> Result<PaperPage, Error> {
    let Some(hydrater) = scan.hydrater("PaperContent") else {
        let found = if scan.hydrater("DailyPapers").is_some() {
            "a listing page (DailyPapers); read it with Listing::from_html".to_owned()
        } else if scan.tags == 0 {
            format!("not HTML: {}", describe_start(html))
        } else {
            // No blob: read what the page shows, if it is a paper page.
            if let Some(page) = paper_visible::paper_page(html, scan, options)? {
                enforce_strict(&page.warnings, options, Stage::Html)?;
                return Ok(page);
            }
            "HTML without a PaperContent element".to_owned()
        };
        return Err(Error::NotPapers {
            stage: Stage::Html,
            found,
        });
    };
    let from_blob = || -> Result<PaperPage, Error> {
        let Some(props) = hydrater.props else {
            return Err(Error::Html {
                stage: Stage::Html,
                offset: 0,
                message: "the PaperContent element has no data-props attribute".to_owned(),
            });
        };
        let stage = Stage::HydrationBlob;
        let mut decoded = None;
        let wire: WirePaperContent<'_> = props_json::read_blob(props, options, &mut decoded)?;
        let mut warnings = Vec::new();
        let Field::Value(paper) = &wire.paper else {
            return Err(Error::NotPapers {
                stage,
                found: "a PaperContent blob without a paper object".to_owned(),
            });
        };
        let mut paper = single_paper(paper, At::root("paper"), &mut warnings, stage)?;
        let mut mapper = Mapper::new(&mut warnings);
        // The page's own `upvoted` (the saving account's), like a listing entry's.
        if paper.upvoted.is_none() {
            paper.upvoted = mapper.flag(&wire.upvoted, At::root("upvoted"));
        }
        let daily_rank = mapper.count(&wire.daily_paper_rank, At::root("dailyPaperRank"));
        let submitter_organization = mapper
            .object(
                &wire.submitter_organization,
                At::root("submitterOrganization"),
            )
            .map(|org| mapper.organization(org, At::root("submitterOrganization")));
        let comments = mapper.list(
            &wire.comments,
            At::root("comments"),
            "an object",
            |m, c, at| Some(m.comment(c, at)),
        );
        let upvoters = mapper.list(
            &wire.upvoters,
            At::root("upvoters"),
            "an object",
            |m, u, at| Some(m.user(u, at)),
        );
        enforce_strict(&warnings, options, stage)?;
        Ok(PaperPage {
            paper,
            comments,
            upvoters,
            daily_rank,
            submitter_organization,
            source: Source::HydrationBlob,
            warnings,
        })
    };
    match from_blob() {
        Ok(page) => Ok(page),
        // A blob that is there but cannot be read: the page still shows the paper. Strict
        // mode keeps the blob's error.
        Err(err @ (Error::Html { .. } | Error::Json { .. } | Error::NotPapers { .. }))
            if !options.strict =>
        {
            match paper_visible::paper_page(html, scan, options)? {
                Some(mut page) => {
                    page.warnings.insert(
                        0,
                        Warning::new(
                            crate::WarningKind::BlobUnreadable,
                            None,
                            String::new(),
                            format!(
                                "the PaperContent data blob could not be read ({err}); \
                                 read the visible page instead"
                            ),
                        ),
                    );
                    Ok(page)
                }
                None => Err(err),
            }
        }
        Err(err) => Err(err),
    }
}

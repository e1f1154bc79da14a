//! Collections: many listings merged into one deduplicated set of papers.
//!
//! People keep Daily Papers across days, weeks and captures: a day page saved in the
//! morning, the same day's API response in the evening, the week page on Sunday, a
//! markdown dump of the trending page. A [`Collection`] merges them into one set of papers,
//! one [`CollectedPaper`] per arXiv id, that keeps every [`Appearance`] (which list, which
//! list date, which rank) and the best value of every field any source had.
//!
//! ```
//! use hf_papers::{Collection, Listing, Query, SortBy};
//!
//! let monday = Listing::from_api_json(r#"[
//!   {"paper": {"id": "2607.01234", "title": "Sparse Lanterns", "upvotes": 3,
//!              "submittedOnDailyAt": "2026-07-06T00:00:00.000Z"}},
//!   {"paper": {"id": "2607.04321", "title": "Tidal Planning", "upvotes": 8,
//!              "submittedOnDailyAt": "2026-07-06T00:00:00.000Z"}}
//! ]"#)?;
//! // A later capture: the first paper again (more upvotes), and a new one.
//! let tuesday = Listing::from_api_json(r#"[
//!   {"paper": {"id": "2607.01234", "title": "Sparse Lanterns", "upvotes": 40,
//!              "submittedOnDailyAt": "2026-07-07T00:00:00.000Z"}},
//!   {"paper": {"id": "2607.05555", "title": "Pebble Attention", "upvotes": 5,
//!              "submittedOnDailyAt": "2026-07-07T00:00:00.000Z"}}
//! ]"#)?;
//!
//! let mut papers = Collection::new();
//! papers.add(&monday);
//! papers.add(&tuesday);
//! assert_eq!(papers.len(), 3); // deduplicated by arXiv id
//!
//! let lanterns = papers.get(&"2607.01234".parse().unwrap()).unwrap();
//! assert_eq!(lanterns.paper.upvotes, Some(40)); // the latest counts
//! assert_eq!(lanterns.appearances.len(), 2); // both lists are kept
//!
//! let top = papers.select(&Query::new().sort(SortBy::Upvotes).min_upvotes(5));
//! let ids: Vec<String> = top.iter().map(|p| p.paper.id.to_string()).collect();
//! assert_eq!(ids, ["2607.01234", "2607.04321", "2607.05555"]);
//! # Ok::<(), hf_papers::Error>(())
//! ```
//!
//! # Merge rules
//!
//! A [`Collection`] has no clock: the order of [`Collection::add`] calls stands for the
//! order of the captures, so add older captures first (the `archive` example reads files in
//! name order for that reason). When a paper arrives again, its fields are merged one by one:
//!
//! 1. **A missing value never replaces a known one.** Whatever field one source had is kept.
//! 2. **Complete data beats degraded data.** A value read from complete data (the page's
//!    blob or the API, where [`Paper::coverage`] is `None`) replaces one read from a
//!    degraded source (cards, text, markdown), never the other way round. So a markdown
//!    title never overwrites the blob's title, but fills it in when the blob had none.
//! 3. **Between sources of the same kind, the newer one wins.** A source is newer unless
//!    both it and the paper's newest source so far have a list date and its date is older:
//!    a day's list beats the list of an earlier day whatever the order of the calls, and
//!    between sources without list dates (or with the same one) the later call wins.
//! 4. **Counts follow the newest source whatever its kind.** `upvotes`, `num_comments`,
//!    `github_stars`, `upvoted` and `is_author_participating` change over time; they are
//!    taken from the newest source that has them (rule 3's sense of newer), even a degraded
//!    one.
//! 5. The submitter and the organization are merged inside too: when both sources name the
//!    same account (same username or id) or organization (same handle, id or display name),
//!    what the winning source lacks is filled in from the other.
//! 6. `num_authors` is cleared once a complete source gave the full author list, as
//!    [`Paper::num_authors`] documents.
//! 7. [`Paper::coverage`] becomes `None` as soon as any complete source contributed;
//!    until then it lists the union of the fields the degraded sources carried.
//! 8. A paper read from a day's list ([`Period::Day`]) without a list date of its own
//!    (cards and text captures carry none) takes the list's date as its `listed_on`.
//!
//! Each listing a paper is on adds an [`Appearance`]: its list date, the listing's
//! [`Period`], the paper's 1-based rank in it and the [`Source`] it was read from. Adding the
//! same capture twice adds no second, identical appearance. A paper page
//! ([`Collection::add_page`]) merges its paper but adds no appearance: it is no list.
//!
//! Papers of text captures that carry no link ([`Listing::unidentified`]) have no arXiv id;
//! they are kept in [`Collection::unidentified`], deduplicated by title (compared without
//! regard to case and runs of whitespace), with the same rules 1 and 4. They are never
//! matched to an identified paper: the crate does not guess ids.

mod merge;
mod query;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use query::{Query, SortBy};

use crate::{ArxivId, Document, Listing, Paper, PaperPage, Period, Source, UnidentifiedPaper};
use merge::MergeState;

/// One appearance of a paper on a list: which list, on which date, at which rank.
///
/// ```
/// use hf_papers::{Collection, Listing, Period};
///
/// let page = r#"<div data-target="DailyPapers" data-props="{&quot;dateString&quot;:&quot;2026-07-02&quot;,
/// &quot;periodType&quot;:&quot;day&quot;,&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2607.00519&quot;}},
/// {&quot;paper&quot;:{&quot;id&quot;:&quot;2607.01234&quot;}}]}"></div>"#;
/// let listing = Listing::from_html(page)?;
/// let papers = Collection::from(&listing);
/// let seen = &papers.get(&"2607.01234".parse().unwrap()).unwrap().appearances[0];
/// assert_eq!(seen.rank, 2);
/// assert_eq!(seen.listed_on.unwrap().to_string(), "2026-07-02");
/// assert!(matches!(seen.period, Period::Day { .. }));
/// # Ok::<(), hf_papers::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Appearance {
    /// The list date: the date of a day's list ([`Period::Day`]); for other lists (weeks,
    /// months, trending, search, API arrays) the paper's own [`Paper::listed_on`]. `None`
    /// when neither is known.
    pub listed_on: Option<NaiveDate>,
    /// Which list the paper was on.
    pub period: Period,
    /// The paper's 1-based position in that listing's papers (1 is the top).
    pub rank: usize,
    /// Where the paper was read from: the listing's source, or the paper's own degraded
    /// source (cards, text) when its [`Paper::coverage`] says so.
    pub source: Source,
}

/// A paper of a [`Collection`]: the merged record and every list it was seen on.
///
/// Serialized as the paper's own fields (the [`Paper`] schema) plus an `appearances` array,
/// so that one JSON Lines line of a collection reads like a paper.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CollectedPaper {
    /// The paper, merged field by field from every source (see the
    /// [module docs](crate::collection#merge-rules)): its counts are the latest.
    #[serde(flatten)]
    pub paper: Paper,
    /// Every list the paper was seen on, in the order they were added.
    pub appearances: Vec<Appearance>,
}

impl CollectedPaper {
    /// Every known list date of the paper, oldest first and without repeats: the dates of
    /// its appearances and its own [`Paper::listed_on`].
    pub fn list_dates(&self) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self
            .appearances
            .iter()
            .filter_map(|a| a.listed_on)
            .chain(self.paper.listed_on)
            .collect();
        dates.sort_unstable();
        dates.dedup();
        dates
    }

    /// The earliest list date the paper is known to be on.
    pub fn first_listed_on(&self) -> Option<NaiveDate> {
        self.list_dates().first().copied()
    }

    /// The latest list date the paper is known to be on.
    pub fn last_listed_on(&self) -> Option<NaiveDate> {
        self.list_dates().last().copied()
    }
}

/// Papers merged from many listings and paper pages, one per arXiv id.
///
/// See the [module docs](crate::collection) for an example and the merge rules.
/// [`papers`](Collection::papers) keeps the order in which papers were first seen;
/// [`select`](Collection::select) sorts and filters.
///
/// Serialized as `{"papers": [...], "unidentified": [...]}`; deserializing rebuilds the
/// index (and merges any repeated id).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(from = "CollectionData")]
pub struct Collection {
    papers: Vec<CollectedPaper>,
    unidentified: Vec<UnidentifiedPaper>,
    #[serde(skip)]
    index: HashMap<ArxivId, usize>,
    #[serde(skip)]
    states: Vec<MergeState>,
    #[serde(skip)]
    unidentified_index: HashMap<String, usize>,
}

/// What a collection serializes: the papers, from which the index is rebuilt.
#[derive(Deserialize)]
struct CollectionData {
    papers: Vec<CollectedPaper>,
    #[serde(default)]
    unidentified: Vec<UnidentifiedPaper>,
}

impl From<CollectionData> for Collection {
    fn from(data: CollectionData) -> Collection {
        let mut collection = Collection::new();
        for collected in data.papers {
            let date = collected.last_listed_on();
            let CollectedPaper { paper, appearances } = collected;
            let slot = collection.merge(&paper, date);
            for appearance in appearances {
                collection.push_appearance(slot, appearance);
            }
        }
        for paper in &data.unidentified {
            collection.merge_unidentified(paper);
        }
        collection
    }
}

impl PartialEq for Collection {
    fn eq(&self, other: &Collection) -> bool {
        self.papers == other.papers && self.unidentified == other.unidentified
    }
}

impl Collection {
    /// An empty collection.
    pub fn new() -> Collection {
        Collection::default()
    }

    /// Adds a listing's papers: each is merged into the paper with the same arXiv id (or
    /// added), and gains an [`Appearance`]. Its unidentified papers are merged by title.
    pub fn add(&mut self, listing: &Listing) {
        let day = match listing.period {
            Period::Day { date } => Some(date),
            _ => None,
        };
        for (index, paper) in listing.papers.iter().enumerate() {
            let appearance = Appearance {
                listed_on: day.or(paper.listed_on),
                period: listing.period.clone(),
                rank: index + 1,
                source: paper.coverage.as_ref().map_or(listing.source, |c| c.source),
            };
            let slot = match (paper.listed_on, day) {
                (None, Some(date)) => {
                    let mut dated = paper.clone();
                    dated.listed_on = Some(date);
                    if let Some(coverage) = &mut dated.coverage {
                        if !coverage.has("listed_on") {
                            coverage.fields.push("listed_on".to_owned());
                        }
                    }
                    self.merge(&dated, appearance.listed_on)
                }
                _ => self.merge(paper, appearance.listed_on),
            };
            self.push_appearance(slot, appearance);
        }
        for paper in &listing.unidentified {
            self.merge_unidentified(paper);
        }
    }

    /// Merges a paper page's paper (it adds no [`Appearance`]: a paper page is no list).
    pub fn add_page(&mut self, page: &PaperPage) {
        self.merge(&page.paper, page.paper.listed_on);
    }

    /// Adds whatever [`parse`](crate::parse) returned: a listing with
    /// [`add`](Collection::add), a paper page with [`add_page`](Collection::add_page).
    ///
    /// ```
    /// let mut papers = hf_papers::Collection::new();
    /// papers.add_document(&hf_papers::parse(r#"{"id": "2607.01234", "upvotes": 12}"#)?);
    /// papers.add_document(&hf_papers::parse(r#"[{"paper": {"id": "2607.01234"}}]"#)?);
    /// assert_eq!(papers.len(), 1);
    /// assert_eq!(papers.papers()[0].paper.upvotes, Some(12)); // not lost to the later source
    /// # Ok::<(), hf_papers::Error>(())
    /// ```
    pub fn add_document(&mut self, document: &Document) {
        match document {
            Document::Listing(listing) => self.add(listing),
            Document::Paper(page) => self.add_page(page),
        }
    }

    /// The papers, in the order they were first added.
    pub fn papers(&self) -> &[CollectedPaper] {
        &self.papers
    }

    /// The paper with this arXiv id (a version suffix is ignored).
    pub fn get(&self, id: &ArxivId) -> Option<&CollectedPaper> {
        let slot = self.index.get(&id.without_version())?;
        self.papers.get(*slot)
    }

    /// How many distinct papers (arXiv ids) the collection holds.
    pub fn len(&self) -> usize {
        self.papers.len()
    }

    /// Whether the collection holds no paper with an id (it may still hold
    /// [`unidentified`](Collection::unidentified) ones).
    pub fn is_empty(&self) -> bool {
        self.papers.is_empty()
    }

    /// Papers of text captures that carry no arXiv id, deduplicated by title, in the order
    /// they were first added.
    pub fn unidentified(&self) -> &[UnidentifiedPaper] {
        &self.unidentified
    }

    /// The papers that match `query`, in its order and within its limit.
    ///
    /// ```
    /// use hf_papers::{Collection, Listing, Query, SortBy};
    /// let listing = Listing::from_api_json(r#"[
    ///   {"paper": {"id": "2607.00001", "upvotes": 2, "ai_keywords": ["sparse attention"]}},
    ///   {"paper": {"id": "2607.00002", "upvotes": 9, "title": "Dense Lanterns"}},
    ///   {"paper": {"id": "2607.00003", "upvotes": 5, "title": "Sparse Maps"}}
    /// ]"#)?;
    /// let papers = Collection::from(&listing);
    /// let sparse = papers.select(&Query::new().keyword("SPARSE").sort(SortBy::Upvotes));
    /// let ids: Vec<String> = sparse.iter().map(|p| p.paper.id.to_string()).collect();
    /// assert_eq!(ids, ["2607.00003", "2607.00001"]);
    /// # Ok::<(), hf_papers::Error>(())
    /// ```
    pub fn select(&self, query: &Query) -> Vec<&CollectedPaper> {
        query.apply(&self.papers)
    }

    /// Merges `paper` (whose source has list date `date`) and returns its slot.
    fn merge(&mut self, paper: &Paper, date: Option<NaiveDate>) -> usize {
        let id = paper.id.without_version();
        if let Some(&slot) = self.index.get(&id) {
            merge::merge_paper(
                &mut self.papers[slot].paper,
                &mut self.states[slot],
                paper,
                date,
            );
            return slot;
        }
        let (merged, state) = merge::first_paper(paper, date);
        self.papers.push(CollectedPaper {
            paper: merged,
            appearances: Vec::new(),
        });
        self.states.push(state);
        self.index.insert(id, self.papers.len() - 1);
        self.papers.len() - 1
    }

    fn push_appearance(&mut self, slot: usize, appearance: Appearance) {
        let appearances = &mut self.papers[slot].appearances;
        if !appearances.contains(&appearance) {
            appearances.push(appearance);
        }
    }

    fn merge_unidentified(&mut self, paper: &UnidentifiedPaper) {
        let key = merge::title_key(&paper.title);
        match self.unidentified_index.get(&key) {
            Some(&slot) => merge::merge_unidentified(&mut self.unidentified[slot], paper),
            None => {
                self.unidentified.push(paper.clone());
                self.unidentified_index
                    .insert(key, self.unidentified.len() - 1);
            }
        }
    }
}

impl From<&Listing> for Collection {
    /// A collection of one listing's papers.
    fn from(listing: &Listing) -> Collection {
        let mut collection = Collection::new();
        collection.add(listing);
        collection
    }
}

impl<'a> Extend<&'a Listing> for Collection {
    fn extend<I: IntoIterator<Item = &'a Listing>>(&mut self, listings: I) {
        for listing in listings {
            self.add(listing);
        }
    }
}

impl<'a> FromIterator<&'a Listing> for Collection {
    /// A collection of the listings' papers, added in the iterator's order.
    fn from_iter<I: IntoIterator<Item = &'a Listing>>(listings: I) -> Collection {
        let mut collection = Collection::new();
        collection.extend(listings);
        collection
    }
}

impl<'a> IntoIterator for &'a Collection {
    type Item = &'a CollectedPaper;
    type IntoIter = std::slice::Iter<'a, CollectedPaper>;

    fn into_iter(self) -> Self::IntoIter {
        self.papers.iter()
    }
}

//! Sorting and filtering collected papers.

use std::cmp::{Ordering, Reverse};

use chrono::NaiveDate;

use super::CollectedPaper;

/// The order [`Query`] puts papers in.
///
/// Every order is total and stable: ties fall back to the order the papers were first
/// added, and papers without the sort key (no upvotes, no list date) come last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SortBy {
    /// The order the papers were first added to the collection (the default).
    #[default]
    Added,
    /// Most upvoted first; ties newest list date first.
    Upvotes,
    /// Newest list date first (the paper's latest list date); ties most upvoted first.
    Newest,
    /// Oldest list date first (the paper's earliest list date); ties most upvoted first.
    Oldest,
}

/// A small query over collected papers: filters, an order and a limit.
///
/// All filters must match. Text comparisons ignore case.
///
/// ```
/// use chrono::NaiveDate;
/// use hf_papers::{Query, SortBy};
///
/// let query = Query::new()
///     .keyword("lantern")           // in the title, the abstract or the AI keywords
///     .organization("example-lab")  // the organization's handle or display name
///     .min_upvotes(10)
///     .listed_between(
///         NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
///         NaiveDate::from_ymd_opt(2026, 7, 31).unwrap(),
///     )
///     .sort(SortBy::Upvotes)
///     .limit(20);
/// # let _ = query;
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    sort: SortBy,
    min_upvotes: Option<u32>,
    organization: Option<String>,
    keywords: Vec<String>,
    listed_from: Option<NaiveDate>,
    listed_until: Option<NaiveDate>,
    limit: Option<usize>,
}

impl Query {
    /// A query that matches every paper, in the order they were added.
    pub fn new() -> Query {
        Query::default()
    }

    /// Sets the order.
    #[must_use]
    pub fn sort(mut self, by: SortBy) -> Query {
        self.sort = by;
        self
    }

    /// Keeps papers with at least `upvotes` upvotes (papers whose count is unknown are
    /// left out).
    #[must_use]
    pub fn min_upvotes(mut self, upvotes: u32) -> Query {
        self.min_upvotes = Some(upvotes);
        self
    }

    /// Keeps papers filed under this organization: its handle (`name`) or its display
    /// name (`fullname`), ignoring case.
    #[must_use]
    pub fn organization(mut self, name: impl Into<String>) -> Query {
        self.organization = Some(name.into().trim().to_lowercase());
        self
    }

    /// Keeps papers whose title, abstract or one of whose AI keywords contains `word`,
    /// ignoring case. Called more than once, every word must be found.
    #[must_use]
    pub fn keyword(mut self, word: impl Into<String>) -> Query {
        let word = word.into().trim().to_lowercase();
        if !word.is_empty() {
            self.keywords.push(word);
        }
        self
    }

    /// Keeps papers on a list dated from `from` to `to`, both included (any of the paper's
    /// [list dates](CollectedPaper::list_dates) counts). Papers without a list date are
    /// left out.
    #[must_use]
    pub fn listed_between(self, from: NaiveDate, to: NaiveDate) -> Query {
        self.listed_from(from).listed_until(to)
    }

    /// Keeps papers on a list dated `from` or later.
    #[must_use]
    pub fn listed_from(mut self, from: NaiveDate) -> Query {
        self.listed_from = Some(from);
        self
    }

    /// Keeps papers on a list dated `to` or earlier.
    #[must_use]
    pub fn listed_until(mut self, to: NaiveDate) -> Query {
        self.listed_until = Some(to);
        self
    }

    /// Keeps at most `n` papers (after sorting).
    #[must_use]
    pub fn limit(mut self, n: usize) -> Query {
        self.limit = Some(n);
        self
    }

    /// Whether `paper` passes the filters (the order and the limit aside).
    pub fn matches(&self, paper: &CollectedPaper) -> bool {
        let p = &paper.paper;
        if let Some(min) = self.min_upvotes {
            if p.upvotes.is_none_or(|n| n < min) {
                return false;
            }
        }
        if let Some(wanted) = &self.organization {
            let found = p.organization.as_ref().is_some_and(|org| {
                [&org.name, &org.fullname]
                    .into_iter()
                    .flatten()
                    .any(|name| name.trim().to_lowercase() == *wanted)
            });
            if !found {
                return false;
            }
        }
        if !self.keywords.is_empty() {
            let mut haystacks: Vec<String> = [&p.title, &p.summary]
                .into_iter()
                .flatten()
                .map(|text| text.to_lowercase())
                .collect();
            haystacks.extend(p.ai_keywords.iter().flatten().map(|k| k.to_lowercase()));
            let all_found = self
                .keywords
                .iter()
                .all(|word| haystacks.iter().any(|text| text.contains(word.as_str())));
            if !all_found {
                return false;
            }
        }
        if self.listed_from.is_some() || self.listed_until.is_some() {
            let in_range = paper.list_dates().into_iter().any(|date| {
                self.listed_from.is_none_or(|from| date >= from)
                    && self.listed_until.is_none_or(|to| date <= to)
            });
            if !in_range {
                return false;
            }
        }
        true
    }

    /// The papers of `papers` that match, sorted, within the limit.
    pub fn apply<'a, I>(&self, papers: I) -> Vec<&'a CollectedPaper>
    where
        I: IntoIterator<Item = &'a CollectedPaper>,
    {
        let mut selected: Vec<&CollectedPaper> =
            papers.into_iter().filter(|p| self.matches(p)).collect();
        // `sort_by` is stable, so ties keep the order the papers came in.
        match self.sort {
            SortBy::Added => {}
            SortBy::Upvotes => selected.sort_by(|a, b| {
                by_upvotes(a, b).then_with(|| descending(a.last_listed_on(), b.last_listed_on()))
            }),
            SortBy::Newest => selected.sort_by(|a, b| {
                descending(a.last_listed_on(), b.last_listed_on()).then_with(|| by_upvotes(a, b))
            }),
            SortBy::Oldest => selected.sort_by(|a, b| {
                ascending(a.first_listed_on(), b.first_listed_on()).then_with(|| by_upvotes(a, b))
            }),
        }
        if let Some(limit) = self.limit {
            selected.truncate(limit);
        }
        selected
    }
}

/// Most upvoted first, unknown counts last.
fn by_upvotes(a: &CollectedPaper, b: &CollectedPaper) -> Ordering {
    descending(a.paper.upvotes, b.paper.upvotes)
}

/// Ascending, `None` last.
fn ascending<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Descending, `None` last.
fn descending<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    ascending(a.map(Reverse), b.map(Reverse))
}

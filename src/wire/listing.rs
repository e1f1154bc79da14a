//! The object around a list of papers: the `DailyPapers` hydration props, or a JSON object
//! a user saved in place of a bare API array.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient::{Field, lenient_object};
use super::paper::WirePaper;

type Text<'a> = Field<Cow<'a, str>>;

/// The `data-props` of `data-target="DailyPapers"`.
///
/// Also read for any top-level JSON object given as an API response, so it knows the keys
/// that say what else such an object might be (a single paper, linked repos).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireListing<'a> {
    #[serde(rename = "dailyPapers", borrow)]
    pub daily_papers: Field<Vec<Field<WirePaper<'a>>>>,
    #[serde(rename = "searchResults", borrow)]
    pub search_results: Field<Vec<Field<WirePaper<'a>>>>,
    #[serde(rename = "dateString", borrow)]
    pub date_string: Text<'a>,
    #[serde(rename = "prevDate", borrow)]
    pub prev_date: Text<'a>,
    #[serde(rename = "periodType", borrow)]
    pub period_type: Text<'a>,
    #[serde(borrow)]
    pub query: Field<WireQuery<'a>>,
    #[serde(rename = "isTrending")]
    pub is_trending: Field<bool>,

    // Keys that mark other documents, so that a wrong input is named in the error.
    #[serde(borrow)]
    pub id: Text<'a>,
    pub models: Field<bool>,
    pub datasets: Field<bool>,
    pub spaces: Field<bool>,
}

/// `query`: `{}` on period pages, `{"q": "..."}` on a search page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireQuery<'a> {
    #[serde(borrow)]
    pub q: Text<'a>,
}

lenient_object!(WireListing, WireQuery);

//! The object around a list of papers: the `DailyPapers` hydration props, or a JSON object
//! a user saved in place of a bare API array.

use std::borrow::Cow;

use super::lenient::Field;
use super::object::wire_object;
use super::paper::WirePaper;

type Text<'a> = Field<Cow<'a, str>>;

wire_object! {
    /// The `data-props` of `data-target="DailyPapers"`.
    ///
    /// Also read for any top-level JSON object given as an API response, so it knows the keys
    /// that say what else such an object might be (a single paper, linked repos).
    pub(crate) struct WireListing<'a> {
        "dailyPapers" => pub daily_papers: Field<Vec<Field<WirePaper<'a>>>>,
        "searchResults" => pub search_results: Field<Vec<Field<WirePaper<'a>>>>,
        "dateString" => pub date_string: Text<'a>,
        "prevDate" => pub prev_date: Text<'a>,
        "periodType" => pub period_type: Text<'a>,
        "query" => pub query: Field<WireQuery<'a>>,
        "isTrending" => pub is_trending: Field<bool>,

        // Keys that mark other documents, so that a wrong input is named in the error.
        "id" => pub id: Text<'a>,
        "models" => pub models: Field<bool>,
        "datasets" => pub datasets: Field<bool>,
        "spaces" => pub spaces: Field<bool>,
    }
}

wire_object! {
    /// `query`: `{}` on period pages, `{"q": "..."}` on a search page.
    pub(crate) struct WireQuery<'a> {
        "q" => pub q: Text<'a>,
    }
}

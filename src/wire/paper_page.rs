//! The `data-props` of `data-target="PaperContent"` on a paper page.

use serde::Deserialize;

use super::lenient::{Field, Num, lenient_object};
use super::paper::{WireOrganization, WirePaper};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WirePaperContent<'a> {
    #[serde(borrow)]
    pub paper: Field<WirePaper<'a>>,
    pub upvoted: Field<bool>,
    #[serde(rename = "dailyPaperRank")]
    pub daily_paper_rank: Field<Num>,
    #[serde(rename = "submitterOrganization", borrow)]
    pub submitter_organization: Field<WireOrganization<'a>>,
}

lenient_object!(WirePaperContent);

//! The `data-props` of `data-target="PaperContent"` on a paper page.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient::{Field, Num, lenient_object};
use super::paper::{WireOrganization, WirePaper, WireUser};

type Text<'a> = Field<Cow<'a, str>>;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WirePaperContent<'a> {
    #[serde(borrow)]
    pub paper: Field<WirePaper<'a>>,
    #[serde(borrow)]
    pub comments: Field<Vec<Field<WireComment<'a>>>>,
    #[serde(borrow)]
    pub upvoters: Field<Vec<Field<WireUser<'a>>>>,
    pub upvoted: Field<bool>,
    #[serde(rename = "dailyPaperRank")]
    pub daily_paper_rank: Field<Num>,
    #[serde(rename = "submitterOrganization", borrow)]
    pub submitter_organization: Field<WireOrganization<'a>>,
}

/// `comments[]`: the comment's metadata, with its content under `data`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireComment<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub author: Field<WireUser<'a>>,
    #[serde(rename = "createdAt", borrow)]
    pub created_at: Text<'a>,
    #[serde(borrow)]
    pub data: Field<WireCommentData<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireCommentData<'a> {
    pub edited: Field<bool>,
    pub hidden: Field<bool>,
    #[serde(rename = "hiddenBy", borrow)]
    pub hidden_by: Text<'a>,
    #[serde(rename = "hiddenReason", borrow)]
    pub hidden_reason: Text<'a>,
    #[serde(rename = "numEdits")]
    pub num_edits: Field<Num>,
    #[serde(borrow)]
    pub latest: Field<WireCommentVersion<'a>>,
    #[serde(rename = "identifiedLanguage", borrow)]
    pub identified_language: Field<WireLanguage<'a>>,
}

/// `data.latest`: the comment's current text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireCommentVersion<'a> {
    #[serde(borrow)]
    pub raw: Text<'a>,
    #[serde(borrow)]
    pub html: Text<'a>,
    #[serde(rename = "updatedAt", borrow)]
    pub updated_at: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WireLanguage<'a> {
    #[serde(borrow)]
    pub language: Text<'a>,
}

lenient_object!(
    WirePaperContent,
    WireComment,
    WireCommentData,
    WireCommentVersion,
    WireLanguage
);

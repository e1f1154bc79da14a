//! The `data-props` of `data-target="PaperContent"` on a paper page.

use std::borrow::Cow;

use super::lenient::{Field, Num};
use super::object::wire_object;
use super::paper::{WireOrganization, WirePaper, WireUser};

type Text<'a> = Field<Cow<'a, str>>;

wire_object! {
    pub(crate) struct WirePaperContent<'a> {
        "paper" => pub paper: Field<WirePaper<'a>>,
        "comments" => pub comments: Field<Vec<Field<WireComment<'a>>>>,
        "upvoters" => pub upvoters: Field<Vec<Field<WireUser<'a>>>>,
        "upvoted" => pub upvoted: Field<bool>,
        "dailyPaperRank" => pub daily_paper_rank: Field<Num>,
        "submitterOrganization" => pub submitter_organization: Field<WireOrganization<'a>>,
    }
}

wire_object! {
    /// `comments[]`: the comment's metadata, with its content under `data`.
    pub(crate) struct WireComment<'a> {
        "id" => pub id: Text<'a>,
        "author" => pub author: Field<WireUser<'a>>,
        "createdAt" => pub created_at: Text<'a>,
        "data" => pub data: Field<WireCommentData<'a>>,
    }
}

wire_object! {
    pub(crate) struct WireCommentData<'a> {
        "edited" => pub edited: Field<bool>,
        "hidden" => pub hidden: Field<bool>,
        "hiddenBy" => pub hidden_by: Text<'a>,
        "hiddenReason" => pub hidden_reason: Text<'a>,
        "numEdits" => pub num_edits: Field<Num>,
        "latest" => pub latest: Field<WireCommentVersion<'a>>,
        "identifiedLanguage" => pub identified_language: Field<WireLanguage<'a>>,
    }
}

wire_object! {
    /// `data.latest`: the comment's current text.
    pub(crate) struct WireCommentVersion<'a> {
        "raw" => pub raw: Text<'a>,
        "html" => pub html: Text<'a>,
        "updatedAt" => pub updated_at: Text<'a>,
    }
}

wire_object! {
    pub(crate) struct WireLanguage<'a> {
        "language" => pub language: Text<'a>,
    }
}

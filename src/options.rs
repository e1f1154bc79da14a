/// How to parse: strictness and limits.
///
/// The defaults suit any page the site serves; lower the limits for untrusted input you want
/// to bound more tightly.
///
/// ```
/// use hf_papers::{Listing, ParseOptions};
/// let options = ParseOptions::new().strict(true).max_papers(500);
/// let err = Listing::from_api_json_with(r#"[{"paper": {"id": "2607.01234", "upvotes": "many"}}]"#, &options)
///     .unwrap_err();
/// assert!(err.to_string().contains("upvotes"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    pub(crate) strict: bool,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_papers: usize,
    pub(crate) max_depth: usize,
    pub(crate) max_field_bytes: usize,
    pub(crate) max_json_depth: usize,
    pub(crate) cross_check: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            strict: false,
            max_input_bytes: Self::DEFAULT_MAX_INPUT_BYTES,
            max_papers: Self::DEFAULT_MAX_PAPERS,
            max_depth: Self::DEFAULT_MAX_DEPTH,
            max_field_bytes: Self::DEFAULT_MAX_FIELD_BYTES,
            max_json_depth: Self::DEFAULT_MAX_JSON_DEPTH,
            cross_check: false,
        }
    }
}

impl ParseOptions {
    /// Default for [`max_input_bytes`](Self::max_input_bytes): 256 MiB.
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;
    /// Default for [`max_papers`](Self::max_papers): 100,000.
    pub const DEFAULT_MAX_PAPERS: usize = 100_000;

    /// Default for [`max_field_bytes`](Self::max_field_bytes): 1 MiB.
    pub const DEFAULT_MAX_FIELD_BYTES: usize = 1024 * 1024;
    /// Default for [`max_depth`](Self::max_depth): 512.
    pub const DEFAULT_MAX_DEPTH: usize = 512;
    /// Default for [`max_json_depth`](Self::max_json_depth): 127, also the most it can be.
    pub const DEFAULT_MAX_JSON_DEPTH: usize = crate::extract::json::SERDE_JSON_DEPTH;

    /// The defaults: lenient, with the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// In strict mode every warning is an error: a wrong-typed field, an entry without a
    /// usable id. Off by default.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The largest input accepted, in bytes. Larger input is an error before any parsing.
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// The most papers one listing may hold. More is an error, not a truncation.
    pub fn max_papers(mut self, papers: usize) -> Self {
        self.max_papers = papers;
        self
    }

    /// The deepest element nesting accepted in a page that has to be read as a tree (the
    /// visible cards of a listing without its blob, a paper page without its blob). Checked
    /// before any tree is built, so a hostile page cannot make tree building slow. Real pages
    /// nest about 30 deep.
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// The longest string value kept, in bytes (a title, an abstract, a comment). A longer one
    /// is read as missing with a warning ([`WarningKind::FieldTooLong`](crate::WarningKind::FieldTooLong)),
    /// so one absurd field never costs the entry; strict mode makes it an error.
    pub fn max_field_bytes(mut self, bytes: usize) -> Self {
        self.max_field_bytes = bytes;
        self
    }

    /// The deepest nesting of JSON arrays and objects accepted, in an API response or a page's
    /// blob; deeper is [`Error::LimitExceeded`](crate::Error::LimitExceeded). Real responses
    /// nest about 6 deep.
    ///
    /// The default, 127, is also the ceiling: serde_json refuses deeper values whatever is
    /// asked here, which keeps its recursion bounded, so larger settings act as 127. At the
    /// default, values the crate has no use for are skipped without recursion and not
    /// counted; a lower setting counts every bracket outside strings before reading.
    ///
    /// ```
    /// use hf_papers::{Error, Listing, ParseOptions};
    /// let deep = format!(r#"[{{"paper": {{"id": "2607.01234", "x": {}1{}}}}}]"#, "[".repeat(40), "]".repeat(40));
    /// assert!(Listing::from_api_json(&deep).is_ok());
    /// let err = Listing::from_api_json_with(&deep, &ParseOptions::new().max_json_depth(16)).unwrap_err();
    /// assert!(matches!(err, Error::LimitExceeded { limit: 16, .. }));
    /// ```
    pub fn max_json_depth(mut self, depth: usize) -> Self {
        self.max_json_depth = depth;
        self
    }

    /// When a listing page has both its blob and its visible cards, also read the cards and
    /// report every disagreement with the blob as a warning. Off by default (it costs a tree).
    pub fn cross_check(mut self, cross_check: bool) -> Self {
        self.cross_check = cross_check;
        self
    }

    /// Whether strict mode is on.
    pub fn is_strict(&self) -> bool {
        self.strict
    }
}

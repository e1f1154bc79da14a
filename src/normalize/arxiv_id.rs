//! Validated arXiv identifiers.
//!
//! Hugging Face Daily Papers indexes arXiv papers by their arXiv id, and the
//! same paper shows up under many spellings: bare ids, `arXiv:` prefixes,
//! `vN` versions, `arxiv.org/abs|pdf|html/` links, `huggingface.co/papers/`
//! links with `#community` fragments, and so on. [`ArxivId`] accepts all of
//! them and keeps one canonical, validated value.
//!
//! An id is never a number: `2503.0213` is a truncated `2503.02130` and is
//! rejected rather than silently accepted, because ids from 2015 on have a
//! five-digit number.
//!
//! ```
//! use hf_papers::ArxivId;
//!
//! let bare: ArxivId = "2503.02130".parse()?;
//! for spelling in [
//!     "arXiv:2503.02130",
//!     "  2503.02130\n",
//!     "https://arxiv.org/abs/2503.02130",
//!     "http://export.arxiv.org/pdf/2503.02130.pdf",
//!     "https://huggingface.co/papers/2503.02130#community",
//!     "/papers/2503.02130",
//! ] {
//!     assert_eq!(ArxivId::parse(spelling)?, bare);
//! }
//! assert_eq!(bare.to_string(), "2503.02130");
//!
//! // A version is kept, and printed back.
//! let v2 = ArxivId::parse("https://arxiv.org/pdf/2503.02130v2")?;
//! assert_eq!(v2.to_string(), "2503.02130v2");
//! assert_eq!(v2.without_version(), bare);
//!
//! // Old-style ids drop their subject class.
//! assert_eq!(ArxivId::parse("math.GT/0309136")?.to_string(), "math/0309136");
//! # Ok::<(), hf_papers::ArxivIdError>(())
//! ```

use std::fmt;
use std::str::FromStr;

/// Inputs longer than this many bytes are rejected up front.
const MAX_INPUT_BYTES: usize = 256;
/// An [`ArxivIdError`] keeps at most this many chars of the offending input.
const MAX_STORED_INPUT_CHARS: usize = 64;
/// Longest accepted old-style archive name.
const ARCHIVE_MAX_LEN: usize = 16;
/// Shortest accepted old-style archive name.
const ARCHIVE_MIN_LEN: usize = 2;
/// Longest accepted old-style subject class (`GT` in `math.GT/0309136`).
const SUBJECT_CLASS_MAX_LEN: usize = 16;
/// First month of new-style ids, as `yymm`.
const FIRST_NEW_STYLE_YYMM: u16 = 704;
/// Last month whose new-style ids have a four-digit number, as `yymm`.
const LAST_FOUR_DIGIT_YYMM: u16 = 1412;

/// Hosts whose `/abs/`, `/pdf/` and `/html/` paths carry an arXiv id.
const ARXIV_HOSTS: [&str; 3] = ["arxiv.org", "www.arxiv.org", "export.arxiv.org"];
/// Hosts whose `/papers/` path carries an arXiv id.
const HF_HOSTS: [&str; 3] = ["huggingface.co", "www.huggingface.co", "hf.co"];

/// A validated arXiv identifier, optionally with a version.
///
/// Two styles exist:
///
/// - new style, `YYMM.NNNN` (April 2007 to December 2014) or `YYMM.NNNNN`
///   (from January 2015), such as `1412.6980` or `2503.02130`;
/// - old style, `archive/YYMMNNN` (1991 to 2007), such as `hep-th/9901001`
///   or `math.GT/0309136` (the subject class `.GT` is dropped).
///
/// Either may carry a version suffix `vN`. `2503.02130` and `2503.02130v1`
/// are different values: the version is kept exactly when it was given. Use
/// [`ArxivId::without_version`] to compare papers regardless of version.
///
/// [`Display`](fmt::Display) prints the canonical form, which parses back to
/// an equal value. Values serialize as that string.
///
/// Ordering is chronological for new-style ids (by `yymm`, then number, then
/// version, with no version first). Old-style ids order before all new-style
/// ones, and among themselves by archive, then chronologically by year,
/// month, number and version.
///
/// The value never allocates: an old-style archive name is stored inline.
///
/// ```
/// use hf_papers::ArxivId;
///
/// let a = ArxivId::parse("1412.6980")?;
/// let b = ArxivId::parse("arXiv:1501.00001v2")?;
/// assert!(a < b);
/// assert_eq!((b.year(), b.month(), b.version()), (2015, 1, Some(2)));
/// assert_eq!(b.hf_url(), "https://huggingface.co/papers/1501.00001");
/// # Ok::<(), hf_papers::ArxivIdError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArxivId {
    // Field order matters: the derived `Ord` compares `scheme` first.
    scheme: Scheme,
    version: Option<u32>,
}

/// The id proper. Variant order matters: old-style ids order first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Scheme {
    Old(OldStyle),
    New(NewStyle),
}

/// `archive/YYMMNNN`. Field order gives the documented ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct OldStyle {
    archive: Archive,
    /// Full year, 1991..=2007.
    year: u16,
    /// 1..=12.
    month: u8,
    /// 1..=999.
    number: u16,
}

/// `YYMM.NNNN` or `YYMM.NNNNN`. Field order gives the documented ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct NewStyle {
    /// `yy * 100 + mm`, at least 0704.
    yymm: u16,
    /// Non-zero, below `10^digits`.
    number: u32,
    /// 4 up to 1412, 5 from 1501 (always determined by `yymm`).
    digits: u8,
}

/// An old-style archive name (lowercase ASCII letters and hyphens) stored
/// inline, padded with zero bytes. Zero sorts before every allowed byte, so
/// the derived ordering is the ordering of the names as strings.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Archive {
    bytes: [u8; ARCHIVE_MAX_LEN],
    len: u8,
}

impl Archive {
    fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or(&[]);
        // Only ASCII is ever stored, so this never falls back.
        std::str::from_utf8(bytes).unwrap_or("")
    }
}

impl fmt::Debug for Archive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl ArxivId {
    /// Parses any common spelling of an arXiv id.
    ///
    /// Accepted, around a new-style or old-style id with an optional `vN`:
    /// surrounding whitespace; an `arXiv:` prefix (any case);
    /// `arxiv.org/abs/`, `/pdf/` (with or without `.pdf`) and `/html/` URLs on
    /// `arxiv.org`, `www.arxiv.org` or `export.arxiv.org`, with `https://`,
    /// `http://` or no scheme; `huggingface.co/papers/` URLs and the
    /// site-relative `/papers/` and `papers/`. A `?query`, a `#fragment` and
    /// one trailing slash are ignored.
    ///
    /// # Errors
    ///
    /// Returns an [`ArxivIdError`] whose [`kind`](ArxivIdError::kind) says why
    /// the input is not a valid id, for instance a number of the wrong length
    /// for its month, an impossible month, or a URL of another site.
    ///
    /// ```
    /// use hf_papers::{ArxivId, ArxivIdErrorKind};
    ///
    /// let id = ArxivId::parse("https://huggingface.co/papers/2503.02130#community")?;
    /// assert_eq!(id.to_string(), "2503.02130");
    ///
    /// let err = ArxivId::parse("2503.0213").unwrap_err();
    /// assert_eq!(
    ///     err.kind(),
    ///     &ArxivIdErrorKind::BadNumberLength { expected: 5, found: 4 }
    /// );
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"invalid arXiv id "2503.0213": number has 4 digits, ids from 2015 have 5"#
    /// );
    /// # Ok::<(), hf_papers::ArxivIdError>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, ArxivIdError> {
        parse_any(input).map_err(|kind| ArxivIdError::new(input, kind))
    }

    /// The version, if one was given (`Some(2)` for `2503.02130v2`).
    #[must_use]
    pub fn version(&self) -> Option<u32> {
        self.version
    }

    /// The same id without its version (`2503.02130v2` gives `2503.02130`).
    #[must_use]
    pub fn without_version(&self) -> ArxivId {
        ArxivId {
            scheme: self.scheme,
            version: None,
        }
    }

    /// Whether this is an old-style `archive/YYMMNNN` id.
    #[must_use]
    pub fn is_old_style(&self) -> bool {
        matches!(self.scheme, Scheme::Old(_))
    }

    /// The archive of an old-style id (`hep-th` for `hep-th/9901001`,
    /// `math` for `math.GT/0309136`); `None` for new-style ids.
    #[must_use]
    pub fn archive(&self) -> Option<&str> {
        match &self.scheme {
            Scheme::Old(old) => Some(old.archive.as_str()),
            Scheme::New(_) => None,
        }
    }

    /// The full year of submission encoded in the id.
    ///
    /// New-style ids are always 20YY (the scheme started in 2007). Old-style
    /// ids are 19YY for YY in 91..=99 and 20YY otherwise.
    ///
    /// ```
    /// use hf_papers::ArxivId;
    ///
    /// assert_eq!(ArxivId::parse("hep-th/9901001")?.year(), 1999);
    /// assert_eq!(ArxivId::parse("cond-mat/0102536")?.year(), 2001);
    /// assert_eq!(ArxivId::parse("2503.02130")?.year(), 2025);
    /// # Ok::<(), hf_papers::ArxivIdError>(())
    /// ```
    #[must_use]
    pub fn year(&self) -> u16 {
        match &self.scheme {
            Scheme::Old(old) => old.year,
            Scheme::New(new) => 2000 + new.yymm / 100,
        }
    }

    /// The month of submission encoded in the id, 1..=12.
    #[must_use]
    pub fn month(&self) -> u8 {
        match &self.scheme {
            Scheme::Old(old) => old.month,
            // yymm % 100 is at most 12 by construction.
            Scheme::New(new) => u8::try_from(new.yymm % 100).unwrap_or(0),
        }
    }

    /// The arXiv abstract page, `https://arxiv.org/abs/<id>` (with the
    /// version when one was given).
    #[must_use]
    pub fn abs_url(&self) -> String {
        format!("https://arxiv.org/abs/{self}")
    }

    /// The arXiv PDF, `https://arxiv.org/pdf/<id>` (with the version when one
    /// was given).
    #[must_use]
    pub fn pdf_url(&self) -> String {
        format!("https://arxiv.org/pdf/{self}")
    }

    /// The arXiv HTML rendering, `https://arxiv.org/html/<id>` (with the
    /// version when one was given).
    ///
    /// arXiv renders HTML for papers submitted since December 2023 (and for
    /// some older ones); for other papers the URL is built the same way but
    /// the page may not exist.
    ///
    /// ```
    /// use hf_papers::ArxivId;
    ///
    /// let id = ArxivId::parse("arXiv:2503.02130v2")?;
    /// assert_eq!(id.html_url(), "https://arxiv.org/html/2503.02130v2");
    /// assert_eq!(id.without_version().html_url(), "https://arxiv.org/html/2503.02130");
    /// # Ok::<(), hf_papers::ArxivIdError>(())
    /// ```
    #[must_use]
    pub fn html_url(&self) -> String {
        format!("https://arxiv.org/html/{self}")
    }

    /// The Hugging Face paper page, `https://huggingface.co/papers/<id>`.
    ///
    /// Hugging Face pages use the unversioned id, so the version is left out.
    /// (Hugging Face indexes new-style ids only; for an old-style id the URL
    /// is built the same way but the page is unlikely to exist.)
    #[must_use]
    pub fn hf_url(&self) -> String {
        const PREFIX: &str = "https://huggingface.co/papers/";
        let mut url = String::with_capacity(PREFIX.len() + 24);
        url.push_str(PREFIX);
        // Writing to a `String` cannot fail.
        let _ = self.write_to(&mut url, false);
        url
    }
}

impl fmt::Display for ArxivId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f, true)
    }
}

impl ArxivId {
    /// Writes the id, with its version if `with_version` and it has one. Digits are written
    /// one by one rather than through `write!`'s padding: a paper's URL is built for every
    /// paper read, and the formatting machinery cost more than the rest of it.
    fn write_to(&self, out: &mut impl fmt::Write, with_version: bool) -> fmt::Result {
        match &self.scheme {
            Scheme::Old(old) => {
                out.write_str(old.archive.as_str())?;
                out.write_char('/')?;
                write_padded(out, u32::from(old.year % 100), 2)?;
                write_padded(out, u32::from(old.month), 2)?;
                write_padded(out, u32::from(old.number), 3)?;
            }
            Scheme::New(new) => {
                write_padded(out, u32::from(new.yymm), 4)?;
                out.write_char('.')?;
                write_padded(out, new.number, usize::from(new.digits))?;
            }
        }
        match self.version {
            Some(version) if with_version => {
                out.write_char('v')?;
                write_padded(out, version, 1)
            }
            _ => Ok(()),
        }
    }
}

/// Writes `n` in decimal, zero-padded to at least `width` digits, as `{:0width$}` does.
fn write_padded(out: &mut impl fmt::Write, n: u32, width: usize) -> fmt::Result {
    let mut digits = [b'0'; 10];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] += (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in digits.len() - start..width {
        out.write_char('0')?;
    }
    digits[start..]
        .iter()
        .try_for_each(|&d| out.write_char(char::from(d)))
}

impl FromStr for ArxivId {
    type Err = ArxivIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl serde::Serialize for ArxivId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ArxivId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl serde::de::Visitor<'_> for IdVisitor {
            type Value = ArxivId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an arXiv id string")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ArxivId, E> {
                ArxivId::parse(v).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(IdVisitor)
    }
}

/// Why a string is not a valid arXiv id.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArxivIdErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is longer than 256 bytes.
    TooLong,
    /// A URL that is not an arXiv `abs`/`pdf`/`html` page or a Hugging Face
    /// paper page.
    UnrecognizedUrl,
    /// The text does not have the shape of an arXiv id.
    NotAnId,
    /// The month is not 01..=12.
    BadMonth {
        /// The month as written (two digits).
        month: u8,
    },
    /// A new-style `YYMM.NNNNN` id dated before 0704, when the new style
    /// started.
    BeforeNewStyle,
    /// An old-style id whose two-digit year is not in 91..=99 or 00..=07.
    BadYear,
    /// The number has the wrong count of digits: four for new-style ids up to
    /// 1412, five from 1501, seven (`YYMMNNN`) for old-style ids.
    BadNumberLength {
        /// The count of digits the id should have.
        expected: u8,
        /// The count of digits it has (saturating at 255).
        found: u8,
    },
    /// The paper number is zero (`2503.00000`, `hep-th/9901000`).
    ZeroNumber,
    /// The version suffix is not `v` followed by a positive integer without
    /// leading zeros that fits in a `u32`.
    BadVersion,
    /// The old-style archive is not 2..=16 lowercase ASCII letters and
    /// hyphens starting and ending with a letter, or its subject class is not
    /// 1..=16 ASCII letters.
    BadArchive,
}

impl fmt::Display for ArxivIdErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("empty input"),
            Self::TooLong => write!(f, "longer than {MAX_INPUT_BYTES} bytes"),
            Self::UnrecognizedUrl => f.write_str("not an arxiv.org or huggingface.co paper url"),
            Self::NotAnId => f.write_str("not an arXiv id"),
            Self::BadMonth { month } => write!(f, "month {month:02} is not 01 to 12"),
            Self::BeforeNewStyle => f.write_str("new-style ids start at 0704 (april 2007)"),
            Self::BadYear => f.write_str("old-style ids have years 91 to 99 or 00 to 07"),
            Self::BadNumberLength { expected, found } => {
                let plural = if *found == 1 { "digit" } else { "digits" };
                write!(f, "number has {found} {plural}, ")?;
                match expected {
                    5 => f.write_str("ids from 2015 have 5"),
                    4 => f.write_str("ids before 2015 have 4"),
                    7 => f.write_str("old-style ids have 7 (yymmnnn)"),
                    other => write!(f, "expected {other}"),
                }
            }
            Self::ZeroNumber => f.write_str("number is zero"),
            Self::BadVersion => f.write_str("version must be v followed by a positive number"),
            Self::BadArchive => f.write_str("not a valid old-style archive name"),
        }
    }
}

/// The error returned when a string is not a valid arXiv id.
///
/// It keeps the offending input (at most 64 chars of it; a longer input is
/// cut and ends with `…`) and the [`ArxivIdErrorKind`] saying why.
///
/// ```
/// use hf_papers::{ArxivId, ArxivIdErrorKind};
///
/// let err = ArxivId::parse("2513.02130").unwrap_err();
/// assert_eq!(err.kind(), &ArxivIdErrorKind::BadMonth { month: 13 });
/// assert_eq!(err.input(), "2513.02130");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid arXiv id {input:?}: {kind}")]
pub struct ArxivIdError {
    input: String,
    kind: ArxivIdErrorKind,
}

impl ArxivIdError {
    fn new(input: &str, kind: ArxivIdErrorKind) -> Self {
        Self {
            input: truncate_chars(input, MAX_STORED_INPUT_CHARS),
            kind,
        }
    }

    /// Why the input was rejected.
    #[must_use]
    pub fn kind(&self) -> &ArxivIdErrorKind {
        &self.kind
    }

    /// The offending input, cut to at most 64 chars (ending with `…` when
    /// cut).
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

/// Keeps at most `max` chars of `s`, ending with `…` when something was cut.
fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().nth(max).is_none() {
        return s.to_owned();
    }
    let keep = max.saturating_sub(1);
    let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
    let mut out = s.get(..end).unwrap_or("").to_owned();
    out.push('…');
    out
}

type Kind = ArxivIdErrorKind;

/// Strips `prefix` from `s`, ignoring ASCII case. Never panics: `get` refuses
/// to cut inside a char.
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// If `s` starts with one of `hosts` (any case) followed by `/`, returns the
/// path after that slash.
fn strip_host<'a>(s: &'a str, hosts: &[&str]) -> Option<&'a str> {
    hosts
        .iter()
        .find_map(|host| strip_prefix_ignore_case(s, host).and_then(|rest| rest.strip_prefix('/')))
}

fn parse_any(input: &str) -> Result<ArxivId, Kind> {
    // Nearly every id the site gives is bare and new-style (`2607.01234`): digits, a dot,
    // digits, which no trimming or locator rule below changes.
    if is_bare_new_style(input.as_bytes()) {
        return parse_new(input);
    }
    if input.len() > MAX_INPUT_BYTES {
        return Err(Kind::TooLong);
    }
    let s = super::trim(input);
    if s.is_empty() {
        return Err(Kind::Empty);
    }
    // Drop `?query` and `#fragment`: whatever comes first starts the tail.
    let s = s.split(['?', '#']).next().unwrap_or("").trim_end();
    let s = s.strip_suffix('/').unwrap_or(s);
    parse_bare(strip_locator(s)?)
}

/// Whether `s` is four digits, a dot and four or five digits.
fn is_bare_new_style(s: &[u8]) -> bool {
    matches!(s.len(), 9 | 10)
        && s[4] == b'.'
        && s[..4].iter().chain(&s[5..]).all(u8::is_ascii_digit)
}

/// Removes an `arXiv:` prefix or a URL around the id.
fn strip_locator(s: &str) -> Result<&str, Kind> {
    if let Some(rest) = strip_prefix_ignore_case(s, "arxiv:") {
        return Ok(rest.trim_start());
    }
    let (had_scheme, rest) = if let Some(rest) = strip_prefix_ignore_case(s, "https://")
        .or_else(|| strip_prefix_ignore_case(s, "http://"))
        .or_else(|| s.strip_prefix("//"))
    {
        (true, rest)
    } else {
        (false, s)
    };
    if let Some(path) = strip_host(rest, &ARXIV_HOSTS) {
        return arxiv_path(path);
    }
    if let Some(path) = strip_host(rest, &HF_HOSTS) {
        return path.strip_prefix("papers/").ok_or(Kind::UnrecognizedUrl);
    }
    if had_scheme {
        return Err(Kind::UnrecognizedUrl);
    }
    Ok(s.strip_prefix("/papers/")
        .or_else(|| s.strip_prefix("papers/"))
        .unwrap_or(s))
}

/// The id inside an arxiv.org path (after the host and its slash).
fn arxiv_path(path: &str) -> Result<&str, Kind> {
    if let Some(id) = path.strip_prefix("abs/") {
        Ok(id)
    } else if let Some(id) = path.strip_prefix("pdf/") {
        Ok(id.strip_suffix(".pdf").unwrap_or(id))
    } else if let Some(id) = path.strip_prefix("html/") {
        Ok(id)
    } else {
        Err(Kind::UnrecognizedUrl)
    }
}

/// Parses a bare id such as `2503.02130v2` or `math.GT/0309136`.
fn parse_bare(s: &str) -> Result<ArxivId, Kind> {
    match s.split_once('/') {
        Some((archive, tail)) => parse_old(archive, tail),
        None => parse_new(s),
    }
}

/// Splits `main` from an optional `vN` suffix (the version is parsed later,
/// so that errors in the id proper are reported first).
fn split_version(s: &str) -> (&str, Option<&str>) {
    match s.split_once('v') {
        Some((main, version)) => (main, Some(version)),
        None => (s, None),
    }
}

fn parse_version(version: Option<&str>) -> Result<Option<u32>, Kind> {
    let Some(digits) = version else {
        return Ok(None);
    };
    if digits.is_empty() || !all_digits(digits) || digits.starts_with('0') {
        return Err(Kind::BadVersion);
    }
    digits
        .parse::<u32>()
        .map(Some)
        .map_err(|_| Kind::BadVersion)
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a run of ASCII digits; `None` on overflow or a non-digit.
fn digits_value(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        if !b.is_ascii_digit() {
            return None;
        }
        acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

/// `len` as a `u8`, saturating.
fn count_u8(len: usize) -> u8 {
    u8::try_from(len).unwrap_or(u8::MAX)
}

fn check_month(month: u32) -> Result<u8, Kind> {
    // `month` comes from two digits, so it fits in a u8.
    let month = u8::try_from(month).unwrap_or(u8::MAX);
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(Kind::BadMonth { month })
    }
}

fn parse_new(s: &str) -> Result<ArxivId, Kind> {
    let (main, version) = split_version(s);
    let (yymm_str, number_str) = main.split_once('.').ok_or(Kind::NotAnId)?;
    if yymm_str.len() != 4
        || !all_digits(yymm_str)
        || number_str.is_empty()
        || !all_digits(number_str)
    {
        return Err(Kind::NotAnId);
    }
    let yymm_bytes = yymm_str.as_bytes();
    let yy = digits_value(yymm_bytes.get(..2).unwrap_or(&[])).ok_or(Kind::NotAnId)?;
    let mm = digits_value(yymm_bytes.get(2..).unwrap_or(&[])).ok_or(Kind::NotAnId)?;
    let month = check_month(mm)?;
    let yymm = u16::try_from(yy * 100).map_err(|_| Kind::NotAnId)? + u16::from(month);
    if yymm < FIRST_NEW_STYLE_YYMM {
        return Err(Kind::BeforeNewStyle);
    }
    let digits: u8 = if yymm <= LAST_FOUR_DIGIT_YYMM { 4 } else { 5 };
    if number_str.len() != usize::from(digits) {
        return Err(Kind::BadNumberLength {
            expected: digits,
            found: count_u8(number_str.len()),
        });
    }
    let number = digits_value(number_str.as_bytes()).ok_or(Kind::NotAnId)?;
    if number == 0 {
        return Err(Kind::ZeroNumber);
    }
    Ok(ArxivId {
        scheme: Scheme::New(NewStyle {
            yymm,
            number,
            digits,
        }),
        version: parse_version(version)?,
    })
}

fn parse_old(archive_part: &str, tail: &str) -> Result<ArxivId, Kind> {
    let (main, version) = split_version(tail);
    if main.is_empty() || !all_digits(main) {
        return Err(Kind::NotAnId);
    }
    let archive = parse_archive(archive_part)?;
    if main.len() != 7 {
        return Err(Kind::BadNumberLength {
            expected: 7,
            found: count_u8(main.len()),
        });
    }
    let bytes = main.as_bytes();
    let yy = digits_value(bytes.get(..2).unwrap_or(&[])).ok_or(Kind::NotAnId)?;
    let mm = digits_value(bytes.get(2..4).unwrap_or(&[])).ok_or(Kind::NotAnId)?;
    let number = digits_value(bytes.get(4..).unwrap_or(&[])).ok_or(Kind::NotAnId)?;
    let month = check_month(mm)?;
    let year = match yy {
        91..=99 => 1900 + yy,
        0..=7 => 2000 + yy,
        _ => return Err(Kind::BadYear),
    };
    if number == 0 {
        return Err(Kind::ZeroNumber);
    }
    Ok(ArxivId {
        scheme: Scheme::Old(OldStyle {
            archive,
            year: u16::try_from(year).map_err(|_| Kind::BadYear)?,
            month,
            number: u16::try_from(number).map_err(|_| Kind::NotAnId)?,
        }),
        version: parse_version(version)?,
    })
}

/// Validates `archive` or `archive.Class`, keeping only the archive.
fn parse_archive(part: &str) -> Result<Archive, Kind> {
    let (name, class) = match part.split_once('.') {
        Some((name, class)) => (name, Some(class)),
        None => (part, None),
    };
    let name_bytes = name.as_bytes();
    let name_ok = (ARCHIVE_MIN_LEN..=ARCHIVE_MAX_LEN).contains(&name_bytes.len())
        && name_bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b == b'-')
        && name_bytes.first().is_some_and(u8::is_ascii_lowercase)
        && name_bytes.last().is_some_and(u8::is_ascii_lowercase);
    let class_ok = class.is_none_or(|c| {
        (1..=SUBJECT_CLASS_MAX_LEN).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_alphabetic())
    });
    if !name_ok || !class_ok {
        return Err(Kind::BadArchive);
    }
    let mut bytes = [0u8; ARCHIVE_MAX_LEN];
    for (slot, &b) in bytes.iter_mut().zip(name_bytes) {
        *slot = b;
    }
    Ok(Archive {
        bytes,
        len: count_u8(name_bytes.len()),
    })
}

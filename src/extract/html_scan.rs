//! A single forward pass over a page's tags that finds the hydration elements and the
//! canonical link, without building a tree.
//!
//! It follows the HTML tokenizer's rules where they matter for finding attributes reliably:
//! comments, `<script>`/`<style>` raw text and quoted attribute values (which may hold `<`
//! and `>`) are skipped as units; attribute order, quote style and letter case do not matter.
//! Everything else (nesting, classes, ancestors) is ignored, so it is linear in the input and
//! cannot be slowed down by deep nesting.

use std::borrow::Cow;

use memchr::{memchr, memmem};

/// A raw attribute value and where it starts in the page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawAttr<'a> {
    pub value: &'a str,
    pub offset: usize,
}

/// An element that carries `data-target`.
#[derive(Clone, Debug)]
pub(crate) struct Hydrater<'a> {
    /// The decoded `data-target` value.
    pub target: String,
    pub props: Option<RawAttr<'a>>,
}

/// What the scan found.
#[derive(Debug, Default)]
pub(crate) struct PageScan<'a> {
    pub hydraters: Vec<Hydrater<'a>>,
    pub canonical: Option<RawAttr<'a>>,
    /// How many start tags were seen: tells HTML from other text.
    pub tags: usize,
    /// Where a quoted attribute value ran to the end of the input, if one did.
    pub unterminated_at: Option<usize>,
    /// An element whose `data-props` value runs to the end of the input: a page cut inside
    /// its blob. Its props hold what there is, from the opening quote on.
    pub cut_hydrater: Option<Hydrater<'a>>,
    /// A `<body>` start tag was seen: a canonical link after it does not count (HTML allows
    /// one only in the head, and search engines ignore one in the body).
    pub in_body: bool,
}

impl<'a> PageScan<'a> {
    /// The first element whose `data-target` is `target`.
    pub(crate) fn hydrater(&self, target: &str) -> Option<&Hydrater<'a>> {
        self.hydraters.iter().find(|h| h.target == target)
    }

    /// The page with the values of its large `data-props` emptied, for the readers that
    /// build a tree from the visible markup (which never read them).
    ///
    /// A listing page's blob is about half of it and nearly all character references; the
    /// tree builder would decode every one of them into an attribute nobody reads. Only what
    /// is between the quotes goes, so the markup tokenizes into the same elements.
    pub(crate) fn without_props(&self, html: &'a str) -> Cow<'a, str> {
        /// Smaller values cost less to decode than the copy costs.
        const LARGE: usize = 4096;
        let spans: Vec<(usize, usize)> = self
            .hydraters
            .iter()
            .chain(self.cut_hydrater.as_ref())
            .filter_map(|h| h.props)
            .filter(|p| p.value.len() >= LARGE)
            .map(|p| (p.offset, p.offset + p.value.len()))
            .collect();
        if spans.is_empty() {
            return Cow::Borrowed(html);
        }
        let mut light = String::with_capacity(html.len());
        let mut copied = 0;
        for (start, end) in spans {
            // In document order and apart; a span that is not (never from one scan) is kept.
            if start < copied || end > html.len() {
                continue;
            }
            light.push_str(&html[copied..start]);
            copied = end;
        }
        light.push_str(&html[copied..]);
        Cow::Owned(light)
    }
}

/// Built once: building a substring finder costs more than finding a short comment's end.
static COMMENT_END: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new(b"-->"));

/// Elements whose content is raw text: a `<` inside them does not start a tag.
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

/// The hydration elements that hold a whole page's data: the first one decides the page.
const BLOB_TARGETS: [&str; 2] = ["DailyPapers", "PaperContent"];

/// Scans the page once, up to what the readers need.
///
/// The scan stops after the first `DailyPapers` or `PaperContent` element that has its
/// `data-props`, the blob that decides what the page is, unless a `<link` tag (the only other
/// thing looked for, the canonical link) may still follow in the head: not once a `<body>`
/// tag was seen, since a canonical link in the body does not count. On a listing page that
/// skips the rendered cards, about half the page.
pub(crate) fn scan(html: &str) -> PageScan<'_> {
    let bytes = html.as_bytes();
    let mut out = PageScan::default();
    let mut blob_seen = false;
    let mut pos = 0;
    while let Some(found) = find_byte(b'<', &bytes[pos..]) {
        let lt = pos + found;
        let rest = &bytes[lt + 1..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                pos = match comment_end(&rest[3..]) {
                    Some(end) => lt + 1 + 3 + end + 3,
                    None => return out,
                };
            }
            Some(b'!' | b'?' | b'/') => {
                pos = match find_byte(b'>', rest) {
                    Some(end) => lt + 1 + end + 1,
                    None => return out,
                };
            }
            Some(c) if c.is_ascii_alphabetic() => match read_tag(html, lt + 1, &mut out) {
                TagEnd::At(end, name_is_raw_text) => {
                    out.tags += 1;
                    pos = end;
                    if let Some(name) = name_is_raw_text {
                        pos = skip_raw_text(bytes, pos, name);
                    }
                    if !blob_seen && out.hydraters.last().is_some_and(is_blob) {
                        blob_seen = true;
                        if out.canonical.is_some() || out.in_body || !may_hold_link(&bytes[pos..]) {
                            return out;
                        }
                    }
                }
                TagEnd::Eof => return out,
            },
            _ => pos = lt + 1,
        }
    }
    out
}

fn is_blob(hydrater: &Hydrater<'_>) -> bool {
    hydrater.props.is_some() && BLOB_TARGETS.contains(&hydrater.target.as_str())
}

/// Whether `<link` (any case) occurs in `bytes`, followed by what ends a tag name.
///
/// Searched as `<l` and `<L`, which are rare in markup (a few `<li>`), rather than at every
/// `<`, which costs a search restart per tag.
fn may_hold_link(bytes: &[u8]) -> bool {
    [&*LINK_LOWER, &*LINK_UPPER].iter().any(|finder| {
        finder.find_iter(bytes).any(|lt| {
            bytes
                .get(lt + 2..lt + 5)
                .is_some_and(|name| name.eq_ignore_ascii_case(b"ink"))
                && bytes
                    .get(lt + 5)
                    .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        })
    })
}

static LINK_LOWER: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new(b"<l"));
static LINK_UPPER: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new(b"<L"));

/// Where `needle` first occurs in `haystack`.
///
/// Most distances in markup are short (text between tags is usually empty, end tags are
/// short), where testing eight bytes at once in a register beats setting up a vectorized
/// search.
fn find_byte(needle: u8, haystack: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    if let Some(&head) = haystack.first_chunk::<8>() {
        // The classic "has a zero byte" test on `head ^ needle`: its lowest set bit is the
        // first match.
        let x = u64::from_le_bytes(head) ^ (ONES * u64::from(needle));
        let zeros = x.wrapping_sub(ONES) & !x & HIGHS;
        if zeros != 0 {
            return Some(zeros.trailing_zeros() as usize / 8);
        }
    }
    memchr(needle, haystack)
}

/// Where `-->` first occurs in `s`: usually at once, as in the markers `<!--[-->` and `<!---->`.
fn comment_end(s: &[u8]) -> Option<usize> {
    match s[..s.len().min(8)].windows(3).position(|w| w == b"-->") {
        Some(i) => Some(i),
        None => COMMENT_END.find(s),
    }
}

enum TagEnd {
    /// The byte after the tag's `>`, and the raw-text element name if it opens one.
    At(usize, Option<&'static str>),
    Eof,
}

/// A 256-entry membership table, for the byte classes of the tokenizer.
const fn byte_set(members: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < members.len() {
        set[members[i] as usize] = true;
        i += 1;
    }
    set
}

/// HTML's ASCII whitespace.
const SPACE: [bool; 256] = byte_set(b" \t\n\r\x0c");
/// What ends a tag name.
const ENDS_TAG_NAME: [bool; 256] = byte_set(b" \t\n\r\x0c/>");
/// What lies between attributes.
const BETWEEN_ATTRIBUTES: [bool; 256] = byte_set(b" \t\n\r\x0c/");
/// What ends an attribute name (a leading `=` is part of it).
const ENDS_ATTRIBUTE_NAME: [bool; 256] = byte_set(b" \t\n\r\x0c/>=");
/// What ends an unquoted attribute value.
const ENDS_UNQUOTED: [bool; 256] = byte_set(b" \t\n\r\x0c>");

fn is_space(b: u8) -> bool {
    SPACE[usize::from(b)]
}

/// The index of the first byte at or after `i` that is not in `set`.
fn skip(bytes: &[u8], mut i: usize, set: &[bool; 256]) -> usize {
    while i < bytes.len() && set[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// The index of the first byte at or after `i` that is in `set`.
fn skip_until(bytes: &[u8], mut i: usize, set: &[bool; 256]) -> usize {
    while i < bytes.len() && !set[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// Reads a start tag from just after its `<`, recording the attributes we look for.
fn read_tag<'a>(html: &'a str, start: usize, out: &mut PageScan<'a>) -> TagEnd {
    let bytes = html.as_bytes();
    let mut i = skip_until(bytes, start, &ENDS_TAG_NAME);
    let name = &bytes[start..i];
    let raw_text = RAW_TEXT
        .iter()
        .find(|raw| name.eq_ignore_ascii_case(raw.as_bytes()))
        .copied();
    let is_link = name.eq_ignore_ascii_case(b"link");
    let is_body = name.eq_ignore_ascii_case(b"body");

    let mut target: Option<RawAttr<'a>> = None;
    let mut props: Option<RawAttr<'a>> = None;
    let mut rel_canonical = false;
    let mut href: Option<RawAttr<'a>> = None;

    loop {
        i = skip(bytes, i, &BETWEEN_ATTRIBUTES);
        let Some(&b) = bytes.get(i) else {
            return TagEnd::Eof;
        };
        if b == b'>' {
            i += 1;
            break;
        }
        let name_start = i;
        i = skip_until(bytes, i + 1, &ENDS_ATTRIBUTE_NAME);
        let attr_name = &bytes[name_start..i];
        i = skip(bytes, i, &SPACE);
        if bytes.get(i) != Some(&b'=') {
            continue; // no value: none of the attributes we look for means anything bare
        }
        i = skip(bytes, i + 1, &SPACE);
        let value = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let Some(len) = find_byte(q, &bytes[i + 1..]) else {
                    out.unterminated_at.get_or_insert(i);
                    if let Some(target) = target.filter(|_| {
                        props.is_none() && attr_name.eq_ignore_ascii_case(b"data-props")
                    }) {
                        out.cut_hydrater = Some(Hydrater {
                            target: super::entities::decode(target.value).trim().to_owned(),
                            props: Some(RawAttr {
                                value: &html[i + 1..],
                                offset: i + 1,
                            }),
                        });
                    }
                    return TagEnd::Eof;
                };
                let value = RawAttr {
                    value: &html[i + 1..i + 1 + len],
                    offset: i + 1,
                };
                i += len + 2;
                value
            }
            Some(_) => {
                // Unquoted (`>` right after the `=` gives an empty value and ends the tag).
                let v_start = i;
                i = skip_until(bytes, i, &ENDS_UNQUOTED);
                RawAttr {
                    value: &html[v_start..i],
                    offset: v_start,
                }
            }
            None => return TagEnd::Eof,
        };
        // Keep only the first of duplicate attributes, as browsers do. The length tells
        // almost every other attribute apart before any comparison.
        match attr_name.len() {
            11 if attr_name.eq_ignore_ascii_case(b"data-target") => target = target.or(Some(value)),
            10 if attr_name.eq_ignore_ascii_case(b"data-props") => props = props.or(Some(value)),
            3 if is_link && attr_name.eq_ignore_ascii_case(b"rel") => {
                rel_canonical |= value
                    .value
                    .split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"));
            }
            4 if is_link && attr_name.eq_ignore_ascii_case(b"href") => href = href.or(Some(value)),
            _ => {}
        }
    }

    if let Some(target) = target {
        out.hydraters.push(Hydrater {
            target: super::entities::decode(target.value).trim().to_owned(),
            props,
        });
    }
    if rel_canonical && out.canonical.is_none() && !out.in_body {
        out.canonical = href;
    }
    out.in_body |= is_body;
    TagEnd::At(i, raw_text)
}

/// Skips the content of a raw-text element: the index of the `<` of its end tag `</name`, or
/// the end of the input.
pub(crate) fn skip_raw_text(bytes: &[u8], mut pos: usize, name: &str) -> usize {
    while let Some(found) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + found;
        let after = &bytes[lt + 1..];
        if after.first() == Some(&b'/')
            && after.len() > name.len()
            && after[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
            && after
                .get(name.len() + 1)
                .is_none_or(|&b| is_space(b) || b == b'>' || b == b'/')
        {
            return lt;
        }
        pos = lt + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_target_in_any_order_and_quote_style() {
        let page = r#"<html><head><link href="https://huggingface.co/papers/date/2026-07-02" rel="canonical"/>
            <script>var s = "<div data-target='DailyPapers' data-props='{}'>";</script></head>
            <!-- <div data-target="DailyPapers" data-props="x"> -->
            <body><DIV data-props='{"a":"<b>"}' class=x DATA-TARGET=DailyPapers>hi</DIV></body></html>"#;
        let scan = scan(page);
        let h = scan.hydrater("DailyPapers").expect("found");
        assert_eq!(h.props.map(|p| p.value), Some(r#"{"a":"<b>"}"#));
        assert_eq!(
            scan.canonical.map(|c| c.value),
            Some("https://huggingface.co/papers/date/2026-07-02")
        );
        assert_eq!(scan.hydraters.len(), 1);
    }

    #[test]
    fn stops_after_the_blob_unless_a_link_may_follow() {
        let blob = r#"<html><div data-target="DailyPapers" data-props="{}">"#;
        let after = r#"<div data-target="Later" data-props="{}"></div>"#;
        let page = format!("{blob}{after}");
        let targets = |page: &str| -> Vec<String> {
            scan(page).hydraters.into_iter().map(|h| h.target).collect()
        };
        assert_eq!(targets(&page), ["DailyPapers"]);
        // A canonical link after the blob is still found, in any case.
        for link in [
            r#"<LINK REL=canonical href="/a">"#,
            r#"<link/rel="canonical" href="/a">"#,
        ] {
            let page = format!("{blob}{after}{link}");
            assert_eq!(targets(&page), ["DailyPapers", "Later"]);
            assert_eq!(scan(&page).canonical.map(|c| c.value), Some("/a"));
        }
        // In the body, a canonical link does not count, so the scan stops at the blob.
        let in_body = format!("<body>{blob}{after}<link rel=canonical href=/a>");
        assert_eq!(targets(&in_body), ["DailyPapers"]);
        assert_eq!(scan(&in_body).canonical.map(|c| c.value), None);
        let head_and_body = r#"<link rel=canonical href=/h><BODY><link rel=canonical href=/b>"#;
        assert_eq!(scan(head_and_body).canonical.map(|c| c.value), Some("/h"));
        assert_eq!(
            scan("<body><link rel=canonical href=/b>")
                .canonical
                .map(|c| c.value),
            None
        );
        // `<linked>` is no link; a blob without props does not decide the page.
        assert_eq!(targets(&format!("{blob}{after}<linked>")), ["DailyPapers"]);
        let no_props = r#"<div data-target="PaperContent"><div data-target="DailyPapers" data-props="{}"><i data-target="x">"#;
        assert_eq!(targets(no_props), ["PaperContent", "DailyPapers"]);
    }

    #[test]
    fn large_props_are_emptied_for_the_tree_readers() {
        let big = "&quot;x".repeat(1000);
        let page = format!(
            r#"<div data-target="A" data-props="{big}"><article class='c'>é</article><i data-target=B data-props='{{}}'></i><p data-target="C" data-props="{big}">"#
        );
        let scan = scan(&page);
        assert_eq!(
            scan.without_props(&page),
            r#"<div data-target="A" data-props=""><article class='c'>é</article><i data-target=B data-props='{}'></i><p data-target="C" data-props="">"#
        );
        let small = r#"<div data-target="A" data-props="{}">"#;
        assert!(matches!(
            super::scan(small).without_props(small),
            Cow::Borrowed(_)
        ));
        // A page cut inside a blob loses the rest of the blob.
        let cut = format!(r#"<b data-target="A" data-props="{big}"#);
        assert_eq!(
            super::scan(&cut).without_props(&cut),
            r#"<b data-target="A" data-props=""#
        );
    }

    #[test]
    fn unterminated_attribute_is_reported() {
        let scan = scan(r#"<div data-target="DailyPapers" data-props="{&quot;a"#);
        assert!(scan.hydrater("DailyPapers").is_none());
        assert_eq!(scan.unterminated_at, Some(42));
        let cut = scan.cut_hydrater.expect("the cut blob");
        assert_eq!(cut.target, "DailyPapers");
        assert_eq!(
            cut.props.map(|p| (p.value, p.offset)),
            Some(("{&quot;a", 43))
        );
        // Cut in another attribute: no blob to salvage.
        let scan = super::scan(r#"<div data-target="DailyPapers" title="x"#);
        assert!(scan.cut_hydrater.is_none());
    }

    #[test]
    fn names_and_values_follow_the_tokenizer() {
        // A leading `=` is part of a name; `/` ends a name but not an unquoted value; a quote
        // inside a name or an unquoted value opens nothing; `>` inside quotes ends nothing.
        let page = concat!(
            r#"<div =data-target="A" x"=">" data-target = 'B' data-props=a"b>"#,
            r#"<div a/=data-target="C" data-target=D/ data-props="p">"#,
            r#"<link rel=canonical/ href="h1"><link href=h2 REL="x Canonical">"#,
        );
        let scan = scan(page);
        let found: Vec<(&str, Option<&str>)> = scan
            .hydraters
            .iter()
            .map(|h| (h.target.as_str(), h.props.map(|p| p.value)))
            .collect();
        assert_eq!(found, [("B", Some("a\"b")), ("D/", Some("p"))]);
        assert_eq!(scan.canonical.map(|c| c.value), Some("h2")); // `rel` is "canonical/"
    }

    /// The attribute-by-attribute reading the scan replaced, kept as the oracle for it.
    mod reference {
        use super::super::{RAW_TEXT, is_space, skip_raw_text};
        use memchr::memchr;

        pub(super) type Found = (
            Vec<(String, Option<(String, usize)>)>,
            Option<(String, usize)>,
            usize,
            Option<usize>,
            bool,
        );

        pub(super) fn scan(html: &str) -> Found {
            let bytes = html.as_bytes();
            let mut out: Found = (Vec::new(), None, 0, None, false);
            let mut pos = 0;
            while let Some(found) = memchr(b'<', &bytes[pos..]) {
                let lt = pos + found;
                let rest = &bytes[lt + 1..];
                match rest.first() {
                    Some(b'!') if rest.starts_with(b"!--") => {
                        match memchr::memmem::find(&rest[3..], b"-->") {
                            Some(end) => pos = lt + 1 + 3 + end + 3,
                            None => return out,
                        }
                    }
                    Some(b'!' | b'?' | b'/') => match memchr(b'>', rest) {
                        Some(end) => pos = lt + 1 + end + 1,
                        None => return out,
                    },
                    Some(c) if c.is_ascii_alphabetic() => match read_tag(html, lt + 1, &mut out) {
                        Some((end, raw)) => {
                            out.2 += 1;
                            pos = end;
                            if let Some(name) = raw {
                                pos = skip_raw_text(bytes, pos, name);
                            }
                        }
                        None => return out,
                    },
                    _ => pos = lt + 1,
                }
            }
            out
        }

        fn read_tag(
            html: &str,
            start: usize,
            out: &mut Found,
        ) -> Option<(usize, Option<&'static str>)> {
            let bytes = html.as_bytes();
            let mut i = start;
            while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
                i += 1;
            }
            let name = &bytes[start..i];
            let raw_text = RAW_TEXT
                .iter()
                .find(|r| name.eq_ignore_ascii_case(r.as_bytes()))
                .copied();
            let is_link = name.eq_ignore_ascii_case(b"link");
            let is_body = name.eq_ignore_ascii_case(b"body");
            let (mut target, mut props, mut rel, mut href) = (None, None, false, None);
            loop {
                while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                    i += 1;
                }
                let &b = bytes.get(i)?;
                if b == b'>' {
                    i += 1;
                    break;
                }
                let name_start = i;
                i += 1;
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
                    )
                {
                    i += 1;
                }
                let attr = &bytes[name_start..i];
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                let mut value: Option<(String, usize)> = None;
                if bytes.get(i) == Some(&b'=') {
                    i += 1;
                    while i < bytes.len() && is_space(bytes[i]) {
                        i += 1;
                    }
                    match bytes.get(i) {
                        Some(&q @ (b'"' | b'\'')) => {
                            let Some(len) = memchr(q, &bytes[i + 1..]) else {
                                out.3.get_or_insert(i);
                                return None;
                            };
                            value = Some((html[i + 1..i + 1 + len].to_owned(), i + 1));
                            i += len + 2;
                        }
                        Some(_) => {
                            let v = i;
                            while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                                i += 1;
                            }
                            value = Some((html[v..i].to_owned(), v));
                        }
                        None => return None,
                    }
                }
                if attr.eq_ignore_ascii_case(b"data-target") {
                    target = target.or(value);
                } else if attr.eq_ignore_ascii_case(b"data-props") {
                    props = props.or(value);
                } else if is_link && attr.eq_ignore_ascii_case(b"rel") {
                    rel |= value.is_some_and(|v| {
                        v.0.split_ascii_whitespace()
                            .any(|t| t.eq_ignore_ascii_case("canonical"))
                    });
                } else if is_link && attr.eq_ignore_ascii_case(b"href") {
                    href = href.or(value);
                }
            }
            if let Some(t) = target {
                out.0.push((
                    crate::extract::entities::decode(&t.0).trim().to_owned(),
                    props,
                ));
            }
            if rel && out.1.is_none() && !out.4 {
                out.1 = href;
            }
            out.4 |= is_body;
            Some((i, raw_text))
        }
    }

    /// Pieces of pages: the characters that change the tokenizer's state, and the names the
    /// scan looks for.
    fn page_pieces() -> impl Strategy<Value = String> {
        const TOKENS: [&str; 17] = [
            "<div ",
            "<body>",
            "<BODY ",
            "<link ",
            "<LINK ",
            "data-target",
            "DATA-PROPS",
            "data-props",
            "rel",
            "canonical",
            "href",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "=\"x\"",
            "='y'",
        ];
        let pieces = prop_oneof![
            "[<>=\"' /\t\nax!-]{1,4}",
            proptest::sample::select(&TOKENS[..]).prop_map(str::to_owned),
        ];
        proptest::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The jumping scan finds exactly what reading every attribute finds.
        #[test]
        fn agrees_with_reading_every_attribute(page in page_pieces()) {
            let fast = scan(&page);
            let found: reference::Found = (
                fast.hydraters
                    .iter()
                    .map(|h| (h.target.clone(), h.props.map(|p| (p.value.to_owned(), p.offset))))
                    .collect(),
                fast.canonical.map(|c| (c.value.to_owned(), c.offset)),
                fast.tags,
                fast.unterminated_at,
                fast.in_body,
            );
            prop_assert_eq!(found, reference::scan(&page), "{:?}", page);
        }
    }

    #[test]
    fn never_panics_on_cut_input() {
        let page = r#"<div data-target="DailyPapers" data-props="{}"><script>x</script><!-- c -->"#;
        for cut in 0..=page.len() {
            let _ = scan(&page[..cut]);
        }
    }
}

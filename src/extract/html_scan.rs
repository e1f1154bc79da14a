//! A single forward pass over a page's tags that finds the hydration elements and the
//! canonical link, without building a tree.
//!
//! It follows the HTML tokenizer's rules where they matter for finding attributes reliably:
//! comments, `<script>`/`<style>` raw text and quoted attribute values (which may hold `<`
//! and `>`) are skipped as units; attribute order, quote style and letter case do not matter.
//! Everything else (nesting, classes, ancestors) is ignored, so it is linear in the input and
//! cannot be slowed down by deep nesting.

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
}

impl<'a> PageScan<'a> {
    /// The first element whose `data-target` is `target`.
    pub(crate) fn hydrater(&self, target: &str) -> Option<&Hydrater<'a>> {
        self.hydraters.iter().find(|h| h.target == target)
    }
}

/// Built once: building a substring finder costs more than finding a short comment's end.
static COMMENT_END: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new(b"-->"));

/// Elements whose content is raw text: a `<` inside them does not start a tag.
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

/// Scans the whole page once.
pub(crate) fn scan(html: &str) -> PageScan<'_> {
    let bytes = html.as_bytes();
    let mut out = PageScan::default();
    let mut pos = 0;
    while let Some(found) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + found;
        let rest = &bytes[lt + 1..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                pos = match COMMENT_END.find(&rest[3..]) {
                    Some(end) => lt + 1 + 3 + end + 3,
                    None => return out,
                };
            }
            Some(b'!' | b'?' | b'/') => {
                pos = match memchr(b'>', rest) {
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
                }
                TagEnd::Eof => return out,
            },
            _ => pos = lt + 1,
        }
    }
    out
}

enum TagEnd {
    /// The byte after the tag's `>`, and the raw-text element name if it opens one.
    At(usize, Option<&'static str>),
    Eof,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads a start tag from just after its `<`, recording the attributes we look for.
fn read_tag<'a>(html: &'a str, start: usize, out: &mut PageScan<'a>) -> TagEnd {
    let bytes = html.as_bytes();
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    let name = &bytes[start..i];
    let raw_text = RAW_TEXT
        .iter()
        .find(|raw| name.eq_ignore_ascii_case(raw.as_bytes()))
        .copied();
    let is_link = name.eq_ignore_ascii_case(b"link");

    let mut target: Option<RawAttr<'a>> = None;
    let mut props: Option<RawAttr<'a>> = None;
    let mut rel_canonical = false;
    let mut href: Option<RawAttr<'a>> = None;

    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return TagEnd::Eof;
        };
        if b == b'>' {
            i += 1;
            break;
        }
        let name_start = i;
        // An attribute name runs to a space, `/`, `>` or `=` (a leading `=` is part of it).
        i += 1;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
            )
        {
            i += 1;
        }
        let attr_name = &bytes[name_start..i];
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let mut value: Option<RawAttr<'a>> = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let Some(len) = memchr(q, &bytes[i + 1..]) else {
                        out.unterminated_at.get_or_insert(i);
                        return TagEnd::Eof;
                    };
                    value = Some(RawAttr {
                        value: &html[i + 1..i + 1 + len],
                        offset: i + 1,
                    });
                    i += len + 2;
                }
                Some(_) => {
                    let v_start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = Some(RawAttr {
                        value: &html[v_start..i],
                        offset: v_start,
                    });
                }
                None => return TagEnd::Eof,
            }
        }
        // Keep only the first of duplicate attributes, as browsers do.
        if attr_name.eq_ignore_ascii_case(b"data-target") {
            target = target.or(value);
        } else if attr_name.eq_ignore_ascii_case(b"data-props") {
            props = props.or(value);
        } else if is_link && attr_name.eq_ignore_ascii_case(b"rel") {
            rel_canonical |= value.is_some_and(|v| {
                v.value
                    .split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            });
        } else if is_link && attr_name.eq_ignore_ascii_case(b"href") {
            href = href.or(value);
        }
    }

    if let Some(target) = target {
        out.hydraters.push(Hydrater {
            target: super::entities::decode(target.value).trim().to_owned(),
            props,
        });
    }
    if rel_canonical && out.canonical.is_none() {
        out.canonical = href;
    }
    TagEnd::At(i, raw_text)
}

/// Skips the content of a raw-text element to just after its end tag.
fn skip_raw_text(bytes: &[u8], mut pos: usize, name: &str) -> usize {
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
    fn unterminated_attribute_is_reported() {
        let scan = scan(r#"<div data-target="DailyPapers" data-props="{&quot;a"#);
        assert!(scan.hydrater("DailyPapers").is_none());
        assert!(scan.unterminated_at.is_some());
    }

    #[test]
    fn never_panics_on_cut_input() {
        let page = r#"<div data-target="DailyPapers" data-props="{}"><script>x</script><!-- c -->"#;
        for cut in 0..=page.len() {
            let _ = scan(&page[..cut]);
        }
    }
}

//! A tree for the degraded readers (a listing's visible cards, a paper page's visible
//! content), built only after one linear pass has bounded the page's element nesting.
//!
//! html5ever has no cap on nesting and its tree building slows down with the square of the
//! depth, so [`parse_bounded`] first estimates the depth the tree builder will reach, with the
//! tokenizer rules of [`html_scan`](super::html_scan) (comments, raw-text elements, quoted
//! attributes) and a model of the tree builder's stack of open elements: void elements,
//! self-closing tags in SVG and MathML, end tags that close elements (and the ones the tree
//! builder ignores), the tags that close an open `<p>`, `<li>`, table cell or row, and the
//! formatting elements (`<b>`, `<a>`, ...) that the tree builder reopens after their parent
//! closed. Where the model is unsure it keeps an element open, so the estimate can be higher
//! than the real depth but never lower.
//!
//! The helpers below it read text, counts and paper links from the tree; no scraper type
//! leaves this crate.

use std::sync::LazyLock;

use memchr::{memchr, memmem};
use scraper::{ElementRef, Html, Node, Selector};

use crate::normalize::{absolute_url, clean_text, parse_count};
use crate::{ArxivId, Error, Stage};

/// Builds the tree of `html` after checking that its element nesting is at most `max_depth`.
///
/// The check is one pass over the input, linear in its length whatever the nesting.
pub(crate) fn parse_bounded(html: &str, max_depth: usize) -> Result<Html, Error> {
    let depth = nesting_depth(html, max_depth);
    if depth > max_depth {
        return Err(Error::LimitExceeded {
            stage: Stage::Html,
            what: "element nesting depth",
            limit: max_depth,
            actual: depth,
        });
    }
    Ok(Html::parse_document(html))
}

/// The deepest element nesting the tree builder will reach for `html` (counting the `html`
/// and `body` elements it always creates), or a value above `limit` as soon as the page goes
/// deeper than `limit`. Never lower than the real depth.
pub(crate) fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let mut builder = Builder::new(limit);
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    let mut pos = 0;
    while let Some(found) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + found;
        if lt > pos {
            builder.text();
        }
        let rest = &bytes[lt + 1..];
        let next = match rest.first() {
            Some(b'!') => skip_declaration(bytes, lt, builder.in_foreign_element()),
            Some(b'?') => skip_past(bytes, lt + 1, b'>'),
            Some(b'/') => match rest.get(1) {
                Some(c) if c.is_ascii_alphabetic() => {
                    read_tag(html, lt + 2, &mut attrs).map(|tag| {
                        builder.end_tag(&tag.name);
                        tag.end
                    })
                }
                Some(b'>') => Some(lt + 3),
                Some(_) => skip_past(bytes, lt + 2, b'>'),
                None => None,
            },
            Some(c) if c.is_ascii_alphabetic() => {
                read_tag(html, lt + 1, &mut attrs).and_then(|tag| {
                    match builder.start_tag(&tag.name, &attrs, tag.self_closing) {
                        Content::Markup => Some(tag.end),
                        Content::RawText(name) => Some(skip_raw_text(bytes, tag.end, name)),
                        // Everything after `<plaintext>` is text.
                        Content::Plaintext => None,
                    }
                })
            }
            // A `<` that starts no tag is text.
            _ => {
                builder.text();
                Some(lt + 1)
            }
        };
        if builder.exceeded() {
            return builder.max;
        }
        match next {
            Some(next) => pos = next,
            // The rest of the input is inside a comment, a tag or raw text.
            None => return builder.max,
        }
    }
    if pos < bytes.len() {
        builder.text();
    }
    builder.max
}

/// What follows a start tag.
enum Content {
    Markup,
    /// Raw text up to the element's end tag (`<script>`, `<style>`, `<title>`, ...).
    RawText(&'static str),
    Plaintext,
}

struct Tag {
    /// The name, lowercased as the tokenizer does.
    name: String,
    /// The byte after the tag's `>`.
    end: usize,
    self_closing: bool,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The byte after the next `needle` from `from`, or `None` at the end of the input.
fn skip_past(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr(needle, bytes.get(from..)?).map(|i| from + i + 1)
}

/// Skips a `<!...>` construct starting at `lt`: a comment (with the tokenizer's abrupt
/// `<!-->` and `--!>` endings), a CDATA section inside SVG or MathML, or a doctype or bogus
/// comment up to the next `>`.
fn skip_declaration(bytes: &[u8], lt: usize, foreign: bool) -> Option<usize> {
    let rest = &bytes[lt + 2..];
    if let Some(body) = rest.strip_prefix(b"--") {
        let start = lt + 4;
        if body.first() == Some(&b'>') {
            return Some(start + 1);
        }
        if body.starts_with(b"->") {
            return Some(start + 2);
        }
        let end = memmem::find(body, b"-->").map(|i| i + 3);
        let bang = memmem::find(body, b"--!>").map(|i| i + 4);
        let first = match (end, bang) {
            (Some(a), Some(b)) if b - 4 < a - 3 => b,
            (Some(a), _) => a,
            (None, b) => b?,
        };
        return Some(start + first);
    }
    if foreign && rest.starts_with(b"[CDATA[") {
        return memmem::find(&rest[7..], b"]]>").map(|i| lt + 2 + 7 + i + 3);
    }
    skip_past(bytes, lt + 2, b'>')
}

/// Reads a start or end tag from its name (just after `<` or `</`), collecting the raw
/// attributes of a start tag into `attrs`. `None` when the input ends inside the tag.
fn read_tag<'a>(html: &'a str, start: usize, attrs: &mut Vec<(&'a str, &'a str)>) -> Option<Tag> {
    attrs.clear();
    let bytes = html.as_bytes();
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    let name = html.get(start..i)?.to_ascii_lowercase();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        match *bytes.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                i += 1;
                if bytes.get(i) == Some(&b'>') {
                    self_closing = true;
                    i += 1;
                    break;
                }
                continue;
            }
            _ => {}
        }
        let name_start = i;
        // An attribute name runs to a space, `/`, `>` or `=` (a leading `=` is part of it).
        i += 1;
        while i < bytes.len() && !matches!(bytes[i], b'/' | b'>' | b'=') && !is_space(bytes[i]) {
            i += 1;
        }
        let attr_name = html.get(name_start..i)?;
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match *bytes.get(i)? {
                q @ (b'"' | b'\'') => {
                    let len = memchr(q, &bytes[i + 1..])?;
                    value = html.get(i + 1..i + 1 + len)?;
                    i += len + 2;
                }
                _ => {
                    let v_start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = html.get(v_start..i)?;
                }
            }
        }
        attrs.push((attr_name, value));
    }
    Some(Tag {
        name,
        end: i,
        self_closing,
    })
}

/// Skips raw text to the start of its end tag `</name` (or to the end of the input).
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

// ---------------------------------------------------------------------------------------
// The model of the tree builder.

/// The `html` and `body` elements the tree builder always creates.
const BASE_DEPTH: usize = 2;

const VOID: [&str; 19] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content the tokenizer reads as text (scripting is on in scraper).
const RAW_TEXT: [&str; 9] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that put a marker in the list of active formatting elements.
const MARKERS: [&str; 7] = [
    "applet", "caption", "marquee", "object", "td", "th", "template",
];

/// Start tags that close an open `<p>` (in button scope) first.
const CLOSES_P: [&str; 40] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "plaintext",
    "xmp",
    "hr",
    "li",
    "dd",
    "dt",
];

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// HTML start tags that leave SVG or MathML content.
const BREAKOUT: [&str; 44] = [
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// The HTML elements of the tree builder's "special" category.
const SPECIAL: [&str; 83] = [
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

/// HTML elements that bound the default scope.
const SCOPE: [&str; 9] = [
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

const MATHML_TEXT_POINTS: [&str; 5] = ["mi", "mo", "mn", "ms", "mtext"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// How the tree builder treats content inside a foreign element.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Point {
    None,
    /// An HTML integration point: start tags and text are read as HTML.
    Html,
    /// A MathML text integration point (`mi`, `mo`, ...).
    MathText,
    /// `annotation-xml` that is not an HTML integration point: only `<svg>` is read as HTML.
    AnnotationXml,
}

#[derive(Debug)]
struct Open {
    name: String,
    ns: Ns,
    point: Point,
    /// The element's entry in the list of active formatting elements: index and serial.
    entry: Option<(usize, u64)>,
    marker: bool,
}

impl Open {
    fn is(&self, name: &str) -> bool {
        self.ns == Ns::Html && self.name == name
    }

    fn special(&self) -> bool {
        match self.ns {
            Ns::Html => SPECIAL.contains(&self.name.as_str()),
            _ => self.foreign_boundary(),
        }
    }

    fn scope_boundary(&self) -> bool {
        match self.ns {
            Ns::Html => SCOPE.contains(&self.name.as_str()),
            _ => self.foreign_boundary(),
        }
    }

    fn foreign_boundary(&self) -> bool {
        match self.ns {
            Ns::Html => false,
            Ns::MathMl => {
                MATHML_TEXT_POINTS.contains(&self.name.as_str()) || self.name == "annotation-xml"
            }
            Ns::Svg => matches!(self.name.as_str(), "foreignobject" | "desc" | "title"),
        }
    }
}

#[derive(Debug)]
struct Formatting {
    serial: u64,
    name: String,
    /// Decoded-free raw attributes, sorted, first of duplicates kept: for the "Noah's Ark"
    /// rule, which compares elements by name and attributes.
    attrs: Vec<(String, String)>,
    on_stack: bool,
    live: bool,
}

#[derive(Debug)]
enum Entry {
    Marker,
    Element(Formatting),
}

/// The list of active formatting elements. Entries are never moved, only killed (and dropped
/// from the end), so that an open element can point at its entry by index.
#[derive(Debug)]
struct ActiveFormatting {
    entries: Vec<Entry>,
    /// Indices of the markers, in order.
    markers: Vec<usize>,
    /// For each run of entries between markers: how many live entries are off the stack.
    off: Vec<usize>,
}

impl ActiveFormatting {
    fn new() -> Self {
        ActiveFormatting {
            entries: Vec::new(),
            markers: Vec::new(),
            off: vec![0],
        }
    }

    fn last_marker_end(&self) -> usize {
        self.markers.last().map_or(0, |m| m + 1)
    }

    fn segment(&self, index: usize) -> usize {
        self.markers.partition_point(|&m| m < index)
    }

    fn get(&mut self, (index, serial): (usize, u64)) -> Option<&mut Formatting> {
        match self.entries.get_mut(index) {
            Some(Entry::Element(f)) if f.serial == serial && f.live => Some(f),
            _ => None,
        }
    }

    fn set_on_stack(&mut self, at: (usize, u64), on: bool) {
        let segment = self.segment(at.0);
        if let Some(f) = self.get(at)
            && f.on_stack != on
        {
            f.on_stack = on;
            if on {
                self.off[segment] -= 1;
            } else {
                self.off[segment] += 1;
            }
        }
    }

    fn kill(&mut self, at: (usize, u64)) {
        let segment = self.segment(at.0);
        if let Some(f) = self.get(at) {
            f.live = false;
            if !f.on_stack {
                self.off[segment] -= 1;
            }
        }
        while matches!(self.entries.last(), Some(Entry::Element(f)) if !f.live) {
            self.entries.pop();
        }
    }

    fn push_marker(&mut self) {
        self.markers.push(self.entries.len());
        self.entries.push(Entry::Marker);
        self.off.push(0);
    }

    fn clear_to_marker(&mut self) {
        match self.markers.pop() {
            Some(m) => {
                self.entries.truncate(m);
                self.off.pop();
            }
            None => {
                self.entries.clear();
                self.off = vec![0];
            }
        }
    }

    /// Appends an element, first dropping the earliest of three identical ones.
    fn push(&mut self, serial: u64, name: &str, raw_attrs: &[(&str, &str)]) -> (usize, u64) {
        let mut attrs: Vec<(String, String)> = Vec::with_capacity(raw_attrs.len());
        for (n, v) in raw_attrs {
            let n = n.to_ascii_lowercase();
            if !attrs.iter().any(|(seen, _)| *seen == n) {
                attrs.push((n, (*v).to_owned()));
            }
        }
        attrs.sort();
        let start = self.last_marker_end();
        let same: Vec<usize> = (start..self.entries.len())
            .filter(|&i| {
                matches!(&self.entries[i], Entry::Element(f)
                    if f.live && f.name == name && f.attrs == attrs)
            })
            .collect();
        if same.len() >= 3
            && let Entry::Element(f) = &self.entries[same[0]]
        {
            let at = (same[0], f.serial);
            self.kill(at);
        }
        let index = self.entries.len();
        self.entries.push(Entry::Element(Formatting {
            serial,
            name: name.to_owned(),
            attrs,
            on_stack: true,
            live: true,
        }));
        (index, serial)
    }

    /// The last live element after the last marker with this name.
    fn find(&self, name: &str) -> Option<(usize, u64, bool)> {
        let start = self.last_marker_end();
        (start..self.entries.len())
            .rev()
            .find_map(|i| match &self.entries[i] {
                Entry::Element(f) if f.live && f.name == name => Some((i, f.serial, f.on_stack)),
                _ => None,
            })
    }
}

struct Builder {
    stack: Vec<Open>,
    active: ActiveFormatting,
    next_serial: u64,
    max: usize,
    limit: usize,
}

impl Builder {
    fn new(limit: usize) -> Self {
        Builder {
            stack: Vec::new(),
            active: ActiveFormatting::new(),
            next_serial: 0,
            max: BASE_DEPTH,
            limit,
        }
    }

    fn exceeded(&self) -> bool {
        self.max > self.limit
    }

    fn note_depth(&mut self, depth: usize) {
        self.max = self.max.max(depth);
    }

    fn push(&mut self, open: Open) {
        self.stack.push(open);
        self.note_depth(BASE_DEPTH + self.stack.len());
    }

    fn forget(&mut self, open: &Open) {
        if let Some(at) = open.entry {
            self.active.set_on_stack(at, false);
        }
        if open.marker {
            self.active.clear_to_marker();
        }
    }

    /// Pops the elements from the top down to `index`, included.
    fn truncate(&mut self, index: usize) {
        while self.stack.len() > index {
            if let Some(open) = self.stack.pop() {
                self.forget(&open);
            }
        }
    }

    /// Whether the current node is SVG or MathML (where CDATA sections exist).
    fn in_foreign_element(&self) -> bool {
        self.stack.last().is_some_and(|top| top.ns != Ns::Html)
    }

    /// Whether a start tag named `name` is read by the rules for foreign content.
    fn foreign_rules_for(&self, name: &str) -> bool {
        match self.stack.last() {
            None => false,
            Some(top) if top.ns == Ns::Html => false,
            Some(top) => match top.point {
                Point::None => true,
                Point::Html => false,
                Point::MathText => matches!(name, "mglyph" | "malignmark"),
                Point::AnnotationXml => name != "svg",
            },
        }
    }

    fn text(&mut self) {
        let html_rules = match self.stack.last() {
            None => true,
            Some(top) => top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText),
        };
        if html_rules {
            self.reconstruct();
        }
    }

    /// Reopens the formatting elements that were closed by their parent's end tag (the tree
    /// builder does this before text and most start tags). All of them, not only the last
    /// run the tree builder reopens: more depth, never less.
    fn reconstruct(&mut self) {
        if self.active.off.last().copied().unwrap_or(0) == 0 {
            return;
        }
        let start = self.active.last_marker_end();
        for index in start..self.active.entries.len() {
            let (serial, name) = match &self.active.entries[index] {
                Entry::Element(f) if f.live && !f.on_stack => (f.serial, f.name.clone()),
                _ => continue,
            };
            self.active.set_on_stack((index, serial), true);
            self.push(Open {
                name,
                ns: Ns::Html,
                point: Point::None,
                entry: Some((index, serial)),
                marker: false,
            });
        }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)], self_closing: bool) -> Content {
        if self.foreign_rules_for(name) {
            let breakout = BREAKOUT.contains(&name)
                || (name == "font"
                    && attrs.iter().any(|(n, _)| {
                        ["color", "face", "size"]
                            .iter()
                            .any(|a| n.eq_ignore_ascii_case(a))
                    }));
            if !breakout {
                let ns = self.stack.last().map_or(Ns::Html, |top| top.ns);
                self.insert_foreign(name, ns, attrs, self_closing);
                return Content::Markup;
            }
            while let Some(top) = self.stack.last() {
                if top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText) {
                    break;
                }
                self.truncate(self.stack.len() - 1);
            }
        }
        self.html_start_tag(name, attrs, self_closing)
    }

    fn insert_foreign(&mut self, name: &str, ns: Ns, attrs: &[(&str, &str)], self_closing: bool) {
        if self_closing {
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return;
        }
        let point = match ns {
            Ns::Svg if matches!(name, "foreignobject" | "desc" | "title") => Point::Html,
            Ns::MathMl if MATHML_TEXT_POINTS.contains(&name) => Point::MathText,
            Ns::MathMl if name == "annotation-xml" => {
                let html_encoding = attrs.iter().any(|(n, v)| {
                    n.eq_ignore_ascii_case("encoding")
                        && (v.eq_ignore_ascii_case("text/html")
                            || v.eq_ignore_ascii_case("application/xhtml+xml"))
                });
                if html_encoding {
                    Point::Html
                } else {
                    Point::AnnotationXml
                }
            }
            _ => Point::None,
        };
        self.push(Open {
            name: name.to_owned(),
            ns,
            point,
            entry: None,
            marker: false,
        });
    }

    fn html_start_tag(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        self_closing: bool,
    ) -> Content {
        // The tree builder creates these once and merges later copies into them.
        if matches!(name, "html" | "head" | "body" | "frameset") {
            return Content::Markup;
        }
        match name {
            "li" => self.close_list_item(&["li"]),
            "dd" | "dt" => self.close_list_item(&["dd", "dt"]),
            _ => {}
        }
        if CLOSES_P.contains(&name) {
            self.close_p();
        }
        match name {
            _ if HEADINGS.contains(&name) => {
                if self
                    .stack
                    .last()
                    .is_some_and(|top| top.ns == Ns::Html && HEADINGS.contains(&top.name.as_str()))
                {
                    self.truncate(self.stack.len() - 1);
                }
            }
            "option" | "optgroup" => {
                if self.stack.last().is_some_and(|top| top.is("option")) {
                    self.truncate(self.stack.len() - 1);
                }
            }
            "td" | "th" => self.close_table_parts(&["td", "th"]),
            "tr" => self.close_table_parts(&["td", "th", "tr"]),
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => self.close_table_parts(&[
                "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup",
            ]),
            _ => {}
        }
        self.reconstruct();
        match name {
            "svg" => {
                self.insert_foreign(name, Ns::Svg, attrs, self_closing);
                return Content::Markup;
            }
            "math" => {
                self.insert_foreign(name, Ns::MathMl, attrs, self_closing);
                return Content::Markup;
            }
            _ => {}
        }
        // `<div/>` opens a div: only void elements ignore the self-closing flag safely.
        if VOID.contains(&name) {
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return Content::Markup;
        }
        let serial = self.next_serial;
        self.next_serial += 1;
        let entry = FORMATTING
            .contains(&name)
            .then(|| self.active.push(serial, name, attrs));
        let marker = MARKERS.contains(&name);
        self.push(Open {
            name: name.to_owned(),
            ns: Ns::Html,
            point: Point::None,
            entry,
            marker,
        });
        if marker {
            self.active.push_marker();
        }
        if name == "plaintext" {
            return Content::Plaintext;
        }
        match RAW_TEXT.iter().find(|raw| **raw == name) {
            Some(raw) => Content::RawText(raw),
            None => Content::Markup,
        }
    }

    /// Closes an open `<p>` in button scope.
    fn close_p(&mut self) {
        if let Some(i) = self.find_in_scope(|o| o.is("p"), &["button"]) {
            self.truncate(i);
        }
    }

    /// Before `<li>` (or `<dd>`/`<dt>`): closes the open one, unless a special element other
    /// than `address`, `div` or `p` comes first.
    fn close_list_item(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.ns == Ns::Html && names.contains(&node.name.as_str()) {
                self.truncate(i);
                return;
            }
            if node.special()
                && !(node.ns == Ns::Html && matches!(node.name.as_str(), "address" | "div" | "p"))
            {
                return;
            }
        }
    }

    /// Before a table cell, row or section: closes the open ones inside the nearest table.
    fn close_table_parts(&mut self, names: &[&str]) {
        let mut lowest = None;
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.ns != Ns::Html {
                continue;
            }
            if matches!(node.name.as_str(), "table" | "template" | "html") {
                break;
            }
            if names.contains(&node.name.as_str()) {
                lowest = Some(i);
            }
        }
        // Without a table around them the tree builder ignores such tags; keeping what is
        // open is the safe side.
        let in_table = self.stack.iter().any(|o| o.is("table"));
        if let (Some(i), true) = (lowest, in_table) {
            self.truncate(i);
        }
    }

    /// The index of the topmost element matching `target` that is in scope: reached from the
    /// top without crossing a scope boundary (or one of `extra`).
    fn find_in_scope(&self, target: impl Fn(&Open) -> bool, extra: &[&str]) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if target(node) {
                return Some(i);
            }
            if node.scope_boundary() || (node.ns == Ns::Html && extra.contains(&node.name.as_str()))
            {
                return None;
            }
        }
        None
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            // `</br>` is read as `<br>`.
            self.start_tag("br", &[], false);
            return;
        }
        if self.in_foreign_element() {
            if name == "p" {
                while let Some(top) = self.stack.last() {
                    if top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText) {
                        break;
                    }
                    self.truncate(self.stack.len() - 1);
                }
                self.html_end_tag(name);
                return;
            }
            for i in (0..self.stack.len()).rev() {
                let node = &self.stack[i];
                if node.ns == Ns::Html {
                    self.html_end_tag(name);
                    return;
                }
                if node.name == name {
                    self.truncate(i);
                    return;
                }
            }
            return;
        }
        self.html_end_tag(name);
    }

    fn html_end_tag(&mut self, name: &str) {
        match name {
            "html" | "body" | "head" | "frameset" => {}
            "form" => {
                // The form element is taken out of the stack alone.
                if let Some(i) = self.find_in_scope(|o| o.is("form"), &[]) {
                    let open = self.stack.remove(i);
                    self.forget(&open);
                }
            }
            "p" => self.close_p(),
            "li" => {
                if let Some(i) = self.find_in_scope(|o| o.is("li"), &["ol", "ul"]) {
                    self.truncate(i);
                }
            }
            _ if HEADINGS.contains(&name) => {
                let heading = |o: &Open| o.ns == Ns::Html && HEADINGS.contains(&o.name.as_str());
                if let Some(i) = self.find_in_scope(heading, &[]) {
                    self.truncate(i);
                }
            }
            _ if FORMATTING.contains(&name) => self.formatting_end_tag(name),
            _ if SPECIAL.contains(&name) => {
                if let Some(i) = self.find_in_scope(|o| o.is(name), &[]) {
                    self.truncate(i);
                }
            }
            _ => self.any_other_end_tag(name),
        }
    }

    fn any_other_end_tag(&mut self, name: &str) {
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.is(name) {
                self.truncate(i);
                return;
            }
            if node.special() {
                return;
            }
        }
    }

    /// The adoption agency, kept on the safe side: where the tree builder would move
    /// elements around (a block inside the formatting element), nothing is closed.
    fn formatting_end_tag(&mut self, name: &str) {
        if let Some(top) = self.stack.last()
            && top.is(name)
            && top.entry.is_none_or(|at| {
                self.active
                    .entries
                    .get(at.0)
                    .is_none_or(|e| !matches!(e, Entry::Element(f) if f.serial == at.1 && f.live))
            })
        {
            self.truncate(self.stack.len() - 1);
            return;
        }
        let Some((index, serial, on_stack)) = self.active.find(name) else {
            self.any_other_end_tag(name);
            return;
        };
        if !on_stack {
            self.active.kill((index, serial));
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.entry == Some((index, serial)) {
                self.truncate(i);
                self.active.kill((index, serial));
                return;
            }
            if node.special() || node.scope_boundary() {
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reading the tree.

/// A selector built once.
pub(crate) fn selector(css: &'static str) -> Selector {
    Selector::parse(css).expect("the crate's own selectors are valid CSS")
}

pub(crate) static ANCHORS: LazyLock<Selector> = LazyLock::new(|| selector("a[href]"));
pub(crate) static IMAGES: LazyLock<Selector> = LazyLock::new(|| selector("img"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static OG_URL: LazyLock<Selector> = LazyLock::new(|| selector("meta[property][content]"));

/// All the text under `el`, with whitespace collapsed and entities decoded (`clean_text`).
pub(crate) fn text(el: ElementRef<'_>) -> String {
    let raw: String = el.text().collect();
    clean_text(&raw).into_owned()
}

/// The text of `el`'s own text children (not of its child elements), cleaned.
pub(crate) fn own_text(el: ElementRef<'_>) -> String {
    let raw: String = el
        .children()
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .collect();
    clean_text(&raw).into_owned()
}

/// A count shown as text (`1,056`, `-` for zero, `1.2k`).
pub(crate) fn count(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    parse_count(t)
}

/// Whether `el` has no child elements.
pub(crate) fn is_leaf(el: ElementRef<'_>) -> bool {
    el.child_elements().next().is_none()
}

/// The element's ancestors, nearest first.
pub(crate) fn ancestors<'a>(el: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    el.ancestors().filter_map(ElementRef::wrap)
}

/// Whether `el` is inside `outer` (or is it).
pub(crate) fn within(el: ElementRef<'_>, outer: ElementRef<'_>) -> bool {
    el.id() == outer.id() || ancestors(el).any(|a| a.id() == outer.id())
}

/// The path of a link to this site, without the host: `/papers/2607.01234#community` for
/// both `/papers/...` and `https://huggingface.co/papers/...`. `None` for other sites.
pub(crate) fn site_path(href: &str) -> Option<&str> {
    let href = href.trim();
    for host in [
        "https://huggingface.co",
        "http://huggingface.co",
        "//huggingface.co",
    ] {
        if let Some(rest) = href.strip_prefix(host) {
            return Some(if rest.is_empty() { "/" } else { rest }).filter(|r| r.starts_with('/'));
        }
    }
    href.starts_with('/')
        .then_some(href)
        .filter(|h| !h.starts_with("//"))
}

/// The paper a link points to: `/papers/<id>` (any fragment or query), on this site only.
pub(crate) fn paper_link(href: &str) -> Option<ArxivId> {
    let path = site_path(href)?;
    let rest = path.strip_prefix("/papers/")?;
    let id = rest.split(['#', '?']).next()?;
    if id.is_empty() || id.contains('/') {
        return None;
    }
    ArxivId::parse(id).ok().map(|id| id.without_version())
}

/// The handle a one-segment link names (`/lumen-sparse-lab` → `lumen-sparse-lab`), for
/// links to users and organizations; site sections (`/papers`, `/login`, ...) are not handles.
pub(crate) fn handle_link(href: &str) -> Option<&str> {
    const SECTIONS: [&str; 16] = [
        "papers",
        "login",
        "join",
        "models",
        "datasets",
        "spaces",
        "collections",
        "docs",
        "pricing",
        "settings",
        "blog",
        "posts",
        "enterprise",
        "learn",
        "search",
        "api",
    ];
    let path = site_path(href)?;
    let handle = path.strip_prefix('/')?;
    let ok = !handle.is_empty()
        && !SECTIONS.contains(&handle)
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    ok.then_some(handle)
}

/// An image's address as an absolute URL (`src`, or a lazy loader's `data-src`).
pub(crate) fn image_url(img: ElementRef<'_>) -> Option<String> {
    img.attr("src")
        .filter(|s| !s.trim().is_empty() && !s.trim_start().starts_with("data:"))
        .or_else(|| img.attr("data-src"))
        .and_then(absolute_url)
}

/// The page's canonical URL (`<link rel="canonical">`), else its `og:url`.
pub(crate) fn canonical_or_og_url(doc: &Html) -> Option<String> {
    let canonical = doc.select(&CANONICAL).find(|l| {
        l.attr("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("canonical"))
        })
    });
    canonical
        .and_then(|l| l.attr("href"))
        .or_else(|| {
            doc.select(&OG_URL)
                .find(|m| m.attr("property") == Some("og:url"))
                .and_then(|m| m.attr("content"))
        })
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The deepest element in the tree html5ever builds (html = 1).
    fn real_depth(html: &str) -> usize {
        let doc = Html::parse_document(html);
        doc.tree
            .nodes()
            .filter(|n| n.value().is_element())
            .map(|n| n.ancestors().filter(|a| a.value().is_element()).count() + 1)
            .max()
            .unwrap_or(0)
    }

    fn estimate(html: &str) -> usize {
        nesting_depth(html, usize::MAX)
    }

    fn assert_not_under(html: &str) {
        let (est, real) = (estimate(html), real_depth(html));
        assert!(est >= real, "estimate {est} < real {real} for {html:?}");
    }

    #[test]
    fn flat_and_nested() {
        assert_eq!(estimate("<p>hi</p><p>there</p>"), 3);
        assert_eq!(estimate("<div><div><div></div></div></div>"), 5);
        assert_eq!(estimate("<img/><br><input>"), 3);
        for html in [
            "<div><div><div></div></div></div>",
            "<ul><li>a<li>b<li><ul><li>c</ul></ul>",
            "<p>a<p>b<div>c</div>",
            "<table><tr><td>a<td>b<tr><td>c</table>",
        ] {
            assert_not_under(html);
        }
    }

    #[test]
    fn deep_nesting_is_counted_and_stops_early() {
        let n = 100_000;
        let divs = "<div>".repeat(n);
        assert_eq!(nesting_depth(&divs, 512), 513);
        assert_eq!(estimate(&divs), n + BASE_DEPTH);
        let lists = "<ul><li>".repeat(n);
        assert_eq!(estimate(&lists), 2 * n + BASE_DEPTH);
        // `<div/>` is not self-closing in HTML.
        assert_eq!(estimate(&"<div/>".repeat(1000)), 1000 + BASE_DEPTH);
        // Closed siblings stay shallow.
        assert_eq!(estimate(&"<li>x</li>".repeat(n)), 1 + BASE_DEPTH);
        assert_eq!(estimate(&"<li>x".repeat(n)), 1 + BASE_DEPTH);
    }

    #[test]
    fn tokenizer_traps_do_not_hide_nesting() {
        let deep = "<div>".repeat(300);
        for prefix in [
            "<!-->",
            "<!--->",
            "<!-- a --!>",
            "<svg><title>",
            "<svg><![CDATA[ x ]]>",
            "<math><annotation-xml encoding='text/html'>",
            "<math><mi>",
            "<svg><foreignObject>",
            "<a title='>'>",
            "<script>if (a < b) {}</script>",
            "<textarea><div></textarea>",
            "<svg><p/>",
            "<svg><desc><b/>",
        ] {
            let page = format!("{prefix}{deep}");
            let est = estimate(&page);
            assert!(est >= 300, "{prefix:?}: {est}");
            assert_not_under(&page);
        }
        // Self-closing is honoured in SVG only.
        assert_eq!(
            estimate(&format!("<svg>{}</svg>", "<path/>".repeat(500))),
            1 + BASE_DEPTH
        );
    }

    #[test]
    fn reopened_formatting_elements_are_counted() {
        // Each round, the tree builder reopens every `<b>` left open by the `</div>`.
        let rounds: String = (0..200).map(|i| format!("<div><b id={i}></div>")).collect();
        let page = format!("{rounds}<p>x");
        assert!(estimate(&page) >= 200);
        assert_not_under(&page);
        let crossed: String = (0..200)
            .map(|i| format!("<b id={i}><div><b></div></b>"))
            .collect();
        assert_not_under(&crossed);
    }

    #[test]
    fn fixtures_are_shallow_and_never_under() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("html") {
                continue;
            }
            let html = std::fs::read_to_string(&path).expect("utf-8");
            let (est, real) = (estimate(&html), real_depth(&html));
            assert!(
                est >= real,
                "{}: estimate {est} < real {real}",
                path.display()
            );
            assert!(est < 64, "{}: estimate {est}", path.display());
            seen += 1;
        }
        assert!(seen >= 10);
    }

    #[test]
    fn corpus_pages_are_shallow_and_never_under() {
        let Some(dir) = std::env::var_os("HF_PAPERS_CORPUS") else {
            return;
        };
        let dir = std::path::Path::new(&dir).join("html");
        for entry in std::fs::read_dir(dir).expect("corpus html").flatten() {
            let html = std::fs::read_to_string(entry.path()).expect("utf-8");
            let (est, real) = (estimate(&html), real_depth(&html));
            assert!(
                est >= real && est < 64,
                "{}: {est} vs {real}",
                entry.path().display()
            );
        }
    }

    #[test]
    fn cut_input_never_panics() {
        let page = "<div a='x'><!-- c --><svg><![CDATA[x]]><path/></svg><script>s</script></div>";
        for cut in 0..=page.len() {
            let _ = estimate(&page[..cut]);
        }
    }

    #[test]
    fn links() {
        let id = |s: &str| paper_link(s).map(|i| i.to_string());
        assert_eq!(id("/papers/2607.01234").as_deref(), Some("2607.01234"));
        assert_eq!(
            id("/papers/2607.01234#community").as_deref(),
            Some("2607.01234")
        );
        assert_eq!(
            id("https://huggingface.co/papers/2607.01234v2").as_deref(),
            Some("2607.01234")
        );
        assert_eq!(id("/papers/date/2026-07-02"), None);
        assert_eq!(id("/papers?date=2026-07-02"), None);
        assert_eq!(id("https://arxiv.org/abs/2607.01234"), None);
        assert_eq!(handle_link("/lumen-sparse-lab"), Some("lumen-sparse-lab"));
        assert_eq!(
            handle_link("https://huggingface.co/NorthfieldAI"),
            Some("NorthfieldAI")
        );
        assert_eq!(handle_link("/papers"), None);
        assert_eq!(handle_link("/login?next=%2Fpapers"), None);
        assert_eq!(handle_link("/papers/2607.01234"), None);
        assert_eq!(handle_link("https://github.com/x"), None);
    }

    /// Tag soup from a small alphabet, rich in the constructs the model treats specially.
    fn soup() -> impl Strategy<Value = String> {
        let token = prop::sample::select(vec![
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<li>",
            "</li>",
            "<ul>",
            "</ul>",
            "<b>",
            "</b>",
            "<b class=x>",
            "<i>",
            "</i>",
            "<a href=x>",
            "</a>",
            "<span>",
            "</span>",
            "<table>",
            "</table>",
            "<tr>",
            "<td>",
            "</td>",
            "<th>",
            "<svg>",
            "</svg>",
            "<path/>",
            "<g>",
            "</g>",
            "<title>",
            "</title>",
            "<foreignObject>",
            "<math>",
            "<mi>",
            "</math>",
            "<font color=red>",
            "<br/>",
            "</br>",
            "<img>",
            "<h1>",
            "</h2>",
            "<dd>",
            "<dt>",
            "<form>",
            "</form>",
            "<button>",
            "<select>",
            "<option>",
            "<template>",
            "</template>",
            "<object>",
            "</object>",
            "<!-->",
            "<!-- c -->",
            "<![CDATA[",
            "]]>",
            "<script>",
            "</script>",
            "<textarea>",
            "</textarea>",
            "text",
            " ",
            "<",
            "<nobr>",
            "<caption>",
            "<tbody>",
            "</tr>",
            "<annotation-xml encoding=text/html>",
            "<desc>",
        ]);
        prop::collection::vec(token, 0..120).prop_map(|t| t.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn never_under_the_real_depth(page in soup()) {
            let (est, real) = (estimate(&page), real_depth(&page));
            prop_assert!(est >= real, "estimate {} < real {} for {:?}", est, real, page);
        }
    }
}

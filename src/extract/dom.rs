//! A tree for the degraded readers (a listing's visible cards, a paper page's visible
//! content), built only after one pass over the input has bounded its element nesting.
//!
//! html5ever has no cap on nesting and its tree building slows down with the square of the
//! depth, so [`parse_bounded`] first computes the depth the tree builder will reach, without
//! building anything. The pass tokenizes as [`html_scan`](super::html_scan) does (comments
//! with their abrupt `<!-->` endings, raw-text elements, quoted attributes, CDATA in SVG and
//! MathML) and replays html5ever's stack of open elements: void elements, self-closing tags
//! in SVG and MathML only, the end tags that close elements and the ones it ignores, the
//! start tags that close an open `<p>`, `<li>`, heading, cell, row or `<select>`, the parents
//! it adds inside tables (`<tbody>`, `<tr>`), the insertion modes of tables, selects,
//! templates, the head and framesets, the form element pointer, and the formatting elements
//! (`<b>`, `<a>`, ...) it reopens after their parent closed or moves with the adoption
//! agency. Where the model is unsure it keeps an element open, so the estimate may be higher
//! than the real depth but never lower; a property test holds it to that against html5ever
//! itself. The pass stops as soon as the limit is passed, so each tag costs at most a walk
//! down a bounded stack.
//!
//! The helpers below it read text, counts and paper links from the tree; no scraper type
//! leaves this crate.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use memchr::{memchr, memmem};
use scraper::{ElementRef, Html, Node, Selector};

use super::html_scan::skip_raw_text;
use crate::normalize::{absolute_url, clean_text, parse_count};
use crate::{ArxivId, Error, Stage};

/// Builds the tree of `html` after checking that its element nesting is at most `max_depth`.
///
/// The check is one pass over the input, linear in its length whatever the nesting.
pub(crate) fn parse_bounded(html: &str, max_depth: usize) -> Result<Html, Error> {
    check_depth(html, max_depth)?;
    Ok(Html::parse_document(html))
}

/// [`Error::LimitExceeded`] when the tree of `html` would nest deeper than `max_depth`.
pub(crate) fn check_depth(html: &str, max_depth: usize) -> Result<(), Error> {
    let depth = nesting_depth(html, max_depth);
    if depth > max_depth {
        return Err(Error::LimitExceeded {
            stage: Stage::Html,
            what: "element nesting depth",
            limit: max_depth,
            actual: depth,
        });
    }
    Ok(())
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
            builder.text(&html[pos..lt]);
        }
        let rest = &bytes[lt + 1..];
        let next = match rest.first() {
            Some(b'!') if builder.in_foreign_element() && rest.starts_with(b"![CDATA[") => {
                // A CDATA section (in SVG or MathML only) is text.
                let start = lt + 9;
                let end = memmem::find(&bytes[start..], b"]]>").map(|i| start + i);
                let content = &html[start..end.unwrap_or(bytes.len())];
                if !content.is_empty() {
                    builder.text(content);
                }
                end.map(|e| e + 3)
            }
            Some(b'!') => skip_declaration(bytes, lt),
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
                        Content::RawText(name) => {
                            // The raw text runs to the element's end tag, which closes it
                            // whatever the insertion mode.
                            let end = skip_raw_text(bytes, tag.end, name);
                            read_tag(html, end + 2, &mut attrs).map(|close| {
                                builder.close_raw_text();
                                close.end
                            })
                        }
                        // Everything after `<plaintext>` is text.
                        Content::Plaintext => None,
                    }
                })
            }
            // A `<` that starts no tag is text.
            _ => {
                builder.text("<");
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
        builder.text(&html[pos..]);
    }
    builder.max
}

/// What the tree builder does with a table part's start tag.
enum TablePart {
    Ignore,
    Insert,
}

/// The insertion mode a `template` element's content is read in, set by its first start
/// tag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TemplateMode {
    Fresh,
    Body,
    Table,
    TableBody,
    Row,
    ColumnGroup,
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
/// `<!-->` and `--!>` endings), or a doctype or bogus comment up to the next `>`.
fn skip_declaration(bytes: &[u8], lt: usize) -> Option<usize> {
    let rest = &bytes[lt + 2..];
    if let Some(body) = rest.strip_prefix(b"--") {
        let start = lt + 4;
        if body.first() == Some(&b'>') {
            return Some(start + 1);
        }
        if body.starts_with(b"->") {
            return Some(start + 2);
        }
        // `--!>` only matters where it comes before the first `-->`: search just that far,
        // or a page of many comments is searched to its end at each one (quadratic).
        let dashes = memmem::find(body, b"-->");
        let window = dashes.map_or(body, |i| &body[..(i + 4).min(body.len())]);
        let bang = memmem::find(window, b"--!>");
        let first = match (dashes, bang) {
            (Some(a), Some(b)) if b < a => b + 4,
            (Some(a), _) => a + 3,
            (None, b) => b? + 4,
        };
        return Some(start + first);
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

/// Start tags before which html5ever does not reopen formatting elements (besides those
/// that close a `<p>`, of which only `xmp` does).
const NO_RECONSTRUCT: [&str; 38] = [
    "svg", "math", "html", "head", "body", "frameset", "base", "basefont", "bgsound", "link",
    "meta", "noframes", "script", "style", "template", "title", "table", "param", "source",
    "track", "textarea", "iframe", "noembed", "noscript", "rb", "rtc", "rp", "rt", "caption",
    "col", "colgroup", "frame", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// End tags that close their element only when it is in scope (besides `p`, `li`, `dd`,
/// `dt`, headings, `form` and table parts); other end tags close the nearest element of
/// their name unless a special element comes first.
const SCOPED_END: [&str; 30] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "button",
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
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "search",
    "section",
    "summary",
    "ul",
    "applet",
    "marquee",
    "object",
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

/// The elements of html5ever's "special" category (HTML ones only, as html5ever has it).
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
    "isindex",
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
    /// A `form` the tree builder took out of the stack while elements opened inside it
    /// were still open: it is no longer open, but it still adds to their depth until they
    /// close.
    ghost: bool,
    /// For a `template`: the mode its content is read in.
    template_mode: TemplateMode,

    /// A `select` opened in a table mode, where table tags close it.
    select_in_table: bool,
    /// For a `form` the form element pointer points to: its number.
    form: Option<u64>,
}

impl Open {
    fn ghost() -> Open {
        Open {
            name: String::new(),
            ns: Ns::Html,
            point: Point::None,
            entry: None,
            ghost: true,
            template_mode: TemplateMode::Fresh,
            select_in_table: false,
            form: None,
        }
    }

    fn is(&self, name: &str) -> bool {
        self.ns == Ns::Html && !self.ghost && self.name == name
    }

    fn special(&self) -> bool {
        !self.ghost && self.ns == Ns::Html && SPECIAL.contains(&self.name.as_str())
    }

    fn scope_boundary(&self) -> bool {
        if self.ghost {
            return false;
        }
        match self.ns {
            Ns::Html => SCOPE.contains(&self.name.as_str()),
            _ => self.foreign_boundary(),
        }
    }

    fn foreign_boundary(&self) -> bool {
        match self.ns {
            Ns::Html => false,
            Ns::MathMl => MATHML_TEXT_POINTS.contains(&self.name.as_str()),
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
                self.off[segment] = self.off[segment].saturating_sub(1);
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
                self.off[segment] = self.off[segment].saturating_sub(1);
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
        // (Nested `if`s: let chains need a newer compiler than the crate's rust-version.)
        if same.len() >= 3 {
            if let Entry::Element(f) = &self.entries[same[0]] {
                let at = (same[0], f.serial);
                self.kill(at);
            }
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

/// FNV-1a: tag names are a few bytes, looked up several times per tag, where SipHash costs
/// more than the rest of the step. It resists no crafted collisions, but it need not: the
/// maps hold only the names of open elements (a name leaves when its count reaches zero),
/// at most the depth limit of them, so a collision costs at most what walking the bounded
/// stack costs.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type NameCounts = HashMap<String, usize, BuildHasherDefault<Fnv>>;

/// One element named `name` fewer; a name none is left of leaves the map.
fn decrement(counts: &mut NameCounts, name: &str) {
    if let Some(n) = counts.get_mut(name) {
        if *n <= 1 {
            counts.remove(name);
        } else {
            *n -= 1;
        }
    }
}

struct Builder {
    stack: Vec<Open>,
    /// How many open elements have each name: HTML ones, and all of them. They let the
    /// common cases skip walking the stack.
    html_names: NameCounts,
    all_names: NameCounts,
    active: ActiveFormatting,
    /// html5ever's form element pointer: set by a `<form>` outside templates, it makes the
    /// tree builder ignore further `<form>` start tags until a `</form>`.
    form_pointer: Option<u64>,
    /// Whether the body has begun: before it (in the head), end tags other than a few are
    /// ignored.
    body_started: bool,
    /// Whether a `<frameset>` replaced the body: then only framesets and frames count.
    frameset_mode: bool,
    /// html5ever's "frameset-ok" flag: while it is set, a `<frameset>` in the body throws
    /// the body away and takes its place.
    frameset_ok: bool,
    next_serial: u64,
    max: usize,
    limit: usize,
}

impl Builder {
    fn new(limit: usize) -> Self {
        Builder {
            stack: Vec::new(),
            html_names: NameCounts::default(),
            all_names: NameCounts::default(),
            active: ActiveFormatting::new(),
            form_pointer: None,
            body_started: false,
            frameset_mode: false,
            frameset_ok: true,
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
        if open.ns == Ns::Html {
            *self.html_names.entry(open.name.clone()).or_insert(0) += 1;
        }
        *self.all_names.entry(open.name.clone()).or_insert(0) += 1;
        self.stack.push(open);
        self.note_depth(BASE_DEPTH + self.stack.len());
    }

    /// Pushes an element the tree builder adds by itself (`tbody` around a row, ...).
    fn push_implied(&mut self, name: &str) {
        self.push(Open {
            name: name.to_owned(),
            ns: Ns::Html,
            point: Point::None,
            entry: None,
            ghost: false,
            template_mode: TemplateMode::Fresh,
            select_in_table: false,
            form: None,
        });
    }

    fn has_html(&self, name: &str) -> bool {
        self.html_names.get(name).is_some_and(|&n| n > 0)
    }

    fn has_foreign(&self, name: &str) -> bool {
        self.all_names.get(name).copied().unwrap_or(0)
            > self.html_names.get(name).copied().unwrap_or(0)
    }

    fn forget(&mut self, open: &Open) {
        if open.ghost {
            return;
        }
        if open.ns == Ns::Html {
            decrement(&mut self.html_names, &open.name);
        }
        decrement(&mut self.all_names, &open.name);
        if let Some(at) = open.entry {
            self.active.set_on_stack(at, false);
        }
        // Markers are cleared only where the tree builder clears them (a cell, a caption,
        // an object or a template closed on purpose), not whenever their element is popped.
    }

    /// Pops the elements from the top down to `index`, included.
    fn truncate(&mut self, index: usize) {
        while self.stack.len() > index {
            if let Some(open) = self.stack.pop() {
                self.forget(&open);
            }
        }
        // A ghost closes with the last element opened inside it.
        while self.stack.last().is_some_and(|top| top.ghost) {
            self.stack.pop();
        }
    }

    /// In a column group, anything but `col` (and templates, spaces, `</colgroup>`) closes
    /// the group first.
    fn leave_column_group(&mut self) {
        if self.stack.last().is_some_and(|t| t.is("colgroup")) {
            self.truncate(self.stack.len() - 1);
        }
    }

    /// Closes the raw-text element (`<script>`, `<title>`, ...) on top.
    fn close_raw_text(&mut self) {
        if !self.stack.is_empty() {
            self.truncate(self.stack.len() - 1);
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

    /// Text: the tree builder reopens formatting elements before it, as html5ever does,
    /// except in SVG and MathML, in a select, and for spaces between table parts.
    fn text(&mut self, text: &str) {
        if self.frameset_mode {
            return;
        }
        let html_rules = match self.stack.last() {
            None => true,
            Some(top) => top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText),
        };
        let blank = text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if !(blank || (html_rules && self.in_select())) {
            self.frameset_ok = false;
        }
        if !blank {
            self.leave_column_group();
        }
        if !html_rules || self.in_select() {
            return;
        }
        let spaces = text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if !spaces && !self.has_html("template") {
            self.body_started = true;
        }
        let table_text = self.stack.last().is_some_and(|top| {
            // As html5ever has it: not in a template's content, even in a table mode.
            ["table", "tbody", "tfoot", "thead", "tr", "colgroup"]
                .iter()
                .any(|n| top.is(n))
        });
        if spaces && table_text {
            return;
        }
        self.reconstruct();
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
                ghost: false,
                template_mode: TemplateMode::Fresh,
                select_in_table: false,
                form: None,
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
                self.insert_foreign(name, ns, self_closing);
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

    fn insert_foreign(&mut self, name: &str, ns: Ns, self_closing: bool) {
        if self_closing {
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return;
        }
        let point = match ns {
            Ns::Svg if matches!(name, "foreignobject" | "desc" | "title") => Point::Html,
            Ns::MathMl if MATHML_TEXT_POINTS.contains(&name) => Point::MathText,
            // scraper's tree sink never makes `annotation-xml` an HTML integration point,
            // whatever its `encoding`.
            Ns::MathMl if name == "annotation-xml" => Point::AnnotationXml,
            _ => Point::None,
        };
        self.push(Open {
            name: name.to_owned(),
            ns,
            point,
            entry: None,
            ghost: false,
            template_mode: TemplateMode::Fresh,
            select_in_table: false,
            form: None,
        });
    }

    fn html_start_tag(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        self_closing: bool,
    ) -> Content {
        if !matches!(name, "col" | "template") {
            self.leave_column_group();
        }
        if self.frameset_mode {
            match name {
                "frameset" if self.stack.last().is_some_and(|t| t.is("frameset")) => {
                    self.push_implied("frameset");
                }
                "frame" => self.note_depth(BASE_DEPTH + self.stack.len() + 1),
                "noframes" => {
                    self.push_implied("noframes");
                    return Content::RawText("noframes");
                }
                _ => {}
            }
            return Content::Markup;
        }
        const HEAD_CONTENT: [&str; 14] = [
            "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style",
            "template", "title", "noscript", "head", "html", "frameset",
        ];
        if !HEAD_CONTENT.contains(&name) && !self.has_html("template") {
            self.body_started = true;
        }
        const TABLE_PARTS: [&str; 9] = [
            "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
        ];
        if self.in_select() {
            // Inside a `<select>` the tree builder ignores most start tags, and some close
            // the select first.
            let leaves_select = matches!(name, "input" | "keygen" | "textarea")
                || (matches!(
                    name,
                    "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                ) && self.select_in_table());
            match name {
                "option" | "optgroup" | "hr" => {
                    // Close an open option (and, but for `option`, optgroup), then insert.
                    while self
                        .stack
                        .last()
                        .is_some_and(|t| t.is("option") || (name != "option" && t.is("optgroup")))
                    {
                        self.truncate(self.stack.len() - 1);
                    }
                    if name == "hr" {
                        self.note_depth(BASE_DEPTH + self.stack.len() + 1);
                    } else {
                        self.push_implied(name);
                    }
                    return Content::Markup;
                }
                "select" => {
                    self.close_select();
                    return Content::Markup;
                }
                "script" | "template" => {}
                _ if leaves_select => self.close_select(),
                _ => return Content::Markup,
            }
        }
        if name == "table" {
            match self.table_context() {
                None | Some((_, "td" | "th" | "caption")) => {}
                Some((i, "template")) => match self.stack[i].template_mode {
                    TemplateMode::Fresh | TemplateMode::Body => {}
                    // A table mode with no table in table scope ignores it.
                    _ => return Content::Markup,
                },
                // In a table, a table start tag closes that table first (or is ignored).
                Some(_) => match self.find_in_table_scope("table") {
                    Some(i) => self.truncate(i),
                    None => return Content::Markup,
                },
            }
        }
        if name == "form" && self.form_pointer.is_some() && !self.has_html("template") {
            return Content::Markup;
        }
        if name == "form" && self.in_table_proper() {
            // In a table (not a cell), a form is ignored inside a template or while another
            // is open, and otherwise opened and closed at once.
            if !self.has_html("template") && self.form_pointer.is_none() {
                // It is no longer open, so nothing can close it: a number nothing has.
                self.form_pointer = Some(u64::MAX);
                self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            }
            return Content::Markup;
        }
        const HEAD_TAGS: [&str; 10] = [
            "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style",
            "template", "title",
        ];
        if TABLE_PARTS.contains(&name) {
            if let TablePart::Ignore = self.open_table_part(name) {
                return Content::Markup;
            }
        } else if let Some(top) = self.stack.last_mut()
            && top.is("template")
        {
            match top.template_mode {
                // The first other start tag puts the template in the body's mode.
                TemplateMode::Fresh if !HEAD_TAGS.contains(&name) => {
                    top.template_mode = TemplateMode::Body;
                }
                // A column group's mode ignores everything but `col` and `template`.
                TemplateMode::ColumnGroup if name != "template" => return Content::Markup,
                _ => {}
            }
        }
        if name == "frameset" {
            let replaces_body = if !self.body_started && !self.has_html("template") {
                true
            } else {
                self.frameset_ok && self.body_started
            };
            if replaces_body {
                self.truncate(0);
                self.frameset_mode = true;
                self.push_implied("frameset");
            }
            return Content::Markup;
        }
        if name == "body" && !self.has_html("template") {
            self.frameset_ok = false;
        }
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
            // A heading closes a heading left open just before it.
            _ if HEADINGS.contains(&name)
                && self.stack.last().is_some_and(|top| {
                    top.ns == Ns::Html && HEADINGS.contains(&top.name.as_str())
                }) =>
            {
                self.truncate(self.stack.len() - 1);
            }
            "option" | "optgroup" if self.stack.last().is_some_and(|top| top.is("option")) => {
                self.truncate(self.stack.len() - 1);
            }
            "button" => {
                if let Some(i) = self.find_in_scope(|o| o.is("button"), &[]) {
                    self.truncate(i);
                }
            }
            "a" => {
                // A new link first closes the open one (the "misnested a" rule).
                if let Some((index, serial, _)) = self.active.find("a") {
                    self.formatting_end_tag("a");
                    self.remove_formatting((index, serial));
                }
            }
            "nobr" => {
                self.reconstruct();
                if self.find_in_scope(|o| o.is("nobr"), &[]).is_some() {
                    self.formatting_end_tag("nobr");
                }
            }
            "rb" | "rtc" | "rp" | "rt" if self.find_in_scope(|o| o.is("ruby"), &[]).is_some() => {
                const IMPLIED_END: [&str; 10] = [
                    "dd", "dt", "li", "option", "optgroup", "p", "rb", "rp", "rt", "rtc",
                ];
                while self.stack.last().is_some_and(|t| {
                    IMPLIED_END
                        .iter()
                        .any(|n| t.is(n) && !(matches!(name, "rp" | "rt") && *n == "rtc"))
                }) {
                    self.truncate(self.stack.len() - 1);
                }
            }
            _ => {}
        }
        const CLEARS_FRAMESET_OK: [&str; 24] = [
            "template", "pre", "listing", "li", "dd", "dt", "button", "applet", "marquee",
            "object", "table", "area", "br", "embed", "img", "keygen", "wbr", "input", "hr",
            "image", "textarea", "xmp", "iframe", "select",
        ];
        if CLEARS_FRAMESET_OK.contains(&name) {
            let hidden_input = name == "input"
                && attrs
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case("type"))
                    .is_some_and(|(_, v)| {
                        super::entities::decode(v).eq_ignore_ascii_case("hidden")
                    });
            if !hidden_input {
                self.frameset_ok = false;
            }
        }
        let reopens = !NO_RECONSTRUCT.contains(&name) && !CLOSES_P.contains(&name);
        if reopens || name == "xmp" {
            self.reconstruct();
        }
        match name {
            "svg" => {
                self.insert_foreign(name, Ns::Svg, self_closing);
                return Content::Markup;
            }
            "math" => {
                self.insert_foreign(name, Ns::MathMl, self_closing);
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
        let form = (name == "form" && !self.has_html("template")).then_some(serial);
        if form.is_some() {
            self.form_pointer = form;
        }
        let select_in_table = name == "select" && self.in_table_mode();
        self.push(Open {
            name: name.to_owned(),
            ns: Ns::Html,
            point: Point::None,
            entry,
            ghost: false,
            template_mode: TemplateMode::Fresh,
            select_in_table,
            form,
        });
        if marker {
            self.active.push_marker();
        }
        if name == "plaintext" {
            return Content::Plaintext;
        }
        match RAW_TEXT.iter().find(|raw| **raw == name) {
            // Inside a `<select>` the tree builder ignores most tags, raw-text ones
            // included, and then the tokenizer reads their content as markup.
            Some(_) if !matches!(name, "script" | "textarea") && self.in_select() => {
                Content::Markup
            }
            Some(raw) => Content::RawText(raw),
            None => Content::Markup,
        }
    }

    /// The table element whose insertion mode the tree builder is in: the nearest open
    /// `table`, `tbody`, `thead`, `tfoot`, `tr`, `td`, `th`, `caption`, `colgroup` or
    /// `template`, with its index. `None` when there is none: the body's rules apply.
    fn table_context(&self) -> Option<(usize, &'static str)> {
        const PARTS: [&str; 10] = [
            "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "template",
        ];
        if !PARTS.iter().any(|n| self.has_html(n)) {
            return None;
        }
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.ns != Ns::Html || node.ghost {
                continue;
            }
            if let Some(part) = PARTS.iter().find(|p| **p == node.name) {
                return Some((i, part));
            }
        }
        None
    }

    /// Whether the tree builder is in the "in table", "in table body" or "in row" mode.
    fn in_table_proper(&self) -> bool {
        match self.table_context() {
            Some((i, "template")) => matches!(
                self.stack[i].template_mode,
                TemplateMode::Table | TemplateMode::TableBody | TemplateMode::Row
            ),
            Some((_, c)) => matches!(c, "table" | "tbody" | "thead" | "tfoot" | "tr"),
            None => false,
        }
    }

    /// Whether the tree builder is in one of the table modes (where a `select` is "in
    /// select in table").
    fn in_table_mode(&self) -> bool {
        match self.table_context() {
            None => false,
            Some((i, "template")) => matches!(
                self.stack[i].template_mode,
                TemplateMode::Table | TemplateMode::TableBody | TemplateMode::Row
            ),
            Some((_, "colgroup")) => false,
            Some(_) => true,
        }
    }

    /// Whether the innermost open `select` was opened in a table mode.
    fn select_in_table(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|o| o.is("select"))
            .is_some_and(|o| o.select_in_table)
    }

    /// After a template closes, html5ever resets the insertion mode: if the nearest element
    /// that sets it is a `select`, whether it is "in table" now depends on its ancestors
    /// (a `table` before any `template`), not on the mode it was opened in.
    fn reset_select_mode(&mut self) {
        const MODE_SETTERS: [&str; 12] = [
            "select", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup", "table",
            "template", "frameset",
        ];
        let Some(i) = self
            .stack
            .iter()
            .rposition(|o| MODE_SETTERS.iter().any(|n| o.is(n)))
        else {
            return;
        };
        if !self.stack[i].is("select") {
            return;
        }
        let in_table = self.stack[..i]
            .iter()
            .rev()
            .find(|o| o.is("template") || o.is("table"))
            .is_some_and(|o| o.is("table"));
        self.stack[i].select_in_table = in_table;
    }

    /// Closes the innermost open `select`.
    fn close_select(&mut self) {
        if let Some(i) = self.stack.iter().rposition(|o| o.is("select")) {
            self.truncate(i);
        }
    }

    /// Whether the nearest open `select` or `template` is a `select`.
    fn in_select(&self) -> bool {
        if !self.has_html("select") {
            return false;
        }
        for node in self.stack.iter().rev() {
            if node.is("template") {
                return false;
            }
            if node.is("select") {
                return true;
            }
        }
        false
    }

    /// Closes an open `<p>` in button scope.
    fn close_p(&mut self) {
        if !self.has_html("p") {
            return;
        }
        if let Some(i) = self.find_in_scope(|o| o.is("p"), &["button"]) {
            self.truncate(i);
        }
    }

    /// Before `<li>` (or `<dd>`/`<dt>`): closes the open one, unless a special element other
    /// than `address`, `div` or `p` comes first.
    fn close_list_item(&mut self, names: &[&str]) {
        if !names.iter().any(|n| self.has_html(n)) {
            return;
        }
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

    /// A table part's start tag (`td`, `tr`, `tbody`, `caption`, `col`, ...): the tree
    /// builder closes the open cell, row or section it ends, adds the parents it lacks, or
    /// ignores it, according to the table element it is in.
    fn open_table_part(&mut self, name: &str) -> TablePart {
        loop {
            let Some((index, context)) = self.table_context() else {
                // No table or template: the body ignores table parts.
                return TablePart::Ignore;
            };
            // Inside a template, the template's own mode stands for the table element.
            let context = if context == "template" {
                let top = index + 1 == self.stack.len();
                let mode = self.stack[index].template_mode;
                match (mode, name) {
                    (TemplateMode::Fresh, _) => {
                        self.stack[index].template_mode = match name {
                            "col" => TemplateMode::ColumnGroup,
                            "tr" => TemplateMode::TableBody,
                            "td" | "th" => TemplateMode::Row,
                            _ => TemplateMode::Table,
                        };
                        debug_assert!(top);
                        return TablePart::Insert;
                    }
                    (TemplateMode::Body, _) => return TablePart::Ignore,
                    (TemplateMode::Table, _) => "table",
                    (TemplateMode::TableBody, "tr" | "td" | "th") => "tbody",
                    (TemplateMode::Row, "td" | "th") => "tr",
                    (TemplateMode::ColumnGroup, "col") => "colgroup",
                    // No such section, row or column group in table scope.
                    _ => return TablePart::Ignore,
                }
            } else {
                context
            };
            match (context, name) {
                ("td" | "th" | "caption", _) => {
                    // Close the cell (or caption), then read the tag again.
                    self.truncate(index);
                    self.active.clear_to_marker();
                }
                ("tr", "td" | "th") => {
                    self.truncate(index + 1);
                    return TablePart::Insert;
                }
                ("tr", _) => self.truncate(index),
                ("tbody" | "thead" | "tfoot", "tr") => {
                    self.truncate(index + 1);
                    return TablePart::Insert;
                }
                ("tbody" | "thead" | "tfoot", "td" | "th") => {
                    self.truncate(index + 1);
                    self.push_implied("tr");
                    return TablePart::Insert;
                }
                ("tbody" | "thead" | "tfoot", _) => self.truncate(index),
                ("colgroup", "col") => return TablePart::Insert,
                ("colgroup", _) => self.truncate(index),
                (_, "tr") => {
                    self.truncate(index + 1);
                    self.push_implied("tbody");
                    return TablePart::Insert;
                }
                (_, "td" | "th") => {
                    self.truncate(index + 1);
                    self.push_implied("tbody");
                    self.push_implied("tr");
                    return TablePart::Insert;
                }
                (_, "col") => {
                    self.truncate(index + 1);
                    self.push_implied("colgroup");
                    return TablePart::Insert;
                }
                _ => {
                    self.truncate(index + 1);
                    return TablePart::Insert;
                }
            }
        }
    }

    /// The index of the topmost `name` element in table scope (bounded by `table`,
    /// `template` and `html` only).
    fn find_in_table_scope(&self, name: &str) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.is(name) {
                return Some(i);
            }
            if node.is("table") || node.is("template") {
                return None;
            }
        }
        None
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
        if self.frameset_mode {
            if name == "frameset" && self.stack.last().is_some_and(|t| t.is("frameset")) {
                self.truncate(self.stack.len() - 1);
            }
            return;
        }
        if !self.body_started && !self.has_html("template") {
            if !matches!(name, "br" | "body" | "html") {
                // The head ignores end tags (but `</template>`, which has nothing to close).
                return;
            }
            // These begin the body.
            self.body_started = true;
        }
        if name == "br" {
            // `</br>` is read as `<br>`, except right inside a template that has no content
            // yet, which ignores end tags.
            let fresh_template = self
                .stack
                .last()
                .is_some_and(|t| t.is("template") && t.template_mode == TemplateMode::Fresh);
            if !fresh_template {
                self.start_tag("br", &[], false);
            }
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
            if !self.has_foreign(name) {
                // The walk down the foreign elements would reach an HTML one.
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
        if !matches!(name, "colgroup" | "col" | "template") {
            self.leave_column_group();
        }
        const TABLE_PARTS: [&str; 9] = [
            "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
        ];
        if self.in_select() {
            match name {
                "option" | "optgroup" if self.stack.last().is_some_and(|t| t.is(name)) => {
                    self.truncate(self.stack.len() - 1);
                }
                "select" => self.close_select(),
                "template" => {}
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                    if self.select_in_table() && self.find_in_table_scope(name).is_some() =>
                {
                    self.close_select();
                    self.html_end_tag(name);
                }
                _ => {}
            }
            if name != "template" {
                return;
            }
        }
        if name == "p" && !self.has_html("p") {
            // The tree builder opens an empty `<p>` and closes it.
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return;
        }
        if name == "form" {
            self.form_end_tag();
            return;
        }
        let heading = HEADINGS.contains(&name);
        let present = if heading {
            HEADINGS.iter().any(|h| self.has_html(h))
        } else {
            self.has_html(name)
        };
        // An end tag for an element that is not open is ignored, except that of a formatting
        // element, which may still have an entry in the list of active formatting elements.
        let table_tag = matches!(
            name,
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup"
        );
        if !present && !FORMATTING.contains(&name) && !table_tag {
            return;
        }
        if TABLE_PARTS.contains(&name) && self.table_context().is_none() {
            return;
        }
        match name {
            "html" | "body" | "head" | "frameset" => {}
            "p" => match self.find_in_scope(|o| o.is("p"), &["button"]) {
                Some(i) => self.truncate(i),
                // The tree builder opens an empty `<p>` and closes it.
                None => self.note_depth(BASE_DEPTH + self.stack.len() + 1),
            },
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
            "template" => {
                // Not a scope check: the innermost template closes, with all inside it.
                if let Some(i) = self.stack.iter().rposition(|o| o.is("template")) {
                    self.truncate(i);
                    self.active.clear_to_marker();
                    self.reset_select_mode();
                }
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                self.table_end_tag(name)
            }
            _ if FORMATTING.contains(&name) => self.formatting_end_tag(name),
            _ if SCOPED_END.contains(&name) => {
                if let Some(i) = self.find_in_scope(|o| o.is(name), &[]) {
                    self.truncate(i);
                    if matches!(name, "applet" | "marquee" | "object") {
                        self.active.clear_to_marker();
                    }
                }
            }
            _ => self.any_other_end_tag(name),
        }
    }

    fn form_end_tag(&mut self) {
        if self.has_html("template") {
            if let Some(i) = self.find_in_scope(|o| o.is("form"), &[]) {
                self.truncate(i);
            }
            return;
        }
        // The element the form element pointer points to, if it is open and in scope; the
        // end tag clears the pointer either way.
        let Some(pointer) = self.form_pointer.take() else {
            return;
        };
        let Some(i) = self.find_in_scope(|o| o.is("form") && o.form == Some(pointer), &[]) else {
            return;
        };
        // The tree builder takes the form element out of the stack alone, but what was
        // opened inside it stays its descendant.
        // "Generate implied end tags" first.
        const IMPLIED_END: [&str; 10] = [
            "dd", "dt", "li", "option", "optgroup", "p", "rb", "rp", "rt", "rtc",
        ];
        while self.stack.len() > i + 1
            && self
                .stack
                .last()
                .is_some_and(|t| IMPLIED_END.iter().any(|n| t.is(n)))
        {
            self.truncate(self.stack.len() - 1);
        }
        if i + 1 == self.stack.len() {
            self.truncate(i);
            return;
        }
        let open = std::mem::replace(&mut self.stack[i], Open::ghost());
        self.forget(&open);
    }

    /// End tags of table elements, by the mode the nearest table element sets: a cell or
    /// caption closes first (which also clears the formatting elements opened in it), a row
    /// or section closes on the way to an outer end tag; inside a template (with no table
    /// of its own) or in the body they are ignored.
    fn table_end_tag(&mut self, name: &str) {
        for _ in 0..6 {
            let Some((index, context)) = self.table_context() else {
                return;
            };
            match (context, name) {
                ("caption", "caption") => {
                    self.truncate(index);
                    self.active.clear_to_marker();
                    return;
                }
                ("caption", "table") => {
                    self.truncate(index);
                    self.active.clear_to_marker();
                }
                ("td" | "th", "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table") => {
                    if self.find_in_table_scope(name).is_none() {
                        return;
                    }
                    self.truncate(index);
                    self.active.clear_to_marker();
                    if matches!(name, "td" | "th") {
                        return;
                    }
                }
                ("tr", "tr") => {
                    self.truncate(index);
                    return;
                }
                ("tr", "table") => self.truncate(index),
                ("tr", "tbody" | "thead" | "tfoot") => {
                    if self.find_in_table_scope(name).is_none() {
                        return;
                    }
                    self.truncate(index);
                }
                ("tbody" | "thead" | "tfoot", "tbody" | "thead" | "tfoot") => {
                    if let Some(i) = self.find_in_table_scope(name) {
                        self.truncate(i);
                    }
                    return;
                }
                ("tbody" | "thead" | "tfoot", "table") => self.truncate(index),
                ("table", "table") => {
                    self.truncate(index);
                    return;
                }
                ("colgroup", "colgroup") => {
                    if self.stack.last().is_some_and(|t| t.is("colgroup")) {
                        self.truncate(self.stack.len() - 1);
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    fn any_other_end_tag(&mut self, name: &str) {
        if !self.has_html(name) {
            return;
        }
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
    /// The adoption agency, as html5ever runs it: close the formatting element, or, when a
    /// special element (the "furthest block") is open inside it, take it out of the stack
    /// and reopen a copy inside that block, and try again (at most eight times).
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
        for _ in 0..8 {
            let Some((index, serial, on_stack)) = self.active.find(name) else {
                self.any_other_end_tag(name);
                return;
            };
            if !on_stack {
                self.active.kill((index, serial));
                return;
            }
            let at = (index, serial);
            let Some(fe) = self.stack.iter().rposition(|o| o.entry == Some(at)) else {
                self.active.kill(at);
                return;
            };
            if self.stack[fe + 1..].iter().any(Open::scope_boundary) {
                // Not in scope: ignored.
                return;
            }
            let Some(offset) = self.stack[fe + 1..].iter().position(Open::special) else {
                self.truncate(fe);
                self.active.kill(at);
                return;
            };
            let block = fe + 1 + offset;
            // The formatting element and the plain elements between it and the block leave
            // the stack (ghosts keep their depth); formatting ones stay, as their copies do.
            for i in fe..block {
                let keep = i != fe && self.stack[i].entry.is_some();
                if !keep && !self.stack[i].ghost {
                    let open = std::mem::replace(&mut self.stack[i], Open::ghost());
                    self.forget(&open);
                }
            }
            self.active.kill(at);
            let serial = self.next_serial;
            self.next_serial += 1;
            let entry = self.active.push(serial, name, &[]);
            *self.html_names.entry(name.to_owned()).or_insert(0) += 1;
            *self.all_names.entry(name.to_owned()).or_insert(0) += 1;
            self.stack.insert(
                block + 1,
                Open {
                    name: name.to_owned(),
                    ns: Ns::Html,
                    point: Point::None,
                    entry: Some(entry),
                    ghost: false,
                    template_mode: TemplateMode::Fresh,
                    select_in_table: false,
                    form: None,
                },
            );
            self.note_depth(BASE_DEPTH + self.stack.len());
        }
    }

    /// Takes the element of a formatting entry out of the stack (leaving a ghost where
    /// elements opened inside it are still open) and drops the entry.
    fn remove_formatting(&mut self, at: (usize, u64)) {
        if let Some(i) = self.stack.iter().rposition(|o| o.entry == Some(at)) {
            if i + 1 == self.stack.len() {
                self.truncate(i);
            } else {
                let open = std::mem::replace(&mut self.stack[i], Open::ghost());
                self.forget(&open);
            }
        }
        self.active.kill(at);
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
            2 + BASE_DEPTH
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

    /// Inputs the property below once found the model under the real depth with; each
    /// taught it one more rule of html5ever's tree builder.
    #[test]
    fn regressions_never_under() {
        for page in [
            "<table><tr><td>a<td>b<tr><td>c</table>",
            "<div></title><td><path/></td><b><b>",
            "<table></div></div><p><td><div><div>",
            "<select><title><template><b>",
            "<div><div><form><ul></form><p>",
            "<math><annotation-xml encoding=text/html><script><tr>",
            "<table><select><svg><![CDATA[<div><td>",
            "<math><annotation-xml encoding=text/html><tr></table>",
            "<template><caption><div><select><template></template><caption><template><div><div>",
            "<dd><select><select><b><dd><math><mi><![CDATA[<div>",
            "<template><col><style><template><div><div><div><div>",
            "<p></ul></ul></object></ul><select><hr><div>",
            "<template><body><td><div><p><tr><b><svg>",
            "<frameset><div><frameset><frameset>",
            "<template><col><frameset><xmp><template><div><div><div><div>",
            "</body></p>",
            "<frameset><title><frameset><frameset><frameset>",
            "<tr><frameset></svg></svg><style><div><frameset><frameset><frameset>",
            "<table><colgroup><svg><br/><select><td>",
            "<template><caption></table><b><b><div><tbody><div><div><div><path/><div>",
            "</svg><template><tr></table><path/><caption><svg><foreignObject>",
            "<table><font color=red><colgroup> <select><caption><table><col><input></span><div>",
            "<template><tr><b><colgroup> <svg><th>",
            "<form><object></form><div></form></object></form><ul><ul><foreignObject>",
            "<form><object></form><form><div></template></object></form><li><ul><ul><foreignObject>",
            "<ul><a href=x><span></span><h1></a></ul><span></div></svg><a href=x><svg>",
            "<template><b><object></template></b><div><p><path/><div>",
            "<form><select></form><textarea></textarea><b><b>",
            "<form><li></form></ul><path/><li><b><div><div>",
            "<form><p><b class=x><form><svg></i><div>",
            "<div><div><a href=x></math></math><g><a href=x><b class=x></g><svg><tr><tr>",
            "<p><b><form><select><select></table></script></form><p><button>",
            "<template></br><caption><div><div><div>",
            "<table><select></tr><svg></i></li><td><div><div>",
            "<template><td><div></li><tr><form><template></template><b></form><svg><tr>",
            "<template><tr><caption><table><span><annotation-xml><table></title><div><p><div>",
            "<table><table></table><ul></table><table><tr>",
            "<p><object><select><select><div></p></div><div>",
            "<table><nobr><td><th></table><mi><div><li><td><p><b><tr><b><div>",
            "<div><template><caption><td><table></ul>",
            "<div><template><caption><select><table><tr>",
            "<template></math></li><font color=red><object></template><b><foreignObject><div>",
            "<dd><math><g><mi><div><dd></div></g><form><h1><p><option><path/>",
            "<title></title><svg></li></li></title><form></table><path/>",
        ] {
            assert_not_under(page);
        }
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
            "<em>",
            "</em>",
            "<ruby>",
            "<rb>",
            "<rt>",
            "<body>",
            "<head>",
            "</body>",
            "<style>",
            "</style>",
            "<iframe>",
            "<noscript>",
            "</noscript>",
            "<colgroup>",
            "<col>",
            "</caption>",
            "<input>",
            "<hr>",
            "<mtext>",
            "<mglyph>",
            "</p>",
            "</li>",
            "<frameset>",
            "</select>",
            "</option>",
            "<xmp>",
            "</xmp>",
            "<image>",
            "</html>",
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

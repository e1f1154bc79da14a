//! The element categories of the HTML tree builder, as html5ever has them, that the
//! nesting pre-pass replays.
//!
//! The lists are the reference; [`element`] turns a tag name into its categories once per
//! tag, as bits, so the model tests a category with a mask instead of comparing the name with
//! every member of a list (which cost more than the rest of the pass).

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::builder::Fnv;

pub(super) const VOID: [&str; 19] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content the tokenizer reads as text (scripting is on in scraper).
pub(super) const RAW_TEXT: [&str; 9] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

pub(super) const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that put a marker in the list of active formatting elements.
pub(super) const MARKERS: [&str; 7] = [
    "applet", "caption", "marquee", "object", "td", "th", "template",
];

/// Start tags that close an open `<p>` (in button scope) first.
pub(super) const CLOSES_P: [&str; 40] = [
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
pub(super) const NO_RECONSTRUCT: [&str; 38] = [
    "svg", "math", "html", "head", "body", "frameset", "base", "basefont", "bgsound", "link",
    "meta", "noframes", "script", "style", "template", "title", "table", "param", "source",
    "track", "textarea", "iframe", "noembed", "noscript", "rb", "rtc", "rp", "rt", "caption",
    "col", "colgroup", "frame", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// End tags that close their element only when it is in scope (besides `p`, `li`, `dd`,
/// `dt`, headings, `form` and table parts); other end tags close the nearest element of
/// their name unless a special element comes first.
pub(super) const SCOPED_END: [&str; 30] = [
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

pub(super) const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// HTML start tags that leave SVG or MathML content.
pub(super) const BREAKOUT: [&str; 44] = [
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
pub(super) const SPECIAL: [&str; 83] = [
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
pub(super) const SCOPE: [&str; 9] = [
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

pub(super) const MATHML_TEXT_POINTS: [&str; 5] = ["mi", "mo", "mn", "ms", "mtext"];

/// Tags that may appear in the head (after them, the body has not begun).
pub(super) const HEAD_CONTENT: [&str; 14] = [
    "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template",
    "title", "noscript", "head", "html", "frameset",
];

/// What the head's rules insert; the first other start tag in a fresh template puts it in
/// the body's mode.
pub(super) const HEAD_TAGS: [&str; 10] = [
    "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template",
    "title",
];

/// The table parts whose start and end tags the table modes handle.
pub(super) const TABLE_PARTS: [&str; 9] = [
    "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Start tags that clear the "frameset-ok" flag.
pub(super) const CLEARS_FRAMESET_OK: [&str; 24] = [
    "template", "pre", "listing", "li", "dd", "dt", "button", "applet", "marquee", "object",
    "table", "area", "br", "embed", "img", "keygen", "wbr", "input", "hr", "image", "textarea",
    "xmp", "iframe", "select",
];

/// Frequent names in no category: known, so that opening them allocates nothing.
const UNCATEGORIZED: [&str; 52] = [
    "span",
    "label",
    "abbr",
    "time",
    "picture",
    "sup",
    "sub",
    "kbd",
    "var",
    "mark",
    "q",
    "cite",
    "dfn",
    "data",
    "bdi",
    "bdo",
    "ruby",
    "rb",
    "rp",
    "rt",
    "rtc",
    "option",
    "optgroup",
    "audio",
    "video",
    "canvas",
    "slot",
    "output",
    "progress",
    "meter",
    "ins",
    "del",
    "map",
    "path",
    "g",
    "circle",
    "rect",
    "line",
    "polyline",
    "polygon",
    "ellipse",
    "defs",
    "use",
    "symbol",
    "clippath",
    "lineargradient",
    "radialgradient",
    "stop",
    "mask",
    "tspan",
    "text",
    "mrow",
];

/// The categories of an element name, as bits.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Kinds(u32);

impl Kinds {
    pub(super) const VOID: Kinds = Kinds(1);
    pub(super) const RAW_TEXT: Kinds = Kinds(1 << 1);
    pub(super) const FORMATTING: Kinds = Kinds(1 << 2);
    pub(super) const MARKER: Kinds = Kinds(1 << 3);
    pub(super) const CLOSES_P: Kinds = Kinds(1 << 4);
    pub(super) const NO_RECONSTRUCT: Kinds = Kinds(1 << 5);
    pub(super) const SCOPED_END: Kinds = Kinds(1 << 6);
    pub(super) const HEADING: Kinds = Kinds(1 << 7);
    pub(super) const BREAKOUT: Kinds = Kinds(1 << 8);
    pub(super) const SPECIAL: Kinds = Kinds(1 << 9);
    pub(super) const SCOPE: Kinds = Kinds(1 << 10);
    pub(super) const MATHML_TEXT_POINT: Kinds = Kinds(1 << 11);
    pub(super) const HEAD_CONTENT: Kinds = Kinds(1 << 12);
    pub(super) const HEAD_TAG: Kinds = Kinds(1 << 13);
    pub(super) const TABLE_PART: Kinds = Kinds(1 << 14);
    pub(super) const CLEARS_FRAMESET_OK: Kinds = Kinds(1 << 15);

    /// Whether the name is in the category `kind`.
    pub(super) fn has(self, kind: Kinds) -> bool {
        self.0 & kind.0 != 0
    }
}

/// A tag name as the model keeps it: a known name borrows its static spelling.
pub(super) type Name = Cow<'static, str>;

type KnownNames = HashMap<&'static str, Kinds, BuildHasherDefault<Fnv>>;

/// Every name of the lists above, with the categories it is in.
static KNOWN: LazyLock<KnownNames> = LazyLock::new(|| {
    let lists: [(&[&'static str], Kinds); 17] = [
        (&VOID, Kinds::VOID),
        (&RAW_TEXT, Kinds::RAW_TEXT),
        (&FORMATTING, Kinds::FORMATTING),
        (&MARKERS, Kinds::MARKER),
        (&CLOSES_P, Kinds::CLOSES_P),
        (&NO_RECONSTRUCT, Kinds::NO_RECONSTRUCT),
        (&SCOPED_END, Kinds::SCOPED_END),
        (&HEADINGS, Kinds::HEADING),
        (&BREAKOUT, Kinds::BREAKOUT),
        (&SPECIAL, Kinds::SPECIAL),
        (&SCOPE, Kinds::SCOPE),
        (&MATHML_TEXT_POINTS, Kinds::MATHML_TEXT_POINT),
        (&HEAD_CONTENT, Kinds::HEAD_CONTENT),
        (&HEAD_TAGS, Kinds::HEAD_TAG),
        (&TABLE_PARTS, Kinds::TABLE_PART),
        (&CLEARS_FRAMESET_OK, Kinds::CLEARS_FRAMESET_OK),
        (&UNCATEGORIZED, Kinds(0)),
    ];
    let mut known = KnownNames::default();
    for (names, kind) in lists {
        for &name in names {
            known.entry(name).or_default().0 |= kind.0;
        }
    }
    known
});

/// The name to keep for a (lowercase) tag name, and its categories; an unknown name is
/// copied and in no category.
pub(super) fn element(name: &str) -> (Name, Kinds) {
    match KNOWN.get_key_value(name) {
        Some((&known, &kinds)) => (Cow::Borrowed(known), kinds),
        None => (Cow::Owned(name.to_owned()), Kinds::default()),
    }
}

/// The categories of a (lowercase) tag name.
pub(super) fn kinds(name: &str) -> Kinds {
    KNOWN.get(name).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_the_lists() {
        for name in SPECIAL.iter().chain(&VOID).chain(&UNCATEGORIZED) {
            let (kept, kinds) = element(name);
            assert!(matches!(kept, Cow::Borrowed(n) if n == *name));
            assert_eq!(kinds.has(Kinds::SPECIAL), SPECIAL.contains(name), "{name}");
            assert_eq!(kinds.has(Kinds::VOID), VOID.contains(name), "{name}");
            assert_eq!(kinds.has(Kinds::HEADING), HEADINGS.contains(name), "{name}");
            assert_eq!(
                kinds.has(Kinds::CLOSES_P),
                CLOSES_P.contains(name),
                "{name}"
            );
        }
        let (kept, kinds) = element("my-widget");
        assert!(matches!(kept, Cow::Owned(_)));
        assert_eq!(kinds, Kinds::default());
    }
}

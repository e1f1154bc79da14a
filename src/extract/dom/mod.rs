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
//! The helpers in [`read`] read text, counts and paper links from the tree; no scraper type
//! leaves this crate.
//!
//! The pre-pass is split in four: [`tokens`] reads tags and skips comments, [`elements`]
//! lists the element categories, [`builder`] models the stack of open elements, and
//! [`formatting`] the list of active formatting elements.

mod builder;
mod elements;
mod formatting;
mod read;
#[cfg(test)]
mod tests;
mod tokens;

use std::borrow::Cow;

use memchr::{memchr, memmem};
use scraper::Html;

use self::builder::Builder;
use self::elements::{Kinds, element};
use self::tokens::{Attr, Content, is_space, read_tag, skip_declaration, skip_past};
use super::html_scan::skip_raw_text;
use crate::{Error, Stage};

pub(crate) use self::read::{
    ANCHORS, IMAGES, ReadAttr, all_elements, ancestors, anchors, canonical_or_og_url, count,
    elements_named, handle_link, image_url, is_leaf, own_text, paper_link, selector, site_path,
    text, within,
};

/// Builds the tree of `html` after checking that its element nesting is at most `max_depth`.
///
/// The check is one pass over the input, linear in its length whatever the nesting.
pub(crate) fn parse_bounded(html: &str, max_depth: usize) -> Result<Html, Error> {
    Ok(Html::parse_document(&bounded_input(html, max_depth)?))
}

/// Checks that the tree of `html` nests at most `max_depth` deep ([`Error::LimitExceeded`]
/// otherwise), and returns, from the same pass, what to hand the tree builder: `html` without
/// what no reader looks at and html5ever spends most of its time on, so that it builds the
/// same elements in the same places with the attributes the readers read:
///
/// - attributes other than [`READ_ATTRIBUTES`] (`style`, `aria-*`, `fill`, SVG geometry,
///   `data-props`, ...), except on the elements whose attributes the tree builder goes by
///   (formatting elements, which it compares by their attributes; `input`, `template`,
///   `annotation-xml`);
/// - SVG path data past its first [`PATH_DATA_KEPT`] bytes (a third of a paper page);
/// - runs of whitespace between tags, cut to their first character (readers collapse
///   whitespace, and whitespace stays whitespace for the tree builder).
pub(crate) fn bounded_input(html: &str, max_depth: usize) -> Result<Cow<'_, str>, Error> {
    let mut cuts = Vec::new();
    let depth = nesting_depth(html, max_depth, &mut cuts);
    if depth > max_depth {
        return Err(Error::LimitExceeded {
            stage: Stage::Html,
            what: "element nesting depth",
            limit: max_depth,
            actual: depth,
        });
    }
    if cuts.is_empty() {
        return Ok(Cow::Borrowed(html));
    }
    let mut light = String::with_capacity(html.len());
    let mut copied = 0;
    for (start, end) in cuts {
        // Cuts come in order, apart and on char boundaries; one that did not would be
        // kept rather than panic.
        if let Some(kept) = html
            .get(copied..start)
            .filter(|_| html.is_char_boundary(end))
        {
            light.push_str(kept);
            copied = end;
        }
    }
    light.push_str(html.get(copied..).unwrap_or_default());
    Ok(Cow::Owned(light))
}

/// The attributes the tree readers look at (`attr("...")`, attribute and class selectors),
/// lowercase; a test holds the readers to this list.
pub(crate) const READ_ATTRIBUTES: [&str; 15] = [
    "alt", "class", "content", "d", "data-src", "datetime", "href", "id", "property", "rel", "src",
    "title", "type", "value", "viewbox",
];

/// The bytes of a path's data the tree keeps: the cards reader recognizes the upvote icon
/// by the first ten (`M128.001 0`).
pub(crate) const PATH_DATA_KEPT: usize = 32;

/// Notes in `cuts` what of a start tag's attributes the tree builder need not get (see
/// [`bounded_input`]), in order.
fn note_unread(
    html: &str,
    name: &str,
    kinds: Kinds,
    attrs: &[Attr<'_>],
    cuts: &mut Vec<(usize, usize)>,
) {
    if attrs.is_empty() {
        return;
    }
    let bytes = html.as_bytes();
    let keep_all =
        kinds.has(Kinds::FORMATTING) || matches!(name, "input" | "template" | "annotation-xml");
    for attr in attrs {
        let read = READ_ATTRIBUTES
            .iter()
            .any(|r| attr.name.eq_ignore_ascii_case(r));
        // Only after a space: `<path/fill=x>` without its attribute would be `<path/>`,
        // self-closing.
        let after_space = attr
            .start
            .checked_sub(1)
            .is_some_and(|i| is_space(bytes[i]));
        if !read && !keep_all && after_space {
            cuts.push((attr.start, attr.end));
        } else if attr.quoted
            && attr.value.len() > PATH_DATA_KEPT
            && attr.name.eq_ignore_ascii_case("d")
        {
            let mut keep = attr.value_start + PATH_DATA_KEPT;
            while !html.is_char_boundary(keep) {
                keep -= 1;
            }
            cuts.push((keep, attr.value_start + attr.value.len()));
        }
    }
}

/// The deepest element nesting the tree builder will reach for `html` (counting the `html`
/// and `body` elements it always creates), or a value above `limit` as soon as the page goes
/// deeper than `limit`. Never lower than the real depth.
/// What the tree builder need not get is noted in `cuts`, in document order and apart.
fn nesting_depth(html: &str, limit: usize, cuts: &mut Vec<(usize, usize)>) -> usize {
    let bytes = html.as_bytes();
    let mut builder = Builder::new(limit);
    let mut attrs: Vec<Attr<'_>> = Vec::new();
    let mut pos = 0;
    while let Some(found) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + found;
        if lt > pos {
            let blank = bytes[pos..lt].iter().all(|&b| is_space(b));
            builder.text(blank);
            if blank && lt - pos > 1 {
                cuts.push((pos + 1, lt));
            }
        }
        let rest = &bytes[lt + 1..];
        let next = match rest.first() {
            Some(b'!') if builder.in_foreign_element() && rest.starts_with(b"![CDATA[") => {
                // A CDATA section (in SVG or MathML only) is text.
                let start = lt + 9;
                let end = memmem::find(&bytes[start..], b"]]>").map(|i| start + i);
                let content = &html[start..end.unwrap_or(bytes.len())];
                if !content.is_empty() {
                    builder.text(content.bytes().all(is_space));
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
                    let (name, kinds) = element(&tag.name);
                    note_unread(html, &name, kinds, &attrs, cuts);
                    match builder.start_tag(name, kinds, &attrs, tag.self_closing) {
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
                builder.text(false);
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
        builder.text(bytes[pos..].iter().all(|&b| is_space(b)));
    }
    builder.max
}

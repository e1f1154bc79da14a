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

use memchr::{memchr, memmem};
use scraper::Html;

use self::builder::Builder;
use self::tokens::{Content, read_tag, skip_declaration, skip_past};
use super::html_scan::skip_raw_text;
use crate::{Error, Stage};

pub(crate) use self::read::{
    ANCHORS, IMAGES, ancestors, canonical_or_og_url, count, handle_link, image_url, is_leaf,
    own_text, paper_link, selector, site_path, text, within,
};

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
fn nesting_depth(html: &str, limit: usize) -> usize {
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

//! The tokenizer side of the nesting pre-pass: reading tags (name, raw attributes,
//! self-closing flag) and skipping comments, doctypes and processing instructions as
//! html5ever's tokenizer does.

use std::borrow::Cow;

use memchr::{memchr, memmem};

/// What follows a start tag.
pub(super) enum Content {
    Markup,
    /// Raw text up to the element's end tag (`<script>`, `<style>`, `<title>`, ...).
    RawText(&'static str),
    Plaintext,
}

/// One attribute of a start tag, as written (not decoded).
#[derive(Clone, Copy, Debug)]
pub(super) struct Attr<'a> {
    pub(super) name: &'a str,
    /// Empty for an attribute without `=`.
    pub(super) value: &'a str,
    /// Where the name starts in the input.
    pub(super) start: usize,
    /// The byte after the attribute (after the closing quote of a quoted value).
    pub(super) end: usize,
    /// Where the value starts (after its opening quote); `end` when there is none.
    pub(super) value_start: usize,
    pub(super) quoted: bool,
}

pub(super) struct Tag<'a> {
    /// The name, lowercased as the tokenizer does (a copy only when it had capitals).
    pub(super) name: Cow<'a, str>,
    /// The byte after the tag's `>`.
    pub(super) end: usize,
    pub(super) self_closing: bool,
}

/// The HTML tokenizer's whitespace.
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The byte after the next `needle` from `from`, or `None` at the end of the input.
pub(super) fn skip_past(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr(needle, bytes.get(from..)?).map(|i| from + i + 1)
}

/// Skips a `<!...>` construct starting at `lt`: a comment (with the tokenizer's abrupt
/// `<!-->` and `--!>` endings), or a doctype or bogus comment up to the next `>`.
pub(super) fn skip_declaration(bytes: &[u8], lt: usize) -> Option<usize> {
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
pub(super) fn read_tag<'a>(
    html: &'a str,
    start: usize,
    attrs: &mut Vec<Attr<'a>>,
) -> Option<Tag<'a>> {
    attrs.clear();
    let bytes = html.as_bytes();
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    let raw_name = html.get(start..i)?;
    let name = if raw_name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(raw_name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw_name)
    };
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
        let mut value_start = None;
        let mut quoted = false;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match *bytes.get(i)? {
                q @ (b'"' | b'\'') => {
                    let len = memchr(q, &bytes[i + 1..])?;
                    value = html.get(i + 1..i + 1 + len)?;
                    value_start = Some(i + 1);
                    quoted = true;
                    i += len + 2;
                }
                _ => {
                    let v_start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = html.get(v_start..i)?;
                    value_start = Some(v_start);
                }
            }
        }
        attrs.push(Attr {
            name: attr_name,
            value,
            start: name_start,
            end: i,
            value_start: value_start.unwrap_or(i),
            quoted,
        });
    }
    Some(Tag {
        name,
        end: i,
        self_closing,
    })
}

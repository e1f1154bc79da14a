//! Decoding character references in attribute values.

use std::borrow::Cow;

/// Decodes the character references of an attribute value, borrowing when there are none.
///
/// The hydration blob is mostly `&quot;`, so the common references are handled here directly
/// and only rare ones go through the full table.
pub(crate) fn decode(raw: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', raw.as_bytes()) else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut rest = &raw[first..];
    while !rest.is_empty() {
        // `rest` starts with '&' here.
        let (decoded, used) = decode_one(rest);
        match decoded {
            Some(text) => out.push_str(&text),
            None => out.push_str(&rest[..used]),
        }
        rest = &rest[used..];
        let next = memchr::memchr(b'&', rest.as_bytes()).unwrap_or(rest.len());
        out.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    Cow::Owned(out)
}

/// Decodes the reference at the start of `s` (which starts with `&`): the text it stands for
/// and how many bytes it used. `None` keeps those bytes as they are.
fn decode_one(s: &str) -> (Option<Cow<'_, str>>, usize) {
    // The references the site writes, by their second byte: one comparison each.
    let common: Option<(&str, &'static str)> = match s.as_bytes().get(1) {
        Some(b'q') => Some(("&quot;", "\"")),
        Some(b'a') => Some(("&amp;", "&")),
        Some(b'l') => Some(("&lt;", "<")),
        Some(b'g') => Some(("&gt;", ">")),
        Some(b'#') if s.starts_with("&#39;") => Some(("&#39;", "'")),
        Some(b'#') => Some(("&#x27;", "'")),
        _ => None,
    };
    if let Some((entity, text)) = common {
        if s.starts_with(entity) {
            return (Some(Cow::Borrowed(text)), entity.len());
        }
    }
    // Anything else: a reference is at most ~40 bytes up to its ';'.
    let window_end = s
        .char_indices()
        .take(48)
        .find(|&(_, c)| c == ';')
        .map(|(i, _)| i + 1);
    if let Some(end) = window_end {
        let decoded = html_escape::decode_html_entities(&s[..end]);
        if decoded != s[..end] {
            return (Some(Cow::Owned(decoded.into_owned())), end);
        }
    }
    (None, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_and_rare_references() {
        assert_eq!(decode("{&quot;a&quot;:1}"), r#"{"a":1}"#);
        assert_eq!(decode("a &amp;quot; b"), "a &quot; b");
        assert_eq!(decode("&eacute;&#233;&#xE9;"), "ééé");
        assert_eq!(decode("AT&T & co;"), "AT&T & co;");
        assert!(matches!(decode("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn never_panics_on_odd_references() {
        for s in ["&", "&#", "&#x;", "&#99999999999;", "&;", "&é;", "&#0;"] {
            let _ = decode(s);
        }
    }
}

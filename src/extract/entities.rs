//! Decoding character references in attribute values.

use std::borrow::Cow;

/// Decodes the character references of an attribute value, borrowing when there are none.
///
/// The hydration blob is mostly `&quot;` (one every 26 bytes or so), so that one is handled
/// first and the other common ones directly; only rare ones go through the full table.
pub(crate) fn decode(raw: &str) -> Cow<'_, str> {
    let bytes = raw.as_bytes();
    let Some(first) = memchr::memchr(b'&', bytes) else {
        return Cow::Borrowed(raw);
    };
    let mut out = Vec::with_capacity(raw.len());
    out.extend_from_slice(&bytes[..first]);
    let mut i = first;
    while i < bytes.len() {
        // `bytes[i]` is a `&` here, so `i` is on a char boundary.
        if bytes.get(i + 1..i + 6) == Some(b"quot;") {
            out.push(b'"');
            i += "&quot;".len();
        } else {
            let rest = &raw[i..];
            let (decoded, used) = decode_reference(rest);
            match decoded {
                Some(text) => out.extend_from_slice(text.as_bytes()),
                None => out.extend_from_slice(&rest.as_bytes()[..used]),
            }
            i += used;
        }
        i = copy_until_amp(bytes, i, &mut out);
    }
    // Whole characters were copied and whole ones decoded, so this never falls back.
    match String::from_utf8(out) {
        Ok(text) => Cow::Owned(text),
        Err(err) => Cow::Owned(String::from_utf8_lossy(err.as_bytes()).into_owned()),
    }
}

/// The bytes copied at once between references.
const BLOCK: usize = 32;

/// Copies `bytes[i..]` into `out` up to the next `&`, and returns where that is (or the end).
///
/// In JSON escaped as `&quot;`, most gaps between references are short (`&quot;:&quot;`: two
/// thirds under 8 bytes, 96% under 32), so the next [`BLOCK`] bytes are copied at once (a
/// fixed-size copy, no call) and searched a word at a time, then trimmed; longer gaps
/// (abstracts) get a vectorized search and one copy.
fn copy_until_amp(bytes: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    if let Some(block) = bytes[i..].first_chunk::<BLOCK>() {
        out.extend_from_slice(block);
        if let Some(k) = first_amp(block) {
            out.truncate(out.len() - (BLOCK - k));
            return i + k;
        }
        i += BLOCK;
    }
    let k = memchr::memchr(b'&', &bytes[i..]).unwrap_or(bytes.len() - i);
    out.extend_from_slice(&bytes[i..i + k]);
    i + k
}

/// The index of the first `&` in a block, testing eight bytes at a time.
fn first_amp(block: &[u8; BLOCK]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const AMPS: u64 = u64::from_ne_bytes([b'&'; 8]);
    for at in (0..BLOCK).step_by(8) {
        let mut word = [0; 8];
        word.copy_from_slice(&block[at..at + 8]);
        // The classic "has a zero byte" test: its lowest set bit marks the first `&`.
        let x = u64::from_le_bytes(word) ^ AMPS;
        let amps = x.wrapping_sub(ONES) & !x & HIGHS;
        if amps != 0 {
            return Some(at + amps.trailing_zeros() as usize / 8);
        }
    }
    None
}

/// Decodes the reference at the start of `s` (which starts with `&`): the text it stands for
/// and how many bytes it used. `None` keeps those bytes as they are.
pub(crate) fn decode_reference(s: &str) -> (Option<Cow<'_, str>>, usize) {
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

    /// Decoding one reference after another, copying the text between them: what the
    /// block-wise copy must agree with.
    fn one_by_one(raw: &str) -> String {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let (decoded, used) = decode_reference(&rest[amp..]);
            out.push_str(decoded.as_deref().unwrap_or(&rest[amp..amp + used]));
            rest = &rest[amp + used..];
        }
        out.push_str(rest);
        out
    }

    proptest::proptest! {
        /// Gaps of every length around the block size, references that grow when decoded
        /// (`&nGt;`), multi-byte characters at block edges.
        #[test]
        fn blocks_agree_with_one_by_one(
            parts in proptest::collection::vec(
                "(&quot;|&amp;|&nGt;|&#233;|&|;|a{1,40}|\u{e9}|\u{1F600}|x{31,33})",
                0..30,
            )
        ) {
            let raw = parts.concat();
            proptest::prop_assert_eq!(decode(&raw), one_by_one(&raw));
        }
    }
}

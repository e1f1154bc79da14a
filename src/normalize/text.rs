use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalizes a title, abstract or name.
///
/// - decodes HTML entities left in the text, repeatedly, so double-escaped ones
///   (`&amp;quot;`) come out as the character;
/// - collapses every run of whitespace (arXiv's hard wraps `\n  `, tabs, no-break spaces) to
///   one space and trims both ends;
/// - puts the text in Unicode NFC.
///
/// LaTeX (`$O(n \log n)$`, `\cite{x}`) is left untouched, and so are short titles such as
/// `0`. The function is idempotent, and it borrows when nothing needs to change.
///
/// ```
/// use hf_papers::clean_text;
/// assert_eq!(clean_text("Scaling\n  Laws for $\\alpha$-Models "), "Scaling Laws for $\\alpha$-Models");
/// assert_eq!(clean_text("Beyond &amp;quot;Scale&amp;quot;"), "Beyond \"Scale\"");
/// assert_eq!(clean_text("0"), "0");
/// ```
pub fn clean_text(input: &str) -> Cow<'_, str> {
    // A few vectorized scans tell the common cases apart without decoding any char.
    let bytes = input.as_bytes();
    if input.is_ascii() && memchr::memchr(b'&', bytes).is_none() {
        let collapse = bytes.first() == Some(&b' ')
            || bytes.last() == Some(&b' ')
            || memchr::memchr3(b'\n', b'\t', b'\r', bytes).is_some()
            || memchr::memchr2(b'\x0b', b'\x0c', bytes).is_some()
            || DOUBLE_SPACE.find(bytes).is_some();
        return if collapse {
            Cow::Owned(collapse_ascii_whitespace(input))
        } else {
            Cow::Borrowed(input)
        };
    }
    clean_general(input)
}

/// Collapses whitespace in ASCII text, byte by byte.
fn collapse_ascii_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Not `split_ascii_whitespace`: it keeps U+000B, which `char::is_whitespace` counts.
    for word in text.split(|c: char| c.is_ascii_whitespace() || c == '\x0b') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The full rules, for text with entities or non-ASCII characters.
///
/// The steps can feed each other (NFC turns U+037E into `;`, which can complete an entity;
/// a decoded entity can be a combining mark), so they run until the text stops changing.
/// Each round either shrinks the text (decoding) or leaves it stable (collapsing and NFC are
/// idempotent), so this ends, in one round for real titles.
fn clean_general(input: &str) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(input);
    loop {
        let mut changed = false;
        if text.contains('&') {
            let decoded = decode_entities_fully(Cow::Borrowed(&*text));
            if let Cow::Owned(s) = decoded {
                text = Cow::Owned(s);
                changed = true;
            }
        }
        if needs_whitespace_collapse(&text) {
            text = Cow::Owned(collapse_whitespace(&text));
            changed = true;
        }
        if !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
            let nfc: String = text.nfc().collect();
            if nfc != text {
                text = Cow::Owned(nfc);
                changed = true;
            }
        }
        if !changed || !text.contains('&') {
            return text;
        }
    }
}

/// Built once: building a substring finder costs more than most searches.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Decodes entities until none is left. Each round shortens the text, so this ends.
fn decode_entities_fully(mut text: Cow<'_, str>) -> Cow<'_, str> {
    loop {
        let decoded = html_escape::decode_html_entities(&text);
        match decoded {
            Cow::Borrowed(_) => return text,
            Cow::Owned(s) => {
                let done = !s.contains('&');
                text = Cow::Owned(s);
                if done {
                    return text;
                }
            }
        }
    }
}

fn needs_whitespace_collapse(text: &str) -> bool {
    let mut prev_space = true; // a leading space needs trimming
    for c in text.chars() {
        if c.is_whitespace() {
            if prev_space || c != ' ' {
                return true;
            }
            prev_space = true;
        } else {
            prev_space = false;
        }
    }
    prev_space && !text.is_empty()
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_clean_text() {
        assert!(matches!(clean_text("A clean title"), Cow::Borrowed(_)));
    }

    #[test]
    fn collapses_nbsp_tabs_and_wraps() {
        assert_eq!(clean_text(" a\u{a0}\u{a0}b\t\tc\n  d "), "a b c d");
        assert_eq!(clean_text("   "), "");
    }

    #[test]
    fn decodes_nested_entities() {
        assert_eq!(clean_text("A &amp;amp;amp; B"), "A & B");
        assert_eq!(clean_text("It&#39;s"), "It's");
        assert_eq!(clean_text("x&nbsp;&nbsp;y"), "x y");
    }

    #[test]
    fn keeps_latex_and_bare_ampersands() {
        let s = r"$\begin{array}{c} a & b \end{array}$ AT&T \cite{k}";
        assert_eq!(clean_text(s), s);
    }

    #[test]
    fn ascii_and_general_paths_agree() {
        for s in ["a\x0bb", " a  b ", "a\t\nb", "a\r\n  b\x0c"] {
            assert_eq!(clean_text(s), clean_general(s), "{s:?}");
        }
    }

    /// Found by fuzzing: NFC turned U+037E into `;`, completing an entity that the first
    /// call left in place, so a second call changed the text.
    #[test]
    fn nfc_can_complete_an_entity() {
        let s = "&amp;quot\u{37e}";
        let once = clean_text(s).into_owned();
        assert_eq!(once, "\"");
        assert_eq!(clean_text(&once), once.as_str());
    }

    #[test]
    fn nfc() {
        assert_eq!(clean_text("Cafe\u{301}"), "Caf\u{e9}");
    }
}

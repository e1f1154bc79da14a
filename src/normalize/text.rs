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
    // Names and keywords are short: one pass over their bytes beats setting up five searches.
    let needs = if input.len() <= SHORT {
        scan_short(input.as_bytes())
    } else {
        scan_long(input)
    };
    match needs {
        Needs::Nothing => Cow::Borrowed(input),
        Needs::Collapse => Cow::Owned(collapse_ascii_whitespace(input)),
        Needs::General => clean_general(input),
    }
}

/// Up to this length, [`clean_text`] reads the text in one pass of [`scan_short`].
const SHORT: usize = 64;

/// What a text needs.
#[derive(Debug, PartialEq)]
enum Needs {
    /// Nothing: ASCII, no `&`, single spaces between words.
    Nothing,
    /// Only its ASCII whitespace collapsed.
    Collapse,
    /// The full rules: it has an `&` or a non-ASCII character.
    General,
}

/// What a long text needs, from a few vectorized scans that decode no char.
fn scan_long(input: &str) -> Needs {
    let bytes = input.as_bytes();
    // Most texts have no control byte, `&` or non-ASCII byte: one pass rules all of them out
    // (written without an early exit, so that it is vectorized) before the exact searches.
    let unusual = has_unusual_byte(bytes);
    if unusual && (!input.is_ascii() || memchr::memchr(b'&', bytes).is_some()) {
        return Needs::General;
    }
    if ascii_needs_collapse(bytes, unusual) {
        Needs::Collapse
    } else {
        Needs::Nothing
    }
}

/// Whether `bytes` holds a control byte, an `&` or a non-ASCII byte. Written without an early
/// exit, so that it is vectorized.
fn has_unusual_byte(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |seen, &b| {
        seen | !(0x20..0x80).contains(&b) | (b == b'&')
    })
}

/// What a short text needs, by the same rules as [`scan_long`], in one pass.
///
/// Each byte sets flags and nothing returns early, so that the loop is vectorized: a space
/// that follows a space (or starts the text) needs collapsing, as does a line break or tab.
fn scan_short(bytes: &[u8]) -> Needs {
    const GENERAL: u8 = 1;
    const COLLAPSE: u8 = 2;
    // Most names and keywords are printable ASCII without `&`: words of eight bytes settle
    // those from 8 bytes on, two simple folds the shorter ones. A text either rules out is
    // not such a text, and gets the flags below.
    let plain = if bytes.len() < 8 {
        plain_by_folds(bytes)
    } else {
        plain_in_words(bytes)
    };
    if let Some(plain) = plain {
        return if plain {
            Needs::Nothing
        } else {
            Needs::Collapse
        };
    }
    let flags = bytes.iter().zip(bytes.iter().skip(1)).fold(
        bytes.first().map_or(0, |&b| byte_flags(b' ', b)),
        |flags, (&before, &b)| flags | byte_flags(before, b),
    );
    if flags & GENERAL != 0 {
        return Needs::General;
    }
    if flags & COLLAPSE != 0 || bytes.last() == Some(&b' ') {
        Needs::Collapse
    } else {
        Needs::Nothing
    }
}

/// [`plain_in_words`] for a text under eight bytes, by two simple folds, which vectorize
/// better than the flags of [`scan_short`].
fn plain_by_folds(bytes: &[u8]) -> Option<bool> {
    if has_unusual_byte(bytes) {
        return None;
    }
    let double = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |seen, (&a, &b)| seen | ((a == b' ') & (b == b' ')));
    let edge = bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ');
    Some(!double && !edge)
}

/// For a text of 8 to 64 bytes that is printable ASCII without `&`: whether it needs
/// nothing (`Some(true)`) or only its spaces collapsed (`Some(false)`: two in a row, or one at
/// either end). `None` for any other text, which the byte-wise scan reads.
///
/// The text is read in words of eight bytes seven bytes apart (the last one ending at the
/// text's end), so that every pair of neighbouring bytes is inside one word; each test is
/// exact for every byte of the word.
fn plain_in_words(bytes: &[u8]) -> Option<bool> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOWS: u64 = u64::from_ne_bytes([0x7F; 8]);
    // The high bit of each byte that is zero; no carry crosses a byte.
    let zero = |x: u64| !(((x & LOWS) + LOWS) | x) & HIGHS;
    let len = bytes.len();
    if !(8..=64).contains(&len) {
        return None;
    }
    let (mut unusual, mut double) = (0, 0);
    let mut at = 0;
    loop {
        let start = at.min(len - 8);
        let word = u64::from_le_bytes(*bytes.get(start..)?.first_chunk::<8>()?);
        // A control byte: below 0x20 once the high bit is cleared, with the high bit clear.
        let control = !(((word & LOWS) + ONES * 0x60) | word) & HIGHS;
        unusual |= (word & HIGHS) | control | zero(word ^ (ONES * u64::from(b'&')));
        let spaces = zero(word ^ (ONES * u64::from(b' ')));
        double |= spaces & (spaces >> 8);
        if start == len - 8 {
            break;
        }
        at += 7;
    }
    if unusual != 0 {
        return None;
    }
    let edge = bytes[0] == b' ' || bytes[len - 1] == b' ';
    Some(double == 0 && !edge)
}

/// The flags of [`scan_short`] for byte `b` after byte `before`: 1 for an `&` or a
/// non-ASCII byte, 2 for a line break or tab, or a space after a space.
fn byte_flags(before: u8, b: u8) -> u8 {
    let general = u8::from(b == b'&' || b >= 0x80);
    let breaks = matches!(b, b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let double = before == b' ' && b == b' ';
    general | (u8::from(breaks || double) << 1)
}

/// Collapses whitespace in ASCII text.
///
/// Abstracts are long, with single spaces between words and a hard wrap (`\n  `) every line,
/// so the text between two irregular runs is found with vectorized searches and copied
/// whole, rather than word by word.
fn collapse_ascii_whitespace(text: &str) -> String {
    // Trimmed first, every run left is inside the text and becomes one space.
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let bytes = text.as_bytes();
    if memchr::memchr2(b'\x0b', b'\x0c', bytes).is_some() {
        return collapse_whitespace(text); // rare enough for the char-by-char rules
    }
    // Every run that is not a single space holds a line break, tab or return, or two spaces.
    let mut breaks = memchr::memchr3_iter(b'\n', b'\t', b'\r', bytes).peekable();
    let mut doubles = DOUBLE_SPACE.find_iter(bytes).peekable();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    loop {
        while breaks.next_if(|&at| at < copied).is_some() {}
        while doubles.next_if(|&at| at < copied).is_some() {}
        let at = match (breaks.peek(), doubles.peek()) {
            (Some(&a), Some(&b)) => a.min(b),
            (Some(&at), None) | (None, Some(&at)) => at,
            (None, None) => break,
        };
        let mut start = at;
        while start > copied && bytes[start - 1] == b' ' {
            start -= 1;
        }
        let mut end = at;
        while end < bytes.len() && matches!(bytes[end], b' ' | b'\n' | b'\t' | b'\r') {
            end += 1;
        }
        out.push_str(&text[copied..start]);
        out.push(' ');
        copied = end;
    }
    out.push_str(&text[copied..]);
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
        if may_hold_reference(&text) {
            let decoded = decode_entities_fully(Cow::Borrowed(&*text));
            if let Cow::Owned(s) = decoded {
                text = Cow::Owned(s);
                changed = true;
            }
        }
        if let Some(collapsed) = collapsed_whitespace(&text) {
            text = Cow::Owned(collapsed);
            changed = true;
        }
        if !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
            let nfc: String = text.nfc().collect();
            if nfc != text {
                text = Cow::Owned(nfc);
                changed = true;
            }
        }
        if !changed || !may_hold_reference(&text) {
            return text;
        }
    }
}

/// `text` with its whitespace collapsed, when it needs that. An abstract with a bare `&` or a
/// decoded entity is still ASCII most of the time: searched and collapsed by runs, not char
/// by char.
fn collapsed_whitespace(text: &str) -> Option<String> {
    if text.is_ascii() {
        ascii_needs_collapse(text.as_bytes(), true).then(|| collapse_ascii_whitespace(text))
    } else {
        needs_whitespace_collapse(text).then(|| collapse_whitespace(text))
    }
}

/// Whether `text` may hold a character reference: an `&` followed by a letter, a digit or
/// `#`. Any other `&` is a bare ampersand (`KV cache & sampler`) that decoding leaves as it
/// is, and the entity decoder looks each one up in its table of names first.
fn may_hold_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'&', bytes).any(|at| {
        bytes
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'#')
    })
}

/// [`needs_whitespace_collapse`] for ASCII text, by vectorized searches: a space at either
/// end, two spaces in a row, or an ASCII whitespace byte other than a space, looked for only
/// when `controls` says the text may hold a byte below 0x20.
fn ascii_needs_collapse(bytes: &[u8], controls: bool) -> bool {
    bytes.first() == Some(&b' ')
        || bytes.last() == Some(&b' ')
        || (controls && memchr::memchr3(b'\n', b'\t', b'\r', bytes).is_some())
        || (controls && memchr::memchr2(b'\x0b', b'\x0c', bytes).is_some())
        || DOUBLE_SPACE.find(bytes).is_some()
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

    proptest::proptest! {
        /// The run-by-run collapse gives what splitting into words gives.
        #[test]
        fn ascii_collapse_agrees_with_splitting(s in "[ a\\t\\n\\r\\x0b\\x0cb.]{0,40}") {
            let words: Vec<&str> = s
                .split(|c: char| c.is_ascii_whitespace() || c == '\x0b')
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(collapse_ascii_whitespace(&s), words.join(" "));
        }
    }

    proptest::proptest! {
        /// The searches decide for ASCII text as the walk over its chars does.
        #[test]
        fn ascii_collapse_check_agrees(s in "[ a\\t\\n\\r\\x0b\\x0c&b]{0,40}") {
            proptest::prop_assert_eq!(ascii_needs_collapse(s.as_bytes(), true), needs_whitespace_collapse(&s));
        }

        /// Text the reference check rules out is left as it is by the entity decoder.
        #[test]
        fn no_reference_means_nothing_to_decode(s in "[ &#;ax1\u{e9}]{0,24}") {
            if !may_hold_reference(&s) {
                let decoded = html_escape::decode_html_entities(&s);
                proptest::prop_assert_eq!(decoded.as_ref(), s.as_str());
            }
        }
    }

    proptest::proptest! {
        /// The one-pass reading of short texts decides as the vectorized scans do.
        #[test]
        fn short_and_long_scans_agree(s in "[ a\\t\\n\\r\\x0b\\x0c&\u{e9}b]{0,70}") {
            proptest::prop_assert_eq!(scan_short(s.as_bytes()), scan_long(&s));
        }

        /// The word-at-a-time test of printable ASCII texts decides as the scans do, or
        /// leaves the text to them; every byte value near its bounds is among the inputs.
        #[test]
        fn word_test_agrees_with_the_scans(
            bytes in proptest::collection::vec(proptest::sample::select(
                b" !%&'a~\x7f\x80\xff\x00\x01\t\n\x1f\x20\x21\x1f".to_vec()), 0..70),
            plain in proptest::collection::vec(proptest::sample::select(b" a~!".to_vec()), 0..70),
        ) {
            for bytes in [&bytes, &plain] {
                if let Some(plain) = plain_in_words(bytes) {
                    let expected = if plain { Needs::Nothing } else { Needs::Collapse };
                    let text = std::str::from_utf8(bytes).expect("printable ASCII");
                    proptest::prop_assert_eq!(&expected, &scan_long(text));
                }
            }
            // The plain texts from 8 to 64 bytes are all decided by words.
            proptest::prop_assert_eq!(plain_in_words(&plain).is_some(), (8..=64).contains(&plain.len()));
        }
    }

    proptest::proptest! {
        /// Trimming HTML whitespace first changes nothing (the tree readers trim a text
        /// before cleaning it, to borrow it).
        #[test]
        fn trimming_first_changes_nothing(
            s in "[ a\t\n\r\x0b\x0c&;#39quotamp\u{a0}\u{301}\u{37e}\u{2028}\u{85}e]{0,40}"
        ) {
            let trimmed = s.trim_matches([' ', '\t', '\n', '\r', '\x0c']);
            proptest::prop_assert_eq!(clean_text(trimmed), clean_text(&s));
        }
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

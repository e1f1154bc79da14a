//! Trimming surrounding whitespace, as `str::trim` does, with a quick answer for the common
//! value.

/// `s` without leading and trailing whitespace: exactly [`str::trim`].
///
/// Nearly every value the site writes (ids, names, links, timestamps) starts and ends with a
/// printable ASCII character; two byte checks say so, where `str::trim` decodes a char at each
/// end and asks Unicode's whitespace table (about 50 instructions, on a thousand values a
/// page).
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| (0x21..0x80).contains(&b));
    let bytes = s.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::trim;

    #[test]
    fn trims_as_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}x\u{3000}",
            "x\n",
            "\tx",
            "\u{b}x",
            "x\u{85}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    proptest::proptest! {
        /// The quick answer never differs from `str::trim`.
        #[test]
        fn agrees_with_str_trim(s in "[ a\\t\\n\\r\\x0b\\x0c\\x00\\x1f\\x7f\u{85}\u{a0}\u{2028}\u{3000}\u{e9}]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }
    }
}

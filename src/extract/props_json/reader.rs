//! The blob reader's tokens: strings, numbers, literals and brackets read from the
//! attribute value as it stands, `&quot;` (or a literal `"`) taken for a quote and other
//! references decoded inside strings. Each gives up ([`GiveUp`]) on what it is not sure of.

use std::borrow::Cow;
use std::fmt;

use super::super::entities;

/// Whether `bytes` holds a byte below 0x20: its lowest byte, found by a loop without an
/// early exit, which the compiler vectorizes.
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |low, &b| low.min(b)) < 0x20
}

/// The first quote, `&` or backslash in the first 16 bytes of `bytes`, read eight bytes at a
/// time: most strings in a blob (keys, ids, dates, names) end there, and this costs less
/// than setting up `memchr3` for them. `None` means look further.
pub(super) fn first_special_in_words(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` equal to `byte`; borrows may also mark bytes
    // after the first match, never before it, so the lowest mark is exact.
    let marks = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut at = 0;
    while at < 16 {
        let word = u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?);
        let found = marks(word, b'"') | marks(word, b'&') | marks(word, b'\\');
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    None
}

/// Why the reader stopped. It carries nothing: the caller's fallback says what is wrong.
#[derive(Debug)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the attribute JSON reader")
    }
}

impl std::error::Error for GiveUp {}

pub(crate) type Result<T> = std::result::Result<T, GiveUp>;

/// A JSON string as read: borrowed from the attribute when it needed no decoding.
pub(crate) enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    /// The string, wherever it is.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }

    /// The string as a wire field holds it: still borrowed when it was.
    pub(crate) fn into_cow(self) -> Cow<'de, str> {
        match self {
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Owned(s) => Cow::Owned(s),
        }
    }
}

/// The reader's state: the attribute value and where in it the next token starts.
pub(crate) struct Reader<'de> {
    raw: &'de str,
    pos: usize,
    depth: usize,
    max_depth: usize,
    /// The value holds a byte below 0x20, so each string is checked for one.
    controls: bool,
}

const QUOT: &[u8] = b"&quot;";

impl<'de> Reader<'de> {
    /// A reader at the start of `raw`, which gives up on JSON nested deeper than `max_depth`.
    pub(crate) fn new(raw: &'de str, max_depth: usize) -> Self {
        Reader {
            raw,
            pos: 0,
            depth: 0,
            max_depth,
            // Control characters are rare in a blob; when there are none, strings need not be
            // checked for them.
            controls: has_control(raw.as_bytes()),
        }
    }

    /// Whether only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.skip_space();
        self.pos == self.raw.len()
    }

    /// The first byte of the next value, after whitespace, with `&quot;` seen as `"`; a
    /// string's opening quote is consumed, so that [`Reader::string`] reads it next.
    #[inline(always)]
    pub(crate) fn value_start(&mut self) -> Result<u8> {
        // As the site writes every string: `&quot;` straight away.
        if self.quote_straight_away() {
            return Ok(b'"');
        }
        let first = self.peek()?;
        if first == b'"' {
            self.open_quote();
        }
        Ok(first)
    }

    /// Consumes the `[` or `{` that [`Reader::value_start`] saw, one level deeper.
    pub(crate) fn open_container(&mut self) -> Result<()> {
        self.pos += 1;
        self.enter()
    }

    /// Leaves the array or object whose closing bracket [`Reader::next_item`] consumed.
    pub(crate) fn close_container(&mut self) {
        self.depth -= 1;
    }

    fn bytes(&self) -> &'de [u8] {
        self.raw.as_bytes()
    }

    /// Skips JSON whitespace written as itself (a reference to a space gives up later).
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next token's first byte, after whitespace, with `&quot;` seen as `"`. The end of
    /// the input, or any other reference there, gives up.
    fn peek(&mut self) -> Result<u8> {
        let bytes = self.bytes();
        loop {
            match bytes.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'&') if bytes[self.pos..].starts_with(QUOT) => return Ok(b'"'),
                Some(b'&') | None => return Err(GiveUp),
                Some(&b) => return Ok(b),
            }
        }
    }

    /// Consumes the quote [`Reader::peek`] saw: one byte, or a whole `&quot;`.
    fn open_quote(&mut self) {
        self.pos += if self.bytes()[self.pos] == b'"' {
            1
        } else {
            QUOT.len()
        };
    }

    /// Consumes a `&quot;` that comes straight away, with no space before it, as the site
    /// writes every string: the common case, before [`Reader::peek`]'s general one.
    fn quote_straight_away(&mut self) -> bool {
        let found = self.bytes()[self.pos..].starts_with(QUOT);
        if found {
            self.pos += QUOT.len();
        }
        found
    }

    /// Consumes the one-byte token `token`, which must come next.
    pub(crate) fn expect(&mut self, token: u8) -> Result<()> {
        // As the site writes it: the token straight away, with no space before it.
        if self.bytes().get(self.pos) == Some(&token) {
            self.pos += 1;
            return Ok(());
        }
        if self.peek()? == token {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Reads `true` or `false`, whose first byte [`Reader::value_start`] gave as `first`.
    /// Always inlined: as a call it cost 12,000 instructions a page (about 500 booleans).
    #[inline(always)]
    pub(crate) fn boolean(&mut self, first: u8) -> Result<bool> {
        if first == b't' {
            self.literal(b"true").map(|()| true)
        } else {
            self.literal(b"false").map(|()| false)
        }
    }

    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<()> {
        if self.bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(GiveUp);
        }
        Ok(())
    }

    /// Reads a string whose opening quote was consumed, through its closing quote.
    ///
    /// Always inlined, like [`Reader::key`]: a page has about 4,000 strings, and as a call
    /// this cost more in saved registers than the word search it does.
    #[inline(always)]
    pub(crate) fn string(&mut self) -> Result<Text<'de>> {
        let bytes = self.bytes();
        let start = self.pos;
        let stop = self.special(start)?;
        if bytes[stop] == b'"' {
            self.pos = stop + 1;
            return Ok(Text::Borrowed(&self.raw[start..stop]));
        }
        if bytes[stop..].starts_with(QUOT) {
            self.pos = stop + QUOT.len();
            return Ok(Text::Borrowed(&self.raw[start..stop]));
        }
        self.built_string(start, stop)
    }

    /// The rest of [`Reader::string`] when the string from `start` holds a reference or an
    /// escape at `stop`: it is built. Kept apart so that the common case stays small enough
    /// to inline.
    #[cold]
    fn built_string(&mut self, start: usize, stop: usize) -> Result<Text<'de>> {
        let bytes = self.bytes();
        let mut out = String::with_capacity(stop - start + 16);
        out.push_str(&self.raw[start..stop]);
        let mut at = stop;
        loop {
            match bytes[at] {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(Text::Owned(out));
                }
                b'&' if bytes[at..].starts_with(QUOT) => {
                    self.pos = at + QUOT.len();
                    return Ok(Text::Owned(out));
                }
                b'&' => {
                    let (decoded, used) = entities::decode_reference(&self.raw[at..]);
                    match decoded {
                        // One that stands for a quote, a backslash or a control character
                        // would end the string or start an escape: too rare to follow.
                        Some(text) if text.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) => {
                            return Err(GiveUp);
                        }
                        Some(text) => out.push_str(&text),
                        None => out.push_str(&self.raw[at..at + used]),
                    }
                    at += used;
                }
                _ => at = self.escape(at + 1, &mut out)?,
            }
            let next = self.special(at)?;
            out.push_str(&self.raw[at..next]);
            at = next;
        }
    }

    /// Where the next quote, reference or backslash is, from `from` on; gives up at the end
    /// of the input or on a control character before it.
    #[inline(always)]
    fn special(&self, from: usize) -> Result<usize> {
        let rest = &self.bytes()[from..];
        let found = match first_special_in_words(rest) {
            Some(found) => found,
            None => memchr::memchr3(b'"', b'&', b'\\', rest).ok_or(GiveUp)?,
        };
        if self.controls && rest[..found].iter().any(|&b| b < 0x20) {
            return Err(GiveUp);
        }
        Ok(from + found)
    }

    /// Decodes the escape whose backslash was just before `at` into `out`; returns where the
    /// text after it starts.
    fn escape(&self, at: usize, out: &mut String) -> Result<usize> {
        let bytes = self.bytes();
        if bytes[at..].starts_with(QUOT) {
            out.push('"');
            return Ok(at + QUOT.len());
        }
        let simple = match bytes.get(at) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, end) = self.unicode_escape(at + 1)?;
                out.push(c);
                return Ok(end);
            }
            _ => return Err(GiveUp),
        };
        out.push(simple);
        Ok(at + 1)
    }

    /// The character of `\uXXXX` whose hex digits start at `at` (a surrogate pair takes a
    /// second escape), and where the text after it starts.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize)> {
        let first = self.hex4(at)?;
        let (code, end) = match first {
            0xD800..=0xDBFF => {
                if !self.bytes()[at + 4..].starts_with(b"\\u") {
                    return Err(GiveUp);
                }
                let second = self.hex4(at + 6)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(GiveUp);
                }
                (
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00),
                    at + 10,
                )
            }
            0xDC00..=0xDFFF => return Err(GiveUp),
            code => (code, at + 4),
        };
        Ok((char::from_u32(code).ok_or(GiveUp)?, end))
    }

    fn hex4(&self, at: usize) -> Result<u32> {
        let digits = self.bytes().get(at..at + 4).ok_or(GiveUp)?;
        digits.iter().try_fold(0u32, |code, &b| {
            let digit = char::from(b).to_digit(16).ok_or(GiveUp)?;
            Ok(code * 16 + digit)
        })
    }

    /// Reads a number as serde_json does: an integer is a `u64`, or an `i64` when negative
    /// (`-0` and one below `i64::MIN` are floats); see [`Reader::float`] for the floats it
    /// reads. Skipped numbers are only checked.
    pub(crate) fn number(&mut self, skipping: bool) -> Result<Number> {
        let bytes = self.bytes();
        let negative = bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let digits_start = self.pos;
        let mut value: u64 = 0;
        while let Some(&b) = bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
                .ok_or(GiveUp)?;
            self.pos += 1;
        }
        let digits = self.pos - digits_start;
        if digits == 0 || (digits > 1 && bytes[digits_start] == b'0') {
            return Err(GiveUp);
        }
        if let Some(b'.' | b'e' | b'E') = bytes.get(self.pos) {
            if skipping {
                self.skip_fraction_and_exponent()?;
                return Ok(Number::Skipped);
            }
            return self.float(negative, value).map(Number::Float);
        }
        if !negative {
            return Ok(Number::Unsigned(value));
        }
        // serde_json's rule, which keeps `-0` and too-large negatives as floats.
        let negated = (value as i64).wrapping_neg();
        Ok(if negated >= 0 {
            Number::Float(-(value as f64))
        } else {
            Number::Signed(negated)
        })
    }

    /// The float whose integer part `whole` was read, in the one case where serde_json's
    /// arithmetic is exact and so known without repeating it: a fraction of at most 22
    /// digits, no exponent, and all its digits worth at most 2^53 (`12.0`, `0.75`). Then
    /// both the digits and the power of ten are exact floats, and one division rounds
    /// correctly, as serde_json's does. Anything else gives up.
    fn float(&mut self, negative: bool, whole: u64) -> Result<f64> {
        /// 10^0 to 10^22: every one is an exact `f64`.
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        const EXACT: u64 = 1 << 53;
        let bytes = self.bytes();
        if bytes.get(self.pos) != Some(&b'.') {
            return Err(GiveUp);
        }
        self.pos += 1;
        let start = self.pos;
        let mut digits = whole;
        while let Some(&b) = bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
            digits = digits
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
                .filter(|&v| v <= EXACT)
                .ok_or(GiveUp)?;
            self.pos += 1;
        }
        let power = POW10.get(self.pos - start).ok_or(GiveUp)?;
        if self.pos == start || matches!(bytes.get(self.pos), Some(b'e' | b'E')) {
            return Err(GiveUp);
        }
        let value = digits as f64 / power;
        Ok(if negative { -value } else { value })
    }

    fn skip_fraction_and_exponent(&mut self) -> Result<()> {
        if self.bytes().get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.skip_digits()?;
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes().get(self.pos) {
                self.pos += 1;
            }
            self.skip_digits()?;
        }
        Ok(())
    }

    /// Skips one or more digits.
    fn skip_digits(&mut self) -> Result<()> {
        let start = self.pos;
        while self.bytes().get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        if self.pos == start {
            return Err(GiveUp);
        }
        Ok(())
    }

    /// Reads an object's key: a string, whose opening quote must come next.
    #[inline(always)]
    pub(crate) fn key(&mut self) -> Result<Text<'de>> {
        if self.quote_straight_away() {
            return self.string();
        }
        if self.peek()? != b'"' {
            return Err(GiveUp);
        }
        self.open_quote();
        self.string()
    }

    /// Skips one value of any type, checking it as strictly as reading it would.
    pub(crate) fn skip_value(&mut self) -> Result<()> {
        match self.peek()? {
            b'"' => {
                self.open_quote();
                self.string().map(drop)
            }
            b'-' | b'0'..=b'9' => self.number(true).map(drop),
            b'n' => self.literal(b"null"),
            first @ (b't' | b'f') => self.boolean(first).map(drop),
            open @ (b'[' | b'{') => {
                let close = if open == b'[' { b']' } else { b'}' };
                self.pos += 1;
                self.enter()?;
                let mut first = true;
                while self.next_item(close, &mut first)? {
                    if close == b'}' {
                        self.key()?;
                        self.expect(b':')?;
                    }
                    self.skip_value()?;
                }
                self.depth -= 1;
                Ok(())
            }
            _ => Err(GiveUp),
        }
    }

    /// Before an array element or object entry: `true` when one follows (after its comma),
    /// `false` after consuming the closing bracket. (After a comma, a closing bracket fails
    /// as the value or key it is not.)
    pub(crate) fn next_item(&mut self, close: u8, first: &mut bool) -> Result<bool> {
        let next = self.peek()?;
        if next == close {
            self.pos += 1;
            return Ok(false);
        }
        if !*first {
            if next != b',' {
                return Err(GiveUp);
            }
            self.pos += 1;
        }
        *first = false;
        Ok(true)
    }
}

/// A number as read: [`Reader::number`] only checks a skipped one.
pub(crate) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Skipped,
}

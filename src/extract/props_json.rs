//! Reading a hydration blob's JSON straight from its attribute value, entities and all.
//!
//! The blob is JSON written into an HTML attribute, so every `"` in it is `&quot;`. Decoding
//! the whole value into a new buffer and running serde_json on that reads every byte twice
//! and copies it once; this reader deserializes the wire structs from the attribute value as
//! it is, taking `&quot;` (or a literal `"`) for a quote and decoding other references inside
//! strings. A string with no reference and no escape is borrowed from the page itself.
//!
//! It is a fast path and nothing more: it reads only what it is sure of (plain JSON as the
//! site writes it) and gives up on anything else (a reference outside a string, a float it
//! cannot read exactly as serde_json does, a control character, any syntax error, a
//! visitor's error).
//! The caller then decodes the value and runs serde_json, whose answer (value or error) is
//! the answer. So where this reader succeeds it must give what serde_json gives on the
//! decoded text; the tests and the `props_json` fuzz target check that it does.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::entities;
use super::html_scan::RawAttr;
use super::json::{self, json_depth};
use crate::{Error, ParseOptions, Stage};

/// Deserializes a blob's `data-props` value: straight from the page when this reader can,
/// otherwise decoded into `decoded` and read by [`json::from_str`], whose value or error
/// (with the blob's offset in the page) stands.
pub(crate) fn read_blob<'a, T: de::Deserialize<'a>>(
    props: RawAttr<'a>,
    options: &ParseOptions,
    decoded: &'a mut Option<std::borrow::Cow<'a, str>>,
) -> std::result::Result<T, Error> {
    if let Some(wire) = from_attribute(props.value, json_depth(options)) {
        return Ok(wire);
    }
    let decoded = decoded.insert(entities::decode(props.value));
    json::from_str(decoded, Stage::HydrationBlob, Some(props.offset), options)
}

/// Deserializes the JSON in a raw attribute value, or `None` when this reader gives up (see
/// the module documentation) or the JSON nests deeper than `max_depth`.
pub(crate) fn from_attribute<'de, T: de::Deserialize<'de>>(
    raw: &'de str,
    max_depth: usize,
) -> Option<T> {
    let mut reader = Reader {
        raw,
        pos: 0,
        depth: 0,
        max_depth,
        // Control characters are rare in a blob; when there are none, strings need not be
        // checked for them.
        controls: has_control(raw.as_bytes()),
        broken: false,
    };
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_space();
    (reader.pos == raw.len() && !reader.broken).then_some(value)
}

/// What this reader and decoding then serde_json read from `raw` as `T`, each in its `Debug`
/// form (which tells `-0.0` from `0.0`), serde_json's error as text: what the tests and the
/// `props_json` fuzz target compare. `decoded` is `raw` with its references decoded.
#[cfg(any(test, fuzzing))]
pub(crate) fn both_readings<'de, T>(
    raw: &'de str,
    decoded: &'de str,
) -> (Option<String>, std::result::Result<String, String>)
where
    T: de::Deserialize<'de> + fmt::Debug,
{
    let fast = from_attribute::<T>(raw, super::json::SERDE_JSON_DEPTH).map(|v| format!("{v:?}"));
    let slow = serde_json::from_str::<T>(decoded)
        .map(|v| format!("{v:?}"))
        .map_err(|err| err.to_string());
    (fast, slow)
}

/// Whether `bytes` holds a byte below 0x20: its lowest byte, found by a loop without an
/// early exit, which the compiler vectorizes.
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |low, &b| low.min(b)) < 0x20
}

/// The first quote, `&` or backslash in the first 16 bytes of `bytes`, read eight bytes at a
/// time: most strings in a blob (keys, ids, dates, names) end there, and this costs less
/// than setting up `memchr3` for them. `None` means look further.
fn first_special_in_words(bytes: &[u8]) -> Option<usize> {
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

impl de::Error for GiveUp {
    fn custom<M: fmt::Display>(_: M) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

/// A JSON string as read: borrowed from the attribute when it needed no decoding.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// The reader's state: the attribute value and where in it the next token starts.
struct Reader<'de> {
    raw: &'de str,
    pos: usize,
    depth: usize,
    max_depth: usize,
    /// The value holds a byte below 0x20, so each string is checked for one.
    controls: bool,
    /// A visitor stopped before the end of an array or object.
    broken: bool,
}

const QUOT: &[u8] = b"&quot;";

impl<'de> Reader<'de> {
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
    fn expect(&mut self, token: u8) -> Result<()> {
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

    fn literal(&mut self, word: &[u8]) -> Result<()> {
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
    fn string(&mut self) -> Result<Text<'de>> {
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
    fn number(&mut self, skipping: bool) -> Result<Number> {
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
    fn key(&mut self) -> Result<Text<'de>> {
        if self.quote_straight_away() {
            return self.string();
        }
        if self.peek()? != b'"' {
            return Err(GiveUp);
        }
        self.open_quote();
        self.string()
    }

    /// Opens an array or object (`[` or `{` next), lets `visit` read its items up to
    /// `close`, and checks the nesting depth around it.
    fn nested<T>(
        &mut self,
        close: u8,
        visit: impl FnOnce(Items<'_, 'de>) -> Result<T>,
    ) -> Result<T> {
        self.pos += 1;
        self.enter()?;
        let value = visit(Items {
            reader: self,
            close,
            first: true,
            done: false,
        })?;
        self.depth -= 1;
        Ok(value)
    }

    /// Skips one value of any type, checking it as strictly as reading it would.
    fn skip_value(&mut self) -> Result<()> {
        match self.peek()? {
            b'"' => {
                self.open_quote();
                self.string().map(drop)
            }
            b'-' | b'0'..=b'9' => self.number(true).map(drop),
            b'n' => self.literal(b"null"),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
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
    fn next_item(&mut self, close: u8, first: &mut bool) -> Result<bool> {
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

enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Skipped,
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.quote_straight_away() {
            return visit_text(self.string()?, visitor);
        }
        match self.peek()? {
            b'"' => {
                self.open_quote();
                visit_text(self.string()?, visitor)
            }
            b'-' | b'0'..=b'9' => match self.number(false)? {
                Number::Unsigned(n) => visitor.visit_u64(n),
                Number::Signed(n) => visitor.visit_i64(n),
                Number::Float(n) => visitor.visit_f64(n),
                Number::Skipped => Err(GiveUp),
            },
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'[' => self.nested(b']', |items| visitor.visit_seq(items)),
            b'{' => self.nested(b'}', |items| visitor.visit_map(items)),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_value()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// The elements of an array or the entries of an object being visited, up to `close`.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
    first: bool,
    /// The closing bracket was consumed: the visitor must not stop before it.
    done: bool,
}

impl Items<'_, '_> {
    /// Whether another element or entry follows (its comma consumed); at the end, consumes
    /// the closing bracket.
    fn more(&mut self) -> Result<bool> {
        if self.done || !self.reader.next_item(self.close, &mut self.first)? {
            self.done = true;
            return Ok(false);
        }
        Ok(true)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    // Always inlined into each struct's key loop (`wire::object::read_object_into`), with
    // the key it reads.
    #[inline(always)]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(Key(&mut *self.reader)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

impl Drop for Items<'_, '_> {
    fn drop(&mut self) {
        // A visitor that stopped early left the rest unread: the whole read fails.
        self.reader.broken |= !self.done;
    }
}

/// Visits a string as read: borrowed from the page when it could be.
fn visit_text<'de, V: Visitor<'de>>(text: Text<'de>, visitor: V) -> Result<V::Value> {
    match text {
        Text::Borrowed(s) => visitor.visit_borrowed_str(s),
        Text::Owned(s) => visitor.visit_string(s),
    }
}

/// An object's key: a string, visited as one whatever the seed asks for.
struct Key<'r, 'de>(&'r mut Reader<'de>);

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visit_text(self.0.key()?, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::listing::WireListing;
    use crate::wire::paper_page::WirePaperContent;
    use proptest::prelude::*;
    use serde_json::Value;

    /// What the reader must agree with: decode the references, then serde_json.
    fn slow(raw: &str) -> Option<Value> {
        serde_json::from_str(&entities::decode(raw)).ok()
    }

    fn fast(raw: &str) -> Option<Value> {
        from_attribute(raw, 127)
    }

    /// JSON written into a double-quoted attribute as the site writes it.
    fn attribute(json: &str) -> String {
        json.replace('&', "&amp;").replace('"', "&quot;")
    }

    #[test]
    fn reads_what_the_site_writes() {
        let raw = attribute(
            r#"{"id":"2607.01234","title":"A \"Quoted\" & <Odd> Title\n","n":[1,-2,0,true,false,null],"e":{},"l":[],"u":"\u00e9\ud83d\ude00 caf\u00e9"}"#,
        );
        assert_eq!(fast(&raw), slow(&raw));
        assert!(fast(&raw).is_some());
        // Literal quotes (a single-quoted attribute), spaces between tokens, other
        // references inside strings.
        for raw in [
            r#"{"a": "b", "c" : [ 1 , 2 ] }"#,
            "{&quot;a&quot;:&quot;it&#39;s &lt;b&gt; &eacute; &amp;quot;&quot;}",
            r#"{"a":"AT&T &c; &amp"}"#,
        ] {
            assert_eq!(fast(raw), slow(raw), "{raw}");
            assert!(fast(raw).is_some(), "{raw}");
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_read() {
        for raw in [
            "",
            "{",
            r#"{"a":1,}"#,
            r#"[1,]"#,
            r#"{"a":1.5e3}"#,
            r#"{"a":0.12345678901234567890123}"#,
            r#"{"a":12345678901234567.5}"#,
            r#"{"a":1.}"#,
            r#"{"a":01}"#,
            r#"{"a":-}"#,
            r#"{"a":"\x"}"#,
            r#"{"a":"\ud800"}"#,
            r#"{"a":"\udc00"}"#,
            "{\"a\":\"line\nbreak\"}",
            "{&#34;a&#34;:1}",
            "{&quot;a&quot;:&quot;&#34;&quot;}",
            "{&quot;a&quot;:&quot;&#92;n&quot;}",
            "{&quot;a&quot;:&quot;&#10;&quot;}",
            r#"{"a":1} x"#,
            r#"{"a":1}{}"#,
            r#"{1:2}"#,
            "[[[[1]]]]",
        ] {
            let read: Option<Value> = from_attribute(raw, 3);
            assert_eq!(read, None, "{raw}");
        }
        // Floats are read when only skipped (an unknown key of a wire struct).
        let wire: Option<WireListing<'_>> =
            from_attribute(r#"{"score":1.5e-3,"dateString":"x"}"#, 8);
        assert!(wire.is_some());
    }

    #[test]
    fn reads_short_fractions_as_serde_json_does() {
        for raw in [
            "12.0",
            "-0.0",
            "0.75",
            "-3.25",
            "0.1",
            "123456.789",
            "9007199254740.992",
        ] {
            let read = fast(raw);
            assert!(read.is_some(), "{raw}");
            assert_eq!(read, slow(raw), "{raw}");
            assert_eq!(
                read.and_then(|v| v.as_f64()).map(f64::to_bits),
                raw.parse::<f64>().ok().map(f64::to_bits)
            );
        }
    }

    #[test]
    fn a_visitor_that_stops_early_fails_the_read() {
        // A two-element tuple from a three-element array: serde_json says "trailing
        // characters"; this reader must not return the first two.
        let read: Option<(u8, u8)> = from_attribute("[1,2,3]", 8);
        assert_eq!(read, None);
        assert!(serde_json::from_str::<(u8, u8)>("[1,2,3]").is_err());
    }

    /// The wire structs of every fixture and (with `HF_PAPERS_CORPUS`) every real page's
    /// blob come out of both readers the same, and the fast one does read them.
    #[test]
    fn every_page_blob_reads_the_same_both_ways() {
        let mut pages = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        if let Some(corpus) = std::env::var_os("HF_PAPERS_CORPUS") {
            dirs.push(std::path::PathBuf::from(corpus).join("html"));
        }
        for dir in dirs {
            for entry in std::fs::read_dir(&dir).expect("readable directory") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "html") {
                    pages.push((path.clone(), std::fs::read_to_string(&path).expect("page")));
                }
            }
        }
        let mut read = 0;
        for (path, page) in &pages {
            let scan = crate::extract::html_scan::scan(page);
            for hydrater in &scan.hydraters {
                let Some(props) = hydrater.props else {
                    continue;
                };
                let decoded = entities::decode(props.value);
                let (fast, slow) = match hydrater.target.as_str() {
                    "DailyPapers" => both_readings::<WireListing<'_>>(props.value, &decoded),
                    "PaperContent" => both_readings::<WirePaperContent<'_>>(props.value, &decoded),
                    _ => continue,
                };
                let slow = slow.ok();
                if slow.is_some() {
                    read += 1;
                }
                assert_eq!(fast, slow, "{}", path.display());
            }
        }
        assert!(read >= 10, "only {read} blobs read");
    }

    /// JSON values with the characters that matter here in their strings and keys.
    fn json_value(floats: bool) -> impl Strategy<Value = Value> {
        let text = "[a-z\"\\\\&<>'/;#é😀\u{1}\n ]{0,12}";
        let float = if floats { 1 } else { 0 };
        let leaf = prop_oneof![
            1 => Just(Value::Null),
            1 => any::<bool>().prop_map(Value::Bool),
            1 => any::<i64>().prop_map(Value::from),
            1 => any::<u64>().prop_map(Value::from),
            1 => text.prop_map(Value::String),
            float => any::<f64>().prop_map(Value::from),
            float => (any::<i32>(), 0u32..25).prop_map(|(n, k)| Value::from(f64::from(n) / 10f64.powi(k as i32))),
        ];
        leaf.prop_recursive(4, 32, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(text, inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Ways to write a JSON text into an attribute, all decoding back to it.
    fn written(json: &str, style: u8) -> String {
        match style % 4 {
            0 => attribute(json),
            // Also `<`, `>` and `'` as references, the way some serializers do.
            1 => attribute(json)
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('\'', "&#39;"),
            // Numeric references for the quotes inside strings' escapes only.
            2 => attribute(json).replace("\\&quot;", "\\&#34;"),
            // A single-quoted attribute: quotes stay literal.
            _ => json.replace('&', "&amp;").replace('\'', "&#39;"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever the writing, the reader gives serde_json's value, and reads every
        /// value without floats or control characters itself.
        #[test]
        fn agrees_with_decoding_then_serde_json(value in json_value(false), style in any::<u8>(), pretty in any::<bool>()) {
            let json = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            let raw = written(&json, style);
            let read = fast(&raw);
            if read.is_some() {
                prop_assert_eq!(&read, &slow(&raw));
            }
            let plain = !json.bytes().any(|b| b < 0x20 && !(pretty && b == b'\n'));
            if plain && style % 4 != 2 {
                prop_assert_eq!(read, Some(value));
            }
        }

        /// The word-at-a-time search finds what `memchr3` finds, or says to look further
        /// only when its first 16 bytes (as many whole words as there are) hold none.
        #[test]
        fn word_search_finds_what_memchr3_finds(
            bytes in prop::collection::vec(prop::sample::select(b"\"&\\a\x00\x80\xff%'\x7f\x01".to_vec()), 0..40),
        ) {
            let expected = memchr::memchr3(b'"', b'&', b'\\', &bytes);
            match first_special_in_words(&bytes) {
                Some(found) => prop_assert_eq!(Some(found), expected),
                None => {
                    let searched = bytes.len().min(16) / 8 * 8;
                    prop_assert!(expected.is_none_or(|at| at >= searched));
                }
            }
        }

        /// Floats: read only as serde_json reads them.
        #[test]
        fn floats_agree(value in json_value(true)) {
            let raw = attribute(&serde_json::to_string(&value).unwrap());
            let read = fast(&raw);
            if read.is_some() {
                prop_assert_eq!(read, slow(&raw));
            }
        }

        /// Damaged input: never a value serde_json would not give.
        #[test]
        fn never_reads_what_serde_json_refuses(
            value in json_value(true),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..12), 1..4),
        ) {
            let mut raw = attribute(&serde_json::to_string(&value).unwrap()).into_bytes();
            const PIECES: [&[u8]; 12] = [
                b"&quot;", b"\\", b",", b"]", b"}", b":", b"&", b"&#34;", b"1.0", b"-", b"\x01", b"",
            ];
            for (at, piece) in edits {
                let at = at.index(raw.len() + 1);
                if piece == 11 {
                    if at < raw.len() {
                        raw.remove(at);
                    }
                } else {
                    raw.splice(at..at, PIECES[piece].iter().copied());
                }
            }
            let Ok(raw) = String::from_utf8(raw) else { return Ok(()) };
            let read = fast(&raw);
            if read.is_some() {
                prop_assert_eq!(read, slow(&raw));
            }
        }
    }
}

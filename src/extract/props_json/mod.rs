//! Reading a hydration blob's JSON straight from its attribute value, entities and all.
//!
//! The blob is JSON written into an HTML attribute, so every `"` in it is `&quot;`. Decoding
//! the whole value into a new buffer and running serde_json on that reads every byte twice
//! and copies it once; this reader reads the wire structs from the attribute value as it is
//! ([`reader`]: `&quot;` or a literal `"` taken for a quote, other references decoded inside
//! strings; [`typed`]: each wire type read into its field). A string with no reference and
//! no escape is borrowed from the page itself.
//!
//! It is a fast path and nothing more: it reads only what it is sure of (plain JSON as the
//! site writes it) and gives up on anything else (a reference outside a string, a float it
//! cannot read exactly as serde_json does, a control character, any syntax error).
//! The caller then decodes the value and runs serde_json, whose answer (value or error) is
//! the answer. So where this reader succeeds it must give what serde_json gives on the
//! decoded text; the tests and the `props_json` fuzz target check that it does.

mod reader;
mod typed;

use serde::de;

use super::entities;
use super::html_scan::RawAttr;
use super::json::{self, json_depth};
use crate::wire::lenient::Field;
use crate::{Error, ParseOptions, Stage};

pub(crate) use reader::{Reader, Result};
pub(crate) use typed::{ReadDirect, object_direct};

/// Reads a blob's `data-props` value: straight from the page when this reader can,
/// otherwise decoded into `decoded` and read by [`json::from_str`], whose value or error
/// (with the blob's offset in the page) stands.
pub(crate) fn read_blob<'a, T: de::Deserialize<'a> + ReadDirect<'a>>(
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

/// Reads the wire struct in a raw attribute value (the whole value one JSON object), or
/// `None` when this reader gives up (see the module documentation), the JSON nests deeper
/// than `max_depth`, or the value is not an object.
pub(crate) fn from_attribute<'de, T: ReadDirect<'de>>(
    raw: &'de str,
    max_depth: usize,
) -> Option<T> {
    let mut reader = Reader::new(raw, max_depth);
    let mut place = Field::Absent;
    T::read_direct(&mut reader, &mut place).ok()?;
    match place {
        Field::Value(value) if reader.at_end() => Some(value),
        _ => None,
    }
}

/// What this reader read (`fast`) and what decoding then serde_json read from `decoded` as
/// `T`, each in its `Debug` form (which tells `-0.0` from `0.0`), serde_json's error as
/// text: what the tests and the `props_json` fuzz target compare.
#[cfg(any(test, fuzzing))]
pub(crate) fn both_readings<'de, T>(
    fast: Option<T>,
    decoded: &'de str,
) -> (Option<String>, std::result::Result<String, String>)
where
    T: de::Deserialize<'de> + std::fmt::Debug,
{
    let slow = serde_json::from_str::<T>(decoded)
        .map(|v| format!("{v:?}"))
        .map_err(|err| err.to_string());
    (fast.map(|v| format!("{v:?}")), slow)
}

/// Any JSON value read with this reader's tokens into a `serde_json::Value`, as serde_json
/// reads one: how the tests and the fuzz target hold the tokens to serde_json on any JSON,
/// not only on the shapes of the wire structs. `None` where the reader gives up.
#[cfg(any(test, fuzzing))]
pub(crate) fn value_from_attribute(raw: &str, max_depth: usize) -> Option<serde_json::Value> {
    let mut reader = Reader::new(raw, max_depth);
    let value = read_value(&mut reader).ok()?;
    reader.at_end().then_some(value)
}

#[cfg(any(test, fuzzing))]
fn read_value(r: &mut Reader<'_>) -> Result<serde_json::Value> {
    use reader::{GiveUp, Number};
    use serde_json::Value;
    Ok(match r.value_start()? {
        b'"' => Value::String(r.string()?.into_cow().into_owned()),
        b'-' | b'0'..=b'9' => match r.number(false)? {
            Number::Unsigned(n) => Value::from(n),
            Number::Signed(n) => Value::from(n),
            Number::Float(n) => Value::from(n),
            Number::Skipped => return Err(GiveUp),
        },
        b'n' => {
            r.literal(b"null")?;
            Value::Null
        }
        first @ (b't' | b'f') => Value::Bool(r.boolean(first)?),
        b'[' => {
            r.open_container()?;
            let mut items = Vec::new();
            let mut first = true;
            while r.next_item(b']', &mut first)? {
                items.push(read_value(r)?);
            }
            r.close_container();
            Value::Array(items)
        }
        b'{' => {
            r.open_container()?;
            let mut entries = serde_json::Map::new();
            let mut first = true;
            while r.next_item(b'}', &mut first)? {
                let key = r.key()?.into_cow().into_owned();
                r.expect(b':')?;
                entries.insert(key, read_value(r)?);
            }
            r.close_container();
            Value::Object(entries)
        }
        _ => return Err(GiveUp),
    })
}

#[cfg(test)]
mod tests;

//! The wire types read straight from the blob's tokens.
//!
//! Each wire type reads itself from the [`Reader`] into its [`Field`] with the outcome its
//! serde reading (`wire::lenient`) has for every JSON type: a value of the wrong type is
//! read whole and recorded as `Invalid`, a null as `Null`, a repeated key keeps its last
//! value, an unknown key's value is checked and skipped. No serde visitor stands between the
//! bytes and the field: a listing page has about 6,500 keys and values, and through serde
//! each crossed four generic layers (seed, deserializer, visitor, returned `Field`).

use std::borrow::{BorrowMut, Cow};

use super::reader::{GiveUp, Number, Reader, Result};
use crate::wire::lenient::{Field, JsonKind, Num, fill_list};
use crate::wire::object::WireObject;

/// A wire type that reads itself from the blob reader into its [`Field`].
pub(crate) trait ReadDirect<'de>: Sized {
    /// Reads the next value into `place`.
    fn read_direct(r: &mut Reader<'de>, place: &mut Field<Self>) -> Result<()>;
}

/// Reads the rest of a value that starts with `first` (as [`Reader::value_start`] gave it)
/// and is not of the type wanted: a null, or the value's JSON type for a warning, as the
/// serde visitors of `wire::lenient` record it.
fn other_type<T>(r: &mut Reader<'_>, first: u8) -> Result<Field<T>> {
    Ok(match first {
        b'"' => {
            r.string()?;
            Field::Invalid(JsonKind::String)
        }
        b'-' | b'0'..=b'9' => match r.number(false)? {
            Number::Skipped => return Err(GiveUp),
            _ => Field::Invalid(JsonKind::Number),
        },
        b'n' => {
            r.literal(b"null")?;
            Field::Null
        }
        b't' | b'f' => {
            r.boolean(first)?;
            Field::Invalid(JsonKind::Bool)
        }
        b'[' => {
            r.skip_value()?;
            Field::Invalid(JsonKind::Array)
        }
        b'{' => {
            r.skip_value()?;
            Field::Invalid(JsonKind::Object)
        }
        _ => return Err(GiveUp),
    })
}

impl<'de: 'a, 'a> ReadDirect<'de> for Cow<'a, str> {
    // One copy for every text field: inlined into each struct's key match, it made the
    // reading of `WirePaper` alone larger than the instruction cache.
    #[inline(never)]
    fn read_direct(r: &mut Reader<'de>, place: &mut Field<Self>) -> Result<()> {
        *place = match r.value_start()? {
            b'"' => Field::Value(r.string()?.into_cow()),
            other => other_type(r, other)?,
        };
        Ok(())
    }
}

impl<'de> ReadDirect<'de> for Num {
    fn read_direct(r: &mut Reader<'de>, place: &mut Field<Self>) -> Result<()> {
        *place = match r.value_start()? {
            b'-' | b'0'..=b'9' => Field::Value(match r.number(false)? {
                Number::Unsigned(n) => Num::Unsigned(n),
                Number::Signed(n) => Num::Signed(n),
                Number::Float(n) => Num::Float(n),
                Number::Skipped => return Err(GiveUp),
            }),
            other => other_type(r, other)?,
        };
        Ok(())
    }
}

impl<'de> ReadDirect<'de> for bool {
    fn read_direct(r: &mut Reader<'de>, place: &mut Field<Self>) -> Result<()> {
        *place = match r.value_start()? {
            first @ (b't' | b'f') => Field::Value(r.boolean(first)?),
            other => other_type(r, other)?,
        };
        Ok(())
    }
}

impl<'de, T: ReadDirect<'de>> ReadDirect<'de> for Vec<Field<T>> {
    fn read_direct(r: &mut Reader<'de>, place: &mut Field<Self>) -> Result<()> {
        let first = r.value_start()?;
        if first != b'[' {
            *place = other_type(r, first)?;
            return Ok(());
        }
        r.open_container()?;
        let mut first = true;
        let items = fill_list(|slot| {
            if !r.next_item(b']', &mut first)? {
                return Ok(false);
            }
            T::read_direct(r, slot)?;
            Ok(true)
        })?;
        r.close_container();
        *place = Field::Value(items);
        Ok(())
    }
}

impl<'de, T: WireObject<'de>> ReadDirect<'de> for Box<T> {
    fn read_direct(r: &mut Reader<'de>, place: &mut Field<Self>) -> Result<()> {
        object_direct::<T, Self>(r, place)
    }
}

/// Reads a JSON object into a wire struct (held as `B`: itself or boxed) in `place`, or
/// records another type there, as `wire::lenient::object_into` does.
pub(crate) fn object_direct<'de, T, B>(r: &mut Reader<'de>, place: &mut Field<B>) -> Result<()>
where
    T: WireObject<'de>,
    B: Default + BorrowMut<T>,
{
    let first = r.value_start()?;
    if first != b'{' {
        *place = other_type(r, first)?;
        return Ok(());
    }
    r.open_container()?;
    // A fresh value even where one was read before: a repeated key keeps only its last.
    let Some(object) = place.set_default() else {
        return Err(GiveUp);
    };
    let object = object.borrow_mut();
    let mut first = true;
    while r.next_item(b'}', &mut first)? {
        let key = r.key()?;
        r.expect(b':')?;
        object.read_direct_value(key.as_str(), r)?;
    }
    r.close_container();
    Ok(())
}

//! Reading a JSON object into a wire struct, key by key.
//!
//! A wire struct starts from its default (every field `Field::Absent`) and each value is read
//! straight into the field its key names; an unknown key's value is skipped. A key that comes
//! twice keeps its last value, as the site's own JavaScript does: serde's derived visitors
//! fail the whole object on a repeated key, and with it the whole listing, where one odd
//! entry must cost nothing else. The struct and its keys are declared once, with
//! [`wire_object!`]. It costs what the derived visitors did (a little less on API arrays).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// A wire struct read key by key: [`WireObject::read_value`] reads the value of one key
/// into its field.
pub(crate) trait WireObject<'de>: Default {
    /// Reads the value that follows `key` from `map`: into its field, or skipped when no
    /// field has that key.
    fn read_value<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error>;

    /// [`WireObject::read_value`] for the hydration blob's own reader, which reads each
    /// value straight into its field without serde
    /// ([`ReadDirect`](crate::extract::props_json::ReadDirect)).
    fn read_direct_value(
        &mut self,
        key: &str,
        r: &mut crate::extract::props_json::Reader<'de>,
    ) -> crate::extract::props_json::Result<()>;
}

/// Reads the entries of an object into `object`, a fresh (default) `T`.
pub(crate) fn read_object_into<'de, T: WireObject<'de>, A: MapAccess<'de>>(
    mut map: A,
    object: &mut T,
) -> Result<(), A::Error> {
    while let Some(ObjectKey(key)) = map.next_key()? {
        object.read_value(&key, &mut map)?;
    }
    Ok(())
}

/// `T`'s `Deserialize`: an object, read by [`read_object_into`].
pub(crate) fn deserialize_object<'de, T: WireObject<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<T, D::Error> {
    d.deserialize_map(ObjectEntries(PhantomData))
}

struct ObjectEntries<T>(PhantomData<T>);

impl<'de, T: WireObject<'de>> Visitor<'de> for ObjectEntries<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let mut object = T::default();
        read_object_into(map, &mut object)?;
        Ok(object)
    }
}

/// An object's key, borrowed from the input unless it had to be decoded.
struct ObjectKey<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for ObjectKey<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = ObjectKey<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(ObjectKey(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(ObjectKey(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(ObjectKey(Cow::Owned(v)))
    }
}

/// Declares a wire struct with the JSON key of each field, and reads it as a
/// [`WireObject`]: as a whole document (`Deserialize`), as a lenient field
/// ([`Lenient`](super::lenient::Lenient): any other JSON type is `Field::Invalid`), and the
/// same way straight from a hydration blob
/// ([`ReadDirect`](crate::extract::props_json::ReadDirect)).
///
/// ```text
/// wire_object! {
///     /// `paper.authors[]`.
///     pub(crate) struct WireAuthor<'a> {
///         "_id" => pub id: Text<'a>,
///         "name" => pub name: Text<'a>,
///     }
/// }
/// ```
macro_rules! wire_object {
    (
        $(#[$meta:meta])*
        pub(crate) struct $name:ident<'a> {
            $( $(#[$field_meta:meta])* $key:literal => pub $field:ident: $ty:ty, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Default)]
        pub(crate) struct $name<'a> {
            $( $(#[$field_meta])* pub $field: $ty, )+
        }

        impl<'de: 'a, 'a> $crate::wire::object::WireObject<'de> for $name<'a> {
            #[inline(always)]
            fn read_value<A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<(), A::Error> {
                match key {
                    $( $key => map.next_value_seed(
                        $crate::wire::lenient::InPlace(&mut self.$field),
                    )?, )+
                    _ => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(())
            }

            #[inline(always)]
            fn read_direct_value(
                &mut self,
                key: &str,
                r: &mut $crate::extract::props_json::Reader<'de>,
            ) -> $crate::extract::props_json::Result<()> {
                use $crate::extract::props_json::ReadDirect;
                match key {
                    $( $key => ReadDirect::read_direct(r, &mut self.$field)?, )+
                    _ => r.skip_value()?,
                }
                Ok(())
            }
        }

        impl<'de: 'a, 'a> $crate::extract::props_json::ReadDirect<'de> for $name<'a> {
            fn read_direct(
                r: &mut $crate::extract::props_json::Reader<'de>,
                place: &mut $crate::wire::lenient::Field<Self>,
            ) -> $crate::extract::props_json::Result<()> {
                $crate::extract::props_json::object_direct::<Self, Self>(r, place)
            }
        }

        impl<'de: 'a, 'a> serde::Deserialize<'de> for $name<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::object::deserialize_object(d)
            }
        }

        impl<'de: 'a, 'a> $crate::wire::lenient::Lenient<'de> for $name<'a> {
            fn deserialize_field<D: serde::Deserializer<'de>>(
                d: D,
            ) -> Result<$crate::wire::lenient::Field<Self>, D::Error> {
                $crate::wire::lenient::returned(d)
            }

            fn deserialize_field_into<D: serde::Deserializer<'de>>(
                d: D,
                place: &mut $crate::wire::lenient::Field<Self>,
            ) -> Result<(), D::Error> {
                $crate::wire::lenient::object_into::<Self, Self, D>(d, place)
            }
        }
    };
}
pub(crate) use wire_object;

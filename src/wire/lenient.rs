//! Lenient field types for the wire structs.
//!
//! The site's JSON changes shape over time and sometimes carries a value of the wrong type.
//! serde fails a whole struct on one wrong-typed field, which would lose a whole entry, so
//! every wire field is a [`Field`]: it records what it found (absent, null, a value, or the
//! JSON type of a value it could not use) and never fails on a type. Syntax errors still fail.

use std::borrow::{BorrowMut, Cow};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use super::object::{WireObject, read_object_into};

/// The JSON type of a value, for warnings about values of the wrong type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonKind {
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            JsonKind::Bool => "boolean",
            JsonKind::Number => "number",
            JsonKind::String => "string",
            JsonKind::Array => "array",
            JsonKind::Object => "object",
        }
    }
}

/// One field of a wire struct as it was found in the input.
#[derive(Debug, Default)]
pub(crate) enum Field<T> {
    /// The key was not there.
    #[default]
    Absent,
    /// The key was there with `null`.
    Null,
    /// A usable value.
    Value(T),
    /// A value of the wrong type (its contents were skipped).
    Invalid(JsonKind),
}

impl<T> Field<T> {
    /// The value, if there is a usable one.
    pub(crate) fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True when the key was present (with any value, even null).
    pub(crate) fn is_present(&self) -> bool {
        !matches!(self, Field::Absent)
    }

    /// Makes the field a fresh value and gives access to it where it now is (always
    /// `Some`): read again, a repeated key keeps only its last value.
    pub(crate) fn set_default(&mut self) -> Option<&mut T>
    where
        T: Default,
    {
        *self = Field::Value(T::default());
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Records what an in-place read found: `Value` means the value was read into the field.
    fn settle(&mut self, found: Field<()>) {
        *self = match found {
            Field::Value(()) => return,
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Invalid(kind) => Field::Invalid(kind),
        };
    }
}

/// A number as the site writes it: an integer, or a float such as `12.0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Num {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// The JSON value types a [`Field`] can hold; each says which JSON types it accepts.
pub(crate) trait Lenient<'de>: Sized {
    fn deserialize_field<D: Deserializer<'de>>(d: D) -> Result<Field<Self>, D::Error>;

    /// Reads into `place` what [`Lenient::deserialize_field`] returns. Wire structs and lists
    /// are read where they stay instead: returned, a listing entry (over a kilobyte) was
    /// copied at every level on its way into its list.
    #[inline(always)]
    fn deserialize_field_into<D: Deserializer<'de>>(
        d: D,
        place: &mut Field<Self>,
    ) -> Result<(), D::Error> {
        *place = Self::deserialize_field(d)?;
        Ok(())
    }
}

/// The seed that reads a field into its place, for `next_value_seed` and `next_element_seed`.
pub(crate) struct InPlace<'p, T>(pub(crate) &'p mut Field<T>);

impl<'de, T: Lenient<'de>> DeserializeSeed<'de> for InPlace<'_, T> {
    type Value = ();

    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        T::deserialize_field_into(d, self.0)
    }
}

/// [`Lenient::deserialize_field`] of a type read in place: into a fresh field, returned.
pub(crate) fn returned<'de, T: Lenient<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Field<T>, D::Error> {
    let mut field = Field::Absent;
    T::deserialize_field_into(d, &mut field)?;
    Ok(field)
}

impl<'de, T: Lenient<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize_field(d)
    }
}

/// Skips whatever a map or sequence holds, so that a wrong-typed container is consumed.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements the visitor methods that turn every JSON type into `Field::Invalid`, except
/// those the caller writes itself.
macro_rules! reject_other_types {
    (bool) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Field::Invalid(JsonKind::Bool))
        }
    };
    (number) => {
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Field::Invalid(JsonKind::Number))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Field::Invalid(JsonKind::Number))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Field::Invalid(JsonKind::Number))
        }
    };
    (string) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Field::Invalid(JsonKind::String))
        }
    };
    (array) => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            skip_seq(seq)?;
            Ok(Field::Invalid(JsonKind::Array))
        }
    };
    (object) => {
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            skip_map(map)?;
            Ok(Field::Invalid(JsonKind::Object))
        }
    };
    (null) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Field::Null)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Field::Null)
        }
    };
    ($($kind:ident),+) => { $(reject_other_types!($kind);)+ };
}

struct StrVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for StrVisitor<'a> {
    type Value = Field<Cow<'a, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Field::Value(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Field::Value(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Field::Value(Cow::Owned(v)))
    }

    reject_other_types!(bool, number, array, object, null);
}

impl<'de: 'a, 'a> Lenient<'de> for Cow<'a, str> {
    fn deserialize_field<D: Deserializer<'de>>(d: D) -> Result<Field<Self>, D::Error> {
        d.deserialize_any(StrVisitor(PhantomData))
    }
}

struct NumVisitor;

impl<'de> Visitor<'de> for NumVisitor {
    type Value = Field<Num>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Field::Value(Num::Unsigned(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Field::Value(Num::Signed(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Field::Value(Num::Float(v)))
    }

    reject_other_types!(bool, string, array, object, null);
}

impl<'de> Lenient<'de> for Num {
    fn deserialize_field<D: Deserializer<'de>>(d: D) -> Result<Field<Self>, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

struct BoolVisitor;

impl<'de> Visitor<'de> for BoolVisitor {
    type Value = Field<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Field::Value(v))
    }

    reject_other_types!(number, string, array, object, null);
}

impl<'de> Lenient<'de> for bool {
    fn deserialize_field<D: Deserializer<'de>>(d: D) -> Result<Field<Self>, D::Error> {
        d.deserialize_any(BoolVisitor)
    }
}

/// Reads an array into its place, each element into its slot.
struct ListInto<'p, T>(&'p mut Field<Vec<Field<T>>>);

impl<'de, T: Lenient<'de>> Visitor<'de> for ListInto<'_, T> {
    type Value = Field<()>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let items = fill_list(|slot| Ok(seq.next_element_seed(InPlace(slot))?.is_some()))?;
        *self.0 = Field::Value(items);
        Ok(Field::Value(()))
    }

    reject_other_types!(bool, number, string, object, null);
}

/// The elements of a list, each read into its slot by `next`, which says whether there was
/// one (`false` at the end of the list).
pub(crate) fn fill_list<T, E>(
    mut next: impl FnMut(&mut Field<T>) -> Result<bool, E>,
) -> Result<Vec<Field<T>>, E> {
    let mut items: Vec<Field<T>> = Vec::new();
    loop {
        if items.len() < items.capacity() {
            // Room for one more: read it in its slot, which is given back if the list ends.
            items.push(Field::Absent);
            let Some(slot) = items.last_mut() else { break };
            if !next(slot)? {
                items.pop();
                break;
            }
        } else {
            // Full (or not yet allocated): the list grows only for an element that is there.
            let mut element = Field::Absent;
            if !next(&mut element)? {
                break;
            }
            if items.capacity() == 0 {
                // Room for a typical author list or keyword list at once, rather than
                // growing from 4; an empty list allocates nothing. A list of whole papers
                // (the only elements this large) gets room for a day's listing: growing it
                // copies kilobytes each time, through the allocator's slow path.
                items.reserve(if size_of::<T>() > 512 { 32 } else { 8 });
            }
            items.push(element);
        }
    }
    Ok(items)
}

/// A JSON array whose elements are each lenient: one bad element never fails the list.
impl<'de, T: Lenient<'de>> Lenient<'de> for Vec<Field<T>> {
    fn deserialize_field<D: Deserializer<'de>>(d: D) -> Result<Field<Self>, D::Error> {
        returned(d)
    }

    fn deserialize_field_into<D: Deserializer<'de>>(
        d: D,
        place: &mut Field<Self>,
    ) -> Result<(), D::Error> {
        let found = d.deserialize_any(ListInto(&mut *place))?;
        place.settle(found);
        Ok(())
    }
}

/// A boxed wire struct reads as the struct, straight into its box: for wire structs nested
/// in themselves, or large ones.
impl<'de, T: WireObject<'de>> Lenient<'de> for Box<T> {
    fn deserialize_field<D: Deserializer<'de>>(d: D) -> Result<Field<Self>, D::Error> {
        returned(d)
    }

    fn deserialize_field_into<D: Deserializer<'de>>(
        d: D,
        place: &mut Field<Self>,
    ) -> Result<(), D::Error> {
        object_into::<T, _, _>(d, place)
    }
}

/// Reads a JSON object into a wire struct (held as `B`: itself or boxed) in `place`, whose own
/// fields are all lenient; any other JSON type is recorded in `place`.
pub(crate) fn object_into<'de, T, B, D>(d: D, place: &mut Field<B>) -> Result<(), D::Error>
where
    T: WireObject<'de>,
    B: Default + BorrowMut<T>,
    D: Deserializer<'de>,
{
    let found = d.deserialize_any(ObjectInto(&mut *place, PhantomData::<T>))?;
    place.settle(found);
    Ok(())
}

/// [`object_into`]'s visitor.
struct ObjectInto<'p, B, T>(&'p mut Field<B>, PhantomData<T>);

impl<'de, T: WireObject<'de>, B: Default + BorrowMut<T>> Visitor<'de> for ObjectInto<'_, B, T> {
    type Value = Field<()>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        // A fresh value even where one was read before: a repeated key keeps only its last.
        // (`set_default` always gives the value back; were it not, the map left unread fails
        // the read.)
        if let Some(object) = self.0.set_default() {
            read_object_into(map, object.borrow_mut())?;
        }
        Ok(Field::Value(()))
    }

    reject_other_types!(bool, number, string, array, null);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(default, borrow)]
        s: Field<Cow<'a, str>>,
        #[serde(default)]
        n: Field<Num>,
        #[serde(default)]
        b: Field<bool>,
        #[serde(default, borrow)]
        list: Field<Vec<Field<Cow<'a, str>>>>,
    }

    #[test]
    fn wrong_types_are_recorded_not_fatal() {
        let p: Probe<'_> = serde_json::from_str(
            r#"{"s": 5, "n": "x", "b": [1, {"a": 2}], "list": ["a", 3, null]}"#,
        )
        .expect("lenient");
        assert!(matches!(p.s, Field::Invalid(JsonKind::Number)));
        assert!(matches!(p.n, Field::Invalid(JsonKind::String)));
        assert!(matches!(p.b, Field::Invalid(JsonKind::Array)));
        let Field::Value(list) = p.list else {
            panic!("list")
        };
        assert!(matches!(list[0], Field::Value(ref s) if s == "a"));
        assert!(matches!(list[1], Field::Invalid(JsonKind::Number)));
        assert!(matches!(list[2], Field::Null));
    }

    /// The kind of JSON value a lenient field recorded, for comparing with `serde_json`.
    fn recorded<T>(field: &Field<T>) -> &'static str {
        match field {
            Field::Absent => "absent",
            Field::Null => "null",
            Field::Value(_) => "value",
            Field::Invalid(kind) => kind.name(),
        }
    }

    fn expected(value: &serde_json::Value, wanted: &str) -> &'static str {
        use serde_json::Value as V;
        match (value, wanted) {
            (V::Null, _) => "null",
            (V::String(_), "string") | (V::Object(_), "object") => "value",
            (V::Bool(_), _) => "boolean",
            (V::Number(_), _) => "number",
            (V::String(_), _) => "string",
            (V::Array(_), _) => "array",
            (V::Object(_), _) => "object",
        }
    }

    fn any_element() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("-4".to_owned()),
            Just("[1, [2]]".to_owned()),
            "[a-z]{0,6}".prop_map(|s| format!("{s:?}")),
            "[a-z]{0,6}".prop_map(|s| format!(r#"{{"name": {s:?}, "hidden": false}}"#)),
            Just(r#"{"name": 1, "user": {"user": "x"}, "user": null}"#.to_owned()),
        ]
    }

    proptest! {
        /// Lists are read in place, element by element, growing only for an element that is
        /// there: every length (across the room reserved at first, 8, and its doublings)
        /// keeps every element, each as what it is.
        #[test]
        fn lists_keep_every_element_in_order(
            elements in prop::collection::vec(any_element(), 0..40),
        ) {
            let json = format!("[{}]", elements.join(","));
            let values: Vec<serde_json::Value> = serde_json::from_str(&json).expect("valid");
            let strings: Field<Vec<Field<Cow<'_, str>>>> =
                serde_json::from_str(&json).expect("lenient");
            let authors: Field<Vec<Field<crate::wire::paper::WireAuthor<'_>>>> =
                serde_json::from_str(&json).expect("lenient");
            let (Field::Value(strings), Field::Value(authors)) = (strings, authors) else {
                panic!("an array is a list");
            };
            prop_assert_eq!(strings.len(), values.len());
            prop_assert_eq!(authors.len(), values.len());
            for ((value, s), a) in values.iter().zip(&strings).zip(&authors) {
                prop_assert_eq!(recorded(s), expected(value, "string"));
                prop_assert_eq!(recorded(a), expected(value, "object"));
                if let (serde_json::Value::String(v), Field::Value(s)) = (value, s) {
                    prop_assert_eq!(v.as_str(), s.as_ref());
                }
                if let Field::Value(a) = a {
                    prop_assert_eq!(recorded(&a.name), match &value["name"] {
                        serde_json::Value::String(_) => "value",
                        other => expected(other, "string"),
                    });
                    // `"user"` twice: the last (null) is what stays.
                    prop_assert!(!matches!(a.user, Field::Value(_)));
                }
            }
        }
    }

    #[test]
    fn absent_and_null_differ() {
        let p: Probe<'_> = serde_json::from_str(r#"{"s": null}"#).expect("lenient");
        assert!(matches!(p.s, Field::Null));
        assert!(matches!(p.n, Field::Absent));
    }

    #[test]
    fn floats_and_negatives_are_kept_for_the_normalizer() {
        let p: Probe<'_> = serde_json::from_str(r#"{"n": 12.0}"#).expect("lenient");
        assert_eq!(p.n.value(), Some(&Num::Float(12.0)));
        let p: Probe<'_> = serde_json::from_str(r#"{"n": -3}"#).expect("lenient");
        assert_eq!(p.n.value(), Some(&Num::Signed(-3)));
    }
}

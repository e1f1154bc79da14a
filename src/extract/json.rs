//! Running serde_json with errors that say where.

use serde::Deserialize;

use crate::{Error, ParseOptions, Stage};

/// The deepest nesting serde_json reads: it refuses deeper values whatever we ask (its
/// recursion limit of 128 counts the level that fails), which is what keeps its recursive
/// descent off the end of the stack.
pub(crate) const SERDE_JSON_DEPTH: usize = 127;

/// The deepest nesting read: the option's, within serde_json's own limit.
pub(crate) fn json_depth(options: &ParseOptions) -> usize {
    options.max_json_depth.min(SERDE_JSON_DEPTH)
}

/// Deserializes `json` into a wire struct.
///
/// The fast path runs serde_json alone; only when it fails is the input read again with path
/// tracking, so that the error can name the JSON path without slowing down good input.
/// Nesting deeper than `options.max_json_depth` is [`Error::LimitExceeded`].
pub(crate) fn from_str<'a, T: Deserialize<'a>>(
    json: &'a str,
    stage: Stage,
    offset: Option<usize>,
    options: &ParseOptions,
) -> Result<T, Error> {
    let limit = json_depth(options);
    // serde_json enforces its own limit for free; a lower one needs a look first.
    if limit < SERDE_JSON_DEPTH && deeper_than(json, limit) {
        return Err(too_deep(stage, limit));
    }
    match serde_json::from_str(json) {
        Ok(value) => Ok(value),
        Err(err) if err.to_string().starts_with("recursion limit exceeded") => {
            Err(too_deep(stage, limit))
        }
        Err(err) => {
            let mut de = serde_json::Deserializer::from_str(json);
            let path = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(tracked) => tracked.path().to_string(),
                Ok(_) => String::new(),
            };
            Err(Error::Json {
                stage,
                // serde_path_to_error says `.` at the top and `?` where it lost track.
                path: if path == "." || path == "?" {
                    String::new()
                } else {
                    path
                },
                line: err.line(),
                column: err.column(),
                offset,
                message: strip_position(&err.to_string()),
            })
        }
    }
}

/// The error for nesting deeper than `limit`.
fn too_deep(stage: Stage, limit: usize) -> Error {
    Error::LimitExceeded {
        stage,
        what: "JSON nesting depth (max_json_depth)",
        limit,
        actual: limit + 1,
    }
}

/// Whether `json` nests deeper than `limit` arrays and objects. Strings are skipped whole, so
/// brackets inside them do not count.
pub(crate) fn deeper_than(json: &str, limit: usize) -> bool {
    let bytes = json.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'"' => match string_end(bytes, i) {
                Some(end) => i = end,
                None => return false,
            },
            _ => {}
        }
        i += 1;
    }
    false
}

/// The index of the quote that closes the JSON string opening at `bytes[open]`: the next one
/// not escaped by a backslash. `None` when the input ends first.
fn string_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    loop {
        let rest = bytes.get(i..)?;
        let found = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[found] == b'"' {
            return Some(i + found);
        }
        i += found + 2; // a backslash and the byte it escapes
    }
}

/// serde_json's message without its " at line L column C" suffix (the error carries those).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// What [`salvage_array`] could read of a JSON array that does not parse as a whole.
pub(crate) struct Salvaged<T> {
    /// The elements before the break, each complete.
    pub items: Vec<T>,
    /// The error at the break.
    pub error: Error,
}

/// Reads the complete elements of a JSON array up to where it breaks (a truncated response,
/// a stray character), so that a cut file still yields the entries it holds.
///
/// Returns `None` when `json` is not an array at all.
pub(crate) fn salvage_array<'a, T: Deserialize<'a>>(
    json: &'a str,
    stage: Stage,
    options: &ParseOptions,
) -> Option<Salvaged<T>> {
    let start = json.len() - json.trim_start().len();
    if !json[start..].starts_with('[') {
        return None;
    }
    let mut items = Vec::new();
    let mut pos = start + 1;
    loop {
        pos = skip_space(json, pos);
        if json[pos..].starts_with(']') && items.is_empty() {
            break;
        }
        // One element: serde_json reads one value from the rest and says where it ended.
        let mut stream = serde_json::Deserializer::from_str(&json[pos..]).into_iter::<T>();
        match stream.next() {
            Some(Ok(item)) => {
                items.push(item);
                pos += stream.byte_offset();
            }
            _ => break,
        }
        pos = skip_space(json, pos);
        match json.as_bytes().get(pos) {
            Some(b',') => pos += 1,
            _ => break,
        }
    }
    // The error of the whole, for its position and message.
    let error = match from_str::<Vec<T>>(json, stage, None, options) {
        Err(error) => error,
        Ok(_) => return None,
    };
    Some(Salvaged { items, error })
}

fn skip_space(json: &str, mut pos: usize) -> usize {
    let bytes = json.as_bytes();
    while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// A JSON object cut short, closed again after its last complete part.
pub(crate) struct Closed {
    /// The complete part with the brackets it left open closed.
    pub json: String,
    /// How many bytes of the input that part is.
    pub kept: usize,
}

/// Closes a JSON object that ends early (a page cut inside its blob) after the last member
/// of the root object, or the last element of an array that is such a member, that is
/// complete: `{"a":1,"list":[{..},{..},{.. cut` becomes `{"a":1,"list":[{..},{..}]}`.
///
/// It never cuts deeper, so every element it keeps is whole; a member cut in its middle is
/// left out entirely. Returns `None` for JSON that is not an object or is not cut.
pub(crate) fn close_cut_object(json: &str) -> Option<Closed> {
    let bytes = json.as_bytes();
    let start = json.len() - json.trim_start().len();
    if bytes.get(start) != Some(&b'{') {
        return None;
    }
    // The open brackets; depth 1 is the root object, depth 2 an array in it.
    let mut open: Vec<u8> = Vec::new();
    // The latest place to cut, and the closing it needs.
    let mut cut: Option<(usize, &'static str)> = None;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b @ (b'{' | b'[') => open.push(b),
            b'}' | b']' => {
                open.pop();
                if open.is_empty() {
                    return None; // complete: nothing was cut
                }
                if open == b"{[" {
                    cut = Some((i + 1, "]}"));
                }
            }
            b',' if open == b"{" => cut = Some((i, "}")),
            b',' if open == b"{[" => cut = Some((i, "]}")),
            b'"' => i = string_end(bytes, i).unwrap_or(bytes.len()),
            _ => {}
        }
        i += 1;
    }
    let (end, closing) = cut?;
    let mut closed = String::with_capacity(end + closing.len());
    closed.push_str(&json[..end]);
    closed.push_str(closing);
    Some(Closed {
        json: closed,
        kept: end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn depth(value: &Value) -> usize {
        match value {
            Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
            Value::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
            _ => 0,
        }
    }

    fn json_value() -> impl Strategy<Value = Value> {
        // Strings full of brackets, quotes and backslashes, which must not count.
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::from),
            "[\\[\\]{}\"\\\\a]{0,6}".prop_map(Value::from),
        ];
        leaf.prop_recursive(12, 64, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[\\[{\"\\\\k]{0,3}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn deeper_than_agrees_with_the_parsed_depth(value in json_value()) {
            let text = serde_json::to_string(&value).unwrap();
            let d = depth(&value);
            prop_assert!(!deeper_than(&text, d), "{text}");
            if d > 0 {
                prop_assert!(deeper_than(&text, d - 1), "{text}");
            }
        }

        #[test]
        fn deeper_than_takes_any_text(text in ".{0,64}", limit in 0usize..4) {
            let _ = deeper_than(&text, limit);
        }
    }

    #[test]
    fn a_cut_object_is_closed_after_its_last_whole_part() {
        let closed = |json: &str| close_cut_object(json).map(|c| c.json);
        let list =
            r#"{"date":"2026-07-02","list":[{"id":"a","n":[1]},{"id":"b"},{"id":"c","t":"x\"},"#;
        for (cut, expected) in [
            (
                list.len(),
                r#"{"date":"2026-07-02","list":[{"id":"a","n":[1]},{"id":"b"}]}"#,
            ),
            (
                list.len() - 26,
                r#"{"date":"2026-07-02","list":[{"id":"a","n":[1]}]}"#,
            ),
            (list.find("[{").unwrap() + 1, r#"{"date":"2026-07-02"}"#),
        ] {
            assert_eq!(
                closed(&list[..cut]).as_deref(),
                Some(expected),
                "{}",
                &list[..cut]
            );
        }
        // After the list: the members before the cut one.
        assert_eq!(
            closed(r#"{"list":[1,2],"prev":"2026-07-01","kind":"da"#).as_deref(),
            Some(r#"{"list":[1,2],"prev":"2026-07-01"}"#)
        );
        // Nothing whole, not cut, not an object.
        assert!(closed(r#"{"date":"2026-0"#).is_none());
        assert!(closed(r#"{"a":[1,2]}"#).is_none());
        assert!(closed(r#"[{"a":1},{"b"#).is_none());
    }

    proptest! {
        #[test]
        fn a_closed_cut_is_valid_json_that_the_whole_begins_with(value in json_value(), at in 0.0f64..1.0) {
            let whole = serde_json::to_string(&serde_json::json!({"k": 1, "list": [value.clone(), value], "z": "}"})).unwrap();
            let mut cut = (whole.len() as f64 * at) as usize;
            while !whole.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(closed) = close_cut_object(&whole[..cut]) {
                prop_assert!(serde_json::from_str::<Value>(&closed.json).is_ok(), "{}", closed.json);
                prop_assert!(whole.starts_with(&closed.json[..closed.kept]));
            }
        }
    }

    #[test]
    fn serde_json_reads_exactly_its_own_depth() {
        let at = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(serde_json::from_str::<Value>(&at(SERDE_JSON_DEPTH)).is_ok());
        assert!(serde_json::from_str::<Value>(&at(SERDE_JSON_DEPTH + 1)).is_err());
    }
}

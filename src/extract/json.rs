//! Running serde_json with errors that say where.

use serde::Deserialize;

use crate::{Error, Stage};

/// Deserializes `json` into a wire struct.
///
/// The fast path runs serde_json alone; only when it fails is the input read again with path
/// tracking, so that the error can name the JSON path without slowing down good input.
pub(crate) fn from_str<'a, T: Deserialize<'a>>(
    json: &'a str,
    stage: Stage,
    offset: Option<usize>,
) -> Result<T, Error> {
    match serde_json::from_str(json) {
        Ok(value) => Ok(value),
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
    let error = match from_str::<Vec<T>>(json, stage, None) {
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

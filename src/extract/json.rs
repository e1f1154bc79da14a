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
                path: if path == "." { String::new() } else { path },
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

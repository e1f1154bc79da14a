//! Extractors: from an input (page HTML, API JSON) to the public model.
//!
//! Each extractor finds the data in its input, deserializes it into the [`crate::wire`]
//! structs and maps those with [`map`], which normalizes every value and records warnings.

pub(crate) mod cards;
pub(crate) mod dom;
pub(crate) mod entities;
pub(crate) mod html_scan;
pub(crate) mod json;
pub(crate) mod listing;
pub(crate) mod map;
pub(crate) mod paper;
pub(crate) mod paper_visible;
pub(crate) mod props_json;
pub(crate) mod text;

use crate::{Error, ParseOptions, Stage, Warning};

/// The input without a byte-order mark, after checking its size.
pub(crate) fn prepare<'a>(
    input: &'a str,
    options: &ParseOptions,
    stage: Stage,
) -> Result<&'a str, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::LimitExceeded {
            stage,
            what: "input size in bytes",
            limit: options.max_input_bytes,
            actual: input.len(),
        });
    }
    Ok(input.strip_prefix('\u{feff}').unwrap_or(input))
}

/// In strict mode, the first warning is an error.
pub(crate) fn enforce_strict(
    warnings: &[Warning],
    options: &ParseOptions,
    stage: Stage,
) -> Result<(), Error> {
    match warnings.first() {
        Some(first) if options.strict => Err(Error::Strict {
            stage,
            warning: first.clone(),
        }),
        _ => Ok(()),
    }
}

/// A short description of what an input starts with, for "not a papers page" errors.
pub(crate) fn describe_start(input: &str) -> String {
    let trimmed = input.trim_start();
    if trimmed.is_empty() {
        return "empty input".to_owned();
    }
    let head: String = trimmed
        .chars()
        .take(40)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("input starting with {head:?}")
}

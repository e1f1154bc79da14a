//! Hooks for the fuzz targets in `fuzz/`, compiled only with `--cfg fuzzing` (which
//! `cargo fuzz` passes). Nothing here is part of the public API.

use crate::extract::entities;
use crate::extract::json::SERDE_JSON_DEPTH;
use crate::extract::props_json::{both_readings, from_attribute, value_from_attribute};
use crate::wire::listing::WireListing;
use crate::wire::paper_page::WirePaperContent;

/// Checks the attribute JSON reader against decoding the references then running
/// serde_json, on `raw` as a `data-props` value, read as any JSON value (the reader's
/// tokens into a `serde_json::Value`) and as the two wire structs the reader serves.
///
/// The reader may give up where serde_json reads a value; where it reads one, it must be
/// serde_json's (compared by `Debug`, which tells `-0.0` from `0.0` and a missing field from
/// a null one), and it must not read anything serde_json refuses. Returns what differed.
pub fn props_json_agrees(raw: &str) -> Result<(), String> {
    let decoded = entities::decode(raw);
    agree(
        value_from_attribute(raw, SERDE_JSON_DEPTH),
        &decoded,
        "Value",
    )?;
    agree(
        from_attribute::<WireListing<'_>>(raw, SERDE_JSON_DEPTH),
        &decoded,
        "WireListing",
    )?;
    agree(
        from_attribute::<WirePaperContent<'_>>(raw, SERDE_JSON_DEPTH),
        &decoded,
        "WirePaperContent",
    )
}

/// One type's comparison, at serde_json's own depth limit, where the reader must refuse
/// exactly what serde_json refuses for depth.
fn agree<'de, T>(fast: Option<T>, decoded: &'de str, name: &str) -> Result<(), String>
where
    T: serde::Deserialize<'de> + std::fmt::Debug,
{
    match both_readings(fast, decoded) {
        (None, _) => Ok(()),
        (Some(fast), Ok(slow)) if fast == slow => Ok(()),
        (Some(fast), Ok(slow)) => Err(format!(
            "{name}: the attribute reader read\n  {fast}\nbut decode + serde_json read\n  {slow}"
        )),
        (Some(fast), Err(err)) => Err(format!(
            "{name}: the attribute reader read\n  {fast}\nbut decode + serde_json refused it: {err}\n(decoded: {decoded:?})"
        )),
    }
}

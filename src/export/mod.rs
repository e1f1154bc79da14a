//! Exports: papers as JSON Lines (always) and CSV (with the `csv` feature).
//!
//! JSON Lines keeps everything: one record a line, serialized with the crate's public schema
//! (the README's "Output schema"), so a [`Paper`](crate::Paper) line reads like any paper
//! the crate prints and a [`CollectedPaper`](crate::CollectedPaper) line is a paper with an
//! `appearances` array. CSV flattens a paper into a fixed set of columns for spreadsheets:
//! see `export::CSV_COLUMNS` (with the `csv` feature).
//!
//! ```
//! use hf_papers::{Collection, Listing};
//!
//! let listing = Listing::from_api_json(r#"[
//!   {"paper": {"id": "2607.01234", "title": "Sparse Lanterns", "upvotes": 12}},
//!   {"paper": {"id": "2607.04321", "title": "Tidal Planning"}}
//! ]"#)?;
//! let papers = Collection::from(&listing);
//!
//! let mut out = Vec::new();
//! let lines = hf_papers::export::write_jsonl(&mut out, papers.papers())?;
//! assert_eq!(lines, 2);
//! let text = String::from_utf8(out).unwrap();
//! let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
//! assert_eq!(first["id"], "2607.01234");
//! assert_eq!(first["upvotes"], 12);
//! assert_eq!(first["appearances"][0]["rank"], 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "csv")]
mod csv;

use std::io::{self, Write};

use serde::Serialize;

#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub use self::csv::{CSV_COLUMNS, write_csv};

/// Writes each record as one line of JSON (JSON Lines), and returns how many were written.
///
/// Any serializable record works: [`Paper`](crate::Paper)s of a listing,
/// [`CollectedPaper`](crate::CollectedPaper)s of a collection (a paper's fields plus
/// `appearances`), [`UnidentifiedPaper`](crate::UnidentifiedPaper)s. Line breaks inside
/// values are escaped, so each record is exactly one line. The writer is flushed at the end.
///
/// # Errors
/// The writer's I/O errors; a record that fails to serialize (none of the crate's do) is an
/// [`io::ErrorKind::InvalidData`] error.
pub fn write_jsonl<W, I>(mut writer: W, records: I) -> io::Result<usize>
where
    W: Write,
    I: IntoIterator,
    I::Item: Serialize,
{
    let mut written = 0;
    for record in records {
        // serde_json gives back the writer's own error, and `InvalidData` for the rest.
        serde_json::to_writer(&mut writer, &record).map_err(io::Error::from)?;
        writer.write_all(b"\n")?;
        written += 1;
    }
    writer.flush()?;
    Ok(written)
}

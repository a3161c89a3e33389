//! Reading a snapshot from bytes or a file, with errors a person can act on.
//!
//! The fast path reads the whole file and validates each activity into the
//! model as it is parsed (see `stream.rs`). Only when serde rejects the
//! document does the precise path run: it parses to a `serde_json::Value`
//! and deserializes each record on its own, so that *every* type error is
//! reported with its JSON path, not just the first (`diagnose.rs`). Valid
//! files never pay for that.

use std::path::Path;
use std::sync::Arc;

use super::diagnose::{parse_shallow, too_deep};
use super::raw::RawSnapshot;
use super::validate::build;
use super::{LoadError, Snapshot};
use crate::jsonpos::line_col_at;

/// The largest snapshot file sdgmap reads (1 GiB): far above any real
/// snapshot (the bundled one is ~150 kB; a million activities ~500 MB).
pub const MAX_BYTES: u64 = 1 << 30;

/// The snapshot compiled into the binary.
pub const BUNDLED: &str = include_str!("../../assets/snapshot.json");

/// The name used for the bundled snapshot in messages.
pub const BUNDLED_NAME: &str = "<bundled snapshot>";

/// Loads the snapshot compiled into the binary.
pub fn load_bundled() -> Result<Snapshot, LoadError> {
    // Text already (`include_str!`): the fast path needs no UTF-8 check.
    fast(BUNDLED_NAME, BUNDLED, None)
        .unwrap_or_else(|| load_bytes(BUNDLED_NAME, BUNDLED.as_bytes()))
}

/// Loads and validates the snapshot at `path`.
pub fn load_file(path: &Path) -> Result<Snapshot, LoadError> {
    let file =
        crate::sanitize::sanitize(&path.display().to_string(), crate::sanitize::Lines::Single)
            .into_owned();
    let io = |error| LoadError::Io {
        file: file.clone(),
        error,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size,
            limit: MAX_BYTES,
        });
    }
    // Read at most one byte past the limit, so a file that grows while it
    // is read is still refused, not read without end.
    let bytes = std::fs::File::open(path)
        .and_then(|f| super::read::read_all(f, size, MAX_BYTES))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        return Err(LoadError::TooLarge {
            file,
            size: size.max(bytes.len() as u64),
            limit: MAX_BYTES,
        });
    }
    // The text is kept, shared by the activities (their fields are slices
    // of it), instead of copied field by field and then dropped.
    match String::from_utf8(bytes) {
        Ok(text) => {
            let text = Arc::new(text);
            fast(&file, &text, Some(&text)).unwrap_or_else(|| load_bytes(&file, text.as_bytes()))
        }
        Err(e) => load_bytes(&file, e.as_bytes()),
    }
}

/// Loads and validates a snapshot from `bytes`; `file` names it in messages.
///
/// A valid file takes one pass (the `stream` module): activities are validated
/// into the model as they are parsed, their strings copied straight from
/// `bytes`. A file serde rejects is parsed again by the precise path, which
/// reports every problem with its position or JSON path.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Snapshot, LoadError> {
    if bytes.len() as u64 <= MAX_BYTES
        // One check of the whole text is much faster than serde's check of
        // each string it borrows.
        && let Ok(text) = std::str::from_utf8(bytes)
        && let Some(loaded) = fast(file, text, None)
    {
        return loaded;
    }
    let (file, raw) = parse_bytes(file, bytes)?;
    build(raw).map_err(|problems| LoadError::Invalid { file, problems })
}

/// The one-pass load of `text`, or `None` when serde rejects it and the
/// precise path must read it again. Too-deep nesting fails this pass
/// wherever it is, also under keys it skips (see `bounded`). `shared`,
/// when given, holds `text`: the activities then keep their fields there.
fn fast(
    file: &str,
    text: &str,
    shared: Option<&Arc<String>>,
) -> Option<Result<Snapshot, LoadError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let built = super::stream::load(text, shared).ok()?;
    Some(built.map_err(|problems| LoadError::Invalid {
        file: crate::sanitize::sanitize(file, crate::sanitize::Lines::Single).into_owned(),
        problems,
    }))
}

/// Checks size and encoding and parses `bytes`; returns the sanitized file
/// name for messages along with the raw snapshot.
fn parse_bytes(file: &str, bytes: &[u8]) -> Result<(String, RawSnapshot), LoadError> {
    let file = crate::sanitize::sanitize(file, crate::sanitize::Lines::Single).into_owned();
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            let (line, column) = line_col_at(&bytes[..offset]);
            return Err(LoadError::NotUtf8 {
                file,
                line,
                column,
                offset,
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.is_empty() {
        return Err(LoadError::Empty { file });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Blank {
            file,
            size: bytes.len() as u64,
        });
    }
    let raw = parse_raw(&file, text)?;
    Ok((file, raw))
}

/// Parses `text` into a raw snapshot, reporting syntax errors with line and
/// column, and every type error with its path. Arrays and objects nested
/// deeper than 127 are an error wherever they are, reported with their
/// path beside every other problem of the file.
pub fn parse_raw(file: &str, text: &str) -> Result<RawSnapshot, LoadError> {
    if crate::jsonscan::too_deep(text).is_some() {
        return Err(too_deep(file, text));
    }
    parse_shallow(file, text)
}

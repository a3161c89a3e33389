//! Reloading a snapshot file while one is in use (the app's `R` key).
//!
//! Loading already validates and never mutates anything, so a reload is a
//! fresh load plus a [`Diff`] against the snapshot in use: the caller swaps
//! snapshots only on success, and on failure keeps showing the old data
//! with the problems [`LoadError::problems`] lists. Nothing here is stateful,
//! which keeps the policy (when to swap, what to show) in the app.

use std::path::Path;

use super::Diff;
use crate::snapshot::{LoadError, Snapshot};

/// A snapshot read again from its file, with what changed since the one in use.
#[derive(Debug)]
pub struct Reloaded {
    /// The freshly loaded and validated snapshot.
    pub snapshot: Snapshot,
    /// What changed from the snapshot in use to the new one.
    pub diff: Diff,
}

/// Loads and validates `path` again and compares it with `current`.
///
/// On failure `current` is untouched and the error carries every problem
/// (`LoadError::problems`), so the app can keep showing the old data and
/// list what is wrong with the file.
pub fn reload(path: &Path, current: &Snapshot) -> Result<Reloaded, LoadError> {
    let snapshot = crate::snapshot::load_file(path)?;
    let diff = Diff::between(current, &snapshot);
    Ok(Reloaded { snapshot, diff })
}

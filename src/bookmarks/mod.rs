//! Bookmarks: named views that survive restarts, crashes, two open
//! instances and new snapshots.
//!
//! A [`Bookmark`] is a name, a canonical view string (see [`crate::view`]),
//! the snapshot it was made on ([`SnapshotRef`]: title, date, content hash)
//! and its created/updated times. Views name records by stable key (`9.c`,
//! `C7-e-health`, activity ids), never by position, so a bookmark still
//! means the same thing on a new snapshot, and [`Staleness`] says what no
//! longer resolves there.
//!
//! The module is split so each part can be tested alone: `file` owns the
//! on-disk format, atomic writes, the advisory lock and moving corrupt files
//! aside; `store` is the [`Store`] the app and the CLI call (every change is
//! re-read, merged and written under the lock, so two instances never lose
//! each other's bookmarks); `merge` is the pure import merge; `stale`
//! compares a bookmark with the loaded snapshot; `clock` formats UTC times.
//! Nothing here knows about terminals.

mod clock;
mod file;
mod merge;
mod stale;
mod store;

use std::borrow::Cow;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use clock::now_rfc3339;
pub use file::{FORMAT_VERSION, read_file, write_file, write_file_unless_input};
pub use merge::{Conflict, ImportReport, OnConflict, merge};
pub use stale::{
    Missing, Opened, Staleness, content_hash, content_hash_file, snapshot_fingerprint,
};
pub use store::{Overwrite, Store, StoreWarning, check_view};

/// The longest allowed bookmark name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// A named, saved view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The name, unique in a store (compared exactly, case included).
    pub name: String,
    /// The view in canonical form (`View`'s `to_string()`).
    pub view: String,
    /// The snapshot the view was saved (or last edited) on.
    pub snapshot: SnapshotRef,
    /// When the bookmark was first saved, RFC 3339 UTC.
    pub created: String,
    /// When it was last saved, renamed or edited, RFC 3339 UTC.
    pub updated: String,
}

/// Identifies a snapshot: what the user sees (title, date) and what tells
/// two snapshots apart for sure (a hash of the file's bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRef {
    /// `meta.title` of the snapshot.
    pub title: String,
    /// `meta.snapshot_date` (`YYYY-MM-DD`).
    pub date: String,
    /// `sha256:` followed by the hex SHA-256 of the snapshot file's bytes.
    pub hash: String,
}

impl SnapshotRef {
    /// The first 12 hex digits of the hash, for display.
    pub fn short_hash(&self) -> &str {
        let hex = self.hash.strip_prefix("sha256:").unwrap_or(&self.hash);
        hex.get(..12).unwrap_or(hex)
    }

    /// `title (date, abcdef012345)`, for messages.
    pub fn describe(&self) -> String {
        format!("{} ({}, {})", self.title, self.date, self.short_hash())
    }
}

/// What went wrong with a bookmark operation. Every message names the
/// bookmark (or the file) and the reason.
#[derive(Debug, thiserror::Error)]
pub enum BookmarkError {
    /// The name is empty, too long or contains control characters.
    #[error("bookmark name {name:?} is not allowed: {reason}")]
    InvalidName {
        /// The name as given.
        name: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// No bookmark has this name.
    #[error("no bookmark named '{name}'")]
    NotFound {
        /// The name looked for.
        name: String,
    },
    /// Saving or renaming would replace another bookmark.
    #[error("a bookmark named '{name}' already exists")]
    Exists {
        /// The name taken.
        name: String,
    },
    /// The view string does not parse, or names ids the snapshot lacks.
    #[error("bookmark '{name}' has an invalid view:\n{message}")]
    InvalidView {
        /// The bookmark.
        name: String,
        /// The view with a caret under each problem (one per problem).
        message: String,
    },
    /// Reading, writing, locking or renaming a file failed.
    #[error("cannot {op}: {}: {reason}", .path.display())]
    Io {
        /// What was being done, naming the bookmark (`save bookmark 'daily'`).
        op: String,
        /// The file or directory involved.
        path: PathBuf,
        /// A plain-words reason (read-only, disk full …) with the OS message.
        reason: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file given to import is not a bookmarks file sdgmap understands.
    #[error("cannot {op}: {} is not a bookmarks file: {reason}", .path.display())]
    Format {
        /// What was being done.
        op: String,
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

impl BookmarkError {
    /// An [`BookmarkError::Io`] with a plain-words reason for `source`,
    /// met while writing.
    pub fn io(op: impl Into<String>, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        BookmarkError::Io {
            op: op.into(),
            path: path.into(),
            reason: describe_io(&source),
            source,
        }
    }

    /// An [`BookmarkError::Io`] met while reading: a permission problem is
    /// the file's, not the directory's.
    pub fn read_io(
        op: impl Into<String>,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        let reason = match source.kind() {
            std::io::ErrorKind::PermissionDenied => {
                format!("permission denied (is the file readable by you?) ({source})")
            }
            _ => describe_io(&source),
        };
        BookmarkError::Io {
            op: op.into(),
            path: path.into(),
            reason,
            source,
        }
    }

    /// The error of an output refused or failed (see [`crate::atomic`]).
    pub fn output(op: &str, path: &std::path::Path, e: crate::atomic::OutputError) -> Self {
        use crate::atomic::OutputError as O;
        let reason = match &e {
            O::ReadOnly { .. } => {
                "the file is read-only; sdgmap does not write over it (make it writable to allow that)"
                    .to_string()
            }
            O::SameAsInput { input, .. } => format!(
                "it is the same file as {input}, which this command reads; choose another file"
            ),
            O::NotRegular { kind, .. } => {
                format!("it is {kind}, not a regular file; sdgmap only replaces regular files")
            }
            O::Io { reason, .. } => reason.clone(),
        };
        let source = match e {
            O::Io { source, .. } => source,
            other => std::io::Error::other(other.to_string()),
        };
        BookmarkError::Io {
            op: op.to_string(),
            path: path.to_path_buf(),
            reason,
            source,
        }
    }
}

/// The reason for an I/O error in plain words, followed by the OS message.
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let plain = match e.kind() {
        K::ReadOnlyFilesystem => "the file system is read-only",
        K::PermissionDenied => "permission denied (is the directory writable?)",
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is exceeded",
        K::IsADirectory => "a directory is in the way",
        K::NotFound => "it does not exist",
        _ => return e.to_string(),
    };
    format!("{plain} ({e})")
}

/// Checks a bookmark name and returns it trimmed: non-empty, at most
/// [`MAX_NAME_CHARS`] characters, no control, bidi or zero-width characters.
pub fn validate_name(name: &str) -> Result<String, BookmarkError> {
    let trimmed = name.trim();
    let refuse = |reason| {
        Err(BookmarkError::InvalidName {
            name: name.to_string(),
            reason,
        })
    };
    if trimmed.is_empty() {
        return refuse("it is empty");
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return refuse("it is longer than 80 characters");
    }
    let single = crate::sanitize::sanitize(trimmed, crate::sanitize::Lines::Single);
    if !matches!(single, Cow::Borrowed(_)) || trimmed.chars().any(char::is_control) {
        return refuse("it contains control, bidi or zero-width characters");
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(validate_name("  daily  ").unwrap(), "daily");
        assert_eq!(validate_name("été 9.c × C2").unwrap(), "été 9.c × C2");
        for bad in ["", "   ", "a\tb", "a\u{1b}[31m", "x\u{202e}y", "a\u{200b}b"] {
            let e = validate_name(bad).unwrap_err();
            assert!(matches!(e, BookmarkError::InvalidName { .. }), "{bad:?}");
        }
        assert!(validate_name(&"x".repeat(80)).is_ok());
        let e = validate_name(&"x".repeat(81)).unwrap_err().to_string();
        assert!(e.contains("longer than 80"), "{e}");
    }

    #[test]
    fn io_errors_say_why_in_plain_words() {
        let e = BookmarkError::io(
            "save bookmark 'daily'",
            "/x/bookmarks.json",
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        let msg = e.to_string();
        assert!(
            msg.starts_with("cannot save bookmark 'daily': /x/bookmarks.json: the disk is full")
        );
    }

    #[test]
    fn short_hash_and_description() {
        let s = SnapshotRef {
            title: "T".into(),
            date: "2026-01-01".into(),
            hash: format!("sha256:{}", "ab".repeat(32)),
        };
        assert_eq!(s.short_hash(), "abababababab");
        assert_eq!(s.describe(), "T (2026-01-01, abababababab)");
    }
}

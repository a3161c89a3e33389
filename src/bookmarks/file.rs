//! The bookmarks file on disk: its versioned JSON format, atomic writes,
//! the advisory lock, and moving a corrupt file aside.
//!
//! The format is `{"version": 1, "bookmarks": [...]}`, pretty-printed and
//! sorted by name so the file diffs well and can be shared (`export` writes
//! the same format). A write never touches the old file until the new one
//! is complete: the bytes go to a temporary file in the same directory,
//! which is fsynced and renamed over the old one, then the directory is
//! fsynced. A reader therefore always sees a whole old or a whole new file,
//! whatever happens to the writer. The lock is a sibling `*.lock` file (never
//! deleted, so two processes can never lock different inodes) held with
//! `fs4` across read–merge–write; readers do not need it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::clock::Utc;
use super::{Bookmark, BookmarkError};

/// The version of the bookmarks file format this sdgmap reads and writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Serialize)]
struct DocumentOut<'a> {
    version: u64,
    bookmarks: &'a [Bookmark],
}

#[derive(Deserialize)]
struct DocumentIn {
    bookmarks: Vec<Bookmark>,
}

#[derive(Deserialize)]
struct Probe {
    version: Option<serde_json::Value>,
}

/// What reading the store's file found.
pub(crate) enum Read {
    /// No file yet.
    Missing,
    /// A good file, and the bookmarks renamed because a name was repeated.
    Good(Vec<Bookmark>, Vec<Renamed>),
    /// A file that is not a bookmarks file of a known version, and why.
    Corrupt(String),
}

/// Parses the bytes of a bookmarks file; the error says what is wrong.
/// Names are left as written (the caller decides how to show or check them).
fn parse(bytes: &[u8]) -> Result<Vec<Bookmark>, String> {
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    match probe.version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "unknown format version {v} (this sdgmap reads version {FORMAT_VERSION})"
            ));
        }
        None => return Err("no \"version\" field".into()),
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let doc: DocumentIn = serde_path_to_error::deserialize(de)
        .map_err(|e| format!("{} (at {})", e.inner(), e.path()))?;
    Ok(doc.bookmarks)
}

/// A bookmark renamed because an earlier one in the file had its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Renamed {
    /// The name both had.
    pub name: String,
    /// The name the later one now has.
    pub to: String,
}

/// Makes text display-safe and sorts by name; a name used again later in
/// the list is given a free `name (2)` (both are kept and the renames
/// returned, so the user can be told). Text read from a file is made
/// display-safe first (a hand-edited or foreign file could hold escape
/// sequences or bidi overrides).
pub(crate) fn normalize(mut list: Vec<Bookmark>) -> (Vec<Bookmark>, Vec<Renamed>) {
    use crate::sanitize::{Lines, sanitize_in_place};
    for b in &mut list {
        for text in [
            &mut b.name,
            &mut b.view,
            &mut b.snapshot.title,
            &mut b.snapshot.date,
            &mut b.created,
            &mut b.updated,
        ] {
            sanitize_in_place(text, Lines::Single);
        }
    }
    let mut renamed = Vec::new();
    let mut taken: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(list.len());
    let all: std::collections::HashSet<String> = list.iter().map(|b| b.name.clone()).collect();
    for b in &mut list {
        if taken.insert(b.name.clone()) {
            continue;
        }
        let to = super::merge::free_name_in(&b.name, |n| !taken.contains(n) && !all.contains(n));
        taken.insert(to.clone());
        renamed.push(Renamed {
            name: std::mem::replace(&mut b.name, to.clone()),
            to,
        });
    }
    list.sort_by(|a, b| a.name.cmp(&b.name));
    (list, renamed)
}

/// Reads the store's file at `path`. A missing file is [`Read::Missing`];
/// a file that cannot be read at all (permissions) is an error, because
/// moving it aside would not help and could not succeed.
pub(crate) fn read_store(path: &Path, op: &str) -> Result<Read, BookmarkError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(match parse(&bytes) {
            Ok(list) => {
                let (list, renamed) = normalize(list);
                Read::Good(list, renamed)
            }
            Err(reason) => Read::Corrupt(reason),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Read::Missing),
        Err(e) => Err(BookmarkError::read_io(op, path, e)),
    }
}

/// Reads a bookmarks file given by the user (import): any problem is an
/// error. Entries come as written, names unchecked: the import checks each
/// name and skips, with the reason, those that are not allowed.
pub fn read_file(path: &Path) -> Result<Vec<Bookmark>, BookmarkError> {
    let op = format!("import bookmarks from {}", path.display());
    let bytes = std::fs::read(path).map_err(|e| BookmarkError::read_io(&op, path, e))?;
    parse(&bytes).map_err(|reason| BookmarkError::Format {
        op,
        path: path.to_path_buf(),
        reason,
    })
}

/// Renames a corrupt `path` to `<path>.corrupt-<UTC timestamp>` (with
/// `-2`, `-3` … if that exists) and returns the new path.
pub(crate) fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = Utc::now().compact();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let target = path.with_file_name(format!("{name}.corrupt-{stamp}{suffix}"));
        if !target.exists() {
            std::fs::rename(path, &target)?;
            return Ok(target);
        }
        n += 1;
    }
}

/// Writes `bookmarks` to `path` in the versioned format, atomically: a
/// temporary file in the same directory, fsync, rename, fsync of the
/// directory ([`crate::atomic`]). On any error the old file is left as it
/// was; a read-only file is refused and said so.
pub fn write_file(path: &Path, bookmarks: &[Bookmark], op: &str) -> Result<(), BookmarkError> {
    write_file_unless_input(path, bookmarks, op, &[])
}

/// [`write_file`], refusing a `path` that is one of `inputs` (an export
/// never writes over the store it reads).
pub fn write_file_unless_input(
    path: &Path,
    bookmarks: &[Bookmark],
    op: &str,
    inputs: &[&Path],
) -> Result<(), BookmarkError> {
    let mut bytes = serde_json::to_vec_pretty(&DocumentOut {
        version: FORMAT_VERSION,
        bookmarks,
    })
    .map_err(|e| BookmarkError::io(op, path, std::io::Error::other(e)))?;
    bytes.push(b'\n');
    let pause = crate::testhooks::slow_save_pause();
    let mut out = crate::atomic::Output::create(path, inputs)
        .map_err(|e| BookmarkError::output(op, path, e))?;
    let (first, second) = bytes.split_at(bytes.len() / 2);
    let io = |e| BookmarkError::io(op, path, e);
    out.file().write_all(first).map_err(io)?;
    if let Some(p) = pause {
        std::thread::sleep(p);
    }
    out.file().write_all(second).map_err(io)?;
    out.file().sync_all().map_err(io)?;
    if let Some(p) = pause {
        std::thread::sleep(p);
    }
    out.commit().map_err(|e| BookmarkError::output(op, path, e))
}

/// Removes temporary files a killed writer left beside `path`. Only safe
/// while holding the lock (no other writer can be mid-write then).
pub(crate) fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// An exclusive advisory lock on a lock file, released on drop.
pub(crate) struct Lock {
    file: File,
}

impl Lock {
    /// Blocks until the exclusive lock on `path` is held; creates the file.
    pub fn acquire(path: &Path, op: &str) -> Result<Lock, BookmarkError> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| BookmarkError::io(op, path, e))?;
        fs4::FileExt::lock(&file).map_err(|e| BookmarkError::io(op, path, e))?;
        Ok(Lock { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first is explicit.
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::SnapshotRef;

    fn bm(name: &str, updated: &str) -> Bookmark {
        Bookmark {
            name: name.into(),
            view: "sdg:4".into(),
            snapshot: SnapshotRef {
                title: "T".into(),
                date: "2026-01-01".into(),
                hash: "sha256:00".into(),
            },
            created: "2026-01-01T00:00:00Z".into(),
            updated: updated.into(),
        }
    }

    #[test]
    fn round_trip_sorted_and_versioned() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bookmarks.json");
        let list = vec![bm("b", "x"), bm("a", "x")];
        write_file(&p, &list, "test").unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("\"version\": 1"), "{text}");
        let back = normalize(read_file(&p).unwrap()).0;
        assert_eq!(back, normalize(list).0);
        assert_eq!(back[0].name, "a");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn bad_files_say_why() {
        assert!(parse(b"{").unwrap_err().starts_with("invalid JSON"));
        assert!(
            parse(b"{\"version\": 2, \"bookmarks\": []}")
                .unwrap_err()
                .contains("version 2")
        );
        assert!(
            parse(b"{\"bookmarks\": []}")
                .unwrap_err()
                .contains("no \"version\"")
        );
        let e = parse(b"{\"version\": 1, \"bookmarks\": [{\"name\": 3}]}").unwrap_err();
        assert!(e.contains("bookmarks[0].name"), "{e}");
    }

    #[test]
    fn a_repeated_name_is_kept_under_a_free_name() {
        let (list, renamed) = normalize(vec![
            bm("a", "2026-01-01"),
            bm("a (2)", "x"),
            bm("a", "2026-02-01"),
            bm("b", "x"),
        ]);
        let names: Vec<&str> = list.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["a", "a (2)", "a (3)", "b"]);
        // the first in the file keeps the name
        assert_eq!(list[0].updated, "2026-01-01");
        assert_eq!(list[2].updated, "2026-02-01");
        assert_eq!(
            renamed,
            [Renamed {
                name: "a".into(),
                to: "a (3)".into()
            }]
        );
    }

    #[test]
    fn move_aside_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bookmarks.json");
        std::fs::write(&p, "one").unwrap();
        let a = move_aside(&p).unwrap();
        std::fs::write(&p, "two").unwrap();
        let b = move_aside(&p).unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read_to_string(a).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "two");
        assert!(!p.exists());
    }
}

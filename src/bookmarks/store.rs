//! [`Store`]: the bookmarks of one data directory, as the app and the CLI
//! use them.
//!
//! The store keeps the list it last read, for listing without disk access.
//! Every change goes through one path: take the advisory lock, re-read the
//! file, apply this one change by name, write the file atomically, release
//! the lock. Two instances (or an app and a CLI) that save at the same time
//! therefore both keep their bookmarks, and a change is decided against
//! what is on disk now, not against a stale copy — renaming onto a name
//! another instance just took fails with [`BookmarkError::Exists`]. A file
//! that does not parse is moved aside, never written over, and reported as
//! a [`StoreWarning`] so the app can tell the user where it went.

use std::fmt;
use std::path::PathBuf;

use super::file::{self, Lock, Read};
use super::merge::{ImportReport, OnConflict, merge};
use super::stale::{Opened, Staleness};
use super::{Bookmark, BookmarkError, SnapshotRef, clock, validate_name};
use crate::paths::{Paths, PathsError};
use crate::snapshot::Snapshot;
use crate::view::{self, View};

/// Whether saving may replace a bookmark of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Fail with [`BookmarkError::Exists`] (the app then asks the user).
    No,
    /// Replace it, keeping its creation time.
    Yes,
}

/// Something the user should be told that did not stop the store working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreWarning {
    /// The bookmarks file did not parse and was moved aside; the store
    /// carries on without its contents.
    MovedAside {
        /// Where the file was.
        path: PathBuf,
        /// Where it is now.
        moved_to: PathBuf,
        /// Why it did not parse.
        reason: String,
    },
    /// The bookmarks file did not parse and could not be moved aside
    /// either; it is left untouched, and saving will fail until it is fixed.
    CorruptKept {
        /// The file.
        path: PathBuf,
        /// Why it did not parse, and why it could not be moved.
        reason: String,
    },
    /// Two bookmarks in the file had one name: the later one is listed
    /// under a free name, and saved so with the next change.
    Renamed {
        /// The file.
        path: PathBuf,
        /// The name both had.
        name: String,
        /// The later one's name now.
        to: String,
    },
}

impl fmt::Display for StoreWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreWarning::MovedAside {
                path,
                moved_to,
                reason,
            } => write!(
                f,
                "the bookmarks file {} could not be read ({reason}); it was moved to {} and bookmarks start empty",
                path.display(),
                moved_to.display()
            ),
            StoreWarning::CorruptKept { path, reason } => write!(
                f,
                "the bookmarks file {} could not be read and was left as it is ({reason})",
                path.display()
            ),
            StoreWarning::Renamed { path, name, to } => write!(
                f,
                "two bookmarks in {} are named '{name}'; the second is kept as '{to}' (saved so with the next change)",
                path.display()
            ),
        }
    }
}

/// The bookmarks of one data directory.
#[derive(Debug)]
pub struct Store {
    paths: Paths,
    bookmarks: Vec<Bookmark>,
    warnings: Vec<StoreWarning>,
}

impl Store {
    /// Reads the bookmarks under `paths` (none if the file does not exist;
    /// nothing is created). A corrupt file is moved aside with a warning
    /// (see [`Store::warnings`]); an unreadable one is an error.
    pub fn open(paths: &Paths) -> Result<Store, BookmarkError> {
        let mut store = Store {
            paths: paths.clone(),
            bookmarks: Vec::new(),
            warnings: Vec::new(),
        };
        store.reload()?;
        Ok(store)
    }

    /// Re-reads the file, e.g. when the app's bookmark list opens, to show
    /// what other instances saved.
    pub fn reload(&mut self) -> Result<(), BookmarkError> {
        let op = "read bookmarks";
        let path = self.paths.bookmarks();
        self.bookmarks = match file::read_store(&path, op)? {
            Read::Missing => Vec::new(),
            Read::Good(list, renamed) => {
                self.note_renamed(renamed);
                list
            }
            Read::Corrupt(reason) => match Lock::acquire(&self.paths.bookmarks_lock(), op) {
                Ok(_lock) => self.read_locked(op, false)?,
                Err(e) => {
                    self.warnings.push(StoreWarning::CorruptKept {
                        path,
                        reason: format!("{reason}; {e}"),
                    });
                    Vec::new()
                }
            },
        };
        Ok(())
    }

    /// The bookmarks as last read, sorted by name.
    pub fn list(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// Each bookmark with how it relates to the loaded snapshot.
    pub fn list_with_status(
        &self,
        s: &Snapshot,
        current: &SnapshotRef,
    ) -> Vec<(&Bookmark, Staleness)> {
        self.bookmarks
            .iter()
            .map(|b| (b, b.staleness(s, current)))
            .collect()
    }

    /// The bookmark called `name` (surrounding spaces ignored).
    pub fn get(&self, name: &str) -> Option<&Bookmark> {
        let name = name.trim();
        self.bookmarks.iter().find(|b| b.name == name)
    }

    /// [`Store::get`], or [`BookmarkError::NotFound`].
    pub fn require(&self, name: &str) -> Result<&Bookmark, BookmarkError> {
        self.get(name).ok_or_else(|| BookmarkError::NotFound {
            name: name.trim().to_string(),
        })
    }

    /// Opens the bookmark `name` on the loaded snapshot: its view and the
    /// warnings to show (another snapshot, ids that no longer exist).
    pub fn open_view(
        &self,
        name: &str,
        s: &Snapshot,
        current: &SnapshotRef,
    ) -> Result<Opened, BookmarkError> {
        self.require(name)?.open(s, current)
    }

    /// Warnings gathered so far (a corrupt file moved aside …).
    pub fn warnings(&self) -> &[StoreWarning] {
        &self.warnings
    }

    /// Returns and forgets the warnings gathered so far.
    pub fn take_warnings(&mut self) -> Vec<StoreWarning> {
        std::mem::take(&mut self.warnings)
    }

    /// The bookmarks file.
    pub fn path(&self) -> PathBuf {
        self.paths.bookmarks()
    }

    /// Saves `view` as `name`, made on `snapshot`. With [`Overwrite::No`]
    /// an existing bookmark of that name (on disk now) is an error.
    pub fn save(
        &mut self,
        name: &str,
        view: &View,
        snapshot: &SnapshotRef,
        overwrite: Overwrite,
    ) -> Result<Bookmark, BookmarkError> {
        let name = validate_name(name)?;
        let now = clock::now_rfc3339();
        let mut b = Bookmark {
            name: name.clone(),
            view: view.to_string(),
            snapshot: snapshot.clone(),
            created: now.clone(),
            updated: now,
        };
        self.update(format!("save bookmark '{name}'"), |list| {
            match list.iter_mut().find(|x| x.name == name) {
                Some(_) if overwrite == Overwrite::No => Err(BookmarkError::Exists { name }),
                Some(old) => {
                    b.created = old.created.clone();
                    *old = b.clone();
                    Ok(b)
                }
                None => {
                    list.push(b.clone());
                    Ok(b)
                }
            }
        })
    }

    /// Replaces the view of `name`; the bookmark is now made on `snapshot`.
    pub fn edit(
        &mut self,
        name: &str,
        view: &View,
        snapshot: &SnapshotRef,
    ) -> Result<Bookmark, BookmarkError> {
        let name = validate_name(name)?;
        self.update(format!("edit bookmark '{name}'"), |list| {
            let b = find(list, &name)?;
            b.view = view.to_string();
            b.snapshot = snapshot.clone();
            b.updated = clock::now_rfc3339();
            Ok(b.clone())
        })
    }

    /// Renames `old` to `new`; `new` must be free.
    pub fn rename(&mut self, old: &str, new: &str) -> Result<Bookmark, BookmarkError> {
        let old = validate_name(old)?;
        let new = validate_name(new)?;
        self.update(format!("rename bookmark '{old}' to '{new}'"), |list| {
            if old != new && list.iter().any(|b| b.name == new) {
                return Err(BookmarkError::Exists { name: new });
            }
            let b = find(list, &old)?;
            if old != new {
                b.name = new;
                b.updated = clock::now_rfc3339();
            }
            Ok(b.clone())
        })
    }

    /// Deletes `name` and returns what it was.
    pub fn remove(&mut self, name: &str) -> Result<Bookmark, BookmarkError> {
        let name = validate_name(name)?;
        self.update(format!("delete bookmark '{name}'"), |list| {
            let i = list
                .iter()
                .position(|b| b.name == name)
                .ok_or_else(|| BookmarkError::NotFound { name: name.clone() })?;
            Ok(list.remove(i))
        })
    }

    /// Merges imported bookmarks (see [`merge`]) and reports what happened.
    pub fn import(
        &mut self,
        theirs: Vec<Bookmark>,
        policy: OnConflict,
    ) -> Result<ImportReport, BookmarkError> {
        let now = clock::now_rfc3339();
        self.update("import bookmarks".into(), |list| {
            Ok(merge(list, theirs, policy, &now))
        })
    }

    /// Lock, re-read, change, write, unlock. On any error the file is as
    /// it was and the cached list is what is on disk.
    fn update<T>(
        &mut self,
        op: String,
        change: impl FnOnce(&mut Vec<Bookmark>) -> Result<T, BookmarkError>,
    ) -> Result<T, BookmarkError> {
        self.paths.ensure_data_dir().map_err(|e| match e {
            PathsError::Create { path, source } => BookmarkError::io(&op, path, source),
            other => BookmarkError::io(&op, self.paths.data_dir(), std::io::Error::other(other)),
        })?;
        let _lock = Lock::acquire(&self.paths.bookmarks_lock(), &op)?;
        let path = self.paths.bookmarks();
        file::remove_stale_temps(&path);
        let mut list = self.read_locked(&op, true)?;
        let before = list.clone();
        let out = match change(&mut list) {
            Ok(out) => out,
            Err(e) => {
                self.bookmarks = before;
                return Err(e);
            }
        };
        list = file::normalize(list).0;
        if let Err(e) = file::write_file(&path, &list, &op) {
            self.bookmarks = before;
            return Err(e);
        }
        self.bookmarks = list;
        Ok(out)
    }

    /// Reads the file while holding the lock; a corrupt file is moved
    /// aside. When `strict` (about to write), failing to move it is an
    /// error, so a corrupt file is never written over.
    fn read_locked(&mut self, op: &str, strict: bool) -> Result<Vec<Bookmark>, BookmarkError> {
        let path = self.paths.bookmarks();
        match file::read_store(&path, op)? {
            Read::Missing => Ok(Vec::new()),
            Read::Good(list, renamed) => {
                self.note_renamed(renamed);
                Ok(list)
            }
            Read::Corrupt(reason) => match file::move_aside(&path) {
                Ok(moved_to) => {
                    self.warnings.push(StoreWarning::MovedAside {
                        path,
                        moved_to,
                        reason,
                    });
                    Ok(Vec::new())
                }
                Err(e) if strict => Err(BookmarkError::io(
                    format!("{op} (the file is corrupt: {reason}; moving it aside failed)"),
                    path,
                    e,
                )),
                Err(e) => {
                    self.warnings.push(StoreWarning::CorruptKept {
                        path,
                        reason: format!("{reason}; moving it aside failed: {e}"),
                    });
                    Ok(Vec::new())
                }
            },
        }
    }
}

impl Store {
    /// Warns once about each bookmark renamed because its name was taken.
    fn note_renamed(&mut self, renamed: Vec<file::Renamed>) {
        let path = self.paths.bookmarks();
        for r in renamed {
            let w = StoreWarning::Renamed {
                path: path.clone(),
                name: r.name,
                to: r.to,
            };
            if !self.warnings.contains(&w) {
                self.warnings.push(w);
            }
        }
    }
}

fn find<'a>(list: &'a mut [Bookmark], name: &str) -> Result<&'a mut Bookmark, BookmarkError> {
    list.iter_mut()
        .find(|b| b.name == name)
        .ok_or_else(|| BookmarkError::NotFound {
            name: name.to_string(),
        })
}

/// Parses `text` and checks it against `s` for saving as `name`; the error
/// shows the view with a caret under each problem.
pub fn check_view(name: &str, text: &str, s: &Snapshot) -> Result<View, BookmarkError> {
    view::parse_checked(text, s).map_err(|errors| BookmarkError::InvalidView {
        name: name.trim().to_string(),
        message: errors
            .iter()
            .map(|e| e.render(text))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

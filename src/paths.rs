//! Where sdgmap keeps the files a user makes: bookmarks, presenter tours
//! recorded in the app, and (later) settings.
//!
//! One function, [`Paths::discover`], decides the data directory — the
//! `SDGMAP_HOME` environment variable when it is set (tests, portable
//! installs on a USB stick), else the platform's data directory from the
//! `directories` crate — and every file name is derived from it here, so
//! `sdgmap paths` can print exactly the locations the app and the CLI use.
//! Discovering paths never touches the disk: directories are created by the
//! first write (see [`Paths::ensure_data_dir`]), not by looking.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that overrides the data directory.
pub const HOME_VAR: &str = "SDGMAP_HOME";

/// Where the data directory came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The `SDGMAP_HOME` environment variable.
    Env,
    /// The platform's data directory for sdgmap (`directories`).
    Platform,
    /// Given explicitly by the caller ([`Paths::at`]).
    Explicit,
}

impl Origin {
    /// A short description for `sdgmap paths`.
    pub fn describe(self) -> &'static str {
        match self {
            Origin::Env => "from SDGMAP_HOME",
            Origin::Platform => "platform default",
            Origin::Explicit => "given",
        }
    }
}

/// Errors while finding the data directory.
#[derive(Debug, thiserror::Error)]
pub enum PathsError {
    /// Neither `SDGMAP_HOME` nor a home directory is available.
    #[error(
        "cannot find a data directory for sdgmap: no home directory is known; set SDGMAP_HOME to a directory"
    )]
    NoHome,
    /// `SDGMAP_HOME` is set but cannot be made absolute.
    #[error("SDGMAP_HOME={value:?} cannot be used: {source}")]
    BadHome {
        /// The value of the variable.
        value: String,
        /// Why it cannot be used.
        #[source]
        source: std::io::Error,
    },
    /// The data directory cannot be created.
    #[error("cannot create the data directory {}: {source}", .path.display())]
    Create {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// The locations of sdgmap's user files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    data_dir: PathBuf,
    origin: Origin,
}

/// One location, as `sdgmap paths` prints it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// A short stable name (`data_dir`, `bookmarks` …), the JSON key.
    pub name: &'static str,
    /// The location.
    pub path: PathBuf,
    /// Whether something exists there now.
    pub exists: bool,
    /// What it is for.
    pub purpose: &'static str,
}

impl Paths {
    /// Finds the data directory: `SDGMAP_HOME` when set and non-empty,
    /// else the platform data directory of `org.sdgmap.sdgmap`
    /// (`~/.local/share/sdgmap` on Linux). Creates nothing.
    pub fn discover() -> Result<Paths, PathsError> {
        Paths::from_home_var(std::env::var_os(HOME_VAR))
    }

    /// [`Paths::discover`] with the value of `SDGMAP_HOME` given, for tests.
    pub fn from_home_var(home: Option<OsString>) -> Result<Paths, PathsError> {
        match home.filter(|h| !h.is_empty()) {
            Some(h) => {
                let data_dir = std::path::absolute(PathBuf::from(&h)).map_err(|source| {
                    PathsError::BadHome {
                        value: h.to_string_lossy().into_owned(),
                        source,
                    }
                })?;
                Ok(Paths {
                    data_dir,
                    origin: Origin::Env,
                })
            }
            None => {
                let dirs = directories::ProjectDirs::from("org", "sdgmap", "sdgmap")
                    .ok_or(PathsError::NoHome)?;
                Ok(Paths {
                    data_dir: dirs.data_dir().to_path_buf(),
                    origin: Origin::Platform,
                })
            }
        }
    }

    /// Paths rooted at `dir`, whatever the environment says.
    pub fn at(dir: impl Into<PathBuf>) -> Paths {
        Paths {
            data_dir: dir.into(),
            origin: Origin::Explicit,
        }
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Where the data directory came from.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// `bookmarks.json`: the saved views.
    pub fn bookmarks(&self) -> PathBuf {
        self.data_dir.join("bookmarks.json")
    }

    /// `bookmarks.json.lock`: the advisory lock held while bookmarks are saved.
    pub fn bookmarks_lock(&self) -> PathBuf {
        self.data_dir.join("bookmarks.json.lock")
    }

    /// `settings.json`: user settings (not written yet).
    pub fn settings(&self) -> PathBuf {
        self.data_dir.join("settings.json")
    }

    /// `tours/`: the user's presenter tours, `NAME.json` each (see [`crate::tour::user`]).
    pub fn tours_dir(&self) -> PathBuf {
        self.data_dir.join("tours")
    }

    /// Creates the data directory (and its parents) if needed; called by
    /// writers just before their first write.
    pub fn ensure_data_dir(&self) -> Result<(), PathsError> {
        std::fs::create_dir_all(&self.data_dir).map_err(|source| PathsError::Create {
            path: self.data_dir.clone(),
            source,
        })
    }

    /// Every location, in the order `sdgmap paths` prints them.
    pub fn entries(&self) -> Vec<Entry> {
        let entry = |name, path: PathBuf, purpose| Entry {
            name,
            exists: path.exists(),
            path,
            purpose,
        };
        vec![
            entry("data_dir", self.data_dir.clone(), "data directory"),
            entry("bookmarks", self.bookmarks(), "saved views"),
            entry(
                "bookmarks_lock",
                self.bookmarks_lock(),
                "lock held while bookmarks are saved",
            ),
            entry("settings", self.settings(), "settings (future)"),
            entry(
                "tours",
                self.tours_dir(),
                "your tours: T records here, sdgmap present NAME plays one",
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_var_wins_and_is_made_absolute() {
        let p = Paths::from_home_var(Some("rel/dir".into())).unwrap();
        assert_eq!(p.origin(), Origin::Env);
        assert!(p.data_dir().is_absolute());
        assert!(p.data_dir().ends_with("rel/dir"));
        assert_eq!(p.bookmarks(), p.data_dir().join("bookmarks.json"));
    }

    #[test]
    fn empty_home_var_means_platform_default() {
        if let Ok(p) = Paths::from_home_var(Some(OsString::new())) {
            assert_eq!(p.origin(), Origin::Platform);
            assert!(p.data_dir().ends_with("sdgmap"));
        }
    }

    #[test]
    fn entries_do_not_create_anything() {
        let dir = tempfile::tempdir().unwrap();
        let p = Paths::at(dir.path().join("not-yet"));
        let e = p.entries();
        assert_eq!(e.len(), 5);
        assert!(e.iter().all(|e| !e.exists));
        assert!(!dir.path().join("not-yet").exists());
        p.ensure_data_dir().unwrap();
        assert!(p.entries()[0].exists);
    }
}

//! A bookmark against the loaded snapshot: which snapshot it was made on,
//! whether that is the loaded one, which of its ids no longer resolve, and
//! opening it as a [`View`] with warnings instead of failing.
//!
//! Snapshots are told apart by a SHA-256 of the file's bytes (`sha2`, the
//! RustCrypto implementation: maintained, pure Rust, already in the build's
//! dependency tree); title and date are kept beside it for people. Missing
//! ids come from [`View::check`], so the bookmark list, `sdgmap bookmarks
//! show` and the app agree with `sdgmap query` on what "unknown" means.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{Bookmark, BookmarkError, SnapshotRef};
use crate::entity::EntityRef;
use crate::snapshot::Snapshot;
use crate::view::{self, View};

/// `sha256:<hex>` of `bytes`.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

/// `sha256:<hex>` of the file at `path`, read in chunks.
pub fn content_hash_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("sha256:{:x}", hasher.finalize()))
}

/// The [`SnapshotRef`] of a loaded snapshot whose file held `bytes` (for
/// the bundled one, `crate::snapshot::BUNDLED.as_bytes()`).
pub fn snapshot_fingerprint(s: &Snapshot, bytes: &[u8]) -> SnapshotRef {
    SnapshotRef {
        title: s.meta().title.clone(),
        date: s.meta().snapshot_date.clone(),
        hash: content_hash(bytes),
    }
}

/// An id a bookmark's view names that the loaded snapshot lacks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Missing {
    /// The id or value as written in the view (`9.z`, `C12`, an activity id).
    pub id: String,
    /// What kind of value it is and the nearest existing one, e.g.
    /// `unknown target '9.z' — did you mean '9.c'?`.
    pub message: String,
}

/// How a bookmark relates to the loaded snapshot.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Staleness {
    /// The snapshot the bookmark was made on, when its hash differs from
    /// the loaded one's; `None` when made on this very snapshot.
    pub made_on: Option<SnapshotRef>,
    /// Ids of the view that do not resolve in the loaded snapshot.
    pub missing: Vec<Missing>,
    /// Why the stored view does not parse at all (a hand-edited file).
    pub invalid: Option<String>,
}

impl Staleness {
    /// Made on another snapshot (the content hashes differ).
    pub fn is_stale(&self) -> bool {
        self.made_on.is_some()
    }

    /// Some id no longer resolves, or the view does not parse.
    pub fn is_broken(&self) -> bool {
        !self.missing.is_empty() || self.invalid.is_some()
    }

    /// One line for lists: `ok`, `stale`, `stale, 2 missing: 9.z, C12` …
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.is_stale() {
            parts.push("stale".to_string());
        }
        if !self.missing.is_empty() {
            let ids: Vec<&str> = self.missing.iter().map(|m| m.id.as_str()).collect();
            parts.push(format!("{} missing: {}", ids.len(), ids.join(", ")));
        }
        if self.invalid.is_some() {
            parts.push("invalid view".to_string());
        }
        if parts.is_empty() {
            "ok".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// A bookmark opened on the loaded snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The view to show (a `focus:` or `at:` that no longer resolves is dropped;
    /// other unknown values stay, so the view matches nothing rather than
    /// silently more).
    pub view: View,
    /// What the user should be told: another snapshot, missing ids.
    pub warnings: Vec<String>,
}

impl Bookmark {
    /// Compares the bookmark with the loaded snapshot `s`, fingerprinted as `current`.
    pub fn staleness(&self, s: &Snapshot, current: &SnapshotRef) -> Staleness {
        let made_on = (self.snapshot.hash != current.hash).then(|| self.snapshot.clone());
        match view::parse(&self.view) {
            Ok(v) => Staleness {
                made_on,
                missing: missing(&v, s),
                invalid: None,
            },
            Err(e) => Staleness {
                made_on,
                missing: Vec::new(),
                invalid: Some(e.render(&self.view)),
            },
        }
    }

    /// Opens the bookmark on `s`: the view, and a warning for another
    /// snapshot and for each id that no longer resolves. Fails only when
    /// the stored view does not parse.
    pub fn open(&self, s: &Snapshot, current: &SnapshotRef) -> Result<Opened, BookmarkError> {
        let mut view = view::parse(&self.view).map_err(|e| BookmarkError::InvalidView {
            name: self.name.clone(),
            message: e.render(&self.view),
        })?;
        let st = self.staleness(s, current);
        let mut warnings = Vec::new();
        if let Some(made) = &st.made_on {
            warnings.push(format!(
                "bookmark '{}' was made on snapshot {}; this is {}",
                self.name,
                made.describe(),
                current.describe()
            ));
        }
        for m in &st.missing {
            warnings.push(format!(
                "bookmark '{}': {} no longer exists ({})",
                self.name, m.id, m.message
            ));
        }
        if let Some(f) = &view.focus
            && EntityRef::resolve(s, f).is_none()
        {
            warnings.push(format!(
                "bookmark '{}': focus {f} dropped, nothing has that key now",
                self.name
            ));
            view.focus = None;
        }
        if let Some(a) = &view.at
            && EntityRef::resolve(s, a).is_none()
        {
            warnings.push(format!(
                "bookmark '{}': cursor on {a} dropped, nothing has that key now",
                self.name
            ));
            view.at = None;
        }
        Ok(Opened { view, warnings })
    }
}

/// The values of `v` that `s` does not know, as written.
fn missing(v: &View, s: &Snapshot) -> Vec<Missing> {
    let text = v.to_string();
    v.check(s)
        .into_iter()
        .map(|e| Missing {
            id: unquote(text.get(e.span.clone()).unwrap_or_default()),
            message: e.to_string(),
        })
        .collect()
}

/// Undoes the view printer's quoting of a single value.
fn unquote(s: &str) -> String {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return s.to_string();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{BUNDLED, load_bundled};

    fn bookmark(view: &str, hash: &str) -> Bookmark {
        Bookmark {
            name: "daily".into(),
            view: view.into(),
            snapshot: SnapshotRef {
                title: "Old".into(),
                date: "2020-01-01".into(),
                hash: hash.into(),
            },
            created: String::new(),
            updated: String::new(),
        }
    }

    #[test]
    fn fingerprint_of_the_bundled_snapshot() {
        let s = load_bundled().unwrap();
        let f = snapshot_fingerprint(&s, BUNDLED.as_bytes());
        assert_eq!(f.title, s.meta().title);
        assert_eq!(f.hash.len(), "sha256:".len() + 64);
        assert_eq!(f.hash, content_hash(BUNDLED.as_bytes()));
        assert_eq!(
            content_hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn same_snapshot_all_ids_known_is_fresh() {
        let s = load_bundled().unwrap();
        let cur = snapshot_fingerprint(&s, BUNDLED.as_bytes());
        let b = bookmark("sdg:9 target:9.c al:C7-e-health focus:9.c", &cur.hash);
        let st = b.staleness(&s, &cur);
        assert!(!st.is_stale() && !st.is_broken(), "{st:?}");
        assert_eq!(st.summary(), "ok");
        let o = b.open(&s, &cur).unwrap();
        assert!(o.warnings.is_empty());
        assert_eq!(o.view.focus.as_deref(), Some("9.c"));
    }

    #[test]
    fn other_snapshot_and_missing_ids_are_listed_not_fatal() {
        let s = load_bundled().unwrap();
        let cur = snapshot_fingerprint(&s, BUNDLED.as_bytes());
        let b = bookmark(
            "target:9.c,9.z al:C12 source:\"gone source\" focus:9.z",
            "sha256:00",
        );
        let st = b.staleness(&s, &cur);
        assert!(st.is_stale() && st.is_broken());
        let ids: Vec<&str> = st.missing.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["C12", "9.z", "gone source", "9.z"]);
        let o = b.open(&s, &cur).unwrap();
        assert_eq!(o.view.focus, None);
        assert!(o.warnings[0].contains("was made on snapshot Old (2020-01-01"));
        assert!(o.warnings.iter().any(|w| w.contains("focus 9.z dropped")));
        // The view still applies: unknown values match nothing, no panic.
        let _ = crate::view::apply(&s, &o.view);
    }

    #[test]
    fn a_view_that_does_not_parse_is_reported() {
        let s = load_bundled().unwrap();
        let cur = snapshot_fingerprint(&s, BUNDLED.as_bytes());
        let b = bookmark("sgd:9", &cur.hash);
        assert!(b.staleness(&s, &cur).invalid.is_some());
        let e = b.open(&s, &cur).unwrap_err().to_string();
        assert!(e.starts_with("bookmark 'daily' has an invalid view"), "{e}");
        assert!(e.contains("did you mean 'sdg'"), "{e}");
    }

    #[test]
    fn unquote_reverses_quoting() {
        assert_eq!(unquote("\"World Bank\""), "World Bank");
        assert_eq!(unquote("\"a\\\"b\""), "a\"b");
        assert_eq!(unquote("C2"), "C2");
    }
}

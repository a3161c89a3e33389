//! Merging imported bookmarks into a store's list, and the report of what
//! happened to each one.
//!
//! Kept pure (lists in, list and report out) so every conflict rule is unit
//! tested without files; [`super::Store::import`] runs it under the lock.
//! A conflict is the same name with a *different* view; the same name and
//! view is "unchanged" whatever snapshot either was made on. Imported views
//! must parse but are not checked against the loaded snapshot: a colleague's
//! view may come from another snapshot, which staleness then reports.

use serde::Serialize;

use super::{Bookmark, MAX_NAME_CHARS, validate_name};
use crate::view;

/// What to do when an imported bookmark has the name of a different one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnConflict {
    /// Keep ours, skip theirs (the default: importing never destroys).
    #[default]
    Keep,
    /// Replace ours with theirs.
    Replace,
    /// Add theirs under a free name: `name (2)`, `name (3)` …
    Rename,
}

/// One name both lists had with different views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The name.
    pub name: String,
    /// Our view.
    pub ours: String,
    /// The imported view.
    pub theirs: String,
    /// What was done: `kept`, `replaced`, or the new name theirs got.
    pub resolution: String,
}

/// What an import did, bookmark by bookmark.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Names added as they were.
    pub added: Vec<String>,
    /// Names already present with the same view.
    pub unchanged: Vec<String>,
    /// Names present with another view.
    pub conflicts: Vec<Conflict>,
    /// Imported entries refused, with the reason (bad name or view).
    pub invalid: Vec<(String, String)>,
}

impl ImportReport {
    /// Whether something was left out: a conflict kept as ours, or an
    /// invalid entry.
    pub fn left_out(&self) -> bool {
        !self.invalid.is_empty() || self.conflicts.iter().any(|c| c.resolution == "kept")
    }
}

/// Merges `theirs` into `ours` (sorted by name afterwards); `now` stamps
/// bookmarks that change here.
pub fn merge(
    ours: &mut Vec<Bookmark>,
    theirs: Vec<Bookmark>,
    policy: OnConflict,
    now: &str,
) -> ImportReport {
    let mut report = ImportReport::default();
    for mut b in theirs {
        let name = match validate_name(&b.name) {
            Ok(n) => n,
            Err(e) => {
                report.invalid.push((b.name.clone(), e.to_string()));
                continue;
            }
        };
        match view::parse(&b.view) {
            Ok(v) => b.view = v.to_string(),
            Err(e) => {
                report
                    .invalid
                    .push((name, format!("invalid view:\n{}", e.render(&b.view))));
                continue;
            }
        }
        b.name = name;
        let Some(i) = ours.iter().position(|o| o.name == b.name) else {
            report.added.push(b.name.clone());
            ours.push(b);
            continue;
        };
        if ours[i].view == b.view {
            report.unchanged.push(b.name);
            continue;
        }
        let mut conflict = Conflict {
            name: b.name.clone(),
            ours: ours[i].view.clone(),
            theirs: b.view.clone(),
            resolution: "kept".into(),
        };
        match policy {
            OnConflict::Keep => {}
            OnConflict::Replace => {
                b.created = ours[i].created.clone();
                b.updated = now.to_string();
                ours[i] = b;
                conflict.resolution = "replaced".into();
            }
            OnConflict::Rename => {
                let new = free_name(ours, &b.name);
                conflict.resolution = format!("renamed to '{new}'");
                b.name = new;
                b.updated = now.to_string();
                ours.push(b);
            }
        }
        report.conflicts.push(conflict);
    }
    ours.sort_by(|a, b| a.name.cmp(&b.name));
    report
}

/// `name (2)`, `name (3)` … — the first not in `list`, shortened to fit.
fn free_name(list: &[Bookmark], name: &str) -> String {
    free_name_in(name, |c| list.iter().all(|b| b.name != c))
}

/// `name (2)`, `name (3)` … — the first that `is_free`, shortened to fit.
pub(crate) fn free_name_in(name: &str, is_free: impl Fn(&str) -> bool) -> String {
    (2u32..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
            let base: String = name.chars().take(room).collect();
            format!("{}{suffix}", base.trim_end())
        })
        .find(|candidate| is_free(candidate))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::SnapshotRef;

    fn bm(name: &str, view: &str) -> Bookmark {
        Bookmark {
            name: name.into(),
            view: view.into(),
            snapshot: SnapshotRef {
                title: "T".into(),
                date: "d".into(),
                hash: "sha256:00".into(),
            },
            created: "c".into(),
            updated: "u".into(),
        }
    }

    fn names(l: &[Bookmark]) -> Vec<&str> {
        l.iter().map(|b| b.name.as_str()).collect()
    }

    #[test]
    fn adds_new_keeps_same_and_reports_conflicts() {
        let mut ours = vec![bm("a", "sdg:4"), bm("b", "sdg:9")];
        let theirs = vec![bm("a", "sdg:4"), bm("b", "sdg:3"), bm("c", "al:c2  sdg:9")];
        let r = merge(&mut ours, theirs, OnConflict::Keep, "now");
        assert_eq!(r.added, ["c"]);
        assert_eq!(r.unchanged, ["a"]);
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(r.conflicts[0].resolution, "kept");
        assert!(r.left_out());
        assert_eq!(names(&ours), ["a", "b", "c"]);
        assert_eq!(ours[1].view, "sdg:9");
        // Imported views are stored canonically.
        assert_eq!(ours[2].view, "sdg:9 al:c2");
    }

    #[test]
    fn replace_and_rename() {
        let mut ours = vec![bm("b", "sdg:9"), bm("b (2)", "sdg:1")];
        let r = merge(
            &mut ours.clone(),
            vec![bm("b", "sdg:3")],
            OnConflict::Replace,
            "now",
        );
        assert_eq!(r.conflicts[0].resolution, "replaced");
        merge(&mut ours, vec![bm("b", "sdg:3")], OnConflict::Rename, "now");
        assert_eq!(names(&ours), ["b", "b (2)", "b (3)"]);
        assert_eq!(ours[2].view, "sdg:3");
    }

    #[test]
    fn invalid_entries_are_refused_with_a_reason() {
        let mut ours = Vec::new();
        let r = merge(
            &mut ours,
            vec![bm("", "sdg:4"), bm("x", "sgd:4")],
            OnConflict::Keep,
            "now",
        );
        assert!(ours.is_empty());
        assert_eq!(r.invalid.len(), 2);
        assert!(r.invalid[1].1.contains("did you mean 'sdg'"));
    }

    #[test]
    fn renamed_names_fit_the_limit() {
        let long = "x".repeat(80);
        let n = free_name(&[bm(&long, "")], &long);
        assert_eq!(n.chars().count(), 80);
        assert!(n.ends_with(" (2)"));
    }
}

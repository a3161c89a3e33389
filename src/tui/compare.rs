//! The snapshot's lifecycle in the app: `--compare OLD` marks what changed
//! in each Matrix cell, and `R` reloads the snapshot from disk keeping the
//! current view.
//!
//! Reloading replaces the snapshot only when the new file validates; when
//! it does not, the old data stays on screen and every problem is listed.
//! The view survives because it is kept as stable keys (chips are view
//! strings, the drill-down trail is re-resolved by key), never positions.

use std::path::Path;
use std::sync::Arc;

use super::filter;
use super::state::{Crumb, Cursor, Overlay, State};
use crate::diff::{ChangeKind, Diff};
use crate::entity::EntityRef;
use crate::search::Corpus;
use crate::selection::Selection;
use crate::snapshot::{LineId, Snapshot};

/// What the matrix is compared with.
#[derive(Debug)]
pub struct Compare {
    /// The older snapshot's name (file), for headings (sanitized).
    pub name: String,
    /// The older snapshot, kept so a reload can compare again.
    pub old: Arc<Snapshot>,
    /// Old → current.
    pub diff: Diff,
}

impl Compare {
    /// Compares `old` (named `name`) with `current`.
    pub fn new(name: &str, old: Arc<Snapshot>, current: &Snapshot) -> Self {
        let diff = Diff::between(&old, current);
        let name = crate::sanitize::sanitize(name, crate::sanitize::Lines::Single).into_owned();
        Compare { name, old, diff }
    }
}

/// The change at a Matrix cell, if any.
pub fn cell_change(st: &State, row: LineId, sdg: u8) -> Option<ChangeKind> {
    let c = st.compare.as_ref()?;
    c.diff.cell(&st.snap.line(row).id, sdg).map(|c| c.kind)
}

/// The glyph for a change: `+` added, `−` removed, `±` changed (`~` is taken by partial links).
pub fn change_mark(k: ChangeKind) -> char {
    match k {
        ChangeKind::Added => '+',
        ChangeKind::Removed => '−',
        ChangeKind::Changed => '±',
    }
}

/// Lines describing what changed in a cell since the compared snapshot.
pub fn cell_changes(st: &State, row: LineId, sdg: u8) -> Vec<String> {
    let Some(c) = &st.compare else {
        return Vec::new();
    };
    let row_id = &st.snap.line(row).id;
    let mut out = Vec::new();
    for l in c.diff.links_in(row_id, sdg) {
        let what = match l.change.kind {
            ChangeKind::Added => "added".to_string(),
            ChangeKind::Removed => "removed".to_string(),
            ChangeKind::Changed => {
                let fields: Vec<String> = l
                    .change
                    .fields
                    .iter()
                    .map(|f| format!("{}: {} → {}", f.field, short(&f.old), short(&f.new)))
                    .collect();
                format!("changed — {}", fields.join("; "))
            }
        };
        out.push(format!("{} {}", l.change.key, what));
    }
    out
}

fn short(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    super::ui_text_clip(&s, 60)
}

/// Replaces the snapshot, keeping the screen, filters, drill-down trail
/// (by key; records that no longer exist are dropped) and matrix settings.
pub fn replace_snapshot(st: &mut State, snap: Snapshot) -> Vec<String> {
    let trail: Vec<String> = st.trail.iter().map(|c| c.entity.key(&st.snap)).collect();
    // tour steps point at records too: keep them by key across the swap
    let tour_keys: Vec<Option<String>> = st.presenter.tour.as_ref().map_or_else(Vec::new, |t| {
        t.tour
            .steps
            .iter()
            .map(|s| s.focus.map(|e| e.key(&st.snap)))
            .collect()
    });
    st.snap = snap;
    if let Some(t) = &mut st.presenter.tour {
        for (step, key) in t.tour.steps.iter_mut().zip(tour_keys) {
            step.focus = key.and_then(|k| EntityRef::resolve(&st.snap, &k));
        }
    }
    if let Some(c) = &mut st.compare {
        c.diff = Diff::between(&c.old, &st.snap);
    }
    st.corpus = Arc::new(Corpus::new(&st.snap));
    st.sel = Selection::all(&st.snap);
    let mut lost = Vec::new();
    st.trail = trail
        .into_iter()
        .filter_map(|k| match EntityRef::resolve(&st.snap, &k) {
            Some(entity) => Some(Crumb {
                entity,
                cursor: Cursor::default(),
            }),
            None => {
                lost.push(k);
                None
            }
        })
        .collect();
    st.history = vec![st.location()];
    st.hist_pos = 0;
    st.rel_cursor = Cursor::default();
    let chips = st.chips.clone();
    filter::set_chips(st, chips); // re-applies the view, regrids and resorts
    st.sdg_cursor.clamp(st.sdg_items().len());
    st.line_cursor.clamp(st.line_items().len());
    lost
}

/// Reloads from `path`: on success the snapshot is replaced and the status
/// says what changed; on failure nothing changes and the problems are
/// shown. Returns whether the snapshot was replaced.
pub fn reload(st: &mut State, path: &Path) -> bool {
    match crate::diff::reload(path, &st.snap) {
        Ok(r) => {
            let changes: usize = r
                .diff
                .counts()
                .iter()
                .map(|(_, c)| c.added + c.removed + c.changed)
                .sum();
            let lost = replace_snapshot(st, r.snapshot);
            let mut msg = if r.diff.is_empty() {
                format!("reloaded {}: no changes", path.display())
            } else {
                let cells = r.diff.cells().len();
                format!(
                    "reloaded {}: {changes} change{} ({cells} Matrix cell{})",
                    path.display(),
                    if changes == 1 { "" } else { "s" },
                    if cells == 1 { "" } else { "s" },
                )
            };
            if !lost.is_empty() {
                msg.push_str(&format!(
                    " — no longer in the snapshot: {}",
                    lost.join(", ")
                ));
            }
            st.status = Some(clean(&msg));
            true
        }
        Err(e) => {
            let mut lines: Vec<String> = vec![
                "The file did not load; the data on screen is unchanged.".into(),
                String::new(),
            ];
            lines.extend(e.to_string().lines().map(clean));
            st.overlay = Some(Overlay::Message {
                title: "reload failed".into(),
                lines,
                scroll: 0,
            });
            st.status = Some(format!(
                "reload failed: {} problem(s) — the old data stays",
                e.problems().len()
            ));
            false
        }
    }
}

fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s, crate::sanitize::Lines::Single).into_owned()
}
